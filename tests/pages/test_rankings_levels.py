"""Switching `/rankings` to another level keeps the year only where that level has results: the
departments and districts of the seed were scored in 2022 only, while the national table has the
focus ranked in 2020 and 2021 too (seed/data/totals.csv). The selector decides in the browser from the
years each level has, which the page hands it (`level_years`); tests/browser/test_rankings.py clicks it."""

from __future__ import annotations

import csv

from data_access.settings import SEED_DIR


def years_with(level: str) -> set[int]:
    with (SEED_DIR / "totals.csv").open(encoding="utf-8") as handle:
        return {int(row["year"]) for row in csv.DictReader(handle) if row["level"] == level}


def test_the_selector_is_given_the_years_each_level_has(dash_app):
    from pages.rankings import level_years

    with dash_app.server.app_context():
        offered = level_years(["province", "department", "district"])

    assert set(offered["department"]) == years_with("department")
    assert set(offered["district"]) == years_with("district")
    assert years_with("province") - years_with("department"), "the seed has a year ranked nationally only"
    assert set(offered["province"]) >= years_with("province") - years_with("department")
