"""Builders of the rankings page: the national table, the rank map, the bump chart, the ranking
of a province's departments or districts and their export frames.

Pure functions: frames (and the boundary GeoJSON) in, Dash components, plotly figures and
export frames out. Nothing here reads the database.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html
from plotly.colors import sample_colorscale

from components.cards import source_card, source_notes
from components.citations import cite, readable_citation
from components.figures import (
    GRAPH_CONFIG,
    LABEL_EVERY_YEAR_UP_TO,
    NARROW_YEARS_NAMED,
    labelled_years,
    rank_axis,
    rank_ticks,
    wrap_label,
    year_axis,
)
from components.formatting import figure_text, format_number, format_percent, format_rank
from components.i18n import t
from components.kpi import series_legend
from components.parts import graph_part, slot
from components.shell import message_panel
from components.theme import (
    CHART_LABEL,
    CHART_TICK,
    GROUP_COLORS,
    PEER_COLORS,
    SERIES_COLORS,
    STATUS_COLORS,
    TREND_COLORS,
    base_layout,
    card_color,
    group_color,
    ink,
)
from domain import maps
from domain.benchmarks import Benchmark
from domain.changes import NEW, UNKNOWN
from domain.colour import text_on
from domain.records import UnitRanking
from domain.text import ENGLISH, localized, localized_column
from domain.vocabulary import Threshold

# A light-to-dark scale: the strongest colour goes to rank 1 (see `rank_map`).
# The map's scale, worst rank (0) to best (1), per theme: both ends must stand out from the card, so
# the dark theme runs from a warm sand to a bright cyan instead of YlGnBu, whose best end (navy) sank
# into the dark card.
RANK_COLORSCALES = {
    "light": "YlGnBu",
    "dark": [[0.0, "#f2d49b"], [0.35, "#9fd8a4"], [0.7, "#3fc1c9"], [1.0, "#29a3ff"]],
}


def rank_colorscale(theme: str) -> str | list:
    """The rank map's colour scale for `theme` (the dark one for an unknown theme, as the wall's)."""
    return RANK_COLORSCALES.get(theme, RANK_COLORSCALES["dark"])


BAR_HEIGHT_PX = 30


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def level_selector(component_id: str, levels: Sequence[str], value: str | None, lang: str) -> html.Div:
    """The ranking level as a row of toggle buttons; `value` None (a bad URL) selects nothing."""
    return html.Div(
        dbc.RadioItems(
            id=component_id,
            options=[{"label": t(f"level.{level}", lang), "value": level} for level in levels],
            value=value,
            inline=True,
            className="btn-group rankings-levels",
            inputClassName="btn-check",
            labelClassName="btn btn-outline-primary btn-sm",
            labelCheckedClassName="active",
        ),
        role="group",
        **{"aria-label": t("rankings.level_label", lang)},
    )


def ranking_row(cells: list, unit_code: str, *, focus: bool) -> html.Tr:
    """A unit's row of a ranking table; the unit in focus (the province, a unit head's own unit) marked in
    the focus colour, as on every chart."""
    if focus:
        style = {"--rankings-focus": SERIES_COLORS["focus"]}
        return html.Tr(cells, className="rankings-row rankings-focus", style=style, **{"data-unit": unit_code})
    return html.Tr(cells, className="rankings-row", **{"data-unit": unit_code})


def national_table(
    ranking: pd.DataFrame,
    *,
    focus_code: str | None,
    lang: str,
    table_id: str,
    changes: pd.DataFrame | None = None,
) -> html.Table:
    """The national table of a year: rank (shared ranks marked), province, DTI value where published,
    and, given `changes` (`domain.changes.compare_years`, row for row), the change of rank and of
    value since the year before ("mới" for a province not ranked then).

    `ranking` has `rank`, `tied`, `unit_code`, the unit names and `index_value` (NaN when unknown).
    The province in focus is highlighted in the focus colour of the charts.
    """
    rows = []
    for position, row in enumerate(ranking.itertuples()):
        rank_cell = [html.Span(str(row.rank), className="rank-number")]
        if row.tied:
            rank_cell += [" ", html.Span(f"({t('rankings.tie', lang)})", className="tie-badge")]
        cells = [
            html.Td(rank_cell, className="rank-cell"),
            html.Td(localized(row, "unit_name", lang), className="unit-name"),
            html.Td(format_number(row.index_value, 4, lang), className="num"),
        ]
        if changes is not None:
            change = changes.iloc[position]
            cells += [
                change_cell(change["trend"], change["rank_change"], lang),
                html.Td(signed_number(change["value_change"], 4, lang), className="num value-change-cell"),
            ]
        rows.append(ranking_row(cells, row.unit_code, focus=row.unit_code == focus_code))
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("rankings.col.rank", lang)),
                html.Th(t("rankings.col.province", lang)),
                html.Th(t("rankings.col.dti", lang), className="num"),
                *(
                    [
                        html.Th(
                            t("rankings.col.rank_change_short", lang),
                            className="num",
                            title=t("rankings.col.rank_change", lang),
                        ),
                        html.Th(
                            t("rankings.col.dti_change_short", lang),
                            className="num",
                            title=t("rankings.col.dti_change", lang),
                        ),
                    ]
                    if changes is not None
                    else []
                ),
            ]
        )
    )
    return html.Table([head, html.Tbody(rows)], className="rankings-table", id=table_id)


def dti_note(ranking: pd.DataFrame, *, lang: str, note_id: str) -> html.Div | None:
    """Why most DTI cells are empty: the data holds the published DTI value of only some provinces,
    the others have their published rank only. None when every province has its value."""
    with_value = int(ranking["index_value"].notna().sum())
    if with_value == len(ranking):
        return None
    return html.Div(
        [
            html.I(className="bi bi-info-circle me-1"),
            t("rankings.dti_partial", lang, n=with_value, field=len(ranking))
            if with_value
            else t("rankings.dti_none", lang),
        ],
        className="rankings-note rankings-dti-note",
        id=note_id,
    )


def benchmarks_note(average: Benchmark, national: Benchmark, *, lang: str) -> html.Div | None:
    """The provincial average and the national DTI under the national table, each called what it is:
    the average of the provinces (printed, or computed here and said so) and the ministry's national
    figure. None when the year has neither."""
    parts = []
    if average.value is not None:
        value = format_number(average.value, 4, lang)
        parts.append(
            t("rankings.average", lang, value=value)
            if average.computed_from is None
            else t("rankings.average_computed", lang, value=value, n=average.computed_from)
        )
    if national.value is not None:
        parts.append(t("rankings.national_dti", lang, value=format_number(national.value, 4, lang)))
    if not parts:
        return None
    return html.Div(
        [html.I(className="bi bi-bar-chart-line me-1"), " · ".join(parts)],
        className="rankings-note",
        id="rankings-benchmarks",
    )


def label_positions(ranks: Sequence[int]) -> list[str]:
    """Above a point that is a peak (better than its neighbours), below otherwise, so a label
    never sits on the line that leaves its point."""
    positions = []
    for i, rank in enumerate(ranks):
        neighbours = ranks[max(i - 1, 0) : i] + ranks[i + 1 : i + 2]
        peak = not neighbours or rank <= min(neighbours)
        positions.append("top center" if peak else "bottom center")
    return positions


def spread_labels(
    values: Sequence[float], heights: Sequence[float], *, within: tuple[float, float] = (-math.inf, math.inf)
) -> list[float]:
    """Label centres near `values` (same order), each label `heights` tall, none overlapping and all
    `within` (low, high) when they fit: names at the same end of close lines never print on top of each
    other, and the last ones are pulled back inside the axis instead of being pushed off it (plotly does
    not draw an annotation whose point is outside the range)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    low, high = within
    placed: dict[int, float] = {}
    previous = None
    for i in order:
        floor = low + heights[i] / 2 if previous is None else placed[previous] + (heights[previous] + heights[i]) / 2
        placed[i] = max(values[i], floor)
        previous = i
    following = None
    for i in reversed(order):
        ceiling = (
            high - heights[i] / 2 if following is None else placed[following] - (heights[following] + heights[i]) / 2
        )
        placed[i] = min(placed[i], ceiling)
        following = i
    return [placed[i] for i in range(len(values))]


