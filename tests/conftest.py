"""Shared fixtures: seeded databases (SQLite always, PostgreSQL where reachable) and the cache.

A service the suite needs but cannot reach is a skip with the reason, except when CI asks
for it (`REQUIRE_POSTGRES=1`, `REQUIRE_REDIS=1`): then it is a failure.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError

from auth import users
from data_access import db
from data_access.cache import cache, configure_cache
from data_access.settings import SEED_DIR
from seed.loader import load_seed

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# One schema per test run, so two runs on one machine (or helpers working side by side) never share rows.
POSTGRES_SCHEMA = os.environ.get("TEST_POSTGRES_SCHEMA") or f"dti_test_{os.getpid()}"


def seed_target_statuses() -> dict[str, str]:
    """Each target's status recomputed from seed/data/targets.csv itself, independently of the app."""
    statuses = {}
    with open(SEED_DIR / "targets.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if not row["actual_value"]:
                statuses[row["target_code"]] = "no_data"
                continue
            actual, target = float(row["actual_value"]), float(row["target_value"])
            reached = actual >= target if row["comparator"] == ">=" else actual > target
            statuses[row["target_code"]] = "met" if reached else "not_met"
    return statuses


# Test accounts (name, password, role, unit), created in the test databases only.
TEST_ACCOUNTS = {
    "leader": ("test-leader", "leader-password-1", "leader", None),
    "admin": ("test-admin", "admin-password-1", "admin", None),
    "unit_head": ("test-so-y-te", "unit-head-password-1", "unit_head", "binh-phuoc-so-y-te"),
}


def create_test_accounts(url: str) -> None:
    """The accounts of TEST_ACCOUNTS in the (seeded) database at `url`."""
    engine = db.engine_for(url)
    existing = {account.username for account in users.list_accounts(engine)}
    for username, password, role, unit in TEST_ACCOUNTS.values():
        if username not in existing:
            users.create_user(username, role, unit_code=unit, password=password, engine=engine)


# Rough cost of one test, in seconds on an idle 2-core machine: a test that drives Chromium (a page
# drawn, or charts drawn for an export) costs tens of times one that does not.
CHROMIUM_TEST_SECONDS = 8.0
OTHER_TEST_SECONDS = 0.2


def estimated_seconds(item: pytest.Item) -> float:
    """What `item` is likely to cost: whether it drives Chromium decides it."""
    drives_chromium = item.get_closest_marker("browser") is not None or "chromium" in getattr(item, "fixturenames", ())
    return CHROMIUM_TEST_SECONDS if drives_chromium else OTHER_TEST_SECONDS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest modules first, each module's tests in their written order.

    xdist (`--dist loadfile --no-loadscope-reorder`) deals whole modules to its workers in this
    order, so the two workers start on the long browser modules and end together on short ones,
    instead of one worker still running a long module dealt last while the other sits idle.
    """
    cost: dict[Path, float] = {}
    for item in items:
        cost[item.path] = cost.get(item.path, 0.0) + estimated_seconds(item)
    written = {path: index for index, path in enumerate(cost)}
    items.sort(key=lambda item: (-cost[item.path], written[item.path]))


def skip_or_fail(required_by: str, reason: str) -> None:
    """Skip when a service is missing, unless the environment says it is required."""
    if os.environ.get(required_by) == "1":
        pytest.fail(f"{reason} ({required_by}=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def query_cache() -> Flask:
    """The query layer memoizes through flask-caching, which needs an app to hold its backend."""
    server = Flask("dti-tests")
    configure_cache(server)
    return server


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'dti.sqlite3'}"


def postgres_url() -> str:
    """The test database, in a schema of its own so nothing else in `test` is touched."""
    base = make_url(os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    return base.update_query_dict({"options": f"-csearch_path={POSTGRES_SCHEMA}"}).render_as_string(hide_password=False)


def reachable_postgres() -> str:
    url = os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {POSTGRES_SCHEMA}"))
        engine.dispose()
    except OperationalError as exc:
        skip_or_fail("REQUIRE_POSTGRES", f"PostgreSQL not reachable at {url}: {str(exc.orig).strip()}")
    return postgres_url()


def use_database(monkeypatch: pytest.MonkeyPatch, url: str) -> Engine:
    """Point the app's engine at `url` and start from an empty cache."""
    monkeypatch.setenv("DATABASE_URL", url)
    cache.clear()
    return db.get_engine()


@pytest.fixture(scope="session")
def seeded_sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = sqlite_url(tmp_path_factory.mktemp("seeded"))
    load_seed(db.engine_for(url))
    return url


@pytest.fixture(scope="session")
def seeded_postgres_url() -> Iterator[str]:
    url = reachable_postgres()
    load_seed(db.engine_for(url), reset=True)
    yield url
    db.engine_for(url).dispose()
    engine = create_engine(os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {POSTGRES_SCHEMA} CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def seeded_db(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The seeded database as the app sees it, once per supported backend."""
    fixture = "seeded_sqlite_url" if request.param == "sqlite" else "seeded_postgres_url"
    yield use_database(monkeypatch, request.getfixturevalue(fixture))
    cache.clear()


@pytest.fixture
def empty_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    yield use_database(monkeypatch, sqlite_url(tmp_path))
    cache.clear()
