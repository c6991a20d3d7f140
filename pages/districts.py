"""`/districts`: the province's local units per criterion (heatmap) and on a map, for a year.

The level follows the year: districts until the 2025 reorganisation, communes, wards and special
zones after (whatever the data has that year). About a hundred communes are shown a page at a
time, strongest or weakest first, with a search by name; every choice is in the URL."""

from __future__ import annotations

from typing import NamedTuple

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html, no_update

from auth.policy import ALL_UNITS
from components import parts
from components.citations import cite
from components.districts import (
    TOTAL_COLUMN,
    district_heatmap,
    district_map,
    heatmap_export,
    labels_overlay,
    map_export,
    map_labels,
    map_notes,
    regions_covering,
    total_notes,
)
from components.i18n import t
from components.listing import list_controls as listing_controls
from components.loading import slow_work
from components.reorganisation import format_date
from components.shell import THEME_STORE, message_panel
from components.theme import DEFAULT_THEME
from data_access import boundaries, geo, queries, reorganisation
from data_access.cache import versioned
from data_access.districts import (
    TOTAL,
    DistrictResults,
    build_district_results,
    criterion_values,
    district_years,
    former_district_options,
    former_districts,
    map_regions,
    map_table,
)
from domain.listing import BEST_FIRST, ORDERS, PAGE_SIZE, ListPage, page_of
from domain.text import localized
from domain.vocabulary import COMMUNE, DISTRICT
from pages._context import (
    BadParameter,
    drawing_key,
    language,
    page_title,
    query_string,
    resolve_year,
    source_titles,
)
from pages._kit import (
    DATA_ERRORS,
    GRAPH_CONFIG,
    compact,
    download_buttons,
    explained,
    follow_own_query,
    no_focus,
    register_download,
    source_card,
)


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
    follows_query=True,
)

URL = "districts-url"
PATH = "districts-path"
QUERY = "districts-query"
# The URL's parameters, as `QUERY` holds them.
QUERY_KEYS = ("year", "criterion", "q", "order", "page", "from")
CRITERION = "districts-criterion"
HEADING = "districts-heading"
CONTENT = "districts-content"
HEATMAP = "districts-heatmap"
MAP = "districts-map"
# What the browser shows of the content (`components.parts`): the digests of its frame and parts. The
# heatmap and the map are graphs kept in place: another year or criterion patches them.
DRAWN = "districts-drawn"
SLOT = "districts-slot"
FIGURE = "districts-figure"
PART_TYPES = (SLOT, FIGURE)
# Where the parts begin among the content callback's outputs (after its heading, content and drawn).
PARTS_AT = 3
MAP_GRAPH = {"type": FIGURE, "name": "map"}
MAP_CHOICE = "districts-map-choice"
HEATMAP_DOWNLOAD = "districts-heatmap-download"
MAP_DOWNLOAD = "districts-map-download"
MAP_LABELS = "districts-map-labels"
FORMER = "districts-former"
FORMER_STATUS = "districts-former-status"
# The "every former district" choice (an empty value would pick the select's hidden placeholder).
EVERY_DISTRICT = "*"
# How a level is named in a download's file name.
FILE_LEVEL = {DISTRICT: "cap-huyen", COMMUNE: "cap-xa"}
# Regions named on the map as well as valued; past this many only the value fits in each.
NAMED_REGIONS_MAX = 30
# A former district's communes fill the map fitted to them, each region still small beside its name:
# named only for a handful, else (a former city's thirty wards) only values fit.
FORMER_NAMED_REGIONS_MAX = 12
# The map's view is fitted to its smallest size (pixels): the cards sit side by side only from 1800px
# wide (assets/30-districts.css), where the map is still at least this wide. The graphs grow with the
# screen's height.
MAP_SIZE = (600, 500)
HEATMAP_HEIGHT = "max(520px, calc(100vh - 295px))"
# A row stays readable (its label and its cells' percentages) however many districts or communes
# there are: past what fits, the heatmap grows and scrolls inside its card.
HEATMAP_ROW_PX = 26
HEATMAP_AXES_PX = 110
# A short list (the last page, a former district's few communes) still leaves its colour scale readable.
HEATMAP_MIN_ROWS = 10
MAP_HEIGHT = f"max({MAP_SIZE[1]}px, calc(100vh - 395px))"


