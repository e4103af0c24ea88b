"""Instructions each command runs, counted under valgrind's callgrind: for comparing two
versions of the code where times are too noisy to tell them apart.

Run from the project root:  python benchmarks/instructions.py [--save F] [--compare F] [ARGS...]

Without ARGS it counts the floor of benchmarks/startup.py and one command per view on
the bundled catalog (warm cache, byte-compiled, as startup.py runs them); with ARGS,
the floor and `careercompare ARGS`. A count is the same from run to run to about 0.1%,
whatever else the machine is doing, so a change of a percent is real. It is not a time:
a process's start (loading files, mapping memory) costs time and few instructions, so
the ratios here are higher than startup.py's, and the budgets are startup.py's alone.

  --save F      write the counts to F (JSON)
  --compare F   print each command's change against the counts saved in F
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from startup import FLOOR, byte_compile, careercompare, views  # beside this file

_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count(command: list[str], env: dict[str, str]) -> int:
    """The instructions one run of the command executes (its children's not counted)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
    )
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"instructions: {' '.join(command)} failed under valgrind")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the counts to this JSON file")
    parser.add_argument("--compare", type=Path, help="counts saved by --save to compare with")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="one careercompare command")
    options = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("instructions: needs valgrind (Debian package 'valgrind')")
    byte_compile()
    commands = [options.args] if options.args else views()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "CAREERCOMPARE_CACHE_DIR": folder}
        env.pop("CAREERCOMPARE_NO_CACHE", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # valgrind follows no shim: the interpreter itself, as sys.executable names it
        cases = {"floor": FLOOR, **{" ".join(c): careercompare(*c) for c in commands}}
        for command in cases.values():  # the warm-up fills the cache, as a first run does
            subprocess.run(command, env=env, capture_output=True, check=False)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            counts = dict(
                zip(cases, pool.map(lambda c: count(c, env), cases.values()), strict=True)
            )
    before = json.loads(options.compare.read_text()) if options.compare else {}
    floor = counts["floor"]
    print(f"{'command':44} {'instructions':>14} {'x floor':>8}" + ("  change" if before else ""))
    for name, total in counts.items():
        line = f"{name:44} {total:14,} {total / floor:8.2f}"
        if name in before:
            line += f"  {(total - before[name]) / before[name]:+7.2%}"
        print(line)
    if options.save:
        options.save.write_text(json.dumps(counts, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
