"""`/units/<unit_code>`: a unit's own page — its total, rank and group in a year, the points it still
needs for the next group, its pillars against its level's best and median, where its points went,
its history and its sources.

The year comes from the URL (`?year=`, default: the unit's latest). Every callback and download
asks `auth.guard.unit_refusal` first: a unit head may read only their own unit, whatever request
the browser sends.
"""

from __future__ import annotations

from dataclasses import replace

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, State, callback, dcc, html

from auth.guard import unit_refusal
from auth.policy import names_other_units, sees_all_units
from auth.session import current_viewer
from components import figures, parts
from components.cards import source_notes
from components.caveats import caveat_notes, flagged_labels
from components.changes import history_change_lines, index_changes_note, index_changes_table, movers_block
from components.citations import cite
from components.i18n import t
from components.kpi import series_legend
from components.loading import slow_work
from components.reorganisation import ended_note, format_date, merger_figure, merger_rows, merger_table
from components.shell import THEME_STORE, message_panel
from components.theme import DEFAULT_THEME, SERIES_COLORS
from components.unit_report import report_links
from components.units import (
    bars_height,
    bars_legend,
    divided_note,
    history_block,
    lost_list,
    no_pillars_text,
    pillar_bars,
    pillar_export,
    published_indices_table,
    radar_comparisons,
    reconciliation_notes,
    result_cards,
    source_list,
)
from components.whatif import action_card
from data_access import reorganisation
from data_access.cache import versioned
from data_access.caveats import pillar_caveats
from data_access.focus_years import default_year
from data_access.units import SCORED_KINDS, UnitSummary, published_indices, unit_info, unit_summary, unit_years
from data_access.whatif import action_list
from data_access.year_changes import level_movers, unit_index_changes
from domain.caveats import PillarCaveats
from domain.changes import history_change
from domain.records import UnitInfo
from domain.text import localized, localized_column
from domain.vocabulary import DISTRICT, PROVINCE, SUB_LEVELS
from pages._context import BadParameter, drawing_key, language, page_title, source_titles, whole_number
from pages._kit import (
    GRAPH_CONFIG,
    compact,
    download_buttons,
    explained,
    follow_own_query,
    register_download,
    source_card,
    unit_page_link,
)
from pages._unit_reports import BATCH_IDS

dash.register_page(
    __name__,
    path_template="/units/<unit_code>",
    order=20,
    unit_param="unit_code",
    title=page_title("title.units"),
    year_options=lambda unit_code: unit_years(unit_code),
    year_default=lambda years, unit_code: default_year(unit_code, years),
    follows_query=True,
)

URL = "units-url"
PATH = "units-path"
QUERY = "units-query"
CONTENT = "units-content"
# The content's parts (`components.parts`): another year patches the radar and bars in place.
DRAWN = "units-drawn"
SLOT = "units-slot"
FIGURE = "units-figure"
PART_TYPES = (SLOT, FIGURE)
# Where the part outputs begin among `show_unit`'s outputs.
PARTS_AT = 2
RADAR = "units-radar"
BARS = "units-bars"
# The radar, bars and lost-points columns: hidden in a year without pillar scores.
PILLAR_COLUMN = "units-pillar-col"
DOWNLOAD = "units-pillars-download"
MERGER_DOWNLOAD = "units-merger-download"
# The history across a merger: a few lines over a handful of years, legend underneath.
MERGER_HEIGHT = 340


def layout(unit_code: str | None = None, year: str | None = None, **_query: str) -> html.Div:
    """The unit and year of the URL in a store; the content is drawn from it by `show_unit`. Another year
    does not come here: the page follows its own query (`follows_query`)."""
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            dcc.Store(id=PATH, data=dash.get_relative_path(f"/units/{unit_code or ''}")),
            dcc.Store(id=QUERY, data={"unit_code": unit_code or "", "year": year}),
            dcc.Store(id=DRAWN),
            slow_work(html.Div(id=CONTENT, className="units-content")),
        ],
        className="page-units",
    )


def _panel(title_key: str, body_key: str, lang: str, *, icon: str, element_id: str, **values: object) -> BadParameter:
    return BadParameter(
        message_panel(
            t(title_key, lang),
            t(body_key, lang, **values),
            icon=icon,
            element_id=element_id,
            action=dcc.Link(t("common.back_home", lang), href="/", className="btn btn-outline-primary mt-2"),
        )
    )


