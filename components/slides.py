"""The steering committee's deck: slide descriptions built from a `Deck`, their figures, and their Dash view.

Pure functions. `build_slides` turns the deck's data into `Slide`s (title, big facts, one
figure, one table, a list or the reason there is nothing to show, the source line and the
speaker's notes); the page draws them with `deck_view`, the PowerPoint and PDF exports
(`exports/`) lay the very same descriptions out on their pages. Figures come from the
builders the analysis pages use, with every value written on the chart (nothing only on hover).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go
from dash import html
from plotly.subplots import make_subplots

from components.caveats import FLAG, discrepancy_texts, flagged_labels, inferred_text
from components.citations import cite
from components.districts import district_heatmap
from components.figures import GRAPH_CONFIG as PAGE_GRAPH_CONFIG
from components.figures import pillar_radar, rank_history, wrap_label
from components.formatting import figure_text, format_number, format_percent, format_points, format_rank
from components.i18n import t
from components.rankings import unit_bars
from components.targets import listed_twice, section_label
from components.theme import (
    CHART_LABEL,
    CHART_TICK,
    GROUP_COLORS,
    SERIES_COLORS,
    STATUS_COLORS,
    base_layout,
    group_color,
    ink,
    pillar_color,
)
from components.whatif import action_text, action_total
from domain.caveats import PillarCaveats, inferred_pillars
from domain.records import Deck
from domain.targets import counted_once
from domain.text import localized, localized_column
from domain.vocabulary import EVERY_PILLAR, Threshold
from domain.whatif import ActionList, WhatIfSetting, outcome, scenario_points

SLIDE_KEYS = (
    "title",
    "dti",
    "radar",
    "national",
    "departments",
    "districts",
    "laggards",
    "targets",
    "weakest",
    "actions",
    "sources",
)
# Figures on a slide are read from across a room: a larger base size than the pages' figures.
# The exported deck's one font, for text and chart pictures: every Windows PC in a meeting room has
# Arial, which renders Vietnamese; Debian draws it with Liberation Sans (fonts-liberation), whose
# metrics are Arial's, so words take the room they will take on that PC. The web font the pages use
# (Be Vietnam Pro) is not on such PCs, and PowerPoint would substitute it with wider or narrower text.
EXPORT_FONT = "Arial"
SLIDE_FONT_SIZE = 18
LABEL_FONT_SIZE = 17
WEAKEST_COUNT = 3
# Under a slide's radar: its bottom pillar's label (name on two lines and its value) and the legend.
RADAR_LABEL_ROOM = 4 * CHART_TICK + 12
RADAR_LEGEND_ROOM = 3 * (CHART_TICK + 8)
# The deck's recommendations list every main index with points to win, as many as a framework has
# (the province's eight, a district's nine): a leader sees every pillar, and the table is laid out to
# fit them (40-present.css, the exports). A unit's report lists its first five on half an A4 page.
ACTION_ROWS = 9
REPORT_ACTION_ROWS = 5
GAP_ROWS = 5
STATUSES = ("met", "not_met", "no_data")
GRAPH_CONFIG = {**PAGE_GRAPH_CONFIG, "displayModeBar": False}
# The pattern-matching id type of a slide's chart box: assets/40-present.js draws the chart into it.
CHART_BOX = "present-chart"
CHART_FORMATS = ("png", "svg")


class Fact(NamedTuple):
    """A big number with its label; `tone` ("up", "down", "flat", a status or a group) colours it."""

    label: str
    value: str
    detail: str = ""
    tone: str = ""


class Table(NamedTuple):
    """A small table written out in full: `align` per column ("left" / "right"), `highlight` a row index;
    `tones` per row colour that row's cell in `tone_column` (a group code, as a `Fact`'s tone)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[str, ...]
    highlight: int | None = None
    tones: tuple[str, ...] = ()
    tone_column: int | None = None

    def tone(self, row: int, column: int) -> str:
        """The tone of one body cell, "" when it has none."""
        if column != self.tone_column or row >= len(self.tones):
            return ""
        return self.tones[row]


class Slide(NamedTuple):
    """One slide, as the page and the exports draw it. `message` replaces the content when the year
    has no data for this slide, so the slide says why rather than disappearing."""

    key: str
    title: str
    subtitle: str = ""
    facts: tuple[Fact, ...] = ()
    figure: go.Figure | None = None
    table: Table | None = None
    bullets: tuple[str, ...] = ()
    message: str = ""
    source: str = ""
    notes: str = ""

    @property
    def has_chart(self) -> bool:
        return self.figure is not None


# The stacked-bar slides (targets, points lost): a legend centred above the bars, room for long labels.
BAR_LEGEND = {"orientation": "h", "x": 0.5, "xanchor": "center", "y": 1.02, "yanchor": "bottom", "traceorder": "normal"}
BAR_MARGIN = {"l": 10, "r": 20, "t": 40, "b": 50}


def format_date(day: date, lang: str) -> str:
    return day.strftime("%d/%m/%Y") if lang != "en" else day.isoformat()


def _slide_figure(figure: go.Figure) -> go.Figure:
    """A page figure restyled for a slide: larger type, filling the slide's box (no fixed height)."""
    figure.update_layout(font={"size": SLIDE_FONT_SIZE}, height=None, autosize=True)
    return figure


def _empty(key: str, title: str, message: str, lang: str) -> Slide:
    """A slide the year has no data for: it keeps its place and says why."""
    return Slide(key, title, message=message, notes=t("present.notes.empty", lang, message=message))


# ---------------------------------------------------------------- title


def title_slide(deck: Deck, *, lang: str, today: date) -> Slide:
    name = deck.name(lang)
    return Slide(
        "title",
        name,
        subtitle=t("present.deck_title", lang, year=deck.year),
        facts=(Fact(t("present.title_kicker", lang), t("present.title_date", lang, date=format_date(today, lang))),),
        bullets=(t("present.title_data", lang, version=deck.data_version),),
        notes=t("present.notes.title", lang, unit=name, year=deck.year),
    )


# ---------------------------------------------------------------- DTI and rank


def _change_text(deck: Deck, lang: str) -> tuple[str, str]:
    """Places gained or lost since the previous year with a result, and its tone."""
    overview = deck.overview
    places = overview.change.rank_places
    if overview.previous_year is None or places is None:
        return t("present.dti.no_change", lang), ""
    if places > 0:
        return t("present.dti.up", lang, n=places), "up"
    if places < 0:
        return t("present.dti.down", lang, n=-places), "down"
    return t("present.dti.flat", lang), "flat"


