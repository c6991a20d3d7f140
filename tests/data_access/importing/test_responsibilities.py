"""The responsibility dataset (who answers for which main index under a plan) through the import, as
the data team would use it: export, edit in Excel, import; a bad file refused whole, located, in Vietnamese."""

from __future__ import annotations

import io

from click.testing import CliRunner
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from data_access import db
from data_access.importing import OK, REFUSED, check, formats, import_file
from data_access.importing.cli import data_cli
from data_access.importing.export import datasets_available
from data_access.settings import SEED_DIR
from tests.data_access.importing.files import exported, seed_csv

PLAN = "57/KH-UBND"
SCOPE = {"plan": PLAN}
SHEET = formats.RESPONSIBILITIES_SHEET


def seed_rows() -> list[dict[str, str]]:
    return seed_csv("../meta/responsibilities.csv")


def sheet_rows(content: bytes) -> list[dict[str, object]]:
    book = load_workbook(io.BytesIO(content))
    rows = list(book[SHEET].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def edited(changes) -> bytes:
    """The export, edited in openpyxl: `changes(sheet, headers)` as a person would in Excel."""
    book = load_workbook(io.BytesIO(exported(formats.RESPONSIBILITIES, SCOPE)))
    sheet = book[SHEET]
    headers = {cell.value: cell.column for cell in sheet[1]}
    changes(sheet, headers)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_seeded_responsibilities_export_validates_clean_and_lists_plan_57(seeded_db):
    assert (formats.RESPONSIBILITIES, SCOPE) in [(d, s) for d, s in _available()]
    for file_format in ("xlsx", "csv"):
        checked = check(exported(formats.RESPONSIBILITIES, SCOPE, file_format), f"phan-cong.{file_format}")
        assert checked.issues == []
        assert checked.validated.rows_read == len(seed_rows())
    rows = sheet_rows(exported(formats.RESPONSIBILITIES, SCOPE))
    assert [(r["Đơn vị chịu trách nhiệm"], r["Nguồn"]) for r in rows] == [
        (r["responsible_name"], r["source"]) for r in seed_rows()
    ]


def _available():
    with Session(db.get_engine()) as session:
        return datasets_available(session)


def test_an_edited_file_replaces_the_plan_s_responsibilities_in_one_versioned_change(fresh_db):
    def assign_health(sheet, headers):
        sheet.append(
            {
                headers["Mã kế hoạch"]: PLAN,
                headers["Chỉ số chính"]: "digital_government",
                headers["Mã đơn vị"]: "binh-phuoc-so-y-te",
                headers["Đơn vị chịu trách nhiệm"]: "Sở Y tế",
                headers["Nhiệm vụ"]: "Đưa hồ sơ sức khỏe điện tử lên dịch vụ công trực tuyến",
                headers["Nguồn"]: "Kế hoạch 57/KH-UBND mục VII.8",
            }
        )

    version = db.data_version()
    outcome = import_file(edited(assign_health), "phan-cong.xlsx", user="data-team")
    assert outcome.result == OK
    assert outcome.data_version == db.data_version() > version
    rows = sheet_rows(exported(formats.RESPONSIBILITIES, SCOPE))
    assert len(rows) == len(seed_rows()) + 1
    assert rows[-1]["Mã đơn vị"] == "binh-phuoc-so-y-te" and rows[-1]["Chỉ số chính"] == "digital_government"


def test_a_bad_file_is_refused_whole_with_row_column_and_reason(fresh_db):
    def spoil(sheet, headers):
        sheet.cell(2, headers["Chỉ số chính"]).value = "digital_weather"
        sheet.cell(3, headers["Mã đơn vị"]).value = "so-khong-co"
        sheet.cell(4, headers["Nhiệm vụ"]).value = None
        sheet.cell(5, headers["Mã mục tiêu"]).value = "muc-tieu-khong-co"

    before = sheet_rows(exported(formats.RESPONSIBILITIES, SCOPE))
    outcome = import_file(edited(spoil), "phan-cong.xlsx", user="data-team")
    assert outcome.result == REFUSED
    found = {(i.sheet, i.row, i.column): i.reason for i in outcome.checked.errors}
    assert "digital_weather" in found[(SHEET, 2, "Chỉ số chính")]
    assert "không có trong danh mục" in found[(SHEET, 3, "Mã đơn vị")]
    assert "bắt buộc" in found[(SHEET, 4, "Nhiệm vụ")]
    assert "không có trong kế hoạch" in found[(SHEET, 5, "Mã mục tiêu")]
    assert sheet_rows(exported(formats.RESPONSIBILITIES, SCOPE)) == before  # nothing written


def test_a_plan_that_is_not_loaded_is_refused(seeded_db):
    def other_plan(sheet, headers):
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, headers["Mã kế hoạch"]).value = "99/KH-UBND"

    errors = check(edited(other_plan), "phan-cong.xlsx").errors
    assert any(i.column == "Mã kế hoạch" and "nạp mục tiêu của kế hoạch trước" in i.reason for i in errors)


def test_the_seed_file_is_where_the_loader_reads_it():
    assert (SEED_DIR.parent / "meta" / "responsibilities.csv").is_file()


def test_the_command_line_exports_a_plan_s_responsibilities(seeded_db, tmp_path):
    result = CliRunner().invoke(
        data_cli, ["export", "responsibilities", "--plan", PLAN, "--format", "csv", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    written = next(tmp_path.glob("phan-cong*.csv")).read_bytes()
    assert written == exported(formats.RESPONSIBILITIES, SCOPE, "csv")
