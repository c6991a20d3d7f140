"""Web-Mercator maths for the maps: plotly's `map` has no "fit these bounds", so the view is computed.

The world is WORLD_PIXELS wide at zoom 0 (MapLibre's tiles); every polygon counts, islands too:
Hoàng Sa and Trường Sa are part of the country and must stay on the national map.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

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


def visible_bounds(centre: Mapping, zoom: float, *, width: int, height: int) -> dict[str, float]:
    """West, east, south and north (degrees) that a `width` × `height` px map shows at `centre`
    and `zoom`: what a reader can see, to check that nothing of the country is cut."""
    world = WORLD_PIXELS * 2**zoom
    half_lon = width / 2 * 360 / world
    half_y = height / 2 * 2 * math.pi / world
    centre_y = mercator_y(centre["lat"])
    return {
        "west": centre["lon"] - half_lon,
        "east": centre["lon"] + half_lon,
        "south": latitude(centre_y - half_y),
        "north": latitude(centre_y + half_y),
    }
