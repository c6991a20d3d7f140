"""The overview as a reader sees it in Chromium: figures, charts, layout, offline assets and error states."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from auth import users
from data_access import db
from seed.synthetic import Shape, generate
from tests.browser.conftest import (
    block_external_requests,
    forge_session,
    new_page,
    open_overview,
    plot_traces,
    read_json,
    run_app,
    sign_in_with,
    sqlite_url,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page, Response

pytestmark = pytest.mark.browser


def test_overview_shows_the_2022_figures(page: Page, page_errors: list[str], base_url: str, expect: Callable) -> None:
    open_overview(page, base_url + "/")

    assert page.inner_text("#overview-dti-value") == "0,6385"
    assert page.inner_text("#overview-rank-value") == "12/63"
    change = page.inner_text("#overview-rank-change")
    assert "9 → 12" in change
    assert "giảm 3 bậc" in change
    heading = page.inner_text("#overview-heading")
    assert "Bình Phước" in heading
    assert "2022" in heading

    weakest = page.locator("#overview-weakest li")
    assert weakest.count() == 3
    first = weakest.first.inner_text()
    assert "Hoạt động Xã hội số" in first
    assert "97,42" in first

    page.locator("#overview-radar .js-plotly-plot .main-svg").first.wait_for()
    radar = plot_traces(page, "#overview-radar")
    assert "scatterpolar" in {trace["type"] for trace in radar}
    focus = next(trace for trace in radar if trace["name"] == "Bình Phước")
    assert len(focus["r"]) == 9, "eight pillars plus the point that closes the polygon"
    assert focus["r"][0] == focus["r"][-1]

    history = plot_traces(page, "#overview-history")
    assert [trace["y"] for trace in history] == [[25, 9, 12]]

    # The five foundation pillars (attribution not printed) and the 33,05 % slip each carry a mark, no paragraph.
    assert page.locator(".pillar-table .caveat-mark").count() == 6
    assert page.locator("#overview-inferred, .flag-note, .discrepancy-note").count() == 0
    page.click("#overview-caveat-awareness")
    expect(page.locator("#overview-caveat-awareness-popover")).to_contain_text("Nguồn không ghi tên chỉ số")
    page.click("#overview-caveat-digital_society")
    expect(page.locator("#overview-caveat-digital_society-popover")).to_contain_text("33,05%")
    assert "người chép" not in page.inner_text("body")

    assert page_errors == []


def test_overview_works_offline_with_local_fonts(page: Page, page_errors: list[str], base_url: str) -> None:
    """IOC rooms are often offline: nothing may be fetched from another host, and the font must be ours."""
    assets: list[tuple[int, str, str]] = []

    def record(response: Response) -> None:
        if response.request.resource_type in {"stylesheet", "script", "font"}:
            assets.append((response.status, response.request.resource_type, response.url))

    blocked = block_external_requests(page)
    page.on("response", record)
    open_overview(page, base_url + "/")

    assert blocked == []
    assert page.inner_text("#overview-dti-value") == "0,6385"
    font_loaded = page.evaluate(
        """async () => {
            await document.fonts.ready;
            const face = [...document.fonts].some(
                f => f.family.replaceAll('"', "") === "Be Vietnam Pro" && f.weight === "700" && f.status === "loaded"
            );
            return face && document.fonts.check('700 16px "Be Vietnam Pro"');
        }"""
    )
    assert font_loaded
    assert {kind for _, kind, _ in assets} == {"stylesheet", "script", "font"}
    assert [asset for asset in assets if asset[0] != 200] == []
    assert page_errors == []


@pytest.mark.parametrize(
    ("width", "height", "fits_vertically"),
    [(1366, 768, False), (1920, 1080, True)],
)
def test_overview_fits_the_screen(page: Page, base_url: str, width: int, height: int, fits_vertically: bool) -> None:
    """An IOC wall shows the page without scrollbars; a laptop may scroll down, never sideways."""
    page.set_viewport_size({"width": width, "height": height})
    open_overview(page, base_url + "/")
    page.locator("#overview-radar .js-plotly-plot .main-svg").first.wait_for()

    size = page.evaluate(
        """() => ({
            scrollWidth: document.documentElement.scrollWidth,
            scrollHeight: document.documentElement.scrollHeight,
            innerWidth: window.innerWidth,
            innerHeight: window.innerHeight,
        })"""
    )
    assert size["scrollWidth"] <= size["innerWidth"], size
    if fits_vertically:
        assert size["scrollHeight"] <= size["innerHeight"], size


@pytest.mark.parametrize("year", ["abc", "1999"])
def test_unknown_year_is_explained(
    page: Page, page_errors: list[str], expect: Callable, base_url: str, year: str
) -> None:
    page.goto(f"{base_url}/?year={year}")

    # Read as the reader sees it: while the content's spinner covers it, the message is drawn but hidden.
    message = page.locator("#page-message")
    expect(message).to_contain_text("không có trong dữ liệu", use_inner_text=True)
    expect(message).to_contain_text(f"“{year}”", use_inner_text=True)
    assert "Traceback" not in page.content()
    assert page_errors == []


def test_database_down_is_explained(anonymous_page: Page, expect: Callable, down_base_url: str) -> None:
    """A leader signed in before the outage is told about it, not bounced to a sign-in that cannot work."""
    page = anonymous_page
    forge_session(page, down_base_url, "leader")
    status, body = read_json(down_base_url + "/healthz")
    assert status == 503
    assert body["status"] == "unavailable"

    page.goto(down_base_url + "/")

    expect(page.locator("#page-message")).to_contain_text("Không kết nối được cơ sở dữ liệu")
    assert "Traceback" not in page.content()


def test_a_year_link_redraws_the_figures_in_place_and_back_and_forward_follow_it(
    page: Page, page_errors: list[str], base_url: str, expect: Callable
) -> None:
    """A year chosen on `/` changes the URL and the figures, not the page around them (its ticker, its
    frame stay); the browser's back and forward buttons move between the years."""
    open_overview(page, base_url + "/?year=2022")
    plot_traces(page, "#overview-history")  # drawn
    ranks = page.eval_on_selector(
        "#overview-history .js-plotly-plot",
        "el => [Array.from(el._fullData[0].x, String), Array.from(el._fullData[0].y)]",
    )
    rank_2021 = dict(zip(*ranks, strict=True))["2021"]
    page.eval_on_selector(".page-overview", "frame => { frame.dataset.kept = 'yes'; }")

    page.locator("#shell-years a", has_text="2021").click()
    expect(page).to_have_url(f"{base_url}/?year=2021")
    expect(page.locator("#overview-heading")).to_contain_text("năm 2021")
    expect(page.locator("#overview-rank-value")).to_have_text(f"{rank_2021}/63")
    expect(page.locator("#shell-years a.active")).to_have_text("2021")
    assert page.get_attribute(".page-overview", "data-kept") == "yes", "the page was rebuilt for a year"

    page.go_back()
    expect(page.locator("#overview-heading")).to_contain_text("năm 2022")
    expect(page.locator("#overview-dti-value")).to_have_text("0,6385")
    page.locator("#overview-radar .js-plotly-plot .main-svg").first.wait_for()
    page.go_forward()
    expect(page.locator("#overview-heading")).to_contain_text("năm 2021")
    expect(page.locator("#overview-rank-value")).to_have_text(f"{rank_2021}/63")
    assert page.get_attribute(".page-overview", "data-kept") == "yes"
    assert page_errors == []


