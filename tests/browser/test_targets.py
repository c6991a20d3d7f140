"""The targets page as a reader sees it in Chromium: gauges, statuses, disagreements, filters, downloads."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from tests.browser.conftest import block_external_requests, forge_session, read_only_page
from tests.conftest import seed_target_statuses

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

SMARTPHONE = "Tỷ lệ dân số trưởng thành có điện thoại thông minh"
STATUS_WORDS = {"met": "Đạt", "not_met": "Chưa đạt", "no_data": "Chưa có số liệu"}


def open_targets(page: Page, url: str) -> None:
    """Load `url` and wait until the cards are there, each with its gauge."""
    page.goto(url)
    page.locator(".target-card .target-gauge-svg").first.wait_for()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.target-card')].every(c => c.querySelector('.target-gauge-svg'))"
    )


def gauge(page: Page, code: str) -> dict:
    """What a target's gauge shows: its value, its axis, its target and the printed number."""
    svg = page.locator(f"#targets-gauge-{code} svg")
    return {
        "value": float(svg.get_attribute("data-value")),
        "range": [0, float(svg.get_attribute("data-max"))],
        "target": float(svg.get_attribute("data-target")),
        "number": svg.locator("text.gauge-number").text_content(),
    }


def card_codes(page: Page) -> list[str]:
    return [
        card_id.removeprefix("targets-card-")
        for card_id in page.locator(".target-card").evaluate_all("cards => cards.map(c => c.id)")
    ]


@pytest.fixture(scope="module")
def plan_errors() -> list[str]:
    """Console errors and uncaught exceptions of `plan_page`, over every test that reads it."""
    return []


@pytest.fixture(scope="module")
def plan_page(browser: Browser, base_url: str, plan_errors: list[str]) -> Iterator[Page]:
    """/targets as a leader first sees it (Vietnamese, 1920×1080), loaded once for the tests that only
    read it or download from it: each would otherwise wait again for the same 28 gauges, the heaviest
    page of the suite to draw. A test that opens a note, filters, or changes the language, the window
    or the network opens a page of its own."""
    yield from read_only_page(browser, base_url, plan_errors, "/targets", open_targets)


def test_smartphone_target_reads_62_35_against_70_under_both_pillars(plan_page: Page, plan_errors: list[str]) -> None:
    heading = plan_page.inner_text("#targets-title")
    assert "57/KH-UBND" in heading
    assert "2023" in heading
    assert "Bình Phước" in heading
    for section, code in (
        ("infrastructure", "adult_smartphone_rate"),
        ("digital_society", "adult_smartphone_rate_society"),
    ):
        card = plan_page.locator(f"#targets-section-{section} #targets-card-{code}")
        text = card.inner_text()
        assert SMARTPHONE in text
        assert "Chưa đạt" in text
        assert "Mục tiêu ≥ 70%" in text
        assert "645.103 / 1.034.667 · 2023-06" in text
        assert "Kế hoạch chuyển đổi số" in text, "the target's source is named on the card"
        drawn = gauge(plan_page, code)
        assert drawn["value"] == 62.35
        assert drawn["target"] == 70
        assert drawn["number"] == "62,35%"
    sections = plan_page.locator(".targets-section-title").all_inner_texts()
    assert [s.split("\n")[0].strip() for s in sections[:4]] == [
        "Hạ tầng số",
        "Chính quyền số",
        "Kinh tế số",
        "Xã hội số",
    ]
    assert plan_errors == []


def test_summary_counts_add_up_to_the_gauges_and_match_the_seed(plan_page: Page, plan_errors: list[str]) -> None:
    counts = {status: int(plan_page.inner_text(f"#targets-count-{status} .targets-count")) for status in STATUS_WORDS}
    codes = card_codes(plan_page)
    assert len(codes) == 28
    assert plan_page.locator(".target-card .target-gauge-svg").count() == 28, "one gauge per row of the plan"
    # The smartphone rate sits under two sections: one target, counted once, and said so.
    assert sum(counts.values()) == len(codes) - 1
    once = dict(seed_target_statuses())
    del once["adult_smartphone_rate_society"]
    assert counts == {status: list(once.values()).count(status) for status in STATUS_WORDS}
    assert counts == {"met": 10, "not_met": 12, "no_data": 5}
    assert "Hạ tầng số / Xã hội số: tính một lần" in plan_page.inner_text(
        "#targets-counted-once-adult_smartphone_rate_society"
    )
    expected = seed_target_statuses()
    assert sorted(codes) == sorted(expected)
    for code, status in expected.items():
        assert STATUS_WORDS[status] in plan_page.inner_text(f"#targets-card-{code} .target-status"), code
    assert plan_errors == []


