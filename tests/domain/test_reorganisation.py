"""`domain.reorganisation`: where a unit is ranked in a year, a successor's computed figures (worked
by hand) and the year's map drawn by joining the predecessors' polygons."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import pytest

from domain.reorganisation import (
    Reorganisation,
    average_of_predecessors,
    dissolve,
    dissolve_polygons,
    ended,
    last_ranked_year,
    predecessors_of,
    successor_in,
)

SEED_DIR = Path(__file__).resolve().parents[2] / "seed" / "data"
MERGER = [
    Reorganisation("dong-nai", "dong-nai", "2025-07-01", 2024, "merged"),
    Reorganisation("binh-phuoc", "dong-nai", "2025-07-01", 2024, "merged"),
    Reorganisation("ha-noi", "ha-noi", "2025-07-01", 2024, "unchanged"),
]


def seed_mapping() -> list[Reorganisation]:
    with open(SEED_DIR / "reorganisation_2025.csv", encoding="utf-8", newline="") as fh:
        return [
            Reorganisation(
                r["predecessor_code"],
                r["successor_code"],
                r["effective_date"],
                int(r["first_ranked_year"]),
                r["change"],
            )
            for r in csv.DictReader(fh)
        ]


def test_an_ended_unit_is_ranked_as_its_successor_from_the_first_ranked_year_only():
    assert successor_in("binh-phuoc", 2023, MERGER) is None
    assert successor_in("binh-phuoc", 2024, MERGER).successor == "dong-nai"
    assert successor_in("dong-nai", 2024, MERGER) is None  # kept its code: still itself
    assert successor_in("ha-noi", 2030, MERGER) is None
    assert last_ranked_year(ended("binh-phuoc", MERGER)) == 2023
    assert ended("dong-nai", MERGER) is None


def test_the_predecessors_of_a_successor_keep_the_one_with_its_code_first():
    assert [row.predecessor for row in predecessors_of("dong-nai", MERGER)] == ["dong-nai", "binh-phuoc"]
    assert predecessors_of("ha-noi", MERGER) == []  # unchanged: no merger into it
    assert predecessors_of("binh-phuoc", MERGER) == []


def test_the_successor_s_figures_are_the_mean_of_its_predecessors_worked_by_hand():
    values = {
        "dong-nai": {"dti": 0.6612, "awareness": 0.70, "institutions": 0.40},
        "binh-phuoc": {"dti": 0.6408, "awareness": 0.50},
    }
    computed = average_of_predecessors(values, ["dong-nai", "binh-phuoc"])
    # (0.6612 + 0.6408) / 2 = 1.3020 / 2 = 0.6510; (0.70 + 0.50) / 2 = 0.60
    assert computed["dti"] == pytest.approx(0.6510)
    assert computed["awareness"] == pytest.approx(0.60)
    assert "institutions" not in computed  # Bình Phước has none: the mean of one would not be the rule
    three = average_of_predecessors({"a": {"dti": 0.5}, "b": {"dti": 0.6}, "c": {"dti": 0.75}}, ["a", "b", "c"])
    assert three["dti"] == pytest.approx(0.6166666)  # 1.85 / 3
    assert average_of_predecessors(values, []) == {}


def test_the_seeded_merger_has_34_successors_each_keeping_a_predecessor_s_code():
    rows = seed_mapping()
    assert len(rows) == 63
    successors = {row.successor for row in rows}
    assert len(successors) == 34
    assert successors <= {row.predecessor for row in rows}
    assert len([s for s in successors if predecessors_of(s, rows)]) == 23  # 52 provinces merge into 23


def square(west: float, south: float) -> dict:
    ring = [[west, south], [west + 1, south], [west + 1, south + 1], [west, south + 1], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(code: str, geometry: dict) -> dict:
    return {"type": "Feature", "properties": {"unit_code": code, "source": "test"}, "geometry": geometry}


def test_dissolving_joins_the_predecessors_polygons_under_the_successor_from_its_first_ranked_year():
    island = {"type": "MultiPolygon", "coordinates": [square(2, 0)["coordinates"], square(9, 9)["coordinates"]]}
    collection = {
        "type": "FeatureCollection",
        "attribution": "test",
        "features": [feature("binh-phuoc", square(0, 0)), feature("dong-nai", island), feature("ha-noi", square(5, 5))],
    }
    names = {"dong-nai": "Đồng Nai"}
    before = dissolve(collection, 2023, MERGER, names)
    assert [f["properties"]["unit_code"] for f in before["features"]] == ["binh-phuoc", "dong-nai", "ha-noi"]
    after = dissolve(collection, 2024, MERGER, names)
    assert after["attribution"] == "test"
    by_code = {f["properties"]["unit_code"]: f for f in after["features"]}
    assert list(by_code) == ["dong-nai", "ha-noi"]
    joined = by_code["dong-nai"]
    assert joined["geometry"]["type"] == "MultiPolygon"
    assert len(joined["geometry"]["coordinates"]) == 3  # Bình Phước's square and both of Đồng Nai's polygons
    assert joined["properties"]["predecessor_codes"] == ["binh-phuoc", "dong-nai"]
    assert joined["properties"]["name_vi"] == "Đồng Nai"


def _area(ring: list) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def _edges(polygons: list) -> list[frozenset]:
    return [
        frozenset((tuple(a), tuple(b))) for polygon in polygons for ring in polygon for a, b in itertools.pairwise(ring)
    ]


def test_two_squares_sharing_a_side_dissolve_into_one_outline_without_the_side():
    left, right = square(0, 0)["coordinates"], square(1, 0)["coordinates"]
    joined = dissolve_polygons([left, right])
    assert len(joined) == 1 and len(joined[0]) == 1  # one polygon, no hole
    ring = joined[0][0]
    assert ring[0] == ring[-1]
    assert frozenset(((1, 0), (1, 1))) not in _edges(joined)  # the shared side is gone
    assert {tuple(p) for p in ring} == {(0, 0), (1, 0), (2, 0), (2, 1), (1, 1), (0, 1)}
    assert _area(ring) == _area(left[0]) + _area(right[0]) == 2  # same winding as the squares, same area


def test_squares_apart_stay_apart_and_a_ring_of_squares_keeps_its_hole():
    apart = dissolve_polygons([square(0, 0)["coordinates"], square(5, 5)["coordinates"]])
    assert sorted(len(polygon[0]) for polygon in apart) == [5, 5]
    ring_of_eight = [square(x, y)["coordinates"] for x in range(3) for y in range(3) if (x, y) != (1, 1)]
    joined = dissolve_polygons(ring_of_eight)
    assert len(joined) == 1
    outer, *holes = joined[0]
    assert _area(outer) == 9
    assert len(holes) == 1 and _area(holes[0]) == -1  # the middle square, wound the other way
    assert {tuple(p) for p in holes[0]} == {(1, 1), (2, 1), (2, 2), (1, 2)}


def test_the_63_shipped_provinces_dissolve_into_the_34_without_their_inner_borders():
    shipped = json.loads((SEED_DIR / "geo" / "vietnam_provinces_63.geojson").read_text(encoding="utf-8"))
    rows = seed_mapping()
    after = dissolve(shipped, 2024, rows, {})
    assert len(after["features"]) == 34
    assert {f["properties"]["unit_code"] for f in after["features"]} == {row.successor for row in rows}
    before = {f["properties"]["unit_code"]: f["geometry"] for f in shipped["features"]}

    def polygons(geometry: dict) -> list:
        return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]

    dong_nai = next(f for f in after["features"] if f["properties"]["unit_code"] == "dong-nai")
    border = set(_edges(polygons(before["dong-nai"]))) & set(_edges(polygons(before["binh-phuoc"])))
    assert border  # the two shipped provinces share a border drawn with the same points
    assert len(polygons(dong_nai["geometry"])) == 1
    assert not border & set(_edges(polygons(dong_nai["geometry"])))
    for merged in (f for f in after["features"] if "predecessor_codes" in f["properties"]):
        area = sum(_area(ring) for polygon in polygons(merged["geometry"]) for ring in polygon)
        parts = sum(
            _area(polygon[0])
            for code in merged["properties"]["predecessor_codes"]
            for polygon in polygons(before[code])
        )
        assert area == pytest.approx(parts, rel=1e-9), merged["properties"]["unit_code"]  # nothing lost or added
