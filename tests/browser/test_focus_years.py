"""A second province in focus (`DTI_FOCUS_UNIT`), with province-level figures only: its 2022 values
and ranks from the seed and its 2023 ones imported as the national table, as a data officer would.
Every page shows that province, opens on its latest year there, offers only its years, and shows
none of Bình Phước's departments, districts or plans."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

from components.formatting import format_number
from data_access.settings import SEED_DIR
from seed.loader import META_DIR
from tests.browser.conftest import imported_app
from tests.data_access.importing.files import seed_csv
from tests.data_access.importing.published_files import second_province_indices
from tests.data_access.importing.year_files import focus_province, national_results, seed_national_ranks

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

FOCUS = "da-nang"  # the second province of the published cases (`published_files.SECOND_PROVINCE`)


def provinces_with_value_2022() -> dict[str, float]:
    return {
        r["unit_code"]: float(r["published_total"]) / float(r["published_max"])
        for r in seed_csv("totals.csv")
        if r["year"] == "2022"
        and r["level"] == "province"
        and r["published_total"]
        and r["unit_code"] != "national-average"
    }


def national_2023() -> tuple[bytes, dict[str, int]]:
    """2023: the 2022 order with the first two swapped; values for the provinces that had one in 2022."""
    ranks = seed_national_ranks()
    ordered = sorted(ranks, key=lambda u: (ranks[u], u))
    ordered[0], ordered[1] = ordered[1], ordered[0]
    values = {u: round(v + 0.01, 4) for u, v in provinces_with_value_2022().items()}
    rows = [(u, position, values.get(u)) for position, u in enumerate(ordered, 1)]
    return national_results(2023, rows), {u: p for p, u in enumerate(ordered, 1)}


def sub_units_of_the_seed() -> list[str]:
    """Bình Phước's departments and districts, by name: none may appear while another province is in focus."""
    return [r["name_vi"] for r in seed_csv("units.csv") if r["parent_code"] == focus_province()]


@pytest.fixture(scope="module")
def focus_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    content, _ranks = national_2023()
    indices, _values = second_province_indices(2023)
    yield from imported_app(
        tmp_path_factory.mktemp("focus-app"),
        [("xep-hang-dti-2023.xlsx", content), ("chi-so-dti-2023.xlsx", indices)],
        {"DTI_FOCUS_UNIT": FOCUS},
    )


@pytest.fixture
def leader(page_on: Callable[[str, str], Page], focus_app: str) -> Page:
    return page_on(focus_app, "leader")


def offered_years(page: Page, expect, years: list[int]) -> None:
    links = page.locator(".year-link")
    expect(links).to_have_count(len(years))
    expect(links).to_have_text([str(y) for y in years])


def no_sub_unit_of_another_province(page: Page) -> None:
    main = page.locator("main").text_content()
    shown = [name for name in sub_units_of_the_seed() if name in main]
    assert shown == [], shown


def test_the_overview_opens_on_the_focus_latest_year_and_offers_only_its_years(leader: Page, focus_app: str, expect):
    leader.goto(f"{focus_app}/")
    expect(leader.locator("#overview-heading")).to_contain_text("Đà Nẵng")
    expect(leader.locator("#overview-heading")).to_contain_text("2023")
    _content, ranks = national_2023()
    expect(leader.locator("#overview-rank-value")).to_have_text(f"{ranks[FOCUS]}/63")
    expect(leader.locator("#overview-value-change")).to_contain_text("+0,0100 so với 2022")
    # The empty state says what the year has: its value and rank, no pillar points.
    expect(leader.locator("#overview-radar-empty")).to_contain_text("có chỉ số DTI và thứ hạng công bố")
    offered_years(leader, expect, [2022, 2023])  # not Bình Phước's 2020 and 2021
    no_sub_unit_of_another_province(leader)
    # The sources footer lists what the focus's pages cite: not Bình Phước's plan nor the report
    # of its departments' scores.
    footer = leader.locator(".shell-footer").inner_text()
    for document in _bình_phước_own_documents():
        assert document not in footer


