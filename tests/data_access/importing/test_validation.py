"""Validation names sheet, row, column and reason for every fault class, and finds them all at once.

Files start from an export of the seeded 2022 department results (which validates clean) and
get one fault each; expectations come from the seed CSVs.
"""

from __future__ import annotations

import pytest
from openpyxl import Workbook as NewWorkbook

from data_access.importing import check, formats
from tests.data_access.importing.files import Workbook, exported, seed_csv, seed_pillars, seed_points, seed_totals

YEAR, LEVEL = 2022, "department"
SHEET = formats.SCORES_SHEET


def scores_file() -> Workbook:
    return Workbook(exported(formats.SCORES, {"year": YEAR, "level": LEVEL}), SHEET)


def top_unit() -> str:
    return next(code for code, r in seed_totals(YEAR, LEVEL).items() if r["published_rank"] == "1")


def median_unit() -> str:
    return next(code for code, r in seed_totals(YEAR, LEVEL).items() if r["median_method"] == "true")


def plain_unit() -> str:
    return next(code for code, r in seed_totals(YEAR, LEVEL).items() if r["median_method"] == "false")


def issues_of(content: bytes, name: str = "diem.xlsx"):
    return check(content, name).issues


def test_the_seeded_export_validates_clean_in_both_formats(seeded_db):
    for file_format in ("xlsx", "csv"):
        checked = check(exported(formats.SCORES, {"year": YEAR, "level": LEVEL}, file_format), f"d.{file_format}")
        assert checked.issues == []
        assert checked.validated.rows_read == len(seed_totals(YEAR, LEVEL))


def test_unknown_unit(seeded_db):
    book = scores_file()
    row = book.set(top_unit(), "Mã đơn vị", "so-khong-ton-tai")
    issues = issues_of(book.bytes())
    assert (SHEET, row, "Mã đơn vị") in [(i.sheet, i.row, i.column) for i in issues]
    assert any("so-khong-ton-tai" in i.reason and "không có trong danh mục" in i.reason for i in issues)
    # The unit the row used to hold is now missing: said once, separately.
    assert any(i.row is None and top_unit() in i.reason and "thiếu dòng" in i.reason for i in issues)


def test_unknown_pillar_column(seeded_db):
    book = scores_file()
    book.sheet.cell(1, len(book.headers) + 1).value = "Chỉ số lạ [khong-co]"
    issues = issues_of(book.bytes())
    assert len(issues) == 1
    assert (issues[0].sheet, issues[0].row, issues[0].column) == (SHEET, 1, "Chỉ số lạ [khong-co]")
    assert "không khớp chỉ số nào" in issues[0].reason
    for code in seed_pillars(YEAR, LEVEL):
        assert code in issues[0].reason


def test_missing_pillar_column(seeded_db):
    book = scores_file()
    column = book.column("website")
    book.sheet.delete_cols(column)
    issues = issues_of(book.bytes())
    assert any(i.row == 1 and "[website]" in i.column and "thiếu cột" in i.reason for i in issues)


def test_missing_row(seeded_db):
    book = scores_file()
    row = book.row_of(plain_unit())
    book.sheet.delete_rows(row)
    issues = issues_of(book.bytes())
    assert [(i.sheet, i.row, i.column) for i in issues] == [(SHEET, None, "Mã đơn vị")]
    assert plain_unit() in issues[0].reason and "thiếu dòng" in issues[0].reason


def test_duplicate_row(seeded_db):
    book = scores_file()
    first = book.row_of(top_unit())
    values = [c.value for c in book.sheet[first]]
    book.sheet.append(values)
    issues = issues_of(book.bytes())
    assert len(issues) == 1
    assert (issues[0].row, issues[0].column) == (book.sheet.max_row, "Mã đơn vị")
    assert f"dòng {first}" in issues[0].reason and "lặp lại" in issues[0].reason


