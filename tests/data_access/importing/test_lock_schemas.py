"""The import lock on PostgreSQL belongs to a schema: advisory locks are the whole database's, and
two deployments (or test runs) in two schemas of one database must not refuse each other's imports."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from data_access.importing import locks
from tests.conftest import DEFAULT_POSTGRES_URL, reachable_postgres


def in_schema(schema: str) -> str:
    base = make_url(os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    return base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


@pytest.fixture
def two_schemas():
    reachable_postgres()
    names = [f"dti_lock_{os.getpid()}_{side}" for side in ("a", "b")]
    admin = create_engine(os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    with admin.begin() as conn:
        for name in names:
            conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {name}"))
    engines = [create_engine(in_schema(name)) for name in names]
    yield engines
    for engine in engines:
        engine.dispose()
    with admin.begin() as conn:
        for name in names:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
    admin.dispose()


def test_an_import_in_one_schema_does_not_block_the_same_import_in_another(two_schemas):
    first, other = two_schemas
    with Session(first) as holding, Session(other) as elsewhere, Session(first) as same_place:
        locks.hold(holding, "observations", "a")
        locks.hold(elsewhere, "observations", "b")  # another schema: free
        with pytest.raises(locks.ImportBusy):
            locks.hold(same_place, "observations", "c")
        holding.rollback()
        locks.hold(same_place, "observations", "c")  # released with the first transaction
