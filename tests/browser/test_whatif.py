"""`/whatif` in Chromium: a control moved is recomputed with no request, the URL carries the scenario,
"đặt lại" and goals set the controls, and a unit head may run what-if on their own unit only."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

import pytest

from data_access.settings import SEED_DIR
from domain.ranking import rank_with_ties
from tests.browser.conftest import block_external_requests, expect_query

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

HEALTH = "binh-phuoc-so-y-te"
ICT = "binh-phuoc-so-tttt"
CALLBACKS = "/_dash-update-component"


def department_totals() -> dict[str, float]:
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        return {
            row["unit_code"]: float(row["published_total"])
            for row in csv.DictReader(fh)
            if row["level"] == "department" and row["year"] == "2022"
        }


def points_of(code: str, pillar: str) -> float:
    with open(SEED_DIR / "scores.csv", encoding="utf-8", newline="") as fh:
        return next(
            float(row["points"])
            for row in csv.DictReader(fh)
            if row["unit_code"] == code and row["pillar_code"] == pillar and row["year"] == "2022"
        )


def rank_with(total: float) -> int:
    """The rank Sở Y tế would have with `total`, every other department at its published total."""
    totals = department_totals()
    totals[HEALTH] = total
    return rank_with_ties(list(totals.values()))[list(totals).index(HEALTH)]


def vi(points: float) -> str:
    text = f"{points:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def control(page: Page, pillar: str):
    return page.locator(f'[id*=\'"index":"{pillar}"\'] input[type=number]')


def open_whatif(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("#whatif-ranking .js-plotly-plot .main-svg").first.wait_for()


def test_moving_a_control_recomputes_in_the_browser_and_the_url_keeps_it(
    page: Page, base_url: str, expect: Callable, page_errors: list[str]
):
    published = department_totals()[HEALTH]
    institutions = points_of(HEALTH, "institutions")
    blocked = block_external_requests(page)
    open_whatif(page, f"{base_url}/whatif?unit={HEALTH}&year=2022")
    expect(page.locator("#whatif-total")).to_have_text(f"{vi(published)} / 600")
    expect(page.locator("#whatif-rank")).to_have_text(f"{rank_with(published)}/24")

    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if CALLBACKS in request.url else None)
    field = control(page, "institutions")
    field.fill("70")
    field.press("Tab")
    moved = round(published + 70 - institutions, 2)
    expect(page.locator("#whatif-total")).to_have_text(f"{vi(moved)} / 600")
    expect(page.locator("#whatif-rank")).to_have_text(f"{rank_with(moved)}/24")
    expect(page.locator("#whatif-next")).to_contain_text(vi(round(480 - moved, 2)))
    expect_query(page, {"unit": HEALTH, "year": "2022", "institutions": "70"})
    assert sent == []  # recomputed in the browser: no callback went to the server

    page.reload()
    page.locator("#whatif-ranking .js-plotly-plot .main-svg").first.wait_for()
    expect(page.locator("#whatif-total")).to_have_text(f"{vi(moved)} / 600")
    expect(control(page, "institutions")).to_have_value("70")

    page.locator("#whatif-reset").click()
    expect(page.locator("#whatif-total")).to_have_text(f"{vi(published)} / 600")
    expect_query(page, {"unit": HEALTH, "year": "2022"})
    assert blocked == []
    assert page_errors == []


def test_a_goal_s_gains_apply_to_the_scenario(page: Page, base_url: str, expect: Callable, page_errors: list[str]):
    published = department_totals()[HEALTH]
    open_whatif(page, f"{base_url}/whatif?unit={HEALTH}&year=2022")
    page.locator("#whatif-goal-kind").select_option("group:Tốt")
    page.locator("#whatif-goal-go").click()
    expect(page.locator("#whatif-plan")).to_contain_text(vi(round(480 - published, 2)))  # 51,24 to Tốt
    expect(page.locator("#whatif-plan")).to_contain_text("đã có đơn vị cùng khối đạt")
    page.locator("#whatif-goal-apply").click()
    expect(page.locator("#whatif-group")).to_have_text("Tốt")
    expect(page.locator("#whatif-total")).to_have_text("480 / 600")
    expect(page.locator("#whatif-rank")).to_have_text(f"{rank_with(480)}/24")
    assert page_errors == []


def test_a_unit_head_runs_what_if_on_their_own_unit_only(
    page_as: Callable[[str], Page], base_url: str, expect: Callable
):
    head = page_as("unit_head")
    open_whatif(head, f"{base_url}/whatif")
    expect(head.locator("#whatif-heading")).to_contain_text("Sở Y tế")
    response = head.goto(f"{base_url}/whatif?unit={ICT}&year=2022")
    assert response.status == 403
    expect(head.locator("body")).not_to_contain_text("558,41 / 600")
