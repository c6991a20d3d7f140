"""Figure builders: tidy frames in, plotly figures out. The same functions feed pages and exports."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.formatting import figure_text, format_percent, format_rank
from components.theme import CHART_TICK, SERIES_COLORS, base_layout, ink


def _closed(values: list) -> list:
    """Radar traces repeat their first point so the outline closes."""
    return values + values[:1]


def blank_figure(theme: str, lang: str) -> go.Figure:
    """A graph's place in a year with nothing for it to draw (no pillar scores): empty, axes hidden, so the
    years on either side patch their figure into the same element (the page's frame stays the same)."""
    figure = go.Figure()
    layout = base_layout(theme, lang)
    layout.update(xaxis={"visible": False}, yaxis={"visible": False}, showlegend=False)
    figure.update_layout(layout)
    return figure


def percent_polar(theme: str, tickvals: list[int]) -> dict:
    """A polar subplot on 0..100 % in the theme's ink, going clockwise from the top like the sources' radars."""
    colors = ink(theme)
    return {
        "bgcolor": "rgba(0,0,0,0)",
        "radialaxis": {
            "range": [0, 100],
            "ticksuffix": "%",
            "gridcolor": colors["grid"],
            "tickfont": {"color": colors["muted"], "size": CHART_TICK},
            "angle": 90,
            "tickangle": 90,
            "tickvals": tickvals,
        },
        "angularaxis": {"gridcolor": colors["grid"], "tickfont": {"size": CHART_TICK}, "direction": "clockwise"},
    }


def rank_axis(field: int, *, title: str, theme: str, padding: tuple[float, float] = (2, 2)) -> dict:
    """A y axis for ranks: 1 at the top, ticks at round ranks, `padding` (below the last, above the first)
    leaves room for the point labels."""
    below, above = padding
    return {
        "autorange": False,
        "range": [field + below, -above],
        "title": {"text": title},
        "gridcolor": ink(theme)["grid"],
        "zeroline": False,
        "tickvals": rank_ticks(field),
    }


def wrap_label(text: str, width: int = 14) -> str:
    """Break a long axis label into lines of about `width` characters at word boundaries (its markup escaped)."""
    lines: list[str] = []
    for word in figure_text(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)


def pillar_radar(
    pillars: pd.DataFrame,
    comparisons: list[tuple[str, pd.DataFrame, str]] = (),
    *,
    focus_label: str,
    theme: str,
    lang: str,
    height: int | None = None,
    show_legend: bool = True,
) -> go.Figure:
    """Pillars as % of their maximum, the unit in focus against comparison traces.

    `pillars` has `pillar_code`, `label`, `share` (0..1) in display order; each comparison is
    (name, frame with `pillar_code` and `share`, series colour key). Comparisons are aligned
    on the focus unit's pillars so a trace never shifts onto the wrong axis.
    """
    focus_percent = (pillars["share"] * 100).round(2).tolist()
    # Hover names the pillar only: the axis label carries the focus unit's value, which would
    # contradict a comparison trace's own value in its hover.
    names = [figure_text(label) for label in pillars["label"]]
    focus_label = figure_text(focus_label)
    # The value sits in the axis label: readable without hovering and never on top of a trace.
    labels = [
        f"{wrap_label(label)}<br><b>{format_percent(share * 100, 1, lang)}</b>"
        for label, share in zip(pillars["label"], pillars["share"], strict=True)
    ]
    figure = go.Figure()
    for label, frame, color_key in comparisons:
        name = figure_text(label)
        aligned = pillars[["pillar_code"]].merge(frame[["pillar_code", "share"]], on="pillar_code", how="left")
        figure.add_trace(
            go.Scatterpolar(
                r=_closed((aligned["share"] * 100).round(2).tolist()),
                theta=_closed(labels),
                name=name,
                mode="lines",
                line={"color": SERIES_COLORS[color_key], "width": 2, "dash": "dot"},
                customdata=_closed(names),
                hovertemplate="%{customdata}: %{r:.2f}%<extra>" + name + "</extra>",
            )
        )
    figure.add_trace(
        go.Scatterpolar(
            r=_closed(focus_percent),
            theta=_closed(labels),
            name=focus_label,
            mode="lines+markers",
            fill="toself",
            line={"color": SERIES_COLORS["focus"], "width": 3},
            fillcolor="rgba(0,180,216,0.18)",
            marker={"size": 7},
            customdata=_closed(names),
            hovertemplate="%{customdata}: %{r:.2f}%<extra>" + focus_label + "</extra>",
        )
    )
    layout = base_layout(theme, lang)
    layout.update(
        polar=percent_polar(theme, [20, 40, 60, 80]),
        # Wide and tall enough for a wrapped axis label at CHART_TICK (14 characters a line), which plotly does
        # not count in its own margins.
        margin={"l": 125, "r": 125, "t": 70, "b": 110 if show_legend else 90},
        showlegend=show_legend,
        legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.08, "yanchor": "top"},
    )
    if height:
        layout["height"] = height
    figure.update_layout(layout)
    return figure


