"""The ticker of what is new sits beside /'s heading, never over it, whatever the province's name."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import app_with_accounts, open_overview, sqlite_url

pytestmark = pytest.mark.browser

# A real province with one of the longest names of the 63: its heading is wider than the 40 % the
# ticker used to leave it at 1920 px.
LONG_NAMED = "ba-ria-vung-tau"


@pytest.fixture(scope="module")
def long_named_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("long-named-focus")
    yield from app_with_accounts(sqlite_url(folder), folder, {"DTI_FOCUS_UNIT": LONG_NAMED})


def _overlap(page: Page) -> float:
    """How many pixels of the heading's text the ticker covers, horizontally (0: none)."""
    return page.evaluate(
        """() => {
            const heading = document.querySelector('#overview-heading');
            const range = document.createRange();
            range.selectNodeContents(heading);
            const text = range.getBoundingClientRect();
            const ticker = document.querySelector('.wall-ticker-overview .wall-ticker').getBoundingClientRect();
            const vertical = Math.min(text.bottom, ticker.bottom) - Math.max(text.top, ticker.top);
            return vertical > 0 ? Math.max(0, text.right - ticker.left) : 0;
        }"""
    )


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_the_ticker_leaves_a_long_heading_whole(
    long_named_app: str, page_on: Callable[[str, str], Page], expect: Callable, width: int, height: int
):
    page = page_on(long_named_app, "leader")
    page.set_viewport_size({"width": width, "height": height})
    open_overview(page, f"{long_named_app}/")
    expect(page.locator("#overview-heading")).to_contain_text("Bà Rịa - Vũng Tàu", use_inner_text=True)
    ticker = page.locator(".wall-ticker-overview .wall-ticker")
    expect(ticker).to_be_visible()
    assert _overlap(page) == 0
    # The ticker still says something: it is narrowed, not squeezed out.
    assert ticker.bounding_box()["width"] >= 200
