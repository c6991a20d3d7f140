"""The district page's pieces: a heatmap of districts × criteria, a choropleth map, notes and exports.

Pure functions of frames (from `data_access.districts`) and options; no database, no request.
Colours are the groups' colours (`GROUP_COLORS`) in steps at the framework's group bounds, so a
cell or a district is coloured like the group its share would earn, as everywhere in the app.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from html import escape
from itertools import pairwise

import pandas as pd
import plotly.graph_objects as go
from dash import html
from plotly.subplots import make_subplots

from components.figures import wrap_label
from components.formatting import format_percent, format_points, format_points_column
from components.i18n import t
from components.theme import (
    CHART_TEXT,
    CHART_TICK,
    STATUS_COLORS,
    base_layout,
    group_color,
    ink,
    kept_map_style,
)
from domain import maps
from domain.colour import text_on
from domain.text import localized, localized_column
from domain.vocabulary import Threshold, threshold_for_share

TOTAL_COLUMN = "total"
MAP_PADDING = 0.88
HATCH_LINES_ACROSS = 70
# Without the framework's bounds the groups are unknown: the group colours spread evenly instead.
UNKNOWN_BOUNDS = [
    Threshold("Yếu", 0.0, "yeu", "Weak"),
    Threshold("Trung bình", 0.25, "trung_binh", "Average"),
    Threshold("Khá", 0.5, "kha", "Fair"),
    Threshold("Tốt", 0.75, "tot", "Good"),
]
# Cell labels are written in the light theme's ink on light fills, the dark theme's on dark ones.
LABEL_INKS = (ink("light")["text"], ink("dark")["text"])

UnitHref = Callable[[str], str]


def _named(frame: pd.DataFrame, prefix: str, lang: str) -> pd.DataFrame:
    """`frame` with a `{prefix}_name` column in the reader's language (`domain.text.localized_column`)."""
    return frame.assign(**{f"{prefix}_name": localized_column(frame, f"{prefix}_name", lang)})


def _bounds(thresholds: Sequence[Threshold]) -> list[Threshold]:
    ordered = sorted(thresholds, key=lambda threshold: threshold.min_share)
    return ordered or UNKNOWN_BOUNDS


def share_colorscale(thresholds: Sequence[Threshold]) -> list[list]:
    """Plotly colourscale on 0..1 in steps: each group's colour from its lower bound to the next
    group's. Below the lowest bound the lowest group's colour; a share on a bound takes the upper
    group's colour (plotly picks the later of two stops at the same position)."""
    ordered = _bounds(thresholds)
    colors = [group_color(threshold.code) for threshold in ordered]
    starts = [0.0] + [min(max(threshold.min_share, 0.0), 1.0) for threshold in ordered[1:]]
    ends = [*starts[1:], 1.0]
    stops = []
    for start, end, color in zip(starts, ends, colors, strict=True):
        if end > start:
            stops += [[start, color], [end, color]]
    return stops


def share_color(share: float, thresholds: Sequence[Threshold]) -> str:
    """The fill `share_colorscale` gives a share (0..1): the colour of the group it earns."""
    ordered = _bounds(thresholds)
    return group_color((threshold_for_share(share, ordered) or ordered[0]).code)


def label_color(fill: str) -> str:
    """Near-white text on dark fills, near-black on light ones, so every value stays readable."""
    dark_text, light_text = LABEL_INKS
    return text_on(fill, dark=dark_text, light=light_text)


def shared_fill(theme: str) -> str:
    """The neutral fill of a shared region: the other theme's muted grey, so the hatch in this
    theme's ink stands out from it and the region stands out from the map's background."""
    return ink("light" if theme == "dark" else "dark")["muted"]


def shared_swatch(theme: str) -> str:
    """The legend swatch of a shared region looks like the hatched area on the map."""
    return f"repeating-linear-gradient(135deg, {shared_fill(theme)} 0 4px, {ink(theme)['text']} 4px 5.5px)"


