"""A Redis that hangs (SIGSTOP) costs one short timeout: queries are served from the database,
`/healthz` still answers and says the cache is unavailable, and the outage is one log line."""

from __future__ import annotations

import logging
import os
import signal

import pytest

from data_access import queries, settings
from data_access.cache import cache, cache_state, configure_cache
from tests.services import own_redis

PUBLISHED_YEARS = [2022]


@pytest.fixture
def app_on_own_redis(dash_app, tmp_path, monkeypatch):
    """The app's cache pointed at a redis-server of this test's own; restored to in-process after."""
    with own_redis(tmp_path) as (process, url):
        monkeypatch.setenv("CACHE_REDIS_URL", url)
        monkeypatch.setenv("DTI_CACHE_TIMEOUT_SECONDS", "0.3")
        configure_cache(dash_app.server)
        try:
            yield dash_app, process
        finally:
            os.kill(process.pid, signal.SIGCONT)
            monkeypatch.delenv("CACHE_REDIS_URL")
            configure_cache(dash_app.server)


def test_a_hung_redis_is_bypassed_and_reported(app_on_own_redis, anonymous_client, caplog):
    dash_app, redis_process = app_on_own_redis
    with dash_app.server.app_context():
        assert cache_state() == "ok"
        expected = queries.available_years()
        assert expected, "the seeded database has years"
        assert anonymous_client.get("/healthz").get_json() == {"status": "ok", "cache": "ok"}

        os.kill(redis_process.pid, signal.SIGSTOP)
        cache.clear()  # also hits the frozen server: must return, not hang or raise
        with caplog.at_level(logging.WARNING, logger="dti.cache"):
            for _ in range(5):
                assert queries.available_years() == expected
                assert queries.unit(settings.focus_unit_code() or queries.focus_unit_code()) is not None

        health = anonymous_client.get("/healthz")
        assert health.status_code == 200
        assert health.get_json() == {"status": "ok", "cache": "unavailable"}
        outage_lines = [r for r in caplog.records if r.name == "dti.cache"]
        assert len(outage_lines) == 1, [r.getMessage() for r in outage_lines]
        assert outage_lines[0].exc_info is None, "an outage is one line, not a traceback"
        assert not [r for r in caplog.records if "possibly due to cache backend" in r.getMessage()]


def test_redis_that_answers_again_is_used_again(app_on_own_redis, caplog, monkeypatch):
    dash_app, redis_process = app_on_own_redis
    monkeypatch.setenv("DTI_CACHE_RETRY_SECONDS", "0")  # try Redis again on the next call
    configure_cache(dash_app.server)
    with dash_app.server.app_context():
        os.kill(redis_process.pid, signal.SIGSTOP)
        assert queries.available_years()
        assert cache_state() == "unavailable"
        os.kill(redis_process.pid, signal.SIGCONT)
        with caplog.at_level(logging.WARNING, logger="dti.cache"):
            assert queries.available_years()
        assert cache_state() == "ok"
        assert "trở lại" in caplog.text
