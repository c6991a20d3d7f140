"""`/rankings`: the province in focus among all provinces, and the ranking of its own
departments or districts, year by year. `?year=` and `?level=` (province | department |
district) make every view a bookmark."""

from __future__ import annotations

from typing import NamedTuple

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html
from sqlalchemy.exc import SQLAlchemyError

from auth.guard import level_refusal
from auth.policy import can_view_level, can_view_unit
from auth.session import current_viewer
from components import rankings as views
from components.citations import cite
from components.downloads import download_buttons, file_payload
from components.formatting import format_points, format_rank
from components.i18n import t
from components.kpi import series_legend
from components.shell import THEME_STORE, message_panel
from components.theme import DEFAULT_THEME, SERIES_COLORS, ink
from data_access import geo, queries
from data_access import rankings as data
from data_access.db import DatabaseUnavailable
from pages._context import (
    BadParameter,
    database_unavailable,
    language,
    query_string,
    resolve_year,
    source_titles,
)

dash.register_page(
    __name__, path="/rankings", title="DTI — Xếp hạng", order=2, nav_key="nav.rankings", nav_icon="bi-trophy"
)

URL = "rankings-url"
QUERY = "rankings-query"
LEVEL = "rankings-level"
HEADING = "rankings-heading"
CONTENT = "rankings-content"
DOWNLOAD = "rankings-download"
DTI_NOTE = "rankings-dti-note"
GRAPH_CONFIG = {"displaylogo": False, "responsive": True}
MAP_CONFIG = {**GRAPH_CONFIG, "scrollZoom": False}


class Selection(NamedTuple):
    """What the URL asks for, checked against the data."""

    focus: str
    level: str
    year: int


def layout(year: str | None = None, level: str | None = None, **_query: str) -> html.Div:
    lang = language()
    chosen = level or data.PROVINCE
    controls = html.Div(
        [
            views.level_selector(LEVEL, visible_levels(), chosen if chosen in data.LEVELS else None, lang),
            download_buttons(
                DOWNLOAD, {"csv": t("download.csv", lang), "xlsx": t("download.xlsx", lang)}, t("download.title", lang)
            ),
        ],
        className="rankings-controls",
    )
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            dcc.Store(id=QUERY, data={"year": year, "level": level}),
            html.Div([html.H1(id=HEADING, className="page-heading"), controls], className="rankings-header"),
            dcc.Loading(html.Div(id=CONTENT, className="rankings-content"), type="dot", delay_show=300),
        ],
        className="page-rankings",
    )


def unit_page_link(unit_code: str) -> str | None:
    """A unit's name links to its page where the reader may open it (a unit head: only their own)."""
    return f"/units/{unit_code}" if can_view_unit(current_viewer(), unit_code) else None


def visible_levels() -> list[str]:
    """The levels the reader may rank (a unit head: the provinces and their own level); the server checks again."""
    viewer = current_viewer()
    return [level for level in data.LEVELS if can_view_level(viewer, level)]


def resolve_selection(query: dict, lang: str) -> Selection:
    """Level, year and province in focus from the URL; `BadParameter` with a friendly panel otherwise.

    Without a year, the latest year with results at the level is shown.
    """
    level = query.get("level") or data.PROVINCE
    if level not in data.LEVELS:
        raise BadParameter(
            message_panel(
                t("rankings.bad_level_title", lang),
                t(
                    "rankings.bad_level",
                    lang,
                    level=level,
                    levels=", ".join(t(f"level.{option}", lang) for option in data.LEVELS),
                ),
                icon="bi-funnel",
            )
        )
    denied = level_refusal(level, lang)
    if denied is not None:
        raise BadParameter(denied)
    focus = queries.focus_unit_code()
    if focus is None:
        raise BadParameter(message_panel(t("error.database_title", lang), t("error.no_focus", lang)))
    raw_year = query.get("year")
    if raw_year in (None, ""):
        years = data.level_years(level, None if level == data.PROVINCE else focus)
        year = years[-1] if years else resolve_year(None, lang)
    else:
        year = resolve_year(raw_year, lang)
    return Selection(focus=focus, level=level, year=year)


def _card(title, body, *, sources: list[str], card_id: str, header_extra=None, notes: list | None = None) -> dbc.Card:
    header = html.Div([html.Div(title, className="card-title-ioc"), header_extra], className="rankings-card-header")
    children = [header, html.Div(body, className="card-body-ioc"), *(notes or [])]
    children += [html.Div(source, className="source-note", title=source) for source in sources if source]
    return dbc.Card(dbc.CardBody(children, className="d-flex flex-column"), className="ioc-card h-100", id=card_id)


class NoResults(LookupError):
    """The year has no results at the level: the page explains it and offers nothing to download."""

    def __init__(self, panel: html.Div):
        super().__init__("no results")
        self.panel = panel