def _colorbar(thresholds: Sequence[Threshold], title: str, lang: str) -> dict:
    """A colour bar ticked at the group bounds, so the reader sees where each colour starts."""
    ticks = sorted({0.0, 1.0, *(th.min_share for th in thresholds if 0 <= th.min_share <= 1)})
    return {
        "title": {"text": title, "side": "top"},
        "tickvals": [tick * 100 for tick in ticks],
        "ticktext": [format_percent(tick * 100, 0, lang) for tick in ticks],
        "thickness": 12,
        "len": 0.9,
        "outlinewidth": 0,
    }


def unit_link(name: str, href: str | None) -> str:
    """A unit's name as a plotly text link that opens in the same tab (plotly's default is a new one)."""
    safe = escape(name, quote=False)
    return f'<a href="{escape(href)}" target="_self">{safe}</a>' if href else safe


def value_hover(unit: str, criterion: str, points: float, max_points: float, share: float, lang: str) -> str:
    return t(
        "districts.hover_value",
        lang,
        unit=escape(unit, quote=False),
        criterion=escape(criterion, quote=False),
        points=format_points(points, lang),
        max=format_points(max_points, lang),
        share=format_percent(share * 100, 2, lang),
    )


def _heatmap_grid(scores: pd.DataFrame, order: list[str], pillar_codes: list[str], column: str) -> list[list]:
    grid = scores.pivot(index="unit_code", columns="pillar_code", values=column)
    return grid.reindex(index=order, columns=pillar_codes).to_numpy().tolist()


def _total_hover(row, count: int, lang: str) -> str:
    return t(
        "districts.hover_total",
        lang,
        unit=escape(localized(row, "unit_name", lang), quote=False),
        points=format_points(row.total, lang),
        max=format_points(row.max_total, lang),
        share=format_percent(row.share * 100, 2, lang),
        rank=row.rank,
        count=count,
        group=row.group or "—",
    )


