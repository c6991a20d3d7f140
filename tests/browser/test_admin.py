"""`/admin` in Chromium: a file with faults is explained; a good file is previewed, written and listed,
and the rankings show its figure at once.

The page writes, so it runs against an app of its own (its own SQLite file), never the shared one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook

from data_access import db
from data_access.importing import files as downloads
from data_access.importing import formats
from data_access.settings import SEED_DIR
from tests.browser.conftest import app_with_accounts, sqlite_url

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

YEAR, LEVEL = 2022, "department"
UPLOAD_INPUT = "#admin-upload input[type=file]"


@pytest.fixture(scope="module")
def admin_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("browser-admin")
    url = sqlite_url(folder)
    for running in app_with_accounts(url, folder):
        yield running, url


@pytest.fixture
def admin_page(page_on: Callable[[str, str], Page], admin_app) -> Page:
    return page_on(admin_app[0], "admin")


def seed_totals() -> dict[str, dict[str, str]]:
    with (SEED_DIR / "totals.csv").open(encoding="utf-8") as handle:
        return {r["unit_code"]: r for r in csv.DictReader(handle) if r["year"] == str(YEAR) and r["level"] == LEVEL}


def edited_export(database_url: str, tmp_path: Path, name: str, edit) -> Path:
    """The app's own export of the 2022 department results, edited as a person would in Excel."""
    content = downloads.export_file(formats.SCORES, {"year": YEAR, "level": LEVEL}, engine=db.engine_for(database_url))[
        1
    ]
    book = load_workbook(io.BytesIO(content))
    sheet = book[formats.SCORES_SHEET]
    headers = [c.value for c in sheet[1]]
    edit(sheet, headers)
    path = tmp_path / name
    book.save(path)
    return path


def expect_commit_settled_disabled(page: Page, expect) -> None:
    """The commit button is disabled once its own callback has answered the file just checked.

    It was disabled before the upload too, so `to_be_disabled` alone would pass on the old state;
    Dash marks the button `data-dash-is-loading` while the callback that decides it is pending.
    """
    commit = page.locator("#admin-commit")
    expect(commit).not_to_have_attribute("data-dash-is-loading", "true")
    expect(commit).to_be_disabled()


def test_faults_are_listed_then_a_good_file_is_previewed_written_and_shown(
    admin_page: Page, admin_app, tmp_path: Path, expect, page_errors: list[str]
):
    base_url, database_url = admin_app
    page = admin_page
    page.goto(f"{base_url}/admin")
    expect(page.locator("#admin-history-empty")).to_be_visible()

    def faults(sheet, headers):
        awareness = next(i for i, h in enumerate(headers, 1) if "[awareness]" in h)
        sheet.cell(2, awareness).value = "abc"
        sheet.cell(3, awareness).value = -1

    page.set_input_files(UPLOAD_INPUT, str(edited_export(database_url, tmp_path, "loi.xlsx", faults)))
    issues = page.locator("#admin-issues tbody tr")
    expect(issues).to_have_count(2)
    expect(page.locator("#admin-issues")).to_contain_text("“abc” không phải là số")
    expect(page.locator("#admin-issues")).to_contain_text("điểm âm (-1)")
    expect(page.locator("#admin-refused")).to_be_visible()
    expect_commit_settled_disabled(page, expect)

    printed = seed_totals()
    unit = next(code for code, r in printed.items() if r["published_rank"] == "1")
    new_total = round(float(printed[unit]["published_total"]) - 10, 2)

    def lowered(sheet, headers):
        awareness = next(i for i, h in enumerate(headers, 1) if "[awareness]" in h)
        total = headers.index("Tổng điểm") + 1
        row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 3).value == unit)
        sheet.cell(row, awareness).value -= 10
        sheet.cell(row, total).value = new_total

    page.set_input_files(UPLOAD_INPUT, str(edited_export(database_url, tmp_path, "diem-2022.xlsx", lowered)))
    expect(page.locator("#admin-ready")).to_be_visible()
    expect(page.locator("#admin-preview")).to_contain_text(f"{new_total:.2f}".replace(".", ","))
    # The published rank 1 no longer follows the lowered total: a warning the admin must confirm.
    expect(page.locator("#admin-issues")).to_contain_text("hạng 1 không khớp thứ tự tổng điểm")
    expect_commit_settled_disabled(page, expect)
    page.check("#admin-accept")
    expect(page.locator("#admin-commit")).to_be_enabled()
    page.click("#admin-commit")
    expect(page.locator("#admin-committed")).to_be_visible()
    row = page.locator("#admin-history-table tbody tr").first
    expect(row).to_contain_text("test-admin")
    expect(row).to_contain_text("diem-2022.xlsx")
    expect(row).to_contain_text("Đã nạp")
    expect(page.locator("#admin-commit")).to_be_disabled()

    page.goto(f"{base_url}/rankings?level={LEVEL}&year={YEAR}")
    expect(page.locator("#rankings-unit-table")).to_contain_text(f"{new_total:.2f}".replace(".", ","))
    assert page_errors == []


def test_a_new_year_imported_elsewhere_is_selectable_with_changes_against_the_year_before(
    admin_page: Page, admin_app, expect, page_errors: list[str]
):
    """Framework and scores for 2023 typed by hand, imported by the command line's code into the
    running app's database: the app offers 2023 and ranks it against 2022 without a restart."""
    from data_access.importing import OK, import_file
    from tests.data_access.importing.files import framework_2023, scores_2023

    base_url, database_url = admin_app
    engine = db.engine_for(database_url)
    assert import_file(framework_2023(), "khung-2023.xlsx", user="cli", engine=engine).result == OK
    scores, _totals = scores_2023()
    assert import_file(scores, "diem-2023.xlsx", user="cli", engine=engine).result == OK

    page = admin_page
    page.goto(f"{base_url}/rankings?level={LEVEL}&year=2023")
    expect(page.locator("#rankings-change-note")).to_contain_text("so với năm 2022")
    expect(page.locator(".year-link", has_text="2023")).to_be_visible()
    expect(page.locator("#rankings-unit-table")).to_contain_text("▲")
    page.goto(f"{base_url}/admin")
    expect(page.locator("#admin-history-table")).to_contain_text("diem-2023.xlsx")
    assert page_errors == []
