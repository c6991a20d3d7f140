"""An existing database is brought up to the current schema in place, on SQLite and PostgreSQL, and
preparing the schema twice changes nothing the second time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError

from data_access import db, migrations
from tests.conftest import DEFAULT_POSTGRES_URL, POSTGRES_SCHEMA, skip_or_fail, sqlite_url

# A schema of its own: these tests drop an index, which must not touch the seeded schema of the run.
SCHEMA = f"{POSTGRES_SCHEMA}_migrations"


@pytest.fixture(params=["sqlite", "postgresql"])
def schema_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database with the current schema prepared, once per backend."""
    if request.param == "sqlite":
        engine = create_engine(sqlite_url(tmp_path))
        db.create_schema(engine)
        yield engine
        engine.dispose()
        return
    base = os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    admin = create_engine(base, connect_args={"connect_timeout": 3})
    try:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    except OperationalError as exc:
        skip_or_fail("REQUIRE_POSTGRES", f"PostgreSQL not reachable at {base}: {str(exc.orig).strip()}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={SCHEMA}"})
    engine = create_engine(url)
    db.create_schema(engine)
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    admin.dispose()


def indexes(engine: Engine, table: str) -> dict[str, list[str]]:
    return {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes(table)}


LOOKUPS = [(model.__tablename__, column) for model, column in migrations.LOOKUP_INDEXES]


@pytest.mark.parametrize(("table", "column"), LOOKUPS)
def test_a_new_database_has_the_lookup_indexes(schema_db, table, column):
    assert [column] in indexes(schema_db, table).values()


@pytest.mark.parametrize(("table", "column"), LOOKUPS)
def test_a_database_from_before_a_lookup_index_gets_it_and_a_second_start_changes_nothing(schema_db, table, column):
    (name,) = [n for n, cols in indexes(schema_db, table).items() if cols == [column]]
    with schema_db.begin() as conn:
        conn.execute(text(f"DROP INDEX {name}"))
    assert [column] not in indexes(schema_db, table).values()

    db.create_schema(schema_db)
    db.create_schema(schema_db)

    assert [cols for cols in indexes(schema_db, table).values() if cols == [column]] == [[column]]