def test_values_above_100_are_shown_as_printed_with_their_note(
    page: Page, page_errors: list[str], base_url: str
) -> None:
    open_targets(page, base_url + "/targets")

    bank = gauge(page, "bank_account_15plus_rate")
    assert bank["number"] == "196,01%"
    assert bank["value"] == 196.01
    assert bank["range"] == [0, 200], "the axis stretches to the value instead of capping it"
    card = page.locator("#targets-card-bank_account_15plus_rate")
    assert "Trên 100%" in card.inner_text(), "the page's own explanation stays visible"
    assert "one person may hold several" not in card.inner_text(), "the source's English note is not reading text"
    note = card.locator(".data-note-text")
    assert not note.is_visible()
    card.locator(".data-note-toggle").click()
    assert note.is_visible()
    assert "one person may hold several" in note.inner_text(), "the source's reason is one click away, verbatim"
    assert "ghi chú gốc của bản chép số liệu (tiếng anh)" in card.inner_text().lower()
    assert gauge(page, "mobile_coverage_rate")["number"] == "109,76%"
    assert page_errors == []


def test_every_gauge_draws_its_axis_numbers_whole(plan_page: Page, plan_errors: list[str]) -> None:
    """The gauges' "100" at the axis' right end was cut to "10(" by the figure's edge, on every card: its
    box ended on the edge itself. Each axis number now keeps a few pixels inside its card."""
    cut = plan_page.eval_on_selector_all(
        ".target-card .target-gauge-svg",
        """gauges => gauges.flatMap(svg => {
            const card = svg.closest('.target-card').getBoundingClientRect();
            return [...svg.querySelectorAll('text.gauge-tick')].map(text => {
                const box = text.getBoundingClientRect();
                return {card: svg.closest('.target-card').id, text: text.textContent,
                        out: box.left < card.left + EDGE || box.right > card.right - EDGE};
            }).filter(tick => tick.out);
        })""".replace("EDGE", "3"),
    )
    assert plan_page.locator(".target-card text.gauge-tick").count() >= 40
    assert cut == []
    assert plan_errors == []


def test_transcription_notes_and_codes_are_not_reading_text_but_stay_reachable(
    page: Page, page_errors: list[str], base_url: str
) -> None:
    open_targets(page, base_url + "/targets")

    text = page.inner_text("#targets-content")
    assert re.findall(r"\b[a-z0-9]+_[a-z0-9_]+\b", text) == [], "no snake_case indicator or target code"
    assert re.findall(r"\b00\d\b|\.txt\b", text) == [], "no seed file number"
    for english in ("see work_records", "disagrees with", "same figures as", "Ghi chú:"):
        assert english not in text
    toggles = page.locator(".data-note-toggle")
    assert toggles.count() > 28, "one toggle per noted target and per noted differing figure"
    assert toggles.first.inner_text() == "ⓘ Ghi chú nguồn dữ liệu"

    smartphone_society = page.locator("#targets-card-adult_smartphone_rate_society")
    assert "Mục tiêu ≥ 70%" in smartphone_society.inner_text(), "numbers and status stay visible"
    assert smartphone_society.locator(".data-note-toggle").get_attribute("title").startswith("same indicator as")
    smartphone_society.locator(".data-note-toggle").click()
    assert "same indicator as adult_smartphone_rate" in smartphone_society.locator(".data-note-text").inner_text()

    bank = page.locator("#targets-disagreement-bank_account_15plus_rate")
    assert "Báo cáo kết quả thực hiện chuyển đổi số" in bank.inner_text(), "readable sources stay visible"
    assert "disagrees with" not in bank.inner_text()
    assert bank.locator(".data-note").count() == 2
    assert page_errors == []


def test_english_mode_says_once_that_target_names_are_vietnamese(
    page: Page, page_errors: list[str], base_url: str
) -> None:
    page.context.add_cookies([{"name": "dti_lang", "value": "en", "url": base_url}])
    open_targets(page, base_url + "/targets")

    assert page.inner_text("#targets-lang-note") == "Target names are shown as published, in Vietnamese."
    assert page.locator("#targets-lang-note").count() == 1
    assert SMARTPHONE in page.inner_text("#targets-card-adult_smartphone_rate")
    assert page.locator(".data-note-toggle").first.inner_text() == "ⓘ Data note"
    assert page_errors == []


def test_vietnamese_mode_has_no_language_note(plan_page: Page, plan_errors: list[str]) -> None:
    assert plan_page.locator("#targets-lang-note").count() == 0
    assert plan_errors == []


def test_the_three_parts_of_the_work_records_target_are_three_gauges(plan_page: Page, plan_errors: list[str]) -> None:
    parts = {"province": ("cấp tỉnh", 95, 100), "district": ("cấp huyện", 92, 95), "commune": ("cấp xã", 70, 80)}
    for suffix, (label, actual, target) in parts.items():
        code = f"work_records_online_rate_{suffix}"
        assert plan_page.inner_text(f"#targets-card-{code} .target-part") == label
        drawn = gauge(plan_page, code)
        assert (drawn["value"], drawn["target"]) == (actual, target)
        assert "Chưa đạt" in plan_page.inner_text(f"#targets-card-{code}")
    assert plan_errors == []


