"""`/pillars` as a reader sees it in Chromium: radars, the sortable table, task charts, deep links, downloads."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from tests.browser.conftest import (
    block_external_requests,
    expect_query,
    page_sized,
    plot_traces,
    read_only_page,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

SO_Y_TE = "/pillars?level=department&unit=binh-phuoc-so-y-te"


def open_pillars(page: Page, url: str) -> None:
    """Load `url` and wait until the pillar radar and its table are drawn."""
    page.goto(url)
    page.locator("#pillars-radar .js-plotly-plot .main-svg").first.wait_for()
    page.locator("#pillars-table tbody td").first.wait_for()


def number(text: str) -> float:
    """A number as displayed the Vietnamese way (`1.034,5`, `94,2%`) back to a float."""
    return float(text.strip().rstrip("%").replace(".", "").replace(",", "."))


def expect_rows(page: Page, expect: Callable, count: int) -> None:
    """Wait until the table shows `count` rows: the page waits for the table's first cell only, and a
    unit or level change can leave the old table on screen a moment, so reading the columns at once
    could read the old rows or some of them only."""
    expect(page.locator("#pillars-table tbody tr")).to_have_count(count)


def column(page: Page, column_id: str) -> list[str]:
    """One column's cells top to bottom as shown (the sort moves the rows, so DOM order is display order)."""
    return page.eval_on_selector_all(
        "#pillars-table tbody tr",
        """(rows, id) => {
            const headers = [...document.querySelectorAll("#pillars-table thead th")];
            const index = headers.findIndex(th => th.dataset.column === id);
            return rows.map(row => row.cells[index].innerText.trim());
        }""",
        column_id,
    )


def header(page: Page, column_id: str):
    """The header cell of one column: its button sorts, its aria-sort says how."""
    return page.locator(f'#pillars-table thead th[data-column="{column_id}"]')


@pytest.fixture(scope="module")
def province_errors() -> list[str]:
    """Console errors and uncaught exceptions of `province_page`, over every test that reads it."""
    return []


@pytest.fixture(scope="module")
def province_page(browser: Browser, base_url: str, province_errors: list[str]) -> Iterator[Page]:
    """/pillars, shared by its readers."""
    yield from read_only_page(browser, base_url, province_errors, "/pillars", open_pillars)


@pytest.fixture(scope="module")
def health_errors() -> list[str]:
    """Console errors and uncaught exceptions of `health_page`, over every test that reads it."""
    return []


@pytest.fixture(scope="module")
def health_page(browser: Browser, base_url: str, health_errors: list[str]) -> Iterator[Page]:
    """Sở Y tế's pillars (`SO_Y_TE`), shared by their readers."""
    yield from read_only_page(browser, base_url, health_errors, SO_Y_TE, open_pillars)


SHARED = {"/pillars": "province", SO_Y_TE: "health"}


def test_province_radar_against_the_leading_provinces_and_task_charts(
    province_page: Page, province_errors: list[str], expect: Callable
) -> None:
    page, page_errors = province_page, province_errors

    assert "Bình Phước" in page.inner_text("#pillars-heading")
    radar = {trace["name"]: trace["r"] for trace in plot_traces(page, "#pillars-radar")}
    assert set(radar) == {"Bình Phước", "TB 5 tỉnh dẫn đầu", "Dẫn đầu: TP. Đà Nẵng"}
    assert len(radar["Bình Phước"]) == 9, "eight pillars plus the point that closes the outline"
    assert radar["Bình Phước"][0] == 94.17
    assert radar["Dẫn đầu: TP. Đà Nẵng"][0] == 100
    legend = page.inner_text("#pillars-content .series-legend")
    assert "TB 5 tỉnh dẫn đầu" in legend
    assert "TP. Đà Nẵng" in legend

    expect_rows(page, expect, 8)
    pillars = column(page, "pillar")
    assert len(pillars) == 8
    awareness = pillars.index("Nhận thức số")
    assert column(page, "points")[awareness] == "94,17"
    assert column(page, "max_points")[awareness] == "100"

    tasks = plot_traces(page, "#pillars-indicators-infrastructure")
    assert tasks[0]["type"] == "scatterpolar"
    assert len(tasks[0]["r"]) == 6, "five tasks plus the closing point"
    assert 62.4 in tasks[0]["r"]
    listing = page.inner_text("#pillars-tasks-infrastructure")
    assert "Tỷ lệ dân số trưởng thành có điện thoại thông minh" in listing
    assert "6,24/10" in listing
    assert "62,4%" in listing
    card = page.locator(".ioc-card", has=page.locator("#pillars-tasks-infrastructure"))
    assert "Hạ tầng số: 72,64/100 điểm" in card.locator(".card-title-ioc").text_content()
    assert plot_traces(page, "#pillars-indicators-cybersecurity")[0]["type"] == "bar", "two tasks: bars"

    unscored = page.inner_text("#pillars-tasks-awareness")
    assert "chưa có điểm" in unscored
    assert "Mục tiêu: 100% cuộc họp" in unscored
    assert page_errors == []


