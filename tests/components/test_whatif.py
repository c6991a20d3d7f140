"""The what-if builders: the action list's sentences name their figures and the plan's responsible units,
the browser's data holds exactly the level the rules need, and a plan reads as the leader needs it."""

from __future__ import annotations

import csv
import json

from components.whatif import action_card, browser_data, plan_list
from data_access.settings import SEED_DIR
from data_access.whatif import action_list, whatif_setting
from domain.whatif import GOAL_GROUP, GOAL_VALUE, plan_for

PROVINCE = "binh-phuoc"
HEALTH = "binh-phuoc-so-y-te"


def text_of(component) -> str:
    return json.dumps(component, default=lambda o: o.to_plotly_json(), ensure_ascii=False)


def seed_points(code: str) -> dict[str, tuple[float, float]]:
    with open(SEED_DIR / "scores.csv", encoding="utf-8", newline="") as fh:
        return {
            r["pillar_code"]: (float(r["points"]), float(r["max_points"]))
            for r in csv.DictReader(fh)
            if r["unit_code"] == code and r["year"] == "2022"
        }


def vi(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def test_the_action_card_names_each_figure_and_who_answers_for_it(seeded_db):
    found = action_list(PROVINCE, 2022)
    text = text_of(action_card(found, lang="vi", titles={}))
    first = found.actions[0]
    points, maximum = seed_points(PROVINCE)[first.code]
    assert f"Đạt {vi(points)}/{vi(maximum)} điểm, mất {vi(maximum - points)} điểm" in text
    assert f"+{vi(first.gain)} điểm" in text
    assert f"hạng {first.then.rank}/{first.then.rank_of}" in text
    for name in found.responsibilities["responsible_name"]:
        assert name in text
    assert "mục VII.7" in text  # the plan's own section, for the radio and the newspaper
    assert "việc gán nhiệm vụ vào chỉ số là suy ra" in text  # the seed's mappings are inferred, and say so
    assert f"/whatif?unit={PROVINCE}&year=2022&{first.code}={first.best}" in text  # one click to try it
    english = text_of(action_card(found, lang="en", titles={}))
    assert f"{vi(points).replace(',', '.')}/{vi(maximum)} points" in english


def test_the_browser_gets_the_level_held_fixed_and_the_unit_s_indices(seeded_db):
    setting = whatif_setting(HEALTH, 2022)
    data = browser_data(setting, theme="dark", lang="vi")
    assert data["total"] == setting.standing.total
    assert sorted(o["points"] for o in data["others"]) == sorted(setting.standing.others)
    assert [i["code"] for i in data["indices"]] == list(setting.indices["pillar_code"])
    assert data["separators"] == {"decimal": ",", "thousands": "."}
    assert [th["min_share"] for th in data["thresholds"]] == sorted(
        (th.min_share for th in setting.standing.thresholds), reverse=True
    )


def test_a_plan_says_whether_peers_prove_it_and_when_it_is_out_of_reach(seeded_db):
    setting = whatif_setting(HEALTH, 2022)
    indices = setting.main_indices()
    proven = text_of(plan_list(plan_for(indices, setting.standing, GOAL_GROUP, "Tốt"), setting, lang="vi"))
    assert "Chỉ cần những mức điểm đơn vị cùng khối đã đạt được năm 2022" in proven
    beyond = plan_for(indices, setting.standing, GOAL_VALUE, setting.standing.max_total + 1)
    assert "Không thể đạt" in text_of(plan_list(beyond, setting, lang="vi"))


def test_the_deck_s_recommendations_slide_lists_the_top_actions_with_who_answers(seeded_db):
    from components.slides import ACTION_ROWS, actions_slide
    from data_access.deck import build_deck

    deck = build_deck(PROVINCE, 2022)
    slide = actions_slide(deck, lang="vi", titles={})
    top = [a for a in deck.actions.actions if a.gain > 0][:ACTION_ROWS]
    assert slide.title == "Khuyến nghị" and not slide.message
    assert [row[2] for row in slide.table.rows] == [f"+{vi(a.gain)}" for a in top]
    points = seed_points(PROVINCE)
    assert [row[1] for row in slide.table.rows] == [f"{vi(points[a.code][0])}/{vi(points[a.code][1])}" for a in top]
    assigned = deck.actions.responsibilities
    for action, row in zip(top, slide.table.rows, strict=True):
        names = assigned.loc[assigned["pillar_code"] == action.code, "responsible_name"]
        assert all(name in row[4] for name in names)
    assert "mục VII" in slide.source


def walk(node):
    """Every component of a layout, read back from its JSON."""
    if isinstance(node, dict):
        if "props" in node:
            yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def is_box(component: dict) -> bool:
    """A number box of an index or a task."""
    return isinstance(component["props"].get("id"), dict) and component["props"]["id"]["type"].endswith("-box")


def test_the_province_s_controls_fold_its_tasks_under_their_index_and_print_decimal_commas(seeded_db):
    from components.whatif import controls_card

    setting = whatif_setting(PROVINCE, 2022)
    text = text_of(controls_card(setting, {}, lang="vi", source=""))
    assert "Từng nhiệm vụ có điểm (5)" in text  # Hạ tầng số's five tasks with printed points
    boxes = {c["props"]["id"]["index"]: c["props"]["value"] for c in walk(json.loads(text)) if is_box(c)}
    assert boxes["infrastructure"] == "72,64"  # the decimal comma, not the browser's "72.64"
    assert len(boxes) == 8 + len(setting.tasks)
    data = browser_data(setting, theme="dark", lang="vi")
    assert [(t["index"], t["points"], t["max"]) for t in data["tasks"]] == [
        (t.index_code, t.points, t.max_points) for t in setting.task_list()
    ]


def test_the_action_card_ranks_the_province_s_tasks_and_says_their_gain_is_up_to_the_maximum(seeded_db):
    found = action_list(PROVINCE, 2022)
    text = text_of(action_card(found, lang="vi", titles={}))
    first = found.task_actions[0]
    assert f"Theo nhiệm vụ có điểm ({len(found.task_actions)} nhiệm vụ còn mất điểm)" in text
    assert "nguồn không công bố điểm nhiệm vụ của đơn vị khác" in text
    assert f"{vi(first.points)}/{vi(first.max_points)} điểm" in text
    assert f"+{vi(first.gain)} điểm" in text
    assert f"/whatif?unit={PROVINCE}&year=2022&{first.code}={first.max_points}" in text
    assert "Theo nhiệm vụ" not in text_of(action_card(action_list(HEALTH, 2022), lang="vi", titles={}))