def dti_slide(deck: Deck, *, theme: str, lang: str, titles: Mapping[str, str]) -> Slide:
    overview = deck.overview
    name = deck.name(lang)
    title = t("present.dti.title", lang, year=deck.year)
    if overview.rank is None and overview.index_value is None:
        return _empty("dti", title, t("present.dti.no_rank", lang, year=deck.year, unit=name), lang)
    change, tone = _change_text(deck, lang)
    value = format_number(overview.index_value, 4, lang)
    average_key = "present.dti.average" if overview.average_computed_from is None else "present.dti.average_computed"
    value_detail = (
        t(average_key, lang, value=format_number(overview.average_index, 4, lang), n=overview.average_computed_from)
        if overview.index_value is not None and overview.average_index is not None
        else t("present.dti.no_value", lang, year=deck.year)
        if overview.index_value is None
        else ""
    )
    national_source = ""
    if overview.index_value is not None and overview.national_index is not None:
        national = t("present.dti.national", lang, value=format_number(overview.national_index, 4, lang))
        value_detail = " · ".join(filter(None, [value_detail, national]))
        national_source = overview.national_source
    rank = format_rank(overview.rank, overview.rank_of)
    previous = overview.change.previous_rank
    change_detail = (
        f"{overview.previous_year}: {previous} → {deck.year}: {overview.rank}" if overview.previous_year else ""
    )
    facts = (
        Fact(t("present.dti.value", lang), value, value_detail),
        Fact(t("present.dti.rank", lang), rank),
        Fact(
            t("present.dti.change", lang, year=overview.previous_year)
            if overview.previous_year
            else t("present.dti.rank", lang),
            change,
            change_detail,
            tone,
        ),
    )
    history = overview.rank_history
    figure = None
    if not history.empty:
        figure = rank_history(history, theme=theme, lang=lang, axis_title=t("present.dti.rank_axis", lang))
        figure.update_traces(textfont={"size": 22}, marker={"size": 16})
        figure = _slide_figure(figure)
    cited = [overview.index_source, national_source, *history.get("source", [])]
    source = cite(t("common.source", lang), cited, titles)
    return Slide(
        "dti",
        title,
        subtitle=t("present.dti.history", lang),
        facts=facts,
        figure=figure,
        source=source,
        notes=t("present.notes.dti", lang, unit=name, value=value, rank=rank, change=change),
    )


# ---------------------------------------------------------------- radar


def _comparisons(deck: Deck, lang: str) -> list[tuple[str, pd.DataFrame, str]]:
    overview = deck.overview
    comparisons = []
    if "leading_average" in overview.comparison:
        label = t("present.radar.leading", lang, n=len(overview.leading_names))
        comparisons.append((label, overview.comparison["leading_average"], "leading_average"))
    if "leader" in overview.comparison and overview.leading_names:
        label = t("present.radar.leader", lang, name=overview.leading_names[0])
        comparisons.append((label, overview.comparison["leader"], "leader"))
    return comparisons


def radar_table(
    pillars: pd.DataFrame, comparisons: list[tuple[str, pd.DataFrame, str]], *, unit: str, lang: str
) -> Table:
    """Every value of the radar written out: the unit's share and points, each comparison's share."""
    headers = (
        t("present.radar.pillar", lang),
        unit,
        *(name for name, _, _ in comparisons),
        t("present.radar.points", lang),
    )
    aligned = [
        pillars[["pillar_code"]].merge(frame[["pillar_code", "share"]], on="pillar_code", how="left")["share"]
        for _, frame, _ in comparisons
    ]
    rows = []
    for i, row in enumerate(pillars.itertuples()):
        others = tuple(format_percent(shares.iloc[i] * 100, 1, lang) for shares in aligned)
        rows.append(
            (
                row.label,
                format_percent(row.share * 100, 1, lang),
                *others,
                f"{format_points(row.points, lang)}/{format_points(row.max_points, lang)}",
            )
        )
    return Table(headers, tuple(rows), ("left", *["right"] * (len(headers) - 1)))


def deck_caveats(deck: Deck) -> PillarCaveats:
    """The caveats of the province's pillar figures, as `/` shows them: the source's discrepancies and
    the pillars attributed by inference."""
    return PillarCaveats(deck.overview.discrepancies, inferred_pillars(deck.overview.pillars))


def caveat_bullets(caveats: PillarCaveats, lang: str) -> tuple[str, ...]:
    inferred = inferred_text(caveats, lang)
    return (*discrepancy_texts(caveats.discrepancies, lang), *([inferred] if inferred else []))


def radar_slide(deck: Deck, *, theme: str, lang: str, titles: Mapping[str, str]) -> Slide:
    overview = deck.overview
    name = deck.name(lang)
    title = t("present.radar.title", lang)
    if overview.pillars.empty:
        return _empty("radar", title, t("present.radar.empty", lang, year=deck.year, unit=name), lang)
    caveats = deck_caveats(deck)
    names = localized_column(overview.pillars, "pillar_name", lang)
    pillars = overview.pillars.assign(
        label=flagged_labels(overview.pillars["pillar_code"], names, caveats.inferred_codes)
    )
    comparisons = _comparisons(deck, lang)
    figure = pillar_radar(pillars, comparisons, focus_label=name, theme=theme, lang=lang, show_legend=True)
    figure = _slide_figure(figure)
    # The legend goes under the radar (above it, it would cover the first pillar's label), pinned to
    # the figure's bottom edge rather than to the plot: placed as a share of the plot's height, it
    # rose into the bottom pillar's label wherever the figure is short (the printed deck, the PDF).
    # The bottom margin holds that label (three lines, which plotly does not count in its margins)
    # and a legend wrapped onto three rows beside a table.
    figure.update_layout(
        polar={"angularaxis": {"tickfont": {"size": CHART_TICK}}},
        legend={
            "font": {"size": CHART_TICK},
            "orientation": "h",
            "x": 0.5,
            "xanchor": "center",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
        },
        margin={"l": 125, "r": 125, "t": 40, "b": RADAR_LABEL_ROOM + RADAR_LEGEND_ROOM},
    )
    ordered = pillars.sort_values("share")
    best, worst = ordered.iloc[-1], ordered.iloc[0]
    return Slide(
        "radar",
        title,
        subtitle=t("present.radar.subtitle", lang, year=deck.year),
        figure=figure,
        table=radar_table(pillars, comparisons, unit=name, lang=lang),
        bullets=caveat_bullets(caveats, lang),
        source=cite(t("common.source", lang), overview.pillars["source"], titles),
        notes=t(
            "present.notes.radar",
            lang,
            best=best["label"],
            best_value=format_percent(best["share"] * 100, 1, lang),
            worst=worst["label"],
            worst_value=format_percent(worst["share"] * 100, 1, lang),
        ),
    )


# ---------------------------------------------------------------- national ranking


