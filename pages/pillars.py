"""`/pillars`: a unit's pillars against its level's comparison, the table behind them and the per-task points.

Filters live in the URL (`year`, `level`, `unit`, `compare`): the selectors write it, the
content is drawn from it alone, so every view can be bookmarked. The page follows its own query: a year
or a unit chosen redraws the content in place, by parts (the radar patched, `components.parts`).
"""

from __future__ import annotations

from functools import partial

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from auth.guard import unit_refusal
from auth.policy import can_view_level, can_view_unit, names_other_units
from auth.session import current_viewer
from components import parts
from components.citations import cite, readable_citation
from components.i18n import dropdown_labels, t
from components.loading import slow_work
from components.pillars import (
    comparison_label,
    indicator_export,
    indicator_section,
    level_label,
    pillar_export,
    radar_card,
    table_card,
    table_rows,
)
from components.shell import THEME_STORE, message_panel
from components.theme import DEFAULT_THEME
from data_access import queries
from data_access.cache import versioned
from data_access.districts import offered_levels
from data_access.focus_years import followed, pillar_years, scored_years
from data_access.pillars import (
    LEADING,
    BadSelection,
    PillarsView,
    Selection,
    level_units,
    pillars_view,
    resolve_selection,
    score_years,
)
from domain.text import localized
from domain.vocabulary import LEVELS, PROVINCE
from pages._context import (
    BadParameter,
    drawing_key,
    focus_years,
    followed_focus,
    language,
    page_title,
    resolve_year,
    source_titles,
)
from pages._kit import DATA_ERRORS, compact, explained, follow_own_query, register_download

dash.register_page(
    __name__,
    path="/pillars",
    title=page_title("title.pillars"),
    order=1,
    nav_key="nav.pillars",
    nav_icon="bi-bullseye",
    year_options=focus_years(lambda unit_code: followed(unit_code, pillar_years)),
    follows_query=True,
)

URL = "pillars-url"
PATH = "pillars-path"
QUERY = "pillars-query"
# The URL's parameters, as `QUERY` holds them.
QUERY_KEYS = ("year", "level", "unit", "compare")
# What the browser shows of the content (`components.parts`): the digests of its frame and parts.
DRAWN = "pillars-drawn"
SLOT = "pillars-slot"
FIGURE = "pillars-figure"
PART_TYPES = (SLOT, FIGURE)
# Where the parts begin among the content callback's outputs (after its content and drawn).
PARTS_AT = 2
CONTENT = "pillars-content"
LEVEL = "pillars-level"
UNIT = "pillars-unit"
COMPARE = "pillars-compare"
CHOSEN = "pillars-chosen"
RADAR = "pillars-radar"
TABLE = "pillars-table"
TABLE_DOWNLOAD = "pillars-table-download"
INDICATOR_DOWNLOAD = "pillars-indicators-download"
FOLLOWED = "pillars-focus-followed"


def layout(
    year: str | None = None,
    level: str | None = None,
    unit: str | None = None,
    compare: str | None = None,
    **_query: str,
) -> html.Div:
    """The page's frame; the selectors and the content come from `show_pillars`. A choice made on the page
    does not come here: the page follows its own query (`follows_query`)."""
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            dcc.Store(id=PATH, data=dash.get_relative_path("/pillars")),
            dcc.Store(id=QUERY, data={"year": year, "level": level, "unit": unit, "compare": compare}),
            dcc.Store(id=DRAWN),
            slow_work(html.Div(id=CONTENT, className="pillars-content")),
        ],
        className="page-pillars",
    )


def with_own_unit(query: dict | None) -> dict:
    """The query as the page reads it: a unit head asking for their own level without a unit sees their
    own unit, not the level's best, which they may not open."""
    query = {key: (query or {}).get(key) for key in QUERY_KEYS}
    viewer = current_viewer()
    if query["unit"] in (None, "") and viewer and viewer.unit_level and query["level"] == viewer.unit_level:
        query["unit"] = viewer.unit_code
    return query


