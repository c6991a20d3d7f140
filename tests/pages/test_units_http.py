"""`/units/<code>` over HTTP: the content and download callbacks posted to Dash directly, as a browser
(or a crafted request) would."""

from __future__ import annotations

import base64
import csv
import io
import json

import pytest

from data_access.settings import SEED_DIR
from tests.pages.conftest import components, units_body

HEALTH = "binh-phuoc-so-y-te"
ICT = "binh-phuoc-so-tttt"


def seed_row(code: str) -> dict[str, str]:
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        return next(row for row in csv.DictReader(fh) if row["unit_code"] == code)


def content(client, code: str, year: str | None = None, cookies: dict[str, str] | None = None) -> str:
    for name, value in (cookies or {}).items():
        client.set_cookie(name, value)
    response = client.post("/_dash-update-component", json=units_body({"unit_code": code, "year": year}))
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


def download(client, code: str, button: str = "csv"):
    """Click a download button of the page for `code`: the query store travels as State."""
    trigger = f"units-pillars-download-{button}"
    return client.post(
        "/_dash-update-component",
        json={
            "output": "units-pillars-download-file.data",
            "outputs": {"id": "units-pillars-download-file", "property": "data"},
            "inputs": [
                {"id": "units-pillars-download-csv", "property": "n_clicks", "value": 1 if button == "csv" else None},
                {"id": "units-pillars-download-xlsx", "property": "n_clicks", "value": 1 if button == "xlsx" else None},
            ],
            "changedPropIds": [f"{trigger}.n_clicks"],
            "state": [{"id": "units-query", "property": "data", "value": {"unit_code": code, "year": None}}],
        },
    )


def test_the_page_of_so_y_te_shows_its_published_result_and_its_figures(client):
    printed = seed_row(HEALTH)
    total = printed["published_total"].replace(".", ",")
    payload = content(client, HEALTH)
    assert f"{total} / {printed['published_max']}" in payload
    assert f"{printed['published_rank']}/24" in payload
    assert printed["published_group"] in payload
    assert "Sở Y tế: kết quả năm 2022" in payload
    shown = {str(node["props"].get("id")) for node in components(json.loads(payload))}
    assert {"units-radar", "units-bars", "units-lost-list"} <= shown
    assert "Nguồn: " in payload
    assert "Mới có kết quả của một năm (2022)" in payload


def test_a_district_and_the_province_have_their_pages_too(client):
    district = content(client, "binh-phuoc-dong-xoai")
    assert "524,47 / 700" in district and "1/11" in district
    province = content(client, "binh-phuoc")
    assert "12/63" in province
    assert '"id": "units-history-graph"' in province
    assert "units-lost-tasks" in province


def test_an_unknown_unit_gets_a_friendly_panel_not_a_traceback(client):
    payload = content(client, "khong-co-don-vi")
    assert "Không có đơn vị này" in payload
    assert "khong-co-don-vi" in payload
    assert "Traceback" not in payload


@pytest.mark.parametrize("year", ["2021", "abc", "2022; DROP TABLE units", "1999"])
def test_a_year_without_results_for_the_unit_is_explained(client, year):
    payload = content(client, HEALTH, year)
    assert "Năm không có kết quả" in payload
    assert "Các năm có kết quả: 2022" in payload


def test_a_unit_that_is_not_ranked_says_so(client):
    assert "không phải là đơn vị được chấm điểm" in content(client, "national-average")


def test_the_page_speaks_english_on_request(client):
    payload = content(client, HEALTH, "2022", {"dti_lang": "en"})
    assert "428.76 / 600" in payload
    assert "Where the points went" in payload


def test_the_page_itself_answers(client):
    assert client.get(f"/units/{HEALTH}").status_code == 200
    assert client.get(f"/units/{HEALTH}?year=abc").status_code == 200


def test_the_pillar_download_is_the_units_table(client):
    response = download(client, HEALTH)
    assert response.status_code == 200
    data = response.get_json()["response"]["units-pillars-download-file"]["data"]
    assert data["filename"] == f"diem-chi-so-{HEALTH}-2022.csv"
    rows = list(csv.DictReader(io.StringIO(base64.b64decode(data["content"]).decode("utf-8-sig"))))
    assert len(rows) == 8
    assert sum(float(row["Điểm"]) for row in rows) == pytest.approx(float(seed_row(HEALTH)["published_total"]))
    assert (
        download(client, HEALTH, "xlsx")
        .get_json()["response"]["units-pillars-download-file"]["data"]["filename"]
        .endswith(".xlsx")
    )


def test_a_unit_head_gets_their_unit_but_a_refusal_for_another_in_a_crafted_callback(client_as):
    head = client_as("unit_head")
    assert "428,76 / 600" in content(head, HEALTH)
    refused = content(head, ICT)
    assert "access-denied" in refused
    assert "558,41" not in refused


def test_a_unit_head_cannot_download_another_units_table(client_as):
    head = client_as("unit_head")
    assert "units-pillars-download-file" in download(head, HEALTH).get_json()["response"]
    response = download(head, ICT)
    # The callback answers with nothing to update: no file leaves the server.
    assert response.status_code == 200
    assert response.get_json()["response"] == {}