# Three years, each scored in full: the seed scores 2022 only (its 2021 has a rank and no radar).
SCORED_YEARS = Shape(provinces=4, years=3, detailed=1, departments=3, districts=3)
SCORED_LEADER = ("scored-years-leader", "scored-years-password-1")
# What the overview shows of a year: the figures a leader reads and the graphs' traces as plotly drew
# them; null until both graphs are drawn (dcc.Graph marks a plot pending until Plotly.react resolves).
SHOWN_JS = """() => {
  const plot = (id) => document.querySelector(`#${id} .js-plotly-plot:not(.dash-graph--pending)`);
  const radar = plot('overview-radar'), history = plot('overview-history');
  if (!radar || !radar._fullData || !history || !history._fullData) return null;
  const plain = (v) => (ArrayBuffer.isView(v) ? Array.from(v) : v);
  const traces = (el) => el._fullData.map((t) => [t.type, t.name, plain(t.r), plain(t.theta), plain(t.x), plain(t.y)]);
  const text = (selector) => document.querySelector(selector)?.innerText;
  return JSON.stringify({
    radar: traces(radar),
    history: traces(history),
    heading: text('#overview-heading'),
    dti: text('#overview-dti-value'),
    rank: text('#overview-rank-value'),
    table: text('.pillar-table'),
  });
}"""


@pytest.fixture(scope="module")
def scored_years_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a small synthetic dataset (seed/synthetic.py) whose focus is scored every year."""
    folder = tmp_path_factory.mktemp("overview-scored-years")
    url = sqlite_url(folder)
    engine = db.engine_for(url)
    generate(SCORED_YEARS, engine)
    users.create_user(SCORED_LEADER[0], "leader", password=SCORED_LEADER[1], engine=engine)
    engine.dispose()
    yield from run_app(url, folder, lambda status: status == 200)


@pytest.fixture
def scored_years_leader(browser: Browser, page_errors: list[str], scored_years_url: str) -> Iterator[Page]:
    page = new_page(browser, page_errors)
    sign_in_with(page, scored_years_url, *SCORED_LEADER)
    yield page
    page.context.close()


def shown(page: Page, url: str) -> str:
    """What a fresh load of `url` shows, once drawn."""
    open_overview(page, url)
    page.wait_for_function(f"() => ({SHOWN_JS})() !== null")
    return page.evaluate(SHOWN_JS)


def test_a_year_changed_redraws_the_radar_in_place_as_a_fresh_load_draws_it(
    scored_years_leader: Page, page_errors: list[str], scored_years_url: str
) -> None:
    """Another year keeps the radar and the rank history drawn (the same plots, patched: Plotly.react,
    no new graph); the figures, the table and the radar's data then equal a fresh load of the new URL."""
    page = scored_years_leader
    fresh = shown(page, scored_years_url + "/?year=2021")
    assert shown(page, scored_years_url + "/?year=2022") != fresh
    for graph in ("#overview-radar", "#overview-history"):
        page.eval_on_selector(f"{graph} .js-plotly-plot", "plot => { plot.keptForTest = true; }")

    page.locator("#shell-years a.year-link[href*='year=2021']").click()

    page.wait_for_function(f"(expected) => ({SHOWN_JS})() === expected", arg=fresh)
    for graph in ("#overview-radar", "#overview-history"):
        kept = page.eval_on_selector(f"{graph} .js-plotly-plot", "plot => plot.keptForTest === true")
        assert kept, f"{graph} was drawn anew"
    assert page_errors == []
