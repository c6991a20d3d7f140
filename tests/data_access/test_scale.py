"""Each page's data reads do not grow with the country: the shape of the queries, not their time.

Two synthetic datasets are generated through the import (seed/synthetic.py), the second with three
times the provinces, each detailed province with the same number of departments and districts. A
page about one province's departments or districts must read exactly as many rows with either;
a page that also shows the national ranking may read more provinces' results, but never another
province's departments or districts. Rows are counted as every SELECT returns them (an event on
the engine re-counts each statement's result), so a query that reads every province's units and
filters them in pandas fails here whatever the machine's speed.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from data_access import db, queries
from data_access.cache import cache
from data_access.caveats import pillar_caveats
from data_access.deck import build_deck
from data_access.districts import build_district_results
from data_access.focus_years import scored_years
from data_access.overview import build_overview
from data_access.peers import province_histories
from data_access.pillars import pillars_view, resolve_selection
from data_access.rankings import national_ranking, unit_ranking
from data_access.reads import Reads, counting
from data_access.units import unit_summary
from seed.synthetic import GROUPS, PILLARS, Shape, generate
from tests.conftest import sqlite_url, use_database

YEAR = 2022
YEARS = 2
SMALL = Shape(provinces=6, years=YEARS, detailed=2, departments=10, districts=12)
LARGE = Shape(provinces=18, years=YEARS, detailed=6, departments=10, districts=12)
# The small dataset over twice the years: a unit's history may read more rows per year, but per unit.
LONGER = Shape(provinces=6, years=2 * YEARS, detailed=2, departments=10, districts=12)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The three datasets, each in an SQLite file of its own."""
    urls = {}
    for name, shape in (("small", SMALL), ("large", LARGE), ("longer", LONGER)):
        url = sqlite_url(Path(tmp_path_factory.mktemp(f"synthetic-{name}")))
        generate(shape, db.engine_for(url))
        urls[name] = url
    return urls


@pytest.fixture
def reads_of(generated: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable]:
    """`reads_of(name, action)`: the queries run and rows returned while `action` runs cold on a dataset."""

    def measure(name: str, action: Callable[[], object]) -> Reads:
        engine = use_database(monkeypatch, generated[name])
        focus = queries.focus_unit_code()  # read before counting: every page knows its focus already
        reads, stop = counting(engine)
        try:
            cache.clear()
            queries.focus_unit_code()
            action_result = action(focus)
            assert action_result is not None
        finally:
            stop()
        return reads

    yield measure
    cache.clear()


def _first_child(kind: str) -> Callable[[str], str]:
    stem = "so" if kind == "department" else "huyen"
    return lambda focus: f"{focus}-{stem}-th-001"


# The pages about one province's own units: the same rows whatever the number of provinces.
WITHIN_PROVINCE = {
    "units (a department)": lambda focus: unit_summary(_first_child("department")(focus), YEAR),
    "units (a district)": lambda focus: unit_summary(_first_child("district")(focus), YEAR),
    "rankings (departments)": lambda focus: unit_ranking(focus, "department", YEAR),
    "rankings (districts)": lambda focus: unit_ranking(focus, "district", YEAR),
    "districts": lambda focus: build_district_results(focus, YEAR),
    "units (a department's caveats)": lambda focus: pillar_caveats(
        _first_child("department")(focus), YEAR, "department"
    ),
    "pillars (departments)": lambda focus: pillars_view(resolve_selection(YEAR, "department", None, None)),
    "pillars (districts, no names)": lambda focus: pillars_view(
        resolve_selection(YEAR, "district", None, None), name_best=False
    ),
}
# The pages that also show the provinces: they may read each added province's results, no more.
WITH_PROVINCES = {
    "overview": lambda focus: build_overview(focus, YEAR),
    "rankings (provinces)": lambda focus: (national_ranking(YEAR), province_histories()),
    "present": lambda focus: build_deck(focus, YEAR),
}


@pytest.mark.parametrize("page", sorted(WITHIN_PROVINCE))
def test_a_page_about_the_provinces_own_units_reads_the_same_rows_at_any_national_size(reads_of, page):
    small = reads_of("small", WITHIN_PROVINCE[page])
    large = reads_of("large", WITHIN_PROVINCE[page])
    assert small.rows > 0
    assert large.queries == small.queries, f"{page}: {small.queries} queries, then {large.queries}"
    assert large.rows == small.rows, f"{page}: {small.rows} rows, then {large.rows} with 3× the provinces"


@pytest.mark.parametrize("page", sorted(WITH_PROVINCES))
def test_a_page_with_the_national_ranking_reads_each_added_provinces_results_and_no_more(reads_of, page):
    small = reads_of("small", WITH_PROVINCES[page])
    large = reads_of("large", WITH_PROVINCES[page])
    added = LARGE.provinces - SMALL.provinces
    # Each added province: its published result and its pillar points, in each year a page may read.
    allowed = added * YEARS * (1 + len(PILLARS["province"]))
    # What reading the other detailed provinces' departments and districts, once, would add.
    other_units = (LARGE.detailed - SMALL.detailed) * (LARGE.departments + LARGE.districts)
    assert allowed < other_units * len(PILLARS["department"]), "the test could not tell the two apart"
    assert large.queries == small.queries, f"{page}: {small.queries} queries, then {large.queries}"
    assert large.rows - small.rows <= allowed, f"{page}: {small.rows} rows, then {large.rows}"