def unit_href(unit_code: str) -> str:
    return f"/units/{unit_code}"


class Selection(NamedTuple):
    """A valid (province, year, criterion) from the URL, with the year's local results, and the
    list's search, order and page (`page_of` clamps the page to those there are). `province_code`
    is whose units they are: the focus, or its successor once it had merged away (`focus_code`).
    In a communes year, `former` is the former district the list is narrowed to (`?from=`), among
    `former_options` (the district → commune rows of the reorganisation dataset)."""

    province_code: str
    province_name: str
    year: int
    criterion: str
    results: DistrictResults
    search: str = ""
    order: str = BEST_FIRST
    page: int = 1
    focus_code: str = ""
    former: str = ""
    former_units: frozenset[str] = frozenset()
    former_options: pd.DataFrame | None = None

    @property
    def level(self) -> str:
        return self.results.level

    def totals(self) -> pd.DataFrame:
        """The units listed: every one, or those that came from the chosen former district (each
        keeps its rank among all)."""
        totals = self.results.totals
        return totals[totals["unit_code"].isin(self.former_units)] if self.former else totals

    def listing(self) -> ListPage:
        return page_of(self.totals(), search=self.search, order=self.order, page=self.page)


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
    if not results.empty and results.province_code != focus:  # merged away by then: its successor's units
        province = localized(queries.unit(results.province_code) or info, "name", lang)
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
    order = query.get("order") if query.get("order") in ORDERS else BEST_FIRST
    page = int(query["page"]) if str(query.get("page") or "").isdigit() else 1
    search = str(query.get("q") or "")[:80]
    former = str(query.get("from") or "")[:80]
    mapped = former_districts(tuple(results.totals["unit_code"])) if results.level == COMMUNE else None
    options = former_district_options(mapped) if mapped is not None else None
    units = (
        frozenset(mapped.loc[mapped["district_code"] == former, "unit_code"]) if former and mapped is not None else None
    )
    if former:
        _check_former(former, year, province, options, lang)
    return Selection(
        results.province_code,
        province,
        year,
        criterion,
        results,
        search,
        order,
        page,
        focus,
        former,
        units or frozenset(),
        options,
    )


def _former_name(row, lang: str) -> str:
    return localized(row, "district_name", lang)


def _check_former(former: str, year: int, province: str, options: pd.DataFrame | None, lang: str) -> None:
    """`?from=` names one of the year's former districts; otherwise the panel says which exist, or why none do."""
    if options is None:
        body = t("districts.former_not_communes", lang, year=year)
    elif options.empty:
        body = t("districts.former_none_body", lang, year=year, province=province, former=former)
    elif former not in set(options["district_code"]):
        listed = ", ".join(f"{row.district_code} ({_former_name(row, lang)})" for row in options.itertuples())
        body = t("districts.bad_former_body", lang, former=former, year=year, options=listed)
    else:
        return
    raise BadParameter(
        message_panel(
            t("districts.bad_former_title", lang), body, icon="bi-funnel", element_id="districts-former-empty"
        )
    )


def _criterion_options(year: str | None, criterion: str, lang: str) -> list[dict]:
    """The year's criteria and the total, as the page opens on the URL's year."""
    try:
        focus = queries.focus_unit_code()
        results = build_district_results(focus, _resolve_district_year(year, focus, lang)) if focus else None
    except (BadParameter, *DATA_ERRORS):
        results = None
    return criterion_options(results, criterion, lang)


def criterion_options(results: DistrictResults | None, criterion: str, lang: str) -> list[dict]:
    """The year's criteria and the total; an unknown value stays visible (disabled) so any choice moves on."""
    options = [{"label": t("districts.total", lang), "value": TOTAL}]
    if results is not None and not results.empty:
        options += [{"label": _criterion_label(results, code, lang), "value": code} for code in results.criteria[:-1]]
    if criterion not in {option["value"] for option in options}:
        options.append({"label": criterion, "value": criterion, "disabled": True})
    return options


