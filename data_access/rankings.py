"""What the rankings page shows: the national provincial table, rank histories and the ranking
of the province's own departments or districts, computed from their points beside the
published table.

The computed ranking is the app's own (scoring.ranked_totals on the stored points, summed in SQL, among the
units of the province in focus); the published one is kept beside it so any difference shows.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from data_access import queries
from data_access.cache import versioned
from data_access.models import Framework, Pillar, PillarScore, PublishedResult, Unit
from data_access.scoring import TOTAL_DECIMALS, ranked_totals, reconcile, round_half_up
from domain.records import UnitRanking
from domain.vocabulary import AGGREGATE, LEVELS, NATIONAL, PROVINCE, SUB_LEVELS, group_code  # noqa: F401  (pages read them as `rankings.*`)

# The columns of a unit ranking, whatever the data has: pages and exports rely on them.
RANKING_COLUMNS = [
    "unit_code",
    "unit_name_vi",
    "unit_name_en",
    "rank",
    "total",
    "max_total",
    "share",
    "group",
    "group_code",
    "rank_computed",
    "total_computed",
    "group_computed",
    "rank_published",
    "total_published",
    "group_published",
    "median_method",
    "reason",
    "score_source",
    "published_source",
    "previous_rank",
    "previous_total",
    "rank_change",
    "total_change",
]


@versioned
def level_years(level: str, parent_code: str | None = None) -> list[int]:
    """Years with published or scored results at a level (for the sub-units of `parent_code` when given)."""
    parent = aliased(Unit)
    published = (
        select(PublishedResult.year)
        .join(Unit, PublishedResult.unit_id == Unit.id)
        .where(PublishedResult.level == level, Unit.kind.not_in((AGGREGATE, NATIONAL)))
    )
    scored = (
        select(Framework.year)
        .join(Pillar, Pillar.framework_id == Framework.id)
        .join(PillarScore, PillarScore.pillar_id == Pillar.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
        .where(Framework.level == level)
    )
    if parent_code is not None:
        published = published.join(parent, Unit.parent_id == parent.id).where(parent.code == parent_code)
        scored = scored.join(parent, Unit.parent_id == parent.id).where(parent.code == parent_code)
    frame = queries.read_frame(published.union(scored))
    return sorted(int(year) for year in frame.iloc[:, 0]) if not frame.empty else []


@versioned
def child_units(parent_code: str, level: str, year: int | None = None) -> pd.DataFrame:
    """The units of a kind (department, district) whose parent is `parent_code`; with `year`, only
    those valid that year (a district abolished in a merger still ranks in the years it existed)."""
    parent = aliased(Unit)
    statement = (
        select(Unit.code.label("unit_code"), Unit.name_vi.label("unit_name_vi"), Unit.name_en.label("unit_name_en"))
        .join(parent, Unit.parent_id == parent.id)
        .where(parent.code == parent_code, Unit.kind == level)
        .order_by(Unit.code)
    )
    if year is not None:
        statement = statement.where(queries.valid_in(year))
    return queries.read_frame(statement)


def _index_value(total: float, max_total: float) -> float | None:
    """The published DTI index (total / maximum, as printed to 4 decimals) where both are known."""
    if pd.isna(total) or pd.isna(max_total) or not max_total:
        return None
    return round_half_up(total / max_total, 4)


@versioned
def national_ranking(year: int) -> pd.DataFrame:
    """Every province with a published rank in `year`, best first; `tied` marks a shared rank."""
    results = queries.published_results(PROVINCE, year=year)
    ranked = results[(results["unit_kind"] == PROVINCE) & results["rank"].notna()].copy()
    ranked["rank"] = ranked["rank"].astype(int)
    ranked["rank_of"] = ranked["rank_of"].astype(int)
    ranked["index_value"] = [
        _index_value(total, max_total) for total, max_total in zip(ranked["total"], ranked["max_total"], strict=True)
    ]
    ranked["index_value"] = ranked["index_value"].astype(float)
    ranked["tied"] = ranked.groupby("rank")["rank"].transform("size") > 1
    columns = ["rank", "rank_of", "tied", "unit_code", "unit_name_vi", "unit_name_en", "index_value", "source"]
    return ranked.sort_values(["rank", "unit_name_vi"])[columns].reset_index(drop=True)


@versioned
def _level_totals(parent_code: str, level: str, year: int) -> pd.DataFrame:
    """Each of the province's units' total and maximum of its counted pillars in `year`, summed in SQL:
    a row per unit, not one per pillar (a district ranking of 100 districts × 9 pillars reads 100 rows)."""
    statement = queries.of_framework(queries.counted_totals(level), year, level)
    statement = statement.where(Framework.year == year, queries.valid_in(year))
    return queries.read_totals(queries.under_parent(statement, parent_code))


@versioned
def _score_sources(parent_code: str, level: str, year: int) -> pd.Series:
    """The sources of each unit's points, each once in the order of the pillars that cite it, joined by " | "
    (the rows are a unit's distinct sources, one for most units)."""
    first_pillar = func.min(Pillar.sort_order)
    statement = queries.under_parent(
        queries.of_framework(
            select(Unit.code.label("unit_code"), PillarScore.source, first_pillar.label("first_pillar")), year, level
        )
        .join(Pillar, PillarScore.pillar_id == Pillar.id)
        .join(Framework, Pillar.framework_id == Framework.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
        .where(Framework.year == year, Framework.level == level, Unit.kind == level, queries.valid_in(year))
        .group_by(Unit.code, PillarScore.source)
        .order_by(Unit.code, first_pillar),
        parent_code,
    )
    return joined_sources(queries.read_frame(statement))


def joined_sources(frame: pd.DataFrame) -> pd.Series:
    """Each unit's sources (rows `unit_code`, `source` in citing order) joined by " | ", empty ones left
    out: one pass over the rows, where a pandas group-by calls Python once per unit (a hundred districts)."""
    joined: dict[str, list[str]] = {}
    for code, source in zip(frame["unit_code"], frame["source"], strict=True):
        cited = joined.setdefault(code, [])
        if source:
            cited.append(source)
    return pd.Series({code: " | ".join(cited) for code, cited in joined.items()}, name="source", dtype=object)


def _computed(parent_code: str, level: str, year: int) -> pd.DataFrame:
    """Totals, ranks and groups computed from the stored points, among the province's own units."""
    totals = _level_totals(parent_code, level, year)
    if totals.empty:
        return pd.DataFrame(
            {
                "unit_code": pd.Series(dtype=str),
                "total": pd.Series(dtype=float),
                "max_total": pd.Series(dtype=float),
                "share": pd.Series(dtype=float),
                "rank": pd.Series(dtype=float),
                "group": pd.Series(dtype=str),
                "score_source": pd.Series(dtype=str),
            }
        )
    table = ranked_totals(totals, queries.group_thresholds(year, level))
    sources = _score_sources(parent_code, level, year)
    return table.merge(sources.rename("score_source"), left_on="unit_code", right_index=True, how="left")


def _published(parent_code: str, level: str, year: int) -> pd.DataFrame:
    members = set(child_units(parent_code, level, year)["unit_code"])
    results = queries.published_results(level, year=year, parent_code=parent_code)
    results = results[results["unit_code"].isin(members)]
    return results.rename(
        columns={
            "group_name": "group",
            "max_total": "max_published",
            "source": "published_source",
        }
    )[["unit_code", "total", "max_published", "rank", "group", "median_method", "published_source"]]


def _year_results(parent_code: str, level: str, year: int) -> pd.DataFrame:
    """Computed and published results side by side, one row per unit, best first.

    The shown rank, total and group are the computed ones where the points are stored, the
    published ones otherwise; `reason` is set only where both exist and disagree.
    """
    computed = _computed(parent_code, level, year)
    published = _published(parent_code, level, year)
    merged = reconcile(
        computed[["unit_code", "total", "rank", "group"]],
        published[["unit_code", "total", "rank", "group", "median_method"]],
    )
    merged = merged.merge(computed[["unit_code", "max_total", "score_source"]], on="unit_code", how="left")
    merged = merged.merge(published[["unit_code", "max_published", "published_source"]], on="unit_code", how="left")
    both = merged["rank_computed"].notna() & merged["rank_published"].notna()
    merged.loc[~both, "reason"] = ""
    merged["median_method"] = merged["median_method"].fillna(False).astype(bool)
    merged["rank"] = merged["rank_computed"].fillna(merged["rank_published"]).astype("Int64")
    merged["total"] = merged["total_computed"].fillna(merged["total_published"])
    merged["max_total"] = merged["max_total"].fillna(merged["max_published"])
    merged["share"] = merged["total"] / merged["max_total"]
    merged["group"] = merged["group_computed"].fillna(merged["group_published"]).replace("", pd.NA)
    thresholds = queries.group_thresholds(year, level)
    merged["group_code"] = [group_code(g, thresholds) for g in merged["group"]]
    for column in ("rank_computed", "rank_published"):
        merged[column] = merged[column].astype("Int64")
    merged["score_source"] = merged["score_source"].fillna("")
    merged["published_source"] = merged["published_source"].fillna("")
    names = child_units(parent_code, level, year)
    return merged.merge(names, on="unit_code", how="left").sort_values(["rank", "unit_name_vi"]).reset_index(drop=True)


def _with_change(current: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame:
    """Previous rank and total beside the current ones; `rank_change` > 0 means the unit climbed."""
    table = current.copy()
    if previous is None or previous.empty:
        table["previous_rank"] = pd.array([pd.NA] * len(table), dtype="Int64")
        table["previous_total"] = float("nan")
    else:
        before = previous[["unit_code", "rank", "total"]].rename(
            columns={"rank": "previous_rank", "total": "previous_total"}
        )
        table = table.merge(before, on="unit_code", how="left")
    table["rank_change"] = (table["previous_rank"] - table["rank"]).astype("Int64")
    table["total_change"] = (table["total"] - table["previous_total"]).round(TOTAL_DECIMALS)
    return table


@versioned
def unit_ranking(parent_code: str, level: str, year: int) -> UnitRanking:
    """The ranking of the province's departments or districts in `year`, with the change since the year before."""
    if level not in SUB_LEVELS:
        raise ValueError(f"not a sub-unit level: {level!r}")
    current = _year_results(parent_code, level, year)
    earlier = [y for y in queries.available_years() if y < year]
    previous_year = earlier[-1] if earlier else None
    previous = _year_results(parent_code, level, previous_year) if previous_year is not None else None
    has_previous = previous is not None and not previous.empty
    table = _with_change(current, previous if has_previous else None)
    return UnitRanking(
        level=level,
        year=year,
        table=table[RANKING_COLUMNS],
        previous_year=previous_year,
        has_previous=has_previous,
    )
