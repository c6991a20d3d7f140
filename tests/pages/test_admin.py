"""`/admin` over HTTP: its callbacks posted to Dash as the browser would, signed in as an admin.

The page's database is shared with the other page tests, so nothing here changes a figure for
long: the one file that writes corrects a note, and the original export is imported back after it.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json

import pytest
from openpyxl import load_workbook

from components.i18n import TEXT
from data_access import db
from data_access.admin import template_years
from data_access.importing import OK, formats, import_file
from data_access.importing import files as downloads
from data_access.settings import SEED_DIR
from tests.pages.conftest import post_to_callback

YEAR, LEVEL = 2022, "department"


def seed_totals() -> dict[str, dict[str, str]]:
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        return {r["unit_code"]: r for r in csv.DictReader(fh) if r["year"] == str(YEAR) and r["level"] == LEVEL}


def upload_value(content: bytes) -> str:
    return "data:application/octet-stream;base64," + base64.b64encode(content).decode()


def check_upload(client, content: bytes, name: str):
    response = post_to_callback(
        client,
        "admin-check.children",
        [{"id": "admin-upload", "property": "contents", "value": upload_value(content)}],
        [{"id": "admin-upload", "property": "filename", "value": name}],
    )
    assert response.status_code == 200
    return response.get_json()["response"]


def export_bytes() -> bytes:
    return downloads.export_file(formats.SCORES, {"year": YEAR, "level": LEVEL})[1]


def corrected_export_bytes() -> bytes:
    """The export with one published note corrected, as a data officer fixes a typo: a real change."""
    book = load_workbook(io.BytesIO(export_bytes()))
    sheet = book[formats.SCORES_SHEET]
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, headers.index("Ghi chú công bố") + 1).value = "Đính chính theo văn bản mới"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def components_with_id_prefix(tree: object, prefix: str):
    """The components of a callback's JSON response whose id starts with `prefix`, in page order."""
    if isinstance(tree, dict):
        props = tree.get("props", {})
        if isinstance(props.get("id"), str) and props["id"].startswith(prefix):
            yield tree
            return
        for value in tree.values():
            yield from components_with_id_prefix(value, prefix)
    elif isinstance(tree, list):
        for item in tree:
            yield from components_with_id_prefix(item, prefix)


def commit_upload(client, content: bytes, name: str, state: dict):
    return post_to_callback(
        client,
        "admin-commit-result.children",
        [{"id": "admin-commit", "property": "n_clicks", "value": 1}],
        [
            {"id": "admin-upload", "property": "contents", "value": upload_value(content)},
            {"id": "admin-upload", "property": "filename", "value": name},
            {"id": "admin-accept", "property": "value", "value": False},
            {"id": "admin-checked", "property": "data", "value": state},
        ],
    )


@pytest.fixture
def admin(client_as):
    return client_as("admin")


def test_templates_are_offered_for_the_framework_years_and_the_years_to_come():
    assert template_years([2022], 2026) == [2022, 2023, 2024, 2025, 2026]
    assert template_years([2021, 2022], 2022) == [2021, 2022, 2023]
    assert template_years([], 2026) == [2025, 2026]


def test_only_an_admin_opens_the_page(admin, client):
    assert admin.get("/admin").status_code == 200
    assert client.get("/admin").status_code == 403


def test_a_leader_cannot_call_its_callbacks(client, dash_app):
    response = post_to_callback(
        client,
        "admin-check.children",
        [{"id": "admin-upload", "property": "contents", "value": upload_value(b"x")}],
        [{"id": "admin-upload", "property": "filename", "value": "x.csv"}],
    )
    assert response.status_code == 403


def test_a_file_with_faults_gets_every_message_and_no_commit(admin, dash_app):
    book = load_workbook(io.BytesIO(export_bytes()))
    sheet = book[formats.SCORES_SHEET]
    headers = [c.value for c in sheet[1]]
    awareness = next(i for i, h in enumerate(headers, 1) if "[awareness]" in h)
    sheet.cell(2, awareness).value = "năm mươi"
    sheet.cell(3, awareness).value = -4
    buffer = io.BytesIO()
    book.save(buffer)
    payload = check_upload(admin, buffer.getvalue(), "loi.xlsx")
    shown = json.dumps(payload["admin-check"]["children"], ensure_ascii=False)
    assert "“năm mươi” không phải là số" in shown and "điểm âm (-4)" in shown
    assert shown.count("admin-issue admin-issue-error") == 2
    assert payload["admin-checked"]["data"]["errors"] == 2

    allowed = post_to_callback(
        admin,
        "admin-commit.disabled",
        [
            {"id": "admin-checked", "property": "data", "value": payload["admin-checked"]["data"]},
            {"id": "admin-accept", "property": "value", "value": True},
        ],
    )
    assert allowed.get_json()["response"]["admin-commit"]["disabled"] is True


