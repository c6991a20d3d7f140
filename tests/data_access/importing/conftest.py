"""Fixtures for the import tests: a freshly seeded database per test, on SQLite and PostgreSQL.

Imports write, so these tests never share the session's seeded database: each gets its own
copy (SQLite) or its own restored schema (PostgreSQL), with an empty import history.

The seed is loaded once per session, into a template (a file for SQLite, a schema for PostgreSQL),
and each test starts from a copy of it: loading the seed again for every test, its checks, its
tables' DDL and its thousands of ORM inserts, was most of these tests' time on PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine, make_url

from data_access import db
from data_access.cache import cache
from data_access.models import Base, HistoryBase
from seed.loader import load_seed
from tests.conftest import DEFAULT_POSTGRES_URL, POSTGRES_SCHEMA, reachable_postgres, sqlite_url, use_database

IMPORT_SCHEMA = f"{POSTGRES_SCHEMA}_import"
# The seed as `load_seed` writes it into an empty schema, loaded once; read only, never a test's database.
TEMPLATE_SCHEMA = f"{POSTGRES_SCHEMA}_import_seed"
# Every object of a schema, with its oid and definition: equal before and after a test, the test left
# the schema's structure (tables, columns, keys, indexes, sequences) as it found it, and only rows differ.
STRUCTURE_SQL = """
SELECT string_agg(item, E'\\n' ORDER BY item) FROM (
    SELECT format('rel %s %s %s %s %s', c.oid, c.relname, c.relkind, c.relpersistence, c.reloptions) AS item
    FROM pg_class c WHERE c.relnamespace = CAST(:schema AS regnamespace)
    UNION ALL
    SELECT format('col %s %s %s %s %s %s %s', a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),
                  a.attnotnull, a.attisdropped, pg_get_expr(d.adbin, d.adrelid))
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace = CAST(:schema AS regnamespace) AND a.attnum > 0
    UNION ALL
    SELECT format('con %s %s %s %s', k.oid, k.conrelid, k.conname, pg_get_constraintdef(k.oid))
    FROM pg_constraint k WHERE k.connamespace = CAST(:schema AS regnamespace)
    UNION ALL
    SELECT format('idx %s %s', i.indexrelid, pg_get_indexdef(i.indexrelid))
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = CAST(:schema AS regnamespace)
    UNION ALL
    SELECT format('seq %s %s %s %s %s %s %s', s.seqrelid, s.seqtypid, s.seqstart, s.seqincrement, s.seqmin,
                  s.seqmax, s.seqcycle)
    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relnamespace = CAST(:schema AS regnamespace)
    UNION ALL
    SELECT format('trg %s %s', t.oid, pg_get_triggerdef(t.oid))
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = CAST(:schema AS regnamespace) AND NOT t.tgisinternal
    UNION ALL
    SELECT format('type %s %s', y.oid, y.typname) FROM pg_type y WHERE y.typnamespace = CAST(:schema AS regnamespace)
    UNION ALL
    SELECT format('fn %s %s', p.oid, p.proname) FROM pg_proc p WHERE p.pronamespace = CAST(:schema AS regnamespace)
) items
"""


@pytest.fixture(scope="session")
def seeded_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("import-template")
    load_seed(db.engine_for(sqlite_url(folder)))
    return folder / "dti.sqlite3"


def schema_url(server: str, schema: str) -> str:
    return (
        make_url(server).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    )


def structure(conn: Connection, schema: str) -> str:
    return conn.execute(text(STRUCTURE_SQL), {"schema": schema}).scalar_one() or ""


def sequence_names(conn: Connection, schema: str) -> list[str]:
    query = text("SELECT sequencename FROM pg_sequences WHERE schemaname = :schema ORDER BY 1")
    return list(conn.execute(query, {"schema": schema}).scalars())


class SeededSchema:
    """The import schema, put back before each test to what `load_seed` writes into an empty schema.

    The seed's rows are copied from the template schema, loaded once with `load_seed` (same ids, same
    sequence positions, same row order). When a test changed the structure (dropped an index or a
    table, altered a column, reloaded the seed with `reset=True`), the schema is dropped and its
    tables created again with `db.create_schema`, as `load_seed` creates them, before the copy.
    """

    def __init__(self, server: str) -> None:
        self.url = schema_url(server, IMPORT_SCHEMA)
        template = db.engine_for(schema_url(server, TEMPLATE_SCHEMA))
        load_seed(template)
        with template.connect() as conn:
            present = set(
                conn.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": TEMPLATE_SCHEMA}
                ).scalars()
            )
            self.sequences = [
                (name, *conn.execute(text(f"SELECT last_value, is_called FROM {TEMPLATE_SCHEMA}.{name}")).one())
                for name in sequence_names(conn, TEMPLATE_SCHEMA)
            ]
        template.dispose()
        # Parents before children, so each copy meets the keys it refers to.
        self.tables = [t.name for t in (*Base.metadata.sorted_tables, *HistoryBase.metadata.sorted_tables)]
        assert set(self.tables) == present, "the template holds exactly the models' tables"
        # The structure the schema had once last built; None: not built yet this session.
        self.built: str | None = None

    def restore(self) -> None:
        engine = db.engine_for(self.url)
        with engine.begin() as conn:
            rebuild = structure(conn, IMPORT_SCHEMA) != self.built
            if rebuild:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {IMPORT_SCHEMA} CASCADE"))
                conn.execute(text(f"CREATE SCHEMA {IMPORT_SCHEMA}"))
        if rebuild:
            db.create_schema(engine)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {', '.join(f'{IMPORT_SCHEMA}.{t}' for t in self.tables)}"))
            for table in self.tables:
                conn.execute(text(f"INSERT INTO {IMPORT_SCHEMA}.{table} SELECT * FROM {TEMPLATE_SCHEMA}.{table}"))
            for name, last_value, is_called in self.sequences:
                conn.execute(
                    text("SELECT setval(:name, :value, :called)"),
                    {"name": f"{IMPORT_SCHEMA}.{name}", "value": last_value, "called": is_called},
                )
            if rebuild:
                assert sequence_names(conn, IMPORT_SCHEMA) == [name for name, *_ in self.sequences]
                self.built = structure(conn, IMPORT_SCHEMA)


@pytest.fixture(scope="session")
def seeded_schema() -> Iterator[SeededSchema]:
    """The import schema and its template, each a schema of its own, dropped after the session."""
    reachable_postgres()
    server = os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    admin = create_engine(server)
    with admin.begin() as conn:
        for schema in (TEMPLATE_SCHEMA, IMPORT_SCHEMA):
            conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
    seeded = SeededSchema(server)
    yield seeded
    db.engine_for(seeded.url).dispose()
    with admin.begin() as conn:
        for schema in (IMPORT_SCHEMA, TEMPLATE_SCHEMA):
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_db(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeded_sqlite_file: Path
) -> Iterator[Engine]:
    """The seed as freshly loaded, for this test only, as the app sees it."""
    if request.param == "sqlite":
        shutil.copy(seeded_sqlite_file, tmp_path / "dti.sqlite3")
        url = sqlite_url(tmp_path)
    else:
        seeded = request.getfixturevalue("seeded_schema")
        seeded.restore()
        url = seeded.url
    yield use_database(monkeypatch, url)
    cache.clear()
