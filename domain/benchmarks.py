"""The two national yardsticks beside a province's DTI, kept apart because they are different figures.

The national DTI is a value the ministry publishes for the country as a whole; the provincial average
is the mean of the provinces' values (printed in some reports, otherwise computed here, and then said
so). Shown as one "national average", a reader would compare a province with the wrong number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Benchmark:
    """A yardstick's value and citation; `computed_from` counts the provinces it was computed from
    (None when the figure is printed as such)."""

    value: float | None
    source: str = ""
    computed_from: int | None = None


def provincial_average(
    printed: float | None, printed_source: str, province_values: Sequence[float | None]
) -> Benchmark:
    """The printed provincial average, else the mean of every ranked province's value when each has one:
    the mean of the five leaders is no average of 63. The caller rounds it as DTI values are printed."""
    if printed is not None:
        return Benchmark(printed, printed_source)
    if not province_values or any(v is None for v in province_values):
        return Benchmark(None)
    mean = sum(province_values) / len(province_values)
    return Benchmark(mean, "", len(province_values))
