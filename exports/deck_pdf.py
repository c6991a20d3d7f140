"""The deck as a PDF: one 16:9 page per slide, printed by Chromium from an HTML page whose charts
are the slides' own figures as inline SVG, so every word (diacritics included) stays text that
can be searched and copied. pypdf then adds a bookmark per slide and the document's title."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from html import escape

from pypdf import PdfReader, PdfWriter

from components.slides import EXPORT_FONT, Fact, Slide, Table
from components.theme import SERIES_COLORS
from exports.layout import BODY_TOP, MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH, Box, is_wide, slide_boxes, tone_color

STYLE = f"""
@page {{ size: {SLIDE_WIDTH}px {SLIDE_HEIGHT}px; margin: 0; }}
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; background: #ffffff; color: #1d2733;
    font-family: {EXPORT_FONT}, sans-serif; }}
.slide {{ position: relative; width: {SLIDE_WIDTH}px; height: {SLIDE_HEIGHT}px; overflow: hidden;
    break-after: page; page-break-after: always; border-top: 8px solid #0077b6; }}
.slide:last-child {{ break-after: auto; page-break-after: auto; }}
.box {{ position: absolute; }}
.title {{ left: {MARGIN}px; top: 22px; right: {MARGIN}px; font-size: 34px; font-weight: 700; margin: 0; }}
.subtitle {{ left: {MARGIN}px; top: 78px; right: {MARGIN}px; font-size: 18px; color: #5b6878; }}
.fact {{ margin-bottom: 22px; }}
.fact-label {{ font-size: 15px; font-weight: 600; color: #5b6878; text-transform: uppercase; letter-spacing: .02em; }}
.fact-value {{ font-size: 44px; font-weight: 800; line-height: 1.1; color: var(--tone, #0077b6); }}
.fact-detail {{ font-size: 14px; color: #5b6878; }}
.figure svg {{ display: block; }}
table {{ width: 100%; border-collapse: collapse; font-size: 16px; }}
.table-alone table {{ font-size: 22px; }}
.table-alone.table-wide table {{ font-size: 17px; }}
.table-wide td {{ padding: 5px 8px; white-space: nowrap; }}
.table-wide td:last-child {{ white-space: normal; }}
th {{ text-align: left; font-size: 13px; color: #5b6878; text-transform: uppercase; padding: 6px 8px;
    border-bottom: 2px solid #d9e0ea; }}
td {{ padding: 7px 8px; border-bottom: 1px solid #e3e8ef; }}
.right {{ text-align: right; font-variant-numeric: tabular-nums; }}
tr.focus td {{ background: #d7f3fa; font-weight: 700; border-left: 0; }}
tr.focus td:first-child {{ box-shadow: inset 5px 0 0 {SERIES_COLORS["focus"]}; }}
ul {{ margin: 0; padding-left: 22px; font-size: 17px; }}
li {{ margin-bottom: 8px; }}
.message {{ left: 120px; right: 120px; top: {BODY_TOP + 120}px; font-size: 28px; text-align: center; }}
.source {{ left: {MARGIN}px; right: 120px; bottom: 12px; font-size: 11px; color: #5b6878; }}
.number {{ right: {MARGIN}px; bottom: 12px; font-size: 13px; color: #5b6878; }}
.cover {{ left: {MARGIN}px; right: {MARGIN}px; top: 150px; text-align: center; }}
.cover .kicker {{ font-size: 22px; font-weight: 600; color: #5b6878; text-transform: uppercase; }}
.cover h1 {{ font-size: 64px; margin: 24px 0 12px; color: #0077b6; }}
.cover .deck {{ font-size: 34px; font-weight: 700; }}
.cover .date {{ font-size: 22px; color: #5b6878; margin-top: 28px; }}
.cover .data {{ font-size: 15px; color: #5b6878; margin-top: 8px; }}
"""


def _place(box: Box) -> str:
    return f"left:{box.left}px;top:{box.top}px;width:{box.width}px;height:{box.height}px"


def _tone(tone: str) -> str:
    color = tone_color(tone)
    return f' style="--tone:{color}"' if color else ""


def _cell_tone(tone: str) -> str:
    color = tone_color(tone)
    return f' style="color:{color};font-weight:700;white-space:nowrap"' if color else ""


def _fact(fact: Fact) -> str:
    detail = f'<div class="fact-detail">{escape(fact.detail)}</div>' if fact.detail else ""
    return (
        f'<div class="fact"{_tone(fact.tone)}><div class="fact-label">{escape(fact.label)}</div>'
        f'<div class="fact-value">{escape(fact.value)}</div>{detail}</div>'
    )


def _table(table: Table) -> str:
    head = "".join(f'<th class="{align}">{escape(h)}</th>' for h, align in zip(table.headers, table.align, strict=True))
    rows = "".join(
        f'<tr class="{"focus" if i == table.highlight else ""}">'
        + "".join(
            f'<td class="{align}"{_cell_tone(table.tone(i, c))}>{escape(v)}</td>'
            for c, (v, align) in enumerate(zip(row, table.align, strict=True))
        )
        + "</tr>"
        for i, row in enumerate(table.rows)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _svg_markup(svg: str) -> str:
    """An SVG file's markup without its XML declaration, to sit inline in the page."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def _cover(slide: Slide, number: str) -> str:
    kicker = slide.facts[0]
    data = "".join(f'<div class="data">{escape(b)}</div>' for b in slide.bullets)
    return (
        f'<section class="slide"><div class="box cover"><div class="kicker">{escape(kicker.label)}</div>'
        f'<h1>{escape(slide.title)}</h1><div class="deck">{escape(slide.subtitle)}</div>'
        f'<div class="date">{escape(kicker.value)}</div>{data}</div>{number}</section>'
    )


def slide_html(slide: Slide, index: int, total: int, svg: str | None) -> str:
    """One slide as an absolutely positioned HTML page (the boxes of exports.layout)."""
    number = f'<div class="box number">{index + 1} / {total}</div>'
    if slide.key == "title":
        return _cover(slide, number)
    parts = [f'<h2 class="box title">{escape(slide.title)}</h2>']
    if slide.subtitle:
        parts.append(f'<div class="box subtitle">{escape(slide.subtitle)}</div>')
    if slide.message:
        parts.append(f'<div class="box message">{escape(slide.message)}</div>')
    else:
        boxes = slide_boxes(slide)
        if boxes.facts:
            parts.append(f'<div class="box" style="{_place(boxes.facts)}">{"".join(map(_fact, slide.facts))}</div>')
        if boxes.figure and svg:
            parts.append(f'<div class="box figure" style="{_place(boxes.figure)}">{_svg_markup(svg)}</div>')
        if boxes.table and slide.table:
            alone = (" table-alone" + (" table-wide" if is_wide(slide.table) else "")) if slide.figure is None else ""
            parts.append(f'<div class="box{alone}" style="{_place(boxes.table)}">{_table(slide.table)}</div>')
        if boxes.bullets:
            items = "".join(f"<li>{escape(b)}</li>" for b in slide.bullets)
            parts.append(f'<div class="box" style="{_place(boxes.bullets)}"><ul>{items}</ul></div>')
    if slide.source:
        parts.append(f'<div class="box source">{escape(slide.source)}</div>')
    return f'<section class="slide">{"".join(parts)}{number}</section>'


def deck_html(slides: Sequence[Slide], svgs: Mapping[str, str], *, title: str, lang: str) -> str:
    """The printable page of the whole deck; `svgs` maps a slide's key to its chart as SVG markup."""
    body = "".join(slide_html(s, i, len(slides), svgs.get(s.key)) for i, s in enumerate(slides))
    return printable_page(body, title=title, lang=lang)


def printable_page(body: str, *, title: str, lang: str, style: str = "") -> str:
    """The HTML page Chromium prints: the deck's style (its font is one the system has), then `style`
    (another paper's rules)."""
    return (
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}{style}</style></head>"
        f"<body>{body}</body></html>"
    )


def with_outline(pdf: bytes, slides: Sequence[Slide], *, title: str, slides_per_page: int = 1) -> bytes:
    """The printed PDF with a bookmark per slide (its title, on the page it is printed on) and the
    document's title set."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    for number, slide in enumerate(slides[: len(writer.pages) * slides_per_page]):
        writer.add_outline_item(title=slide.title, page_number=number // slides_per_page)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
