"""One engine per database URL, sessions, schema creation and the data version."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Engine, create_engine, func, inspect, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from data_access import migrations, settings
from data_access.models import Base, DataChange, DataVersion, Unit


class DatabaseUnavailable(RuntimeError):
    """The database did not answer; pages show a friendly message instead of a traceback."""


SQLITE_BUSY_TIMEOUT_SECONDS = 30


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """A pooled engine for `url`; cached so the whole process shares one pool per database."""
    connect_args: dict[str, object] = {}
    if url.startswith("postgresql"):
        connect_args["connect_timeout"] = 5
    elif url.startswith("sqlite"):
        # SQLite has one writer at a time: a burst of sign-ins and audit events queues behind it on a
        # busy machine, and waiting half a minute for the lock beats answering "database is locked".
        connect_args["timeout"] = SQLITE_BUSY_TIMEOUT_SECONDS
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def get_engine() -> Engine:
    return engine_for(settings.database_url())


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session whose work is committed together or not at all."""
    factory = sessionmaker(bind=engine or get_engine(), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def create_schema(engine: Engine | None = None) -> None:
    engine = engine or get_engine()
    Base.metadata.create_all(engine)
    migrations.upgrade(engine)


def drop_schema(engine: Engine | None = None) -> None:
    Base.metadata.drop_all(engine or get_engine())


def is_empty(engine: Engine | None = None) -> bool:
    """True when the schema is missing or holds no units yet (a fresh database)."""
    engine = engine or get_engine()
    if not inspect(engine).has_table(Unit.__tablename__):
        return True
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Unit)).scalar_one() == 0


def ping(engine: Engine | None = None) -> None:
    """Raise `DatabaseUnavailable` with the driver's reason when the database does not answer."""
    try:
        with (engine or get_engine()).connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise DatabaseUnavailable(str(exc.orig or exc).strip().splitlines()[0]) from exc


def data_version(engine: Engine | None = None) -> int:
    """The version row's counter (see `DataVersion`); 0 before the schema was prepared."""
    with (engine or get_engine()).connect() as conn:
        version = conn.execute(select(DataVersion.version).where(DataVersion.id == migrations.VERSION_ROW))
        return version.scalar_one_or_none() or 0


def record_change(session: Session, description: str) -> int:
    """Log the change and move the data version on by one, inside the caller's transaction; the new
    version. The update holds the row until the caller commits, so versions follow commit order."""
    session.add(DataChange(description=description))
    session.flush()
    moved = session.execute(
        update(DataVersion)
        .where(DataVersion.id == migrations.VERSION_ROW)
        .values(version=DataVersion.version + 1)
        .returning(DataVersion.version)
    ).scalar_one_or_none()
    if moved is None:
        raise RuntimeError("the data version row is missing: prepare the schema with db.create_schema first")
    return moved
