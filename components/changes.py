"""The change against the previous year beside a figure: the change of value next to the change of
rank, on the overview and on a unit's page. Pure builders: a `Change` in, Dash components out."""

from __future__ import annotations

from dash import html

from components.formatting import format_number
from components.i18n import t
from components.theme import TREND_COLORS
from domain.changes import INDEX, HistoryChange
from domain.records import Change


def signed(value: float, decimals: int, lang: str) -> str:
    """ "+0,0123", "−4,50", "±0,00": a change always says its direction."""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + format_number(abs(value), decimals, lang)


def value_change_words(
    change: Change, previous_year: int | None, *, what: str, decimals: int, lang: str
) -> tuple[str, str, str] | None:
    """(words, detail, trend) of the value's change: ("Chỉ số DTI: +0,0123 so với 2021",
    "0,6262 → 0,6385", "up"), or why there is no change to show, with no detail and no trend (the
    year before has a rank only, or no value). None without a year before. The page and the unit's
    report say it alike."""
    if previous_year is None:
        return None
    delta = change.total_delta
    if delta is not None:
        trend = "up" if delta > 0 else "down" if delta < 0 else "flat"
        detail = t(
            "changes.value_detail",
            lang,
            previous=format_number(change.previous_total, decimals, lang),
            current=format_number(change.current_total, decimals, lang),
        )
        words = t("changes.value", lang, what=what, delta=signed(delta, decimals, lang), year=previous_year)
        return words, detail, trend
    if change.previous_total is None and change.previous_rank is not None:
        key = "changes.value_rank_only"
    elif change.previous_total is None:
        key = "changes.value_missing"
    else:
        key = "changes.value_now_missing"
    return t(key, lang, what=what, year=previous_year), "", ""


def value_change_line(
    change: Change,
    previous_year: int | None,
    *,
    what: str,
    decimals: int,
    lang: str,
    element_id: str,
) -> html.Div | None:
    """ "Chỉ số DTI: +0,0123 so với 2021 (0,6262 → 0,6385)", or why there is no change to show
    (the year before has a rank only, or no value). None without a year before."""
    said = value_change_words(change, previous_year, what=what, decimals=decimals, lang=lang)
    if said is None:
        return None
    words, detail, trend = said
    if trend:
        icon = {"up": "bi-caret-up-fill", "down": "bi-caret-down-fill", "flat": "bi-dash"}[trend]
        return html.Div(
            [
                html.I(className=f"bi {icon} me-1", style={"color": TREND_COLORS[trend]}),
                html.Span(words, className="value-change-words", style={"color": TREND_COLORS[trend]}),
                html.Span(f" ({detail})", className="value-change-detail"),
            ],
            className=f"kpi-sub value-change value-change-{trend}",
            id=element_id,
        )
    return html.Div(words, className="kpi-sub value-change text-muted", id=element_id)


def rank_change_words(change: Change, previous_year: int | None, *, lang: str) -> tuple[str, str] | None:
    """(words, trend): ("Hạng so với 2021: 9 → 12 (giảm 3 bậc)", "down"); None where either year has no rank."""
    places = change.rank_places
    if previous_year is None or places is None:
        return None
    if places > 0:
        trend, words = "up", t("overview.up", lang, n=places)
    elif places < 0:
        trend, words = "down", t("overview.down", lang, n=-places)
    else:
        trend, words = "flat", t("overview.flat", lang)
    text = t(
        "changes.rank",
        lang,
        year=previous_year,
        previous=change.previous_rank,
        current=change.current_rank,
        words=words,
    )
    return text, trend


def rank_change_line(change: Change, previous_year: int | None, *, lang: str, element_id: str) -> html.Div | None:
    """ "Hạng: 9 → 12 (giảm 3 bậc)" in the trend's colour; None where either year has no rank."""
    said = rank_change_words(change, previous_year, lang=lang)
    if said is None:
        return None
    text, trend = said
    return html.Div(
        text,
        className=f"kpi-sub rank-change-line rank-change-{trend}",
        style={"color": TREND_COLORS[trend]},
        id=element_id,
    )


def history_change_lines(history_change: HistoryChange, *, lang: str, id_prefix: str) -> list[html.Div]:
    """A unit's change of rank and, beside it, of value (index, points or share of the maximum)."""
    change, year = history_change.change, history_change.previous_year
    decimals = 4 if history_change.measure == INDEX else 2
    lines = [
        rank_change_line(change, year, lang=lang, element_id=f"{id_prefix}-rank-change"),
        value_change_line(
            change,
            year,
            what=t(f"changes.what_{history_change.measure}", lang),
            decimals=decimals,
            lang=lang,
            element_id=f"{id_prefix}-value-change",
        ),
    ]
    return [line for line in lines if line is not None]


def history_change_texts(history_change: HistoryChange, *, lang: str) -> list[tuple[str, str]]:
    """The same change as `history_change_lines`, as (sentence, trend) for a file: the rank's, then
    the value's with its two figures in brackets; the trend is "" where there is no change to show."""
    change, year = history_change.change, history_change.previous_year
    texts = []
    rank = rank_change_words(change, year, lang=lang)
    if rank is not None:
        texts.append(rank)
    value = value_change_words(
        change,
        year,
        what=t(f"changes.what_{history_change.measure}", lang),
        decimals=4 if history_change.measure == INDEX else 2,
        lang=lang,
    )
    if value is not None:
        words, detail, trend = value
        texts.append((f"{words} ({detail})" if detail else words, trend))
    return texts
