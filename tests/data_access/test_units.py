"""A unit's page data, on SQLite and PostgreSQL, against figures recomputed from the seed CSVs themselves."""

from __future__ import annotations

import csv
import math
import statistics
from collections import defaultdict

import pytest

from data_access.settings import SEED_DIR
from data_access.units import Result, next_group, reconcile_result, unit_info, unit_summary, unit_years, year_result
from domain.vocabulary import Threshold
from seed.loader import META_DIR

HEALTH = "binh-phuoc-so-y-te"


def read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


SCORES = read(SEED_DIR / "scores.csv")
TOTALS = read(SEED_DIR / "totals.csv")
THRESHOLDS = read(META_DIR / "group_thresholds.csv")
UNITS = {row["unit_code"]: row for row in read(SEED_DIR / "units.csv")}
NATIONAL = read(SEED_DIR / "national_ranking_2022.csv")
SUB_LEVEL_TOTALS = [row for row in TOTALS if row["level"] in ("department", "district")]


def seed_points(code: str) -> dict[str, tuple[float, float]]:
    """pillar → (points, max) of a unit in 2022, from scores.csv."""
    return {
        row["pillar_code"]: (float(row["points"]), float(row["max_points"]))
        for row in SCORES
        if row["unit_code"] == code and row["year"] == "2022"
    }


def seed_thresholds(level: str) -> list[tuple[str, float]]:
    rows = [r for r in THRESHOLDS if r["level"] == level and r["framework_year"] == "2022"]
    return sorted(((r["name_vi"], float(r["min_share"])) for r in rows), key=lambda item: -item[1])


def expected_next(total: float, maximum: float, level: str) -> tuple[str | None, float | None]:
    """The next group up and the points missing to its bound, straight from group_thresholds.csv."""
    share = total / maximum
    above = [(name, bound) for name, bound in seed_thresholds(level) if bound > share]
    if not above:
        return None, None
    name, bound = min(above, key=lambda item: item[1])
    return name, math.ceil(round((bound * maximum - total) * 100, 6)) / 100


def published_rank_among(code: str, level: str) -> tuple[int, int]:
    """Competition rank of a unit's published total among its level's published totals, and the field size."""
    totals = {r["unit_code"]: float(r["published_total"]) for r in TOTALS if r["level"] == level}
    mine = totals[code]
    return 1 + sum(1 for other in totals.values() if other > mine), len(totals)


def test_so_y_te_2022_is_428_76_of_600_rank_14_of_24_group_kha(seeded_db):
    points = seed_points(HEALTH)
    computed_total = round(sum(p for p, _ in points.values()), 2)
    maximum = sum(m for _, m in points.values())
    printed = next(r for r in TOTALS if r["unit_code"] == HEALTH)
    rank, field = published_rank_among(HEALTH, "department")
    group, missing = expected_next(computed_total, maximum, "department")

    summary = unit_summary(HEALTH, 2022)

    shown = summary.result.shown
    assert (shown.total, shown.max_total) == (float(printed["published_total"]), float(printed["published_max"]))
    assert shown.total == pytest.approx(computed_total) and shown.max_total == maximum
    assert (shown.rank, shown.rank_of) == (rank, field) == (int(printed["published_rank"]), 24)
    assert shown.group == printed["published_group"] == "Khá"
    assert summary.result.computed.rank == rank
    assert summary.result.differences == ()
    assert (summary.next_group.group, summary.next_group.missing_points) == (group, missing)
    assert summary.next_group.missing_points == pytest.approx(0.8 * 600 - 428.76)


@pytest.mark.parametrize("row", SUB_LEVEL_TOTALS, ids=[r["unit_code"] for r in SUB_LEVEL_TOTALS])
def test_every_department_and_district_shows_its_published_result_and_its_next_group(seeded_db, row):
    code, level = row["unit_code"], row["level"]
    points = seed_points(code)
    result = year_result(code, 2022)
    assert result.shown.total == float(row["published_total"])
    assert result.shown.rank == int(row["published_rank"])
    assert result.shown.rank_of == sum(1 for u in UNITS.values() if u["kind"] == level)
    assert result.shown.group == row["published_group"]
    assert result.computed.total == pytest.approx(sum(p for p, _ in points.values()))
    assert result.median_method == (row["median_method"] == "true")
    summary = unit_summary(code, 2022)
    group, missing = expected_next(result.shown.total, result.shown.max_total, level)
    assert summary.next_group.group == group
    assert summary.next_group.missing_points == missing


def test_a_difference_between_published_and_computed_is_kept_and_explained(seeded_db):
    """Where a printed total is not the sum of its printed pillars, the page says so instead of choosing one."""
    differing = []
    for row in SUB_LEVEL_TOTALS:
        computed = round(sum(p for p, _ in seed_points(row["unit_code"]).values()), 2)
        if abs(computed - float(row["published_total"])) > 0.02:
            differing.append(row["unit_code"])
    for row in SUB_LEVEL_TOTALS:
        result = year_result(row["unit_code"], 2022)
        assert ("total" in result.differences) == (row["unit_code"] in differing)
        if result.differences:
            assert result.reason == ("median_method" if row["median_method"] == "true" else "differs")


