"""The package's layers import downward only, counting imports inside functions."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "careercompare"

# The parts of the package, lowest first. A part may import its own modules and
# those of parts in lower layers, never a part of its own layer or above; the ground
# floor's modules may import each other (the cycle test still holds for them).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "errors",
            "sanitize",
            "digest",
            "terminal",
            "output_file",
            "bundled",
            "bundled_database",
            "user_folders",
            "choices",
            "__init__",
        }
    ),
    frozenset({"catalog"}),
    frozenset({"wages", "occupations", "programs", "results"}),
    frozenset({"views", "render", "importers"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, modules: set[str]) -> Iterator[str]:
    """Every careercompare module a file imports at run time, wherever the import is."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            # the body never runs; its imports are for the type checker only
            for inner in node.body:
                for child in ast.walk(inner):
                    child._skip = True  # type: ignore[attr-defined]
    for node in ast.walk(tree):
        if getattr(node, "_skip", False):
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if not node.module.startswith("careercompare"):
                continue
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                yield submodule if submodule in modules else node.module


def _graph() -> dict[str, set[str]]:
    files = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    modules = set(files)
    return {
        name: set(_imports(ast.parse(path.read_text(encoding="utf-8")), modules)) - {name}
        for name, path in files.items()
    }


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(part: str) -> int:
    return next(number for number, layer in enumerate(LAYERS) if part in layer)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_back_through_others() -> None:
    assert _cycles(_graph()) == []


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {_part(module) for module in _graph()}
    unplaced = parts - set().union(*LAYERS)
    assert not unplaced, f"add {sorted(unplaced)} to LAYERS"


def test_every_import_runs_downward() -> None:
    upward = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        for target in targets
        if _part(module) != _part(target)
        and _layer(_part(target)) >= _layer(_part(module))
        and _layer(_part(module)) > 0
    ]
    assert upward == []


def test_the_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    code = "def f():\n    from careercompare.cli import app\n"
    assert list(_imports(ast.parse(code), {"careercompare.cli"})) == ["careercompare.cli"]


def test_the_check_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize(
    "code",
    [
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from careercompare.cli import app\n"
    ],
)
def test_imports_for_the_type_checker_only_are_not_counted(code: str) -> None:
    assert list(_imports(ast.parse(code), {"careercompare.cli"})) == []


def _package_map() -> dict[str, str]:
    """The entries of DEVELOPMENT.md's map of the packages: {'views/': its text, ...}."""
    text = (PACKAGE.parent.parent / "docs" / "DEVELOPMENT.md").read_text(encoding="utf-8")
    block = text.split("src/careercompare/\n", 1)[1].split("```", 1)[0]
    entries: dict[str, str] = {}
    key = ""
    for line in block.splitlines():
        if line.startswith("  ") and not line.startswith("   "):  # a new entry
            key, _, rest = line.strip().partition(" ")
            entries[key] = rest
        elif key:
            entries[key] += " " + line.strip()
    return entries


def test_the_map_of_the_packages_names_every_module() -> None:
    entries = _package_map()
    whole = " ".join(f"{key} {text}" for key, text in entries.items())
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__init__.py" or "__pycache__" in path.parts:
            continue
        part = path.relative_to(PACKAGE).parts
        where = whole if len(part) == 1 else entries.get(f"{part[0]}/", "")
        if path.name not in where:
            missing.append("/".join(part))
    assert not missing, f"docs/DEVELOPMENT.md's map does not name: {missing}"
