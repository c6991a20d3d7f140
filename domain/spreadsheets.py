"""Frames as CSV and Excel bytes that are safe to open in a spreadsheet program.

CSV is UTF-8 with a byte-order mark so Excel shows Vietnamese diacritics; text cells that a
spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return)
are prefixed with an apostrophe, so an exported file can never run anything. The pages' downloads
and the importer's templates and exports share it, so neither layer borrows from the other.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_LIMIT = 31  # Excel refuses longer sheet names
SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
WORD_BREAKS = (" ", "-", "_")


def sheet_title(name: str) -> str:
    """An Excel sheet name from a file's or a table's name: the characters Excel refuses become spaces,
    and a name over Excel's 31 characters is cut after its last whole word (never "chi-so-chinh_binh-ph")."""
    clean = " ".join(name.translate(SHEET_NAME_FORBIDDEN).split()).strip("'") or "Sheet1"
    if len(clean) <= SHEET_NAME_LIMIT:
        return clean
    cut = clean[: SHEET_NAME_LIMIT + 1]
    end = max(cut.rfind(mark) for mark in WORD_BREAKS)
    return (cut[:end] if end > 0 else clean[:SHEET_NAME_LIMIT]).rstrip(" -_")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that start like a formula get a leading apostrophe; numbers stay numbers."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            # Built as an object column: `Series.map` would infer floats again and turn 25 into 25.0.
            safe[column] = pd.Series(
                [f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) else v for v in safe[column]],
                index=safe.index,
                dtype=object,
            )
    return safe


def whole_numbers_whole(frame: pd.DataFrame) -> pd.DataFrame:
    """Whole numbers written as integers (`25`, not `25.0`): pandas keeps a column with a blank or a
    fraction as floats, and a data officer reading `25.0` for 25 points takes it for a typo."""
    whole = frame.copy()
    for column in whole.columns:
        values = whole[column]
        if pd.api.types.is_float_dtype(values) or values.dtype == object:
            whole[column] = pd.Series(
                [int(v) if isinstance(v, float) and v.is_integer() else v for v in values],
                index=values.index,
                dtype=object,
            )
    return whole


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return neutralise_formulas(whole_numbers_whole(frame)).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet_name: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        title = sheet_title(sheet_name)
        neutralise_formulas(frame).to_excel(writer, sheet_name=title, index=False)
        sheet = writer.sheets[title]
        for cells in sheet.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in cells)
            sheet.column_dimensions[cells[0].column_letter].width = min(max(width + 2, 8), 60)
    return buffer.getvalue()