def test_two_sources_are_shown_side_by_side_with_dates_and_sources(plan_page: Page, plan_errors: list[str]) -> None:
    figures = plan_page.locator("#targets-disagreement-bank_account_15plus_rate .disagreement-figure")
    assert figures.count() == 2
    plan, other = figures.nth(0), figures.nth(1)
    assert plan.inner_text().startswith("196,01%")
    assert "1.176.065 / 600.016 · 2023-06" in plan.inner_text()
    assert "Báo cáo sơ kết 6 tháng đầu năm 2023" in plan.inner_text()
    assert other.inner_text().startswith("119,72%")
    assert "2022" in other.inner_text()
    assert "Báo cáo kết quả thực hiện chuyển đổi số" in other.inner_text()
    left, right = plan.bounding_box(), other.bounding_box()
    assert abs(left["y"] - right["y"]) < 2, "side by side, not one under the other"
    assert right["x"] > left["x"] + left["width"] - 1

    fibre = plan_page.inner_text("#targets-disagreement-household_fibre_rate")
    assert "77,41%" in fibre
    assert "93%" in fibre
    assert "119,72%" in plan_page.inner_text("#targets-card-bank_account_15plus_rate .target-other")
    assert plan_errors == []


def test_a_year_without_a_plan_lists_the_plan_years(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    page.goto(base_url + "/targets?year=2022")

    # Read as the reader sees it: while the content's spinner covers it, the message is drawn but hidden.
    message = page.locator("#page-message")
    expect(message).to_contain_text("“2022”", use_inner_text=True)
    expect(message).to_contain_text("2023", use_inner_text=True)
    assert page.locator(".target-card").count() == 0
    expect(page.locator("#shell-years .year-link"), "the selector offers the plan years").to_have_text(
        ["2023"], use_inner_text=True
    )
    assert "Traceback" not in page.content()
    assert page_errors == []


@pytest.mark.parametrize(
    ("query", "words"),
    [("pillar=awareness", "Trụ cột “awareness”"), ("status=done", "Trạng thái “done”"), ("year=abc", "“abc”")],
)
def test_bad_filters_are_explained(
    page: Page, page_errors: list[str], expect: Callable, base_url: str, query: str, words: str
) -> None:
    page.goto(f"{base_url}/targets?{query}")

    expect(page.locator("#page-message")).to_contain_text(words)
    assert "Traceback" not in page.content()
    assert page_errors == []


def test_status_filter_deep_link_shows_only_met_targets(page: Page, page_errors: list[str], base_url: str) -> None:
    open_targets(page, base_url + "/targets?status=met")

    codes = card_codes(page)
    expected = sorted(code for code, status in seed_target_statuses().items() if status == "met")
    assert sorted(codes) == expected
    assert page.locator(".target-card-met").count() == 10
    assert page.locator(".target-card-not_met, .target-card-no_data").count() == 0
    tiles = {status: page.inner_text(f"#targets-count-{status} .targets-count") for status in STATUS_WORDS}
    assert tiles == {"met": "10", "not_met": "12", "no_data": "5"}, "the tiles keep the plan's totals"
    assert page.inner_text("#targets-shown") == "Đang hiển thị 10 / 27 chỉ tiêu"
    assert page.input_value("#targets-status") == "met"
    assert "toàn bộ kế hoạch" in page.inner_text("#targets-scope")
    assert page_errors == []


def test_clicking_a_summary_tile_filters_by_its_status(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_targets(page, base_url + "/targets?pillar=digital_economy")

    page.click("#targets-count-not_met")
    expect(page).to_have_url(f"{base_url}/targets?pillar=digital_economy&status=not_met")
    expect(page.locator(".target-card")).to_have_count(3)
    expect(page.locator("#targets-shown")).to_have_text("Đang hiển thị 3 / 27 chỉ tiêu")
    expect(page.locator("#targets-count-not_met .targets-count")).to_have_text("12")

    page.click("#targets-count-not_met")
    expect(page).to_have_url(f"{base_url}/targets?pillar=digital_economy")
    expect(page.locator(".target-card")).to_have_count(4)
    assert page_errors == []


def test_choosing_a_pillar_puts_it_in_the_url(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_targets(page, base_url + "/targets")

    page.select_option("#targets-pillar", "digital_economy")
    expect(page).to_have_url(f"{base_url}/targets?pillar=digital_economy")
    expect(page.locator(".target-card")).to_have_count(4)
    assert page.locator("#targets-section-digital_economy").count() == 1
    assert page.locator("#targets-section-infrastructure").count() == 0
    assert set(page.locator(".disagreement-card").evaluate_all("cards => cards.map(c => c.id)")) == {
        "targets-disagreement-sme_digital_platform_rate",
        "targets-disagreement-e_contract_enterprise_rate",
    }
    assert "Kinh tế số" in page.inner_text("#targets-scope"), "the section says it follows the pillar filter"

    page.select_option("#targets-status", "not_met")
    expect(page).to_have_url(f"{base_url}/targets?pillar=digital_economy&status=not_met")
    expect(page.locator(".target-card")).to_have_count(3)
    assert page_errors == []


def test_a_filter_is_redrawn_by_the_page_itself_and_back_restores_it(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """/targets follows its own query: a filter chosen is one request for the page's content, none for
    Dash's router (the page's frame stays), and back shows the plan whole again with its filter reset."""
    open_targets(page, base_url + "/targets")
    statuses = seed_target_statuses()
    expect(page.locator(".target-card")).to_have_count(len(statuses))
    page.wait_for_load_state("networkidle")
    posted: list[str] = []
    page.on("request", lambda r: posted.append(r.post_data or "") if "_dash-update-component" in r.url else None)

    page.select_option("#targets-status", "not_met")
    expect(page).to_have_url(f"{base_url}/targets?status=not_met")
    not_met = sorted(code for code, status in statuses.items() if status == "not_met")
    expect(page.locator(".target-card")).to_have_count(len(not_met))
    page.wait_for_load_state("networkidle")
    assert sorted(card_codes(page)) == not_met
    assert [body for body in posted if "_pages_content" in body] == [], "the router was asked"
    assert len([body for body in posted if "targets-content" in body]) == 1

    page.go_back()
    expect(page.locator(".target-card")).to_have_count(len(statuses))
    expect(page.locator("#targets-status")).to_have_value("all")
    assert page_errors == []


def test_targets_table_downloads_as_csv_with_diacritics(plan_page: Page, plan_errors: list[str]) -> None:
    with plan_page.expect_download() as info:
        plan_page.click("#targets-table-csv")
    download = info.value
    assert download.suggested_filename == "muc-tieu-2023.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == 28
    smartphone = [r for r in rows if r["Chỉ tiêu"] == SMARTPHONE]
    assert [r["Trụ cột"] for r in smartphone] == ["Hạ tầng số", "Xã hội số"]
    assert {r["Trạng thái"] for r in smartphone} == {"Chưa đạt"}
    assert smartphone[0]["Thực tế"] == "62.35"
    assert smartphone[0]["Tử số"] == "645103"  # a whole number stays whole
    parts = [r["Phần"] for r in rows if r["Phần"]]
    assert parts == ["cấp tỉnh", "cấp huyện", "cấp xã"]
    assert "Báo cáo sơ kết 6 tháng đầu năm 2023" in smartphone[0]["Nguồn"]
    assert plan_errors == []


def test_disagreements_download_as_excel_with_diacritics(plan_page: Page, plan_errors: list[str]) -> None:
    with plan_page.expect_download() as info:
        plan_page.click("#targets-disagreements-xlsx")
    download = info.value
    assert download.suggested_filename == "so-lieu-khac-nguon-2023.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:2] == ("Chỉ số", "Giá trị")
    bank = [r for r in body if r[0].startswith("Tỷ lệ dân số từ 15 tuổi trở lên")]
    assert [r[1] for r in bank] == [196.01, 119.72]
    assert any("Báo cáo kết quả thực hiện chuyển đổi số" in r[-2] for r in bank)
    assert plan_errors == []


def test_the_page_works_offline(page: Page, page_errors: list[str], base_url: str) -> None:

    blocked = block_external_requests(page)
    open_targets(page, base_url + "/targets")

    assert blocked == []
    assert page.locator(".target-card").count() == 28
    assert page_errors == []


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_no_horizontal_overflow(page: Page, page_errors: list[str], base_url: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_targets(page, base_url + "/targets")

    size = page.evaluate("() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})")
    assert size["scrollWidth"] <= size["innerWidth"], size
    per_row = page.evaluate(
        """() => { const cards = [...document.querySelectorAll('#targets-section-digital_government .target-card')];
            return cards.filter(c => Math.abs(c.offsetTop - cards[0].offsetTop) < 2).length; }"""
    )
    assert (4 if width == 1366 else 6) == per_row
    assert page_errors == []


def test_database_down_is_explained(anonymous_page: Page, expect: Callable, down_base_url: str) -> None:
    """A leader signed in before the outage is told about it, not bounced to a sign-in that cannot work."""
    page = anonymous_page
    forge_session(page, down_base_url, "leader")
    page.goto(down_base_url + "/targets")

    expect(page.locator("#page-message")).to_contain_text("Không kết nối được cơ sở dữ liệu")
    assert "Traceback" not in page.content()
