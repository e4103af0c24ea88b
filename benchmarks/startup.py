"""Start-up benchmark: each command as a whole process, against the import floor.

Run from the project root:  python benchmarks/startup.py [--export BLS.csv] [--runs 7]

It times every command with the bundled catalog, a catalog imported from a BLS
export of about 800 occupations (generated, or the real export given with
--export) and a synthetic 10,000-role catalog, interleaving the floor

    python -c "import typer, rich.console, rich.table; from pydantic import BaseModel, TypeAdapter"

with the commands in every round so that machine noise hits both alike. It
prints the median time and peak memory of each, their ratios to the floor, and
exits 1 when a budget is broken. It is not a test: CI does not run it.

The package is byte-compiled first, as `pip install` does: in an editable
install with PYTHONDONTWRITEBYTECODE set, Python would otherwise compile every
module of careercompare from source at every start, which no installed copy does.

Commands use a cache directory of the benchmark's own, which the warm-up run
fills, as a user's first run does. The rows marked "cache off" show what a
command costs when the catalog has to be validated (the first run after
installing, or after editing a catalog); on the bundled catalog they have a
budget. The views measured are read from the app (one help example each), and
`benchmarks/naive_peer.py` is the same table done the obvious way, in one file.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIME = shutil.which("time", path="/usr/bin:/bin") or "/usr/bin/time"
FLOOR = [
    sys.executable,
    "-c",
    "import typer, rich.console, rich.table; from pydantic import BaseModel, TypeAdapter",
]
ROOT = Path(__file__).resolve().parent.parent
PEER = [
    sys.executable,
    str(ROOT / "benchmarks" / "naive_peer.py"),
    "--data",
    str(ROOT / "data" / "roles.json"),
]
# (time budget, memory budget) as ratios to the floor, per catalog.
VIEW_BUDGETS = {
    "bundled": (1.30, 1.30),
    "bundled, cache off": (1.50, 1.45),
    "bls-800": (1.40, 1.50),
    "synthetic-10k": (2.50, 3.50),
}
COMMAND_BUDGETS = {"--version": 0.30, "--help": 0.60}
# Commands on the bundled catalog with budgets of their own (time, memory; ratios to the
# floor): local wages, any occupation of the tables, and every occupation listed.
WAGE_CASES: dict[str, tuple[list[str], float, float | None]] = {
    "salary ma moa --area FL": (["salary", "ma", "moa", "--area", "FL"], 1.35, None),
    "wages ma --by metro": (["wages", "ma", "--by", "metro"], 1.50, None),
    "show respiratory therapist": (["show", "respiratory therapist"], 1.35, 1.35),
    "table 29-1126 scrub tech": (["table", "29-1126", "scrub tech"], 1.35, 1.35),
    "outlook ma --area FL": (["outlook", "ma", "--area", "FL"], 1.35, 1.35),
    "roles --all": (["roles", "--all"], 1.50, 1.50),
    "match --all": (
        [
            "match",
            "--all",
            "--no-input",
            "-a",
            "patient-care=yes",
            "-a",
            "clinical-skills=yes",
            "-a",
            "work-type=clinical",
            "-a",
            "entry-speed=fast",
            "-a",
            "long-term-growth=a-lot",
            "-a",
            "office-tasks=no",
            "-a",
            "interests=social,realistic",
        ],
        1.60,
        1.60,
    ),
    "programs ma --area FL": (["programs", "ma", "--area", "FL"], 1.35, 1.35),
    "payback ma phlebotomist --area tampa": (
        [
            "payback",
            "ma",
            "phlebotomist",
            "--area",
            "tampa",
            "--current-pay",
            "30000",
            "--cost",
            "4000",
            "--months",
            "6",
        ],
        1.35,
        1.35,
    ),
}
IMPORT_BUDGET = (120.0, 500.0)  # import-oews of the all-data workbook: seconds, MiB
PEER_BUDGET = 0.90  # `table` on the bundled catalog, as a share of the naive peer's time


def views() -> list[list[str]]:
    """One command line per view: the first example of its help that runs without a
    prompt or a file of its own, read from the app so that a new view is measured too."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import view_examples

    chosen: dict[str, list[str]] = {}
    for example in view_examples():
        if example[0] in chosen or "--format" in example:
            continue
        example = [word for word in example if word != "--json"]  # each view as it is drawn
        done = subprocess.run(
            careercompare(*example), stdin=subprocess.DEVNULL, capture_output=True, check=False
        )
        if done.returncode == 0:
            chosen[example[0]] = example
    return list(chosen.values())


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time in seconds and peak resident memory in MiB of one process.

    GNU time starts the command from its own small process and reports its peak
    memory; measured from here, a fork would count the pages of this benchmark.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as report:
        start = time.perf_counter()
        done = subprocess.run(
            [TIME, "-f", "%M", "-o", report.name, *command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            env=env,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"benchmark: {' '.join(command)} failed")
        peak_kib = float(report.read().split()[-1])
    return elapsed, peak_kib / 1024


def byte_compile() -> None:
    """Compile the measured copy of careercompare to bytecode, as an install does."""
    import careercompare

    package = Path(careercompare.__file__).parent
    if not compileall.compile_dir(package, quiet=1):
        print(f"benchmark: could not byte-compile {package}; its times include compiling")


def careercompare(*args: str) -> list[str]:
    return [sys.executable, "-m", "careercompare", *args]


def generated_export(path: Path, count: int = 800) -> Path:
    """A BLS-style export with `count` made-up occupations (same quirks as the real one)."""
    header = (
        '"Occupation Title","Occupation Code","Employment 2024","Employment 2034",'
        '"Employment Change, 2024-2034","Employment Percent Change, 2024-2034",'
        '"Occupational Openings, 2024-2034 Annual Average","Median Annual Wage 2024",'
        '"Typical Entry-Level Education","Education Code",'
        '"Work Experience in a Related Occupation","Workex Code",'
        '"Typical on-the-job Training","trCode"'
    )
    rows = [
        f'"Benchmark occupation {n:04d}    * Bench title {n}a* Bench title {n}b",'
        f'"=""{90 + n // 10000:02d}-{n % 10000:04d}""","{n % 900 + 10:,}.5","{n % 900 + 11:,}.0",'
        f'"0.5","{50 / (n % 900 + 10.5):.1f}","{n % 90 + 1}.2","{40000 + n * 37:,}",'
        '"Bachelor\'s degree","3","None","4","None","6"'
        for n in range(1, count + 1)
    ]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def imported_catalog(export: Path, out: Path) -> Path:
    subprocess.run(
        careercompare("import-bls", str(export), "--with-bundled", "--out", str(out), "--force"),
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return out


def synthetic_catalog(base: Path, out: Path, total: int = 10_000) -> Path:
    """The bundled catalog padded with copies of an imported role up to `total` roles."""
    data = json.loads(base.read_text(encoding="utf-8"))
    template = data["roles"][-1]
    extra = total - len(data["roles"])
    for n in range(extra):
        role = json.loads(json.dumps(template))
        role["id"] = f"synthetic-role-{n}"
        role["name"] = f"Synthetic role {n}"
        role["aliases"] = [f"synthetic alias {n}"]
        for figure in role["salary"] + role["outlook"]:
            figure["id"] = f"synthetic-{n}-{figure['id']}"
        data["roles"].append(role)
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--export", type=Path, help="a real BLS export to import for the middle row"
    )
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (at least 7)")
    parser.add_argument(
        "--import-workbook",
        type=Path,
        help="time import-oews of this workbook too (benchmarks/oews_workbook.py makes one)",
    )
    options = parser.parse_args()
    runs = max(7, options.runs)
    if not Path(TIME).exists():
        raise SystemExit("benchmark: needs GNU time (Debian package 'time') to read peak memory")
    byte_compile()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        export = options.export or generated_export(tmp / "export.csv")
        bls = imported_catalog(export, tmp / "bls.json")
        synthetic = synthetic_catalog(bls, tmp / "synthetic.json")
        catalogs = {
            "bundled": [],
            "bls-800": ["--data", str(bls)],
            "synthetic-10k": ["--data", str(synthetic)],
        }
        env = {**os.environ, "CAREERCOMPARE_CACHE_DIR": str(tmp / "cache")}
        env.pop("CAREERCOMPARE_NO_CACHE", None)
        uncached = {**env, "CAREERCOMPARE_NO_CACHE": "1"}
        cases: dict[str, tuple[list[str], dict[str, str]]] = {
            "floor": (FLOOR, env),
            "--version": (careercompare("--version"), env),
            "--help": (careercompare("--help"), env),
        }
        for catalog, data in catalogs.items():
            for view in [*views(), ["validate"]]:
                cases[f"{' '.join(view)} [{catalog}]"] = (careercompare(*data, *view), env)
        for view in views():
            cases[f"{' '.join(view)} [bundled, cache off]"] = (careercompare(*view), uncached)
        for catalog, data in catalogs.items():
            cases[f"table [{catalog}, cache off]"] = (careercompare(*data, "table"), uncached)
        cases["naive peer (table)"] = (PEER, env)
        for name, (args, _, _) in WAGE_CASES.items():
            cases[name] = (careercompare(*args), env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        memory: dict[str, list[float]] = {name: [] for name in cases}
        for round_number in range(runs + 1):
            for name, (command, command_env) in cases.items():
                elapsed, peak = measure(command, command_env)
                if round_number:  # round 0 is the warm-up
                    times[name].append(elapsed)
                    memory[name].append(peak)
    floor_time = statistics.median(times["floor"])
    floor_memory = max(memory["floor"])
    broken = []
    print(f"{'command':44} {'median s':>9} {'x floor':>8} {'peak MiB':>9} {'x floor':>8}")
    for name in cases:
        median_time = statistics.median(times[name])
        peak = max(memory[name])
        time_ratio, memory_ratio = median_time / floor_time, peak / floor_memory
        print(f"{name:44} {median_time:9.3f} {time_ratio:8.2f} {peak:9.1f} {memory_ratio:8.2f}")
        budget = budget_for(name)
        if budget is None:
            continue
        time_budget, memory_budget = budget
        if time_ratio > time_budget:
            broken.append(f"{name}: time {time_ratio:.2f} x floor > {time_budget}")
        if memory_budget is not None and memory_ratio > memory_budget:
            broken.append(f"{name}: memory {memory_ratio:.2f} x floor > {memory_budget}")
    peer = statistics.median(times["naive peer (table)"])
    against_peer = statistics.median(times["table [bundled]"]) / peer
    print(f"{'table [bundled] / naive peer':44} {against_peer:9.2f}")
    if against_peer > PEER_BUDGET:
        broken.append(f"table: {against_peer:.2f} of the naive peer's time > {PEER_BUDGET}")
    print(
        f"\n{runs} runs per command after a warm-up; "
        f"floor median {floor_time:.3f} s, peak {floor_memory:.1f} MiB"
    )
    if options.import_workbook:
        broken += time_import(options.import_workbook)
    for line in broken:
        print(f"BUDGET BROKEN: {line}")
    return 1 if broken else 0


def time_import(workbook: Path) -> list[str]:
    """One import of a large workbook into a data folder of its own: seconds and MiB."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "CAREERCOMPARE_DATA_DIR": folder}
        command = careercompare("import-oews", str(workbook), "--release", "May 2099", "-q")
        elapsed, peak = measure(command, env)
    seconds, mib = IMPORT_BUDGET
    print(f"{'import-oews ' + workbook.name:44} {elapsed:9.1f} s {peak:9.1f} MiB")
    broken = []
    if elapsed > seconds:
        broken.append(f"import-oews: {elapsed:.0f} s > {seconds:.0f} s")
    if peak > mib:
        broken.append(f"import-oews: {peak:.0f} MiB > {mib:.0f} MiB")
    return broken


def budget_for(name: str) -> tuple[float, float | None] | None:
    if name in COMMAND_BUDGETS:
        return COMMAND_BUDGETS[name], None
    if name in WAGE_CASES:
        return WAGE_CASES[name][1], WAGE_CASES[name][2]
    for catalog, budget in VIEW_BUDGETS.items():  # other "cache off" rows: no budget
        if name.endswith(f"[{catalog}]") and not name.startswith("validate"):
            return budget
    return None


if __name__ == "__main__":
    raise SystemExit(main())