class DrawnLine(NamedTuple):
    """A line drawn out on the bump chart (the focus or a peer), as its end names need it: `name` is made
    safe for the figure, `written` the "rank/field" label written at each year ("" where none)."""

    name: str
    color: str
    years: list[str]
    ranks: list[int]
    written: list[str]


# A name beside the chart is wrapped to lines of this many characters: a narrow card (three columns on a
# laptop) keeps the rest of its width for the years. Each character takes about NAME_CHARACTER_PX at
# CHART_TICK, and a label at `size` px about size × NAME_CHARACTER_PX / CHART_TICK.
NAME_LINE_CHARACTERS = 12
NAME_CHARACTER_PX = 8.5
# The gap between a line's end and its name when no rank is written there.
NAME_SHIFT_PX = 14
# The rank axis is at least this tall (px) where the chart is drawn (a third of a 1366×768 screen), and a
# line of a name takes NAME_LINE_SPACING × its size: the names are spaced to fit that height.
PLOT_HEIGHT_MIN_PX = 540
NAME_LINE_SPACING = 1.2


def _text_px(text: str, size: int) -> float:
    return len(text) * NAME_CHARACTER_PX * size / CHART_TICK


def end_name(line: DrawnLine) -> str:
    """The line's name as written beside the chart: past NAME_LINE_CHARACTERS, on two lines split where the
    longer is shortest ("Thái Nguyên" over "(tổng hợp)"), or wrapped by words when two do not hold it."""
    name = line.name
    if len(name) <= NAME_LINE_CHARACTERS:
        return name
    splits = [(max(i, len(name) - i - 1), name[i + 1] != "(", i) for i, c in enumerate(name) if c == " "]
    longest, _not_before_bracket, at = min(splits, default=(len(name), True, 0))
    if longest > NAME_LINE_CHARACTERS:
        return wrap_label(name, NAME_LINE_CHARACTERS)
    return f"{name[:at]}<br>{name[at + 1 :]}"


def _named_at(lines: Sequence[DrawnLine], end: str) -> list[DrawnLine]:
    """The lines named at `end`: all at the last year, at the first only those of more than one year."""
    return [line for line in lines if end == "last" or len(line.years) > 1]


def name_shift(lines: Sequence[DrawnLine], *, end: str, label_size: int) -> int:
    """How far (px) from its line's end a name starts: past the widest rank written at that end, so a
    name never prints over the focus's "23/63" (a rank is centred on its point)."""
    at = 0 if end == "first" else -1
    widest = max((_text_px(line.written[at], label_size) for line in _named_at(lines, end)), default=0)
    return max(NAME_SHIFT_PX, math.ceil(widest / 2) + 6)


def name_margin(lines: Sequence[DrawnLine], *, end: str, empty: int, label_size: int) -> int:
    """The margin (px) that holds the names written at one end of the lines, and no more. `empty` when
    no name is written there."""
    named = _named_at(lines, end)
    if not named:
        return empty
    longest = max(len(part) for line in named for part in end_name(line).split("<br>"))
    return name_shift(lines, end=end, label_size=label_size) + math.ceil(longest * NAME_CHARACTER_PX) + 10