def test_non_numeric_cell(seeded_db):
    book = scores_file()
    row = book.set(top_unit(), "awareness", "năm mươi")
    issues = issues_of(book.bytes())
    assert [(i.row, i.column) for i in issues] == [(row, book.headers[book.column("awareness") - 1])]
    assert "không phải là số" in issues[0].reason


def test_negative_points(seeded_db):
    book = scores_file()
    row = book.set(top_unit(), "awareness", -1)
    issues = issues_of(book.bytes())
    assert [(i.row, i.reason) for i in issues] == [(row, "điểm âm (-1)")]


def test_points_above_the_pillar_maximum(seeded_db):
    maximum = float(seed_pillars(YEAR, LEVEL)["awareness"]["max_points"])
    book = scores_file()
    row = book.set(top_unit(), "awareness", maximum + 0.5)
    issues = issues_of(book.bytes())
    assert len(issues) == 1 and issues[0].row == row
    assert f"vượt điểm tối đa {maximum:g}" in issues[0].reason


def test_blank_points_cell(seeded_db):
    book = scores_file()
    row = book.set(top_unit(), "awareness", None)
    issues = issues_of(book.bytes())
    assert [(i.row, i.reason) for i in issues] == [(row, "ô trống: thiếu điểm của chỉ số này")]


def test_total_that_disagrees_with_the_sum_is_an_error(seeded_db):
    unit = plain_unit()
    expected_sum = sum(
        p
        for code, p in seed_points(YEAR, LEVEL)[unit].items()
        if seed_pillars(YEAR, LEVEL)[code]["counts_in_total"] == "true"
    )
    book = scores_file()
    row = book.set(unit, "Tổng điểm", round(expected_sum + 5, 2))
    issues = issues_of(book.bytes())
    assert [(i.row, i.column, i.severity) for i in issues] == [(row, "Tổng điểm", "error")]
    assert f"{round(expected_sum, 2):g}".replace(".", ",") in issues[0].reason


def test_total_that_disagrees_on_a_median_method_row_is_a_warning(seeded_db):
    book = scores_file()
    unit = median_unit()
    row = book.set(unit, "Tổng điểm", float(seed_totals(YEAR, LEVEL)[unit]["published_total"]) + 5)
    checked = check(book.bytes(), "diem.xlsx")
    assert checked.errors == []
    totals = [i for i in checked.warnings if i.column == "Tổng điểm"]
    assert [(i.row, i.severity) for i in totals] == [(row, "warning")]
    assert "trung vị" in totals[0].reason
    # The higher total may also put the published ranks out of order: those are warned about on their own.
    assert {i.column for i in checked.warnings} <= {"Tổng điểm", "Xếp hạng công bố"}


def test_year_and_level_without_a_framework(seeded_db):
    book = scores_file()
    column = book.column("Năm")
    for row in range(2, book.sheet.max_row + 1):
        book.sheet.cell(row, column).value = YEAR + 1
    issues = issues_of(book.bytes())
    assert len(issues) == 1
    assert (issues[0].sheet, issues[0].column) == (SHEET, "Năm")
    assert f"chưa có khung đánh giá năm {YEAR + 1}" in issues[0].reason


def test_one_file_one_year(seeded_db):
    book = scores_file()
    row = book.set(top_unit(), "Năm", YEAR - 1)
    issues = issues_of(book.bytes())
    assert [(i.row, i.column) for i in issues] == [(row, "Năm")]


def test_five_distinct_faults_give_five_precise_messages(seeded_db):
    """Non-numeric, negative, above the maximum, a wrong total and an unknown pillar, in one file."""
    units = sorted(seed_totals(YEAR, LEVEL))
    book = scores_file()
    maximum = float(seed_pillars(YEAR, LEVEL)["institutions"]["max_points"])
    expected = {
        (book.set(units[0], "awareness", "x"), book.headers[book.column("awareness") - 1]),
        (book.set(units[1], "infrastructure", -2), book.headers[book.column("infrastructure") - 1]),
        (book.set(units[2], "institutions", maximum + 1), book.headers[book.column("institutions") - 1]),
    }
    unit = next(u for u in units[3:] if seed_totals(YEAR, LEVEL)[u]["median_method"] == "false")
    expected.add((book.set(unit, "Tổng điểm", book.get(unit, "Tổng điểm") + 10), "Tổng điểm"))
    book.sheet.cell(1, len(book.headers) + 1).value = "Chuyển đổi xanh [green]"
    expected.add((1, "Chuyển đổi xanh [green]"))
    issues = issues_of(book.bytes())
    assert len(issues) == 5
    assert {(i.row, i.column) for i in issues} == expected
    assert all(i.sheet == SHEET and i.severity == "error" and i.reason for i in issues)


