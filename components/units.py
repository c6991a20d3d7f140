"""Builders of a unit's own page (`/units/<code>`): result cards, pillar bars, where the points went,
history, sources and the pillar table's export.

Pure functions of the frames and results `data_access.units` assembles; nothing here reads the
database. Citations come in as the codes stored with the figures and `titles` to make them readable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components.caveats import discrepancy_text
from components.citations import cite, readable_citation
from components.data_quality import unnamed_mark
from components.figures import rank_history
from components.formatting import figure_text, format_number, format_percent, format_points, format_rank
from components.i18n import t
from components.kpi import kpi_card
from components.rankings import group_badge, group_name
from components.reorganisation import format_date
from components.theme import CHART_TICK, SERIES_COLORS, base_layout, ink, pillar_color
from domain.caveats import PillarCaveats
from domain.data_quality import without_illegible_remark
from domain.records import NextGroup, Result, UnitSummary, YearResult
from domain.text import localized, localized_column
from domain.vocabulary import Threshold

# How many of the tasks losing most points the "where the points went" card lists.
TOP_TASKS = 5
BAR_ROW_PX = 52
# Room right of the bars for the "points / max" labels ("133,02 / 200" at 15 px).
VALUE_COLUMN_PX = 120


def total_text(total: float | None, max_total: float | None, lang: str) -> str:
    """ "428,76 / 600": points as printed, of the maximum; "—" when unknown."""
    if total is None:
        return "—"
    return (
        f"{format_points(total, lang)} / {format_points(max_total, lang)}" if max_total else format_points(total, lang)
    )


def _name(row: Mapping | object, lang: str, prefix: str = "") -> str:
    """The English name where asked for and known, the Vietnamese one otherwise."""
    return localized(row, f"{prefix}name", lang)


def thresholds_text(thresholds: Iterable[Threshold], lang: str) -> str:
    """ "Tốt ≥ 80%, Khá ≥ 65%, Trung bình ≥ 50%": the bounds of a framework's groups, highest first."""
    ordered = sorted(thresholds, key=lambda th: -th.min_share)
    return ", ".join(
        f"{group_name(th.group, th.code, lang)} ≥ {format_percent(th.min_share * 100, 0, lang)}"
        for th in ordered
        if th.min_share > 0
    )


def result_cards(
    result: YearResult,
    next_group: NextGroup | None,
    thresholds: list[Threshold],
    *,
    level: str,
    lang: str,
    titles: Mapping[str, str],
    change_lines: list | None = None,
) -> dbc.Row:
    """Total of maximum, rank in the level, group, and the points missing to reach the next group;
    `change_lines` (the change of rank and of value since the year before) go under the rank."""
    shown = result.shown
    source = cite(t("common.source", lang), [shown.source], titles)
    if shown.total is not None and shown.max_total:
        total_sub = t("units.total_share", lang, share=format_percent(shown.total / shown.max_total * 100, 2, lang))
    else:
        total_sub = t("units.total_unknown", lang)
    published = result.published
    if published is not None and published.total is not None and published.max_total == 1:
        total_sub += " · " + t("units.published_index", lang, value=format_number(published.total, 4, lang))
    cards = [
        kpi_card(
            t("units.total", lang) + f" {result.year}",
            total_text(shown.total, shown.max_total, lang),
            value_id="units-total",
            footer=html.Span(total_sub, className="kpi-sub"),
            source=source,
        ),
        kpi_card(
            t("units.rank", lang),
            format_rank(shown.rank, shown.rank_of),
            value_id="units-rank",
            footer=[
                html.Span(
                    t(
                        "units.rank_sub",
                        lang,
                        rank=shown.rank if shown.rank is not None else "—",
                        n=shown.rank_of or "—",
                        level=t(f"units.level_phrase.{level}", lang),
                    ),
                    className="kpi-sub",
                ),
                *(change_lines or []),
            ],
            source=source,
        ),
        _group_card(shown, next_group, thresholds, year=result.year, lang=lang, source=source),
    ]
    if next_group is not None:
        cards.append(_next_card(next_group, lang=lang, source=source))
    width = 12 // len(cards)
    return dbc.Row([dbc.Col(card, xs=12, sm=6, xl=width) for card in cards], className="g-3 units-cards")


