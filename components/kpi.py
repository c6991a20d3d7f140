"""KPI cards and the change badge of the IOC screen."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from components.i18n import t
from components.theme import TREND_COLORS
from domain.records import Change


def kpi_card(label: str, value: str, *, value_id: str, footer: object = None, source: str = "") -> dbc.Card:
    """A large number with its label; the source sits in the card so the figure can say where it came from."""
    body = [html.Div(label, className="kpi-label"), html.Div(value, id=value_id, className="kpi-value")]
    if footer is not None:
        body.append(html.Div(footer, className="kpi-footer"))
    if source:
        body.append(html.Div(source, className="source-note", title=source))
    return dbc.Card(dbc.CardBody(body), className="kpi-card h-100")


def rank_change_badge(change: Change, previous_year: int | None, lang: str) -> html.Div:
    """ "2021: 9 → 2022: 12" with an arrow and the places gained or lost (a lower rank is better)."""
    places = change.rank_places
    if previous_year is None or places is None:
        return html.Div(t("overview.no_previous", lang), className="rank-change text-muted", id="overview-rank-change")
    if places > 0:
        trend, icon, words = "up", "bi-arrow-up-circle-fill", t("overview.up", lang, n=places)
    elif places < 0:
        trend, icon, words = "down", "bi-arrow-down-circle-fill", t("overview.down", lang, n=-places)
    else:
        trend, icon, words = "flat", "bi-dash-circle-fill", t("overview.flat", lang)
    return html.Div(
        [
            html.I(className=f"bi {icon} me-2", style={"color": TREND_COLORS[trend]}),
            html.Span(f"{change.previous_rank} → {change.current_rank}", className="rank-change-ranks"),
            html.Span(f" ({words})", className="rank-change-words", style={"color": TREND_COLORS[trend]}),
        ],
        className=f"rank-change rank-change-{trend}",
        id="overview-rank-change",
        title=t("overview.change", lang, year=previous_year),
    )


def series_legend(items: list[tuple[str, str, str]]) -> html.Div:
    """A legend in HTML, (label, colour, "solid" | "dotted") per series: it wraps with the card
    instead of overlapping the chart as plotly's legend does in a narrow panel."""
    return html.Div(
        [
            html.Span(
                [html.Span(className=f"legend-line legend-{style}", style={"borderColor": color}), label],
                className="legend-item",
            )
            for label, color, style in items
        ],
        className="series-legend",
    )
