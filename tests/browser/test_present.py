"""The deck in Chromium: keyboard and clicker navigation, the IOC wall mode cycling on its own with
the chrome hidden, and a lost connection marked stale and recovered."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from components.slides import SLIDE_KEYS
from domain.clock import local_now
from tests.browser.conftest import read_only_page

# The deck's last slide number (the sources).
LAST = len(SLIDE_KEYS)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

CALLBACKS = "**/_dash-update-component*"


def open_deck(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(".present-slide.is-active").wait_for()
    page.locator("#present-graph-dti .js-plotly-plot .main-svg").first.wait_for(state="attached")


def active_slide(page: Page) -> str:
    return page.eval_on_selector(".present-slide.is-active", "el => el.id")


def visible_slides(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".present-slide", "els => els.filter(e => getComputedStyle(e).visibility === 'visible').map(e => e.id)"
    )


def test_keys_and_clicker_move_through_the_deck(page: Page, page_errors: list[str], base_url: str, expect: Callable):
    open_deck(page, base_url + "/present?year=2022")
    counter = page.locator("#present-counter")
    expect(counter).to_have_text(f"1 / {LAST}")
    assert visible_slides(page) == ["present-slide-title"]
    assert "Bình Phước" in page.inner_text("#present-slide-title")

    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(f"2 / {LAST}")
    assert visible_slides(page) == ["present-slide-dti"]
    assert "12/63" in page.inner_text("#present-slide-dti")

    page.keyboard.press("PageDown")  # what a presentation clicker sends
    expect(counter).to_have_text(f"3 / {LAST}")
    assert active_slide(page) == "present-slide-radar"

    page.keyboard.press("PageUp")
    expect(counter).to_have_text(f"2 / {LAST}")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(f"1 / {LAST}")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(f"1 / {LAST}")  # ← on the first slide stays there

    page.keyboard.press("End")
    expect(counter).to_have_text(f"{LAST} / {LAST}")
    assert visible_slides(page) == ["present-slide-sources"]
    page.click("#present-next")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    # → on the last slide stopped there (the kiosk alone loops): one ← goes back one.
    expect(counter).to_have_text(f"{LAST - 1} / {LAST}")
    assert page_errors == []


def test_values_are_written_on_the_slides(page: Page, page_errors: list[str], base_url: str, expect: Callable):
    """Every value readable without hovering: labels on the bars, the radar's values in its table."""
    open_deck(page, base_url + "/present?year=2022")
    page.keyboard.press("End")
    for _ in range(LAST - 1 - SLIDE_KEYS.index("weakest")):
        page.keyboard.press("ArrowLeft")
    weakest = page.locator("#present-graph-weakest .js-plotly-plot")
    expect(weakest).to_contain_text("−97,42 / 150", use_inner_text=True)
    radar_table = page.text_content("#present-table-radar")  # on a hidden slide: its DOM text
    assert "35,1%" in radar_table and "52,58/150" in radar_table
    laggards = page.text_content("#present-table-laggards")
    assert "Cục Thống kê" in laggards and "51,1%" in laggards, "the weakest department by % of maximum"
    assert page_errors == []


def test_a_year_without_district_results_leaves_the_slide_out_and_says_so(
    page: Page, page_errors: list[str], base_url: str
):
    page.goto(base_url + "/present?year=2021")
    page.locator(".present-slide.is-active").wait_for()
    assert page.locator(".present-message").count() == 0, "no empty 'chưa có…' slide"
    assert page.locator("#present-slide-districts").count() == 0
    assert page.locator(".present-slide").count() < len(SLIDE_KEYS)
    title = page.text_content("#present-slide-title")
    assert "Năm 2021 chưa có số liệu cho các trang:" in title and "Các huyện, thị xã, thành phố" in title, title
    assert page_errors == []


