"""`/rankings`: the province in focus among all provinces, and the ranking of its own
departments or districts, year by year. `?year=` and `?level=` (province | department |
district) make every view a bookmark; past `domain.listing.PAGE_SIZE` units (a province of a
hundred districts) the units come a page at a time, `?q=`, `?order=` and `?page=` too."""

from __future__ import annotations

from typing import NamedTuple

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from auth.guard import level_refusal
from auth.policy import UNIT_HEAD, can_view_level
from auth.session import current_viewer
from components import figures, parts
from components import peers as peer_views
from components import rankings as views
from components.cards import source_notes
from components.citations import cite
from components.formatting import format_points, format_rank
from components.i18n import t
from components.listing import list_controls
from components.loading import slow_work
from components.shell import THEME_STORE
from components.static_html import static_html
from components.theme import DEFAULT_THEME
from data_access import geo, queries, reorganisation, year_changes
from data_access import peers as peer_data
from data_access import rankings as data
from data_access.cache import versioned
from data_access.districts import offered_levels
from data_access.focus_years import ranking_years
from data_access.overview import national_yardsticks
from domain.listing import BEST_FIRST, ORDERS, PAGE_SIZE, page_holding, page_of
from domain.regions import MAX_PEERS, PEERS_NONE, parse_peers, peers_param
from domain.text import localized
from domain.vocabulary import LEVELS, PROVINCE
from pages._context import (
    BadParameter,
    drawing_key,
    focus_years,
    followed_note,
    language,
    page_title,
    query_string,
    resolve_year,
    source_titles,
)
from pages._kit import (
    GRAPH_CONFIG,
    boundaries_url,
    compact,
    download_buttons,
    explained,
    explained_panel,
    follow_own_query,
    no_focus,
    register_download,
    source_card,
    unit_page_link,
)

dash.register_page(
    __name__,
    path="/rankings",
    title=page_title("title.rankings"),
    order=2,
    nav_key="nav.rankings",
    nav_icon="bi-trophy",
    year_options=focus_years(ranking_years),
    follows_query=True,
)

URL = "rankings-url"
PATH = "rankings-path"
QUERY = "rankings-query"
LEVEL = "rankings-level"
HEADING = "rankings-heading"
CONTENT = "rankings-content"
DOWNLOAD = "rankings-download"
DTI_NOTE = "rankings-dti-note"
FOLLOWED = "rankings-focus-followed"
# What the browser shows of the content (`components.parts`): the digests of its frame and parts.
DRAWN = "rankings-drawn"
LEVEL_YEARS = "rankings-level-years"
SLOT = "rankings-slot"
FIGURE = "rankings-figure"
PART_TYPES = (SLOT, FIGURE)
# Where the parts begin among the content callback's outputs (after its heading, content and drawn).
PARTS_AT = 3


class Selection(NamedTuple):
    """What the URL asks for, checked against the data."""

    focus: str
    level: str
    year: int
    peers: str | None = None
    # The province in focus as configured when it had ended by the year (the focus follows its successor).
    followed_from: str | None = None
    # A level's long list (`domain.listing`): a search by name, best or weakest first, the page asked for
    # (None: the first, or the one holding a unit head's own unit).
    search: str = ""
    order: str = BEST_FIRST
    page: int | None = None


def layout(
    year: str | None = None,
    level: str | None = None,
    peers: str | None = None,
    q: str | None = None,
    order: str | None = None,
    page: str | None = None,
    **_query: str,
) -> html.Div:
    """The page's frame; its content comes from `show_rankings`. A level, year or peers chosen on the page
    itself do not come here: the page follows its own query (`follows_query`), its Location carries the
    new query into `QUERY` and only the content is redrawn."""
    lang = language()
    chosen = level or PROVINCE
    levels = visible_levels()
    controls = html.Div(
        [
            views.level_selector(LEVEL, levels, chosen if chosen in LEVELS else None, lang),
            download_buttons(DOWNLOAD, lang),
        ],
        className="rankings-controls",
    )
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            dcc.Store(id=PATH, data=dash.get_relative_path("/rankings")),
            dcc.Store(
                id=QUERY, data={"year": year, "level": level, "peers": peers, "q": q, "order": order, "page": page}
            ),
            dcc.Store(id=DRAWN),
            dcc.Store(id=LEVEL_YEARS, data=level_years(levels)),
            html.Div([html.H1(id=HEADING, className="page-heading"), controls], className="rankings-header"),
            slow_work(html.Div(id=CONTENT, className="rankings-content")),
        ],
        className="page-rankings",
    )


