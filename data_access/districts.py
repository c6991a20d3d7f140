"""What the district page shows: the province's local units scored per criterion, and the map regions.

The local units are those of a local level (`LOCAL_LEVELS`: districts until the 2025
reorganisation, communes, wards and special zones after) whose parent is the province in focus,
so a second province's units never leak into the heatmap. A year shows the last local level it
has scores for. The map's regions come from the
shipped boundaries; a region may cover several districts (`member_unit_codes`: the open data
has one polygon for Bù Gia Mập and Phú Riềng), and the region table says so instead of
letting one district's value stand for another's area.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import aliased

from data_access import queries, reorganisation
from data_access.cache import versioned
from data_access.models import Framework, Pillar, PillarScore, Reorganisation, Unit
from data_access.scoring import TOTAL_DECIMALS, Threshold, rank_table
from domain.records import TOTAL, DistrictResults
from domain.reorganisation import ended
from domain.vocabulary import COMMUNE, DISTRICT, LEVELS, LOCAL_LEVELS, PROVINCE, TOTAL_TOLERANCE

LEVEL = DISTRICT


class UnknownCriterion(ValueError):
    """A `criterion` the year's district framework does not have; the page lists the valid ones."""

    def __init__(self, criterion: str, valid: list[str]):
        super().__init__(criterion)
        self.criterion = criterion
        self.valid = valid


def _local_scores_statement(province_code: str, levels: tuple[str, ...] = (LEVEL,)):
    """The shared pillar-score query narrowed to one province's units of the given levels, all years."""
    parent = aliased(Unit)
    return (
        queries.pillar_scores_statement()
        .join(parent, Unit.parent_id == parent.id)
        .where(Framework.level.in_(levels), Unit.kind == Framework.level, parent.code == province_code)
    )


def province_end(province_code: str) -> tuple[str, int] | None:
    """(successor, first year without the province) when a stored reorganisation merged it away: the
    year it took effect (2025 for Bình Phước into Đồng Nai on 1 July 2025), not its last ranked year.
    Local units follow the date a province ceased: Bình Phước's districts were its own through 2024
    although DTI 2024 already ranks Đồng Nai, and its area's communes of 2025 answer to Đồng Nai."""
    row = ended(province_code, reorganisation.reorganisations(PROVINCE))
    return (row.successor, int(row.effective_date[:4])) if row is not None else None


def local_province(province_code: str, year: int) -> str:
    """The province whose local units stand for `province_code`'s in `year`: itself, or its successor
    from the year its reorganisation took effect (the communes of 2025 under Đồng Nai for Bình Phước)."""
    end = province_end(province_code)
    return end[0] if end is not None and year >= end[1] else province_code


def local_levels_by_year(province_code: str) -> dict[int, str]:
    """Each year in which the province's local units have scores (its successor's from the year it
    merged away: `local_province`), with the level shown that year, oldest year first."""
    own = _levels_by_year(province_code)
    end = province_end(province_code)
    if end is None:
        return own
    successor, start = end
    later = {year: level for year, level in _levels_by_year(successor).items() if year >= start}
    return dict(sorted(({year: level for year, level in own.items() if year < start} | later).items()))


@versioned
def _levels_by_year(province_code: str) -> dict[int, str]:
    """Each year in which the province's own local units have scores, with the level shown that year:
    the last of `LOCAL_LEVELS` scored then (communes over districts), oldest year first."""
    # A framework (a year and level) of which one of the province's own units has a score: asked per
    # framework, a first score found (LIMIT 1), so the database stops there instead of reading every unit's
    # every year (an EXISTS, PostgreSQL turns into a join over all of them: 7.8 → 0.7 ms there).
    unit, parent = aliased(Unit), aliased(Unit)
    scored = (
        select(PillarScore.id)
        .join(Pillar, PillarScore.pillar_id == Pillar.id)
        .join(unit, PillarScore.unit_id == unit.id)
        .join(parent, unit.parent_id == parent.id)
        .where(Pillar.framework_id == Framework.id, unit.kind == Framework.level, parent.code == province_code)
    )
    frame = queries.read_frame(
        select(Framework.year, Framework.level).where(
            Framework.level.in_(LOCAL_LEVELS), scored.limit(1).scalar_subquery().is_not(None)
        )
    )
    order = {level: position for position, level in enumerate(LOCAL_LEVELS)}
    chosen: dict[int, str] = {}
    for year, level in zip(frame["year"], frame["level"], strict=True):
        if int(year) not in chosen or order[level] > order[chosen[int(year)]]:
            chosen[int(year)] = level
    return dict(sorted(chosen.items()))


