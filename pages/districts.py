"""`/districts`: the province's districts per criterion (heatmap) and on a map, for a year."""

from __future__ import annotations

from typing import NamedTuple

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html

from auth.policy import ALL_UNITS
from components.citations import cite
from components.districts import (
    TOTAL_COLUMN,
    district_heatmap,
    district_map,
    heatmap_export,
    map_export,
    map_notes,
    total_notes,
)
from components.i18n import t
from components.shell import THEME_STORE, message_panel
from components.theme import DEFAULT_THEME
from data_access import geo, queries
from data_access.districts import (
    TOTAL,
    DistrictResults,
    build_district_results,
    criterion_values,
    district_years,
    map_regions,
    map_table,
)
from domain.text import localized
from pages._context import BadParameter, language, page_title, query_string, resolve_year, source_titles
from pages._kit import DATA_ERRORS, GRAPH_CONFIG, download_buttons, explained, no_focus, register_download, source_card


def page_years() -> list[int]:
    """The shell offers only the years in which the province's districts were scored."""
    focus = queries.focus_unit_code()
    return district_years(focus) if focus else []


dash.register_page(
    __name__,
    path="/districts",
    title=page_title("title.districts"),
    order=3,
    nav_key="nav.districts",
    nav_icon="bi-map",
    year_options=page_years,
    # Every district's pillar breakdown is other units' detail: leaders and admins only.
    access=ALL_UNITS,
)

URL = "districts-url"
QUERY = "districts-query"
CRITERION = "districts-criterion"
HEADING = "districts-heading"
CONTENT = "districts-content"
HEATMAP = "districts-heatmap"
MAP = "districts-map"
MAP_CHOICE = "districts-map-choice"
HEATMAP_DOWNLOAD = "districts-heatmap-download"
MAP_DOWNLOAD = "districts-map-download"
# The map's view is fitted to its smallest size (pixels): the cards sit side by side only from 1800px
# wide (assets/30-districts.css), where the map is still at least this wide. The graphs grow with the
# screen's height.
MAP_SIZE = (600, 500)
HEATMAP_HEIGHT = "max(520px, calc(100vh - 295px))"
# A row stays readable (its label and its cells' percentages) however many districts or communes
# there are: past what fits, the heatmap grows and scrolls inside its card.
HEATMAP_ROW_PX = 26
HEATMAP_AXES_PX = 110
MAP_HEIGHT = f"max({MAP_SIZE[1]}px, calc(100vh - 395px))"


def unit_href(unit_code: str) -> str:
    return f"/units/{unit_code}"


class Selection(NamedTuple):
    """A valid (province, year, criterion) from the URL, with the year's district results."""

    province_code: str
    province_name: str
    year: int
    criterion: str
    results: DistrictResults


def _criterion_label(results: DistrictResults, criterion: str, lang: str) -> str:
    if criterion == TOTAL:
        return t("districts.total", lang)
    return localized(results.pillars.set_index("pillar_code").loc[criterion], "pillar_name", lang)


def _resolve_district_year(raw: str | None, province_code: str, lang: str) -> int:
    """The year in the URL, or the latest in which the districts were scored."""
    if raw in (None, ""):
        years = district_years(province_code)
        if years:
            return years[-1]
    return resolve_year(raw, lang)


def select(query: dict, lang: str) -> Selection:
    """Validate the URL's parameters against the data; `BadParameter` carries the explanation."""
    focus = queries.focus_unit_code()
    info = queries.unit(focus) if focus else None
    if info is None:
        raise no_focus(lang)
    province = localized(info, "name", lang)
    year = _resolve_district_year(query.get("year"), focus, lang)
    results = build_district_results(focus, year)
    if results.empty:
        years = ", ".join(map(str, district_years(focus))) or t("districts.no_years", lang)
        raise BadParameter(
            message_panel(
                t("districts.no_results_title", lang),
                t("districts.no_results_body", lang, year=year, province=province, years=years),
                icon="bi-map",
                element_id="districts-empty",
            )
        )
    criterion = query.get("criterion") or TOTAL
    if criterion not in results.criteria:
        options = ", ".join(f"{code} ({_criterion_label(results, code, lang)})" for code in results.criteria)
        raise BadParameter(
            message_panel(
                t("districts.bad_criterion_title", lang),
                t("districts.bad_criterion_body", lang, criterion=criterion, year=year, options=options),
                icon="bi-funnel",
            )
        )
    return Selection(focus, province, year, criterion, results)


def _criterion_options(year: str | None, criterion: str, lang: str) -> list[dict]:
    """The year's criteria and the total; an unknown value stays visible (disabled) so any choice moves on."""
    options = [{"label": t("districts.total", lang), "value": TOTAL}]
    try:
        focus = queries.focus_unit_code()
        results = build_district_results(focus, _resolve_district_year(year, focus, lang)) if focus else None
    except (BadParameter, *DATA_ERRORS):
        results = None
    if results is not None and not results.empty:
        options += [{"label": _criterion_label(results, code, lang), "value": code} for code in results.criteria[:-1]]
    if criterion not in {option["value"] for option in options}:
        options.append({"label": criterion, "value": criterion, "disabled": True})
    return options


def layout(year: str | None = None, criterion: str | None = None, **_query: str) -> html.Div:
    lang = language()
    chosen = criterion or TOTAL
    control = html.Div(
        [
            html.Label(t("districts.criterion_label", lang), htmlFor=CRITERION),
            dbc.Select(id=CRITERION, options=_criterion_options(year, chosen, lang), value=chosen, size="sm"),
        ],
        className="districts-control",
    )
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            dcc.Store(id=QUERY, data={"year": year, "criterion": criterion}),
            html.Div([html.H1(id=HEADING, className="page-heading"), control], className="districts-toolbar"),
            dcc.Loading(html.Div(id=CONTENT, className="districts-content"), type="dot", delay_show=300),
        ],
        className="page-districts",
    )


