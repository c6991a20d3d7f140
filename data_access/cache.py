"""The query cache: flask-caching, in-process by default, Redis when `CACHE_REDIS_URL` is set.

Every memoized query takes the data version as its first argument, so the key is
(query, filters, data version): an import moves the version on and no view serves stale
figures, with no explicit invalidation.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import Flask, g, has_request_context
from flask_caching import Cache
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from data_access import settings
from data_access.db import data_version

CACHE_TIMEOUT_SECONDS = 3600

cache = Cache()

# Where one request keeps the data version it read (flask `g`).
REQUEST_VERSION = "dti_data_version"

P = ParamSpec("P")
R = TypeVar("R")


def cache_config() -> dict[str, object]:
    redis_url = settings.cache_redis_url()
    if redis_url:
        return {
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": "dti:",
            "CACHE_DEFAULT_TIMEOUT": CACHE_TIMEOUT_SECONDS,
        }
    return {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": CACHE_TIMEOUT_SECONDS}


def configure_cache(server: Flask) -> Cache:
    cache.init_app(server, config=cache_config())
    return cache


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
