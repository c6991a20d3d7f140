"""`/`: the IOC overview of the province in focus for a year."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from components import figures, parts
from components.cards import source_notes
from components.caveats import pillar_caveat_lines
from components.changes import index_change_cells, index_changes_note, value_change_line
from components.citations import cite
from components.formatting import format_number, format_points, format_rank
from components.i18n import t
from components.kpi import kpi_card, rank_change_badge, series_legend
from components.laggards import laggards_body
from components.loading import slow_work
from components.shell import THEME_STORE, message_panel
from components.tables import pillar_points_table
from components.targets import risk_list
from components.theme import DEFAULT_THEME, SERIES_COLORS, pillar_color
from data_access import queries, reorganisation
from data_access.cache import versioned
from data_access.focus_years import default_year, followed_years
from data_access.laggards import shown_levels, weakest_on_pillar, weakest_on_total
from data_access.overview import Overview, UnknownSelection, build_overview
from data_access.targets import at_risk, plan_years, target_progress
from data_access.year_changes import IndexChanges, unit_index_changes
from domain.text import localized, localized_column
from pages._context import (
    drawing_key,
    focus_default_year,
    focus_years,
    followed_focus,
    language,
    page_title,
    query_string,
    resolve_year,
    source_titles,
)
from pages._kit import GRAPH_CONFIG, compact, explained, no_focus, source_card
from pages._ticker import ticker

dash.register_page(
    __name__,
    path="/",
    title=page_title("title.overview"),
    order=0,
    nav_key="nav.overview",
    nav_icon="bi-speedometer2",
    year_options=focus_years(followed_years),
    year_default=focus_default_year,
    follows_query=True,
)

URL = "overview-url"
PATH_STORE = "overview-path"
YEAR_STORE = "overview-year"
LAG_STORE = "overview-lag"
CONTENT = "overview-content"
# What the browser shows of the content (`components.parts`): the digests of its frame and parts.
DRAWN = "overview-drawn"
SLOT = "overview-slot"
FIGURE = "overview-figure"
PART_TYPES = (SLOT, FIGURE)
# Where the parts begin among the content callback's outputs (after its content and drawn).
PARTS_AT = 2
# Units per level in the "who lags" card, and targets in the "at risk" card: what one screen holds.
LAGGARDS_SHOWN = 3
RISKS_SHOWN = 3
# How often the overview's ticker asks what changed since the last look.
TICKER_POLL_SECONDS = 60


def layout(year: str | None = None, lag: str | None = None, **_query: str) -> html.Div:
    """The page's frame; its content comes from `show_overview`. A year or lag chosen on the page itself
    (a link to `/?year=…`) does not come here: the page follows its own query (`follows_query`), its
    Location carries the new query into the stores and only the content is redrawn."""
    return html.Div(
        [
            dcc.Location(id=URL, refresh=False),
            dcc.Store(id=PATH_STORE, data=dash.get_relative_path("/")),
            dcc.Store(id=YEAR_STORE, data=year),
            dcc.Store(id=LAG_STORE, data=lag),
            dcc.Store(id=DRAWN),
            ticker("overview", TICKER_POLL_SECONDS),
            slow_work(html.Div(id=CONTENT, className="overview-grid")),
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


def _weakest(overview: Overview, lang: str, year: str | None) -> html.Ol:
    """The pillars losing most points, each a link to the units weakest on it (the laggards card)."""
    items = []
    names = localized_column(overview.weakest, "pillar_name", lang)
    for row, name in zip(overview.weakest.itertuples(), names, strict=True):
        items.append(
            html.Li(
                dcc.Link(
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
                    href="/" + query_string({"year": year, "lag": row.pillar_code}) + "#overview-laggards",
                    title=t("laggards.pillar_link", lang),
                    className="weak-link",
                    id=f"overview-weak-{row.pillar_code}",
                ),
                className="weak-item",
            )
        )
    return html.Ol(items, className="weak-list", id="overview-weakest")


def _benchmark(value: float, label: str, index_value: float, element_id: str) -> html.Div:
    above = index_value > value
    icon = "bi-caret-up-fill text-success" if above else "bi-caret-down-fill text-danger"
    return html.Div([html.I(className=f"bi {icon} me-1"), label], className="kpi-sub", id=element_id)


def _average_line(overview: Overview, lang: str) -> list[html.Div] | html.Div | None:
    """The provincial average and the national DTI beside the province's value, each named for what it
    is (the average computed when no report prints it), or why there is no value: a rank only, or nothing."""
    if overview.index_value is None:
        key = "overview.no_index" if overview.rank is not None else "overview.no_index_nothing"
        return html.Div(t(key, lang, year=overview.year), className="kpi-sub", id="overview-average")
    lines = []
    if overview.average_index is not None:
        value = format_number(overview.average_index, 4, lang)
        label = (
            t("overview.average", lang, value=value)
            if overview.average_computed_from is None
            else t("overview.average_computed", lang, value=value, n=overview.average_computed_from)
        )
        lines.append(_benchmark(overview.average_index, label, overview.index_value, "overview-average"))
    if overview.national_index is not None:
        label = t("overview.national", lang, value=format_number(overview.national_index, 4, lang))
        lines.append(_benchmark(overview.national_index, label, overview.index_value, "overview-national"))
    return lines or None


def _laggards_card(
    overview: Overview, focus: str, year: str | None, lag: str | None, lang: str, titles: dict[str, str]
) -> html.Div:
    """The weakest departments and districts by % of maximum, or on the index `lag` names."""
    pillar_name = None
    match = overview.pillars[overview.pillars["pillar_code"] == lag]
    # Only the focus's own indices link here; any other value shows the totals.
    lag = lag if not match.empty else None
    levels = shown_levels(focus, overview.year)
    if lag:
        pillar_name = localized_column(match, "pillar_name", lang).iloc[0]
        lists = {lvl: weakest_on_pillar(focus, lvl, overview.year, lag, LAGGARDS_SHOWN) for lvl in levels}
    else:
        lists = {lvl: weakest_on_total(focus, lvl, overview.year, LAGGARDS_SHOWN) for lvl in levels}
    scored = {lvl: not weakest_on_total(focus, lvl, overview.year, 1).empty for lvl in levels}
    not_scored = {lvl for lvl, frame in lists.items() if frame.empty and scored[lvl]} if lag else set()
    title = t("laggards.title_pillar", lang, pillar=pillar_name) if lag else t("laggards.title", lang)
    body = laggards_body(
        lists,
        year=overview.year,
        lang=lang,
        pillar_name=pillar_name,
        clear_href="/" + query_string({"year": year}),
        not_scored=not_scored,
    )
    sources = pd.concat([frame["source"] for frame in lists.values()]) if lists else pd.Series(dtype=str)
    return source_card(title, body, source=cite(t("overview.source", lang), sources, titles), fill=True)


def _risk_card(focus: str, lang: str, titles: dict[str, str]) -> html.Div | None:
    """The latest plan's targets projected to miss their deadline (each target once)."""
    years = plan_years()
    if not years:
        return None
    targets = target_progress(years[-1], focus)
    if targets.empty:
        return None
    risky = at_risk(targets)
    deadline = targets["projection_deadline"].replace("", pd.NA).dropna()
    method = t("targets.risk_method", lang, deadline=deadline.iloc[0] if not deadline.empty else "—")
    href = "/targets" + query_string({"year": years[-1]})
    return source_card(
        t("targets.risk_title", lang),
        risk_list(risky, lang=lang, href=href, limit=RISKS_SHOWN),
        source=f"{method}. {cite(t('overview.source', lang), targets['source'], titles)}",
        fill=True,
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


def _change_footer(overview: Overview, lang: str) -> list:
    """The rank card's footer: the change since the year before, in rank and value, and where the
    year before was computed from a merger's predecessors, which ones."""
    previous = overview.previous_year
    footer = [
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
    if overview.previous_computed_from:
        names = reorganisation.names()
        pick = 0 if lang == "vi" else 1
        predecessors = [names[code][pick] for code in overview.previous_computed_from]
        footer.append(
            html.Div(
                t("reorg.previous_computed", lang, year=previous, names=", ".join(predecessors)),
                className="kpi-sub",
                id="overview-previous-computed",
            )
        )
    return footer


def _kpi_row(
    overview: Overview, lang: str, titles: dict[str, str], year: str | None, risks: html.Div | None
) -> dbc.Row:
    """The DTI value, the rank and the pillars losing most points, each card a slot (a year changes
    all three); the targets at risk follow the latest plan, not the year, and stay in the frame."""
    source = t("overview.source", lang)
    dti = kpi_card(
        t("overview.dti", lang),
        format_number(overview.index_value, 4, lang),
        value_id="overview-dti-value",
        footer=_average_line(overview, lang),
        source=cite(source, [overview.index_source, overview.average_source, overview.national_source], titles),
    )
    rank = kpi_card(
        t("overview.rank", lang),
        format_rank(overview.rank, overview.rank_of),
        value_id="overview-rank-value",
        footer=_change_footer(overview, lang),
    )
    weakest = source_card(
        t("overview.weakest_title", lang),
        _weakest(overview, lang, year) if not overview.weakest.empty else no_scores_text(overview, lang),
        source=cite(source, overview.pillars["source"], titles),
        fill=True,
    )
    width = 3 if risks is not None else 4
    columns = [
        dbc.Col(parts.slot(SLOT, name, card), md=width)
        for name, card in (("dti", dti), ("rank", rank), ("weakest", weakest))
    ]
    if risks is not None:
        columns.append(dbc.Col(risks, md=width, id="overview-risks"))
    return dbc.Row(columns, className="g-3 kpi-row")


def _kept_graph(name: str, figure: object) -> html.Div:
    """A graph that fills its card and stays in place across years (`parts.graph_part`): `#overview-<name>`."""
    return parts.graph_part(
        FIGURE,
        name,
        figure,
        element_id=f"overview-{name}",
        config=GRAPH_CONFIG,
        fill=True,
    )


def _radar_body(overview: Overview, theme: str, lang: str, index_changes: IndexChanges | None) -> list:
    """The pillars as a radar (a graph kept in place) beside their table (a slot), and a slot saying why
    there are none. Both are in every year's content, the row hidden while the slot speaks
    (assets/10-app.css): a year of ranks only and a scored year share the frame, so a change between them
    patches the radar in or out instead of drawing the page anew."""
    if overview.pillars.empty:
        empty = html.Div(no_scores_text(overview, lang), className="empty-inline", id="overview-radar-empty")
        radar_figure, legend, table = figures.blank_figure(theme, lang), None, None
    else:
        empty = None
        radar_figure, legend = _radar(overview, theme, lang)
        table = _pillar_table(overview, lang, index_changes)
    row = dbc.Row(
        [
            dbc.Col(
                [parts.slot(SLOT, "radar-legend", legend), _kept_graph("radar", radar_figure)],
                lg=7,
                className="radar-col",
            ),
            dbc.Col(
                parts.slot(SLOT, "pillar-table", table),
                lg=5,
                className="d-flex flex-column justify-content-center",
            ),
        ],
        className="g-2 h-100 overview-radar-row",
    )
    return [parts.slot(SLOT, "radar-empty", empty), row]


def _pillar_table(overview: Overview, lang: str, index_changes: IndexChanges | None) -> list:
    """The pillars' points and shares, with each one's change since the year before where both are
    scored (then the radar and the table share the row equally: assets/10-app.css)."""
    previous = overview.previous_year
    named = overview.pillars.assign(pillar_name=localized_column(overview.pillars, "pillar_name", lang))
    changes = index_changes or IndexChanges(None, False)
    cells = index_change_cells(changes.table, changes.previous_year, lang)
    caveats = pillar_caveat_lines(overview.pillars, overview.discrepancies, lang)
    return [
        pillar_points_table(
            named,
            lang=lang,
            name_column="pillar_name",
            headers=[t("overview.pillar", lang), t("overview.points", lang), "%"]
            + ([t("changes.column", lang, year=previous)] if cells else []),
            caveats=caveats,
            id_prefix="overview",
            changes=cells,
        ),
        index_changes_note(
            changes.table,
            changes.previous_year,
            changes.previous_scored,
            lang,
            element_id="overview-index-changes",
            link=dcc.Link(
                t("changes.movers_link", lang),
                href=f"/units/{overview.unit_code}?year={overview.year}#units-changes",
                id="overview-movers-link",
            )
            if previous
            else None,
        ),
    ]


def _graph_card(title: str, body: object, name: str, source: str) -> dbc.Card:
    """A chart's card whose source line is a slot of its own (the years cited change with the year)."""
    sources = parts.slot(SLOT, f"{name}-sources", source_notes([source]))
    return source_card(title, body, notes=[sources], fill=True)


def _chart_row(
    overview: Overview,
    theme: str,
    lang: str,
    titles: dict[str, str],
    laggards: html.Div | None,
    index_changes: IndexChanges | None,
) -> dbc.Row:
    """The radar with the pillar table, who lags (a slot: the year and the lag change it) and the rank
    history (a graph kept in place)."""
    source = t("overview.source", lang)
    radar = _graph_card(
        t("overview.radar_title", lang),
        _radar_body(overview, theme, lang, index_changes),
        "radar",
        cite(source, overview.pillars["source"], titles),
    )
    figure = figures.rank_history(
        overview.rank_history, theme=theme, lang=lang, axis_title=t("overview.rank_axis", lang), narrow=True
    )
    history = _graph_card(
        t("overview.history_title", lang),
        _kept_graph("history", figure),
        "history",
        cite(source, overview.rank_history["source"], titles),
    )
    lagging = laggards is not None
    # The wall's columns, from Bootstrap's xxl up; below full HD (laptops, A4 paper) assets/10-app.css gives
    # the radar the row's whole width and lets who lags and the rank history share the row under it.
    return dbc.Row(
        [
            dbc.Col(radar, xxl=7 if lagging else 8, className="chart-col chart-col-radar"),
            *(
                [dbc.Col(parts.slot(SLOT, "laggards", laggards), xxl=3, className="chart-col chart-col-beside")]
                if lagging
                else []
            ),
            dbc.Col(history, xxl=2 if lagging else 4, className="chart-col chart-col-beside"),
        ],
        className="g-3 chart-row",
    )


def render(
    overview: Overview,
    theme: str,
    lang: str,
    titles: dict[str, str],
    *,
    laggards: html.Div | None = None,
    risks: html.Div | None = None,
    year: str | None = None,
    index_changes: IndexChanges | None = None,
    followed: html.Div | None = None,
) -> list:
    """The overview's content as a frame and its parts (`components.parts`): what a year or a lag
    changes sits in slots and graph parts, so a change that keeps the frame redraws only those, the
    radar and the rank history patched where they are drawn."""
    heading = html.H1(
        t("overview.heading", lang, unit=localized(overview, "unit_name", lang), year=overview.year),
        className="page-heading",
        id="overview-heading",
    )
    return [
        parts.slot(SLOT, "heading", heading),
        parts.slot(SLOT, "followed", followed),
        _kpi_row(overview, lang, titles, year, risks),
        _chart_row(overview, theme, lang, titles, laggards, index_changes),
    ]


# The query's year and lag into the stores, in the browser (no round trip before the content's own);
# only the values that changed, and only while the URL is still this page's (a link to another page
# changes the query too, just before this page goes).
clientside_callback(
    """function (search, pathname, path, year, lag) {
        const same = window.dash_clientside.no_update;
        if (pathname !== path) { return [same, same]; }
        const query = new URLSearchParams(search || "");
        const wanted = [query.get("year"), query.get("lag")];
        return [wanted[0] === (year ?? null) ? same : wanted[0], wanted[1] === (lag ?? null) ? same : wanted[1]];
    }""",
    Output(YEAR_STORE, "data"),
    Output(LAG_STORE, "data"),
    Input(URL, "search"),
    State(URL, "pathname"),
    State(PATH_STORE, "data"),
    State(YEAR_STORE, "data"),
    State(LAG_STORE, "data"),
    prevent_initial_call=True,
)


@callback(
    *parts.content_outputs(CONTENT, DRAWN, PART_TYPES),
    Input(YEAR_STORE, "data"),
    Input(THEME_STORE, "data"),
    Input(LAG_STORE, "data"),
    State(DRAWN, "data"),
)
@explained(lambda panel: parts.refused(panel, PARTS_AT))
def show_overview(year: str | None, theme: str | None, lag: str | None, drawn: dict | None) -> tuple:
    """The content for the URL's year and lag. A change that keeps the content's frame (a year with
    pillar scores as the one shown has, or without as it has none; a lag; the theme) sends only the parts
    that changed, the graphs patched where they are drawn; one that changes it, the whole content."""
    drawing = overview_drawing(year, theme or DEFAULT_THEME, lag, drawing_key())
    return parts.answer(drawing, drawn, parts.shown_parts(PARTS_AT))


@versioned
def overview_drawing(year: str | None, theme: str, lag: str | None, key: tuple) -> parts.Drawing:
    """The content of a URL kept per data version and `drawing_key`: a year shown again, by this reader
    or another, is answered without building its figures anew."""
    return parts.prepare(compact(overview_content(year, theme, lag)), PART_TYPES)


def overview_content(year: str | None, theme: str, lag: str | None) -> list:
    """The content for a year and lag, or the panel saying why there is none."""
    lang = language()
    focus = queries.focus_unit_code()
    if focus is None:
        raise no_focus(lang)
    info = queries.unit(focus)
    years = followed_years(focus)
    if info is not None and not years:
        name = localized(info, "name", lang)
        return [message_panel(t("overview.no_years_title", lang), t("overview.no_years", lang, unit=name))]
    try:  # an unknown focus has no years of its own: build_overview explains it
        chosen = resolve_year(year, lang, years=years or None) if year else default_year(focus, years)
        focus, followed = followed_focus(focus, chosen, lang, "overview-focus-followed")
        overview = build_overview(focus, chosen)
    except UnknownSelection as unknown:
        return [message_panel(t("error.database_title", lang), t("error.unknown_selection", lang, value=unknown))]
    titles = source_titles(lang)
    return render(
        overview,
        theme,
        lang,
        titles,
        laggards=_laggards_card(overview, focus, year, lag, lang, titles),
        risks=_risk_card(focus, lang, titles),
        year=year,
        index_changes=unit_index_changes(focus, overview.level, overview.year, overview.previous_year),
        followed=followed,
    )
