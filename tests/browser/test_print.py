"""Printing: every chart lands on A4 landscape whole (rendered with pdftoppm and read back with
pdftotext), WebGL maps (cleared once on screen) print as pictures of themselves on white paper,
and graphs sized from the window keep their height on paper."""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from tests.browser.conftest import PROJECT_ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

MAP_LOADED = (
    "sel => { const el = document.querySelector(sel + ' .js-plotly-plot');"
    " return el && el._fullLayout && el._fullLayout.map && el._fullLayout.map._subplot.map.loaded(); }"
)
# A page's charts: plotly's, and the targets' gauges (SVG written on the server).
CHARTS = ".js-plotly-plot, .target-gauge-svg"
# Drawn and shown: no content spinner up (`components.loading.slow_work`), which dims what it covers until
# a timer after the answer, and would print it dimmed.
DRAWN = """() => !document.querySelector('[data-dash-is-loading="true"], .dash-spinner')
  && document.querySelectorAll('CHARTS').length > 0
  && [...document.querySelectorAll('.present-graph[data-figure]')].every(box => box.querySelector('.js-plotly-plot'))
  && [...document.querySelectorAll('.js-plotly-plot')].every(plot => plot.querySelector('.main-svg')
      && !(plot._fullLayout && plot._fullLayout.map && !plot._fullLayout.map._subplot.map.loaded()))""".replace(
    "CHARTS", CHARTS
)
# How much bigger than an empty canvas of the same size the picture is: a drawn map compresses far worse.
PICTURE_VS_BLANK = """sel => {
    const img = document.querySelector(sel + ' img.print-map');
    if (!img) return 0;
    const canvas = img.parentElement.querySelector('canvas');
    const blank = document.createElement('canvas');
    blank.width = canvas.width; blank.height = canvas.height;
    return img.src.length / blank.toDataURL('image/png').length;
}"""


BACKGROUND = (
    "sel => document.querySelector(sel + ' .js-plotly-plot')._fullLayout.map._subplot.map"
    ".getPaintProperty('background', 'background-color')"
)
# The top-left pixel of the map's printed picture, as [r, g, b, a].
CORNER_PIXEL = """async sel => {
    const img = document.querySelector(sel + ' img.print-map');
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    return Array.from(context.getImageData(1, 1, 1, 1).data);
}"""


def test_the_national_map_prints_as_drawn(page: Page, base_url: str) -> None:
    """The national map is SVG: on paper it is the same provinces, no picture taken of it, on white."""
    page.goto(base_url + "/rankings")
    provinces = page.locator("#rankings-map .choroplethlocation")
    provinces.first.wait_for(state="attached")
    drawn = provinces.count()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert provinces.count() == drawn >= 63
    assert provinces.first.is_visible()
    assert page.locator("#rankings-map img.print-map").count() == 0
    card = page.eval_on_selector("#rankings-map-card", "el => getComputedStyle(el).backgroundColor")
    assert card == "rgb(255, 255, 255)", "paper is white"
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")


@pytest.mark.parametrize(("path", "graph"), [("/districts", "#districts-map")])
def test_maps_print_as_pictures_of_what_is_on_screen(page: Page, base_url: str, path: str, graph: str) -> None:
    page.goto(base_url + path)
    page.wait_for_function(MAP_LOADED, arg=graph)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(PICTURE_VS_BLANK, graph) > 3
    # Paper is white: the dark theme's map background is not printed (it is the default theme here).
    assert page.evaluate(CORNER_PIXEL, graph) == [255, 255, 255, 255]
    page.emulate_media(media="print")
    assert page.locator(f"{graph} img.print-map").is_visible()
    assert page.eval_on_selector(f"{graph} canvas.maplibregl-canvas", "c => getComputedStyle(c).visibility") == "hidden"
    page.pdf(path=str(PROJECT_ROOT / "test-results" / f"print{path.replace('/', '-')}.pdf"), landscape=True)
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    # Back on screen the map has the theme's background again.
    assert page.evaluate(BACKGROUND, graph) == "#111f31"


def test_a_graph_sized_from_the_window_keeps_its_height_on_paper(page: Page, base_url: str) -> None:
    graph = "#districts-heatmap .dash-graph"
    page.goto(base_url + "/districts")
    page.locator("#districts-heatmap .js-plotly-plot .main-svg").first.wait_for()
    drawn = page.eval_on_selector(graph, "el => el.offsetHeight")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.eval_on_selector(graph, "el => el.offsetHeight") == drawn
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.eval_on_selector(graph, "el => el.style.height").startswith("max(")


