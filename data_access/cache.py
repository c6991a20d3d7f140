"""The query cache: flask-caching, in-process by default, Redis when `CACHE_REDIS_URL` is set.

Every memoized query takes the data version as its first argument, so the key is
(query, filters, data version): an import moves the version on and no view serves stale
figures, with no explicit invalidation.

Redis is an accelerator, never a dependency: a Redis that is down or hung (`kill -STOP`) costs
one short timeout, then the cache steps aside for a while and every query goes to the database,
so a stuck Redis can neither hold a worker thread nor take `/healthz` and `/login` down with it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from flask import Flask, g, has_request_context
from flask_caching import Cache
from flask_caching.backends.rediscache import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from data_access import settings
from data_access.db import data_version

CACHE_TIMEOUT_SECONDS = 3600

cache = Cache()
log = logging.getLogger("dti.cache")

# What `/healthz` says about the cache.
CACHE_OK = "ok"
CACHE_UNAVAILABLE = "unavailable"
CACHE_IN_PROCESS = "in-process"


class ResilientRedisCache(RedisCache):
    """flask-caching's Redis backend that never raises and never waits long.

    Any Redis failure (refused, reset, timed out) opens a breaker: for `retry_after` seconds every
    call answers "not cached" without touching Redis, then one call tries again. The outage is
    logged once when it starts and once when it ends, not as a traceback per cache miss.
    """

    def __init__(self, *args: Any, retry_after: float = 10.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retry_after = retry_after
        self._down_until: float | None = None
        self._lock = threading.Lock()

    @classmethod
    def factory(cls, app: Flask, config: dict[str, Any], args: list[Any], kwargs: dict[str, Any]) -> RedisCache:
        kwargs["retry_after"] = config["CACHE_RETRY_AFTER_SECONDS"]
        return super().factory(app, config, args, kwargs)

    @property
    def available(self) -> bool:
        """The last known state, without contacting Redis (a health check must not wait on it)."""
        return self._down_until is None

    def _guarded(self, fallback: Any, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        down_until = self._down_until
        if down_until is not None and time.monotonic() < down_until:
            return fallback
        try:
            result = call(*args, **kwargs)
        except (RedisError, OSError) as exc:
            with self._lock:
                if self._down_until is None:
                    log.warning("Redis không trả lời (%s): tạm dùng thẳng cơ sở dữ liệu", type(exc).__name__)
                self._down_until = time.monotonic() + self.retry_after
            return fallback
        if down_until is not None:
            with self._lock:
                if self._down_until is not None:
                    log.warning("Redis trả lời trở lại: bộ nhớ đệm hoạt động lại")
                self._down_until = None
        return result

    def get(self, key: str) -> Any:
        return self._guarded(None, super().get, key)

    def get_many(self, *keys: str) -> list[Any]:
        return self._guarded([None] * len(keys), super().get_many, *keys)

    def has(self, key: str) -> bool:
        return self._guarded(False, super().has, key)

    def set(self, key: str, value: Any, timeout: int | None = None) -> Any:
        return self._guarded(False, super().set, key, value, timeout)

    def add(self, key: str, value: Any, timeout: int | None = None) -> Any:
        return self._guarded(False, super().add, key, value, timeout)

    def set_many(self, mapping: dict[str, Any], timeout: int | None = None) -> Any:
        return self._guarded([], super().set_many, mapping, timeout)

    def delete(self, key: str) -> Any:
        return self._guarded(False, super().delete, key)

    def delete_many(self, *keys: str) -> Any:
        return self._guarded([], super().delete_many, *keys)

    def clear(self) -> Any:
        return self._guarded(False, super().clear)

    def inc(self, key: str, delta: int = 1) -> Any:
        return self._guarded(None, super().inc, key, delta)

    def dec(self, key: str, delta: int = 1) -> Any:
        return self._guarded(None, super().dec, key, delta)


# Where one request keeps the data version it read (flask `g`).
REQUEST_VERSION = "dti_data_version"

P = ParamSpec("P")
R = TypeVar("R")


def cache_config() -> dict[str, object]:
    redis_url = settings.cache_redis_url()
    if redis_url:
        timeout = settings.cache_socket_timeout()
        return {
            "CACHE_TYPE": f"{__name__}.ResilientRedisCache",
            "CACHE_REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": "dti:",
            "CACHE_DEFAULT_TIMEOUT": CACHE_TIMEOUT_SECONDS,
            "CACHE_RETRY_AFTER_SECONDS": settings.cache_retry_seconds(),
            # One short try: redis-py's default retries a timed-out call with back-off, which
            # multiplies a hung server's cost per query.
            "CACHE_OPTIONS": {
                "socket_timeout": timeout,
                "socket_connect_timeout": timeout,
                "retry": Retry(NoBackoff(), 0),
            },
        }
    return {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": CACHE_TIMEOUT_SECONDS}


def configure_cache(server: Flask) -> Cache:
    cache.init_app(server, config=cache_config())
    return cache


def cache_state() -> str:
    """The cache as `/healthz` reports it: "ok", "unavailable" (Redis configured but not answering,
    so queries go to the database) or "in-process"; read from the breaker, never waiting on Redis."""
    backend = cache.cache
    if isinstance(backend, ResilientRedisCache):
        return CACHE_OK if backend.available else CACHE_UNAVAILABLE
    return CACHE_IN_PROCESS


def request_data_version() -> int:
    """The data version, read once per request: a page's callback calls a dozen cached queries,
    nested ones included, and each would otherwise ask the database for it again."""
    if not has_request_context():
        return data_version()
    if REQUEST_VERSION not in g:
        g.dti_data_version = data_version()
    return g.dti_data_version


@event.listens_for(Engine, "commit")
def _forget_request_version(_connection: Connection) -> None:
    """A write committed during the request (an import) moves the version on: read it again after."""
    if has_request_context():
        g.pop(REQUEST_VERSION, None)


def versioned(func: Callable[P, R]) -> Callable[P, R]:
    """Memoize `func` under a key that includes the current data version."""

    def at_version(version: int, *args: P.args, **kwargs: P.kwargs) -> R:
        return func(*args, **kwargs)

    # flask-caching namespaces keys by module and qualified name: borrow the query's own,
    # or every query wrapped here would share one namespace.
    at_version.__module__ = func.__module__
    at_version.__qualname__ = func.__qualname__
    memoized = cache.memoize(timeout=CACHE_TIMEOUT_SECONDS)(at_version)

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return memoized(request_data_version(), *args, **kwargs)

    return wrapper