def _group_card(
    shown: Result, next_group: NextGroup | None, thresholds: list[Threshold], *, year: int, lang: str, source: str
) -> dbc.Card:
    """The group as a badge in its colour, with its lower bound and every bound of the year's framework."""
    group = shown.group or (next_group.current if next_group else None)
    if not thresholds:
        return kpi_card(
            t("units.group", lang),
            "—",
            value_id="units-group",
            footer=html.Span(t("units.no_group", lang, year=year), className="kpi-sub"),
        )
    bound = next((th for th in thresholds if th.group == group), None)
    code = shown.group_code or (bound.code if bound else None)
    lines = []
    if bound is not None and shown.max_total:
        lines.append(
            t(
                "units.group_bound",
                lang,
                share=format_percent(bound.min_share * 100, 0, lang),
                points=format_points(bound.min_share * shown.max_total, lang),
            )
        )
    lines.append(t("units.thresholds", lang, year=year, bounds=thresholds_text(thresholds, lang)))
    return kpi_card(
        t("units.group", lang),
        group_badge(group, code, lang),
        value_id="units-group",
        footer=[html.Div(line, className="kpi-sub") for line in lines],
        source=source,
    )


def _next_card(next_group: NextGroup, *, lang: str, source: str) -> dbc.Card:
    """The points still missing to reach the next group's lower bound, or that the top group is reached."""
    if next_group.group is None:
        return kpi_card(
            t("units.top", lang),
            t("units.top_value", lang),
            value_id="units-next",
            footer=html.Span(t("units.top_sub", lang, group=next_group.current), className="kpi-sub"),
            source=source,
        )
    return kpi_card(
        t("units.next", lang, group=next_group.group),
        t("units.next_value", lang, points=format_points(next_group.missing_points, lang)),
        value_id="units-next",
        footer=html.Span(
            t(
                "units.next_sub",
                lang,
                group=next_group.group,
                share=format_percent(next_group.min_share * 100, 0, lang),
                target=format_points(next_group.target_points, lang),
            ),
            className="kpi-sub",
        ),
        source=source,
    )


def divided_note(communes: pd.DataFrame, *, unit_href: Callable[[str], str | None], lang: str) -> html.Div:
    """Where a district's area went (`data_access.reorganisation.divided_into`): each commune or ward
    by name, a link to its page where `unit_href` gives one (the reader may open it), and the date."""
    names: list = []
    for row in communes.itertuples():
        name = localized(row, "successor_name", lang)
        href = unit_href(row.successor)
        if names:
            names.append(", ")
        names.append(
            dcc.Link(name, href=href, className="units-divided-link")
            if href
            else html.Span(name, className="units-divided-name")
        )
    date = format_date(communes["effective_date"].iloc[0], lang)
    return html.Div(
        [
            html.I(className="bi bi-signpost-split me-2"),
            t("units.divided_into", lang),
            " ",
            *names,
            " ",
            html.Span(t("units.divided_date", lang, date=date), className="units-divided-date"),
        ],
        className="units-ended-note units-divided-note",
        id="units-divided",
    )


def reconciliation_texts(result: YearResult, lang: str) -> list[str]:
    """What the published figures and those recomputed from the pillar points disagree on, and why."""
    notes = []
    if result.median_method:
        notes.append(t("units.median_method", lang))
    if result.differences:
        published, computed = result.published, result.computed
        values = {
            "total": (format_points(published.total, lang), format_points(computed.total, lang)),
            "rank": (str(published.rank), str(computed.rank)),
            "group": (published.group, computed.group),
        }
        fields = "; ".join(
            t(f"units.field_{name}", lang, published=values[name][0], computed=values[name][1])
            for name in result.differences
        )
        notes.append(t("units.differs", lang, fields=fields))
    return notes


