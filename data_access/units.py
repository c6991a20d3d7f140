"""What a unit's own page (`/units/<code>`) shows: its result in a year against its level, where
its points went, and its history.

The *level* of a unit is the units of the same kind under the same parent (a province's
departments, its districts; the country's provinces) valid in the year. The figures shown are
the published ones where the source prints them (the official total, rank and group); beside
them are the ones computed from the stored pillar points, and where both exist and disagree
the difference is kept and shown (`scoring.reconcile`), never hidden.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import aliased

from data_access import queries
from data_access.cache import versioned
from data_access.models import Framework, Pillar, PillarScore, PublishedIndex, PublishedResult, Unit
from data_access.pillars import counted_pillars, indicator_points
from data_access.scoring import TOTAL_DECIMALS, rank_table, reconcile, round_half_up
from domain.ranking import next_group, rank_with_ties
from domain.records import Result, UnitInfo, UnitSummary, YearResult
from domain.vocabulary import DTI_PILLARS, LEVELS, PROVINCE, TOTAL_TOLERANCE, Threshold, group_code, threshold_for_share

# Kinds of unit that are scored at a level of their own (the `national-average` aggregate is not).
SCORED_KINDS = LEVELS
# A published index (DTI 0,6385 of 1) is printed to this many decimals; a computed total is
# compared with it on that scale.
INDEX_DECIMALS = 4
# The fields of a published result a unit's page reads (`_results`).
PUBLISHED_FIELDS = ("total", "max_total", "rank", "group_name", "source", "median_method", "note")


@versioned
def unit_info(code: str) -> UnitInfo | None:
    """The unit with its parent's names, or None when the code is unknown."""
    parent = aliased(Unit)
    frame = queries.read_frame(
        select(
            Unit.code,
            Unit.name_vi,
            Unit.name_en,
            Unit.kind,
            Unit.source,
            Unit.note,
            parent.code.label("parent_code"),
            parent.name_vi.label("parent_name_vi"),
            parent.name_en.label("parent_name_en"),
        )
        .outerjoin(parent, Unit.parent_id == parent.id)
        .where(Unit.code == code)
    )
    if frame.empty:
        return None
    row = frame.iloc[0]

    def text(value: object) -> str | None:
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)

    return UnitInfo(
        code=row["code"],
        name_vi=row["name_vi"],
        name_en=text(row["name_en"]) or "",
        kind=row["kind"],
        parent_code=text(row["parent_code"]),
        parent_name_vi=text(row["parent_name_vi"]),
        parent_name_en=text(row["parent_name_en"]),
        source=text(row["source"]) or "",
        note=text(row["note"]) or "",
    )


