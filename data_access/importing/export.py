"""Every dataset read back from the database as the template's sheets (a round trip).

A frame per sheet, with the template's headers in the template's order: written to Excel it is
the filled-in template; imported again unchanged it writes the same figures.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from data_access.importing import formats as f
from data_access.models import (
    Framework,
    GroupThreshold,
    Indicator,
    IndicatorScore,
    Observation,
    Pillar,
    PillarScore,
    Plan,
    PublishedIndex,
    PublishedResult,
    RegionMember,
    Responsibility,
    Source,
    Target,
    Unit,
)

Tables = dict[str, pd.DataFrame]
# Datasets kept in modules of their own register their export here (dataset → tables of a scope), and
# those with a single scope ({}) are listed for export whenever the catalogue is.
EXTRA_TABLES: dict[str, Callable[[Session, dict], Tables]] = {}
ALWAYS_LISTED: list[str] = []


def _frame(columns: tuple[f.Column, ...], records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        [[record.get(c.key) for c in columns] for record in records], columns=[c.header for c in columns], dtype=object
    )


def _flag(value: bool) -> str:
    return "x" if value else ""


def framework_tables(session: Session, year: int, level: str) -> Tables:
    pillars = session.execute(
        select(Pillar)
        .join(Framework, Pillar.framework_id == Framework.id)
        .where(Framework.year == year, Framework.level == level)
        .order_by(Pillar.sort_order, Pillar.code)
    ).scalars()
    pillar_records = [
        {
            "year": year,
            "level": level,
            "code": p.code,
            "name_vi": p.name_vi,
            "name_en": p.name_en,
            "pillar_group": p.pillar_group,
            "max_points": p.max_points,
            "n_indicators": p.n_indicators,
            "counts_in_total": _flag(p.counts_in_total),
            "sort_order": p.sort_order,
            "source": p.source,
            "note": p.note,
        }
        for p in pillars
    ]
    groups = session.execute(
        select(GroupThreshold)
        .join(Framework, GroupThreshold.framework_id == Framework.id)
        .where(Framework.year == year, Framework.level == level)
        .order_by(GroupThreshold.min_share.desc())
    ).scalars()
    group_records = [
        {
            "year": year,
            "level": level,
            "group_code": g.group_code,
            "name_vi": g.name_vi,
            "name_en": g.name_en,
            "min_share": g.min_share,
            "source": g.source,
            "note": g.note,
        }
        for g in groups
    ]
    return {
        f.FRAMEWORK_SHEET: _frame(f.FRAMEWORK_COLUMNS, pillar_records),
        f.GROUPS_SHEET: _frame(f.GROUP_COLUMNS, group_records),
    }


def join_per_pillar(values: dict[str, str], codes: list[str]) -> str:
    """One text for the row when every pillar has the same, else one "[code] text" line per pillar."""
    distinct = {values.get(code, "") for code in codes}
    if len(distinct) <= 1:
        return distinct.pop() if distinct else ""
    return "\n".join(f"[{code}] {values[code]}" for code in codes if values.get(code))


def scores_tables(session: Session, year: int, level: str) -> Tables:
    """One row per unit with points or a published result, best published rank first."""
    pillars = session.execute(
        select(Pillar.id, Pillar.code, Pillar.name_vi)
        .join(Framework, Pillar.framework_id == Framework.id)
        .where(Framework.year == year, Framework.level == level)
        .order_by(Pillar.sort_order, Pillar.code)
    ).all()
    codes = [p.code for p in pillars]
    units: dict[str, dict] = {}

    def unit_row(code: str, name: str) -> dict:
        return units.setdefault(
            code,
            {"year": year, "level": level, "unit_code": code, "unit_name": name, "points": {}, "src": {}, "notes": {}},
        )

    for row in session.execute(
        select(
            Unit.code,
            Unit.name_vi,
            Pillar.code.label("pillar"),
            PillarScore.points,
            PillarScore.source,
            PillarScore.note,
        )
        .join(Pillar, PillarScore.pillar_id == Pillar.id)
        .join(Framework, Pillar.framework_id == Framework.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
        .where(Framework.year == year, Framework.level == level)
    ):
        record = unit_row(row.code, row.name_vi)
        record["points"][row.pillar] = row.points
        record["src"][row.pillar] = row.source
        record["notes"][row.pillar] = row.note
    for result, code, name in session.execute(
        select(PublishedResult, Unit.code, Unit.name_vi)
        .join(Unit, PublishedResult.unit_id == Unit.id)
        .where(PublishedResult.year == year, PublishedResult.level == level)
    ):
        unit_row(code, name).update(
            published_total=result.total,
            published_max=result.max_total,
            published_rank=result.rank,
            published_group=result.group_name,
            median_method=_flag(result.median_method),
            published_source=result.source,
            published_note=result.note,
        )
    ordered = sorted(
        units.values(), key=lambda r: (r.get("published_rank") is None, r.get("published_rank") or 0, r["unit_code"])
    )
    headers = [c.header for c in f.SCORE_LEAD_COLUMNS]
    headers += [f.pillar_header(p.code, p.name_vi) for p in pillars]
    headers += [c.header for c in f.SCORE_TAIL_COLUMNS]
    rows = []
    for record in ordered:
        record["score_source"] = join_per_pillar(record["src"], codes) if record["points"] else ""
        record["score_note"] = join_per_pillar(record["notes"], codes) if record["points"] else ""
        rows.append(
            [record.get(c.key) for c in f.SCORE_LEAD_COLUMNS]
            + [record["points"].get(code) for code in codes]
            + [record.get(c.key) for c in f.SCORE_TAIL_COLUMNS]
        )
    return {f.SCORES_SHEET: pd.DataFrame(rows, columns=headers, dtype=object)}


def targets_tables(session: Session, plan_code: str) -> Tables:
    issuer = aliased(Unit)
    records = []
    for target, plan, unit_code in session.execute(
        select(Target, Plan, issuer.code)
        .join(Plan, Target.plan_id == Plan.id)
        .outerjoin(issuer, Plan.unit_id == issuer.id)
        .where(Plan.code == plan_code)
        .order_by(Target.sort_order, Target.id)
    ):
        records.append(
            {
                "plan_code": plan.code,
                "plan_title": plan.title_vi,
                "plan_year": plan.year,
                "plan_unit": unit_code,
                "plan_source": plan.source,
                "code": target.code,
                "pillar_code": target.pillar_code,
                "name_vi": target.name_vi,
                "target_value": target.target_value,
                "target_unit": target.target_unit,
                "comparator": target.comparator,
                "level_detail": target.level_detail,
                "due_year": target.due_year,
                "source": target.source,
                "note": target.note,
            }
        )
    return {f.TARGETS_SHEET: _frame(f.TARGET_COLUMNS, records)}


def observations_tables(session: Session, unit_codes: list[str] | None = None) -> Tables:
    statement = (
        select(
            Observation, Unit.code.label("unit_code"), Target.code.label("target_code"), Plan.code.label("plan_code")
        )
        .outerjoin(Unit, Observation.unit_id == Unit.id)
        .outerjoin(Target, Observation.target_id == Target.id)
        .outerjoin(Plan, Target.plan_id == Plan.id)
        .order_by(Observation.id)
    )
    if unit_codes is not None:
        statement = statement.where(Unit.code.in_(unit_codes))
    records = []
    for observation, unit_code, target_code, plan_code in session.execute(statement):
        records.append(
            {
                "indicator_code": observation.indicator_code,
                "name_vi": observation.name_vi,
                "pillar_code": observation.pillar_code,
                "period": observation.period,
                "value": observation.value,
                "value_unit": observation.value_unit,
                "numerator": observation.numerator,
                "denominator": observation.denominator,
                "unit_code": unit_code,
                "plan_code": plan_code or "",
                "target_code": target_code or "",
                "source": observation.source,
                "note": observation.note,
            }
        )
    return {f.OBSERVATIONS_SHEET: _frame(f.OBSERVATION_COLUMNS, records)}


def units_tables(session: Session) -> Tables:
    parent, successor = aliased(Unit), aliased(Unit)
    records = []
    for unit, parent_code, successor_code in session.execute(
        select(Unit, parent.code, successor.code)
        .outerjoin(parent, Unit.parent_id == parent.id)
        .outerjoin(successor, Unit.successor_id == successor.id)
        .order_by(Unit.id)
    ):
        records.append(
            {
                "code": unit.code,
                "name_vi": unit.name_vi,
                "name_en": unit.name_en,
                "kind": unit.kind,
                "parent_code": parent_code,
                "valid_from": unit.valid_from,
                "valid_to": unit.valid_to,
                "successor_code": successor_code,
                "source": unit.source,
                "note": unit.note,
            }
        )
    return {f.UNITS_SHEET: _frame(f.UNIT_COLUMNS, records)}


def responsibilities_tables(session: Session, plan_code: str) -> Tables:
    records = [
        {
            "plan_code": plan_code,
            "pillar_code": r.pillar_code,
            "target_code": r.target_code,
            "unit_code": unit_code,
            "responsible_name": r.responsible_name,
            "duty": r.duty,
            "source": r.source,
            "note": r.note,
        }
        for r, unit_code in session.execute(
            select(Responsibility, Unit.code)
            .join(Plan, Responsibility.plan_id == Plan.id)
            .outerjoin(Unit, Responsibility.unit_id == Unit.id)
            .where(Plan.code == plan_code)
            .order_by(Responsibility.sort_order, Responsibility.id)
        )
    ]
    return {f.RESPONSIBILITIES_SHEET: _frame(f.RESPONSIBILITY_COLUMNS, records)}


def regions_tables(session: Session) -> Tables:
    records = [
        {
            "region_code": r.region_code,
            "region_name_vi": r.region_name_vi,
            "region_name_en": r.region_name_en,
            "sort_order": r.sort_order,
            "unit_code": unit_code,
            "source": r.source,
            "note": r.note,
        }
        for r, unit_code in session.execute(
            select(RegionMember, Unit.code)
            .join(Unit, RegionMember.unit_id == Unit.id)
            .order_by(RegionMember.sort_order, Unit.code)
        )
    ]
    return {f.REGIONS_SHEET: _frame(f.REGION_COLUMNS, records)}


def indices_tables(session: Session, year: int) -> Tables:
    """A year's published province-level indices (trụ cột and main indices), each with its rank."""
    records = [
        {
            "year": year,
            "unit_code": code,
            "unit_name": name,
            "index_code": row.index_code,
            "value": row.value,
            "rank": row.rank,
            "source": row.source,
            "note": row.note,
        }
        for row, code, name in session.execute(
            select(PublishedIndex, Unit.code, Unit.name_vi)
            .join(Unit, PublishedIndex.unit_id == Unit.id)
            .where(PublishedIndex.year == year)
            .order_by(PublishedIndex.id)
        )
    ]
    return {f.INDICES_SHEET: _frame(f.INDEX_COLUMNS, records)}


