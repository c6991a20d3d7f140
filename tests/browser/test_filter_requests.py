"""A filter changed on a page (a year link, a level) redraws the navbar's year links in the browser: no
request for them, and the links as a fresh load of the new URL draws them (the server's `year_links`).
On a page that follows its own query (`/`, `/rankings`) it does not post to the page router either; any
other page is rebuilt by the router, once, for the new query.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from components import shell
from pages._context import parse_search, whole_number
from tests.browser.conftest import open_overview, plot_traces
from tests.data_access.importing.files import seed_csv

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

CALLBACK_PATH = "/_dash-update-component"
ACTIVE_LINK = "#shell-years a.year-link.active"
# Each link as a reader meets it: its text, where it leads, whether it is the year shown, whether it is in the menu.
SHOWN_LINKS = """() => [...document.querySelectorAll('#shell-years a.year-link')].map(a => [
    a.innerText, a.getAttribute('href'), a.classList.contains('active'), a.closest('.year-menu') !== null])"""


def scored_pillars(year: str, unit_code: str) -> int:
    """How many pillars the seed scores for the unit that year (`seed/data/scores.csv`)."""
    return sum((row["year"], row["unit_code"]) == (year, unit_code) for row in seed_csv("scores.csv"))


def record_posts(page: Page) -> list[str]:
    """The bodies of the callbacks `page` posts from now on."""
    posted: list[str] = []
    page.on("request", lambda request: posted.append(request.post_data or "") if CALLBACK_PATH in request.url else None)
    return posted


def shown_links(page: Page) -> list[list]:
    return page.evaluate(SHOWN_LINKS)


def links_of_a_fresh_load(page: Page, expect: Callable, url: str, active: str) -> list[list]:
    """The year links the server draws for `url` opened anew."""
    page.goto(url)
    expect(page.locator(ACTIVE_LINK)).to_have_text(active, use_inner_text=True)
    return shown_links(page)


def links_once_shown(page: Page, expect: Callable, rank: str, year: str) -> list[list]:
    """The year links once the overview shows the national `rank` and they mark `year`, nothing left in flight."""
    expect(page.locator("#overview-rank-value")).to_have_text(rank, use_inner_text=True)
    expect(page.locator(ACTIVE_LINK)).to_have_text(year, use_inner_text=True)
    page.wait_for_load_state("networkidle")
    return shown_links(page)


def year_link_posts(posted: list[str]) -> list[str]:
    return [body for body in posted if shell.YEAR_SLOT in body]


def router_posts(posted: list[str]) -> list[dict]:
    """The page router's requests among `posted`: each the inputs it was sent, by component."""
    bodies = [json.loads(body) for body in posted if "_pages_content" in body]
    return [{spec["id"]: spec["value"] for spec in body["inputs"]} for body in bodies]


