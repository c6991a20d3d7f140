"""Where things sit on an exported slide, shared by the PowerPoint and the PDF so both look alike.

A slide is 1280 × 720 CSS pixels (13,333 × 7,5 inches at 96 px per inch, PowerPoint's 16:9).
"""

from __future__ import annotations

from typing import NamedTuple

from components.slides import Slide, Table
from components.theme import GROUP_COLORS, STATUS_COLORS, TREND_COLORS

SLIDE_WIDTH = 1280
SLIDE_HEIGHT = 720
MARGIN = 40
BODY_TOP = 128
BODY_BOTTOM = 668
GAP = 24
FACTS_WIDTH = 300
BULLETS_HEIGHT = 56
# The figure's share of the main area when a table sits beside it.
FIGURE_SHARE = 0.52
TABLE_ALONE_WIDTH = 820
# A table alone with this many columns (Khuyến nghị's five) takes the slide's width, so that its
# rows stay on one line each and every row fits (exports/deck_pdf.py sets its type smaller).
WIDE_TABLE_COLUMNS = 5
# PNG charts are drawn at twice the slide's pixels: sharp on a 4K wall or a printed page.
PNG_SCALE = 2


class Box(NamedTuple):
    left: int
    top: int
    width: int
    height: int


class SlideBoxes(NamedTuple):
    facts: Box | None
    figure: Box | None
    table: Box | None
    bullets: Box | None


def slide_boxes(slide: Slide) -> SlideBoxes:
    """The boxes of a content slide's parts: facts on the left, then the figure and the table side by
    side, the bullets under them."""
    left, width = MARGIN, SLIDE_WIDTH - 2 * MARGIN
    facts = None
    if slide.facts:
        facts = Box(left, BODY_TOP, FACTS_WIDTH, BODY_BOTTOM - BODY_TOP)
        left, width = left + FACTS_WIDTH + GAP, width - FACTS_WIDTH - GAP
    bottom = BODY_BOTTOM - (BULLETS_HEIGHT if slide.bullets and (slide.figure or slide.table) else 0)
    height = bottom - BODY_TOP
    figure = table = None
    if slide.figure is not None and slide.table is not None:
        figure_width = int(width * FIGURE_SHARE)
        figure = Box(left, BODY_TOP, figure_width, height)
        table = Box(left + figure_width + GAP, BODY_TOP, width - figure_width - GAP, height)
    elif slide.figure is not None:
        figure = Box(left, BODY_TOP, width, height)
    elif slide.table is not None:
        # A table alone is centred at a readable width rather than stretched across the slide,
        # unless it is wide.
        table_width = width if is_wide(slide.table) else min(width, TABLE_ALONE_WIDTH)
        table = Box(left + (width - table_width) // 2, BODY_TOP, table_width, height)
    bullets = None
    if slide.bullets:
        bullets = (
            Box(left, bottom, width, BODY_BOTTOM - bottom) if (figure or table) else Box(left, BODY_TOP, width, height)
        )
    return SlideBoxes(facts, figure, table, bullets)


def is_wide(table: Table) -> bool:
    """Whether a table alone on its slide takes the slide's width (`WIDE_TABLE_COLUMNS`)."""
    return len(table.headers) >= WIDE_TABLE_COLUMNS


def figure_size(slide: Slide) -> tuple[int, int]:
    """The chart's size in CSS pixels on an exported slide (also the size of a single chart's file)."""
    box = slide_boxes(slide).figure
    return (box.width, box.height) if box else (SLIDE_WIDTH - 2 * MARGIN, BODY_BOTTOM - BODY_TOP)


def tone_color(tone: str) -> str | None:
    """The colour a slide's fact is toned with (a group, a target status, a trend), None for none."""
    for palette in (GROUP_COLORS, STATUS_COLORS, TREND_COLORS):
        if tone in palette:
            return palette[tone]
    return None
