"""Years as a reader sees them in Chromium: change against the previous year in the ranking tables
("▲", "▼", "mới") and the change of value beside the change of rank on `/` and the unit page.

The app runs on a database built as a data officer would: the seed, then files imported through
the importer (a department founded in 2023, the 2023 framework and points, the 2023 national table).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import imported_app
from tests.data_access.importing.files import framework_2023
from tests.data_access.importing.year_files import (
    department_scores_2023,
    focus_province,
    national_results,
    new_department_code,
    new_department_units,
    seed_national_ranks,
    seed_province_totals,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# The focus province's 2023 DTI in the synthetic 2023 table: its 2022 value plus this.
GAIN_2023 = 0.0125


def focus_value(year: int) -> float:
    row = seed_province_totals()[(year, focus_province())]
    return float(row["published_total"]) / float(row["published_max"])


def national_2023() -> bytes:
    """2022's order with the focus province moved up two places, its DTI up by `GAIN_2023`."""
    ranks = seed_national_ranks()
    focus = focus_province()
    ordered = sorted((u for u in ranks if u != focus), key=ranks.get)
    ordered.insert(ranks[focus] - 3, focus)
    values = {focus: round(focus_value(2022) + GAIN_2023, 4)}
    return national_results(2023, [(u, position, values.get(u)) for position, u in enumerate(ordered, 1)])


@pytest.fixture(scope="module")
def years_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    scores, _totals = department_scores_2023()
    yield from imported_app(
        tmp_path_factory.mktemp("years-app"),
        [
            ("don-vi-moi.xlsx", new_department_units()),
            ("khung-2023.xlsx", framework_2023()),
            ("diem-so-2023.xlsx", scores),
            ("dti-2023.xlsx", national_2023()),
        ],
    )


@pytest.fixture
def leader(page_on: Callable[[str, str], Page], years_app: str) -> Page:
    return page_on(years_app, "leader")


def test_the_department_ranking_shows_arrows_and_new(leader: Page, years_app: str, expect, page_errors):
    leader.goto(f"{years_app}/rankings?level=department&year=2023")
    table = leader.locator("#rankings-unit-table")
    expect(table).to_contain_text("▲")
    expect(table).to_contain_text("▼")
    new_row = table.locator(f'tr[data-unit="{new_department_code()}"]')
    expect(new_row.locator(".new-badge")).to_have_text("mới")
    assert table.locator(".new-badge").count() == 1
    expect(leader.locator("#rankings-change-note")).to_contain_text("so với năm 2022")
    assert page_errors == []


def test_the_national_table_shows_the_change_of_rank_and_of_dti(leader: Page, years_app: str, expect, page_errors):
    leader.goto(f"{years_app}/rankings?year=2023")
    focus_row = leader.locator(f'#rankings-national-table tr[data-unit="{focus_province()}"]')
    expect(focus_row.locator(".rank-change-cell")).to_have_text("▲ 2")
    expect(focus_row.locator(".value-change-cell")).to_have_text("+0,0125")
    expect(leader.locator("#rankings-national-change-note")).to_contain_text("so với năm 2022")
    assert page_errors == []


def test_the_overview_shows_the_change_of_value_beside_the_change_of_rank(
    leader: Page, years_app: str, expect, page_errors
):
    leader.goto(f"{years_app}/?year=2023")
    expect(leader.locator("#overview-rank-change")).to_contain_text("tăng 2 bậc")
    value = leader.locator("#overview-value-change")
    expect(value).to_contain_text("+0,0125 so với 2022")
    previous = f"{round(focus_value(2022), 4):.4f}".replace(".", ",")
    expect(value).to_contain_text(f"{previous} → {round(focus_value(2022) + GAIN_2023, 4):.4f}".replace(".", ","))
    leader.goto(f"{years_app}/?year=2022")
    expect(leader.locator("#overview-value-change")).to_contain_text("năm 2021 chỉ có thứ hạng công bố")
    assert page_errors == []


def test_the_unit_page_shows_both_changes(leader: Page, years_app: str, expect, page_errors):
    leader.goto(f"{years_app}/units/{focus_province()}?year=2023")
    expect(leader.locator("#units-rank-change")).to_contain_text("tăng 2 bậc")
    expect(leader.locator("#units-value-change")).to_contain_text("+0,0125 so với 2022")
    leader.goto(f"{years_app}/units/{new_department_code()}?year=2023")
    expect(leader.locator("#units-total")).to_be_visible()
    assert leader.locator("#units-value-change").count() == 0  # founded in 2023: nothing to compare with
    assert page_errors == []


def test_the_source_discrepancy_and_the_inferred_pillars_follow_the_figures(
    leader: Page, years_app: str, expect, page_errors
):
    """33,05 % printed for 52,58/150 = 35,05 % (the source's own slip) and the inferred attributions,
    shown on `/` already, also on the province's unit page and on the pillar slide of the deck."""
    leader.goto(f"{years_app}/units/{focus_province()}?year=2022")
    # One discreet mark under the radar; its popover says both caveats in full.
    expect(leader.locator(".caveat-line")).to_contain_text("Lưu ý về nguồn (2)")
    leader.click("#units-caveats")
    popover = leader.locator("#units-caveats-popover")
    expect(popover).to_contain_text("33,05%")
    expect(popover).to_contain_text("35,05%")
    expect(popover).to_contain_text("không ghi tên chỉ số")
    leader.goto(f"{years_app}/present?year=2022")
    slide = leader.locator("#present-slide-radar")
    expect(slide.locator(".present-bullets")).to_contain_text("33,05%")
    expect(slide.locator(".present-bullets")).to_contain_text("không ghi tên chỉ số")
    expect(slide.locator("td", has_text="*").first).to_be_attached()
    assert page_errors == []
