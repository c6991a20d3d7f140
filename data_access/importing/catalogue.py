"""What validation needs to know from the database, read in a handful of queries.

Units, frameworks with their pillars and thresholds, the points already stored on each pillar,
and the plans with their targets: enough to check a file without a query per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from data_access.models import (
    Framework,
    GroupThreshold,
    Indicator,
    Observation,
    Pillar,
    PillarScore,
    Plan,
    PublishedResult,
    Reorganisation,
    Target,
    Unit,
)


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name_vi: str
    kind: str
    parent_code: str | None
    valid_from: int | None
    valid_to: int | None
    successor_code: str | None

    def valid_in(self, year: int) -> bool:
        return (self.valid_from is None or self.valid_from <= year) and (self.valid_to is None or self.valid_to >= year)


@dataclass(frozen=True)
class PillarInfo:
    id: int
    code: str
    name_vi: str
    max_points: float
    counts_in_total: bool
    sort_order: int
    n_scores: int
    highest: float | None
    # sub-indices stored under the pillar (deleting the pillar deletes them and their scores)
    n_subindices: int = 0


@dataclass
class FrameworkInfo:
    id: int
    year: int
    level: str
    pillars: dict[str, PillarInfo] = field(default_factory=dict)
    thresholds: list[tuple[str, float]] = field(default_factory=list)

    @property
    def ordered(self) -> list[PillarInfo]:
        return sorted(self.pillars.values(), key=lambda p: p.sort_order)

    @property
    def max_total(self) -> float:
        return sum(p.max_points for p in self.pillars.values() if p.counts_in_total)


@dataclass
class Catalogue:
    units: dict[str, UnitInfo]
    frameworks: dict[tuple[int, str], FrameworkInfo]
    plans: dict[str, set[str]]
    pillar_codes: set[str]
    # unit code → the levels it holds scores or published results in (a unit's kind must keep matching them)
    scored_levels: dict[str, set[str]] = field(default_factory=dict)
    # (unit code, year, level) → how many pillar scores the unit has stored in that framework
    stored_scores: dict[tuple[str, int, str], int] = field(default_factory=dict)
    # unit code → the years it holds pillar scores or published results in (at any level)
    result_years: dict[str, set[int]] = field(default_factory=dict)
    # the stored reorganisations: an ended unit's code → (its successor, the successor's first ranked year),
    # and the codes the mapping keeps (a successor keeping its code, an unchanged unit)
    ended: dict[str, tuple[str, int]] = field(default_factory=dict)
    continuing: set[str] = field(default_factory=set)
    # an ended unit's code → the date (ISO) from which it no longer exists: no unit answers to it after
    ended_on: dict[str, str] = field(default_factory=dict)
    # a unit divided among several successors (a district whose area went to several communes) → the
    # first ranked year of its successors: it ends with no successor of its own
    divided: dict[str, int] = field(default_factory=dict)

    def framework(self, year: int, level: str) -> FrameworkInfo | None:
        return self.frameworks.get((year, level))


def load_catalogue(conn: Connection) -> Catalogue:
    parent, successor = aliased(Unit), aliased(Unit)
    units = {
        row.code: UnitInfo(
            row.id, row.code, row.name_vi, row.kind, row.parent_code, row.valid_from, row.valid_to, row.successor_code
        )
        for row in conn.execute(
            select(
                Unit.id,
                Unit.code,
                Unit.name_vi,
                Unit.kind,
                parent.code.label("parent_code"),
                Unit.valid_from,
                Unit.valid_to,
                successor.code.label("successor_code"),
            )
            .outerjoin(parent, Unit.parent_id == parent.id)
            .outerjoin(successor, Unit.successor_id == successor.id)
        )
    }
    frameworks = {
        (row.year, row.level): FrameworkInfo(row.id, row.year, row.level)
        for row in conn.execute(select(Framework.id, Framework.year, Framework.level))
    }
    by_id = {f.id: f for f in frameworks.values()}
    stored = (
        select(
            PillarScore.pillar_id,
            func.count(PillarScore.id).label("n_scores"),
            func.max(PillarScore.points).label("highest"),
        )
        .group_by(PillarScore.pillar_id)
        .subquery()
    )
    subindices = {
        pillar_id: n
        for pillar_id, n in conn.execute(
            select(Indicator.pillar_id, func.count(Indicator.id)).group_by(Indicator.pillar_id)
        )
    }
    for row in conn.execute(
        select(
            Pillar.id,
            Pillar.framework_id,
            Pillar.code,
            Pillar.name_vi,
            Pillar.max_points,
            Pillar.counts_in_total,
            Pillar.sort_order,
            stored.c.n_scores,
            stored.c.highest,
        ).outerjoin(stored, stored.c.pillar_id == Pillar.id)
    ):
        by_id[row.framework_id].pillars[row.code] = PillarInfo(
            row.id,
            row.code,
            row.name_vi,
            float(row.max_points),
            bool(row.counts_in_total),
            int(row.sort_order),
            int(row.n_scores or 0),
            None if row.highest is None else float(row.highest),
            subindices.get(row.id, 0),
        )
    for row in conn.execute(
        select(GroupThreshold.framework_id, GroupThreshold.name_vi, GroupThreshold.min_share).order_by(
            GroupThreshold.min_share.desc()
        )
    ):
        by_id[row.framework_id].thresholds.append((row.name_vi, float(row.min_share)))
    plans: dict[str, set[str]] = {}
    for code, target in conn.execute(select(Plan.code, Target.code).outerjoin(Target, Target.plan_id == Plan.id)):
        plans.setdefault(code, set())
        if target is not None:
            plans[code].add(target)
    pillar_codes = {p for f in frameworks.values() for p in f.pillars}
    pillar_codes |= set(conn.execute(select(Target.pillar_code).distinct()).scalars())
    pillar_codes |= set(conn.execute(select(Observation.pillar_code).distinct()).scalars())
    stored_scores = {
        (code, year, level): n
        for code, year, level, n in conn.execute(
            select(Unit.code, Framework.year, Framework.level, func.count(PillarScore.id))
            .join(PillarScore, PillarScore.unit_id == Unit.id)
            .join(Pillar, PillarScore.pillar_id == Pillar.id)
            .join(Framework, Pillar.framework_id == Framework.id)
            .group_by(Unit.code, Framework.year, Framework.level)
        )
    }
    scored_levels: dict[str, set[str]] = {}
    for code, _year, level in stored_scores:
        scored_levels.setdefault(code, set()).add(level)
    result_years: dict[str, set[int]] = {}
    for code, year, _level in stored_scores:
        result_years.setdefault(code, set()).add(int(year))
    published = select(Unit.code, PublishedResult.level, PublishedResult.year).join(
        PublishedResult, PublishedResult.unit_id == Unit.id
    )
    for code, level, year in conn.execute(published.distinct()):
        scored_levels.setdefault(code, set()).add(level)
        result_years.setdefault(code, set()).add(int(year))
    predecessor, successor = aliased(Unit), aliased(Unit)
    ended: dict[str, tuple[str, int]] = {}
    ended_on: dict[str, str] = {}
    divided: dict[str, int] = {}
    continuing: set[str] = set()
    for before, after, first, effective in conn.execute(
        select(predecessor.code, successor.code, Reorganisation.first_ranked_year, Reorganisation.effective_date)
        .join(predecessor, Reorganisation.predecessor_id == predecessor.id)
        .join(successor, Reorganisation.successor_id == successor.id)
    ):
        if before == after:
            continuing.add(before)
        elif before in ended and ended[before][0] != after:
            divided[before] = int(first)
            ended_on[before] = effective
        else:
            ended[before] = (after, int(first))
            ended_on[before] = effective
    for code in divided:
        ended.pop(code, None)
    return Catalogue(
        units,
        frameworks,
        plans,
        pillar_codes,
        scored_levels,
        stored_scores,
        result_years,
        ended,
        continuing,
        ended_on,
        divided,
    )
