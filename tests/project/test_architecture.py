"""The architecture holds: nothing inside validator/ imports back up (no import cycle, imports inside
functions included), no module above 400 lines, no function above complexity 15 (ruff's C901, configured
in pyproject.toml), and few modules at the top of the package."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "validator"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, modules: set[str]) -> set[str]:
    """The validator modules a module imports anywhere (at the top or inside functions), leaving out
    imports under `if TYPE_CHECKING:`. `from a import b` counts a.b when that is a module, else a."""
    found: set[str] = set()
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in modules else node.module)
        stack.extend(ast.iter_child_nodes(node))
    return {name for name in found if name in modules}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    modules = set(paths)
    graph = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # A package's own __init__ is imported with any of its modules: an edge to it is not a step up.
        graph[name] = {other for other in _imports(tree, modules) if other != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for other in sorted(graph[node]):
            if state.get(other) == 1:
                return [*path[path.index(other) :], other]
            if other not in state:
                found = visit(other)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_validator_has_no_import_cycle_function_level_imports_included() -> None:
    graph = _graph()
    assert "validator.api" in graph
    assert "validator.core.pipeline" in graph["validator.api"]
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import() -> None:
    modules = {"validator.a", "validator.b"}
    a = _imports(ast.parse("from validator import b\n"), modules)
    b = _imports(ast.parse("def f():\n    from validator.a import x\n"), modules)
    hidden = _imports(ast.parse("if TYPE_CHECKING:\n    import validator.a\n"), modules)
    assert _cycle({"validator.a": a, "validator.b": b}) == ["validator.a", "validator.b", "validator.a"]
    assert hidden == set()


def test_nothing_in_the_core_or_the_checks_imports_the_facade_the_cli_or_the_output() -> None:
    upper = ("validator.api", "validator.cli", "validator.output", "validator.workspace", "validator.sdk_guard")
    lower = ("validator.core", "validator.rules", "validator.readers", "validator.schema", "validator.fixes")
    graph = _graph()
    wrong = [
        (name, other)
        for name, imported in graph.items()
        if name.startswith(lower)
        for other in imported
        if other.startswith(upper)
    ]
    assert wrong == []


def test_the_language_server_imports_nothing_of_the_command_line() -> None:
    """Both are front ends of one pipeline (the command line only starts the server): what they share lives
    below them, in workspace and rules."""
    graph = _graph()
    wrong = [
        (name, other)
        for name, imported in graph.items()
        if name.startswith("validator.server")
        for other in imported
        if other.startswith("validator.cli")
    ]
    assert wrong == []


def test_no_module_is_longer_than_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_at_most_eight_modules_at_the_top_of_the_package() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py") if path.name not in ("__init__.py", "__main__.py"))
    assert len(top) <= 8, top


def test_ci_enforces_complexity_15() -> None:
    lint = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    assert "C90" in lint["select"]
    assert lint["mccabe"]["max-complexity"] == 15
    assert "ruff check validator tests" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_no_function_of_the_checking_takes_a_language() -> None:
    """Messages are rendered at output: the core, the rules, the readers, the fixes and the file checks make
    findings whose messages carry every language, and only the output and the facade choose one."""
    checking = ("core", "rules", "readers", "schema", "fixes", "workspace", "instance")
    taking = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
        for folder in checking
        for path in (PACKAGE / folder).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef)
        and "lang" in [argument.arg for argument in (*node.args.args, *node.args.kwonlyargs)]
        # A text rendered in a language: a Message, a rule's own fix line, a finding for the output; and the
        # rule reference, which writes documentation in both.
        and node.name not in ("render", "line", "fix_line", "in_language")
        and path.name != "reference.py"
    ]
    assert taking == []
