"""Change against the previous year: places gained or lost, the change of value, and whether a unit
is new, for any ranking table (the national one, a province's departments or districts).

Pure: this year's frame and the previous year's frame in, change columns out. A unit absent the
year before is "new" only when the previous year's table is complete (every unit ranked then is
in it); when the data holds only part of it (DTI 2021: the focus province's rank alone), an
absent unit's change is unknown, never "new" and never a made-up zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from domain.records import Change

UP, DOWN, SAME, NEW, UNKNOWN = "up", "down", "same", "new", "unknown"
CHANGE_COLUMNS = ["previous_rank", "previous_value", "rank_change", "value_change", "trend"]


@dataclass
class YearChanges:
    """A ranking's change columns (`compare_years`, row for row of the table it was computed for)
    against `previous_year` (None: no year before in the data); `complete` says whether that year's
    table holds every unit it ranked, so "mới" can be told from "not in the data"."""

    previous_year: int | None
    complete: bool
    table: pd.DataFrame = field(default_factory=pd.DataFrame)


def trend_of(rank_change: object, *, ranked_before: bool, previous_complete: bool) -> str:
    """One row's trend: up / down / same by its places (a lower rank is better), new when it was not
    in a complete table of the year before, unknown otherwise."""
    if ranked_before and not pd.isna(rank_change):
        return UP if rank_change > 0 else DOWN if rank_change < 0 else SAME
    return NEW if previous_complete and not ranked_before else UNKNOWN


def compare_years(
    current: pd.DataFrame,
    previous: pd.DataFrame | None,
    *,
    key: str = "unit_code",
    rank: str = "rank",
    value: str = "total",
    decimals: int = 4,
    previous_complete: bool = True,
) -> pd.DataFrame:
    """The change columns of `current`, row for row (same index): `previous_rank`, `previous_value`,
    `rank_change` (> 0: places climbed), `value_change` (rounded to `decimals`; NaN where either
    year has no value) and `trend` (see `trend_of`). `previous` None means there is no year before:
    every trend is unknown.

        compare_years(ranking_2022, ranking_2021, value="index_value", previous_complete=False)
    """
    if previous is None or previous.empty:
        before = pd.DataFrame({key: pd.Series(dtype=object), "_rank": pd.Series(dtype="Int64"), "_value": []})
        complete = False if previous is None else previous_complete
    else:
        before = previous[[key, rank, value]].rename(columns={rank: "_rank", value: "_value"})
        before = before.drop_duplicates(key)
        complete = previous_complete
    joined = current[[key, rank, value]].merge(before, on=key, how="left")
    joined.index = current.index
    previous_rank = pd.to_numeric(joined["_rank"], errors="coerce").astype("Int64")
    current_rank = pd.to_numeric(joined[rank], errors="coerce").astype("Int64")
    previous_value = pd.to_numeric(joined["_value"], errors="coerce").astype(float)
    rank_change = (previous_rank - current_rank).astype("Int64")
    value_change = (pd.to_numeric(joined[value], errors="coerce").astype(float) - previous_value).round(decimals)
    ranked_before = previous_rank.notna()
    trends = [
        trend_of(change, ranked_before=bool(was), previous_complete=complete)
        for change, was in zip(rank_change, ranked_before, strict=True)
    ]
    return pd.DataFrame(
        {
            "previous_rank": previous_rank,
            "previous_value": previous_value,
            "rank_change": rank_change,
            "value_change": value_change,
            "trend": pd.Series(trends, index=current.index, dtype=object),
        },
        index=current.index,
    )


def is_complete(ranking: pd.DataFrame, *, rank: str = "rank", field: str = "rank_of") -> bool:
    """Does a year's table hold every unit ranked that year (as many rows as the field it ranks)?"""
    if ranking.empty or field not in ranking:
        return not ranking.empty
    return len(ranking) >= int(pd.to_numeric(ranking[field], errors="coerce").max())


INDEX, POINTS, SHARE = "index", "points", "share"


@dataclass(frozen=True)
class HistoryChange:
    """One unit's change from the latest earlier year of its history: what the value is (`INDEX`:
    total / maximum, as the national DTI is printed; `POINTS`; `SHARE` in % of the maximum where
    the maximum changed between the years, so points of two methods are never subtracted)."""

    previous_year: int | None
    previous_rank: int | None
    current_rank: int | None
    previous_value: float | None
    current_value: float | None
    measure: str

    @property
    def change(self) -> Change:
        """As the overview's `Change`, so one builder draws both."""
        return Change(self.previous_rank, self.current_rank, self.previous_value, self.current_value)


