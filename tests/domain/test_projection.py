"""Target projections against values worked out by hand (the line through the dated figures)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.projection import Observed, period_date, project


def test_periods_are_read_as_the_day_their_figure_stands_for() -> None:
    assert period_date("2022") == date(2022, 12, 31)
    assert period_date("2023-H1") == date(2023, 6, 30)
    assert period_date("2023-H2") == date(2023, 12, 31)
    assert period_date("2023-06") == date(2023, 6, 30)
    assert period_date("2024-02") == date(2024, 2, 29)
    assert period_date("2023-05-18") == date(2023, 5, 18)
    with pytest.raises(ValueError, match="6/2023"):
        period_date("6/2023")


def test_smartphone_rate_two_reports_projected_to_the_end_of_2023() -> None:
    # 62,3 % for 2022 (at 31/12/2022), 62,35 % at 30/06/2023: 181 days apart; the deadline
    # 31/12/2023 is 365 days after the first, so the line adds 0,05 × 365/181 to 62,3.
    projection = project(
        [Observed("2023-06", 62.35), Observed("2022", 62.3)], target=70, comparator=">=", due_year=2023
    )
    assert projection.value == pytest.approx(62.3 + 0.05 * 365 / 181)
    assert projection.value == pytest.approx(62.4008, abs=1e-4)
    assert projection.deadline == date(2023, 12, 31)
    assert [o.period for o in projection.used] == ["2022", "2023-06"], "oldest first"
    assert projection.status == "at_risk", "below 70 % but rising"


def test_three_figures_take_the_least_squares_line() -> None:
    # x in days from 31/12/2020: 0, 365, 730; y: 10, 14, 15. Means 365 and 13, slope 1825/266450
    # = 5/730 a day; at 31/12/2023 (1095 days) the line reads 13 + 5/730 × 730 = 18.
    observed = [Observed("2020", 10), Observed("2021", 14), Observed("2022", 15)]
    projection = project(observed, target=20, comparator=">=", due_year=2023)
    assert projection.value == pytest.approx(18.0)
    assert projection.slope_per_year == pytest.approx(5 / 730 * 365.25)
    assert projection.status == "at_risk"
    assert project(observed, target=18, comparator=">=", due_year=2023).status == "on_track"
    assert project(observed, target=18, comparator=">", due_year=2023).status == "at_risk"


def test_a_falling_figure_below_its_target_will_not_be_met() -> None:
    # 99,4 % (2022) then 61,33 % (06/2023): the line falls 38,07 over 181 days, so at 31/12/2023
    # it reads 99,4 − 38,07 × 365/181 = 22,63 %, under the 60 % target.
    projection = project(
        [Observed("2023-06", 61.33), Observed("2022", 99.4)], target=60, comparator=">=", due_year=2023
    )
    assert projection.value == pytest.approx(99.4 - 38.07 * 365 / 181)
    assert projection.status == "off_track"


def test_a_rate_falling_through_zero_reads_zero() -> None:
    # 93 % (2022) then 12,04 % (06/2023): the line would read 93 − 80,96 × 365/181 = −70,26 %.
    observed = [Observed("2022", 93.0), Observed("2023-06", 12.04)]
    assert project(observed, target=40, comparator=">", due_year=2023).value == pytest.approx(93 - 80.96 * 365 / 181)
    floored = project(observed, target=40, comparator=">", due_year=2023, floor=0.0)
    assert (floored.value, floored.status) == (0.0, "off_track")


def test_a_target_to_stay_under_reads_the_slope_the_other_way() -> None:
    # 3 → 2 over 181 days reads 3 − 365/181 = 0,98 at the deadline.
    falling = [Observed("2022", 3.0), Observed("2023-06", 2.0)]
    assert project(falling, target=0.5, comparator="<=", due_year=2023).status == "at_risk"
    rising = [Observed("2022", 2.0), Observed("2023-06", 3.0)]
    assert project(rising, target=1.0, comparator="<=", due_year=2023).status == "off_track"
    assert project(falling, target=1.0, comparator="<=", due_year=2023).status == "on_track"


def test_a_flat_figure_exactly_at_a_strict_target_does_not_meet_it() -> None:
    flat = [Observed("2022", 50.0), Observed("2023-06", 50.0)]
    projection = project(flat, target=50, comparator=">", due_year=2023)
    assert projection.value == pytest.approx(50.0)
    assert projection.status == "off_track", "standing still never passes a 'trên 50 %' target"


def test_no_projection_says_why() -> None:
    one = project([Observed("2023-06", 45.68)], target=50, comparator=">", due_year=2023)
    assert (one.status, one.reason, one.value) == ("none", "one_observation", None)
    assert [o.value for o in one.used] == [45.68]
    # The same day printed twice is still one date: no direction.
    twice = project([Observed("2023-06", 77.41), Observed("2023-06", 77.4)], target=70, comparator=">=", due_year=2023)
    assert twice.reason == "one_observation"
    assert twice.used[0].value == 77.41, "the first figure given (the target's own) is kept"
    assert project([], target=50, comparator=">", due_year=2023).reason == "no_observation"
    no_deadline = project([Observed("2022", 1), Observed("2023", 2)], target=5, comparator=">=", due_year=None)
    assert (no_deadline.status, no_deadline.reason) == ("none", "no_deadline")
    assert project([Observed("mid 2023", 1)], target=5, comparator=">=", due_year=2023).reason == "bad_period"


def test_an_unknown_comparator_is_refused() -> None:
    with pytest.raises(ValueError, match="comparator"):
        project([Observed("2022", 1)], target=5, comparator="=>", due_year=2023)