def _missing_year(info: UnitInfo, raw_year: str | None, years: list[int], lang: str) -> BadParameter:
    """The panel for a year the unit has no results for: after it ended, where it went (the unit it
    merged into, or the communes a district's area went to); otherwise which years it has."""
    name = localized(info, "name", lang)
    listed = ", ".join(map(str, years))
    asked = whole_number(raw_year)
    divided = divided_into(info.code, info.kind)
    if not divided.empty and asked is not None and asked >= int(divided["first_ranked_year"].min()):
        date = format_date(divided["effective_date"].iloc[0], lang)
        return BadParameter(
            message_panel(
                t("units.bad_year_title", lang),
                t("units.bad_year_divided", lang, unit=name, year=raw_year, date=date, years=listed),
                icon="bi-signpost-split",
                element_id="units-bad-year",
                action=divided_note(divided, unit_href=unit_page_link, lang=lang),
            )
        )
    ended = reorganisation.ended_unit(info.code)
    if ended is not None and asked is not None and asked >= ended["first_ranked_year"]:
        return BadParameter(
            message_panel(
                t("units.bad_year_title", lang),
                t("units.bad_year_ended", lang, unit=name, year=raw_year, years=listed),
                icon="bi-signpost-split",
                element_id="units-bad-year",
                action=ended_note(ended, unit_name=name, lang=lang),
            )
        )
    return _panel(
        "units.bad_year_title",
        "units.bad_year",
        lang,
        icon="bi-calendar-x",
        element_id="units-bad-year",
        unit=name,
        year=raw_year,
        years=listed,
        level=t(f"units.level_phrase.{info.kind}", lang),
    )


def divided_into(code: str, kind: str) -> pd.DataFrame:
    """The communes a district's area went to, where the reorganisation dataset maps it (empty otherwise)."""
    if kind != DISTRICT:
        return pd.DataFrame(columns=reorganisation.DIVIDED_COLUMNS)
    return reorganisation.divided_into(code)


def requested_summary(code: str, raw_year: str | None, lang: str) -> UnitSummary:
    """The unit and year of the URL checked against the data; `BadParameter` carries the friendly panel otherwise."""
    info = unit_info(code) if code else None
    if info is None:
        raise _panel(
            "units.unknown_title", "units.unknown", lang, icon="bi-building-x", element_id="units-unknown", code=code
        )
    name = localized(info, "name", lang)
    if info.kind not in SCORED_KINDS:
        raise _panel(
            "units.not_scored_title",
            "units.not_scored",
            lang,
            icon="bi-building",
            element_id="units-unscored",
            unit=name,
        )
    years = unit_years(code)
    level = t(f"units.level_phrase.{info.kind}", lang)
    if not years:
        raise _panel(
            "units.no_years_title",
            "units.no_years",
            lang,
            icon="bi-inbox",
            element_id="units-no-years",
            unit=name,
            level=level,
        )
    if raw_year in (None, ""):
        year = default_year(code, years)
    elif whole_number(raw_year) in years:
        year = whole_number(raw_year)
    else:
        raise _missing_year(info, raw_year, years, lang)
    summary = unit_summary(code, year)
    if summary is None:
        raise _panel(
            "units.no_years_title",
            "units.no_years",
            lang,
            icon="bi-inbox",
            element_id="units-no-years",
            unit=name,
            level=level,
        )
    return summary


def _unit_name(summary: UnitSummary, lang: str) -> str:
    return localized(summary.info, "name", lang)


def heading(summary: UnitSummary, lang: str) -> html.H1:
    info = summary.info
    badges = [html.Span(t(f"level.{info.kind}", lang), className="units-badge")]
    if info.parent_code:
        parent = localized(info, "parent_name", lang)
        badges.append(html.Span(t("units.parent", lang, parent=parent), className="units-badge"))
    if not summary.pillars.empty:
        badges.append(
            dcc.Link(
                [html.I(className="bi bi-sliders me-1"), t("whatif.open", lang)],
                href=f"/whatif?unit={info.code}&year={summary.year}",
                className="btn btn-sm btn-outline-primary",
                id="units-whatif-link",
            )
        )
    batch = sees_all_units(current_viewer()) and info.kind in SUB_LEVELS
    badges.append(report_links(info.code, summary.year, lang, batch_ids=BATCH_IDS if batch else None))
    return html.H1(
        [html.Span(t("units.heading", lang, unit=_unit_name(summary, lang), year=summary.year)), *badges],
        className="page-heading units-heading",
        id="units-heading",
    )


