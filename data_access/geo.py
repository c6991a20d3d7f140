"""Boundaries for the maps, read from the GeoJSON files shipped in `seed/data/geo` (no network)."""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from data_access import reorganisation
from data_access.settings import SEED_DIR
from domain.reorganisation import Reorganisation, dissolve

GEO_DIR = SEED_DIR / "geo"
PROVINCES_FILE = "vietnam_provinces_63.geojson"
DISTRICTS_FILE = "binh_phuoc_districts.geojson"
SERVED_FILES = (PROVINCES_FILE, DISTRICTS_FILE)
# The provinces of a year after a reorganisation, drawn from the 63 by the mapping: not a file on disk
# but the 63 polygons gathered under their successors, named by the first year they are ranked so.
DERIVED_PROVINCES = re.compile(r"vietnam_provinces_from_(\d{4})\.geojson")


def boundaries(file_name: str) -> dict:
    """A GeoJSON FeatureCollection; features carry `unit_code`, and a shared polygon lists
    `member_unit_codes` (Bù Gia Mập and Phú Riềng share one polygon in the open data). A derived
    provinces file (`provinces_file`) is the 63 provinces dissolved by the mapping on file."""
    derived = DERIVED_PROVINCES.fullmatch(file_name)
    if derived:
        return _dissolved(int(derived.group(1)), tuple(reorganisation.reorganisations("province")))[0]
    return _shipped(file_name)


@lru_cache(maxsize=4)
def _shipped(file_name: str) -> dict:
    return json.loads((GEO_DIR / file_name).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _dissolved(year: int, rows: tuple[Reorganisation, ...]) -> tuple[dict, bytes, str]:
    """The year's provinces, their bytes as served and the digest that versions their URL; cached per
    mapping, so an imported change of the mapping draws (and versions) a new map."""
    names = {code: vi for code, (vi, _en) in reorganisation.names().items()}
    collection = dissolve(_shipped(PROVINCES_FILE), year, rows, names)
    collection["name"] = f"{collection.get('name', 'provinces')} (sắp xếp theo danh mục, xếp hạng từ {year})"
    content = json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()
    return collection, content, hashlib.sha256(content).hexdigest()[:16]


def provinces_file(year: int) -> str:
    """The provinces file of `year`'s ranking: the shipped 63 before any merger on file is ranked,
    the dissolved ones (34 for the 2025 merger, ranked from DTI 2024) from the merger's first ranked year."""
    firsts = [
        row.first_ranked_year
        for row in reorganisation.reorganisations("province")
        if row.ends_predecessor and row.first_ranked_year <= year
    ]
    return f"vietnam_provinces_from_{max(firsts)}.geojson" if firsts else PROVINCES_FILE


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


def served_content(file_name: str) -> bytes | None:
    """The bytes of a derived provinces file behind `/geo/<file_name>`; None for any other name."""
    derived = DERIVED_PROVINCES.fullmatch(file_name)
    if derived is None:
        return None
    return _dissolved(int(derived.group(1)), tuple(reorganisation.reorganisations("province")))[1]


def version(file_name: str) -> str:
    """A digest of the file's content: its URL changes when the file does, so browsers may keep it a year."""
    derived = DERIVED_PROVINCES.fullmatch(file_name)
    if derived:
        return _dissolved(int(derived.group(1)), tuple(reorganisation.reorganisations("province")))[2]
    return _shipped_version(file_name)


@lru_cache(maxsize=4)
def _shipped_version(file_name: str) -> str:
    return hashlib.sha256((GEO_DIR / file_name).read_bytes()).hexdigest()[:16]
