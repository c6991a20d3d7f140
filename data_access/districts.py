"""What the district page shows: the province's districts scored per criterion, and the map regions.

The districts are the units of kind `district` whose parent is the province in focus, so a
second province's districts never leak into the heatmap. The map's regions come from the
shipped boundaries; a region may cover several districts (`member_unit_codes`: the open data
has one polygon for Bù Gia Mập and Phú Riềng), and the region table says so instead of
letting one district's value stand for another's area.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import aliased

from data_access import queries
from data_access.cache import versioned
from data_access.models import Framework, Pillar, Unit
from data_access.scoring import TOTAL_DECIMALS, Threshold, rank_table
from domain.records import TOTAL, DistrictResults
from domain.vocabulary import TOTAL_TOLERANCE

LEVEL = "district"


class UnknownCriterion(ValueError):
    """A `criterion` the year's district framework does not have; the page lists the valid ones."""

    def __init__(self, criterion: str, valid: list[str]):
        super().__init__(criterion)
        self.criterion = criterion
        self.valid = valid


def _district_scores_statement(province_code: str):
    """The shared pillar-score query narrowed to one province's districts, all years."""
    parent = aliased(Unit)
    return (
        queries.pillar_scores_statement()
        .join(parent, Unit.parent_id == parent.id)
        .where(Framework.level == LEVEL, Unit.kind == LEVEL, parent.code == province_code)
    )


@versioned
def district_years(province_code: str) -> list[int]:
    """Years in which the province's districts have scores, oldest first (the page's year choices)."""
    subquery = _district_scores_statement(province_code).subquery()
    frame = queries.read_frame(select(subquery.c.year).distinct())
    return sorted(int(year) for year in frame["year"])


@versioned
def district_scores(province_code: str, year: int) -> pd.DataFrame:
    """Points per district × criterion of the province for a year, with the share of each maximum."""
    statement = _district_scores_statement(province_code).where(Framework.year == year)
    frame = queries.read_frame(statement.order_by(Unit.code, Pillar.sort_order))
    frame["counts_in_total"] = frame["counts_in_total"].astype(bool)
    frame["share"] = frame["points"] / frame["max_points"].where(frame["max_points"] > 0)
    return frame.drop(columns="year")


def _joined_sources(scores: pd.DataFrame) -> pd.Series:
    """Each district's distinct citations, in the order they appear, as one string."""
    return scores.groupby("unit_code", sort=False)["source"].agg(lambda s: " | ".join(dict.fromkeys(s.dropna())))


def district_totals(scores: pd.DataFrame, thresholds: list[Threshold], published: pd.DataFrame) -> pd.DataFrame:
    """Totals, share, rank and group per district, best first, beside the published total.

    `published` has `unit_code` and `total` as printed; `total_differs` marks a district whose
    pillars do not add up to the printed total, so the page can show the difference.
    """
    table = rank_table(scores, thresholds)
    names = scores.drop_duplicates("unit_code").set_index("unit_code")[["unit_name_vi", "unit_name_en"]]
    table = table.join(names, on="unit_code")
    table["source"] = table["unit_code"].map(_joined_sources(scores))
    printed = published.set_index("unit_code")["total"] if not published.empty else pd.Series(dtype=float)
    table["published_total"] = table["unit_code"].map(printed)
    gap = (table["total"] - table["published_total"]).round(TOTAL_DECIMALS).abs()
    table["total_differs"] = gap.gt(TOTAL_TOLERANCE).fillna(False).astype(bool)
    return table


@versioned
def build_district_results(province_code: str, year: int) -> DistrictResults:
    """Everything the heatmap and the map need for a province's districts in one year."""
    scores = district_scores(province_code, year)
    pillars = (
        scores.drop_duplicates("pillar_code")
        .sort_values("sort_order")[
            ["pillar_code", "pillar_name_vi", "pillar_name_en", "max_points", "counts_in_total", "sort_order"]
        ]
        .reset_index(drop=True)
    )
    thresholds = queries.group_thresholds(year, LEVEL) if not scores.empty else []
    published = queries.published_results(LEVEL, year=year, parent_code=province_code)
    published = published[published["unit_code"].isin(scores["unit_code"])]
    totals = district_totals(scores, thresholds, published) if not scores.empty else pd.DataFrame()
    return DistrictResults(
        province_code=province_code, year=year, scores=scores, totals=totals, pillars=pillars, thresholds=thresholds
    )


def criterion_values(results: DistrictResults, criterion: str) -> pd.DataFrame:
    """One row per district for the criterion (or the total): points, maximum, share, source.

    Raises `UnknownCriterion` for a code the year's framework does not have.
    """
    if criterion not in results.criteria:
        raise UnknownCriterion(criterion, results.criteria)
    columns = ["unit_code", "unit_name_vi", "unit_name_en", "points", "max_points", "share", "source"]
    if criterion == TOTAL:
        totals = results.totals.rename(columns={"total": "points", "max_total": "max_points"})
        return totals[columns].reset_index(drop=True)
    rows = results.scores[results.scores["pillar_code"] == criterion]
    return rows[columns].reset_index(drop=True)


def map_regions(collection: dict) -> pd.DataFrame:
    """One row per (map region, district it covers): a shared region gives one row per member.

    Columns `region_code`, `region_name`, `unit_code`, `shared`, `region_note`, in the file's order.
    """
    rows = []
    for feature in collection["features"]:
        properties = feature["properties"]
        members = properties.get("member_unit_codes") or [properties["unit_code"]]
        for member in members:
            rows.append(
                {
                    "region_code": properties["unit_code"],
                    "region_name": properties.get("name_vi", properties["unit_code"]),
                    "unit_code": member,
                    "shared": len(members) > 1,
                    "region_note": properties.get("note", ""),
                }
            )
    return pd.DataFrame(rows, columns=["region_code", "region_name", "unit_code", "shared", "region_note"])


def map_table(regions: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """Regions with their districts' values; districts with a value but no region come last with
    an empty `region_code`, so nothing scored silently disappears from the map's data."""
    merged = regions.merge(values, on="unit_code", how="left")
    unmapped = values[~values["unit_code"].isin(regions["unit_code"])].assign(
        region_code="", region_name="", shared=False, region_note=""
    )
    return pd.concat([merged, unmapped], ignore_index=True)[[*regions.columns, *values.columns.drop("unit_code")]]
