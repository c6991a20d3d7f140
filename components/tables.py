"""Compact tables for the wall screen: exact numbers beside the charts, readable without hovering."""

from __future__ import annotations

import pandas as pd
from dash import html

from components.formatting import format_percent, format_points
from components.theme import pillar_color


def pillar_points_table(pillars: pd.DataFrame, *, lang: str, name_column: str, headers: list[str]) -> html.Table:
    """One row per pillar: colour, name, points of maximum, share. `pillars` has `pillar_code`,
    `points`, `max_points`, `share` and the name column."""
    rows = [
        html.Tr(
            [
                html.Td(html.Span(className="pillar-swatch", style={"background": pillar_color(row.pillar_code)})),
                html.Td(getattr(row, name_column), className="pillar-name"),
                html.Td(f"{format_points(row.points, lang)}/{format_points(row.max_points, lang)}", className="num"),
                html.Td(format_percent(row.share * 100, 1, lang), className="num fw-semibold"),
            ]
        )
        for row in pillars.itertuples()
    ]
    head = html.Thead(
        html.Tr([html.Th(""), *[html.Th(h, className="num" if i else "") for i, h in enumerate(headers)]])
    )
    return html.Table([head, html.Tbody(rows)], className="pillar-table")
