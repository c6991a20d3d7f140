"""One unit's report and the units a level's batch of reports covers, read from the same queries as
the unit's page (`data_access.units`), its caveats and its recommendations, so the files say what the
page says."""

from __future__ import annotations

import pandas as pd

from data_access.caveats import pillar_caveats
from data_access.rankings import unit_ranking
from data_access.units import unit_summary
from data_access.whatif import action_list
from domain.changes import history_change
from domain.unit_report import UnitReport
from domain.vocabulary import PROVINCE, SUB_LEVELS


def unit_report(code: str, year: int) -> UnitReport | None:
    """The report of `code` for `year`; None when the unit has no result that year."""
    summary = unit_summary(code, year)
    if summary is None:
        return None
    kind = summary.info.kind
    return UnitReport(
        summary=summary,
        caveats=pillar_caveats(code, year, kind),
        change=history_change(summary.history, year, as_index=kind == PROVINCE),
        actions=action_list(code, year) if not summary.pillars.empty else None,
    )


def level_members(parent_code: str, level: str, year: int) -> pd.DataFrame:
    """The units a level's batch covers: every department or district of the province ranked in
    `year` (`unit_code`, `unit_name_vi`, `unit_name_en`), in rank order as the rankings page lists them."""
    if level not in SUB_LEVELS:
        raise ValueError(f"not a sub-unit level: {level!r}")
    table = unit_ranking(parent_code, level, year).table
    return table[["unit_code", "unit_name_vi", "unit_name_en"]].reset_index(drop=True)
