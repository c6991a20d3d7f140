"""The data behind a chart as CSV and Excel downloads: the buttons and what `dcc.Download` expects.

The bytes themselves (formula-like cells neutralised) come from `domain.spreadsheets`.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from components.i18n import t
from domain.spreadsheets import csv_bytes, xlsx_bytes

FORMATS = ("csv", "xlsx")


def file_payload(frame: pd.DataFrame, basename: str, file_format: str) -> dict:
    """What a `dcc.Download` expects, for `basename.csv` or `basename.xlsx`."""
    if file_format == "csv":
        return dcc.send_bytes(csv_bytes(frame), f"{basename}.csv", type="text/csv")
    if file_format == "xlsx":
        return dcc.send_bytes(xlsx_bytes(frame, basename), f"{basename}.xlsx")
    raise ValueError(f"unknown download format {file_format!r}")


def download_buttons(
    prefix: str, lang: str, *, size: str | None = "sm", title: str | None = None, labels: dict[str, str] | None = None
) -> html.Div:
    """CSV and Excel buttons with their `dcc.Download`: ids `{prefix}-csv`, `{prefix}-xlsx`, `{prefix}-file`.

    The ids start with the page's prefix: the access guard reads whose callback it is from them.
    """
    labels = labels or {"csv": t("download.csv", lang), "xlsx": t("download.xlsx", lang)}
    return html.Div(
        [
            dbc.Button(
                [html.I(className="bi bi-filetype-csv me-1"), labels["csv"]],
                id=f"{prefix}-csv",
                size=size,
                color="secondary",
                outline=True,
                className="me-1",
            ),
            dbc.Button(
                [html.I(className="bi bi-file-earmark-excel me-1"), labels["xlsx"]],
                id=f"{prefix}-xlsx",
                size=size,
                color="secondary",
                outline=True,
            ),
            dcc.Download(id=f"{prefix}-file"),
        ],
        className="download-buttons",
        title=title or t("download.title", lang),
    )
