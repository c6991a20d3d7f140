"""Numbers the Vietnamese way (`0,6385`, `1.034.667`, `73,12%`), English on request."""

from __future__ import annotations

import math
from collections.abc import Iterable

SEPARATORS = {"vi": (",", "."), "en": (".", ",")}


def plotly_separators(lang: str) -> str:
    """Plotly's `layout.separators`: the decimal mark, then the thousands mark."""
    decimal, thousands = SEPARATORS.get(lang, SEPARATORS["vi"])
    return decimal + thousands


def figure_text(text: object) -> str:
    """Text from the data (a unit's or a pillar's name) made safe for a plotly figure.

    Plotly reads a subset of HTML in every label, title, legend and hover (`<a href>`, `<b>`,
    `<br>`), so a name imported with markup in it would draw as a live link. Its angle brackets are
    written as entities, which plotly shows as typed. Every figure builder passes names through here
    (`wrap_label` does it for axis labels) and adds its own markup around the result.
    """
    return str(text).replace("<", "&lt;").replace(">", "&gt;")


def format_number(value: float | None, decimals: int = 0, lang: str = "vi", *, missing: str = "—") -> str:
    """`1034667` → `1.034.667`; `0.6385` with 4 decimals → `0,6385` (vi)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return missing
    decimal, thousands = SEPARATORS.get(lang, SEPARATORS["vi"])
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def format_percent(percent: float | None, decimals: int = 2, lang: str = "vi", *, missing: str = "—") -> str:
    """A value already in percent (`73.12`) → `73,12%`."""
    text = format_number(percent, decimals, lang, missing=missing)
    return text if text == missing else f"{text}%"


def format_points(points: float | None, lang: str = "vi") -> str:
    """Points as printed in the sources: up to two decimals, no trailing zeros (`80`, `72,64`)."""
    if points is None or (isinstance(points, float) and math.isnan(points)):
        return "—"
    text = format_number(points, 2, lang)
    decimal = SEPARATORS.get(lang, SEPARATORS["vi"])[0]
    return text.rstrip("0").rstrip(decimal) if decimal in text else text


def format_points_column(values: Iterable[float | None], lang: str = "vi") -> list[str]:
    """A column of points in one precision, as the sources print a table: two decimals for every value
    when any has a fraction (`687,20` above `669,12`, never `687,2`), none when all are whole (`145`)."""
    values = list(values)
    fractional = any(value is not None and not math.isnan(value) and round(value, 2) % 1 for value in values)
    return [format_number(value, 2, lang) if fractional else format_points(value, lang) for value in values]


def format_rank(rank: int | None, rank_of: int | None) -> str:
    """`12/63`; just `12` when the field size is unknown."""
    if rank is None:
        return "—"
    return f"{rank}/{rank_of}" if rank_of else str(rank)
