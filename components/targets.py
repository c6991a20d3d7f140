"""The targets page's pieces: one gauge per target, the status summary, the figures sources disagree on.

Pure functions: frames and rows in, SVG gauges and Dash components out. Values are shown as
printed, including above 100% (196,01%): a gauge's axis stretches to hold the value rather than
capping it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

import pandas as pd
from dash import dcc, html

from components.citations import cite, readable_citation
from components.formatting import format_number, format_points
from components.i18n import TEXT, t
from components.static_html import StaticHtml, element_html
from components.theme import CHART_TICK, PROJECTION_COLORS, STATUS_COLORS, ink, pillar_color
from domain.clock import day_month_year

COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}
PERCENT = "%"
# A gauge's drawing box (its SVG's viewBox, drawn 150 px high in any card): a half ring of radius
# GAUGE_RADIUS whose centre sits GAUGE_FOOT above the bottom, the band from GAUGE_INNER of the radius,
# the bar GAUGE_BAR of the band's width.
GAUGE_VIEW = (320, 150)
GAUGE_RADIUS = 118
GAUGE_FOOT = 8
GAUGE_INNER = 0.64
GAUGE_BAR = 0.55
# Gauge ticks closer than this share of the axis would print on top of each other.
TICK_MIN_GAP = 0.14
EXPORT_LANGUAGE = "vi"


def _number(value: object) -> float | None:
    """A figure from a frame cell, None where the cell is empty (None or NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def figure_value(value: float | None, unit: str, lang: str) -> str:
    """A figure as printed, in the reader's number format: `196,01%`, `1.807.571`, `hạng 4`, `3,4 tỷ đồng`."""
    if value is None:
        return "—"
    number = format_points(value, lang)
    if unit == PERCENT:
        return f"{number}%"
    if unit == "rank":
        return t("targets.value_rank", lang, value=number)
    if unit in ("", "count"):
        return number
    return f"{number} {unit}"


def figure_basis(numerator: float | None, denominator: float | None, period: str, lang: str) -> str:
    """What a figure rests on: `645.103 / 1.034.667 · 2023-06` (the counts, where printed, and the date)."""
    parts = []
    if numerator is not None and denominator is not None:
        parts.append(f"{format_points(numerator, lang)} / {format_points(denominator, lang)}")
    if period:
        parts.append(period)
    return " · ".join(parts)


def target_line(target_value: float, comparator: str, unit: str, lang: str) -> str:
    """ "Mục tiêu ≥ 70%", with the plan's own comparator."""
    sign = COMPARATOR_SIGNS.get(comparator, comparator)
    return t("targets.target_line", lang, comparator=sign, value=figure_value(target_value, unit, lang))


def gauge_axis_max(actual: float | None, target: float, unit: str = PERCENT) -> float:
    """The gauge's end: 100 for a rate, stretched to the next ten when the value or target exceeds it."""
    largest = max(v for v in (actual, target) if v is not None)
    floor = 100.0 if unit == PERCENT else 0.0
    if largest <= floor:
        return floor
    return float(math.ceil(largest / 10) * 10)


def gauge_ticks(target: float, axis_max: float) -> list[float]:
    """Tick values that read apart: the target first, then the axis end, 100 and 0 where there is room."""
    ticks: list[float] = []
    for candidate in (target, axis_max, 100.0, 0.0):
        if 0 <= candidate <= axis_max and all(abs(candidate - tick) >= TICK_MIN_GAP * axis_max for tick in ticks):
            ticks.append(candidate)
    return sorted(ticks)


def gauge_svg(row: Mapping, *, theme: str, lang: str) -> str:
    """One target as a gauge, written as SVG: the bar is the actual figure in its status colour, the line
    across the band the target, the part above 100% of a rate shaded. Drawn by the browser as it is:
    twenty-eight plotly gauges took most of the time a filter change on /targets took.

    `row` has `actual`, `actual_unit`, `target_value`, `target_unit`, `status`. The number keeps up to
    two decimals as printed; without an actual the gauge shows the target and a dash. The figures are
    also the root's `data-` attributes, for whoever reads the page by script (its tests)."""
    actual = _number(row["actual"])
    target = float(row["target_value"])
    unit = _text(row.get("actual_unit")) or _text(row["target_unit"])
    colors = ink(theme)
    status_color = STATUS_COLORS[row["status"]]
    axis_max = gauge_axis_max(actual, target, unit)
    width, height = GAUGE_VIEW
    cx, cy, outer = width / 2, height - GAUGE_FOOT, GAUGE_RADIUS
    inner = outer * GAUGE_INNER
    middle, band = (outer + inner) / 2, outer - inner

    def point(value: float, radius: float) -> tuple[float, float]:
        angle = math.pi * (1 - min(max(value, 0.0), axis_max) / axis_max)
        return cx + radius * math.cos(angle), cy - radius * math.sin(angle)

    def sector(start: float, stop: float, low: float, high: float, **attributes: str) -> str:
        (x1, y1), (x2, y2) = point(start, high), point(stop, high)
        (x3, y3), (x4, y4) = point(stop, low), point(start, low)
        path = (
            f"M{x1:.2f},{y1:.2f} A{high:.2f},{high:.2f} 0 0 1 {x2:.2f},{y2:.2f} "
            f"L{x3:.2f},{y3:.2f} A{low:.2f},{low:.2f} 0 0 0 {x4:.2f},{y4:.2f} Z"
        )
        return _svg("path", d=path, **attributes)

    shapes = [sector(0, axis_max, inner, outer, fill="none", stroke=colors["grid"])]
    if unit == PERCENT and axis_max > 100:
        shapes.append(sector(100, axis_max, inner, outer, fill=colors["grid"], **{"class": "gauge-over"}))
    if actual is not None and actual > 0:
        half = band * GAUGE_BAR / 2
        shapes.append(sector(0, actual, middle - half, middle + half, fill=status_color, **{"class": "gauge-bar"}))
    for value in gauge_ticks(target, axis_max):
        (x1, y1), (x2, y2) = point(value, outer), point(value, outer + 5)
        lx, ly = point(value, outer + 9)
        anchor = "end" if value == 0 else "start" if value == axis_max else "middle"
        shapes.append(
            _svg("line", x1=f"{x1:.2f}", y1=f"{y1:.2f}", x2=f"{x2:.2f}", y2=f"{y2:.2f}", stroke=colors["muted"])
        )
        shapes.append(
            _svg(
                "text",
                format_points(value, lang),
                x=f"{lx:.2f}",
                y=f"{min(ly, cy):.2f}",
                fill=colors["muted"],
                **{"class": "gauge-tick", "text-anchor": anchor, "font-size": str(CHART_TICK)},
            )
        )
    (x1, y1), (x2, y2) = point(target, middle - band * 0.45), point(target, middle + band * 0.45)
    shapes.append(
        _svg(
            "line",
            x1=f"{x1:.2f}",
            y1=f"{y1:.2f}",
            x2=f"{x2:.2f}",
            y2=f"{y2:.2f}",
            stroke=colors["text"],
            **{"class": "gauge-target", "stroke-width": "4"},
        )
    )
    shapes.append(
        _svg(
            "text",
            figure_value(actual, unit, lang),
            x=f"{cx:.2f}",
            y=f"{cy - 4:.2f}",
            fill=status_color if actual is not None else colors["muted"],
            **{"class": "gauge-number", "text-anchor": "middle", "font-size": "30"},
        )
    )
    label = f"{figure_value(actual, unit, lang)} · {target_line(target, row['comparator'], unit, lang)}"
    return _svg(
        "svg",
        inner="".join(shapes),
        viewBox=f"0 0 {width} {height}",
        role="img",
        **{
            "class": "target-gauge-svg",
            "aria-label": label,
            "data-value": "" if actual is None else repr(actual),
            "data-target": repr(target),
            "data-max": repr(axis_max),
        },
    )


def _svg(tag: str, text: str = "", *, inner: str = "", **attributes: str) -> str:
    """An SVG element: its attributes, and either its `text` (escaped) or `inner`, elements already written."""
    return element_html(tag, attributes, inner or escape(text, quote=False))


def section_label(pillar_code: str, lang: str, pillar_names: Mapping[str, Mapping[str, str]]) -> str:
    """The plan's own section name (Hạ tầng số, Chính quyền số…), else the framework's pillar name."""
    key = f"targets.section.{pillar_code}"
    if key in TEXT:
        return t(key, lang)
    names = pillar_names.get(pillar_code)
    if not names:
        return pillar_code
    return names.get(lang) or names["vi"]


def status_badge(status: str, lang: str) -> html.Span:
    return html.Span(
        t(f"targets.status.{status}", lang),
        className=f"target-status target-status-{status}",
        style={"backgroundColor": STATUS_COLORS[status]},
    )


def _notes(row: Mapping) -> list[str]:
    """The figure's note and the target's, each once (they are often the same text)."""
    return [note for note in dict.fromkeys([_text(row.get("actual_note")), _text(row.get("note"))]) if note]


def data_note(note: str, lang: str) -> html.Details:
    """A transcription note behind a small "ⓘ" toggle: the note is data kept verbatim (in English),
    so it must stay reachable, but it is not the page's reading text. The caption says why it is English.
    """
    return html.Details(
        [
            html.Summary(t("targets.data_note", lang), className="data-note-toggle", title=note),
            html.Div(
                [
                    html.Div(t("targets.data_note_caption", lang), className="data-note-caption"),
                    html.Div(note, className="data-note-text", lang="en"),
                ],
                className="data-note-body",
            ),
        ],
        className="data-note",
    )


def projection_badge(status: str, lang: str) -> html.Span:
    return html.Span(
        t(f"targets.projection.{status}", lang),
        className=f"target-projection-badge target-projection-{status}",
        style={"backgroundColor": PROJECTION_COLORS[status]},
    )


def projection_block(row: Mapping, lang: str) -> html.Div:
    """The target's projection at the deadline and what it rests on, or why there is none.

    The line is named for what it is ("tuyến tính từ 2 số liệu (2022, 2023-06)") so nobody reads
    it as a model; figures from different reports are flagged, as they may count differently.
    """
    status = row["projection_status"]
    basis = row.get("projection_basis") or ()
    periods = ", ".join(period for period, _value, _source in basis)
    unit = _text(row.get("actual_unit")) or _text(row["target_unit"])
    if status == "none":
        text = t(f"targets.projection_reason.{row['projection_reason']}", lang, periods=periods)
        return html.Div(text, className="target-projection target-projection-none")
    children = [
        projection_badge(status, lang),
        html.Span(
            t(
                "targets.projection_line",
                lang,
                deadline=day_month_year(row["projection_deadline"]),
                value=figure_value(_number(row["projected_value"]), unit, lang),
            ),
            className="target-projection-value",
        ),
        html.Div(
            t("targets.projection_basis", lang, n=len(basis), periods=periods), className="target-projection-basis"
        ),
    ]
    if row.get("projection_mixed"):
        children.append(html.Div(t("targets.projection_mixed", lang), className="target-projection-mixed"))
    return html.Div(children, className=f"target-projection target-projection-{status}")


def projection_counts(statuses: pd.Series) -> dict[str, int]:
    """How many targets project to each status, every status present (zero included)."""
    counted = statuses.value_counts()
    return {status: int(counted.get(status, 0)) for status in PROJECTION_COLORS}


def listed_twice(targets: pd.DataFrame, section_labels: Mapping[str, str]) -> list[tuple[dict, str]]:
    """Each target the plan lists twice, as its second listing's row, with the sections it sits under
    ("Hạ tầng số / Xã hội số"): what `/targets` and the deck say of it."""
    twins = []
    for row in targets[targets["twin_of"] != ""].to_dict("records"):
        first = targets[targets["target_code"] == row["twin_of"]].iloc[0]
        twins.append((row, " / ".join(section_labels.get(c, c) for c in (first["pillar_code"], row["pillar_code"]))))
    return twins


def counted_once_note(targets: pd.DataFrame, *, lang: str, section_labels: Mapping[str, str]) -> list[html.Div]:
    """One line per target the plan lists twice: its name and the sections it sits under."""
    return [
        html.Div(
            t("targets.counted_once", lang, name=row["name_vi"], sections=sections),
            className="targets-counted-once",
            id=f"targets-counted-once-{row['target_code']}",
        )
        for row, sections in listed_twice(targets, section_labels)
    ]


def risk_list(risky: pd.DataFrame, *, lang: str, href: str, limit: int | None = None) -> html.Div:
    """The targets projected to miss, worst first: a compact list for the overview, each a link.

    `risky` is already counted once and ordered (data_access.targets.at_risk). Each line: the
    projection status, the target, now → projected against the target.
    """
    if risky.empty:
        return html.Div(t("targets.risk_none", lang), className="risk-list-empty", id="overview-risk-none")
    shown = risky if limit is None else risky.head(limit)
    lines = []
    for row in shown.to_dict("records"):
        unit = _text(row.get("actual_unit")) or _text(row["target_unit"])
        sign = COMPARATOR_SIGNS.get(row["comparator"], row["comparator"])
        figures = (
            f"{figure_value(_number(row['actual']), unit, lang)} → "
            f"{figure_value(_number(row['projected_value']), unit, lang)} "
            f"({sign} {figure_value(float(row['target_value']), row['target_unit'], lang)})"
        )
        lines.append(
            dcc.Link(
                [
                    html.Span(
                        t(f"targets.projection.{row['projection_status']}", lang),
                        className="risk-status",
                        style={"color": PROJECTION_COLORS[row["projection_status"]]},
                    ),
                    html.Span(row["name_vi"], className="risk-name", title=row["name_vi"]),
                    html.Span(figures, className="risk-figures"),
                ],
                href=f"{href}#targets-card-{row['target_code']}",
                className="risk-line",
                id=f"overview-risk-{row['target_code']}",
            )
        )
    more = len(risky) - len(shown)
    if more > 0:
        lines.append(dcc.Link(f"+{format_number(more, lang=lang)}", href=href, className="risk-more"))
    return html.Div(lines, className="risk-list", id="overview-risk-list")


def _other_figure_lines(others: pd.DataFrame, lang: str, titles: Mapping[str, str]) -> list[html.Div]:
    return [
        html.Div(
            [
                html.Span(f"{t('targets.other_source', lang)}: ", className="target-other-label"),
                html.Span(figure_value(_number(o.value), o.value_unit, lang), className="target-other-value"),
                html.Span(
                    " · "
                    + " · ".join(
                        p
                        for p in (
                            figure_basis(_number(o.numerator), _number(o.denominator), o.period, lang),
                            readable_citation(o.source, titles),
                        )
                        if p
                    )
                ),
            ],
            className="target-other",
            title=_text(o.note),
        )
        for o in others.itertuples()
    ]


def target_card(
    row: Mapping,
    *,
    others: pd.DataFrame,
    theme: str,
    lang: str,
    titles: Mapping[str, str],
    twin_section: str = "",
) -> html.Div:
    """A target's gauge with everything a reader needs to trust it: status, target, the counts and
    date behind the figure, its projection at the deadline, other sources' figures for the same
    indicator, the notes and the source. `twin_section` names the plan section where the same
    target is listed first (it counts once).
    """
    code = row["target_code"]
    actual = _number(row["actual"])
    unit = _text(row.get("actual_unit")) or _text(row["target_unit"])
    head = [html.Div(row["name_vi"], className="target-name", title=row["name_vi"])]
    if _text(row.get("level_detail")):
        head.append(html.Span(row["level_detail"], className="target-part"))
    if actual is None:
        basis = t("targets.no_actual", lang)
    else:
        basis = figure_basis(_number(row.get("numerator")), _number(row.get("denominator")), _text(row["period"]), lang)
    body = [
        html.Div(head, className="target-card-head"),
        StaticHtml(html=gauge_svg(row, theme=theme, lang=lang), id=f"targets-gauge-{code}", className="target-gauge"),
        html.Div(
            [
                status_badge(row["status"], lang),
                html.Span(target_line(row["target_value"], row["comparator"], unit, lang)),
            ],
            className="target-status-row",
        ),
        html.Div(basis, className="target-basis"),
    ]
    # Without any figure the basis line already says so; the projection has nothing to add.
    if "projection_status" in row and row.get("projection_reason") != "no_observation":
        body.append(projection_block(row, lang))
    if twin_section:
        body.append(html.Div(t("targets.twin_card", lang, section=twin_section), className="target-twin"))
    notes = _notes(row)
    if actual is not None and unit == PERCENT and actual > 100:
        key = "targets.over_100_see_note" if notes else "targets.over_100"
        body.append(html.Div(t(key, lang), className="target-over"))
    body.extend(_other_figure_lines(others, lang, titles))
    if notes:
        body.append(data_note(" — ".join(notes), lang))
    source = cite(t("common.source", lang), [row["source"], _text(row.get("actual_source"))], titles)
    body.append(html.Div(source, className="source-note target-source", title=source))
    return html.Div(
        body,
        id=f"targets-card-{code}",
        className=f"ioc-card target-card target-card-{row['status']}",
        style={"borderTopColor": STATUS_COLORS[row["status"]]},
    )


def summary_strip(
    counts: Mapping[str, int],
    *,
    shown: int,
    total: int,
    lang: str,
    hrefs: Mapping[str, str],
    active: str | None = None,
    projections: Mapping[str, int] | None = None,
    notes: Sequence = (),
) -> html.Div:
    """The plan's status totals, whatever the filters (they add up to `total`, each target once);
    the filter is said apart ("đang hiển thị 10 / 28 chỉ tiêu"). Each tile links to its status
    filter (`hrefs`), the active tile back to no status filter. `projections` counts the targets by
    their projection at the deadline; `notes` say which targets the plan lists twice.
    """
    items = [
        dcc.Link(
            [
                html.Div(str(counts[status]), className="targets-count", style={"color": STATUS_COLORS[status]}),
                html.Div(t(f"targets.status.{status}", lang), className="targets-count-label"),
            ],
            href=hrefs[status],
            id=f"targets-count-{status}",
            title=t("targets.tile_clear" if status == active else "targets.tile_filter", lang),
            className=f"ioc-card targets-summary-item targets-summary-{status}"
            + (" targets-summary-active" if status == active else ""),
            style={"borderLeftColor": STATUS_COLORS[status]},
        )
        for status in counts
    ]
    items.append(
        html.Div(
            [
                html.Div(t("targets.summary_plan", lang, total=total), className="targets-summary-plan"),
                html.Div(t("targets.summary_shown", lang, shown=shown, total=total), id="targets-shown"),
                *(
                    [html.Div(t("targets.projection_summary", lang, **projections), id="targets-projection-summary")]
                    if projections is not None
                    else []
                ),
                *notes,
            ],
            className="targets-summary-total",
        )
    )
    return html.Div(items, className="targets-summary", id="targets-summary")


def pillar_section(pillar_code: str, label: str, cards: Sequence, counts: Mapping[str, int], lang: str) -> html.Section:
    """A plan section (a pillar) with its gauges in a grid that wraps to the screen's width."""
    return html.Section(
        [
            html.H2(
                [
                    html.Span(className="pillar-swatch", style={"background": pillar_color(pillar_code)}),
                    html.Span(label),
                    html.Span(t("targets.section_counts", lang, **counts), className="targets-section-counts"),
                ],
                className="targets-section-title",
            ),
            html.Div(list(cards), className="targets-grid"),
        ],
        id=f"targets-section-{pillar_code}",
        className="targets-section",
    )


def _disagreement_figure(row, lang: str, titles: Mapping[str, str]) -> html.Div:
    children = [
        html.Div(figure_value(_number(row.value), row.value_unit, lang), className="disagreement-value"),
        html.Div(
            figure_basis(_number(row.numerator), _number(row.denominator), row.period, lang),
            className="disagreement-basis",
        ),
    ]
    if row.target_code:
        children.append(html.Div(t("targets.plan_figure", lang), className="disagreement-plan"))
    source = readable_citation(row.source, titles)
    children.append(html.Div(f"{t('common.source', lang)}: {source}", className="disagreement-source"))
    if _text(row.note):
        children.append(data_note(row.note, lang))
    return html.Div(children, className="disagreement-figure")


def disagreement_cards(frame: pd.DataFrame, *, lang: str, titles: Mapping[str, str]) -> html.Div:
    """One card per indicator, its figures side by side, each with its date, source and note.

    `frame` is `data_access.targets.source_disagreements` (rows of one indicator together).
    """
    if frame.empty:
        return html.Div(t("targets.disagreements_none", lang), className="empty-inline")
    cards = []
    for code, rows in frame.groupby("indicator_code", sort=False):
        cards.append(
            html.Div(
                [
                    html.Div(rows["name_vi"].iloc[0], className="disagreement-name"),
                    html.Div(
                        [_disagreement_figure(row, lang, titles) for row in rows.itertuples()],
                        className="disagreement-figures",
                    ),
                ],
                id=f"targets-disagreement-{code}",
                className="ioc-card disagreement-card",
            )
        )
    return html.Div(cards, className="disagreement-grid", id="targets-disagreement-list")


def _header(key: str) -> str:
    return t(f"targets.col.{key}", EXPORT_LANGUAGE)


def targets_export(
    frame: pd.DataFrame, *, section_labels: Mapping[str, str], titles: Mapping[str, str]
) -> pd.DataFrame:
    """The targets as shown, with Vietnamese headers and readable sources, for CSV and Excel: named as
    the plan names them, never by the database's codes."""
    return pd.DataFrame(
        {
            _header("pillar"): [section_labels.get(c, c) for c in frame["pillar_code"]],
            _header("target"): frame["name_vi"],
            _header("part"): frame["level_detail"].fillna(""),
            _header("comparator"): frame["comparator"],
            _header("target_value"): frame["target_value"],
            _header("unit"): frame["target_unit"],
            _header("actual"): frame["actual"],
            _header("numerator"): frame["numerator"],
            _header("denominator"): frame["denominator"],
            _header("period"): frame["period"].fillna(""),
            _header("status"): [t(f"targets.status.{s}", EXPORT_LANGUAGE) for s in frame["status"]],
            _header("projection"): frame["projected_value"],
            _header("projection_status"): [
                t(f"targets.projection.{s}", EXPORT_LANGUAGE) for s in frame["projection_status"]
            ],
            _header("source"): [
                "; ".join(readable_citation(c, titles) for c in dict.fromkeys([s, _text(a)]) if c)
                for s, a in zip(frame["source"], frame["actual_source"], strict=True)
            ],
            _header("note"): [" — ".join(_notes(row)) for row in frame.to_dict("records")],
        }
    )


def disagreements_export(
    frame: pd.DataFrame, *, titles: Mapping[str, str], target_names: Mapping[str, str]
) -> pd.DataFrame:
    """Every figure of the indicators the sources disagree on, with Vietnamese headers; the plan's
    target each figure answers to by its name."""
    return pd.DataFrame(
        {
            _header("indicator"): frame["name_vi"],
            _header("value"): frame["value"],
            _header("unit"): frame["value_unit"],
            _header("numerator"): frame["numerator"],
            _header("denominator"): frame["denominator"],
            _header("period"): frame["period"],
            _header("plan_target"): [
                target_names.get(code, code) if isinstance(code, str) else "" for code in frame["target_code"]
            ],
            _header("source"): [readable_citation(s, titles) for s in frame["source"]],
            _header("note"): frame["note"].fillna(""),
        }
    )


def plan_heading(plans: pd.DataFrame, *, year: int, unit_name: str, lang: str, titles: Mapping[str, str]) -> list:
    """The plans' codes, the year and the unit as the page's title, the plans' full titles and sources.

    In English a note says the targets keep the plan's own (Vietnamese) names: the data has no others.
    """
    codes = ", ".join(plans["code"]) or "—"
    children = [
        html.H1(
            t("targets.heading", lang, plan=codes, year=year, unit=unit_name),
            className="page-heading",
            id="targets-title",
        ),
        html.Div(" · ".join(plans["title_vi"]), className="targets-plan-title"),
        html.Div(cite(t("common.source", lang), plans["source"], titles), className="source-note"),
    ]
    if lang == "en":
        children.append(
            html.Div(t("targets.names_in_vietnamese", lang), id="targets-lang-note", className="targets-lang-note")
        )
    return children
