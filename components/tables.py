"""Compact tables for the wall screen: exact numbers beside the charts, readable without hovering."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from dash import html

from components.formatting import format_percent, format_points
from components.theme import pillar_color


def pillar_points_table(
    pillars: pd.DataFrame,
    *,
    lang: str,
    name_column: str,
    headers: list[str],
    flagged: set[str] = frozenset(),
    changes: Mapping[str, object] | None = None,
) -> html.Table:
    """One row per pillar: colour, name, points of maximum, share. `pillars` has `pillar_code`,
    `points`, `max_points`, `share`, `note` and the name column.

    Pillars in `flagged` get an asterisk whose tooltip is the row's note, so a caveat of the
    source (an inferred attribution) stays next to the figure it qualifies. With `changes`
    (pillar code → a cell, and one more header), a last column shows each pillar's change since
    the year before ("—" for a pillar not scored both years).
    """
    rows = [
        html.Tr(
            [
                html.Td(html.Span(className="pillar-swatch", style={"background": pillar_color(row.pillar_code)})),
                html.Td(
                    [
                        getattr(row, name_column),
                        html.Sup("*", className="flag-mark", title=row.note) if row.pillar_code in flagged else None,
                    ],
                    className="pillar-name",
                ),
                html.Td(f"{format_points(row.points, lang)}/{format_points(row.max_points, lang)}", className="num"),
                html.Td(format_percent(row.share * 100, 1, lang), className="num fw-semibold"),
                *([html.Td(changes.get(row.pillar_code, "—"), className="num")] if changes else []),
            ]
        )
        for row in pillars.itertuples()
    ]
    head = html.Thead(
        html.Tr([html.Th(""), *[html.Th(h, className="num" if i else "") for i, h in enumerate(headers)]])
    )
    return html.Table([head, html.Tbody(rows)], className="pillar-table")
