"""Screenshots of every page for the docs: dark theme on an IOC wall, light theme on a laptop.

Start the app first (`python app.py`), then, from the project root, with an account that may
see the pages (a leader, or an admin for /admin), given in the environment so no password sits
in a shell history file:

    DTI_USER=... DTI_PASSWORD=... python scripts/screenshots.py [--base-url URL] [--out docs/] [--page rankings ...]

For each page it writes `<page>-dark-1920x1080.png` and `<page>-light-1366x768.png` and prints their paths.
Chromium is Debian's (`/usr/bin/chromium`, or `CHROMIUM_PATH`); no browser is ever downloaded.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
THEME_STORAGE_KEY = "shell-theme"
# Plotly animates its first layout and web fonts swap in late: give both time to settle.
SETTLE_MS = 1500
# Drawn: nothing loading, some content (cards, charts, the active slide or an empty state), every chart with its
# SVG, every map with its tiles (MapLibre draws after plotly, and /rankings' map zooms to its card once loaded).
DRAWN_JS = """() => !document.querySelector('[data-dash-is-loading="true"]')
  && document.querySelector('.card, .js-plotly-plot, .present-slide.is-active, .empty-state') !== null
  && [...document.querySelectorAll('.js-plotly-plot')].every(plot => plot.querySelector('.main-svg')
       && (!(plot._fullLayout && plot._fullLayout.map)
           || (plot._fullLayout.map._subplot && plot._fullLayout.map._subplot.map.loaded())))"""


@dataclass(frozen=True)
class Shot:
    theme: str
    width: int
    height: int


SHOTS = (Shot("dark", 1920, 1080), Shot("light", 1366, 768))
# Page name → path; the name prefixes the file names.
PAGES = {
    "overview": "/",
    "pillars": "/pillars",
    "rankings": "/rankings",
    "districts": "/districts",
    "targets": "/targets",
    "units": "/units/binh-phuoc-so-y-te",
    "admin": "/admin",
    "present": "/present",
    "whatif": "/whatif?unit=binh-phuoc-so-y-te&year=2022&digital_government=183&institutions=41.26",
    # the province's tasks: the data centre (0 of 15 points) at full marks unfolds Hạ tầng số's tasks
    "whatif-tasks": "/whatif?unit=binh-phuoc&year=2022&infrastructure-06=15",
    "actions": "/units/binh-phuoc?year=2022",
    "data-quality": "/admin/data-quality",
}
# Pages shown by one card rather than the screen: the card's element is photographed, whole.
ELEMENTS = {"actions": "#actions-card"}


def sign_in(page: Page, base_url: str) -> None:
    """Through the real form, with the account in `DTI_USER` / `DTI_PASSWORD`."""
    page.goto(base_url.rstrip("/") + "/login")
    page.fill("#username", os.environ["DTI_USER"])
    page.fill("#password", os.environ["DTI_PASSWORD"])
    page.click("#login-submit")
    page.wait_for_load_state("networkidle")


def take(browser: Browser, base_url: str, name: str, shot: Shot, out: Path) -> Path:
    """One screenshot of a page in a fresh context, with the theme a reader would have chosen before."""
    context = browser.new_context(viewport={"width": shot.width, "height": shot.height})
    # The theme lives in a localStorage-backed dcc.Store, which prefers a stored value over its default.
    context.add_init_script(
        f"window.localStorage.setItem({json.dumps(THEME_STORAGE_KEY)}, {json.dumps(json.dumps(shot.theme))});"
    )
    try:
        page = context.new_page()
        sign_in(page, base_url)
        page.goto(base_url.rstrip("/") + PAGES[name])
        page.locator(f'html[data-bs-theme="{shot.theme}"]').wait_for(state="attached")
        # Dash fetches each callback's output: once the network is quiet and no component is
        # loading, the page's cards are drawn (a loaded machine leaves gaps between callbacks).
        page.wait_for_load_state("networkidle")
        page.wait_for_function(DRAWN_JS, timeout=120_000)
        page.wait_for_timeout(SETTLE_MS)
        path = out / f"{name}-{shot.theme}-{shot.width}x{shot.height}.png"
        if name in ELEMENTS:
            page.locator(ELEMENTS[name]).screenshot(path=str(path))
        else:
            page.screenshot(path=str(path))
        return path
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8050", help="where the app is running")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "docs", help="folder for the PNG files (docs/)")
    parser.add_argument("--page", action="append", choices=sorted(PAGES), help="only these pages (default: all)")
    args = parser.parse_args(argv)
    if not (os.environ.get("DTI_USER") and os.environ.get("DTI_PASSWORD")):
        parser.error("set DTI_USER and DTI_PASSWORD to an account that may see the pages")
    args.out.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        try:
            for name in args.page or PAGES:
                for shot in SHOTS:
                    print(take(browser, args.base_url, name, shot, args.out))
        except PlaywrightError as exc:
            print(f"Could not screenshot {args.base_url}: is the app running there?\n{exc}", file=sys.stderr)
            return 1
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