def national_table(neighbours: pd.DataFrame, *, focus_code: str, lang: str) -> Table:
    tie = t("present.national.tie", lang)
    rows = tuple(
        (
            f"{row.rank} ({tie})" if row.tied else str(row.rank),
            localized(row, "unit_name", lang),
            format_number(row.index_value, 4, lang),
        )
        for row in neighbours.itertuples()
    )
    focus = neighbours.index[neighbours["unit_code"] == focus_code]
    return Table(
        (t("present.national.rank", lang), t("present.national.province", lang), t("present.national.dti", lang)),
        rows,
        ("right", "left", "right"),
        highlight=int(focus[0]) if len(focus) else None,
    )


def national_slide(deck: Deck, *, lang: str, titles: Mapping[str, str]) -> Slide:
    name = deck.name(lang)
    title = t("present.national.title", lang)
    neighbours = deck.neighbours
    if len(neighbours) <= 1:
        return _empty("national", title, t("present.national.empty", lang, year=deck.year, unit=name), lang)
    table = national_table(neighbours, focus_code=deck.unit_code, lang=lang)
    bullets = ()
    if deck.national_field and deck.national_with_value < deck.national_field:
        bullets = (t("present.national.partial", lang, n=deck.national_with_value, field=deck.national_field),)
    names = localized_column(neighbours, "unit_name", lang)
    focus = table.highlight or 0
    return Slide(
        "national",
        title,
        subtitle=t("present.national.subtitle", lang, unit=name, year=deck.year),
        table=table,
        bullets=bullets,
        source=cite(t("common.source", lang), neighbours["source"], titles),
        notes=t(
            "present.notes.national",
            lang,
            above=", ".join(names.iloc[:focus]) or "—",
            below=", ".join(names.iloc[focus + 1 :]) or "—",
        ),
    )


# ---------------------------------------------------------------- departments


def group_facts(table: pd.DataFrame, lang: str) -> tuple[Fact, ...]:
    """How many units are in each group, in the order the groups first appear (best first),
    each toned by its group's code."""
    named = table[table["group"].map(lambda g: isinstance(g, str) and bool(g))]
    counts = named.groupby(["group"], sort=False).agg(n=("group", "size"), code=("group_code", "first"))
    return tuple(
        Fact(group, str(int(row.n)), t("present.departments.group_count", lang, n=int(row.n)), row.code or "")
        for group, row in counts.iterrows()
    )


# A slide's bar chart is read from the back of the room: unit names at a label's size, values and
# bounds at the chart floor (components/theme.py's CHART_LABEL / CHART_TICK, the pages' wall sizes).
DEPARTMENT_NAME_SIZE = CHART_LABEL
DEPARTMENT_VALUE_SIZE = CHART_TICK
# Past this many units the bars go in two columns (best first, down the left then the right), so
# each row is tall enough for a name at the label's size; a long name wraps onto a second line.
DEPARTMENT_COLUMN_ROWS = 12
DEPARTMENT_NAME_WIDTH = 28
DEPARTMENT_NAME_GAP = 0.32
# An exported slide is 1280 px wide, two thirds of the wall's: its names take two thirds of the
# wall's size, as they take the same share of the picture a projector shows (40-present.css shrinks
# them the same way on a smaller slide of the page).
DEPARTMENT_EXPORT_NAME_SIZE = 12


