"""What the IOC overview needs for one province and year, assembled from the queries.

Kept apart from the page so the same numbers feed the wall screen, tests and (later) the
slide deck.
"""

from __future__ import annotations

import pandas as pd

from data_access import queries, reorganisation
from data_access.cache import versioned
from data_access.models import SOURCE_DISCREPANCY
from data_access.scoring import change_between, points_lost, round_half_up, unit_totals, worth_points
from domain.benchmarks import Benchmark, provincial_average
from domain.records import Overview
from domain.vocabulary import AGGREGATE, NATIONAL, PROVINCE

LEADING_COUNT = 5


class UnknownSelection(LookupError):
    """The requested unit or year is not in the data; the page explains instead of failing."""


def _result_row(results: pd.DataFrame, year: int) -> dict | None:
    rows = results[results["year"] == year]
    return None if rows.empty else rows.iloc[0].to_dict()


def _index_of(row: dict | None) -> float | None:
    """The published index (total / maximum) where printed."""
    if not row or pd.isna(row.get("total")) or pd.isna(row.get("max_total")):
        return None
    return round_half_up(row["total"] / row["max_total"], 4)


def _leading_units(ranked: pd.DataFrame, scored: set[str], exclude: str) -> pd.DataFrame:
    """The units ranked 1..LEADING_COUNT in a year's results, among those with pillar scores."""
    ranked = ranked[ranked["rank"].notna() & (ranked["rank"] <= LEADING_COUNT)]
    return ranked[ranked["unit_code"].isin(scored) & (ranked["unit_code"] != exclude)]


