"""`/pillars`: a unit's pillars against its level's comparison, the table behind them and the per-task points.

Filters live in the URL (`year`, `level`, `unit`, `compare`): the selectors write it, the
content is drawn from it alone, so every view can be bookmarked.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, ctx, dcc, html
from sqlalchemy.exc import SQLAlchemyError

from auth.guard import unit_refusal
from auth.policy import can_view_level, can_view_unit, names_other_units
from auth.session import current_viewer
from components import figures
from components.citations import cite, readable_citation
from components.downloads import download_buttons, file_payload
from components.i18n import t
from components.kpi import discrepancy_notes, series_legend
from components.pillars import (
    card,
    indicator_card,
    indicator_export,
    pillar_export,
    pillar_table,
    pillar_table_rows,
    summary_chips,
)
from components.shell import THEME_STORE, message_panel
from components.theme import DEFAULT_THEME, SERIES_COLORS
from data_access.db import DatabaseUnavailable
from data_access.pillars import (
    LEADING,
    LEVELS,
    BadSelection,
    Comparison,
    PillarsView,
    Selection,
    level_units,
    pillars_view,
    resolve_selection,
    score_years,
)
from pages._context import BadParameter, database_unavailable, language, query_string, resolve_year, source_titles

dash.register_page(
    __name__, path="/pillars", title="DTI — Chỉ số chính", order=1, nav_key="nav.pillars", nav_icon="bi-bullseye"
)

URL = "pillars-url"
QUERY = "pillars-query"
CONTENT = "pillars-content"
LEVEL = "pillars-level"
UNIT = "pillars-unit"
COMPARE = "pillars-compare"
RADAR = "pillars-radar"
TABLE = "pillars-table"
TABLE_DOWNLOAD = "pillars-table-download"
INDICATOR_DOWNLOAD = "pillars-indicators-download"
GRAPH_CONFIG = {"displaylogo": False, "responsive": True}
DATA_ERRORS = (DatabaseUnavailable, SQLAlchemyError)


def layout(
    year: str | None = None,
    level: str | None = None,
    unit: str | None = None,
    compare: str | None = None,
    **_query: str,
) -> html.Div:
    viewer = current_viewer()
    if unit in (None, "") and viewer and viewer.unit_level and level == viewer.unit_level:
        unit = viewer.unit_code  # a unit head's own unit, not the level's best, which they may not open
    query = {"year": year, "level": level, "unit": unit, "compare": compare}
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            dcc.Store(id=QUERY, data=query),
            controls(query, language()),
            dcc.Loading(html.Div(id=CONTENT, className="pillars-content"), type="dot", delay_show=300),
        ],
        className="page-pillars",
    )


def _unit_name(row, lang: str) -> str:
    return row.unit_name_en if lang == "en" and row.unit_name_en else row.unit_name_vi


def _unit_options(units: pd.DataFrame, level: str, lang: str) -> list[dict]:
    """The level's scored units, best first; below province level with their rank, which is the level's own."""
    return [
        {
            "label": _unit_name(row, lang) if level == "province" else f"{row.rank}. {_unit_name(row, lang)}",
            "value": row.unit_code,
        }
        for row in units.itertuples()
    ]


def _selected(year: int, level: str, query: dict, codes: list[str]) -> tuple[str | None, str | None]:
    """The unit and comparison the selectors show: the validated ones; a bad one stays empty to be picked anew."""
    try:
        selection = resolve_selection(year, level, query["unit"], query["compare"])
    except BadSelection:
        unit = query["unit"] or resolve_selection(year, level, None, None).unit_code
        return (unit if unit in codes else None), None
    return selection.unit_code or None, selection.compare


def controls(query: dict, lang: str) -> dbc.Row:
    """Level, unit and comparison selectors set from the URL; what the data cannot offer stays empty."""
    level = query["level"] or "province"
    unit_value, compare_value, unit_options, compare_options = None, None, [], []
    try:
        year = resolve_year(query["year"], lang)
        if level in LEVELS:
            units = level_units(year, level)
            if level != "province":
                viewer = current_viewer()
                units = units[units["unit_code"].map(lambda code: can_view_unit(viewer, code)).astype(bool)]
            unit_options = _unit_options(units, level, lang)
            codes = units["unit_code"].tolist()
            unit_value, compare_value = _selected(year, level, query, codes)
            # The level's default (its best unit) is not offered to a reader who may not see it.
            unit_value = unit_value if unit_value in codes else None
            if level == "province":
                others = units[units["unit_code"] != unit_value]
                compare_options = [{"label": t("pillars.compare_leading", lang), "value": LEADING}] + [
                    {"label": _unit_name(row, lang), "value": row.unit_code} for row in others.itertuples()
                ]
    except (BadParameter, *DATA_ERRORS):
        pass
    return dbc.Row(
        [
            dbc.Col(
                [
                    html.Label(t("pillars.level_label", lang), htmlFor=LEVEL, className="control-label"),
                    dbc.RadioItems(
                        id=LEVEL,
                        options=[
                            {"label": t(f"level.{code}", lang), "value": code}
                            for code in LEVELS
                            if can_view_level(current_viewer(), code)
                        ],
                        value=level if level in LEVELS else None,
                        className="btn-group pillars-level",
                        inputClassName="btn-check",
                        labelClassName="btn btn-outline-secondary btn-sm",
                        labelCheckedClassName="active",
                    ),
                ],
                xs=12,
                xl="auto",
            ),
            dbc.Col(
                [
                    html.Label(t("pillars.unit_label", lang), htmlFor=UNIT, className="control-label"),
                    dcc.Dropdown(
                        id=UNIT, options=unit_options, value=unit_value, clearable=False, className="pillars-dropdown"
                    ),
                ],
                xs=12,
                md=6,
                xl=True,
            ),
            dbc.Col(
                [
                    html.Label(t("pillars.compare_label", lang), htmlFor=COMPARE, className="control-label"),
                    dcc.Dropdown(
                        id=COMPARE,
                        options=compare_options,
                        value=compare_value,
                        clearable=False,
                        className="pillars-dropdown",
                    ),
                ],
                xs=12,
                md=6,
                xl=True,
                # The comparison with a chosen province exists at province level only; the control
                # stays in the page (hidden) so the URL callback always has its three inputs.
                className="" if level == "province" else "d-none",
            ),
        ],
        className="g-2 align-items-end pillars-controls",
    )


@callback(
    Output(URL, "search"),
    Input(LEVEL, "value"),
    Input(UNIT, "value"),
    Input(COMPARE, "value"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)
def write_url(level: str | None, unit: str | None, compare: str | None, query: dict | None) -> str:
    """The selectors' choice as the URL; a new level starts from its default unit and comparison."""
    year = (query or {}).get("year")
    if ctx.triggered_id == LEVEL:
        return query_string({"year": year, "level": level})
    return query_string(
        {"year": year, "level": level, "unit": unit, "compare": compare if level == "province" else None}
    )