def offered_levels(province_code: str | None) -> list[str]:
    """The levels pages offer for a province: every level, but communes (from 2025) only once the
    province has some scored: before, the option would lead to an empty page."""
    has_communes = bool(province_code) and COMMUNE in local_levels_by_year(province_code).values()
    return [level for level in LEVELS if level != COMMUNE or has_communes]


def district_years(province_code: str) -> list[int]:
    """Years in which the province's local units (districts or communes) have scores, oldest first."""
    return list(local_levels_by_year(province_code))


def local_level(province_code: str, year: int) -> str:
    """The local level a year shows: what the data has that year, districts when it has neither."""
    return local_levels_by_year(province_code).get(year, LEVEL)


@versioned
def district_scores(province_code: str, year: int, level: str = LEVEL) -> pd.DataFrame:
    """Points per local unit × criterion of the province for a year, with the share of each maximum."""
    statement = queries.of_framework(_local_scores_statement(province_code, (level,)), year, level)
    statement = statement.where(Framework.year == year)
    frame = queries.read_frame(statement.order_by(Unit.code, Pillar.sort_order))
    frame["counts_in_total"] = frame["counts_in_total"].astype(bool)
    frame["share"] = frame["points"] / frame["max_points"].where(frame["max_points"] > 0)
    return frame.drop(columns="year")


def _joined_sources(scores: pd.DataFrame) -> pd.Series:
    """Each district's distinct citations, in the order they appear, as one string: one pass over the
    rows, where a pandas group-by would call Python once per district (a hundred of them)."""
    cited: dict[str, dict[str, None]] = {}
    for code, source in zip(scores["unit_code"], scores["source"], strict=True):
        found = cited.setdefault(code, {})
        if isinstance(source, str):
            found[source] = None
    return pd.Series({code: " | ".join(found) for code, found in cited.items()}, dtype=object)


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
def build_district_results(province_code: str, year: int, level: str | None = None) -> DistrictResults:
    """Everything the heatmap and the map need for a province's local units in one year (at
    `level`, by default the one the year has: `local_level`), those of its successor once it had
    merged away (`local_province`: `province_code` of the results says whose they are)."""
    level = level or local_level(province_code, year)
    province_code = local_province(province_code, year)
    scores = district_scores(province_code, year, level)
    pillars = (
        scores.drop_duplicates("pillar_code")
        .sort_values("sort_order")[
            ["pillar_code", "pillar_name_vi", "pillar_name_en", "max_points", "counts_in_total", "sort_order"]
        ]
        .reset_index(drop=True)
    )
    thresholds = queries.group_thresholds(year, level) if not scores.empty else []
    published = queries.published_results(level, year=year, parent_code=province_code)
    published = published[published["unit_code"].isin(scores["unit_code"])]
    totals = district_totals(scores, thresholds, published) if not scores.empty else pd.DataFrame()
    return DistrictResults(
        province_code=province_code,
        year=year,
        scores=scores,
        totals=totals,
        pillars=pillars,
        thresholds=thresholds,
        level=level,
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


FORMER_COLUMNS = ["district_code", "district_name_vi", "district_name_en", "unit_code"]


@versioned
def former_districts(commune_codes: tuple[str, ...]) -> pd.DataFrame:
    """The former district of each of these communes, from the reorganisation dataset's district →
    commune rows (level commune) an admin imported: one row per (district, commune), in the mapping's
    order. Empty when the mapping has none for them (the page then says how to add them)."""
    if not commune_codes:
        return pd.DataFrame(columns=FORMER_COLUMNS)
    district, commune = aliased(Unit), aliased(Unit)
    return queries.read_frame(
        select(
            district.code.label("district_code"),
            district.name_vi.label("district_name_vi"),
            district.name_en.label("district_name_en"),
            commune.code.label("unit_code"),
        )
        .select_from(Reorganisation)
        .join(district, Reorganisation.predecessor_id == district.id)
        .join(commune, Reorganisation.successor_id == commune.id)
        .where(Reorganisation.level == COMMUNE, district.kind == DISTRICT, commune.code.in_(commune_codes))
        .order_by(Reorganisation.sort_order, Reorganisation.id)
    )


def former_district_options(former: pd.DataFrame) -> pd.DataFrame:
    """Each former district once, in the mapping's order, with how many of the communes came from it."""
    if former.empty:
        return pd.DataFrame(columns=[*FORMER_COLUMNS[:3], "communes"])
    counts = former.groupby("district_code", sort=False).size().rename("communes")
    first = former.drop_duplicates("district_code")[FORMER_COLUMNS[:3]]
    return first.join(counts, on="district_code").reset_index(drop=True)
