"""Sign-in rate limiting, counted from the audit log so it holds across workers and restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from auth import audit

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20


def is_throttled(username: str, address: str, engine: Engine | None = None) -> bool:
    """Too many recent failures for this name or from this address: refuse before checking the password."""
    by_name, by_address = audit.failures_since(username, address, datetime.now(UTC) - WINDOW, engine)
    return by_name >= MAX_FAILURES_PER_USER or by_address >= MAX_FAILURES_PER_ADDRESS
