"""A plan's targets as its totals count them: a target the plan lists under two sections (the same
indicator, comparator and value, `twin_of` naming its first listing) is one target. The targets page,
its files and the deck count the same way."""

from __future__ import annotations

import pandas as pd


def counted_once(targets: pd.DataFrame) -> pd.DataFrame:
    """The plan's targets with each listed twice kept once (its first listing): what totals count."""
    return targets[targets["twin_of"] == ""]


def distinct_targets(targets: pd.DataFrame) -> int:
    """How many targets the rows are, a target listed twice counted once (whichever rows are kept)."""
    return len({twin or code for code, twin in zip(targets["target_code"], targets["twin_of"], strict=True)})