def departments_figure(
    table: pd.DataFrame, thresholds: Sequence[Threshold], *, theme: str, lang: str, axis_title: str
) -> go.Figure:
    """The departments' totals as bars (best first, coloured by group), in two columns past
    `DEPARTMENT_COLUMN_ROWS` units: 24 names in one column left each a 13 px row on a full-HD wall.
    Each value is written inside its bar's end; each group's bound is a dotted line behind the bars,
    named above every column ("Khá ≥ 390"), so a line never crosses a value."""
    maximum = float(table["max_total"].max())
    bounds = sorted((b for b in thresholds if b.min_share > 0), key=lambda b: b.min_share)
    columns = 2 if len(table) > DEPARTMENT_COLUMN_ROWS else 1
    per_column = -(-len(table) // columns)
    figure = make_subplots(rows=1, cols=columns)
    if columns > 1:
        # The right column's names sit between the columns, where plotly's automatic margins do not
        # reach: the gap is kept for them as a share of the plot's width (wide enough on a slide of
        # the page, the wall and the exported deck for a line of DEPARTMENT_NAME_WIDTH characters).
        figure.update_xaxes(domain=[0, 0.5 - DEPARTMENT_NAME_GAP / 2], row=1, col=1)
        figure.update_xaxes(domain=[0.5 + DEPARTMENT_NAME_GAP / 2, 1], row=1, col=2)
    names = [wrap_label(name, DEPARTMENT_NAME_WIDTH) for name in localized_column(table, "unit_name", lang)]
    for column in range(columns):
        part = table.iloc[column * per_column : (column + 1) * per_column]
        bars = unit_bars(part, theme=theme, lang=lang, axis_title=axis_title).data[0]
        bars.update(
            y=names[column * per_column : (column + 1) * per_column],
            textposition="inside",
            insidetextanchor="end",
            textfont=None,
            insidetextfont={"color": [_on_group(code) for code in part["group_code"]], "size": DEPARTMENT_VALUE_SIZE},
        )
        figure.add_trace(bars, row=1, col=column + 1)
        figure.update_yaxes(
            autorange="reversed",
            categoryorder="array",
            categoryarray=list(bars.y),
            tickfont={"size": DEPARTMENT_NAME_SIZE},
            automargin=True,
            row=1,
            col=column + 1,
        )
        for row, bound in enumerate(bounds):
            points = bound.min_share * maximum
            figure.add_vline(
                x=points,
                line={"color": group_color(bound.code), "width": 1.5, "dash": "dot"},
                layer="below",
                row=1,
                col=column + 1,
            )
            name = bound.name_en if lang == "en" and bound.name_en else bound.group
            figure.add_annotation(
                x=points,
                y=1,
                xref=f"x{column + 1 if column else ''}",
                yref="paper",
                yanchor="bottom",
                # Each bound's name on a row of its own: in a column, 300, 390 and 480 of 600 are close.
                yshift=2 + (DEPARTMENT_VALUE_SIZE + 6) * row,
                text=f"{figure_text(name)} ≥ {format_points(points, lang)}",
                showarrow=False,
                font={"color": group_color(bound.code), "size": DEPARTMENT_VALUE_SIZE},
            )
    colors = ink(theme)
    layout = base_layout(theme, lang)
    layout.pop("xaxis", None)
    layout.pop("yaxis", None)
    figure.update_layout(layout)
    figure.update_xaxes(range=[0, maximum * 1.02], gridcolor=colors["grid"], zeroline=False)
    figure.update_xaxes(title={"text": axis_title}, row=1, col=1)
    if columns > 1:
        figure.update_xaxes(title={"text": axis_title}, row=1, col=2)
    figure.update_layout(
        font={"size": SLIDE_FONT_SIZE},
        height=None,
        autosize=True,
        showlegend=False,
        bargap=0.2,
        # Plotly shrinks a value that does not fit its bar: keep every value at one readable size.
        uniformtext={"minsize": DEPARTMENT_VALUE_SIZE, "mode": "show"},
        margin={"l": 10, "r": 20, "t": len(bounds) * (DEPARTMENT_VALUE_SIZE + 6) + 8, "b": 60},
        meta={"export_tick_size": DEPARTMENT_EXPORT_NAME_SIZE},
    )
    return figure


def _on_group(code: str) -> str:
    """Ink on a bar of the group's colour: dark on the light amber of Trung bình, white elsewhere."""
    return "#1d2733" if code == "trung_binh" else "#ffffff"


def departments_slide(deck: Deck, *, theme: str, lang: str, titles: Mapping[str, str]) -> Slide:
    name = deck.name(lang)
    title = t("present.departments.title", lang)
    table = deck.departments
    if table.empty:
        return _empty("departments", title, t("present.departments.empty", lang, year=deck.year, unit=name), lang)
    maximum = float(table["max_total"].max())
    figure = departments_figure(
        table,
        deck.department_thresholds,
        theme=theme,
        lang=lang,
        axis_title=t("present.departments.axis", lang, max=format_points(maximum, lang)),
    )
    facts = group_facts(table, lang)
    citations = [s or p for s, p in zip(table["score_source"], table["published_source"], strict=True)]
    median = table["median_method"].fillna(False).astype(bool).any()
    return Slide(
        "departments",
        title,
        # The note on "*" goes with the subtitle: a line under the chart would squeeze 24 names out of it.
        subtitle=t("present.departments.subtitle", lang, max=format_points(maximum, lang), year=deck.year)
        + (" · " + t("rankings.median_note", lang) if median else ""),
        facts=facts,
        figure=figure,
        source=cite(t("common.source", lang), citations, titles),
        notes=t("present.notes.groups", lang, groups=", ".join(f"{f.label} {f.value}" for f in facts)),
    )


# ---------------------------------------------------------------- districts


# A heatmap row is read from across the room: past this many units (a full-HD slide has room for
# about 28 rows of 18 px) the slide shows the strongest few and the weakest, whom a leader asks
# about, each labelled with its rank; the /districts page and its Excel file list every unit.
DISTRICT_ROWS = 20
DISTRICT_BEST = 5
DISTRICT_EXPORT_SIZE = 11


def shown_districts(totals: pd.DataFrame) -> pd.DataFrame:
    """The units the slide's heatmap draws, best first: all of them up to `DISTRICT_ROWS`, else the
    `DISTRICT_BEST` strongest and the weakest for the rest of the rows."""
    if len(totals) <= DISTRICT_ROWS:
        return totals
    return pd.concat([totals.head(DISTRICT_BEST), totals.tail(DISTRICT_ROWS - DISTRICT_BEST)])


def districts_slide(deck: Deck, *, theme: str, lang: str, titles: Mapping[str, str]) -> Slide:
    name = deck.name(lang)
    title = t("present.districts.title", lang)
    results = deck.districts
    if results.empty:
        return _empty("districts", title, t("present.districts.empty", lang, year=deck.year, unit=name), lang)
    shown = shown_districts(results.totals)
    partial = len(shown) < len(results.totals)
    figure = district_heatmap(
        results.scores[results.scores["unit_code"].isin(shown["unit_code"])],
        shown,
        thresholds=results.thresholds,
        theme=theme,
        lang=lang,
        count=len(results.totals),
        ranked_labels=partial,
    )
    figure.update_traces(textfont={"size": CHART_TICK}, selector={"type": "scatter"})
    figure.update_xaxes(tickfont={"size": CHART_TICK})
    figure.update_yaxes(tickfont={"size": CHART_TICK})
    if partial:
        # A line between the strongest and the weakest: the ranks jump there.
        figure.add_hline(y=DISTRICT_BEST - 0.5, line={"color": ink(theme)["text"], "width": 3}, row=1, col="all")
    figure = _slide_figure(figure)
    # An exported slide is two thirds of the wall's width: names and values at two thirds of the
    # wall's size keep within the same rows (40-present.css shrinks them likewise on the page).
    figure.update_layout(meta={"export_tick_size": DISTRICT_EXPORT_SIZE, "export_text_size": DISTRICT_EXPORT_SIZE})
    totals = results.totals
    best, worst = totals.iloc[0], totals.iloc[-1]
    bullets = ()
    if partial:
        bullets = (
            t(
                "present.districts.shown",
                lang,
                shown=len(shown),
                n=len(totals),
                best=DISTRICT_BEST,
                weakest=len(shown) - DISTRICT_BEST,
                page=t("nav.districts", lang),
            ),
        )
    return Slide(
        "districts",
        title,
        subtitle=t("present.districts.subtitle", lang, year=deck.year),
        figure=figure,
        bullets=bullets,
        source=cite(t("common.source", lang), results.scores["source"], titles),
        notes=t(
            "present.notes.districts",
            lang,
            best=localized(best, "unit_name", lang),
            best_total=format_points(best["total"], lang),
            worst=localized(worst, "unit_name", lang),
            worst_total=format_points(worst["total"], lang),
        )
        + "".join(f" {b}" for b in bullets),
    )


# ---------------------------------------------------------------- who lags


def laggards_table(laggards: Mapping[str, pd.DataFrame], *, lang: str) -> Table:
    """Each level's weakest units, weakest first: % of the maximum, group (coloured by its code) and
    the points missing for the next group up."""
    rows, tones = [], []
    for level, frame in laggards.items():
        level_name = t(f"present.laggards.level_{level}", lang)
        for row, name in zip(frame.to_dict("records"), localized_column(frame, "unit_name", lang), strict=True):
            missing = (
                t("present.laggards.missing", lang, points=format_points(row["missing"], lang), group=row["next_group"])
                if row["next_group"]
                else t("laggards.top_group", lang)
            )
            rows.append((level_name, name, format_percent(row["share"] * 100, 1, lang), row["group"] or "—", missing))
            tones.append(row["group_code"])
    return Table(
        headers=tuple(t(f"present.laggards.col_{key}", lang) for key in ("level", "unit", "share", "group", "missing")),
        rows=tuple(rows),
        align=("left", "left", "right", "left", "left"),
        tones=tuple(tones),
        tone_column=3,
    )


def laggards_slide(deck: Deck, *, lang: str, titles: Mapping[str, str]) -> Slide:
    """ "Who lags": the weakest departments and districts of the province by share of the maximum (the
    one measure comparable across levels), with what each misses for the next group; the overview's
    list, on a slide."""
    name = deck.name(lang)
    title = t("present.laggards.title", lang)
    scored = {level: frame for level, frame in deck.laggards.items() if not frame.empty}
    if not scored:
        return _empty("laggards", title, t("present.laggards.empty", lang, year=deck.year, unit=name), lang)
    facts = []
    for level, frame in scored.items():
        weakest = frame.iloc[0]
        facts.append(
            Fact(
                t("present.laggards.weakest", lang, level=t(f"laggards.{level}", lang)),
                format_percent(weakest["share"] * 100, 1, lang),
                f"{localized(weakest, 'unit_name', lang)} · {weakest['group'] or '—'}",
                weakest["group_code"],
            )
        )
    missing_levels = [level for level in deck.laggards if level not in scored]
    bullets = tuple(t(f"present.{level}s.empty", lang, year=deck.year, unit=name) for level in missing_levels)
    items = "; ".join(f"{f.detail} ({f.value})" for f in facts)
    return Slide(
        "laggards",
        title,
        subtitle=t("present.laggards.subtitle", lang, year=deck.year),
        facts=tuple(facts),
        table=laggards_table(scored, lang=lang),
        bullets=bullets,
        source=cite(t("common.source", lang), [c for f in scored.values() for c in f["source"]], titles),
        notes=t("present.notes.laggards", lang, items=items),
    )


# ---------------------------------------------------------------- targets


def target_sections_figure(targets: pd.DataFrame, labels: Mapping[str, str], *, theme: str, lang: str) -> go.Figure:
    """Targets per plan section as stacked bars by status, each segment labelled with its count."""
    colors = ink(theme)
    sections = list(dict.fromkeys(targets["pillar_code"]))
    names = [wrap_label(labels.get(code, code), 16) for code in sections]
    counts = targets.groupby(["pillar_code", "status"]).size()
    figure = go.Figure()
    for status in STATUSES:
        values = [int(counts.get((code, status), 0)) for code in sections]
        figure.add_trace(
            go.Bar(
                y=names,
                x=values,
                orientation="h",
                name=t(f"targets.status.{status}", lang),
                marker={"color": STATUS_COLORS[status]},
                text=[str(v) if v else "" for v in values],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"size": LABEL_FONT_SIZE + 3, "color": "#ffffff"},
                hovertemplate="%{y}: %{x}<extra>" + t(f"targets.status.{status}", lang) + "</extra>",
            )
        )
    layout = base_layout(theme, lang)
    layout.update(
        barmode="stack",
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 16}},
        xaxis={"title": {"text": t("present.targets.section_axis", lang)}, "gridcolor": colors["grid"], "dtick": 2},
        legend=BAR_LEGEND,
        margin=BAR_MARGIN,
    )
    figure.update_layout(layout)
    return _slide_figure(figure)


