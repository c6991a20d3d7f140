"""The peers comparison on /rankings: the picker, the radar of main indices and the table.

Pure builders: frames and plain values in, Dash components and figures out. Each peer keeps one
colour everywhere (bump chart, radar, table swatch), assigned in the order of the choice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components.figures import percent_polar, wrap_label
from components.formatting import figure_text, format_number, format_rank
from components.i18n import dropdown_labels, t
from components.kpi import series_legend
from components.theme import PEER_COLORS, SERIES_COLORS, TREND_COLORS, base_layout
from domain.text import localized

PICKER = "rankings-peers"
# The choice the page drew, beside the picker: the picker's first report of it is no new choice.
CHOSEN = "rankings-peers-chosen"


def peer_colors(focus_code: str, peers: Sequence[str]) -> dict[str, str]:
    """Each chosen province's colour: the focus its own, peers the palette in the order chosen
    (the bump chart assigns them the same way)."""
    colors = {focus_code: SERIES_COLORS["focus"]}
    others = [code for code in dict.fromkeys(peers) if code != focus_code]
    colors.update({code: PEER_COLORS[i % len(PEER_COLORS)] for i, code in enumerate(others)})
    return colors


def peer_picker(
    choices: pd.DataFrame,
    chosen: Sequence[str],
    *,
    presets: Sequence[tuple[str, str, str]],
    clear_href: str,
    lang: str,
    notes: Sequence[str] = (),
) -> html.Div:
    """The multi-select of provinces (`choices`: unit_code, names, rank) and one-click presets
    (`presets`: (key, label, href)); the choice itself lives in the URL."""
    options = [
        {"label": f"{int(row['rank'])}. {localized(row, 'unit_name', lang)}", "value": row["unit_code"]}
        for row in choices.to_dict("records")
    ]
    links = [
        dcc.Link(label, href=href, className="peers-preset", id=f"rankings-peers-preset-{key}")
        for key, label, href in presets
    ]
    links.append(dcc.Link(t("peers.clear", lang), href=clear_href, className="peers-preset", id="rankings-peers-clear"))
    return html.Div(
        [
            html.Label(t("peers.picker_label", lang), htmlFor=PICKER, className="peers-label"),
            dcc.Dropdown(
                id=PICKER,
                options=options,
                value=list(chosen),
                multi=True,
                placeholder=t("peers.picker_placeholder", lang),
                labels=dropdown_labels(lang),
                className="peers-dropdown",
            ),
            dcc.Store(id=CHOSEN, data=list(chosen)),
            html.Div(links, className="peers-presets"),
            *[html.Div(note, className="rankings-note peers-note") for note in notes],
        ],
        className="peers-picker",
        id="rankings-peers-picker",
    )


def peer_radar(
    pillars: pd.DataFrame, *, order: Sequence[str], colors: Mapping[str, str], focus_code: str, theme: str, lang: str
) -> go.Figure:
    """Main indices as % of maximum, one closed line per province with figures, in `order`; the
    focus filled and drawn last. `pillars`: unit_code, unit names, pillar_code, pillar names,
    sort_order, share."""
    axes = pillars.drop_duplicates("pillar_code").sort_values("sort_order")
    labels = [wrap_label(figure_text(localized(row, "pillar_name", lang))) for row in axes.to_dict("records")]
    codes = axes["pillar_code"].tolist()
    figure = go.Figure()
    drawn = [code for code in order if code != focus_code] + [focus_code]
    for code in drawn:
        rows = pillars[pillars["unit_code"] == code].set_index("pillar_code")
        if rows.empty:
            continue
        name = figure_text(localized(rows.iloc[0], "unit_name", lang))
        values = [round(float(rows.loc[c, "share"]) * 100, 2) if c in rows.index else None for c in codes]
        focus = code == focus_code
        figure.add_trace(
            go.Scatterpolar(
                r=[*values, values[0]],
                theta=[*labels, labels[0]],
                name=name,
                mode="lines+markers",
                fill="toself" if focus else None,
                fillcolor="rgba(0,180,216,0.15)" if focus else None,
                line={"color": colors[code], "width": 3 if focus else 2, "dash": "solid" if focus else "dot"},
                marker={"size": 6 if focus else 4},
                hovertemplate="%{theta}: %{r:.2f}%<extra>" + name + "</extra>",
            )
        )
    layout = base_layout(theme, lang)
    layout.update(
        polar=percent_polar(theme, [20, 40, 60, 80]),
        # A pillar name wraps to two lines of up to 14 characters (`wrap_label`): the bottom one needs two
        # lines of room below, the side ones ("Hoạt động Kinh / tế số") a line's width beside the circle.
        margin={"l": 112, "r": 112, "t": 40, "b": 64},
        showlegend=False,
    )
    figure.update_layout(layout)
    return figure


def radar_legend(table: pd.DataFrame, *, colors: Mapping[str, str], focus_code: str, lang: str) -> html.Div:
    """The radar's provinces in the table's order, in their colours (the focus solid, peers dotted)."""
    drawn = table[table["has_pillars"]]
    return series_legend(
        [
            (
                localized(row, "unit_name", lang),
                colors[row["unit_code"]],
                "solid" if row["unit_code"] == focus_code else "dotted",
            )
            for row in drawn.to_dict("records")
        ]
    )


def _change_cell(change: object, lang: str) -> html.Td:
    if change is None or pd.isna(change):
        return html.Td(t("peers.no_previous", lang), className="num")
    change = int(change)
    trend = "up" if change > 0 else "down" if change < 0 else "flat"
    arrow = {"up": "▲", "down": "▼", "flat": "="}[trend]
    text = f"{arrow} {abs(change)}" if change else arrow
    return html.Td(text, className="num rank-change-cell", style={"color": TREND_COLORS[trend]})


def peer_table(
    table: pd.DataFrame, *, colors: Mapping[str, str], focus_code: str, previous_year: int | None, lang: str
) -> html.Table:
    """The chosen provinces best first: rank, name (its colour on the charts), region, DTI and
    the change in rank since the previous ranked year."""
    rows = []
    for row in table.to_dict("records"):
        swatch = html.Span(className="peers-swatch", style={"background": colors.get(row["unit_code"], "transparent")})
        region = localized(row, "region_name", lang) if isinstance(row.get("region_name_vi"), str) else "—"
        rows.append(
            html.Tr(
                [
                    html.Td(format_rank(int(row["rank"]), int(row["rank_of"])), className="num"),
                    html.Td([swatch, localized(row, "unit_name", lang)], className="unit-name"),
                    html.Td(region, className="peers-region"),
                    html.Td(format_number(row["index_value"], 4, lang), className="num"),
                    _change_cell(row["rank_change"], lang),
                ],
                className="rankings-row rankings-focus" if row["unit_code"] == focus_code else "rankings-row",
                **{"data-unit": row["unit_code"]},
            )
        )
    change_head = (
        t("peers.col.change", lang, year=previous_year) if previous_year else t("peers.col.change", lang, year="—")
    )
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("peers.col.rank", lang), className="num"),
                html.Th(t("peers.col.province", lang)),
                html.Th(t("peers.col.region", lang)),
                html.Th(t("peers.col.dti", lang), className="num"),
                html.Th(change_head, className="num"),
            ]
        )
    )
    return html.Table([head, html.Tbody(rows)], className="rankings-table peers-table", id="rankings-peers-table")
