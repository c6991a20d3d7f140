"""Builders for the reorganisations: the note on an ended unit's page, a successor's history across
its merger (the predecessors' lines leading into the successor's), and its table and file, where
every computed figure says what it was computed from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components.formatting import figure_text, format_number, format_rank
from components.i18n import t
from components.theme import PEER_COLORS, SERIES_COLORS, base_layout, ink
from domain.clock import day_month_year
from domain.text import localized

# The DTI index is printed to 4 decimals.
INDEX_DECIMALS = 4


def format_date(iso: str, lang: str) -> str:
    """An ISO date as the reader writes it: 01/07/2025 in Vietnamese, 2025-07-01 in English."""
    return day_month_year(iso) if lang == "vi" else iso


def ended_note(ended: Mapping, *, unit_name: str, lang: str) -> html.Div:
    """Where an ended unit went, with a link to its successor's page."""
    successor = localized(ended, "successor_name", lang)
    return html.Div(
        [
            html.I(className="bi bi-signpost-split me-2"),
            html.Span(
                t(
                    "reorg.ended",
                    lang,
                    unit=unit_name,
                    successor=successor,
                    date=format_date(ended["effective_date"], lang),
                    first=ended["first_ranked_year"],
                    last=ended["last_ranked_year"],
                )
            ),
            " ",
            dcc.Link(
                t("reorg.ended_link", lang, successor=successor),
                href=f"/units/{ended['successor']}",
                id="units-successor-link",
            ),
        ],
        className="units-ended-note",
        id="units-ended-note",
    )


def computed_from_text(names: Sequence[str], lang: str) -> str:
    """ "tính từ Đồng Nai, Bình Phước" / "computed from …": the mark of a figure computed from predecessors."""
    return t("reorg.computed_from", lang, names=", ".join(names))


def _line_label(row, names: Sequence[str], first: int, lang: str) -> str:
    name = localized(row, "unit_name", lang)
    if row.role == "predecessor":
        return t("reorg.line_before", lang, unit=name, year=first - 1)
    return t("reorg.line_computed", lang, unit=name, names=", ".join(names)) if row.computed else name


def merger_figure(
    history: pd.DataFrame, *, predecessor_names: Sequence[str], first: int, theme: str, lang: str
) -> go.Figure:
    """The DTI index per year: each predecessor's line up to its last ranked year, the successor's
    computed line (dashed) joining its published one (solid) from its first ranked year."""
    colors = ink(theme)
    figure = go.Figure()
    valued = history[history["value"].notna()]
    successor = valued[valued["role"] == "successor"]
    published = successor[~successor["computed"]]
    for index, (code, line) in enumerate(valued[valued["role"] == "predecessor"].groupby("unit_code", sort=False)):
        label = _line_label(line.iloc[0], predecessor_names, first, lang)
        color = PEER_COLORS[index % len(PEER_COLORS)]
        if not published.empty:  # the predecessor's last value leads into the successor's first
            figure.add_trace(
                go.Scatter(
                    x=[line["year"].iloc[-1], published["year"].iloc[0]],
                    y=[line["value"].iloc[-1], published["value"].iloc[0]],
                    mode="lines",
                    line={"color": color, "width": 1, "dash": "dot"},
                    showlegend=False,
                    hoverinfo="skip",
                    legendgroup=code,
                )
            )
        figure.add_trace(
            go.Scatter(
                x=line["year"],
                y=line["value"],
                mode="lines+markers",
                name=figure_text(label),
                line={"color": color, "width": 2},
                hovertemplate=f"{figure_text(label)}<br>%{{x}}: %{{y:.4f}}<extra></extra>",
                legendgroup=code,
            )
        )
    computed = successor[successor["computed"]]
    if not computed.empty:
        label = _line_label(computed.iloc[0], predecessor_names, first, lang)
        joined = pd.concat([computed, successor[~successor["computed"]].head(1)])
        figure.add_trace(
            go.Scatter(
                x=joined["year"],
                y=joined["value"],
                mode="lines+markers",
                name=figure_text(label),
                line={"color": SERIES_COLORS["focus"], "width": 2, "dash": "dash"},
                marker={"symbol": "circle-open", "size": 9},
                hovertemplate=f"{figure_text(label)}<br>%{{x}}: %{{y:.4f}}<extra></extra>",
            )
        )
    if not published.empty:
        label = _line_label(published.iloc[0], predecessor_names, first, lang)
        figure.add_trace(
            go.Scatter(
                x=published["year"],
                y=published["value"],
                mode="lines+markers",
                name=figure_text(label),
                line={"color": SERIES_COLORS["focus"], "width": 3},
                marker={"size": 11},
                hovertemplate=f"{figure_text(label)}<br>%{{x}}: %{{y:.4f}}<extra></extra>",
            )
        )
    layout = base_layout(theme, lang)
    layout.update(
        xaxis={"dtick": 1, "showgrid": False, "tickformat": "d"},
        yaxis={"title": {"text": t("reorg.axis", lang)}, "gridcolor": colors["grid"], "tickformat": ".2f"},
        showlegend=True,
        legend={"orientation": "h", "y": -0.2, "font": {"color": colors["text"]}},
        margin={"l": 60, "r": 20, "t": 20, "b": 60},
        shapes=[
            {
                "type": "line",
                "x0": first - 0.5,
                "x1": first - 0.5,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": colors["muted"], "dash": "dot", "width": 1},
            }
        ],
    )
    figure.update_layout(layout)
    return figure


def merger_rows(history: pd.DataFrame, *, predecessor_names: Sequence[str], first: int, lang: str) -> pd.DataFrame:
    """The history as rows a reader (and the file) reads: unit, year, index, rank, and for a computed
    value the predecessors it comes from."""
    labels = [_line_label(row, predecessor_names, first, lang) for row in history.itertuples()]
    return pd.DataFrame(
        {
            t("reorg.col_unit", lang): labels,
            t("reorg.col_year", lang): history["year"].astype(int).tolist(),
            t("reorg.col_value", lang): [None if pd.isna(v) else float(v) for v in history["value"]],
            t("reorg.col_rank", lang): [
                None if pd.isna(r) else format_rank(int(r), None if pd.isna(f) else int(f))
                for r, f in zip(history["rank"], history["rank_of"], strict=True)
            ],
            t("reorg.col_note", lang): [
                computed_from_text(predecessor_names, lang) if c else t("reorg.published", lang)
                for c in history["computed"]
            ],
        }
    )


def merger_table(rows: pd.DataFrame, lang: str) -> html.Table:
    """The rows of `merger_rows` as the page's table; computed rows are marked and styled apart."""
    note = t("reorg.col_note", lang)
    value = t("reorg.col_value", lang)
    head = html.Thead(html.Tr([html.Th(c, className="num" if c == value else None) for c in rows.columns]))
    body = []
    for record in rows.to_dict("records"):
        computed = record[note] != t("reorg.published", lang)
        cells = []
        for column, cell in record.items():
            if column == value:
                shown = format_number(cell, INDEX_DECIMALS, lang)
                cells.append(html.Td(shown, className="num"))
            else:
                cells.append(html.Td("—" if cell is None or pd.isna(cell) else str(cell)))
        body.append(html.Tr(cells, className="reorg-computed" if computed else None))
    return html.Table([head, html.Tbody(body)], className="pillar-table reorg-history-table", id="units-merger-table")
