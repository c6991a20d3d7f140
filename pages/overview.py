"""`/`: the IOC overview of the province in focus for a year."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from components import figures
from components.changes import value_change_line
from components.citations import cite
from components.formatting import format_number, format_points, format_rank
from components.i18n import t
from components.kpi import discrepancy_notes, kpi_card, rank_change_badge, series_legend
from components.shell import THEME_STORE, message_panel
from components.tables import pillar_points_table
from components.theme import DEFAULT_THEME, SERIES_COLORS, pillar_color
from data_access import queries
from data_access.focus_years import result_years
from data_access.overview import Overview, UnknownSelection, build_overview
from domain.text import localized, localized_column
from domain.vocabulary import INFERRED_MAPPING
from pages._context import focus_years, language, page_title, resolve_year, source_titles
from pages._kit import GRAPH_CONFIG, explained, no_focus, source_card

dash.register_page(
    __name__,
    path="/",
    title=page_title("title.overview"),
    order=0,
    nav_key="nav.overview",
    nav_icon="bi-speedometer2",
    year_options=focus_years(result_years),
)

YEAR_STORE = "overview-year"
CONTENT = "overview-content"


def layout(year: str | None = None, **_query: str) -> html.Div:
    return html.Div(
        [
            dcc.Store(id=YEAR_STORE, data=year),
            dcc.Loading(html.Div(id=CONTENT, className="overview-grid"), type="dot", delay_show=300),
        ],
        className="page-overview",
    )


def _radar(overview: Overview, theme: str, lang: str):
    pillars = overview.pillars.assign(label=localized_column(overview.pillars, "pillar_name", lang))
    comparisons = []
    if "leading_average" in overview.comparison:
        comparisons.append(
            (
                t("overview.leading_average", lang, n=len(overview.leading_names)),
                overview.comparison["leading_average"],
                "leading_average",
            )
        )
    if "leader" in overview.comparison:
        comparisons.append(
            (t("overview.leader", lang, name=overview.leading_names[0]), overview.comparison["leader"], "leader")
        )
    name = localized(overview, "unit_name", lang)
    figure = figures.pillar_radar(pillars, comparisons, focus_label=name, theme=theme, lang=lang, show_legend=False)
    legend = series_legend(
        [(label, SERIES_COLORS[key], "dotted") for label, _, key in comparisons]
        + [(name, SERIES_COLORS["focus"], "solid")]
    )
    return figure, legend


def _weakest(overview: Overview, lang: str) -> html.Ol:
    items = []
    names = localized_column(overview.weakest, "pillar_name", lang)
    for row, name in zip(overview.weakest.itertuples(), names, strict=True):
        items.append(
            html.Li(
                [
                    html.Span(className="pillar-swatch", style={"background": pillar_color(row.pillar_code)}),
                    html.Span(name, className="weak-name"),
                    html.Span(
                        t(
                            "overview.points_lost",
                            lang,
                            lost=format_points(row.lost, lang),
                            max=format_points(row.max_points, lang),
                        ),
                        className="weak-lost",
                    ),
                ],
                className="weak-item",
            )
        )
    return html.Ol(items, className="weak-list", id="overview-weakest")


def _average_line(overview: Overview, lang: str) -> html.Div | None:
    """The published national average beside the province's value, or why there is no value."""
    if overview.index_value is None:
        return html.Div(t("overview.no_index", lang, year=overview.year), className="kpi-sub", id="overview-average")
    if overview.average_index is None:
        return None
    above = overview.index_value is not None and overview.index_value > overview.average_index
    icon = "bi-caret-up-fill text-success" if above else "bi-caret-down-fill text-danger"
    return html.Div(
        [
            html.I(className=f"bi {icon} me-1"),
            t("overview.average", lang, value=format_number(overview.average_index, 4, lang)),
        ],
        className="kpi-sub",
        id="overview-average",
    )


def no_scores_text(overview: Overview, lang: str) -> str:
    """Where the pillars would be: what the year does have (a value and a rank, a rank only, nothing)."""
    if overview.index_value is not None:
        key = "overview.no_scores_value"
    elif overview.rank is not None:
        key = "overview.no_scores"
    else:
        key = "overview.no_scores_nothing"
    return t(key, lang, year=overview.year)


