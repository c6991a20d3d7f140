"""`/admin/audit`: the audit log, for administrators only. `?kind=`, `?user=` and `?days=` filter it."""

from __future__ import annotations

from typing import NamedTuple

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from auth import audit
from auth.policy import ADMIN_ONLY
from components.audit import audit_export, audit_table
from components.i18n import t
from components.loading import slow_work
from components.shell import message_panel
from pages._context import BadParameter, language, page_title, query_string, whole_number
from pages._kit import download_buttons, explained, register_download

dash.register_page(
    __name__,
    path="/admin/audit",
    title=page_title("title.audit"),
    order=7,
    nav_key="nav.audit",
    nav_icon="bi-journal-text",
    access=ADMIN_ONLY,
    year_options=list,  # the log has no years: the shell shows no year selector here
)

URL = "audit-url"
QUERY = "audit-query"
KIND = "audit-kind"
USER = "audit-user"
DAYS = "audit-days"
CONTENT = "audit-content"
DOWNLOAD = "audit-download"
DAY_CHOICES = (1, 7, 30, 90, 365)
DEFAULT_DAYS = 30
LIMIT = 500
ALL = "all"


class Filter(NamedTuple):
    kinds: tuple[str, ...]
    username: str
    days: int


def parse_filter(query: dict, lang: str) -> Filter:
    """The URL's filter, checked: an unknown kind or a day count out of range is explained, not obeyed."""
    kind = query.get("kind") or ALL
    if kind != ALL and kind not in audit.KINDS:
        raise BadParameter(
            message_panel(t("audit.title", lang), t("audit.bad_kind", lang, kind=kind), icon="bi-funnel")
        )
    raw_days = str(query.get("days") or DEFAULT_DAYS)
    days = whole_number(raw_days)
    if days is None or not 1 <= days <= max(DAY_CHOICES):
        raise BadParameter(
            message_panel(
                t("audit.title", lang), t("audit.bad_days", lang, days=raw_days, max=max(DAY_CHOICES)), icon="bi-funnel"
            )
        )
    return Filter(audit.KINDS if kind == ALL else (kind,), (query.get("user") or "").strip()[:80], days)


def layout(kind: str | None = None, user: str | None = None, days: str | None = None, **_query: str) -> html.Div:
    lang = language()
    kinds = [{"label": t("audit.filter.all", lang), "value": ALL}]
    kinds += [{"label": t(f"audit.kind.{k}", lang), "value": k} for k in audit.KINDS]
    controls = dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(t("audit.filter.kind", lang), html_for=KIND),
                    dbc.Select(id=KIND, options=kinds, value=kind or ALL),
                ],
                md=3,
            ),
            dbc.Col(
                [
                    dbc.Label(t("audit.filter.user", lang), html_for=USER),
                    dbc.Input(id=USER, value=user or "", debounce=True, type="search"),
                ],
                md=3,
            ),
            dbc.Col(
                [
                    dbc.Label(t("audit.filter.days", lang), html_for=DAYS),
                    dbc.Select(
                        id=DAYS,
                        options=[{"label": str(d), "value": str(d)} for d in DAY_CHOICES],
                        value=days or str(DEFAULT_DAYS),
                    ),
                ],
                md=2,
            ),
            dbc.Col(
                download_buttons(DOWNLOAD, lang, title=t("audit.title", lang)),
                md=4,
                className="d-flex align-items-end justify-content-md-end mt-2",
            ),
        ],
        className="g-3 mb-3",
    )
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            dcc.Store(id=QUERY, data={"kind": kind, "user": user, "days": days}),
            html.H1(t("audit.title", lang), className="page-title"),
            html.P(t("audit.lead", lang), className="text-body-secondary"),
            controls,
            slow_work(dbc.Card(dbc.CardBody(html.Div(id=CONTENT)), className="ioc-card"), delay_show=0),
        ],
        className="page-audit",
    )


@callback(
    Output(URL, "search"),
    Input(KIND, "value"),
    Input(USER, "value"),
    Input(DAYS, "value"),
    prevent_initial_call=True,
)
def write_filter(kind: str | None, user: str | None, days: str | None) -> str:
    """The filter lives in the URL, so a view of the log can be bookmarked and shared."""
    return query_string({"kind": None if kind == ALL else kind, "user": user, "days": days})


def _events(query: dict | None, lang: str):
    wanted = parse_filter(query or {}, lang)
    return audit.events(kinds=wanted.kinds, username=wanted.username, days=wanted.days, limit=LIMIT)


@callback(Output(CONTENT, "children"), Input(QUERY, "data"))
@explained()
def show_events(query: dict | None) -> list:
    lang = language()
    frame = _events(query, lang)
    count = html.P(t("audit.count", lang, shown=len(frame), limit=LIMIT), className="small text-body-secondary")
    return [count, audit_table(frame, lang)]


def events_file(lang: str, query: dict | None):
    """The filtered log as a file; user names typed at the sign-in form are neutralised like any text."""
    return audit_export(_events(query, lang), lang), "nhat-ky-truy-cap"


register_download(DOWNLOAD, events_file, State(QUERY, "data"))
