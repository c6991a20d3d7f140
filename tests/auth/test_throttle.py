"""The sign-in limit on both databases: tries are counted atomically, per (name, address) and per address."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from auth import throttle, users
from auth.models import SignInLimit
from data_access import db


@pytest.fixture
def limits(seeded_db):
    users.create_tables(seeded_db)
    with db.session_scope(seeded_db) as session:
        session.query(SignInLimit).delete()
    yield seeded_db
    with db.session_scope(seeded_db) as session:
        session.query(SignInLimit).delete()


def test_forty_parallel_tries_for_one_account_get_five_checks(limits):
    with ThreadPoolExecutor(max_workers=20) as pool:
        allowed = list(pool.map(lambda _: throttle.try_allowed("admin", "203.0.113.9", limits), range(40)))
    assert allowed.count(True) == throttle.MAX_FAILURES_PER_USER


def test_tries_from_one_address_do_not_block_the_name_from_another(limits):
    for _ in range(throttle.MAX_FAILURES_PER_USER):
        assert throttle.try_allowed("admin", "203.0.113.9", limits)
    assert not throttle.try_allowed("admin", "203.0.113.9", limits)
    assert throttle.try_allowed("admin", "198.51.100.7", limits)


def test_one_address_trying_many_names_is_limited_too(limits):
    allowed = [throttle.try_allowed(f"ten-{n}", "203.0.113.9", limits) for n in range(25)]
    assert allowed.count(True) == throttle.MAX_FAILURES_PER_ADDRESS


def test_a_right_password_gives_its_try_back(limits):
    for _ in range(throttle.MAX_FAILURES_PER_USER - 1):
        assert throttle.try_allowed("admin", "203.0.113.9", limits)
    assert throttle.try_allowed("admin", "203.0.113.9", limits)
    throttle.succeeded("admin", "203.0.113.9", limits)
    assert throttle.try_allowed("admin", "203.0.113.9", limits), "earlier failures from this address are forgiven"
