"""Reading an uploaded file into sheets of rows, refusing what is not a template's file.

An Excel workbook (.xlsx) or a CSV (UTF-8, with or without a byte-order mark) is read into
`Sheet`s whose rows carry the row number a spreadsheet shows, so every problem can name the
row the reader has to fix. A file that is empty, too large or of another type is refused here,
before anything else looks at it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from openpyxl import load_workbook

from data_access.importing.formats import (
    INSTRUCTIONS_SHEET,
    SHEET_COLUMN,
    SHEETS,
    is_blank,
    normalise_header,
    text,
)
from data_access.importing.issues import Issue

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Far above any template (63 provinces × a few dozen columns), far below what takes seconds to read.
MAX_CELLS = 200_000
EXTENSIONS = (".xlsx", ".csv")
ZIP_MAGIC = b"PK\x03\x04"
# An .xlsx is a zip of XML files. A template of 63 provinces unpacks to well under a megabyte; these
# bounds leave room for any real workbook and refuse one that inflates (1 MB on disk, 400 MB of XML
# inside took two minutes and 1,5 GB to refuse) before a byte of it is decompressed. The reader
# (zipfile, under openpyxl) never unpacks more than an entry declares, so the declared sizes bound it.
MAX_ZIP_ENTRIES = 1_000
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_PACKING_RATIO = 100
RATIO_CHECKED_FROM = 1024 * 1024  # small entries compress far more than that without harm


def max_upload_bytes() -> int:
    """The size limit of an import file: `DTI_IMPORT_MAX_BYTES`, 5 MB unless set."""
    raw = os.environ.get("DTI_IMPORT_MAX_BYTES", "").strip()
    return int(raw) if raw.isdigit() else DEFAULT_MAX_BYTES


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass
class Sheet:
    """A sheet's header and its non-empty rows, each with the row number the reader sees."""

    name: str
    headers: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)
    header_row: int = 1


@dataclass
class ParsedFile:
    file_name: str
    sha256: str
    size: int
    dataset: str | None
    sheets: dict[str, Sheet]
    issues: list[Issue]


def _size_label(n_bytes: int) -> str:
    return f"{n_bytes / (1024 * 1024):.1f} MB".replace(".", ",")


def _to_sheet(name: str, rows: list[list[object]], first_row: int = 1) -> Sheet | None:
    """The first non-empty row is the header; empty rows after it are skipped but keep the numbering."""
    numbered = [(first_row + i, row) for i, row in enumerate(rows)]
    numbered = [(n, row) for n, row in numbered if any(not is_blank(v) for v in row)]
    if not numbered:
        return None
    header_row, header = numbered[0]
    width = max(len(row) for _, row in numbered)
    headers = [text(v) for v in header] + [""] * (width - len(header))
    body = [(n, list(row) + [None] * (width - len(row))) for n, row in numbered[1:]]
    return Sheet(name=name, headers=headers, rows=body, header_row=header_row)


class TooManyCells(ValueError):
    """A sheet claiming far more cells than any template: a few kilobytes of XML can declare a
    sheet of millions of empty cells, which would take minutes and memory to build."""


def _bounded_rows(worksheet) -> list[list]:
    rows, cells = [], 0
    for row in worksheet.iter_rows(values_only=True):
        cells += len(row)
        if cells > MAX_CELLS:
            raise TooManyCells(worksheet.title)
        rows.append(list(row))
    return rows


