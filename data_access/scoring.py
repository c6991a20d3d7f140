"""Scoring as pure functions: frames and numbers in, frames and numbers out.

Nothing here touches the database, so the rules (competition ranks, groups from a
framework's thresholds, changes, reconciliation) are tested directly against the published
tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from domain.ranking import rank_with_ties
from domain.records import Change
from domain.vocabulary import TOTAL_DECIMALS, TOTAL_TOLERANCE, Threshold, threshold_for_share


def round_half_up(value: float, digits: int) -> float:
    """Round as the publications do (0,63845 → 0,6385), not banker's rounding on a float."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def share_of_max(points: float, max_points: float) -> float | None:
    """Points as a share (0..1) of the maximum; None for a pillar worth nothing."""
    if not max_points:
        return None
    return points / max_points


def worth_points(pillar_scores: pd.DataFrame) -> pd.Series:
    """Which rows are pillars the total is made of: counted, with a maximum above 0. A pillar measured
    but worth no points (2022's "Đô thị thông minh") has no share of a maximum to draw or rank."""
    return pillar_scores["counts_in_total"].astype(bool) & (pillar_scores["max_points"] > 0)


def unit_totals(pillar_scores: pd.DataFrame) -> pd.DataFrame:
    """Totals per unit from tidy pillar scores.

    Expects columns `unit_code`, `points`, `max_points`, `counts_in_total`; pillars that do
    not count (2022's "Đô thị thông minh") are left out of both the total and the maximum.
    """
    counted = pillar_scores[pillar_scores["counts_in_total"].astype(bool)]
    totals = (
        counted.groupby("unit_code", sort=False)
        .agg(total=("points", "sum"), max_total=("max_points", "sum"))
        .reset_index()
    )
    totals["total"] = totals["total"].round(TOTAL_DECIMALS)
    return totals


def rank_table(pillar_scores: pd.DataFrame, thresholds: Sequence[Threshold]) -> pd.DataFrame:
    """Totals, share of the maximum, competition rank and group, best unit first."""
    return ranked_totals(unit_totals(pillar_scores), thresholds)


def ranked_totals(totals: pd.DataFrame, thresholds: Sequence[Threshold]) -> pd.DataFrame:
    """`rank_table` from totals already summed (`unit_code`, `total`, `max_total`, as `unit_totals`
    gives them), for callers that sum in SQL rather than read every pillar's points."""
    table = totals.copy()
    table["share"] = table["total"] / table["max_total"]
    table["rank"] = rank_with_ties(table["total"].tolist())
    earned = [threshold_for_share(s, thresholds) for s in table["share"]]
    table["group"] = [t.group if t else None for t in earned]
    table["group_code"] = [t.code if t else None for t in earned]
    return table.sort_values(["rank", "unit_code"]).reset_index(drop=True)


def points_lost(pillar_scores: pd.DataFrame) -> pd.DataFrame:
    """Each counted pillar's points below its maximum, the largest loss first."""
    counted = pillar_scores[pillar_scores["counts_in_total"].astype(bool)].copy()
    counted["lost"] = (counted["max_points"] - counted["points"]).round(TOTAL_DECIMALS)
    counted["share"] = counted["points"] / counted["max_points"]
    return counted.sort_values(["lost", "sort_order"], ascending=[False, True]).reset_index(drop=True)


def change_between(previous: dict | None, current: dict | None) -> Change:
    """The change from one year's result to the next (`total` and `rank` keys, either may be None)."""
    previous = previous or {}
    current = current or {}
    return Change(
        previous_rank=previous.get("rank"),
        current_rank=current.get("rank"),
        previous_total=previous.get("total"),
        current_total=current.get("total"),
    )


def reconcile(computed: pd.DataFrame, published: pd.DataFrame, *, tolerance: float = TOTAL_TOLERANCE) -> pd.DataFrame:
    """Computed against published results, one row per unit, with what differs and why.

    `computed` has `unit_code, total, rank, group`; `published` has `unit_code, total, rank,
    group, median_method`. A difference is shown, never hidden: `reason` says "median_method"
    where the source marks the unit as scored by the median method, "differs" otherwise.
    """
    merged = computed.merge(published, on="unit_code", how="outer", suffixes=("_computed", "_published"))
    merged["total_diff"] = (merged["total_computed"] - merged["total_published"]).round(TOTAL_DECIMALS)
    merged["total_matches"] = merged["total_diff"].abs() <= tolerance
    merged["rank_matches"] = merged["rank_computed"] == merged["rank_published"]
    merged["group_matches"] = merged["group_computed"] == merged["group_published"]
    agrees = merged["total_matches"] & merged["rank_matches"] & merged["group_matches"]
    median = merged["median_method"].fillna(False).astype(bool)
    merged["reason"] = ""
    merged.loc[~agrees & median, "reason"] = "median_method"
    merged.loc[~agrees & ~median, "reason"] = "differs"
    return merged