def radar_card(summary: UnitSummary, theme: str, lang: str, titles: dict[str, str]) -> dbc.Card:
    """The unit's pillars as % of their maximum against the level's best unit and median. A year without
    pillar scores keeps the card, empty and hidden (`render`), so the years on either side patch it."""
    if summary.pillars.empty:
        figure, legend, notes = figures.blank_figure(theme, lang), [], []
    else:
        name = _unit_name(summary, lang)
        pillars = summary.pillars.assign(label=pillar_labels(summary, lang))
        traces, best_sources = radar_comparisons(summary, lang=lang, name_holders=names_other_units(current_viewer()))
        citations = [*pillars["source"], *best_sources]
        figure = figures.pillar_radar(pillars, traces, focus_label=name, theme=theme, lang=lang, show_legend=False)
        legend = series_legend(
            [(label, SERIES_COLORS[key], "dotted") for label, _, key in traces]
            + [(name, SERIES_COLORS["focus"], "solid")]
        )
        notes = [
            *_field_note(summary, lang),
            *caveat_notes(caveats_of(summary), lang, id_prefix="units"),
            *source_notes([cite(t("common.source", lang), citations, titles)]),
        ]
    # The box sets the height: the graph fills it.
    graph = html.Div(
        parts.graph_part(FIGURE, "radar", figure, element_id=RADAR, config=GRAPH_CONFIG, fill=True),
        className="units-radar-graph",
    )
    return source_card(
        t("units.radar_title", lang),
        [parts.slot(SLOT, "radar-legend", legend), graph],
        notes=[parts.slot(SLOT, "radar-notes", notes)],
    )


def _field_note(summary: UnitSummary, lang: str) -> list[html.Div]:
    """Says so when the comparison covers only part of the level (provinces: six of 63 have their points stored)."""
    if summary.scored_size >= summary.level_size:
        return []
    return [html.Div(t("units.scored_of", lang, scored=summary.scored_size, n=summary.level_size), className="kpi-sub")]


def caveats_of(summary: UnitSummary) -> PillarCaveats:
    """The source's discrepancies and inferred attributions of the unit's pillar figures this year."""
    return pillar_caveats(summary.info.code, summary.year, summary.info.kind)


def pillar_labels(summary: UnitSummary, lang: str) -> list[str]:
    """Pillar names, flagged (*) where their points were attributed by inference, as on `/`."""
    names = localized_column(summary.pillars, "pillar_name", lang)
    return flagged_labels(summary.pillars["pillar_code"], names, caveats_of(summary).inferred_codes)


def bars_card(summary: UnitSummary, theme: str, lang: str, titles: dict[str, str]) -> dbc.Card:
    """The pillars' points against their maximum, the level's best and median."""
    if summary.pillars.empty:
        figure, notes = figures.blank_figure(theme, lang), []
    else:
        pillars = summary.pillars.assign(label=pillar_labels(summary, lang))
        figure = pillar_bars(pillars, theme=theme, lang=lang, name_holders=names_other_units(current_viewer()))
        footer = html.Div(download_buttons(DOWNLOAD, lang), className="units-card-foot")
        sources = source_notes([cite(t("common.source", lang), summary.pillars["source"], titles)])
        notes = [*_field_note(summary, lang), footer, *sources]
    # The graph fills a box sized by a spacer in a slot, one readable row per pillar: a graph's own
    # height is part of the frame, and a year with another number of pillars (or none) would draw the
    # page anew instead of patching it.
    graph = html.Div(
        [
            parts.slot(
                SLOT,
                "bars-height",
                html.Div(className="units-bars-spacer", style={"height": f"{bars_height(len(summary.pillars))}px"}),
            ),
            parts.graph_part(FIGURE, "bars", figure, element_id=BARS, config=GRAPH_CONFIG, fill=True),
        ],
        className="units-bars-box",
    )
    return source_card(
        t("units.bars_title", lang),
        [bars_legend(theme, lang), graph],
        notes=[parts.slot(SLOT, "bars-notes", notes)],
    )


def lost_card(summary: UnitSummary, lang: str, titles: dict[str, str]) -> dbc.Card:
    citations = list(summary.lost["source"])
    if not summary.indicators.empty:
        citations += list(summary.indicators["source"])
    return source_card(
        t("units.lost_title", lang),
        [lost_list(summary.lost, summary.indicators, lang=lang)],
        source=cite(t("common.source", lang), citations, titles),
    )