@pytest.mark.parametrize("kind", ["department", "district"])
def test_a_units_history_reads_a_row_per_unit_and_year_not_one_per_pillar(reads_of, kind):
    short = reads_of("small", lambda focus: unit_summary(_first_child(kind)(focus), YEAR))
    longer = reads_of("longer", lambda focus: unit_summary(_first_child(kind)(focus), YEAR))
    added_years = LONGER.years - SMALL.years
    level = SMALL.departments if kind == "department" else SMALL.districts
    pillars = len(PILLARS[kind])
    # Each added year: the level's totals and published results (a row per unit), the unit's own
    # pillar points (their sources), the year's group thresholds and the year in the unit's years.
    allowed = added_years * (2 * level + pillars + len(GROUPS) + 1)
    assert allowed < added_years * level * pillars, "the test could not tell the two apart"
    assert longer.queries == short.queries, f"{kind}: {short.queries} queries, then {longer.queries}"
    assert longer.rows - short.rows <= allowed, f"{kind}: {short.rows} rows, then {longer.rows} over twice the years"


@pytest.mark.parametrize("kind", ["department", "district"])
def test_the_years_a_page_offers_come_back_once_each(reads_of, kind):
    short = reads_of("small", lambda focus: scored_years(focus, kind))
    longer = reads_of("longer", lambda focus: scored_years(focus, kind))
    assert longer.rows - short.rows == LONGER.years - SMALL.years, f"{kind}: {short.rows} rows, then {longer.rows}"


@pytest.mark.parametrize("kind", ["department", "district"])
def test_the_pillars_median_is_the_focus_provinces_own_units_when_other_provinces_have_them(
    generated, monkeypatch, kind
):
    engine = use_database(monkeypatch, generated["large"])
    focus = queries.focus_unit_code()
    view = pillars_view(resolve_selection(YEAR, kind, None, None))
    median = next(c for c in view.comparisons if c.kind == "median")
    # Recomputed straight from the database: the focus's own units' share of each pillar's maximum.
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT p.code, s.points / p.max_points FROM pillar_scores s JOIN pillars p ON p.id = s.pillar_id"
            " JOIN frameworks f ON f.id = p.framework_id JOIN units u ON u.id = s.unit_id"
            " JOIN units parent ON parent.id = u.parent_id WHERE f.year = ? AND f.level = ? AND parent.code = ?"
            " AND p.max_points > 0",
            (YEAR, kind, focus),
        ).all()
    shares: dict[str, list[float]] = {}
    for code, share in rows:
        shares.setdefault(code, []).append(share)
    expected = {code: statistics.median(values) for code, values in shares.items()}
    assert median.count == (SMALL.departments if kind == "department" else SMALL.districts)
    assert dict(zip(median.shares["pillar_code"], median.shares["share"], strict=True)) == pytest.approx(expected)


@pytest.mark.parametrize("kind", ["department", "district"])
def test_a_units_ranking_reads_a_row_per_unit_not_one_per_pillar(reads_of, kind):
    """The ranking of the focus's departments or districts sums their points in SQL: over the year and
    the year before, a row per unit for each of its members, totals, sources and published results,
    never the level's pillar points (nor, per the test above, another province's units)."""
    reads = reads_of("small", lambda focus: unit_ranking(focus, kind, YEAR))
    level = SMALL.departments if kind == "department" else SMALL.districts
    pillars = len(PILLARS[kind])
    per_year = 4 * level + len(GROUPS)
    allowed = YEARS * per_year + YEARS + reads.queries  # + the years offered, + a data version per query
    assert allowed < YEARS * level * pillars, "the test could not tell the two apart"
    assert reads.rows <= allowed, f"{kind}: {reads.rows} rows for {level} units over {YEARS} years"


# The tables that grow with the country (its units, their points, indicators and results).
GROWING_TABLES = {"units", "pillar_scores", "indicator_scores", "published_results", "published_indices"}


def full_scans(engine: Engine, action: Callable[[], object]) -> list[str]:
    """The SELECTs `action` runs whose SQLite plan scans a growing table from end to end (a `SCAN`, by
    the table or by one of its indexes, not a `SEARCH`), each as "table: statement"."""
    scans: list[str] = []

    def explain(conn, _cursor, statement, parameters, _context, _executemany) -> None:
        if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
            return
        probe = conn.connection.dbapi_connection.cursor()
        plan = [row[3] for row in probe.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()]
        probe.close()
        for step in plan:
            scanned = re.match(r"SCAN (\w+)", step)
            if scanned and re.sub(r"_\d+$", "", scanned.group(1)) in GROWING_TABLES:
                scans.append(f"{step}: {' '.join(statement.split())[:160]}")

    event.listen(engine, "after_cursor_execute", explain)
    try:
        action()
    finally:
        event.remove(engine, "after_cursor_execute", explain)
    return scans


@pytest.mark.parametrize("page", sorted(WITHIN_PROVINCE | WITH_PROVINCES))
def test_no_page_scans_a_table_that_grows_with_the_country(generated, monkeypatch, page):
    """Rows returned say nothing of rows visited: a query that finds a level's points of a year by reading
    every score of the country returns few rows and still slows with every province added. Each read
    must find its rows by an index (a unit's parent and kind, a score's pillar, a result's unit or year)."""
    engine = use_database(monkeypatch, generated["large"])
    focus = queries.focus_unit_code()
    cache.clear()
    assert full_scans(engine, lambda: (WITHIN_PROVINCE | WITH_PROVINCES)[page](focus)) == []
