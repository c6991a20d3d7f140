"""Excel templates and files in the template's format: the sheets, Vietnamese headers and a sheet
of instructions ("Hướng dẫn").

A blank template and an export differ only in their rows, so whatever the app writes it can
read back. Cells that a spreadsheet would run as a formula are neutralised on the way out.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.importing import export
from data_access.importing import formats as f
from data_access.importing.catalogue import Catalogue, load_catalogue
from data_access.importing.parsing import max_upload_bytes
from data_access.models import Framework
from domain.spreadsheets import csv_bytes, neutralise_formulas

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)

GENERAL_RULES = [
    "Không đổi tên trang và tên cột; có thể thêm dòng, không thêm cột ngoài mẫu.",
    "Số thập phân ghi bằng dấu phẩy hoặc dấu chấm (558,41 hay 558.41); không cần công thức.",
    "Tệp được kiểm tra toàn bộ trước khi ghi: nếu có lỗi, không dữ liệu nào được ghi và trang Quản trị "
    "liệt kê mọi lỗi (trang, dòng, cột, lý do).",
    "Nạp lại cùng một năm và cấp (hay cùng một kế hoạch) sẽ thay toàn bộ dữ liệu cũ; bản cũ vẫn tải lại "
    "được từ Lịch sử nạp dữ liệu.",
    "Có thể lưu thành CSV (UTF-8) thay cho Excel; tệp khung đánh giá dạng CSV ghi thêm cột “Bảng” "
    "(Khung hoặc Nhóm) ở mỗi dòng.",
]


def scope_label(
    dataset: str,
    scope: dict,
    *,
    dataset_names: Mapping[str, str] = f.DATASET_NAMES,
    level_names: Mapping[str, str] = f.LEVEL_NAMES,
    plan_word: str = "kế hoạch",
    unit_names: Mapping[str, str] | None = None,
) -> str:
    """A short description of what a file holds, e.g. "Điểm của đơn vị · 2022 · sở, ban, ngành": in
    Vietnamese for files and the import history, in the reader's words when a page passes its names.
    Units are named by `unit_names` where given (the history and the wall's ticker read this line, and
    readers know "Bình Phước", not "binh-phuoc"), by their code otherwise."""
    parts = [dataset_names.get(dataset) or f.DATASET_NAMES.get(dataset, dataset)]
    if scope.get("year") is not None:
        parts.append(str(scope["year"]))
    if scope.get("level"):
        parts.append(level_names.get(scope["level"]) or f.LEVEL_NAMES.get(scope["level"], scope["level"]))
    if scope.get("plan"):
        parts.append(f"{plan_word} {scope['plan']}")
    if isinstance(scope.get("units"), list) and scope["units"]:
        named = [(unit_names or {}).get(code, code) for code in scope["units"][:3]]
        parts.append(", ".join(named) + ("…" if len(scope["units"]) > 3 else ""))
    return " · ".join(parts)


def file_stem(dataset: str, scope: dict) -> str:
    parts = [f.FILE_STEMS[dataset]]
    if scope.get("year") is not None:
        parts.append(str(scope["year"]))
    if scope.get("level"):
        parts.append(scope["level"])
    if scope.get("plan"):
        parts.append("".join(ch if ch.isalnum() else "-" for ch in scope["plan"]).strip("-"))
    return "-".join(parts)


def _instructions(sheet, dataset: str, scope: dict, extra: list[str]) -> None:
    sheet.append([f"Mẫu nạp dữ liệu: {scope_label(dataset, scope)}"])
    sheet["A1"].font = TITLE_FONT
    sheet.append([])
    for rule in [*GENERAL_RULES, f"Dung lượng tối đa: {max_upload_bytes() // (1024 * 1024)} MB.", *extra]:
        sheet.append(["•", rule])
    sheet.append([])
    sheet.append(["Trang", "Cột", "Bắt buộc", "Cách ghi"])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for sheet_name, columns in f.SHEETS[dataset].items():
        for column in columns:
            sheet.append([sheet_name, column.header, "có" if column.required else "", column.help])
    for letter, width in zip("ABCD", (16, 28, 10, 100), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _cell(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def workbook_bytes(dataset: str, scope: dict, tables: export.Tables, *, notes: list[str] | None = None) -> bytes:
    """The template's workbook holding `tables`: instructions first, then one sheet per table."""
    book = Workbook()
    _instructions(book.active, dataset, scope, notes or [])
    book.active.title = f.INSTRUCTIONS_SHEET
    for name, frame in tables.items():
        sheet = book.create_sheet(name)
        safe = neutralise_formulas(frame)
        sheet.append(list(safe.columns))
        for row in safe.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
        for cell in sheet[1]:
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for position, header in enumerate(safe.columns, 1):
            values = [len(str(v)) for v in safe.iloc[:, position - 1] if v is not None and v == v]
            width = max([min(len(str(header)), 30), *values[:200], 8])
            sheet.column_dimensions[get_column_letter(position)].width = min(width + 2, 50)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def stacked(tables: export.Tables) -> pd.DataFrame:
    """Several sheets as one CSV table, each row tagged with its sheet in the `Bảng` column."""
    if len(tables) == 1:
        return next(iter(tables.values()))
    columns: list[str] = [f.SHEET_COLUMN]
    for frame in tables.values():
        columns += [c for c in frame.columns if c not in columns]
    parts = [frame.assign(**{f.SHEET_COLUMN: name}) for name, frame in tables.items()]
    return pd.concat(parts, ignore_index=True)[columns].astype(object)


def csv_file_bytes(tables: export.Tables) -> bytes:
    return csv_bytes(stacked(tables))