def test_kiosk_cycles_by_itself_with_the_chrome_hidden(page: Page, page_errors: list[str], base_url: str, expect):
    open_deck(page, base_url + "/present?year=2022&kiosk=1&interval=2")

    assert page.evaluate("document.body.classList.contains('present-kiosk')")
    for chrome in (".shell-navbar", ".shell-footer", ".present-toolbar"):
        expect(page.locator(chrome)).to_be_hidden()
    assert page.eval_on_selector(".present-stage", "el => getComputedStyle(el).cursor") == "none"

    first = active_slide(page)
    page.wait_for_function(f"() => document.querySelector('.present-slide.is-active').id !== '{first}'")
    second = active_slide(page)
    page.wait_for_function(f"() => document.querySelector('.present-slide.is-active').id !== '{second}'")
    assert page_errors == []


def test_kiosk_marks_a_lost_connection_and_recovers(page: Page, base_url: str, expect: Callable):
    opened = local_now()
    open_deck(page, base_url + "/present?year=2022&kiosk=1&interval=2")
    marker = page.locator("#present-stale")
    expect(marker).to_be_hidden()

    page.route(CALLBACKS, lambda route: route.abort())
    expect(marker).to_be_visible()
    lost = local_now()
    # Vietnam's time, although this browser runs in the machine's zone (UTC here).
    minutes = {
        (opened + timedelta(minutes=m)).strftime("%H:%M") for m in range(int((lost - opened).total_seconds() // 60) + 2)
    }
    assert marker.inner_text() in {f"Mất kết nối — dữ liệu lúc {minute}" for minute in minutes}
    assert page.locator(".present-slide").count() == len(SLIDE_KEYS), "the last slides stay on screen"
    before = page.inner_text("#present-counter")
    page.wait_for_function(f"() => document.getElementById('present-counter').textContent !== '{before}'")

    page.unroute(CALLBACKS)
    expect(marker).to_be_hidden()


def test_the_whatif_scenario_goes_to_the_recommendations_slide(
    page: Page, page_errors: list[str], base_url: str, expect: Callable
):
    """From /whatif for the province, "Đưa lên trình chiếu" carries the sliders' scenario to the deck,
    which opens on "Khuyến nghị" with the scenario's new rank (2 of the 6 provinces with a published
    2022 value: 0,6385 + 87,42/1000 = 0,7259, behind Đà Nẵng's 0,8002, ahead of TP. HCM's 0,7163)."""
    page.goto(base_url + "/whatif?unit=binh-phuoc&year=2022&institutions=100")
    link = page.locator("#whatif-present-link")
    expect(link).to_have_attribute("href", "/present?year=2022&institutions=100#actions")
    field = page.locator('[id=\'{"index":"digital_society","type":"whatif-points-box"}\']')
    field.fill("120")
    field.press("Tab")
    expect(link).to_have_attribute("href", "/present?year=2022&institutions=100&digital_society=120#actions")

    link.click()
    expect(page.locator("#present-slide-actions")).to_have_class(re.compile(r"\bis-active\b"))
    slide = page.locator("#present-slide-actions")
    expect(slide).to_contain_text("Kịch bản giả định: Thể chế số 80 → 100; Hoạt động Xã hội số 52,58 → 120")
    expect(slide).to_contain_text("hạng 6 → 2 trong 6 tỉnh có giá trị công bố")
    assert page_errors == []


def test_a_unit_head_gets_no_link_to_the_deck(page_as: Callable, base_url: str, expect: Callable):
    head = page_as("unit_head")
    head.goto(base_url + "/whatif")
    head.locator("#whatif-ranking .js-plotly-plot .main-svg").first.wait_for()
    expect(head.locator("#whatif-present-link")).to_be_hidden()


# Every text node under `root` with the size it is drawn at on screen (SVG text scaled by its screen
# transform, HTML text by its CSS zoom, as scripts/text_sizes.py measures it) and its box.
TEXTS_JS = """root => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    const el = node.parentElement;
    if (!text || !el) continue;
    const style = getComputedStyle(el);
    if (style.display === "none") continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    let size = parseFloat(style.fontSize);
    const svg = el instanceof SVGElement;
    if (svg) {
      const m = el.getScreenCTM();
      size = size * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    } else {
      size = size * (el.currentCSSZoom || 1);
    }
    const tick = el.closest(".ytick, .y2tick");
    out.push({text: text, size: size, svg: svg, ytick: !!tick,
              left: box.left, right: box.right, top: box.top, bottom: box.bottom});
  }
  return out;
}"""
# The deck is drawn: every slide's chart box holds its chart's text (the slide shown is drawn first,
# hidden slides when the browser is idle, laid out as shown).
DRAWN_JS = """() => {
  const boxes = [...document.querySelectorAll('.present-slide .present-graph[data-figure]')];
  return boxes.length > 0 && boxes.every(box => box.querySelector('.main-svg text'));
}"""
# Records the order in which the deck's charts are drawn from now on: each graph's id, with how many
# chart boxes were still empty when it was drawn.
RECORD_DRAWING_JS = """() => {
  window.chartsDrawn = [];
  const seen = new Set(document.querySelectorAll('.present-graph .js-plotly-plot'));
  new MutationObserver(() => {
    for (const plot of document.querySelectorAll('.present-graph .js-plotly-plot')) {
      if (!seen.has(plot) && plot.querySelector('.main-svg')) {
        seen.add(plot);
        const empty = [...document.querySelectorAll('.present-graph[data-figure]')]
          .filter(box => !box.querySelector('.main-svg')).length;
        window.chartsDrawn.push([plot.closest('.dash-graph').id, empty]);
      }
    }
  }).observe(document.body, {childList: true, subtree: true});
}"""
# The 2022 deck's slides with a chart, in order.
CHARTS_2022 = ("dti", "radar", "departments", "districts", "targets", "weakest")
# The fill of each drawn chart's first axis label, in the deck's order (a bar's own label keeps its ink).
CHART_INKS_JS = """() => [...document.querySelectorAll('.present-graph .js-plotly-plot')].map(plot => {
  const text = plot.querySelector('.xtick text, .ytick text, .angularaxistick text');
  return text && getComputedStyle(text).fill;
})"""
ACTIVE_IS_JS = "id => document.querySelector('.present-slide.is-active')?.id === id"


def texts(page: Page, root: str) -> list[dict]:
    return page.evaluate(TEXTS_JS, root)


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def test_the_deck_reads_at_4k_as_at_full_hd(page: Page, page_errors: list[str], base_url: str):
    """A 4K wall draws the deck as full HD twice as large: every text of every slide (the charts'
    text in px as well as the slides' own type) at twice its full-HD size, in the kiosk and on the page."""
    for url in ("/present?year=2022&kiosk=1&interval=600", "/present?year=2022"):
        sizes = {}
        for width, height in ((1920, 1080), (3840, 2160)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto(base_url + url)
            page.wait_for_function(DRAWN_JS)
            sizes[width] = [(text["text"], round(text["size"], 1)) for text in texts(page, ".present-deck")]
        full_hd, wall = sizes[1920], sizes[3840]
        assert [text for text, _ in wall] == [text for text, _ in full_hd], "the same words on both screens"
        charts = [text for text in texts(page, ".present-deck") if text["svg"]]
        assert charts, "the charts' text is measured too"
        doubled = [(text, small, large) for (text, small), (_, large) in zip(full_hd, wall, strict=True)]
        assert all(abs(large - 2 * small) <= 0.2 for _, small, large in doubled), [
            d for d in doubled if abs(d[2] - 2 * d[1]) > 0.2
        ][:5]
    assert page_errors == []


def test_the_departments_slide_reads_from_the_back_of_the_room(page: Page, page_errors: list[str], base_url: str):
    """On the wall (kiosk, 1920×1080) the departments' names are labels (at least 18 px), the chart's
    other text at least 16 px, and no name runs into another name or into a bar of the other column."""
    page.goto(base_url + "/present?year=2022&kiosk=1&interval=600#departments")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-departments")
    page.wait_for_function(DRAWN_JS)
    chart = [text for text in texts(page, "#present-slide-departments .js-plotly-plot") if text["svg"]]
    names = [text for text in chart if text["ytick"]]
    name_lines = {text["text"] for text in names}
    assert "Cục Thống kê" in name_lines and "Sở Y tế" in name_lines, "every department is named on the chart"
    assert min(text["size"] for text in names) >= 18, sorted((t["size"], t["text"]) for t in names)[:3]
    assert min(text["size"] for text in chart) >= 16, sorted((t["size"], t["text"]) for t in chart)[:3]
    # Lines of one wrapped name touch; different names and the other column's bars never do.
    clashes = [(a["text"], b["text"]) for i, a in enumerate(names) for b in names[i + 1 :] if overlaps(a, b)]
    assert clashes == []
    bars = page.eval_on_selector_all(
        "#present-slide-departments .js-plotly-plot .bars path",
        "els => els.map(e => { const b = e.getBoundingClientRect(); "
        "return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; })",
    )
    assert len(bars) >= 24
    assert [(n["text"]) for n in names for bar in bars if overlaps(n, bar)] == []
    assert page_errors == []


def test_the_pillar_slide_puts_its_caveats_under_the_table_beside_the_radar(
    page: Page, page_errors: list[str], base_url: str
):
    """The radar keeps the slide's whole height on the left; the table and, under it, the caveats that
    qualify its figures share the right column, and every row of the table is in sight."""
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(base_url + "/present?year=2022#radar")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-radar")
    page.wait_for_function(DRAWN_JS)
    boxes = page.evaluate(
        """() => {
            const slide = document.querySelector('#present-slide-radar');
            const box = (selector) => {
                const r = slide.querySelector(selector).getBoundingClientRect();
                return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
            };
            const rows = [...slide.querySelectorAll('.present-table tbody tr')]
                .map((row) => row.getBoundingClientRect());
            const main = box('.present-main');
            return {graph: box('.present-graph'), table: box('.present-table'), caveats: box('.present-bullets'),
                    main, rowsInSight: rows.every((r) => r.bottom <= main.bottom + 0.5), rows: rows.length};
        }"""
    )
    graph, table, caveats = boxes["graph"], boxes["table"], boxes["caveats"]
    assert graph["right"] <= table["left"] and graph["right"] <= caveats["left"], boxes
    assert abs(caveats["left"] - table["left"]) < 1 and caveats["top"] >= table["bottom"] - 0.5, boxes
    assert graph["bottom"] >= caveats["top"], "the radar keeps the whole height beside the table and the caveats"
    assert boxes["rows"] >= 8 and boxes["rowsInSight"], boxes
    assert page_errors == []


def open_drawn(page: Page, url: str) -> None:
    """Open the deck at `url` and wait until every slide's chart is drawn."""
    page.goto(url)
    page.wait_for_function(DRAWN_JS)


@pytest.fixture(scope="module")
def wall_errors() -> list[str]:
    """Console errors and uncaught exceptions of `wall_page`, over every test that reads it."""
    return []


@pytest.fixture(scope="module")
def wall_page(browser: Browser, base_url: str, wall_errors: list[str]) -> Iterator[Page]:
    """The kiosk deck on the wall (1920×1080, a slide every ten minutes, so it stays on its first slide while
    read), loaded and drawn once for the tests that only read it: every slide's chart is drawn at load,
    the heaviest wait of this module. A test that presses a key or changes the window opens a page of its own."""
    yield from read_only_page(browser, base_url, wall_errors, "/present?year=2022&kiosk=1&interval=600", open_drawn)


def test_the_kiosk_ticker_runs_below_every_slides_content(wall_page: Page, wall_errors: list[str]):
    """The ticker along the kiosk's bottom covers nothing: every slide's content, its source line
    included, ends above the ticker's top."""
    page, page_errors = wall_page, wall_errors
    page.wait_for_function(DRAWN_JS)
    ticker = page.locator(".wall-ticker-kiosk .wall-ticker")
    ticker.wait_for()
    top = ticker.bounding_box()["y"]
    for slide in page.eval_on_selector_all(".present-slide", "els => els.map(e => e.id)"):
        ends = page.eval_on_selector_all(
            f"#{slide} .present-slide-foot, #{slide} .present-slide-body, #{slide} .present-title-body",
            "els => els.map(e => e.getBoundingClientRect().bottom)",
        )
        assert ends and max(ends) <= top, f"{slide} ends at {max(ends)}, the ticker starts at {top}"
    assert page_errors == []


def test_every_kiosk_chart_draws_its_text_at_the_wall_floor(wall_page: Page, wall_errors: list[str]):
    """On the wall (kiosk, 1920×1080) no chart of any slide writes under the chart floor of 16 px:
    axes, values, legends, bounds (the districts' heatmap and the points lost were at 14–15 px)."""
    page, page_errors = wall_page, wall_errors
    page.wait_for_function(DRAWN_JS)
    charts = [text for text in texts(page, ".present-deck") if text["svg"]]
    assert len({text["text"] for text in charts}) > 100, "every slide's chart is measured"
    small = sorted((round(text["size"], 1), text["text"]) for text in charts if text["size"] < 16)
    assert small == []
    assert page_errors == []


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_the_recommendations_show_every_main_index_and_cut_no_row(
    page: Page, page_errors: list[str], base_url: str, width: int, height: int
):
    """Bình Phước has eight main indices with points to win: all eight rows stand whole inside the
    slide's table box, above its notes (the table was cut through its fifth row, three never shown)."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(base_url + "/present?year=2022#actions")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-actions")
    slide = "#present-slide-actions"
    rows = page.eval_on_selector_all(
        f"{slide} .present-table tbody tr",
        "els => els.map(e => ({name: e.cells[0].innerText, bottom: e.getBoundingClientRect().bottom}))",
    )
    assert [row["name"] for row in rows][-4:] == ["An toàn thông tin mạng", "Thể chế số", "Hạ tầng số", "Nhận thức số"]
    assert len(rows) == 8
    box = page.eval_on_selector(f"{slide} .present-table-box", "e => e.getBoundingClientRect().bottom")
    notes = page.eval_on_selector(f"{slide} .present-bullets", "e => e.getBoundingClientRect().top")
    assert max(row["bottom"] for row in rows) <= min(box, notes), (rows, box, notes)
    assert page_errors == []


def test_the_chart_download_label_stands_on_one_line(page: Page, page_errors: list[str], base_url: str):
    """ "Tải biểu đồ này" beside the PNG/SVG buttons stood on end, a word a line."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(base_url + "/present?year=2022#dti")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-dti")
    label = page.locator("#present-slide-dti .present-chart-label")
    height, size = label.evaluate("e => [e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).fontSize)]")
    assert height < 2 * size, (height, size)
    assert page_errors == []


# Kaleido's Chromium draws the file on the server: seconds, more on a loaded machine.
CHART_DOWNLOAD_TIMEOUT_MS = 180_000


def test_a_slides_chart_downloads_on_a_click_and_only_then(page: Page, base_url: str, expect: Callable):
    """The chart buttons were Dash components with pattern-matching ids: every deck drawn (another year)
    posted a request for them that answered nothing. They are plain buttons now; a click asks the server
    for the file, drawn from the slide's figure (PNG and SVG), and a deck drawn for another year does not."""
    open_deck(page, base_url + "/present?year=2022#dti")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-dti")
    page.wait_for_load_state("networkidle")
    posted: list[str] = []
    page.on(
        "request", lambda request: posted.append(request.post_data or "") if "_dash-update" in request.url else None
    )

    page.locator("#shell-year-links a.year-link", has_text="2021").click()
    expect(page.locator("#present-heading")).to_contain_text("2021")
    page.locator("#present-graph-dti .js-plotly-plot .main-svg").first.wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    assert posted and not [body for body in posted if "present-chart-download" in body]

    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-dti")  # another year's deck, on the slide shown
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<svg")):
        with page.expect_download(timeout=CHART_DOWNLOAD_TIMEOUT_MS) as info:
            page.locator(f"#present-slide-dti .present-chart-button[data-format='{fmt}']").click()
        download = info.value
        assert re.fullmatch(rf"dti-[a-z-]+-2021-dti\.{fmt}", download.suggested_filename)
        with open(download.path(), "rb") as file:
            assert magic in file.read(4096)
    assert [body for body in posted if "present-chart-download" in body], "the clicks asked for the files"


def test_another_year_opens_the_deck_on_the_slide_shown_where_it_has_it(page: Page, base_url: str, expect: Callable):
    """A presenter compares a slide across years: a year link redraws the deck on the slide shown. A year
    that leaves that slide out (2021 has no district results) opens on the title; a deck opened from
    another page opens on its title."""
    open_deck(page, base_url + "/present?year=2022")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-dti")

    page.locator("#shell-year-links a.year-link", has_text="2021").click()
    expect(page.locator("#present-heading")).to_contain_text("2021")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-dti")
    assert "2021" in page.inner_text("#present-slide-dti .present-slide-heading")

    page.goto(base_url + "/present?year=2022#districts")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-districts")
    page.locator("#shell-year-links a.year-link", has_text="2021").click()
    expect(page.locator("#present-heading")).to_contain_text("2021")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-title")
    assert page.locator("#present-slide-districts").count() == 0

    page.keyboard.press("ArrowRight")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-dti")
    page.locator(".shell-navbar a.nav-link[href='/']").click()
    page.locator("#overview-content .js-plotly-plot").first.wait_for()
    page.locator(".shell-navbar a.nav-link[href='/present']").click()
    # The slide shown is settled before the charts are drawn (the shown slide's first, the rest after).
    page.wait_for_function(DRAWN_JS)
    assert active_slide(page) == "present-slide-title"


def drawn_after(page: Page, act: Callable[[], None], count: int) -> list[list]:
    """What `act` makes the deck draw, in order: [graph id, chart boxes still empty then]."""
    page.evaluate(RECORD_DRAWING_JS)
    act()
    page.wait_for_function(f"() => window.chartsDrawn.length >= {count}")
    page.wait_for_function(DRAWN_JS)
    return page.evaluate("window.chartsDrawn")


def test_another_year_draws_the_chart_shown_while_the_others_wait(page: Page, page_errors: list[str], base_url: str):
    """Six charts drawn at once held the page a quarter of a second on every change of year: the chart of
    the slide shown is drawn while the other slides' wait, then those one by one, each once, in its slide."""
    open_deck(page, base_url + "/present?year=2021#dti")
    page.wait_for_function(ACTIVE_IS_JS, arg="present-slide-dti")
    page.wait_for_function(DRAWN_JS)

    drawn = drawn_after(
        page, lambda: page.locator("#shell-year-links a.year-link", has_text="2022").click(), len(CHARTS_2022)
    )
    assert drawn[0] == ["present-graph-dti", len(CHARTS_2022) - 1], drawn
    assert sorted(graph for graph, _ in drawn) == sorted(f"present-graph-{key}" for key in CHARTS_2022)
    boxes = page.eval_on_selector_all(
        ".present-graph[data-figure]",
        "boxes => boxes.map(box => [box.closest('.present-slide').id, box.querySelectorAll('.js-plotly-plot').length])",
    )
    assert boxes == [[f"present-slide-{key}", 1] for key in CHARTS_2022], "each chart drawn once, in its slide"
    assert active_slide(page) == "present-slide-dti"
    assert "2022" in page.inner_text("#present-slide-dti .present-slide-heading")
    assert page_errors == []


def test_a_theme_change_draws_the_slide_shown_first_then_every_chart_in_the_new_ink(
    page: Page, page_errors: list[str], base_url: str, expect: Callable
):
    """The deck drawn anew (another theme, a new import) keeps its slides' boxes: each is drawn again,
    the slide shown first, in the theme's ink."""
    open_deck(page, base_url + "/present?year=2022#weakest")
    page.wait_for_function(DRAWN_JS)
    dark_ink = page.evaluate(CHART_INKS_JS)
    assert len(dark_ink) == len(CHARTS_2022)

    drawn = drawn_after(page, lambda: page.click("#shell-theme-toggle"), len(CHARTS_2022))
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "light")
    assert drawn[0] == ["present-graph-weakest", len(CHARTS_2022) - 1], drawn
    light_ink = page.evaluate(CHART_INKS_JS)
    assert len(light_ink) == len(CHARTS_2022) and all(
        light != dark for light, dark in zip(light_ink, dark_ink, strict=True)
    ), (dark_ink, light_ink)
    assert active_slide(page) == "present-slide-weakest"
    assert page_errors == []