def comparison_traces(scores: pd.DataFrame, leading: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The leading units' average and the leader, as pillar shares, where their scores exist."""
    if leading.empty:
        return {}
    subset = scores[scores["unit_code"].isin(leading["unit_code"]) & scores["counts_in_total"]]
    average = subset.groupby(["pillar_code", "sort_order"], as_index=False).agg(
        points=("points", "mean"), max_points=("max_points", "first")
    )
    average["share"] = average["points"] / average["max_points"]
    traces = {"leading_average": average.sort_values("sort_order")}
    leader = leading.sort_values("rank").iloc[0]
    if int(leader["rank"]) == 1:
        top = subset[subset["unit_code"] == leader["unit_code"]].copy()
        top["share"] = top["points"] / top["max_points"]
        traces["leader"] = top.sort_values("sort_order")
    return traces


def printed_discrepancies(pillars: pd.DataFrame, printed: pd.DataFrame) -> pd.DataFrame:
    """Pillars whose printed index disagrees with their printed points, per the source's own note.

    The chart follows the points (they add up to the published total); the printed value is
    shown beside it so nobody is surprised by the difference.
    """
    flagged = printed[printed["note"].str.contains(SOURCE_DISCREPANCY, regex=False)]
    merged = pillars.merge(
        flagged.rename(columns={"index_code": "pillar_code", "value": "printed_share"}),
        on="pillar_code",
        suffixes=("", "_printed"),
    )
    return merged[
        [
            "pillar_code",
            "pillar_name_vi",
            "pillar_name_en",
            "points",
            "max_points",
            "share",
            "printed_share",
            "note_printed",
        ]
    ]


def national_benchmarks(field_results: pd.DataFrame) -> tuple[Benchmark, Benchmark]:
    """A year's provincial average and national DTI from its province-level results, apart.

    The average is the aggregate unit's printed value, else computed over the ranked provinces when
    each has a value; the national DTI is the `national` unit's (never taken for the average)."""
    aggregates = field_results[field_results["unit_kind"] == AGGREGATE]
    printed = aggregates.iloc[0].to_dict() if not aggregates.empty else None
    ranked = field_results[(field_results["unit_kind"] == PROVINCE) & field_results["rank"].notna()]
    values = [_index_of(row) for row in ranked.to_dict("records")]
    average = provincial_average(_index_of(printed), (printed or {}).get("source", ""), values)
    if average.computed_from is not None:
        average = Benchmark(round_half_up(average.value, 4), ranked["source"].iloc[0], average.computed_from)
    nationals = field_results[field_results["unit_kind"] == NATIONAL]
    national = nationals.iloc[0].to_dict() if not nationals.empty else None
    return average, Benchmark(_index_of(national), (national or {}).get("source", ""))


@versioned
def national_yardsticks(year: int) -> tuple[Benchmark, Benchmark]:
    """The provincial average and the national DTI of a year (see `national_benchmarks`)."""
    return national_benchmarks(queries.published_results(PROVINCE, year=year))


@versioned
def build_overview(unit_code: str, year: int | None = None) -> Overview:
    """Everything the overview shows for a unit (default: the latest year with data)."""
    info = queries.unit(unit_code)
    if info is None:
        raise UnknownSelection(unit_code)
    level = info["kind"]
    results = queries.published_results(level, unit_code=unit_code)
    years = sorted(set(results["year"].astype(int)) | set(queries.available_years()))
    if not years:
        raise UnknownSelection(unit_code)
    year = years[-1] if year is None else year
    if year not in years:
        raise UnknownSelection(str(year))
    current = _result_row(results, year)
    earlier = results[results["year"] < year]
    previous_year = int(earlier["year"].max()) if not earlier.empty else None
    previous = _result_row(results, previous_year) if previous_year is not None else None

    scores = queries.pillar_scores(year, level)
    own = scores[scores["unit_code"] == unit_code].copy()
    own["share"] = own["points"] / own["max_points"]
    totals = unit_totals(own) if not own.empty else pd.DataFrame()
    index_value = _index_of(current)
    if index_value is None and not totals.empty:
        index_value = round_half_up(totals["total"].iloc[0] / totals["max_total"].iloc[0], 4)

    field_results = queries.published_results(level, year=year)
    average, national = national_benchmarks(field_results)
    leading = _leading_units(field_results, set(scores["unit_code"]), unit_code)
    history = results[results["rank"].notna()][["year", "rank", "rank_of", "source"]].reset_index(drop=True)
    computed_from: tuple[str, ...] = ()
    first = reorganisation.ended_first_year(unit_code)
    if first and year >= first:  # a merger's successor: its own history starts at its first ranked year
        history = history[history["year"] >= first].reset_index(drop=True)
        if previous_year is not None and previous_year < first:
            previous, computed_from = _computed_previous(unit_code, previous_year)
    return Overview(
        unit_code=unit_code,
        unit_name_vi=info["name_vi"],
        unit_name_en=info["name_en"],
        level=level,
        year=year,
        years=years,
        index_value=index_value,
        index_source=(current or {}).get("source", ""),
        rank=None if not current or pd.isna(current["rank"]) else int(current["rank"]),
        rank_of=None if not current else int(current["rank_of"]),
        change=change_between(
            previous
            and {"rank": None if pd.isna(previous["rank"]) else int(previous["rank"]), "total": _index_of(previous)},
            current and {"rank": None if pd.isna(current["rank"]) else int(current["rank"]), "total": index_value},
        ),
        previous_year=previous_year,
        pillars=own[worth_points(own)].sort_values("sort_order").reset_index(drop=True),
        comparison=comparison_traces(scores, leading),
        leading_codes=leading.sort_values("rank")["unit_code"].tolist(),
        leading_names=leading.sort_values("rank")["unit_name_vi"].tolist(),
        discrepancies=printed_discrepancies(own, queries.published_indices(year, unit_code)),
        average_index=average.value,
        average_source=average.source,
        average_computed_from=average.computed_from,
        national_index=national.value,
        national_source=national.source,
        rank_history=history,
        weakest=points_lost(own).head(3) if not own.empty else own,
        previous_computed_from=computed_from,
    )


def _computed_previous(unit_code: str, year: int) -> tuple[dict, tuple[str, ...]]:
    """The year before a merger's first ranking, for its successor: no rank (another field), and as value
    the one computed from its predecessors, with their codes; no value where one of them has none."""
    computed = reorganisation.computed_figures(unit_code)
    found = computed[(computed["year"] == year) & (computed["index_code"] == reorganisation.DTI)]
    if found.empty:
        return {"rank": None, "total": None, "max_total": None}, ()
    codes = tuple(found["computed_from"].iloc[0].split(";"))
    return {"rank": None, "total": float(found["value"].iloc[0]), "max_total": 1.0}, codes
