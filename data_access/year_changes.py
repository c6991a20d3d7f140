"""Change against the previous year for the ranking tables, computed by `domain.changes` from two
years' tables as `data_access.rankings` builds them (that module stays as it is: this one adds)."""

from __future__ import annotations

from data_access import rankings as data
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
