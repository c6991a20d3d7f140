"""The data-quality view's tables, and the discreet mark that opens a figure's caveat on leader screens.

Pure: the caveats frame (`data_access.data_quality.data_caveats`) and the source titles in, Dash
components out.
"""

from __future__ import annotations

from collections.abc import Mapping

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.citations import readable_citation
from components.formatting import format_points
from components.i18n import t
from domain.data_quality import KINDS, without_illegible_remark
from domain.text import localized


def _value(row: object, lang: str) -> str:
    unit = f" {row.value_unit}" if row.value_unit and row.value_unit != "%" else (row.value_unit or "")
    return f"{format_points(row.value, lang)}{unit}"


def caveat_table(rows: pd.DataFrame, titles: Mapping[str, str], lang: str) -> dbc.Table:
    """One kind's figures: unit, period, figure, value, the readable source and the note as recorded."""
    columns = ("unit", "period", "figure", "value", "source", "note")
    head = html.Thead(html.Tr([html.Th(t(f"data_quality.{c}", lang)) for c in columns]))
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(localized(row, "unit_name", lang)),
                    html.Td(row.period, className="text-nowrap"),
                    html.Td(row.figure),
                    html.Td(_value(row, lang), className="num"),
                    html.Td(readable_citation(row.source, titles), className="dq-source"),
                    html.Td(row.note, className="dq-note"),
                ]
            )
            for row in rows.itertuples()
        ]
    )
    return dbc.Table([head, body], size="sm", hover=True, responsive=True, className="dq-table")


def data_quality_sections(caveats: pd.DataFrame, titles: Mapping[str, str], lang: str) -> list[html.Section]:
    """A section per kind of caveat that the data records, in `KINDS` order, each with its count."""
    sections = []
    for kind in KINDS:
        rows = caveats[caveats["kind"] == kind]
        if rows.empty:
            continue
        heading = html.H2(
            [
                t(f"data_quality.kind.{kind}", lang),
                html.Span(t("data_quality.count", lang, count=len(rows)), className="dq-count"),
            ],
            className="dq-heading",
        )
        sections.append(
            html.Section(
                [heading, caveat_table(rows, titles, lang)],
                id=f"data-quality-{kind}",
                className="card ioc-card dq-section",
            )
        )
    return sections


def unnamed_mark(name: str, *, mark_id: str, lang: str) -> html.Span | None:
    """The mark after an indicator whose recorded name says the source does not name it legibly;
    None for a named indicator (the name is shown without that remark, see `without_illegible_remark`)."""
    if without_illegible_remark(name) == name:
        return None
    return caveat_mark(t("data_quality.kind.unnamed", lang), mark_id=mark_id, lang=lang)


def caveat_mark(note: str | list[str], *, mark_id: str, lang: str) -> html.Span:
    """A small ⓘ after a figure whose popover (on click or focus) says the caveat in full: the figure
    stays readable at the wall and the note is one tap away, not a paragraph under the chart."""
    lines = [note] if isinstance(note, str) else note
    return html.Span(
        [
            html.Span(
                html.I(className="bi bi-info-circle"),
                id=mark_id,
                className="caveat-mark",
                role="button",
                tabIndex="0",
                title=t("data_quality.mark", lang),
            ),
            dbc.Popover(
                dbc.PopoverBody([html.P(line, className="mb-1") for line in lines]),
                target=mark_id,
                trigger="legacy",
                placement="top",
                id=f"{mark_id}-popover",
            ),
        ],
        className="caveat-mark-wrap",
    )
