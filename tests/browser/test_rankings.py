"""The rankings page as a reader sees it in Chromium: tables, charts, map, deep links, downloads."""

from __future__ import annotations

import csv
import io
import itertools
from typing import TYPE_CHECKING

import openpyxl
import pytest
from PIL import Image

from components.theme import card_color, ink
from data_access.settings import SEED_DIR
from tests.browser.conftest import (
    block_external_requests,
    expect_query,
    new_page,
    page_sized,
    plot_traces,
    read_only_page,
    sign_in,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


def published_groups(level: str) -> dict[str, str]:
    """Unit name → group as printed in the source table (seed/data/totals.csv and units.csv)."""
    with (SEED_DIR / "units.csv").open(encoding="utf-8") as handle:
        names = {row["unit_code"]: row["name_vi"] for row in csv.DictReader(handle)}
    with (SEED_DIR / "totals.csv").open(encoding="utf-8") as handle:
        return {
            names[row["unit_code"]]: row["published_group"]
            for row in csv.DictReader(handle)
            if row["level"] == level and row["year"] == "2022"
        }


def open_province(page: Page, url: str) -> None:
    """Load the province level and wait for its table, map and bump chart."""
    page.goto(url)
    page.locator("#rankings-national-table").wait_for()
    page.locator("#rankings-map .js-plotly-plot .main-svg").first.wait_for()
    page.locator("#rankings-bump .js-plotly-plot .main-svg").first.wait_for()


def open_units(page: Page, url: str) -> None:
    """Load a department or district ranking and wait for its table and bars."""
    page.goto(url)
    page.locator("#rankings-unit-table").wait_for()
    page.locator("#rankings-bars .js-plotly-plot .main-svg").first.wait_for()


def unit_rows(page: Page) -> list[dict[str, str]]:
    """What each row of the unit ranking shows."""
    return page.eval_on_selector_all(
        "#rankings-unit-table tbody tr",
        """rows => rows.map(r => ({
            rank: r.querySelector('.rank-cell').innerText.trim(),
            name: r.querySelector('.unit-name').innerText.trim(),
            total: r.querySelector('.unit-total').innerText.trim(),
            group: r.querySelector('.unit-group').innerText.trim(),
            published: r.querySelector('.published-rank').innerText.trim(),
        }))""",
    )


def map_traces(page: Page) -> list[dict]:
    return page.eval_on_selector(
        "#rankings-map .js-plotly-plot",
        "el => el._fullData.map(t => ({type: t.type, name: t.name, locations: Array.from(t.locations || [])}))",
    )


def map_view(page: Page) -> dict:
    """What the national map shows once drawn, in page pixels: the map's own area, the box of every
    province and dot drawn, and the island dots (Hoàng Sa, Trường Sa); its colours and the card's."""
    page.locator("#rankings-map .choroplethlocation").first.wait_for(state="attached")
    return page.eval_on_selector(
        "#rankings-map .js-plotly-plot",
        """el => {
            const box = (node) => {
                const b = node.getBoundingClientRect();
                return {left: b.left, top: b.top, right: b.right, bottom: b.bottom};
            };
            const svg = el.querySelector('.main-svg').getBoundingClientRect();
            const size = el._fullLayout._size, domain = el._fullLayout.geo.domain;
            const area = {
                left: svg.left + size.l + domain.x[0] * size.w,
                right: svg.left + size.l + domain.x[1] * size.w,
                top: svg.top + size.t + (1 - domain.y[1]) * size.h,
                bottom: svg.top + size.t + (1 - domain.y[0]) * size.h,
            };
            const drawn = [...el.querySelectorAll('.choroplethlocation, .point')].map(box);
            const islands = [...el.querySelectorAll('.trace')].filter(
                trace => trace.__data__ && trace.__data__[0].trace.uid === 'islands');
            return {
                area,
                drawn: {
                    left: Math.min(...drawn.map(b => b.left)), right: Math.max(...drawn.map(b => b.right)),
                    top: Math.min(...drawn.map(b => b.top)), bottom: Math.max(...drawn.map(b => b.bottom)),
                },
                islands: islands.flatMap(trace => [...trace.querySelectorAll('.point')].map(box)),
                card: getComputedStyle(el.closest('.card')).backgroundColor,
                tick: (el.querySelector('.colorbar .cbaxis text') || {}).style?.fill,
            };
        }""",
    )


def inside(inner: dict, outer: dict) -> bool:
    """Whether the box `inner` lies within `outer` (half a pixel of rounding allowed)."""
    return all(inner[low] >= outer[low] - 0.5 and inner[high] <= outer[high] + 0.5 for low, high in EDGES)


EDGES = (("left", "right"), ("top", "bottom"))


@pytest.fixture(scope="module")
def province_errors() -> list[str]:
    """Console errors and uncaught exceptions of `province_page`, over every test that reads it."""
    return []


@pytest.fixture(scope="module")
def province_offline(browser: Browser, base_url: str, province_errors: list[str]) -> Iterator[tuple[Page, list[str]]]:
    """/rankings as a leader first sees it (Vietnamese, 1920×1080, offline), and the requests it tried to
    send off the machine: loaded once for the tests that only read it or download from it, each of which
    would otherwise wait again for the table, the bump chart and the map. A test that clicks, changes the
    year, the theme or the window, opens a page of its own."""
    page = new_page(browser, province_errors)
    sign_in(page, base_url, "leader")
    blocked = block_external_requests(page)
    open_province(page, base_url + "/rankings")
    yield page, blocked
    page.context.close()


@pytest.fixture
def province_page(province_offline: tuple[Page, list[str]]) -> Page:
    return province_offline[0]


@pytest.fixture(scope="module")
def department_errors() -> list[str]:
    """Console errors and uncaught exceptions of `department_page`, over every test that reads it."""
    return []


@pytest.fixture(scope="module")
def department_page(browser: Browser, base_url: str, department_errors: list[str]) -> Iterator[Page]:
    """The departments' ranking of 2022 as a leader sees it, loaded once for the tests that only read it
    or download from it."""
    yield from read_only_page(browser, base_url, department_errors, "/rankings?level=department&year=2022", open_units)


def rgb(hex_color: str) -> str:
    """`#rrggbb` as the browser computes colours: `rgb(r, g, b)`."""
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def test_province_level_shows_the_table_the_bump_chart_and_the_map_offline(
    province_offline: tuple[Page, list[str]], province_errors: list[str]
) -> None:
    page, blocked = province_offline
    page_errors = province_errors

    focus = page.locator("#rankings-national-table tr.rankings-focus")
    assert focus.count() == 1
    assert focus.locator(".rank-number").inner_text() == "12"
    assert "Bình Phước" in focus.inner_text()
    assert "0,6385" in focus.inner_text()
    assert page.inner_text("#rankings-focus-summary") == "Bình Phước: hạng 12/63"

    ranks = page.locator("#rankings-national-table .rank-number").all_inner_texts()
    assert len(ranks) == 63
    assert ranks[13:17] == ["14", "15", "15", "17"]
    tied = page.locator("#rankings-national-table tbody tr", has=page.locator(".tie-badge"))
    assert tied.locator(".rank-cell").all_inner_texts() == ["15 (đồng hạng)", "15 (đồng hạng)"]
    assert tied.locator(".unit-name").all_inner_texts() == ["Thanh Hóa", "Yên Bái"]

    bump = plot_traces(page, "#rankings-bump")
    assert [trace["y"] for trace in bump if trace["name"] == "Bình Phước"] == [[25, 9, 12]]

    ranked = [trace for trace in map_traces(page) if trace["name"] == "Thứ hạng"]
    assert len(ranked) == 1
    assert ranked[0]["type"] == "choropleth"
    assert len(ranked[0]["locations"]) == 63
    assert "geoBoundaries" in page.inner_text("#rankings-map-card")
    assert "Nguồn:" in page.inner_text("#rankings-national-card")
    assert [trace["type"] for trace in map_traces(page)][-1] == "scattergeo", "a dot marks the province in focus"
    tools = page.eval_on_selector_all(
        "#rankings-map .modebar-btn", "buttons => buttons.map(b => `${b.dataset.attr}=${b.dataset.val}`)"
    )
    assert "zoom=in" in tools and not {"dragmode=select", "dragmode=lasso"} & set(tools), tools

    note = page.inner_text("#rankings-dti-note")
    assert "6/63 tỉnh, thành phố" in note, "six provinces have a published DTI value in the seed"
    assert "chỉ có thứ hạng công bố" in note
    dti_cells = "#rankings-national-table tbody td.num:not(.rank-change-cell):not(.value-change-cell)"
    shown = page.locator(dti_cells).all_inner_texts()
    assert sum(value != "—" for value in shown) == 6

    assert blocked == []
    assert page_errors == []


def test_department_ranking_matches_the_published_table(department_page: Page, department_errors: list[str]) -> None:
    page, page_errors = department_page, department_errors

    rows = unit_rows(page)
    assert len(rows) == 24
    assert (rows[0]["rank"], rows[0]["name"], rows[0]["total"], rows[0]["group"]) == (
        "1",
        "Sở Thông tin và Truyền thông",
        "558,41",
        "Tốt",
    )
    assert (rows[-1]["rank"], rows[-1]["name"], rows[-1]["total"], rows[-1]["group"]) == (
        "24",
        "Cục Thống kê",
        "306,45*",
        "Trung bình",
    )
    assert {row["name"]: row["group"] for row in rows} == published_groups("department")
    assert [row["published"] for row in rows] == [row["rank"] for row in rows]
    assert sum(row["total"].endswith("*") for row in rows) == 5
    assert "tính điểm theo phương pháp trung vị" in page.inner_text("#rankings-median")

    note = page.locator("#rankings-change-note")
    assert note.is_visible()
    assert "2021" in note.inner_text()
    assert "chưa tính được thay đổi" in note.inner_text()

    bars = page.eval_on_selector(
        "#rankings-bars .js-plotly-plot", "el => el._fullData.map(t => ({type: t.type, text: Array.from(t.text)}))"
    )
    assert bars[0]["type"] == "bar"
    assert bars[0]["text"][0] == "558,41"
    assert len(bars[0]["text"]) == 24
    assert page_errors == []


def test_district_ranking(page: Page, page_errors: list[str], base_url: str) -> None:
    open_units(page, base_url + "/rankings?level=district")

    rows = unit_rows(page)
    assert len(rows) == 11
    assert "Đồng Xoài" in rows[0]["name"]
    assert (rows[0]["total"], rows[0]["group"]) == ("524,47", "Khá")
    assert "Lộc Ninh" in rows[-1]["name"]
    assert rows[-1]["total"] == "352,93"
    assert {row["name"]: row["group"] for row in rows} == published_groups("district")
    assert page.locator("#rankings-change-note").is_visible()
    assert page_errors == []


def test_level_selector_writes_the_url(page: Page, page_errors: list[str], expect: Callable, base_url: str) -> None:
    open_province(page, base_url + "/rankings?year=2022")

    page.locator("#rankings-level label", has_text="Sở, ban, ngành").click()

    expect(page.locator("#rankings-unit-table")).to_be_visible()
    expect_query(page, {"year": "2022", "level": "department"})
    expect(page.locator("#rankings-heading")).to_contain_text("sở, ban, ngành")
    assert page_errors == []


def test_a_level_chosen_redraws_the_content_in_place_and_back_and_forward_follow_it(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """The level selector changes the URL and the content, not the page around them; back and forward
    move between the levels, the selector showing the level on screen."""
    open_province(page, base_url + "/rankings?year=2022")
    page.eval_on_selector(".page-rankings", "frame => { frame.dataset.kept = 'yes'; }")
    checked = page.locator("#rankings-level input:checked")

    page.locator("#rankings-level label", has_text="Sở, ban, ngành").click()
    expect(page.locator("#rankings-unit-table")).to_be_visible()
    expect_query(page, {"year": "2022", "level": "department"})
    assert page.get_attribute(".page-rankings", "data-kept") == "yes", "the page was rebuilt for a level"

    page.go_back()
    expect(page.locator("#rankings-national-table")).to_be_visible()
    expect(page.locator("#rankings-heading")).not_to_contain_text("sở, ban, ngành")
    expect(checked).to_have_value("province")
    page.go_forward()
    expect(page.locator("#rankings-unit-table")).to_be_visible()
    expect(checked).to_have_value("department")
    expect_query(page, {"year": "2022", "level": "department"})
    assert page.get_attribute(".page-rankings", "data-kept") == "yes"
    assert page_errors == []


def test_a_name_in_the_ranking_opens_its_unit_page_inside_the_app_and_back_returns(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """The table is written as HTML in one component (components/static_html.py); its names still follow
    as `dcc.Link`s do: the unit's page opens without reloading the app, and back shows the ranking."""
    open_units(page, base_url + "/rankings?year=2022&level=department")
    page.evaluate("() => { window.keptAcrossLinks = 'yes'; }")
    link = page.locator("#rankings-unit-table tbody tr").first.locator(".unit-name a")
    name, href = link.inner_text().strip(), link.get_attribute("href")

    link.click()

    expect(page).to_have_url(base_url + href)
    expect(page.locator("#units-content")).to_contain_text(name)
    assert page.evaluate("() => window.keptAcrossLinks") == "yes", "the link reloaded the whole page"
    page.go_back()
    expect(page.locator("#rankings-unit-table")).to_be_visible()
    expect_query(page, {"year": "2022", "level": "department"})
    assert page_errors == []


def test_year_links_keep_the_level_and_an_empty_year_explains_itself(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_units(page, base_url + "/rankings?level=department")

    page.locator("#shell-years a", has_text="2021").click()

    empty = page.locator("#rankings-empty")
    expect(empty).to_contain_text("Năm 2021 chưa có kết quả xếp hạng các sở, ban, ngành")
    expect(empty).to_contain_text("Các năm có kết quả: 2022")
    expect_query(page, {"level": "department", "year": "2021"})
    expect(page.locator("#rankings-download-csv")).to_be_disabled()
    assert page_errors == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("level=xyz", "Cấp “xyz” không có"),
        ("year=1999", "Năm “1999” không có trong dữ liệu"),
        ("level=department&year=abc", "Năm “abc” không có trong dữ liệu"),
    ],
)
def test_bad_parameters_are_explained(
    page: Page, page_errors: list[str], expect: Callable, base_url: str, query: str, expected: str
) -> None:
    page.goto(f"{base_url}/rankings?{query}")

    expect(page.locator("#page-message")).to_contain_text(expected)
    assert "Traceback" not in page.content()
    assert page_errors == []


def download(page: Page, button: str) -> bytes:
    with page.expect_download() as info:
        page.click(button)
    return info.value.path().read_bytes()


def test_department_downloads_keep_diacritics(department_page: Page, department_errors: list[str]) -> None:
    page, page_errors = department_page, department_errors

    rows = list(csv.DictReader(io.StringIO(download(page, "#rankings-download-csv").decode("utf-8-sig"))))
    assert len(rows) == 24
    assert rows[0]["Đơn vị"] == "Sở Thông tin và Truyền thông"
    assert (rows[0]["Hạng (tính lại)"], rows[0]["Hạng công bố"], rows[0]["Nhóm công bố"]) == ("1", "1", "Tốt")
    assert rows[-1]["Tính theo phương pháp trung vị"] == "có"
    assert "Phụ lục III.1.a" in rows[0]["Nguồn điểm"]

    sheet = openpyxl.load_workbook(io.BytesIO(download(page, "#rankings-download-xlsx"))).active
    header = [cell.value for cell in sheet[1]]
    first = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert first["Đơn vị"] == "Sở Thông tin và Truyền thông"
    assert first["Tổng điểm (tính lại)"] == 558.41
    assert page_errors == []


def test_national_table_downloads(province_page: Page, province_errors: list[str]) -> None:
    page, page_errors = province_page, province_errors

    rows = list(csv.DictReader(io.StringIO(download(page, "#rankings-download-csv").decode("utf-8-sig"))))
    assert len(rows) == 63
    assert "Mã đơn vị" not in rows[0], "the page's file names provinces, not their codes"
    focus = next(row for row in rows if row["Tỉnh, thành phố"] == "Bình Phước")
    assert (focus["Hạng"], focus["Chỉ số DTI"]) == ("12", "0.6385")
    assert [row["Tỉnh, thành phố"] for row in rows if row["Đồng hạng"]] == ["Thanh Hóa", "Yên Bái"]

    sheet = openpyxl.load_workbook(io.BytesIO(download(page, "#rankings-download-xlsx"))).active
    assert sheet.max_row == 64
    assert page_errors == []


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_the_map_shows_the_whole_country_and_fills_its_card(request: pytest.FixtureRequest, width, height) -> None:
    """Every province and the dots of Hoàng Sa and Trường Sa are drawn inside the map, and the country
    spans at least 80 % of the map's width or height, on a laptop and on the wall."""
    page, page_errors = page_sized(request, width, height, "province", "/rankings", open_province)
    view = map_view(page)
    area, drawn = view["area"], view["drawn"]
    assert inside(drawn, area), view
    assert len(view["islands"]) >= 4, "Hoàng Sa and Trường Sa each have a ringed dot"
    assert all(inside(island, area) for island in view["islands"]), view
    filled = max(
        (drawn["right"] - drawn["left"]) / (area["right"] - area["left"]),
        (drawn["bottom"] - drawn["top"]) / (area["bottom"] - area["top"]),
    )
    assert filled >= 0.8, view
    assert page_errors == []


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_map_takes_the_card_colour_in_both_themes_offline(
    page: Page, page_errors: list[str], base_url: str, theme: str
) -> None:
    """The map fetches nothing (no tiles, no world outlines from plotly's CDN) and shows the card's colour."""
    blocked = block_external_requests(page)
    page.context.add_init_script(f"localStorage.setItem('shell-theme', JSON.stringify('{theme}'))")
    open_province(page, base_url + "/rankings")
    view = map_view(page)
    assert view["card"] == rgb(card_color(theme))
    area = view["area"]
    corner = page.screenshot(clip={"x": area["left"] + 2, "y": area["top"] + 2, "width": 1, "height": 1})
    pixel = Image.open(io.BytesIO(corner)).convert("RGB").getpixel((0, 0))
    assert "rgb({}, {}, {})".format(*pixel) == view["card"], "the card shows through: no white panel in the dark theme"
    assert view["tick"] == rgb(ink(theme)["text"]), "the colour bar reads in the theme's ink"
    assert blocked == []
    assert page_errors == []


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_the_national_cards_notes_and_source_stay_inside_it_under_the_scrolled_table(
    request: pytest.FixtureRequest, width: int, height: int
) -> None:
    """The national table scrolls in its card; the notes under it and the source line keep their height
    and stay in the card (the table's box gives way, not the source)."""
    page, page_errors = page_sized(request, width, height, "province", "/rankings", open_province)
    boxes = page.evaluate(
        """() => {
            const card = document.querySelector('#rankings-national-card');
            const box = (el) => {
                const r = el.getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, height: r.height};
            };
            return {card: box(card), notes: [...card.querySelectorAll('.rankings-note, .source-note')].map(box),
                    scroll: box(card.querySelector('.rankings-scroll'))};
        }"""
    )
    assert boxes["notes"], boxes
    for note in boxes["notes"]:
        assert note["height"] > 10 and note["bottom"] <= boxes["card"]["bottom"] + 0.5, boxes
    assert boxes["scroll"]["bottom"] <= boxes["notes"][0]["top"] + 0.5, boxes
    assert page_errors == []


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("level", ["province", "department"])
def test_no_horizontal_overflow(
    request: pytest.FixtureRequest, base_url: str, width: int, height: int, level: str
) -> None:
    if level == "province":
        page, _errors = page_sized(request, width, height, "province", "/rankings", open_province)
    else:
        page = request.getfixturevalue("page")
        page.set_viewport_size({"width": width, "height": height})
        open_units(page, base_url + "/rankings?level=department")

    size = page.evaluate("() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})")
    assert size["scrollWidth"] <= size["innerWidth"], size


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_the_bump_chart_shows_every_year_and_whole_rank_labels(
    request: pytest.FixtureRequest, width: int, height: int
) -> None:
    """On a laptop the bump chart is the narrowest of three cards: its years still read across, inside
    the chart, and the focus's "rank/field" labels at the first and last year are drawn whole."""
    page, page_errors = page_sized(request, width, height, "province", "/rankings", open_province)
    drawn = page.eval_on_selector(
        "#rankings-bump .js-plotly-plot",
        """plot => {
            const chart = plot.querySelector('.main-svg').getBoundingClientRect();
            const years = [...plot.querySelectorAll('.xtick text')].map(text => {
                const box = text.getBoundingClientRect();
                return {text: text.textContent, left: box.left, right: box.right, bottom: box.bottom};
            });
            const focus = [...plot.querySelectorAll('.scatterlayer .trace')].find(
                trace => trace.__data__[0].trace.name === 'Bình Phước');
            const labels = [...focus.querySelectorAll('.textpoint text')].map(text => ({
                text: text.textContent, clipped: !!text.closest('[clip-path]'),
            }));
            return {chart: {bottom: chart.bottom, right: chart.right}, years, labels};
        }""",
    )
    years = drawn["years"]
    assert [year["text"] for year in years] == ["2020", "2021", "2022"]
    assert all(year["bottom"] <= drawn["chart"]["bottom"] for year in years), "no year cut off below the chart"
    assert all(left["right"] <= right["left"] for left, right in itertools.pairwise(years)), "years side by side"
    assert [label["text"] for label in drawn["labels"]] == ["25/63", "9/63", "12/63"]
    assert not any(label["clipped"] for label in drawn["labels"]), "no rank label cut at the axis' ends"
    assert page_errors == []


def test_a_level_without_results_in_the_year_shown_opens_on_its_own_latest_year(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """The seed ranks departments in 2022 only: from the national table of 2021 the selector opens the
    departments on their latest year (no year in the URL), not on an empty 2021."""
    open_province(page, base_url + "/rankings?year=2021")

    page.locator("#rankings-level label", has_text="Sở, ban, ngành").click()

    expect_query(page, {"level": "department"})
    expect(page.locator("#rankings-heading")).to_contain_text("2022")
    expect(page.locator("#rankings-unit-table")).to_be_visible()
    assert page_errors == []


# What the map and the national table show: the map's traces as plotly drew them, and the table's text.
SHOWN_JS = """() => {
  const plot = document.querySelector('#rankings-map .js-plotly-plot');
  if (!plot || !plot._fullData) return null;
  const plain = (v) => (ArrayBuffer.isView(v) ? Array.from(v) : v);
  return JSON.stringify({
    map: plot._fullData.map((t) => [t.type, t.name, plain(t.locations), plain(t.z), t.customdata]),
    table: document.querySelector('#rankings-national-table').innerText,
  });
}"""


def test_a_year_changed_recolours_the_map_in_place_as_a_fresh_load_draws_it(
    page: Page, page_errors: list[str], base_url: str
) -> None:
    """Another year keeps the map and the bump chart drawn (no new plot): the map's
    colours, ranks and hover and the table then equal those of a fresh load of the new URL."""
    open_province(page, base_url + "/rankings?year=2021")
    page.wait_for_function(f"() => ({SHOWN_JS})() !== null")
    fresh = page.evaluate(SHOWN_JS)
    open_province(page, base_url + "/rankings?year=2022")
    page.eval_on_selector("#rankings-map .js-plotly-plot", "plot => { plot.dataset.kept = 'yes'; }")
    page.eval_on_selector("#rankings-bump .js-plotly-plot", "plot => { plot.dataset.kept = 'yes'; }")
    assert page.evaluate(SHOWN_JS) != fresh

    page.locator("#shell-years a.year-link[href*='year=2021']").click()

    page.wait_for_function(f"(expected) => ({SHOWN_JS})() === expected", arg=fresh)
    assert page.get_attribute("#rankings-map .js-plotly-plot", "data-kept") == "yes", "the map was drawn anew"
    assert page.get_attribute("#rankings-bump .js-plotly-plot", "data-kept") == "yes", "the bump chart was redrawn"
    assert page_errors == []
