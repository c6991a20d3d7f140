"""The layers stay layered: data flows database → data_access → components → pages, never back.

Read from the source with `ast` (nothing is imported or run), so a wrong import fails here, in CI,
before it can grow into a cycle: `auth` does not import `pages`; `data_access` imports neither
`components` nor anything web; `components` are pure builders (no database, no request); the
shared `domain` imports no framework at all; pages read data through `data_access` and never open
a session on the engine themselves.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Rule(NamedTuple):
    """Modules under `package` must not import a module named in `forbidden` (or below it)."""

    package: str
    forbidden: tuple[str, ...]
    why: str


DASH = ("dash", "dash_bootstrap_components")
WEB = (*DASH, "flask", "web")
RULES = (
    Rule("domain", ("sqlalchemy", *WEB, "plotly", "data_access", "components", "pages", "auth", "exports"), "pure"),
    Rule("components", ("sqlalchemy", "flask", "data_access", "auth", "pages", "web", "exports"), "pure builders"),
    # flask only for flask-caching (data_access/cache.py): the cache lives with the queries it keys.
    Rule(
        "data_access",
        ("components", "pages", "auth", "exports", "dash", "dash_bootstrap_components", "web"),
        "below the web",
    ),
    Rule("auth", ("pages",), "the guard serves the pages, not the other way round"),
    Rule("web", ("pages", "auth", "data_access"), "what a request carries, read by pages and auth alike"),
    Rule("pages", ("sqlalchemy.orm", "sqlalchemy.engine", "data_access.db.get_engine", "data_access.models"), "no SQL"),
)


def imported_names(path: Path, package: str) -> set[str]:
    """Every module (`module.name` for a from-import) the file imports, at any depth of the file."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # a relative import stays inside its package
                module = f"{package}.{module}".rstrip(".")
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _matches(name: str, forbidden: str) -> bool:
    return name == forbidden or name.startswith(f"{forbidden}.")


def violations(root: Path, rules: tuple[Rule, ...] = RULES) -> list[str]:
    """`file: imports module (rule)` for every import that crosses a layer the wrong way."""
    found = []
    for rule in rules:
        for path in sorted((root / rule.package).rglob("*.py")):
            for name in sorted(imported_names(path, rule.package)):
                if any(_matches(name, forbidden) for forbidden in rule.forbidden):
                    found.append(f"{path.relative_to(root)}: imports {name} ({rule.package}: {rule.why})")
    return found


def test_the_project_keeps_its_layers():
    assert violations(PROJECT_ROOT) == []


@pytest.mark.parametrize(
    ("module", "source", "reported"),
    [
        ("auth/bad.py", "from pages._context import language\n", "pages._context.language"),
        ("data_access/bad.py", "from components.downloads import csv_bytes\n", "components.downloads.csv_bytes"),
        ("components/bad.py", "def f():\n    from data_access import queries\n", "data_access.queries"),
        ("components/bad.py", "import sqlalchemy\n", "sqlalchemy"),
        ("domain/bad.py", "from dash import html\n", "dash.html"),
        ("pages/bad.py", "from sqlalchemy.orm import Session\n", "sqlalchemy.orm.Session"),
        ("pages/bad.py", "from data_access.db import get_engine\n", "data_access.db.get_engine"),
    ],
)
def test_a_module_that_crosses_a_layer_is_reported(tmp_path, module, source, reported):
    for rule in RULES:
        (tmp_path / rule.package).mkdir()
    (tmp_path / module).write_text(source, encoding="utf-8")
    found = violations(tmp_path)
    assert len(found) == 1 and found[0].startswith(f"{module}: imports {reported} ")


def test_what_a_page_may_import_is_not_reported(tmp_path):
    for rule in RULES:
        (tmp_path / rule.package).mkdir()
    (tmp_path / "pages" / "fine.py").write_text(
        "from sqlalchemy.exc import SQLAlchemyError\nfrom data_access import queries\nfrom components import figures\n",
        encoding="utf-8",
    )
    assert violations(tmp_path) == []