def furthest_gaps(targets: pd.DataFrame, count: int = GAP_ROWS) -> pd.DataFrame:
    """The targets not met, furthest from their threshold first (actual as a share of the target)."""
    missed = targets[(targets["status"] == "not_met") & targets["target_value"].gt(0)].copy()
    missed["reached"] = missed["actual"] / missed["target_value"]
    return missed.sort_values(["reached", "sort_order"]).head(count).reset_index(drop=True)


def _target_value(value: float, unit: str | None, lang: str) -> str:
    unit = unit if isinstance(unit, str) else ""
    number = format_points(value, lang)
    return f"{number}%" if unit == "%" else f"{number} {unit}".strip()


def counted_once_lines(targets: pd.DataFrame, labels: Mapping[str, str], lang: str) -> tuple[str, ...]:
    """One line per target the plan lists under two sections: counted once in the slide's numbers
    (as /targets counts it), drawn in both sections' bars."""
    return tuple(
        t("present.targets.counted_once", lang, name=row["name_vi"], sections=sections)
        for row, sections in listed_twice(targets, labels)
    )


def targets_slide(deck: Deck, *, theme: str, lang: str, titles: Mapping[str, str]) -> Slide:
    name = deck.name(lang)
    title = t("present.targets.title", lang)
    targets = deck.targets
    if deck.plan_year is None or targets.empty:
        years = ", ".join(map(str, deck.plan_years)) or "—"
        message = t("present.targets.empty", lang, year=deck.year, next_year=deck.year + 1, unit=name, years=years)
        return _empty("targets", title, message, lang)
    # A target the plan lists under two sections is one target: the counts, the notes and the gaps
    # count it once, as /targets does; the bars keep it under each section it is listed in.
    once = counted_once(targets)
    counts = {status: int((once["status"] == status).sum()) for status in STATUSES}
    facts = tuple(Fact(t(f"targets.status.{s}", lang), str(counts[s]), "", s) for s in STATUSES)
    labels = {code: section_label(code, lang, deck.section_names) for code in targets["pillar_code"].unique()}
    figure = target_sections_figure(targets, labels, theme=theme, lang=lang)
    gaps = furthest_gaps(once)
    table = Table(
        (t("present.targets.gap_title", lang), t("present.targets.target", lang), t("present.targets.actual", lang)),
        tuple(
            (
                row.name_vi,
                _target_value(row.target_value, row.target_unit, lang),
                _target_value(row.actual, row.actual_unit, lang),
            )
            for row in gaps.itertuples()
        ),
        ("left", "right", "right"),
    )
    plan_codes = ", ".join(deck.plans["code"]) if not deck.plans.empty else "—"
    twins = counted_once_lines(targets, labels, lang)
    bullets = twins
    if deck.plan_year != deck.year:
        bullets = (*twins, t("present.targets.next_year", lang, year=deck.year, plan_year=deck.plan_year))
    # The plan's targets cite a locator each: the slide names the documents, the targets page the locators.
    documents = cited_documents([*deck.plans.get("source", []), *targets["actual_source"].fillna("")], titles)
    return Slide(
        "targets",
        title,
        subtitle=t("present.targets.subtitle", lang, plan=plan_codes, year=deck.plan_year),
        facts=facts,
        figure=figure,
        table=table if gaps.shape[0] else None,
        bullets=bullets,
        source=f"{t('common.source', lang)}: " + "; ".join(documents) if documents else "",
        notes=" ".join([t("present.notes.targets", lang, total=len(once), **counts), *twins]),
    )


# ---------------------------------------------------------------- weakest pillars


