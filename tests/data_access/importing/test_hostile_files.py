"""Files that used to lose data, crash or stall the import: each is refused (or warned about) with
where and why, through the one path of the `/admin` upload and the command line, writing nothing."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from data_access import db
from data_access.importing import FAILED, REFUSED, check, formats, import_file
from data_access.importing.cli import data_cli
from data_access.importing.export import dataset_tables
from data_access.importing.files import template_file
from data_access.importing.history import history, record, report_issues
from data_access.models import Base
from tests.data_access.importing.files import Workbook, exported, seed_csv, seed_pillars, seed_points, seed_totals

INFLATED_BYTES = 200 * 1024 * 1024


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def inflating_workbook(template: bytes) -> bytes:
    """The units template with its units sheet padded by 200 MB of identical rows: about 1 MB on disk."""
    source = zipfile.ZipFile(io.BytesIO(template))
    padded = sorted(e.filename for e in source.infolist() if e.filename.startswith("xl/worksheets/sheet"))[-1]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename != padded:
                bomb.writestr(entry, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            with bomb.open(entry.filename, "w", force_zip64=True) as sheet:
                sheet.write(head)
                block = b"<row><c><v>1</v></c></row>" * 40_000
                for _ in range(INFLATED_BYTES // len(block)):
                    sheet.write(block)
                sheet.write(b"</sheetData>" + tail)
    return out.getvalue()


@pytest.mark.parametrize("fresh_db", ["sqlite"], indirect=True)
def test_an_inflating_spreadsheet_is_refused_before_it_is_unpacked(fresh_db, tmp_path: Path):
    content = inflating_workbook(template_file(formats.UNITS, {})[1])
    unpacked = sum(entry.file_size for entry in zipfile.ZipFile(io.BytesIO(content)).infolist())
    assert len(content) < 2 * 1024 * 1024 and unpacked > 0.99 * INFLATED_BYTES
    counts, version = row_counts(fresh_db), db.data_version()

    outcome = import_file(content, "don-vi.xlsx", user="tester")

    assert outcome.result == REFUSED
    [issue] = outcome.checked.issues
    assert issue.sheet == "don-vi.xlsx" and "khi giải nén lên tới" in issue.reason and "giới hạn" in issue.reason
    assert report_issues(record(outcome.record_id))[0][0]["reason"] == issue.reason

    path = tmp_path / "bom.xlsx"
    path.write_bytes(content)
    refused = CliRunner().invoke(data_cli, ["import", str(path), "--user", "cli"])
    assert refused.exit_code == 1 and "khi giải nén lên tới" in refused.output
    assert list(history()["result"]) == [REFUSED, REFUSED]
    assert (row_counts(fresh_db), db.data_version()) == (counts, version)


# --- imports that lost data or broke pages silently (point 7) -------------------------------------

YEAR, LEVEL = 2022, "department"
SCOPE = {"year": YEAR, "level": LEVEL}


def located(issues, severity: str = "error") -> list[tuple]:
    return [(i.sheet, i.row, i.column) for i in issues if i.severity == severity]


def stored(dataset: str, scope: dict) -> dict:
    with Session(db.get_engine()) as session:
        return {name: frame.astype(str) for name, frame in dataset_tables(session, dataset, scope).items()}


def refused_and_unchanged(engine, content: bytes, name: str, dataset: str, scope: dict):
    """Import `content`; it must be refused with the history keeping its problems, and nothing stored moved."""
    counts, version, before = row_counts(engine), db.data_version(), stored(dataset, scope)
    outcome = import_file(content, name, user="tester")
    assert outcome.result == REFUSED
    assert report_issues(record(outcome.record_id))[0] == [i.as_dict() for i in outcome.checked.issues]
    assert (row_counts(engine), db.data_version()) == (counts, version)
    after = stored(dataset, scope)
    assert all(after[k].equals(before[k]) for k in before)
    return outcome.checked


def test_a_framework_file_without_its_groups_sheet_keeps_the_years_thresholds(fresh_db):
    book = load_workbook(io.BytesIO(exported(formats.FRAMEWORK, SCOPE)))
    del book[formats.GROUPS_SHEET]
    checked = refused_and_unchanged(fresh_db, save(book), "khung.xlsx", formats.FRAMEWORK, SCOPE)
    [issue] = checked.errors
    assert (issue.sheet, issue.row) == (formats.GROUPS_SHEET, None)
    assert "thiếu trang" in issue.reason and "ngưỡng" in issue.reason


def test_a_scored_unit_with_every_pillar_blank_keeps_its_points(fresh_db):
    book = Workbook(exported(formats.SCORES, SCOPE), formats.SCORES_SHEET)
    unit = sorted(seed_points(YEAR, LEVEL))[0]
    pillars = list(seed_pillars(YEAR, LEVEL))
    row = book.row_of(unit)
    for code in pillars:
        book.set(unit, code, None)
    checked = refused_and_unchanged(fresh_db, book.bytes(), "diem.xlsx", formats.SCORES, SCOPE)
    [issue] = checked.errors
    assert (issue.sheet, issue.row) == (formats.SCORES_SHEET, row) and f"[{pillars[0]}]" in issue.column
    assert unit in issue.reason and "trống" in issue.reason


@pytest.mark.parametrize("maximum", [1e308, 10_001, "1e308"])
def test_an_absurd_maximum_is_refused(seeded_db, maximum):
    book = Workbook(exported(formats.FRAMEWORK, SCOPE), formats.FRAMEWORK_SHEET)
    book.sheet.cell(2, book.column("Điểm tối đa")).value = maximum
    checked = check(book.bytes(), "khung.xlsx")
    assert located(checked.issues) == [(formats.FRAMEWORK_SHEET, 2, "Điểm tối đa")]


def test_a_scored_department_cannot_become_a_district(fresh_db):
    unit = sorted(seed_points(YEAR, LEVEL))[0]
    book = Workbook(exported(formats.UNITS, {}), formats.UNITS_SHEET)
    row = book.set(unit, "Loại", "district")
    checked = refused_and_unchanged(fresh_db, book.bytes(), "don-vi.xlsx", formats.UNITS, {})
    assert located(checked.issues) == [(formats.UNITS_SHEET, row, "Loại")]
    assert "đã có điểm" in checked.errors[0].reason


# --- database limits checked in validation, failures told without SQL (point 8) -------------------


def test_a_huge_published_rank_is_a_located_error_kept_in_the_history(fresh_db, tmp_path: Path):
    book = Workbook(exported(formats.SCORES, SCOPE), formats.SCORES_SHEET)
    row = book.set(sorted(seed_points(YEAR, LEVEL))[0], "Xếp hạng công bố", 99999999999999999999)
    checked = refused_and_unchanged(fresh_db, book.bytes(), "diem.xlsx", formats.SCORES, SCOPE)
    assert located(checked.issues) == [(formats.SCORES_SHEET, row, "Xếp hạng công bố")]
    path = tmp_path / "diem.xlsx"
    path.write_bytes(book.bytes())
    result = CliRunner().invoke(data_cli, ["import", str(path), "--user", "cli"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert f"dòng {row}" in result.output and "quá lớn" in result.output
    assert list(history()["result"]) == [REFUSED, REFUSED]


def scores_csv(edit: Callable[[list[list[str]], list[str]], None]) -> bytes:
    rows = list(csv.reader(io.StringIO(exported(formats.SCORES, SCOPE, "csv").decode("utf-8-sig"))))
    edit(rows, rows[0])
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def test_a_nul_byte_in_a_note_is_a_located_error(fresh_db):
    def nul(rows, header):
        rows[1][header.index("Ghi chú công bố")] = "ghi\x00chú"

    checked = refused_and_unchanged(fresh_db, scores_csv(nul), "diem.csv", formats.SCORES, SCOPE)
    assert located(checked.issues) == [(formats.SCORES_SHEET, 2, "Ghi chú công bố")]
    assert "ký tự điều khiển" in checked.errors[0].reason


def test_a_unit_code_and_a_group_name_longer_than_their_columns_are_located_errors(fresh_db):
    units = Workbook(exported(formats.UNITS, {}), formats.UNITS_SHEET)
    units.sheet.append(["x" * 500, "Đơn vị dài", "", "department"])
    checked = refused_and_unchanged(fresh_db, units.bytes(), "don-vi.xlsx", formats.UNITS, {})
    assert located(checked.issues) == [(formats.UNITS_SHEET, units.sheet.max_row, "Mã đơn vị")]
    assert "500 ký tự, tối đa 100" in checked.errors[0].reason

    framework = load_workbook(io.BytesIO(exported(formats.FRAMEWORK, SCOPE)))
    groups = framework[formats.GROUPS_SHEET]
    name_column = [c.value for c in groups[1]].index("Tên nhóm") + 1
    groups.cell(2, name_column).value = "Tốt " * 30
    checked = refused_and_unchanged(fresh_db, save(framework), "khung.xlsx", formats.FRAMEWORK, SCOPE)
    assert located(checked.issues) == [(formats.GROUPS_SHEET, 2, "Tên nhóm")]


def test_a_database_failure_at_commit_is_kept_and_shown_without_sql_or_values(fresh_db):
    content = exported(formats.SCORES, SCOPE)

    def database_refuses(step: str) -> None:
        if step == "written":
            raise IntegrityError("INSERT INTO pillar_scores (points) VALUES (%(p)s)", {"p": "bí mật"}, Exception("dup"))

    outcome = import_file(content, "diem.xlsx", user="tester", step_hook=database_refuses)
    assert outcome.result == FAILED
    _, error = report_issues(record(outcome.record_id))
    assert error == outcome.error and "IntegrityError" in error and "nhật ký" in error
    assert "INSERT" not in error and "bí mật" not in error and "pillar_scores" not in error


# --- accepted silently before (point 10, import part) ----------------------------------------------


@pytest.mark.parametrize("typed", ["5_0", "５０", "٥٠"])
def test_numbers_in_other_scripts_or_with_underscores_are_refused(seeded_db, typed: str):
    def edit(rows, header):
        rows[1][header.index(next(h for h in header if h.endswith("[awareness]")))] = typed

    checked = check(scores_csv(edit), "diem.csv")
    [issue] = checked.errors
    assert (issue.sheet, issue.row) == (formats.SCORES_SHEET, 2) and issue.column.endswith("[awareness]")
    assert "không phải là số" in issue.reason


def test_unit_codes_with_spaces_and_parent_cycles_are_refused(seeded_db):
    province = next(r["unit_code"] for r in seed_csv("units.csv") if r["kind"] == "province")
    book = Workbook(exported(formats.UNITS, {}), formats.UNITS_SHEET)
    book.sheet.append(["so moi", "Sở mới", "", "department", province])
    spaced = book.sheet.max_row
    book.sheet.append(["vong-a", "Vòng A", "", "aggregate", "vong-b"])
    book.sheet.append(["vong-b", "Vòng B", "", "aggregate", "vong-a"])
    checked = check(book.bytes(), "don-vi.xlsx")
    assert located(checked.issues) == [
        (formats.UNITS_SHEET, spaced, "Mã đơn vị"),
        (formats.UNITS_SHEET, spaced + 1, "Mã đơn vị cha"),
    ]
    assert "khoảng trắng" in checked.errors[0].reason
    assert "vong-a → vong-b → vong-a" in checked.errors[1].reason


def test_an_observation_off_its_numerator_and_a_period_like_yesterday_are_refused(seeded_db):
    book = Workbook(exported(formats.OBSERVATIONS, {}), formats.OBSERVATIONS_SHEET)
    rate = next(
        r for r in range(2, book.sheet.max_row + 1) if book.sheet.cell(r, book.column("Mẫu số")).value not in (None, "")
    )
    book.sheet.cell(rate, book.column("Giá trị")).value = 12.5
    book.sheet.cell(2, book.column("Kỳ")).value = "hôm qua"
    checked = check(book.bytes(), "so-lieu.xlsx")
    assert sorted(located(checked.issues)) == sorted(
        [(formats.OBSERVATIONS_SHEET, rate, "Giá trị"), (formats.OBSERVATIONS_SHEET, 2, "Kỳ")]
    )


def test_extra_cells_and_sheets_are_warned_about_not_dropped_silently(seeded_db):
    book = Workbook(exported(formats.UNITS, {}), formats.UNITS_SHEET)
    book.sheet.cell(3, len(book.headers) + 2).value = "ghi chú lạc"
    book.book.create_sheet("Ghi chép riêng").append(["gì đó"])
    checked = check(book.bytes(), "don-vi.xlsx")
    assert checked.errors == []
    stray = f"cột {get_column_letter(len(book.headers) + 2)}"
    assert sorted(located(checked.issues, "warning"), key=repr) == sorted(
        [(formats.UNITS_SHEET, 3, stray), ("Ghi chép riêng", None, "")], key=repr
    )


def test_published_ranks_and_groups_that_contradict_the_totals_are_warned_about(seeded_db):
    book = Workbook(exported(formats.SCORES, SCOPE), formats.SCORES_SHEET)
    totals = seed_totals(YEAR, LEVEL)
    top = next(u for u, r in totals.items() if r["published_rank"] == "1")
    last = max(totals, key=lambda u: int(totals[u]["published_rank"] or 0))
    rank_row = book.set(top, "Xếp hạng công bố", int(totals[last]["published_rank"]))
    group_row = book.set(last, "Nhóm công bố", totals[top]["published_group"])
    checked = check(book.bytes(), "diem.xlsx")
    assert checked.errors == []
    found = located(checked.issues, "warning")
    assert (formats.SCORES_SHEET, rank_row, "Xếp hạng công bố") in found
    assert (formats.SCORES_SHEET, group_row, "Nhóm công bố") in found
    assert {column for _, _, column in found} == {"Xếp hạng công bố", "Nhóm công bố"}
