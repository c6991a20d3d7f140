"""`/districts` in a communes year, narrowed to a former district ("Huyện cũ", `?from=`), in Chromium.

The database is the seed plus a synthetic 2025 of 100 communes, wards and special zones of Bình
Phước's area, imported as a data officer does (seed/synthetic.py: every name says "tổng hợp"). Bình
Phước merged into Đồng Nai on 1 July 2025, so the communes answer to Đồng Nai and the page, whose
focus is Bình Phước, shows Đồng Nai's communes and says why. At first the reorganisation dataset has
no district → commune rows: the page says how to get the filter. Then an admin imports the mapping
completed with a row per commune (its former district) through /admin, and the leader filters by it,
with the search and the paging still working. Expectations are read from the imported files.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from auth import users
from data_access import db
from data_access.importing import check
from seed.loader import load_seed
from seed.synthetic import CommuneYear, commune_name
from tests.browser.conftest import expect_query, new_page, run_app, sign_in, sign_in_with
from tests.conftest import create_test_accounts
from tests.data_access.importing.files import seed_csv

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PROVINCE, SUCCESSOR, YEAR, PAGE_SIZE = "binh-phuoc", "dong-nai", 2025, 25
HEATMAP = "#districts-heatmap .js-plotly-plot .main-svg"


class FormerApp:
    """The running app and the files it was loaded from (the mapping not yet imported)."""

    def __init__(self, url: str, scores: bytes, mapping: bytes, names: dict[str, str], database_url: str) -> None:
        self.url, self.scores, self.mapping, self.names = url, scores, mapping, names
        self.database_url = database_url

    def totals(self) -> dict[str, float]:
        rows = csv.DictReader(io.StringIO(self.scores.decode("utf-8-sig")))
        return {r["Mã đơn vị"]: float(r["Tổng điểm"]) for r in rows}

    def ranks(self) -> dict[str, int]:
        """Each commune's rank among all of them (ties share a rank, as the ranking does)."""
        totals = self.totals()
        return {code: 1 + sum(other > total for other in totals.values()) for code, total in totals.items()}

    def mapped(self, district: str) -> list[str]:
        """The communes the imported mapping says came from `district`, in the file's order."""
        rows = csv.DictReader(io.StringIO(self.mapping.decode("utf-8-sig")))
        return [
            r["Mã đơn vị kế thừa"] for r in rows if r["Cấp"] == "commune" and r["Mã đơn vị trước sắp xếp"] == district
        ]

    def communes_of(self, district: str) -> list[str]:
        """The communes the imported mapping says came from `district`, best first."""
        codes = self.mapped(district)
        ranks = self.ranks()
        return sorted(codes, key=lambda code: (ranks[code], self.names[code]))

    def label(self, code: str) -> str:
        return f"{self.ranks()[code]}. {self.names[code]}"


@pytest.fixture(scope="module")
def former_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FormerApp]:
    folder: Path = tmp_path_factory.mktemp("former-districts-app")
    url = f"sqlite:///{folder / 'dti.sqlite3'}"
    engine = db.engine_for(url)
    load_seed(engine)
    year = CommuneYear(PROVINCE, engine, year=YEAR)
    scores = year.load(with_boundaries=True)
    mapping = year.former_districts_file()
    assert check(mapping, "sap-xep.csv", engine=engine).issues == [], "the completed mapping is a clean file"
    names = {code: commune_name(n, len(year.codes)) for n, code in enumerate(year.codes, 1)}
    engine.dispose()
    for running in run_app(url, folder, lambda status: status == 200):
        create_test_accounts(url)
        yield FormerApp(running, scores, mapping, names, url)


def signed_in(browser: Browser, page_errors: list[str], base: str, account: str) -> Page:
    fresh = new_page(browser, page_errors)
    sign_in(fresh, base, account)
    return fresh


@pytest.fixture
def leader(browser: Browser, page_errors: list[str], former_app: FormerApp) -> Iterator[Page]:
    fresh = signed_in(browser, page_errors, former_app.url, "leader")
    yield fresh
    fresh.context.close()


