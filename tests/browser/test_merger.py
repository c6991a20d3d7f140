"""The 2025 merger as a reader sees it in Chromium, on a database built as a data officer would: the
seed (with the merger's mapping), then the synthetic 2023 table of the 63 provinces and the 2024 table
of the 34 imported through the importer. Đồng Nai keeps its code and takes in Bình Phước."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import imported_app
from tests.data_access.importing.merger_files import (
    DONG_NAI_2024,
    ENDED,
    SUCCESSOR,
    VALUES_2023,
    national_2023,
    national_2024,
    rank_2024,
    successors,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def decimal(value: float) -> str:
    return f"{value:.4f}".replace(".", ",")


@pytest.fixture(scope="module")
def merger_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from imported_app(
        tmp_path_factory.mktemp("merger-app"),
        [("dti-2023.xlsx", national_2023()), ("dti-2024.xlsx", national_2024())],
        {"DTI_FOCUS_UNIT": ENDED},
    )


@pytest.fixture
def leader(page_on: Callable[[str, str], Page], merger_app: str) -> Page:
    return page_on(merger_app, "leader")


def test_the_successor_s_page_crosses_the_merger_with_the_earlier_year_computed_and_marked(
    leader: Page, merger_app: str, expect, page_errors
):
    leader.goto(f"{merger_app}/units/{SUCCESSOR}")
    expect(leader.locator("#units-heading")).to_contain_text("2024")
    expect(leader.locator("#units-rank")).to_contain_text(f"{rank_2024(SUCCESSOR)}/34")
    expected_change = DONG_NAI_2024 - (VALUES_2023[SUCCESSOR] + VALUES_2023[ENDED]) / 2
    expect(leader.locator("#units-value-change")).to_contain_text(f"+{decimal(expected_change)} so với 2023")
    expect(leader.locator("#units-previous-computed")).to_contain_text("Giá trị 2023 tính từ Đồng Nai, Bình Phước")
    table = leader.locator("#units-merger-table")
    computed = table.locator("tr.reorg-computed")
    expect(computed).to_have_count(1)
    expected = (VALUES_2023[SUCCESSOR] + VALUES_2023[ENDED]) / 2  # (0,6612 + 0,6408) / 2 = 0,6510
    expect(computed).to_contain_text("2023")
    expect(computed).to_contain_text(decimal(expected))
    expect(computed).to_contain_text("tính từ Đồng Nai, Bình Phước")
    expect(table).to_contain_text(f"Bình Phước (đến 2023)2023{decimal(VALUES_2023[ENDED])}")
    expect(table).to_contain_text(f"Đồng Nai2024{decimal(DONG_NAI_2024)}")
    leader.locator("#units-merger-graph .js-plotly-plot .main-svg").first.wait_for(state="attached")
    names = leader.eval_on_selector(
        "#units-merger-graph .js-plotly-plot", "el => el._fullData.filter(t => t.showlegend).map(t => t.name)"
    )
    assert names == [
        "Đồng Nai (đến 2023)",
        "Bình Phước (đến 2023)",
        "Đồng Nai: tính từ Đồng Nai, Bình Phước",
        "Đồng Nai",
    ]
    assert leader.locator("#units-before-merger").count() == 0
    with leader.expect_download() as info:
        leader.click("#units-merger-download-csv")
    rows = list(csv.DictReader(io.StringIO(info.value.path().read_bytes().decode("utf-8-sig"))))
    marked = [r for r in rows if r["Ghi chú"] != "công bố"]
    assert [(r["Năm"], r["Giá trị"], r["Ghi chú"]) for r in marked] == [
        ("2023", f"{expected:.3f}", "tính từ Đồng Nai, Bình Phước")
    ]
    leader.goto(f"{merger_app}/units/{SUCCESSOR}?year=2023")
    expect(leader.locator("#units-before-merger")).to_contain_text(
        "Kết quả năm 2023 là của Đồng Nai trước sắp xếp; từ DTI 2024, Đồng Nai gồm Đồng Nai, Bình Phước."
    )
    expect(leader.locator("#units-rank")).to_contain_text("/63")
    assert leader.locator("#units-merger-card").count() == 0
    assert page_errors == []


def test_the_ended_unit_s_page_says_where_it_went_and_links_there(leader: Page, merger_app: str, expect, page_errors):
    leader.goto(f"{merger_app}/units/{ENDED}")
    note = leader.locator("#units-ended-note")
    expect(note).to_contain_text("Bình Phước đã sáp nhập vào Đồng Nai từ ngày 01/07/2025")
    expect(note).to_contain_text("năm cuối được xếp hạng riêng là 2023")
    expect(leader.locator("#units-heading")).to_contain_text("2023")
    leader.click("#units-successor-link")
    expect(leader).to_have_url(f"{merger_app}/units/{SUCCESSOR}")
    expect(leader.locator("#units-heading")).to_contain_text("Đồng Nai")
    leader.goto(f"{merger_app}/units/{ENDED}?year=2024")
    expect(leader.locator("#units-bad-year")).to_contain_text("không có kết quả năm “2024”")
    expect(leader.locator("#units-successor-link")).to_have_attribute("href", f"/units/{SUCCESSOR}")
    assert page_errors == []


def test_rankings_2024_follow_the_focus_to_its_successor_on_a_34_province_map(
    leader: Page, merger_app: str, expect, page_errors
):
    leader.goto(f"{merger_app}/rankings?year=2024")
    expect(leader.locator("#rankings-focus-followed")).to_contain_text(
        "Bình Phước đã sáp nhập vào Đồng Nai từ ngày 01/07/2025: bảng năm 2024 xếp hạng Đồng Nai"
    )
    expect(leader.locator("#rankings-focus-summary")).to_contain_text(f"Đồng Nai: hạng {rank_2024(SUCCESSOR)}/34")
    expect(leader.locator("#rankings-national-table tbody tr")).to_have_count(34)
    expect(leader.locator("#rankings-national-change-note")).to_contain_text("thứ hạng không so với 2023")
    leader.locator("#rankings-map .js-plotly-plot .main-svg").first.wait_for(state="attached")
    drawn = leader.eval_on_selector(
        "#rankings-map .js-plotly-plot",
        """async el => {
            const traces = el._fullData.filter(t => t.type === 'choropleth');
            const url = traces[0].geojson;
            const boundaries = await (await fetch(url)).json();
            return {
                url,
                locations: Array.from(traces.find(t => t.name === 'Thứ hạng').locations),
                features: boundaries.features.map(f => f.properties.unit_code),
                joined: boundaries.features
                    .find(f => f.properties.unit_code === 'dong-nai').properties.predecessor_codes,
            };
        }""",
    )
    assert "vietnam_provinces_from_2024.geojson" in drawn["url"]
    assert sorted(drawn["features"]) == sorted(successors())
    assert sorted(drawn["locations"]) == sorted(successors())
    assert drawn["joined"] == [ENDED, SUCCESSOR]
    expect(leader.locator("#rankings-map-card")).to_contain_text("34 tỉnh, thành phố sau sắp xếp")
    leader.locator("#rankings-bump .js-plotly-plot .main-svg").first.wait_for(state="attached")
    line = leader.eval_on_selector(
        "#rankings-bump .js-plotly-plot",
        "el => { const t = el._fullData.find(t => t.name === 'Đồng Nai'); return {x: t.x, y: t.y, text: t.text}; }",
    )
    assert line["y"][-2:] == [None, rank_2024(SUCCESSOR)], "the rank of 2023 (of 63) is not joined to 2024's (of 34)"
    assert line["text"][-1] == f"{rank_2024(SUCCESSOR)}/34" and line["text"][-3].endswith("/63")
    expect(leader.locator("#rankings-bump")).to_contain_text("63 → 34 tỉnh")

    leader.goto(f"{merger_app}/rankings?year=2023")
    expect(leader.locator("#rankings-national-table tbody tr")).to_have_count(63)
    assert leader.locator("#rankings-focus-followed").count() == 0
    leader.locator("#rankings-map .js-plotly-plot .main-svg").first.wait_for(state="attached")
    url = leader.eval_on_selector(
        "#rankings-map .js-plotly-plot", "el => el._fullData.find(t => t.type === 'choropleth').geojson"
    )
    assert "vietnam_provinces_63.geojson" in url
    assert page_errors == []


def test_the_overview_follows_the_ended_focus_with_the_change_against_the_computed_value(
    leader: Page, merger_app: str, expect, page_errors
):
    leader.goto(f"{merger_app}/")
    expect(leader.locator("#overview-heading")).to_have_text("Chỉ số chuyển đổi số Đồng Nai năm 2024")
    expect(leader.locator("#overview-focus-followed")).to_contain_text("Bình Phước đã sáp nhập vào Đồng Nai")
    change = DONG_NAI_2024 - (VALUES_2023[SUCCESSOR] + VALUES_2023[ENDED]) / 2  # 0,6725 − 0,6510 = +0,0215
    expect(leader.locator("#overview-value-change")).to_contain_text(f"+{decimal(change)} so với 2023")
    expect(leader.locator("#overview-previous-computed")).to_contain_text("Giá trị 2023 tính từ Đồng Nai, Bình Phước")
    leader.goto(f"{merger_app}/?year=2023")
    expect(leader.locator("#overview-heading")).to_have_text("Chỉ số chuyển đổi số Bình Phước năm 2023")
    assert leader.locator("#overview-focus-followed").count() == 0
    assert page_errors == []


def test_the_deck_follows_the_ended_focus_to_its_successor_after_the_merger(
    leader: Page, merger_app: str, expect, page_errors
):
    leader.goto(f"{merger_app}/present?year=2024")
    expect(leader.locator("#present-heading")).to_contain_text("Trình chiếu: Đồng Nai, năm 2024")
    expect(leader.locator("#present-focus-followed")).to_contain_text(
        "Bình Phước đã sáp nhập vào Đồng Nai từ ngày 01/07/2025: bảng năm 2024 xếp hạng Đồng Nai"
    )
    dti = leader.locator("#present-slide-dti")
    expect(dti).to_contain_text(f"{rank_2024(SUCCESSOR)}/34")
    expect(dti).to_contain_text(decimal(DONG_NAI_2024))
    leader.goto(f"{merger_app}/present?year=2023")
    expect(leader.locator("#present-heading")).to_contain_text("Trình chiếu: Bình Phước, năm 2023")
    expect(dti).to_contain_text(decimal(VALUES_2023[ENDED]))
    expect(dti).to_contain_text("/63")
    assert leader.locator("#present-focus-followed").count() == 0
    assert page_errors == []


def test_pillars_follow_the_ended_focus_and_never_show_its_figures_for_a_year_after_the_merger(
    leader: Page, merger_app: str, expect, page_errors
):
    leader.goto(f"{merger_app}/pillars?year=2024")
    expect(leader.locator("#pillars-focus-followed")).to_contain_text(
        "Bình Phước đã sáp nhập vào Đồng Nai từ ngày 01/07/2025: bảng năm 2024 xếp hạng Đồng Nai"
    )
    # The synthetic 2024 table holds totals only: Đồng Nai has no pillar scores, and the page says so.
    expect(leader.locator("#pillars-empty")).to_contain_text("Năm 2024 chưa có điểm các chỉ số chính của Đồng Nai")
    leader.goto(f"{merger_app}/pillars?year=2022")
    expect(leader.locator("#pillars-heading")).to_contain_text("Bình Phước, năm 2022")
    assert leader.locator("#pillars-focus-followed").count() == 0
    assert page_errors == []


def test_targets_follow_the_ended_focus_and_never_show_its_plan_as_the_successor_s(
    leader: Page, merger_app: str, expect, page_errors
):
    leader.goto(f"{merger_app}/targets?year=2024")
    expect(leader.locator("#targets-focus-followed")).to_contain_text(
        "Bình Phước đã sáp nhập vào Đồng Nai từ ngày 01/07/2025: bảng năm 2024 xếp hạng Đồng Nai"
    )
    expect(leader.locator("#targets-no-plans")).to_contain_text(
        "Chưa có kế hoạch có mục tiêu của Đồng Nai cho năm 2024"
    )
    leader.goto(f"{merger_app}/targets?year=2023")
    expect(leader.locator("#targets-title")).to_contain_text("Bình Phước")
    assert leader.locator("#targets-focus-followed").count() == 0
    assert page_errors == []


# The navbar's row and the page against the window, and whether each control a reader clicks (page
# links, the year links shown, the language, signing out) lies whole inside the window.
NAVBAR_FIT = """() => {
    const row = document.querySelector('.shell-navbar .container-fluid');
    const controls = [...document.querySelectorAll(
        '.shell-navbar .nav-link, .year-menu-toggle, #shell-years a.year-link, #shell-language, #shell-logout')]
        .filter(el => !el.closest('.year-menu-list'));
    return {
        row: row.scrollWidth <= row.clientWidth,
        page: document.documentElement.scrollWidth <= window.innerWidth,
        outside: controls.filter(el => {
            const box = el.getBoundingClientRect();
            return box.left < 0 || box.right > window.innerWidth || box.width === 0;
        }).map(el => el.innerText || el.id),
    };
}"""


@pytest.mark.parametrize(
    ("width", "height", "lang"), [(1920, 1080, "vi"), (1920, 1080, "en"), (1760, 990, "vi"), (1600, 900, "en")]
)
def test_an_administrators_navbar_with_a_menu_of_years_stays_on_one_line(
    page_on: Callable[[str, str], Page], merger_app: str, width: int, height: int, lang: str, expect
):
    """Five years (a menu of the older ones) and an administrator's nine pages overflowed the navbar
    at full HD and wider laptops: sign-out off the screen, the page scrolling sideways. The navbar now
    gives up words (the account's, the brand's, then the page links', icons staying) until it fits."""
    admin = page_on(merger_app, "admin")
    admin.set_viewport_size({"width": width, "height": height})
    if lang == "en":
        admin.goto(f"{merger_app}/lang/en")
    admin.goto(f"{merger_app}/rankings")
    expect(admin.locator(".year-menu-toggle")).to_be_visible()
    expect(admin.locator(".shell-navbar .nav-link")).to_have_count(9)
    admin.wait_for_function(f"() => ({NAVBAR_FIT})().row")
    assert admin.evaluate(NAVBAR_FIT) == {"row": True, "page": True, "outside": []}


def test_a_navbar_that_fits_keeps_every_word(leader: Page, merger_app: str, expect):
    """The leader's seven pages fit at full HD beside the years: the brand's, the pages' and the
    account's words all stay."""
    leader.goto(f"{merger_app}/rankings")
    expect(leader.locator(".year-menu-toggle")).to_be_visible()
    assert leader.evaluate(NAVBAR_FIT) == {"row": True, "page": True, "outside": []}
    for words in (".brand-text", ".shell-navbar .nav-label >> nth=0", ".user-name-label", ".logout-label"):
        expect(leader.locator(words)).to_be_visible()