def test_compare_with_a_chosen_province(page: Page, page_errors: list[str], base_url: str) -> None:
    open_pillars(page, base_url + "/pillars?compare=ho-chi-minh")

    names = [trace["name"] for trace in plot_traces(page, "#pillars-radar")]
    assert names == ["TP. Hồ Chí Minh", "Bình Phước"]
    headers = page.eval_on_selector_all("#pillars-table thead th", "cells => cells.map(c => c.textContent.trim())")
    assert "% TP. Hồ Chí Minh" in headers
    compared = page.locator("#pillars-table thead th", has_text="% TP. Hồ Chí Minh")
    assert "TP. Hồ Chí Minh" in compared.get_attribute("title"), "the short header names the series in full on hover"
    assert "TP. Hồ Chí Minh" in page.inner_text("#pillars-compare")
    assert page_errors == []


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("compare=khong-co", ["“khong-co”", "so sánh"]),
        ("level=abc", ["“abc”", "department"]),
        ("level=department&unit=xyz", ["“xyz”", "Sở, ban, ngành"]),
        ("level=district&compare=ho-chi-minh", ["chỉ dùng được ở cấp tỉnh"]),
        ("year=1999", ["“1999”", "2022"]),
    ],
)
def test_bad_parameters_get_a_friendly_message(
    page: Page, page_errors: list[str], expect: Callable, base_url: str, query: str, words: list[str]
) -> None:
    page.goto(f"{base_url}/pillars?{query}")

    message = page.locator("#page-message")
    for word in words:
        expect(message).to_contain_text(word)
    assert "Traceback" not in page.content()
    assert page_errors == []