def _level_label(level: str, lang: str) -> str:
    return t(f"level.{level}", lang) if level in LEVELS else level


def selection_from(query: dict | None, lang: str) -> Selection:
    """The validated selection of the URL; `BadParameter` carries the friendly message for a bad one."""
    query = query or {}
    year = resolve_year(query.get("year"), lang)
    try:
        selection = resolve_selection(year, query.get("level"), query.get("unit"), query.get("compare"))
    except BadSelection as bad:
        level = query.get("level") or "province"
        body = t(
            f"pillars.bad_{bad.param}",
            lang,
            value=bad.value,
            year=year,
            level=_level_label(level, lang),
            choices="; ".join(f"{code} – {_level_label(code, lang)}" for code in LEVELS),
        )
        raise BadParameter(message_panel(t("pillars.bad_title", lang), body, icon="bi-funnel")) from bad
    # Below province level a unit's pillars are its detail: its own head, leaders and admins only.
    denied = unit_refusal(selection.unit_code, lang) if selection.level != "province" else None
    if denied is not None:
        raise BadParameter(denied)
    return selection


def no_scores(selection: Selection, lang: str) -> html.Div:
    """A year without scores at the level says so and names the years that have them."""
    years = ", ".join(map(str, score_years(selection.level))) or "—"
    return message_panel(
        t("pillars.no_scores_title", lang),
        t("pillars.no_scores", lang, year=selection.year, level=_level_label(selection.level, lang), years=years),
        icon="bi-inbox",
        element_id="pillars-empty",
    )


