"""The what-if starting point read from the database (SQLite and PostgreSQL) against the seed CSVs."""

from __future__ import annotations

import csv

import pytest

from data_access.settings import SEED_DIR
from data_access.whatif import whatif_setting
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
