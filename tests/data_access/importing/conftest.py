"""Fixtures for the import tests: a freshly seeded database per test, on SQLite and PostgreSQL.

Imports write, so these tests never share the session's seeded database: each gets its own
copy (SQLite) or its own reloaded schema (PostgreSQL), with an empty import history.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from data_access import db
from data_access.cache import cache
from data_access.models import HistoryBase
from seed.loader import load_seed
from tests.conftest import DEFAULT_POSTGRES_URL, POSTGRES_SCHEMA, reachable_postgres, sqlite_url, use_database

IMPORT_SCHEMA = f"{POSTGRES_SCHEMA}_import"


@pytest.fixture(scope="session")
def seeded_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("import-template")
    load_seed(db.engine_for(sqlite_url(folder)))
    return folder / "dti.sqlite3"


@pytest.fixture(scope="session")
def import_postgres_url() -> Iterator[str]:
    """A schema of its own, reloaded for every test that uses it."""
    reachable_postgres()
    server = os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    admin = create_engine(server)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {IMPORT_SCHEMA}"))
    url = make_url(server).update_query_dict({"options": f"-csearch_path={IMPORT_SCHEMA}"})
    yield url.render_as_string(hide_password=False)
    db.engine_for(url.render_as_string(hide_password=False)).dispose()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {IMPORT_SCHEMA} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_db(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeded_sqlite_file: Path
) -> Iterator[Engine]:
    """The seed, freshly loaded for this test only, as the app sees it."""
    if request.param == "sqlite":
        shutil.copy(seeded_sqlite_file, tmp_path / "dti.sqlite3")
        url = sqlite_url(tmp_path)
    else:
        url = request.getfixturevalue("import_postgres_url")
        engine = db.engine_for(url)
        HistoryBase.metadata.drop_all(engine)
        load_seed(engine, reset=True)
    yield use_database(monkeypatch, url)
    cache.clear()
