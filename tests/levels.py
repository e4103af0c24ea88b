"""How many of the collected tests run command-line code: `python -m tests.levels`.

A test counts as a command-line test when its code (or a helper of its module that it
calls) uses the `run` fixture, `main()`, the Typer app, a subprocess or a module of
`careercompare.cli`. Most tests should not: they test results, renderers and importers
directly, and a thin layer checks the command line (docs/DEVELOPMENT.md, Tests).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CLI_NAMES = {"run", "main", "app", "subprocess", "terminal_run", "run_in_terminal"}


def _uses_cli(function: ast.FunctionDef, helpers: set[str]) -> bool:
    if any(argument.arg == "run" for argument in function.args.args):
        return True
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and (node.id in _CLI_NAMES or node.id in helpers):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("careercompare.cli"):
            return True
    return False


def _module_functions(path: Path) -> tuple[dict[str, ast.FunctionDef], set[str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    helpers: set[str] = set()
    for _ in range(3):  # helpers that call helpers
        helpers |= {
            name
            for name, function in functions.items()
            if not name.startswith("test_") and _uses_cli(function, helpers)
        }
    return functions, helpers


def main() -> int:
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    ids = [line for line in collected.splitlines() if "::" in line]
    every: Counter[str] = Counter()
    cli: Counter[str] = Counter()
    modules: dict[str, tuple[dict[str, ast.FunctionDef], set[str]]] = {}
    for test_id in ids:
        path, rest = test_id.split("::", 1)
        name = rest.split("[")[0].split("::")[-1]
        if path not in modules:
            modules[path] = _module_functions(ROOT / path)
        functions, helpers = modules[path]
        every[path] += 1
        if _uses_cli(functions[name], helpers):
            cli[path] += 1
    for path in sorted(every):
        print(f"{cli[path]:5d} of {every[path]:5d}  {path}")
    total, through_cli = sum(every.values()), sum(cli.values())
    print(f"{through_cli} of {total} tests run command-line code ({through_cli / total:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