def test_a_bad_comparison_can_be_corrected_with_the_selector(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    page.goto(base_url + "/pillars?compare=khong-co")
    expect(page.locator("#page-message")).to_contain_text("“khong-co”")
    expect(page.locator("#pillars-unit")).to_contain_text("Bình Phước")

    page.click("#pillars-compare")
    page.locator(".dash-dropdown-option", has_text="TP. Hồ Chí Minh").click()

    expect(page.locator("#pillars-radar")).to_be_visible()
    expect_query(page, {"compare": "ho-chi-minh"}, exact=False)
    assert page_errors == []


def test_a_year_without_scores_explains_itself(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    page.goto(base_url + "/pillars?year=2021")

    empty = page.locator("#pillars-empty")
    expect(empty).to_contain_text("Năm 2021 chưa có điểm")
    expect(empty).to_contain_text("Các năm có điểm: 2022")
    assert page_errors == []


def test_department_against_the_best_department_and_the_median(
    health_page: Page, health_errors: list[str], expect: Callable
) -> None:
    page, page_errors = health_page, health_errors

    names = [trace["name"] for trace in plot_traces(page, "#pillars-radar")]
    assert names == ["Dẫn đầu: Sở Thông tin và Truyền thông", "Trung vị 24 đơn vị", "Sở Y tế"]
    legend = page.inner_text("#pillars-content .series-legend")
    assert "Sở Thông tin và Truyền thông" in legend
    assert "Trung vị 24 đơn vị" in legend

    expect_rows(page, expect, 8)
    points = [number(cell) for cell in column(page, "points")]
    assert len(points) == 8
    assert sum(points) == pytest.approx(428.76)
    assert sum(number(cell) for cell in column(page, "max_points")) == 600
    assert "428,76/600" in page.inner_text("#pillars-total")
    assert "Khá" in page.inner_text("#pillars-group")

    assert page_errors == []


def test_a_header_click_sorts_the_rows_by_the_number_in_the_browser(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_pillars(page, base_url + SO_Y_TE)
    sent = column(page, "pillar")
    lost_as_sent = [number(cell) for cell in column(page, "lost")]
    assert lost_as_sent != sorted(lost_as_sent), "the seed's order is not already sorted by points lost"
    callbacks: list[str] = []
    page.on(
        "request", lambda request: callbacks.append(request.url) if "_dash-update-component" in request.url else None
    )

    lost = header(page, "lost")
    assert "Điểm bị mất" in lost.text_content(), "the header as written (the theme shows headers in capitals)"
    lost.locator("button").click()
    expect(lost).to_have_attribute("aria-sort", "ascending")
    ascending = [number(cell) for cell in column(page, "lost")]
    assert ascending == sorted(lost_as_sent), "sorted as numbers, not as text"

    lost.locator("button").click()
    expect(lost).to_have_attribute("aria-sort", "descending")
    expect(page.locator("#pillars-table tbody tr").first.locator("td").first).to_have_text("Hoạt động chính quyền số")
    descending = [number(cell) for cell in column(page, "lost")]
    assert descending == sorted(lost_as_sent, reverse=True)
    assert descending[0] == 66.98
    rows = page.eval_on_selector_all(
        "#pillars-table tbody tr", "rows => rows.map(row => [...row.cells].map(cell => cell.innerText.trim()))"
    )
    assert [row[0] for row in rows] != sent, "whole rows move, names with their numbers"
    assert page.locator("#pillars-table thead th[aria-sort]").count() == 1

    header(page, "points").locator("button").click()
    expect(header(page, "points")).to_have_attribute("aria-sort", "ascending")
    expect(page.locator("#pillars-table thead th[aria-sort]")).to_have_count(1)
    points = [number(cell) for cell in column(page, "points")]
    assert points == sorted(points)

    header(page, "points").locator("button").click()
    header(page, "points").locator("button").click()
    expect(page.locator("#pillars-table thead th[aria-sort]")).to_have_count(0)
    assert column(page, "pillar") == sent, "the third click returns to the pillars' own order"
    assert callbacks == [], "sorting asks nothing of the server"
    assert page_errors == []


def test_another_unit_is_drawn_in_its_own_order_with_no_stale_sort_mark(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """A sort belongs to the table it was made on: the next unit's rows come in the pillars' order,
    and no header still claims a sort the rows no longer have."""
    open_pillars(page, base_url + SO_Y_TE)
    lost = header(page, "lost")
    lost.locator("button").click()
    expect(lost).to_have_attribute("aria-sort", "ascending")

    page.click("#pillars-unit")
    page.locator(".dash-dropdown-option", has_text="Sở Thông tin và Truyền thông").click()
    expect(page.locator("#pillars-heading")).to_contain_text("Sở Thông tin và Truyền thông")

    expect(page.locator("#pillars-table thead th[aria-sort]")).to_have_count(0)
    order = page.eval_on_selector_all("#pillars-table tbody tr", "rows => rows.map(row => Number(row.dataset.order))")
    assert order == sorted(order)
    assert column(page, "pillar")[0] == "Nhận thức số"
    lost.locator("button").click()
    expect(lost).to_have_attribute("aria-sort", "ascending")
    shown = [number(cell) for cell in column(page, "lost")]
    assert shown == sorted(shown)
    assert page_errors == []


def test_district_level_defaults_to_the_best_district(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_pillars(page, base_url + "/pillars?level=district")

    assert "UBND thành phố Đồng Xoài" in page.inner_text("#pillars-heading")
    assert "UBND thành phố Đồng Xoài" in page.inner_text("#pillars-unit")
    expect_rows(page, expect, 9)
    assert len(column(page, "pillar")) == 9
    assert page_errors == []


def test_selectors_write_the_url_and_the_content_follows(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_pillars(page, base_url + "/pillars")

    page.locator("#pillars-level label", has_text="Sở, ban, ngành").click()
    expect(page.locator("#pillars-heading")).to_contain_text("Sở Thông tin và Truyền thông")
    expect_query(page, {"level": "department"})
    # The best department against the one ranked next, not against itself.
    expect(page.locator("#pillars-content .series-legend")).to_contain_text("Xếp kế tiếp: Văn phòng UBND tỉnh")
    expect(page.locator("#pillars-compare")).to_be_hidden()

    # Another unit of the level redraws the radar in place (a patch, not a new chart) and asks no new
    # page of the router; one history entry per choice.
    page.eval_on_selector("#pillars-radar .js-plotly-plot", "plot => { plot.dataset.kept = 'yes'; }")
    routed: list[str] = []
    page.on("request", lambda r: routed.append(r.post_data) if "_pages_content" in (r.post_data or "") else None)
    page.click("#pillars-unit")
    page.locator(".dash-dropdown-option", has_text="Sở Y tế").click()
    expect(page.locator("#pillars-heading")).to_contain_text("Sở Y tế")
    expect_query(page, {"level": "department", "unit": "binh-phuoc-so-y-te"})
    expect(page.locator('#pillars-radar .js-plotly-plot[data-kept="yes"]')).to_have_count(1)
    assert routed == [], "the router was asked for the page again"

    page.go_back()
    expect(page.locator("#pillars-heading")).to_contain_text("Sở Thông tin và Truyền thông")
    expect_query(page, {"level": "department"})

    page.goto(base_url + "/pillars")
    page.click("#pillars-compare")
    page.locator(".dash-dropdown-option", has_text="TP. Hồ Chí Minh").click()
    expect_query(page, {"level": "province", "unit": "binh-phuoc", "compare": "ho-chi-minh"})
    expect(page.locator("#pillars-radar")).to_be_visible()
    assert page_errors == []


def _download(page: Page, selector: str) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_bytes()


def test_pillar_table_downloads_keep_diacritics_and_numbers(health_page: Page, health_errors: list[str]) -> None:
    page, page_errors = health_page, health_errors

    rows = list(csv.DictReader(io.StringIO(_download(page, "#pillars-table-download-csv").decode("utf-8-sig"))))
    assert len(rows) == 8
    assert {row["Đơn vị"] for row in rows} == {"Sở Y tế"}
    assert rows[0]["Chỉ số chính"] == "Nhận thức số"
    assert sum(float(row["Điểm"]) for row in rows) == pytest.approx(428.76)
    assert "% Dẫn đầu: Sở Thông tin và Truyền thông" in rows[0]
    assert rows[0]["Nguồn"] == "Báo cáo sơ kết 6 tháng đầu năm 2023 (dự thảo) và các phụ lục, Phụ lục III.1.a"

    sheet = openpyxl.load_workbook(io.BytesIO(_download(page, "#pillars-table-download-xlsx"))).active
    header = [cell.value for cell in sheet[1]]
    assert header[:8] == ["Năm", "Cấp", "Đơn vị", "Chỉ số chính", "Điểm", "Điểm tối đa", "% điểm tối đa", "Điểm bị mất"]
    assert header[-1] == "Nguồn"
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == 8
    assert sum(row[4] for row in values) == pytest.approx(428.76)
    assert values[0][2] == "Sở Y tế"
    assert page_errors == []


def test_task_downloads_list_every_task_with_diacritics(province_page: Page, province_errors: list[str]) -> None:
    page, page_errors = province_page, province_errors

    rows = list(csv.DictReader(io.StringIO(_download(page, "#pillars-indicators-download-csv").decode("utf-8-sig"))))
    assert len(rows) == 23, "tasks without points are exported too"
    smartphones = next(r for r in rows if r["Nhiệm vụ (chỉ số thành phần)"].startswith("Tỷ lệ dân số trưởng thành"))
    assert (smartphones["Điểm"], smartphones["Điểm tối đa"], smartphones["% điểm tối đa"]) == ("6.24", "10", "62.4")
    assert sum(1 for r in rows if r["Điểm"] == "") == 4
    assert (
        smartphones["Nguồn"]
        == "Kết quả chỉ số DTI 2022 theo từng nhiệm vụ (trình chiếu của tỉnh), slide 'Về hạ tầng số'"
    )

    sheet = openpyxl.load_workbook(io.BytesIO(_download(page, "#pillars-indicators-download-xlsx"))).active
    values = list(sheet.iter_rows(min_row=1, values_only=True))
    assert values[0][3] == "Nhiệm vụ (chỉ số thành phần)"
    assert len(values) == 24
    assert any(row[3] == "Tỷ lệ dân số trưởng thành có điện thoại thông minh" and row[7] == 6.24 for row in values)
    assert page_errors == []


def test_no_request_leaves_the_machine(page: Page, page_errors: list[str], expect: Callable, base_url: str) -> None:

    blocked = block_external_requests(page)
    open_pillars(page, base_url + "/pillars")
    page.locator("#pillars-indicators-infrastructure .main-svg").first.wait_for()
    open_pillars(page, base_url + SO_Y_TE)

    assert blocked == []
    assert page_errors == []


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("path", ["/pillars", SO_Y_TE])
def test_no_horizontal_overflow(request: pytest.FixtureRequest, width: int, height: int, path: str) -> None:
    page, _errors = page_sized(request, width, height, SHARED[path], path, open_pillars)

    size = page.evaluate("() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})")
    assert size["scrollWidth"] <= size["innerWidth"], size
