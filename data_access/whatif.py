"""What the what-if simulator starts from: a unit's main indices with its peers' best points, and its
published place in its level with everything a scenario holds fixed.

The level is the one the unit's page uses (`data_access.units`): the units of its kind under its
parent valid that year. Other units count with their *published* totals; for provinces only those
with a published value that year take part (six of 63 in 2022), and the page says so.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data_access import queries
from data_access.cache import versioned
from data_access.models import Plan, Responsibility, Unit
from data_access.pillars import counted_pillars, indicator_points, score_years
from data_access.units import SCORED_KINDS, unit_info, unit_years, year_result
from domain.records import UnitInfo
from domain.vocabulary import PROVINCE, TOTAL_DECIMALS
from domain.whatif import ActionList, Standing, WhatIfSetting, actions, task_actions

RESPONSIBILITY_COLUMNS = ["pillar_code", "target_code", "unit_code", "responsible_name", "duty", "source", "note"]
INDEX_COLUMNS = [
    "pillar_code",
    "pillar_name_vi",
    "pillar_name_en",
    "points",
    "max_points",
    "peer_best",
    "peers_above",
    "peers_at_max",
    "sort_order",
    "source",
]


def peer_indices(scores: pd.DataFrame, code: str) -> pd.DataFrame:
    """The unit's counted main indices with the most a peer scored, how many peers scored more and
    how many reached the maximum (peers: the other units of the level with points that year)."""
    counted = counted_pillars(scores)
    own = counted[counted["unit_code"] == code]
    peers = counted[counted["unit_code"] != code].merge(
        own[["pillar_code", "points"]].rename(columns={"points": "own_points"}), on="pillar_code"
    )
    peers["above"] = peers["points"].round(TOTAL_DECIMALS) > peers["own_points"].round(TOTAL_DECIMALS)
    peers["at_max"] = peers["points"].round(TOTAL_DECIMALS) >= peers["max_points"].round(TOTAL_DECIMALS)
    stats = peers.groupby("pillar_code").agg(
        peer_best=("points", "max"), peers_above=("above", "sum"), peers_at_max=("at_max", "sum")
    )
    frame = own.merge(stats, left_on="pillar_code", right_index=True, how="left")
    frame[["peers_above", "peers_at_max"]] = frame[["peers_above", "peers_at_max"]].fillna(0).astype(int)
    return frame.sort_values("sort_order")[INDEX_COLUMNS].reset_index(drop=True)


TASK_COLUMNS = ["task_code", "pillar_code", "task_name", "points", "max_points", "source"]


def unit_tasks(year: int, level: str, code: str, counted: set[str]) -> pd.DataFrame:
    """The unit's tasks (sub-indicators) with printed points and a known maximum, under its counted
    main indices, in the framework's order; empty where the sources print none."""
    frame = indicator_points(year, level, code)
    frame = frame[frame["points"].notna() & (frame["max_points"].fillna(0) > 0) & frame["pillar_code"].isin(counted)]
    frame = frame.rename(columns={"indicator_code": "task_code", "indicator_name_vi": "task_name"})
    return frame.sort_values(["pillar_sort_order", "sort_order"])[TASK_COLUMNS].reset_index(drop=True)


def level_table(kind: str, parent_code: str | None, year: int) -> pd.DataFrame:
    """The level's published totals that year (units with a value only), on the published scale, best first."""
    if parent_code is None:
        published = queries.published_results(kind, year=year)
    else:
        published = queries.published_results(kind, year=year, parent_code=parent_code)
    published = published[published["total"].notna() & (published["unit_kind"] == kind)]
    columns = [
        "unit_code",
        "unit_name_vi",
        "unit_name_en",
        "total",
        "max_total",
        "rank",
        "rank_of",
        "group_name",
        "source",
    ]
    return published[columns].sort_values(["total", "unit_code"], ascending=[False, True]).reset_index(drop=True)


def _level_scores(info: UnitInfo, year: int) -> pd.DataFrame:
    """The unit's level that year, read as the pages showing that level read it (the reads are
    shared through the cache): the provinces of the year, or the units under the unit's parent."""
    if info.parent_code is None:
        return queries.pillar_scores(year, info.kind)
    return queries.pillar_scores(year, info.kind, info.parent_code)


