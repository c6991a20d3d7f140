"""Who drags the province down: its weakest departments and districts, on the total or on one index.

"Weakest" is by share of the maximum, the only measure comparable across levels (a department is
scored of 600, a district of 700). On the total each unit carries the points it misses for the
next group (the thresholds are the framework's data); on one index, the points it lost there.
"""

from __future__ import annotations

import pandas as pd

from data_access import queries
from data_access.cache import versioned
from data_access.rankings import child_units, unit_ranking
from data_access.units import next_group
from domain.vocabulary import LOCAL_LEVELS, SUB_LEVELS

LAGGARD_COLUMNS = [
    "unit_code",
    "unit_name_vi",
    "unit_name_en",
    "share",
    "points",
    "max_points",
    "group",
    "group_code",
    "missing",
    "next_group",
    "source",
]


def _empty() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=object) for column in LAGGARD_COLUMNS})


@versioned
def shown_levels(parent_code: str, year: int) -> list[str]:
    """The sub-unit levels a year's lists show: every level but the local ones, and of those the
    ones scored that year (communes from 2025, districts before), or districts when none is, so a
    year without local figures still says so under the usual heading."""
    local = [level for level in LOCAL_LEVELS if not unit_ranking(parent_code, level, year).table.empty]
    return [level for level in SUB_LEVELS if level not in LOCAL_LEVELS or level in (local or LOCAL_LEVELS[:1])]


@versioned
def weakest_on_total(parent_code: str, level: str, year: int, limit: int) -> pd.DataFrame:
    """The `limit` units of the level with the lowest share of the maximum, weakest first, each with
    the points it misses for the next group up (`missing`, `next_group`; empty at the top group).

    Columns: LAGGARD_COLUMNS (`points` is the total, `max_points` the framework's maximum).
    """
    if level not in SUB_LEVELS:
        raise ValueError(f"not a sub-unit level: {level!r}")
    table = unit_ranking(parent_code, level, year).table
    table = table[table["share"].notna()]
    if table.empty:
        return _empty()
    thresholds = queries.group_thresholds(year, level)
    weakest = table.sort_values(["share", "unit_name_vi"]).head(limit)
    rows = []
    for row in weakest.to_dict("records"):
        step = next_group(float(row["total"]), float(row["max_total"]), thresholds)
        rows.append(
            {
                "unit_code": row["unit_code"],
                "unit_name_vi": row["unit_name_vi"],
                "unit_name_en": row["unit_name_en"],
                "share": float(row["share"]),
                "points": float(row["total"]),
                "max_points": float(row["max_total"]),
                "group": row["group"] if isinstance(row["group"], str) else "",
                "group_code": row["group_code"] if isinstance(row["group_code"], str) else "",
                "missing": step.missing_points if step and step.group else None,
                "next_group": step.group if step and step.group else "",
                "source": row["score_source"] or row["published_source"],
            }
        )
    return pd.DataFrame(rows, columns=LAGGARD_COLUMNS)


@versioned
def weakest_on_pillar(parent_code: str, level: str, year: int, pillar_code: str, limit: int) -> pd.DataFrame:
    """The `limit` units of the level weakest on one index (share of that index's maximum in the
    level's own framework), weakest first; `missing` is the points lost on it. Empty when the
    level's framework does not score that index (departments have no digital-economy criterion).
    """
    if level not in SUB_LEVELS:
        raise ValueError(f"not a sub-unit level: {level!r}")
    members = set(child_units(parent_code, level, year)["unit_code"])
    scores = queries.pillar_scores(year, level)
    scores = scores[scores["unit_code"].isin(members) & (scores["pillar_code"] == pillar_code)]
    scores = scores[scores["max_points"] > 0]
    if scores.empty:
        return _empty()
    framed = scores.assign(
        share=scores["points"] / scores["max_points"], missing=scores["max_points"] - scores["points"]
    )
    weakest = framed.sort_values(["share", "unit_name_vi"]).head(limit)
    return weakest.assign(group="", group_code="", next_group="")[LAGGARD_COLUMNS].reset_index(drop=True)
