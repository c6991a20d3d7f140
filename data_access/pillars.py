"""What the pillars page (`/pillars`) shows for a year, a level and a unit, assembled from the queries.

A unit's pillars are compared with what matters at its level: a province with the leading
provinces (as on the overview) or with a province the reader picks; a department or district
with the best unit of its level and the level's median. Where the sources give per-task
(indicator) points for the unit, they come with it, tasks without points included.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Select, and_, select

from data_access import queries, reorganisation
from data_access.cache import versioned
from data_access.models import Framework, Indicator, IndicatorScore, Pillar, PillarScore, Unit
from data_access.overview import build_overview, printed_discrepancies
from data_access.rankings import child_units
from data_access.scoring import TOTAL_DECIMALS, rank_table, worth_points
from domain.records import Comparison, PillarsView, Selection
from domain.vocabulary import LEVELS

LEADING = "leading"


class BadSelection(ValueError):
    """A URL parameter the data does not have: `param` names it, `value` is what was asked for."""

    def __init__(self, param: str, value: str):
        super().__init__(f"{param}={value!r}")
        self.param = param
        self.value = value


@versioned
def level_units(year: int, level: str) -> pd.DataFrame:
    """The level's units with pillar scores in `year`, best first: names, total, share, rank, group.

    Empty when the year has no scores at that level (e.g. 2021, of which only a rank is known).
    """
    scores = _level_scores(year, level)
    if scores.empty:
        return pd.DataFrame(columns=["unit_code", "unit_name_vi", "unit_name_en", "total", "max_total", "rank"])
    ranked = rank_table(scores, queries.group_thresholds(year, level))
    names = scores[["unit_code", "unit_name_vi", "unit_name_en"]].drop_duplicates("unit_code")
    return ranked.merge(names, on="unit_code", how="left")


def _level_scores(year: int, level: str) -> pd.DataFrame:
    """The pillar points of the level the page ranks: every province, or below the province only the
    focus's own departments or districts, read in SQL so the rows do not grow with the country."""
    if level == "province":
        return queries.pillar_scores(year, level)
    focus = queries.focus_unit_code() or ""  # without a focus, no unit's parent: nobody's points
    scores = queries.pillar_scores(year, level, focus)
    members = set(child_units(focus, level)["unit_code"]) if focus else set()
    return scores[scores["unit_code"].isin(members)].reset_index(drop=True)


@versioned
def score_years(level: str) -> list[int]:
    """Years with pillar scores at `level`, oldest first: what a reader can pick when a year has none."""
    statement = (
        select(Framework.year)
        .join(Pillar, Pillar.framework_id == Framework.id)
        .join(PillarScore, PillarScore.pillar_id == Pillar.id)
        .where(Framework.level == level)
        .distinct()
    )
    return sorted(int(year) for year in queries.read_frame(statement)["year"])


@versioned
def indicator_points(year: int, level: str, unit_code: str) -> pd.DataFrame:
    """Every indicator (task) of the year's framework at `level`, with the unit's value and points where known.

    Indicators without a score row keep empty `points`: the page lists them with their target
    instead of dropping them.
    """
    unit_id = select(Unit.id).where(Unit.code == unit_code).scalar_subquery()
    statement = (
        select(
            Pillar.code.label("pillar_code"),
            Pillar.name_vi.label("pillar_name_vi"),
            Pillar.name_en.label("pillar_name_en"),
            Pillar.max_points.label("pillar_max_points"),
            Pillar.n_indicators,
            Pillar.sort_order.label("pillar_sort_order"),
            Indicator.code.label("indicator_code"),
            Indicator.name_vi.label("indicator_name_vi"),
            Indicator.target_text,
            Indicator.max_points,
            Indicator.sort_order,
            Indicator.source.label("indicator_source"),
            Indicator.note.label("indicator_note"),
            IndicatorScore.value,
            IndicatorScore.value_unit,
            IndicatorScore.points,
            IndicatorScore.source,
        )
        .join(Pillar, Indicator.pillar_id == Pillar.id)
        .join(Framework, Pillar.framework_id == Framework.id)
        .outerjoin(IndicatorScore, and_(IndicatorScore.indicator_id == Indicator.id, IndicatorScore.unit_id == unit_id))
        .where(Framework.year == year, Framework.level == level)
        .order_by(Pillar.sort_order, Indicator.sort_order)
    )
    frame = _read_indicators(statement)
    frame["source"] = frame["source"].fillna(frame["indicator_source"])
    scored = frame["points"].notna() & (frame["max_points"].fillna(0) > 0)
    frame["share"] = (frame["points"] / frame["max_points"]).where(scored)
    return frame


