"""`/units/<code>` as a reader sees it in Chromium: the result cards, the charts, the other years' message."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

import pytest

from data_access.settings import SEED_DIR
from tests.browser.conftest import block_external_requests, plot_traces

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

HEALTH = "binh-phuoc-so-y-te"


def printed(code: str) -> dict[str, str]:
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        return next(row for row in csv.DictReader(fh) if row["unit_code"] == code)


def open_unit(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("#units-total").wait_for()


def test_so_y_te_shows_its_total_group_and_rank(page: Page, base_url: str, expect: Callable, page_errors: list[str]):
    row = printed(HEALTH)
    blocked = block_external_requests(page)
    open_unit(page, f"{base_url}/units/{HEALTH}")
    expect(page.locator("#units-total")).to_have_text(f"{row['published_total'].replace('.', ',')} / 600")
    expect(page.locator("#units-group")).to_have_text(row["published_group"])
    expect(page.locator("#units-rank")).to_have_text(f"{row['published_rank']}/24")
    expect(page.locator("#units-next")).to_contain_text("51,24")
    page.locator("#units-radar .js-plotly-plot .main-svg").first.wait_for()
    page.locator("#units-bars .js-plotly-plot .main-svg").first.wait_for()
    bars = plot_traces(page, "#units-bars")
    assert [trace["type"] for trace in bars] == ["bar", "bar", "scatter", "scatter"]
    lost = page.locator("#units-lost-list .lost-value").all_inner_texts()
    assert lost[0] == "−66,98"  # Hoạt động chính quyền số: 133,02 of 200
    expect(page.locator("#units-history-one")).to_be_visible()
    assert blocked == []
    assert page_errors == []


def test_an_english_reader_reads_the_group_in_english(page: Page, base_url: str, expect: Callable):
    row = printed(HEALTH)
    open_unit(page, f"{base_url}/units/{HEALTH}")
    expect(page.locator("#units-group")).to_have_text(row["published_group"])
    page.click("#shell-language")
    expect(page.locator("#units-group")).to_have_text({"Khá": "Fair"}[row["published_group"]])
    expect(page.locator("#units-group .group-badge")).to_have_attribute("title", row["published_group"])


def test_a_year_the_unit_has_no_results_for_is_explained(page: Page, base_url: str, expect: Callable):
    page.goto(f"{base_url}/units/{HEALTH}?year=2021")
    expect(page.locator("#units-bad-year")).to_contain_text("Các năm có kết quả: 2022")
    expect(page.locator("#units-bad-year")).to_contain_text("không có giá trị, thứ hạng hay điểm từng chỉ số")
    expect(page.locator("#units-bad-year")).to_contain_text("nạp kết quả cấp sở, ban, ngành của năm tại /admin")


def test_an_unknown_unit_is_a_friendly_panel(page: Page, base_url: str, expect: Callable, page_errors: list[str]):
    page.goto(f"{base_url}/units/khong-co-don-vi")
    expect(page.locator("#units-unknown")).to_contain_text("Không có đơn vị này")
    assert page_errors == []


def test_the_province_page_draws_its_rank_history(page: Page, base_url: str, expect: Callable):
    open_unit(page, f"{base_url}/units/binh-phuoc")
    page.locator("#units-history-graph .js-plotly-plot .main-svg").first.wait_for()
    expect(page.locator("#units-rank")).to_have_text("12/63")


@pytest.mark.parametrize(("unit", "shown"), [(HEALTH, "#units-history-one"), ("binh-phuoc", "#units-history-table")])
def test_the_history_shows_without_scrolling_on_the_wall(
    page: Page, base_url: str, expect: Callable, unit: str, shown: str
):
    """At 1920×1080 the history (the province's chart and table; a department's one-year note) lies
    wholly inside the first screen, and nothing overflows sideways."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_unit(page, f"{base_url}/units/{unit}?year=2022")
    # Where the history lies depends on the charts above it: measured once every chart is drawn.
    page.wait_for_function(
        "() => [...document.querySelectorAll('#units-content .dash-graph')]"
        ".every(g => g.querySelector('.main-svg') && !g.querySelector('.dash-graph--pending'))"
    )
    history = page.locator(shown)
    expect(history).to_be_visible()
    box = history.bounding_box()
    assert box is not None
    assert box["y"] >= 0, box
    assert box["y"] + box["height"] <= 1080, box
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1920
