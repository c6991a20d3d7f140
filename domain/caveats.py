"""What qualifies a figure: the source's own discrepancies and the attributions inferred by the
transcriber. Kept with the figures so every page, slide and export that shows them can say so."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from domain.vocabulary import INFERRED_MAPPING


@dataclass
class PillarCaveats:
    """A unit's caveats for one year: `discrepancies` as `data_access.overview.printed_discrepancies`
    returns them (pillar, points, maximum, computed and printed share, the source's note) and
    `inferred` the pillars whose points were attributed by inference (code, names, note)."""

    discrepancies: pd.DataFrame = field(default_factory=pd.DataFrame)
    inferred: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def inferred_codes(self) -> set[str]:
        return set(self.inferred["pillar_code"]) if not self.inferred.empty else set()


def inferred_pillars(pillars: pd.DataFrame) -> pd.DataFrame:
    """The rows of `pillars` (with a `note`) whose attribution to the pillar was inferred."""
    if pillars.empty or "note" not in pillars:
        return pillars.iloc[0:0]
    return pillars[pillars["note"].fillna("").str.startswith(INFERRED_MAPPING)]
