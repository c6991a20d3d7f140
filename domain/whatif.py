"""What-if: a unit's total, rank and group recomputed from changed main-index points, and the
smallest set of gains that reaches a goal.

Everything else is held fixed: the other units of the level keep their published totals, and a
rank is shared as the published ranking shares it (`domain.ranking.rank_with_ties`). The unit's
own total moves from its published total by the points each main index gains or loses, so an
untouched scenario shows exactly the published figures (a total scored "by the median method"
included). assets/whatif.js recomputes the same in the browser; tests hold the two together.

A gain is *peer-proven* when a peer of the same level scored at least that many points on that
index the same year: those are the gains a leader can point to as achievable.

Where the sources print a unit's points per task (sub-indicator) of a main index, each task is a
control too: the index moves from its published points by what its tasks gain or lose, the same
rule one level down. The printed tasks do not cover a whole index (Bình Phước 2022: five of
Hạ tầng số's tasks, 55 of its 100 points), so the index is never *replaced* by its tasks' sum,
only moved by it. No peer's task points are published, so a task's achievable gain is the room
up to its own maximum, said as such.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from domain.ranking import next_group, points_up_to, rank_among
from domain.records import UnitInfo
from domain.vocabulary import TOTAL_DECIMALS, Threshold

# Goals a leader can ask for: a group ("Tốt"), a rank in the level, a total (points, or a DTI value).
GOAL_GROUP = "group"
GOAL_RANK = "rank"
GOAL_VALUE = "value"
GOALS = (GOAL_GROUP, GOAL_RANK, GOAL_VALUE)


@dataclass(frozen=True)
class MainIndex:
    """One counted main index of the unit: its published points, its maximum and the most a peer scored."""

    code: str
    points: float
    max_points: float
    peer_best: float | None = None

    @property
    def peer_headroom(self) -> float:
        """Points a peer has shown can be won here (0 where no peer scored more)."""
        if self.peer_best is None:
            return 0.0
        return max(0.0, round(min(self.peer_best, self.max_points) - self.points, TOTAL_DECIMALS))

    @property
    def headroom(self) -> float:
        return max(0.0, round(self.max_points - self.points, TOTAL_DECIMALS))


@dataclass(frozen=True)
class Standing:
    """The unit's published place in its level, with everything a scenario holds fixed.

    Totals are in points (a province's published DTI index times the framework's maximum), so
    one rule ranks every level; `others` are the other units' published totals that year.
    """

    total: float
    max_total: float
    others: tuple[float, ...]
    thresholds: tuple[Threshold, ...]

    @property
    def rank_of(self) -> int:
        return len(self.others) + 1


@dataclass(frozen=True)
class Outcome:
    """A scenario's total, share, rank among the level, group, and the next group with the points it still needs."""

    total: float
    share: float
    rank: int
    rank_of: int
    group: str | None
    next_group: str | None
    missing_points: float | None


@dataclass(frozen=True)
class Gain:
    """Points to win on one main index: from its published points to `points_to`."""

    code: str
    points_from: float
    points_to: float
    peer_proven: bool

    @property
    def gain(self) -> float:
        return round(self.points_to - self.points_from, TOTAL_DECIMALS)


@dataclass(frozen=True)
class Plan:
    """The gains that reach a goal, fewest main indices first.

    `target_total` is the total the goal asks for (None when the goal cannot be stated, such as a
    group the framework does not have); `needed` the points from the published total to it;
    `peer_proven_only` whether peers' proven gains suffice; `reachable` whether even the maxima do.
    """

    goal: str
    target: str | float | int
    target_total: float | None
    needed: float
    gains: tuple[Gain, ...]
    peer_proven_only: bool
    reachable: bool

    def points(self, indices: Sequence[MainIndex]) -> dict[str, float]:
        """The scenario the plan sets: every index at its published points but those it raises."""
        scenario = {index.code: index.points for index in indices}
        scenario.update({gain.code: gain.points_to for gain in self.gains})
        return scenario


