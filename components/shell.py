"""The page shell shared by every page: navbar, year selector, theme and language toggles, footer."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import dcc, html

from components.i18n import t
from components.static_html import StaticHtml, to_html

THEME_STORE = "shell-theme"
THEME_TOGGLE = "shell-theme-toggle"
LOCATION = "shell-url"
YEAR_SLOT = "shell-years"
YEAR_CHOICE = "shell-year-choice"
YEAR_LINKS = "shell-year-links"
LANGUAGE_LINK = "shell-language"
ERROR_ALERT = "shell-error"
LOGOUT_BUTTON = "shell-logout"
# Dash's own Location, which its page router reads the path from.
PAGES_LOCATION = "_pages_location"
# The query the page router reads instead of the Location's (app.py `routing_callback_inputs`), and the
# paths of the pages that follow their own query in place (`follows_query` in their `register_page`).
ROUTED_SEARCH = "shell-routed-search"
QUERY_PAGES = "shell-query-pages"


@dataclass(frozen=True)
class NavItem:
    href: str
    label: str
    icon: str


def user_menu(username: str, role: str, csrf: str, lang: str) -> html.Form:
    """Who is signed in, and a sign-out button (a POST with the session's anti-forgery token)."""
    return html.Form(
        [
            html.Span(
                [html.I(className="bi bi-person-circle me-1"), html.Span(username, className="user-name-label")],
                className="user-name",
                title=f"{username} · {role}",
            ),
            dcc.Input(type="hidden", name="csrf", value=csrf),
            html.Button(
                [
                    html.I(className="bi bi-box-arrow-right"),
                    html.Span(t("auth.logout", lang), className="logout-label ms-1"),
                ],
                type="submit",
                id=LOGOUT_BUTTON,
                title=t("auth.logout", lang),
                className="btn btn-sm btn-outline-secondary ms-2",
                **{"aria-label": t("auth.logout", lang)},
            ),
        ],
        action="/logout",
        method="POST",
        className="user-menu d-flex align-items-center ms-3",
    )


def navbar(items: list[NavItem], lang: str, user: html.Form | None = None) -> dbc.Navbar:
    links = [
        dbc.NavItem(
            dbc.NavLink(
                [
                    html.I(className=f"bi {item.icon} me-1", title=item.label),
                    html.Span(item.label, className="nav-label"),
                ],
                href=item.href,
                active="exact",
            )
        )
        for item in items
    ]
    controls = html.Div(
        [
            html.Div(id=YEAR_SLOT, className="year-selector me-3", **{"aria-label": t("shell.year", lang)}),
            html.Button(
                html.I(className="bi bi-circle-half"),
                id=THEME_TOGGLE,
                n_clicks=0,
                type="button",
                className="me-2 btn btn-sm btn-outline-secondary",
                title=t("shell.theme_toggle", lang),
                **{"aria-label": t("shell.theme_toggle", lang)},
            ),
            html.A(
                t("shell.language_switch", lang),
                id=LANGUAGE_LINK,
                href=f"/lang/{'en' if lang == 'vi' else 'vi'}",
                className="btn btn-sm btn-outline-secondary",
            ),
            user,
        ],
        className="d-flex align-items-center ms-auto",
    )
    return dbc.Navbar(
        dbc.Container(
            [
                dcc.Link(
                    [
                        html.I(className="bi bi-bar-chart-line-fill me-2"),
                        html.Span(t("app.title", lang), className="brand-text"),
                    ],
                    href="/",
                    className="navbar-brand d-flex align-items-center",
                ),
                dbc.Nav(links, className="me-auto", navbar=True),
                controls,
            ],
            fluid=True,
        ),
        className="shell-navbar",
        expand="lg",
    )


VISIBLE_YEARS = 3
"""How many of the latest years the navbar shows as links; older ones go to the "Năm khác" menu."""


def year_link(year: int, selected: int | None, pathname: str, query: dict[str, str]) -> dcc.Link:
    """A link to the same page and filters for another year (client-side navigation, no reload)."""
    return dcc.Link(
        str(year),
        href=f"{pathname}?{urlencode({**query, 'year': year})}",
        className="year-link active" if year == selected else "year-link",
    )


def year_links(years: list[int], selected: int | None, pathname: str, query: dict[str, str], lang: str) -> list:
    """The latest years as links, older ones in a compact menu, so the navbar fits however many years there are.

    The selected year is always a visible link, even when it is an old one, so the reader sees which
    year the page shows without opening the menu. A single overflow year is not worth a menu.
    """
    if not years:
        return []
    ordered = sorted(set(years))
    shown = ordered[-VISIBLE_YEARS:] if len(ordered) > VISIBLE_YEARS + 1 else ordered
    if selected in ordered and selected not in shown:
        shown = sorted([*shown, selected])
    older = [year for year in ordered if year not in shown]
    children: list = [html.Span(t("shell.year", lang), className="year-label me-2")]
    if older:
        menu = html.Div(
            [year_link(year, selected, pathname, query) for year in reversed(older)],
            className="year-menu-list",
        )
        children.append(
            html.Details(
                [html.Summary(t("shell.other_years", lang), className="year-menu-toggle"), menu],
                className="year-menu",
                id="shell-year-menu",
            )
        )
    children.extend(year_link(year, selected, pathname, query) for year in shown)
    return children


def year_selector(
    years: list[int],
    default: int | None,
    asked: int | None,
    *,
    pathname: str,
    search: str,
    query: dict[str, str],
    lang: str,
) -> list:
    """The year links of the page at `pathname`, `asked` (the URL's `?year=`) or else the page's `default`
    selected, and what the browser needs to redraw them itself.

    The server draws them when the path changes (another page has other years, and its own default
    year); a change of the query alone (a year link, a level chosen on the page) is redrawn in the
    browser by `shell.yearLinks` (assets/20-shell.js) from `YEAR_CHOICE`, with no request. That
    script repeats `year_links`'s rules, so tests/browser/test_filter_requests.py holds the two equal.
    """
    choice = {
        "pathname": pathname,
        "search": search,
        "years": sorted(set(years)),
        "default": default,
        "visible": VISIBLE_YEARS,
        "labels": {"year": t("shell.year", lang), "other": t("shell.other_years", lang)},
    }
    # One element written as HTML (`display: contents`: the links stay the year selector's own flex items):
    # a year chosen rewrites its HTML in place, where links as components were mounted anew at each change,
    # on the way to the page's own request.
    links = to_html(year_links(years, default if asked is None else asked, pathname, query, lang))
    return [
        dcc.Store(id=YEAR_CHOICE, data=choice),
        StaticHtml(id=YEAR_LINKS, className="static-contents", html=links),
    ]


def error_alert() -> dbc.Alert:
    """Where an unexpected callback failure is reported, in words, instead of a silent blank."""
    return dbc.Alert(id=ERROR_ALERT, is_open=False, dismissable=True, color="danger", className="shell-error")


def footer(source_titles: list[str] | None, lang: str) -> html.Footer:
    """The documents the pages cite; `None` when the database did not answer, which is not the same as
    a province whose figures cite no loaded document (each figure still names its source below it)."""
    if source_titles:
        listing = html.Ul(
            [html.Li(title) for title in source_titles], className="footer-sources", title=" · ".join(source_titles)
        )
    elif source_titles is None:
        listing = html.Div(t("shell.sources_unavailable", lang))
    else:
        listing = html.Div(t("shell.sources_none", lang))
    return html.Footer(
        [html.Span(t("shell.sources", lang) + ":", className="fw-semibold"), listing], className="shell-footer"
    )


def message_panel(
    title: str,
    body: str,
    *,
    icon: str = "bi-exclamation-triangle",
    element_id: str = "page-message",
    action: object = None,
) -> html.Div:
    """An explanation in place of content: no data, a bad parameter, a database that does not answer.

    `action` is an optional way out, such as a link back to the overview.
    """
    return html.Div(
        [html.I(className=f"bi {icon} construction-icon"), html.H2(title), html.P(body), action],
        className="empty-state",
        id=element_id,
        role="alert",
    )