def tasks_tables(session: Session, year: int, level: str) -> Tables:
    """A framework's tasks (sub-indices) in order, one row per unit result; a task without any result
    is one row with no unit, so it survives the round trip."""
    indicators = session.execute(
        select(Indicator, Pillar.code)
        .join(Pillar, Indicator.pillar_id == Pillar.id)
        .join(Framework, Pillar.framework_id == Framework.id)
        .where(Framework.year == year, Framework.level == level)
        .order_by(Indicator.sort_order, Indicator.id)
    ).all()
    results: dict[int, list[tuple[IndicatorScore, str]]] = {}
    for score, code in session.execute(
        select(IndicatorScore, Unit.code)
        .join(Unit, IndicatorScore.unit_id == Unit.id)
        .where(IndicatorScore.indicator_id.in_([i.id for i, _ in indicators]))
        .order_by(IndicatorScore.id)
    ):
        results.setdefault(score.indicator_id, []).append((score, code))
    records = []
    for indicator, pillar_code in indicators:
        task = {
            "year": year,
            "level": level,
            "pillar_code": pillar_code,
            "code": indicator.code,
            "name_vi": indicator.name_vi,
            "target_text": indicator.target_text,
            "max_points": indicator.max_points,
        }
        for score, unit_code in results.get(indicator.id) or [(None, None)]:
            records.append(
                {
                    **task,
                    "unit_code": unit_code,
                    "value": score.value if score else None,
                    "value_unit": score.value_unit if score else None,
                    "points": score.points if score else None,
                    "source": score.source if score else indicator.source,
                    "note": score.note if score else indicator.note,
                }
            )
    return {f.TASKS_SHEET: _frame(f.TASK_COLUMNS, records)}


