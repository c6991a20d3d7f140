"""Bringing a database created by an earlier version of the app up to the current schema.

The schema is created with `create_all`, which adds missing tables but never touches existing
ones; what an existing table gained since is added here, idempotently, each time the schema is
prepared (on every start and every seed load). Both steps run on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from data_access.models import (
    OBSERVATION_KEY,
    REORGANISATION_KEY_NAME,
    DataChange,
    DataVersion,
    HistoryBase,
    Observation,
    PillarScore,
    PublishedIndex,
    PublishedResult,
    Reorganisation,
    Unit,
)

log = logging.getLogger("dti.migrations")

VERSION_ROW = 1


def _ensure_version_row(engine: Engine) -> None:
    """The single version row, started above every change id a cache key may already hold (the
    version used to be the highest change id, and Redis keeps keys across restarts). The history's
    tables are created here too, once, rather than by two imports racing to create them."""
    HistoryBase.metadata.create_all(engine)
    with engine.begin() as conn:
        if conn.execute(select(DataVersion.id).where(DataVersion.id == VERSION_ROW)).first() is not None:
            return
        start = conn.execute(select(func.coalesce(func.max(DataChange.id), 0))).scalar_one()
    try:
        with engine.begin() as conn:
            conn.execute(DataVersion.__table__.insert().values(id=VERSION_ROW, version=start))
    except IntegrityError:
        pass  # another process starting at the same moment created it first


def _ensure_observation_key(engine: Engine) -> None:
    """The observations' unique key. Rows stored twice by concurrent imports before the key existed
    are exact copies (every column but the id equal): the copies go, the first of each stays."""
    index = next(i for i in Observation.__table__.indexes if i.unique)
    columns = ", ".join(c.name for c in Observation.__table__.columns if c.name != "id")
    with engine.begin() as conn:
        existing = {ix["name"] for ix in conn.dialect.get_indexes(conn, Observation.__tablename__)}
        if index.name in existing:
            return
        removed = conn.execute(
            text(f"DELETE FROM observations WHERE id NOT IN (SELECT MIN(id) FROM observations GROUP BY {columns})")
        ).rowcount
        if removed:
            log.warning("Đã xoá %d dòng số liệu bị ghi hai lần trước khi có khoá duy nhất", removed)
        key = ", ".join(OBSERVATION_KEY)
        clashes = conn.execute(
            text(f"SELECT COUNT(*) FROM (SELECT 1 FROM observations GROUP BY {key} HAVING COUNT(*) > 1) AS d")
        ).scalar_one()
        if clashes:
            log.warning(
                "Chưa thêm khoá duy nhất cho số liệu: %d nhóm số liệu trùng khoá nhưng khác giá trị, cần sửa tay",
                clashes,
            )
            return
        index.create(conn)


def _ensure_published_index_rank(engine: Engine) -> None:
    """The national rank beside a published index value (importable since province-level indices are):
    a nullable column, so rows stored before it keep their values and simply have no rank."""
    table = PublishedIndex.__tablename__
    with engine.begin() as conn:
        if not inspect(conn).has_table(table):
            return
        if "rank" in {c["name"] for c in inspect(conn).get_columns(table)}:
            return
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN rank INTEGER"))


def _widen_reorganisation_key(engine: Engine) -> None:
    """The reorganisations' key was one row per predecessor and date, which cannot hold a district
    divided among several communes; it is now one per predecessor, successor and date. Every stored
    row satisfies the wider key, so the rows are kept as they are. PostgreSQL swaps the constraint;
    SQLite cannot drop one, so the small table is rebuilt under the new definition and refilled."""
    table = Reorganisation.__table__
    old = ["predecessor_id", "effective_date"]
    with engine.begin() as conn:
        if not inspect(conn).has_table(table.name):
            return
        found = [u for u in inspect(conn).get_unique_constraints(table.name) if u["column_names"] == old]
        if not found:
            return
        if conn.dialect.name == "postgresql":
            conn.execute(text(f'ALTER TABLE {table.name} DROP CONSTRAINT "{found[0]["name"]}"'))
            key = next(c for c in table.constraints if c.name == REORGANISATION_KEY_NAME)
            columns = ", ".join(column.name for column in key.columns)
            conn.execute(text(f"ALTER TABLE {table.name} ADD CONSTRAINT {REORGANISATION_KEY_NAME} UNIQUE ({columns})"))
            return
        columns = ", ".join(c.name for c in table.columns)
        conn.execute(text(f"ALTER TABLE {table.name} RENAME TO {table.name}_before_key"))
        table.create(conn)
        conn.execute(text(f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM {table.name}_before_key"))
        conn.execute(text(f"DROP TABLE {table.name}_before_key"))
    log.info("Khoá của bảng sắp xếp đơn vị đã mở rộng: một huyện có thể chia cho nhiều xã")


# The lookup indexes added after the first databases were created (each `index=True` on its model).
LOOKUP_INDEXES = ((Unit, "parent_id"), (Unit, "kind"), (PillarScore, "pillar_id"), (PublishedResult, "unit_id"))


def _ensure_lookup_indexes(engine: Engine) -> None:
    """The indexes the pages' lookups need: a unit's parent (the pages scoped to one province select its
    units by parent) and kind (a level's field), a score's pillar (a level's points of a year) and a
    result's unit (one unit's history). Without them each is a scan of the whole country's rows.
    `IF NOT EXISTS` (SQLite and PostgreSQL both have it) keeps two processes starting at once from
    tripping over each other."""
    with engine.begin() as conn:
        schema = inspect(conn)
        for model, column in LOOKUP_INDEXES:
            table = model.__tablename__
            index = next(i for i in model.__table__.indexes if [c.name for c in i.columns] == [column])
            if not schema.has_table(table) or index.name in {ix["name"] for ix in schema.get_indexes(table)}:
                continue
            conn.execute(text(f"CREATE INDEX IF NOT EXISTS {index.name} ON {table} ({column})"))


def upgrade(engine: Engine) -> None:
    """Add to an existing schema what `create_all` does not: the version row, the observations' key,
    the published indices' rank, the reorganisations' wider key, the lookup indexes (`LOOKUP_INDEXES`)."""
    _ensure_version_row(engine)
    _ensure_observation_key(engine)
    _ensure_published_index_rank(engine)
    _widen_reorganisation_key(engine)
    _ensure_lookup_indexes(engine)
