"""Memoized queries are keyed by the data version, in process and in Redis."""

from __future__ import annotations

import os

import pytest
from flask import Flask

from data_access import db
from data_access.cache import cache, cache_state, configure_cache, versioned
from tests.conftest import skip_or_fail

calls: list[str] = []


@versioned
def counted_query(name: str) -> str:
    calls.append(name)
    return name.upper()


def _exercise_version_key(engine) -> None:
    calls.clear()
    assert counted_query("a") == "A"
    assert counted_query("a") == "A"
    assert counted_query("b") == "B"
    assert calls == ["a", "b"], "a repeated call with the same arguments and version is served from the cache"
    with db.session_scope(engine) as session:
        db.record_change(session, "test: an import landed")
    assert counted_query("a") == "A"
    assert calls == ["a", "b", "a"], "a new data version must miss the cache"


def test_in_process_cache_follows_the_data_version(empty_sqlite):
    db.create_schema(empty_sqlite)
    _exercise_version_key(empty_sqlite)


def test_the_data_version_is_read_once_per_request_and_again_after_a_write(empty_sqlite, query_cache, monkeypatch):
    db.create_schema(empty_sqlite)
    reads: list[int] = []

    def counted_version() -> int:
        reads.append(1)
        return db.data_version()

    monkeypatch.setattr("data_access.cache.data_version", counted_version)
    with query_cache.test_request_context("/"):
        counted_query("a")
        counted_query("b")
        counted_query("a")
        assert len(reads) == 1, "one request, one version query"
        with db.session_scope(empty_sqlite) as session:
            db.record_change(session, "test: an import landed during the request")
        calls.clear()
        assert counted_query("a") == "A"
        assert calls == ["a"], "after the write the request sees the new version"
        assert len(reads) == 2
    with query_cache.test_request_context("/"):
        counted_query("a")
    assert len(reads) == 3, "the next request reads it afresh"


@pytest.fixture
def redis_cache(monkeypatch, query_cache):
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as exc:  # any failure to reach Redis is a reason to skip (or fail in CI)
        skip_or_fail("REQUIRE_REDIS", f"Redis not reachable at {url}: {exc}")
    monkeypatch.setenv("CACHE_REDIS_URL", url)
    configure_cache(Flask("dti-redis-tests"))
    cache.clear()
    yield redis.Redis.from_url(url)
    cache.clear()
    monkeypatch.delenv("CACHE_REDIS_URL")
    configure_cache(query_cache)


def test_redis_cache_follows_the_data_version(empty_sqlite, redis_cache):
    assert cache_state() == "ok", "the Redis backend is in use and answering"
    db.create_schema(empty_sqlite)
    _exercise_version_key(empty_sqlite)
    assert redis_cache.keys("dti:*"), "memoized results are stored in Redis under the app's prefix"
