"""One unit's report as slides (the PDF prints two to an A4 page, the PowerPoint one per slide), and
the unit page's report links.

Pure builders of a `UnitReport`: the figures are the unit page's own (`pillar_radar`, `pillar_bars`,
the deck's `points_lost_figure`), its comparisons are the page's (`radar_comparisons`: the level's
best unit by name, or unnamed for a unit head), and the slides are the deck's `Slide`s, so the deck's
renderers (`exports/`) lay them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components.caveats import flagged_labels
from components.changes import history_change_texts
from components.citations import cite
from components.figures import pillar_radar
from components.formatting import format_number, format_percent, format_points, format_rank
from components.i18n import t
from components.rankings import group_name
from components.slides import (
    Fact,
    Slide,
    Table,
    caveat_bullets,
    format_date,
    recommendations_slide,
)
from components.units import pillar_bars, radar_comparisons, reconciliation_texts, total_text
from domain.records import UnitSummary
from domain.text import localized, localized_column
from domain.unit_report import UnitReport

# The theme of a report's charts: paper is white.
REPORT_THEME = "light"
REPORT_FORMATS = ("pdf", "pptx")
# Type on a report's charts: half a slide's width on an A4 page, so smaller than the deck's.
REPORT_FONT_SIZE = 15


def unit_name(summary: UnitSummary, lang: str) -> str:
    return localized(summary.info, "name", lang)


def report_title(report: UnitReport, lang: str) -> str:
    """The files' document title: "Sở Y tế — Báo cáo Chỉ số chuyển đổi số (DTI) năm 2022"."""
    return f"{unit_name(report.summary, lang)} — {t('report.title', lang, year=report.summary.year)}"


def _report_figure(figure: go.Figure) -> go.Figure:
    """A page figure for a report's chart box: filling the box, type readable on paper."""
    figure.update_layout(height=None, autosize=True, font={"size": REPORT_FONT_SIZE})
    return figure


def result_facts(summary: UnitSummary, lang: str) -> tuple[Fact, ...]:
    """Total of the maximum, rank in the level, group (toned by its code) and the points missing for
    the next group: the unit page's four cards, worded as they are."""
    shown = summary.result.shown
    share = (
        t("units.total_share", lang, share=format_percent(shown.total / shown.max_total * 100, 2, lang))
        if shown.total is not None and shown.max_total
        else t("units.total_unknown", lang)
    )
    published = summary.result.published
    if published is not None and published.total is not None and published.max_total == 1:
        share += " · " + t("units.published_index", lang, value=format_number(published.total, 4, lang))
    rank_sub = t(
        "units.rank_sub",
        lang,
        rank=shown.rank if shown.rank is not None else "—",
        n=shown.rank_of or "—",
        level=t(f"units.level_phrase.{summary.info.kind}", lang),
    )
    facts = [
        Fact(f"{t('units.total', lang)} {summary.year}", total_text(shown.total, shown.max_total, lang), share),
        Fact(t("units.rank", lang), format_rank(shown.rank, shown.rank_of), rank_sub),
    ]
    next_group = summary.next_group
    group = shown.group or (next_group.current if next_group else None)
    bound = next((th for th in summary.thresholds if th.group == group), None)
    code = shown.group_code or (bound.code if bound else None) or ""
    bound_text = (
        t(
            "units.group_bound",
            lang,
            share=format_percent(bound.min_share * 100, 0, lang),
            points=format_points(bound.min_share * shown.max_total, lang),
        )
        if bound is not None and shown.max_total
        else t("units.no_group", lang, year=summary.year)
        if not summary.thresholds
        else ""
    )
    facts.append(Fact(t("units.group", lang), group_name(group, code, lang) or "—", bound_text, code))
    if next_group is not None and next_group.group is not None:
        next_code = next((th.code for th in summary.thresholds if th.group == next_group.group), None)
        next_name = group_name(next_group.group, next_code, lang)
        facts.append(
            Fact(
                t("units.next", lang, group=next_name),
                t("units.next_value", lang, points=format_points(next_group.missing_points, lang)),
                t(
                    "units.next_sub",
                    lang,
                    group=next_name,
                    share=format_percent(next_group.min_share * 100, 0, lang),
                    target=format_points(next_group.target_points, lang),
                ),
            )
        )
    elif next_group is not None:
        facts.append(Fact(t("units.top", lang), t("units.top_value", lang), t("units.top_sub", lang, group=group)))
    return tuple(facts)


