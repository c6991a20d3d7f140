"""Who lags: the weakest departments and districts, checked against the published 2022 tables."""

from __future__ import annotations

import csv

import pytest

from data_access.laggards import weakest_on_pillar, weakest_on_total
from tests.conftest import SEED_DIR

FOCUS = "binh-phuoc"


def _published_shares(level: str) -> dict[str, float]:
    """Each unit's published total as a share of its published maximum (totals.csv), 2022."""
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["level"] == level and r["year"] == "2022"]
    return {r["unit_code"]: float(r["published_total"]) / float(r["published_max"]) for r in rows}


def _scores(level: str, pillar: str) -> dict[str, tuple[float, float]]:
    with open(SEED_DIR / "scores.csv", encoding="utf-8", newline="") as fh:
        return {
            r["unit_code"]: (float(r["points"]), float(r["max_points"]))
            for r in csv.DictReader(fh)
            if r["level"] == level and r["pillar_code"] == pillar and r["year"] == "2022"
        }


@pytest.mark.parametrize("level", ["department", "district"])
def test_the_weakest_units_are_those_the_published_totals_imply(seeded_db, level):
    shares = _published_shares(level)
    expected = sorted(shares, key=shares.get)[:3]
    weakest = weakest_on_total(FOCUS, level, 2022, 3)
    assert weakest["unit_code"].tolist() == expected
    assert weakest["share"].tolist() == pytest.approx([shares[c] for c in expected], abs=1e-4)


def test_each_laggard_carries_the_points_it_misses_for_the_next_group(seeded_db):
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        published = {r["unit_code"]: r for r in csv.DictReader(fh) if r["level"] == "department"}
    weakest = weakest_on_total(FOCUS, "department", 2022, 1).iloc[0]
    row = published[weakest["unit_code"]]
    total, maximum = float(row["published_total"]), float(row["published_max"])
    # Trung bình (≥ 50 %) → the next group is Khá, at 65 % of 600 = 390 points.
    assert row["published_group"] == "Trung bình"
    assert weakest["next_group"] == "Khá"
    assert weakest["missing"] == pytest.approx(0.65 * maximum - total, abs=0.01)


def test_weakest_on_one_index_is_by_its_share_and_says_points_lost(seeded_db):
    scores = _scores("district", "digital_society")
    shares = {code: points / maximum for code, (points, maximum) in scores.items()}
    weakest = weakest_on_pillar(FOCUS, "district", 2022, "digital_society", 3)
    lowest = sorted(shares.values())[:3]
    assert weakest["share"].tolist() == pytest.approx(lowest)
    for row in weakest.to_dict("records"):
        points, maximum = scores[row["unit_code"]]
        assert row["missing"] == pytest.approx(maximum - points)


def test_a_level_not_scored_on_an_index_has_no_laggards_on_it(seeded_db):
    assert weakest_on_pillar(FOCUS, "department", 2022, "digital_economy", 3).empty, "no such criterion"
    assert weakest_on_total(FOCUS, "department", 2021, 3).empty, "no department results for 2021"