def rank_ticks(field: int) -> list[int]:
    """Rank 1 and round steps down to the field size, e.g. 1, 10, 20 … 60 for 63 provinces."""
    step = 10 if field > 30 else 5 if field > 10 else 1
    return [1, *range(step, field + 1, step)] if step > 1 else list(range(1, field + 1))


# Up to this many years every point of a rank history carries its label; past it they overlap.
LABEL_EVERY_YEAR_UP_TO = 4


def labelled_years(ranks: list[float], *, min_gap: int = 1, field: int | None = None) -> set[int]:
    """The positions of a rank history that carry a label: all of a short one; of a long one, the first
    and the last year, the best rank and the worst (their first year each), the points a leader reads.

    In a narrow card (`min_gap` > 1) the years stand a few pixels apart, and two of these labels can sit
    on one another: a label is left out when it falls within `min_gap` years and a fifth of the rank axis
    (`field` ranks) of one already placed, placed in the order last year, best, worst, first year."""
    if len(ranks) <= LABEL_EVERY_YEAR_UP_TO:
        return set(range(len(ranks)))
    near = (field or max(ranks)) / 5
    placed: list[int] = []
    for index in (len(ranks) - 1, ranks.index(min(ranks)), ranks.index(max(ranks)), 0):
        crowded = any(abs(index - other) < min_gap and abs(ranks[index] - ranks[other]) < near for other in placed)
        if index not in placed and not crowded:
            placed.append(index)
    return set(placed)


def label_positions(count: int) -> list[str]:
    """Where each point's label sits: centred over it, except that a long history's first and last
    labels lean inwards, since half a year's width at the plot's edge no longer holds half a label."""
    positions = ["top center"] * count
    if count > LABEL_EVERY_YEAR_UP_TO:
        positions[0], positions[-1] = "top right", "top left"
    return positions


# A year axis names at most this many years; a longer history names every second (third…) year.
YEARS_NAMED_UP_TO = 6
# A narrow card names at most this many years: more stand on end. `/`'s rank history is a fifth of a
# wall's row wide, a unit page's a quarter, `/rankings`' bump chart a third of a laptop's.
NARROW_YEARS_NAMED = 4
# In such a card a rank label ("23/63") is about a quarter of the plot wide: it spans a quarter of the years.
NARROW_YEARS_PER_LABEL = 4


def year_axis(count: int, named: int = YEARS_NAMED_UP_TO) -> dict:
    """The category axis of `count` years. Past `named` it names every k-th year, counted back from the
    latest so that the latest is always named: plotly names every category, and stood ten years on end
    in a unit page's history card, taking the height the ranks need."""
    axis = {"type": "category", "showgrid": False, "range": [-0.5, count - 0.5]}
    if count > named:
        step = -(-count // named)
        axis.update(tickmode="linear", tick0=(count - 1) % step, dtick=step)
    return axis


def rank_history(
    history: pd.DataFrame,
    *,
    theme: str,
    lang: str,
    axis_title: str,
    height: int | None = None,
    narrow: bool = False,
) -> go.Figure:
    """Rank per year as a line, rank 1 at the top, points labelled "rank/field" (`labelled_years`
    picks which when there are too many to label each); hover reads every year's. `narrow`: a card a
    fifth or a quarter of a wall's row wide (`/`'s, a unit page's), which names fewer years and keeps
    labels from sitting on one another."""
    colors = ink(theme)
    labels = [
        format_rank(int(rank), None if pd.isna(field) else int(field))
        for rank, field in zip(history["rank"], history["rank_of"], strict=True)
    ]
    field = int(history["rank_of"].max()) if history["rank_of"].notna().any() else int(history["rank"].max())
    min_gap = -(-len(history) // NARROW_YEARS_PER_LABEL) if narrow else 1
    labelled = labelled_years(history["rank"].tolist(), min_gap=min_gap, field=field)
    figure = go.Figure(
        go.Scatter(
            x=history["year"].astype(str),
            y=history["rank"],
            mode="lines+markers+text",
            text=[label if index in labelled else "" for index, label in enumerate(labels)],
            customdata=[[label] for label in labels],
            textposition=label_positions(len(labels)),
            cliponaxis=False,
            textfont={"size": 16, "color": colors["text"]},
            line={"color": SERIES_COLORS["focus"], "width": 3},
            marker={"size": 12},
            hovertemplate="%{x}: %{customdata[0]}<extra></extra>",
        )
    )
    layout = base_layout(theme, lang)
    layout.update(
        xaxis=year_axis(len(history), NARROW_YEARS_NAMED if narrow else YEARS_NAMED_UP_TO),
        yaxis=rank_axis(field, title=axis_title, theme=theme),
        showlegend=False,
        margin={"l": 60, "r": 30, "t": 20, "b": 40},
    )
    if height:
        layout["height"] = height
    figure.update_layout(layout)
    return figure


# Every graph's toolbar: no plotly logo, redrawn with its box, and no "Share chart..." button (plotly.js 4
# shows one by default, which uploads the chart's figures to Plotly Cloud: the province's data stays here).
GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "showSendToCloud": False}