def points_lost_figure(losses: pd.DataFrame, *, theme: str, lang: str) -> go.Figure:
    """Each counted pillar as a bar as long as its maximum: the points scored in the pillar's colour,
    the points lost in red, labelled "−lost / max"; the largest loss on top."""
    colors = ink(theme)
    names = [wrap_label(n, 24) for n in localized_column(losses, "pillar_name", lang)]
    scored_label = t("present.weakest.scored", lang)
    lost_label = t("present.weakest.lost", lang)
    figure = go.Figure(
        [
            go.Bar(
                y=names,
                x=losses["points"],
                orientation="h",
                name=scored_label,
                marker={"color": [pillar_color(code) for code in losses["pillar_code"]]},
                text=[format_points(p, lang) for p in losses["points"]],
                textposition="inside",
                insidetextanchor="start",
                # No colour: plotly picks dark or light ink to read on each pillar's colour.
                textfont={"size": LABEL_FONT_SIZE},
                hovertemplate="%{y}: %{text}<extra>" + scored_label + "</extra>",
            ),
            go.Bar(
                y=names,
                x=losses["lost"],
                orientation="h",
                name=lost_label,
                # Hatched, not solid: no pillar colour can be mistaken for the points lost.
                marker={
                    "color": "rgba(214,69,69,0.15)",
                    "pattern": {"shape": "/", "fgcolor": STATUS_COLORS["not_met"], "size": 9, "solidity": 0.35},
                    "line": {"color": STATUS_COLORS["not_met"], "width": 1.5},
                },
                text=[
                    f"−{format_points(lost, lang)} / {format_points(maximum, lang)}"
                    for lost, maximum in zip(losses["lost"], losses["max_points"], strict=True)
                ],
                textposition="outside",
                cliponaxis=False,
                textfont={"size": LABEL_FONT_SIZE, "color": colors["text"]},
                hovertemplate="%{y}: %{text}<extra>" + lost_label + "</extra>",
            ),
        ]
    )
    layout = base_layout(theme, lang)
    layout.update(
        barmode="stack",
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": CHART_TICK}},
        xaxis={
            "range": [0, float(losses["max_points"].max()) * 1.35],
            "title": {"text": t("present.weakest.axis", lang)},
            "gridcolor": colors["grid"],
        },
        legend=BAR_LEGEND,
        margin=BAR_MARGIN,
        bargap=0.25,
    )
    figure.update_layout(layout)
    return _slide_figure(figure)


def weakest_slide(deck: Deck, *, theme: str, lang: str, titles: Mapping[str, str]) -> Slide:
    name = deck.name(lang)
    title = t("present.weakest.title", lang)
    losses = deck.losses
    if losses.empty:
        return _empty("weakest", title, t("present.weakest.empty", lang, year=deck.year, unit=name), lang)
    total_lost = float(losses["lost"].sum())
    maximum = float(losses["max_points"].sum())
    weakest = losses.head(WEAKEST_COUNT)
    items = [
        t(
            "present.weakest.item",
            lang,
            name=localized(row, "pillar_name", lang),
            lost=format_points(row.lost, lang),
            max=format_points(row.max_points, lang),
        )
        for row in weakest.itertuples()
    ]
    share = float(weakest["lost"].sum()) / total_lost * 100 if total_lost else 0.0
    caveats = deck_caveats(deck)
    flagged = caveats.inferred_codes
    facts = (
        Fact(
            t("present.weakest.total_lost", lang),
            format_points(total_lost, lang),
            t("present.weakest.of", lang, max=format_points(maximum, lang)),
            "down",
        ),
        *(
            Fact(
                localized(row, "pillar_name", lang) + (FLAG if row.pillar_code in flagged else ""),
                f"−{format_points(row.lost, lang)}",
                f"/ {format_points(row.max_points, lang)}",
            )
            for row in weakest.itertuples()
        ),
    )
    return Slide(
        "weakest",
        title,
        subtitle=t("present.weakest.subtitle", lang, year=deck.year),
        facts=facts,
        figure=points_lost_figure(losses, theme=theme, lang=lang),
        bullets=(
            t("present.weakest.top_share", lang, share=format_percent(share, 0, lang)),
            *([inferred_text(caveats, lang)] if flagged & set(weakest["pillar_code"]) else []),
        ),
        source=cite(t("common.source", lang), losses["source"], titles),
        notes=t("present.notes.weakest", lang, items="; ".join(items)),
    )


# ---------------------------------------------------------------- recommendations


def scenario_line(setting: WhatIfSetting, raw: Mapping[str, object], names: Mapping[str, str], lang: str) -> str:
    """The presenter's what-if scenario (the URL's `<index code>=<points>`, as `/whatif` writes it) in
    one sentence: the indices it changes, and the new total, rank and group, computed by the same
    rules as `/whatif`. Empty when the URL changes nothing."""
    indices = setting.main_indices()
    points = scenario_points(indices, raw)
    changed = [index for index in indices if abs(points.get(index.code, index.points) - index.points) >= 0.005]
    if not changed:
        return ""
    before, after = outcome(indices, setting.standing, {}), outcome(indices, setting.standing, points)
    group = t("present.actions.scenario_group", lang, group=after.group) if after.group else ""
    # A province ranks among the provinces with a published value that year, as on /whatif.
    field = "of_published" if setting.is_index and after.rank_of < setting.level_size else "of"
    rank_of = t(f"present.actions.scenario_{field}", lang, n=after.rank_of)
    return t(
        "present.actions.scenario",
        lang,
        changes="; ".join(
            f"{names[i.code]} {format_points(i.points, lang)} → {format_points(points[i.code], lang)}" for i in changed
        ),
        total_from=action_total(before.total, setting, lang),
        total=action_total(after.total, setting, lang),
        rank_from=before.rank,
        rank=after.rank,
        of=rank_of,
        group=group,
    )


def actions_slide(
    deck: Deck, *, lang: str, titles: Mapping[str, str], scenario: Mapping[str, object] | None = None
) -> Slide:
    """ "Khuyến nghị": the main indices where peers prove the most points can be won back, what each
    would do to the value and rank, and who answers for it under the province's plan; with the
    presenter's what-if `scenario` (from the URL) and what it does to total, rank and group."""
    return recommendations_slide(
        deck.actions,
        year=deck.year,
        unit=deck.name(lang),
        lang=lang,
        titles=titles,
        scenario=scenario,
        rows=ACTION_ROWS,
    )


