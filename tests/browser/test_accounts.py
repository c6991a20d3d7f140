"""`/admin/accounts` in Chromium: an admin ties a unit head to a unit picked by name, hands over the
password shown once, and disabling the account ends the session it opened.

The page writes, so it runs against an app of its own (its own SQLite file)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import app_with_accounts, new_page, sign_in, sqlite_url

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def accounts_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser-accounts")
    yield from app_with_accounts(sqlite_url(folder), folder)


def sign_in_with(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def test_an_admin_creates_a_unit_head_by_unit_name_who_then_lands_on_that_unit(
    browser: Browser, page_errors: list[str], accounts_app: str, expect
) -> None:
    admin = new_page(browser, page_errors)
    sign_in(admin, accounts_app, "admin")
    admin.goto(f"{accounts_app}/admin")
    admin.locator("#admin-links").get_by_role("link", name="Tài khoản").click()  # reached from /admin
    expect(admin).to_have_url(f"{accounts_app}/admin/accounts")
    expect(admin.locator("#accounts-table")).to_contain_text("test-so-y-te")  # the pickers are filled

    admin.fill("#accounts-username", "truong-so-y-te")
    admin.locator("#accounts-unit").click()
    admin.locator("input.dash-dropdown-search").fill("Sở Y tế")  # the picker's search box, once open
    admin.get_by_role("option", name="Sở Y tế · Bình Phước").click()
    admin.click("#accounts-create")

    password = admin.locator("#accounts-password")
    expect(password).to_be_visible()
    issued = password.inner_text().strip()
    expect(admin.locator("#accounts-table")).to_contain_text("truong-so-y-te")
    expect(admin.locator("#accounts-table tr", has_text="truong-so-y-te")).to_contain_text("Sở Y tế · Bình Phước")

    head = new_page(browser, page_errors)
    sign_in_with(head, accounts_app, "truong-so-y-te", issued)
    head.wait_for_url(f"{accounts_app}/units/binh-phuoc-so-y-te")
    expect(head.locator("#units-content")).to_contain_text("Sở Y tế")

    admin.reload()
    expect(admin.locator("#accounts-table")).to_contain_text("truong-so-y-te")  # the pickers are filled
    admin.locator("#accounts-account").click()
    admin.get_by_role("option", name="truong-so-y-te (Thủ trưởng đơn vị)").click()
    admin.click("#accounts-disable")
    expect(admin.locator("#accounts-result")).to_contain_text("Đã khóa")
    expect(admin.locator("#accounts-table tr", has_text="truong-so-y-te")).to_contain_text("Đã khóa")

    head.goto(f"{accounts_app}/units/binh-phuoc-so-y-te")
    head.wait_for_url("**/login**")
    assert page_errors == []
    admin.context.close()
    head.context.close()


def test_a_leader_is_refused_the_accounts_page(browser: Browser, page_errors: list[str], accounts_app: str, expect):
    leader = new_page(browser, page_errors)
    sign_in(leader, accounts_app, "leader")
    leader.goto(f"{accounts_app}/admin/accounts")
    expect(leader.locator("#access-denied")).to_be_visible()
    expect(leader.locator("#accounts-create")).to_have_count(0)
    leader.context.close()
