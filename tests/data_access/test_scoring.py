"""The scoring rules as pure functions, on small frames whose answers can be worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from data_access.scoring import (
    change_between,
    points_lost,
    rank_table,
    rank_with_ties,
    reconcile,
    round_half_up,
    share_of_max,
    unit_totals,
)
from domain.vocabulary import Threshold, group_for_share

THRESHOLDS = [Threshold("Tốt", 0.80), Threshold("Khá", 0.65), Threshold("Trung bình", 0.50), Threshold("Yếu", 0.0)]


def test_competition_rank_shares_ties_and_skips_the_next_rank():
    assert rank_with_ties([0.7, 0.6, 0.6, 0.5]) == [1, 2, 2, 4]


def test_rank_ignores_float_noise_so_equal_totals_tie():
    noisy = 0.1 + 0.2  # 0.30000000000000004
    assert rank_with_ties([noisy, 0.3, 0.2]) == [1, 1, 3]


def test_group_boundaries_are_inclusive_and_come_from_data():
    assert group_for_share(0.80, THRESHOLDS) == "Tốt"
    assert group_for_share(0.7999, THRESHOLDS) == "Khá"
    assert group_for_share(0.65, THRESHOLDS) == "Khá"
    assert group_for_share(0.5, THRESHOLDS) == "Trung bình"
    assert group_for_share(0.1, THRESHOLDS) == "Yếu"
    assert group_for_share(0.1, THRESHOLDS[:3]) is None


def test_published_rounding_is_half_up():
    assert round_half_up(0.63845, 4) == 0.6385
    assert round_half_up(0.800175, 4) == 0.8002


def test_share_of_a_pillar_worth_nothing_is_undefined():
    assert share_of_max(0, 0) is None
    assert share_of_max(52.58, 150) == pytest.approx(0.35053, abs=1e-5)


def _scores(rows: list[tuple[str, str, float, float, bool, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["unit_code", "pillar_code", "points", "max_points", "counts_in_total", "sort_order"]
    )


def test_totals_leave_out_pillars_that_do_not_count():
    scores = _scores([("a", "p1", 40, 50, True, 1), ("a", "p2", 30, 50, True, 2), ("a", "smart", 0, 0, False, 3)])
    totals = unit_totals(scores)
    assert totals.loc[0, "total"] == 70
    assert totals.loc[0, "max_total"] == 100


def test_rank_table_ranks_groups_and_orders_units():
    scores = _scores(
        [
            ("a", "p1", 45, 50, True, 1),
            ("a", "p2", 40, 50, True, 2),
            ("b", "p1", 30, 50, True, 1),
            ("b", "p2", 40, 50, True, 2),
            ("c", "p1", 35, 50, True, 1),
            ("c", "p2", 35, 50, True, 2),
        ]
    )
    table = rank_table(scores, THRESHOLDS)
    assert table["unit_code"].tolist() == ["a", "b", "c"]
    assert table["rank"].tolist() == [1, 2, 2]
    assert table["group"].tolist() == ["Tốt", "Khá", "Khá"]


def test_points_lost_puts_the_costliest_pillar_first():
    scores = _scores([("a", "p1", 90, 100, True, 1), ("a", "p2", 50, 150, True, 2), ("a", "p3", 190, 200, True, 3)])
    lost = points_lost(scores)
    assert lost["pillar_code"].tolist() == ["p2", "p1", "p3"]
    assert lost["lost"].tolist() == [100, 10, 10]


def test_change_counts_places_climbed_as_positive():
    fell = change_between({"rank": 9, "total": None}, {"rank": 12, "total": 0.6385})
    assert fell.rank_places == -3
    assert fell.total_delta is None
    climbed = change_between({"rank": 25, "total": 0.5}, {"rank": 9, "total": 0.55})
    assert climbed.rank_places == 16
    assert climbed.total_delta == pytest.approx(0.05)
    assert change_between(None, {"rank": 3, "total": 1.0}).rank_places is None


def test_reconcile_shows_differences_and_explains_median_method_units():
    computed = pd.DataFrame(
        {"unit_code": ["a", "b", "c"], "total": [500.0, 400.0, 300.0], "rank": [1, 2, 3], "group": ["Tốt", "Khá", "TB"]}
    )
    published = pd.DataFrame(
        {
            "unit_code": ["a", "b", "c"],
            "total": [500.01, 410.0, 290.0],
            "rank": [1, 2, 3],
            "group": ["Tốt", "Khá", "TB"],
            "median_method": [False, True, False],
        }
    )
    result = reconcile(computed, published).set_index("unit_code")
    assert result.loc["a", "reason"] == ""
    assert result.loc["b", "reason"] == "median_method"
    assert result.loc["c", "reason"] == "differs"
    assert result.loc["c", "total_diff"] == 10.0
