"""Who lags: the weakest departments and districts as compact linked lists for the overview.

Pure builders: the frames of data_access.laggards in, Dash components out. Each unit links to its
own page, so a leader goes from "who" to "why" in one click.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from dash import dcc, html

from components.formatting import format_percent, format_points
from components.i18n import t
from components.theme import group_color
from domain.text import localized_column


def unit_href(unit_code: str, year: int) -> str:
    """A unit's page for the year shown."""
    return f"/units/{unit_code}?year={year}"


def _detail(row: Mapping, on_pillar: bool, lang: str) -> str:
    if on_pillar:
        return t(
            "laggards.lost",
            lang,
            points=format_points(row["missing"], lang),
            max=format_points(row["max_points"], lang),
        )
    if not row["next_group"]:
        return t("laggards.top_group", lang)
    return t("laggards.to_next", lang, points=format_points(row["missing"], lang), group=row["next_group"])


def laggard_list(
    frame: pd.DataFrame, *, level: str, year: int, lang: str, on_pillar: bool, empty_text: str
) -> html.Div:
    """One level's weakest units, weakest first: name (a link), % of maximum, what it misses."""
    heading = html.Div(t(f"laggards.{level}", lang), className="laggards-level")
    if frame.empty:
        return html.Div([heading, html.Div(empty_text, className="laggards-empty")], id=f"overview-laggards-{level}")
    names = localized_column(frame, "unit_name", lang)
    items = []
    for row, name in zip(frame.to_dict("records"), names, strict=True):
        code = row["group_code"]
        items.append(
            html.Li(
                dcc.Link(
                    [
                        html.Span(name, className="laggard-name", title=name),
                        html.Span(
                            format_percent(row["share"] * 100, 1, lang),
                            className="laggard-share",
                            style={"color": group_color(code)} if code else None,
                        ),
                        html.Span(_detail(row, on_pillar, lang), className="laggard-detail"),
                    ],
                    href=unit_href(row["unit_code"], year),
                    className="laggard-link",
                    id=f"overview-laggard-{row['unit_code']}",
                ),
                className="laggard-item",
            )
        )
    return html.Div([heading, html.Ol(items, className="laggard-list")], id=f"overview-laggards-{level}")


def laggards_body(
    lists: Mapping[str, pd.DataFrame],
    *,
    year: int,
    lang: str,
    pillar_name: str | None,
    clear_href: str,
    not_scored: set[str] = frozenset(),
) -> html.Div:
    """The lists of each level, on the total or (with `pillar_name`) on one index, with a way back."""
    on_pillar = pillar_name is not None
    children = []
    if on_pillar:
        children.append(
            dcc.Link(
                t("laggards.show_total", lang),
                href=clear_href,
                className="laggards-clear",
                id="overview-laggards-clear",
            )
        )
    for level, frame in lists.items():
        empty = t("laggards.not_scored" if level in not_scored else "laggards.none", lang, year=year)
        children.append(laggard_list(frame, level=level, year=year, lang=lang, on_pillar=on_pillar, empty_text=empty))
    return html.Div(children, className="laggards", id="overview-laggards")
