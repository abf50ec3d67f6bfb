"""The shape of the house (issue 11): small rooms, no twins, no import circles, one access idiom.

These read the source, not the running site: they fail when a change brings back what the
reshaping of ``network/`` and ``signals/`` removed.
"""

import ast
import functools
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("coalition", "network", "signals", "monitoring", "bench")
MAX_LINES = 400


def source_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def parsed(path: Path) -> ast.Module:
    """The syntax tree of a source file, read once for this module's tests (none changes it)."""
    return ast.parse(path.read_text())


def test_no_source_file_is_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): n
        for path in source_files()
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }

    assert too_long == {}


def test_no_prefixed_twin_files_in_network():
    twins = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "network").rglob("*.py")
        if re.search(r"(^partners?_|_partners?$)", path.stem)
    ]

    assert twins == []


def test_no_two_classes_share_a_name():
    names = Counter()
    for path in source_files():
        if "commands" in path.parts:
            continue  # Django requires every management command to be called Command
        tree = parsed(path)
        names.update(node.name for node in tree.body if isinstance(node, ast.ClassDef))

    assert [name for name, count in names.items() if count > 1] == []


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules a file imports at its top level or inside functions."""
    found = set()
    package = module_name(path).rsplit(".", 1)[0] if path.stem != "__init__" else module_name(path)
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            # "from package import module" imports the module; anything else, the module named.
            modules = [f"{base}.{alias.name}" for alias in node.names]
            candidates = [name for name in modules if name in known] or [base]
        else:
            continue
        found.update(name for name in candidates if name in known)
    return found


def test_no_import_circle():
    files = {module_name(path): path for path in source_files()}
    graph = {name: imports_of(path, set(files)) - {name} for name, path in files.items()}
    circles = []
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                circles.append(trail[trail.index(target) :] + [target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])

    assert circles == []


# The README's architecture: coalition ← network ← signals; monitoring reads all three and
# nothing of ours imports monitoring (the benchmarks may read anything).
MAY_NOT_IMPORT = {
    "coalition": ("network", "signals", "monitoring"),
    "network": ("signals", "monitoring"),
    "signals": ("monitoring",),
}


def test_imports_point_one_way():
    files = {module_name(path): path for path in source_files()}
    wrong = sorted(
        (name, target)
        for name, path in files.items()
        for target in imports_of(path, set(files))
        if target.split(".")[0] in MAY_NOT_IMPORT.get(name.split(".")[0], ())
    )

    assert wrong == []
