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
PROVINCE = "binh-phuoc"
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


def control(page: Page, code: str, kind: str = "whatif-points-box"):
    """The number box of a main index (or, with `kind="whatif-task-box"`, of a task)."""
    return page.locator(f'[id=\'{{"index":"{code}","type":"{kind}"}}\']')


RANKING_BARS = "#whatif-ranking .js-plotly-plot .barlayer .trace"


def open_whatif(page: Page, url: str) -> None:
    """Load `url` and wait for the ranking's bars: its graph is drawn empty with the page (any
    `.main-svg` is there at once), and a clientside callback draws the bars from the scenario."""
    page.goto(url)
    page.locator(RANKING_BARS).first.wait_for()


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
    field.fill("65,5")
    field.press("Tab")
    moved = round(published + 65.5 - institutions, 2)
    expect(page.locator("#whatif-total")).to_have_text(f"{vi(moved)} / 600")
    expect(page.locator("#whatif-rank")).to_have_text(f"{rank_with(moved)}/24")
    expect(page.locator("#whatif-next")).to_contain_text(vi(round(480 - moved, 2)))
    expect_query(page, {"unit": HEALTH, "year": "2022", "institutions": "65.5"})
    expect(page.locator('[id*=\'"index":"institutions"\'] [role=slider]')).to_have_attribute("aria-valuenow", "65.5")
    # every number box prints the decimal comma, never "133.02"
    expect(control(page, "digital_government")).to_have_value(vi(points_of(HEALTH, "digital_government")))
    assert sent == []  # recomputed in the browser: no callback went to the server

    page.reload()
    page.locator(RANKING_BARS).first.wait_for()
    expect(page.locator("#whatif-total")).to_have_text(f"{vi(moved)} / 600")
    expect(control(page, "institutions")).to_have_value("65,5")  # the decimal comma, as typed

    page.locator("#whatif-reset").click()
    expect(page.locator("#whatif-total")).to_have_text(f"{vi(published)} / 600")
    expect_query(page, {"unit": HEALTH, "year": "2022"})
    assert blocked == []
    assert page_errors == []


def province_task(pillar: str, points: float) -> tuple[str, float]:
    """The code (as the seed loads it: `<index>-<row>`) and maximum of the province's 2022 task of
    `pillar` printed with `points`."""
    with open(SEED_DIR / "subindicator_points_2022.csv", encoding="utf-8", newline="") as fh:
        return next(
            (f"{row['pillar_code']}-{order:02d}", float(row["points_max"]))
            for order, row in enumerate(csv.DictReader(fh), 1)
            if row["pillar_code"] == pillar and row["points_2022"] and float(row["points_2022"]) == points
        )


def province_rank(total: float) -> int:
    """The rank Bình Phước would have with `total` (points of 1000) among the provinces with a 2022 value."""
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        totals = {
            row["unit_code"]: float(row["published_total"]) * 1000
            for row in csv.DictReader(fh)
            if row["level"] == "province" and row["year"] == "2022" and row["published_rank"]
        }
    totals[PROVINCE] = total
    return rank_with_ties(list(totals.values()))[list(totals).index(PROVINCE)]


def test_moving_a_task_moves_its_index_and_the_total_with_no_request(
    page: Page, base_url: str, expect: Callable, page_errors: list[str]
):
    infrastructure = points_of(PROVINCE, "infrastructure")  # 72,64
    centre, top = province_task("infrastructure", 0)  # the data centre: 0 of 15 points
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        dti = next(
            float(r["published_total"])
            for r in csv.DictReader(fh)
            if r["unit_code"] == PROVINCE and r["year"] == "2022"
        )
    open_whatif(page, f"{base_url}/whatif?unit={PROVINCE}&year=2022")
    expect(page.locator("#whatif-total")).to_have_text(f"{dti:.4f}".replace(".", ","))
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if CALLBACKS in request.url else None)

    page.locator("#whatif-tasks-infrastructure summary").click()  # the tasks fold out under their index
    thumb = page.locator(f'[id*=\'"index":"{centre}"\'] [role=slider]')
    thumb.focus()
    thumb.press("End")  # the slider itself, to the task's maximum
    raised = round(dti * 1000 + top, 2)
    expect(control(page, centre, "whatif-task-box")).to_have_value(vi(top))
    expect(control(page, "infrastructure")).to_have_value(vi(infrastructure + top))
    expect(page.locator('[id*=\'"index":"infrastructure","type":"whatif-points"\'] [role=slider]')).to_have_attribute(
        "aria-valuenow", f"{infrastructure + top:g}"
    )
    expect(page.locator("#whatif-total")).to_have_text(f"{raised / 1000:.4f}".replace(".", ","))
    expect(page.locator("#whatif-rank")).to_have_text(f"{province_rank(raised)}/6")
    expect_query(
        page,
        {"unit": PROVINCE, "year": "2022", centre: f"{top:g}", "infrastructure": f"{infrastructure + top:g}"},
    )
    assert sent == []  # the task, its index and the total recomputed in the browser

    control(page, "infrastructure").fill("200")  # beyond the index's maximum: held at 100
    control(page, "infrastructure").press("Tab")
    expect(control(page, "infrastructure")).to_have_value("100")
    expect_query(page, {"unit": PROVINCE, "year": "2022", centre: f"{top:g}", "infrastructure": "100"})
    assert sent == []

    page.reload()
    page.locator(RANKING_BARS).first.wait_for()
    expect(control(page, centre, "whatif-task-box")).to_have_value(vi(top))
    expect(control(page, "infrastructure")).to_have_value("100")

    page.locator("#whatif-reset").click()  # every index and task back to its published points
    expect(control(page, centre, "whatif-task-box")).to_have_value("0")
    expect(control(page, "infrastructure")).to_have_value(vi(infrastructure))
    expect(page.locator("#whatif-total")).to_have_text(f"{dti:.4f}".replace(".", ","))
    expect_query(page, {"unit": PROVINCE, "year": "2022"})
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