def _end_labels(
    lines: list[DrawnLine],
    *,
    categories: list[str],
    end: str,
    gap: float,
    size: int,
    label_size: int,
    within: tuple[float, float],
) -> list[dict]:
    """Annotations naming each drawn-out line at one end (`first` left of it, `last` right of it), a
    wrapped name taking the height of its lines.

    x is the category's index: plotly reads a year-like string ("2022") in an annotation as a number.
    """
    at = 0 if end == "first" else -1
    named = _named_at(lines, end)
    texts = [end_name(line) for line in named]
    heights = [gap * (text.count("<br>") + 1) for text in texts]
    positions = spread_labels([line.ranks[at] for line in named], heights, within=within)
    shift = name_shift(lines, end=end, label_size=label_size)
    return [
        {
            "x": categories.index(line.years[at]),
            "y": y,
            "xref": "x",
            "yref": "y",
            "text": text,
            "showarrow": False,
            "xanchor": "right" if end == "first" else "left",
            "align": "right" if end == "first" else "left",
            "xshift": -shift if end == "first" else shift,
            "font": {"size": size, "color": line.color},
        }
        for line, text, y in zip(named, texts, positions, strict=True)
    ]


def _faint_lines(lines: Sequence[tuple[str, list[str], list[int], object]], *, lang: str, color: str) -> go.Scatter:
    """The provinces neither in focus nor chosen (name, years, ranks, rows): one faint, unlabelled trace
    whose lines are ended by gaps (and broken where the field ranked changes), each point naming its
    province on hover. One trace instead of one per
    province: 63 lines × 10 years build and draw as one."""
    x: list[str | None] = []
    y: list[int | None] = []
    names: list[str | None] = []
    for name, years, ranks, rows in lines:
        fields = rows["rank_of"].tolist()
        x += [*broken_at_field_change(years, fields), None]
        y += [*broken_at_field_change(ranks, fields), None]
        names += [*broken_at_field_change([name] * len(years), fields), None]
    return go.Scatter(
        x=x,
        y=y,
        customdata=names,
        name=t("rankings.other_provinces", lang),
        mode="lines+markers",
        connectgaps=False,
        line={"color": color, "width": 1},
        marker={"size": 4, "color": color},
        opacity=0.3,
        hovertemplate="%{customdata}<br>%{x}: %{y}<extra></extra>",
    )


# Up to this many peers, each peer's rank is written at every year of a short chart (up to
# LABEL_EVERY_YEAR_UP_TO years) and at its last year of a longer one; past it, nowhere: a region's twelve
# peers over ten years wrote 120 labels into a third of the wall. The peers table under the chart gives
# each peer's rank, and hover every year's.
PEERS_LABELLED_UP_TO = 5
# Past this many drawn-out lines (the focus and its peers), lines are named at their last year only: the
# names at the first year piled up in the left margin and were cut by the card's edge.
LINES_NAMED_AT_BOTH_ENDS_UP_TO = 6


def bump_chart(
    history: pd.DataFrame,
    *,
    focus_code: str | None,
    theme: str,
    lang: str,
    axis_title: str,
    peers: Sequence[str] = (),
) -> go.Figure:
    """Rank per year, one line per province, rank 1 on top.

    `history` has `unit_code`, the unit names, `year`, `rank`, `rank_of`. The province in focus and
    the `peers` are drawn out, each in its own colour, labelled "rank/field" and named at both ends (a
    line of one year at its end): readable on a wall, no hovering. A long or crowded chart labels less
    (`point_labels`, `LINES_NAMED_AT_BOTH_ENDS_UP_TO`) and names fewer years (`year_axis`). The other
    provinces are faint context lines, unlabelled, drawn as one trace. The focus is drawn last (on top).
    """
    colors = ink(theme)
    figure = go.Figure()
    highlighted = [code for code in dict.fromkeys([*peers, focus_code]) if code]
    peer_colors = {
        code: PEER_COLORS[i % len(PEER_COLORS)] for i, code in enumerate(c for c in highlighted if c != focus_code)
    }
    rank_order = {code: i for i, code in enumerate(highlighted)}
    lines = {}
    for code, rows in history.groupby("unit_code", sort=False):
        rows = rows.sort_values("year")
        lines[code] = (
            figure_text(localized(rows.iloc[0], "unit_name", lang)),
            rows["year"].astype(str).tolist(),
            rows["rank"].astype(int).tolist(),
            rows,
        )
    context = [line for code, line in lines.items() if code not in rank_order]
    if context:
        figure.add_trace(_faint_lines(context, lang=lang, color=colors["muted"]))
    years = sorted(str(y) for y in history["year"].unique())
    long = len(years) > LABEL_EVERY_YEAR_UP_TO
    many_peers = len(highlighted) - 1 > PEERS_LABELLED_UP_TO
    named: list[DrawnLine] = []
    for code in sorted((code for code in lines if code in rank_order), key=rank_order.get):
        name, line_years, ranks, rows = lines[code]
        fields = rows["rank_of"].tolist()
        focus = code == focus_code
        color = SERIES_COLORS["focus"] if focus else peer_colors[code]
        labels = [format_rank(int(r), int(f)) for r, f in zip(rows["rank"], rows["rank_of"], strict=True)]
        shown = point_labels(labels, ranks, focus=focus, long=long, many_peers=many_peers)
        figure.add_trace(
            go.Scatter(
                x=broken_at_field_change(line_years, fields),
                y=broken_at_field_change(ranks, fields),
                name=name,
                mode="lines+markers+text",
                text=broken_at_field_change(shown, fields, gap=""),
                customdata=broken_at_field_change(labels, fields, gap=""),
                textposition=broken_at_field_change(label_positions(ranks), fields, gap="top center"),
                textfont={"size": CHART_LABEL if focus else CHART_TICK, "color": colors["text"] if focus else color},
                line={"color": color, "width": 4 if focus else 2.5},
                marker={"size": 11 if focus else 8, "color": color},
                hovertemplate=f"{name}<br>%{{x}}: %{{customdata}}<extra></extra>",
                # A label at the first or last year reaches past the axis' ends: drawn whole, not cut.
                cliponaxis=False,
            )
        )
        named.append(DrawnLine(name, color, line_years, ranks, shown))
    field = int(history["rank_of"].max()) if not history.empty else 1
    layout = base_layout(theme, lang)
    below, above = 5, 4
    gap = (field + below + above) * NAME_LINE_SPACING * CHART_TICK / PLOT_HEIGHT_MIN_PX
    first_named = named if len(named) <= LINES_NAMED_AT_BOTH_ENDS_UP_TO else []
    ends = {"gap": gap, "size": CHART_TICK, "label_size": CHART_LABEL, "within": (-above, field + below)}
    annotations = [
        *_end_labels(first_named, categories=years, end="first", **ends),
        *_end_labels(named, categories=years, end="last", **ends),
    ]
    marks = _field_change_marks(history, years, figure, colors, lang)
    annotations += marks
    layout.update(
        xaxis={
            **year_axis(len(years), NARROW_YEARS_NAMED),
            "categoryorder": "array",
            "categoryarray": years,
            # A fixed range: autorange pads for every label in pixels and, in a narrow card, blows up.
            "range": [-0.4, len(years) - 0.6],
            # In a narrow card the years turn sideways: the bottom margin grows to hold them.
            "automargin": True,
        },
        yaxis=rank_axis(field, title=axis_title, theme=theme, padding=(below, above)),
        showlegend=False,
        annotations=annotations,
        margin={
            "l": name_margin(first_named, end="first", empty=60, label_size=CHART_LABEL),
            "r": name_margin(named, end="last", empty=30, label_size=CHART_LABEL),
            "t": 40 if marks else 20,
            "b": 40,
        },
    )
    figure.update_layout(layout)
    return figure


