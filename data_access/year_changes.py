"""Change against the previous year for the ranking tables, computed by `domain.changes` from two
years' tables as `data_access.rankings` builds them (that module stays as it is: this one adds)."""

from __future__ import annotations

import pandas as pd

from data_access import rankings as data
from data_access import reorganisation
from data_access.cache import versioned
from domain.changes import YearChanges, compare_years, is_complete
from domain.vocabulary import PROVINCE

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
