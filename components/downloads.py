"""The data behind a chart as CSV and Excel files, safe to open in a spreadsheet program.

CSV is UTF-8 with a byte-order mark so Excel shows Vietnamese diacritics; text cells that a
spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return)
are prefixed with an apostrophe, so an exported file can never run anything.
"""

from __future__ import annotations

import io

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that start like a formula get a leading apostrophe; numbers stay numbers."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda v: f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) else v
            )
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return neutralise_formulas(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet_name: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise_formulas(frame).to_excel(writer, sheet_name=sheet_name[:31], index=False)
        sheet = writer.sheets[sheet_name[:31]]
        for cells in sheet.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in cells)
            sheet.column_dimensions[cells[0].column_letter].width = min(max(width + 2, 8), 60)
    return buffer.getvalue()


def file_payload(frame: pd.DataFrame, basename: str, file_format: str) -> dict:
    """What a `dcc.Download` expects, for `basename.csv` or `basename.xlsx`."""
    if file_format == "csv":
        return dcc.send_bytes(csv_bytes(frame), f"{basename}.csv", type="text/csv")
    if file_format == "xlsx":
        return dcc.send_bytes(xlsx_bytes(frame, basename), f"{basename}.xlsx")
    raise ValueError(f"unknown download format {file_format!r}")


def download_buttons(prefix: str, labels: dict[str, str], title: str) -> html.Div:
    """CSV and Excel buttons with their `dcc.Download`; ids `{prefix}-csv`, `{prefix}-xlsx`, `{prefix}-file`."""
    return html.Div(
        [
            dbc.Button(
                [html.I(className="bi bi-filetype-csv me-1"), labels["csv"]],
                id=f"{prefix}-csv",
                size="sm",
                color="secondary",
                outline=True,
                className="me-1",
            ),
            dbc.Button(
                [html.I(className="bi bi-file-earmark-excel me-1"), labels["xlsx"]],
                id=f"{prefix}-xlsx",
                size="sm",
                color="secondary",
                outline=True,
            ),
            dcc.Download(id=f"{prefix}-file"),
        ],
        className="download-buttons",
        title=title,
    )