def render(overview: Overview, theme: str, lang: str, titles: dict[str, str]) -> list:
    name = localized(overview, "unit_name", lang)

    def _cite(citations) -> str:
        return cite(t("overview.source", lang), citations, titles)

    pillar_source = _cite(overview.pillars["source"])
    previous = overview.previous_year
    change_footer = [
        html.Div(t("overview.change", lang, year=previous) if previous else "", className="kpi-sub"),
        rank_change_badge(overview.change, previous, lang),
        value_change_line(
            overview.change,
            previous,
            what=t("changes.what_dti", lang),
            decimals=4,
            lang=lang,
            element_id="overview-value-change",
        ),
    ]
    kpis = dbc.Row(
        [
            dbc.Col(
                kpi_card(
                    t("overview.dti", lang),
                    format_number(overview.index_value, 4, lang),
                    value_id="overview-dti-value",
                    footer=_average_line(overview, lang),
                    source=_cite([overview.index_source, overview.average_source]),
                ),
                md=4,
            ),
            dbc.Col(
                kpi_card(
                    t("overview.rank", lang),
                    format_rank(overview.rank, overview.rank_of),
                    value_id="overview-rank-value",
                    footer=change_footer,
                ),
                md=4,
            ),
            dbc.Col(
                source_card(
                    t("overview.weakest_title", lang),
                    _weakest(overview, lang) if not overview.weakest.empty else no_scores_text(overview, lang),
                    source=pillar_source,
                    fill=True,
                ),
                md=4,
            ),
        ],
        className="g-3 kpi-row",
    )
    if overview.pillars.empty:
        radar = html.Div(no_scores_text(overview, lang), className="empty-inline", id="overview-radar-empty")
    else:
        radar_figure, legend = _radar(overview, theme, lang)
        radar_graph = dcc.Graph(
            id="overview-radar",
            figure=radar_figure,
            config=GRAPH_CONFIG,
            className="fill-graph",
            style={"height": "100%"},
        )
        named = overview.pillars.assign(pillar_name=localized_column(overview.pillars, "pillar_name", lang))
        inferred = set(
            overview.pillars.loc[overview.pillars["note"].str.startswith(INFERRED_MAPPING, na=False), "pillar_code"]
        )
        radar = dbc.Row(
            [
                dbc.Col([legend, radar_graph], lg=7, className="radar-col"),
                dbc.Col(
                    [
                        pillar_points_table(
                            named,
                            lang=lang,
                            name_column="pillar_name",
                            headers=[t("overview.pillar", lang), t("overview.points", lang), "%"],
                            flagged=inferred,
                        ),
                        html.Div(t("overview.inferred", lang), className="flag-note", id="overview-inferred")
                        if inferred
                        else None,
                    ],
                    lg=5,
                    className="d-flex flex-column justify-content-center",
                ),
            ],
            className="g-2 h-100",
        )
    history = dcc.Graph(
        id="overview-history",
        config=GRAPH_CONFIG,
        className="fill-graph",
        style={"height": "100%"},
        figure=figures.rank_history(
            overview.rank_history, theme=theme, lang=lang, axis_title=t("overview.rank_axis", lang)
        ),
    )
    charts = dbc.Row(
        [
            dbc.Col(
                source_card(
                    t("overview.radar_title", lang),
                    radar,
                    source=pillar_source,
                    notes=discrepancy_notes(overview.discrepancies, lang),
                    fill=True,
                ),
                lg=8,
                className="chart-col",
            ),
            dbc.Col(
                source_card(
                    t("overview.history_title", lang),
                    history,
                    source=_cite(overview.rank_history["source"]),
                    fill=True,
                ),
                lg=4,
                className="chart-col",
            ),
        ],
        className="g-3 chart-row",
    )
    heading = html.H1(
        t("overview.heading", lang, unit=name, year=overview.year), className="page-heading", id="overview-heading"
    )
    return [heading, kpis, charts]


@callback(Output(CONTENT, "children"), Input(YEAR_STORE, "data"), Input(THEME_STORE, "data"))
@explained()
def show_overview(year: str | None, theme: str | None) -> list:
    lang = language()
    focus = queries.focus_unit_code()
    if focus is None:
        raise no_focus(lang)
    info = queries.unit(focus)
    years = result_years(focus)
    if info is not None and not years:
        name = localized(info, "name", lang)
        return [message_panel(t("overview.no_years_title", lang), t("overview.no_years", lang, unit=name))]
    try:  # an unknown focus has no years of its own: build_overview explains it
        overview = build_overview(focus, resolve_year(year, lang, years=years or None))
    except UnknownSelection as unknown:
        return [message_panel(t("error.database_title", lang), t("error.unknown_selection", lang, value=unknown))]
    return render(overview, theme or DEFAULT_THEME, lang, source_titles(lang))
