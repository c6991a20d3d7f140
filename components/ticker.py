"""The wall's ticker: one line of what happened since the last look (a new import, which dataset and
when; a change of rank; a target newly at risk). Pure: alert dicts (`domain.alerts.Alert.as_dict`)
in, Dash components out."""

from __future__ import annotations

from datetime import datetime

from dash import html

from components.formatting import format_rank
from components.i18n import t
from components.theme import TREND_COLORS
from domain.alerts import IMPORT, RANK, RISK

ICONS = {IMPORT: "bi-cloud-arrow-up-fill", RANK: "bi-trophy-fill", RISK: "bi-exclamation-triangle-fill"}


def local_time(iso: str) -> str:
    """ "10:15 29/11/2026" from an ISO time already in Vietnam's zone."""
    return datetime.fromisoformat(iso).strftime("%H:%M %d/%m/%Y") if iso else ""


def _rank_text(alert: dict, lang: str) -> tuple[str, str | None]:
    current = format_rank(alert["current"], alert["rank_of"])
    if alert["previous"] is None:
        return t("ticker.rank_first", lang, year=alert["year"], current=current), None
    colour = TREND_COLORS["up" if alert["current"] < alert["previous"] else "down"]
    if alert["previous_year"] is not None:
        return t(
            "ticker.rank_new_year",
            lang,
            year=alert["year"],
            current=current,
            previous_year=alert["previous_year"],
            previous=alert["previous"],
        ), colour
    return t("ticker.rank", lang, year=alert["year"], previous=alert["previous"], current=current), colour


def alert_text(alert: dict, lang: str) -> tuple[str, str | None]:
    """The alert's words and, for a rank, the colour of its direction."""
    if alert["kind"] == IMPORT:
        return t("ticker.import", lang, scope=alert["scope"] or alert["dataset"], time=local_time(alert["at"])), None
    if alert["kind"] == RANK:
        return _rank_text(alert, lang)
    return t("ticker.risk", lang, name=alert["name"]), TREND_COLORS["down"]


def ticker_bar(
    alerts: list[dict], *, seen_at: str | None, first: bool, lang: str, element_id: str, limit: int | None = None
) -> html.Div:
    """The ticker: the alerts, newest last, each with its icon (the newest `limit` where the slot is
    small, "+N" for the others, named in its tooltip); else that nothing is new since the last look
    (`seen_at`, ISO Vietnam time) or that this is the first look on this browser."""
    label = html.Span(t("ticker.label", lang), className="ticker-label", title=t("ticker.label_title", lang))
    if alerts:
        shown = alerts[-limit:] if limit else alerts
        items: list = []
        if len(shown) < len(alerts):
            hidden = [alert_text(alert, lang)[0] for alert in alerts[: len(alerts) - len(shown)]]
            items.append(html.Span(f"+{len(hidden)}", className="ticker-more", title="\n".join(hidden)))
        for alert in shown:
            text, colour = alert_text(alert, lang)
            items.append(
                html.Span(
                    [html.I(className=f"bi {ICONS[alert['kind']]} me-1"), text],
                    className=f"ticker-item ticker-{alert['kind']}",
                    style={"color": colour} if colour else None,
                    title=text,
                )
            )
        body = html.Span(items, className="ticker-items")
    elif first:
        body = html.Span(t("ticker.first", lang), className="ticker-quiet")
    else:
        body = html.Span(t("ticker.nothing", lang, time=local_time(seen_at or "")), className="ticker-quiet")
    return html.Div(
        [label, body],
        className="wall-ticker" + (" has-alerts" if alerts else ""),
        id=element_id,
        role="status",
        **{"data-count": str(len(alerts))},
    )
