"""Imports point down (docs/architecture.md): project package → publications → people → cms platform.

Read from the source with `ast`, so an import inside a function counts as much as one at the top.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project package's top layer: it wires the apps together and may name them only in strings.
PROJECT_MODULES = {"cms.urls", "cms.admin_site", "cms.settings", "cms.wsgi", "cms.asgi"}
APP_FLOORS = {"publications": 3, "people": 2, "cms": 1}
PROJECT_FLOOR = 4


def floor(module: str) -> int | None:
    if module in PROJECT_MODULES:
        return PROJECT_FLOOR
    return APP_FLOORS.get(module.split(".")[0])


def imports_of(path: Path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for alias in node.names:  # `from cms import urls` names a module too
                yield node.lineno, f"{node.module}.{alias.name}"


def import_arrows():
    for package in APP_FLOORS:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            for line, imported in imports_of(path):
                yield f"{path.relative_to(ROOT)}:{line}", floor(module), imported, floor(imported)


def test_no_module_imports_one_on_a_floor_above_it():
    upward = [f"{where}: {imported}" for where, mine, imported, theirs in import_arrows() if theirs and theirs > mine]

    assert upward == []


def test_the_project_package_knows_the_apps_only_by_strings():
    by_name = [
        f"{where}: {imported}"
        for where, mine, imported, theirs in import_arrows()
        if mine == PROJECT_FLOOR and theirs in {APP_FLOORS["publications"], APP_FLOORS["people"]}
    ]

    assert by_name == []