def district_heatmap(
    scores: pd.DataFrame,
    totals: pd.DataFrame,
    *,
    thresholds: Sequence[Threshold],
    theme: str,
    lang: str,
    selected: str | None = None,
    unit_href: UnitHref | None = None,
    count: int | None = None,
    ranked_labels: bool = False,
) -> go.Figure:
    """Districts (rows, in `totals`' order) × criteria (columns) coloured by share of the maximum,
    each cell labelled with its percentage, and a total column labelled with the points.

    `scores` has one row per district × pillar (`unit_code`, `pillar_code`, names, `points`,
    `max_points`, `share`, `sort_order`); `totals` is best first (`unit_code`, names, `total`,
    `max_total`, `share`, `rank`, `group`). Rows are keyed by unit code (names label them) so two
    units with the same name never merge; `unit_href` turns each row label into a link. `totals`
    may be one page of a longer list: `count` is the whole level's (the hover's "rank 37/100"), and
    `ranked_labels` puts each unit's rank before its name so a page's rows say where they stand.
    """
    totals, scores = _named(totals, "unit", lang), _named(scores, "pillar", lang)
    unit_col, pillar_col = "unit_name", "pillar_name"
    order = totals["unit_code"].tolist()
    pillars = scores.drop_duplicates("pillar_code").sort_values("sort_order")
    codes = pillars["pillar_code"].tolist()
    names = dict(zip(totals["unit_code"], totals[unit_col], strict=True))
    criterion_names = dict(zip(pillars["pillar_code"], pillars[pillar_col], strict=True))

    shares = _heatmap_grid(scores, order, codes, "share")
    points = _heatmap_grid(scores, order, codes, "points")
    maxima = dict(zip(pillars["pillar_code"], pillars["max_points"], strict=True))
    percent = [[None if pd.isna(s) else s * 100 for s in row] for row in shares]
    text = [[format_percent(p, 0, lang) if p is not None else "—" for p in row] for row in percent]
    hover = [
        [
            value_hover(names[unit], criterion_names[code], pts, maxima[code], s, lang)
            if not pd.isna(s)
            else t("districts.hover_no_value", lang, unit=names[unit], criterion=criterion_names[code])
            for code, pts, s in zip(codes, point_row, share_row, strict=True)
        ]
        for unit, point_row, share_row in zip(order, points, shares, strict=True)
    ]
    scale = share_colorscale(thresholds)
    total_label = t("districts.total_column", lang, max=format_points(totals["max_total"].max(), lang))

    figure = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        column_widths=[len(codes), 1.35],
        horizontal_spacing=0.012,
    )
    figure.add_trace(
        go.Heatmap(
            z=percent,
            x=codes,
            y=order,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=scale,
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            colorbar=_colorbar(thresholds, t("districts.colorbar", lang), lang),
            name=t("districts.heatmap_title", lang),
        ),
        row=1,
        col=1,
    )
    figure.add_trace(
        go.Heatmap(
            z=[[share * 100] for share in totals["share"]],
            x=[TOTAL_COLUMN],
            y=order,
            customdata=[[_total_hover(row, count or len(totals), lang)] for row in totals.itertuples()],
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=scale,
            zmin=0,
            zmax=100,
            showscale=False,
            xgap=2,
            ygap=2,
            name=t("districts.total", lang),
        ),
        row=1,
        col=2,
    )
    colors = ink(theme)
    figure.add_trace(
        _cell_labels(codes, order, percent, text, thresholds, colors["text"], size=CHART_TICK), row=1, col=1
    )
    total_percent = [[share * 100] for share in totals["share"]]
    total_text = [[f"<b>{total}</b>"] for total in format_points_column(totals["total"], lang)]
    figure.add_trace(
        _cell_labels([TOTAL_COLUMN], order, total_percent, total_text, thresholds, colors["text"], size=CHART_TEXT),
        row=1,
        col=2,
    )
    layout = base_layout(theme, lang)
    layout.update(margin={"l": 10, "r": 10, "t": 10, "b": 10}, showlegend=False)
    figure.update_layout(layout)
    axis_font = {"size": CHART_TICK, "color": colors["text"]}
    headers, angle = criterion_headers([criterion_names[c] for c in codes])
    figure.update_xaxes(
        side="top", tickangle=0, showgrid=False, zeroline=False, automargin=True, tickfont=axis_font, fixedrange=True
    )
    figure.update_xaxes(tickvals=codes, ticktext=headers, tickangle=angle, row=1, col=1)
    figure.update_xaxes(tickvals=[TOTAL_COLUMN], ticktext=[wrap_label(total_label, 12)], row=1, col=2)
    figure.update_yaxes(
        # Best at the top; the range is the rows' own, so the labels' text trace adds no padding band.
        range=[len(order) - 0.5, -0.5],
        showgrid=False,
        zeroline=False,
        automargin=True,
        fixedrange=True,
        tickvals=order,
        ticktext=[
            unit_link(
                f"{rank}. {names[unit]}" if ranked_labels else names[unit], unit_href(unit) if unit_href else None
            )
            for unit, rank in zip(order, totals["rank"], strict=True)
        ],
        tickfont={"size": CHART_TICK, "color": colors["text"]},
        row=1,
        col=1,
    )
    if selected:
        _outline_column(figure, codes, selected, colors["text"])
    return figure


# A column of the heatmap holds a header word of about this many characters at CHART_TICK; a longer word
# (English's "infrastructure", "Cybersecurity") would print over its neighbours' headers.
HEADER_WORD_CHARACTERS = 7


def criterion_headers(names: Sequence[str]) -> tuple[list[str], int]:
    """The criteria's column headers and their angle: across, wrapped to short lines, when every word fits
    a column (Vietnamese names); on end, wrapped to two longer lines, when one does not."""
    longest = max((len(word) for name in names for word in name.split()), default=0)
    if longest <= HEADER_WORD_CHARACTERS:
        return [wrap_label(name, 6) for name in names], 0
    return [wrap_label(name, 16) for name in names], -90


