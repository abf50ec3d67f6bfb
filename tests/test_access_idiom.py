"""One way to decide access: ``@login_required`` with ``@permission_required`` on the view, an
access module's ``get_<thing>_for`` for object rules, ``perms`` in templates.

A source scan, so that a home-made check (a ``require_*()`` call, ``coordinator_required``, a
group name asked in a view or template) cannot come back unnoticed.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("network", "signals", "monitoring")

# Django's own method decorators; every other ``require_*`` name is a home-made check.
HTTP_DECORATORS = {"require_GET", "require_POST", "require_safe", "require_http_methods"}
# Helpers that decided access before permissions did; none may come back, anywhere.
RETIRED = {"coordinator_required", "may_moderate", "may_use_workspace", "_is_moderator"}
# Role questions a view must not ask: "may this user…" is a permission.
NOT_IN_VIEWS = {"is_coordinator", "is_staff_member", "is_superuser"}
TEMPLATE_ROLE_CHECK = re.compile(r"\b(is_coordinator|is_partner|may_moderate|user\.is_superuser)\b")


def view_modules() -> list[Path]:
    paths = []
    for app in APPS:
        paths += (ROOT / app).rglob("views.py")
        paths += (ROOT / app).rglob("views/*.py")
    return sorted(paths)


def app_modules() -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    )


def names_in(path: Path) -> list[tuple[int, str]]:
    """Every name the module uses or defines, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Name):
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute):
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.FunctionDef | ast.alias):
            found.append((getattr(node, "lineno", 0), node.name.split(".")[-1]))
    return found


def decorator_name(node: ast.expr) -> str:
    node = node.func if isinstance(node, ast.Call) else node
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def test_the_scan_finds_the_view_modules():
    found = {path.relative_to(ROOT).as_posix() for path in view_modules()}

    assert {
        "network/views.py",
        "network/socialmap/views/workspace.py",
        "network/partnership/views/meetings.py",
        "signals/views/detail.py",
        "monitoring/views.py",
    } <= found


def test_no_view_calls_a_require_helper_or_asks_a_role():
    offences = []
    for path in view_modules():
        for line, name in names_in(path):
            home_made = name.startswith("require_") and name not in HTTP_DECORATORS
            if home_made or name in NOT_IN_VIEWS | RETIRED:
                offences.append(f"{path.relative_to(ROOT)}:{line} {name}")

    assert offences == []


def test_the_retired_access_helpers_are_gone_from_every_module():
    offences = [
        f"{path.relative_to(ROOT)}:{line} {name}"
        for path in app_modules()
        for line, name in names_in(path)
        if name in RETIRED or (name.startswith("require_") and name not in HTTP_DECORATORS)
    ]

    assert offences == []


def test_every_login_required_view_also_names_its_permission():
    offences = []
    for path in view_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.FunctionDef):
                continue
            decorators = {decorator_name(d) for d in node.decorator_list}
            if "login_required" in decorators and "permission_required" not in decorators:
                offences.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")

    assert offences == []


def test_no_template_asks_a_role_instead_of_perms():
    offences = [
        f"{path.relative_to(ROOT)}:{number} {match.group(1)}"
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for number, text in enumerate(path.read_text().splitlines(), start=1)
        for match in TEMPLATE_ROLE_CHECK.finditer(text)
    ]

    assert offences == []
