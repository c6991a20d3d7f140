"""The years in which the province in focus has something to show, page by page.

Every year with any result in the database is not every year the focus has: a second province in
focus with two years of its own values must not open on Bình Phước's years, nor on a year of which
the data holds other provinces' ranks only. Each page offers, and defaults to the latest of, the
years this module gives for it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import aliased

from data_access import queries, reorganisation
from data_access import rankings as data
from data_access.cache import versioned
from data_access.models import Framework, Pillar, PillarScore, Plan, PublishedResult, Unit
from domain.vocabulary import PROVINCE, SUB_LEVELS


def _years(statement) -> list[int]:
    frame = queries.read_frame(statement)
    return sorted({int(year) for year in frame.iloc[:, 0]}) if not frame.empty else []


@versioned
def result_years(unit_code: str) -> list[int]:
    """Years with the unit's own published result (a value or a rank) or pillar scores: the overview's years."""
    published = (
        select(PublishedResult.year)
        .join(Unit, PublishedResult.unit_id == Unit.id)
        .where(Unit.code == unit_code, (PublishedResult.rank.is_not(None)) | (PublishedResult.total.is_not(None)))
    )
    scored = (
        select(Framework.year)
        .join(Pillar, Pillar.framework_id == Framework.id)
        .join(PillarScore, PillarScore.pillar_id == Pillar.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
        .where(Unit.code == unit_code)
    )
    return _years(published.union(scored))


def followed(unit_code: str, years_of: Callable[[str], list[int]]) -> list[int]:
    """A page's years for the focus: its own (`years_of`), and once a merger has ended it, its
    successor's from the merger's first ranked year (the focus follows its successor there)."""
    years = set(years_of(unit_code))
    ended = reorganisation.ended_unit(unit_code)
    if ended is not None:
        years |= {y for y in years_of(ended["successor"]) if y >= ended["first_ranked_year"]}
    return sorted(years)


def value_years(unit_code: str) -> list[int]:
    """Years with a value of the unit's own (a published total or pillar scores), not a rank alone."""
    published = (
        select(PublishedResult.year)
        .join(Unit, PublishedResult.unit_id == Unit.id)
        .where(Unit.code == unit_code, PublishedResult.total.is_not(None))
    )
    scored = (
        select(Framework.year)
        .join(Pillar, Pillar.framework_id == Framework.id)
        .join(PillarScore, PillarScore.pillar_id == Pillar.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
        .where(Unit.code == unit_code)
    )
    return _years(published.union(scored))


def default_year(unit_code: str, years: list[int]) -> int | None:
    """The year a page opens on for a unit: the latest of `years` with a value of the unit's own.

    A year imported with ranks only is offered, but not opened on: the overview, the deck and the
    unit page would show "—" where last year's value was. The latest of `years` when none has a value.
    """
    with_value = set(followed(unit_code, value_years))
    candidates = [y for y in years if y in with_value]
    return max(candidates or years, default=None)


@versioned
def followed_years(unit_code: str) -> list[int]:
    """The overview's years: the unit's own results (`result_years`), followed across a merger."""
    return followed(unit_code, result_years)


@versioned
def scored_years(unit_code: str, level: str) -> list[int]:
    """Years with pillar scores of the focus (province level) or of its own units (a level below it)."""
    parent = aliased(Unit)
    statement = (
        select(Framework.year)
        .join(Pillar, Pillar.framework_id == Framework.id)
        .join(PillarScore, PillarScore.pillar_id == Pillar.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
        .where(Framework.level == level)
    )
    if level == PROVINCE:
        statement = statement.where(Unit.code == unit_code)
    else:
        statement = statement.join(parent, Unit.parent_id == parent.id).where(parent.code == unit_code)
    # Distinct in SQL: a year, not every pillar score of every unit in it, comes back.
    return _years(statement.distinct())


@versioned
def pillar_years(unit_code: str) -> list[int]:
    """`/pillars`: the years with pillar scores of the focus or of its departments or districts."""
    return sorted({y for level in (PROVINCE, *SUB_LEVELS) for y in scored_years(unit_code, level)})


@versioned
def ranking_years(unit_code: str) -> list[int]:
    """`/rankings`: the years with a national table in which the focus is ranked (or its successor, once a
    merger has ended it), or with results of its own units."""
    national = [
        y
        for y in data.level_years(PROVINCE)
        if {unit_code, reorganisation.successor_for(unit_code, y)} & set(data.national_ranking(y)["unit_code"])
    ]
    own = [y for level in SUB_LEVELS for y in data.level_years(level, unit_code)]
    return sorted(set(national) | set(own))


@versioned
def plan_years(unit_code: str) -> list[int]:
    """`/targets`: the years of the plans the focus itself issued."""
    return _years(select(Plan.year).join(Unit, Plan.unit_id == Unit.id).where(Unit.code == unit_code))
