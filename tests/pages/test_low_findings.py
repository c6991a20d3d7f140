"""Issue 15's low findings outside imports: what a crafted request, a replayed cookie or an oversized
upload gets, over HTTP."""

from __future__ import annotations

import base64
import csv
import json

import pytest

from data_access.settings import SEED_DIR
from tests.pages.conftest import pillars_body, post_callback
from tests.pages.test_access import route_to

CLOSED_PORT_URL = "postgresql+psycopg://postgres@127.0.0.1:1/test"


def district_codes() -> list[str]:
    with open(SEED_DIR / "units.csv", encoding="utf-8", newline="") as fh:
        return [row["unit_code"] for row in csv.DictReader(fh) if row["kind"] == "district"]


def pillars_answer(client, search: str) -> str:
    """What `/pillars?{search}` sends a reader: the router's layout and the content with its selectors."""
    layout = json.dumps(route_to(client, "/pillars", f"?{search}").get_json(), ensure_ascii=False)
    content = client.post("/_dash-update-component", json=pillars_body({"level": "district"}))
    return layout + json.dumps(content.get_json(), ensure_ascii=False)


def test_a_department_head_gets_no_district_code_from_the_pillars_page(client_as):
    answer = pillars_answer(client_as("unit_head"), "level=district")
    assert district_codes()
    leaked = [code for code in district_codes() if code in answer]
    assert leaked == []


def test_a_leader_still_opens_the_levels_best_district(client):
    assert any(code in pillars_answer(client, "level=district") for code in district_codes())


@pytest.mark.parametrize("page", ["//evil.example/x", "//evil.example/", "/\\evil.example"])
def test_the_language_switch_stays_on_the_site(client, page):
    response = client.get("/lang/en", headers={"Referer": f"http://localhost{page}"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_the_language_switch_goes_back_to_the_page(client):
    response = client.get("/lang/en", headers={"Referer": "http://localhost/rankings?level=department"})
    assert response.headers["Location"] == "/rankings?level=department"


def test_a_session_that_cannot_be_checked_gets_no_page(client, monkeypatch):
    """A (possibly signed-out) cookie replayed while the database is down: the outage, explained, and nothing else."""
    monkeypatch.setenv("DATABASE_URL", CLOSED_PORT_URL)
    page = client.get("/")
    assert page.status_code == 503
    text = page.get_data(as_text=True)
    assert "Không kết nối được cơ sở dữ liệu" in text
    assert "test-leader" not in text
    assert client.get("/_dash-layout").status_code == 503
    callback = route_to(client, "/")
    assert callback.status_code == 503
    assert "Không kết nối được cơ sở dữ liệu" in callback.get_json()["message"]


def test_an_upload_over_the_limit_gets_the_pages_own_message(client_as, dash_app, monkeypatch):
    admin = client_as("admin")
    monkeypatch.setitem(dash_app.server.config, "MAX_CONTENT_LENGTH", 4096)
    content = "data:text/csv;base64," + base64.b64encode(b"x" * 8192).decode()
    response = post_callback(
        admin,
        "admin-check.children",
        [{"id": "admin-upload", "property": "contents", "value": content}],
    )
    assert response.status_code == 200
    shown = json.dumps(response.get_json()["response"]["admin-check"], ensure_ascii=False)
    assert "Tệp quá lớn" in shown and "Chưa có dữ liệu nào được ghi" in shown


def test_an_oversized_request_from_a_non_admin_is_a_plain_refusal(client, dash_app, monkeypatch):
    monkeypatch.setitem(dash_app.server.config, "MAX_CONTENT_LENGTH", 4096)
    content = "data:text/csv;base64," + base64.b64encode(b"x" * 8192).decode()
    response = post_callback(
        client, "admin-check.children", [{"id": "admin-upload", "property": "contents", "value": content}]
    )
    assert response.status_code == 413