def comparison_label(comparison: Comparison, lang: str) -> str:
    name = comparison.name_en if lang == "en" and comparison.name_en else comparison.name_vi
    return t(f"pillars.{comparison.kind}", lang, name=name, n=comparison.count)


def comparison_header(comparison: Comparison, lang: str) -> str:
    name = comparison.name_en if lang == "en" and comparison.name_en else comparison.name_vi
    return t(f"pillars.col_{comparison.kind}", lang, name=name, n=comparison.count)


def _name_column(lang: str) -> str:
    return "pillar_name_en" if lang == "en" else "pillar_name_vi"


def _view_name(view: PillarsView, lang: str) -> str:
    return view.unit_name_en if lang == "en" and view.unit_name_en else view.unit_name_vi


def radar_card(view: PillarsView, theme: str, lang: str, source: str) -> dbc.Card:
    name = _view_name(view, lang)
    pillars = view.pillars.assign(label=view.pillars[_name_column(lang)])
    traces = [(comparison_label(c, lang), c.shares, c.color_key) for c in view.comparisons]
    figure = figures.pillar_radar(pillars, traces, focus_label=name, theme=theme, lang=lang, show_legend=False)
    legend = series_legend(
        [(label, SERIES_COLORS[key], "dotted") for label, _, key in traces] + [(name, SERIES_COLORS["focus"], "solid")]
    )
    # The box sets the height: dcc.Graph fills its parent and ignores a height given by class.
    graph = html.Div(dcc.Graph(id=RADAR, figure=figure, config=GRAPH_CONFIG), className="pillars-radar-graph")
    return card(
        t("pillars.radar_title", lang),
        [legend, graph, *discrepancy_notes(view.discrepancies, lang)],
        source=source,
    )


def table_rows(view: PillarsView, lang: str) -> pd.DataFrame:
    """The pillar rows with one % column per comparison, shared by the table on screen and its download."""
    return pillar_table_rows(view.pillars, [c.shares for c in view.comparisons], name_column=_name_column(lang))


def table_card(view: PillarsView, lang: str, source: str) -> dbc.Card:
    rank_label = t("pillars.rank_province" if view.selection.level == "province" else "pillars.rank_level", lang)
    chips = summary_chips(
        total=view.total,
        max_total=view.max_total,
        rank=view.rank,
        rank_of=view.rank_of,
        rank_label=rank_label,
        group=view.group,
        lang=lang,
    )
    table = pillar_table(
        table_rows(view, lang),
        [comparison_header(c, lang) for c in view.comparisons],
        comparison_tooltips=[comparison_label(c, lang) for c in view.comparisons],
        lang=lang,
        table_id=TABLE,
    )
    footer = html.Div(
        [
            html.Span(t("pillars.sort_hint", lang), className="kpi-sub"),
            download_buttons(
                TABLE_DOWNLOAD,
                {"csv": t("download.csv", lang), "xlsx": t("download.xlsx", lang)},
                t("download.title", lang),
            ),
        ],
        className="pillars-table-footer",
    )
    return card(
        t("pillars.table_title", lang),
        [
            chips,
            html.Div(table, className="pillars-table-wrap"),
            footer,
        ],
        source=source,
    )


def indicator_section(view: PillarsView, theme: str, lang: str, titles: dict) -> html.Section:
    name = _view_name(view, lang)
    heading = html.H2(
        t("pillars.indicators_title", lang, unit=name, year=view.selection.year), className="pillars-section-title"
    )
    if view.indicators.empty:
        return html.Section(
            [
                heading,
                html.Div(
                    t("pillars.no_indicators", lang, unit=name, year=view.selection.year),
                    className="empty-inline",
                    id="pillars-no-indicators",
                ),
            ],
            className="pillars-indicators",
        )
    # Pillars with charts first; those whose tasks all lack points follow as short lists.
    groups = sorted(
        view.indicators.groupby("pillar_code", sort=False), key=lambda group: group[1]["share"].isna().all()
    )
    cards = [
        indicator_card(
            tasks,
            pillar=view.pillars[view.pillars["pillar_code"] == code],
            theme=theme,
            lang=lang,
            source=cite(t("common.source", lang), tasks["source"], titles),
            graph_config=GRAPH_CONFIG,
        )
        for code, tasks in groups
    ]
    toolbar = html.Div(
        [
            heading,
            download_buttons(
                INDICATOR_DOWNLOAD,
                {"csv": t("download.csv", lang), "xlsx": t("download.xlsx", lang)},
                t("download.title", lang),
            ),
        ],
        className="pillars-section-head",
    )
    return html.Section(
        [toolbar, html.Div(cards, className="pillars-indicator-grid")],
        className="pillars-indicators",
        id="pillars-indicators",
    )