@dataclass(frozen=True)
class Task:
    """One task (sub-indicator) of a main index with the unit's printed points and the task's maximum."""

    code: str
    index_code: str
    points: float
    max_points: float

    @property
    def headroom(self) -> float:
        return max(0.0, round(self.max_points - self.points, TOTAL_DECIMALS))


def clamp(value: float, index: MainIndex | Task) -> float:
    """A scenario's points for an index or a task, bounded by zero and its maximum."""
    return min(max(float(value), 0.0), float(index.max_points))


def parse_points(text: object) -> float | None:
    """Points as a reader types them: a decimal comma ("133,02") or point ("133.02"); None when not a
    finite number. A thousands separator is not accepted: no index or task reaches 1 000 points."""
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _bounded(items: Sequence[MainIndex] | Sequence[Task], raw: Mapping[str, object]) -> dict[str, float]:
    found = {}
    for item in items:
        value = parse_points(raw.get(item.code, ""))
        if value is not None:
            found[item.code] = round(clamp(value, item), 2)
    return found


def task_points(tasks: Sequence[Task], raw: Mapping[str, object]) -> dict[str, float]:
    """The tasks' points a URL carries (`<task code>=<points>`), each bounded by the task's maximum."""
    return _bounded(tasks, raw)


def index_from_tasks(index: MainIndex, tasks: Sequence[Task], points: Mapping[str, float]) -> float:
    """The index's points when its tasks take `points`: its published points moved by what each of
    its tasks gains or loses (tasks of other indices and missing ones count as published), bounded
    by the index's maximum."""
    delta = sum(
        clamp(points.get(task.code, task.points), task) - task.points for task in tasks if task.index_code == index.code
    )
    return round(clamp(index.points + delta, index), TOTAL_DECIMALS)


def scenario_points(
    indices: Sequence[MainIndex], raw: Mapping[str, object], tasks: Sequence[Task] = ()
) -> dict[str, float]:
    """The main-index scenario a URL carries (`<index code>=<points>`, a decimal point or comma), each
    bounded by its index's maximum; values that are not finite numbers, and codes that are no index,
    are ignored. An index the URL does not set but whose tasks it changes follows its tasks
    (`index_from_tasks`); an index it sets keeps that value, which already holds its tasks' moves."""
    scenario = _bounded(indices, raw)
    changed = task_points(tasks, raw)
    for index in indices:
        if index.code not in scenario and any(t.index_code == index.code and t.code in changed for t in tasks):
            scenario[index.code] = round(index_from_tasks(index, tasks, changed), 2)
    return scenario


def scenario_total(indices: Sequence[MainIndex], standing: Standing, points: Mapping[str, float]) -> float:
    """The unit's total when its indices take `points` (missing ones keep their published points)."""
    delta = sum(clamp(points.get(index.code, index.points), index) - index.points for index in indices)
    return round(standing.total + delta, TOTAL_DECIMALS)


def outcome(indices: Sequence[MainIndex], standing: Standing, points: Mapping[str, float]) -> Outcome:
    """Total, rank, group and next group of the unit when its indices take `points`."""
    total = scenario_total(indices, standing, points)
    upward = next_group(total, standing.max_total, standing.thresholds)
    return Outcome(
        total=total,
        share=total / standing.max_total,
        rank=rank_among(total, standing.others),
        rank_of=standing.rank_of,
        group=upward.current if upward else None,
        next_group=upward.group if upward else None,
        missing_points=upward.missing_points if upward else None,
    )