def _source(citations, lang: str, titles: dict[str, str]) -> html.Div:
    text = cite(t("common.source", lang), citations, titles)
    return html.Div(text, className="source-note", title=text)


def heatmap_card(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> dbc.Card:
    results = selection.results
    figure = district_heatmap(
        results.scores,
        results.totals,
        thresholds=results.thresholds,
        theme=theme,
        lang=lang,
        selected=TOTAL_COLUMN if selection.criterion == TOTAL else selection.criterion,
        unit_href=unit_href,
    )
    rows_height = len(results.totals) * HEATMAP_ROW_PX + HEATMAP_AXES_PX
    graph = dcc.Graph(
        id=HEATMAP, figure=figure, config=GRAPH_CONFIG, style={"height": f"max({HEATMAP_HEIGHT}, {rows_height}px)"}
    )
    return source_card(
        t("districts.heatmap_title", lang),
        [
            html.Div(graph, className="districts-heatmap-scroll", style={"maxHeight": HEATMAP_HEIGHT}),
            *total_notes(results.totals, lang),
            html.Div(t("districts.click_hint", lang), className="districts-hint"),
            html.Div(
                [_source(results.scores["source"], lang, titles), download_buttons(HEATMAP_DOWNLOAD, lang)],
                className="districts-card-foot",
            ),
        ],
        card_id="districts-heatmap-card",
    )


def map_card(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> dbc.Card:
    results = selection.results
    label = _criterion_label(results, selection.criterion, lang)
    title = t("districts.map_title", lang, criterion=label)
    collection = geo.district_boundaries_for(selection.province_code)
    if collection is None:
        empty = message_panel(
            t("districts.no_map_title", lang),
            t("districts.no_map_body", lang, province=selection.province_name),
            icon="bi-map",
            element_id="districts-map-empty",
        )
        return source_card(title, [empty], card_id="districts-map-card")
    table = map_table(map_regions(collection), criterion_values(results, selection.criterion))
    figure = district_map(
        collection,
        table,
        criterion=label,
        thresholds=results.thresholds,
        theme=theme,
        lang=lang,
        unit_href=unit_href,
        size=MAP_SIZE,
    )
    attribution = geo.attribution(geo.DISTRICTS_FILE)
    return source_card(
        title,
        [
            html.Div(
                dcc.Graph(id=MAP, figure=figure, config=GRAPH_CONFIG, style={"height": MAP_HEIGHT}),
                className="districts-map-frame",
            ),
            html.Div(id=MAP_CHOICE, className="districts-choice", role="status"),
            *map_notes(table, year=selection.year, theme=theme, lang=lang),
            html.Div(attribution, className="districts-attribution", id="districts-attribution"),
            html.Div(
                [_source(table["source"].dropna(), lang, titles), download_buttons(MAP_DOWNLOAD, lang)],
                className="districts-card-foot",
            ),
        ],
        card_id="districts-map-card",
    )


@callback(
    Output(HEADING, "children"),
    Output(CONTENT, "children"),
    Input(QUERY, "data"),
    Input(THEME_STORE, "data"),
)
@explained(lambda panel: (t("nav.districts", language()), [panel]))
def show_districts(query: dict | None, theme: str | None) -> tuple[str, list]:
    lang = language()
    selection = select(query or {}, lang)
    titles = source_titles(lang)
    theme = theme or DEFAULT_THEME
    cards = dbc.Row(
        [
            dbc.Col(heatmap_card(selection, theme, lang, titles), className="districts-col-heatmap"),
            dbc.Col(map_card(selection, theme, lang, titles), className="districts-col-map"),
        ],
        className="g-3",
    )
    return t("districts.heading", lang, province=selection.province_name, year=selection.year), [cards]


@callback(Output(URL, "search"), Input(CRITERION, "value"), State(QUERY, "data"), prevent_initial_call=True)
def choose_criterion(criterion: str | None, query: dict | None) -> str:
    """The chosen criterion goes into the URL; the page re-renders from it (the URL is the state)."""
    year = (query or {}).get("year")
    return query_string({"year": year, "criterion": None if criterion == TOTAL else criterion})


# A district opens its page; a region shared by several districts offers each of them instead
# of picking one (assets/30-districts.js).
clientside_callback(
    ClientsideFunction(namespace="districts", function_name="openDistrict"),
    Output(URL, "href"),
    Output(MAP_CHOICE, "children"),
    Input(MAP, "clickData"),
    prevent_initial_call=True,
)


def heatmap_file(lang: str, query: dict | None):
    selection = select(query or {}, lang)
    results = selection.results
    frame = heatmap_export(results.scores, results.totals, year=selection.year, lang=lang)
    return frame, f"diem-cap-huyen-{selection.year}"


def map_file(lang: str, query: dict | None):
    selection = select(query or {}, lang)
    collection = geo.district_boundaries_for(selection.province_code)
    if collection is None:
        return None
    label = _criterion_label(selection.results, selection.criterion, lang)
    table = map_table(map_regions(collection), criterion_values(selection.results, selection.criterion))
    frame = map_export(table, criterion=label, year=selection.year, lang=lang)
    return frame, f"ban-do-cap-huyen-{selection.year}-{selection.criterion}"


register_download(HEATMAP_DOWNLOAD, heatmap_file, State(QUERY, "data"))
register_download(MAP_DOWNLOAD, map_file, State(QUERY, "data"))
