"""Checking a boundaries file (GeoJSON) before it is stored: pure, no database.

An admin loads the communes' boundaries (or a province's districts') as a GeoJSON
FeatureCollection. The file is refused whole when any feature is not a drawable polygon, when a
feature names no unit or the same unit twice, or when it carries no licence/attribution text: the
map credits its boundaries with that text, so a file without it cannot be shown honestly. Whether
the codes are units of the right level is the caller's check (it needs the units).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from itertools import pairwise

# The import history's name for a boundaries file, and where its problems are ("sheet" of a table file).
BOUNDARIES_DATASET = "boundaries"
ISSUE_SHEET = "GeoJSON (đối tượng)"
# Where the file's credit line may be: the collection's own members, in this order.
ATTRIBUTION_KEYS = ("attribution", "license", "licence")
# A ring's self-crossings are checked pairwise; past this many vertices the check would take
# seconds per ring, so larger rings are checked for everything but that (said in the docstring).
MAX_CROSSING_CHECK = 2000
POLYGON_TYPES = ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class BoundaryIssue:
    """One reason to refuse the file: the feature (1-based, None for the file), the field, why."""

    feature: int | None
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"đối tượng {self.feature}" if self.feature is not None else "tệp"
        return f"{where}, {self.field}: {self.reason}"


@dataclass(frozen=True)
class CheckedBoundaries:
    """A file read: its features' unit codes in order, its credit line, and every problem found."""

    collection: dict | None
    codes: list[str]
    attribution: str
    issues: list[BoundaryIssue]


def _position_problem(position: object) -> str | None:
    if not isinstance(position, list) or len(position) < 2:
        return "toạ độ phải là [kinh độ, vĩ độ]"
    lon, lat = position[0], position[1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (lon, lat)):
        return "toạ độ phải là số"
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return f"toạ độ [{lon}, {lat}] ngoài phạm vi kinh độ −180..180, vĩ độ −90..90"
    return None


def ring_area(ring: list[list[float]]) -> float:
    """Twice the signed area of a closed ring (shoelace), in square degrees."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in pairwise(ring))


def _segments_cross(a: tuple, b: tuple, c: tuple, d: tuple) -> bool:
    """Do segments ab and cd cross at a point inside both (touching ends do not count)?"""

    def side(p: tuple, q: tuple, r: tuple) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2, d3, d4 = side(c, d, a), side(c, d, b), side(a, b, c), side(a, b, d)
    return d1 * d2 < 0 and d3 * d4 < 0


def self_crossing(ring: list[list[float]]) -> bool:
    """Does a closed ring cross itself (a figure of eight)? Neighbouring edges share an end and never count."""
    edges = list(pairwise([tuple(p[:2]) for p in ring]))
    if len(edges) > MAX_CROSSING_CHECK:
        return False
    for i, (a, b) in enumerate(edges):
        for j in range(i + 2, len(edges)):
            if i == 0 and j == len(edges) - 1:
                continue
            c, d = edges[j]
            if _segments_cross(a, b, c, d):
                return True
    return False


def ring_problem(ring: object) -> str | None:
    """Why a ring cannot be drawn as a polygon's edge, or None."""
    if not isinstance(ring, list) or len(ring) < 4:
        return "mỗi vòng ranh giới cần ít nhất 4 điểm (điểm cuối trùng điểm đầu)"
    for position in ring:
        problem = _position_problem(position)
        if problem:
            return problem
    if ring[0][:2] != ring[-1][:2]:
        return "vòng ranh giới không khép kín (điểm cuối phải trùng điểm đầu)"
    if ring_area(ring) == 0:
        return "vòng ranh giới có diện tích bằng 0"
    if self_crossing(ring):
        return "vòng ranh giới tự cắt chính nó"
    return None


def geometry_problem(geometry: object) -> str | None:
    """Why a feature's geometry is not a drawable Polygon or MultiPolygon, or None."""
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        return f"hình phải là Polygon hoặc MultiPolygon (tệp có: {kind or 'không có hình'})"
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        return "hình không có toạ độ"
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return "đa giác không có vòng ranh giới"
        for ring in polygon:
            problem = ring_problem(ring)
            if problem:
                return problem
    return None


def _attribution(collection: dict) -> str:
    for key in ATTRIBUTION_KEYS:
        value = collection.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def check_boundaries(content: bytes) -> CheckedBoundaries:
    """Read a GeoJSON FeatureCollection whose features carry `properties.unit_code` and check every
    feature; the collection comes back only when nothing is wrong (a file is taken whole or not at all)."""
    issues: list[BoundaryIssue] = []
    try:
        collection = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return CheckedBoundaries(None, [], "", [BoundaryIssue(None, "nội dung", f"không phải JSON hợp lệ ({exc})")])
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        return CheckedBoundaries(
            None, [], "", [BoundaryIssue(None, "type", "tệp phải là một GeoJSON FeatureCollection")]
        )
    attribution = _attribution(collection)
    if not attribution:
        issues.append(
            BoundaryIssue(
                None,
                "attribution",
                "thiếu nguồn và giấy phép của ranh giới: thêm trường “attribution” vào FeatureCollection "
                "(ví dụ “Ranh giới: …, CC BY 4.0”), bản đồ sẽ ghi nguồn bằng dòng này",
            )
        )
    features = collection.get("features")
    if not isinstance(features, list) or not features:
        issues.append(BoundaryIssue(None, "features", "tệp không có đối tượng (feature) nào"))
        features = []
    codes: list[str] = []
    seen: dict[str, int] = {}
    for number, feature in enumerate(features, 1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        code = properties.get("unit_code") if isinstance(properties, dict) else None
        if not isinstance(code, str) or not code.strip():
            issues.append(BoundaryIssue(number, "properties.unit_code", "thiếu mã đơn vị"))
        elif code in seen:
            issues.append(BoundaryIssue(number, "properties.unit_code", f"mã “{code}” đã có ở đối tượng {seen[code]}"))
        else:
            seen[code] = number
            codes.append(code)
        problem = geometry_problem(feature.get("geometry") if isinstance(feature, dict) else None)
        if problem:
            issues.append(BoundaryIssue(number, "geometry", problem))
    return CheckedBoundaries(None if issues else collection, codes, attribution, issues)