# Every chart of a page once the print stylesheet applies (after the app has fitted its charts to
# paper): the id of the graph that holds it, its size, and each word it drew (axis labels, ticks,
# values) with the word's place inside the chart, in CSS pixels of the print layout.
RECORD_PRINTED_CHARTS = """() => matchMedia('print').addEventListener('change', event => {
    if (!event.matches) return;
    window.printedCharts = [...document.querySelectorAll('CHARTS')].map(plot => {
        const box = plot.getBoundingClientRect();
        const words = [];
        const gauge = plot.matches('.target-gauge-svg');
        plot.querySelectorAll(gauge ? 'text' : '.main-svg text').forEach(label => {
            const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                for (const match of node.textContent.matchAll(/\\S{2,}/g)) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const at = range.getBoundingClientRect();
                    if (at.width) words.push([match[0], at.left - box.left, at.top - box.top]);
                }
            }
        });
        return {id: plot.closest('[id]') ? plot.closest('[id]').id : '', width: box.width, height: box.height,
                left: box.left, right: box.right, words: words,
                gauge: gauge};
    });
    window.printedWidth = document.documentElement.clientWidth;
})""".replace("CHARTS", CHARTS)
PRINTED_PAGES = [
    "/",
    "/pillars",
    "/rankings",
    "/districts",
    "/targets",
    "/units/binh-phuoc-so-y-te",
    "/whatif?unit=binh-phuoc-so-y-te&year=2022",
    "/present?year=2022",
]
MM = 72 / 25.4  # points per millimetre
PAPER_MARGIN_PT = 10 * MM  # @page margin of 05-print.css
PAPER_WIDTH_PT, PAPER_HEIGHT_PT = 277 * MM, 190 * MM  # A4 landscape inside the margins
RENDER_DPI = 50


