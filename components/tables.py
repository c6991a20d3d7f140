"""Compact tables for the wall screen: exact numbers beside the charts, readable without hovering."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from dash import html

from components.data_quality import caveat_mark
from components.formatting import format_percent, format_points


def pillar_points_table(
    pillars: pd.DataFrame,
    *,
    lang: str,
    name_column: str,
    headers: list[str],
    caveats: Mapping[str, list[str]] | None = None,
    id_prefix: str = "pillar-table",
    changes: Mapping[str, object] | None = None,
) -> html.Table:
    """One row per pillar: name, points of maximum, share. `pillars` has `pillar_code`, `points`,
    `max_points`, `share` and the name column.

    A pillar with lines in `caveats` gets a small ⓘ whose popover says them, so a caveat of the
    source stays next to the figure it qualifies without a paragraph under the table. No colour
    swatch: the radar beside the table draws the unit in one colour, so a swatch would read as a key.
    With `changes` (pillar code → a cell, and one more header), a last column shows each pillar's
    change since the year before ("—" for a pillar not scored both years), and the table is `.with-changes`.
    """
    caveats = caveats or {}
    rows = [
        html.Tr(
            [
                html.Td(
                    [
                        getattr(row, name_column),
                        caveat_mark(
                            caveats[row.pillar_code], mark_id=f"{id_prefix}-caveat-{row.pillar_code}", lang=lang
                        )
                        if caveats.get(row.pillar_code)
                        else None,
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
    head = html.Thead(html.Tr([html.Th(h, className="num" if i else "") for i, h in enumerate(headers)]))
    return html.Table([head, html.Tbody(rows)], className="pillar-table with-changes" if changes else "pillar-table")