def sources_tables(session: Session) -> Tables:
    records = [
        {c.key: getattr(source, c.key) for c in f.SOURCE_COLUMNS}
        for source in session.scalars(select(Source).order_by(Source.id))
    ]
    return {f.SOURCES_SHEET: _frame(f.SOURCE_COLUMNS, records)}


def dataset_tables(session: Session, dataset: str, scope: dict) -> Tables:
    """The dataset named by `dataset` and `scope` (year and level, plan, units) as template sheets."""
    if dataset == f.FRAMEWORK:
        return framework_tables(session, scope["year"], scope["level"])
    if dataset == f.SCORES:
        return scores_tables(session, scope["year"], scope["level"])
    if dataset == f.TARGETS:
        return targets_tables(session, scope["plan"])
    if dataset == f.OBSERVATIONS:
        return observations_tables(session, scope.get("units"))
    if dataset == f.UNITS:
        return units_tables(session)
    if dataset == f.RESPONSIBILITIES:
        return responsibilities_tables(session, scope["plan"])
    if dataset in EXTRA_TABLES:
        return EXTRA_TABLES[dataset](session, scope)
    if dataset == f.REGIONS:
        return regions_tables(session)

    if dataset == f.INDICES:
        return indices_tables(session, scope["year"])
    if dataset == f.TASKS:
        return tasks_tables(session, scope["year"], scope["level"])
    if dataset == f.SOURCES:
        return sources_tables(session)
    raise ValueError(f"unknown dataset {dataset!r}")