def file_bytes(
    dataset: str, scope: dict, tables: export.Tables, file_format: str, notes: list[str] | None = None
) -> bytes:
    if file_format == "xlsx":
        return workbook_bytes(dataset, scope, tables, notes=notes)
    if file_format == "csv":
        return csv_file_bytes(tables)
    raise ValueError(f"unknown format {file_format!r}")


def blank_template(session: Session, dataset: str, scope: dict | None = None) -> tuple[export.Tables, list[str]]:
    """Empty sheets of a dataset; the scores template of a year and level lists that year's pillars as
    columns and its units as rows (points left blank), or, for a year without a framework, the published
    totals and ranks only (`ranks_template`)."""
    scope = scope or {}
    notes: list[str] = []
    if dataset == f.FRAMEWORK and scope.get("year") is not None and scope.get("level"):
        return framework_template(session, int(scope["year"]), scope["level"])
    if dataset == f.SCORES:
        catalogue = load_catalogue(session.connection())
        framework = catalogue.framework(scope.get("year"), scope.get("level"))
        if framework is None:
            return ranks_template(catalogue, int(scope["year"]), scope["level"])
        headers = [c.header for c in f.SCORE_LEAD_COLUMNS]
        headers += [f.pillar_header(p.code, p.name_vi) for p in framework.ordered]
        headers += [c.header for c in f.SCORE_TAIL_COLUMNS]
        units = [
            u
            for u in sorted(catalogue.units.values(), key=lambda u: u.name_vi)
            if u.kind == framework.level and u.valid_in(framework.year)
        ]
        rows = [[framework.year, framework.level, u.code, u.name_vi] + [None] * (len(headers) - 4) for u in units]
        notes = [
            f"Chỉ số {p.code} ({p.name_vi}): tối đa {p.max_points:g} điểm"
            + ("" if p.counts_in_total else ", không tính vào tổng")
            for p in framework.ordered
        ]
        return {f.SCORES_SHEET: pd.DataFrame(rows, columns=headers, dtype=object)}, notes
    return {
        name: pd.DataFrame(columns=[c.header for c in columns]) for name, columns in f.SHEETS[dataset].items()
    }, notes


def ranks_template(catalogue: Catalogue, year: int, level: str) -> tuple[export.Tables, list[str]]:
    """The scores template of a year whose method is not stored: published total, rank and group only.

    A year's national ranking is often known before (or without) its framework, and the ranks alone
    are worth importing (the rank history, the change of rank); demanding a framework first would
    make a data officer invent one. The level's units valid that year are listed, figures blank.
    """
    headers = [c.header for c in f.SCORE_LEAD_COLUMNS] + [c.header for c in f.SCORE_TAIL_COLUMNS]
    units = [
        u for u in sorted(catalogue.units.values(), key=lambda u: u.name_vi) if u.kind == level and u.valid_in(year)
    ]
    rows = [[year, level, u.code, u.name_vi] + [None] * (len(headers) - 4) for u in units]
    notes = [
        f"Chưa có khung đánh giá năm {year} cấp {f.LEVEL_NAMES[level]}: mẫu này nhận tổng điểm, xếp hạng và "
        "nhóm công bố, không có cột điểm từng chỉ số. Năm chỉ có thứ hạng: để trống cột Tổng điểm.",
        "Tổng DTI ghi dạng chỉ số 0..1 với Điểm tối đa công bố = 1. Giá trị các trụ cột và chỉ số chính của "
        "tỉnh nạp bằng mẫu “Chỉ số công bố cấp tỉnh”.",
        "Xoá dòng của đơn vị không có số liệu năm này.",
    ]
    return {f.SCORES_SHEET: pd.DataFrame(rows, columns=headers, dtype=object)}, notes


def framework_template(session: Session, year: int, level: str) -> tuple[export.Tables, list[str]]:
    """The framework of a year and level to fill in: the stored one to correct, or, for a new year,
    the latest earlier framework of the level written out for that year.

    The method changes every year, but mostly at the edges: a data officer starting a new year edits
    last year's indices, maxima and group bounds rather than typing 8 indices and 4 groups anew.
    Blank sheets when the level has no framework yet.
    """
    stored = sorted(int(y) for y in session.scalars(select(Framework.year).where(Framework.level == level).distinct()))
    if year in stored:
        note = f"Khung năm {year} đang lưu: sửa rồi nạp lại để thay (mọi điểm của năm này được kiểm tra lại)."
        return export.framework_tables(session, year, level), [note]
    earlier = [y for y in stored if y < year] or stored
    if not earlier:
        return blank_template(session, f.FRAMEWORK, {})[0], []
    base = earlier[-1]
    tables = export.framework_tables(session, base, level)
    year_header = next(c.header for c in f.FRAMEWORK_COLUMNS if c.key == "year")
    for frame in tables.values():
        if year_header in frame:
            frame[year_header] = year
    note = (
        f"Chép từ khung năm {base}: sửa những chỉ số, điểm tối đa, ngưỡng nhóm và nguồn mà phương pháp "
        f"năm {year} thay đổi trước khi nạp."
    )
    return tables, [note]


def tables_to_json(tables: export.Tables) -> str:
    """Tables as JSON (headers and rows), the form in which import history keeps a version."""
    return json.dumps(
        {
            name: {
                "columns": list(frame.columns),
                "rows": [[_cell(v) for v in row] for row in frame.itertuples(index=False)],
            }
            for name, frame in tables.items()
        },
        ensure_ascii=False,
        default=str,
    )


def tables_from_json(payload: str) -> export.Tables:
    data = json.loads(payload) if payload else {}
    return {name: pd.DataFrame(table["rows"], columns=table["columns"], dtype=object) for name, table in data.items()}