def _bình_phước_own_documents() -> list[str]:
    """The titles of the seed's plan 57/KH-UBND and of the report its departments' scores cite."""
    with (SEED_DIR / "totals.csv").open(encoding="utf-8", newline="") as handle:
        report = next(row["source"].split(";")[0] for row in csv.DictReader(handle) if row["level"] == "department")
    with (META_DIR / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return [
            row["title_vi"] for row in csv.DictReader(handle) if row["number"] == "57/KH-UBND" or row["code"] == report
        ]


def test_pillars_open_on_the_focus_and_show_no_other_provinces_departments(leader: Page, focus_app: str, expect):
    leader.goto(f"{focus_app}/pillars")
    expect(leader.locator(".page-heading")).to_contain_text("Đà Nẵng")
    expect(leader.locator(".page-heading")).to_contain_text("2022")  # its pillar scores are 2022's
    offered_years(leader, expect, [2022])
    leader.goto(f"{focus_app}/pillars?level=department")
    empty = leader.locator("#pillars-empty")
    expect(empty).to_contain_text("Đà Nẵng")
    no_sub_unit_of_another_province(leader)


def test_rankings_show_the_focus_and_none_of_bình_phước_units(leader: Page, focus_app: str, expect):
    leader.goto(f"{focus_app}/rankings")
    expect(leader.locator("#rankings-focus-summary")).to_contain_text("Đà Nẵng")
    expect(leader.locator("#rankings-heading")).to_contain_text("2023")
    for level in ("department", "district"):
        leader.goto(f"{focus_app}/rankings?level={level}")
        expect(leader.locator("#rankings-heading")).to_contain_text("Đà Nẵng")
        expect(leader.locator("#rankings-unit-table")).to_have_count(0)
        no_sub_unit_of_another_province(leader)


def test_targets_offer_no_other_provinces_plan(leader: Page, focus_app: str, expect):
    leader.goto(f"{focus_app}/targets")
    # Shown, not only drawn: under the content's spinner `main` reads empty and the check below would hold vacuously.
    expect(leader.locator("#targets-no-plans")).to_contain_text("Đà Nẵng chưa có kế hoạch", use_inner_text=True)
    assert "57/KH-UBND" not in leader.locator("main").inner_text()
    # The year links come from a callback of their own, and none is what it must show: counted only
    # once that callback has answered (Dash marks the slot `data-dash-is-loading` until then).
    expect(leader.locator("#shell-years")).not_to_have_attribute("data-dash-is-loading", "true")
    expect(leader.locator(".year-link")).to_have_count(0)


def test_the_unit_page_and_the_deck_are_the_focus(leader: Page, focus_app: str, expect):
    leader.goto(f"{focus_app}/units/{FOCUS}")
    expect(leader.locator("#units-heading")).to_contain_text("Đà Nẵng")
    expect(leader.locator("#units-heading")).to_contain_text("2023")
    leader.goto(f"{focus_app}/present")
    expect(leader.locator("#present-slide-title")).to_contain_text("Đà Nẵng")
    # Đà Nẵng has no departments' results here: the slide is left out and the title slide says so.
    expect(leader.locator("#present-slide-title")).to_contain_text("Xếp hạng các sở, ban, ngành")
    expect(leader.locator("#present-slide-departments")).to_have_count(0)
    deck = leader.locator("main").text_content()  # every slide, the hidden ones too
    assert "57/KH-UBND" not in deck
    assert not [name for name in sub_units_of_the_seed() if re.search(re.escape(name), deck)]


def test_the_provinces_page_lists_its_published_indices_of_each_year(leader: Page, focus_app: str, expect):
    """2023's indices imported with their national ranks (trụ cột first), 2022's from the seed without ranks."""
    _content, expected = second_province_indices(2023)
    leader.goto(f"{focus_app}/units/{FOCUS}")
    rows = leader.locator("#units-indices-table tbody tr")
    expect(rows).to_have_count(len(expected))
    expect(rows.first).to_contain_text("Chính quyền số")
    expect(rows.first).to_contain_text("trụ cột")
    for code, (value, rank) in expected.items():
        row = leader.locator(f'#units-indices-table tr[data-index="{code}"]')
        expect(row.locator("td").nth(1)).to_have_text(format_number(value, 4, "vi"))
        expect(row.locator("td").nth(2)).to_have_text(str(rank))
    seeded = {r["pillar"]: float(r["value"]) for r in seed_csv("pillar_indices.csv") if r["unit_code"] == FOCUS}
    leader.goto(f"{focus_app}/units/{FOCUS}?year=2022")
    expect(rows).to_have_count(len(seeded))
    for code, value in seeded.items():
        row = leader.locator(f'#units-indices-table tr[data-index="{code}"]')
        expect(row.locator("td").nth(1)).to_have_text(format_number(value, 4, "vi"))
        expect(row.locator("td").nth(2)).to_have_text("—")
