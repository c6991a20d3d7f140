"""One page of a long ranked list: search by name without diacritics, weakest or strongest first.

A merged province has about a hundred communes: a heatmap of all of them at a readable row
height is taller than any screen, so the district page shows them a page at a time, the
strongest first or the weakest first, and finds a unit by a part of its name typed with or
without diacritics ("phu rieng" finds "Phú Riềng").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from domain.lookup import fold

BEST_FIRST = "best"
WEAKEST_FIRST = "weakest"
ORDERS = (BEST_FIRST, WEAKEST_FIRST)
PAGE_SIZE = 25


@dataclass(frozen=True)
class ListPage:
    """The rows shown, which page of how many, and how many rows the search matched of all."""

    rows: pd.DataFrame
    page: int
    pages: int
    matched: int
    total: int

    @property
    def first(self) -> int:
        """1-based position of the first row shown among the matched rows (0 when none)."""
        return (self.page - 1) * PAGE_SIZE + 1 if self.matched else 0

    @property
    def last(self) -> int:
        return min(self.page * PAGE_SIZE, self.matched)


def page_of(ranked: pd.DataFrame, *, search: str = "", order: str = BEST_FIRST, page: int = 1) -> ListPage:
    """`ranked` is best first with `unit_name_vi` (and `unit_name_en`); the page asked for, clamped
    to the pages there are, of the rows whose name contains the folded `search`."""
    rows = ranked if order != WEAKEST_FIRST else ranked.iloc[::-1]
    wanted = fold(search or "")
    if wanted:
        names = (
            rows["unit_name_vi"].fillna("") + " " + rows.get("unit_name_en", pd.Series("", index=rows.index)).fillna("")
        )
        rows = rows[names.map(fold).str.contains(wanted, regex=False)]
    pages = max(1, math.ceil(len(rows) / PAGE_SIZE))
    page = min(max(page, 1), pages)
    shown = rows.iloc[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return ListPage(shown.reset_index(drop=True), page, pages, len(rows), len(ranked))


def page_holding(ranked: pd.DataFrame, unit_code: str | None, *, order: str = BEST_FIRST) -> int | None:
    """The page on which `unit_code` shows without a search (`ranked` best first, with `unit_code`), or
    None when it is not listed: a list can open where the reader's own unit is."""
    codes = list(ranked["unit_code"] if order != WEAKEST_FIRST else ranked["unit_code"].iloc[::-1])
    if unit_code not in codes:
        return None
    return codes.index(unit_code) // PAGE_SIZE + 1
