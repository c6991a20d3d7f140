"""A unit's report over HTTP as a reader, or a crafted request, would ask for it: a unit head gets
their own unit's file, a 403 for another's and a refusal for the level's zip, each logged."""

from __future__ import annotations

import base64
import csv
import io
import json
import shutil
import subprocess
import time
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from auth import audit
from data_access.settings import SEED_DIR
from tests.conftest import TEST_ACCOUNTS
from tests.exports.test_deck_export import chromium  # noqa: F401  (the session's Chromium check)
from tests.pages.conftest import post_to_callback

HEALTH = "binh-phuoc-so-y-te"
ICT = "binh-phuoc-so-tttt"
HEAD = TEST_ACCOUNTS["unit_head"][0]


def seed_total(code: str) -> str:
    """The unit's 2022 total as the report writes it ("428,76 / 600"), read from totals.csv."""
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["unit_code"] == code and r["year"] == "2022")
    return f"{row['published_total'].replace('.', ',')} / {row['published_max']}"


def batch_callback(client, unit: str):
    """The level's zip button as the browser posts it."""
    return client.post(
        "/_dash-update-component",
        json={
            "output": "..units-report-status.children...units-report-job.data...units-report-poll.disabled..",
            "outputs": [
                {"id": "units-report-status", "property": "children"},
                {"id": "units-report-job", "property": "data"},
                {"id": "units-report-poll", "property": "disabled"},
            ],
            "inputs": [{"id": "units-report-batch", "property": "n_clicks", "value": 1}],
            "changedPropIds": ["units-report-batch.n_clicks"],
            "state": [{"id": "units-query", "property": "data", "value": {"unit_code": unit, "year": "2022"}}],
        },
    )


def test_a_unit_head_is_refused_another_units_report_and_it_is_logged(client_as):
    head = client_as("unit_head")
    for fmt in ("pdf", "pptx"):
        response = head.get(f"/units/{ICT}/report.{fmt}?year=2022")
        assert response.status_code == 403
        assert response.mimetype == "text/html"
        assert seed_total(ICT) not in response.get_data(as_text=True)
    refused = audit.events(kinds=(audit.ACCESS_DENIED,), username=HEAD)
    assert f"download /units/{ICT}/report.pptx" in set(refused["detail"])
    assert ICT in set(refused["unit_code"])


def test_a_unit_head_is_refused_the_levels_zip(client_as):
    head = client_as("unit_head")
    body = json.dumps(batch_callback(head, HEALTH).get_json(), ensure_ascii=False)
    assert "access-denied" in body
    assert "Chỉ lãnh đạo và quản trị viên" in body
    assert '"units-report-job": {"data": null}' in body, "no export was started"
    refused = audit.events(kinds=(audit.ACCESS_DENIED,), username=HEAD)
    assert f"level reports ({HEALTH})" in set(refused["detail"])


def test_a_report_the_data_does_not_have_is_not_found(client):
    for url in (
        f"/units/{HEALTH}/report.docx",
        f"/units/{HEALTH}/report.pdf?year=1999",
        f"/units/{HEALTH}/report.pdf?year=2022;DROP",
        "/units/no-such-unit/report.pdf",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "Không có báo cáo này" in response.get_data(as_text=True)


def test_nobody_unsigned_gets_a_report(anonymous_client):
    response = anonymous_client.get(f"/units/{HEALTH}/report.pdf?year=2022")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_a_unit_head_downloads_their_own_report_and_the_download_is_logged(
    client_as,
    chromium: str,  # noqa: F811
    tmp_path: Path,
):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    head = client_as("unit_head")
    response = head.get(f"/units/{HEALTH}/report.pdf?year=2022")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert quote("Sở Y tế - DTI 2022.pdf") in response.headers["Content-Disposition"]
    path = tmp_path / "report.pdf"
    path.write_bytes(response.get_data())
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert seed_total(HEALTH) in text
    views = audit.events(kinds=(audit.UNIT_VIEW,), username=HEAD)
    assert "report.pdf 2022" in set(views.loc[views["unit_code"] == HEALTH, "detail"])


def deliver_callback(client, job: dict | None):
    """The page's poll for the zip as the browser posts it (its outputs carry Dash's allow_duplicate suffixes)."""
    return post_to_callback(
        client,
        "units-report-download.data",
        [{"id": "units-report-poll", "property": "n_intervals", "value": 1}],
        [{"id": "units-report-job", "property": "data", "value": job}],
    )


def test_a_leaders_zip_of_the_districts_is_delivered_to_them_alone(
    client_as,
    chromium: str,  # noqa: F811
):
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        districts = [r["unit_code"] for r in csv.DictReader(fh) if r["level"] == "district" and r["year"] == "2022"]
    with open(SEED_DIR / "units.csv", encoding="utf-8", newline="") as fh:
        names = {r["unit_code"]: r["name_vi"] for r in csv.DictReader(fh)}
    leader, other = client_as("leader"), client_as("admin")
    started = batch_callback(leader, districts[0]).get_json()["response"]
    job = started["units-report-job"]["data"]
    assert job and job["id"]
    # Someone else polling the same job gets nothing: a job belongs to the account that started it.
    assert "units-report-download" not in deliver_callback(other, job).get_json()["response"]
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        answer = deliver_callback(leader, job).get_json()["response"]
        if "units-report-download" in answer:
            break
        assert next(v for k, v in answer.items() if k.startswith("units-report-poll"))["disabled"] is False, answer
        time.sleep(1)
    sent = answer["units-report-download"]["data"]
    assert sent["filename"] == "bao-cao-dti-district-2022.zip"
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(sent["content"])))
    assert sorted(archive.namelist()) == sorted(f"{names[code]} - DTI 2022.pdf" for code in districts)
