"""One import at a time per dataset and scope, on every database.

Two imports of one observations file started together both deleted the old rows, then both
inserted theirs: the table held every row twice. The import's transaction now starts by taking
a lock named after what it replaces; a second import of the same thing is refused with a
message to try again, and writes nothing.

- PostgreSQL: a transaction-level advisory lock, tried without waiting and released by the
  commit or rollback itself (nothing to clean up after a crash). Advisory locks are the whole
  database's, so the key holds the schema the import writes to: two deployments (or two test
  runs) in two schemas of one database never refuse each other's imports.
- SQLite: a row written to `import_locks` as the transaction's first statement, which takes the
  database's write lock for the whole transaction, so every read of the import (the version it
  replaces included) happens under the lock. SQLite has one writer: a refused import could not
  even record its refusal while the other writes, so the second import waits for the first
  (up to `SQLITE_WAIT_SECONDS`) and then runs after it; only a longer wait is refused.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from data_access.importing import formats as f
from data_access.models import ImportLock

# How long a second import waits for the first on SQLite (an import of the largest template takes seconds).
SQLITE_WAIT_SECONDS = 60
BUSY = "Đang có một lần nạp khác cho dữ liệu này; hãy thử lại sau khi nó xong."


class ImportBusy(RuntimeError):
    """Another import of the same dataset and scope holds the lock."""

    def __init__(self) -> None:
        super().__init__(BUSY)


# A dataset that writes another's rows takes that dataset's lock (the reorganisation writes the units).
SHARED_LOCKS: dict[str, str] = {}


def lock_name(dataset: str, scope: dict) -> str:
    """What an import replaces: a framework and the scores scored by it share their year and level (a
    framework changing under a scores import would change the maxima it was checked against); a plan's
    targets their plan, and its responsibilities theirs; a framework's tasks its year and level too (a
    framework import deletes the tasks of a pillar it drops); published indices their year; observations
    and units their whole dataset (their files overlap freely)."""
    if dataset in (f.FRAMEWORK, f.SCORES, f.TASKS):
        return f"year-level:{scope.get('year')}:{scope.get('level')}"
    if dataset == f.TARGETS:
        return f"plan:{scope.get('plan')}"
    if dataset == f.RESPONSIBILITIES:
        return f"responsibilities:{scope.get('plan')}"
    if dataset == f.INDICES:
        return f"indices:{scope.get('year')}"
    return SHARED_LOCKS.get(dataset, dataset)


def advisory_key(schema: str, name: str) -> int:
    """A stable signed 64-bit key for `pg_try_advisory_xact_lock` (Python's hash() changes per process)."""
    return int.from_bytes(hashlib.sha256(f"dti-import:{schema}:{name}".encode()).digest()[:8], "big", signed=True)


def hold(session: Session, name: str, holder: str) -> None:
    """Take the lock `name` for the rest of the session's transaction, or raise `ImportBusy`.

    Must be the transaction's first statement (see the module's note on SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        schema = session.execute(select(func.current_schema())).scalar_one() or ""
        if not session.execute(select(func.pg_try_advisory_xact_lock(advisory_key(schema, name)))).scalar_one():
            raise ImportBusy
        return
    statement = sqlite_insert(ImportLock).values(name=name, holder=holder, taken_at=datetime.now(UTC))
    statement = statement.on_conflict_do_update(
        index_elements=[ImportLock.name], set_={"holder": holder, "taken_at": statement.excluded.taken_at}
    )
    connection = session.connection()
    usual = connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_WAIT_SECONDS * 1000}")
    try:
        session.execute(statement)
    except OperationalError as exc:
        if "locked" in str(exc.orig):
            raise ImportBusy from exc
        raise
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(usual)}")
