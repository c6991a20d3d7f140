"""Reading files: the wrong type, an empty or oversized file, CSV with and without a BOM."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from data_access.importing import formats
from data_access.importing.parsing import DEFAULT_MAX_BYTES, max_upload_bytes, parse_file

UNITS_CSV = "Mã đơn vị,Tên đơn vị,Loại\nnew-unit,Đơn vị mới,department\n"


def only_error(parsed) -> str:
    assert len(parsed.issues) == 1, parsed.issues
    assert parsed.issues[0].severity == "error"
    return parsed.issues[0].reason


@pytest.mark.parametrize("name", ["diem.xls", "diem.pdf", "diem", "diem.xlsx.exe"])
def test_wrong_file_type_is_refused_by_name(name: str):
    reason = only_error(parse_file(b"anything", name))
    assert "sai loại tệp" in reason and ".xlsx" in reason and ".csv" in reason


def test_a_file_named_xlsx_that_is_not_a_workbook_is_refused():
    reason = only_error(parse_file("Mã đơn vị\nx\n".encode(), "diem.xlsx"))
    assert "không phải tệp Excel" in reason


def test_an_empty_file_is_refused():
    assert "rỗng" in only_error(parse_file(b"", "diem.csv"))


def test_a_file_with_headers_and_no_rows_is_refused():
    assert "không có dòng dữ liệu" in only_error(parse_file("Mã đơn vị,Tên đơn vị,Loại\n".encode(), "x.csv"))


def test_an_oversized_file_is_refused_with_its_size_and_the_limit():
    content = UNITS_CSV.encode() + b"#" * 2048
    reason = only_error(parse_file(content, "don-vi.csv", max_bytes=1024))
    assert "quá lớn" in reason
    assert parse_file(content, "don-vi.csv", max_bytes=len(content)).issues == []


def test_the_size_limit_is_configurable(monkeypatch: pytest.MonkeyPatch):
    assert max_upload_bytes() == DEFAULT_MAX_BYTES == 5 * 1024 * 1024
    monkeypatch.setenv("DTI_IMPORT_MAX_BYTES", "100")
    assert max_upload_bytes() == 100
    assert "quá lớn" in only_error(parse_file(UNITS_CSV.encode() * 5, "don-vi.csv"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_csv_reads_the_same_with_or_without_a_byte_order_mark(encoding: str):
    parsed = parse_file(UNITS_CSV.encode(encoding), "don-vi.csv")
    assert parsed.issues == []
    assert parsed.dataset == formats.UNITS
    sheet = parsed.sheets[formats.UNITS_SHEET]
    assert sheet.headers == ["Mã đơn vị", "Tên đơn vị", "Loại"]
    assert sheet.rows == [(2, ["new-unit", "Đơn vị mới", "department"])]


def test_csv_saved_by_excel_with_semicolons_is_read():
    parsed = parse_file(UNITS_CSV.replace(",", ";").encode("utf-8-sig"), "don-vi.csv")
    assert parsed.sheets[formats.UNITS_SHEET].rows == [(2, ["new-unit", "Đơn vị mới", "department"])]


def test_csv_not_in_utf8_is_refused_with_the_fix():
    assert "UTF-8" in only_error(parse_file(UNITS_CSV.encode("utf-16"), "don-vi.csv"))


def test_a_file_of_no_known_template_is_refused():
    assert "không nhận ra mẫu" in only_error(parse_file(b"a,b\n1,2\n", "x.csv"))


def test_xlsx_rows_keep_the_numbers_a_spreadsheet_shows_and_skip_the_instructions():
    book = Workbook()
    book.active.title = formats.INSTRUCTIONS_SHEET
    book.active.append(["Hướng dẫn: không phải dữ liệu"])
    sheet = book.create_sheet(formats.UNITS_SHEET)
    sheet.append(["Mã đơn vị", "Tên đơn vị", "Loại"])
    sheet.append(["a", "A", "department"])
    sheet.append([None, None, None])
    sheet.append(["b", "B", "district"])
    buffer = io.BytesIO()
    book.save(buffer)
    parsed = parse_file(buffer.getvalue(), "don-vi.xlsx")
    assert parsed.issues == []
    assert list(parsed.sheets) == [formats.UNITS_SHEET]
    assert [number for number, _ in parsed.sheets[formats.UNITS_SHEET].rows] == [2, 4]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [(558.41, 558.41), ("558,41", 558.41), ("558.41", 558.41), ("1.034,5", 1034.5), (" 7 ", 7.0), (None, None)],
)
def test_numbers_read_as_typed_in_vietnamese_or_english(typed, expected):
    assert formats.number(typed) == expected


@pytest.mark.parametrize("typed", ["abc", "12a", "nan", True])
def test_non_numbers_are_named(typed):
    with pytest.raises(formats.CellError, match="không phải là số"):
        formats.number(typed)


def test_an_apostrophe_that_neutralised_a_formula_is_taken_off_again():
    assert formats.text("'=HYPERLINK(1)") == "=HYPERLINK(1)"
    assert formats.text("'khác") == "'khác"


def test_a_tiny_file_declaring_a_huge_sheet_is_refused_without_building_it():
    """A few kilobytes can place cells at A200000 and column 2000: hundreds of millions of empty cells."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Điểm"
    sheet["A1"] = "Mã đơn vị"
    sheet["A200000"] = "x"
    sheet.cell(row=1, column=2000, value="y")
    content = io.BytesIO()
    workbook.save(content)
    assert len(content.getvalue()) < 20_000

    parsed = parse_file(content.getvalue(), "diem.xlsx")

    assert parsed.sheets == {}
    assert [issue.reason for issue in parsed.issues] == [
        "trang “Điểm” có hơn 200.000 ô, quá lớn so với mọi mẫu nhập liệu"
    ]


def test_a_workbook_the_reader_chokes_on_is_a_problem_in_words_not_a_traceback():
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<not-a-workbook")
    parsed = parse_file(content.getvalue(), "hong.xlsx")
    assert len(parsed.issues) == 1
    assert parsed.issues[0].reason.startswith("không đọc được tệp Excel")