def goal_total(standing: Standing, goal: str, target: str | float | int) -> float | None:
    """The total a goal asks for: a group's lower bound, the total that ties the `target`-th unit, a value.

    A value at or below 1 on a level whose maximum is larger reads as an index (DTI 0,70 → 700 of 1000).
    None when the goal cannot be met by any total (a group the framework does not have, rank < 1).
    """
    if goal == GOAL_GROUP:
        bounds = [t.min_share for t in standing.thresholds if t.group == target]
        return round(bounds[0] * standing.max_total, TOTAL_DECIMALS) if bounds else None
    if goal == GOAL_RANK:
        wanted = int(target)
        if wanted < 1:
            return None
        ahead = sorted(standing.others, reverse=True)
        # rank ≤ N when fewer than N others are strictly above: tie the N-th other unit's total.
        return float(ahead[wanted - 1]) if wanted <= len(ahead) else 0.0
    if goal == GOAL_VALUE:
        value = float(target)
        return round(value * standing.max_total if value <= 1 < standing.max_total else value, TOTAL_DECIMALS)
    raise ValueError(f"unknown goal {goal!r}")


def _take(order: Sequence[tuple[MainIndex, float, float]], needed: float, proven: bool) -> tuple[list[Gain], float]:
    """Gains from `order` (index, from, room), largest room first, until `needed` is covered."""
    gains = []
    for index, start, room in sorted(order, key=lambda item: (-item[2], item[0].code)):
        if needed <= 0:
            break
        if room <= 0:
            continue
        step = min(room, needed)
        gains.append(Gain(index.code, start, round(start + step, TOTAL_DECIMALS), peer_proven=proven))
        needed = round(needed - step, TOTAL_DECIMALS)
    return gains, needed


def plan_for(indices: Sequence[MainIndex], standing: Standing, goal: str, target: str | float | int) -> Plan:
    """The smallest set of gains that reaches the goal: fewest main indices, peer-proven gains first.

    Peer-proven room (up to the best peer's points) is used first, largest first, so the fewest
    indices carry the gain; only when it cannot reach the goal is the room above the best peer
    (up to the maximum) added, and `peer_proven_only` says so. `reachable` is False when not
    even every maximum reaches the goal; the plan then raises every index as far as it goes.
    """
    target_total = goal_total(standing, goal, target)
    if target_total is None:
        return Plan(goal, target, None, 0.0, (), peer_proven_only=False, reachable=False)
    needed = max(0.0, points_up_to(target_total, standing.total))
    proven, rest = _take([(i, i.points, i.peer_headroom) for i in indices], needed, proven=True)
    gains = {gain.code: gain for gain in proven}
    extra: list[Gain] = []
    if rest > 0:
        beyond = [(i, gains[i.code].points_to if i.code in gains else i.points) for i in indices]
        extra, rest = _take(
            [(i, start, round(i.max_points - start, TOTAL_DECIMALS)) for i, start in beyond], rest, False
        )
    for gain in extra:
        earlier = gains.get(gain.code)
        start = earlier.points_from if earlier else gain.points_from
        gains[gain.code] = Gain(gain.code, start, gain.points_to, peer_proven=False)
    ordered = tuple(sorted(gains.values(), key=lambda g: (-g.gain, g.code)))
    return Plan(
        goal=goal,
        target=target,
        target_total=target_total,
        needed=needed,
        gains=ordered,
        peer_proven_only=not extra,
        reachable=rest <= 0,
    )


