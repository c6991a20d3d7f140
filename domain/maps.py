"""Web-Mercator maths for the district maps: plotly's `map` has no "fit these bounds", so the view is computed.

The world is WORLD_PIXELS wide at zoom 0 (MapLibre's tiles); every polygon counts, islands too: Hoàng Sa
and Trường Sa are part of the country, and `bounding_box` also gives the national map its view.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

WORLD_PIXELS = 512

Box = tuple[float, float, float, float]


def mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def latitude(y: float) -> float:
    """The latitude of a Mercator `y` (the inverse of `mercator_y`)."""
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def rings(geometry: Mapping) -> list[list[list[float]]]:
    """Every ring (outer and holes) of a Polygon or MultiPolygon; nothing for another geometry."""
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def bounding_box(collection: Mapping) -> Box:
    """(west, south, east, north) of every vertex of every feature, islands included."""
    points = [point for feature in collection["features"] for ring in rings(feature["geometry"]) for point in ring]
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def fit_view(box: Box, *, width: int, height: int, padding: float) -> tuple[dict[str, float], float]:
    """Centre and zoom that fit `box` in a `width` × `height` px map, leaving `padding` (0..1) of it."""
    west, south, east, north = box
    y_south, y_north = mercator_y(south), mercator_y(north)
    zoom_x = math.log2(width * 360 / (WORLD_PIXELS * max(east - west, 1e-6)))
    zoom_y = math.log2(height * 2 * math.pi / (WORLD_PIXELS * max(y_north - y_south, 1e-6)))
    zoom = min(zoom_x, zoom_y) + math.log2(padding)
    centre = {"lat": round(latitude((y_south + y_north) / 2), 4), "lon": round((west + east) / 2, 4)}
    return centre, round(zoom, 2)


LABEL_GRID = 24


def label_point(geometry: Mapping) -> tuple[float, float]:
    """Where a region's name goes: the point of its largest polygon farthest from every edge (holes
    and notches included), found on a grid: the label sits in the region's thickest part, where it
    neither spills over a neighbour nor lands in an enclave. A centroid can fall outside a crescent."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else list(geometry["coordinates"])

    def extent(polygon: list) -> float:
        lons = [p[0] for p in polygon[0]]
        lats = [p[1] for p in polygon[0]]
        return (max(lons) - min(lons)) * (max(lats) - min(lats))

    polygon = max(polygons, key=extent)
    outer = np.asarray([p[:2] for p in polygon[0]], dtype=float)
    west, south = outer.min(axis=0)
    east, north = outer.max(axis=0)
    scale = math.cos(math.radians((south + north) / 2))  # a degree of longitude is shorter than one of latitude
    lons, lats = np.meshgrid(
        np.linspace(west, east, LABEL_GRID + 2)[1:-1], np.linspace(south, north, LABEL_GRID + 2)[1:-1]
    )
    points = np.column_stack([lons.ravel(), lats.ravel()])
    starts = np.concatenate([np.asarray([p[:2] for p in ring], dtype=float)[:-1] for ring in polygon])
    ends = np.concatenate([np.asarray([p[:2] for p in ring], dtype=float)[1:] for ring in polygon])
    x, y = points[:, :1], points[:, 1:]
    # Inside by the even-odd rule: crossings of a ray to the east.
    x1, y1, x2, y2 = starts[:, 0], starts[:, 1], ends[:, 0], ends[:, 1]
    spans = (y1 <= y) != (y2 <= y)
    with np.errstate(divide="ignore", invalid="ignore"):
        cross_x = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
    inside = (np.sum(spans & (cross_x > x), axis=1) % 2) == 1
    if not inside.any():
        return float((west + east) / 2), float((south + north) / 2)
    # Distance from each point to the nearest edge, longitudes scaled to ground distance.
    dx, dy = (x2 - x1) * scale, y2 - y1
    px, py = (x - x1) * scale, y - y1
    length = dx * dx + dy * dy
    with np.errstate(divide="ignore", invalid="ignore"):
        along = np.clip(np.where(length > 0, (px * dx + py * dy) / length, 0), 0, 1)
    distance = np.min(np.hypot(px - along * dx, py - along * dy), axis=1)
    best = int(np.argmax(np.where(inside, distance, -1)))
    return float(points[best, 0]), float(points[best, 1])
