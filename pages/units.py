"""`/units/<unit_code>`: a unit's own page — its total, rank and group in a year, the points it still
needs for the next group, its pillars against its level's best and median, where its points went,
its history and its sources.

The year comes from the URL (`?year=`, default: the unit's latest). Every callback and download
asks `auth.guard.unit_refusal` first: a unit head may read only their own unit, whatever request
the browser sends.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from auth.guard import unit_refusal
from auth.policy import names_other_units
from auth.session import current_viewer
from components import figures
from components.caveats import caveat_notes, flagged_labels
from components.changes import history_change_lines
from components.citations import cite
from components.i18n import t
from components.kpi import series_legend
from components.shell import THEME_STORE, message_panel
from components.theme import DEFAULT_THEME, SERIES_COLORS
from components.units import (
    bars_height,
    bars_legend,
    history_block,
    lost_list,
    pillar_bars,
    pillar_export,
    reconciliation_notes,
    result_cards,
    source_list,
)
from components.whatif import action_card
from data_access.caveats import pillar_caveats
from data_access.units import SCORED_KINDS, UnitSummary, unit_info, unit_summary, unit_years
from data_access.whatif import action_list
from domain.caveats import PillarCaveats
from domain.changes import history_change
from domain.text import localized, localized_column
from domain.vocabulary import PROVINCE
from pages._context import BadParameter, language, page_title, source_titles, whole_number
from pages._kit import GRAPH_CONFIG, download_buttons, explained, register_download, source_card

dash.register_page(
    __name__,
    path_template="/units/<unit_code>",
    order=20,
    unit_param="unit_code",
    title=page_title("title.units"),
    year_options=lambda unit_code: unit_years(unit_code),
)

QUERY = "units-query"
CONTENT = "units-content"
RADAR = "units-radar"
BARS = "units-bars"
DOWNLOAD = "units-pillars-download"


def layout(unit_code: str | None = None, year: str | None = None, **_query: str) -> html.Div:
    """The unit and year of the URL in a store; the content is drawn from it by `show_unit`."""
    return html.Div(
        [
            dcc.Store(id=QUERY, data={"unit_code": unit_code or "", "year": year}),
            dcc.Loading(html.Div(id=CONTENT, className="units-content"), type="dot", delay_show=300),
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
    if not years:
        raise _panel(
            "units.no_years_title", "units.no_years", lang, icon="bi-inbox", element_id="units-no-years", unit=name
        )
    if raw_year in (None, ""):
        year = years[-1]
    elif whole_number(raw_year) in years:
        year = whole_number(raw_year)
    else:
        raise _panel(
            "units.bad_year_title",
            "units.bad_year",
            lang,
            icon="bi-calendar-x",
            element_id="units-bad-year",
            unit=name,
            year=raw_year,
            years=", ".join(map(str, years)),
        )
    summary = unit_summary(code, year)
    if summary is None:
        raise _panel(
            "units.no_years_title", "units.no_years", lang, icon="bi-inbox", element_id="units-no-years", unit=name
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
    return html.H1(
        [html.Span(t("units.heading", lang, unit=_unit_name(summary, lang), year=summary.year)), *badges],
        className="page-heading units-heading",
        id="units-heading",
    )


def radar_card(summary: UnitSummary, theme: str, lang: str, titles: dict[str, str]) -> dbc.Card:
    """The unit's pillars as % of their maximum against the level's best unit and median."""
    name = _unit_name(summary, lang)
    pillars = summary.pillars.assign(label=pillar_labels(summary, lang))
    traces = []
    citations = list(pillars["source"])
    best = summary.best_unit
    if not names_other_units(current_viewer()):
        # A unit head compares with the level's highest value of each pillar, naming nobody (auth.policy).
        traces.append(
            (t("units.level_highest", lang), pillars[["pillar_code"]].assign(share=pillars["best_share"]), "leader")
        )
    elif best is not None and best["unit_code"] != summary.info.code:
        best_name = localized(best, "name", lang)
        traces.append((t("units.best_unit", lang, name=best_name), best["shares"], "leader"))
        citations += best["sources"]
    median = pillars[["pillar_code"]].assign(share=pillars["median_share"])
    traces.append((t("units.median_of", lang, n=summary.scored_size), median, "leading_average"))
    figure = figures.pillar_radar(pillars, traces, focus_label=name, theme=theme, lang=lang, show_legend=False)
    legend = series_legend(
        [(label, SERIES_COLORS[key], "dotted") for label, _, key in traces] + [(name, SERIES_COLORS["focus"], "solid")]
    )
    graph = html.Div(dcc.Graph(id=RADAR, figure=figure, config=GRAPH_CONFIG), className="units-radar-graph")
    return source_card(
        t("units.radar_title", lang),
        [legend, graph, *_field_note(summary, lang), *caveat_notes(caveats_of(summary), lang, id_prefix="units")],
        source=cite(t("common.source", lang), citations, titles),
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
    pillars = summary.pillars.assign(label=pillar_labels(summary, lang))
    figure = pillar_bars(pillars, theme=theme, lang=lang, name_holders=names_other_units(current_viewer()))
    footer = html.Div(
        download_buttons(DOWNLOAD, lang),
        className="units-card-foot",
    )
    return source_card(
        t("units.bars_title", lang),
        [
            bars_legend(theme, lang),
            dcc.Graph(id=BARS, figure=figure, config=GRAPH_CONFIG, style={"height": f"{bars_height(len(pillars))}px"}),
            *_field_note(summary, lang),
            footer,
        ],
        source=cite(t("common.source", lang), summary.pillars["source"], titles),
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


def sources_card(summary: UnitSummary, lang: str, titles: dict[str, str]) -> dbc.Card:
    return source_card(
        t("units.sources_title", lang),
        [source_list(summary.sources, titles, note=summary.info.note, lang=lang)],
    )


def render(summary: UnitSummary, theme: str, lang: str, titles: dict[str, str]) -> list:
    change = history_change(summary.history, summary.year, as_index=summary.info.kind == PROVINCE)
    cards = result_cards(
        summary.result,
        summary.next_group,
        summary.thresholds,
        level=summary.info.kind,
        lang=lang,
        titles=titles,
        change_lines=history_change_lines(change, lang=lang, id_prefix="units"),
    )
    children: list = [heading(summary, lang), cards, *reconciliation_notes(summary.result, lang)]
    if summary.pillars.empty:
        children.append(
            message_panel(
                t("units.no_pillars_title", lang),
                t("units.no_pillars", lang, unit=_unit_name(summary, lang), year=summary.year),
                icon="bi-inbox",
                element_id="units-no-pillars",
            )
        )
        history = dbc.Col(history_card(summary, theme, lang, titles), xs=12, lg=6, id="units-history-col")
        children.append(dbc.Row([history, dbc.Col(sources_card(summary, lang, titles), xs=12, lg=6)], className="g-3"))
    else:
        children.append(
            dbc.Row(
                [
                    dbc.Col(radar_card(summary, theme, lang, titles), xs=12, lg=6, xxl=4),
                    dbc.Col(bars_card(summary, theme, lang, titles), xs=12, lg=6, xxl=5),
                    # Beside the pillars on a wall (xxl), so the history shows without scrolling.
                    dbc.Col(history_card(summary, theme, lang, titles), xs=12, lg=6, xxl=3, id="units-history-col"),
                    dbc.Col(lost_card(summary, lang, titles), xs=12, lg=6, xxl=8),
                    dbc.Col(sources_card(summary, lang, titles), xs=12, xxl=4),
                ],
                className="g-3",
            )
        )
    found = action_list(summary.info.code, summary.year) if not summary.pillars.empty else None
    if found is not None:
        children.append(dbc.Row([dbc.Col(action_card(found, lang=lang, titles=titles), xs=12)], className="g-3"))
    return children


def _allowed_summary(query: dict | None, lang: str) -> UnitSummary:
    """The unit and year of the URL for a reader who may see that unit; refused (and logged) otherwise."""
    query = query or {}
    code = str(query.get("unit_code") or "")
    denied = unit_refusal(code, lang)
    if denied is not None:
        raise BadParameter(denied)
    return requested_summary(code, query.get("year"), lang)


@callback(Output(CONTENT, "children"), Input(QUERY, "data"), Input(THEME_STORE, "data"))
@explained()
def show_unit(query: dict | None, theme: str | None) -> list:
    """The page for the unit of the URL, refused (and logged) for a reader who may not see that unit."""
    lang = language()
    summary = _allowed_summary(query, lang)
    return render(summary, theme or DEFAULT_THEME, lang, source_titles(lang))


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
