"""A page's content spinner: up once its content is slow to come, never as the page opens.

Dash's `dcc.Loading` showed its dots from its first render, before the page had even asked for its
content, so every page opened flashed them, and hid content already drawn for a tick after it came.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from components.loading import SPINNER_DELAY_MS
from tests.browser.conftest import SLOW_CALLBACKS_SCRIPT

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# When (performance.now()) the page first sent a callback, and when a spinner was first up.
WATCH_SPINNER = """() => {
    window.spinnerWatch = {firstRequest: null, firstSpinner: null};
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
        const url = typeof input === "string" ? input : input.url;
        if (url.includes("/_dash-update-component") && window.spinnerWatch.firstRequest === null) {
            window.spinnerWatch.firstRequest = performance.now();
        }
        return send(input, init);
    };
    new MutationObserver(() => {
        if (window.spinnerWatch.firstSpinner === null && document.querySelector(".dash-spinner")) {
            window.spinnerWatch.firstSpinner = performance.now();
        }
    }).observe(document, {subtree: true, childList: true});
}"""
SHOWN = "#targets-section-digital_government .targets-section-title"


def test_the_spinner_never_shows_sooner_than_its_delay_after_the_page_asks_for_its_content(
    page: Page, base_url: str
) -> None:
    """However slow the machine, a spinner that shows does so no sooner than its delay after the
    content was asked for (timers only run late): never as the page opens."""
    page.add_init_script(f"({WATCH_SPINNER})()")
    page.goto(base_url + "/targets")
    page.locator(SHOWN).wait_for()
    page.wait_for_function("() => !document.querySelector('.dash-spinner')")
    watch = page.evaluate("window.spinnerWatch")
    assert watch["firstRequest"] is not None
    if watch["firstSpinner"] is not None:
        assert watch["firstSpinner"] - watch["firstRequest"] >= SPINNER_DELAY_MS * 0.9, watch


def test_a_slow_change_shows_the_spinner_over_the_content_still_in_view(
    page: Page, base_url: str, expect: Callable
) -> None:
    """Content that takes longer than the delay still gets its dots; a slow filter change keeps what the
    page showed in view under them (dimmed), never a blank page, until the new content comes."""
    # Answers this late keep the spinner up over a second: long enough to read the page under it.
    page.add_init_script(f"({SLOW_CALLBACKS_SCRIPT})({SPINNER_DELAY_MS * 6})")
    page.goto(base_url + "/targets")
    page.locator(".dash-spinner").first.wait_for()
    page.wait_for_function("() => !document.querySelector('.dash-spinner')")
    title = page.locator(SHOWN)
    assert title.inner_text().strip() != ""

    page.select_option("#targets-status", "not_met")
    page.locator(".dash-spinner").first.wait_for()
    assert title.inner_text().strip() != "", "the section shown stays readable under the spinner"
    assert title.evaluate("el => getComputedStyle(el).visibility") == "visible"
    page.wait_for_function("() => !document.querySelector('.dash-spinner')")
    expect(page.locator(".target-card").first).to_be_visible()
    assert page.locator(".target-card").count() == page.locator(".target-card-not_met").count()