def _published_rank(code: str, year: int, own: pd.DataFrame) -> int | None:
    """The unit's rank as printed in the level's table; the unit's own shown rank where the table
    has none (a year of computed ranks only)."""
    if not own.empty and pd.notna(own["rank"].iloc[0]):
        return int(own["rank"].iloc[0])
    result = year_result(code, year)
    return result.shown.rank if result is not None else None


@versioned
def whatif_setting(code: str, year: int) -> WhatIfSetting | None:
    """The simulator's starting point for the unit and year; None when the unit has no main-index points then."""
    info = unit_info(code)
    if info is None or info.kind not in SCORED_KINDS:
        return None
    scores = _level_scores(info, year)
    if code not in set(scores["unit_code"]):
        return None
    indices = peer_indices(scores, code)
    max_total = float(indices["max_points"].sum())
    table = level_table(info.kind, info.parent_code, year)
    # Published totals on the points scale: a province's DTI index of 1 is read as points of 1000.
    table["points"] = (table["total"] / table["max_total"].fillna(max_total) * max_total).round(TOTAL_DECIMALS)
    own = table[table["unit_code"] == code]
    computed_total = round(float(indices["points"].sum()), TOTAL_DECIMALS)
    total = float(own["points"].iloc[0]) if not own.empty else computed_total
    others = table[table["unit_code"] != code]
    standing = Standing(
        total=total,
        max_total=max_total,
        others=tuple(float(p) for p in others["points"]),
        thresholds=tuple(queries.group_thresholds(year, info.kind)),
    )
    tasks = unit_tasks(year, info.kind, code, set(indices["pillar_code"]))
    published_max = float(own["max_total"].iloc[0]) if not own.empty and pd.notna(own["max_total"].iloc[0]) else None
    return WhatIfSetting(
        info=info,
        year=year,
        years=sorted(set(unit_years(code)) & set(score_years(info.kind))),
        indices=indices,
        standing=standing,
        table=table,
        published_max=published_max,
        level_size=int(table["rank_of"].max()) if not table.empty else scores["unit_code"].nunique(),
        published_rank=_published_rank(code, year, own),
        sources=[s for s in dict.fromkeys([*table["source"], *indices["source"], *tasks["source"]]) if s],
        tasks=tasks,
    )


@versioned
def responsibilities(province_code: str, year: int) -> tuple[str, str, pd.DataFrame]:
    """The plan of the province for `year` (else the year after it: the plan written once that
    year's results were known) with its responsibilities; empty when neither year has a plan."""
    plans = queries.read_frame(
        select(Plan.id, Plan.code, Plan.title_vi, Plan.year)
        .join(Unit, Plan.unit_id == Unit.id)
        .where(Unit.code == province_code, Plan.year.in_([year, year + 1]))
        .order_by(Plan.year, Plan.code)
    )
    if plans.empty:
        return "", "", pd.DataFrame(columns=RESPONSIBILITY_COLUMNS)
    plan = plans.iloc[0]
    frame = queries.read_frame(
        select(
            Responsibility.pillar_code,
            Responsibility.target_code,
            Unit.code.label("unit_code"),
            Responsibility.responsible_name,
            Responsibility.duty,
            Responsibility.source,
            Responsibility.note,
        )
        .outerjoin(Unit, Responsibility.unit_id == Unit.id)
        .where(Responsibility.plan_id == int(plan["id"]))
        .order_by(Responsibility.sort_order, Responsibility.id)
    )
    return str(plan["code"]), str(plan["title_vi"]), frame


@versioned
def action_list(code: str, year: int) -> ActionList | None:
    """The unit's recommendations for `year`: its main indices by the gain peers prove achievable, with
    who answers for each under the province's plan (for a department or district: the duties the plan
    gives that unit itself or every unit). None when the unit has no main-index points then."""
    setting = whatif_setting(code, year)
    if setting is None:
        return None
    province = code if setting.info.kind == PROVINCE else setting.info.parent_code
    plan_code, plan_title, assigned = responsibilities(province or "", year)
    if setting.info.kind != PROVINCE:
        # A department's or district's list: what the plan gives it, itself or every unit of its kind;
        # the duties it gives other named units are the province's list, not this unit's.
        assigned = assigned[assigned["unit_code"].isna() | (assigned["unit_code"] == code)].reset_index(drop=True)
    return ActionList(
        setting=setting,
        actions=actions(setting.main_indices(), setting.standing),
        responsibilities=assigned,
        plan_code=plan_code,
        plan_title=plan_title,
        task_actions=task_actions(setting.task_list(), setting.main_indices(), setting.standing),
    )
