"""A unit page's figure cards hold their large numbers whole, however many cards the framework gives.

A framework with groups adds a fourth card ("còn thiếu để lên nhóm"): at 1920×1080 the province's total,
"743,27 / 1.000" drawn at 3,2 % of the window's width, ran out of its quarter-width card over the rank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from seed.synthetic import _province_names
from tests.browser.test_overview import scored_years_leader, scored_years_url  # noqa: F401 (fixtures, by name)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# The synthetic dataset's province with departments and districts: the first of its provinces.
FOCUS = _province_names()[0][0]
OVERFLOWING = """() => [...document.querySelectorAll('.units-cards .kpi-value')]
    .filter(value => value.scrollWidth > value.clientWidth + 1
        || value.getBoundingClientRect().right > value.closest('.kpi-card').getBoundingClientRect().right)
    .map(value => value.textContent)"""


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_four_cards_hold_their_numbers_whole(
    scored_years_leader: Page,  # noqa: F811
    scored_years_url: str,  # noqa: F811
    width: int,
    height: int,
) -> None:
    page = scored_years_leader
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{scored_years_url}/units/{FOCUS}")
    page.locator(".units-cards .kpi-value").nth(3).wait_for()
    assert page.locator(".units-cards .kpi-card").count() == 4
    assert page.evaluate(OVERFLOWING) == []