def reconciliation_notes(result: YearResult, lang: str) -> list[html.Div]:
    """`reconciliation_texts` as the page's notes."""
    return [
        html.Div([html.I(className="bi bi-exclamation-diamond me-1"), note], className="discrepancy-note units-note")
        for note in reconciliation_texts(result, lang)
    ]


def radar_comparisons(
    summary: UnitSummary, *, lang: str, name_holders: bool
) -> tuple[list[tuple[str, pd.DataFrame, str]], list[str]]:
    """What the unit's radar compares it with, and the citations that adds: the level's best unit by
    name for a reader who may see names (`auth.policy.names_other_units`), else the level's highest
    value of each pillar naming nobody; then the level's median. The page and the unit's report alike."""
    pillars = summary.pillars
    traces: list[tuple[str, pd.DataFrame, str]] = []
    citations: list[str] = []
    best = summary.best_unit
    if not name_holders:
        traces.append(
            (t("units.level_highest", lang), pillars[["pillar_code"]].assign(share=pillars["best_share"]), "leader")
        )
    elif best is not None and best["unit_code"] != summary.info.code:
        traces.append((t("units.best_unit", lang, name=localized(best, "name", lang)), best["shares"], "leader"))
        citations += best["sources"]
    median = pillars[["pillar_code"]].assign(share=pillars["median_share"])
    traces.append((t("units.median_of", lang, n=summary.scored_size), median, "leading_average"))
    return traces, citations


def _holder(row, lang: str) -> str:
    name = _name(row, lang, "best_")
    count = int(row.best_count) if pd.notna(row.best_count) else 1
    return t("units.best_holders", lang, name=name, more=count - 1) if count > 1 else name


def bars_height(rows: int) -> int:
    """The bar chart's height in pixels for `rows` pillars: one readable row each, plus legend and axis."""
    return max(300, BAR_ROW_PX * rows + 60)


def bars_legend(theme: str, lang: str) -> html.Div:
    """The key to `pillar_bars` in HTML: it wraps with the card, where plotly's legend squeezes the plot."""
    colors = ink(theme)
    # The points bars take their pillar's colour: the key shows three of them side by side.
    codes = ("awareness", "infrastructure", "cybersecurity")
    stripes = ", ".join(f"{pillar_color(code)} {i * 33}% {(i + 1) * 33}%" for i, code in enumerate(codes))
    items = [
        ("units-key-box", {"background": colors["grid"], "borderColor": colors["muted"]}, "units.bar_max"),
        ("units-key-box", {"background": f"linear-gradient(90deg, {stripes})"}, "units.bar_points"),
        ("units-key-diamond", {"background": SERIES_COLORS["leader"]}, "units.bar_best"),
        ("units-key-tick", {"background": SERIES_COLORS["leading_average"]}, "units.bar_median"),
    ]
    return html.Div(
        [
            html.Span([html.Span(className=klass, style=style), t(key, lang)], className="legend-item")
            for klass, style, key in items
        ],
        className="series-legend units-bars-legend",
    )


