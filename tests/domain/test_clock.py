"""Vietnam's clock: the same moment reads the same date on the deck and in the audit log."""

from __future__ import annotations

from datetime import UTC, datetime

from components.admin import local_time
from domain.clock import day_month_year, to_local


def test_a_stored_utc_time_is_read_in_vietnam():
    # 18:30 UTC on the 28th is 01:30 on the 29th in Hà Nội: the audit log's and the deck's day.
    stored = datetime(2026, 11, 28, 18, 30)
    assert to_local(stored).strftime("%d/%m/%Y %H:%M") == "29/11/2026 01:30"
    assert to_local(stored.replace(tzinfo=UTC)) == to_local(stored)
    assert local_time(stored) == "29/11/2026 01:30"


def test_a_date_is_written_day_month_year():
    """The reorganisation's effective date and a plan's deadline, as the import's messages and the pages write them."""
    assert day_month_year("2025-07-01") == "01/07/2025"
    assert day_month_year("2023-12-31T00:00:00") == "31/12/2023"