def test_wrong_type_and_oversized_files_never_reach_the_database_checks(seeded_db):
    assert "sai loại tệp" in issues_of(b"PK\x03\x04", "diem.xls")[0].reason
    content = exported(formats.SCORES, {"year": YEAR, "level": LEVEL})
    assert "quá lớn" in check(content, "diem.xlsx", max_bytes=len(content) - 1).issues[0].reason


def test_framework_faults_are_named(seeded_db):
    book = NewWorkbook()
    sheet = book.active
    sheet.title = formats.FRAMEWORK_SHEET
    sheet.append([c.header for c in formats.FRAMEWORK_COLUMNS])
    sheet.append([2023, "department", "awareness", "Nhận thức số", "", "foundation", 50, None, "x", 1, "", ""])
    sheet.append([2023, "department", "awareness", "Lặp", "", "foundation", 10, None, "x", 2, "", ""])
    sheet.append([2023, "department", "other", "Khác", "", "nowhere", -5, None, "có lẽ", "ba", "", ""])
    groups = book.create_sheet(formats.GROUPS_SHEET)
    groups.append([c.header for c in formats.GROUP_COLUMNS])
    groups.append([2023, "department", "tot", "Tốt", "", 80, "", ""])
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    found = {(i.sheet, i.row, i.column) for i in check(buffer.getvalue(), "khung.xlsx").issues}
    assert found == {
        (formats.FRAMEWORK_SHEET, 3, "Mã chỉ số"),
        (formats.FRAMEWORK_SHEET, 4, "Nhóm trụ cột"),
        (formats.FRAMEWORK_SHEET, 4, "Điểm tối đa"),
        (formats.FRAMEWORK_SHEET, 4, "Tính vào tổng"),
        (formats.FRAMEWORK_SHEET, 4, "Thứ tự"),
        (formats.GROUPS_SHEET, 2, "Tỷ lệ tối thiểu"),
    }


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_preview_computes_totals_ranks_and_groups_beside_the_published(seeded_db, file_format: str):
    checked = check(exported(formats.SCORES, {"year": YEAR, "level": LEVEL}, file_format), f"d.{file_format}")
    preview = checked.preview.set_index("unit_code")
    totals = seed_totals(YEAR, LEVEL)
    assert set(preview.index) == set(totals)
    for unit, published in totals.items():
        assert preview.loc[unit, "rank_published"] == int(published["published_rank"])
        assert preview.loc[unit, "group_published"] == published["published_group"]
        assert preview.loc[unit, "total_published"] == pytest.approx(float(published["published_total"]))
        assert preview.loc[unit, "median_method"] == (published["median_method"] == "true")
    # The seed's published table agrees with its own points (shared/data/check_data.py), so nothing differs.
    assert not preview["differs"].any()
    assert (preview["rank_computed"] == preview["rank_published"]).all()


def test_other_datasets_preview_their_rows_under_the_templates_headers(seeded_db):
    units = seed_csv("units.csv")
    checked = check(exported(formats.UNITS, {}), "don-vi.xlsx")
    assert checked.issues == []
    assert list(checked.preview.columns[:4]) == ["Mã đơn vị", "Tên đơn vị", "Tên tiếng Anh", "Loại"]
    assert list(checked.preview["Mã đơn vị"]) == [u["unit_code"] for u in units]
