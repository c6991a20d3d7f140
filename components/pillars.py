"""Builders of the pillars page: per-task charts, the task list, the sortable pillar table and the exports.

Pure functions of frames and options; the page feeds them what `data_access.pillars` assembles.
"""

from __future__ import annotations

from collections.abc import Mapping

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components.cards import source_card, source_notes
from components.caveats import caveat_line, discrepancy_texts
from components.citations import cite
from components.data_quality import unnamed_mark
from components.downloads import download_buttons
from components.figures import GRAPH_CONFIG, percent_polar, pillar_radar, wrap_label
from components.formatting import format_number, format_percent, format_points, format_rank
from components.i18n import t
from components.kpi import series_legend
from components.parts import graph_part, slot
from components.rankings import group_badge
from components.theme import CHART_TICK, SERIES_COLORS, STATUS_COLORS, base_layout, ink, pillar_color
from domain.data_quality import without_illegible_remark
from domain.records import Comparison, PillarsView
from domain.text import localized, localized_column
from domain.vocabulary import LEVELS, PROVINCE

# A radar needs at least three axes to draw an area; with one or two scored tasks it collapses
# to a point or a line, whose "shape" means nothing and hides the exact values. Horizontal bars
# show the same % of maximum on one scale and keep each task's points readable.
MIN_RADAR_AXES = 3


def _rgba(hex_color: str, alpha: float) -> str:
    """A theme colour (`#rrggbb`) made translucent, for a radar's fill."""
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def scored_tasks(indicators: pd.DataFrame) -> pd.DataFrame:
    """The tasks of one pillar that have points out of a known maximum, numbered in display order."""
    numbered = number_tasks(indicators)
    return numbered[numbered["share"].notna()].reset_index(drop=True)


def number_tasks(indicators: pd.DataFrame) -> pd.DataFrame:
    """One pillar's tasks with their number (1, 2, …) as listed under its chart."""
    ordered = indicators.sort_values("sort_order").reset_index(drop=True)
    return ordered.assign(number=range(1, len(ordered) + 1))


def _task_hover(tasks: pd.DataFrame, lang: str) -> list[str]:
    return [
        f"{wrap_label(without_illegible_remark(row.indicator_name_vi), 48)}<br>"
        f"{format_points(row.points, lang)}/{format_points(row.max_points, lang)} = "
        f"{format_percent(row.share * 100, 1, lang)}"
        for row in tasks.itertuples()
    ]


def indicator_figure(tasks: pd.DataFrame, *, color: str, theme: str, lang: str) -> go.Figure:
    """One pillar's scored tasks as % of their maximum: a radar from `MIN_RADAR_AXES` tasks, bars below.

    `tasks` comes from `scored_tasks` (`number`, `indicator_name_vi`, `points`, `max_points`,
    `share`). Axes are labelled "Nhiệm vụ n" with the value, the full task named in the hover and
    in the list under the chart: task names run to two hundred characters and would not fit.
    """
    if len(tasks) >= MIN_RADAR_AXES:
        return _indicator_radar(tasks, color=color, theme=theme, lang=lang)
    return _indicator_bars(tasks, color=color, theme=theme, lang=lang)