def _cell_labels(
    columns: list[str],
    rows: list[str],
    percent: list[list[float | None]],
    text: list[list[str]],
    thresholds: Sequence[Threshold],
    empty_color: str,
    *,
    size: int,
) -> go.Scatter:
    """The cells' values as text on top of the heatmap, each in the ink that reads best on its
    fill (a heatmap's text has one colour for every cell); an empty cell shows the page's ink."""
    xs, ys, labels, colors = [], [], [], []
    for row, values, words in zip(rows, percent, text, strict=True):
        for column, value, word in zip(columns, values, words, strict=True):
            xs.append(column)
            ys.append(row)
            labels.append(word)
            colors.append(empty_color if value is None else label_color(share_color(value / 100, thresholds)))
    return go.Scatter(
        x=xs,
        y=ys,
        text=labels,
        mode="text",
        textfont={"size": size, "color": colors},
        hoverinfo="skip",
        showlegend=False,
        name="labels",
    )


def _outline_column(figure: go.Figure, codes: list[str], selected: str, color: str) -> None:
    """A frame around the criterion the map is coloured by, so heatmap and map read together."""
    if selected == TOTAL_COLUMN:
        xref, index = "x2", 0
    elif selected in codes:
        xref, index = "x", codes.index(selected)
    else:
        return
    figure.add_shape(
        type="rect",
        xref=xref,
        yref="y domain",
        x0=index - 0.5,
        x1=index + 0.5,
        y0=0,
        y1=1,
        line={"color": color, "width": 3},
        fillcolor="rgba(0,0,0,0)",
    )


def _view(box: maps.Box, size: tuple[int, int]) -> dict:
    """The map's centre and zoom fitting the districts, with a margin."""
    centre, zoom = maps.fit_view(box, width=size[0], height=size[1], padding=MAP_PADDING)
    return {"center": centre, "zoom": zoom}


def hatch_lines(geometry: dict, spacing: float) -> tuple[list[float | None], list[float | None]]:
    """Diagonal stripes clipped to a polygon (even-odd rule, holes respected), as lon/lat lists
    broken by None: a hatch pattern for a map layer that has no fill patterns."""
    edges = [(a, b) for ring in maps.rings(geometry) for a, b in pairwise(ring)]
    diagonals = [x + y for ring in maps.rings(geometry) for x, y in ring]
    lons: list[float | None] = []
    lats: list[float | None] = []
    if not diagonals or spacing <= 0:
        return lons, lats
    level = min(diagonals) + spacing / 2
    while level < max(diagonals):
        crossings = []
        for (x1, y1), (x2, y2) in edges:
            u1, u2 = x1 + y1, x2 + y2
            if (u1 <= level < u2) or (u2 <= level < u1):
                f = (level - u1) / (u2 - u1)
                crossings.append((x1 + f * (x2 - x1), y1 + f * (y2 - y1)))
        crossings.sort()
        for (ax, ay), (bx, by) in zip(crossings[::2], crossings[1::2], strict=True):
            lons += [ax, bx, None]
            lats += [ay, by, None]
        level += spacing
    return lons, lats


def _members(feature: dict) -> list[str]:
    """The units a map region covers: its listed members, or its own code."""
    properties = feature["properties"]
    return properties.get("member_unit_codes") or [properties["unit_code"]]


def regions_covering(collection: dict, unit_codes: Collection[str]) -> dict:
    """The collection narrowed to the regions that cover any of `unit_codes` (a former district's
    communes), everything else it carries (its credit line) kept: drawn alone, the map is fitted to
    them and its labels and notes speak of them only. A region shared with a unit outside stays
    whole, so no area is cut."""
    wanted = set(unit_codes)
    features = [feature for feature in collection["features"] if wanted.intersection(_members(feature))]
    return {**collection, "features": features}


def _join_names(names: list[str], lang: str) -> str:
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('districts.and', lang)} {names[-1]}"


def region_label(name: str, lang: str) -> str:
    """A map region's Vietnamese name in a sentence of `lang`: the place names stay, the
    Vietnamese "và" that joins them in a shared region's name becomes the language's "and"."""
    return _join_names(name.split(f" {t('districts.and', 'vi')} "), lang)


def _member_name(row, unit_col: str) -> str:
    """The district's name; its code where the district has no scores (and so no name) that year."""
    name = getattr(row, unit_col)
    return name if isinstance(name, str) else row.unit_code


