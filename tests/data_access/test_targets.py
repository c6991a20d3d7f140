"""The plan's targets, their status and the figures sources disagree on, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from data_access.targets import (
    UnknownFilter,
    at_risk,
    build_targets_view,
    counted_once,
    in_plan_order,
    plan_years,
    source_disagreements,
    source_documents,
    status_counts,
    target_progress,
    target_status,
)
from tests.conftest import SEED_DIR, seed_target_statuses

FOCUS = "binh-phuoc"


@pytest.mark.parametrize(
    ("actual", "target", "comparator", "expected"),
    [
        (100.0, 100.0, ">=", "met"),
        (100.0, 100.0, ">", "not_met"),
        (45.68, 50.0, ">", "not_met"),
        (196.01, 60.0, ">=", "met"),
        (5.0, 8.0, "<=", "met"),
        (8.0, 8.0, "<", "not_met"),
        (None, 70.0, ">=", "no_data"),
        (float("nan"), 70.0, ">", "no_data"),
    ],
)
def test_status_follows_the_comparator(actual, target, comparator, expected):
    assert target_status(actual, target, comparator) == expected


def test_an_unknown_comparator_is_an_error_not_a_guess():
    with pytest.raises(ValueError, match="unknown comparator"):
        target_status(50.0, 40.0, "≥")


def test_documents_of_a_citation():
    citation = "002_a.txt; Phần II, mục II.1 | 003_b.txt; Phụ lục III.2"
    assert source_documents(citation) == ("002_a.txt", "003_b.txt")
    assert source_documents("") == ()


def test_plan_years_come_from_the_plans(seeded_db):
    assert plan_years() == [2023]


def test_the_2023_plan_has_28_targets_with_statuses_as_in_the_seed(seeded_db):
    targets = target_progress(2023, FOCUS)
    assert len(targets) == 28
    assert dict(zip(targets["target_code"], targets["status"], strict=True)) == seed_target_statuses()
    assert status_counts(targets["status"]) == {"met": 10, "not_met": 13, "no_data": 5}
    assert targets["pillar_code"].drop_duplicates().tolist() == [
        "infrastructure",
        "digital_government",
        "digital_economy",
        "digital_society",
    ]


def test_smartphone_target_appears_under_two_pillars_with_its_figures(seeded_db):
    targets = target_progress(2023, FOCUS)
    smartphone = targets[targets["name_vi"] == "Tỷ lệ dân số trưởng thành có điện thoại thông minh"]
    assert smartphone["pillar_code"].tolist() == ["infrastructure", "digital_society"]
    assert smartphone["actual"].tolist() == [62.35, 62.35]
    assert smartphone["numerator"].tolist() == [645103, 645103]
    assert smartphone["denominator"].tolist() == [1034667, 1034667]
    assert smartphone["period"].tolist() == ["2023-06", "2023-06"]
    assert set(smartphone["status"]) == {"not_met"}


def test_values_above_100_are_kept_and_multi_part_targets_stay_apart(seeded_db):
    targets = target_progress(2023, FOCUS).set_index("target_code")
    assert targets.loc["bank_account_15plus_rate", "actual"] == 196.01
    assert targets.loc["mobile_coverage_rate", "actual"] == 109.76
    parts = targets[targets["level_detail"] != ""]
    assert parts["level_detail"].tolist() == ["cấp tỉnh", "cấp huyện", "cấp xã"]
    assert parts["target_value"].tolist() == [100, 95, 80]
    assert parts["actual"].tolist() == [95, 92, 70]


def test_an_unknown_year_or_unit_has_no_targets(seeded_db):
    assert target_progress(2022, FOCUS).empty
    assert target_progress(2023, "da-nang").empty


def test_disagreements_pair_the_plan_figure_with_other_reports(seeded_db):
    view = build_targets_view(2023, FOCUS)
    bank = view.disagreements[view.disagreements["indicator_code"] == "bank_account_15plus_rate"]
    assert bank["value"].tolist() == [196.01, 119.72]
    assert bank["period"].tolist() == ["2023-06", "2022"]
    assert bank["target_code"].tolist() == ["bank_account_15plus_rate", ""]
    assert bank["source"].iloc[1].startswith("004_")

    fibre = view.disagreements[view.disagreements["indicator_code"] == "household_fibre_rate"]
    assert sorted(fibre["value"]) == [77.4, 77.41, 93]

    codes = set(view.disagreements["indicator_code"])
    assert "video_conference_points" in codes, "137 connected points (003) against 150 (004)"
    assert "dt_budget_total" not in codes, "2022 spending and the 2023 budget come from one document"
    assert "postal_service_points" not in codes, "both reports print 213"
    assert "digital_economy_grdp_share" not in codes, "both print 5%"
    first_codes = view.disagreements["indicator_code"].drop_duplicates().tolist()
    assert first_codes[0] == "adult_smartphone_rate", "in the plan's order"
    assert first_codes[-1] == "video_conference_points", "indicators without a target come last"


def test_other_figures_are_linked_to_targets_even_without_an_actual(seeded_db):
    view = build_targets_view(2023, FOCUS)
    telehealth = view.others[view.others["indicator_code"] == "adult_telehealth_rate"]
    assert telehealth["value"].tolist() == [58]
    assert telehealth["period"].tolist() == ["2022"]


def test_filters_keep_what_they_name_and_refuse_what_the_plan_does_not_have(seeded_db):
    met = build_targets_view(2023, FOCUS, status="met")
    assert len(met.shown) == 10
    assert set(met.shown["status"]) == {"met"}
    assert len(met.targets) == 28

    economy = build_targets_view(2023, FOCUS, pillar="digital_economy")
    assert economy.shown["target_code"].tolist() == [
        "digital_economy_grdp_share",
        "sme_digital_platform_rate",
        "e_contract_enterprise_rate",
        "e_invoice_enterprise_rate",
    ]
    assert set(economy.disagreements["indicator_code"]) == {"sme_digital_platform_rate", "e_contract_enterprise_rate"}

    with pytest.raises(UnknownFilter) as unknown:
        build_targets_view(2023, FOCUS, pillar="awareness")
    assert unknown.value.choices == ["infrastructure", "digital_government", "digital_economy", "digital_society"]
    with pytest.raises(UnknownFilter):
        build_targets_view(2023, FOCUS, status="done")


def test_same_values_or_one_document_are_not_disagreements():
    figures = pd.DataFrame(
        {
            "indicator_code": ["a", "a", "b", "b", "c", "c"],
            "value": [1.0, 1.0, 2.0, 3.0, 4.0, 5.0],
            "period": ["2023", "2022", "2023", "2022", "2023", "2022"],
            "source": ["003_x; p1", "004_y; p2", "002_z; p1", "002_z; p9", "003_x; p1", "004_y; p2"],
            "target_code": ["", "", "", "", "", "c"],
        }
    )
    kept = source_disagreements(figures)
    assert kept["indicator_code"].tolist() == ["c", "c"]
    assert kept["target_code"].tolist() == ["c", ""], "the plan's own figure first"
    ordered = in_plan_order(pd.DataFrame({"indicator_code": ["z", "b", "a"]}), ["a", "b"])
    assert ordered["indicator_code"].tolist() == ["a", "b", "z"]


def _seed_rows(name: str) -> list[dict[str, str]]:
    with open(SEED_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_smartphone_rate_is_one_target_under_two_sections_counted_once(seeded_db):
    targets = target_progress(2023, FOCUS).set_index("target_code")
    assert targets.loc["adult_smartphone_rate_society", "twin_of"] == "adult_smartphone_rate"
    assert (targets["twin_of"] != "").sum() == 1, "no other target of the plan is listed twice"
    once = counted_once(targets.reset_index())
    statuses = seed_target_statuses()
    del statuses["adult_smartphone_rate_society"]
    expected = {s: list(statuses.values()).count(s) for s in ("met", "not_met", "no_data")}
    assert status_counts(once["status"]) == expected
    assert len(once) == 27


def test_projections_run_through_every_dated_figure_of_the_indicator(seeded_db):
    targets = target_progress(2023, FOCUS).set_index("target_code")
    plan = {r["target_code"]: r for r in _seed_rows("targets.csv")}
    dated = {}
    for r in _seed_rows("indicator_observations.csv"):
        dated.setdefault(r["indicator_code"], []).append(r)
    # The smartphone rate: 2022 (end of year) from 004, 2023-06 (end of June) the plan's actual.
    before = float(next(r["value"] for r in dated["adult_smartphone_rate"] if r["period"] == "2022"))
    now = float(plan["adult_smartphone_rate"]["actual_value"])
    expected = before + (now - before) * 365 / 181
    for code in ("adult_smartphone_rate", "adult_smartphone_rate_society"):
        assert targets.loc[code, "projected_value"] == pytest.approx(expected)
        assert targets.loc[code, "projection_status"] == "at_risk"
        assert targets.loc[code, "projection_deadline"] == "2023-12-31"
        assert [p for p, _v, _s in targets.loc[code, "projection_basis"]] == ["2022", "2023-06"]
        assert targets.loc[code, "projection_mixed"], "004 and 003 are different reports"
    # Two figures of June 2023 (003's appendix and its body) are one date: the target's own is kept.
    fibre = targets.loc["household_fibre_rate", "projection_basis"]
    assert [(p, v) for p, v, _s in fibre] == [("2022", 93.0), ("2023-06", 77.41)]
    # A target with one dated figure, or none, says so instead of drawing a line.
    for code, row in plan.items():
        figures = ({row["as_of"]} if row["actual_value"] else set()) | {r["period"] for r in dated.get(code, [])}
        if len(figures) < 2 and code != "adult_smartphone_rate_society":
            reason = "one_observation" if figures else "no_observation"
            assert (targets.loc[code, "projection_status"], targets.loc[code, "projection_reason"]) == ("none", reason)


def test_targets_at_risk_are_each_counted_once_worst_first(seeded_db):
    risky = at_risk(target_progress(2023, FOCUS))
    assert "adult_smartphone_rate_society" not in set(risky["target_code"])
    assert "adult_smartphone_rate" in set(risky["target_code"])
    order = risky["projection_status"].tolist()
    assert order == sorted(order, key=["off_track", "at_risk"].index)
    assert set(order) <= {"off_track", "at_risk"}
