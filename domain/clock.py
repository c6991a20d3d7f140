"""Vietnam's clock: every date and time a reader sees is in Asia/Ho_Chi_Minh (UTC+7).

The server may run in UTC (it does in containers); stored times are UTC. Without one rule a deck
printed at 01:30 on the 29th said "28/11" while the audit log said "29/11 01:30".
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LOCAL_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def local_now() -> datetime:
    """Now, in Vietnam."""
    return datetime.now(LOCAL_TIMEZONE)


def local_today() -> date:
    """Today's date in Vietnam, whatever the server's own zone."""
    return local_now().date()


def day_month_year(iso: str) -> str:
    """An ISO date (or the date part of an ISO time) as Vietnamese readers write it: 2025-07-01 → 01/07/2025."""
    year, month, day = iso[:10].split("-")
    return f"{day}/{month}/{year}"


def to_local(value: datetime) -> datetime:
    """A stored time in Vietnam's zone; a naive value is UTC (SQLite drops the zone it was stored with)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(LOCAL_TIMEZONE)