def _read_indicators(statement: Select) -> pd.DataFrame:
    """The indicator rows with numeric columns as floats, so an all-empty column still computes."""
    frame = queries.read_frame(statement)
    for column in ("max_points", "pillar_max_points", "value", "points"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    return frame


def resolve_selection(year: int, level: str | None, unit: str | None, compare: str | None) -> Selection:
    """The URL's level, unit and comparison checked against the data, with the documented defaults.

    Defaults: the province in focus at province level (its successor once a merger has ended it), the
    best-ranked unit below it; the leading provinces as comparison. `BadSelection` names the parameter
    the data does not have.
    """
    level = level or "province"
    if level not in LEVELS:
        raise BadSelection("level", level)
    if compare not in (None, "") and level != "province":
        raise BadSelection("compare_level", compare)
    units = level_units(year, level)
    codes = units["unit_code"].tolist()
    if not codes:
        return Selection(year, level, unit or "", None)
    if unit in (None, ""):
        focus = queries.focus_unit_code()
        if focus is not None and level == "province":  # merged away by the year: its successor in its place
            focus = reorganisation.successor_for(focus, year) or focus
        unit = focus if level == "province" and focus in codes else codes[0]
    if unit not in codes:
        raise BadSelection("unit", unit)
    if level != "province":
        return Selection(year, level, unit, None)
    compare = compare or LEADING
    if compare != LEADING and (compare not in codes or compare == unit):
        raise BadSelection("compare", compare)
    return Selection(year, level, unit, compare)


def counted_pillars(scores: pd.DataFrame) -> pd.DataFrame:
    """A unit's counted pillars (those worth points) with share and points lost, in display order."""
    own = scores[worth_points(scores)].copy()
    own["share"] = own["points"] / own["max_points"]
    own["lost"] = (own["max_points"] - own["points"]).round(TOTAL_DECIMALS)
    return own.sort_values("sort_order").reset_index(drop=True)


def median_shares(scores: pd.DataFrame) -> pd.DataFrame:
    """Per pillar, the median share of the level's units: the middle of the field, robust to outliers."""
    counted = counted_pillars(scores)
    return counted.groupby(["pillar_code", "sort_order"], as_index=False)["share"].median().sort_values("sort_order")


def _median_comparison(scores: pd.DataFrame, units: pd.DataFrame, sources: list[str]) -> Comparison:
    """The level's median, the second line of every level comparison, named or not."""
    return Comparison(
        kind="median",
        color_key="leading_average",
        shares=median_shares(scores)[["pillar_code", "share"]],
        count=len(units),
        sources=sources,
    )


def best_and_median(scores: pd.DataFrame, units: pd.DataFrame, unit_code: str) -> list[Comparison]:
    """The level's rank-1 unit (first by code among ties, as `rank_table` orders them) and the median.

    The best unit itself is compared with the unit ranked next: a line drawn over its own would
    tell its reader nothing.
    """
    position = 1 if units.iloc[0]["unit_code"] == unit_code and len(units) > 1 else 0
    best = units.iloc[position]
    best_rows = counted_pillars(scores[scores["unit_code"] == best["unit_code"]])
    sources = scores["source"].tolist()
    return [
        Comparison(
            kind="runner_up" if position else "best",
            color_key="leader",
            shares=best_rows[["pillar_code", "share"]],
            name_vi=best["unit_name_vi"],
            name_en=best["unit_name_en"],
            sources=best_rows["source"].tolist(),
        ),
        _median_comparison(scores, units, sources),
    ]


def highest_and_median(scores: pd.DataFrame, units: pd.DataFrame) -> list[Comparison]:
    """The level's highest share of each pillar, whoever holds it, and the median: a comparison that
    names no unit, for readers who may not see another unit's figures (see `auth.policy`)."""
    counted = counted_pillars(scores)
    highest = counted.groupby(["pillar_code", "sort_order"], as_index=False)["share"].max().sort_values("sort_order")
    sources = scores["source"].tolist()
    return [
        Comparison(kind="highest", color_key="leader", shares=highest[["pillar_code", "share"]], sources=sources),
        _median_comparison(scores, units, sources),
    ]


def province_comparisons(selection: Selection, scores: pd.DataFrame) -> list[Comparison]:
    """The leading provinces' average and the leader, exactly as the overview draws them, or one chosen province."""
    if selection.compare != LEADING:
        rows = counted_pillars(scores[scores["unit_code"] == selection.compare])
        return [
            Comparison(
                kind="province",
                color_key="leader",
                shares=rows[["pillar_code", "share"]],
                name_vi=rows["unit_name_vi"].iloc[0],
                name_en=rows["unit_name_en"].iloc[0],
                sources=rows["source"].tolist(),
            )
        ]
    overview = build_overview(selection.unit_code, selection.year)
    leading = scores[scores["unit_code"].isin(overview.leading_codes)]
    comparisons = []
    if "leading_average" in overview.comparison:
        comparisons.append(
            Comparison(
                kind="leading_average",
                color_key="leading_average",
                shares=overview.comparison["leading_average"][["pillar_code", "share"]],
                count=len(overview.leading_names),
                sources=leading["source"].tolist(),
            )
        )
    if "leader" in overview.comparison:
        leader = scores[scores["unit_code"] == overview.leading_codes[0]]
        comparisons.append(
            Comparison(
                kind="leader",
                color_key="leader",
                shares=overview.comparison["leader"][["pillar_code", "share"]],
                name_vi=overview.leading_names[0],
                name_en=leader["unit_name_en"].iloc[0],
                sources=leader["source"].tolist(),
            )
        )
    return comparisons


def province_rank(unit_code: str, year: int) -> tuple[int | None, int | None]:
    """The published national rank and the field it is out of (12/63), where printed."""
    results = queries.published_results("province", unit_code=unit_code, year=year)
    ranked = results[results["rank"].notna()]
    if ranked.empty:
        return None, None
    return int(ranked["rank"].iloc[0]), int(ranked["rank_of"].iloc[0])


@versioned
def pillars_view(selection: Selection, *, name_best: bool = True) -> PillarsView:
    """Everything the page shows for a validated selection with scores (see `resolve_selection`).

    Below province level the unit is compared with the level's best unit by name, or, with
    `name_best=False`, with the level's highest value of each pillar, naming nobody."""
    scores = _level_scores(selection.year, selection.level)
    units = level_units(selection.year, selection.level)
    own = units[units["unit_code"] == selection.unit_code].iloc[0]
    pillars = counted_pillars(scores[scores["unit_code"] == selection.unit_code])
    if selection.level == "province":
        comparisons = province_comparisons(selection, scores)
        rank, rank_of = province_rank(selection.unit_code, selection.year)
    else:
        comparisons = (
            best_and_median(scores, units, selection.unit_code) if name_best else highest_and_median(scores, units)
        )
        rank, rank_of = int(own["rank"]), len(units)
    indicators = indicator_points(selection.year, selection.level, selection.unit_code)
    if indicators["points"].isna().all() and indicators["value"].isna().all():
        indicators = indicators.iloc[0:0]
    return PillarsView(
        selection=selection,
        unit_name_vi=own["unit_name_vi"],
        unit_name_en=own["unit_name_en"],
        pillars=pillars,
        comparisons=comparisons,
        total=float(own["total"]),
        max_total=float(own["max_total"]),
        rank=rank,
        rank_of=rank_of,
        group=own["group"] if isinstance(own["group"], str) else None,
        group_code=own["group_code"] if isinstance(own["group_code"], str) else None,
        indicators=indicators,
        discrepancies=printed_discrepancies(pillars, queries.published_indices(selection.year, selection.unit_code)),
    )