def pillar_bars(pillars: pd.DataFrame, *, theme: str, lang: str, name_holders: bool = True) -> go.Figure:
    """Points per pillar as bars over the pillar's maximum, with the level's highest and median points marked.

    `pillars` has `label`, `pillar_code`, `points`, `max_points`, `best_points`, `median_points`
    and the best holder's names (`best_name_vi`, `best_name_en`, `best_count`), in display order;
    with `name_holders=False` the highest points are shown without who holds them.
    """
    colors = ink(theme)
    labels = [figure_text(label) for label in pillars["label"]]
    holders = [figure_text(_holder(row, lang)) for row in pillars.itertuples()] if name_holders else None
    best_hover = "%{y}: %{x} (%{customdata})" if name_holders else "%{y}: %{x}"
    figure = go.Figure()
    figure.add_trace(
        go.Bar(
            x=pillars["max_points"],
            y=labels,
            orientation="h",
            name=t("units.bar_max", lang),
            marker={"color": colors["grid"], "line": {"color": colors["muted"], "width": 1}},
            hovertemplate="%{y}: %{x}<extra>" + t("units.bar_max", lang) + "</extra>",
        )
    )
    figure.add_trace(
        go.Bar(
            x=pillars["points"],
            y=labels,
            orientation="h",
            name=t("units.bar_points", lang),
            marker={"color": [pillar_color(code) for code in pillars["pillar_code"]]},
            hovertemplate="%{y}: %{x}<extra>" + t("units.bar_points", lang) + "</extra>",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=pillars["best_points"],
            y=labels,
            mode="markers",
            name=t("units.bar_best", lang),
            marker={
                "symbol": "diamond",
                "size": 13,
                "color": SERIES_COLORS["leader"],
                "line": {"color": "#fff", "width": 1},
            },
            customdata=holders,
            hovertemplate=best_hover + "<extra>" + t("units.bar_best", lang) + "</extra>",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=pillars["median_points"],
            y=labels,
            mode="markers",
            name=t("units.bar_median", lang),
            marker={"symbol": "line-ns", "size": 26, "line": {"color": SERIES_COLORS["leading_average"], "width": 4}},
            hovertemplate="%{y}: %{x}<extra>" + t("units.bar_median", lang) + "</extra>",
        )
    )
    # "points / max" in a column of its own right of the plot, where no bar or marker can cover it.
    values = [
        {
            "text": f"<b>{format_points(points, lang)}</b> / {format_points(maximum, lang)}",
            "x": 1,
            "xref": "paper",
            "xanchor": "left",
            "xshift": 8,
            "y": label,
            "yref": "y",
            "showarrow": False,
            "font": {"size": CHART_TICK, "color": colors["text"]},
        }
        for label, points, maximum in zip(labels, pillars["points"], pillars["max_points"], strict=True)
    ]
    layout = base_layout(theme, lang)
    widest = float(pillars["max_points"].max()) if not pillars.empty else 1.0
    layout.update(
        barmode="overlay",
        bargap=0.35,
        xaxis={"range": [0, widest * 1.04], "gridcolor": colors["grid"], "zeroline": False, "title": None},
        yaxis={"autorange": "reversed", "showgrid": False, "automargin": True},
        showlegend=False,
        margin={"l": 10, "r": VALUE_COLUMN_PX, "t": 10, "b": 30},
        height=bars_height(len(pillars)),
        annotations=values,
    )
    figure.update_layout(layout)
    return figure


