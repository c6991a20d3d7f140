"""`/whatif` over HTTP as a crafted request would try it: a unit head reaches their own unit's what-if only."""

from __future__ import annotations

import csv
import json

from data_access.settings import SEED_DIR
from tests.pages.conftest import post_callback, route_to

HEALTH = "binh-phuoc-so-y-te"
ICT = "binh-phuoc-so-tttt"
ICT_TOTAL = "558.41"  # what a refused reader must not receive (totals.csv, Sở TT&TT 2022)


def text_of(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


def goal_callback(client, unit: str, goal: str = "group:Tốt", target: str = ""):
    """The goal-seeking callback as the browser posts it."""
    return client.post(
        "/_dash-update-component",
        json={
            "output": "..whatif-plan.children...whatif-plan-points.data...whatif-goal-apply.disabled..",
            "outputs": [
                {"id": "whatif-plan", "property": "children"},
                {"id": "whatif-plan-points", "property": "data"},
                {"id": "whatif-goal-apply", "property": "disabled"},
            ],
            "inputs": [{"id": "whatif-goal-go", "property": "n_clicks", "value": 1}],
            "changedPropIds": ["whatif-goal-go.n_clicks"],
            "state": [
                {"id": "whatif-goal-kind", "property": "value", "value": goal},
                {"id": "whatif-goal-target", "property": "value", "value": target},
                {"id": "whatif-query", "property": "data", "value": {"unit": unit, "year": "2022", "scenario": {}}},
            ],
        },
    )


def content_callback(client, unit: str):
    return post_callback(
        client,
        "whatif-content.children",
        [
            {"id": "whatif-query", "property": "data", "value": {"unit": unit, "year": "2022", "scenario": {}}},
            {"id": "shell-theme", "property": "data", "value": "dark"},
        ],
    )


def test_a_unit_head_is_refused_another_units_what_if_over_http(client_as):
    head = client_as("unit_head")
    assert head.get(f"/whatif?unit={ICT}&year=2022").status_code == 403
    assert head.get(f"/whatif?unit={HEALTH}&year=2022").status_code == 200
    assert head.get("/whatif").status_code == 200


def test_a_crafted_router_callback_for_another_unit_gets_the_refusal(client_as):
    head = client_as("unit_head")
    assert "access-denied" in text_of(route_to(head, "/whatif", f"?unit={ICT}&year=2022"))
    own = text_of(route_to(head, "/whatif", ""))
    assert "access-denied" not in own
    assert HEALTH in own  # without a unit, a unit head's what-if opens on their own


def test_the_content_and_goal_callbacks_check_the_unit_again(client_as):
    head = client_as("unit_head")
    for response in (content_callback(head, ICT), goal_callback(head, ICT)):
        body = text_of(response)
        assert "access-denied" in body
        assert ICT_TOTAL not in body
    own = text_of(content_callback(head, HEALTH))
    assert "whatif-data" in own and "access-denied" not in own


def test_a_leader_gets_the_gains_that_reach_tot(client):
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["unit_code"] == HEALTH)
    missing = round(0.8 * float(row["published_max"]) - float(row["published_total"]), 2)
    body = text_of(goal_callback(client, HEALTH))
    assert f"{missing:.2f}".replace(".", ",") in body  # 51,24: what the unit's page shows as missing for Tốt
    assert "access-denied" not in body


def test_a_goal_that_is_not_a_number_is_explained(client):
    body = text_of(goal_callback(client, HEALTH, goal="rank", target="abc"))
    assert "Mục tiêu không hợp lệ" in body
