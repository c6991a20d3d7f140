"""Export a deck: PowerPoint and PDF from one Chromium session, or one slide's chart as PNG or SVG.

The page's download callbacks, `scripts/export_deck.py` and the tests all come through here
with the slides of `components.slides.build_slides` (drawn in the light theme: paper is white).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from components.i18n import t
from components.slides import Slide, export_figure
from domain.records import Deck
from exports.deck_pdf import deck_html, with_outline
from exports.deck_pptx import build_pptx
from exports.images import ChartSession, ImageJob, chart_image, run
from exports.layout import PNG_SCALE, figure_size

EXPORT_THEME = "light"
# Lays slides out as one printable HTML page: (slides, chart SVGs by slide key, title, lang) → HTML.
PageBuilder = Callable[..., str]
DECK_FORMATS = ("pptx", "pdf")


def deck_basename(unit_code: str, year: int) -> str:
    return f"dti-{unit_code}-{year}"


def deck_title(deck: Deck, lang: str) -> str:
    """The files' document title: "Bình Phước — Chỉ số chuyển đổi số (DTI) năm 2022"."""
    return f"{deck.name(lang)} — {t('present.deck_title', lang, year=deck.year)}"


def _no_progress(_step: str) -> None:
    """Where nobody watches the export (the script, the tests)."""


def chart_jobs(charted: Sequence[Slide], fmt: str) -> list[ImageJob]:
    """The slides' charts to draw: PNG at twice the slide's pixels (PowerPoint), SVG for the PDF's page."""
    scale = PNG_SCALE if fmt == "png" else 1
    return [ImageJob(export_figure(s.figure), fmt, *figure_size(s), scale=scale) for s in charted]


async def export_in(
    session: ChartSession,
    slides: Sequence[Slide],
    formats: Sequence[str],
    *,
    title: str,
    lang: str,
    progress: Callable[[str], None] = _no_progress,
    page: PageBuilder = deck_html,
    slides_per_page: int = 1,
) -> dict[str, bytes]:
    """The slides' files drawn in an open `session`: a batch of several decks or reports shares one
    Chromium. `page` lays the slides out for printing (`slides_per_page` of them on each PDF page)."""
    charted = [s for s in slides if s.has_chart]
    jobs = []
    if "pptx" in formats:
        jobs += chart_jobs(charted, "png")
    if "pdf" in formats:
        jobs += chart_jobs(charted, "svg")
    files: dict[str, bytes] = {}
    progress(t("present.export_step.charts", lang, n=len(charted)))
    images = await session.images(jobs)
    if "pptx" in formats:
        progress(t("present.export_step.pptx", lang))
        pictures = dict(zip((s.key for s in charted), images[: len(charted)], strict=True))
        images = images[len(charted) :]
        files["pptx"] = build_pptx(slides, pictures, title=title)
    if "pdf" in formats:
        progress(t("present.export_step.pdf", lang))
        svgs = {s.key: image.decode("utf-8") for s, image in zip(charted, images, strict=True)}
        with tempfile.TemporaryDirectory(prefix="dti-deck-") as folder:
            printable = Path(folder) / "deck.html"
            printable.write_text(page(slides, svgs, title=title, lang=lang), encoding="utf-8")
            printed = await session.print_pdf(printable)
        files["pdf"] = with_outline(printed, slides, title=title, slides_per_page=slides_per_page)
    return files


async def _export(
    slides: Sequence[Slide], formats: Sequence[str], *, title: str, lang: str, progress: Callable[[str], None]
) -> dict[str, bytes]:
    async with ChartSession() as session:
        return await export_in(session, slides, formats, title=title, lang=lang, progress=progress)


def export_deck(
    slides: Sequence[Slide],
    *,
    title: str,
    lang: str,
    formats: Sequence[str] = DECK_FORMATS,
    progress: Callable[[str], None] = _no_progress,
) -> dict[str, bytes]:
    """The deck in each of `formats` ("pptx", "pdf"), every chart drawn in one browser session;
    `progress` hears each step in the reader's words (the page shows it while it waits)."""
    unknown = set(formats) - set(DECK_FORMATS)
    if unknown:
        raise ValueError(f"unknown deck formats {sorted(unknown)}; expected some of {DECK_FORMATS}")
    return run(_export(slides, formats, title=title, lang=lang, progress=progress))


def chart_file(slide: Slide, fmt: str) -> bytes:
    """A slide's chart as PNG (twice the slide's pixels) or SVG, at the size it has on an exported slide."""
    if not slide.has_chart:
        raise ValueError(f"slide {slide.key!r} has no chart")
    width, height = figure_size(slide)
    return chart_image(
        export_figure(slide.figure), fmt, width=width, height=height, scale=PNG_SCALE if fmt == "png" else 1
    )