def inflation_problem(content: bytes) -> str | None:
    """Why a zip would unpack to far more than any workbook, from its directory alone; None if it would not.
    A zip whose directory cannot be read is left to the reader, which says so in its own words."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError):
        return None
    if len(entries) > MAX_ZIP_ENTRIES:
        return (
            f"tệp Excel chứa {len(entries)} tệp con (giới hạn {MAX_ZIP_ENTRIES}): không phải một bảng tính thông thường"
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        return (
            f"tệp Excel khi giải nén lên tới {_size_label(unpacked)} (giới hạn {_size_label(MAX_UNPACKED_BYTES)}): "
            "quá lớn so với mọi mẫu nhập liệu"
        )
    for entry in entries:
        if entry.file_size > RATIO_CHECKED_FROM and entry.file_size > MAX_PACKING_RATIO * max(entry.compress_size, 1):
            ratio = entry.file_size // max(entry.compress_size, 1)
            return (
                f"phần “{entry.filename}” của tệp Excel nén {ratio} lần (giới hạn {MAX_PACKING_RATIO} lần): "
                "tệp bị làm phình bất thường, không đọc"
            )
    return None


def _read_xlsx(content: bytes) -> dict[str, Sheet]:
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheets = {}
        for worksheet in workbook.worksheets:
            if worksheet.title == INSTRUCTIONS_SHEET:
                continue
            sheet = _to_sheet(worksheet.title, _bounded_rows(worksheet))
            if sheet is not None:
                sheets[worksheet.title] = sheet
        return sheets
    finally:
        workbook.close()


def _read_csv(content: bytes) -> list[list[str]]:
    """Comma-separated as exported; a semicolon or tab in a header line without commas (Excel in
    some locales) is taken as the separator instead."""
    decoded = content.decode("utf-8-sig")
    first = decoded.split("\n", 1)[0]
    delimiter = ","
    if "," not in first:
        delimiter = ";" if ";" in first else ("\t" if "\t" in first else ",")
    return [list(row) for row in csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter)]


def _sheet_headers() -> dict[str, tuple[str, str]]:
    """Every known sheet name (normalised) → (dataset, sheet name)."""
    return {normalise_header(sheet): (dataset, sheet) for dataset, sheets in SHEETS.items() for sheet in sheets}


def _csv_sheets(file_name: str, rows: list[list[str]]) -> tuple[dict[str, Sheet], list[Issue]]:
    """A CSV is one sheet; a stacked one (several sheets of a dataset) is split on its `Bảng` column."""
    table = _to_sheet("", rows)
    if table is None:
        return {}, []
    headers = [normalise_header(h) for h in table.headers]
    if normalise_header(SHEET_COLUMN) not in headers:
        return {"": table}, []
    at = headers.index(normalise_header(SHEET_COLUMN))
    known = _sheet_headers()
    sheets: dict[str, Sheet] = {}
    issues = []
    for number, row in table.rows:
        name = text(row[at])
        if normalise_header(name) not in known:
            issues.append(Issue(file_name, number, SHEET_COLUMN, f"bảng “{name}” không có trong mẫu"))
            continue
        name = known[normalise_header(name)][1]
        sheet = sheets.setdefault(name, Sheet(name=name, headers=table.headers, header_row=table.header_row))
        sheet.rows.append((number, row))
    return sheets, issues


def detect_dataset(sheets: dict[str, Sheet]) -> str | None:
    """The dataset whose sheets the file has (by sheet name), or, for a plain CSV, whose columns it has."""
    known = _sheet_headers()
    for name in sheets:
        if normalise_header(name) in known:
            return known[normalise_header(name)][0]
    if "" in sheets:
        present = {normalise_header(h) for h in sheets[""].headers}
        best, best_hits = None, 0
        for dataset, spec in SHEETS.items():
            for columns in spec.values():
                required = {normalise_header(c.header) for c in columns if c.required}
                hits = len(required & present)
                if hits == len(required) and hits > best_hits:
                    best, best_hits = dataset, hits
        return best
    return None


def parse_file(content: bytes, file_name: str, *, max_bytes: int | None = None) -> ParsedFile:
    """Read `content` as named; every problem found is in `issues` (nothing raises for a bad file)."""
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    name = PurePath(file_name or "").name or "tệp tải lên"
    parsed = ParsedFile(name, sha256(content), len(content), None, {}, [])
    suffix = PurePath(name).suffix.casefold()
    if suffix not in EXTENSIONS:
        parsed.issues.append(
            Issue(name, None, "", f"sai loại tệp “{suffix or name}”: chỉ nhận tệp Excel .xlsx hoặc .csv (UTF-8)")
        )
        return parsed
    if not content:
        parsed.issues.append(Issue(name, None, "", "tệp rỗng (0 byte)"))
        return parsed
    if len(content) > limit:
        parsed.issues.append(
            Issue(name, None, "", f"tệp quá lớn ({_size_label(len(content))}); giới hạn là {_size_label(limit)}")
        )
        return parsed
    if suffix == ".xlsx":
        if not content.startswith(ZIP_MAGIC):
            parsed.issues.append(Issue(name, None, "", "tệp có đuôi .xlsx nhưng không phải tệp Excel .xlsx"))
            return parsed
        inflated = inflation_problem(content)
        if inflated:
            parsed.issues.append(Issue(name, None, "", inflated))
            return parsed
        try:
            parsed.sheets = _read_xlsx(content)
        except TooManyCells as exc:
            cells = f"{MAX_CELLS:,}".replace(",", ".")
            message = f"trang “{exc}” có hơn {cells} ô, quá lớn so với mọi mẫu nhập liệu"
            parsed.issues.append(Issue(name, None, "", message))
            return parsed
        except Exception as exc:  # any reader failure is a fact about the file, told in words
            parsed.issues.append(Issue(name, None, "", f"không đọc được tệp Excel: {exc}"))
            return parsed
    else:
        try:
            rows = _read_csv(content)
        except UnicodeDecodeError:
            parsed.issues.append(Issue(name, None, "", "tệp CSV không ở mã UTF-8: hãy lưu lại dạng “CSV UTF-8”"))
            return parsed
        except csv.Error as exc:
            parsed.issues.append(Issue(name, None, "", f"không đọc được tệp CSV: {exc}"))
            return parsed
        parsed.sheets, parsed.issues = _csv_sheets(name, rows)
    if not parsed.sheets or all(not sheet.rows for sheet in parsed.sheets.values()):
        parsed.issues.append(Issue(name, None, "", "tệp không có dòng dữ liệu nào"))
        return parsed
    parsed.dataset = detect_dataset(parsed.sheets)
    if parsed.dataset is None:
        parsed.issues.append(
            Issue(
                name,
                None,
                "",
                "không nhận ra mẫu: tên trang hoặc tiêu đề cột không khớp mẫu nào (hãy tải mẫu ở trang Quản trị)",
            )
        )
    elif "" in parsed.sheets:
        only = next(iter(SHEETS[parsed.dataset]))
        parsed.sheets = {only: Sheet(only, parsed.sheets[""].headers, parsed.sheets[""].rows)}
    return parsed
