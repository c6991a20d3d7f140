"""The deck as a PowerPoint file: one slide per slide, titles, facts, tables and notes as editable
text, each chart as a high-resolution picture drawn from the slide's own figure."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from components.slides import EXPORT_FONT, Fact, Slide, Table
from exports.layout import BODY_TOP, MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH, Box, slide_boxes, tone_color

# python-pptx's default template: layout 5 is "Title Only", whose title placeholder makes the
# slide's title a real title (outline view, accessibility, `slide.shapes.title`).
TITLE_ONLY_LAYOUT = 5
EMU_PER_PX = 9525
THEME_PART = re.compile(r"ppt/theme/theme\d+\.xml")
LATIN_TYPEFACE = re.compile(rb'<a:latin typeface="[^"]*"')
TEXT = RGBColor(0x1D, 0x27, 0x33)
MUTED = RGBColor(0x5B, 0x68, 0x78)
ACCENT = RGBColor(0x00, 0x77, 0xB6)
FOCUS_FILL = RGBColor(0xD7, 0xF3, 0xFA)
HEADER_FILL = RGBColor(0xEE, 0xF2, 0xF7)


def px(value: float) -> Emu:
    return Emu(int(value * EMU_PER_PX))


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#")[:6])


def _tone_color(tone: str) -> RGBColor:
    color = tone_color(tone)
    return _rgb(color) if color else ACCENT


def _text_box(slide, box: Box, paragraphs: Sequence[tuple[str, int, bool, RGBColor]], *, align=PP_ALIGN.LEFT):
    """A text box of (text, size in pt, bold, colour) paragraphs that wraps inside `box`."""
    shape = slide.shapes.add_textbox(px(box.left), px(box.top), px(box.width), px(box.height))
    frame = shape.text_frame
    frame.word_wrap = True
    for i, (text, size, bold, color) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = EXPORT_FONT
        run.font.color.rgb = color
    return shape


def _title(slide, text: str, box: Box, size: int, *, align=PP_ALIGN.LEFT) -> None:
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = px(box.left), px(box.top), px(box.width), px(box.height)
    title.text = text
    frame = title.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    for paragraph in frame.paragraphs:
        paragraph.alignment = align
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = True
            run.font.name = EXPORT_FONT
            run.font.color.rgb = ACCENT if align == PP_ALIGN.CENTER else TEXT


def _facts(slide, facts: Sequence[Fact], box: Box) -> None:
    height = box.height / max(len(facts), 1)
    for i, fact in enumerate(facts):
        paragraphs = [(fact.label, 13, True, MUTED), (fact.value, 32, True, _tone_color(fact.tone))]
        if fact.detail:
            paragraphs.append((fact.detail, 12, False, MUTED))
        _text_box(slide, Box(box.left, int(box.top + i * height), box.width, int(height)), paragraphs)


def _table(slide, table: Table, box: Box) -> None:
    rows, cols = len(table.rows) + 1, len(table.headers)
    row_height = min(box.height / rows, 44)
    shape = slide.shapes.add_table(rows, cols, px(box.left), px(box.top), px(box.width), px(row_height * rows))
    grid = shape.table
    size = 14 if rows <= 8 else 12
    for r, values in enumerate([table.headers, *table.rows]):
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.text = value
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.RIGHT if table.align[c] == "right" else PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.name = EXPORT_FONT
                run.font.bold = r == 0 or (r - 1) == table.highlight
                tone = table.tone(r - 1, c) if r else ""
                run.font.color.rgb = MUTED if r == 0 else _tone_color(tone) if tone_color(tone) else TEXT
            cell.fill.solid()
            cell.fill.fore_color.rgb = (
                HEADER_FILL if r == 0 else FOCUS_FILL if (r - 1) == table.highlight else RGBColor(0xFF, 0xFF, 0xFF)
            )


def _title_slide(slide, content: Slide) -> None:
    width = SLIDE_WIDTH - 2 * MARGIN
    kicker = content.facts[0]
    _text_box(slide, Box(MARGIN, 150, width, 40), [(kicker.label, 20, True, MUTED)], align=PP_ALIGN.CENTER)
    _title(slide, content.title, Box(MARGIN, 210, width, 110), 54, align=PP_ALIGN.CENTER)
    _text_box(
        slide,
        Box(MARGIN, 340, width, 200),
        [
            (content.subtitle, 30, True, TEXT),
            (kicker.value, 20, False, MUTED),
            *((b, 14, False, MUTED) for b in content.bullets),
        ],
        align=PP_ALIGN.CENTER,
    )


def _content_slide(slide, content: Slide, picture: bytes | None) -> None:
    _title(slide, content.title, Box(MARGIN, 24, SLIDE_WIDTH - 2 * MARGIN, 56), 30)
    if content.subtitle:
        _text_box(slide, Box(MARGIN, 80, SLIDE_WIDTH - 2 * MARGIN, 36), [(content.subtitle, 16, False, MUTED)])
    if content.message:
        _text_box(
            slide,
            Box(MARGIN + 80, BODY_TOP + 120, SLIDE_WIDTH - 2 * MARGIN - 160, 240),
            [(content.message, 26, False, TEXT)],
            align=PP_ALIGN.CENTER,
        )
    else:
        boxes = slide_boxes(content)
        if boxes.facts:
            _facts(slide, content.facts, boxes.facts)
        if boxes.figure and picture:
            box = boxes.figure
            slide.shapes.add_picture(io.BytesIO(picture), px(box.left), px(box.top), px(box.width), px(box.height))
        if boxes.table and content.table:
            _table(slide, content.table, boxes.table)
        if boxes.bullets:
            _text_box(slide, boxes.bullets, [(f"• {b}", 15, False, TEXT) for b in content.bullets])
    if content.source:
        _text_box(
            slide, Box(MARGIN, SLIDE_HEIGHT - 46, SLIDE_WIDTH - 2 * MARGIN, 40), [(content.source, 9, False, MUTED)]
        )


def build_pptx(slides: Sequence[Slide], pictures: Mapping[str, bytes], *, title: str) -> bytes:
    """A .pptx of the slides; `pictures` maps a slide's key to its chart as PNG."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = px(SLIDE_WIDTH), px(SLIDE_HEIGHT)
    presentation.core_properties.title = title
    layout = presentation.slide_layouts[TITLE_ONLY_LAYOUT]
    for content in slides:
        slide = presentation.slides.add_slide(layout)
        if content.key == "title":
            _title_slide(slide, content)
        else:
            _content_slide(slide, content, pictures.get(content.key))
        slide.notes_slide.notes_text_frame.text = content.notes
    buffer = io.BytesIO()
    presentation.save(buffer)
    return _themes_in_export_font(buffer.getvalue())


def _themes_in_export_font(pptx: bytes) -> bytes:
    """The file with its themes' heading and body fonts set to the export font: the speaker notes
    and anything typed into the deck later take Arial too, not the default template's Calibri."""
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(pptx)) as source, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if THEME_PART.fullmatch(item.filename):
                data = LATIN_TYPEFACE.sub(f'<a:latin typeface="{EXPORT_FONT}"'.encode(), data)
            target.writestr(item, data)
    return rewritten.getvalue()
