"""A plan's targets against their actual figures, and the figures two sources disagree on.

Status is computed here, from the comparator, by a pure function: the page never guesses it
from a label. A target's actual is stored as an observation tied to the target and filed under
the target's code as its indicator code (seed/loader.py), so other observations with that code
measure the same indicator as printed by another report or for another period.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import or_, select

from data_access.cache import versioned
from data_access.db import get_engine
from data_access.models import Framework, Observation, Pillar, Plan, Target, Unit
from data_access.queries import read_frame
from domain.projection import Observed, project
from domain.targets import counted_once
from domain.vocabulary import COMPARATORS

STATUSES = ("met", "not_met", "no_data")
# Two values closer than this are the same printed figure (floats read back from the database).
VALUE_DECIMALS = 6


def target_status(actual: float | None, target: float, comparator: str) -> str:
    """`met` / `not_met` from the plan's comparator, `no_data` without an actual figure.

    An unknown comparator is an error, not a guess: a plan must say how its threshold reads.
    """
    if comparator not in COMPARATORS:
        raise ValueError(f"unknown comparator {comparator!r}; expected one of {sorted(COMPARATORS)}")
    if actual is None or (isinstance(actual, float) and math.isnan(actual)):
        return "no_data"
    return "met" if COMPARATORS[comparator](float(actual), float(target)) else "not_met"


def status_counts(statuses: pd.Series) -> dict[str, int]:
    """How many targets are in each status, every status present (zero included)."""
    counted = statuses.value_counts()
    return {status: int(counted.get(status, 0)) for status in STATUSES}


def source_documents(citation: str) -> tuple[str, ...]:
    """The document codes a citation names: `002_….txt; Phần II | 003_….txt; Phụ lục III.2` → (002…, 003…)."""
    parts = (part.strip() for part in (citation or "").split(" | "))
    return tuple(sorted({part.partition("; ")[0] for part in parts if part}))


@versioned
def plan_years() -> list[int]:
    """Years that have a plan, oldest first: the year selector's choices on the targets page."""
    with get_engine().connect() as conn:
        years = conn.execute(select(Plan.year).distinct()).scalars().all()
    return sorted(int(y) for y in years)


@versioned
def plans(year: int, unit_code: str) -> pd.DataFrame:
    """The unit's plans for a year (code, title, source), in the order they were loaded."""
    return read_frame(
        select(Plan.code, Plan.title_vi, Plan.year, Plan.source)
        .join(Unit, Plan.unit_id == Unit.id)
        .where(Plan.year == year, Unit.code == unit_code)
        .order_by(Plan.id)
    )


@versioned
def target_progress(year: int, unit_code: str) -> pd.DataFrame:
    """One row per target of the unit's plans for `year`, with its latest actual figure and status.

    Columns: plan_code, target_code, pillar_code, name_vi, target_value, target_unit, comparator,
    level_detail, due_year, sort_order, source, note, actual, actual_unit, numerator, denominator,
    period, actual_source, actual_note, status.
    """
    statement = (
        select(
            Plan.code.label("plan_code"),
            Target.code.label("target_code"),
            Target.pillar_code,
            Target.name_vi,
            Target.target_value,
            Target.target_unit,
            Target.comparator,
            Target.level_detail,
            Target.due_year,
            Target.sort_order,
            Target.source,
            Target.note,
            Observation.value.label("actual"),
            Observation.value_unit.label("actual_unit"),
            Observation.numerator,
            Observation.denominator,
            Observation.period,
            Observation.source.label("actual_source"),
            Observation.note.label("actual_note"),
        )
        .join(Plan, Target.plan_id == Plan.id)
        .join(Unit, Plan.unit_id == Unit.id)
        .outerjoin(Observation, Observation.target_id == Target.id)
        .where(Plan.year == year, Unit.code == unit_code)
        .order_by(Plan.id, Target.sort_order, Observation.period)
    )
    frame = read_frame(statement)
    # A target measured at several dates shows its latest figure.
    frame = frame.drop_duplicates(["plan_code", "target_code"], keep="last").reset_index(drop=True)
    frame["status"] = [
        target_status(actual, target, comparator)
        for actual, target, comparator in zip(frame["actual"], frame["target_value"], frame["comparator"], strict=True)
    ]
    frame["twin_of"] = twins(frame)
    return with_projections(frame, indicator_series(unit_code, frame["target_code"].tolist()))


# What makes two rows of a plan one target: the same indicator, part, threshold and comparator.
TWIN_KEY = ("name_vi", "level_detail", "target_value", "target_unit", "comparator")