@pytest.fixture(scope="module")
def imported_mapping(browser: Browser, former_app: FormerApp, tmp_path_factory: pytest.TempPathFactory) -> FormerApp:
    """An admin imports the mapping with the communes' former districts through /admin."""
    from playwright.sync_api import expect

    errors: list[str] = []
    admin = signed_in(browser, errors, former_app.url, "admin")
    upload = tmp_path_factory.mktemp("upload") / "sap-xep-huyen-xa-tong-hop.csv"
    upload.write_bytes(former_app.mapping)
    admin.goto(former_app.url + "/admin")
    admin.set_input_files("#admin-upload input[type=file]", str(upload))
    expect(admin.locator("#admin-ready")).to_be_visible()
    admin.click("#admin-commit")
    expect(admin.locator("#admin-committed")).to_be_visible()
    admin.context.close()
    assert errors == []
    return former_app


def row_labels(page: Page) -> list[str]:
    """The heatmap's row labels top to bottom, as drawn."""
    labels = page.eval_on_selector_all(
        "#districts-heatmap .ytick text", "nodes => nodes.map(n => [n.textContent, n.getBoundingClientRect().y])"
    )
    return [text for text, _ in sorted(labels, key=lambda label: label[1])]


def district_names() -> dict[str, str]:
    return {r["unit_code"]: r["name_vi"] for r in seed_csv("units.csv") if r["kind"] == "district"}


def test_without_district_rows_the_page_says_how_to_get_the_filter(
    leader: Page, page_errors: list[str], expect, former_app: FormerApp
) -> None:
    leader.goto(former_app.url + f"/districts?year={YEAR}")
    leader.locator(HEATMAP).first.wait_for()

    expect(leader.locator("#districts-heading")).to_have_text(
        f"Chuyển đổi số cấp xã, phường, đặc khu Đồng Nai năm {YEAR}"
    )
    expect(leader.locator("#districts-followed")).to_contain_text(
        "Bình Phước đã sáp nhập vào Đồng Nai từ ngày 01/07/2025"
    )
    expect(leader.locator("#districts-former-status")).to_contain_text("Chưa lọc được theo huyện cũ")
    expect(leader.locator("#districts-former-status")).to_contain_text("/admin")
    expect(leader.locator("#districts-former")).to_have_count(0)

    leader.goto(former_app.url + f"/districts?year={YEAR}&from=binh-phuoc-dong-xoai")
    panel = leader.locator("#districts-former-empty")
    expect(panel).to_contain_text("chưa có dòng huyện → xã nào")
    expect(panel).to_contain_text("binh-phuoc-dong-xoai")
    assert page_errors == []