def test_pillars_are_sorted_by_points_lost_with_the_levels_best_and_median(seeded_db):
    level_codes = [c for c, u in UNITS.items() if u["kind"] == "department"]
    summary = unit_summary(HEALTH, 2022)
    points = seed_points(HEALTH)
    lost = {pillar: round(m - p, 2) for pillar, (p, m) in points.items()}
    assert summary.lost["lost"].tolist() == sorted(lost.values(), reverse=True)
    assert dict(zip(summary.lost["pillar_code"], summary.lost["lost"], strict=True)) == pytest.approx(lost)
    assert summary.lost.iloc[0]["pillar_code"] == max(lost, key=lost.get)
    by_pillar = defaultdict(list)
    for code in level_codes:
        for pillar, (p, _) in seed_points(code).items():
            by_pillar[pillar].append(p)
    pillars = summary.pillars.set_index("pillar_code")
    for pillar, values in by_pillar.items():
        assert pillars.loc[pillar, "best_points"] == max(values)
        assert pillars.loc[pillar, "median_points"] == pytest.approx(statistics.median(values))
    assert summary.best_unit["unit_code"] == next(r["unit_code"] for r in TOTALS if r["published_rank"] == "1")
    assert summary.indicators.empty  # the sources give no per-task points for departments
    assert summary.history["year"].tolist() == [2022]


def test_the_province_ranks_nationally_has_its_history_and_tasks_sorted_by_points_lost(seeded_db):
    rank = next(int(r["rank"]) for r in NATIONAL if r["unit_code"] == "binh-phuoc")
    summary = unit_summary("binh-phuoc", 2022)
    assert (summary.result.shown.rank, summary.result.shown.rank_of) == (rank, len(NATIONAL))
    assert summary.result.shown.total == pytest.approx(sum(p for p, _ in seed_points("binh-phuoc").values()))
    assert summary.result.differences == ()  # 638,45 / 1000 rounds to the printed index 0,6385
    assert summary.next_group is None  # the provincial framework has no groups
    printed_ranks = {int(r["year"]): int(r["published_rank"]) for r in TOTALS if r["unit_code"] == "binh-phuoc"}
    history = summary.history
    assert dict(zip(history["year"], history["rank"], strict=True)) == printed_ranks
    tasks = read(SEED_DIR / "subindicator_points_2022.csv")
    scored = sorted(
        (round(float(r["points_max"]) - float(r["points_2022"]), 2) for r in tasks if r["points_2022"]), reverse=True
    )
    assert summary.indicators["lost"].round(2).tolist() == scored
    assert summary.scored_size < summary.level_size == len(NATIONAL)


def test_unknown_and_unranked_units_have_no_summary(seeded_db):
    assert unit_info("khong-co-don-vi") is None
    assert unit_years("khong-co-don-vi") == []
    assert unit_summary("khong-co-don-vi", 2022) is None
    aggregate = next(code for code, u in UNITS.items() if u["kind"] == "aggregate")
    assert unit_summary(aggregate, 2022) is None
    assert unit_summary(HEALTH, 2021) is None
    assert unit_info(HEALTH).parent_code == UNITS[HEALTH]["parent_code"]


THREE = [Threshold("Tốt", 0.8), Threshold("Khá", 0.65), Threshold("Trung bình", 0.5), Threshold("Yếu", 0.0)]


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (428.76, ("Khá", "Tốt", 51.24)),
        (390.0, ("Khá", "Tốt", 90.0)),  # exactly on a bound is in the group
        (389.99, ("Trung bình", "Khá", 0.01)),
        (299.995, ("Yếu", "Trung bình", 0.01)),  # missing points round up: 0,005 short is still short
        (480.0, ("Tốt", None, None)),
        (600.0, ("Tốt", None, None)),
    ],
)
def test_points_to_the_next_group_come_from_the_thresholds(total, expected):
    found = next_group(total, 600, THREE)
    assert (found.current, found.group, found.missing_points) == expected


def test_no_thresholds_or_no_total_means_no_next_group():
    assert next_group(428.76, 600, []) is None
    assert next_group(None, 600, THREE) is None


def test_published_and_computed_figures_are_compared_only_where_both_give_them():
    published = Result(total=553.8, max_total=600, rank=2, rank_of=24, group="Tốt")
    assert reconcile_result("u", Result(553.8, 600, 2, 24, "Tốt"), published, False) == ((), "")
    assert reconcile_result("u", Result(540.0, 600, 3, 24, "Tốt"), published, True) == (
        ("total", "rank"),
        "median_method",
    )
    assert reconcile_result("u", Result(540.0, 600, None, None, "Khá"), published, False) == (
        ("total", "group"),
        "differs",
    )
    # A published index (0..1, four decimals) is compared with the computed total on its own scale.
    index = Result(total=0.6385, max_total=1, rank=12, rank_of=63, group=None)
    assert reconcile_result("p", Result(638.45, 1000, None, None, None), index, False) == ((), "")
    assert reconcile_result("p", Result(630.0, 1000, None, None, None), index, False) == (("total",), "differs")
