"""Boundaries for the maps, read from the GeoJSON files shipped in `seed/data/geo` (no network)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from data_access.settings import SEED_DIR

GEO_DIR = SEED_DIR / "geo"
PROVINCES_FILE = "vietnam_provinces_63.geojson"
DISTRICTS_FILE = "binh_phuoc_districts.geojson"
SERVED_FILES = (PROVINCES_FILE, DISTRICTS_FILE)


@lru_cache(maxsize=4)
def boundaries(file_name: str) -> dict:
    """A GeoJSON FeatureCollection; features carry `unit_code`, and a shared polygon lists
    `member_unit_codes` (Bù Gia Mập and Phú Riềng share one polygon in the open data)."""
    return json.loads((GEO_DIR / file_name).read_text(encoding="utf-8"))


def district_boundaries_for(province_code: str) -> dict | None:
    """The districts of a province where the shipped data has them; None elsewhere."""
    collection = boundaries(DISTRICTS_FILE)
    prefix = f"{province_code}-"
    if not all(f["properties"]["unit_code"].startswith(prefix) for f in collection["features"]):
        return None
    return collection


def attribution(file_name: str) -> str:
    """The credit line the boundary licence asks for (see seed/data/geo/ATTRIBUTION.md)."""
    return boundaries(file_name)["attribution"]


def served_path(file_name: str) -> Path | None:
    """The file behind `/geo/<file_name>`, for the shipped boundaries only (never a path a reader makes up)."""
    return GEO_DIR / file_name if file_name in SERVED_FILES else None


@lru_cache(maxsize=4)
def version(file_name: str) -> str:
    """A digest of the file's content: its URL changes when the file does, so browsers may keep it a year."""
    return hashlib.sha256((GEO_DIR / file_name).read_bytes()).hexdigest()[:16]
