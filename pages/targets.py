"""`/targets`: progress towards a plan's targets, one gauge per target, and figures sources disagree on."""

from __future__ import annotations

from typing import NamedTuple

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html
from sqlalchemy.exc import SQLAlchemyError

from components.citations import cite
from components.downloads import download_buttons, file_payload
from components.i18n import t
from components.shell import THEME_STORE, message_panel
from components.targets import (
    disagreement_cards,
    disagreements_export,
    pillar_section,
    section_label,
    summary_strip,
    target_card,
    targets_export,
)
from components.theme import DEFAULT_THEME
from data_access import queries
from data_access.db import DatabaseUnavailable
from data_access.targets import (
    STATUSES,
    TargetsView,
    UnknownFilter,
    build_targets_view,
    pillar_names,
    plan_years,
    status_counts,
)
from pages._context import BadParameter, database_unavailable, language, query_string, resolve_year, source_titles

PATH = "/targets"

dash.register_page(
    __name__,
    path=PATH,
    title="DTI — Mục tiêu",
    order=4,
    nav_key="nav.targets",
    nav_icon="bi-flag",
    year_options=plan_years,
)

URL = "targets-url"
QUERY_STORE = "targets-query"
HEADING = "targets-heading"
CONTENT = "targets-content"
PILLAR_SELECT = "targets-pillar"
STATUS_SELECT = "targets-status"
TABLE_DOWNLOAD = "targets-table"
DISAGREEMENT_DOWNLOAD = "targets-disagreements"
EXPORT_LANGUAGE = "vi"
# The filters' "all" choice; dbc.Select keeps the empty value for its own placeholder.
ALL = "all"


class Selection(NamedTuple):
    """The plan year's view for the URL, with the names the page needs to label it (a NamedTuple:
    Dash loads page modules outside `sys.modules`, where dataclasses cannot resolve their module)."""

    view: TargetsView
    unit_name: str
    pillar_names: dict[str, dict[str, str]]

    def labels(self, lang: str) -> dict[str, str]:
        """Plan section (pillar) code → label, in the plan's order."""
        return {code: section_label(code, lang, self.pillar_names) for code in self.view.pillar_codes}


def _bad_filter(unknown: UnknownFilter, names: dict[str, dict[str, str]], lang: str) -> BadParameter:
    if unknown.name == "pillar":
        key = "targets.bad_pillar"
        choices = [f"{code} ({section_label(code, lang, names)})" for code in unknown.choices]
    else:
        key = "targets.bad_status"
        choices = [f"{code} ({t(f'targets.status.{code}', lang)})" for code in unknown.choices]
    return BadParameter(
        message_panel(
            t("targets.bad_filter_title", lang),
            t(key, lang, value=unknown.value, choices=", ".join(choices)),
            icon="bi-funnel",
        )
    )


def select_view(query: dict, lang: str) -> Selection:
    """The view for the URL's `year`, `pillar` and `status`; `BadParameter` with a friendly panel
    when one of them is not in the data."""
    years = plan_years()
    if not years:
        raise BadParameter(message_panel(t("targets.no_plan_title", lang), t("targets.no_plans", lang)))
    year = resolve_year(query.get("year"), lang, years=years)
    focus = queries.focus_unit_code()
    info = queries.unit(focus) if focus else None
    if info is None:
        raise BadParameter(message_panel(t("error.database_title", lang), t("error.no_focus", lang)))
    unit_name = (info["name_en"] if lang == "en" else "") or info["name_vi"]
    names = pillar_names(info["kind"])
    try:
        view = build_targets_view(year, focus, pillar=query.get("pillar"), status=query.get("status"))
    except UnknownFilter as unknown:
        raise _bad_filter(unknown, names, lang) from unknown
    if view.targets.empty:
        raise BadParameter(
            message_panel(
                t("targets.no_plan_title", lang),
                t("targets.no_plan", lang, unit=unit_name, year=year, years=", ".join(map(str, years))),
                icon="bi-calendar-x",
            )
        )
    return Selection(view=view, unit_name=unit_name, pillar_names=names)


def _pillar_options(query: dict, lang: str) -> list[dict]:
    """The plan's sections for the pillar filter; none when the URL or the database cannot give them
    (the content then explains why)."""
    try:
        selection = select_view({"year": query.get("year")}, lang)
    except (BadParameter, DatabaseUnavailable, SQLAlchemyError):
        return []
    return [{"label": label, "value": code} for code, label in selection.labels(lang).items()]