def pdf_words(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """The words of each page of `pdf` with their boxes in points, as pdftotext reads them."""
    import xml.etree.ElementTree as ET

    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(xhtml.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    return [
        [
            (w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")))
            for w in paper.iter("word")
        ]
        for paper in root.iter("page")
    ]


def coloured_share(picture: Image.Image, box: tuple[float, float, float, float]) -> float:
    """Share of the pixels of `box` (in points) that are coloured, not white, grey or black ink:
    a chart's lines, fills, bars and map areas; text alone scores almost nothing."""
    scale = RENDER_DPI / 72
    crop = picture.crop(tuple(round(v * scale) for v in box)).convert("HSV")
    pixels = list(crop.get_flattened_data())
    return sum(1 for _h, s, v in pixels if s > 60 and v > 60) / max(len(pixels), 1)


def place_on_paper(
    chart: dict,
    words: list[list[tuple[str, float, float, float, float]]],
    scale: float,
    taken: list[tuple[int, float, float]],
) -> tuple[int, float, float, int]:
    """Where the chart landed: the page and top-left corner (points) at which most of its words
    sit where the chart drew them, and how many do. Printing may push a card to the next page,
    so the place is read from the paper, not computed from the screen. A place `taken` by a chart
    that drew the same words (a target the plan lists twice) is left to that chart."""
    best = (0, 0.0, 0.0, 0)
    labels = chart["words"]
    for number, paper in enumerate(words):
        by_text: dict[str, list[tuple[float, float]]] = {}
        for text, x0, y0, _x1, _y1 in paper:
            by_text.setdefault(text, []).append((x0, y0))
        for text, dx, dy in labels:
            for x0, y0 in by_text.get(text, []):
                left, top = x0 - dx * scale, y0 - dy * scale
                if any(n == number and abs(left - x) < 4 and abs(top - y) < 4 for n, x, y in taken):
                    continue
                hits = sum(
                    any(
                        abs(x - (left + ex * scale)) < 4 and abs(y - (top + ey * scale)) < 4
                        for x, y in by_text.get(other, [])
                    )
                    for other, ex, ey in labels
                )
                if hits > best[3]:
                    best = (number, left, top, hits)
    return best


@pytest.mark.parametrize("path", PRINTED_PAGES)
def test_each_chart_prints_whole_on_a4_landscape(page: Page, path: str, base_url: str, tmp_path: Path) -> None:
    """Printed from a laptop (charts drawn at 1280 px; paper lays the page out at another width):
    each chart lands on the paper with its coloured marks and its labels, inside the page, and
    no chart lies over another (the rank history once landed on the overview's radar)."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(base_url + path)
    page.wait_for_function(DRAWN)
    page.evaluate(RECORD_PRINTED_CHARTS)
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4", landscape=True)
    subprocess.run(["pdftoppm", "-r", str(RENDER_DPI), "-png", str(pdf), str(tmp_path / "paper")], check=True)
    pictures = sorted(tmp_path.glob("paper-*.png"), key=lambda png: int(png.stem.split("-")[1]))
    words = pdf_words(pdf)
    charts = page.evaluate("window.printedCharts")
    scale = PAPER_WIDTH_PT / page.evaluate("window.printedWidth")
    assert charts, f"{path}: no chart on paper"
    landed = []
    for chart in charts:
        name = f"{path} #{chart['id']}"
        assert chart["left"] >= 0 and chart["right"] * scale <= PAPER_WIDTH_PT + 1, f"{name} runs off the paper"
        # A gauge without a figure draws only its two axis ends: too few words to find it on paper by.
        if chart["gauge"] and len(chart["words"]) < 3:
            continue
        assert len(chart["words"]) >= 3, f"{name} has no labels on paper: {chart['words']}"
        number, left, top, hits = place_on_paper(chart, words, scale, [(n, box[0], box[1]) for _, n, box in landed])
        assert hits >= 0.8 * len(chart["words"]), (
            f"{name}: {hits} of its {len(chart['words'])} labels where it drew them"
        )
        on_paper = (left, top, left + chart["width"] * scale, top + chart["height"] * scale)
        assert on_paper[3] <= PAPER_HEIGHT_PT + PAPER_MARGIN_PT + 2, f"{name} is cut by the page's end"
        assert coloured_share(Image.open(pictures[number]), on_paper) > 0.001, f"{name}: no chart drawn on paper"
        landed.append((name, number, on_paper))
    for (name_a, page_a, a), (name_b, page_b, b) in itertools.combinations(landed, 2):
        apart = page_a != page_b or a[2] <= b[0] + 1 or b[2] <= a[0] + 1 or a[3] <= b[1] + 1 or b[3] <= a[1] + 1
        assert apart, f"{name_a} and {name_b} print on top of each other"


# The printed deck's radar: its legend's box and each pillar label's box, once the print stylesheet
# applies (the radar redrawn at its place on paper), in CSS pixels of the print layout.
RECORD_PRINTED_RADAR = """() => matchMedia('print').addEventListener('change', event => {
    if (!event.matches) return;
    const plot = document.querySelector('#present-graph-radar .js-plotly-plot');
    const box = el => { const b = el.getBoundingClientRect();
        return {left: b.left, right: b.right, top: b.top, bottom: b.bottom, text: el.textContent}; };
    window.printedRadar = {
        legend: [...plot.querySelectorAll('.legend .traces')].map(box),
        labels: [...plot.querySelectorAll('.angularaxistick text')].map(box),
    };
})"""


def test_the_printed_radar_slide_keeps_its_legend_off_the_pillar_labels(page: Page, base_url: str, tmp_path: Path):
    """Printed, the deck's radar is drawn shorter than on screen: its legend (pinned to the figure's
    bottom) stays clear of the bottom pillar's label, which it once covered ("An toàn thông tin mạng*")."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(base_url + "/present?year=2022")
    page.wait_for_function(DRAWN)
    page.evaluate(RECORD_PRINTED_RADAR)
    pdf = PROJECT_ROOT / "test-results" / "print-present.pdf"
    pdf.parent.mkdir(exist_ok=True)
    page.pdf(path=str(pdf), format="A4", landscape=True)
    radar = page.evaluate("window.printedRadar")
    assert len(radar["legend"]) == 3 and len(radar["labels"]) >= 8
    legend_top = min(entry["top"] for entry in radar["legend"])
    lowest = max(radar["labels"], key=lambda label: label["bottom"])
    assert lowest["bottom"] <= legend_top, (
        f"{lowest['text']!r} reaches {lowest['bottom']}, the legend starts at {legend_top}"
    )
    clashes = [
        (entry["text"], label["text"])
        for entry in radar["legend"]
        for label in radar["labels"]
        if entry["left"] < label["right"]
        and label["left"] < entry["right"]
        and entry["top"] < label["bottom"]
        and label["top"] < entry["bottom"]
    ]
    assert clashes == []


# Each section of /targets (a plan's pillar, the sources' disagreements): its heading's words and the
# first words of its first card.
SECTIONS = """() => [...document.querySelectorAll('.targets-section')].map(section => ({
    heading: section.querySelector('.targets-section-title').innerText.split(/\\s+/).filter(Boolean),
    card: (section.querySelector('.targets-grid > *, .disagreement-grid > *') || {innerText: ''}).innerText
        .split(/\\s+/).filter(Boolean).slice(0, 4),
}))"""


def find_words(pages: list[list[tuple[str, float, float, float, float]]], words: list[str]) -> list[tuple[int, float]]:
    """Every place (page index, top in points) where `words` are printed one after the other."""
    found = []
    for number, paper in enumerate(pages):
        texts = [word[0] for word in paper]
        for start in range(len(texts) - len(words) + 1):
            if texts[start : start + len(words)] == words:
                found.append((number, paper[start][2]))
    return found


def test_a_targets_section_heading_prints_on_the_page_of_its_first_card(page: Page, base_url: str, tmp_path: Path):
    """On A4 a plan section's heading never stays alone at the bottom of a page with its cards on the
    next ("Xã hội số" once did): each heading is printed on the page of its first card, above it."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(base_url + "/targets")
    page.wait_for_function(DRAWN)
    sections = page.evaluate(SECTIONS)
    assert len(sections) >= 3 and all(section["card"] for section in sections)
    pdf = PROJECT_ROOT / "test-results" / "print-targets.pdf"
    pdf.parent.mkdir(exist_ok=True)
    page.pdf(path=str(pdf), format="A4", landscape=True)
    pages = pdf_words(pdf)
    for section in sections:
        headings = find_words(pages, section["heading"])
        assert len(headings) == 1, f"{' '.join(section['heading'])!r} printed {len(headings)} times"
        (number, top), cards = headings[0], find_words(pages, section["card"])
        assert any(n == number and y > top for n, y in cards), (
            f"{' '.join(section['heading'])!r} ends page {number + 1}; its first card prints at {cards}"
        )
