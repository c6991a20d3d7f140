"""Switching `/rankings` to another level keeps the year only where that level has results: the
departments and districts of the seed were scored in 2022 only, while the national table has the
focus ranked in 2020 and 2021 too (seed/data/totals.csv)."""

from __future__ import annotations

import csv

import pytest

from data_access.settings import SEED_DIR


def years_with(level: str) -> set[int]:
    with (SEED_DIR / "totals.csv").open(encoding="utf-8") as handle:
        return {int(row["year"]) for row in csv.DictReader(handle) if row["level"] == level}


def test_a_level_without_results_in_the_year_shown_opens_on_its_own_latest_year(dash_app):
    from pages.rankings import write_level

    national_only = sorted(years_with("province") - years_with("department"))
    department_years = sorted(years_with("department"))
    assert national_only and department_years, "the seed has a year ranked nationally only"

    assert write_level("department", {"year": str(national_only[-1])}) == "?level=department"
    assert write_level("district", {"year": str(national_only[-1])}) == "?level=district"
    kept = department_years[-1]
    assert write_level("department", {"year": str(kept)}) == f"?year={kept}&level=department"
    back = {"year": str(national_only[-1]), "level": "department"}
    assert write_level("province", back) == f"?year={national_only[-1]}&level=province"


def test_the_selector_following_the_url_writes_nothing(dash_app):
    """Back or forward to a URL sets the selector to the level the URL names (no level: the provinces);
    writing the URL again then would push a new entry and cut the browser's forward history."""
    from dash.exceptions import PreventUpdate

    from pages.rankings import write_level

    for level, query in (("province", {"year": "2021"}), ("department", {"year": "2022", "level": "department"})):
        with pytest.raises(PreventUpdate):
            write_level(level, query)
