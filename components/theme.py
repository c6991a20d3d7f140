"""One place for colours (per pillar, per group, per status) and the plotly look of each theme."""

from __future__ import annotations

from collections.abc import Sequence

from components.formatting import plotly_separators

DEFAULT_THEME = "dark"
FONT_FAMILY = "'Be Vietnam Pro', 'Segoe UI', Arial, sans-serif"
# The charts' type scale, in px at 1920×1080 (the wall; larger walls zoom the page, see 10-app.css):
# axis ticks and legends are read from the back of the room, so nothing on a chart is drawn smaller
# than CHART_TICK; CHART_TEXT is the body of a chart and CHART_LABEL the value labels a leader reads.
CHART_TICK = 16
CHART_TEXT = 16
CHART_LABEL = 18

PILLAR_COLORS = {
    "awareness": "#4e79a7",
    "institutions": "#a0cbe8",
    "infrastructure": "#f28e2b",
    "human_resources": "#ffbe7d",
    "cybersecurity": "#59a14f",
    "smart_city": "#8cd17d",
    "digital_government": "#b6992d",
    "digital_economy": "#e15759",
    "digital_society": "#b07aa1",
    "website": "#9d7660",
}
FALLBACK_COLOR = "#8c8c8c"

# Keyed by group code (the framework's `group_code`), never by the name shown, which follows the
# language and may change between frameworks.
GROUP_COLORS = {"tot": "#2e9d5b", "kha": "#2f7ed8", "trung_binh": "#e0a800", "yeu": "#d64545"}


def group_color(code: object) -> str:
    """The colour of a group by its code; neutral grey for a group no framework defines."""
    return GROUP_COLORS.get(code, FALLBACK_COLOR) if isinstance(code, str) else FALLBACK_COLOR


STATUS_COLORS = {"met": "#2e9d5b", "not_met": "#d64545", "no_data": "#8c8c8c"}
# A target's projection at its deadline: on track, at risk (moving, too slowly), off track, none.
PROJECTION_COLORS = {"on_track": "#2e9d5b", "at_risk": "#e9a23b", "off_track": "#d64545", "none": "#8c8c8c"}

# The unit in focus against its comparison traces, readable on both backgrounds.
SERIES_COLORS = {"focus": "#00b4d8", "leading_average": "#f4a261", "leader": "#9b5de5"}
# Peers beside the focus on a bump chart or radar: distinct from the focus colour and each other.
PEER_COLORS = (
    "#f4a261",
    "#9b5de5",
    "#2e9d5b",
    "#e76f51",
    "#f15bb5",
    "#8ac926",
    "#ffca3a",
    "#6a4c93",
    "#ff924c",
    "#43aa8b",
    "#c9184a",
    "#b5838d",
)
TREND_COLORS = {"up": "#2e9d5b", "down": "#d64545", "flat": "#8c8c8c"}

_THEME_INK = {
    "dark": {"text": "#e8edf5", "muted": "#9aa7b8", "grid": "rgba(255,255,255,0.14)"},
    "light": {"text": "#1d2733", "muted": "#5b6878", "grid": "rgba(0,0,0,0.12)"},
}


def pillar_color(code: str) -> str:
    return PILLAR_COLORS.get(code, FALLBACK_COLOR)


def ink(theme: str) -> dict[str, str]:
    return _THEME_INK.get(theme, _THEME_INK[DEFAULT_THEME])


def base_layout(theme: str, lang: str) -> dict:
    """Layout shared by every figure: transparent so the card's theme shows, the theme's ink."""
    colors = ink(theme)
    return {
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": FONT_FAMILY, "color": colors["text"], "size": CHART_TEXT},
        "separators": plotly_separators(lang),
        "margin": {"l": 40, "r": 40, "t": 30, "b": 30},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.05, "x": 0.5, "xanchor": "center"},
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
    }


def card_color(theme: str) -> str:
    """The cards' background in `theme` (assets' `--dti-card`): what a map's background and its borders take."""
    return "#111f31" if theme == "dark" else "#ffffff"


def map_style(theme: str) -> dict:
    """A tile-free MapLibre style whose only layer is the card's background colour.

    Like plotly's `white-bg` it fetches nothing (no sources, no glyphs), so maps work offline;
    unlike it, the dark theme does not get a white panel.
    """
    return {
        "version": 8,
        "sources": {},
        "layers": [{"id": "background", "type": "background", "paint": {"background-color": card_color(theme)}}],
    }


# One source that no layer draws and that fetches nothing: an empty collection, inline.
UNUSED_SOURCE = {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}}


def kept_map_style(theme: str, slots: Sequence[str]) -> dict:
    """`map_style` for a map redrawn in place (Plotly.react: another year or criterion), with one unused
    source and an empty, hidden layer per name in `slots`, bottom to top.

    Plotly drops a style's empty `sources` on react; the map then reloads its style and MapLibre refuses
    one without sources ("missing required property sources"). A style whose sources are not empty stays
    as it is.

    Each trace is drawn below a slot of its own (its `below`): traces sharing a `below` (all of them by
    default) have their layers removed and added again on every Plotly.react, to keep their order, and the
    map then re-tiles each of their sources; a trace with a `below` of its own keeps its layers."""
    style = map_style(theme)
    layers = [{"id": slot, "type": "background", "layout": {"visibility": "none"}} for slot in slots]
    return {**style, "sources": {"unused": UNUSED_SOURCE}, "layers": [*style["layers"], *layers]}
