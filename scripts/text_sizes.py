"""How much of each page's visible text a leader can read from the back of the room.

Walks every visible text node of each page (HTML and the charts' SVG text, at the size it is
drawn on screen) and prints, per page, the share of characters under 12, 14, 16 and 18 px, the
same shares without the source lines (which may stay small), the share under the wall's floor
(labels under 18 px, chart text under 16 px, sources and the navbar aside; both scaled with the
4K viewport, where the app zooms) and the smallest labels. Start the app first, then,
with an account that may see the pages given in the environment:

    DTI_USER=... DTI_PASSWORD=... python scripts/text_sizes.py [--base-url URL] [--size 1920x1080] [--page overview ...]

Pages are those of `scripts/screenshots.py`, plus the kiosk deck (`present-kiosk`). A deck
(`/present…`) is measured slide by slide, stepping through it as a presenter would (→): its
line counts the page once with every slide, and a line per slide gives that slide's share under
the floor and its smallest text.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from screenshots import CHROMIUM_ARGS, PAGES, sign_in

BOUNDS = (12, 14, 16, 18)
# The kiosk's own cycling is slowed to an hour: the script steps through the slides itself.
PAGES_MEASURED = {**PAGES, "present-kiosk": "/present?kiosk=1&interval=3600"}
# Where a page is drawn: the charts' SVG text (plotly) and every card; a page is measured once these settle.
DRAWN = ".js-plotly-plot .main-svg, .card, .present-slide.is-active"
SOURCE_SELECTOR = ".source-note, .shell-footer, .present-source, .card-source"
# The navbar is not read from the back of the room: it keeps 16 px and is left out of the floor.
NAVBAR_SELECTOR = ".shell-navbar"
ACTIVE_SLIDE = ".present-slide.is-active"
# The wall's floor at 1920×1080: a label a leader reads, and a chart's text (axes, legends).
LABEL_FLOOR = 18
CHART_FLOOR = 16

# Each visible text node: its characters, the size it is drawn at (SVG text scaled by its
# transform), whether it is a source line, and its text (for the list of the smallest).
MEASURE_JS = """([sourceSelector, navbarSelector, rootSelector]) => {
  const out = [];
  const root = rootSelector ? document.querySelector(rootSelector) : document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const viewport = {w: window.innerWidth, h: window.innerHeight};
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (!text) continue;
    const el = node.parentElement;
    if (!el || el.closest("script, style, noscript, title")) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none" || parseFloat(style.opacity) === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.bottom <= 0 || box.right <= 0 || box.top >= viewport.h || box.left >= viewport.w) continue;
    // The computed size ignores CSS zoom (large walls zoom the app): HTML text is scaled by its
    // element's zoom, SVG text by its screen transform, which already includes the zoom.
    let size = parseFloat(style.fontSize);
    const svg = el instanceof SVGElement;
    if (svg && el.getScreenCTM) {
      const m = el.getScreenCTM();
      if (m) size = size * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    } else {
      size = size * (el.currentCSSZoom || 1);
    }
    out.push({chars: text.length, size: size, source: !!el.closest(sourceSelector), text: text.slice(0, 40),
              svg: svg, navbar: !!el.closest(navbarSelector)});
  }
  return out;
}"""


@dataclass(frozen=True)
class PageText:
    """What one page shows: each visible text as (characters, drawn size in px, is a source line, text),
    and which of them are chart (SVG) text and navbar text, by position in `texts`."""

    name: str
    texts: list[tuple[int, float, bool, str]]
    chart: tuple[bool, ...] = ()
    navbar: tuple[bool, ...] = ()
    # A deck's slides, each measured on its own (named by its element id); empty for other pages.
    slides: tuple[PageText, ...] = ()

    def share_under(self, bound: float, *, with_sources: bool = True) -> float:
        counted = [(chars, size) for chars, size, source, _ in self.texts if with_sources or not source]
        total = sum(chars for chars, _ in counted)
        small = sum(chars for chars, size in counted if size < bound)
        return small / total if total else 0.0

    def share_under_floor(self, scale: float = 1.0) -> float:
        """Share of the readable characters (no sources, no navbar) under the floor: a label under
        LABEL_FLOOR, a chart's text under CHART_FLOOR, both times `scale` (the wall's zoom)."""
        counted = [
            (chars, size, chart)
            for (chars, size, source, _), chart, navbar in zip(self.texts, self.chart, self.navbar, strict=True)
            if not source and not navbar
        ]
        total = sum(chars for chars, _, _ in counted)
        small = sum(
            chars for chars, size, chart in counted if size < (CHART_FLOOR if chart else LABEL_FLOOR) * scale - 0.05
        )
        return small / total if total else 0.0

    def smallest(self, limit: int = 5) -> list[tuple[float, str]]:
        readable = sorted({(round(size, 1), text) for _, size, source, text in self.texts if not source})
        return readable[:limit]


def measure(browser: Browser, base_url: str, name: str, width: int, height: int) -> PageText:
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        sign_in(page, base_url)
        page.goto(base_url.rstrip("/") + PAGES_MEASURED[name])
        page.locator(DRAWN).first.wait_for(timeout=120_000)
        page.wait_for_load_state("networkidle")
        if not PAGES_MEASURED[name].startswith("/present"):
            return page_text(name, page.evaluate(MEASURE_JS, [SOURCE_SELECTOR, NAVBAR_SELECTOR, None]))
        return measure_deck(page, name)
    finally:
        context.close()


def page_text(name: str, rows: list[dict]) -> PageText:
    return PageText(
        name,
        [(row["chars"], row["size"], row["source"], row["text"]) for row in rows],
        tuple(row["svg"] for row in rows),
        tuple(row["navbar"] for row in rows),
    )


def measure_deck(page: Page, name: str) -> PageText:
    """Every slide of a deck: the page with its first slide, then each next slide alone (the chrome
    around it is counted once). The slides are reached with Home and → as a presenter would."""
    ids = page.eval_on_selector_all(".present-slide", "els => els.map(el => el.id)")
    shown = "([selector, id]) => document.querySelector(selector).id === id"
    page.keyboard.press("Home")
    page.wait_for_function(shown, arg=[ACTIVE_SLIDE, ids[0]])
    slides = [page_text(ids[0], page.evaluate(MEASURE_JS, [SOURCE_SELECTOR, NAVBAR_SELECTOR, None]))]
    for slide in ids[1:]:
        page.keyboard.press("ArrowRight")
        page.wait_for_function(shown, arg=[ACTIVE_SLIDE, slide])
        slides.append(page_text(slide, page.evaluate(MEASURE_JS, [SOURCE_SELECTOR, NAVBAR_SELECTOR, ACTIVE_SLIDE])))
    return PageText(
        name,
        [text for slide in slides for text in slide.texts],
        tuple(chart for slide in slides for chart in slide.chart),
        tuple(navbar for slide in slides for navbar in slide.navbar),
        tuple(slides),
    )


def wall_scale(width: int, height: int) -> float:
    """How much larger than full HD the app draws on this viewport (its zoom steps, 10-app.css)."""
    return 2.0 if width >= 3200 and height >= 1800 else 1.0


def report(measured: PageText, scale: float = 1.0) -> str:
    shares = "  ".join(f"<{bound}px {measured.share_under(bound):5.1%}" for bound in BOUNDS)
    without = "  ".join(f"<{bound}px {measured.share_under(bound, with_sources=False):5.1%}" for bound in BOUNDS)
    chars = sum(chars for chars, *_ in measured.texts)
    smallest = "; ".join(f"{size:g}px {text!r}" for size, text in measured.smallest())
    lines = [
        f"{measured.name:<14} {chars:>6} chars  all: {shares}",
        f"{'':<14} {'':>6}        no sources: {without}",
        f"{'':<14} {'':>6}        under the wall's floor ({LABEL_FLOOR * scale:g}/{CHART_FLOOR * scale:g}px, "
        f"no sources, no navbar): {measured.share_under_floor(scale):5.1%}",
        f"{'':<14} smallest: {smallest}",
    ]
    for slide in measured.slides:
        smallest = "; ".join(f"{size:g}px {text!r}" for size, text in slide.smallest(3))
        floor = slide.share_under_floor(scale)
        lines.append(f"{'':<6}{slide.name:<26} under the floor {floor:5.1%}  smallest: {smallest}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8050", help="where the app is running")
    parser.add_argument("--size", default="1920x1080", help="viewport, WIDTHxHEIGHT (e.g. 3840x2160)")
    parser.add_argument("--page", action="append", choices=sorted(PAGES_MEASURED), help="only these pages")
    args = parser.parse_args(argv)
    if not (os.environ.get("DTI_USER") and os.environ.get("DTI_PASSWORD")):
        parser.error("set DTI_USER and DTI_PASSWORD to an account that may see the pages")
    width, height = (int(part) for part in args.size.lower().split("x"))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        try:
            print(f"visible text by drawn size at {width}×{height} (share of characters)")
            for name in args.page or PAGES_MEASURED:
                print(report(measure(browser, args.base_url, name, width, height), wall_scale(width, height)))
        except PlaywrightError as exc:
            print(f"Could not measure {args.base_url}: is the app running there?\n{exc}", file=sys.stderr)
            return 1
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
