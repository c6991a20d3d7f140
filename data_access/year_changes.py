"""Change against the previous year for the ranking tables, computed by `domain.changes` from two
years' tables as `data_access.rankings` builds them (that module stays as it is: this one adds)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from data_access import queries, reorganisation
from data_access import rankings as data
from data_access.cache import versioned
from data_access.models import Framework, Pillar, Unit
from domain.changes import YearChanges, compare_years, index_changes, is_complete, movers
from domain.vocabulary import PROVINCE, SUB_LEVELS

# The national DTI is printed to 4 decimals; points of the province's own assessments to 2.
INDEX_DECIMALS = 4
POINTS_DECIMALS = 2


@versioned
def national_changes(year: int) -> YearChanges:
    """The national table of `year` (`rankings.national_ranking`, row for row) against the latest
    earlier year with provincial ranks: places and DTI value."""
    ranking = data.national_ranking(year)
    earlier = [y for y in data.level_years(PROVINCE) if y < year]
    if not earlier:
        return YearChanges(None, False, compare_years(ranking, None, value="index_value"))
    previous = data.national_ranking(earlier[-1])
    if reorganisation.merger_first_ranked(year):
        restated = _restated(ranking, previous, earlier[-1])
        table = compare_years(ranking, restated, value="index_value", decimals=INDEX_DECIMALS, previous_complete=False)
        return YearChanges(earlier[-1], False, table)
    complete = is_complete(previous)
    table = compare_years(ranking, previous, value="index_value", decimals=INDEX_DECIMALS, previous_complete=complete)
    return YearChanges(earlier[-1], complete, table)


@versioned
def unit_changes(parent_code: str, level: str, year: int) -> YearChanges:
    """A province's departments or districts in `year` (`rankings.unit_ranking`'s table, row for row)
    against the year that ranking compares with: its own columns give places and points, this adds
    which units are new to the ranking."""
    ranking = data.unit_ranking(parent_code, level, year)
    if not ranking.has_previous:
        return YearChanges(ranking.previous_year, False, compare_years(ranking.table, None))
    previous = data.unit_ranking(parent_code, level, ranking.previous_year).table
    table = compare_years(ranking.table, previous, decimals=POINTS_DECIMALS, previous_complete=True)
    return YearChanges(ranking.previous_year, True, table)


def _restated(ranking: pd.DataFrame, previous: pd.DataFrame, previous_year: int) -> pd.DataFrame:
    """The year before a merger's first ranked year restated for the new field: no ranks (63 places do not
    compare with 34), and as value each successor's own one, or for a merged one the value computed
    from its predecessors (`reorganisation.computed_figures`, marked on the page as computed)."""
    own = dict(zip(previous["unit_code"], previous["index_value"], strict=True))
    values = []
    for code in ranking["unit_code"]:
        if reorganisation.predecessors(code):
            computed = reorganisation.computed_figures(code)
            found = computed[(computed["year"] == previous_year) & (computed["index_code"] == reorganisation.DTI)]
            values.append(float(found["value"].iloc[0]) if not found.empty else None)
        else:
            values.append(own.get(code))
    return pd.DataFrame(
        {
            "unit_code": ranking["unit_code"].tolist(),
            "rank": pd.Series([pd.NA] * len(ranking), dtype="Int64"),
            "index_value": pd.Series(values, dtype=float),
        }
    )


# Units per list in "rose most" / "fell most": what a card holds at a glance.
MOVERS_SHOWN = 3


@dataclass
class IndexChanges:
    """A unit's main indices against `previous_year` (None: no year before), each scored in both
    years (`domain.changes.index_changes` with the index names); `previous_scored` says whether
    the year before has any main-index points for the unit at all, so the page can say why the
    table is empty."""

    previous_year: int | None
    previous_scored: bool
    table: pd.DataFrame = field(default_factory=pd.DataFrame)


def _unit_points(unit_code: str, level: str, year: int) -> pd.DataFrame:
    statement = queries.pillar_scores_statement().where(
        Framework.year == year, Framework.level == level, Unit.code == unit_code
    )
    return queries.read_frame(statement.order_by(Pillar.sort_order))


@versioned
def unit_index_changes(unit_code: str, level: str, year: int, previous_year: int | None) -> IndexChanges:
    """The unit's main indices in `year` against `previous_year` (the year its rank and value are
    compared with on the same page), in points and in % of the maximum."""
    if previous_year is None:
        return IndexChanges(None, False)
    current = _unit_points(unit_code, level, year)
    previous = _unit_points(unit_code, level, previous_year)
    table = index_changes(current, previous)
    names = current[["pillar_code", "pillar_name_vi", "pillar_name_en"]]
    return IndexChanges(previous_year, not previous.empty, table.merge(names, on="pillar_code", how="left"))


@dataclass
class LevelMovers:
    """The units of one level under a province that rose and fell most since `previous_year`
    (`domain.changes.movers` with names); `previous_year` None when the level has no year before."""

    level: str
    year: int
    previous_year: int | None
    risers: pd.DataFrame = field(default_factory=pd.DataFrame)
    fallers: pd.DataFrame = field(default_factory=pd.DataFrame)
    scored: bool = False


def _named(frame: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    return frame.merge(names, on="unit_code", how="left")


@versioned
def level_movers(parent_code: str, year: int, count: int = MOVERS_SHOWN) -> list[LevelMovers]:
    """For each sub-unit level of the province (departments, districts): who rose and fell most in
    `year` against the year its ranking compares with, by share of the maximum."""
    found = []
    for level in SUB_LEVELS:
        ranking = data.unit_ranking(parent_code, level, year)
        scored = not ranking.table.empty
        if not ranking.has_previous:
            found.append(LevelMovers(level, year, None, scored=scored))
            continue
        previous = data.unit_ranking(parent_code, level, ranking.previous_year).table
        risers, fallers = movers(ranking.table, previous, count)
        names = ranking.table[["unit_code", "unit_name_vi", "unit_name_en"]]
        found.append(
            LevelMovers(level, year, ranking.previous_year, _named(risers, names), _named(fallers, names), scored)
        )
    return found