def point_labels(labels: list[str], ranks: list[int], *, focus: bool, long: bool, many_peers: bool) -> list[str]:
    """The "rank/field" labels a drawn-out line writes at its points ("" where none). The focus: every
    point, or in a `long` chart its first, last, best and worst years (`components.figures.labelled_years`).
    A peer: every point, or in a `long` chart its last year only, or none among `many_peers`."""
    if focus:
        kept = labelled_years(ranks) if long else set(range(len(labels)))
    elif many_peers:
        kept = set()
    else:
        kept = {len(labels) - 1} if long else set(range(len(labels)))
    return [label if index in kept else "" for index, label in enumerate(labels)]


def broken_at_field_change(values: Sequence, fields: Sequence, *, gap: object = None) -> list:
    """A line's values with a gap (`None` breaks a plotly line) wherever the field ranked changes
    between two years: a rank of 12/63 is not joined to one of 5/34 (the 2025 merger)."""
    broken: list = []
    for i, value in enumerate(values):
        if i and fields[i] != fields[i - 1]:
            broken.append(gap)
        broken.append(value)
    return broken


def _field_change_marks(history: pd.DataFrame, years: list[str], figure: go.Figure, colors: Mapping, lang: str) -> list:
    """A dashed line between two years whose national fields differ, labelled "63 → 34 tỉnh": the lines
    break there, and the reader is told why."""
    fields = history.groupby("year")["rank_of"].max().sort_index()
    marks = []
    for (_year_before, before), (year_after, after) in zip(fields.items(), list(fields.items())[1:], strict=False):
        if before == after or str(year_after) not in years:
            continue
        x = years.index(str(year_after)) - 0.5
        figure.add_vline(x=x, line={"color": colors["muted"], "width": 1, "dash": "dash"})
        marks.append(
            {
                "x": x,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "text": t("reorg.field_change", lang, before=int(before), after=int(after)),
                "font": {"size": 11, "color": colors["muted"]},
            }
        )
    return marks


def _polygons(geometry: Mapping) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _ring_area(ring: list) -> float:
    """Shoelace formula, in square degrees: enough to tell a mainland from an islet."""
    following = ring[1:] + ring[:1]
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, following, strict=True)) / 2)


def _main_ring(geometry: Mapping) -> list:
    """The outer ring of a feature's largest polygon."""
    return max((polygon[0] for polygon in _polygons(geometry)), key=_ring_area)


def _centroid(geometry: Mapping) -> tuple[float, float]:
    """Lon, lat of the middle of a feature's largest polygon: where the focus marker sits."""
    ring = _main_ring(geometry)
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2


