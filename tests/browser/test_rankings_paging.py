"""`/rankings` with a hundred districts in Chromium: a page at a time, the page and order kept in the URL
and changed without reloading the page, back and forward, the level selector starting the new level
afresh, and the reader's page on paper without the controls.

The dataset is generated through the import (seed/synthetic.py): one detailed province of 100
districts named "Huyện tổng hợp NNN"; the expected order is the level's ranking as
`data_access.rankings` computes it (these tests check which rows are shown, and how).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from auth import users
from data_access import db, queries
from data_access.rankings import unit_ranking
from seed.synthetic import Shape, generate
from tests.browser.conftest import expect_query, new_page, run_app, sign_in_with, sqlite_url
from tests.conftest import use_database

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

YEAR = 2022
SHAPE = Shape(provinces=4, years=2, detailed=1, departments=10, districts=100)
LEADER = ("paging-leader", "paging-leader-password-1")
ROWS = "#rankings-unit-table tbody tr"
STATUS = "#rankings-page-status"


class DistrictRanking:
    def __init__(self, url: str, names_best_first: list[str]) -> None:
        self.url, self.names = url, names_best_first


@pytest.fixture(scope="module")
def districts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DistrictRanking]:
    folder: Path = tmp_path_factory.mktemp("rankings-paging-app")
    url = sqlite_url(folder)
    engine = db.engine_for(url)
    generate(SHAPE, engine)
    users.create_user(LEADER[0], "leader", password=LEADER[1], engine=engine)
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_database(monkeypatch, url)
        names = list(unit_ranking(queries.focus_unit_code(), "district", YEAR).table["unit_name_vi"])
    engine.dispose()
    for running in run_app(url, folder, lambda status: status == 200):
        yield DistrictRanking(running, names)


@pytest.fixture
def leader(browser: Browser, page_errors: list[str], districts: DistrictRanking) -> Iterator[Page]:
    page = new_page(browser, page_errors)
    sign_in_with(page, districts.url, *LEADER)
    yield page
    page.context.close()


def expect_names(page: Page, expect, names: list[str]) -> None:
    """The table shows these units, in this order, as the reader sees them (not under the spinner's cover)."""
    expect(page.locator(f"{ROWS} td.unit-name")).to_have_text(names, use_inner_text=True)


def test_the_pages_of_a_hundred_districts_change_in_place_and_go_back(
    leader: Page, page_errors: list[str], expect, districts: DistrictRanking
) -> None:
    leader.goto(districts.url + f"/rankings?year={YEAR}&level=district")
    expect(leader.locator(STATUS)).to_have_text("Đơn vị 1–25 trong 100 (trang 1/4)")
    expect_names(leader, expect, districts.names[:25])
    # A reload would lose this: the pages are read in place, like the level and the year.
    leader.evaluate("window.stillTheSamePage = true")

    leader.click("#rankings-next")
    expect_query(leader, {"year": str(YEAR), "level": "district", "page": "2"})
    expect(leader.locator(STATUS)).to_have_text("Đơn vị 26–50 trong 100 (trang 2/4)")
    expect_names(leader, expect, districts.names[25:50])

    leader.click("#rankings-order-weakest")
    expect_query(leader, {"year": str(YEAR), "level": "district", "order": "weakest"})
    expect_names(leader, expect, districts.names[::-1][:25])

    leader.go_back()
    expect_query(leader, {"year": str(YEAR), "level": "district", "page": "2"})
    expect_names(leader, expect, districts.names[25:50])
    assert leader.evaluate("window.stillTheSamePage") is True
    assert page_errors == []


def test_a_laptop_reads_each_name_on_at_most_two_lines(
    leader: Page, page_errors: list[str], expect, districts: DistrictRanking
) -> None:
    """At 1366×768 the table is half the page: the number columns are as wide as their numbers (their
    headings wrap), so "Huyện tổng hợp 002" is not broken a word a line."""
    leader.set_viewport_size({"width": 1366, "height": 768})
    leader.goto(districts.url + f"/rankings?year={YEAR}&level=district")
    expect_names(leader, expect, districts.names[:25])

    lines = leader.locator(f"{ROWS} td.unit-name a").evaluate_all("links => links.map(a => a.getClientRects().length)")
    assert len(lines) == 25 and max(lines) <= 2, lines
    overflow = leader.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert page_errors == []


def test_another_level_starts_on_its_own_first_page(
    leader: Page, page_errors: list[str], expect, districts: DistrictRanking
) -> None:
    leader.goto(districts.url + f"/rankings?year={YEAR}&level=district&order=weakest&page=3")
    expect(leader.locator(STATUS)).to_have_text("Đơn vị 51–75 trong 100 (trang 3/4)")

    leader.locator("#rankings-level label", has_text="Sở, ban, ngành").click()

    expect_query(leader, {"year": str(YEAR), "level": "department"})
    expect(leader.locator(ROWS)).to_have_count(10)
    expect(leader.locator(STATUS)).to_have_count(0)
    assert page_errors == []


def test_on_paper_the_readers_page_with_which_rows_they_are_and_no_controls(
    leader: Page, expect, districts: DistrictRanking
) -> None:
    leader.goto(districts.url + f"/rankings?year={YEAR}&level=district&page=2")
    expect(leader.locator(STATUS)).to_have_text("Đơn vị 26–50 trong 100 (trang 2/4)")

    leader.emulate_media(media="print")

    expect(leader.locator(STATUS)).to_be_visible()
    for control in ("#rankings-search-form", "#rankings-order-best", "#rankings-next", "#rankings-previous"):
        expect(leader.locator(control)).to_be_hidden()
    expect(leader.locator(ROWS)).to_have_count(25)
