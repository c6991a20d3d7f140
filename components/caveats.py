"""A figure's caveats as words: the source's own discrepancy ("văn bản nguồn in 33,05 %, nhưng
52,58/150 điểm là 35,05 %") and the pillars attributed by inference, as plain text for slides and
files and as notes for pages. Pure: frames in, strings and Dash components out."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from dash import html

from components.data_quality import caveat_mark
from components.formatting import format_percent, format_points
from components.i18n import t
from domain.caveats import PillarCaveats, inferred_pillars
from domain.text import localized

FLAG = "*"


def discrepancy_text(row: object, lang: str) -> str:
    """One printed share its printed points contradict, said in full."""
    return t(
        "common.discrepancy",
        lang,
        pillar=localized(row, "pillar_name", lang),
        printed=format_percent(row.printed_share * 100, 2, lang),
        points=format_points(row.points, lang),
        max=format_points(row.max_points, lang),
        computed=format_percent(row.share * 100, 2, lang),
    )


def discrepancy_texts(discrepancies: pd.DataFrame, lang: str) -> list[str]:
    return [discrepancy_text(row, lang) for row in discrepancies.itertuples()]


def inferred_text(caveats: PillarCaveats, lang: str) -> str | None:
    """ "* Nhận thức số, Thể chế số…: …" naming the pillars attributed by inference; None without any."""
    if caveats.inferred.empty:
        return None
    names = ", ".join(localized(row, "pillar_name", lang) for row in caveats.inferred.itertuples())
    return t("caveats.inferred", lang, names=names)


def pillar_caveat_lines(pillars: pd.DataFrame, discrepancies: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """Per pillar code, what qualifies its figure, as facts about the sources: the attribution the
    source does not print (from the row's `note`) and the printed share its own points contradict.
    Pillars without a caveat are left out; the mark beside a figure opens these lines."""
    lines: dict[str, list[str]] = {}
    for row in inferred_pillars(pillars).itertuples():
        lines.setdefault(row.pillar_code, []).append(t("caveats.inferred_one", lang))
    for row in discrepancies.itertuples():
        lines.setdefault(row.pillar_code, []).append(discrepancy_text(row, lang))
    return lines


def flagged_labels(codes: Iterable[str], labels: Iterable[str], flagged: set[str]) -> list[str]:
    """Labels with the flag after those of `flagged` pillars (the caveat's note says what it means)."""
    return [f"{label}{FLAG}" if code in flagged else label for code, label in zip(codes, labels, strict=True)]


def caveat_notes(caveats: PillarCaveats, lang: str, *, id_prefix: str) -> list[html.Div]:
    """The caveats under a chart as one discreet line: a small (i) whose popover says each discrepancy
    and the inference, in full; the whole list with sources is the admins' data-quality view."""
    lines = discrepancy_texts(caveats.discrepancies, lang)
    inferred = inferred_text(caveats, lang)
    if inferred:
        lines.append(inferred)
    return caveat_line(lines, lang, mark_id=f"{id_prefix}-caveats")


def caveat_line(lines: list[str], lang: str, *, mark_id: str) -> list[html.Div]:
    """`lines` behind a mark and a short label under a chart; nothing when there is nothing to say."""
    if not lines:
        return []
    label = html.Span(t("caveats.mark_label", lang, count=len(lines)), className="caveat-label")
    return [html.Div([caveat_mark(lines, mark_id=mark_id, lang=lang), label], className="caveat-line")]
