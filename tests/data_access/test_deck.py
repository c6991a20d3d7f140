"""The deck's data, checked against the seed CSVs themselves, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from data_access.deck import UnknownDeck, build_deck, deck_years, neighbours_of, plan_year_for
from data_access.settings import SEED_DIR

FOCUS = "binh-phuoc"


def seed_rows(name: str) -> list[dict[str, str]]:
    with open(SEED_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def counted_pillars(year: str) -> set[str]:
    return {
        r["pillar_code"]
        for r in seed_rows("frameworks.csv")
        if r["framework_year"] == year and r["level"] == "province" and r["counts_in_total"] == "true"
    }


def test_deck_years_are_the_years_with_a_provincial_result(seeded_db):
    expected = sorted(
        int(r["year"])
        for r in seed_rows("totals.csv")
        if r["unit_code"] == FOCUS and r["level"] == "province" and (r["published_rank"] or r["published_total"])
    )
    assert deck_years(FOCUS) == expected


def test_2022_deck_neighbours_are_five_above_and_five_below(seeded_db):
    ranking = seed_rows("national_ranking_2022.csv")
    position = next(i for i, r in enumerate(ranking) if r["unit_code"] == FOCUS)
    expected = [r["unit_code"] for r in ranking[position - 5 : position + 6]]

    deck = build_deck(FOCUS, 2022)

    assert deck.neighbours["unit_code"].tolist() == expected
    assert deck.national_field == len(ranking)
    assert deck.unit_name_vi == "Bình Phước"


def test_2022_deck_points_lost_follow_the_seed_scores(seeded_db):
    counted = counted_pillars("2022")
    rows = [
        r
        for r in seed_rows("scores.csv")
        if r["unit_code"] == FOCUS and r["level"] == "province" and r["year"] == "2022" and r["pillar_code"] in counted
    ]
    lost = {r["pillar_code"]: float(r["max_points"]) - float(r["points"]) for r in rows}

    deck = build_deck(FOCUS, 2022)

    assert dict(zip(deck.losses["pillar_code"], deck.losses["lost"], strict=True)) == pytest.approx(lost)
    assert deck.losses["lost"].is_monotonic_decreasing
    assert deck.losses["pillar_code"].iloc[0] == max(lost, key=lost.get)


def test_2022_deck_departments_and_districts_come_from_the_seed(seeded_db):
    departments = {
        r["unit_code"]: float(r["published_total"])
        for r in seed_rows("totals.csv")
        if r["year"] == "2022" and r["level"] == "department"
    }
    districts = {r["unit_code"] for r in seed_rows("scores.csv") if r["year"] == "2022" and r["level"] == "district"}

    deck = build_deck(FOCUS, 2022)

    assert set(deck.departments["unit_code"]) == set(departments)
    best = max(departments, key=departments.get)
    assert deck.departments["unit_code"].iloc[0] == best
    assert deck.department_thresholds, "the groups' bounds come with the ranking"
    assert set(deck.districts.totals["unit_code"]) == districts


@pytest.mark.parametrize("level", ["department", "district"])
def test_2022_deck_laggards_are_the_weakest_the_published_totals_imply(seeded_db, level):
    rows = [r for r in seed_rows("totals.csv") if r["year"] == "2022" and r["level"] == level]
    weakest = min(rows, key=lambda r: float(r["published_total"]) / float(r["published_max"]))

    laggards = build_deck(FOCUS, 2022).laggards[level]

    assert laggards["unit_code"].iloc[0] == weakest["unit_code"]
    assert laggards["share"].is_monotonic_increasing


def test_2022_deck_reports_on_the_plan_written_after_it(seeded_db):
    deck = build_deck(FOCUS, 2022)

    assert deck.plan_year == 2023
    assert set(deck.targets["target_code"]) == {r["target_code"] for r in seed_rows("targets.csv")}
    assert deck.plans["code"].tolist() == ["57/KH-UBND"]


def test_a_year_with_only_a_rank_keeps_its_empty_parts(seeded_db):
    deck = build_deck(FOCUS, 2021)

    assert deck.overview.rank == 9
    assert deck.overview.rank_history["year"].max() == 2021, "a 2021 deck does not show 2022"
    assert deck.losses.empty
    assert deck.departments.empty
    assert deck.districts.empty
    assert all(frame.empty for frame in deck.laggards.values())
    assert deck.plan_year is None


def test_a_year_without_provincial_results_is_refused(seeded_db):
    with pytest.raises(UnknownDeck):
        build_deck(FOCUS, 2019)
    with pytest.raises(UnknownDeck):
        build_deck("binh-phuoc-so-tttt", 2022)


def test_neighbours_stop_at_the_ends_of_the_table():
    ranking = pd.DataFrame({"unit_code": [f"p{i}" for i in range(1, 9)], "rank": range(1, 9)})

    assert neighbours_of(ranking, "p2")["unit_code"].tolist() == ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]
    assert neighbours_of(ranking, "p8", count=2)["unit_code"].tolist() == ["p6", "p7", "p8"]
    assert neighbours_of(ranking, "nowhere").empty


def test_plan_year_is_the_years_own_else_the_next():
    assert plan_year_for(2023, [2023, 2024]) == 2023
    assert plan_year_for(2022, [2023]) == 2023
    assert plan_year_for(2021, [2023]) is None
