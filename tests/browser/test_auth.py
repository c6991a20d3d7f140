"""Signing in, landing, refusals and the audit log, in Chromium as each kind of reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import TEST_ACCOUNTS

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

HEALTH = "binh-phuoc-so-y-te"
ICT = "binh-phuoc-so-tttt"


def fill_sign_in(page: Page, account: str, password: str | None = None) -> None:
    username, real_password, _role, _unit = TEST_ACCOUNTS[account]
    page.fill("#username", username)
    page.fill("#password", password or real_password)
    page.click("#login-submit")


def test_signing_in_returns_to_the_page_asked_for(
    anonymous_page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    page = anonymous_page
    page.goto(f"{base_url}/rankings?level=department")
    expect(page).to_have_url(f"{base_url}/login?next=%2Frankings%3Flevel%3Ddepartment")
    expect(page.locator("h1")).to_have_text("Đăng nhập")

    fill_sign_in(page, "leader", "mat-khau-sai-roi")
    expect(page.locator("#login-message")).to_have_text("Tên đăng nhập hoặc mật khẩu không đúng.")
    page_errors.clear()  # the refused form answers 401, which Chromium reports in the console

    fill_sign_in(page, "leader")
    expect(page).to_have_url(f"{base_url}/rankings?level=department")
    expect(page.locator("#rankings-heading")).to_contain_text("sở, ban, ngành")
    expect(page.locator(".user-menu")).to_contain_text(TEST_ACCOUNTS["leader"][0])
    assert page_errors == []


def test_a_unit_head_lands_on_their_unit_and_is_refused_another(
    anonymous_page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    page = anonymous_page
    page.goto(f"{base_url}/login")
    fill_sign_in(page, "unit_head")
    expect(page).to_have_url(f"{base_url}/units/{HEALTH}")
    expect(page.locator("#units-total")).to_have_text("428,76 / 600")
    expect(page.locator("#units-group")).to_have_text("Khá")
    expect(page.locator("#units-rank")).to_have_text("14/24")

    nav = [link.get_attribute("href") for link in page.locator(".shell-navbar .nav-link").all()]
    assert "/districts" not in nav
    assert "/admin" not in nav
    assert nav[0] == f"/units/{HEALTH}"
    expect(page.locator(".shell-navbar .nav-link").first).to_have_text("Đơn vị của tôi")

    response = page.goto(f"{base_url}/units/{ICT}")
    assert response.status == 403
    page_errors.clear()  # Chromium reports the 403 itself in the console
    expect(page.locator("#access-denied")).to_contain_text("Sở Thông tin và Truyền thông")
    page.click("#access-denied a")
    expect(page).to_have_url(f"{base_url}/units/{HEALTH}")
    assert page_errors == []


def test_the_refusal_page_keeps_the_readers_light_theme(page_as: Callable, expect: Callable, base_url: str) -> None:
    page = page_as("unit_head")
    assert page.goto(f"{base_url}/units/{ICT}").status == 403
    expect(page.locator("#access-denied")).to_be_visible()
    dark_background = page.evaluate("getComputedStyle(document.body).backgroundColor")

    page.goto(f"{base_url}/units/{HEALTH}")
    expect(page.locator("#units-total")).to_have_text("428,76 / 600")
    page.click("#shell-theme-toggle")
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "light")

    assert page.goto(f"{base_url}/units/{ICT}").status == 403
    expect(page.locator("#access-denied")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "light")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != dark_background


def test_a_unit_head_following_an_in_app_link_to_another_unit_sees_a_refusal(
    page_as: Callable, expect: Callable, base_url: str
) -> None:
    """Client-side navigation goes through Dash's router callback, which the server guards too."""
    page = page_as("unit_head")
    page.goto(f"{base_url}/rankings?level=department")
    expect(page.locator("#rankings-heading")).to_contain_text("sở, ban, ngành")
    levels = page.locator("#rankings-level label").all_inner_texts()
    assert not any("Huyện" in label for label in levels)
    page.evaluate(
        f"window.history.pushState({{}}, '', '/units/{ICT}'); window.dispatchEvent(new PopStateEvent('popstate'))"
    )
    expect(page.locator("#access-denied")).to_contain_text("Sở Thông tin và Truyền thông")


def test_a_leader_sees_every_unit_and_an_admin_reads_the_refusals(
    page_as: Callable, expect: Callable, base_url: str
) -> None:
    head = page_as("unit_head")
    assert head.goto(f"{base_url}/units/{ICT}").status == 403

    leader = page_as("leader")
    assert leader.goto(f"{base_url}/units/{ICT}").status == 200
    # The unit's page comes from a callback: no refusal is worth checking only once it is drawn.
    expect(leader.locator("#units-heading")).to_contain_text("Sở Thông tin và Truyền thông")
    expect(leader.locator("#access-denied")).to_have_count(0)
    assert leader.goto(f"{base_url}/admin/audit").status == 403

    admin = page_as("admin")
    admin.goto(f"{base_url}/admin/audit?kind=access_denied")
    row = admin.locator(".audit-row", has_text=TEST_ACCOUNTS["unit_head"][0]).first
    expect(row).to_contain_text(ICT)
    expect(row).to_contain_text("Bị từ chối")


def test_signing_out(page: Page, expect: Callable, base_url: str) -> None:
    page.goto(f"{base_url}/targets")
    page.click("#shell-logout")
    expect(page).to_have_url(f"{base_url}/login?signed_out=1")
    expect(page.locator("#login-message")).to_have_text("Bạn đã đăng xuất.")
    page.goto(f"{base_url}/targets")
    expect(page).to_have_url(f"{base_url}/login?next=%2Ftargets")