def _region_links(members: pd.DataFrame, unit_col: str, unit_href: UnitHref) -> list[str]:
    """customdata tail: href, name for each district of a region (read by the click handler)."""
    links: list[str] = []
    for row in members.itertuples():
        links += [unit_href(row.unit_code), _member_name(row, unit_col)]
    return links


def _region_hover(region: pd.DataFrame, criterion: str, unit_col: str, lang: str) -> str:
    lines = []
    for row in region.itertuples():
        name = _member_name(row, unit_col)
        if pd.isna(row.share):
            lines.append(t("districts.hover_no_value", lang, unit=escape(name, quote=False), criterion=criterion))
        else:
            lines.append(value_hover(name, criterion, row.points, row.max_points, row.share, lang))
    return "<br>".join(lines)


# The map's traces by `uid`, bottom to top: each has a layer of its own in the style (`kept_map_style`),
# so a new year or criterion recolours the map in place.
MAP_ROLES = ("coloured", "shared", "no_data", "hatch")


def _map_slot(role: str) -> str:
    return f"districts-map-slot-{role}"


def _choropleth(collection: dict, locations: list[str], customdata: list[list[str]], **style) -> go.Choroplethmap:
    return go.Choroplethmap(
        geojson=collection,
        featureidkey="properties.unit_code",
        locations=locations,
        customdata=customdata,
        hovertemplate="%{customdata[0]}<extra></extra>",
        **style,
    )


def district_map(
    collection: dict,
    table: pd.DataFrame,
    *,
    criterion: str,
    thresholds: Sequence[Threshold],
    theme: str,
    lang: str,
    unit_href: UnitHref,
    size: tuple[int, int] = (600, 500),
) -> go.Figure:
    """The districts coloured by share of the maximum (total or one criterion), drawn offline.

    `table` is `data_access.districts.map_table`: one row per (region, district). A region
    covering one district takes that district's colour; a region shared by several districts is
    drawn neutral and hatched, never in one member's colour, and its hover lists every member's
    value. customdata per region is [hover, choice prompt, href, name, href, name, ...] so a click
    can open the district or, for a shared region, offer each member. `size` is the smallest
    map the page draws (pixels): the view is fitted to it, so a larger map only adds margin.
    """
    table, unit_col = _named(table, "unit", lang), "unit_name"
    features = {f["properties"]["unit_code"]: f for f in collection["features"]}
    coloured: dict[str, list] = {"locations": [], "z": [], "customdata": []}
    shared: dict[str, list] = {"locations": [], "customdata": []}
    missing: dict[str, list] = {"locations": [], "customdata": []}
    mapped = table[table["region_code"] != ""]
    for code, region in mapped.groupby("region_code", sort=False):
        hover = _region_hover(region, escape(criterion, quote=False), unit_col, lang)
        links = _region_links(region, unit_col, unit_href)
        name = region_label(region["region_name"].iloc[0], lang)
        if bool(region["shared"].iloc[0]):
            shared["locations"].append(code)
            head = t("districts.hover_shared", lang, region=escape(name, quote=False))
            shared["customdata"].append([f"{head}<br>{hover}", t("districts.shared_choice", lang, region=name), *links])
        elif region["share"].notna().all():
            coloured["locations"].append(code)
            coloured["z"].append(float(region["share"].iloc[0]) * 100)
            coloured["customdata"].append([hover, "", *links])
        else:
            missing["locations"].append(code)
            missing["customdata"].append([hover, "", *links])

    map_ink = ink(theme)["text"]
    outline = {"color": map_ink, "width": 0.8}
    figure = go.Figure()
    figure.add_trace(
        _choropleth(
            collection,
            coloured["locations"],
            coloured["customdata"],
            z=coloured["z"],
            zmin=0,
            zmax=100,
            colorscale=share_colorscale(thresholds),
            colorbar=_colorbar(thresholds, t("districts.colorbar", lang), lang),
            marker={"line": outline, "opacity": 0.95},
            name=criterion,
            uid="coloured",
            below=_map_slot("coloured"),
        )
    )
    for group, fill, key in ((shared, shared_fill(theme), "shared"), (missing, STATUS_COLORS["no_data"], "no_data")):
        if group["locations"]:
            figure.add_trace(
                _choropleth(
                    collection,
                    group["locations"],
                    group["customdata"],
                    z=[0] * len(group["locations"]),
                    colorscale=[[0, fill], [1, fill]],
                    showscale=False,
                    marker={"line": {"color": map_ink, "width": 2.5 if key == "shared" else 0.8}},
                    name=key,
                    uid=key,
                    below=_map_slot(key),
                )
            )
    box = maps.bounding_box(collection)
    spacing = max(box[2] - box[0], box[3] - box[1]) / HATCH_LINES_ACROSS
    if shared["locations"]:
        lons: list[float | None] = []
        lats: list[float | None] = []
        for code in shared["locations"]:
            region_lons, region_lats = hatch_lines(features[code]["geometry"], spacing)
            lons += [*region_lons, None]
            lats += [*region_lats, None]
        figure.add_trace(
            go.Scattermap(
                lon=lons,
                lat=lats,
                mode="lines",
                line={"color": map_ink, "width": 1.2},
                hoverinfo="skip",
                showlegend=False,
                name="hatch",
                uid="hatch",
                below=_map_slot("hatch"),
            )
        )
    layout = base_layout(theme, lang)
    layout.update(
        map={"style": kept_map_style(theme, [_map_slot(role) for role in MAP_ROLES]), **_view(box, size)},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        showlegend=False,
    )
    figure.update_layout(layout)
    return figure


