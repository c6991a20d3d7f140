"""The page's card: a title, its content, notes, and the sources of what it shows underneath.

Every chart names its sources; one builder keeps the cards of every page alike.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html


def source_card(
    title: object,
    body: object,
    *,
    source: str | list[str] = "",
    notes: list | None = None,
    header_extra: object = None,
    card_id: str | None = None,
    fill: bool = False,
) -> dbc.Card:
    """A card of the page. `fill` lets the body take the card's height (a graph sized by its box);
    `header_extra` sits beside the title (a summary); `source` is one citation or several."""
    head = html.Div(title, className="card-title-ioc")
    if header_extra is not None:
        head = html.Div([head, header_extra], className="card-header-ioc")
    content = body if isinstance(body, list) else [body]
    if fill:
        content = [html.Div(body, className="card-body-ioc")]
    sources = [source] if isinstance(source, str) else source
    children = [head, *content, *(notes or [])]
    children += source_notes(sources)
    extra = {"id": card_id} if card_id else {}
    return dbc.Card(dbc.CardBody(children, className="d-flex flex-column"), className="ioc-card h-100", **extra)


def source_notes(sources: list[str]) -> list[html.Div]:
    """A card's source lines; a page that replaces them on their own builds them here too."""
    return [html.Div(text, className="source-note", title=text) for text in sources if text]
