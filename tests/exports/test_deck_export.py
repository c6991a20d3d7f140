"""The 2022 deck exported as a reader receives it: PowerPoint read back with python-pptx, the PDF's
pages rendered with pdftoppm and its text extracted with pypdf, single charts as PNG and SVG.

The deck is exported once per session (one Chromium session draws every chart)."""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import time
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from components.slides import EXPORT_FONT, SLIDE_KEYS, Slide, build_slides
from data_access.cache import cache
from data_access.deck import build_deck
from exports.deck import EXPORT_THEME, chart_file, export_deck
from exports.layout import PNG_SCALE, figure_size
from pages._context import source_titles
from tests.conftest import skip_or_fail

FOCUS = "binh-phuoc"
# Names from the seed (units.csv) and the deck's title, diacritics and all.
VIETNAMESE_WORDS = ("Chỉ số chuyển đổi số", "Bình Phước", "UBND thành phố Đồng Xoài", "Sở Thông tin và Truyền thông")


class Exported:
    def __init__(self, slides: list[Slide], files: dict[str, bytes], seconds: float):
        self.slides = slides
        self.files = files
        self.seconds = seconds


@pytest.fixture(scope="session")
def chromium() -> str:
    path = os.environ.get("BROWSER_PATH") or os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(path).is_file():
        skip_or_fail("REQUIRE_BROWSER", f"Chromium not found at {path}: Kaleido cannot draw charts")
    return path