def recommendations_slide(
    found: ActionList | None,
    *,
    year: int,
    unit: str,
    lang: str,
    titles: Mapping[str, str],
    scenario: Mapping[str, object] | None = None,
    rows: int = REPORT_ACTION_ROWS,
) -> Slide:
    """The recommendations of any unit (the deck's province, a unit's own report) as a slide: the
    first `rows` main indices by points to win."""
    title = t("actions.title", lang)
    if found is None or not any(a.gain > 0 for a in found.actions):
        return _empty("actions", title, t("present.actions.empty", lang, year=year, unit=unit), lang)
    setting = found.setting
    names = dict(
        zip(setting.indices["pillar_code"], localized_column(setting.indices, "pillar_name", lang), strict=True)
    )
    presenter = scenario_line(setting, scenario or {}, names, lang)
    top = [a for a in found.actions if a.gain > 0][:rows]
    assigned = found.responsibilities
    lines = []
    for action in top:
        who = assigned.loc[assigned["pillar_code"] == action.code, "responsible_name"]
        lines.append(
            (
                names[action.code],
                f"{format_points(action.points, lang)}/{format_points(action.max_points, lang)}",
                f"+{format_points(action.gain, lang)}",
                t(
                    "present.actions.then",
                    lang,
                    total=action_total(action.then.total, setting, lang),
                    rank=action.then.rank,
                    n=action.then.rank_of,
                ),
                "; ".join(dict.fromkeys(who)) or "—",
            )
        )
    table = Table(
        headers=tuple(t(f"present.actions.col_{key}", lang) for key in ("index", "points", "gain", "then", "who")),
        rows=tuple(lines),
        align=("left", "right", "right", "left", "left"),
    )
    every = assigned.loc[assigned["pillar_code"] == EVERY_PILLAR, "responsible_name"]
    bullets = (t("present.actions.every", lang, plan=found.plan_code, who="; ".join(every)),) if len(every) else ()
    by_code = setting.indices.set_index("pillar_code")
    if presenter:
        bullets = (presenter, *bullets)
    citations = [*setting.sources, *assigned["source"]]
    return Slide(
        "actions",
        title,
        # Without a plan no one is assigned: the subtitle ends with the peers' year, not "under Plan —".
        subtitle=t("present.actions.subtitle", lang, year=year, plan=found.plan_code)
        if found.plan_code
        else t("present.actions.subtitle_no_plan", lang, year=year),
        table=table,
        bullets=bullets,
        source=cite(t("common.source", lang), citations, titles),
        notes=" ".join(
            [
                *(f"{names[a.code]}: {action_text(a, by_code.loc[a.code], setting, lang)}" for a in top),
                presenter,
            ]
        ).strip(),
    )


# ---------------------------------------------------------------- sources


def cited_documents(citations: Iterable[str], titles: Mapping[str, str]) -> list[str]:
    """The distinct documents the citations name, as titles where known, in first-cited order."""
    documents: dict[str, None] = {}
    for citation in citations:
        for part in (p.strip() for p in (citation or "").split(" | ") if p.strip()):
            code = part if part in titles else part.partition("; ")[0]
            documents[titles.get(code, code)] = None
    return list(documents)


def deck_citations(deck: Deck) -> list[str]:
    """Every citation behind the deck's figures, in slide order."""
    overview = deck.overview
    parts: list[Iterable[str]] = [
        [overview.index_source, overview.average_source],
        overview.rank_history.get("source", []),
        overview.pillars.get("source", []),
        deck.neighbours.get("source", []),
        deck.departments.get("score_source", []),
        deck.departments.get("published_source", []),
        deck.districts.scores.get("source", []),
        *(frame.get("source", []) for frame in deck.laggards.values()),
        deck.plans.get("source", []),
        deck.targets.get("actual_source", []),
        deck.actions.responsibilities.get("source", []) if deck.actions is not None else [],
    ]
    return [c for part in parts for c in part if isinstance(c, str) and c]


def sources_slide(deck: Deck, *, lang: str, titles: Mapping[str, str], today: date) -> Slide:
    documents = cited_documents(deck_citations(deck), titles)
    generated = t("present.sources.generated", lang, version=deck.data_version, date=format_date(today, lang))
    return Slide(
        "sources",
        t("present.sources.title", lang),
        subtitle=t("present.sources.subtitle", lang),
        bullets=tuple(documents) or (t("present.sources.none", lang),),
        source=generated,
        notes=t("present.notes.sources", lang),
    )


def build_slides(
    deck: Deck,
    *,
    theme: str,
    lang: str,
    titles: Mapping[str, str],
    today: date,
    scenario: Mapping[str, object] | None = None,
) -> list[Slide]:
    """The deck in order (`SLIDE_KEYS`): the page, the exports and the benchmark all draw this list.

    A slide the year has no figures for is left out (2021 would otherwise show six "chưa có…"
    pages out of eleven); the title slide names what is left out and why, so nothing disappears
    silently. `scenario` is the presenter's what-if (the URL's index points), shown on "Khuyến nghị"."""
    slides = [
        title_slide(deck, lang=lang, today=today),
        dti_slide(deck, theme=theme, lang=lang, titles=titles),
        radar_slide(deck, theme=theme, lang=lang, titles=titles),
        national_slide(deck, lang=lang, titles=titles),
        departments_slide(deck, theme=theme, lang=lang, titles=titles),
        districts_slide(deck, theme=theme, lang=lang, titles=titles),
        laggards_slide(deck, lang=lang, titles=titles),
        targets_slide(deck, theme=theme, lang=lang, titles=titles),
        weakest_slide(deck, theme=theme, lang=lang, titles=titles),
        actions_slide(deck, lang=lang, titles=titles, scenario=scenario),
        sources_slide(deck, lang=lang, titles=titles, today=today),
    ]
    left_out = [slide for slide in slides if slide.message]
    if not left_out:
        return slides
    title, *rest = (slide for slide in slides if not slide.message)
    missing = t("present.title_missing", lang, year=deck.year, slides="; ".join(s.title for s in left_out))
    reasons = " ".join(s.message for s in left_out)
    title = title._replace(
        bullets=(*title.bullets, missing),
        notes=f"{title.notes} {t('present.notes.left_out', lang, reasons=reasons)}",
    )
    return [title, *rest]


# ---------------------------------------------------------------- the page's view


def _fact_view(fact: Fact) -> html.Div:
    style = {}
    if fact.tone in GROUP_COLORS:
        style = {"--present-tone": group_color(fact.tone)}
    elif fact.tone in STATUS_COLORS:
        style = {"--present-tone": STATUS_COLORS[fact.tone]}
    return html.Div(
        [
            html.Div(fact.label, className="present-fact-label"),
            html.Div(fact.value, className="present-fact-value"),
            html.Div(fact.detail, className="present-fact-detail") if fact.detail else None,
        ],
        className=f"present-fact tone-{fact.tone or 'none'}",
        style=style,
    )


def _tone_style(tone: str) -> dict[str, str] | None:
    """A toned cell: its group's colour, kept on one line."""
    return {"color": group_color(tone), "whiteSpace": "nowrap"} if tone else None


def table_view(table: Table, *, table_id: str) -> html.Table:
    head = html.Thead(
        html.Tr([html.Th(h, className=f"align-{a}") for h, a in zip(table.headers, table.align, strict=True)])
    )
    rows = [
        html.Tr(
            [
                html.Td(
                    cell,
                    className=f"align-{a}",
                    style=_tone_style(table.tone(i, c)),
                )
                for c, (cell, a) in enumerate(zip(row, table.align, strict=True))
            ],
            className="present-row-focus" if i == table.highlight else None,
            style={"--present-focus": SERIES_COLORS["focus"]} if i == table.highlight else None,
        )
        for i, row in enumerate(table.rows)
    ]
    return html.Table([head, html.Tbody(rows)], className="present-table", id=table_id)