def _filter_select(element_id: str, label: str, options: list[dict], value: str | None, lang: str) -> html.Div:
    choices = [{"label": t("targets.filter_all", lang), "value": ALL}, *options]
    known = {option["value"] for option in options}
    return html.Div(
        [
            dbc.Label(label, html_for=element_id, className="targets-filter-label"),
            dbc.Select(id=element_id, options=choices, value=value if value in known else ALL, size="sm"),
        ],
        className="targets-filter",
    )


def layout(year: str | None = None, pillar: str | None = None, status: str | None = None, **_query: str) -> html.Div:
    lang = language()
    query = {"year": year, "pillar": pillar, "status": status}
    status_options = [{"label": t(f"targets.status.{s}", lang), "value": s} for s in STATUSES]
    filters = html.Div(
        [
            _filter_select(PILLAR_SELECT, t("targets.filter_pillar", lang), _pillar_options(query, lang), pillar, lang),
            _filter_select(STATUS_SELECT, t("targets.filter_status", lang), status_options, status, lang),
        ],
        className="targets-filters",
    )
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            dcc.Store(id=QUERY_STORE, data=query),
            html.Div([html.Div(id=HEADING, className="targets-heading"), filters], className="targets-top"),
            dcc.Loading(html.Div(id=CONTENT, className="targets-body"), type="dot", delay_show=300),
        ],
        className="page-targets",
    )


def heading(selection: Selection, lang: str, titles: dict[str, str]) -> list:
    view = selection.view
    codes = ", ".join(view.plans["code"]) or "—"
    plan_titles = " · ".join(view.plans["title_vi"])
    return [
        html.H1(
            t("targets.heading", lang, plan=codes, year=view.year, unit=selection.unit_name),
            className="page-heading",
            id="targets-title",
        ),
        html.Div(plan_titles, className="targets-plan-title"),
        html.Div(cite(t("common.source", lang), view.plans["source"], titles), className="source-note"),
        *_names_language_note(lang),
    ]


def _names_language_note(lang: str) -> list:
    """In English the targets' names stay as the plan printed them (the data has only Vietnamese names)."""
    if lang != "en":
        return []
    return [html.Div(t("targets.names_in_vietnamese", lang), id="targets-lang-note", className="targets-lang-note")]


def _download(prefix: str, lang: str) -> html.Div:
    return download_buttons(
        prefix, {"csv": t("download.csv", lang), "xlsx": t("download.xlsx", lang)}, t("download.title", lang)
    )


