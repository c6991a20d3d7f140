"""Everything the steering committee's slide deck shows for the province in focus and one year.

One memoized function assembles it from the queries the analysis pages already use (the
overview, the rankings, the districts, the targets), so the deck, its PowerPoint and PDF
exports and the benchmark script show the same numbers as the pages. A part the year has no
data for is an empty frame (or None), never an absent slide: the slide explains itself.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from data_access import queries
from data_access.cache import versioned
from data_access.db import data_version
from data_access.districts import build_district_results
from data_access.laggards import shown_levels, weakest_on_total
from data_access.overview import build_overview
from data_access.rankings import national_ranking, unit_ranking
from data_access.scoring import points_lost
from data_access.targets import pillar_names, plan_years, plans, target_progress
from data_access.whatif import action_list
from domain.records import Deck
from domain.vocabulary import PROVINCE

DEPARTMENT = "department"
# The national table around the province: this many places above and below it.
NEIGHBOURS = 5
# The weakest units of each level the "who lags" slide lists, as many as the overview: both levels fit one table.
LAGGARD_ROWS = 3


class UnknownDeck(LookupError):
    """The unit is not a province in the data, or the year has no provincial result for it."""


@versioned
def deck_years(unit_code: str) -> list[int]:
    """Years in which the province has a published provincial result (a rank or a DTI value)."""
    results = queries.published_results(PROVINCE, unit_code=unit_code)
    results = results[results["rank"].notna() | results["total"].notna()]
    return sorted({int(year) for year in results["year"]})


def neighbours_of(ranking: pd.DataFrame, unit_code: str, count: int = NEIGHBOURS) -> pd.DataFrame:
    """The rows from `count` places above the unit to `count` below it in a ranking sorted best first;
    empty when the unit is not ranked. Places are table rows, so provinces sharing a rank count apart."""
    positions = ranking.index[ranking["unit_code"] == unit_code]
    if positions.empty:
        return ranking.iloc[0:0]
    where = ranking.index.get_loc(positions[0])
    return ranking.iloc[max(where - count, 0) : where + count + 1].reset_index(drop=True)


def plan_year_for(year: int, years_with_plans: list[int]) -> int | None:
    """The plan a deck for `year` reports on: that year's own, else the next year's (written once
    `year`'s results were known, as Kế hoạch 57/KH-UBND for 2023 follows DTI 2022), else none."""
    for candidate in (year, year + 1):
        if candidate in years_with_plans:
            return candidate
    return None


@versioned
def build_deck(unit_code: str, year: int) -> Deck:
    """The deck for a province and a year; `UnknownDeck` when the year has no provincial result."""
    info = queries.unit(unit_code)
    if info is None or info["kind"] != PROVINCE:
        raise UnknownDeck(unit_code)
    years = deck_years(unit_code)
    if year not in years:
        raise UnknownDeck(str(year))
    overview = build_overview(unit_code, year)
    history = overview.rank_history[overview.rank_history["year"] <= year].reset_index(drop=True)
    # The rank history stops at the deck's year: a 2021 deck does not show 2022.
    overview = replace(overview, rank_history=history)

    ranking = national_ranking(year)
    neighbours = neighbours_of(ranking, unit_code)
    field = int(ranking["rank_of"].max()) if not ranking.empty else None

    departments = unit_ranking(unit_code, DEPARTMENT, year).table
    thresholds = queries.group_thresholds(year, DEPARTMENT) if not departments.empty else []

    with_plans = plan_years()
    plan_year = plan_year_for(year, with_plans)
    targets = target_progress(plan_year, unit_code) if plan_year is not None else pd.DataFrame()
    plan_frame = plans(plan_year, unit_code) if plan_year is not None else pd.DataFrame()
    return Deck(
        unit_code=unit_code,
        unit_name_vi=info["name_vi"],
        unit_name_en=info["name_en"] or info["name_vi"],
        year=year,
        years=years,
        data_version=data_version(),
        overview=overview,
        neighbours=neighbours,
        national_field=field,
        national_with_value=int(ranking["index_value"].notna().sum()) if not ranking.empty else 0,
        departments=departments,
        department_thresholds=thresholds,
        districts=build_district_results(unit_code, year),
        losses=points_lost(overview.pillars) if not overview.pillars.empty else overview.pillars,
        plan_year=plan_year if not targets.empty else None,
        plans=plan_frame,
        targets=targets,
        plan_years=with_plans,
        section_names=pillar_names(PROVINCE),
        actions=action_list(unit_code, year),
        laggards={
            level: weakest_on_total(unit_code, level, year, LAGGARD_ROWS) for level in shown_levels(unit_code, year)
        },
    )
