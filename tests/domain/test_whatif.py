"""The what-if rules against the published 2022 tables: every expected value recomputed from the CSVs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from domain.ranking import rank_with_ties
from domain.vocabulary import Threshold, group_for_share
from domain.whatif import (
    GOAL_GROUP,
    GOAL_RANK,
    GOAL_VALUE,
    MainIndex,
    Standing,
    Task,
    actions,
    index_from_tasks,
    outcome,
    parse_points,
    plan_for,
    scenario_points,
    task_actions,
    task_points,
)

SEED = Path(__file__).resolve().parents[2] / "seed"
HEALTH = "binh-phuoc-so-y-te"
PHUOC_LONG = "binh-phuoc-phuoc-long"
PROVINCE = "binh-phuoc"


def rows(name: str) -> list[dict[str, str]]:
    with open(SEED / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def published(level: str) -> dict[str, dict[str, str]]:
    return {r["unit_code"]: r for r in rows("data/totals.csv") if r["level"] == level and r["year"] == "2022"}


def thresholds(level: str) -> tuple[Threshold, ...]:
    return tuple(
        Threshold(r["name_vi"], float(r["min_share"]))
        for r in rows("meta/group_thresholds.csv")
        if r["level"] == level and r["framework_year"] == "2022"
    )


def scores(level: str) -> list[dict[str, str]]:
    return [r for r in rows("data/scores.csv") if r["level"] == level and r["year"] == "2022"]


def setting(code: str, level: str) -> tuple[list[MainIndex], Standing]:
    """The unit's main indices with its peers' best points, and its published place in its level."""
    level_scores = scores(level)
    indices = [
        MainIndex(
            r["pillar_code"],
            float(r["points"]),
            float(r["max_points"]),
            max(
                float(p["points"])
                for p in level_scores
                if p["pillar_code"] == r["pillar_code"] and p["unit_code"] != code
            ),
        )
        for r in level_scores
        if r["unit_code"] == code
    ]
    table = published(level)
    own = table[code]
    others = tuple(float(r["published_total"]) for c, r in table.items() if c != code)
    return indices, Standing(float(own["published_total"]), float(own["published_max"]), others, thresholds(level))


def expected_rank(total: float, level: str, code: str) -> int:
    """The rank `total` would have in the published table with the unit's own total replaced."""
    table = published(level)
    totals = [total if c == code else float(r["published_total"]) for c, r in table.items()]
    return rank_with_ties(totals)[list(table).index(code)]


def test_an_untouched_scenario_shows_the_published_figures():
    for level, code in (("department", HEALTH), ("district", PHUOC_LONG)):
        indices, standing = setting(code, level)
        row = published(level)[code]
        result = outcome(indices, standing, {})
        assert result.total == float(row["published_total"])
        assert result.rank == int(row["published_rank"])
        assert result.rank_of == len(published(level))
        assert result.group == row["published_group"]


@pytest.mark.parametrize(("level", "code"), [("department", HEALTH), ("district", PHUOC_LONG)])
def test_reaching_tot_on_peer_proven_gains_moves_the_unit_to_its_new_rank(level, code):
    indices, standing = setting(code, level)
    row = published(level)[code]
    tot = next(t for t in thresholds(level) if t.group == "Tốt")
    missing = round(tot.min_share * float(row["published_max"]) - float(row["published_total"]), 2)
    before = outcome(indices, standing, {})
    assert before.next_group == "Tốt" and before.missing_points == missing  # Sở Y tế: 51,24 to Tốt

    plan = plan_for(indices, standing, GOAL_GROUP, "Tốt")
    assert plan.reachable and plan.peer_proven_only
    assert round(sum(g.gain for g in plan.gains), 2) == missing
    by_code = {i.code: i for i in indices}
    assert all(g.points_to <= by_code[g.code].peer_best for g in plan.gains)  # a peer scored that much

    after = outcome(indices, standing, plan.points(indices))
    new_total = float(row["published_total"]) + missing
    assert after.total == pytest.approx(new_total)
    assert after.group == "Tốt" == group_for_share(new_total / float(row["published_max"]), thresholds(level))
    assert after.rank == expected_rank(new_total, level, code)
    assert after.rank < int(row["published_rank"])


