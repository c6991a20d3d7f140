"""The what-if starting point read from the database (SQLite and PostgreSQL) against the seed CSVs."""

from __future__ import annotations

import csv

import pytest

from data_access.overview import build_overview
from data_access.pillars import pillars_view, resolve_selection
from data_access.settings import SEED_DIR
from data_access.whatif import action_list, whatif_setting
from domain.whatif import GOAL_GROUP, outcome, plan_for

HEALTH = "binh-phuoc-so-y-te"
PROVINCE = "binh-phuoc"


def read(name: str) -> list[dict[str, str]]:
    with open(SEED_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


TOTALS = [row for row in read("totals.csv") if row["year"] == "2022"]
SCORES = [row for row in read("scores.csv") if row["year"] == "2022"]
PROVINCES = {row["unit_code"] for row in read("units.csv") if row["kind"] == "province"}


def test_a_department_starts_from_its_published_place_with_its_peers_best(seeded_db):
    setting = whatif_setting(HEALTH, 2022)
    own = next(r for r in TOTALS if r["unit_code"] == HEALTH)
    others = sorted(float(r["published_total"]) for r in TOTALS if r["level"] == "department" and r is not own)
    assert setting.standing.total == float(own["published_total"])
    assert sorted(setting.standing.others) == others
    department = [r for r in SCORES if r["level"] == "department"]
    for row in setting.indices.itertuples():
        peers = [
            float(r["points"]) for r in department if r["pillar_code"] == row.pillar_code and r["unit_code"] != HEALTH
        ]
        own_points = next(
            float(r["points"]) for r in department if r["unit_code"] == HEALTH and r["pillar_code"] == row.pillar_code
        )
        assert (row.points, row.peer_best) == (own_points, max(peers))
        assert row.peers_above == sum(p > own_points for p in peers)
        assert row.peers_at_max == sum(p >= row.max_points for p in peers)
    start = outcome(setting.main_indices(), setting.standing, {})
    assert (start.rank, start.group) == (int(own["published_rank"]), own["published_group"])
    assert (
        outcome(
            setting.main_indices(),
            setting.standing,
            plan_for(setting.main_indices(), setting.standing, GOAL_GROUP, "Tốt").points(setting.main_indices()),
        ).group
        == "Tốt"
    )


def test_the_province_ranks_among_the_provinces_with_a_published_value(seeded_db):
    setting = whatif_setting(PROVINCE, 2022)
    valued = [r for r in TOTALS if r["unit_code"] in PROVINCES and r["published_total"]]
    assert len(setting.table) == len(valued) < setting.level_size == len(PROVINCES)
    own = next(r for r in valued if r["unit_code"] == PROVINCE)
    assert setting.is_index
    assert setting.standing.total == pytest.approx(float(own["published_total"]) * setting.standing.max_total)
    start = outcome(setting.main_indices(), setting.standing, {})
    assert start.rank == 1 + sum(float(r["published_total"]) > float(own["published_total"]) for r in valued)
    assert start.rank_of == len(valued)


def test_a_unit_without_points_that_year_has_no_setting(seeded_db):
    assert whatif_setting("da-nang", 2021) is None
    assert whatif_setting("no-such-unit", 2022) is None


def test_the_province_s_recommendations_match_the_points_lost_of_the_overview_and_the_pillars_page(seeded_db):
    found = action_list(PROVINCE, 2022)
    lost = {action.code: action.lost for action in found.actions}
    weakest = build_overview(PROVINCE, 2022).weakest  # what `/` shows as the pillars losing most points
    assert not weakest.empty
    for row in weakest.itertuples():
        assert lost[row.pillar_code] == pytest.approx(row.lost)
    table = pillars_view(resolve_selection(2022, "province", PROVINCE, None)).pillars  # the `/pillars` table
    assert {code: value for code, value in zip(table["pillar_code"], table["lost"], strict=True) if value > 0} == (
        pytest.approx(lost)
    )


def test_the_recommendations_name_the_responsible_units_of_the_dataset_with_its_source(seeded_db):
    found = action_list(PROVINCE, 2022)
    seeded = read("../meta/responsibilities.csv")
    assert found.plan_code == seeded[0]["plan_code"]
    assert list(found.responsibilities["responsible_name"]) == [r["responsible_name"] for r in seeded]
    assert list(found.responsibilities["source"]) == [r["source"] for r in seeded]
    department = action_list(HEALTH, 2022)
    assert department.plan_code == found.plan_code  # a department answers under its province's plan
    own = [r["responsible_name"] for r in seeded if r["unit_code"] in ("", HEALTH)]
    assert list(department.responsibilities["responsible_name"]) == own  # its own duties, naming no other unit


def test_the_province_s_tasks_with_printed_points_come_with_their_index(seeded_db):
    setting = whatif_setting(PROVINCE, 2022)
    printed = [r for r in read("subindicator_points_2022.csv") if r["points_2022"] and r["points_max"]]
    assert len(setting.tasks) == len(printed) == 19  # 23 tasks on the slides, 4 without printed points
    assert [(t.index_code, t.points, t.max_points) for t in setting.task_list()] == [
        (r["pillar_code"], float(r["points_2022"]), float(r["points_max"])) for r in printed
    ]
    assert whatif_setting(HEALTH, 2022).tasks.empty  # no department's task points are published
    found = action_list(PROVINCE, 2022)
    best = max(printed, key=lambda r: float(r["points_max"]) - float(r["points_2022"]))
    assert found.task_actions[0].gain == round(float(best["points_max"]) - float(best["points_2022"]), 2)
    assert action_list(HEALTH, 2022).task_actions == []
