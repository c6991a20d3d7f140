"""Imports racing each other: one import per dataset and scope at a time, a version that follows
commit order, and an observations key that holds on databases created before it existed.

Every test gets a freshly seeded database (SQLite and PostgreSQL where it says so); the imports
run in threads of their own, as two uploads or two command lines would.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from data_access import db
from data_access.importing import OK, REFUSED, UNCHANGED, formats, import_file, locks
from data_access.importing.history import record, report_issues
from data_access.importing.locks import BUSY
from data_access.models import DataChange, Observation
from tests.data_access.importing.files import Workbook, exported, seed_totals

WAIT = 60  # seconds a test waits for a state before it fails (never reached when the code is right)


def observation_rows(engine) -> list[tuple]:
    """Every observation as stored, without its row id."""
    columns = [c for c in Observation.__table__.columns if c.name != "id"]
    with engine.connect() as conn:
        return sorted(conn.execute(select(*columns)).all(), key=repr)


def run(target: Callable[[], object], name: str = "import") -> tuple[threading.Thread, dict]:
    """`target` in a thread of its own; its result (or exception) lands in the returned dict."""
    box: dict = {}

    def body() -> None:
        try:
            box["result"] = target()
        except BaseException as exc:  # handed to the test, which fails with it
            box["error"] = exc

    thread = threading.Thread(target=body, name=name, daemon=True)
    thread.start()
    return thread, box


def test_two_imports_of_the_same_dataset_run_one_at_a_time_and_store_every_row_once(
    fresh_db, monkeypatch: pytest.MonkeyPatch
):
    """The second of two imports of one file, started while the first is writing, is refused at once
    on PostgreSQL (told to retry, and recorded so) and waits for the first on SQLite (one writer:
    both run, one after the other). Either way every row is stored once. The file is the unchanged
    export, so each import that runs writes and rolls back, leaving the figures as they were."""
    content = exported(formats.OBSERVATIONS, {})
    stored = observation_rows(fresh_db)
    first_writing, second_locking = threading.Event(), threading.Event()
    real_hold = locks.hold

    def hold(session, name, holder):
        if holder == "second":
            second_locking.set()
        return real_hold(session, name, holder)

    def first_waits_for_the_second(step: str) -> None:
        if step == "replaced":
            first_writing.set()
            second_locking.wait(WAIT)

    monkeypatch.setattr(locks, "hold", hold)
    first, first_box = run(
        lambda: import_file(content, "so-lieu-1.xlsx", user="first", step_hook=first_waits_for_the_second)
    )
    assert first_writing.wait(WAIT), f"the first import never started writing: {first_box}"
    second = import_file(content, "so-lieu-2.xlsx", user="second")
    first.join(WAIT)

    assert "error" not in first_box and first_box["result"].result == UNCHANGED
    kept = record(second.record_id)
    if fresh_db.dialect.name == "postgresql":
        assert second.result == REFUSED and second.error == BUSY
        assert (kept.username, kept.result, report_issues(kept)[1]) == ("second", REFUSED, BUSY)
    else:
        assert second.result == UNCHANGED, second.error
        assert (kept.username, kept.result) == ("second", UNCHANGED)
        # Both recorded; an unchanged import records itself after its rollback, so ids need not follow order.
        assert kept.id != first_box["result"].record_id
    assert observation_rows(fresh_db) == stored


def test_the_observations_key_refuses_a_row_stored_twice(fresh_db):
    with fresh_db.begin() as conn:
        first = conn.execute(select(Observation.__table__).order_by(Observation.id).limit(1)).mappings().one()
    copy = {k: v for k, v in first.items() if k != "id"}
    with pytest.raises(IntegrityError), fresh_db.begin() as conn:
        conn.execute(Observation.__table__.insert().values(**copy))


def test_an_existing_database_gets_the_key_and_loses_only_exact_copies(fresh_db):
    """A database from before the key, holding a row doubled by the old race, is upgraded in place."""
    stored = observation_rows(fresh_db)
    columns = ", ".join(c.name for c in Observation.__table__.columns if c.name != "id")
    with fresh_db.begin() as conn:
        conn.execute(text("DROP INDEX uq_observations_natural_key"))
        conn.execute(text("DROP TABLE data_version"))
        conn.execute(
            text(f"INSERT INTO observations ({columns}) SELECT {columns} FROM observations ORDER BY id LIMIT 3")
        )
        changes = conn.execute(select(func.max(DataChange.id))).scalar_one()
    assert len(observation_rows(fresh_db)) == len(stored) + 3

    db.create_schema(fresh_db)

    assert observation_rows(fresh_db) == stored
    indexes = {ix["name"]: ix["unique"] for ix in inspect(fresh_db).get_indexes("observations")}
    assert indexes.get("uq_observations_natural_key")
    # The version restarts above every change id, the value the cache keys used to carry.
    assert db.data_version(fresh_db) == changes


def _noted_export(level: str) -> bytes:
    """The 2022 scores of a level with one published note corrected: a real change to write."""
    book = Workbook(exported(formats.SCORES, {"year": 2022, "level": level}), formats.SCORES_SHEET)
    book.set(sorted(seed_totals(2022, level))[0], "Ghi chú công bố", "Đính chính")
    return book.bytes()


def _waiting_on_a_lock(engine) -> bool:
    """Is a connection of this server blocked on the data version row (another import holds it)?"""
    with engine.connect() as conn:
        return bool(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND query ILIKE 'UPDATE data_version%'"
                )
            ).scalar_one()
        )


@pytest.mark.parametrize("fresh_db", ["postgresql"], indirect=True)
def test_the_version_follows_commit_order_when_the_first_to_move_it_commits_last(
    fresh_db, monkeypatch: pytest.MonkeyPatch
):
    """Import A moves the version first and is held before committing; import B (another scope, so
    not refused) runs meanwhile. Whatever order they commit in, the version seen once both are in
    differs from the one seen while A was held: a view cached then is not served afterwards."""
    version_before = db.data_version()
    first_moved, release_first = threading.Event(), threading.Event()
    real_record_change = db.record_change

    def record_change(session, description):
        version = real_record_change(session, description)
        session.flush()  # the change is taken now, whatever the function leaves pending
        if threading.current_thread().name == "import-a":
            first_moved.set()
            release_first.wait(WAIT)
        return version

    monkeypatch.setattr(db, "record_change", record_change)
    department, district = (_noted_export(level) for level in ("department", "district"))
    a, a_box = run(lambda: import_file(department, "diem-so.xlsx", user="a"), name="import-a")
    assert first_moved.wait(WAIT), f"import A never moved the version: {a_box}"
    try:
        b, b_box = run(lambda: import_file(district, "diem-huyen.xlsx", user="b"))
        deadline = time.monotonic() + WAIT
        while b.is_alive() and not _waiting_on_a_lock(fresh_db):
            assert time.monotonic() < deadline, "import B neither finished nor waited for A"
            b.join(0.05)
        seen_while_a_held = db.data_version()
    finally:
        release_first.set()
    a.join(WAIT)
    b.join(WAIT)

    outcomes = [a_box.get("result"), b_box.get("result")]
    assert [o.result for o in outcomes] == [OK, OK], (a_box, b_box)
    seen_after = db.data_version()
    assert seen_after != seen_while_a_held
    assert seen_after == version_before + 2
    assert sorted(o.data_version for o in outcomes) == [version_before + 1, version_before + 2]
