"""Will a plan's target be met by its deadline? A straight line through the dated figures says.

The projection is deliberately simple and says so on screen: a least-squares line through the
indicator's dated observations, read at the plan's deadline (the last day of the due year). It is
a warning light for a leader, not a forecast model: two points from different reports can draw a
steep line, so the caller shows which figures the line rests on.

Status at the deadline, from the plan's own comparator:
- `on_track` (đúng tiến độ): the projected value meets the target;
- `at_risk` (có nguy cơ): it does not, but the figures move towards the target (faster work can
  still close the gap);
- `off_track` (không đạt): it does not, and the figures stand still or move away from the target;
- `none`: no projection, with `reason` saying why (`no_deadline`, `no_observation`,
  `one_observation`: one date is no direction, `bad_period`: a date the rules below cannot read).

A period is read as the day its figure stands for: a year (`2022`) at its last day, a half
(`2023-H1`) at the half's last day, a month (`2023-06`) at the month's last day, a day as itself.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from domain.vocabulary import COMPARATORS

PROJECTION_STATUSES = ("on_track", "at_risk", "off_track", "none")
# Days in a year on the projection's time axis (slopes are per year).
DAYS_PER_YEAR = 365.25

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_date(period: str) -> date:
    """The day a period's figure stands for; `ValueError` for a period written another way."""
    text = (period or "").strip()
    if match := _YEAR.match(text):
        return date(int(match[1]), 12, 31)
    if match := _HALF.match(text):
        return _month_end(int(match[1]), 6 * int(match[2]))
    if match := _QUARTER.match(text):
        return _month_end(int(match[1]), 3 * int(match[2]))
    if match := _MONTH.match(text):
        return _month_end(int(match[1]), int(match[2]))
    if match := _DAY.match(text):
        return date(int(match[1]), int(match[2]), int(match[3]))
    raise ValueError(f"unreadable period {period!r}: expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD")


def deadline(due_year: int | None) -> date | None:
    """A plan's deadline: the last day of its due year (None when the plan gives no year)."""
    if due_year is None:
        return None
    return date(int(due_year), 12, 31)


@dataclass(frozen=True)
class Observed:
    """One dated figure of the indicator: its period as printed, its value and its source."""

    period: str
    value: float
    source: str = ""


@dataclass(frozen=True)
class Projection:
    """The line's reading at the deadline, the figures it rests on, and the status it implies."""

    status: str
    value: float | None = None
    deadline: date | None = None
    slope_per_year: float | None = None
    used: tuple[Observed, ...] = ()
    reason: str = ""

    @property
    def projected(self) -> bool:
        return self.status != "none"


def _fit(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Least squares: (mean x, mean y, slope) of the points (x in years)."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return mean_x, mean_y, slope


def project(
    observations: Iterable[Observed],
    *,
    target: float,
    comparator: str,
    due_year: int | None,
    floor: float | None = None,
) -> Projection:
    """The target's projection at the plan's deadline from its dated observations.

    Two figures for the same day are one reading printed twice: the first given is kept (the
    caller puts the target's own actual first). `floor` is the lowest value the measure can take
    (0 for a rate): a line falling through it reads the floor. An unknown comparator is an error.
    """
    if comparator not in COMPARATORS:
        raise ValueError(f"unknown comparator {comparator!r}; expected one of {sorted(COMPARATORS)}")
    end = deadline(due_year)
    if end is None:
        return Projection(status="none", reason="no_deadline")
    by_day: dict[date, Observed] = {}
    for observed in observations:
        try:
            day = period_date(observed.period)
        except ValueError:
            return Projection(status="none", deadline=end, reason="bad_period")
        by_day.setdefault(day, observed)
    if not by_day:
        return Projection(status="none", deadline=end, reason="no_observation")
    days = sorted(by_day)
    used = tuple(by_day[day] for day in days)
    if len(days) < 2:
        return Projection(status="none", deadline=end, used=used, reason="one_observation")
    origin = days[0]
    points = [((day - origin).days / DAYS_PER_YEAR, float(by_day[day].value)) for day in days]
    mean_x, mean_y, slope = _fit(points)
    at_deadline = (end - origin).days / DAYS_PER_YEAR
    value = mean_y + slope * (at_deadline - mean_x)
    if floor is not None:
        value = max(value, floor)
    if COMPARATORS[comparator](value, float(target)):
        status = "on_track"
    else:
        towards = slope > 0 if comparator in (">=", ">") else slope < 0
        status = "at_risk" if towards else "off_track"
    return Projection(status=status, value=value, deadline=end, slope_per_year=slope, used=used)