def twins(targets: pd.DataFrame) -> list[str]:
    """For each target, the code of an earlier row of the plan that is the same target, else "".

    A plan may list one target under two sections (Kế hoạch 57's adult smartphone rate sits under
    both Hạ tầng số and Xã hội số): it is still one target, counted once in any total.
    """
    first: dict[tuple, str] = {}
    marks = []
    for row in targets.to_dict("records"):
        key = (row["plan_code"], *(row[column] for column in TWIN_KEY))
        if key in first:
            marks.append(first[key])
        else:
            first[key] = row["target_code"]
            marks.append("")
    return marks


@versioned
def indicator_series(unit_code: str, indicator_codes: list[str]) -> pd.DataFrame:
    """Every dated figure of the unit for these indicators, whatever report printed it.

    Columns: indicator_code, period, value, source, own (1 for a target's own actual, 0 otherwise).
    """
    if not indicator_codes:
        return pd.DataFrame(columns=["indicator_code", "period", "value", "source", "own"])
    frame = read_frame(
        select(
            Observation.indicator_code,
            Observation.period,
            Observation.value,
            Observation.source,
            Observation.target_id,
        )
        .join(Unit, Observation.unit_id == Unit.id)
        .where(Unit.code == unit_code, Observation.indicator_code.in_(indicator_codes))
        .order_by(Observation.indicator_code, Observation.period, Observation.id)
    )
    frame["own"] = frame["target_id"].notna().astype(int)
    return frame.drop(columns="target_id")