def layout(
    year: str | None = None,
    criterion: str | None = None,
    q: str | None = None,
    order: str | None = None,
    page: str | None = None,
    **_query: str,
) -> html.Div:
    lang = language()
    chosen = criterion or TOTAL
    former = _query.get("from")
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
            dcc.Store(id=PATH, data=dash.get_relative_path("/districts")),
            dcc.Store(
                id=QUERY,
                data={"year": year, "criterion": criterion, "q": q, "order": order, "page": page, "from": former},
            ),
            dcc.Store(id=DRAWN),
            html.Div([html.H1(id=HEADING, className="page-heading"), control], className="districts-toolbar"),
            slow_work(html.Div(id=CONTENT, className="districts-content")),
        ],
        className="page-districts",
    )


def _source(citations, lang: str, titles: dict[str, str]) -> html.Div:
    text = cite(t("common.source", lang), citations, titles)
    return html.Div(text, className="source-note", title=text)


def _href(selection: Selection, **changes: object) -> str:
    """The page's URL with the selection's parameters, some changed (a new search or order starts at page 1)."""
    params = {
        "year": selection.year,
        "criterion": None if selection.criterion == TOTAL else selection.criterion,
        "q": selection.search,
        "order": None if selection.order == BEST_FIRST else selection.order,
        "from": selection.former,
        "page": selection.page,
        **changes,
    }
    if params["page"] in (1, None):
        params["page"] = None
    return "/districts" + query_string(params)


def list_controls(selection: Selection, listing: ListPage, lang: str) -> html.Div:
    """Search (a plain form: the URL is the state), strongest/weakest first, and the pages."""
    hidden = {
        "year": selection.year,
        "criterion": None if selection.criterion == TOTAL else selection.criterion,
        "order": None if selection.order == BEST_FIRST else selection.order,
        "from": selection.former,
    }
    return listing_controls(
        listing,
        prefix="districts",
        action="/districts",
        href=lambda **changes: _href(selection, **changes),
        search=selection.search,
        order=selection.order,
        hidden=hidden,
        placeholder=t(f"districts.search_placeholder.{selection.level}", lang),
        lang=lang,
        in_page=True,
    )


def former_control(selection: Selection, lang: str) -> html.Div:
    """The "Huyện cũ" filter of a communes year: each former district the reorganisation dataset
    names for these communes, with how many came from it; where it names none, why there is no filter."""
    options = selection.former_options
    if options is None or options.empty:
        return html.Div(t("districts.former_missing", lang), className="districts-former-missing", id=FORMER_STATUS)
    total = len(selection.results.totals)
    choices = [{"label": t("districts.former_all", lang, count=total), "value": EVERY_DISTRICT}] + [
        {
            "label": t("districts.former_option", lang, name=_former_name(row, lang), count=row.communes),
            "value": row.district_code,
        }
        for row in options.itertuples()
    ]
    children: list = [
        html.Label(t("districts.former_label", lang), htmlFor=FORMER),
        dbc.Select(id=FORMER, options=choices, value=selection.former or EVERY_DISTRICT, size="sm"),
    ]
    if selection.former:
        row = options.set_index("district_code").loc[selection.former]
        status = t(
            "districts.former_status",
            lang,
            district=localized(row, "district_name", lang),
            matched=len(selection.former_units),
            total=total,
        )
        children += [
            html.Span(status, id=FORMER_STATUS, role="status", className="districts-former-status"),
            dcc.Link(
                t("districts.former_clear", lang),
                href=_href(selection, page=None, **{"from": None}),
                className="btn btn-sm btn-outline-primary",
                id="districts-former-clear",
            ),
        ]
    return html.Div(children, className="districts-former")