def printed_index(share: float) -> float:
    """A share as the DTI index is printed, 4 decimals rounded half up (638,45 / 1000 → 0,6385), so the
    unit page's change agrees with the overview's, which reads the printed index."""
    return float(Decimal(repr(float(share))).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _rank(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def history_change(history: pd.DataFrame, year: int, *, as_index: bool) -> HistoryChange:
    """The change of `year` against the latest earlier year of a unit's `history` (columns `year`,
    `total`, `max_total`, `rank`): ranks, and values as an index (`as_index`, provinces), as points
    where both years share their maximum, else as shares of the maximum."""
    current = history[history["year"] == year]
    earlier = history[history["year"] < year].sort_values("year")
    if current.empty or earlier.empty:
        now = current.iloc[0] if not current.empty else None
        return HistoryChange(
            None, None, None if now is None else _rank(now["rank"]), None, None, INDEX if as_index else POINTS
        )
    now, before = current.iloc[0], earlier.iloc[-1]
    totals = (_number(before["total"]), _number(now["total"]))
    maxima = (_number(before["max_total"]), _number(now["max_total"]))

    shares = tuple(None if t is None or not m else t / m for t, m in zip(totals, maxima, strict=True))
    if as_index:
        measure, values = INDEX, tuple(None if v is None else printed_index(v) for v in shares)
    elif maxima[0] == maxima[1]:
        measure, values = POINTS, totals
    else:
        measure, values = SHARE, tuple(None if s is None else s * 100 for s in shares)
    return HistoryChange(int(before["year"]), _rank(before["rank"]), _rank(now["rank"]), values[0], values[1], measure)


INDEX_CHANGE_COLUMNS = [
    "pillar_code",
    "previous_points",
    "points",
    "previous_max",
    "max_points",
    "previous_share",
    "share",
    "points_change",
    "share_change",
    "trend",
]


def _direction(change: float) -> str:
    return UP if change > 0 else DOWN if change < 0 else SAME


def index_changes(current: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """Each main index scored in both years (matched by its code), in the order of `current`:
    points and % of the maximum in each year and their changes (`share_change` in percentage
    points of the maximum, so an index whose maximum changed between two methods still compares).
    Both frames have `pillar_code`, `points`, `max_points`; an index missing from either year is
    left out rather than shown as a change from or to zero."""
    if current.empty or previous.empty:
        return pd.DataFrame(columns=INDEX_CHANGE_COLUMNS)
    before = previous[["pillar_code", "points", "max_points"]].rename(
        columns={"points": "previous_points", "max_points": "previous_max"}
    )
    joined = current[["pillar_code", "points", "max_points"]].merge(before, on="pillar_code", how="inner")
    joined = joined.dropna(subset=["points", "previous_points", "max_points", "previous_max"])
    joined = joined[(joined["max_points"] > 0) & (joined["previous_max"] > 0)].reset_index(drop=True)
    joined["share"] = joined["points"] / joined["max_points"] * 100
    joined["previous_share"] = joined["previous_points"] / joined["previous_max"] * 100
    joined["points_change"] = (joined["points"] - joined["previous_points"]).round(2)
    joined["share_change"] = (joined["share"] - joined["previous_share"]).round(2)
    joined["trend"] = [_direction(change) for change in joined["share_change"]]
    return joined[INDEX_CHANGE_COLUMNS]


MOVER_COLUMNS = ["unit_code", "previous_share", "share", "share_change", "previous_rank", "rank", "rank_change"]


def movers(current: pd.DataFrame, previous: pd.DataFrame, count: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `count` units of a level that rose most and fell most between two years' tables (columns
    `unit_code`, `rank`, `total`, `max_total`), by the change of their share of the maximum (in
    percentage points: the method's maximum may change from one year to the next), the places they
    moved beside it. Only units scored both years count; a unit that did not move is neither."""
    empty = pd.DataFrame(columns=MOVER_COLUMNS)
    if current.empty or previous.empty:
        return empty, empty
    now = current[["unit_code", "rank", "total", "max_total"]]
    before = previous[["unit_code", "rank", "total", "max_total"]].rename(
        columns={"rank": "previous_rank", "total": "previous_total", "max_total": "previous_max"}
    )
    both = now.merge(before.drop_duplicates("unit_code"), on="unit_code", how="inner")
    both = both.dropna(subset=["total", "max_total", "previous_total", "previous_max"])
    both = both[(both["max_total"] > 0) & (both["previous_max"] > 0)]
    both = both.assign(
        share=both["total"] / both["max_total"] * 100,
        previous_share=both["previous_total"] / both["previous_max"] * 100,
    )
    both["share_change"] = (both["share"] - both["previous_share"]).round(2)
    both["rank_change"] = (
        pd.to_numeric(both["previous_rank"], errors="coerce") - pd.to_numeric(both["rank"], errors="coerce")
    ).astype("Int64")
    risers = both[both["share_change"] > 0].sort_values(["share_change", "unit_code"], ascending=[False, True])
    fallers = both[both["share_change"] < 0].sort_values(["share_change", "unit_code"], ascending=[True, True])
    return (
        risers.head(count)[MOVER_COLUMNS].reset_index(drop=True),
        fallers.head(count)[MOVER_COLUMNS].reset_index(drop=True),
    )