def test_sharing_a_total_shares_the_rank_as_the_published_table_does():
    indices, standing = setting(HEALTH, "department")
    table = published("department")
    above = max(
        (r for c, r in table.items() if float(r["published_total"]) > float(table[HEALTH]["published_total"])),
        key=lambda r: -float(r["published_total"]),
    )
    gap = round(float(above["published_total"]) - float(table[HEALTH]["published_total"]), 2)
    raised = next(i for i in indices if i.peer_headroom >= gap)
    tied = outcome(indices, standing, {raised.code: raised.points + gap})
    assert tied.rank == int(above["published_rank"])  # shared, not one below
    one_more = outcome(indices, standing, {raised.code: raised.points + gap + 0.01})
    assert one_more.rank == int(above["published_rank"])
    assert outcome(indices, standing, {raised.code: raised.points + gap - 0.01}).rank == tied.rank + 1


def test_points_are_bounded_by_the_index_maximum_and_zero():
    indices, standing = setting(HEALTH, "department")
    headroom = sum(i.max_points - i.points for i in indices)
    everything = outcome(indices, standing, {i.code: 10_000 for i in indices})
    assert everything.total == pytest.approx(standing.total + headroom)
    nothing = outcome(indices, standing, {i.code: -5 for i in indices})
    assert nothing.total == pytest.approx(standing.total - sum(i.points for i in indices))


def test_a_rank_goal_ties_the_unit_it_must_reach():
    indices, standing = setting(HEALTH, "department")
    plan = plan_for(indices, standing, GOAL_RANK, 5)
    assert plan.reachable
    after = outcome(indices, standing, plan.points(indices))
    assert after.rank <= 5
    assert after.total == pytest.approx(sorted(standing.others, reverse=True)[4])


def test_a_goal_beyond_peer_proven_gains_says_so_and_beyond_the_maxima_is_unreachable():
    indices, standing = setting(HEALTH, "department")
    proven = sum(i.peer_headroom for i in indices)
    beyond = plan_for(indices, standing, GOAL_VALUE, standing.total + proven + 1)
    assert beyond.reachable and not beyond.peer_proven_only
    assert outcome(indices, standing, beyond.points(indices)).total >= standing.total + proven + 1 - 1e-9
    impossible = plan_for(indices, standing, GOAL_VALUE, standing.max_total + 1)
    assert not impossible.reachable


def test_a_goal_already_met_needs_nothing():
    indices, standing = setting(HEALTH, "department")
    plan = plan_for(indices, standing, GOAL_GROUP, "Khá")
    assert plan.reachable and plan.gains == () and plan.needed == 0


def test_the_fewest_indices_carry_the_gain():
    indices, standing = setting(HEALTH, "department")
    plan = plan_for(indices, standing, GOAL_GROUP, "Tốt")
    rooms = sorted((i.peer_headroom for i in indices), reverse=True)
    fewest = next(n for n in range(1, len(rooms) + 1) if sum(rooms[:n]) >= plan.needed - 1e-9)
    assert len(plan.gains) == fewest


def test_a_scenario_read_from_the_url_is_bounded_and_ignores_what_is_not_a_number():
    indices, _standing = setting(HEALTH, "department")
    institutions = next(i for i in indices if i.code == "institutions")
    raw = {"institutions": "1000", "website": "90,5", "infrastructure": "nan", "cybersecurity": "abc", "x": "1"}
    assert scenario_points(indices, raw) == {"institutions": institutions.max_points, "website": 90.5}


def test_actions_rank_peer_proven_gains_and_say_what_each_would_do():
    indices, standing = setting(HEALTH, "department")
    found = actions(indices, standing)
    by_code = {i.code: i for i in indices}
    assert {a.code for a in found} == {i.code for i in indices if i.points < i.max_points}
    assert [a.gain for a in found] == sorted((a.gain for a in found), reverse=True)
    for action in found:
        index = by_code[action.code]
        assert action.lost == round(index.max_points - index.points, 2)
        assert action.gain == round(max(0.0, index.peer_best - index.points), 2)
        new_total = round(standing.total + action.gain, 2)
        assert action.then.total == pytest.approx(new_total)
        assert action.then.rank == expected_rank(new_total, "department", HEALTH)


def province_tasks() -> list[Task]:
    """Bình Phước's 2022 tasks with printed points, coded as the seed loads them (`<index>-<row>`)."""
    return [
        Task(f"{r['pillar_code']}-{order:02d}", r["pillar_code"], float(r["points_2022"]), float(r["points_max"]))
        for order, r in enumerate(rows("data/subindicator_points_2022.csv"), 1)
        if r["points_2022"] and r["points_max"]
    ]