def change_bullets(report: UnitReport, lang: str) -> tuple[str, ...]:
    """The change of rank and value against the latest earlier year, or that there is none to compare."""
    said = tuple(text for text, _trend in history_change_texts(report.change, lang=lang))
    return said or (t("report.no_previous", lang, year=report.summary.year),)


def _pillars(report: UnitReport, lang: str) -> pd.DataFrame:
    """The unit's pillars with their labels, flagged (*) where attributed by inference, as on the page."""
    pillars = report.summary.pillars
    names = localized_column(pillars, "pillar_name", lang)
    return pillars.assign(label=flagged_labels(pillars["pillar_code"], names, report.caveats.inferred_codes))


def result_slide(report: UnitReport, *, lang: str, titles: Mapping[str, str], name_holders: bool) -> Slide:
    """The four figures of the unit page's cards, its radar against the level, the change since the year before."""
    summary = report.summary
    name = unit_name(summary, lang)
    info = summary.info
    parent = t("report.parent", lang, parent=localized(info, "parent_name", lang)) if info.parent_code else ""
    citations = [summary.result.shown.source]
    figure = None
    if not summary.pillars.empty:
        pillars = _pillars(report, lang)
        traces, best_sources = radar_comparisons(summary, lang=lang, name_holders=name_holders)
        citations += [*pillars["source"], *best_sources]
        figure = pillar_radar(pillars, traces, focus_label=name, theme=REPORT_THEME, lang=lang, show_legend=True)
        figure = _report_figure(figure)
        figure.update_layout(
            legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.14, "yanchor": "top"},
            margin={"l": 110, "r": 110, "t": 30, "b": 100},
        )
    bullets = (*change_bullets(report, lang), *reconciliation_texts(summary.result, lang))
    # Without pillar points, the years take the radar's place (the change since the year before is said
    # under the radar otherwise, and the unit page draws the whole history).
    history = summary.history
    table = history_table(history, lang) if figure is None else None
    citations += list(history["source"]) if table is not None else []
    if summary.pillars.empty:
        bullets = (*bullets, t("report.no_pillars", lang, unit=name, year=summary.year))
    return Slide(
        "result",
        t("report.result_title", lang, unit=name, year=summary.year),
        subtitle=t("report.result_subtitle", lang, level=t(f"level.{info.kind}", lang), parent=parent),
        facts=result_facts(summary, lang),
        figure=figure,
        table=table,
        bullets=bullets,
        source=cite(t("common.source", lang), citations, titles),
        notes=" ".join(f"{f.label}: {f.value}." for f in result_facts(summary, lang)) + " " + " ".join(bullets),
    )


def pillar_table(pillars: pd.DataFrame, lang: str) -> Table:
    """Every value the radar and the bars draw, written out: points of the maximum, share, the level's
    highest and median points, and the points lost."""
    rows = tuple(
        (
            row.label,
            f"{format_points(row.points, lang)}/{format_points(row.max_points, lang)}",
            format_percent(row.share * 100, 1, lang),
            format_points(row.best_points, lang),
            format_points(row.median_points, lang),
            f"−{format_points(row.lost, lang)}" if row.lost > 0 else "0",
        )
        for row in pillars.itertuples()
    )
    headers = tuple(t(f"report.col_{key}", lang) for key in ("pillar", "points", "share", "best", "median", "lost"))
    return Table(headers, rows, ("left", "right", "right", "right", "right", "right"))


def pillars_slide(report: UnitReport, *, lang: str, titles: Mapping[str, str], name_holders: bool) -> Slide:
    """The unit page's bars (points over the maximum, the level's highest and median marked) and their values."""
    pillars = _pillars(report, lang)
    figure = _report_figure(pillar_bars(pillars, theme=REPORT_THEME, lang=lang, name_holders=name_holders))
    lost, maximum = (
        format_points(float(pillars["lost"].sum()), lang),
        format_points(float(pillars["max_points"].sum()), lang),
    )
    largest = report.summary.lost
    return Slide(
        "pillars",
        t("report.pillars_title", lang),
        subtitle=t("report.pillars_subtitle", lang, lost=lost, max=maximum),
        figure=figure,
        table=pillar_table(pillars, lang),
        bullets=caveat_bullets(report.caveats, lang),
        source=cite(t("common.source", lang), report.summary.pillars["source"], titles),
        notes=t("units.lost_total", lang, lost=lost, max=maximum)
        + " "
        + " ".join(
            f"{localized(r, 'pillar_name', lang)}: −{format_points(r.lost, lang)}."
            for r in largest.itertuples()
            if r.lost > 0
        ),
    )


