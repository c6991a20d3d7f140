"""The change against the previous year beside a figure: the change of value next to the change of
rank, on the overview and on a unit's page. Pure builders: a `Change` in, Dash components out."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from components.formatting import format_number, format_percent, format_points
from components.i18n import t
from components.theme import TREND_COLORS
from domain.changes import DOWN, INDEX, UP, HistoryChange
from domain.records import Change
from domain.text import localized_column

ARROWS = {UP: "▲", DOWN: "▼"}


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


def _trend_colour(trend: str) -> str:
    return TREND_COLORS["up" if trend == UP else "down" if trend == DOWN else "flat"]


def index_change_cell(row: pd.Series | dict, previous_year: int, lang: str) -> html.Span:
    """ "▲ +4,10 · +2,1": a main index's change in points and in percentage points of its maximum,
    in the trend's colour (the column's note names both units); the tooltip gives the year before's
    figures."""
    trend = row["trend"]
    title = t(
        "changes.index_title",
        lang,
        year=previous_year,
        previous=format_points(row["previous_points"], lang),
        previous_max=format_points(row["previous_max"], lang),
        previous_share=format_percent(row["previous_share"], 1, lang),
    )
    return html.Span(
        [
            f"{ARROWS.get(trend, '=')} {signed(row['points_change'], 2, lang)}",
            html.Span(f" · {signed(row['share_change'], 1, lang)}", className="index-change-pp"),
        ],
        className=f"index-change index-change-{trend}",
        style={"color": _trend_colour(trend)},
        title=title,
    )


def index_change_cells(changes: pd.DataFrame, previous_year: int | None, lang: str) -> dict[str, html.Span]:
    """Pillar code → its change cell, for the indices scored in both years."""
    if previous_year is None or changes.empty:
        return {}
    return {row["pillar_code"]: index_change_cell(row, previous_year, lang) for _, row in changes.iterrows()}


def index_changes_note(
    changes: pd.DataFrame,
    previous_year: int | None,
    previous_scored: bool,
    lang: str,
    *,
    element_id: str,
    link: object = None,
) -> html.Div:
    """One line on the main indices' change: against which year, or why there is none (no year
    before; the year before has no main-index points; no index scored in both years); `link`
    (the way to the units that rose and fell most) follows it."""
    if previous_year is None:
        text = t("changes.index_no_previous", lang)
    elif not previous_scored:
        text = t("changes.index_previous_unscored", lang, year=previous_year)
    elif changes.empty:
        text = t("changes.index_none_common", lang, year=previous_year)
    else:
        rose = int((changes["trend"] == UP).sum())
        fell = int((changes["trend"] == DOWN).sum())
        text = t("changes.index_summary", lang, year=previous_year, n=len(changes), up=rose, down=fell)
    return html.Div(
        [html.Span(text, id=f"{element_id}-text"), *([" ", link] if link is not None else [])],
        className="kpi-sub index-changes-note",
        id=element_id,
    )


def index_changes_table(changes: pd.DataFrame, previous_year: int, lang: str, *, element_id: str) -> html.Table:
    """Every main index scored in both years: both years' points and % of maximum, and the change."""
    names = localized_column(changes, "pillar_name", lang)
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("changes.index_header", lang)),
                html.Th(str(previous_year), className="num"),
                html.Th(t("changes.now", lang), className="num"),
                html.Th(t("changes.change", lang), className="num"),
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Td(name, className="pillar-name"),
                html.Td(
                    f"{format_points(row['previous_points'], lang)}/{format_points(row['previous_max'], lang)}"
                    f" ({format_percent(row['previous_share'], 1, lang)})",
                    className="num",
                ),
                html.Td(
                    f"{format_points(row['points'], lang)}/{format_points(row['max_points'], lang)}"
                    f" ({format_percent(row['share'], 1, lang)})",
                    className="num",
                ),
                html.Td(index_change_cell(row, previous_year, lang), className="num"),
            ],
            id=f"{element_id}-{row['pillar_code']}",
        )
        for (_, row), name in zip(changes.iterrows(), names, strict=True)
    ]
    return html.Table([head, html.Tbody(rows)], className="pillar-table index-changes-table", id=element_id)


def _mover_items(frame: pd.DataFrame, year: int, lang: str, kind: str) -> html.Ol:
    names = localized_column(frame, "unit_name", lang)
    items = []
    for (_, row), name in zip(frame.iterrows(), names, strict=True):
        places = row["rank_change"]
        rank = (
            "" if pd.isna(places) else t("changes.mover_places", lang, previous=row["previous_rank"], now=row["rank"])
        )
        trend = UP if row["share_change"] > 0 else DOWN
        items.append(
            html.Li(
                [
                    dcc.Link(name, href=f"/units/{row['unit_code']}?year={year}", className="mover-name"),
                    html.Span(
                        f" {ARROWS[trend]} " + t("changes.pp", lang, delta=signed(row["share_change"], 1, lang)),
                        style={"color": _trend_colour(trend)},
                        className="mover-change",
                    ),
                    html.Span(f" {rank}", className="mover-rank") if rank else None,
                ],
                className="mover-item",
            )
        )
    return html.Ol(items, className=f"mover-list mover-{kind}")


def movers_block(
    levels: list[tuple[str, int | None, bool, pd.DataFrame, pd.DataFrame]], year: int, lang: str, *, element_id: str
) -> html.Div:
    """Per level (level, previous year, scored this year, risers, fallers): who rose and fell most in
    % of the maximum, each a link to its page; or why a level has nothing to compare."""
    blocks = []
    for level, previous_year, scored, risers, fallers in levels:
        heading = html.Div(t(f"laggards.{level}", lang), className="laggards-level")
        if not scored:
            body = [html.Div(t("changes.movers_unscored", lang, year=year), className="text-muted")]
        elif previous_year is None:
            body = [html.Div(t("changes.movers_no_previous", lang), className="text-muted")]
        else:
            body = [
                html.Div(t("changes.movers_since", lang, year=previous_year), className="kpi-sub"),
                html.Div(t("changes.risers", lang), className="mover-heading"),
                _mover_items(risers, year, lang, "up")
                if not risers.empty
                else html.Div(t("changes.nobody", lang), className="text-muted"),
                html.Div(t("changes.fallers", lang), className="mover-heading"),
                _mover_items(fallers, year, lang, "down")
                if not fallers.empty
                else html.Div(t("changes.nobody", lang), className="text-muted"),
            ]
        blocks.append(html.Div([heading, *body], className="movers-level", id=f"{element_id}-{level}"))
    return html.Div(blocks, className="movers", id=element_id)
