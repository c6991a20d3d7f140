"""Reorganisations of units (the 2025 provincial merger, 63 → 34; district → commune changes) as
plain records, and what follows from them: which unit a code belongs to in a year, a successor's
figures for the years before it existed, and the map of the year's units.

A successor's figure for a year before its first ranked year is *computed*, never published: the
published rule for DTI 2024 gives a merged province the average of the main indices of the
provinces it replaced, and the same average is what this module gives for earlier years, marked as
computed wherever it is shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MERGED = "merged"
UNCHANGED = "unchanged"
RENAMED = "renamed"
CHANGE_KINDS = (MERGED, UNCHANGED, RENAMED)


@dataclass(frozen=True)
class Reorganisation:
    """A predecessor's row of a reorganisation: its successor from `effective_date` (ISO date) and
    the first year ranked as the successor."""

    predecessor: str
    successor: str
    effective_date: str
    first_ranked_year: int
    change: str
    level: str = "province"

    @property
    def ends_predecessor(self) -> bool:
        """Does the predecessor stop being a unit of its own (merged into another code)?"""
        return self.predecessor != self.successor


def last_ranked_year(row: Reorganisation) -> int:
    """The last year whose ranking names the predecessor itself (2023 for the 2025 merger)."""
    return row.first_ranked_year - 1


def successor_in(code: str, year: int, rows: Iterable[Reorganisation]) -> Reorganisation | None:
    """The row that puts `code` under another unit in `year`'s ranking, or None when `code` is still
    ranked as itself that year (an unchanged province, a successor keeping its code, any earlier year)."""
    for row in rows:
        if row.predecessor == code and row.ends_predecessor and row.first_ranked_year <= year:
            return row
    return None


def ended(code: str, rows: Iterable[Reorganisation]) -> Reorganisation | None:
    """The row that ends `code` (merged into another unit), whatever the year; None if it never ends."""
    return next((row for row in rows if row.predecessor == code and row.ends_predecessor), None)


def predecessors_of(code: str, rows: Iterable[Reorganisation]) -> list[Reorganisation]:
    """The rows of a merger that `code` is the successor of, the one keeping its code first; empty when
    `code` merged nothing in (an unchanged unit is its own only predecessor: no merger)."""
    found = [row for row in rows if row.successor == code]
    if not any(row.ends_predecessor for row in found):
        return []
    return sorted(found, key=lambda row: (row.ends_predecessor, row.predecessor))


def average_of_predecessors(
    values: Mapping[str, Mapping[str, float | None]], predecessors: Sequence[str]
) -> dict[str, float]:
    """The successor's computed figures: for each index (the total, each main index), the plain mean
    of the predecessors' values, where every predecessor has one (an index missing for one of them
    has no computed value: the mean of the others would not be the published rule)."""
    if not predecessors:
        return {}
    keys: set[str] = set()
    for code in predecessors:
        keys |= set(values.get(code, {}))
    computed = {}
    for key in sorted(keys):
        found = [values.get(code, {}).get(key) for code in predecessors]
        if all(value is not None for value in found):
            computed[key] = sum(found) / len(found)  # type: ignore[arg-type]
    return computed


Point = tuple[float, float]
Ring = list[list[float]]


def _signed_area(ring: Sequence[Sequence[float]]) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def _inside(point: Sequence[float], ring: Sequence[Sequence[float]]) -> bool:
    """Even-odd test of `point` against a closed ring."""
    x, y = point[0], point[1]
    found = False
    for a, b in itertools.pairwise(ring):
        if (a[1] > y) != (b[1] > y) and x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]):
            found = not found
    return found


def dissolve_polygons(polygons: Sequence[Sequence[Ring]]) -> list[list[Ring]]:
    """The outline of several polygons drawn as one: every edge that two of them share (the same two
    points, in either direction) is removed and the edges left are chained back into closed rings,
    so the old borders between merged provinces are no longer drawn inside the new one.

    It relies on the source being topologically clean where polygons meet (a shared border is the
    same points in both, as in the shipped boundaries: 0 of 7 569 edges drawn by more than two
    polygons); where two borders do not share their points, both stay, as in the source. Rings
    keep the winding of their first polygon's outer ring; a ring wound the other way is a hole and
    goes under the outer ring that contains it."""
    owners: dict[frozenset[Point], set[int]] = {}
    directed: list[tuple[Point, Point]] = []
    for index, polygon in enumerate(polygons):
        for ring in polygon:
            for a, b in itertools.pairwise(ring):
                start, end = (a[0], a[1]), (b[0], b[1])
                if start == end:
                    continue
                owners.setdefault(frozenset((start, end)), set()).add(index)
                directed.append((start, end))
    kept = [edge for edge in directed if len(owners[frozenset(edge)]) < 2]
    leaving: dict[Point, list[Point]] = {}
    for start, end in kept:
        leaving.setdefault(start, []).append(end)
    rings: list[Ring] = []
    for start, _ in kept:
        while leaving.get(start):
            ring = [start]
            point = leaving[start].pop()
            while point != start and leaving.get(point):
                ring.append(point)
                point = leaving[point].pop()
            ring.append(start)
            if len(ring) >= 4:
                rings.append([list(p) for p in ring])
    if not rings:
        return [[list(map(list, ring)) for ring in polygon] for polygon in polygons]
    outer_sign = _signed_area(polygons[0][0]) >= 0 if polygons and polygons[0] else False
    outers = [r for r in rings if (_signed_area(r) >= 0) == outer_sign]
    holes = [r for r in rings if (_signed_area(r) >= 0) != outer_sign]
    result: list[list[Ring]] = [[outer] for outer in outers]
    for hole in holes:
        home = next((polygon for polygon in result if _inside(hole[0], polygon[0])), None)
        if home is not None:
            home.append(hole)
    return result


def dissolve(collection: Mapping, year: int, rows: Iterable[Reorganisation], names: Mapping[str, str]) -> dict:
    """The boundaries of `year`'s units: every predecessor's polygons gathered into one MultiPolygon
    feature under its successor's code, with the borders the predecessors shared removed
    (`dissolve_polygons`), so it draws as one province. Features whose unit is not reorganised that
    year are kept as they are."""
    rows = list(rows)
    merged: dict[str, dict] = {}
    for feature in collection["features"]:
        code = feature["properties"]["unit_code"]
        moved = successor_in(code, year, rows)
        into = moved.successor if moved else code
        target = merged.get(into)
        if target is None:
            target = {
                "type": "Feature",
                "properties": {
                    "unit_code": into,
                    "name_vi": names.get(into, into),
                    "source": feature["properties"].get("source", ""),
                },
                "polygons": [],
                "members": [],
            }
            merged[into] = target
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            target["polygons"].append(geometry["coordinates"])
        elif geometry["type"] == "MultiPolygon":
            target["polygons"].extend(geometry["coordinates"])
        target["members"].append(code)
    features = []
    for target in merged.values():
        properties = dict(target["properties"])
        if len(target["members"]) > 1:
            properties["predecessor_codes"] = sorted(target["members"])
        polygons = dissolve_polygons(target["polygons"]) if len(target["members"]) > 1 else target["polygons"]
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    return {key: value for key, value in collection.items() if key != "features"} | {"features": features}
