"""A unit's report as PDF (two slides to an A4 portrait page) or PowerPoint, and a level's reports as
one zip, every chart of a batch drawn in one Chromium session.

The slides are `components.unit_report.report_slides`; they are drawn by the deck's renderers
(`exports.deck.export_in`, `deck_pdf.slide_html`, `deck_pptx.build_pptx`), so a report looks like
the deck and follows its fixes.
"""

from __future__ import annotations

import asyncio
import io
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from pypdf import PdfReader, PdfWriter

from components.slides import Slide
from exports.deck import chart_jobs, export_in
from exports.deck_pdf import printable_page, slide_html, with_outline
from exports.images import ChartSession, ExportError, run
from exports.layout import SLIDE_WIDTH

# An A4 portrait page holds two 16:9 slides, shrunk to the page's width inside its margins.
SLIDES_PER_PAGE = 2
PAGE_MARGIN_MM = 10
# The width of A4 inside the margins, in CSS pixels (96 per inch): (210 − 2 × 10) mm.
PRINTABLE_WIDTH_PX = (210 - 2 * PAGE_MARGIN_MM) / 25.4 * 96
SHEET_ZOOM = round(PRINTABLE_WIDTH_PX / SLIDE_WIDTH, 4)
# A slide on paper is taller than on screen (the page has the room): the notes under the charts (a
# caveat, the change since the year before) get room above the source line instead of running into it.
REPORT_SLIDE_HEIGHT = 800

REPORT_STYLE = f"""
@page {{ size: A4 portrait; margin: {PAGE_MARGIN_MM}mm; }}
.sheet {{ zoom: {SHEET_ZOOM}; break-after: page; page-break-after: always; }}
.sheet:last-child {{ break-after: auto; page-break-after: auto; }}
/* A long axis label may reach past the chart's edge, into the margin, rather than be cut. */
.sheet .figure svg {{ overflow: visible; }}
.sheet .slide {{ break-after: auto; page-break-after: auto; margin-bottom: 36px; border: 1px solid #d9e0ea;
    border-top: 8px solid #0077b6; height: {REPORT_SLIDE_HEIGHT}px; }}
.sheet ul {{ font-size: 15px; }}
.sheet .fact-value {{ font-size: 38px; }}
.sheet li {{ margin-bottom: 4px; }}
"""


class Report(NamedTuple):
    """One unit's report to draw: its slides, its document title, the name of its file (without
    extension) and the language its words are in."""

    slides: list[Slide]
    title: str
    file_stem: str
    lang: str


def report_sheets(slides: Sequence[Slide], svgs: Mapping[str, str]) -> str:
    """A report's slides two by two, each pair an A4 page (`svgs`: the charts by slide key)."""
    total = len(slides)
    sheets = [
        "".join(slide_html(s, i + j, total, svgs.get(s.key)) for j, s in enumerate(slides[i : i + SLIDES_PER_PAGE]))
        for i in range(0, total, SLIDES_PER_PAGE)
    ]
    return "".join(f'<div class="sheet">{sheet}</div>' for sheet in sheets)


def report_html(slides: Sequence[Slide], svgs: Mapping[str, str], *, title: str, lang: str) -> str:
    """The printable page of one report: its slides two by two on A4 portrait pages."""
    return printable_page(report_sheets(slides, svgs), title=title, lang=lang, style=REPORT_STYLE)


async def _report_files(session: ChartSession, report: Report, formats: Sequence[str]) -> dict[str, bytes]:
    return await export_in(
        session,
        report.slides,
        formats,
        title=report.title,
        lang=report.lang,
        page=report_html,
        slides_per_page=SLIDES_PER_PAGE,
    )


def export_report(report: Report, fmt: str) -> bytes:
    """One report as "pdf" or "pptx"."""

    async def draw() -> bytes:
        async with ChartSession() as session:
            return (await _report_files(session, report, [fmt]))[fmt]

    return run(draw())


def _unique_names(stems: Sequence[str], extension: str) -> list[str]:
    """File names for a zip, a number added to a name already taken (two units never overwrite each other)."""
    names: list[str] = []
    for stem in stems:
        name, n = f"{stem}.{extension}", 2
        while name in names:
            name, n = f"{stem} ({n}).{extension}", n + 1
        names.append(name)
    return names


def pages_of(report: Report) -> int:
    """The A4 pages a report prints on: its slides two by two."""
    return -(-len(report.slides) // SLIDES_PER_PAGE)


def split_reports(printed: bytes, reports: Sequence[Report]) -> list[bytes]:
    """The batch's one printed PDF cut into each report's own, with its bookmarks and title."""
    reader = PdfReader(io.BytesIO(printed))
    expected = sum(pages_of(r) for r in reports)
    if len(reader.pages) != expected:
        raise ExportError(f"the batch printed {len(reader.pages)} pages where its reports hold {expected}")
    files, first = [], 0
    for report in reports:
        writer = PdfWriter()
        writer.append(reader, pages=(first, first + pages_of(report)))
        first += pages_of(report)
        part = io.BytesIO()
        writer.write(part)
        files.append(with_outline(part.getvalue(), report.slides, title=report.title, slides_per_page=SLIDES_PER_PAGE))
    return files


def export_batch(
    builders: Sequence[Callable[[], Report | None]], *, progress: Callable[[int, int], None] | None = None
) -> bytes:
    """Every unit's report as a PDF in one zip, named by its `file_stem`, all drawn in ONE Chromium session.

    `builders` read each unit's figures and build its slides (None: no report for that unit); each runs
    in a thread while Chromium draws the charts of the reports before it, and all the reports are
    printed as one document cut into one PDF per report. `progress(done, total)` hears each report built.
    """

    async def draw() -> tuple[list[Report], list[bytes]]:
        reports: list[Report] = []
        drawing: list[asyncio.Task[list[bytes]]] = []
        async with ChartSession() as session:
            for done, build in enumerate(builders, start=1):
                report = await asyncio.to_thread(build)
                if progress is not None:
                    progress(done, len(builders))
                if report is None:
                    continue
                reports.append(report)
                charted = [s for s in report.slides if s.has_chart]
                drawing.append(asyncio.create_task(session.images(chart_jobs(charted, "svg"))))
            drawn = await asyncio.gather(*drawing)
            sheets = []
            for report, svgs in zip(reports, drawn, strict=True):
                keyed = {
                    s.key: svg.decode("utf-8")
                    for s, svg in zip([s for s in report.slides if s.has_chart], svgs, strict=True)
                }
                sheets.append(report_sheets(report.slides, keyed))
            lang = reports[0].lang if reports else "vi"
            with tempfile.TemporaryDirectory(prefix="dti-reports-") as folder:
                page = Path(folder) / "reports.html"
                page.write_text(printable_page("".join(sheets), title="DTI", lang=lang, style=REPORT_STYLE), "utf-8")
                printed = await session.print_pdf(page) if reports else b""
        return reports, split_reports(printed, reports) if reports else []

    reports, files = run(draw())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in zip(_unique_names([r.file_stem for r in reports], "pdf"), files, strict=True):
            archive.writestr(name, content)
    return buffer.getvalue()