@dataclass
class WhatIfSetting:
    """A unit's starting point for what-if in one year (built by `data_access.whatif.whatif_setting`).

    `indices` has one row per counted main index (`pillar_code`, names, `points`, `max_points`,
    `peer_best`, `peers_above`, `peers_at_max`, `source`); `table` the level's published totals
    (`unit_code`, names, `total` as printed, `points` on the framework's scale, `rank`);
    `published_max` the printed total's maximum (1 for a DTI index, None when not printed);
    `level_size` the units of the level that year, of which `len(table)` have a published value;
    `tasks` the unit's tasks with printed points (`task_code`, `pillar_code`, `task_name`, `points`,
    `max_points`, `source`), empty where the sources print none.
    """

    info: UnitInfo
    year: int
    years: list[int]
    indices: pd.DataFrame
    standing: Standing
    table: pd.DataFrame
    published_max: float | None
    level_size: int
    published_rank: int | None
    sources: list[str] = field(default_factory=list)
    tasks: pd.DataFrame = field(default_factory=pd.DataFrame)

    def main_indices(self) -> list[MainIndex]:
        """The indices as the what-if rules read them."""
        return [
            MainIndex(
                code=row.pillar_code,
                points=float(row.points),
                max_points=float(row.max_points),
                peer_best=None if pd.isna(row.peer_best) else float(row.peer_best),
            )
            for row in self.indices.itertuples()
        ]

    def task_list(self) -> list[Task]:
        """The tasks with printed points as the what-if rules read them."""
        if self.tasks.empty:
            return []
        return [
            Task(
                code=row.task_code,
                index_code=row.pillar_code,
                points=float(row.points),
                max_points=float(row.max_points),
            )
            for row in self.tasks.itertuples()
        ]

    @property
    def is_index(self) -> bool:
        """Is the total published as an index (the provincial DTI, 0..1) rather than in points?"""
        return self.published_max == 1


@dataclass(frozen=True)
class Action:
    """One main index as a recommendation: what it lost, what peers prove can be won back, and what
    winning it would do (`then`: the unit's outcome with this index at the best peer's points)."""

    code: str
    points: float
    max_points: float
    lost: float
    gain: float
    best: float | None
    then: Outcome


def actions(indices: Sequence[MainIndex], standing: Standing) -> list[Action]:
    """Every main index that lost points, ranked by the gain peers prove achievable, then by points lost.

    The points lost are the maximum less the points, as `/` and `/pillars` show them; the gain is
    what the best peer of the level scored above the unit on that index (0 where none did).
    """
    found = []
    for index in indices:
        lost = round(index.max_points - index.points, TOTAL_DECIMALS)
        if lost <= 0:
            continue
        gain = index.peer_headroom
        raised = {index.code: index.points + gain}
        found.append(
            Action(
                code=index.code,
                points=index.points,
                max_points=index.max_points,
                lost=lost,
                gain=gain,
                best=index.peer_best,
                then=outcome(indices, standing, raised),
            )
        )
    return sorted(found, key=lambda a: (-a.gain, -a.lost, a.code))


@dataclass(frozen=True)
class TaskAction:
    """One task as a recommendation: the points it lost and, were they all won back (the task at its
    maximum: no peer's task points are published), what that would do to the unit (`then`)."""

    code: str
    index_code: str
    points: float
    max_points: float
    gain: float
    then: Outcome


def task_actions(tasks: Sequence[Task], indices: Sequence[MainIndex], standing: Standing) -> list[TaskAction]:
    """Every task that lost points, ranked by the gain its maximum allows (bounded by its index's own
    maximum), then by code. A task of an index the unit has no points for is left out."""
    by_code = {index.code: index for index in indices}
    found = []
    for task in tasks:
        index = by_code.get(task.index_code)
        if index is None or task.headroom <= 0:
            continue
        raised = index_from_tasks(index, tasks, {task.code: task.max_points})
        then = outcome(indices, standing, {index.code: raised})
        gain = round(raised - index.points, TOTAL_DECIMALS)
        found.append(TaskAction(task.code, task.index_code, task.points, task.max_points, gain, then))
    return sorted(found, key=lambda a: (-a.gain, a.code))


@dataclass
class ActionList:
    """A unit's recommendations for a year (built by `data_access.whatif.action_list`).

    `responsibilities` has one row per assignment of the plan (`pillar_code`, "*" for every index,
    `responsible_name`, `unit_code`, `duty`, `source`, `note`); `plan_code` names the plan, empty when none.
    """

    setting: WhatIfSetting
    actions: list[Action]
    responsibilities: pd.DataFrame
    plan_code: str = ""
    plan_title: str = ""
    task_actions: list[TaskAction] = field(default_factory=list)