def _short_value(share: float, lang: str) -> str:
    return "—" if pd.isna(share) else format_percent(float(share) * 100, 0, lang)


@lru_cache(maxsize=1024)
def _label_point(geometry: str) -> tuple[float, float]:
    """`maps.label_point` of a geometry given as JSON: the same boundaries are drawn on every visit."""
    return maps.label_point(json.loads(geometry))


def map_labels(collection: dict, table: pd.DataFrame, *, lang: str, names: bool) -> list[dict]:
    """What is written on each region, readable without hovering: its name (with `names`) and its
    value; a shared region names each of its units with that unit's value ("Bù Gia Mập 62 %",
    "Phú Riềng 58 %"), never one value for both. Each label is {code, lon, lat, lines}."""
    table, unit_col = _named(table, "unit", lang), "unit_name"
    features = {f["properties"]["unit_code"]: f for f in collection["features"]}
    labels = []
    for code, region in table[table["region_code"] != ""].groupby("region_code", sort=False):
        lon, lat = _label_point(json.dumps(features[code]["geometry"], sort_keys=True))
        if bool(region["shared"].iloc[0]):
            parts = region_label(region["region_name"].iloc[0], "vi").split(f" {t('districts.and', 'vi')} ")
            if len(parts) != len(region):
                parts = [_member_name(row, unit_col) for row in region.itertuples()]
            lines = [f"{part} {_short_value(share, lang)}" for part, share in zip(parts, region["share"], strict=True)]
        else:
            value = _short_value(region["share"].iloc[0], lang)
            lines = [region["region_name"].iloc[0], value] if names else [value]
        labels.append({"code": code, "lon": round(lon, 5), "lat": round(lat, 5), "lines": lines})
    return labels


def labels_overlay(labels: list[dict], element_id: str) -> html.Div:
    """The labels as HTML over the map, placed on their regions by assets/30-districts.js from the
    map's own projection (map text would fetch fonts from the internet; the app runs offline)."""
    return html.Div(
        [
            html.Div(
                [html.Span(line, className="districts-map-label-line") for line in label["lines"]],
                className="districts-map-label",
                **{"data-lon": label["lon"], "data-lat": label["lat"], "data-code": label["code"]},
            )
            for label in labels
        ],
        id=element_id,
        className="districts-map-labels",
        **{"aria-hidden": "true"},
    )


