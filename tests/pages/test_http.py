"""HTTP behaviour: health checks, the overview callback, the language switch, assets served locally."""

from __future__ import annotations

import json
import re
import sys

from tests.conftest import seed_target_statuses
from tests.pages.conftest import STATIC_ELEMENT, components, overview_callback, route_to

CLOSED_PORT_URL = "postgresql+psycopg://postgres@127.0.0.1:1/test"


def _overview(client, year, cookies=None, lag=None) -> str:
    for name, value in (cookies or {}).items():
        client.set_cookie(name, value)
    response = overview_callback(client, year, lag=lag)
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "cache": "in-process"}


def test_healthz_answers_503_with_a_reason_when_the_database_does_not(client, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", CLOSED_PORT_URL)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert body["reason"] == "database unavailable"
    assert "127.0.0.1" not in response.get_data(as_text=True), "the database's address is for the log only"


def test_overview_callback_shows_the_published_figures(client):
    payload = _overview(client, None)
    assert "0,6385" in payload
    assert "12/63" in payload
    assert "9 → 12" in payload
    assert "giảm 3 bậc" in payload


def test_overview_names_the_units_weakest_on_the_index_the_url_names(client):
    payload = _overview(client, "2022", lag="digital_society")
    assert "Yếu nhất về Hoạt động Xã hội số" in payload
    assert "xem theo tổng điểm" in payload


def test_overview_in_english_formats_numbers_the_english_way(client):
    payload = _overview(client, "2022", {"dti_lang": "en"})
    assert "0.6385" in payload
    assert "National rank" in payload


def test_bad_year_gets_a_friendly_message_not_a_traceback(client):
    for year in ("abc", "1999", "2022; DROP TABLE units"):
        payload = _overview(client, year)
        assert "không có trong dữ liệu" in payload
        assert "Traceback" not in payload


def test_database_down_gets_a_friendly_message(client, monkeypatch):
    """The session cannot be checked while the database is down: the callback is refused (503), in words."""
    monkeypatch.setenv("DATABASE_URL", CLOSED_PORT_URL)
    response = overview_callback(client, None)
    assert response.status_code == 503
    assert "Không kết nối được cơ sở dữ liệu" in response.get_json()["message"]


def test_language_switch_sets_a_cookie_and_returns_to_the_same_page(client):
    response = client.get("/lang/en", headers={"Referer": "http://localhost/?year=2021"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/?year=2021"
    assert "dti_lang=en" in response.headers["Set-Cookie"]
    assert "HttpOnly" in response.headers["Set-Cookie"]


def test_language_switch_never_redirects_off_site(client):
    response = client.get("/lang/en", headers={"Referer": "https://evil.example/phish"})
    assert response.headers["Location"] == "/"


def test_index_page_loads_nothing_from_another_host(client):
    html = client.get("/").get_data(as_text=True)
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls, "the index page references its scripts and styles"
    assert all(not u.startswith(("http://", "https://", "//")) for u in urls), urls
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_stylesheets_reference_only_local_files(client):
    html = client.get("/").get_data(as_text=True)
    for href in re.findall(r'href="(/assets/[^"]+\.css[^"]*)"', html):
        css = client.get(href).get_data(as_text=True)
        assert not re.search(r"url\((['\"]?)(https?:)?//", css), href


def test_an_unexpected_callback_failure_is_reported_in_words(client, monkeypatch):
    overview_page = sys.modules["pages.overview"]  # imported by Dash pages, not as an attribute of `pages`

    def broken(*_args, **_kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(overview_page, "build_overview", broken)
    response = overview_callback(client, None)
    body = json.dumps(response.get_json(), ensure_ascii=False)
    assert "Đã có lỗi khi tải phần này của trang" in body
    assert "simulated failure" not in body, "internal details stay in the server log"


def test_an_unknown_province_in_focus_is_explained(client, monkeypatch):
    monkeypatch.setenv("DTI_FOCUS_UNIT", "khong-co")
    payload = _overview(client, None)
    assert "Không tìm thấy “khong-co” trong dữ liệu" in payload


def _page_title(client, pathname: str) -> str:
    """The title Dash's page router gives the browser tab on navigating to `pathname`."""
    return route_to(client, pathname).get_json()["response"]["_pages_store"]["data"]["title"]


def test_the_browser_tab_title_follows_the_language(client):
    assert _page_title(client, "/rankings") == "DTI — Xếp hạng"
    client.set_cookie("dti_lang", "en")
    assert _page_title(client, "/rankings") == "DTI — Rankings"
    assert _page_title(client, "/units/binh-phuoc-so-y-te") == "DTI — Unit"


def test_the_targets_page_draws_its_plan_over_http(client):
    """The heading and the gauges of the targets page, as its callback answers the browser."""
    response = client.post(
        "/_dash-update-component",
        json={
            "output": "..targets-filters.children...targets-heading.children...targets-content.children..",
            "outputs": [
                {"id": "targets-filters", "property": "children"},
                {"id": "targets-heading", "property": "children"},
                {"id": "targets-content", "property": "children"},
            ],
            "inputs": [
                {"id": "targets-query", "property": "data", "value": {"year": None}},
                {"id": "shell-theme", "property": "data", "value": "dark"},
            ],
            "changedPropIds": ["targets-query.data"],
            "state": [],
        },
    )
    assert response.status_code == 200
    body = response.get_json()["response"]
    assert "targets-title" in json.dumps(body["targets-heading"]["children"])
    assert "targets-pillar" in json.dumps(body["targets-filters"]["children"])
    # The cards and their gauges are plain HTML and SVG: Dash's renderer walks every component at each
    # step of a callback, and the plan's cards as components were some 850 of them.
    content = body["targets-content"]["children"]
    shown = list(components(content))
    cards = [c for c in shown if "target-card" in str(c["props"].get("className", "")).split()]
    gauges = [c for c in shown if "target-gauge" in str(c["props"].get("className", "")).split()]
    assert len(cards) == len(gauges) == len(seed_target_statuses())
    drawn_by_dash = [c for c in shown if c["namespace"] != STATIC_ELEMENT]
    assert len(drawn_by_dash) <= 40
    assert "target-card" in json.dumps(body["targets-content"]["children"])
