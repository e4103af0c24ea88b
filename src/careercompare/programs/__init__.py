"""School programs: the College Scorecard by school, field of study and credential, and the
CIP-SOC crosswalk from fields of study to occupations, in SQLite."""
