"""The wall's ticker as a leader's screen shows it: real imports into the running app's database
while the kiosk and the overview are open, and what each screen says since its last look.

The imported files are synthetic (named so in their source): the 2023 national table with the
focus province two places higher, and one more observation of a target that then misses its plan.
Expected words are recomputed from the seed CSVs and the import history, not read from the app.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook

from data_access import db
from data_access.importing import OK, files, formats, import_file
from data_access.importing.history import history
from domain.clock import to_local
from tests.browser.conftest import app_with_accounts, sqlite_url
from tests.data_access.importing.files import seed_csv
from tests.data_access.importing.year_files import focus_province, national_results, seed_national_ranks

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

TEST_SOURCE = "dữ liệu thử nghiệm của bảng tin (không phải số liệu công bố)"


@pytest.fixture(scope="module")
def ticker_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("ticker-app")
    url = sqlite_url(folder)
    for running in app_with_accounts(url, folder):
        yield running, url


@pytest.fixture
def leader(page_on: Callable[[str, str], Page], ticker_app: tuple[str, str]) -> Page:
    return page_on(ticker_app[0], "leader")


def focus_province_name() -> str:
    """The focus province's name as the units file of the seed writes it."""
    return next(r["name_vi"] for r in seed_csv("units.csv") if r["unit_code"] == focus_province())


def national_2023_up_two() -> tuple[bytes, int, int]:
    """2022's order with the focus province two places higher: the file, its 2022 and 2023 ranks."""
    ranks = seed_national_ranks()
    focus = focus_province()
    ordered = sorted((u for u in ranks if u != focus), key=ranks.get)
    ordered.insert(ranks[focus] - 3, focus)
    content = national_results(2023, [(u, position, None) for position, u in enumerate(ordered, 1)])
    return content, ranks[focus], ordered.index(focus) + 1


def falling_observation(database_url: str, target: str) -> bytes:
    """The observations as stored, plus a later, lower figure of `target` (a test figure, said so)."""
    _name, content = files.export_file(formats.OBSERVATIONS, {}, engine=db.engine_for(database_url))
    book = load_workbook(io.BytesIO(content))
    sheet = book[formats.OBSERVATIONS_SHEET]
    headers = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[headers.index("Mã mục tiêu")] == target)
    later = dict(zip(headers, row, strict=True))
    later.update({"Kỳ": "2023-12", "Giá trị": 80, "Tử số": None, "Mẫu số": None, "Nguồn": TEST_SOURCE, "Ghi chú": ""})
    sheet.append([later[h] for h in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def imported(database_url: str, content: bytes, name: str) -> str:
    """Import through the importer, as the command line does; the time the ticker must show."""
    engine = db.engine_for(database_url)
    outcome = import_file(content, name, user="data-officer", engine=engine, accept_warnings=True)
    assert outcome.result == OK, (outcome.error, outcome.checked.issues)
    latest = history(limit=1, engine=engine).iloc[0]
    assert latest["file_name"] == name
    return to_local(latest["imported_at"].to_pydatetime()).strftime("%H:%M %d/%m/%Y")


def test_the_kiosk_reports_an_import_and_the_rank_it_brought(leader: Page, ticker_app, expect, page_errors):
    base_url, database_url = ticker_app
    leader.goto(base_url + "/present?kiosk=1&interval=2")
    ticker = leader.locator("#ticker-bar")
    expect(ticker).to_contain_text("Lần xem đầu tiên trên trình duyệt này")

    content, before, after = national_2023_up_two()
    at = imported(database_url, content, "dti-2023.xlsx")

    expect(ticker.locator(".ticker-import")).to_have_text(
        f"Nạp dữ liệu: Điểm của đơn vị · 2023 · tỉnh, thành phố lúc {at}"
    )
    expect(ticker.locator(".ticker-rank")).to_have_text(f"Xếp hạng DTI 2023: {after}/63 (năm 2022: {before})")
    assert after == before - 2
    assert ticker.locator(".ticker-risk").count() == 0
    assert page_errors == []


def test_the_overview_says_what_is_new_since_this_browsers_last_look(leader: Page, ticker_app, expect, page_errors):
    """A target with one figure gets a later, lower one: the overview, reloaded, says it is newly at
    risk and which file brought it; reloaded again, nothing is new."""
    base_url, database_url = ticker_app
    target = next(r for r in seed_csv("targets.csv") if r["target_code"] == "mobile_coverage_rate")
    assert float(target["actual_value"]) >= float(target["target_value"]), "met on its one figure so far"
    leader.goto(base_url + "/")
    ticker = leader.locator("#ticker-bar")
    expect(ticker).to_contain_text("Lần xem đầu tiên")
    risks = leader.locator("#overview-risks")
    expect(risks).to_be_attached()  # the overview's content is drawn: an absent name now means something
    expect(risks).not_to_contain_text(target["name_vi"])

    at = imported(database_url, falling_observation(database_url, target["target_code"]), "so-lieu.xlsx")

    leader.reload()
    expect(ticker.locator(".ticker-import")).to_have_text(
        f"Nạp dữ liệu: Số liệu thực hiện · {focus_province_name()} lúc {at}"
    )
    expect(ticker.locator(".ticker-risk")).to_have_text(f"Mục tiêu mới có nguy cơ không đạt: {target['name_vi']}")
    assert ticker.locator(".ticker-rank").count() == 0, "the rank did not move since this browser's last look"

    leader.reload()
    expect(ticker).to_contain_text("Không có gì mới kể từ lần xem trước")
    assert page_errors == []
