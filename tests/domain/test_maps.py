"""The district maps' view: fitted to every polygon, islands included, at any size."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pytest

from domain.maps import WORLD_PIXELS, bounding_box, fit_view, latitude, mercator_y


def visible_bounds(centre: Mapping, zoom: float, *, width: int, height: int) -> dict[str, float]:
    """What a `width` × `height` px Web-Mercator map shows at `centre` and `zoom`, in degrees."""
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


def square(west: float, south: float, size: float) -> list:
    return [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]


MAINLAND_AND_ISLET = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [square(104, 10, 3)]}},
        {
            "type": "Feature",
            "properties": {},
            "geometry": {"type": "MultiPolygon", "coordinates": [[square(107, 13, 1)], [square(115, 9, 0.05)]]},
        },
    ],
}


def test_visible_bounds_of_a_known_view():
    bounds = visible_bounds({"lat": 0, "lon": 0}, 0, width=512, height=512)
    assert (bounds["west"], bounds["east"]) == pytest.approx((-180, 180))
    assert bounds["north"] == pytest.approx(85.0511, abs=1e-3), "the square Web Mercator world"
    assert bounds["south"] == pytest.approx(-bounds["north"])


def test_the_view_keeps_a_far_islet_in_sight_at_any_size():
    box = bounding_box(MAINLAND_AND_ISLET)
    assert box == (104, 9, 115.05, 14)
    centre, zoom = fit_view(box, width=400, height=600, padding=0.92)
    assert centre["lon"] == pytest.approx((104 + 115.05) / 2), "104°E out to the islet at 115°E"
    bounds = visible_bounds(centre, zoom, width=400, height=600)
    assert bounds["west"] < 104 and bounds["east"] > 115.05
    assert bounds["south"] < 9 and bounds["north"] > 14
    wide_centre, wide_zoom = fit_view(box, width=800, height=1200, padding=0.92)
    assert wide_centre == centre
    assert wide_zoom == pytest.approx(zoom + 1, abs=0.02), "twice the pixels is one zoom level"
