"""Change against the previous year in the ranking tables and their downloads, on SQLite and
PostgreSQL: the seed's 2021 → 2022 (a partial year before: one province's rank), and later years
imported as files, a new province and a new department among them. Expected places and values are
recomputed from the published CSVs."""

from __future__ import annotations

import pandas as pd
import pytest

from components import rankings as views
from data_access import rankings, year_changes
from data_access.importing import OK, formats, import_file
from domain.changes import DOWN, NEW, SAME, UNKNOWN, UP
from tests.data_access.importing.files import competition_ranks, framework_2023, seed_csv
from tests.data_access.importing.year_files import (
    book_bytes,
    department_scores_2023,
    focus_province,
    national_results,
    new_department_code,
    new_department_units,
    seed_department_totals_2022,
    seed_national_ranks,
    seed_province_totals,
)


def expected_trend(places: int) -> str:
    return UP if places > 0 else DOWN if places < 0 else SAME


def test_2022_against_2021_where_the_data_holds_one_provinces_rank(fresh_db):
    printed = seed_province_totals()
    focus = focus_province()
    ranking = rankings.national_ranking(2022)
    changes = year_changes.national_changes(2022)
    assert (changes.previous_year, changes.complete) == (2021, False)
    found = changes.table.assign(unit=ranking["unit_code"].to_numpy()).set_index("unit")
    places = int(printed[(2021, focus)]["published_rank"]) - int(printed[(2022, focus)]["published_rank"])
    assert found.loc[focus, "rank_change"] == places == -3  # the report's "giảm 3 bậc" (004 mục I)
    assert found.loc[focus, "trend"] == expected_trend(places)
    assert pd.isna(found.loc[focus, "value_change"])  # 2021 is published as a rank only
    others = found.drop(index=focus)
    assert set(others["trend"]) == {UNKNOWN} and others["rank_change"].isna().all()

    # The file names provinces, not codes: its rows follow the ranking's, which gives each its code here.
    exported = (
        views.national_export(ranking, lang="vi", titles={}, changes=changes.table, previous_year=changes.previous_year)
        .assign(unit=ranking["unit_code"].to_numpy())
        .set_index("unit")
    )
    assert exported.loc[focus, "Thay đổi hạng"] == "▼ 3"
    assert exported.loc[focus, "Hạng năm 2021"] == 9
    assert set(exported.drop(index=focus)["Thay đổi hạng"]) == {"—"}


def new_province_units() -> bytes:
    row = ["tinh-thu-nghiem", "Tỉnh thử nghiệm (dữ liệu thử)", "Test province", "province", None, 2023, None, None]
    return book_bytes(formats.UNITS_SHEET, [c.header for c in formats.UNIT_COLUMNS], [[*row, "thử nghiệm", ""]])


def test_a_later_year_against_a_complete_one_with_a_new_province(fresh_db):
    ranks_2022 = seed_national_ranks()
    printed = seed_province_totals()
    # 2023 as a synthetic published table: the 2022 order reversed, the new province last, values
    # for the provinces whose 2022 value the data holds.
    ordered = sorted(ranks_2022, key=lambda u: (-ranks_2022[u], u))
    ranks_2023 = {unit: position for position, unit in enumerate(ordered, 1)}
    ranks_2023["tinh-thu-nghiem"] = len(ordered) + 1
    values_2022 = {
        unit: float(r["published_total"]) / float(r["published_max"])
        for (year, unit), r in printed.items()
        if year == 2022 and unit in ranks_2022 and r["published_total"]
    }
    values_2023 = {unit: round(value + 0.0125, 4) for unit, value in values_2022.items()}
    assert import_file(new_province_units(), "don-vi.xlsx", user="t").result == OK
    results = [(u, r, values_2023.get(u)) for u, r in ranks_2023.items()]
    outcome = import_file(national_results(2023, results), "dti-2023.xlsx", user="t")
    assert outcome.result == OK, outcome.checked.issues

    ranking = rankings.national_ranking(2023)
    changes = year_changes.national_changes(2023)
    assert (changes.previous_year, changes.complete) == (2022, True)
    found = changes.table.assign(unit=ranking["unit_code"].to_numpy()).set_index("unit")
    assert found.loc["tinh-thu-nghiem", "trend"] == NEW
    for unit, rank in ranks_2022.items():
        places = rank - ranks_2023[unit]
        assert found.loc[unit, "rank_change"] == places, unit
        assert found.loc[unit, "trend"] == expected_trend(places), unit
    for unit, value in values_2022.items():
        assert found.loc[unit, "value_change"] == pytest.approx(values_2023[unit] - round(value, 4), abs=1e-9)
    assert found["value_change"].notna().sum() == len(values_2022)

    exported = (
        views.national_export(ranking, lang="vi", titles={}, changes=changes.table, previous_year=2022)
        .assign(unit=ranking["unit_code"].to_numpy())
        .set_index("unit")
    )
    assert exported.loc["tinh-thu-nghiem", "Thay đổi hạng"] == "mới"
    top_2022 = min(ranks_2022, key=ranks_2022.get)
    assert exported.loc[top_2022, "Thay đổi hạng"] == f"▼ {ranks_2023[top_2022] - 1}"


def test_a_department_new_in_2023_is_marked_new_and_the_others_move_as_recomputed(fresh_db):
    focus = focus_province()
    assert import_file(new_department_units(), "don-vi.xlsx", user="t").result == OK
    assert import_file(framework_2023(), "khung-2023.xlsx", user="t").result == OK
    content, totals_2023 = department_scores_2023()
    outcome = import_file(content, "diem-2023.xlsx", user="t")
    assert outcome.result == OK, outcome.checked.issues

    ranks_2022 = competition_ranks(seed_department_totals_2022())
    ranks_2023 = competition_ranks(totals_2023)
    ranking = rankings.unit_ranking(focus, "department", 2023)
    changes = year_changes.unit_changes(focus, "department", 2023)
    assert (changes.previous_year, changes.complete) == (2022, True)
    found = changes.table.assign(unit=ranking.table["unit_code"].to_numpy()).set_index("unit")
    assert found.loc[new_department_code(), "trend"] == NEW
    for unit, rank in ranks_2022.items():
        places = rank - ranks_2023[unit]
        assert found.loc[unit, "rank_change"] == places, unit
        assert found.loc[unit, "trend"] == expected_trend(places), unit
    moved = {expected_trend(r - ranks_2023[u]) for u, r in ranks_2022.items()}
    assert {UP, DOWN} <= moved  # the case shows both arrows

    table = ranking.table.assign(trend=changes.table["trend"].to_numpy())
    exported = (
        views.unit_export(table, lang="vi", titles={}, previous_year=2022)
        .assign(unit=table["unit_code"].to_numpy())
        .set_index("unit")
    )
    assert exported.loc[new_department_code(), "Thay đổi hạng"] == "mới"
    for unit, rank in ranks_2022.items():
        places = rank - ranks_2023[unit]
        assert exported.loc[unit, "Thay đổi hạng"] == ("▲ " if places > 0 else "▼ " if places < 0 else "=") + (
            str(abs(places)) if places else ""
        )
    assert [r for r in seed_csv("units.csv") if r["unit_code"] == new_department_code()] == []
