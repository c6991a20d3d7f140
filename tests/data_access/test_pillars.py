"""What the pillars page is built from, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import statistics

import pytest

from data_access import queries
from data_access.pillars import (
    LEADING,
    BadSelection,
    Selection,
    indicator_points,
    level_units,
    pillars_view,
    resolve_selection,
    score_years,
)


def test_each_level_lists_its_scored_units_best_first(seeded_db):
    departments = level_units(2022, "department")
    assert len(departments) == 24
    assert departments.iloc[0][["unit_code", "unit_name_vi", "rank"]].tolist() == [
        "binh-phuoc-so-tttt",
        "Sở Thông tin và Truyền thông",
        1,
    ]
    districts = level_units(2022, "district")
    assert districts.iloc[0]["unit_name_vi"] == "UBND thành phố Đồng Xoài"
    assert set(level_units(2022, "province")["unit_code"]) >= {"binh-phuoc", "da-nang", "ho-chi-minh"}


def test_a_year_without_scores_has_no_units_and_names_the_years_that_have_them(seeded_db):
    assert level_units(2021, "province").empty
    assert resolve_selection(2021, None, None, None) == Selection(2021, "province", "", None)
    assert score_years("province") == [2022]
    assert score_years("department") == [2022]


def test_defaults_are_the_province_in_focus_or_the_best_unit_of_the_level(seeded_db):
    assert resolve_selection(2022, None, None, None) == Selection(2022, "province", "binh-phuoc", LEADING)
    assert resolve_selection(2022, "district", None, None).unit_code == "binh-phuoc-dong-xoai"
    assert resolve_selection(2022, "department", None, None).unit_code == "binh-phuoc-so-tttt"
    assert resolve_selection(2022, "province", None, "ho-chi-minh").compare == "ho-chi-minh"


@pytest.mark.parametrize(
    ("level", "unit", "compare", "param"),
    [
        ("abc", None, None, "level"),
        ("department", "xyz", None, "unit"),
        ("department", "binh-phuoc", None, "unit"),
        ("province", None, "khong-co", "compare"),
        ("province", "binh-phuoc", "binh-phuoc", "compare"),
        ("department", None, "ho-chi-minh", "compare_level"),
    ],
)
def test_values_the_data_does_not_have_are_refused_by_name(seeded_db, level, unit, compare, param):
    with pytest.raises(BadSelection) as refused:
        resolve_selection(2022, level, unit, compare)
    assert refused.value.param == param


def test_a_department_against_the_best_department_and_the_median(seeded_db):
    view = pillars_view(resolve_selection(2022, "department", "binh-phuoc-so-y-te", None))

    assert view.unit_name_vi == "Sở Y tế"
    assert len(view.pillars) == 8
    assert view.pillars["points"].sum() == pytest.approx(428.76)
    assert (view.total, view.max_total) == (pytest.approx(428.76), 600)
    assert (view.rank, view.rank_of, view.group) == (14, 24, "Khá")
    assert view.indicators.empty, "the sources give no per-task points for departments"

    best, median = view.comparisons
    assert (best.kind, best.name_vi) == ("best", "Sở Thông tin và Truyền thông")
    assert median.kind == "median"
    assert median.count == 24
    scores = queries.pillar_scores(2022, "department")
    awareness = scores[scores["pillar_code"] == "awareness"]
    expected = statistics.median((awareness["points"] / awareness["max_points"]).tolist())
    assert median.shares.set_index("pillar_code").loc["awareness", "share"] == pytest.approx(expected)


def test_the_best_department_is_compared_with_the_next_one_not_with_itself(seeded_db):
    units = level_units(2022, "department")
    best, runner_up = units.iloc[0], units.iloc[1]
    view = pillars_view(resolve_selection(2022, "department", None, None))

    assert view.unit_name_vi == best["unit_name_vi"] == "Sở Thông tin và Truyền thông"
    compared, median = view.comparisons
    assert (compared.kind, compared.name_vi) == ("runner_up", runner_up["unit_name_vi"])
    assert median.kind == "median"


def test_the_province_against_the_leading_provinces_with_its_task_points(seeded_db):
    view = pillars_view(resolve_selection(2022, None, None, None))

    assert view.unit_name_vi == "Bình Phước"
    assert len(view.pillars) == 8
    assert view.pillars.set_index("pillar_code").loc["awareness", "points"] == pytest.approx(94.17)
    assert (view.rank, view.rank_of) == (12, 63)
    assert [c.kind for c in view.comparisons] == ["leading_average", "leader"]
    assert view.comparisons[0].count == 5
    assert view.comparisons[1].name_vi == "TP. Đà Nẵng"
    assert view.discrepancies["pillar_code"].tolist() == ["digital_society"]

    tasks = view.indicators
    assert len(tasks) == 23, "every task of the slides, with or without points"
    infrastructure = tasks[tasks["pillar_code"] == "infrastructure"]
    assert len(infrastructure) == 5
    smartphones = infrastructure[infrastructure["indicator_name_vi"].str.startswith("Tỷ lệ dân số trưởng thành")]
    assert smartphones[["points", "max_points"]].iloc[0].tolist() == [6.24, 10]
    assert smartphones["share"].iloc[0] == pytest.approx(0.624)
    awareness = tasks[tasks["pillar_code"] == "awareness"]
    assert awareness["points"].isna().all()
    assert awareness["target_text"].iloc[0].startswith("100% cuộc họp")


def test_a_chosen_province_replaces_the_leading_provinces(seeded_db):
    view = pillars_view(resolve_selection(2022, "province", "binh-phuoc", "ho-chi-minh"))
    (comparison,) = view.comparisons
    assert (comparison.kind, comparison.name_vi) == ("province", "TP. Hồ Chí Minh")
    assert len(comparison.shares) == 8


def test_a_unit_without_task_points_gets_none(seeded_db):
    assert indicator_points(2022, "province", "da-nang")["points"].isna().all()
    view = pillars_view(resolve_selection(2022, "province", "da-nang", None))
    assert view.indicators.empty