def history_card(summary: UnitSummary, theme: str, lang: str, titles: dict[str, str]) -> dbc.Card:
    return source_card(
        t("units.history_title", lang),
        history_block(summary.history, theme=theme, lang=lang, graph_config=GRAPH_CONFIG),
        source=cite(t("common.source", lang), summary.history["source"], titles),
    )


def merger_first_year(summary: UnitSummary) -> int | None:
    """The first ranked year of the merger into this unit, once the data holds a year of the unit from
    then on (before that the unit's page is the former unit's, as it always was); None otherwise."""
    history = reorganisation.merger_history(summary.info.code)
    if history.empty:
        return None
    own = history.loc[(history["role"] == "successor") & ~history["computed"].astype(bool), "year"]
    return int(own.min()) if not own.empty else None


def _merger_parts(code: str, lang: str) -> tuple[pd.DataFrame, list[str], int]:
    history = reorganisation.merger_history(code)
    names = reorganisation.names()
    pick = 0 if lang == "vi" else 1
    predecessor_names = [names[c][pick] for c in reorganisation.predecessors(code)]
    first = reorganisation.ended_first_year(code)
    return history, predecessor_names, first


def merger_card(summary: UnitSummary, theme: str, lang: str, titles: dict[str, str]) -> dbc.Card:
    """The successor's history across its merger: the predecessors' lines leading into its own, the
    earlier years computed from them and marked so."""
    history, predecessor_names, first = _merger_parts(summary.info.code, lang)
    rows = merger_rows(history, predecessor_names=predecessor_names, first=first, lang=lang)
    figure = merger_figure(history, predecessor_names=predecessor_names, first=first, theme=theme, lang=lang)
    note = t(
        "reorg.history_note", lang, unit=_unit_name(summary, lang), first=first, names=", ".join(predecessor_names)
    )
    return source_card(
        t("reorg.history_title", lang),
        [
            dcc.Graph(
                id="units-merger-graph", figure=figure, config=GRAPH_CONFIG, style={"height": f"{MERGER_HEIGHT}px"}
            ),
            html.Div(note, className="kpi-sub", id="units-merger-note"),
            merger_table(rows, lang),
            html.Div(download_buttons(MERGER_DOWNLOAD, lang), className="units-card-foot"),
        ],
        source=cite(t("common.source", lang), [s for s in history["source"] if s], titles),
        card_id="units-merger-card",
    )


def changes_card(summary: UnitSummary, previous_year: int | None, lang: str) -> dbc.Card:
    """The main indices against the year before and, on a province's page for a leader or an admin,
    the departments and districts that rose and fell most (each a link to its page)."""
    found = unit_index_changes(summary.info.code, summary.info.kind, summary.year, previous_year)
    indices: list = [
        index_changes_note(
            found.table, found.previous_year, found.previous_scored, lang, element_id="units-index-changes-note"
        )
    ]
    if found.previous_year is not None and not found.table.empty:
        indices.append(index_changes_table(found.table, found.previous_year, lang, element_id="units-index-changes"))
    found_movers = []
    if summary.info.kind == PROVINCE and names_other_units(current_viewer()):
        found_movers = level_movers(summary.info.code, summary.year)
    if not any(m.scored for m in found_movers):
        return source_card(t("changes.card_title", lang), indices, card_id="units-changes")
    levels = [(m.level, m.previous_year, m.scored, m.risers, m.fallers) for m in found_movers]
    body = dbc.Row(
        [
            dbc.Col(indices, xs=12, lg=7),
            dbc.Col(
                [
                    html.Div(t("changes.movers_title", lang), className="mover-title"),
                    movers_block(levels, summary.year, lang, element_id="units-movers"),
                ],
                xs=12,
                lg=5,
            ),
        ],
        className="g-3",
    )
    return source_card(t("changes.card_title", lang), body, card_id="units-changes")


def sources_card(summary: UnitSummary, lang: str, titles: dict[str, str]) -> dbc.Card:
    return source_card(
        t("units.sources_title", lang),
        [source_list(summary.sources, titles, note=summary.info.note, lang=lang)],
    )


def own_years(summary: UnitSummary, first: int | None) -> UnitSummary:
    """A successor keeping a predecessor's code has that predecessor's results under its code: its own
    history (and its change against the previous year) starts at its first ranked year `first`."""
    if first is None or summary.year < first:
        return summary
    return replace(summary, history=summary.history[summary.history["year"] >= first].reset_index(drop=True))