def _sections(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> list:
    view = selection.view
    labels = selection.labels(lang)
    sections = []
    for code in view.shown["pillar_code"].unique():
        rows = view.shown[view.shown["pillar_code"] == code]
        section_statuses = view.targets.loc[view.targets["pillar_code"] == code, "status"]
        cards = [
            target_card(
                row,
                others=view.others[view.others["indicator_code"] == row["target_code"]],
                theme=theme,
                lang=lang,
                titles=titles,
            )
            for row in rows.to_dict("records")
        ]
        sections.append(pillar_section(code, labels[code], cards, status_counts(section_statuses), lang))
    return sections or [html.Div(t("targets.empty_filter", lang), className="empty-inline", id="targets-empty")]


def _disagreement_scope(selection: Selection, query: dict, lang: str) -> str:
    """Which targets the disagreements cover: they follow the pillar filter, never the status one."""
    pillar = query.get("pillar")
    if pillar:
        scope = t("targets.disagreements_scope_pillar", lang, pillar=selection.labels(lang)[pillar])
    else:
        scope = t("targets.disagreements_scope_plan", lang)
    if query.get("status"):
        scope = f"{scope} {t('targets.disagreements_scope_status', lang)}"
    return scope


def _disagreement_section(selection: Selection, query: dict, lang: str, titles: dict[str, str]) -> html.Section:
    view = selection.view
    source = cite(t("common.source", lang), view.disagreements["source"], titles)
    return html.Section(
        [
            html.Div(
                [
                    html.H2(t("targets.disagreements_title", lang), className="targets-section-title"),
                    html.Span(t("targets.download_disagreements", lang), className="targets-download-label"),
                    _download(DISAGREEMENT_DOWNLOAD, lang),
                ],
                className="targets-section-head",
            ),
            html.P(t("targets.disagreements_intro", lang), className="targets-intro"),
            html.P(_disagreement_scope(selection, query, lang), className="targets-scope", id="targets-scope"),
            disagreement_cards(view.disagreements, lang=lang, titles=titles),
            html.Div(source, className="source-note", title=source),
        ],
        id="targets-disagreements",
        className="targets-section",
    )


def _status_links(query: dict) -> dict[str, str]:
    """Each summary tile's link: its status filter, or no status filter for the tile already chosen."""
    links = {}
    for status in STATUSES:
        chosen = None if query.get("status") == status else status
        links[status] = PATH + query_string(
            {"year": query.get("year"), "pillar": query.get("pillar"), "status": chosen}
        )
    return links


def render(selection: Selection, query: dict, theme: str, lang: str, titles: dict[str, str]) -> list:
    view = selection.view
    toolbar = html.Div(
        [
            html.Span(t("targets.gauge_legend", lang), className="targets-legend"),
            html.Span(t("targets.download_targets", lang), className="targets-download-label"),
            _download(TABLE_DOWNLOAD, lang),
        ],
        className="targets-toolbar",
    )
    summary = summary_strip(
        status_counts(view.targets["status"]),
        shown=len(view.shown),
        total=len(view.targets),
        lang=lang,
        hrefs=_status_links(query),
        active=query.get("status") or None,
    )
    return [
        summary,
        toolbar,
        *_sections(selection, theme, lang, titles),
        _disagreement_section(selection, query, lang, titles),
    ]


@callback(
    Output(URL, "search"),
    Input(PILLAR_SELECT, "value"),
    Input(STATUS_SELECT, "value"),
    State(QUERY_STORE, "data"),
    prevent_initial_call=True,
)
def follow_filters(pillar: str | None, status: str | None, query: dict | None) -> str:
    """The filters live in the URL: changing one navigates, so every view can be bookmarked."""
    chosen = {key: None if value == ALL else value for key, value in (("pillar", pillar), ("status", status))}
    return query_string({"year": (query or {}).get("year"), **chosen})


@callback(
    Output(HEADING, "children"),
    Output(CONTENT, "children"),
    Input(QUERY_STORE, "data"),
    Input(THEME_STORE, "data"),
)
def show_targets(query: dict | None, theme: str | None) -> tuple[list, list]:
    lang = language()
    try:
        query = query or {}
        selection = select_view(query, lang)
        titles = source_titles(lang)
    except BadParameter as bad:
        return [], [bad.panel]
    except (DatabaseUnavailable, SQLAlchemyError):
        return [], [database_unavailable(lang)]
    return heading(selection, lang, titles), render(selection, query, theme or DEFAULT_THEME, lang, titles)


def _export_selection(query: dict | None) -> Selection | None:
    """The view a download is for, checked again on the server; None when the URL is not valid."""
    try:
        return select_view(query or {}, EXPORT_LANGUAGE)
    except (BadParameter, DatabaseUnavailable, SQLAlchemyError):
        return None


def _file_format(prefix: str) -> str:
    return "csv" if ctx.triggered_id == f"{prefix}-csv" else "xlsx"


@callback(
    Output(f"{TABLE_DOWNLOAD}-file", "data"),
    Input(f"{TABLE_DOWNLOAD}-csv", "n_clicks"),
    Input(f"{TABLE_DOWNLOAD}-xlsx", "n_clicks"),
    State(QUERY_STORE, "data"),
    prevent_initial_call=True,
)
def download_targets(_csv: int | None, _xlsx: int | None, query: dict | None):
    selection = _export_selection(query)
    if selection is None:
        return dash.no_update
    frame = targets_export(
        selection.view.shown, section_labels=selection.labels(EXPORT_LANGUAGE), titles=source_titles(EXPORT_LANGUAGE)
    )
    return file_payload(frame, f"muc-tieu-{selection.view.year}", _file_format(TABLE_DOWNLOAD))


@callback(
    Output(f"{DISAGREEMENT_DOWNLOAD}-file", "data"),
    Input(f"{DISAGREEMENT_DOWNLOAD}-csv", "n_clicks"),
    Input(f"{DISAGREEMENT_DOWNLOAD}-xlsx", "n_clicks"),
    State(QUERY_STORE, "data"),
    prevent_initial_call=True,
)
def download_disagreements(_csv: int | None, _xlsx: int | None, query: dict | None):
    selection = _export_selection(query)
    if selection is None:
        return dash.no_update
    frame = disagreements_export(selection.view.disagreements, titles=source_titles(EXPORT_LANGUAGE))
    return file_payload(frame, f"so-lieu-khac-nguon-{selection.view.year}", _file_format(DISAGREEMENT_DOWNLOAD))