@versioned
def unit_years(code: str) -> list[int]:
    """Years in which the unit has a published result or pillar scores, oldest first."""
    published = select(PublishedResult.year).join(Unit, PublishedResult.unit_id == Unit.id).where(Unit.code == code)
    scored = (
        select(Framework.year)
        .join(Pillar, Pillar.framework_id == Framework.id)
        .join(PillarScore, PillarScore.pillar_id == Pillar.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
        .where(Unit.code == code)
    )
    frame = queries.read_frame(published.union(scored))
    return sorted(int(year) for year in frame.iloc[:, 0]) if not frame.empty else []


@versioned
def level_spans(kind: str, parent_code: str | None) -> pd.DataFrame:
    """Every unit of `kind` under `parent_code` (the parentless ones when None) with the years it is
    valid in: the level of any year, read once for a unit's whole history."""
    parent = aliased(Unit)
    statement = (
        select(Unit.code.label("unit_code"), Unit.valid_from, Unit.valid_to)
        .outerjoin(parent, Unit.parent_id == parent.id)
        .where(Unit.kind == kind)
        .order_by(Unit.code)
    )
    statement = (
        statement.where(parent.code == parent_code) if parent_code else statement.where(Unit.parent_id.is_(None))
    )
    return queries.read_frame(statement)


@dataclass(frozen=True)
class LevelFrames:
    """A unit's level (its kind under its parent) over every year, read once: who belongs when, each
    unit's total per year (summed in SQL), each year's group thresholds and the published results.

    The years are looked up in plain dictionaries built once: a history of ten years is ten lookups,
    not ten rounds of frame filtering."""

    spans: pd.DataFrame
    totals: pd.DataFrame
    thresholds: dict[int, list[Threshold]]
    published: pd.DataFrame

    @cached_property
    def _spans(self) -> list[tuple[str, float, float]]:
        """Each unit's first and last valid year, an open bound as ∓infinity (valid "always" on that side)."""
        valid_from = pd.to_numeric(self.spans["valid_from"], errors="coerce").fillna(-math.inf).tolist()
        valid_to = pd.to_numeric(self.spans["valid_to"], errors="coerce").fillna(math.inf).tolist()
        return list(zip(self.spans["unit_code"].tolist(), valid_from, valid_to, strict=True))

    @cached_property
    def _totals(self) -> dict[int, dict[str, tuple[float, float]]]:
        by_year: dict[int, dict[str, tuple[float, float]]] = {}
        columns = (self.totals[column].tolist() for column in ("year", "unit_code", "total", "max_total"))
        for year, code, total, max_total in zip(*columns, strict=True):
            by_year.setdefault(int(year), {})[code] = (float(total), float(max_total))
        return by_year

    @cached_property
    def _published(self) -> dict[int, dict[str, dict]]:
        """Year → unit → its published row (the fields `_results` reads), built from whole columns:
        a unit's ten years of a level of a hundred are a thousand rows, and pandas' per-row records are slow."""
        by_year: dict[int, dict[str, dict]] = {}
        columns = (self.published[column].tolist() for column in ("year", "unit_code", *PUBLISHED_FIELDS))
        for year, code, *fields in zip(*columns, strict=True):
            by_year.setdefault(int(year), {}).setdefault(code, dict(zip(PUBLISHED_FIELDS, fields, strict=True)))
        return by_year

    def members(self, year: int) -> set[str]:
        """The codes valid in `year` (an open bound means "always" on that side, as `queries.valid_in`)."""
        return {code for code, start, end in self._spans if start <= year <= end}

    def totals_in(self, year: int, members: set[str]) -> dict[str, tuple[float, float]]:
        """Total and maximum of `year` of each of the year's `members` with points."""
        return {code: pair for code, pair in self._totals.get(year, {}).items() if code in members}

    def published_in(self, year: int, members: set[str]) -> dict[str, dict]:
        """The published row of `year` (the first where a unit has several) of each of `members`."""
        return {code: row for code, row in self._published.get(year, {}).items() if code in members}


@versioned
def level_frames(kind: str, parent_code: str | None) -> LevelFrames:
    """The level of the units of `kind` under `parent_code`, every year, in four queries: a unit's page
    (its year and its history) reads its own level only, never the country's, and a row per unit and
    year rather than per pillar."""
    return LevelFrames(
        spans=level_spans(kind, parent_code),
        totals=queries.level_totals_by_year(kind, parent_code),
        thresholds=queries.group_thresholds_by_year(kind),
        published=queries.published_results(kind, parent_code=parent_code),
    )


@versioned
def own_sources(code: str, kind: str) -> dict[int, str]:
    """The sources of the unit's own pillar points per year, joined in pillar order: what its computed
    result cites."""
    frame = queries.read_frame(
        select(Framework.year, PillarScore.source)
        .join(Pillar, PillarScore.pillar_id == Pillar.id)
        .join(Framework, Pillar.framework_id == Framework.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
        .where(Unit.code == code, Framework.level == kind)
        .order_by(Framework.year, Pillar.sort_order)
    )
    return {
        int(year): " | ".join(dict.fromkeys(s for s in rows["source"] if s))
        for year, rows in frame.groupby("year", sort=False)
    }


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _float(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) or value == "" else str(value)


def level_scores(info: UnitInfo, year: int) -> pd.DataFrame:
    """The pillar scores of the unit's level in `year` (its own and its peers', the year's members only),
    read as the what-if reads them (one cached read for both)."""
    scores = queries.pillar_scores(year, info.kind, info.parent_code)
    members = level_frames(info.kind, info.parent_code).members(year)
    return scores[scores["unit_code"].isin(members)].reset_index(drop=True)


def _published_scale_total(computed_total: float, computed_max: float, published_max: float | None) -> float:
    """The computed total on the published scale: points when the maxima agree, else the rounded index."""
    if published_max is None or math.isclose(published_max, computed_max):
        return computed_total
    return round_half_up(computed_total / computed_max * published_max, INDEX_DECIMALS)


@versioned
def year_result(code: str, year: int) -> YearResult | None:
    """The unit's published and computed result in `year`, reconciled; None when it has neither."""
    info = unit_info(code)
    if info is None or info.kind not in SCORED_KINDS:
        return None
    level = level_frames(info.kind, info.parent_code)
    computed, published, median_method, note = _results(code, level, own_sources(code, info.kind), year)
    if computed is None and published is None:
        return None
    differences, reason = reconcile_result(code, computed, published, median_method)
    return YearResult(
        year=year,
        shown=_shown(computed, published),
        published=published,
        computed=computed,
        median_method=median_method,
        differences=differences,
        reason=reason,
        published_note=note,
    )


def _results(
    code: str, level: LevelFrames, sources: dict[int, str], year: int
) -> tuple[Result | None, Result | None, bool, str]:
    """The unit's computed and published result in `year` from its level's frames, with the published
    row's median-method flag and note. The computed rank and group are `scoring.rank_table`'s: the
    competition rank of the total among the year's members, the group its share earns."""
    members = level.members(year)
    field_size = len(members)
    thresholds = level.thresholds.get(year, [])
    totals = level.totals_in(year, members)
    published_all = level.published_in(year, members)

    computed = None
    if code in totals:
        codes = list(totals)
        rank = rank_with_ties([totals[other][0] for other in codes])[codes.index(code)]
        total, max_total = totals[code]
        earned = threshold_for_share(total / max_total, thresholds)
        # A computed rank means something only when every unit of the level has its points stored
        # (the provincial DTI stores the points of six provinces of 63).
        complete = set(totals) >= set(published_all) and len(totals) == field_size
        computed = Result(
            total=total,
            max_total=max_total,
            rank=rank if complete else None,
            rank_of=field_size if complete else None,
            group=earned.group if thresholds and earned else None,
            source=sources.get(year, ""),
            group_code=earned.code if thresholds and earned else None,
        )

    published = None
    median_method = False
    note = ""
    row = published_all.get(code)
    if row is not None:
        published = Result(
            total=_float(row["total"]),
            max_total=_float(row["max_total"]),
            rank=_int(row["rank"]),
            rank_of=field_size if _int(row["rank"]) is not None else None,
            group=_text(row["group_name"]),
            source=row["source"] or "",
            group_code=group_code(row["group_name"], thresholds),
        )
        median_method = bool(row["median_method"])
        note = row["note"] or ""
    return computed, published, median_method, note


def _shown(computed: Result | None, published: Result | None) -> Result:
    """The published figure where printed; the computed one where the source prints none or on another scale."""
    if published is None:
        return computed
    if computed is None:
        return published
    same_scale = published.max_total is not None and math.isclose(published.max_total, computed.max_total)
    use_published_total = published.total is not None and same_scale
    return Result(
        total=published.total if use_published_total else computed.total,
        max_total=published.max_total if use_published_total else computed.max_total,
        rank=published.rank if published.rank is not None else computed.rank,
        rank_of=published.rank_of if published.rank is not None else computed.rank_of,
        group=published.group or computed.group,
        group_code=published.group_code if published.group else computed.group_code,
        source=published.source
        if use_published_total
        else " | ".join(dict.fromkeys([computed.source, published.source])),
    )


def reconcile_result(
    code: str, computed: Result | None, published: Result | None, median_method: bool
) -> tuple[tuple[str, ...], str]:
    """The fields both sides give and that disagree, via `scoring.reconcile`, and the reason it states."""
    if computed is None or published is None:
        return (), ""
    computed_total = _published_scale_total(computed.total, computed.max_total, published.max_total)
    # reconcile's tolerance is in points; on an index's scale it shrinks with it (0,02 of 1000 → 0,00002 of 1).
    scale = published.max_total / computed.max_total if published.max_total and computed.max_total else 1.0
    merged = reconcile(
        pd.DataFrame([{"unit_code": code, "total": computed_total, "rank": computed.rank, "group": computed.group}]),
        pd.DataFrame(
            [
                {
                    "unit_code": code,
                    "total": published.total,
                    "rank": published.rank,
                    "group": published.group,
                    "median_method": median_method,
                }
            ]
        ),
        tolerance=TOTAL_TOLERANCE * scale,
    ).iloc[0]
    given = {
        "total": computed.total is not None and published.total is not None,
        "rank": computed.rank is not None and published.rank is not None,
        "group": bool(computed.group) and bool(published.group),
    }
    differences = tuple(name for name, both in given.items() if both and not merged[f"{name}_matches"])
    return differences, (merged["reason"] if differences else "")


def pillar_comparison(scores: pd.DataFrame, code: str) -> tuple[pd.DataFrame, dict | None]:
    """The unit's counted pillars with the level's best points (and who holds them) and median points per pillar.

    Also returns the level's rank-1 unit (first by code among ties) with its shares, for the radar.
    """
    counted = counted_pillars(scores)
    own = counted[counted["unit_code"] == code].copy()
    stats = counted.groupby("pillar_code").agg(best_points=("points", "max"), median_points=("points", "median"))
    leaders = counted[counted["points"] == counted["pillar_code"].map(stats["best_points"])]
    holders = leaders.groupby("pillar_code").agg(
        best_count=("unit_code", "size"),
        best_name_vi=("unit_name_vi", "first"),
        best_name_en=("unit_name_en", "first"),
    )
    own = own.merge(stats, left_on="pillar_code", right_index=True, how="left")
    own = own.merge(holders, left_on="pillar_code", right_index=True, how="left")
    own["best_share"] = own["best_points"] / own["max_points"]
    own["median_share"] = own["median_points"] / own["max_points"]
    own = own.sort_values("sort_order").reset_index(drop=True)
    ranked = rank_table(scores, [])
    if ranked.empty:
        return own, None
    best_code = ranked.iloc[0]["unit_code"]
    best_rows = counted[counted["unit_code"] == best_code]
    best = {
        "unit_code": best_code,
        "name_vi": best_rows["unit_name_vi"].iloc[0],
        "name_en": best_rows["unit_name_en"].iloc[0],
        "shares": best_rows[["pillar_code", "share"]].reset_index(drop=True),
        "sources": best_rows["source"].tolist(),
    }
    return own, best


def scored_indicators(year: int, level: str, code: str) -> pd.DataFrame:
    """The unit's indicators with points of a known maximum, the largest loss first (empty where none)."""
    indicators = indicator_points(year, level, code)
    scored = indicators[indicators["share"].notna()].copy()
    scored["lost"] = (scored["max_points"] - scored["points"]).round(TOTAL_DECIMALS)
    return scored.sort_values(["lost", "pillar_sort_order", "sort_order"], ascending=[False, True, True]).reset_index(
        drop=True
    )


def history(code: str, years: list[int]) -> pd.DataFrame:
    """The shown total, rank and group of each year the unit has results, oldest first.

    Every year's result comes from the level's frames (`level_frames`), read once for all the years
    within the unit's own level (a department among its province's departments): the rows read grow
    with the level and the years, never with the number of provinces. Only the shown figure is kept,
    so the years are not reconciled one by one (the page reconciles the year it shows).
    """
    info = unit_info(code)
    if info is None or info.kind not in SCORED_KINDS:
        years = []
    else:
        level = level_frames(info.kind, info.parent_code)
        sources = own_sources(code, info.kind)
    rows = []
    for year in years:
        computed, published, _median, _note = _results(code, level, sources, year)
        if computed is None and published is None:
            continue
        shown = _shown(computed, published)
        rows.append(
            {
                "year": year,
                "total": shown.total,
                "max_total": shown.max_total,
                "rank": shown.rank,
                "rank_of": shown.rank_of,
                "group": shown.group,
                "group_code": shown.group_code,
                "source": shown.source,
            }
        )
    columns = ["year", "total", "max_total", "rank", "rank_of", "group", "group_code", "source"]
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("rank", "rank_of"):
        frame[column] = frame[column].astype("Int64")
    frame["total"] = frame["total"].astype(float)
    frame["max_total"] = frame["max_total"].astype(float)
    return frame


@versioned
def unit_summary(code: str, year: int) -> UnitSummary | None:
    """The unit's page for `year`; None when the unit is unknown or has no result that year."""
    info = unit_info(code)
    result = year_result(code, year)
    if info is None or result is None:
        return None
    scores = level_scores(info, year)
    thresholds = queries.group_thresholds(year, info.kind)
    pillars, best = pillar_comparison(scores, code) if code in set(scores["unit_code"]) else (pd.DataFrame(), None)
    lost = (
        pillars.sort_values(["lost", "sort_order"], ascending=[False, True]).reset_index(drop=True)
        if not pillars.empty
        else pillars
    )
    indicators = scored_indicators(year, info.kind, code) if not pillars.empty else pd.DataFrame()
    years = unit_years(code)
    past = history(code, years)
    sources = [result.shown.source]
    if result.published is not None:
        sources.append(result.published.source)
    if not pillars.empty:
        sources += pillars["source"].tolist()
    if not indicators.empty:
        sources += indicators["source"].tolist()
    sources += past["source"].tolist()
    return UnitSummary(
        info=info,
        year=year,
        years=years,
        result=result,
        next_group=next_group(result.shown.total, result.shown.max_total, thresholds),
        thresholds=thresholds,
        pillars=pillars,
        best_unit=best,
        level_size=len(level_frames(info.kind, info.parent_code).members(year)),
        scored_size=scores["unit_code"].nunique(),
        lost=lost,
        indicators=indicators,
        history=past,
        sources=[s for s in dict.fromkeys(sources) if s],
    )


@versioned
def published_indices(code: str, year: int) -> pd.DataFrame:
    """A province's published indices of a year, named: the three trụ cột first, then the main indices
    in their framework's order (the latest province framework that has the code names it, so a year
    published without its framework still reads). Value 0..1 and national rank as printed."""
    rows = queries.read_frame(
        select(
            PublishedIndex.index_code,
            PublishedIndex.value,
            PublishedIndex.rank,
            PublishedIndex.source,
            PublishedIndex.note,
        )
        .join(Unit, PublishedIndex.unit_id == Unit.id)
        .where(Unit.code == code, PublishedIndex.year == year)
    )
    if rows.empty:
        return rows
    names = queries.read_frame(
        select(Pillar.code, Pillar.name_vi, Pillar.name_en, Pillar.sort_order, Framework.year)
        .join(Framework, Pillar.framework_id == Framework.id)
        .where(Framework.level == PROVINCE)
        .order_by(Framework.year.desc())
    ).drop_duplicates("code")
    named = {c: (vi, en, -len(DTI_PILLARS) + i) for i, (c, (vi, en)) in enumerate(DTI_PILLARS.items())}
    named.update({r.code: (r.name_vi, r.name_en, int(r.sort_order)) for r in names.itertuples()})
    rows["name_vi"] = [named.get(c, (c, c, 0))[0] for c in rows["index_code"]]
    rows["name_en"] = [named.get(c, (c, c, 0))[1] for c in rows["index_code"]]
    rows["order"] = [named.get(c, (c, c, 10**6))[2] for c in rows["index_code"]]
    rows["is_pillar"] = rows["index_code"].isin(list(DTI_PILLARS))
    return rows.sort_values(["order", "index_code"]).drop(columns="order").reset_index(drop=True)