def test_a_wrong_file_type_is_explained(admin, dash_app):
    payload = check_upload(admin, b"%PDF-1.4", "bao-cao.pdf")
    assert "sai loại tệp" in json.dumps(payload["admin-check"]["children"], ensure_ascii=False)


@pytest.fixture
def original_scores_restored(dash_app):
    """The department scores as seeded, imported back once the test has written its correction."""
    original = export_bytes()
    yield
    assert import_file(original, "khoi-phuc.xlsx", user="test-restore").result == OK


def test_a_good_file_is_previewed_committed_and_listed_in_the_history(admin, dash_app, original_scores_restored):
    content = corrected_export_bytes()
    payload = check_upload(admin, content, "diem-2022.xlsx")
    preview = json.dumps(payload["admin-check"]["children"], ensure_ascii=False)
    for unit, printed in seed_totals().items():
        assert unit in preview
        assert printed["published_total"].replace(".", ",") in preview
    state = payload["admin-checked"]["data"]
    assert state == {"sha256": hashlib.sha256(content).hexdigest(), "errors": 0, "warnings": 0}
    allowed = post_to_callback(
        admin,
        "admin-commit.disabled",
        [
            {"id": "admin-checked", "property": "data", "value": state},
            {"id": "admin-accept", "property": "value", "value": False},
        ],
    )
    assert allowed.get_json()["response"]["admin-commit"]["disabled"] is False

    committed = commit_upload(admin, content, "diem-2022.xlsx", state)
    assert committed.status_code == 200
    result = json.dumps(committed.get_json()["response"], ensure_ascii=False)
    assert "Đã ghi" in result
    assert "test-admin" in result and "diem-2022.xlsx" in result
    assert hashlib.sha256(content).hexdigest() in result  # the full hash, on hover
    record_id = int(result.split('"id": "admin-history-row-')[1].split('"')[0])

    button = {"index": f"{record_id}:before", "type": "admin-snapshot"}
    snapshot = post_to_callback(
        admin,
        "admin-snapshot-file.data",
        [[{"id": button, "property": "n_clicks", "value": 1}]],
        changed=json.dumps(button, separators=(",", ":")) + ".n_clicks",
    )
    data = snapshot.get_json()["response"]["admin-snapshot-file"]["data"]
    assert data["filename"] == f"ban-cu-lan-nap-{record_id}.xlsx"
    sheet = load_workbook(io.BytesIO(base64.b64decode(data["content"])))[formats.SCORES_SHEET]
    assert {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)} == set(seed_totals())


def test_an_unchanged_file_writes_nothing_and_the_history_says_so(admin, dash_app):
    content = export_bytes()
    version = db.data_version()
    state = check_upload(admin, content, "diem-2022.xlsx")["admin-checked"]["data"]
    committed = commit_upload(admin, content, "diem-2022.xlsx", state)
    assert committed.status_code == 200
    response = committed.get_json()["response"]
    message = json.dumps(response["admin-commit-result"], ensure_ascii=False)
    assert "Không thay đổi" in message and f"vẫn là {version}" in message
    assert db.data_version() == version
    rows = list(components_with_id_prefix(response, "admin-history-row-"))
    latest = json.dumps(rows[0], ensure_ascii=False)  # the latest import is listed first
    assert "Không thay đổi" in latest and "diem-2022.xlsx" in latest


def test_a_commit_re_reads_the_upload_and_refuses_one_it_did_not_check(admin, dash_app):
    content = export_bytes()
    response = post_to_callback(
        admin,
        "admin-commit-result.children",
        [{"id": "admin-commit", "property": "n_clicks", "value": 1}],
        [
            {"id": "admin-upload", "property": "contents", "value": upload_value(content)},
            {"id": "admin-upload", "property": "filename", "value": "diem.xlsx"},
            {"id": "admin-accept", "property": "value", "value": False},
            {"id": "admin-checked", "property": "data", "value": {"sha256": "0" * 64, "errors": 0, "warnings": 0}},
        ],
    )
    assert "tải tệp lên lại" in json.dumps(response.get_json()["response"], ensure_ascii=False)


