"""The layout of the occupation database, shared by its importer and its reader."""

from __future__ import annotations

from careercompare.bundled_database import BASE_SCHEMA

FORMAT = "1"
SCHEMA = (
    BASE_SCHEMA
    + """
CREATE TABLE projections (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, line_item INTEGER NOT NULL, parent TEXT,
    employment_base TEXT NOT NULL, employment_target TEXT NOT NULL,
    change TEXT NOT NULL, percent TEXT NOT NULL, self_employed TEXT, openings TEXT,
    wage INTEGER, wage_at_least INTEGER NOT NULL,
    education TEXT, experience TEXT, training TEXT
) WITHOUT ROWID;
CREATE TABLE onet (
    code TEXT PRIMARY KEY, soc TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
    job_zone INTEGER
) WITHOUT ROWID;
CREATE INDEX onet_soc ON onet (soc);
CREATE TABLE tasks (
    code TEXT NOT NULL, task_id INTEGER NOT NULL, task TEXT NOT NULL, core INTEGER NOT NULL,
    PRIMARY KEY (code, task_id)
) WITHOUT ROWID;
CREATE TABLE interests (
    code TEXT PRIMARY KEY, realistic REAL, investigative REAL, artistic REAL, social REAL,
    enterprising REAL, conventional REAL
) WITHOUT ROWID;
CREATE TABLE related (
    code TEXT NOT NULL, related TEXT NOT NULL, tier TEXT NOT NULL, rank INTEGER NOT NULL,
    PRIMARY KEY (code, related)
) WITHOUT ROWID;
CREATE TABLE titles (
    key TEXT NOT NULL, title TEXT NOT NULL, soc TEXT NOT NULL, kind TEXT NOT NULL,
    PRIMARY KEY (key, soc, kind)
) WITHOUT ROWID;
CREATE TABLE job_zones (
    zone INTEGER PRIMARY KEY, name TEXT NOT NULL, experience TEXT NOT NULL,
    education TEXT NOT NULL, training TEXT NOT NULL
);
CREATE TABLE state_projections (
    fips TEXT NOT NULL, code TEXT NOT NULL, title TEXT NOT NULL, base INTEGER NOT NULL,
    projected INTEGER NOT NULL, percent REAL, openings INTEGER, PRIMARY KEY (code, fips)
) WITHOUT ROWID;
CREATE TABLE riasec_keywords (
    interest TEXT NOT NULL, keyword TEXT NOT NULL, kind TEXT NOT NULL
);
"""
)
INTERESTS = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
# The kinds of name a title row is: BLS's, O*NET's own, and the titles people use.
TITLE_KINDS = ("bls", "onet", "short", "alternate", "reported")