def _empty(selection: Selection, lang: str) -> html.Div:
    """A year without results at the level explains itself and names the years that have some."""
    phrase = t(f"rankings.phrase.{selection.level}", lang)
    years = data.level_years(selection.level, None if selection.level == data.PROVINCE else selection.focus)
    body = (
        t("rankings.empty", lang, year=selection.year, phrase=phrase, years=", ".join(map(str, years)))
        if years
        else t("rankings.empty_never", lang, phrase=phrase)
    )
    return message_panel(t("rankings.empty_title", lang), body, icon="bi-inbox", element_id="rankings-empty")


def _graph(graph_id: str, figure, *, config: dict = GRAPH_CONFIG, class_name: str = "fill-graph") -> dcc.Graph:
    return dcc.Graph(id=graph_id, figure=figure, config=config, className=class_name, style={"height": "100%"})


def render_province(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> list:
    """The national table, the rank map and the rank history of the provinces."""
    ranking = data.national_ranking(selection.year)
    if ranking.empty:
        raise NoResults(_empty(selection, lang))
    name_column = "unit_name_en" if lang == "en" else "unit_name_vi"
    focus_rows = ranking[ranking["unit_code"] == selection.focus]
    field = int(ranking["rank_of"].max())
    summary = None
    if not focus_rows.empty:
        focus = focus_rows.iloc[0]
        summary = html.Div(
            t("rankings.focus_summary", lang, unit=focus[name_column], rank=format_rank(focus["rank"], field)),
            className="rankings-focus-summary",
            id="rankings-focus-summary",
        )
    notes = [views.dti_note(ranking, lang=lang, note_id=DTI_NOTE)]
    if len(ranking) < field:
        notes.append(
            html.Div(
                t("rankings.national_partial", lang, year=selection.year, n=len(ranking), field=field),
                className="rankings-note",
            )
        )
    ranking_source = cite(t("common.source", lang), ranking["source"], titles)
    table = _card(
        t("rankings.national_title", lang),
        html.Div(
            views.national_table(ranking, focus_code=selection.focus, lang=lang, table_id="rankings-national-table"),
            className="rankings-scroll",
        ),
        sources=[ranking_source],
        card_id="rankings-national-card",
        header_extra=summary,
        notes=notes,
    )

    geojson = geo.boundaries(geo.PROVINCES_FILE)
    view = views.fit_view(geojson, width=views.MAP_FIT_PX[0], height=views.MAP_FIT_PX[1])
    map_figure = views.rank_map(ranking, geojson, focus_code=selection.focus, theme=theme, lang=lang, view=view)
    map_legend = (
        series_legend([(focus_rows.iloc[0][name_column], SERIES_COLORS["focus"], "solid")])
        if not focus_rows.empty
        else None
    )
    rank_map = _card(
        t("rankings.map_title", lang),
        [map_legend, _graph("rankings-map", map_figure, config=MAP_CONFIG, class_name="fill-graph rankings-map")],
        sources=[ranking_source, geo.attribution(geo.PROVINCES_FILE)],
        card_id="rankings-map-card",
    )

    history = data.rank_histories()
    if history.empty:
        bump_body = html.Div(t("rankings.bump_empty", lang), className="empty-inline", id="rankings-bump-empty")
        bump_sources: list[str] = []
    else:
        figure = views.bump_chart(
            history, focus_code=selection.focus, theme=theme, lang=lang, axis_title=t("rankings.rank_axis", lang)
        )
        legend_items = []
        focus_history = history[history["unit_code"] == selection.focus]
        if not focus_history.empty:
            legend_items.append((focus_history.iloc[0][name_column], SERIES_COLORS["focus"], "solid"))
        if (history["unit_code"] != selection.focus).any():
            legend_items.append((t("rankings.other_provinces", lang), ink(theme)["muted"], "solid"))
        bump_body = [series_legend(legend_items), _graph("rankings-bump", figure)]
        bump_sources = [cite(t("common.source", lang), history["source"], titles)]
    bump = _card(t("rankings.bump_title", lang), bump_body, sources=bump_sources, card_id="rankings-bump-card")
    return [
        dbc.Row(
            [
                dbc.Col(table, lg=4, className="rankings-tall"),
                dbc.Col(rank_map, lg=4, className="rankings-tall"),
                dbc.Col(bump, lg=4, className="rankings-tall"),
            ],
            className="g-3",
        )
    ]


def _change_note(ranking: data.UnitRanking, lang: str) -> html.Div:
    """Whether a change since the year before can be shown; when it cannot, say so."""
    phrase = t(f"rankings.phrase.{ranking.level}", lang)
    if ranking.has_previous:
        text, icon = t("rankings.change_since", lang, previous=ranking.previous_year), "bi-arrow-left-right"
    elif ranking.previous_year is None:
        text, icon = t("rankings.no_previous_year", lang, year=ranking.year), "bi-info-circle"
    else:
        text = t("rankings.no_previous_results", lang, previous=ranking.previous_year, phrase=phrase)
        icon = "bi-info-circle"
    return html.Div(
        [html.I(className=f"bi {icon} me-2"), text], className="rankings-change-note", id="rankings-change-note"
    )


def _bar_sources(table) -> list[str]:
    """The bars show the computed total where the points are stored, the published one otherwise."""
    return [
        score or published for score, published in zip(table["score_source"], table["published_source"], strict=True)
    ]


def render_units(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> list:
    """The province's departments or districts: ranked table and bars of their totals by group."""
    ranking = data.unit_ranking(selection.focus, selection.level, selection.year)
    table = ranking.table
    if table.empty:
        raise NoResults(_empty(selection, lang))
    source_label = t("common.source", lang)
    table_notes = [html.Div(t("rankings.rank_note", lang), className="rankings-note")]
    if table["median_method"].any():
        table_notes.append(html.Div(t("rankings.median_note", lang), className="rankings-note", id="rankings-median"))
    table_card = _card(
        t("rankings.table_title", lang),
        html.Div(
            views.unit_table(
                table,
                lang=lang,
                previous_year=ranking.previous_year if ranking.has_previous else None,
                table_id="rankings-unit-table",
                unit_href=unit_page_link,
            ),
            className="rankings-scroll",
        ),
        sources=[cite(source_label, [*table["score_source"], *table["published_source"]], titles)],
        card_id="rankings-unit-card",
        notes=table_notes,
    )
    maximum = float(table["max_total"].max())
    thresholds_of_year = queries.group_thresholds(selection.year, selection.level)
    thresholds = [(bound.group, bound.min_share * maximum) for bound in thresholds_of_year if bound.min_share > 0]
    bars = views.unit_bars(
        table,
        theme=theme,
        lang=lang,
        axis_title=t("rankings.bars_axis", lang, max=format_points(maximum, lang)),
        thresholds=thresholds,
    )
    bars_card = _card(
        t("rankings.bars_title", lang),
        [
            views.group_legend(
                table["group"].dropna(), {bound.group: bound.min_share for bound in thresholds_of_year}, lang
            ),
            dcc.Graph(id="rankings-bars", figure=bars, config=GRAPH_CONFIG),
        ],
        sources=[cite(source_label, _bar_sources(table), titles)],
        card_id="rankings-bars-card",
    )
    return [
        _change_note(ranking, lang),
        dbc.Row([dbc.Col(table_card, lg=7), dbc.Col(bars_card, lg=5)], className="g-3"),
    ]


def _heading(selection: Selection, lang: str) -> str:
    info = queries.unit(selection.focus) or {}
    name = info.get("name_en" if lang == "en" else "name_vi") or selection.focus
    return t(f"rankings.heading.{selection.level}", lang, unit=name, year=selection.year)


@callback(
    Output(URL, "search"),
    Input(LEVEL, "value"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)
def write_level(level: str | None, query: dict | None) -> str:
    """The level chosen becomes part of the URL, which re-renders the page."""
    return query_string({"year": (query or {}).get("year"), "level": level})


@callback(
    Output(HEADING, "children"),
    Output(CONTENT, "children"),
    Output(f"{DOWNLOAD}-csv", "disabled"),
    Output(f"{DOWNLOAD}-xlsx", "disabled"),
    Input(QUERY, "data"),
    Input(THEME_STORE, "data"),
)
def show_rankings(query: dict | None, theme: str | None) -> tuple[str, list, bool, bool]:
    """Heading and content for the URL; the download buttons are disabled when there is no table."""
    lang = language()
    try:
        selection = resolve_selection(query or {}, lang)
        heading = _heading(selection, lang)
        render = render_province if selection.level == data.PROVINCE else render_units
        return heading, render(selection, theme or DEFAULT_THEME, lang, source_titles(lang)), False, False
    except NoResults as empty:
        return heading, [empty.panel], True, True
    except BadParameter as bad:
        return "", [bad.panel], True, True
    except (DatabaseUnavailable, SQLAlchemyError):
        return "", [database_unavailable(lang)], True, True


def export_frame(selection: Selection, lang: str):
    """The table shown for the selection, as a frame with the reader's column headers; None when empty."""
    titles = source_titles(lang)
    if selection.level == data.PROVINCE:
        ranking = data.national_ranking(selection.year)
        return None if ranking.empty else views.national_export(ranking, lang=lang, titles=titles)
    ranking = data.unit_ranking(selection.focus, selection.level, selection.year)
    if ranking.table.empty:
        return None
    previous = ranking.previous_year if ranking.has_previous else None
    return views.unit_export(ranking.table, lang=lang, titles=titles, previous_year=previous)


@callback(
    Output(f"{DOWNLOAD}-file", "data"),
    Input(f"{DOWNLOAD}-csv", "n_clicks"),
    Input(f"{DOWNLOAD}-xlsx", "n_clicks"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)
def download_table(_csv: int | None, _xlsx: int | None, query: dict | None):
    """The table on screen as CSV or Excel; parameters are checked again here, never trusted."""
    lang = language()
    file_format = "csv" if ctx.triggered_id == f"{DOWNLOAD}-csv" else "xlsx"
    try:
        selection = resolve_selection(query or {}, lang)
        frame = export_frame(selection, lang)
    except (BadParameter, DatabaseUnavailable, SQLAlchemyError):
        return dash.no_update
    if frame is None:
        return dash.no_update
    return file_payload(frame, f"xep-hang-{selection.level}-{selection.year}", file_format)