def with_computed_previous(summary: UnitSummary, first: int | None) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """In a successor's first ranked year `first`, its history with the year before as computed from its
    predecessors (no rank: another field), so its value change is against that; the predecessors' codes."""
    if first is None or summary.year != first:
        return summary.history, ()
    computed = reorganisation.computed_figures(summary.info.code)
    found = computed[(computed["year"] == first - 1) & (computed["index_code"] == reorganisation.DTI)]
    if found.empty:
        return summary.history, ()
    row = pd.DataFrame([{"year": first - 1, "total": float(found["value"].iloc[0]), "max_total": 1.0, "rank": pd.NA}])
    return pd.concat([row, summary.history], ignore_index=True), tuple(found["computed_from"].iloc[0].split(";"))


def _computed_previous_note(codes: tuple[str, ...], year: int | None, lang: str) -> list[html.Div]:
    if not codes:
        return []
    names = reorganisation.names()
    pick = 0 if lang == "vi" else 1
    text = t("reorg.previous_computed", lang, year=year, names=", ".join(names[c][pick] for c in codes))
    return [html.Div(text, className="kpi-sub", id="units-previous-computed")]


def render(summary: UnitSummary, theme: str, lang: str, titles: dict[str, str]) -> list:
    """The unit's page for its year, by parts (`components.parts`): the heading and its notes, the result
    cards, each card below are slots; the radar and the bars are graphs patched in place. Another year with
    the same cards (the usual case) replaces only what changed."""
    first = merger_first_year(summary)
    merged_into = first is not None and summary.year >= first
    summary = own_years(summary, first)
    compared, computed_from = with_computed_previous(summary, first)
    change = history_change(compared, summary.year, as_index=summary.info.kind == PROVINCE)
    cards = result_cards(
        summary.result,
        summary.next_group,
        summary.thresholds,
        level=summary.info.kind,
        lang=lang,
        titles=titles,
        change_lines=[
            *history_change_lines(change, lang=lang, id_prefix="units"),
            *_computed_previous_note(computed_from, change.previous_year, lang),
        ],
    )
    head: list = [heading(summary, lang)]
    divided = divided_into(summary.info.code, summary.info.kind)
    ended = reorganisation.ended_unit(summary.info.code) if divided.empty else None
    if not divided.empty:
        head.append(divided_note(divided, unit_href=unit_page_link, lang=lang))
    if ended is not None:
        head.append(ended_note(ended, unit_name=_unit_name(summary, lang), lang=lang))
    if first is not None and summary.year < first:
        _history, predecessor_names, _first = _merger_parts(summary.info.code, lang)
        head.append(
            html.Div(
                t(
                    "reorg.before_merger",
                    lang,
                    unit=_unit_name(summary, lang),
                    year=summary.year,
                    first=first,
                    names=", ".join(predecessor_names),
                ),
                className="units-ended-note",
                id="units-before-merger",
            )
        )
    children: list = [
        parts.slot(SLOT, "heading", head),
        parts.slot(SLOT, "results", [cards, *reconciliation_notes(summary.result, lang)]),
    ]
    # The same frame whether the year has pillar scores or not: without them the panel says so and the
    # pillar cards are hidden (assets/30-units.css), so going to a year with them patches the cards in
    # place instead of drawing the page anew.
    panel = []
    if summary.pillars.empty:
        panel = message_panel(
            t("units.no_pillars_title", lang),
            no_pillars_text(summary, lang),
            icon="bi-inbox",
            element_id="units-no-pillars",
        )
    children.append(parts.slot(SLOT, "no-pillars", panel))
    history = parts.slot(SLOT, "history", history_card(summary, theme, lang, titles))
    sources = parts.slot(SLOT, "sources", sources_card(summary, lang, titles))
    lost = parts.slot(SLOT, "lost", lost_card(summary, lang, titles) if not summary.pillars.empty else [])
    children.append(
        dbc.Row(
            [
                dbc.Col(radar_card(summary, theme, lang, titles), xs=12, lg=6, xxl=4, className=PILLAR_COLUMN),
                dbc.Col(bars_card(summary, theme, lang, titles), xs=12, lg=6, xxl=5, className=PILLAR_COLUMN),
                # Beside the pillars on a wall (xxl), so the history shows without scrolling.
                dbc.Col(history, xs=12, lg=6, xxl=3, id="units-history-col"),
                dbc.Col(lost, xs=12, lg=6, xxl=8, className=PILLAR_COLUMN),
                dbc.Col(sources, xs=12, xxl=4, id="units-sources-col"),
            ],
            className="g-3",
        )
    )
    changes = parts.slot(SLOT, "changes", changes_card(summary, change.previous_year, lang))
    children.append(dbc.Row([dbc.Col(changes, xs=12)], className="g-3"))
    indices = published_indices(summary.info.code, summary.year) if summary.info.kind == PROVINCE else None
    shown_indices = []
    if indices is not None and not indices.empty:
        card = source_card(
            t("units.indices_title", lang, year=summary.year),
            published_indices_table(indices, lang=lang),
            source=cite(t("common.source", lang), indices["source"], titles),
            card_id="units-indices",
        )
        shown_indices = dbc.Row([dbc.Col(card, xs=12)], className="g-3")
    children.append(parts.slot(SLOT, "indices", shown_indices))
    found = action_list(summary.info.code, summary.year) if not summary.pillars.empty else None
    actions = (
        []
        if found is None
        else dbc.Row([dbc.Col(action_card(found, lang=lang, titles=titles), xs=12)], className="g-3")
    )
    children.append(parts.slot(SLOT, "actions", actions))
    if merged_into:
        children.append(dbc.Row([dbc.Col(merger_card(summary, theme, lang, titles), xs=12)], className="g-3"))
    return children