def lost_list(lost: pd.DataFrame, indicators: pd.DataFrame, *, lang: str) -> html.Div:
    """Pillars by points lost, the largest first, each with a bar scaled to the largest loss; then the
    tasks losing most where the sources give per-task points. Pillars at full marks close the list."""
    largest = float(lost["lost"].max()) if not lost.empty else 0.0
    items = []
    for row in lost.itertuples():
        width = f"{row.lost / largest * 100:.1f}%" if largest > 0 else "0%"
        value = t("units.lost_points", lang, points=format_points(row.lost, lang)) if row.lost > 0 else None
        items.append(
            html.Li(
                [
                    html.Span(className="pillar-swatch", style={"background": pillar_color(row.pillar_code)}),
                    html.Span(localized(row, "pillar_name", lang), className="lost-name"),
                    html.Span(value or t("units.lost_full", lang), className="lost-value" if value else "lost-full"),
                    html.Span(
                        t(
                            "units.lost_of",
                            lang,
                            points=format_points(row.points, lang),
                            max=format_points(row.max_points, lang),
                        ),
                        className="lost-of",
                    ),
                    html.Div(html.Div(className="lost-bar-fill", style={"width": width}), className="lost-bar"),
                ],
                className="lost-item",
                **{"data-pillar": row.pillar_code},
            )
        )
    children: list = [
        html.Div(
            t(
                "units.lost_total",
                lang,
                lost=format_points(float(lost["lost"].sum()), lang),
                max=format_points(float(lost["max_points"].sum()), lang),
            ),
            className="kpi-sub",
        ),
        html.Ol(items, className="lost-list", id="units-lost-list"),
    ]
    tasks = indicators[indicators["lost"] > 0].head(TOP_TASKS) if not indicators.empty else indicators
    if not tasks.empty:
        children += [
            html.Div(t("units.lost_tasks", lang), className="lost-tasks-title"),
            html.Ol(
                [
                    html.Li(
                        [
                            html.Span(className="pillar-swatch", style={"background": pillar_color(row.pillar_code)}),
                            html.Span(
                                [
                                    without_illegible_remark(row.indicator_name_vi),
                                    unnamed_mark(
                                        row.indicator_name_vi, mark_id=f"units-unnamed-{row.Index}", lang=lang
                                    ),
                                ],
                                className="lost-name",
                                title=without_illegible_remark(row.indicator_name_vi),
                            ),
                            html.Span(
                                t("units.lost_points", lang, points=format_points(row.lost, lang)),
                                className="lost-value",
                            ),
                            html.Span(
                                t(
                                    "units.lost_of",
                                    lang,
                                    points=format_points(row.points, lang),
                                    max=format_points(row.max_points, lang),
                                ),
                                className="lost-of",
                            ),
                        ],
                        className="lost-item lost-task",
                    )
                    for row in tasks.itertuples()
                ],
                className="lost-list",
                id="units-lost-tasks",
            ),
        ]
    return html.Div(children, className="units-lost")


def history_block(history: pd.DataFrame, *, theme: str, lang: str, graph_config: dict) -> list:
    """Rank (a line, 1 at the top) and total of each year; a sentence when only one year is published."""
    if len(history) <= 1:
        year = int(history["year"].iloc[0]) if not history.empty else "—"
        return [html.Div(t("units.history_one", lang, year=year), className="empty-inline", id="units-history-one")]
    body: list = []
    ranked = history[history["rank"].notna()]
    if len(ranked) > 1:
        figure = rank_history(
            ranked.astype({"rank": int}), theme=theme, lang=lang, axis_title=t("units.history_axis", lang), narrow=True
        )
        body.append(
            html.Div(
                dcc.Graph(id="units-history-graph", figure=figure, config=graph_config), className="units-history-graph"
            )
        )
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("units.col_year", lang)),
                html.Th(t("units.col_total", lang), className="num"),
                html.Th(t("units.col_rank", lang), className="num"),
                html.Th(t("units.col_group", lang)),
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Td(str(row.year)),
                html.Td(total_text(None if pd.isna(row.total) else row.total, row.max_total, lang), className="num"),
                html.Td(
                    format_rank(
                        None if pd.isna(row.rank) else int(row.rank), None if pd.isna(row.rank_of) else int(row.rank_of)
                    ),
                    className="num",
                ),
                html.Td(group_badge(row.group, row.group_code, lang)),
            ]
        )
        for row in history.itertuples()
    ]
    body.append(
        html.Table([head, html.Tbody(rows)], className="pillar-table units-history-table", id="units-history-table")
    )
    return body


def source_list(citations: Iterable[str], titles: Mapping[str, str], *, note: str, lang: str) -> html.Div:
    """Every document the page's figures come from, once each, readable; the unit's own note where it has one."""
    parts = (part.strip() for citation in citations if citation for part in citation.split(" | "))
    readable = list(dict.fromkeys(readable_citation(part, titles) for part in parts if part))
    children: list = [html.Ul([html.Li(text) for text in readable], className="units-sources", id="units-sources")]
    if note:
        children.append(html.Div(t("units.unit_note", lang, note=note), className="kpi-sub units-unit-note"))
    return html.Div(children)


