"""The ranking rules as plain functions: competition ranks with shared ties, the next group up.

Kept in the domain (no pandas, no database) because three places must agree to the hundredth:
the published-table checks, the unit's page and the what-if simulator, whose browser twin
(assets/whatif.js) reproduces these same rules and is tested against them.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence

from domain.records import NextGroup
from domain.vocabulary import TOTAL_DECIMALS, Threshold, group_for_share


def rank_with_ties(totals: Sequence[float]) -> list[int]:
    """Competition ranking, highest first: equal totals share a rank ("1, 2, 2, 4").

    A unit's rank is one more than the number of totals above it, counted by a binary search in the
    sorted totals: a level of a hundred communes is ranked in n log n steps, not n². A missing total
    (NaN) is above nobody and ranks first, as comparing with it never says "greater"."""
    rounded = [round(float(t), TOTAL_DECIMALS) for t in totals]
    ascending = sorted(t for t in rounded if not math.isnan(t))
    return [1 if math.isnan(t) else 1 + len(ascending) - bisect_right(ascending, t) for t in rounded]


def rank_among(total: float, others: Sequence[float]) -> int:
    """The rank `total` takes among the `others` held fixed, ties shared as `rank_with_ties` shares them."""
    return rank_with_ties([total, *others])[0]


def points_up_to(target: float, total: float) -> float:
    """The points from `total` to `target`, rounded up to the hundredth the sources print (never below it)."""
    return math.ceil(round((target - total) * 100, TOTAL_DECIMALS)) / 100


def next_group(total: float | None, max_total: float | None, thresholds: Sequence[Threshold]) -> NextGroup | None:
    """The group the total earns and the points missing to reach the next one up (rounded up to 0,01).

    None when the framework has no thresholds or the total is unknown; `group` None at the top group.
    """
    if not thresholds or total is None or not max_total:
        return None
    share = total / max_total
    current = group_for_share(share, thresholds)
    above = [t for t in thresholds if t.min_share > round(share, TOTAL_DECIMALS)]
    if not above:
        return NextGroup(current=current, group=None, min_share=None, target_points=None, missing_points=None)
    target = min(above, key=lambda t: t.min_share)
    target_points = round(target.min_share * max_total, TOTAL_DECIMALS)
    return NextGroup(
        current=current,
        group=target.group,
        min_share=target.min_share,
        target_points=target_points,
        missing_points=points_up_to(target_points, total),
    )