def _unit_options(units: pd.DataFrame, level: str, lang: str) -> list[dict]:
    """The level's scored units, best first; below province level with their rank, which is the level's own."""
    return [
        {
            "label": localized(row, "unit_name", lang)
            if level == PROVINCE
            else f"{row.rank}. {localized(row, 'unit_name', lang)}",
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


def controls_of(query: dict, lang: str) -> list:
    """Level, unit and comparison selectors set from the URL; what the data cannot offer stays empty. With
    them, what they were drawn showing (`CHOSEN`): a selector reporting that value chose nothing new."""
    level = query["level"] or PROVINCE
    unit_value, compare_value, unit_options, compare_options = None, None, [], []
    try:
        year = page_year(query, lang)
        if level in LEVELS:
            units = level_units(year, level)
            if level != PROVINCE:
                viewer = current_viewer()
                units = units[units["unit_code"].map(lambda code: can_view_unit(viewer, code)).astype(bool)]
            unit_options = _unit_options(units, level, lang)
            codes = units["unit_code"].tolist()
            unit_value, compare_value = _selected(year, level, query, codes)
            # The level's default (its best unit) is not offered to a reader who may not see it.
            unit_value = unit_value if unit_value in codes else None
            if level == PROVINCE:
                others = units[units["unit_code"] != unit_value]
                compare_options = [{"label": t("pillars.compare_leading", lang), "value": LEADING}] + [
                    {"label": localized(row, "unit_name", lang), "value": row.unit_code} for row in others.itertuples()
                ]
    except (BadParameter, *DATA_ERRORS):
        pass
    row = dbc.Row(
        [
            dbc.Col(
                [
                    html.Label(t("pillars.level_label", lang), htmlFor=LEVEL, className="control-label"),
                    dbc.RadioItems(
                        id=LEVEL,
                        options=[
                            {"label": t(f"level.{code}", lang), "value": code}
                            for code in offered_levels(queries.focus_unit_code())
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
                        id=UNIT,
                        options=unit_options,
                        value=unit_value,
                        clearable=False,
                        labels=dropdown_labels(lang),
                        className="pillars-dropdown",
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
                        labels=dropdown_labels(lang),
                        className="pillars-dropdown",
                    ),
                ],
                xs=12,
                md=6,
                xl=True,
                # The comparison with a chosen province exists at province level only; the control
                # stays in the page (hidden) so the URL callback always has its three inputs.
                className="" if level == PROVINCE else "d-none",
            ),
        ],
        className="g-2 align-items-end pillars-controls",
    )
    shown_level = level if level in LEVELS else None
    return [row, dcc.Store(id=CHOSEN, data={"level": shown_level, "unit": unit_value, "compare": compare_value})]


# The selectors' choice as the URL, in the browser (a new level starts from its default unit and
# comparison); the URL then goes into `QUERY`. A selector reporting the value it was drawn with (`CHOSEN`:
# a dropdown does when it appears) writes nothing: a new history entry would cut the forward history.
clientside_callback(
    """function (level, unit, compare, query, chosen) {
        const same = window.dash_clientside.no_update;
        chosen = chosen || {};
        const drawn = [chosen.level, chosen.unit, chosen.compare].map((value) => value ?? null);
        if ([level, unit, compare].every((value, i) => (value ?? null) === drawn[i])) { return same; }
        const triggered = ((window.dash_clientside.callback_context || {}).triggered || []).map((t) => t.prop_id);
        const params = new URLSearchParams();
        if ((query || {}).year) { params.set("year", query.year); }
        if (level) { params.set("level", level); }
        if (!triggered.includes("LEVEL.value")) {
            if (unit) { params.set("unit", unit); }
            if (compare && level === "PROVINCE") { params.set("compare", compare); }
        }
        const search = params.toString() ? "?" + params.toString() : "";
        return search === window.location.search ? same : search;
    }""".replace("LEVEL", LEVEL).replace("PROVINCE", PROVINCE),
    Output(URL, "search", allow_duplicate=True),
    Input(LEVEL, "value"),
    Input(UNIT, "value"),
    Input(COMPARE, "value"),
    State(QUERY, "data"),
    State(CHOSEN, "data"),
    prevent_initial_call=True,
)


follow_own_query(URL, PATH, QUERY, QUERY_KEYS)


def page_year(query: dict, lang: str) -> int:
    """The URL's year, or the latest in which the focus (province level; its successor after a merger)
    or its own units (below it) have pillar scores; the shell offers only the years with some."""
    focus = queries.focus_unit_code()
    level = query.get("level") or PROVINCE
    if query.get("year") in (None, "") and focus and level in LEVELS:
        own = followed(focus, partial(scored_years, level=level)) if level == PROVINCE else scored_years(focus, level)
        years = own or pillar_years(focus)
        if years:
            return years[-1]
    return resolve_year(query.get("year"), lang)


def shown_focus(year: int, query: dict, lang: str) -> tuple[str | None, html.Div | None]:
    """The province the page shows for the focus in `year` when no unit is chosen, with the note when a
    merger had ended the focus by then (province level only, as on `/rankings`)."""
    focus = queries.focus_unit_code()
    level = query.get("level") or PROVINCE
    if focus is None or level != PROVINCE or query.get("unit") not in (None, ""):
        return focus, None
    return followed_focus(focus, year, lang, FOLLOWED)


def focus_without_scores(year: int, query: dict, lang: str) -> None:
    """Never another province's or its units' figures in the focus's place: without a unit chosen, a
    year in which the focus (or its departments, its districts) has no pillar scores says so, with
    the years that have them, instead of opening on someone else."""
    focus, note = shown_focus(year, query, lang)
    level = query.get("level") or PROVINCE
    if not focus or query.get("unit") not in (None, "") or level not in LEVELS or year in scored_years(focus, level):
        return
    name = localized(queries.unit(focus) or {}, "name", lang) or focus
    years = ", ".join(map(str, scored_years(focus, level))) or "—"
    body = t("pillars.focus_no_scores", lang, unit=name, year=year, level=level_label(level, lang), years=years)
    panel = message_panel(t("pillars.no_scores_title", lang), body, icon="bi-inbox", element_id="pillars-empty")
    raise BadParameter(html.Div([note, panel]) if note is not None else panel)


def selection_from(query: dict | None, lang: str) -> Selection:
    """The validated selection of the URL; `BadParameter` carries the friendly message for a bad one."""
    query = query or {}
    year = page_year(query, lang)
    focus_without_scores(year, query, lang)
    try:
        selection = resolve_selection(year, query.get("level"), query.get("unit"), query.get("compare"))
    except BadSelection as bad:
        level = query.get("level") or PROVINCE
        body = t(
            f"pillars.bad_{bad.param}",
            lang,
            value=bad.value,
            year=year,
            level=level_label(level, lang),
            choices="; ".join(f"{code} – {level_label(code, lang)}" for code in LEVELS),
        )
        raise BadParameter(message_panel(t("pillars.bad_title", lang), body, icon="bi-funnel")) from bad
    # Below province level a unit's pillars are its detail: its own head, leaders and admins only.
    denied = unit_refusal(selection.unit_code, lang) if selection.level != PROVINCE else None
    if denied is not None:
        raise BadParameter(denied)
    return selection


def no_scores(selection: Selection, lang: str) -> html.Div:
    """A year without scores at the level says so and names the years that have them."""
    years = ", ".join(map(str, score_years(selection.level))) or "—"
    return message_panel(
        t("pillars.no_scores_title", lang),
        t("pillars.no_scores", lang, year=selection.year, level=level_label(selection.level, lang), years=years),
        icon="bi-inbox",
        element_id="pillars-empty",
    )


def render(view: PillarsView, theme: str, lang: str, titles: dict[str, str], note: html.Div | None) -> list:
    """The heading, the radar beside the pillar table, and the tasks; `note` under the heading (the focus
    followed to its successor). The radar is patched in place, the rest are slots."""
    name = localized(view, "unit_name", lang)
    citations = list(view.pillars["source"]) + [s for c in view.comparisons for s in c.sources]
    source = cite(t("common.source", lang), citations, titles)
    heading = html.H1(
        [
            t("pillars.heading", lang, unit=name, year=view.selection.year),
            html.Span(level_label(view.selection.level, lang), className="pillars-level-badge"),
        ],
        className="page-heading",
        id="pillars-heading",
    )
    radar = radar_card(view, theme=theme, lang=lang, source=source, graph_id=RADAR, part_types=PART_TYPES)
    table = table_card(view, lang=lang, source=source, table_id=TABLE, download=TABLE_DOWNLOAD)
    charts = dbc.Row(
        [dbc.Col(radar, lg=5), dbc.Col(parts.slot(SLOT, "table", table), lg=7)],
        className="g-3",
    )
    indicators = indicator_section(view, theme=theme, lang=lang, titles=titles, download=INDICATOR_DOWNLOAD)
    return [
        parts.slot(SLOT, "heading", [heading, *([note] if note is not None else [])]),
        charts,
        parts.slot(SLOT, "indicators", indicators),
    ]


@callback(
    *parts.content_outputs(CONTENT, DRAWN, PART_TYPES),
    Input(QUERY, "data"),
    Input(THEME_STORE, "data"),
    State(DRAWN, "data"),
)
@explained(lambda panel: parts.refused(panel, PARTS_AT))
def show_pillars(query: dict | None, theme: str | None, drawn: dict | None) -> tuple:
    """The selectors and the content for the URL (checked here, the reader's access included). A year or
    unit that keeps the content's frame redraws only the parts that changed."""
    lang = language()
    query = with_own_unit(query)
    try:
        selection_from(query, lang)
    except BadParameter as bad:  # the selectors stay, so another choice can correct it
        return parts.refused([html.Div(controls_of(query, lang)), bad.panel], PARTS_AT)
    drawing = pillars_drawing(tuple(query.items()), theme or DEFAULT_THEME, drawing_key())
    return parts.answer(drawing, drawn, parts.shown_parts(PARTS_AT))


@versioned
def pillars_drawing(query: tuple[tuple[str, str | None], ...], theme: str, key: tuple) -> parts.Drawing:
    """The selectors and content of a checked query, kept per data version and `drawing_key`: a year or
    unit shown again, by this reader or another of the same scope, is answered without building it anew."""
    lang = language()
    query_dict = dict(query)
    selection = selection_from(query_dict, lang)
    controls = parts.slot(SLOT, "controls", controls_of(query_dict, lang))
    if not selection.unit_code:
        return parts.prepare(compact([controls, no_scores(selection, lang)]), PART_TYPES)
    view = pillars_view(selection, name_best=names_other_units(current_viewer()))
    shown, note = shown_focus(selection.year, query_dict, lang)
    note = note if selection.unit_code == shown else None
    return parts.prepare(compact([controls, *render(view, theme, lang, source_titles(lang), note)]), PART_TYPES)


def _requested_view(query: dict | None, lang: str) -> PillarsView | None:
    """The view a download asks for, validated again on the server; None when there is nothing to export."""
    selection = selection_from(with_own_unit(query), lang)
    return pillars_view(selection, name_best=names_other_units(current_viewer())) if selection.unit_code else None


def readable_sources(citations: pd.Series, lang: str) -> pd.Series:
    """Citations in a file as on screen: the document's title, not its file code."""
    titles = source_titles(lang)
    return citations.map(lambda citation: readable_citation(citation, titles))


def pillars_file(lang: str, query: dict | None) -> tuple[pd.DataFrame, str] | None:
    view = _requested_view(query, lang)
    if view is None:
        return None
    rows = table_rows(view, lang)
    frame = pillar_export(
        rows.assign(source=readable_sources(rows["source"], lang)),
        [t("pillars.export_comparison", lang, label=comparison_label(c, lang)) for c in view.comparisons],
        lang=lang,
        year=view.selection.year,
        level_label=level_label(view.selection.level, lang),
        unit_name=localized(view, "unit_name", lang),
    )
    return frame, t("pillars.file_pillars", lang, unit=view.selection.unit_code, year=view.selection.year)


def indicators_file(lang: str, query: dict | None) -> tuple[pd.DataFrame, str] | None:
    view = _requested_view(query, lang)
    if view is None or view.indicators.empty:
        return None
    tasks = view.indicators.assign(source=readable_sources(view.indicators["source"], lang))
    frame = indicator_export(tasks, lang=lang, year=view.selection.year, unit_name=localized(view, "unit_name", lang))
    return frame, t("pillars.file_indicators", lang, unit=view.selection.unit_code, year=view.selection.year)


register_download(TABLE_DOWNLOAD, pillars_file, State(QUERY, "data"))
register_download(INDICATOR_DOWNLOAD, indicators_file, State(QUERY, "data"))