def _allowed_summary(query: dict | None, lang: str) -> UnitSummary:
    """The unit and year of the URL for a reader who may see that unit; refused (and logged) otherwise."""
    query = query or {}
    code = str(query.get("unit_code") or "")
    denied = unit_refusal(code, lang)
    if denied is not None:
        raise BadParameter(denied)
    return requested_summary(code, query.get("year"), lang)


follow_own_query(URL, PATH, QUERY, ("year",), carried=("unit_code",))


@callback(
    *parts.content_outputs(CONTENT, DRAWN, PART_TYPES),
    Input(QUERY, "data"),
    Input(THEME_STORE, "data"),
    State(DRAWN, "data"),
)
@explained(lambda panel: parts.refused(panel, PARTS_AT))
def show_unit(query: dict | None, theme: str | None, drawn: dict | None) -> tuple:
    """The page for the unit of the URL, refused (and logged) for a reader who may not see that unit. A year
    that keeps the content's frame redraws only the parts that changed."""
    lang = language()
    summary = _allowed_summary(query, lang)
    drawing = unit_drawing(summary.info.code, summary.year, theme or DEFAULT_THEME, drawing_key())
    return parts.answer(drawing, drawn, parts.shown_parts(PARTS_AT))


@versioned
def unit_drawing(code: str, year: int, theme: str, key: tuple) -> parts.Drawing:
    """The page of a unit and year the reader may see (checked by `show_unit` before), kept per data version
    and `drawing_key`: a year shown again, by this reader or another of the same scope, is not built anew."""
    lang = language()
    summary = unit_summary(code, year)
    # Written as plain HTML around its graphs and the elements callbacks reach (`compact`): a province's
    # page is some 560 Dash components otherwise, each walked by Dash's renderer at every step of a change.
    return parts.prepare(compact(render(summary, theme, lang, source_titles(lang))), PART_TYPES)


def pillars_file(lang: str, query: dict | None):
    """The pillar table for a unit the reader may see, checked again here, not trusted from the page."""
    summary = _allowed_summary(query, lang)
    if summary.pillars.empty:
        return None
    frame = pillar_export(
        summary.pillars,
        lang=lang,
        year=summary.year,
        unit_name=_unit_name(summary, lang),
        titles=source_titles(lang),
        caveats=caveats_of(summary),
    )
    return frame, t("units.file_pillars", lang, unit=summary.info.code, year=summary.year)


register_download(DOWNLOAD, pillars_file, State(QUERY, "data"))


def merger_file(lang: str, query: dict | None):
    """The history across the merger for a unit the reader may see, each computed value marked with the
    predecessors it comes from; checked again here, not trusted from the page."""
    summary = _allowed_summary(query, lang)
    if merger_first_year(summary) is None:
        return None
    history, predecessor_names, first = _merger_parts(summary.info.code, lang)
    rows = merger_rows(history, predecessor_names=predecessor_names, first=first, lang=lang)
    return rows, t("reorg.file", lang, unit=summary.info.code)


register_download(MERGER_DOWNLOAD, merger_file, State(QUERY, "data"))