def map_notes(table: pd.DataFrame, *, year: int, theme: str, lang: str) -> list[html.Div]:
    """What a reader must know to read the map: shared regions, regions without data, districts
    without a boundary. Built from the data, never from fixed names."""
    table, unit_col = _named(table, "unit", lang), "unit_name"
    notes = []
    for _, region in table[table["shared"].astype(bool)].groupby("region_code", sort=False):
        names = [_member_name(row, unit_col) for row in region.itertuples()]
        notes.append(
            html.Div(
                [
                    html.Span(className="districts-swatch", style={"background": shared_swatch(theme)}),
                    t(
                        "districts.shared_note",
                        lang,
                        region=region_label(region["region_name"].iloc[0], lang),
                        names=_join_names(names, lang),
                    ),
                ],
                className="districts-map-note",
                title=region["region_note"].iloc[0],
            )
        )
    mapped = table[(table["region_code"] != "") & ~table["shared"].astype(bool)]
    if mapped["share"].isna().any():
        notes.append(
            html.Div(
                [
                    html.Span(className="districts-swatch", style={"background": STATUS_COLORS["no_data"]}),
                    t("districts.no_data_note", lang, year=year),
                ],
                className="districts-map-note",
            )
        )
    unmapped = table[table["region_code"] == ""]
    if not unmapped.empty:
        notes.append(
            html.Div(
                t("districts.unmapped_note", lang, names=_join_names(unmapped[unit_col].tolist(), lang)),
                className="districts-map-note",
            )
        )
    return notes


def heatmap_export(scores: pd.DataFrame, totals: pd.DataFrame, *, year: int, lang: str) -> pd.DataFrame:
    """The heatmap's data, one row per district × criterion, best district first, headers in words."""
    scores = _named(_named(scores, "unit", lang), "pillar", lang)
    unit_col, pillar_col = "unit_name", "pillar_name"
    ranked = totals[["unit_code", "total", "max_total", "rank", "group"]]
    rows = scores.merge(ranked, on="unit_code").sort_values(["rank", "unit_code", "sort_order"])
    return pd.DataFrame(
        {
            t("districts.col_year", lang): year,
            t("districts.col_unit", lang): rows[unit_col],
            t("districts.col_criterion", lang): rows[pillar_col],
            t("districts.col_points", lang): rows["points"],
            t("districts.col_max", lang): rows["max_points"],
            t("districts.col_share", lang): (rows["share"] * 100).round(2),
            t("districts.col_total", lang): rows["total"],
            t("districts.col_max_total", lang): rows["max_total"],
            t("districts.col_rank", lang): rows["rank"],
            t("districts.col_group", lang): rows["group"],
            t("districts.col_source", lang): rows["source"],
        }
    ).reset_index(drop=True)


def map_export(table: pd.DataFrame, *, criterion: str, year: int, lang: str) -> pd.DataFrame:
    """The map's data, one row per (map area, district): a shared area lists each of its districts."""
    table, unit_col = _named(table, "unit", lang), "unit_name"
    yes_no = {True: t("districts.yes", lang), False: t("districts.no", lang)}
    return pd.DataFrame(
        {
            t("districts.col_year", lang): year,
            t("districts.col_region", lang): table["region_name"],
            t("districts.col_shared", lang): table["shared"].astype(bool).map(yes_no),
            t("districts.col_unit", lang): table[unit_col],
            t("districts.col_criterion", lang): criterion,
            t("districts.col_points", lang): table["points"],
            t("districts.col_max", lang): table["max_points"],
            t("districts.col_share", lang): (table["share"] * 100).round(2),
            t("districts.col_note", lang): table["region_note"],
            t("districts.col_source", lang): table["source"],
        }
    ).reset_index(drop=True)


def total_notes(totals: pd.DataFrame, lang: str) -> list[html.Div]:
    """Where a district's criteria do not add up to its printed total, say so beside the table."""
    differing = totals[totals["total_differs"]]
    names = localized_column(differing, "unit_name", lang)
    return [
        html.Div(
            [
                html.I(className="bi bi-exclamation-diamond me-1"),
                t(
                    "districts.total_differs",
                    lang,
                    unit=name,
                    computed=format_points(row.total, lang),
                    published=format_points(row.published_total, lang),
                ),
            ],
            className="discrepancy-note",
        )
        for row, name in zip(differing.itertuples(), names, strict=True)
    ]