def pillar_export(
    pillars: pd.DataFrame,
    *,
    lang: str,
    year: int,
    unit_name: str,
    titles: Mapping[str, str],
    caveats: PillarCaveats | None = None,
) -> pd.DataFrame:
    """The pillar table as a file: headers in the reader's language, numbers as numbers, one citation per
    row, and the figure's caveat (the source's discrepancy, an inferred attribution) where it has one."""
    frame = pd.DataFrame(
        {
            t("units.export_year", lang): year,
            t("units.export_unit", lang): unit_name,
            t("units.export_pillar", lang): localized_column(pillars, "pillar_name", lang),
            t("units.export_points", lang): pillars["points"],
            t("units.export_max", lang): pillars["max_points"],
            t("units.export_share", lang): (pillars["share"] * 100).round(2),
            t("units.export_lost", lang): pillars["lost"],
            t("units.export_best", lang): pillars["best_points"],
            t("units.export_median", lang): pillars["median_points"].round(2),
            t("units.export_source", lang): pillars["source"].map(lambda c: readable_citation(c, titles)),
        }
    )
    if caveats is not None and (not caveats.discrepancies.empty or caveats.inferred_codes):
        frame[t("caveats.export_note", lang)] = pillar_caveat_texts(pillars["pillar_code"], caveats, lang)
    return frame


def pillar_caveat_texts(codes: Iterable[str], caveats: PillarCaveats, lang: str) -> list[str]:
    """Per pillar, its caveats joined ("" where it has none), for a file's note column."""
    said = {row.pillar_code: [discrepancy_text(row, lang)] for row in caveats.discrepancies.itertuples()}
    for code in caveats.inferred_codes:
        said.setdefault(code, []).append(t("caveats.export_inferred", lang))
    return ["; ".join(said.get(code, [])) for code in codes]


def no_pillars_text(summary: UnitSummary, lang: str) -> str:
    """Exactly what the year has for the unit without per-index points (a value and a rank, a value,
    a rank only, nothing) and what would fill the page: the framework and the scores of that level."""
    shown = summary.result.shown
    has_value, has_rank = shown.total is not None, shown.rank is not None
    kind = {(True, True): "value", (True, False): "value_only", (False, True): "rank_only"}.get(
        (has_value, has_rank), "nothing"
    )
    value = ""
    if has_value and shown.max_total == 1:  # an index (the provincial DTI 0..1), printed to four decimals
        value = format_number(shown.total, 4, lang)
    elif has_value:
        value = format_points(shown.total, lang) + (
            f"/{format_points(shown.max_total, lang)}" if shown.max_total else ""
        )
    rank = format_rank(shown.rank, shown.rank_of)
    unit = localized(summary.info, "name", lang)
    what = t(f"units.no_pillars.{kind}", lang, unit=unit, year=summary.year, value=value, rank=rank)
    level = t(f"units.level_phrase.{summary.info.kind}", lang)
    return f"{what} {t('units.no_pillars.fill', lang, year=summary.year, level=level)}"


def published_indices_table(indices: pd.DataFrame, *, lang: str) -> html.Table:
    """A province's published indices as printed: the three trụ cột (marked apart from the main indices
    of the same name) and the main indices, value 0..1 and national rank ("—" where none is printed)."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("units.index", lang)),
                html.Th(t("units.index_value", lang), className="num"),
                html.Th(t("units.index_rank", lang), className="num"),
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Td(
                    [
                        _name(row, lang),
                        html.Span(t("units.index_pillar", lang), className="kpi-sub ms-2") if row.is_pillar else "",
                    ]
                ),
                html.Td(format_number(row.value, 4, lang), className="num"),
                html.Td("—" if pd.isna(row.rank) else str(int(row.rank)), className="num"),
            ],
            **{"data-index": row.index_code},
        )
        for row in indices.itertuples()
    ]
    return html.Table([head, html.Tbody(rows)], className="pillar-table", id="units-indices-table")