def test_a_year_link_on_the_overview_costs_no_request_for_the_year_links(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_overview(page, base_url + "/")
    page.wait_for_load_state("networkidle")
    posted = record_posts(page)

    page.locator("#shell-years a.year-link", has_text="2021").click()
    changed = links_once_shown(page, expect, "9/63", "2021")

    assert any("overview-" in body for body in posted), "the page's own content was posted"
    assert year_link_posts(posted) == []
    assert router_posts(posted) == [], "the page follows its own query: the router is not asked"
    assert changed == links_of_a_fresh_load(page, expect, base_url + "/?year=2021", "2021")
    assert page_errors == []


def test_back_to_no_year_marks_the_pages_own_default_year(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """Without `?year=` the page's default year is the selected one, as on a fresh load of the page."""
    open_overview(page, base_url + "/")
    page.locator("#shell-years a.year-link", has_text="2020").click()
    links_once_shown(page, expect, "25/63", "2020")
    posted = record_posts(page)

    page.go_back()
    changed = links_once_shown(page, expect, "12/63", "2022")

    assert year_link_posts(posted) == []
    assert router_posts(posted) == []
    assert changed == links_of_a_fresh_load(page, expect, base_url + "/", "2022")
    assert page_errors == []


def test_a_level_chosen_on_the_rankings_keeps_it_in_the_year_links_with_no_request_for_them(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    page.goto(base_url + "/rankings?year=2022")
    page.locator("#rankings-national-table").wait_for()
    page.wait_for_load_state("networkidle")
    posted = record_posts(page)

    page.locator("#rankings-level label", has_text="Sở, ban, ngành").click()
    expect(page.locator("#rankings-unit-table")).to_be_visible()
    expect(page.locator("#shell-years a.year-link[href*='level=department']")).to_have_count(3)
    page.wait_for_load_state("networkidle")
    changed = shown_links(page)

    assert any("rankings-content" in body for body in posted), "the page's own content was posted"
    assert year_link_posts(posted) == []
    assert router_posts(posted) == []
    assert [link[2] for link in changed] == [False, False, True], "2022 still the year shown"
    assert changed == links_of_a_fresh_load(page, expect, page.url, "2022")
    assert page_errors == []


def test_a_year_link_on_a_page_that_does_not_follow_its_query_rebuilds_it_through_the_router_once(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    page.goto(base_url + "/present")
    expect(page.locator("#present-heading")).to_contain_text("Bình Phước, năm 2022", use_inner_text=True)
    page.wait_for_load_state("networkidle")
    posted = record_posts(page)

    page.locator("#shell-years a.year-link", has_text="2021").click()
    expect(page.locator("#present-heading")).to_contain_text("Bình Phước, năm 2021", use_inner_text=True)
    page.wait_for_load_state("networkidle")

    assert router_posts(posted) == [{"_pages_location": "/present", shell.ROUTED_SEARCH: "?year=2021"}]
    assert year_link_posts(posted) == []
    assert page_errors == []


def test_a_year_link_on_a_unit_page_redraws_it_in_place_without_the_router(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """A unit page follows its own query although its path has a variable (`/units/<unit_code>`): another
    year is one request for its content, the parts it keeps stay drawn (the history, the same every year),
    and back returns to the year before."""
    page.goto(base_url + "/units/binh-phuoc?year=2021")
    heading = page.locator("#units-heading")
    expect(heading).to_contain_text("Bình Phước: kết quả năm 2021", use_inner_text=True)
    page.locator("#units-history-col .js-plotly-plot .main-svg").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.eval_on_selector("#units-history-col .js-plotly-plot", "plot => { plot.dataset.kept = 'yes'; }")
    posted = record_posts(page)

    page.locator("#shell-years a.year-link", has_text="2020").click()
    expect(heading).to_contain_text("Bình Phước: kết quả năm 2020", use_inner_text=True)
    page.wait_for_load_state("networkidle")

    assert router_posts(posted) == []
    assert len([body for body in posted if "units-content" in body]) == 1
    assert page.get_attribute("#units-history-col .js-plotly-plot", "data-kept") == "yes", "the history was redrawn"
    page.go_back()
    expect(heading).to_contain_text("Bình Phước: kết quả năm 2021", use_inner_text=True)
    assert page_errors == []


def test_a_unit_page_patches_its_pillar_cards_in_place_between_a_year_without_scores_and_one_with(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """Bình Phước's 2021 has a result but no pillar scores: the page says so, shows no pillar card, and
    its history and sources share the row. 2022 has them: its radar and bars appear in the elements
    the page already had (patched, not drawn anew), and back hides them again."""
    page.goto(base_url + "/units/binh-phuoc?year=2021")
    heading = page.locator("#units-heading")
    expect(heading).to_contain_text("Bình Phước: kết quả năm 2021", use_inner_text=True)
    panel = page.locator("#units-no-pillars")
    radar = page.locator("#units-radar")
    expect(panel).to_be_visible()
    expect(radar).to_be_hidden()
    expect(page.locator("#units-bars")).to_be_hidden()
    history = page.locator("#units-history-col").bounding_box()
    sources = page.locator("#units-sources-col").bounding_box()
    assert history and sources and history["y"] == sources["y"], "the history and the sources share the row"
    assert abs(history["width"] - sources["width"]) < 2
    page.wait_for_load_state("networkidle")
    page.eval_on_selector("#units-radar .js-plotly-plot", "plot => { plot.dataset.kept = 'yes'; }")

    page.locator("#shell-years a.year-link", has_text="2022").click()
    expect(heading).to_contain_text("Bình Phước: kết quả năm 2022", use_inner_text=True)
    expect(panel).to_have_count(0)
    expect(radar).to_be_visible()
    radar.locator(".js-plotly-plot .main-svg").first.wait_for()
    assert plot_traces(page, "#units-radar"), "the radar has no traces"
    assert plot_traces(page, "#units-bars"), "the bars have no traces"
    assert page.get_attribute("#units-radar .js-plotly-plot", "data-kept") == "yes", "the radar was drawn anew"
    bars = page.locator("#units-bars").bounding_box()
    drawn_height, rows = page.eval_on_selector(
        "#units-bars .js-plotly-plot", "plot => [plot._fullLayout.height, plot._fullData[0].y.length]"
    )
    assert bars and abs(bars["height"] - drawn_height) < 2, "the bars are not drawn to their box"
    assert rows == scored_pillars("2022", "binh-phuoc") and bars["height"] >= 40 * rows, (
        "a pillar's row is too low to read"
    )

    page.go_back()
    expect(heading).to_contain_text("Bình Phước: kết quả năm 2021", use_inner_text=True)
    expect(panel).to_be_visible()
    expect(radar).to_be_hidden()
    assert page_errors == []


def test_the_overview_patches_its_radar_in_place_between_a_year_without_scores_and_one_with(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """Bình Phước's 2021 has a rank but no pillar scores: the overview says so where the radar and its
    table stand, and shows neither. 2022 has them: the radar comes back in the element the page already
    had (patched, not drawn anew), drawn to its box, beside a row per scored pillar; back hides them."""
    open_overview(page, base_url + "/?year=2022")
    radar = page.locator("#overview-radar")
    radar.locator(".js-plotly-plot .main-svg").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.eval_on_selector("#overview-radar .js-plotly-plot", "plot => { plot.dataset.kept = 'yes'; }")
    empty = page.locator("#overview-radar-empty")
    table_rows = page.locator("#overview-content .pillar-table tbody tr")

    page.locator("#shell-years a.year-link", has_text="2021").click()
    expect(empty).to_contain_text("Năm 2021 chưa có điểm", use_inner_text=True)
    expect(radar).to_be_hidden()
    expect(table_rows).to_have_count(0)

    page.locator("#shell-years a.year-link", has_text="2022").click()
    expect(empty).to_have_count(0)
    expect(radar).to_be_visible()
    expect(table_rows).to_have_count(scored_pillars("2022", "binh-phuoc"))
    page.wait_for_function(
        """() => { const plot = document.querySelector('#overview-radar .js-plotly-plot');
            const box = plot.getBoundingClientRect();
            return plot._fullData.length > 0 && Math.abs(plot._fullLayout.height - box.height) < 2
                && Math.abs(plot._fullLayout.width - box.width) < 2; }"""
    )
    assert page.get_attribute("#overview-radar .js-plotly-plot", "data-kept") == "yes", "the radar was drawn anew"
    assert len(plot_traces(page, "#overview-radar")) == 3, "the province, the best and the median"

    page.go_back()
    expect(empty).to_be_visible()
    expect(radar).to_be_hidden()
    assert page_errors == []


def test_a_move_to_another_page_asks_the_router_once_with_that_pages_query(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_overview(page, base_url + "/?year=2021")
    page.wait_for_load_state("networkidle")
    posted = record_posts(page)

    page.locator("#shell-years a.year-link", has_text="2020").click()
    expect(page.locator("#overview-rank-value")).to_have_text("25/63", use_inner_text=True)
    page.locator("nav a[href='/rankings']").click()
    expect(page.locator("#rankings-heading")).to_contain_text("Xếp hạng DTI cấp tỉnh năm 2022", use_inner_text=True)
    page.wait_for_load_state("networkidle")

    assert router_posts(posted) == [{"_pages_location": "/rankings", shell.ROUTED_SEARCH: ""}]
    assert page_errors == []


TEN_YEARS = list(range(2016, 2026))
SEED_YEARS = [2020, 2021, 2022]
# (years, the page's default year, path, query, language): the browser's links for the query must be
# the server's, down to how each parameter is read and written back.
PARITY_CASES = [
    (SEED_YEARS, 2022, "/", "", "vi"),
    (SEED_YEARS, 2022, "/", "?year=2021", "vi"),
    (SEED_YEARS, 2021, "/", "?year=", "vi"),
    (SEED_YEARS, 2021, "/units/SYT", "?level=x&year=abc&page=2", "en"),
    (SEED_YEARS, 2022, "/rankings", "?level=department&year=2021&q=ph%C6%B0%E1%BB%9Dng+T%C3%A2n&order=weakest", "vi"),
    (SEED_YEARS, 2022, "/rankings", "??peers=binh-duong,dong-nai&level=a&level=b&year=2020&year=2021", "vi"),
    (SEED_YEARS, 2022, "/", "?q=a*b~c!d'(e)/f&x=%ZZ&y=%E1%BA&=v&z&&year=1999", "vi"),
    (SEED_YEARS, 2022, "/", "?year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%91&lag=digital_society", "vi"),
    (SEED_YEARS, 2022, "/", "?year=+2020%C2%85", "vi"),
    (TEN_YEARS, 2025, "/districts", "?year=2018&order=weakest", "en"),
    (TEN_YEARS, 2024, "/districts", "?from=BP-01", "vi"),
    (TEN_YEARS, 2025, "/districts", "?year=2016", "vi"),
    ([2021, 2022, 2023, 2024, 2025], 2025, "/targets", "?year=2021", "vi"),
    ([], None, "/admin", "?year=2021", "vi"),
]


def server_links(years: list[int], default: int | None, pathname: str, search: str, lang: str) -> tuple[dict, str]:
    """What the server sends for the page (as `show_year_links`): the choice kept for the browser, and the
    links' HTML."""
    query = parse_search(search)
    choice, links = shell.year_selector(
        years, default, whole_number(query.get("year")), pathname=pathname, search=search, query=query, lang=lang
    )
    return choice.data, links.html


def test_the_browser_draws_the_year_links_of_a_query_as_the_server_does(page: Page, base_url: str) -> None:
    open_overview(page, base_url + "/")
    for years, default, pathname, search, lang in PARITY_CASES:
        drawn_for_another_query, _ = server_links(years, default, pathname, "?another=query", lang)
        _, expected = server_links(years, default, pathname, search, lang)
        drawn = page.evaluate(
            "([search, choice, pathname]) => window.dash_clientside.shell.yearLinks(search, choice, pathname)",
            [search, drawn_for_another_query, pathname],
        )
        assert drawn == expected, (pathname, search)
