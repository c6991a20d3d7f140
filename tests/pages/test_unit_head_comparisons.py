"""A unit head compares their unit with the level's highest and median values, never with a named
unit's figures (auth.policy): the radar and bars of their unit page, `/pillars?level=department`
and its CSV. Leaders still see the best unit by name."""

from __future__ import annotations

import base64
import csv
import io
import json

import pytest

from data_access.settings import SEED_DIR
from tests.pages.conftest import pillars_body, units_body

HEALTH = "binh-phuoc-so-y-te"
ICT_NAME = "Sở Thông tin và Truyền thông"  # the best department of 2022
QUERY = {"year": "2022", "level": "department", "unit": HEALTH}


def highest_department_shares_2022() -> dict[str, float]:
    """Each counted pillar's highest points / maximum among 2022's departments, from the seed itself."""
    with open(SEED_DIR / "frameworks.csv", encoding="utf-8", newline="") as fh:
        counted = {
            row["pillar_code"]
            for row in csv.DictReader(fh)
            if row["framework_year"] == "2022" and row["level"] == "department" and row["counts_in_total"] == "true"
        }
    highest: dict[str, float] = {}
    with open(SEED_DIR / "scores.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["year"] == "2022" and row["level"] == "department" and row["pillar_code"] in counted:
                share = float(row["points"]) / float(row["max_points"])
                highest[row["pillar_code"]] = max(highest.get(row["pillar_code"], 0.0), share)
    return highest


def text_of(response) -> str:
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


def without_card(tree, card_id: str):
    """A component tree (as Dash sends it) without the component of that id."""
    if isinstance(tree, dict):
        if tree.get("props", {}).get("id") == card_id:
            return None
        return {key: without_card(value, card_id) for key, value in tree.items()}
    if isinstance(tree, list):
        return [without_card(item, card_id) for item in tree]
    return tree


def unit_content(client, code: str) -> str:
    return text_of(client.post("/_dash-update-component", json=units_body({"unit_code": code, "year": "2022"})))


def pillars_content(client) -> str:
    return text_of(client.post("/_dash-update-component", json=pillars_body(QUERY)))


def pillars_csv(client) -> list[dict[str, str]]:
    response = client.post(
        "/_dash-update-component",
        json={
            "output": "pillars-table-download-file.data",
            "outputs": {"id": "pillars-table-download-file", "property": "data"},
            "inputs": [
                {"id": "pillars-table-download-csv", "property": "n_clicks", "value": 1},
                {"id": "pillars-table-download-xlsx", "property": "n_clicks", "value": None},
            ],
            "changedPropIds": ["pillars-table-download-csv.n_clicks"],
            "state": [{"id": "pillars-query", "property": "data", "value": QUERY}],
        },
    )
    assert response.status_code == 200
    payload = response.get_json()["response"]["pillars-table-download-file"]["data"]
    body = base64.b64decode(payload["content"]).decode("utf-8-sig") if payload.get("base64") else payload["content"]
    return list(csv.DictReader(io.StringIO(body)))


def test_a_unit_heads_radar_and_bars_name_no_other_unit(client_as):
    payload = unit_content(client_as("unit_head"), HEALTH)
    assert "Cao nhất khối" in payload
    assert "Dẫn đầu khối" not in payload
    # The department is named only in the recommendations, where the province's plan makes it
    # answerable for an index or receives the reports; never beside a figure of its own.
    assert ICT_NAME not in json.dumps(without_card(json.loads(payload), "actions-card"), ensure_ascii=False)


def test_a_leader_still_sees_the_best_unit_by_name(client):
    assert f"Dẫn đầu khối: {ICT_NAME}" in unit_content(client, HEALTH)
    assert f"Dẫn đầu: {ICT_NAME}" in pillars_content(client)


def test_a_unit_heads_pillars_page_names_no_other_unit(client_as):
    payload = pillars_content(client_as("unit_head"))
    assert "Sở Y tế" in payload
    assert "Cao nhất khối" in payload
    assert ICT_NAME not in payload and "Dẫn đầu" not in payload


def test_a_unit_heads_pillars_csv_has_the_levels_highest_values_unnamed(client_as):
    rows = pillars_csv(client_as("unit_head"))
    text = json.dumps(rows, ensure_ascii=False)
    assert ICT_NAME not in text and "Dẫn đầu" not in text
    [highest_column] = [column for column in rows[0] if "Cao nhất khối" in column]
    highest = highest_department_shares_2022()
    assert len(rows) == len(highest)
    written = sorted(float(row[highest_column].replace(",", ".")) for row in rows)
    assert written == pytest.approx(sorted(share * 100 for share in highest.values()), abs=0.01)