def test_templates_and_exports_download(admin, dash_app):
    template = post_to_callback(
        admin,
        "admin-template-file.data",
        [
            {"id": "admin-template-xlsx", "property": "n_clicks", "value": 1},
            {"id": "admin-template-csv", "property": "n_clicks", "value": None},
        ],
        [
            {"id": "admin-template-dataset", "property": "value", "value": "scores"},
            {"id": "admin-template-year", "property": "value", "value": str(YEAR)},
            {"id": "admin-template-level", "property": "value", "value": LEVEL},
        ],
    ).get_json()["response"]
    assert template["admin-template-file"]["data"]["filename"] == f"mau-diem-{YEAR}-{LEVEL}.xlsx"
    missing = post_to_callback(
        admin,
        "admin-template-file.data",
        [
            {"id": "admin-template-xlsx", "property": "n_clicks", "value": 1},
            {"id": "admin-template-csv", "property": "n_clicks", "value": None},
        ],
        [
            {"id": "admin-template-dataset", "property": "value", "value": "scores"},
            {"id": "admin-template-year", "property": "value", "value": "2031"},
            {"id": "admin-template-level", "property": "value", "value": LEVEL},
        ],
    ).get_json()["response"]
    # A year without a framework: the ranks-only template, and a message saying what it holds.
    assert missing["admin-template-file"]["data"]["filename"] == f"mau-diem-2031-{LEVEL}.xlsx"
    assert "Chưa có khung đánh giá năm 2031" in missing["admin-template-message"]["children"]
    assert "chỉ có tổng điểm, xếp hạng và nhóm công bố" in missing["admin-template-message"]["children"]
    next_year = post_to_callback(
        admin,
        "admin-template-file.data",
        [
            {"id": "admin-template-xlsx", "property": "n_clicks", "value": 1},
            {"id": "admin-template-csv", "property": "n_clicks", "value": None},
        ],
        [
            {"id": "admin-template-dataset", "property": "value", "value": "framework"},
            {"id": "admin-template-year", "property": "value", "value": str(YEAR + 1)},
            {"id": "admin-template-level", "property": "value", "value": LEVEL},
        ],
    ).get_json()["response"]
    assert next_year["admin-template-file"]["data"]["filename"] == f"mau-khung-{YEAR + 1}-{LEVEL}.xlsx"

    exported = post_to_callback(
        admin,
        "admin-export-file.data",
        [
            {"id": "admin-export-csv", "property": "n_clicks", "value": 1},
            {"id": "admin-export-xlsx", "property": "n_clicks", "value": None},
        ],
        [
            {
                "id": "admin-export-choice",
                "property": "value",
                "value": json.dumps(["scores", {"year": YEAR, "level": LEVEL}]),
            }
        ],
    )
    data = exported.get_json()["response"]["admin-export-file"]["data"]
    assert data["filename"] == f"diem-{YEAR}-{LEVEL}.csv"
    assert (
        base64.b64decode(data["content"])
        == downloads.export_file(formats.SCORES, {"year": YEAR, "level": LEVEL}, "csv")[1]
    )
    tampered = post_to_callback(
        admin,
        "admin-export-file.data",
        [
            {"id": "admin-export-csv", "property": "n_clicks", "value": 1},
            {"id": "admin-export-xlsx", "property": "n_clicks", "value": None},
        ],
        [{"id": "admin-export-choice", "property": "value", "value": json.dumps(["scores", {"year": "x"}])}],
    )
    assert tampered.status_code == 204 or "admin-export-file" not in (tampered.get_json() or {}).get("response", {})


def test_every_dataset_is_named_in_both_languages_as_the_importer_names_it():
    """A dataset added to the catalogue gets its English name on /admin too (else an English reader
    reads the importer's Vietnamese), and the Vietnamese one the importer's messages use."""
    for dataset in formats.DATASETS:
        entry = TEXT.get(f"admin.dataset.{dataset}")
        assert entry is not None, f"no admin.dataset.{dataset} text"
        assert entry["vi"] == formats.DATASET_NAMES[dataset]
        assert entry["en"] and entry["en"] != entry["vi"]
