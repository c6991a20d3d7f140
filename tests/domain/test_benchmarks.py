"""The provincial average: printed when a report prints it, computed only over a complete table."""

from __future__ import annotations

import pytest

from domain.benchmarks import provincial_average


def test_a_printed_average_is_kept_as_printed_even_beside_every_value():
    average = provincial_average(0.5786, "báo cáo", [0.8, 0.6])
    assert (average.value, average.source, average.computed_from) == (0.5786, "báo cáo", None)


def test_without_a_printed_average_the_mean_of_every_province_is_computed_and_counted():
    average = provincial_average(None, "", [0.8, 0.6, 0.7])
    assert average.value == pytest.approx(0.7)
    assert average.computed_from == 3


@pytest.mark.parametrize("values", [[], [0.8, None, 0.6]])
def test_no_average_from_a_partial_or_empty_table(values):
    """The five leaders' values are no average of 63 provinces."""
    assert provincial_average(None, "", values).value is None
