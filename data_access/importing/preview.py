"""What an import would write, shown before anything is written.

For unit scores: the totals, ranks and groups the app computes from the file's points, beside
the published ones the file carries, so a difference is seen before it reaches the dashboard.
Other datasets preview their rows as they will be stored.
"""

from __future__ import annotations

import pandas as pd

from data_access.importing import formats as f
from data_access.importing.catalogue import Catalogue
from data_access.importing.validation import Validated
from data_access.scoring import TOTAL_DECIMALS, rank_with_ties
from domain.vocabulary import Threshold, group_for_share, printed_total_agrees

# Datasets kept in modules of their own register their preview here: dataset → (records key, columns).
ROW_COLUMNS: dict[str, tuple[str, tuple[f.Column, ...]]] = {}

SCORE_PREVIEW_COLUMNS = [
    "unit_code",
    "unit_name",
    "total_computed",
    "total_published",
    "rank_computed",
    "rank_published",
    "group_computed",
    "group_published",
    "median_method",
    "differs",
]


def score_preview(validated: Validated, catalogue: Catalogue) -> pd.DataFrame:
    """One row per unit: computed total, rank (competition ranking among the level's units, ties shared)
    and group (the framework's thresholds), beside the published ones; `differs` marks a disagreement."""
    records = validated.records
    framework = catalogue.framework(records.get("year"), records.get("level"))
    if framework is None:
        return pd.DataFrame(columns=SCORE_PREVIEW_COLUMNS)
    thresholds = [Threshold(group=name, min_share=share) for name, share in framework.thresholds]
    maximum = framework.max_total
    rows = []
    for record in records["units"]:
        unit = catalogue.units[record["unit_code"]]
        total = None
        if record["points"]:
            total = round(
                sum(v for c, v in record["points"].items() if framework.pillars[c].counts_in_total), TOTAL_DECIMALS
            )
        rows.append(
            {
                "unit_code": unit.code,
                "unit_name": unit.name_vi,
                "kind": unit.kind,
                "total_computed": total,
                "total_published": record["published_total"],
                "rank_published": record["published_rank"],
                "group_published": record["published_group"] or None,
                "median_method": record["median_method"],
            }
        )
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=SCORE_PREVIEW_COLUMNS)
    ranked = frame["total_computed"].notna() & (frame["kind"] == framework.level)
    frame["rank_computed"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    frame.loc[ranked, "rank_computed"] = rank_with_ties(frame.loc[ranked, "total_computed"].tolist())
    frame["group_computed"] = [
        group_for_share(total / maximum, thresholds) if pd.notna(total) and maximum and thresholds else None
        for total in frame["total_computed"]
    ]
    frame["rank_published"] = frame["rank_published"].astype("Int64")
    printed_max = {r["unit_code"]: r["published_max"] for r in records["units"]}
    differs = []
    for row in frame.itertuples():
        total_differs = (
            pd.notna(row.total_computed)
            and pd.notna(row.total_published)
            and not printed_total_agrees(row.total_computed, maximum, row.total_published, printed_max[row.unit_code])
        )
        rank_differs = (
            pd.notna(row.rank_computed) and pd.notna(row.rank_published) and row.rank_computed != row.rank_published
        )
        group_differs = bool(row.group_computed and row.group_published and row.group_computed != row.group_published)
        differs.append(bool(total_differs or rank_differs or group_differs))
    frame["differs"] = differs
    order = frame["rank_computed"].fillna(frame["rank_published"]).astype("Float64").fillna(10**9)
    return frame.assign(_order=order).sort_values(["_order", "unit_code"])[SCORE_PREVIEW_COLUMNS].reset_index(drop=True)


def rows_preview(validated: Validated) -> pd.DataFrame:
    """The records of a framework, plan, observations, units, responsibilities or regions file as they
    will be stored, under the template's Vietnamese headers."""
    records = validated.records
    if validated.dataset == f.FRAMEWORK:
        rows, columns = records.get("pillars", []), f.FRAMEWORK_COLUMNS
    elif validated.dataset == f.TARGETS:
        rows, columns = records.get("targets", []), f.TARGET_COLUMNS
    elif validated.dataset == f.OBSERVATIONS:
        rows, columns = records.get("observations", []), f.OBSERVATION_COLUMNS
    elif validated.dataset == f.UNITS:
        rows, columns = records.get("units", []), f.UNIT_COLUMNS
    elif validated.dataset == f.RESPONSIBILITIES:
        rows, columns = records.get("responsibilities", []), f.RESPONSIBILITY_COLUMNS
    elif validated.dataset in ROW_COLUMNS:
        key, columns = ROW_COLUMNS[validated.dataset]
        rows = records.get(key, [])
    elif validated.dataset == f.REGIONS:
        rows, columns = records.get("regions", []), f.REGION_COLUMNS
    elif validated.dataset == f.INDICES:
        rows, columns = records.get("indices", []), f.INDEX_COLUMNS
    elif validated.dataset == f.TASKS:
        rows = [
            {**task, **result}
            for task in records.get("tasks", [])
            for result in task["results"] or [{"unit_code": None}]
        ]
        columns = f.TASK_COLUMNS
    elif validated.dataset == f.SOURCES:
        rows, columns = records.get("sources", []), f.SOURCE_COLUMNS
    else:
        return pd.DataFrame()
    shown = [c for c in columns if any(c.key in row for row in rows)]
    return pd.DataFrame([[row.get(c.key) for c in shown] for row in rows], columns=[c.header for c in shown])


def preview(validated: Validated, catalogue: Catalogue) -> pd.DataFrame:
    if validated.dataset == f.SCORES:
        return score_preview(validated, catalogue)
    return rows_preview(validated)
