"""`domain.changes`: places, values and "mới" between two years' tables, as a reader checks them."""

from __future__ import annotations

import pandas as pd
import pytest

from domain.changes import (
    DOWN,
    INDEX,
    NEW,
    POINTS,
    SAME,
    SHARE,
    UNKNOWN,
    UP,
    compare_years,
    history_change,
    index_changes,
    is_complete,
    movers,
)


def table(rows: list[tuple[str, int, float | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["unit_code", "rank", "total"])


def test_places_and_values_against_a_complete_year_before():
    before = table([("a", 1, 90.0), ("b", 2, 80.0), ("c", 2, 80.0)])
    now = table([("c", 1, 95.5), ("a", 2, 91.25), ("d", 3, 70.0), ("b", 4, 60.0)])
    found = compare_years(now, before, decimals=2)
    assert list(found.index) == list(now.index)
    by_unit = found.assign(unit=now["unit_code"]).set_index("unit")
    assert by_unit.loc["c", ["rank_change", "value_change", "trend"]].tolist() == [1, 15.5, UP]
    assert by_unit.loc["a", ["rank_change", "value_change", "trend"]].tolist() == [-1, 1.25, DOWN]
    assert by_unit.loc["b", ["previous_rank", "rank_change", "trend"]].tolist() == [2, -2, DOWN]
    assert by_unit.loc["d", "trend"] == NEW and pd.isna(by_unit.loc["d", "rank_change"])


def test_a_partial_year_before_never_calls_an_absent_unit_new():
    before = table([("a", 9, None)])  # the data holds one province's rank of that year, no value
    now = table([("b", 1, 0.7), ("a", 12, 0.6385)])
    found = compare_years(now, before, previous_complete=False).assign(unit=now["unit_code"]).set_index("unit")
    assert found.loc["b", "trend"] == UNKNOWN
    assert (found.loc["a", "rank_change"], found.loc["a", "trend"]) == (-3, DOWN)
    assert pd.isna(found.loc["a", "value_change"])  # a rank alone gives no change of value


def test_no_year_before_leaves_every_change_unknown_and_an_unmoved_rank_is_same():
    now = table([("a", 1, 1.0)])
    assert compare_years(now, None)["trend"].tolist() == [UNKNOWN]
    assert compare_years(now, table([("a", 1, 1.0)]))["trend"].tolist() == [SAME]


def test_completeness_is_read_from_the_field_ranked():
    assert is_complete(pd.DataFrame({"rank": [1, 2], "rank_of": [2, 2]}))
    assert not is_complete(pd.DataFrame({"rank": [9], "rank_of": [63]}))


def history(rows: list[tuple[int, float | None, float | None, int | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["year", "total", "max_total", "rank"])


@pytest.mark.parametrize(
    ("rows", "as_index", "expected"),
    [
        # A province: the index as printed (0,63845 → 0,6385), not points; the year before has a rank only.
        ([(2021, None, None, 9), (2022, 638.45, 1000.0, 12)], True, (2021, 9, 12, None, 0.6385, INDEX)),
        # A department under one method: points.
        ([(2021, 500.0, 600.0, 3), (2022, 520.5, 600.0, 2)], False, (2021, 3, 2, 500.0, 520.5, POINTS)),
        # The maximum changed: shares of it, never points of two methods subtracted.
        ([(2021, 350.0, 700.0, 3), (2022, 480.0, 600.0, 2)], False, (2021, 3, 2, 50.0, 80.0, SHARE)),
    ],
)
def test_a_units_change_from_its_history(rows, as_index, expected):
    found = history_change(history(rows), 2022, as_index=as_index)
    got = (
        found.previous_year,
        found.previous_rank,
        found.current_rank,
        found.previous_value,
        found.current_value,
        found.measure,
    )
    assert got[:3] == expected[:3] and got[5] == expected[5]
    for value, wanted in zip(got[3:5], expected[3:5], strict=True):
        assert value == pytest.approx(wanted) if wanted is not None else value is None


def test_a_first_year_has_no_change():
    found = history_change(history([(2022, 500.0, 600.0, 2)]), 2022, as_index=False)
    assert found.previous_year is None and found.change.rank_places is None


def test_index_changes_in_points_and_share_of_the_maximum_where_both_years_score_it():
    current = pd.DataFrame(
        {"pillar_code": ["a", "b", "c", "d"], "points": [60.0, 30.0, 10.0, 5.0], "max_points": [100, 50, 20, 10]}
    )
    # "b" had a maximum of 40 the year before: 30/50 = 60 % against 28/40 = 70 %, points up but share down.
    previous = pd.DataFrame(
        {"pillar_code": ["a", "b", "d", "e"], "points": [50.0, 28.0, 5.0, 9.0], "max_points": [100, 40, 10, 10]}
    )

    found = index_changes(current, previous).set_index("pillar_code")

    assert list(found.index) == ["a", "b", "d"], "c is new this year, e gone: neither is a change from or to zero"
    assert found.loc["a", "points_change"] == 10.0
    assert found.loc["a", "share_change"] == 10.0
    assert found.loc["a", "trend"] == UP
    assert found.loc["b", "points_change"] == 2.0
    assert found.loc["b", "share_change"] == -10.0
    assert found.loc["b", "trend"] == DOWN, "the share of the maximum decides, not points of two methods"
    assert found.loc["d", "trend"] == SAME


def test_index_changes_without_a_previous_year_is_empty():
    current = pd.DataFrame({"pillar_code": ["a"], "points": [1.0], "max_points": [2]})
    assert index_changes(current, current.iloc[0:0]).empty


def test_movers_by_share_of_the_maximum_with_the_places_beside_it():
    current = pd.DataFrame(
        {
            "unit_code": ["u1", "u2", "u3", "u4", "u5"],
            "rank": [1, 2, 3, 4, 5],
            "total": [90.0, 80.0, 70.0, 60.0, 50.0],
            "max_total": [100.0] * 5,
        }
    )
    previous = pd.DataFrame(
        {
            "unit_code": ["u1", "u2", "u3", "u4", "u6"],
            "rank": [2, 1, 4, 3, 5],
            "total": [85.0, 95.0, 55.0, 60.0, 40.0],
            "max_total": [100.0] * 5,
        }
    )

    risers, fallers = movers(current, previous, 2)

    assert risers["unit_code"].tolist() == ["u3", "u1"]  # +15, +5; u4 did not move, u5 is new
    assert risers["share_change"].tolist() == [15.0, 5.0]
    assert risers["rank_change"].tolist() == [1, 1]
    assert fallers["unit_code"].tolist() == ["u2"]
    assert fallers.loc[0, "share_change"] == -15.0
    assert fallers.loc[0, "rank_change"] == -1
