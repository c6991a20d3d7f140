"""A ranks-only year and the national DTI beside the provincial average, as a reader sees them.

The app runs on the seed plus files a data officer imports: the country as a `national` unit, the
2022 province table (exported) with the national DTI typed in as one row, and 2023's national ranks
filled in the template the app gives for a year without a framework. `/`, `/present` and the
province's page open on 2022, the latest year with its DTI value, and offer 2023, where `/` says
the year has ranks only; `/rankings` opens on the 2023 ranks; the provincial average and the
national DTI are two labelled figures on `/` and `/rankings`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

from components.formatting import format_number
from data_access import db
from seed.loader import load_seed
from tests.browser.conftest import imported_app
from tests.data_access.importing.published_files import (
    NATIONAL_DTI_2022,
    national_unit,
    province_2022_with_national_dti,
    ranks_2023,
    ranks_only_2023,
    seed_average_2022,
)
from tests.data_access.importing.year_files import focus_province, seed_province_totals

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def built_files(folder) -> list[tuple[str, bytes]]:
    """The files, made from the app's own template and export on a freshly seeded database."""
    engine = db.engine_for(f"sqlite:///{folder / 'scratch.sqlite3'}")
    load_seed(engine)
    files = [
        ("don-vi-quoc-gia.xlsx", national_unit()),
        ("dti-tinh-2022.xlsx", province_2022_with_national_dti(engine)),
        ("xep-hang-2023.xlsx", ranks_only_2023(engine)),
    ]
    engine.dispose()
    return files


@pytest.fixture(scope="module")
def published_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("published-app")
    yield from imported_app(folder, built_files(folder))


@pytest.fixture
def leader(page_on: Callable[[str, str], Page], published_app: str) -> Page:
    return page_on(published_app, "leader")


def dti_2022() -> str:
    row = seed_province_totals()[(2022, focus_province())]
    return format_number(float(row["published_total"]) / float(row["published_max"]), 4, "vi")


def test_the_overview_stays_on_the_latest_year_with_a_value_and_names_both_yardsticks(
    leader: Page, published_app: str, expect, page_errors
):
    leader.goto(f"{published_app}/")
    expect(leader.locator("#overview-heading")).to_contain_text("2022")
    expect(leader.locator("#overview-dti-value")).to_have_text(dti_2022())
    expect(leader.locator("#shell-years a.active")).to_have_text("2022")
    expect(leader.locator("#shell-years .year-link", has_text="2023")).to_have_count(1)
    average = format_number(seed_average_2022(), 4, "vi")
    expect(leader.locator("#overview-average")).to_have_text(f"Trung bình cấp tỉnh {average}")
    expect(leader.locator("#overview-national")).to_have_text(
        f"DTI quốc gia {format_number(NATIONAL_DTI_2022, 4, 'vi')} (Bộ công bố)"
    )
    assert page_errors == []


def test_the_ranks_only_year_says_so_on_the_overview(leader: Page, published_app: str, expect, page_errors):
    leader.goto(f"{published_app}/?year=2023")
    expect(leader.locator("#overview-heading")).to_contain_text("2023")
    expect(leader.locator("#overview-rank-value")).to_have_text(f"{ranks_2023()[focus_province()]}/63")
    expect(leader.locator("#overview-dti-value")).to_have_text("—")
    expect(leader.locator("#overview-average")).to_contain_text("chỉ có thứ hạng công bố")
    expect(leader.locator("#overview-national")).to_have_count(0)
    assert page_errors == []


def test_rankings_open_on_the_ranks_and_show_both_yardsticks_of_2022(
    leader: Page, published_app: str, expect, page_errors
):
    leader.goto(f"{published_app}/rankings")
    expect(leader.locator("#rankings-heading")).to_contain_text("2023")
    expect(leader.locator("#rankings-focus-summary")).to_contain_text(f"hạng {ranks_2023()[focus_province()]}/63")
    # A year of ranks only says that no DTI score is published, not "0/63".
    expect(leader.locator("#rankings-national-card")).to_contain_text(
        "Dữ liệu chưa có chỉ số DTI công bố của tỉnh, thành phố nào trong năm này"
    )
    expect(leader.locator("#rankings-national-card")).not_to_contain_text("0/63")
    expect(leader.locator("#rankings-benchmarks")).to_have_count(0)
    leader.goto(f"{published_app}/rankings?year=2022")
    benchmarks = leader.locator("#rankings-benchmarks")
    expect(benchmarks).to_contain_text(f"Trung bình cấp tỉnh (công bố): {format_number(seed_average_2022(), 4, 'vi')}")
    expect(benchmarks).to_contain_text(f"DTI quốc gia (Bộ công bố): {format_number(NATIONAL_DTI_2022, 4, 'vi')}")
    expect(leader.locator("#rankings-national-table")).not_to_contain_text("Việt Nam")
    assert page_errors == []


def test_the_deck_and_the_provinces_page_agree_with_the_overview(leader: Page, published_app: str, expect, page_errors):
    leader.goto(f"{published_app}/present")
    expect(leader.locator("#present-heading")).to_contain_text("năm 2022")
    dti = leader.locator("#present-slide-dti")
    expect(dti).to_contain_text(f"Trung bình cấp tỉnh: {format_number(seed_average_2022(), 4, 'vi')}")
    expect(dti).to_contain_text(f"DTI quốc gia (Bộ công bố): {format_number(NATIONAL_DTI_2022, 4, 'vi')}")
    expect(leader.locator("#shell-years a.active")).to_have_text("2022")
    leader.goto(f"{published_app}/present?year=2023")
    expect(leader.locator("#present-slide-dti")).to_contain_text("chỉ có thứ hạng, không có giá trị DTI")
    leader.goto(f"{published_app}/units/{focus_province()}")
    expect(leader.locator("#units-heading")).to_contain_text("2022")
    expect(leader.locator("#shell-years a.active")).to_have_text("2022")
    assert page_errors == []
