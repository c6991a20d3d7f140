"""The sign-in limit over HTTP: parallel wrong passwords, lock-out of one address only, proxies."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from auth import throttle
from auth.models import AuditEvent, SignInLimit
from data_access import db
from tests.conftest import TEST_ACCOUNTS
from tests.pages.conftest import form_token

USERNAME, PASSWORD, _ROLE, _UNIT = TEST_ACCOUNTS["leader"]


@pytest.fixture(autouse=True)
def no_tries_counted(dash_app):
    with db.session_scope() as session:
        session.query(SignInLimit).delete()
        session.query(AuditEvent).delete()
    yield
    with db.session_scope() as session:
        session.query(SignInLimit).delete()


def attempt(dash_app, password: str, address: str = "127.0.0.1", headers: dict[str, str] | None = None) -> int:
    """One sign-in from a fresh browser at `address`; the response status."""
    client = dash_app.server.test_client()
    token = form_token(client)
    return client.post(
        "/login",
        data={"username": USERNAME, "password": password, "csrf": token},
        environ_base={"REMOTE_ADDR": address},
        headers=headers or {},
    ).status_code


def audited_addresses(kind: str) -> list[str]:
    with db.session_scope() as session:
        return [e.address for e in session.query(AuditEvent).filter(AuditEvent.kind == kind)]


def test_forty_parallel_wrong_passwords_get_five_checked(dash_app):
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda n: attempt(dash_app, f"sai-{n}", "203.0.113.9"), range(40)))
    assert statuses.count(401) == throttle.MAX_FAILURES_PER_USER
    assert statuses.count(429) == 40 - throttle.MAX_FAILURES_PER_USER
    assert attempt(dash_app, PASSWORD, "203.0.113.9") == 429, "the right password waits out the window there"


def test_wrong_tries_from_one_address_do_not_lock_the_account_out_elsewhere(dash_app):
    for n in range(throttle.MAX_FAILURES_PER_USER):
        assert attempt(dash_app, f"sai-{n}", "203.0.113.9") == 401
    assert attempt(dash_app, PASSWORD, "203.0.113.9") == 429
    assert attempt(dash_app, PASSWORD, "198.51.100.7") == 302


def test_a_forwarded_address_is_ignored_unless_the_proxy_is_trusted(dash_app, monkeypatch):
    monkeypatch.delenv("DTI_TRUSTED_PROXIES", raising=False)
    for n in range(throttle.MAX_FAILURES_PER_USER):
        assert attempt(dash_app, "sai", "203.0.113.9", {"X-Forwarded-For": f"192.0.2.{n}"}) == 401
    assert attempt(dash_app, PASSWORD, "203.0.113.9", {"X-Forwarded-For": "192.0.2.99"}) == 429
    assert set(audited_addresses("login_failed")) == {"203.0.113.9"}


def test_behind_a_trusted_proxy_each_client_counts_on_its_own(dash_app, monkeypatch):
    monkeypatch.setenv("DTI_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1")
    for _ in range(throttle.MAX_FAILURES_PER_USER):
        assert attempt(dash_app, "sai", "10.0.0.2", {"X-Forwarded-For": "192.0.2.1, 127.0.0.1"}) == 401
    assert attempt(dash_app, PASSWORD, "10.0.0.2", {"X-Forwarded-For": "192.0.2.1"}) == 429
    assert attempt(dash_app, PASSWORD, "10.0.0.2", {"X-Forwarded-For": "192.0.2.2"}) == 302
    assert set(audited_addresses("login_failed")) == {"192.0.2.1"}
    # A client cannot pick its address by prepending to the header: the proxy appends the real one.
    assert attempt(dash_app, PASSWORD, "10.0.0.2", {"X-Forwarded-For": "192.0.2.7, 192.0.2.1"}) == 429