def visible_levels() -> list[str]:
    """The levels the reader may rank (a unit head: the provinces and their own level); the server checks
    again. Communes (from 2025) only once the focus has some: before, the option would lead nowhere."""
    viewer = current_viewer()
    return [level for level in offered_levels(queries.focus_unit_code()) if can_view_level(viewer, level)]


def resolve_selection(query: dict, lang: str) -> Selection:
    """Level, year and province in focus from the URL; `BadParameter` with a friendly panel otherwise.

    Without a year, the latest year with results at the level is shown.
    """
    level = query.get("level") or PROVINCE
    if level not in LEVELS:
        levels = ", ".join(t(f"level.{option}", lang) for option in LEVELS)
        raise explained_panel(
            "rankings.bad_level_title", "rankings.bad_level", lang, icon="bi-funnel", level=level, levels=levels
        )
    denied = level_refusal(level, lang)
    if denied is not None:
        raise BadParameter(denied)
    focus = queries.focus_unit_code()
    if focus is None:
        raise no_focus(lang)
    raw_year = query.get("year")
    if raw_year in (None, ""):
        years = data.level_years(level, None if level == PROVINCE else focus)
        if level == PROVINCE:  # the latest national table in which the focus itself is ranked
            years = [y for y in years if y in ranking_years(focus)] or years
        year = years[-1] if years else resolve_year(None, lang)
    else:
        year = resolve_year(raw_year, lang)
    successor = reorganisation.successor_for(focus, year) if level == PROVINCE else None
    if successor is not None:
        return Selection(focus=successor, level=level, year=year, peers=query.get("peers"), followed_from=focus)
    return Selection(focus=focus, level=level, year=year, peers=query.get("peers"), **_list_choice(query))


def _list_choice(query: dict) -> dict:
    """The search, order and page of a level's list as the URL gives them; anything else is ignored
    (`page_of` clamps the page to those there are)."""
    raw_page = str(query.get("page") or "")
    return {
        "search": str(query.get("q") or "")[:80],
        "order": query.get("order") if query.get("order") in ORDERS else BEST_FIRST,
        "page": int(raw_page) if raw_page.isdigit() else None,
    }


class NoResults(LookupError):
    """The year has no results at the level: the page explains it and offers nothing to download."""

    def __init__(self, panel: html.Div):
        super().__init__("no results")
        self.panel = panel


def _empty(selection: Selection, lang: str) -> html.Div:
    years = data.level_years(selection.level, None if selection.level == PROVINCE else selection.focus)
    return views.no_results(selection.level, selection.year, years, lang)