def offshore_islands(geojson: Mapping) -> list[tuple[str, float, float]]:
    """(unit_code, lon, lat) of the middle of each polygon lying wholly outside the box of every
    province's largest polygon: Hoàng Sa, Trường Sa... At national zoom these islets are smaller
    than a pixel and the map drops them, so the map marks them with dots."""
    mainland = [point for feature in geojson["features"] for point in _main_ring(feature["geometry"])]
    west, east = min(p[0] for p in mainland), max(p[0] for p in mainland)
    south, north = min(p[1] for p in mainland), max(p[1] for p in mainland)
    islands = []
    for feature in geojson["features"]:
        for polygon in _polygons(feature["geometry"]):
            ring = polygon[0]
            if all(not (west <= lon <= east and south <= lat <= north) for lon, lat in ring):
                lons, lats = [p[0] for p in ring], [p[1] for p in ring]
                middle = ((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)
                islands.append((feature["properties"]["unit_code"], *middle))
    return islands


def _border_color(theme: str) -> str:
    """Province borders in the map's background colour: they read as thin gaps in either theme."""
    return card_color(theme)


def _focus_marker(geojson: Mapping, focus_code: str, *, label: str, theme: str) -> go.Scattergeo:
    """A dot in the focus colour, ringed in the theme's ink, on the province in focus: a small
    province stays easy to find."""
    feature = next(f for f in geojson["features"] if f["properties"]["unit_code"] == focus_code)
    lon, lat = _centroid(feature["geometry"])
    return go.Scattergeo(
        lon=[lon, lon],
        lat=[lat, lat],
        mode="markers",
        marker={"size": [18, 11], "color": [ink(theme)["text"], SERIES_COLORS["focus"]]},
        name=label,
        uid="focus-marker",
        hovertemplate=f"<b>{label}</b><extra></extra>",
    )


def _rank_color(rank: int | None, field: int, theme: str) -> str:
    """The colour the rank takes on the map's scale (grey without a rank)."""
    if rank is None:
        return STATUS_COLORS["no_data"]
    return sample_colorscale(rank_colorscale(theme), [(field - rank) / max(field - 1, 1)])[0]


def _island_dots(
    islands: Sequence[tuple[str, float, float]], ranking: pd.DataFrame, *, field: int, theme: str, lang: str
) -> go.Scattergeo:
    """A dot in its province's rank colour, ringed in the theme's ink, on each offshore islet, so
    Hoàng Sa and Trường Sa are seen on the national map."""
    ranks = dict(zip(ranking["unit_code"], ranking["rank"].astype(int), strict=True))
    names = dict(zip(ranking["unit_code"], localized_column(ranking, "unit_name", lang).map(figure_text), strict=True))
    codes = [code for code, _, _ in islands]
    lons = [lon for _, lon, _ in islands]
    lats = [lat for _, _, lat in islands]
    fills = [_rank_color(ranks.get(code), field, theme) for code in codes]
    return go.Scattergeo(
        lon=lons * 2,
        lat=lats * 2,
        mode="markers",
        marker={"size": [9] * len(codes) + [6] * len(codes), "color": [ink(theme)["text"]] * len(codes) + fills},
        name=t("rankings.map_islands", lang),
        uid="islands",
        customdata=[names.get(code, code) for code in codes] * 2,
        hovertemplate="%{customdata}<extra></extra>",
    )


# Room around the country on the national map, as a share of its span: an island's dot at the edge stays whole.
MAP_MARGIN = 0.03


def map_ranges(geojson: Mapping) -> tuple[list[float], list[float]]:
    """Longitudes and latitudes the national map shows: every polygon of every feature, islands
    included, with `MAP_MARGIN` around. plotly's own `fitbounds` leaves a quarter of the card empty."""
    west, south, east, north = maps.bounding_box(geojson)
    lon_margin, lat_margin = (east - west) * MAP_MARGIN, (north - south) * MAP_MARGIN
    return [west - lon_margin, east + lon_margin], [south - lat_margin, north + lat_margin]


def rank_map(
    ranking: pd.DataFrame,
    geojson: Mapping,
    *,
    focus_code: str | None,
    theme: str,
    lang: str,
    geojson_url: str | None = None,
) -> go.Figure:
    """Provinces coloured by rank, drawn as SVG on plotly's geo subplot without its base map: nothing is
    fetched, the card's colour shows through, and the country (Hoàng Sa and Trường Sa included) fills
    the card at any size: the view is every polygon's box (`map_ranges`), plotly fits it to the card.

    Not a MapLibre map, as `/districts`' is: another year recolours 63 SVG paths, where a WebGL map
    re-tiles every province in its worker and draws several frames, each read back from the GPU (on a
    machine without one, SwiftShader draws them on the CPU: ~160 ms against ~20 ms measured here). A
    national map needs no street-level zoom, which is what the WebGL map would bring.

    With `geojson_url` (the same boundaries, served by the app) the traces name the URL instead of
    carrying the 236 KB GeoJSON each: the browser fetches it once and keeps it, and the callback
    answer shrinks to the ranks. Without it (a static export) every trace carries the GeoJSON.

    The colour value is the negated rank, so rank 1 takes the strongest end of the scale and
    sits at the top of the colour bar; hover names the province and its rank. Provinces
    without a rank that year are grey; the province in focus is outlined in the focus colour
    and marked with a dot. Each trace has a `uid` naming its role: another year redrawn with
    Plotly.react matches traces by role, not by position (a year without unranked provinces has one
    trace fewer, and each trace after it would otherwise be matched with one of another type).
    """
    names = localized_column(ranking, "unit_name", lang).map(figure_text)
    colors = ink(theme)
    border = {"width": 0.5, "color": _border_color(theme)}
    field = int(ranking["rank_of"].max()) if not ranking.empty else 1
    figure = go.Figure()
    ranked = set(ranking["unit_code"])
    shapes = geojson_url or geojson
    unranked = [f["properties"] for f in geojson["features"] if f["properties"]["unit_code"] not in ranked]
    if unranked:
        figure.add_trace(
            go.Choropleth(
                geojson=shapes,
                featureidkey="properties.unit_code",
                locations=[p["unit_code"] for p in unranked],
                z=[0] * len(unranked),
                colorscale=[[0, STATUS_COLORS["no_data"]], [1, STATUS_COLORS["no_data"]]],
                showscale=False,
                marker={"line": border},
                name=t("rankings.map_unranked", lang),
                uid="unranked",
                customdata=[p.get("name_vi", p["unit_code"]) for p in unranked],
                hovertemplate="%{customdata}: " + t("rankings.map_unranked", lang) + "<extra></extra>",
            )
        )
    ticks = rank_ticks(field)
    figure.add_trace(
        go.Choropleth(
            geojson=shapes,
            featureidkey="properties.unit_code",
            locations=ranking["unit_code"].tolist(),
            z=[-int(r) for r in ranking["rank"]],
            zmin=-field,
            zmax=-1,
            colorscale=rank_colorscale(theme),
            marker={"line": border},
            colorbar={
                "title": {"text": t("rankings.map_rank", lang), "side": "right", "font": {"color": colors["text"]}},
                "tickvals": [-tick for tick in ticks],
                "ticktext": [str(tick) for tick in ticks],
                "tickfont": {"color": colors["text"]},
                "outlinecolor": colors["grid"],
                "thickness": 14,
                "len": 0.8,
            },
            name=t("rankings.map_trace", lang),
            uid="ranked",
            customdata=[
                [n, format_rank(int(r), int(f))]
                for n, r, f in zip(names, ranking["rank"], ranking["rank_of"], strict=True)
            ],
            hovertemplate="<b>%{customdata[0]}</b><br>"
            + t("rankings.map_rank", lang)
            + ": %{customdata[1]}<extra></extra>",
        )
    )
    islands = offshore_islands(geojson)
    if islands:
        figure.add_trace(_island_dots(islands, ranking, field=field, theme=theme, lang=lang))
    if focus_code in ranked:
        focus_name = names[ranking["unit_code"] == focus_code].iloc[0]
        figure.add_trace(
            go.Choropleth(
                geojson=shapes,
                featureidkey="properties.unit_code",
                locations=[focus_code],
                z=[1],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                marker={"line": {"width": 3.5, "color": SERIES_COLORS["focus"]}},
                hoverinfo="skip",
                name=focus_name,
                uid="focus-outline",
            )
        )
        figure.add_trace(_focus_marker(geojson, focus_code, label=focus_name, theme=theme))
    lon_range, lat_range = map_ranges(geojson)
    layout = base_layout(theme, lang)
    layout.update(
        geo={
            "lonaxis": {"range": lon_range},
            "lataxis": {"range": lat_range},
            "visible": False,
            "projection": {"type": "mercator"},
            "bgcolor": "rgba(0,0,0,0)",
        },
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        showlegend=False,
    )
    figure.update_layout(layout)
    return figure


def group_name(group: str | None, code: str | None, lang: str) -> str | None:
    """A group as the reader reads it: the framework's own name, or in English the app's name for
    a known group code (Good / Fair / Average / Weak); a group of another code keeps its name."""
    if lang == ENGLISH and isinstance(code, str) and code in GROUP_COLORS:
        return t(f"group.{code}", lang)
    return group


def group_badge(group: str | None, code: str | None, lang: str) -> html.Span:
    """A group (Tốt / Khá / Trung bình / Yếu) by its name, in its code's colour; "—" when unknown."""
    if _missing(group) or not group:
        return html.Span("—", className="group-badge group-none")
    code = None if _missing(code) else code
    color = group_color(code)
    return html.Span(
        group_name(group, code, lang),
        title=group,
        className="group-badge",
        style={"background": color, "color": text_on(color, dark=ink("light")["text"], light="#ffffff")},
    )


def group_legend(groups: Iterable[str], thresholds: Sequence[Threshold], lang: str) -> html.Div:
    """The groups present as badges, each with its lower bound (share of the maximum): the key to
    the bar colours and to the dotted lines drawn at those bounds."""
    bounds = {threshold.group: threshold for threshold in thresholds}
    items = []
    for group in dict.fromkeys(g for g in groups if g):
        bound = bounds.get(group)
        label = f"≥ {format_percent(bound.min_share * 100, 0, lang)}" if bound and bound.min_share else ""
        badge = group_badge(group, bound.code if bound else None, lang)
        items.append(html.Span([badge, html.Span(label, className="group-bound")], className="group-key"))
    return html.Div(items, className="rankings-group-legend")


def _reason_text(row, lang: str) -> str:
    if row.reason == "median_method":
        return t("rankings.reason.median_method", lang)
    return t(
        "rankings.reason.differs",
        lang,
        total=format_number(row.total_published, 2, lang),
        group="—" if _missing(row.group_published) or not row.group_published else row.group_published,
    )


def _published_cell(row, lang: str) -> html.Td:
    """The published rank beside the computed one: a check where they agree, a marker and why where not."""
    if _missing(row.rank_published):
        return html.Td("—", className="num published-rank")
    if not row.reason:
        return html.Td(
            [str(row.rank_published), html.I(className="bi bi-check2 ms-1 rankings-match")],
            className="num published-rank",
            title=t("rankings.matches", lang),
        )
    reason = _reason_text(row, lang)
    return html.Td(
        [
            str(row.rank_published),
            html.I(
                className="bi bi-exclamation-triangle-fill ms-1 rankings-differs",
                style={"color": STATUS_COLORS["not_met"]},
            ),
            html.Div(reason, className="rankings-reason"),
        ],
        className="num published-rank differs",
        title=reason,
    )


def _total_text(total: float, median: bool, lang: str) -> str:
    return format_number(total, 2, lang) + ("*" if median else "")


def signed_number(value: float | None, decimals: int, lang: str) -> str:
    """A change with its sign ("+0,0123", "−4,50", "±0"); "—" where either year has no value."""
    if _missing(value):
        return "—"
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + format_number(abs(value), decimals, lang)


def change_text(trend: str | None, places: object, lang: str) -> tuple[str, str]:
    """The rank change as shown and its colour key: "▲ 3", "▼ 2", "=", "mới" (not ranked in a
    complete table of the year before) or "—" (unknown)."""
    if trend == NEW:
        return t("rankings.new", lang), "new"
    if _missing(places) or trend == UNKNOWN:
        return "—", ""
    if places > 0:
        return f"▲ {places}", "up"
    if places < 0:
        return f"▼ {-places}", "down"
    return "=", "flat"


def change_cell(trend: str | None, places: object, lang: str) -> html.Td:
    """Places gained (▲, a lower rank is better) or lost (▼), or "mới" for a unit new to the ranking."""
    text, key = change_text(trend, places, lang)
    if not key:
        return html.Td(text, className="num rank-change-cell")
    if key == "new":
        return html.Td(
            html.Span(text, className="new-badge"),
            className="num rank-change-cell",
            title=t("rankings.new_title", lang),
        )
    return html.Td(text, className="num rank-change-cell", style={"color": TREND_COLORS[key]})


def _unit_cell(name: str, href: str | None) -> html.Td:
    return html.Td(dcc.Link(name, href=href) if href else name, className="unit-name")


def unit_table(
    table: pd.DataFrame,
    *,
    lang: str,
    previous_year: int | None,
    table_id: str,
    unit_href: Callable[[str], str | None] | None = None,
    focus_code: str | None = None,
) -> html.Table:
    """The ranking of a province's units, best first (or the rows of one page of it).

    `table` has the columns of `data_access.rankings.RANKING_COLUMNS`. The change columns appear
    only when `previous_year` (a year with results at this level) is given; a `trend` column
    (`domain.changes`) marks the units new to the ranking ("mới"). The row of `focus_code` (a unit
    head's own unit) is highlighted as the national table highlights the province in focus.
    """
    headers = [
        (t("rankings.col.rank", lang), "num"),
        (t("rankings.col.unit", lang), ""),
        (t("rankings.col.total", lang), "num"),
        (t("rankings.col.share", lang), "num"),
        (t("rankings.col.group", lang), ""),
        (t("rankings.col.published_rank", lang), "num"),
    ]
    if previous_year is not None:
        headers += [
            (t("rankings.col.previous_rank", lang, year=previous_year), "num"),
            (t("rankings.col.rank_change", lang), "num"),
            (t("rankings.col.total_change", lang), "num"),
        ]
    rows = []
    for row in table.itertuples():
        cells = [
            html.Td(str(row.rank), className="num rank-cell"),
            _unit_cell(localized(row, "unit_name", lang), unit_href(row.unit_code) if unit_href else None),
            html.Td(
                _total_text(row.total, row.median_method, lang),
                className="num unit-total",
                title=t("rankings.median_title", lang) if row.median_method else None,
            ),
            html.Td(format_percent(row.share * 100, 2, lang), className="num"),
            html.Td(group_badge(row.group, row.group_code, lang), className="unit-group"),
            _published_cell(row, lang),
        ]
        if previous_year is not None:
            cells += [
                html.Td("—" if _missing(row.previous_rank) else str(row.previous_rank), className="num"),
                change_cell(getattr(row, "trend", None), row.rank_change, lang),
                html.Td(signed_number(row.total_change, 2, lang), className="num value-change-cell"),
            ]
        rows.append(ranking_row(cells, row.unit_code, focus=row.unit_code == focus_code))
    head = html.Thead(html.Tr([html.Th(label, className=cls) for label, cls in headers]))
    return html.Table([head, html.Tbody(rows)], className="rankings-table", id=table_id)


def unit_bars(
    table: pd.DataFrame,
    *,
    theme: str,
    lang: str,
    axis_title: str,
    thresholds: Sequence[tuple[str, float]] = (),
) -> go.Figure:
    """Totals as horizontal bars, best on top, coloured by group, each labelled with its value.

    `thresholds` are (group code, lower bound in points): dotted lines in the group's colour show
    how far a unit is from the next group.
    """
    colors = ink(theme)
    names = [wrap_label(n, 34) for n in localized_column(table, "unit_name", lang)]
    labels = [_total_text(v, m, lang) for v, m in zip(table["total"], table["median_method"], strict=True)]
    shares = [format_percent(s * 100, 2, lang) for s in table["share"]]
    figure = go.Figure(
        go.Bar(
            x=table["total"],
            y=names,
            orientation="h",
            marker={"color": [group_color(code) for code in table["group_code"]]},
            text=labels,
            textposition="outside",
            cliponaxis=False,
            textfont={"size": CHART_TICK, "color": colors["text"]},
            customdata=list(zip(labels, shares, table["group"].fillna("—"), strict=True)),
            hovertemplate="%{y}<br>%{customdata[0]} (%{customdata[1]}) · %{customdata[2]}<extra></extra>",
        )
    )
    maximum = float(table["max_total"].max()) if not table.empty else 1.0
    for code, points in thresholds:
        figure.add_vline(
            x=points,
            line={"color": group_color(code), "width": 1.5, "dash": "dot"},
        )
    layout = base_layout(theme, lang)
    layout.update(
        xaxis={
            "range": [0, maximum * 1.12],
            "title": {"text": axis_title},
            "gridcolor": colors["grid"],
            "zeroline": False,
        },
        yaxis={
            "autorange": "reversed",
            "categoryorder": "array",
            "categoryarray": names,
            "tickfont": {"size": CHART_TICK},
            "automargin": True,
        },
        bargap=0.25,
        showlegend=False,
        height=BAR_HEIGHT_PX * len(table) + 110,
        margin={"l": 10, "r": 20, "t": 30, "b": 50},
    )
    figure.update_layout(layout)
    return figure


def national_export(
    ranking: pd.DataFrame,
    *,
    lang: str,
    titles: Mapping[str, str],
    changes: pd.DataFrame | None = None,
    previous_year: int | None = None,
) -> pd.DataFrame:
    """The national table as a file: rank, tie, province, DTI value, the change since
    `previous_year` where `changes` are given (as on screen: "▲ 3", "mới"), and the source."""
    columns = {
        t("rankings.col.rank", lang): ranking["rank"].astype(int),
        t("rankings.col.tie", lang): [t("rankings.yes", lang) if tied else "" for tied in ranking["tied"]],
        t("rankings.col.province", lang): localized_column(ranking, "unit_name", lang),
        t("rankings.col.dti", lang): ranking["index_value"],
    }
    if changes is not None and previous_year is not None:
        columns[t("rankings.export.previous_rank", lang, year=previous_year)] = changes["previous_rank"].to_numpy()
        columns[t("rankings.export.previous_dti", lang, year=previous_year)] = changes["previous_value"].to_numpy()
        columns[t("rankings.col.rank_change", lang)] = [
            change_text(trend, places, lang)[0]
            for trend, places in zip(changes["trend"], changes["rank_change"], strict=True)
        ]
        columns[t("rankings.col.dti_change", lang)] = changes["value_change"].to_numpy()
    columns[t("rankings.col.source", lang)] = [readable_citation(s, titles) for s in ranking["source"]]
    return pd.DataFrame(columns)


def unit_export(
    table: pd.DataFrame, *, lang: str, titles: Mapping[str, str], previous_year: int | None
) -> pd.DataFrame:
    """A unit ranking as a file: computed and published columns side by side, with their sources."""
    columns = {
        t("rankings.export.rank", lang): table["rank_computed"],
        t("rankings.col.unit", lang): localized_column(table, "unit_name", lang),
        t("rankings.export.total", lang): table["total_computed"],
        t("rankings.export.max", lang): table["max_total"],
        t("rankings.export.share", lang): (table["share"] * 100).round(2),
        t("rankings.export.group", lang): table["group_computed"],
        t("rankings.export.published_rank", lang): table["rank_published"],
        t("rankings.export.published_total", lang): table["total_published"],
        t("rankings.export.published_group", lang): table["group_published"],
        t("rankings.export.median", lang): [t("rankings.yes", lang) if m else "" for m in table["median_method"]],
        t("rankings.export.difference", lang): [
            _reason_text(row, lang) if row.reason else "" for row in table.itertuples()
        ],
    }
    if previous_year is not None:
        columns[t("rankings.export.previous_rank", lang, year=previous_year)] = table["previous_rank"]
        columns[t("rankings.export.previous_total", lang, year=previous_year)] = table["previous_total"]
        columns[t("rankings.col.rank_change", lang)] = (
            [
                change_text(trend, places, lang)[0]
                for trend, places in zip(table["trend"], table["rank_change"], strict=True)
            ]
            if "trend" in table
            else table["rank_change"]
        )
        columns[t("rankings.col.total_change", lang)] = table["total_change"]
    columns[t("rankings.export.score_source", lang)] = [readable_citation(s, titles) for s in table["score_source"]]
    columns[t("rankings.export.published_source", lang)] = [
        readable_citation(s, titles) for s in table["published_source"]
    ]
    return pd.DataFrame(columns)


def change_note(ranking: UnitRanking, lang: str) -> html.Div:
    """Whether a change since the year before can be shown; when it cannot, say so."""
    phrase = t(f"rankings.phrase.{ranking.level}", lang)
    if ranking.has_previous:
        text, icon = t("rankings.change_since", lang, previous=ranking.previous_year), "bi-arrow-left-right"
    elif ranking.previous_year is None:
        text, icon = t("rankings.no_previous_year", lang, year=ranking.year), "bi-info-circle"
    else:
        text = t("rankings.no_previous_results", lang, previous=ranking.previous_year, phrase=phrase)
        icon = "bi-info-circle"
    return html.Div(
        [html.I(className=f"bi {icon} me-2"), text], className="rankings-change-note", id="rankings-change-note"
    )


def bar_sources(table) -> list[str]:
    """The bars show the computed total where the points are stored, the published one otherwise."""
    return [
        score or published for score, published in zip(table["score_source"], table["published_source"], strict=True)
    ]


def bump_card(
    history: pd.DataFrame,
    *,
    focus_code: str,
    theme: str,
    lang: str,
    titles: Mapping[str, str],
    graph_id: str,
    part_types: tuple[str, str],
    peers: Sequence[str] = (),
):
    """The provinces' rank over the years, the one in focus and its peers drawn out; a line when
    there is no history. Its legend, graph and sources are parts (`components.parts`) of the types
    `part_types` (slot, figure): a change of year that keeps the peers leaves the graph as drawn."""
    if history.empty:
        body = html.Div(t("rankings.bump_empty", lang), className="empty-inline", id="rankings-bump-empty")
        return source_card(t("rankings.bump_title", lang), body, card_id="rankings-bump-card", fill=True)
    figure = bump_chart(
        history, focus_code=focus_code, theme=theme, lang=lang, axis_title=t("rankings.rank_axis", lang), peers=peers
    )
    legend_items = []
    focus_history = history[history["unit_code"] == focus_code]
    if not focus_history.empty:
        legend_items.append((localized(focus_history.iloc[0], "unit_name", lang), SERIES_COLORS["focus"], "solid"))
    if (~history["unit_code"].isin([focus_code, *peers])).any():
        legend_items.append((t("rankings.other_provinces", lang), ink(theme)["muted"], "solid"))
    slot_type, figure_type = part_types
    graph = graph_part(
        figure_type,
        "bump",
        figure,
        element_id=graph_id,
        config=GRAPH_CONFIG,
        fill=True,
    )
    sources = source_notes([cite(t("common.source", lang), history["source"], titles)])
    return source_card(
        t("rankings.bump_title", lang),
        [slot(slot_type, "bump-legend", series_legend(legend_items)), graph],
        notes=[slot(slot_type, "bump-sources", sources)],
        card_id="rankings-bump-card",
        fill=True,
    )


def rank_map_card(
    ranking: pd.DataFrame,
    geojson: Mapping,
    *,
    focus_code: str,
    theme: str,
    lang: str,
    sources: list[str],
    part_types: tuple[str, str],
    geojson_url: str | None = None,
) -> dbc.Card:
    """The provinces coloured by rank (`rank_map`), the whole country fitted to the card. Its legend, map and
    sources are parts (`components.parts`) of the types `part_types` (slot,
    figure): another year recolours the map drawn (Plotly.react) instead of drawing a new one."""
    figure = rank_map(ranking, geojson, focus_code=focus_code, theme=theme, lang=lang, geojson_url=geojson_url)
    focus_rows = ranking[ranking["unit_code"] == focus_code]
    legend = (
        series_legend([(localized(focus_rows.iloc[0], "unit_name", lang), SERIES_COLORS["focus"], "solid")])
        if not focus_rows.empty
        else None
    )
    slot_type, figure_type = part_types
    graph = graph_part(
        figure_type,
        "map",
        figure,
        element_id="rankings-map",
        # Nothing on the map is chosen by drawing round it: no box or lasso (plotly adds both for its dots).
        config={**GRAPH_CONFIG, "scrollZoom": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]},
        class_name="rankings-map",
        fill=True,
    )
    return source_card(
        t("rankings.map_title", lang),
        [slot(slot_type, "map-legend", legend), graph],
        notes=[slot(slot_type, "map-sources", source_notes(sources))],
        card_id="rankings-map-card",
        fill=True,
    )


def no_results(level: str, year: int, years: list[int], lang: str) -> html.Div:
    """A year without results at the level explains itself and names the years that have some."""
    phrase = t(f"rankings.phrase.{level}", lang)
    body = (
        t("rankings.empty", lang, year=year, phrase=phrase, years=", ".join(map(str, years)))
        if years
        else t("rankings.empty_never", lang, phrase=phrase)
    )
    return message_panel(t("rankings.empty_title", lang), body, icon="bi-inbox", element_id="rankings-empty")