def render(view: PillarsView, theme: str, lang: str, titles: dict[str, str]) -> list:
    name = _view_name(view, lang)
    citations = list(view.pillars["source"]) + [s for c in view.comparisons for s in c.sources]
    source = cite(t("common.source", lang), citations, titles)
    heading = html.H1(
        [
            t("pillars.heading", lang, unit=name, year=view.selection.year),
            html.Span(_level_label(view.selection.level, lang), className="pillars-level-badge"),
        ],
        className="page-heading",
        id="pillars-heading",
    )
    charts = dbc.Row(
        [
            dbc.Col(radar_card(view, theme, lang, source), lg=5),
            dbc.Col(table_card(view, lang, source), lg=7),
        ],
        className="g-3",
    )
    return [heading, charts, indicator_section(view, theme, lang, titles)]


@callback(Output(CONTENT, "children"), Input(QUERY, "data"), Input(THEME_STORE, "data"))
def show_pillars(query: dict | None, theme: str | None) -> list:
    lang = language()
    try:
        selection = selection_from(query, lang)
        if not selection.unit_code:
            return [no_scores(selection, lang)]
        view = pillars_view(selection, name_best=names_other_units(current_viewer()))
        titles = source_titles(lang)
    except BadParameter as bad:
        return [bad.panel]
    except DATA_ERRORS:
        return [database_unavailable(lang)]
    return render(view, theme or DEFAULT_THEME, lang, titles)


def _requested_view(query: dict | None, lang: str) -> PillarsView | None:
    """The view a download asks for, validated again on the server; None when there is nothing to export."""
    try:
        selection = selection_from(query, lang)
        return pillars_view(selection, name_best=names_other_units(current_viewer())) if selection.unit_code else None
    except (BadParameter, *DATA_ERRORS):
        return None


def readable_sources(citations: pd.Series, lang: str) -> pd.Series:
    """Citations in a file as on screen: the document's title, not its file code."""
    titles = source_titles(lang)
    return citations.map(lambda citation: readable_citation(citation, titles))


def _format_of(triggered: str | None) -> str:
    return "csv" if str(triggered).endswith("-csv") else "xlsx"


@callback(
    Output(f"{TABLE_DOWNLOAD}-file", "data"),
    Input(f"{TABLE_DOWNLOAD}-csv", "n_clicks"),
    Input(f"{TABLE_DOWNLOAD}-xlsx", "n_clicks"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)
def download_table(_csv: int | None, _xlsx: int | None, query: dict | None):
    lang = language()
    view = _requested_view(query, lang)
    if view is None:
        return dash.no_update
    rows = table_rows(view, lang)
    frame = pillar_export(
        rows.assign(source=readable_sources(rows["source"], lang)),
        [t("pillars.export_comparison", lang, label=comparison_label(c, lang)) for c in view.comparisons],
        lang=lang,
        year=view.selection.year,
        level_label=_level_label(view.selection.level, lang),
        unit_name=_view_name(view, lang),
    )
    basename = t("pillars.file_pillars", lang, unit=view.selection.unit_code, year=view.selection.year)
    return file_payload(frame, basename, _format_of(ctx.triggered_id))


@callback(
    Output(f"{INDICATOR_DOWNLOAD}-file", "data"),
    Input(f"{INDICATOR_DOWNLOAD}-csv", "n_clicks"),
    Input(f"{INDICATOR_DOWNLOAD}-xlsx", "n_clicks"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)
def download_indicators(_csv: int | None, _xlsx: int | None, query: dict | None):
    lang = language()
    view = _requested_view(query, lang)
    if view is None or view.indicators.empty:
        return dash.no_update
    tasks = view.indicators.assign(source=readable_sources(view.indicators["source"], lang))
    frame = indicator_export(tasks, lang=lang, year=view.selection.year, unit_name=_view_name(view, lang))
    basename = t("pillars.file_indicators", lang, unit=view.selection.unit_code, year=view.selection.year)
    return file_payload(frame, basename, _format_of(ctx.triggered_id))