def heatmap_card(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> dbc.Card:
    """The units × criteria heatmap. What a year or criterion changes are parts: the notes and controls
    above and below it, and the graph itself (patched in place)."""
    results = selection.results
    paged = len(results.totals) > PAGE_SIZE
    listing = selection.listing() if paged else None
    totals = listing.rows if listing is not None else selection.totals()
    shown = results.scores[results.scores["unit_code"].isin(totals["unit_code"])]
    head: list = []
    if selection.level == COMMUNE:
        head.append(
            html.Div(
                t("districts.level_note.commune", lang, count=len(results.totals), province=selection.province_name),
                className="districts-level-note",
                id="districts-level-note",
            )
        )
        head.append(former_control(selection, lang))
    if listing is not None:
        head.append(list_controls(selection, listing, lang))
    body: list = [parts.slot(SLOT, "heatmap-head", head)]
    if not totals.empty:
        figure = district_heatmap(
            shown,
            totals,
            thresholds=results.thresholds,
            theme=theme,
            lang=lang,
            selected=TOTAL_COLUMN if selection.criterion == TOTAL else selection.criterion,
            unit_href=unit_href,
            count=len(results.totals),
            ranked_labels=paged or bool(selection.former),
        )
        rows_height = max(len(totals), HEATMAP_MIN_ROWS) * HEATMAP_ROW_PX + HEATMAP_AXES_PX
        height = f"{rows_height}px" if paged else f"max({HEATMAP_HEIGHT}, {rows_height}px)"
        graph = parts.graph_part(
            FIGURE, "heatmap", figure, element_id=HEATMAP, config=GRAPH_CONFIG, style={"height": height}
        )
        body.append(html.Div(graph, className="districts-heatmap-scroll", style={"maxHeight": HEATMAP_HEIGHT}))
    if map_boundaries(selection)[0] is None:  # no map beside the table: only its names lead on
        hint = "districts.click_hint.table"
    else:
        hint = "districts.click_hint.commune" if selection.level == COMMUNE else "districts.click_hint"
    notes = [*total_notes(results.totals, lang), html.Div(t(hint, lang), className="districts-hint")]
    return source_card(
        t("districts.heatmap_title", lang),
        [
            *body,
            parts.slot(SLOT, "heatmap-notes", notes),
            html.Div(
                [
                    parts.slot(SLOT, "heatmap-source", _source(results.scores["source"], lang, titles)),
                    download_buttons(HEATMAP_DOWNLOAD, lang),
                ],
                className="districts-card-foot",
            ),
        ],
        card_id="districts-heatmap-card",
    )


def map_boundaries(selection: Selection) -> tuple[dict | None, str]:
    """The year's level's boundaries for the focus and their credit line: imported ones first, then
    for districts the shipped file; (None, "") when there are none."""
    collection = boundaries.boundaries_for(selection.province_code, selection.level)
    if collection is None and selection.level == DISTRICT:
        collection = geo.district_boundaries_for(selection.province_code)
    return collection, (collection or {}).get("attribution", "")


def _no_boundaries(selection: Selection, lang: str) -> html.Div:
    if selection.level == COMMUNE:
        return message_panel(
            t("districts.no_boundaries_title.commune", lang),
            t("districts.no_boundaries_body.commune", lang, province=selection.province_name),
            icon="bi-map",
            element_id="districts-map-empty",
            action=dcc.Link(t("districts.open_admin", lang), href="/admin", className="btn btn-sm btn-outline-primary"),
        )
    return message_panel(
        t("districts.no_map_title", lang),
        t("districts.no_map_body", lang, province=selection.province_name),
        icon="bi-map",
        element_id="districts-map-empty",
    )


def shown_map(selection: Selection, collection: dict, values: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """The regions the map draws and their table: every one, or with a former district chosen only
    those of its communes (a shared region with each member's value), so the view is fitted to them
    and the notes speak of them; a commune of it without a boundary is still named as unmapped."""
    if not selection.former:
        return collection, map_table(map_regions(collection), values)
    shown = regions_covering(collection, selection.former_units)
    regions = map_regions(shown)
    wanted = selection.former_units | set(regions["unit_code"])
    return shown, map_table(regions, values[values["unit_code"].isin(wanted)].reset_index(drop=True))


def _former_map_note(selection: Selection, lang: str) -> list[html.Div]:
    """With a former district chosen, the map says whose communes it draws (the card may be read alone)."""
    if not selection.former or selection.former_options is None:
        return []
    row = selection.former_options.set_index("district_code").loc[selection.former]
    text = t(
        "districts.map_former",
        lang,
        district=_former_name(row, lang),
        matched=len(selection.former_units),
        total=len(selection.results.totals),
    )
    return [html.Div(text, className="districts-map-former", id="districts-map-former")]


def map_card(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> dbc.Card:
    """The map of the criterion chosen. Its title, labels, notes and source are parts, the map a graph
    patched in place: another year or criterion recolours it without a new map."""
    results = selection.results
    label = _criterion_label(results, selection.criterion, lang)
    title = parts.slot(SLOT, "map-title", t("districts.map_title", lang, criterion=label))
    collection, attribution = map_boundaries(selection)
    if collection is None:
        return source_card(title, [_no_boundaries(selection, lang)], card_id="districts-map-card")
    values = criterion_values(results, selection.criterion)
    shown, table = shown_map(selection, collection, values)
    figure = district_map(
        shown,
        table,
        criterion=label,
        thresholds=results.thresholds,
        theme=theme,
        lang=lang,
        unit_href=unit_href,
        size=MAP_SIZE,
    )
    named = len(shown["features"]) <= (FORMER_NAMED_REGIONS_MAX if selection.former else NAMED_REGIONS_MAX)
    labels = labels_overlay(map_labels(shown, table, lang=lang, names=named), MAP_LABELS)
    notes = [
        *map_notes(table, year=selection.year, theme=theme, lang=lang),
        html.Div(attribution, className="districts-attribution", id="districts-attribution"),
    ]
    return source_card(
        title,
        [
            parts.slot(SLOT, "map-former", _former_map_note(selection, lang)),
            html.Div(
                [
                    parts.graph_part(
                        FIGURE, "map", figure, element_id=MAP, config=GRAPH_CONFIG, style={"height": MAP_HEIGHT}
                    ),
                    parts.slot(SLOT, "map-labels", labels),
                ],
                className="districts-map-frame",
            ),
            html.Div(id=MAP_CHOICE, className="districts-choice", role="status"),
            parts.slot(SLOT, "map-notes", notes),
            html.Div(
                # The source line is the year's, whichever former district is shown.
                [
                    parts.slot(SLOT, "map-source", _source(values["source"].dropna(), lang, titles)),
                    download_buttons(MAP_DOWNLOAD, lang),
                ],
                className="districts-card-foot",
            ),
        ],
        card_id="districts-map-card",
    )


def _refused(panel: html.Div) -> tuple:
    return t("nav.districts", language()), *parts.refused(panel, PARTS_AT), no_update


@callback(
    Output(HEADING, "children"),
    *parts.content_outputs(CONTENT, DRAWN, PART_TYPES),
    Output(CRITERION, "options"),
    Input(QUERY, "data"),
    Input(THEME_STORE, "data"),
    State(DRAWN, "data"),
)
@explained(_refused)
def show_districts(query: dict | None, theme: str | None, drawn: dict | None) -> tuple:
    """Heading, content and the year's criteria for the URL. A year or criterion that keeps the content's
    frame redraws only the parts that changed."""
    lang = language()
    selection = select(query or {}, lang)
    drawing = districts_drawing(shown_query(selection), theme or DEFAULT_THEME, drawing_key())
    heading = t(f"districts.heading.{selection.level}", lang, province=selection.province_name, year=selection.year)
    options = criterion_options(selection.results, selection.criterion, lang)
    return heading, *parts.answer(drawing, drawn, parts.shown_parts(PARTS_AT)), options


def shown_query(selection: Selection) -> tuple[tuple[str, str], ...]:
    """The query of what a selection shows, each value as `select` reads it: two URLs that show the same
    (no year and the latest year, page 1 or none) are one drawing."""
    return (
        ("year", str(selection.year)),
        ("criterion", selection.criterion),
        ("q", selection.search),
        ("order", selection.order),
        ("page", str(selection.page)),
        ("from", selection.former),
    )


@versioned
def districts_drawing(query: tuple[tuple[str, str], ...], theme: str, key: tuple) -> parts.Drawing:
    """The content of a checked query (`shown_query`), kept per data version and `drawing_key`: a year
    or criterion shown again, by this reader or another, is answered without building it anew."""
    lang = language()
    selection = select(dict(query), lang)
    titles = source_titles(lang)
    cards = dbc.Row(
        [
            dbc.Col(heatmap_card(selection, theme, lang, titles), className="districts-col-heatmap"),
            dbc.Col(map_card(selection, theme, lang, titles), className="districts-col-map"),
        ],
        className="g-3",
    )
    return parts.prepare(compact([parts.slot(SLOT, "followed", _followed(selection, lang)), cards]), PART_TYPES)


def _followed(selection: Selection, lang: str) -> list[html.Div]:
    """The focus had merged away by the year: the page shows its successor's units, and says so."""
    if selection.province_code == selection.focus_code:
        return []
    focus = queries.unit(selection.focus_code) or {}
    moved = reorganisation.ended_unit(selection.focus_code) or {}
    text = t(
        "districts.followed",
        lang,
        before=localized(focus, "name", lang) if focus else selection.focus_code,
        after=selection.province_name,
        date=format_date(moved["effective_date"], lang) if moved else "",
        year=selection.year,
    )
    return [html.Div(text, className="rankings-note reorg-followed", id="districts-followed")]


follow_own_query(URL, PATH, QUERY, QUERY_KEYS, selector=(CRITERION, "criterion", TOTAL))


# A criterion or a former district chosen becomes part of the URL and, at once, of `QUERY`; the list
# goes back to its first page, the search and order stay. A selector following the URL (back, forward,
# or drawn with the URL's own choice) writes nothing: a new history entry would cut the forward history.
CHOSEN_INTO_QUERY = """function (chosen, query) {
    const same = window.dash_clientside.no_update;
    query = query || {};
    const value = chosen === "NONE" ? null : (chosen || null);
    if (value === (query.KEY || null)) { return [same, same]; }
    const wanted = Object.assign({}, query, {KEY: value, page: null});
    const params = new URLSearchParams();
    Object.keys(wanted).forEach((key) => { if (wanted[key]) { params.set(key, wanted[key]); } });
    const search = params.toString();
    return [search ? "?" + search : "", wanted];
}"""

for selector, every, key in ((CRITERION, TOTAL, "criterion"), (FORMER, EVERY_DISTRICT, "from")):
    clientside_callback(
        CHOSEN_INTO_QUERY.replace("NONE", every).replace("KEY", key),
        Output(URL, "search", allow_duplicate=True),
        Output(QUERY, "data", allow_duplicate=True),
        Input(selector, "value"),
        State(QUERY, "data"),
        prevent_initial_call=True,
    )


# A district opens its page; a region shared by several districts offers each of them instead
# of picking one (assets/30-districts.js).
clientside_callback(
    ClientsideFunction(namespace="districts", function_name="openDistrict"),
    Output(URL, "href"),
    Output(MAP_CHOICE, "children"),
    Input(MAP_GRAPH, "clickData"),
    prevent_initial_call=True,
)


def heatmap_file(lang: str, query: dict | None):
    selection = select(query or {}, lang)
    results = selection.results
    frame = heatmap_export(results.scores, results.totals, year=selection.year, lang=lang)
    return frame, f"diem-{FILE_LEVEL[selection.level]}-{selection.year}"


def map_file(lang: str, query: dict | None):
    """The map's file holds what the map draws: with a former district chosen, its communes only. The
    heatmap's file stays the whole year, as it does for a search or a page of the list."""
    selection = select(query or {}, lang)
    collection, _attribution = map_boundaries(selection)
    if collection is None:
        return None
    label = _criterion_label(selection.results, selection.criterion, lang)
    _shown, table = shown_map(selection, collection, criterion_values(selection.results, selection.criterion))
    frame = map_export(table, criterion=label, year=selection.year, lang=lang)
    narrowed = f"-tu-{selection.former}" if selection.former else ""
    return frame, f"ban-do-{FILE_LEVEL[selection.level]}-{selection.year}-{selection.criterion}{narrowed}"


clientside_callback(
    ClientsideFunction(namespace="districts", function_name="placeLabels"),
    Output(MAP_LABELS, "className"),
    Input(MAP_GRAPH, "figure"),
)


register_download(HEATMAP_DOWNLOAD, heatmap_file, State(QUERY, "data"))
register_download(MAP_DOWNLOAD, map_file, State(QUERY, "data"))