def history_table(history: pd.DataFrame, lang: str) -> Table:
    """The unit's total, rank and group of each year (the unit page's history table), groups toned."""
    rows, tones = [], []
    for row in history.itertuples():
        rank = None if pd.isna(row.rank) else int(row.rank)
        rank_of = None if pd.isna(row.rank_of) else int(row.rank_of)
        total = None if pd.isna(row.total) else float(row.total)
        code = row.group_code if isinstance(row.group_code, str) else ""
        group = group_name(row.group, code, lang) if isinstance(row.group, str) else None
        rows.append((str(row.year), total_text(total, row.max_total, lang), format_rank(rank, rank_of), group or "—"))
        tones.append(code)
    headers = tuple(t(f"units.col_{key}", lang) for key in ("year", "total", "rank", "group"))
    return Table(headers, tuple(rows), ("left", "right", "right", "left"), tones=tuple(tones), tone_column=3)


def report_slides(
    report: UnitReport, *, lang: str, titles: Mapping[str, str], today: date, name_holders: bool
) -> list[Slide]:
    """The report in order: the result (with the years), the pillars and their points lost, the
    recommendations when there are any (a unit without pillar points has the result slide only): two
    A4 pages at most, two charts (both the unit page's). `name_holders` as on
    the unit page: False for a unit head, whose comparisons name no other unit."""
    summary = report.summary
    first = result_slide(report, lang=lang, titles=titles, name_holders=name_holders)
    first = first._replace(source=f"{first.source} · {format_date(today, lang)}" if first.source else "")
    if summary.pillars.empty:
        return [first]
    slides = [first, pillars_slide(report, lang=lang, titles=titles, name_holders=name_holders)]
    found = report.actions
    if found is not None and any(a.gain > 0 for a in found.actions):
        slides.append(
            recommendations_slide(found, year=summary.year, unit=unit_name(summary, lang), lang=lang, titles=titles)
        )
    return slides


# ---------------------------------------------------------------- the unit page's links


def report_url(unit_code: str, year: int, fmt: str) -> str:
    return f"/units/{unit_code}/report.{fmt}?{urlencode({'year': year})}"


def report_links(unit_code: str, year: int, lang: str, *, batch_ids: Mapping[str, str] | None) -> html.Div:
    """The report as PDF and PowerPoint (plain links: the server checks who asks and sends the file);
    with `batch_ids`, the button for the whole level's reports as a zip and what its export needs."""
    links: list = [
        html.Span(t("report.download", lang), className="units-report-label"),
        html.A(
            [html.I(className="bi bi-file-earmark-pdf me-1"), "PDF"],
            href=report_url(unit_code, year, "pdf"),
            download="",
            className="btn btn-sm btn-outline-primary",
            id="units-report-pdf",
            title=t("report.download_pdf", lang),
        ),
        html.A(
            [html.I(className="bi bi-file-earmark-slides me-1"), "PowerPoint"],
            href=report_url(unit_code, year, "pptx"),
            download="",
            className="btn btn-sm btn-outline-primary",
            id="units-report-pptx",
            title=t("report.download_pptx", lang),
        ),
    ]
    if batch_ids is not None:
        links += [
            html.Button(
                [html.I(className="bi bi-file-earmark-zip me-1"), t("report.batch", lang)],
                id=batch_ids["button"],
                n_clicks=0,
                type="button",
                className="btn btn-sm btn-outline-secondary",
                title=t("report.batch_title", lang, year=year),
            ),
            dcc.Store(id=batch_ids["job"]),
            dcc.Interval(id=batch_ids["poll"], interval=1000, disabled=True),
            dcc.Download(id=batch_ids["download"]),
            html.Span(id=batch_ids["status"], className="units-report-status", role="status"),
        ]
    return html.Div(links, className="units-report-links d-print-none", id="units-report-links")