def _indicator_radar(tasks: pd.DataFrame, *, color: str, theme: str, lang: str) -> go.Figure:
    percent = (tasks["share"] * 100).round(2).tolist()
    labels = [
        f"{t('pillars.task', lang, n=row.number)}<br><b>{format_percent(row.share * 100, 1, lang)}</b>"
        for row in tasks.itertuples()
    ]
    hover = _task_hover(tasks, lang)
    figure = go.Figure(
        go.Scatterpolar(
            r=[*percent, percent[0]],
            theta=[*labels, labels[0]],
            mode="lines+markers",
            fill="toself",
            line={"color": color, "width": 3},
            fillcolor=_rgba(color, 0.25),
            marker={"size": 7},
            customdata=[*hover, hover[0]],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    layout = base_layout(theme, lang)
    layout.update(
        polar=percent_polar(theme, [25, 50, 75]),
        margin={"l": 70, "r": 70, "t": 40, "b": 40},
        showlegend=False,
    )
    figure.update_layout(layout)
    return figure


def _indicator_bars(tasks: pd.DataFrame, *, color: str, theme: str, lang: str) -> go.Figure:
    labels = [t("pillars.task", lang, n=n) for n in tasks["number"]]
    text = [
        f"<b>{format_percent(row.share * 100, 1, lang)}</b> "
        f"({format_points(row.points, lang)}/{format_points(row.max_points, lang)})"
        for row in tasks.itertuples()
    ]
    figure = go.Figure(
        go.Bar(
            x=(tasks["share"] * 100).round(2).tolist(),
            y=labels,
            orientation="h",
            text=text,
            textposition="outside",
            textfont={"size": CHART_TICK},
            cliponaxis=False,
            marker={"color": color},
            customdata=_task_hover(tasks, lang),
            hovertemplate="%{customdata}<extra></extra>",
            width=0.5,
        )
    )
    colors = ink(theme)
    layout = base_layout(theme, lang)
    layout.update(
        xaxis={"range": [0, 100], "ticksuffix": "%", "gridcolor": colors["grid"], "zeroline": False},
        yaxis={"autorange": "reversed", "showgrid": False},
        margin={"l": 100, "r": 40, "t": 30, "b": 40},
        showlegend=False,
        bargap=0.4,
    )
    figure.update_layout(layout)
    return figure


def task_list(indicators: pd.DataFrame, *, lang: str, list_id: str) -> html.Ol:
    """Every task of one pillar, numbered as on the chart: value and points, or "chưa có điểm" with the target.

    A task without points is listed, never dropped: its target still says what would earn them.
    """
    items = []
    for row in number_tasks(indicators).itertuples():
        if pd.notna(row.share):
            detail = [
                html.Span(
                    f"{format_points(row.points, lang)}/{format_points(row.max_points, lang)}", className="task-points"
                ),
                html.Span(format_percent(row.share * 100, 1, lang), className="task-percent"),
            ]
            if pd.notna(row.value):
                detail.insert(
                    0, html.Span(t("pillars.value", lang, value=_value_text(row, lang)), className="task-value")
                )
            klass = "task-item"
        else:
            detail = [
                html.Span(t("pillars.no_points", lang), className="task-missing"),
                html.Span(t("pillars.target", lang, target=row.target_text), className="task-target"),
            ]
            klass = "task-item task-unscored"
        items.append(
            html.Li(
                [
                    html.Span(f"{row.number}.", className="task-number"),
                    html.Div(
                        [
                            html.Span(
                                [
                                    without_illegible_remark(row.indicator_name_vi),
                                    unnamed_mark(
                                        row.indicator_name_vi, mark_id=f"{list_id}-unnamed-{row.number}", lang=lang
                                    ),
                                ],
                                className="task-name",
                            ),
                            html.Div(detail, className="task-detail"),
                        ]
                    ),
                ],
                className=klass,
                title=row.indicator_note or None,
            )
        )
    return html.Ol(items, className="task-list", id=list_id)


def _value_text(row, lang: str) -> str:
    """`62,35%` or `120 doanh nghiệp`: the value with its unit as printed."""
    if row.value_unit == "%":
        return format_percent(row.value, 2, lang)
    return f"{format_points(row.value, lang)} {row.value_unit}".strip()


def tasks_lost(indicators: pd.DataFrame) -> float:
    """Points the scored tasks lost together: how much of the pillar's loss the tasks explain."""
    scored = indicators[indicators["share"].notna()]
    return round(float((scored["max_points"] - scored["points"]).sum()), 6)


def pillar_table_rows(pillars: pd.DataFrame, comparisons: list[pd.DataFrame], *, name_column: str) -> pd.DataFrame:
    """One row per pillar: points, maximum, % of maximum, points lost, and each comparison's % (`cmp_0`, …).

    Numbers stay numbers (percent values, not text) so the table sorts them as numbers.
    """
    rows = pd.DataFrame(
        {
            "pillar_code": pillars["pillar_code"],
            "pillar": pillars[name_column],
            "points": pillars["points"],
            "max_points": pillars["max_points"],
            "percent": (pillars["share"] * 100).round(2),
            "lost": (pillars["max_points"] - pillars["points"]).round(2),
            "source": pillars["source"],
        }
    )
    for i, shares in enumerate(comparisons):
        aligned = rows[["pillar_code"]].merge(shares[["pillar_code", "share"]], on="pillar_code", how="left")
        rows[f"cmp_{i}"] = (aligned["share"] * 100).round(2).to_numpy()
    return rows.reset_index(drop=True)


# Sorting happens in the browser (assets/30-table-sort.js): a header's button orders the rows by each
# cell's `data-value`, a number for the numeric columns, while the cell shows the house formatter's text
# (`94,17`, `72,6%`), so the table reads like the rest of the app and sorts as numbers, not as text.
SORTABLE_CLASS = "sortable-table"
NUMERIC_COLUMNS = ("points", "max_points", "percent", "lost")
# Points lost are what a unit head acts on: in the "not met" colour, bold, as on the other pages.
LOST_STYLE = {"color": STATUS_COLORS["not_met"], "fontWeight": 700}


def _shown(rows: pd.DataFrame, lang: str) -> list[dict[str, str]]:
    """Each row's numbers as displayed: points without trailing zeros, percentages with one decimal."""
    percent_columns = ["percent", *(c for c in rows.columns if c.startswith("cmp_"))]
    return [
        {
            **{column: format_points(row[column], lang) for column in ("points", "max_points", "lost")},
            **{column: format_percent(row[column], 1, lang, missing="") for column in percent_columns},
        }
        for row in rows.to_dict("records")
    ]


def _sort_value(value) -> str:
    """A cell's number for the sort script: plain `27.36`, empty when missing (sorted last either way)."""
    return "" if value is None or pd.isna(value) else repr(float(value))


def _header(label: str, column: str, *, numeric: bool, title: str | None = None) -> html.Th:
    """A column header whose button sorts the table; the script marks the sorted one with aria-sort."""
    return html.Th(
        html.Button([label, html.Span(className="sort-mark", **{"aria-hidden": "true"})], type="button"),
        scope="col",
        className="num" if numeric else None,
        title=title,
        **{"data-column": column, "data-type": "number" if numeric else "text"},
    )


def pillar_table(
    rows: pd.DataFrame,
    comparison_headers: list[str],
    *,
    lang: str,
    table_id: str,
    comparison_tooltips: list[str] = (),
) -> html.Table:
    """The pillar rows as a light sortable table: a header click sorts by the number behind each cell.

    Six to twenty rows do not need a data grid (its script was 317 KB on every page); the table is
    drawn like the app's others and sorted in the browser without a round trip to the server.
    Comparison headers stay short to fit a laptop; `comparison_tooltips` name the series in full.
    """
    comparisons = [f"cmp_{i}" for i in range(len(comparison_headers))]
    tooltips = list(comparison_tooltips)
    head = html.Thead(
        html.Tr(
            [
                _header(t("pillars.col_pillar", lang), "pillar", numeric=False),
                _header(t("pillars.col_points", lang), "points", numeric=True),
                _header(t("pillars.col_max", lang), "max_points", numeric=True),
                _header(t("pillars.col_share", lang), "percent", numeric=True),
                _header(t("pillars.col_lost", lang), "lost", numeric=True),
                *(
                    _header(header, column, numeric=True, title=tooltips[i] if i < len(tooltips) else None)
                    for i, (header, column) in enumerate(zip(comparison_headers, comparisons, strict=True))
                ),
            ]
        )
    )
    body = []
    for order, (row, shown) in enumerate(zip(rows.to_dict("records"), _shown(rows, lang), strict=True)):
        cells = [html.Td(row["pillar"], className="pillar-name", **{"data-value": row["pillar"]})]
        cells += [
            html.Td(
                shown[column],
                className="num",
                style=LOST_STYLE if column == "lost" else None,
                **{"data-value": _sort_value(row[column])},
            )
            for column in (*NUMERIC_COLUMNS, *comparisons)
        ]
        body.append(html.Tr(cells, **{"data-order": str(order)}))
    return html.Table([head, html.Tbody(body)], className=f"pillar-table pillars-table {SORTABLE_CLASS}", id=table_id)


def pillar_export(
    rows: pd.DataFrame,
    comparison_headers: list[str],
    *,
    lang: str,
    year: int,
    level_label: str,
    unit_name: str,
) -> pd.DataFrame:
    """The pillar table as a file: headers in the reader's language, one citation per row."""
    export = pd.DataFrame(
        {
            t("pillars.export_year", lang): year,
            t("pillars.export_level", lang): level_label,
            t("pillars.export_unit", lang): unit_name,
            t("pillars.export_pillar", lang): rows["pillar"],
            t("pillars.export_points", lang): rows["points"],
            t("pillars.export_max", lang): rows["max_points"],
            t("pillars.export_share", lang): rows["percent"],
            t("pillars.export_lost", lang): rows["lost"],
        }
    )
    for i, header in enumerate(comparison_headers):
        export[header] = rows[f"cmp_{i}"]
    export[t("pillars.export_source", lang)] = rows["source"]
    return export


def indicator_export(indicators: pd.DataFrame, *, lang: str, year: int, unit_name: str) -> pd.DataFrame:
    """Every task with its target, value and points (empty where the source gives none) and its citation."""
    return pd.DataFrame(
        {
            t("pillars.export_year", lang): year,
            t("pillars.export_unit", lang): unit_name,
            t("pillars.export_pillar", lang): localized_column(indicators, "pillar_name", lang),
            t("pillars.export_task", lang): indicators["indicator_name_vi"],
            t("pillars.export_target", lang): indicators["target_text"],
            t("pillars.export_value", lang): indicators["value"],
            t("pillars.export_value_unit", lang): indicators["value_unit"].fillna(""),
            t("pillars.export_points", lang): indicators["points"],
            t("pillars.export_max", lang): indicators["max_points"],
            t("pillars.export_share", lang): (indicators["share"] * 100).round(2),
            t("pillars.export_note", lang): indicators["indicator_note"].fillna(""),
            t("pillars.export_source", lang): indicators["source"],
        }
    )


def summary_chips(
    *,
    total: float,
    max_total: float,
    rank: int | None,
    rank_of: int | None,
    rank_label: str,
    group: str | None,
    group_code: str | None,
    lang: str,
) -> html.Div:
    """Total of maximum with its share, the rank and the group (a badge in its group's colour):
    the three numbers a unit head asks first."""
    chips = [
        (
            t("pillars.total", lang),
            f"{format_points(total, lang)}/{format_number(max_total, 0, lang)}",
            format_percent(total / max_total * 100, 2, lang),
            "pillars-total",
        )
    ]
    if rank is not None:
        chips.append((rank_label, format_rank(rank, rank_of), "", "pillars-rank"))
    if group:
        chips.append((t("pillars.group", lang), group_badge(group, group_code, lang), "", "pillars-group"))
    return html.Div(
        [
            html.Div(
                [
                    html.Span(label, className="chip-label"),
                    html.Span(value, className="chip-value"),
                    html.Span(sub, className="chip-sub") if sub else None,
                ],
                className="summary-chip",
                id=chip_id,
            )
            for label, value, sub, chip_id in chips
        ],
        className="pillars-summary",
    )


def indicator_card(
    tasks: pd.DataFrame, *, pillar: pd.DataFrame, theme: str, lang: str, source: str, graph_config: dict
) -> dbc.Card:
    """One pillar's tasks: the pillar's points/max in the title, a chart of the tasks with points, every task listed.

    `pillar` is the unit's row of that pillar (`points`, `lost`), empty when the unit has no
    score on it; beside the chart, how much of the pillar's loss the scored tasks explain.
    """
    first = tasks.iloc[0]
    code = first["pillar_code"]
    title = t(
        "pillars.indicator_card_title",
        lang,
        pillar=localized(first, "pillar_name", lang),
        points=format_points(None if pillar.empty else pillar["points"].iloc[0], lang),
        max=format_points(first["pillar_max_points"], lang),
    )
    scored = scored_tasks(tasks)
    body: list = []
    if not scored.empty:
        figure = indicator_figure(scored, color=pillar_color(code), theme=theme, lang=lang)
        # The box sets the height: dcc.Graph fills its parent and ignores a height given by class.
        body.append(
            html.Div(
                dcc.Graph(id=f"pillars-indicators-{code}", figure=figure, config=graph_config),
                className="pillars-task-graph",
            )
        )
        notes = []
        if pd.notna(first["n_indicators"]):
            notes.append(t("pillars.tasks_scored", lang, scored=len(scored), n=int(first["n_indicators"])))
        if not pillar.empty:
            notes.append(
                t(
                    "pillars.tasks_lost",
                    lang,
                    lost=format_points(tasks_lost(tasks), lang),
                    pillar_lost=format_points(pillar["lost"].iloc[0], lang),
                )
            )
        body.append(html.Div(" ".join(notes), className="kpi-sub pillars-task-note"))
    body.append(task_list(tasks, lang=lang, list_id=f"pillars-tasks-{code}"))
    swatch = html.Span(className="pillar-swatch me-2", style={"background": pillar_color(code)})
    return source_card([swatch, title], body, source=source)


def level_label(level: str, lang: str) -> str:
    """A level's name in the reader's language; an unknown one as it was asked for."""
    return t(f"level.{level}", lang) if level in LEVELS else level


def comparison_label(comparison: Comparison, lang: str) -> str:
    return t(f"pillars.{comparison.kind}", lang, name=localized(comparison, "name", lang), n=comparison.count)


def comparison_header(comparison: Comparison, lang: str) -> str:
    return t(f"pillars.col_{comparison.kind}", lang, name=localized(comparison, "name", lang), n=comparison.count)


def radar_card(
    view: PillarsView, *, theme: str, lang: str, source: str, graph_id: str, part_types: tuple[str, str]
) -> dbc.Card:
    """The unit's pillars as % of their maximum against its comparisons. The radar is a graph part, its
    legend, caveats and source a slot (`components.parts`, of the types `part_types`: slot, figure): another
    year or unit patches the radar in place."""
    name = localized(view, "unit_name", lang)
    pillars = view.pillars.assign(label=localized_column(view.pillars, "pillar_name", lang))
    traces = [(comparison_label(c, lang), c.shares, c.color_key) for c in view.comparisons]
    figure = pillar_radar(pillars, traces, focus_label=name, theme=theme, lang=lang, show_legend=False)
    legend = series_legend(
        [(label, SERIES_COLORS[key], "dotted") for label, _, key in traces] + [(name, SERIES_COLORS["focus"], "solid")]
    )
    slot_type, figure_type = part_types
    # The box sets the height: dcc.Graph fills its parent and ignores a height given by class.
    graph = html.Div(
        graph_part(
            figure_type,
            "radar",
            figure,
            element_id=graph_id,
            config=GRAPH_CONFIG,
            fill=True,
        ),
        className="pillars-radar-graph",
    )
    caveats = caveat_line(discrepancy_texts(view.discrepancies, lang), lang, mark_id=f"{graph_id}-caveats")
    return source_card(
        t("pillars.radar_title", lang),
        [slot(slot_type, "radar-legend", legend), graph],
        notes=[slot(slot_type, "radar-notes", [*caveats, *source_notes([source])])],
    )


def table_rows(view: PillarsView, lang: str) -> pd.DataFrame:
    """The pillar rows with one % column per comparison, shared by the table on screen and its download."""
    return pillar_table_rows(
        view.pillars.assign(pillar_name=localized_column(view.pillars, "pillar_name", lang)),
        [c.shares for c in view.comparisons],
        name_column="pillar_name",
    )


def table_card(view: PillarsView, *, lang: str, source: str, table_id: str, download: str) -> dbc.Card:
    """The unit's total, rank and group as chips over the sortable pillar table and its downloads."""
    rank_label = t("pillars.rank_province" if view.selection.level == PROVINCE else "pillars.rank_level", lang)
    chips = summary_chips(
        total=view.total,
        max_total=view.max_total,
        rank=view.rank,
        rank_of=view.rank_of,
        rank_label=rank_label,
        group=view.group,
        group_code=view.group_code,
        lang=lang,
    )
    table = pillar_table(
        table_rows(view, lang),
        [comparison_header(c, lang) for c in view.comparisons],
        comparison_tooltips=[comparison_label(c, lang) for c in view.comparisons],
        lang=lang,
        table_id=table_id,
    )
    footer = html.Div(
        [html.Span(t("pillars.sort_hint", lang), className="kpi-sub"), download_buttons(download, lang)],
        className="pillars-table-footer",
    )
    return source_card(
        t("pillars.table_title", lang), [chips, html.Div(table, className="pillars-table-wrap"), footer], source=source
    )


def indicator_section(view: PillarsView, *, theme: str, lang: str, titles: Mapping[str, str], download: str):
    """Each pillar's scored tasks as a card, pillars with charts first; a line when there are none."""
    name = localized(view, "unit_name", lang)
    year = view.selection.year
    heading = html.H2(t("pillars.indicators_title", lang, unit=name, year=year), className="pillars-section-title")
    if view.indicators.empty:
        empty = html.Div(
            t("pillars.no_indicators", lang, unit=name, year=year), className="empty-inline", id="pillars-no-indicators"
        )
        return html.Section([heading, empty], className="pillars-indicators")
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
    toolbar = html.Div([heading, download_buttons(download, lang)], className="pillars-section-head")
    return html.Section(
        [toolbar, html.Div(cards, className="pillars-indicator-grid")],
        className="pillars-indicators",
        id="pillars-indicators",
    )
