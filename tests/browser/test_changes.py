"""Change since the previous year as a leader reads it: the DTI value, the rank and each main index
on the overview, and on the province's page the departments that rose and fell most, each a link.

2022 against 2021 is the seed as published (2021: a rank only); 2023 is imported through the
importer from synthetic files (the 2022 provincial method again with the province's points moved by
known amounts, department points at 90 % with the two weakest gaining a pillar). Expected figures are
recomputed from the seed CSVs and the files' own values, never read from the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

from components.formatting import format_number, format_points
from tests.browser.conftest import imported_app, open_overview
from tests.data_access.importing.files import competition_ranks, framework_2023, seed_csv, seed_pillars, seed_points
from tests.data_access.importing.province_year_files import (
    province_framework_2023,
    province_points_2023,
    province_scores_2023,
)
from tests.data_access.importing.year_files import (
    department_scores_2023,
    focus_province,
    new_department_units,
    seed_department_totals_2022,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def signed(value: float, decimals: int) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + format_number(abs(value), decimals, "vi")


def province_points(year: int) -> dict[str, float]:
    return {
        r["pillar_code"]: float(r["points"])
        for r in seed_csv("scores.csv")
        if r["year"] == str(year) and r["unit_code"] == focus_province()
    }


def test_the_overview_shows_2022_against_2021_as_published(page: Page, base_url: str, expect, page_errors):
    """2021 holds Bình Phước's rank and nothing else: the rank moves, the value and the main indices
    say why they cannot be compared, and no index shows a made-up change."""
    focus = focus_province()
    totals = {(r["year"], r["unit_code"]): r for r in seed_csv("totals.csv")}
    before, now = totals[("2021", focus)], totals[("2022", focus)]
    common = set(province_points(2021)) & set(province_points(2022))

    open_overview(page, base_url + "/?year=2022")

    rank = page.locator("#overview-rank-change")
    expect(rank).to_contain_text(f"{before['published_rank']} → {now['published_rank']}")
    places = int(before["published_rank"]) - int(now["published_rank"])
    expect(rank).to_contain_text(f"giảm {-places} bậc" if places < 0 else f"tăng {places} bậc")
    assert before["published_total"] == "", "the seed's 2021 has no DTI value"
    expect(page.locator("#overview-value-change")).to_contain_text("năm 2021 chỉ có thứ hạng công bố")
    assert common == set(), "no main index is scored in both 2021 and 2022 in the published figures"
    expect(page.locator("#overview-index-changes")).to_contain_text("năm 2021 chưa có điểm từng chỉ số")
    assert page.locator(".pillar-table .index-change").count() == 0
    expect(page.locator("#overview-movers-link")).to_have_attribute("href", f"/units/{focus}?year=2022#units-changes")
    assert page_errors == []


@pytest.fixture(scope="module")
def changes_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    scores, _totals = department_scores_2023()
    yield from imported_app(
        tmp_path_factory.mktemp("changes-app"),
        [
            ("don-vi-moi.xlsx", new_department_units()),
            ("khung-2023.xlsx", framework_2023()),
            ("diem-so-2023.xlsx", scores),
            ("khung-tinh-2023.xlsx", province_framework_2023()),
            ("diem-tinh-2023.xlsx", province_scores_2023()),
        ],
    )


@pytest.fixture
def leader(page_on: Callable[[str, str], Page], changes_app: str) -> Page:
    return page_on(changes_app, "leader")


def test_the_overview_shows_each_main_index_against_the_year_before(
    leader: Page, changes_app: str, expect, page_errors
):
    pillars = seed_pillars(2022, "province")
    before, now = province_points(2022), province_points_2023()
    open_overview(leader, changes_app + "/?year=2023")

    table = leader.locator(".pillar-table")
    expect(table.locator("thead")).to_contain_text("± 2022")
    rose = fell = 0
    for code in before.keys() & now.keys():
        maximum = float(pillars[code]["max_points"])
        points = round(now[code] - before[code], 2)
        share = round((now[code] - before[code]) / maximum * 100, 1)
        row = table.locator("tr", has_text=pillars[code]["pillar_name_vi"]).first
        expect(row.locator(".index-change")).to_have_text(
            f"{'▲' if share > 0 else '▼'} {signed(points, 2)} · {signed(share, 1)}"
        )
        rose, fell = rose + (share > 0), fell + (share < 0)
    expect(leader.locator("#overview-index-changes")).to_contain_text(
        f"{rose} chỉ số tăng, {fell} giảm trong {len(before.keys() & now.keys())}"
    )
    assert page_errors == []


def test_the_provinces_page_lists_the_departments_that_rose_and_fell_most(
    leader: Page, changes_app: str, expect, page_errors
):
    _file, totals_2023 = department_scores_2023()
    totals_2022 = seed_department_totals_2022()
    maximum = sum(
        float(p["max_points"]) for p in seed_pillars(2022, "department").values() if p["counts_in_total"] == "true"
    )
    shares = {u: round((totals_2023[u] - totals_2022[u]) / maximum * 100, 2) for u in totals_2022}
    risers = sorted((u for u in shares if shares[u] > 0), key=lambda u: (-shares[u], u))[:3]
    fallers = sorted((u for u in shares if shares[u] < 0), key=lambda u: (shares[u], u))[:3]
    names = {r["unit_code"]: r["name_vi"] for r in seed_csv("units.csv")}
    ranks_2022, ranks_2023 = competition_ranks(totals_2022), competition_ranks(totals_2023)

    leader.goto(f"{changes_app}/units/{focus_province()}?year=2023#units-changes")

    block = leader.locator("#units-movers-department")
    expect(block).to_contain_text("So với năm 2022")
    up = block.locator(".mover-up .mover-item")
    expect(up).to_have_count(len(risers))
    for item, unit in zip(up.all(), risers, strict=True):
        expect(item.locator(".mover-name")).to_have_text(names[unit])
        expect(item).to_contain_text(f"▲ {signed(shares[unit], 1)} điểm %")
        expect(item).to_contain_text(f"hạng {ranks_2022[unit]} → {ranks_2023[unit]}")
    down = block.locator(".mover-down .mover-name")
    expect(down).to_have_text([names[u] for u in fallers])
    expect(leader.locator("#units-movers-district")).to_contain_text("Năm 2023 chưa có kết quả")

    up.first.locator("a").click()
    expect(leader).to_have_url(f"{changes_app}/units/{risers[0]}?year=2023")
    expect(leader.locator("#units-heading")).to_contain_text(names[risers[0]])
    assert page_errors == []


def test_a_departments_page_shows_its_main_indices_against_the_year_before(
    leader: Page, changes_app: str, expect, page_errors
):
    pillars = seed_pillars(2022, "department")
    unit = max(seed_department_totals_2022(), key=seed_department_totals_2022().get)
    before = seed_points(2022, "department")[unit]

    leader.goto(f"{changes_app}/units/{unit}?year=2023")

    table = leader.locator("#units-index-changes")
    for code, points in before.items():
        row = leader.locator(f"#units-index-changes-{code}")
        now = round(points * 0.9, 2)  # the file keeps 90 % of every 2022 point of a strong department
        expect(row).to_contain_text(
            f"{format_points(points, 'vi')}/{format_points(float(pillars[code]['max_points']), 'vi')}"
        )
        expect(row.locator(".index-change")).to_contain_text(
            signed(round(now - points, 2), 2) if now != points else "±0,00"
        )
    expect(table.locator("tbody tr")).to_have_count(len(before))
    assert leader.locator("#units-movers").count() == 0, "a department's page lists no other units"
    assert page_errors == []