def province_setting() -> tuple[list[MainIndex], Standing]:
    """The province's main indices and its place among the provinces with a published 2022 DTI
    (points of 1000: the published index times the framework's maximum)."""
    own = [r for r in scores("province") if r["unit_code"] == PROVINCE]
    indices = [MainIndex(r["pillar_code"], float(r["points"]), float(r["max_points"])) for r in own]
    max_total = sum(i.max_points for i in indices)
    table = {
        c: float(r["published_total"]) * max_total for c, r in published("province").items() if r["published_rank"]
    }
    others = tuple(v for c, v in table.items() if c != PROVINCE)
    return indices, Standing(table[PROVINCE], max_total, others, ())


def province_rank(total: float) -> int:
    table = {c: float(r["published_total"]) * 1000 for c, r in published("province").items() if r["published_rank"]}
    table[PROVINCE] = total
    return rank_with_ties(list(table.values()))[list(table).index(PROVINCE)]


def test_a_task_moves_its_main_index_by_what_it_gains_and_the_total_follows():
    indices, standing = province_setting()
    tasks = province_tasks()
    assert len(tasks) == 19  # 23 tasks on the slides, 19 with printed points
    infrastructure = next(i for i in indices if i.code == "infrastructure")
    data_centre = next(t for t in tasks if t.index_code == "infrastructure" and t.points == 0)  # 0/15 points
    raised = index_from_tasks(infrastructure, tasks, {data_centre.code: 15})
    assert raised == round(72.64 + 15, 2)
    scenario = scenario_points(indices, {data_centre.code: "15"}, tasks)
    assert scenario == {"infrastructure": raised}
    after = outcome(indices, standing, scenario)
    assert after.total == pytest.approx(standing.total + 15)
    assert after.rank == province_rank(standing.total + 15)


def test_task_points_are_bounded_by_the_task_maximum_and_every_task_at_full_marks_fits_its_index():
    indices, standing = province_setting()
    tasks = province_tasks()
    assert task_points(tasks, {t.code: "1000" for t in tasks}) == {t.code: t.max_points for t in tasks}
    assert task_points(tasks, {t.code: "-3" for t in tasks}) == {t.code: 0 for t in tasks}
    full = scenario_points(indices, {t.code: t.max_points for t in tasks}, tasks)
    for index in indices:
        own = [t for t in tasks if t.index_code == index.code]
        expected = round(index.points + sum(t.max_points - t.points for t in own), 2)
        assert full.get(index.code, index.points) == pytest.approx(expected)
        assert expected <= index.max_points  # the seed's check: tasks never lose more than their index
    everything = outcome(indices, standing, full)
    headroom = sum(t.max_points - t.points for t in tasks)
    assert everything.total == pytest.approx(standing.total + headroom)
    assert everything.rank == province_rank(standing.total + headroom) == 1


def test_an_index_the_url_sets_keeps_its_value_whatever_its_tasks_say():
    indices, _standing = province_setting()
    tasks = province_tasks()
    task = next(t for t in tasks if t.index_code == "digital_society")
    raw = {"digital_society": "90", task.code: str(task.max_points)}
    assert scenario_points(indices, raw, tasks) == {"digital_society": 90}


def test_typed_points_read_a_decimal_comma_or_point():
    assert parse_points("133,02") == parse_points("133.02") == 133.02
    assert parse_points(" 70 ") == 70
    assert parse_points("abc") is None
    assert parse_points("inf") is None
    assert parse_points("") is None


def test_tasks_rank_by_the_points_their_maximum_allows_and_say_what_each_would_do():
    indices, standing = province_setting()
    tasks = province_tasks()
    found = task_actions(tasks, indices, standing)
    assert {a.code for a in found} == {t.code for t in tasks if t.points < t.max_points}
    assert [a.gain for a in found] == sorted((a.gain for a in found), reverse=True)
    first = found[0]
    assert first.gain == max(round(t.max_points - t.points, 2) for t in tasks)  # digital signatures: 0,58/20
    assert first.then.total == pytest.approx(standing.total + first.gain)
    assert first.then.rank == province_rank(standing.total + first.gain)
