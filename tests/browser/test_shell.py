"""The shell around every page, driven in Chromium: theme, language, year selector and navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import open_overview

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_theme_toggle_is_remembered(page: Page, page_errors: list[str], expect: Callable, base_url: str) -> None:
    open_overview(page, base_url + "/")
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "dark")
    dark_background = background(page)

    page.click("#shell-theme-toggle")
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "light")
    assert background(page) != dark_background

    page.reload()
    page.locator("#overview-dti-value").wait_for()
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "light")
    assert page_errors == []


def test_language_switch_round_trip(page: Page, page_errors: list[str], expect: Callable, base_url: str) -> None:
    open_overview(page, base_url + "/")

    page.click("#shell-language")
    expect(page.locator("body")).to_contain_text("National rank")
    expect(page.locator("#overview-rank-value")).to_have_text("12/63")
    expect(page.locator("#overview-dti-value")).to_have_text("0.6385")

    page.click("#shell-language")
    expect(page.locator("body")).to_contain_text("Xếp hạng cả nước")
    expect(page.locator("#overview-dti-value")).to_have_text("0,6385")
    assert page_errors == []


def test_language_switch_keeps_the_year(page: Page, expect: Callable, base_url: str) -> None:
    open_overview(page, base_url + "/?year=2021")

    page.click("#shell-language")
    expect(page.locator("body")).to_contain_text("National rank")
    expect(page).to_have_url(base_url + "/?year=2021")
    expect(page.locator("#overview-rank-value")).to_have_text("9/63")


def test_year_selector_switches_to_2021(page: Page, page_errors: list[str], expect: Callable, base_url: str) -> None:
    open_overview(page, base_url + "/")
    years = page.locator("#shell-years a")
    expect(years).to_have_text(["2020", "2021", "2022"], use_inner_text=True)
    expect(page.locator("#shell-years a.active")).to_have_text("2022")

    years.get_by_text("2021", exact=True).click()

    expect(page).to_have_url(base_url + "/?year=2021")
    expect(page.locator("#overview-rank-value")).to_have_text("9/63")
    expect(page.locator("#overview-radar-empty")).to_contain_text("2021")
    expect(page.locator("#overview-radar")).to_be_hidden()
    change = page.locator("#overview-rank-change")
    expect(change).to_contain_text("25 → 9")
    expect(change).to_contain_text("tăng 16 bậc")
    expect(page.locator("#overview-average")).to_contain_text("chưa có điểm DTI năm 2021")
    expect(page.locator("#shell-years a.active")).to_have_text("2021")
    assert page_errors == []


def test_every_navbar_link_renders(page: Page, page_errors: list[str], expect: Callable, base_url: str) -> None:
    """No menu entry may lead to a blank or broken page: each shows its own content."""
    open_overview(page, base_url + "/")
    links = page.locator(".shell-navbar .nav-link")
    targets = [link.get_attribute("href") for link in links.all()]
    assert len(targets) >= 2
    assert targets[0] == "/"

    for href in reversed(targets):
        page.locator(f'.shell-navbar .nav-link[href="{href}"]').click()
        expect(page).to_have_url(base_url + href)
        if href == "/":
            expect(page.locator("#overview-dti-value")).to_have_text("0,6385")
            continue
        # A built page's components carry its name as id prefix (`rankings-…`); its content comes
        # from a callback, after the page's own stores: the messages below are looked for only once
        # that content is there, or their absence would be the blank page's.
        name = href.strip("/")
        expect(page.locator(f"[id^='{name}-']").first).to_be_attached()
        expect(page.locator(f"#{name}-content > *, #{name}-deck > *").first).to_be_attached()
        expect(page.locator("#page-message")).to_have_count(0)
    assert page_errors == []


def test_unknown_address_says_not_found(page: Page, page_errors: list[str], expect: Callable, base_url: str) -> None:
    page.goto(base_url + "/khong-co")

    expect(page.locator("#page-message")).to_contain_text("Không tìm thấy trang")
    page.locator("#page-message a").click()
    expect(page.locator("#overview-dti-value")).to_have_text("0,6385")
    assert page_errors == []


@pytest.mark.parametrize(("width", "height"), [(1600, 900), (1280, 800)])
def test_the_navbar_fits_a_laptop_screen(
    page: Page, page_errors: list[str], expect: Callable, base_url: str, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_overview(page, base_url + "/")
    logout = page.locator("#shell-logout")
    expect(logout).to_be_visible()
    expect(page.locator("#shell-years a.active")).to_have_text("2022")

    box = logout.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"sign-out button at {box} on a {width}px screen"
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    # Inline boxes have no scroll size, and a label hidden to sight but kept for screen readers is clipped on purpose.
    overflowing = page.evaluate(
        """() => [document.querySelector('.shell-navbar'), ...document.querySelectorAll('.shell-navbar *')]
            .filter((el) => getComputedStyle(el).display !== 'inline' && getComputedStyle(el).clip === 'auto')
            .filter((el) => el.scrollWidth > el.clientWidth)
            .map((el) => (el.id || el.className || el.tagName) + ' ' + el.scrollWidth + '>' + el.clientWidth)"""
    )
    assert overflowing == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert page_errors == []


def test_an_admins_sign_out_stays_on_one_line_at_full_hd(
    page_as: Callable[[str], Page], expect: Callable, base_url: str
) -> None:
    """An admin's navbar holds the most links (Quản trị, Nhật ký): at 1920×1080 on the deck, whose
    toolbar adds nothing to the navbar, the account name gives way so "Đăng xuất" stays one line
    inside the screen (it wrapped onto two lines before)."""
    admin = page_as("admin")
    admin.set_viewport_size({"width": 1920, "height": 1080})
    admin.goto(base_url + "/present")
    expect(admin.locator("#present-deck .present-slide").first).to_be_attached()
    logout = admin.locator("#shell-logout")
    expect(logout).to_be_visible()
    lines = logout.locator(".logout-label").evaluate("el => el.getClientRects().length")
    assert lines == 1, "the sign-out label wraps"
    box = logout.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 1920, f"sign-out button at {box}"
    assert admin.evaluate("() => document.documentElement.scrollWidth") <= 1920