@pytest.fixture(scope="session")
def slides_2022(seeded_sqlite_url: str) -> list[Slide]:
    """The 2022 deck's slides, built on the seed; the environment is given back at once, so a module
    that runs after this one on the same worker (tests/pages' app) keeps its own database."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", seeded_sqlite_url)
        cache.clear()
        try:
            deck = build_deck(FOCUS, 2022)
            return build_slides(deck, theme=EXPORT_THEME, lang="vi", titles=source_titles("vi"), today=date(2023, 8, 1))
        finally:
            cache.clear()


@pytest.fixture(scope="session")
def exported(chromium: str, slides_2022: list[Slide]) -> Exported:
    started = time.perf_counter()
    files = export_deck(slides_2022, title="Bình Phước — Chỉ số chuyển đổi số (DTI) năm 2022", lang="vi")
    return Exported(slides_2022, files, time.perf_counter() - started)


def test_the_2022_deck_has_every_slide_with_its_data(slides_2022: list[Slide]):
    assert [s.key for s in slides_2022] == list(SLIDE_KEYS)
    assert [s.key for s in slides_2022 if s.message] == [], "2022 has data for every slide"
    assert slides_2022[0].title == "Bình Phước"


def test_pptx_reads_back_with_a_slide_per_slide_and_editable_titles(exported: Exported):
    presentation = Presentation(io.BytesIO(exported.files["pptx"]))

    assert len(presentation.slides) == len(exported.slides)
    assert [s.shapes.title.text for s in presentation.slides] == [s.title for s in exported.slides]
    notes = [s.notes_slide.notes_text_frame.text for s in presentation.slides]
    assert notes == [s.notes for s in exported.slides]
    assert "giảm 3 bậc" in notes[1], "the notes say what the slide says"
    pictures = [
        shape
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.shape_type == 13  # MSO_SHAPE_TYPE.PICTURE
    ]
    assert len(pictures) == sum(s.has_chart for s in exported.slides)
    assert presentation.slide_width * 9 == presentation.slide_height * 16, "16:9"


def test_pptx_tables_are_real_tables(exported: Exported):
    presentation = Presentation(io.BytesIO(exported.files["pptx"]))
    national = presentation.slides[list(SLIDE_KEYS).index("national")]
    table = next(shape.table for shape in national.shapes if shape.has_table)
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert ["12", "Bình Phước", "0,6385"] in cells


def pptx_runs(presentation: Presentation) -> Iterator:
    """Every run of text a reader sees: in text boxes, titles and table cells."""
    for slide in presentation.slides:
        for shape in slide.shapes:
            frames = [cell.text_frame for row in shape.table.rows for cell in row.cells] if shape.has_table else []
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            for frame in frames:
                for paragraph in frame.paragraphs:
                    yield from (run for run in paragraph.runs if run.text.strip())


def test_every_word_of_the_pptx_asks_for_arial_which_a_meeting_room_pc_has(exported: Exported):
    """PowerPoint substitutes a font the PC lacks (Be Vietnam Pro, once) with text of another width."""
    presentation = Presentation(io.BytesIO(exported.files["pptx"]))
    fonts = {run.font.name for run in pptx_runs(presentation)}
    assert fonts == {"Arial"}
    assert EXPORT_FONT == "Arial"
    # Text without a font of its own (the speaker notes, anything typed later) takes the theme's.
    with zipfile.ZipFile(io.BytesIO(exported.files["pptx"])) as package:
        themes = [package.read(name).decode() for name in package.namelist() if name.startswith("ppt/theme/")]
    assert themes
    for theme in themes:
        assert set(re.findall(r'<a:latin typeface="([^"]*)"', theme)) == {"Arial"}


def test_chart_pictures_and_the_pdf_are_drawn_in_the_same_font_as_the_text(
    chromium: str, exported: Exported, slides_2022: list[Slide], tmp_path: Path
):
    """Charts ask for Arial (drawn here with Liberation Sans, Arial's metric twin), nothing else;
    the PDF embeds that one family for its text and its charts, no web font."""
    svg = chart_file(next(s for s in slides_2022 if s.key == "radar"), "svg").decode("utf-8")
    families = set(re.findall(r"font-family:\s*([^;\"]+)", svg))
    assert families and all(family.strip().strip("'\"") == "Arial" for family in families), families
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(exported.files["pdf"])
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    named = {line.split()[0].split("+")[-1].split("-")[0] for line in listing.splitlines()[2:]} - {"[none]"}
    # Chromium falls back to DejaVu Sans for the few symbols Liberation Sans lacks (▲ ▼ → ≥).
    assert "LiberationSans" in named and named <= {"LiberationSans", "DejaVuSans"}, listing


def test_pdf_has_a_page_per_slide_with_vietnamese_text_and_bookmarks(exported: Exported):
    reader = PdfReader(io.BytesIO(exported.files["pdf"]))

    assert len(reader.pages) == len(exported.slides)
    # The font comes in subsets by Unicode range (Vietnamese letters in one file, Latin in another):
    # pypdf puts a space where the subset changes, so compare without spaces; every letter is intact.
    text = "".join(page.extract_text() for page in reader.pages).replace(" ", "")
    for words in VIETNAMESE_WORDS:
        assert words.replace(" ", "") in text
    assert [item.title for item in reader.outline] == [s.title for s in exported.slides]
    assert reader.metadata.title.startswith("Bình Phước")


def test_pdf_text_reads_back_word_for_word_with_pdftotext(exported: Exported, tmp_path: Path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(exported.files["pdf"])
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for words in VIETNAMESE_WORDS:
        assert words in text


def test_pdf_pages_render_with_pdftoppm(exported: Exported, tmp_path: Path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(exported.files["pdf"])
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(exported.slides)
    assert all(page.stat().st_size > 5_000 for page in pages), "every page has content"


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", content[16:24])


def test_a_single_chart_as_png_is_twice_its_slide_size(chromium: str, slides_2022: list[Slide]):
    slide = next(s for s in slides_2022 if s.key == "weakest")

    width, height = figure_size(slide)
    assert png_size(chart_file(slide, "png")) == (width * PNG_SCALE, height * PNG_SCALE)


def test_a_single_chart_as_svg_keeps_its_words(chromium: str, slides_2022: list[Slide]):
    slide = next(s for s in slides_2022 if s.key == "radar")

    svg = chart_file(slide, "svg").decode("utf-8")

    assert "<svg" in svg
    assert "Bình Phước" in svg
    assert "Nhân lực số" in svg


def test_export_time_is_reported(exported: Exported, capsys: pytest.CaptureFixture):
    """The benchmark figure (no timing assert: machines differ); `scripts/export_deck.py` prints it too."""
    with capsys.disabled():
        print(f"\nwhole-deck export (pptx + pdf, one Chromium session): {exported.seconds:.2f} s")
    assert exported.files.keys() == {"pptx", "pdf"}


def pdf_page_words(pdf: Path, number: int) -> list[tuple[str, float, float, float, float]]:
    """The words of page `number` (1-based) of `pdf` with their boxes in points, as pdftotext reads them."""
    import xml.etree.ElementTree as ET

    xhtml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    root = ET.fromstring(xhtml.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    return [
        (w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")))
        for w in root.iter("word")
    ]


def test_the_pdf_radar_keeps_its_legend_below_the_pillar_labels(exported: Exported, tmp_path: Path):
    """On the PDF's radar slide the legend's words sit below every word of the chart's pillar labels
    and touch none (the legend once covered "An toàn thông tin mạng*"): read back with pdftotext."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from exports.layout import SLIDE_WIDTH, slide_boxes

    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(exported.files["pdf"])
    number = next(i for i, slide in enumerate(exported.slides, start=1) if slide.key == "radar")
    radar = exported.slides[number - 1]
    width_pt = float(PdfReader(io.BytesIO(exported.files["pdf"])).pages[number - 1].mediabox.width)
    box = slide_boxes(radar).figure
    scale = width_pt / SLIDE_WIDTH
    left, top, right, bottom = (
        box.left * scale,
        box.top * scale,
        (box.left + box.width) * scale,
        (box.top + box.height) * scale,
    )
    # A word belongs to the chart when its middle is inside the chart's box (a glyph's box may reach past it).
    words = [
        w
        for w in pdf_page_words(pdf, number)
        if left <= (w[1] + w[3]) / 2 <= right and top <= (w[2] + w[4]) / 2 <= bottom
    ]
    legend_words = {word for trace in radar.figure.data for word in trace.name.split()}
    legend = [w for w in words if w[0] in legend_words]
    others = [w for w in words if w[0] not in legend_words]
    assert len(legend) == sum(len(trace.name.split()) for trace in radar.figure.data), legend
    assert any(w[0] == "59,2%" for w in others), "the pillar labels are read inside the chart"
    assert max(w[4] for w in others) <= min(w[2] for w in legend), "every pillar label ends above the legend"
    clashes = [
        (a[0], b[0]) for a in legend for b in others if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]
    assert clashes == []