def test_a_leader_narrows_the_communes_to_a_former_district_and_pages_and_searches_within_it(
    leader: Page, page_errors: list[str], expect, imported_mapping: FormerApp
) -> None:
    app = imported_mapping
    districts = district_names()
    leader.goto(app.url + f"/districts?year={YEAR}")
    leader.locator(HEATMAP).first.wait_for()
    choices = leader.locator("#districts-former option:not([hidden])")
    expect(choices).to_have_count(1 + len(districts))
    shown = "s => s.options[s.selectedIndex].textContent"
    assert leader.eval_on_selector("#districts-former", shown) == "Tất cả (100 đơn vị)"
    largest = max(districts, key=lambda code: len(app.communes_of(code)))
    communes = app.communes_of(largest)
    assert len(communes) > PAGE_SIZE, "the synthetic mapping gives one district more communes than a page"

    leader.select_option("#districts-former", largest)

    status = f"Từ {districts[largest]}: {len(communes)} trong 100 xã, phường, đặc khu (hạng trong cả 100)."
    expect(leader.locator("#districts-former-status")).to_have_text(status)
    expect_query(leader, {"year": str(YEAR), "from": largest})
    pages = -(-len(communes) // PAGE_SIZE)
    expect(leader.locator("#districts-page-status")).to_have_text(
        f"Đơn vị 1–25 trong {len(communes)} (trang 1/{pages})"
    )
    leader.locator(HEATMAP).first.wait_for()
    assert row_labels(leader) == [app.label(code) for code in communes[:PAGE_SIZE]]

    leader.click("#districts-next")
    last = f"Đơn vị 26–{len(communes)} trong {len(communes)} (trang 2/{pages})"
    expect(leader.locator("#districts-page-status")).to_have_text(last)
    expect_query(leader, {"year": str(YEAR), "from": largest, "page": "2"})
    expect(leader.locator("#districts-heatmap .ytick text").first).to_have_text(app.label(communes[PAGE_SIZE]))
    assert row_labels(leader) == [app.label(code) for code in communes[PAGE_SIZE:]]

    wards = [code for code in communes if app.names[code].startswith("Phường")]
    assert wards, "every tenth synthetic commune is a ward"
    leader.fill("#districts-search", "phuong")
    leader.press("#districts-search", "Enter")
    found = f"{len(wards)} trong {len(communes)} đơn vị có tên chứa “phuong”"
    expect(leader.locator("#districts-page-status")).to_contain_text(found)
    expect_query(leader, {"year": str(YEAR), "from": largest, "q": "phuong"})
    leader.locator(HEATMAP).first.wait_for()
    assert row_labels(leader) == [app.label(code) for code in wards]

    leader.click("#districts-former-clear")
    expect_query(leader, {"year": str(YEAR), "q": "phuong"})
    every_ward = [code for code in app.names if app.names[code].startswith("Phường")]
    expect(leader.locator("#districts-page-status")).to_contain_text(f"{len(every_ward)} trong 100 đơn vị")
    expect(leader.locator("#districts-former-status")).to_have_count(0)
    assert page_errors == []


def test_an_unknown_former_district_lists_the_ones_there_are(
    leader: Page, page_errors: list[str], expect, imported_mapping: FormerApp
) -> None:
    leader.goto(imported_mapping.url + f"/districts?year={YEAR}&from=khong-co")

    panel = leader.locator("#districts-former-empty")
    expect(panel).to_contain_text("Không có huyện cũ “khong-co”")
    for code, name in district_names().items():
        expect(panel).to_contain_text(f"{code} ({name})")
    assert re.search(r"from=khong-co", leader.url)
    assert page_errors == []


MAP = "#districts-map .js-plotly-plot"
# The codes every choropleth trace of the map draws (coloured, shared and no-data regions), sorted.
MAP_LOCATIONS = (
    "el => el._fullData.filter(t => t.type === 'choroplethmap').flatMap(t => Array.from(t.locations)).sort()"
)


def drawn_map(page: Page) -> dict:
    """The regions the map draws and its zoom, once Plotly has finished drawing it."""
    page.locator(f"{MAP}:not(.dash-graph--pending) .main-svg").first.wait_for(state="attached")
    return page.eval_on_selector(MAP, f"el => ({{locations: ({MAP_LOCATIONS})(el), zoom: el._fullLayout.map.zoom}})")


def test_a_former_district_s_map_draws_exactly_its_communes_fitted_to_them(
    leader: Page, page_errors: list[str], expect, imported_mapping: FormerApp
) -> None:
    app = imported_mapping
    districts = district_names()
    chosen = min(districts, key=lambda code: (len(app.communes_of(code)), code))
    communes = sorted(app.communes_of(chosen))
    leader.goto(app.url + f"/districts?year={YEAR}")
    whole = drawn_map(leader)
    assert whole["locations"] == sorted(app.names)
    source = leader.locator("#districts-map-card .source-note").text_content()

    leader.select_option("#districts-former", chosen)

    leader.wait_for_function(
        f"codes => {{ const el = document.querySelector('{MAP}');"
        f" return !!(el && el._fullData) && JSON.stringify(({MAP_LOCATIONS})(el)) === JSON.stringify(codes); }}",
        arg=communes,
    )
    narrowed = drawn_map(leader)
    assert narrowed["locations"] == communes
    assert narrowed["zoom"] > whole["zoom"], "the view is fitted to the district's communes"
    labels = leader.locator(".districts-map-labels.placed .districts-map-label")
    expect(labels).to_have_count(len(communes))
    assert sorted(labels.evaluate_all("nodes => nodes.map(n => n.dataset.code)")) == communes
    expect(leader.locator("#districts-map-former")).to_have_text(
        f"Bản đồ chỉ vẽ {len(communes)} trong 100 xã, phường, đặc khu: những đơn vị từ {districts[chosen]}."
    )
    expect(leader.locator("#districts-map-card .source-note")).to_have_text(source)
    assert page_errors == []


def test_a_former_district_s_map_file_holds_the_communes_the_map_draws(
    leader: Page, page_errors: list[str], expect, imported_mapping: FormerApp
) -> None:
    app = imported_mapping
    chosen = min(district_names(), key=lambda code: (len(app.communes_of(code)), code))
    leader.goto(app.url + f"/districts?year={YEAR}&from={chosen}")
    expect(leader.locator("#districts-map-former")).to_be_visible()

    with leader.expect_download() as info:
        leader.click("#districts-map-download-csv")
    rows = list(csv.DictReader(io.StringIO(info.value.path().read_bytes().decode("utf-8-sig"))))
    assert info.value.suggested_filename == f"ban-do-cap-xa-{YEAR}-total-tu-{chosen}.csv"
    assert sorted(row["Đơn vị"] for row in rows) == sorted(app.names[code] for code in app.communes_of(chosen))

    with leader.expect_download() as info:
        leader.click("#districts-heatmap-download-csv")
    heatmap = csv.DictReader(io.StringIO(info.value.path().read_bytes().decode("utf-8-sig")))
    assert {row["Đơn vị"] for row in heatmap} == set(app.names.values()), "the heatmap's file stays the whole year"
    assert page_errors == []


def divided_district(app: FormerApp) -> str:
    """A former district whose area the mapping divides among several communes."""
    return next(code for code in district_names() if len(app.mapped(code)) > 1)


def test_a_divided_district_s_page_links_each_commune_it_went_to(
    leader: Page, page_errors: list[str], expect, imported_mapping: FormerApp
) -> None:
    app = imported_mapping
    district = divided_district(app)
    communes = app.mapped(district)
    leader.goto(app.url + f"/units/{district}?year=2022")

    note = leader.locator("#units-divided")
    expect(note).to_contain_text("Đã sắp xếp thành các xã/phường:")
    expect(note).to_contain_text(f"(từ ngày 01/07/{YEAR})")
    links = note.locator("a")
    expect(links).to_have_count(len(communes))
    assert links.evaluate_all("nodes => nodes.map(n => n.getAttribute('href'))") == [f"/units/{c}" for c in communes]
    assert links.all_text_contents() == [app.names[c] for c in communes]

    leader.goto(app.url + f"/units/{district}?year={YEAR}")
    panel = leader.locator("#units-bad-year")
    expect(panel).to_contain_text(f"từ ngày 01/07/{YEAR} không còn cấp huyện")
    expect(panel.locator("#units-divided a")).to_have_count(len(communes))

    panel.locator("#units-divided a").first.click()
    expect(leader.locator("#units-heading")).to_contain_text(f"{app.names[communes[0]]}: kết quả năm {YEAR}")
    assert page_errors == []


def test_the_district_s_own_head_reads_the_communes_names_without_links(
    browser: Browser, page_errors: list[str], expect, imported_mapping: FormerApp
) -> None:
    app = imported_mapping
    district = divided_district(app)
    password = "district-head-password-1"
    engine = db.engine_for(app.database_url)
    users.create_user("test-head-" + district, "unit_head", unit_code=district, password=password, engine=engine)
    engine.dispose()
    head = new_page(browser, page_errors)
    sign_in_with(head, app.url, "test-head-" + district, password)

    head.goto(app.url + f"/units/{district}?year=2022")

    note = head.locator("#units-divided")
    for code in app.mapped(district):
        expect(note).to_contain_text(app.names[code])
    expect(note.locator("a")).to_have_count(0)
    head.context.close()
    assert page_errors == []