def render_province(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> list:
    """The national table, the rank map and the rank history of the provinces."""
    ranking = data.national_ranking(selection.year)
    if ranking.empty:
        raise NoResults(_empty(selection, lang))
    focus_rows = ranking[ranking["unit_code"] == selection.focus]
    field = int(ranking["rank_of"].max())
    summary = None
    if not focus_rows.empty:
        focus = focus_rows.iloc[0]
        summary = html.Div(
            t(
                "rankings.focus_summary",
                lang,
                unit=localized(focus, "unit_name", lang),
                rank=format_rank(focus["rank"], field),
            ),
            className="rankings-focus-summary",
            id="rankings-focus-summary",
        )
    changes = year_changes.national_changes(selection.year)
    average, national = national_yardsticks(selection.year)
    notes = [
        views.dti_note(ranking, lang=lang, note_id=DTI_NOTE),
        views.benchmarks_note(average, national, lang=lang),
        national_change_note(changes, field, lang, selection.year),
    ]
    if selection.followed_from is not None:
        notes.insert(0, followed_note(selection.followed_from, selection.focus, selection.year, lang, FOLLOWED))
    if len(ranking) < field:
        notes.append(
            html.Div(
                t("rankings.national_partial", lang, year=selection.year, n=len(ranking), field=field),
                className="rankings-note",
            )
        )
    ranking_source = cite(t("common.source", lang), [*ranking["source"], average.source, national.source], titles)
    table = source_card(
        t("rankings.national_title", lang),
        static_html(
            views.national_table(
                ranking,
                focus_code=selection.focus,
                lang=lang,
                table_id="rankings-national-table",
                changes=changes.table if changes.previous_year is not None else None,
            ),
            class_name="rankings-scroll",
        ),
        source=[ranking_source],
        card_id="rankings-national-card",
        fill=True,
        header_extra=summary,
        notes=notes,
    )

    provinces = geo.provinces_file(selection.year)
    map_sources = [ranking_source, geo.attribution(geo.PROVINCES_FILE)]
    if provinces != geo.PROVINCES_FILE:
        map_sources.append(t("reorg.map_dissolved", lang, n=len(geo.boundaries(provinces)["features"])))
    rank_map = views.rank_map_card(
        ranking,
        geo.boundaries(provinces),
        focus_code=selection.focus,
        theme=theme,
        lang=lang,
        sources=map_sources,
        part_types=PART_TYPES,
        geojson_url=boundaries_url(provinces),
    )
    chosen, peer_notes = _chosen_peers(selection, ranking, lang)
    bump = bump_card(selection.focus, tuple(chosen), theme, lang)
    return [
        dbc.Row(
            [
                dbc.Col(parts.slot(SLOT, "national-table", table), lg=4, className="rankings-tall"),
                dbc.Col(rank_map, lg=4, className="rankings-tall"),
                dbc.Col(bump, lg=4, className="rankings-tall"),
            ],
            className="g-3",
        ),
        _peers_section(selection, ranking, chosen, peer_notes, theme, lang, titles),
    ]


@versioned
def bump_card(focus: str, peers: tuple[str, ...], theme: str, lang: str) -> dbc.Card:
    """The provinces' rank history, kept per data version: it draws every year, so another year on the
    page draws the same card (the browser keeps it as drawn, `components.parts`), and building it anew
    was about a quarter of the answer's time."""
    return views.bump_card(
        peer_data.province_histories(),
        focus_code=focus,
        theme=theme,
        lang=lang,
        titles=source_titles(lang),
        graph_id="rankings-bump",
        part_types=PART_TYPES,
        peers=peers,
    )


def national_change_note(changes, field: int, lang: str, year: int) -> html.Div | None:
    """What the change columns compare with, and why most are "—" when the year before is partial."""
    if changes.previous_year is None:
        return None
    if reorganisation.merger_first_ranked(year):
        text = t("reorg.change_note", lang, previous=changes.previous_year, field=field)
    elif changes.complete:
        text = t("rankings.national_change_since", lang, previous=changes.previous_year)
    else:
        n = int(changes.table["previous_rank"].notna().sum())
        text = t("rankings.national_change_partial", lang, previous=changes.previous_year, n=n, field=field)
    return html.Div(
        [html.I(className="bi bi-arrow-left-right me-1"), text],
        className="rankings-note",
        id="rankings-national-change-note",
    )


def _peers_link(selection: Selection, codes) -> str:
    return "/rankings" + query_string({"year": selection.year, "peers": peers_param(codes)})


def _chosen_peers(selection: Selection, ranking, lang: str) -> tuple[list[str], list[str]]:
    """The peers the URL names (the focus's region when it names none), those ranked in the year,
    at most MAX_PEERS; notes say what was left out and why."""
    parsed = parse_peers(selection.peers)
    if parsed is None:
        region = peer_data.region_preset(selection.focus)
        parsed = region.codes if region else ()
    ranked = set(ranking["unit_code"])
    known = [code for code in parsed if code in ranked and code != selection.focus]
    unknown = [code for code in parsed if code not in ranked]
    notes = []
    if unknown:
        notes.append(t("peers.unknown", lang, year=selection.year, codes=province_names(unknown, lang)))
    if len(known) > MAX_PEERS:
        notes.append(t("peers.too_many", lang, n=MAX_PEERS, codes=province_names(known[MAX_PEERS:], lang)))
        known = known[:MAX_PEERS]
    return known, notes


def province_names(codes: list[str], lang: str) -> str:
    """The provinces as a reader knows them ("Bình Dương, TP. Hồ Chí Minh"), not by their codes; a code
    no year ranks (a typo in a shared link) stays as it was typed."""
    histories = peer_data.province_histories().drop_duplicates("unit_code").set_index("unit_code")
    return ", ".join(
        localized(histories.loc[code], "unit_name", lang) if code in histories.index else code for code in codes
    )


def _peers_section(selection: Selection, ranking, chosen: list[str], notes: list[str], theme, lang, titles) -> html.Div:
    """The peers picker, their table and their radar of main indices. The table's card is a part, the
    radar a graph kept in place (another year patches it: drawing a radar anew was a third of a year
    change at national scale), its legend and notes parts too."""
    presets = []
    for preset in peer_data.presets(selection.focus, selection.year):
        if preset.key == "region":
            label = t("peers.preset_region", lang, region=localized(preset, "name", lang))
        else:
            label = t("peers.preset_top", lang, n=len(preset.codes))
        presets.append((preset.key, label, _peers_link(selection, preset.codes)))
    picker = peer_views.peer_picker(
        ranking, chosen, presets=presets, clear_href=_peers_link(selection, ()), lang=lang, notes=notes
    )
    compared = [selection.focus, *chosen]
    colors = peer_views.peer_colors(selection.focus, chosen)
    table = peer_data.peer_table(selection.year, compared)
    earlier = peer_data.province_histories()
    earlier_years = sorted(y for y in earlier["year"].unique() if y < selection.year)
    source_label = t("common.source", lang)
    region_source = peer_data.regions()["source"].drop_duplicates().tolist()
    table_card = source_card(
        t("peers.table_title", lang, year=selection.year),
        [
            picker,
            static_html(
                peer_views.peer_table(
                    table,
                    colors=colors,
                    focus_code=selection.focus,
                    previous_year=int(earlier_years[-1]) if earlier_years else None,
                    lang=lang,
                ),
                class_name="rankings-scroll",
            ),
        ],
        source=[
            cite(source_label, table["source"], titles),
            *[f"{t('peers.region_source', lang)}: {s}" for s in region_source],
        ],
        card_id="rankings-peers-card",
    )
    pillars = peer_data.peer_pillars(selection.year, compared)
    missing = table[~table["has_pillars"]]
    radar_notes = []
    if not missing.empty:
        names = ", ".join(localized(row, "unit_name", lang) for row in missing.to_dict("records"))
        radar_notes.append(
            html.Div(
                t("peers.no_pillars", lang, year=selection.year, names=names),
                className="rankings-note",
                id="rankings-peers-no-pillars",
            )
        )
    # The radar's place is the same with or without figures (a blank one, its legend the reason): another
    # year keeps the frame either way.
    if pillars.empty:
        legend = html.Div(t("peers.no_radar", lang, year=selection.year), className="empty-inline")
        radar = figures.blank_figure(theme, lang)
    else:
        legend = peer_views.radar_legend(table, colors=colors, focus_code=selection.focus, lang=lang)
        radar = peer_views.peer_radar(
            pillars, order=compared, colors=colors, focus_code=selection.focus, theme=theme, lang=lang
        )
    radar_body = [
        parts.slot(SLOT, "peers-radar-legend", legend),
        parts.graph_part(
            FIGURE,
            "peers-radar",
            radar,
            element_id="rankings-peers-radar",
            config=GRAPH_CONFIG,
            fill=True,
        ),
    ]
    sources = source_notes([cite(source_label, pillars["source"] if not pillars.empty else [], titles)])
    radar_notes = [parts.slot(SLOT, "peers-radar-notes", [*radar_notes, *sources])]
    radar_card = source_card(
        t("peers.radar_title", lang), radar_body, notes=radar_notes, card_id="rankings-peers-radar-card", fill=True
    )
    return html.Section(
        [
            html.H2(t("peers.title", lang), className="rankings-section-title"),
            dbc.Row(
                [
                    dbc.Col(parts.slot(SLOT, "peers-table", table_card), lg=7),
                    dbc.Col(radar_card, lg=5, className="peers-radar-col"),
                ],
                className="g-3",
            ),
        ],
        className="peers-section",
        id="rankings-peers-section",
    )


def render_units(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> list:
    """The province's departments or districts: ranked table and bars of their totals by group. Past
    `PAGE_SIZE` units both show one page of the list (`shown_units`): a hundred rows of a table are
    thousands of components for the browser to build, on every change of level; the whole level stays
    in the CSV/Excel download."""
    ranking = data.unit_ranking(selection.focus, selection.level, selection.year)
    table = with_trend(ranking, selection)
    if table.empty:
        raise NoResults(_empty(selection, lang))
    own = _own_unit(table)
    shown, controls = shown_units(table, selection, own, lang)
    source_label = t("common.source", lang)
    table_notes = [html.Div(t("rankings.rank_note", lang), className="rankings-note")]
    if table["median_method"].any():
        table_notes.append(html.Div(t("rankings.median_note", lang), className="rankings-note", id="rankings-median"))
    table_card = source_card(
        t("rankings.table_title", lang),
        [
            *([controls] if controls is not None else []),
            static_html(
                views.unit_table(
                    shown,
                    lang=lang,
                    previous_year=ranking.previous_year if ranking.has_previous else None,
                    table_id="rankings-unit-table",
                    unit_href=unit_page_link,
                    focus_code=own,
                ),
                class_name="rankings-scroll",
            ),
        ],
        source=[cite(source_label, [*table["score_source"], *table["published_source"]], titles)],
        card_id="rankings-unit-card",
        fill=True,
        notes=table_notes,
    )
    maximum = float(table["max_total"].max())
    thresholds_of_year = queries.group_thresholds(selection.year, selection.level)
    thresholds = [(bound.code, bound.min_share * maximum) for bound in thresholds_of_year if bound.min_share > 0]
    bars = views.unit_bars(
        shown,
        theme=theme,
        lang=lang,
        axis_title=t("rankings.bars_axis", lang, max=format_points(maximum, lang)),
        thresholds=thresholds,
    )
    bars_notes = source_notes([cite(source_label, views.bar_sources(shown), titles)])
    if controls is not None:
        page_note = html.Div(t("rankings.bars_page", lang), className="rankings-note", id="rankings-bars-page")
        bars_notes.insert(0, page_note)
    bars_card = source_card(
        t("rankings.bars_title", lang),
        [
            parts.slot(SLOT, "bars-legend", views.group_legend(table["group"].dropna(), thresholds_of_year, lang)),
            parts.graph_part(FIGURE, "bars", bars, element_id="rankings-bars", config=GRAPH_CONFIG),
        ],
        notes=[parts.slot(SLOT, "bars-sources", bars_notes)],
        card_id="rankings-bars-card",
        fill=True,
    )
    return [
        parts.slot(SLOT, "change-note", views.change_note(ranking, lang)),
        dbc.Row([dbc.Col(parts.slot(SLOT, "unit-table", table_card), lg=7), dbc.Col(bars_card, lg=5)], className="g-3"),
    ]


def _own_unit(table) -> str | None:
    """A unit head's own unit when it is in the ranking shown: their row is marked and their page opened."""
    viewer = current_viewer()
    code = viewer.unit_code if viewer is not None and viewer.role == UNIT_HEAD else None
    return code if code is not None and code in set(table["unit_code"]) else None


def shown_units(table, selection: Selection, own: str | None, lang: str) -> tuple:
    """The rows of the level shown and the list's controls: every row up to `PAGE_SIZE` units (no
    controls), else the page the URL asks for of the search and order it gives (`domain.listing`),
    without one the page holding the reader's own unit, or the first."""
    if len(table) <= PAGE_SIZE:
        return table, None
    page = selection.page
    if page is None and not selection.search:
        page = page_holding(table, own, order=selection.order)
    listing = page_of(table, search=selection.search, order=selection.order, page=page or 1)

    def href(**changes: object) -> str:
        params = {
            "year": selection.year,
            "level": selection.level,
            "q": selection.search or None,
            "order": None if selection.order == BEST_FIRST else selection.order,
            "page": listing.page,
            **changes,
        }
        if params["page"] in (1, None):
            params["page"] = None
        return "/rankings" + query_string(params)

    controls = list_controls(
        listing,
        prefix="rankings",
        action="/rankings",
        href=href,
        search=selection.search,
        order=selection.order,
        hidden={
            "year": selection.year,
            "level": selection.level,
            "order": None if selection.order == BEST_FIRST else selection.order,
        },
        placeholder=t("rankings.search_placeholder", lang),
        lang=lang,
        in_page=True,
    )
    return listing.rows, controls


def with_trend(ranking, selection: Selection):
    """The unit ranking's table with `trend` (`domain.changes`): which units are new to the ranking."""
    trend = year_changes.unit_changes(selection.focus, selection.level, selection.year).table["trend"]
    return ranking.table.assign(trend=trend.to_numpy())


def _heading(selection: Selection, lang: str) -> str:
    name = localized(queries.unit(selection.focus) or {}, "name", lang) or selection.focus
    return t(f"rankings.heading.{selection.level}", lang, unit=name, year=selection.year)


def level_years(levels: list[str]) -> dict[str, list[int]]:
    """The years with results at each level offered (the national table: every year ranked), for the
    level selector to keep the year shown only where the new level has results."""
    focus = queries.focus_unit_code()
    return {level: data.level_years(level, None if level == PROVINCE else focus) for level in levels}


# The level chosen becomes part of the URL and, at once, of `QUERY` (the content's answer is asked for
# without waiting for the URL to go round Dash's router); a search or page of the level before is left
# behind (the new level's list opens on its first page). The year shown stays only if the new level has
# results that year (`LEVEL_YEARS`); otherwise the page opens on that level's latest year (the national
# table's year may have no departments or districts yet). The content callback checks level and year
# again. A selector following the URL (back, forward) writes nothing: a new history entry would cut
# the forward history.
clientside_callback(
    """function (level, query, levelYears) {
        const same = window.dash_clientside.no_update;
        query = query || {};
        if (level === (query.level || "PROVINCE")) { return [same, same]; }
        const raw = String(query.year ?? "").trim();
        let year = /^[0-9]{1,9}$/.test(raw) ? String(parseInt(raw, 10)) : null;
        if (year !== null && !((levelYears || {})[level] || []).includes(Number(year))) { year = null; }
        const params = new URLSearchParams();
        if (year !== null) { params.set("year", year); }
        params.set("level", level);
        return ["?" + params.toString(), {year: year, level: level, peers: null, q: null, order: null, page: null}];
    }""".replace("PROVINCE", PROVINCE),
    Output(URL, "search"),
    Output(QUERY, "data", allow_duplicate=True),
    Input(LEVEL, "value"),
    State(QUERY, "data"),
    State(LEVEL_YEARS, "data"),
    prevent_initial_call=True,
)


follow_own_query(
    URL, PATH, QUERY, ("year", "level", "peers", "q", "order", "page"), selector=(LEVEL, "level", PROVINCE)
)


# The peers chosen become part of the URL (`?peers=a,b,c`, `none` for none), which redraws the page;
# in the browser, as `peers_param` writes them. The picker reports its value when it appears: that is
# the choice already drawn, not a new one, and costs no round trip.
clientside_callback(
    """function (peers, drawn, query) {
        const same = window.dash_clientside.no_update;
        peers = peers || [];
        drawn = drawn || [];
        if (peers.length === drawn.length && peers.every((code, i) => code === drawn[i])) { return same; }
        query = query || {};
        const params = new URLSearchParams();
        ["year", "level"].forEach((key) => { if (query[key]) { params.set(key, query[key]); } });
        params.set("peers", [...new Set(peers)].join(",") || "PEERS_NONE");
        return "?" + params.toString();
    }""".replace("PEERS_NONE", PEERS_NONE),
    Output(URL, "search", allow_duplicate=True),
    Input(peer_views.PICKER, "value"),
    State(peer_views.CHOSEN, "data"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)


def _refused(panel: html.Div) -> tuple:
    return "", *parts.refused(panel, PARTS_AT), True, True


@callback(
    Output(HEADING, "children"),
    *parts.content_outputs(CONTENT, DRAWN, PART_TYPES),
    Output(f"{DOWNLOAD}-csv", "disabled"),
    Output(f"{DOWNLOAD}-xlsx", "disabled"),
    Input(QUERY, "data"),
    Input(THEME_STORE, "data"),
    State(DRAWN, "data"),
)
@explained(_refused)
def show_rankings(query: dict | None, theme: str | None, drawn: dict | None) -> tuple:
    """Heading and content for the URL; the download buttons are disabled when there is no table. A
    year or level that keeps the content's frame redraws only the parts that changed."""
    lang = language()
    selection = resolve_selection(query or {}, lang)
    drawing, empty = rankings_drawing(selection, theme or DEFAULT_THEME, drawing_key())
    return _heading(selection, lang), *parts.answer(drawing, drawn, parts.shown_parts(PARTS_AT)), empty, empty


@versioned
def rankings_drawing(selection: Selection, theme: str, key: tuple) -> tuple[parts.Drawing, bool]:
    """The content of a selection (checked, the reader's access to its level included, by
    `resolve_selection`) and whether it is empty, kept per data version and `drawing_key`: a year or
    level shown again, by this reader or another, is answered without building it anew."""
    lang = language()
    render = render_province if selection.level == PROVINCE else render_units
    try:
        content, empty = render(selection, theme, lang, source_titles(lang)), False
    except NoResults as no_results:
        content, empty = [no_results.panel], True
    return parts.prepare(compact(content), PART_TYPES), empty


def export_frame(selection: Selection, lang: str):
    """The table shown for the selection, as a frame with the reader's column headers; None when empty."""
    titles = source_titles(lang)
    if selection.level == PROVINCE:
        ranking = data.national_ranking(selection.year)
        if ranking.empty:
            return None
        changes = year_changes.national_changes(selection.year)
        return views.national_export(
            ranking, lang=lang, titles=titles, changes=changes.table, previous_year=changes.previous_year
        )
    ranking = data.unit_ranking(selection.focus, selection.level, selection.year)
    if ranking.table.empty:
        return None
    previous = ranking.previous_year if ranking.has_previous else None
    return views.unit_export(with_trend(ranking, selection), lang=lang, titles=titles, previous_year=previous)


def rankings_file(lang: str, query: dict | None):
    """The table on screen as CSV or Excel; parameters are checked again here, never trusted."""
    selection = resolve_selection(query or {}, lang)
    frame = export_frame(selection, lang)
    return None if frame is None else (frame, f"xep-hang-{selection.level}-{selection.year}")


register_download(DOWNLOAD, rankings_file, State(QUERY, "data"))