def row_count(tables: Tables) -> int:
    return sum(len(frame) for frame in tables.values())


def datasets_available(session: Session) -> list[tuple[str, dict]]:
    """Every dataset in the database with its scope, for the export list: frameworks and scores per
    year and level, plans, observations, units."""
    found: list[tuple[str, dict]] = []
    for year, level in session.execute(
        select(Framework.year, Framework.level).order_by(Framework.year, Framework.level)
    ):
        found.append((f.FRAMEWORK, {"year": year, "level": level}))
    scored = select(Framework.year, Framework.level).join(Pillar).join(PillarScore)
    published = select(PublishedResult.year, PublishedResult.level)
    for year, level in sorted(set(session.execute(scored.union(published)).all())):
        found.append((f.SCORES, {"year": int(year), "level": level}))
    for (code,) in session.execute(select(Plan.code).order_by(Plan.year, Plan.code)):
        found.append((f.TARGETS, {"plan": code}))
    found.append((f.OBSERVATIONS, {}))
    found.append((f.UNITS, {}))
    assigned = select(Plan.code).join(Responsibility, Responsibility.plan_id == Plan.id).distinct()
    for (code,) in session.execute(assigned.order_by(Plan.code)):
        found.append((f.RESPONSIBILITIES, {"plan": code}))
    found += [(dataset, {}) for dataset in ALWAYS_LISTED]
    if session.scalar(select(func.count()).select_from(RegionMember)):
        found.append((f.REGIONS, {}))

    for (year,) in session.execute(select(PublishedIndex.year).distinct().order_by(PublishedIndex.year)):
        found.append((f.INDICES, {"year": int(year)}))
    with_tasks = select(Framework.year, Framework.level).join(Pillar).join(Indicator).distinct()
    for year, level in session.execute(with_tasks.order_by(Framework.year, Framework.level)):
        found.append((f.TASKS, {"year": int(year), "level": level}))
    found.append((f.SOURCES, {}))
    return found