def with_projections(targets: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """Each target with its projection at the plan's deadline (domain/projection.py).

    A target's figures are those filed under its code and, for a twin, under its twin's code: the
    same indicator. Its own actual goes first, so a second report of the same date never replaces
    it. Adds projection_status, projected_value, projection_deadline, projection_reason,
    projection_basis (tuple of (period, value, source), oldest first) and projection_mixed (the
    line joins figures of different documents).
    """
    first_listing = targets["twin_of"].where(targets["twin_of"] != "", targets["target_code"])
    same_target = dict(zip(targets["target_code"], first_listing, strict=True))
    pooled = series.assign(group=series["indicator_code"].map(same_target))
    # Own actuals first, then the most recent: `project` keeps the first figure of a date.
    pooled = pooled.sort_values(["own", "period"], ascending=[False, False], kind="stable")
    by_target = {group: rows for group, rows in pooled.groupby("group")}
    results = []
    for row in targets.to_dict("records"):
        rows = by_target.get(same_target[row["target_code"]])
        observed = [] if rows is None else [Observed(r.period, float(r.value), r.source) for r in rows.itertuples()]
        due = row.get("due_year")
        due = None if due is None or pd.isna(due) else int(due)
        floor = 0.0 if row["target_unit"] == "%" else None
        target, comparator = float(row["target_value"]), row["comparator"]
        results.append(project(observed, target=target, comparator=comparator, due_year=due, floor=floor))
    return targets.assign(
        projection_status=[p.status for p in results],
        projected_value=[p.value for p in results],
        projection_deadline=[p.deadline.isoformat() if p.deadline else "" for p in results],
        projection_reason=[p.reason for p in results],
        projection_basis=[tuple((o.period, o.value, o.source) for o in p.used) for p in results],
        # A line through figures from different reports may join two ways of counting: say so.
        projection_mixed=[
            p.projected and len({doc for o in p.used for doc in source_documents(o.source)}) > 1 for p in results
        ],
    )


def at_risk(targets: pd.DataFrame) -> pd.DataFrame:
    """The targets (each once) whose projection misses: off track first, then at risk, plan order."""
    once = counted_once(targets)
    risky = once[once["projection_status"].isin(["off_track", "at_risk"])]
    order = risky["projection_status"].map({"off_track": 0, "at_risk": 1})
    return risky.assign(_order=order).sort_values(["_order", "sort_order"]).drop(columns="_order")


@versioned
def pillar_names(level: str) -> dict[str, dict[str, str]]:
    """Pillar code → {"vi": name, "en": name} from the level's most recent framework that has the pillar."""
    frame = read_frame(
        select(Pillar.code, Pillar.name_vi, Pillar.name_en, Framework.year)
        .join(Framework, Pillar.framework_id == Framework.id)
        .where(Framework.level == level)
        .order_by(Framework.year)
    )
    latest = frame.drop_duplicates("code", keep="last")
    return {row.code: {"vi": row.name_vi, "en": row.name_en or row.name_vi} for row in latest.itertuples()}


@versioned
def indicator_figures(year: int, unit_code: str) -> pd.DataFrame:
    """Every observation of the unit dated in the plan's year or the year before (its baseline).

    `target_code` is set on a target's own actual. Columns: indicator_code, name_vi, pillar_code,
    period, value, value_unit, numerator, denominator, source, note, target_code.
    """
    statement = (
        select(
            Observation.indicator_code,
            Observation.name_vi,
            Observation.pillar_code,
            Observation.period,
            Observation.value,
            Observation.value_unit,
            Observation.numerator,
            Observation.denominator,
            Observation.source,
            Observation.note,
            Target.code.label("target_code"),
        )
        .join(Unit, Observation.unit_id == Unit.id)
        .outerjoin(Target, Observation.target_id == Target.id)
        .where(
            Unit.code == unit_code,
            or_(Observation.period.like(f"{year}%"), Observation.period.like(f"{year - 1}%")),
        )
        .order_by(Observation.indicator_code, Observation.period.desc(), Observation.id)
    )
    frame = read_frame(statement)
    frame["target_code"] = frame["target_code"].fillna("")
    return frame


def other_figures(figures: pd.DataFrame, target_codes: list[str]) -> pd.DataFrame:
    """Observations that measure a target's indicator but are not its actual (another report or date)."""
    others = figures[(figures["target_code"] == "") & figures["indicator_code"].isin(target_codes)]
    return others.reset_index(drop=True)


def source_disagreements(figures: pd.DataFrame) -> pd.DataFrame:
    """Indicators printed with different values by different documents, every figure of each kept.

    Same indicator code, at least two distinct source documents and at least two distinct values:
    a plan's own figure for 2022 against its budget for 2023 (one document) is a change over
    time, not a disagreement, and two reports printing the same number agree.
    """
    if figures.empty:
        return figures.assign(documents=pd.Series(dtype=str))
    framed = figures.assign(documents=[" | ".join(source_documents(s)) for s in figures["source"]])
    grouped = framed.groupby("indicator_code")
    disagreeing = (grouped["documents"].transform("nunique") > 1) & (
        grouped["value"].transform(lambda v: v.round(VALUE_DECIMALS).nunique()) > 1
    )
    kept = framed[disagreeing].copy()
    # Within an indicator: the target's own figure first, then the most recent.
    kept["is_target"] = kept["target_code"] != ""
    kept = kept.sort_values(["indicator_code", "is_target", "period"], ascending=[True, False, False])
    return kept.drop(columns="is_target").reset_index(drop=True)


def in_plan_order(disagreements: pd.DataFrame, target_codes: list[str]) -> pd.DataFrame:
    """Indicators of the plan's targets first, in the plan's order, then the others by code."""
    position = {code: i for i, code in enumerate(target_codes)}
    rank = disagreements["indicator_code"].map(lambda code: position.get(code, len(position)))
    ordered = disagreements.assign(_rank=rank).sort_values(["_rank", "indicator_code"], kind="stable")
    return ordered.drop(columns="_rank").reset_index(drop=True)


class UnknownFilter(LookupError):
    """A filter value the plan does not have; `choices` are the values it does."""

    def __init__(self, name: str, value: str, choices: list[str]):
        super().__init__(f"{name}={value!r} not in {choices}")
        self.name = name
        self.value = value
        self.choices = choices


@dataclass(frozen=True)
class TargetsView:
    """What the targets page shows for one plan year and filter: all the plan's targets (for the
    totals), those the filters keep, other sources' figures for them, and the disagreements."""

    year: int
    plans: pd.DataFrame
    targets: pd.DataFrame
    shown: pd.DataFrame
    others: pd.DataFrame
    disagreements: pd.DataFrame

    @property
    def pillar_codes(self) -> list[str]:
        """The plan's sections, in the plan's order."""
        return self.targets["pillar_code"].drop_duplicates().tolist()


def _checked(name: str, value: str | None, choices: list[str]) -> str | None:
    if value in (None, ""):
        return None
    if value not in choices:
        raise UnknownFilter(name, value, choices)
    return value


def build_targets_view(
    year: int, unit_code: str, *, pillar: str | None = None, status: str | None = None
) -> TargetsView:
    """The unit's plan targets for `year`, filtered by pillar and status (`UnknownFilter` for a value
    the plan does not have). The disagreements follow the pillar filter, not the status one."""
    targets = target_progress(year, unit_code)
    pillar = _checked("pillar", pillar, targets["pillar_code"].drop_duplicates().tolist())
    status = _checked("status", status, list(STATUSES))
    shown = targets
    if pillar:
        shown = shown[shown["pillar_code"] == pillar]
    if status:
        shown = shown[shown["status"] == status]
    figures = indicator_figures(year, unit_code)
    disagreements = in_plan_order(source_disagreements(figures), targets["target_code"].tolist())
    if pillar:
        touching = disagreements.loc[disagreements["pillar_code"] == pillar, "indicator_code"]
        disagreements = disagreements[disagreements["indicator_code"].isin(touching)]
    return TargetsView(
        year=year,
        plans=plans(year, unit_code),
        targets=targets,
        shown=shown.reset_index(drop=True),
        others=other_figures(figures, shown["target_code"].tolist()),
        disagreements=disagreements.reset_index(drop=True),
    )