def chart_buttons(slide: Slide, lang: str) -> html.Div | None:
    """PNG and SVG of the slide's chart, made on the server from the same figure: plain buttons that
    assets/40-present.js turns into a request (pages/present.py `download_chart`)."""
    if not slide.has_chart:
        return None
    return html.Div(
        [
            html.Span(t("present.export_chart", lang), className="present-chart-label"),
            *(
                html.Button(
                    fmt.upper(),
                    type="button",
                    className="btn btn-sm btn-outline-secondary present-chart-button",
                    **{"data-slide": slide.key, "data-format": fmt},
                )
                for fmt in CHART_FORMATS
            ),
        ],
        className="present-chart-export",
    )


def chart_box(slide: Slide) -> html.Div:
    """The box of a slide's chart, with the figure it holds until assets/40-present.js draws it there as
    `#present-graph-<key>` (a `dcc.Graph`): the slide shown at once, the others one at a time when the
    browser is idle. Drawn together, the deck's six charts held the page for a quarter of a second on
    every change of year, where the presenter sees one."""
    return html.Div(
        id={"type": CHART_BOX, "slide": slide.key},
        className="present-graph",
        **{"data-figure": slide.figure.to_json(), "data-config": json.dumps(GRAPH_CONFIG)},
    )


def _title_body(slide: Slide) -> list:
    fact = slide.facts[0]
    return [
        html.Div(fact.label, className="present-title-kicker"),
        html.H1(slide.title, className="present-title-unit"),
        html.Div(slide.subtitle, className="present-title-deck"),
        html.Div(fact.value, className="present-title-date"),
        *(html.Div(b, className="present-title-data") for b in slide.bullets),
    ]


def slide_view(slide: Slide, index: int, total: int, *, lang: str, active: bool = False) -> html.Section:
    """One slide as the page shows it: 16:9, large type, every value written out."""
    classes = f"present-slide present-slide-{slide.key}" + (" is-active" if active else "")
    aria = {"aria-roledescription": "slide", "aria-label": f"{index + 1} / {total}: {slide.title}"}
    if slide.key == "title":
        body = html.Div(_title_body(slide), className="present-title-body")
        return html.Section(
            [body, html.Div(f"{index + 1} / {total}", className="present-slide-number")],
            className=classes,
            id=f"present-slide-{slide.key}",
            **aria,
        )
    head = html.Header(
        [
            html.H2(slide.title, className="present-slide-heading"),
            html.Div(slide.subtitle, className="present-slide-subtitle") if slide.subtitle else None,
        ],
        className="present-slide-head",
    )
    if slide.message:
        main = [html.Div([html.I(className="bi bi-info-circle me-3"), slide.message], className="present-message")]
        layout = "message"
    else:
        main = []
        if slide.figure is not None:
            main.append(chart_box(slide))
        if slide.table is not None:
            main.append(
                html.Div(table_view(slide.table, table_id=f"present-table-{slide.key}"), className="present-table-box")
            )
        if slide.bullets:
            main.append(html.Ul([html.Li(b) for b in slide.bullets], className="present-bullets"))
        parts = "-".join(p for p, on in (("figure", slide.figure), ("table", slide.table)) if on is not None)
        layout = parts or "list"
    body = [html.Div([_fact_view(f) for f in slide.facts], className="present-facts")] if slide.facts else []
    body.append(html.Div(main, className=f"present-main present-main-{layout}"))
    foot = html.Footer(
        [
            html.Div(slide.source, className="present-source", title=slide.source),
            chart_buttons(slide, lang),
            html.Div(f"{index + 1} / {total}", className="present-slide-number"),
        ],
        className="present-slide-foot",
    )
    return html.Section(
        [head, html.Div(body, className="present-slide-body" + (" with-facts" if slide.facts else "")), foot],
        className=classes,
        id=f"present-slide-{slide.key}",
        **aria,
    )


def deck_view(slides: Sequence[Slide], *, lang: str, active: int = 0) -> list[html.Section]:
    return [slide_view(s, i, len(slides), lang=lang, active=i == active) for i, s in enumerate(slides)]


def export_figure(figure: go.Figure, *, background: str = "#ffffff") -> go.Figure:
    """A slide's figure for a file: an opaque background (a transparent PNG is unreadable on a dark
    viewer) and the files' one font, so a chart's words look like the slide's text around them."""
    copy = go.Figure(figure)
    copy.update_layout(
        paper_bgcolor=background,
        plot_bgcolor=background,
        font_family=EXPORT_FONT,
        hoverlabel_font_family=EXPORT_FONT,
    )
    # A figure drawn for the wall may name the size its axis labels take on an exported slide.
    meta = copy.layout.meta if isinstance(copy.layout.meta, dict) else {}
    if meta.get("export_tick_size"):
        copy.update_yaxes(tickfont_size=meta["export_tick_size"])
    if meta.get("export_text_size"):
        copy.update_traces(textfont_size=meta["export_text_size"], selector={"type": "scatter"})
    return copy


def _button(element_id: str, icon: str, label: str, *, text: str = "") -> html.Button:
    return html.Button(
        [html.I(className=f"bi {icon}"), html.Span(text, className="ms-1") if text else None],
        id=element_id,
        type="button",
        className="btn btn-sm btn-outline-secondary",
        title=label,
        **{"aria-label": label},
    )


def deck_toolbar(lang: str, *, ids: dict[str, str]) -> html.Div:
    """Move between slides, full screen, the slide counter and heading, the deck's exports and their status."""
    return html.Div(
        [
            _button("present-prev", "bi-chevron-left", t("present.prev", lang)),
            html.Span(
                "1 / 1", id=ids["counter"], className="present-counter", role="status", title=t("present.counter", lang)
            ),
            _button("present-next", "bi-chevron-right", t("present.next", lang)),
            _button("present-fullscreen", "bi-arrows-fullscreen", t("present.fullscreen", lang)),
            html.Span(id=ids["heading"], className="present-heading"),
            html.Span(t("present.keys_hint", lang), className="present-hint"),
            html.Div(
                [
                    _button(ids["pptx"], "bi-file-earmark-slides", t("present.export_pptx", lang), text="PowerPoint"),
                    _button(ids["pdf"], "bi-file-earmark-pdf", t("present.export_pdf", lang), text="PDF"),
                ],
                className="present-exports",
            ),
            html.Div(id=ids["status"], className="present-status", role="status"),
        ],
        className="present-toolbar",
    )
