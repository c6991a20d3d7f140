"""No unit answers to a unit that no longer exists. The seeded reorganisation merged Bình Phước into
Đồng Nai on 1 July 2025: a commune of 2025 under Bình Phước, a unit of 2026 under it, or a 2025 result
of one of its departments is refused at its row and column, naming Đồng Nai; 2024 is still Bình
Phước's own year (the province existed until mid-2025, although DTI 2024 already ranks Đồng Nai).
A parent that ended by its own last valid year (no reorganisation) is held the same way. SQLite and
PostgreSQL (`fresh_db`).
"""

from __future__ import annotations

import io

from openpyxl import load_workbook

from data_access import db
from data_access.importing import OK, REFUSED, formats, import_file
from tests.data_access.importing.files import dataset_csv, exported, seed_csv

ENDED, SUCCESSOR = "binh-phuoc", "dong-nai"


def names() -> dict[str, str]:
    return {r["unit_code"]: r["name_vi"] for r in seed_csv("units.csv")}


def units_csv(rows: list[dict[str, object]]) -> bytes:
    return dataset_csv(formats.UNIT_COLUMNS, rows)


def unit(code: str, name: str, kind: str, parent: str, valid_from: int | str = "", valid_to: int | str = "") -> dict:
    return {
        "Mã đơn vị": code,
        "Tên đơn vị": name,
        "Loại": kind,
        "Mã đơn vị cha": parent,
        "Hiệu lực từ năm": valid_from,
        "Hiệu lực đến năm": valid_to,
        "Nguồn": "tệp thử (synthetic)",
    }


def errors_by_cell(outcome) -> dict[tuple[int | None, str], str]:
    return {(i.row, i.column): i.reason for i in outcome.checked.errors}


def test_a_2025_commune_under_the_merged_province_is_refused_naming_its_successor(fresh_db):
    version = db.data_version(fresh_db)
    content = units_csv(
        [
            unit("binh-phuoc-xa-a", "Xã A (tổng hợp)", "commune", ENDED),
            unit("dong-nai-xa-b", "Xã B (tổng hợp)", "commune", SUCCESSOR),
            unit("binh-phuoc-ban-moi", "Ban mới (tổng hợp)", "department", ENDED, 2026),
            unit("binh-phuoc-ban-cu", "Ban cũ (tổng hợp)", "department", ENDED, 2020, 2024),
        ]
    )

    outcome = import_file(content, "don-vi.csv", user="data-officer", accept_warnings=True, engine=fresh_db)

    assert outcome.result == REFUSED
    errors = errors_by_cell(outcome)
    assert set(errors) == {(2, "Mã đơn vị cha"), (4, "Mã đơn vị cha")}, (
        "the commune under Đồng Nai and a unit of 2020 are fine"
    )
    commune = errors[(2, "Mã đơn vị cha")]
    assert f"“{ENDED}” ({names()[ENDED]}) không còn từ ngày 01/07/2025" in commune
    assert f"sáp nhập vào “{SUCCESSOR}” ({names()[SUCCESSOR]})" in commune
    assert f"phải trực thuộc “{SUCCESSOR}”" in commune
    assert "từ năm 2026" in errors[(4, "Mã đơn vị cha")]
    assert db.data_version(fresh_db) == version


def test_a_parent_ended_by_its_last_valid_year_holds_its_children_the_same_way(fresh_db):
    content = units_csv(
        [
            unit("tinh-th", "Tỉnh tổng hợp", "province", "", 2010, 2020),
            unit("tinh-th-so-a", "Sở A (tổng hợp)", "department", "tinh-th", 2015),
            unit("tinh-th-so-b", "Sở B (tổng hợp)", "department", "tinh-th", 2022),
        ]
    )

    outcome = import_file(content, "don-vi.csv", user="data-officer", accept_warnings=True, engine=fresh_db)

    assert outcome.result == REFUSED
    errors = errors_by_cell(outcome)
    assert list(errors) == [(4, "Mã đơn vị cha")]
    assert "không còn sau năm 2020" in errors[(4, "Mã đơn vị cha")]
    assert "còn hiệu lực năm 2022" in errors[(4, "Mã đơn vị cha")]


def year_book(dataset: str, year: int) -> bytes:
    """The seeded 2022 department file of `dataset` with every row's year typed as `year` (a data
    officer reusing last year's file)."""
    book = load_workbook(io.BytesIO(exported(dataset, {"year": 2022, "level": "department"})))
    for sheet in book.worksheets:
        headers = [c.value for c in sheet[1]]
        if "Năm" in headers:
            column = headers.index("Năm") + 1
            for row in range(2, sheet.max_row + 1):
                if sheet.cell(row, column).value not in (None, ""):
                    sheet.cell(row, column).value = year
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_results_of_the_merged_provinces_departments_are_refused_from_2025_only(fresh_db):
    departments = [
        r["unit_code"] for r in seed_csv("units.csv") if r["parent_code"] == ENDED and r["kind"] == "department"
    ]
    for year in (2024, 2025):
        framework = import_file(year_book(formats.FRAMEWORK, year), f"khung-{year}.xlsx", user="data-officer")
        assert framework.result == OK, framework.checked.issues

    kept = import_file(year_book(formats.SCORES, 2024), "diem-2024.xlsx", user="data-officer", accept_warnings=True)
    assert kept.result == OK, kept.checked.errors
    version = db.data_version(fresh_db)

    refused = import_file(year_book(formats.SCORES, 2025), "diem-2025.xlsx", user="data-officer", accept_warnings=True)

    assert refused.result == REFUSED
    errors = refused.checked.errors
    assert {i.column for i in errors} == {"Mã đơn vị"}
    assert len(errors) == len(departments), "one error per department row"
    assert all(f"phải trực thuộc “{SUCCESSOR}”" in i.reason and "năm 2025" in i.reason for i in errors)
    assert db.data_version(fresh_db) == version
