"""Printing: maps (WebGL, cleared once on screen) print as pictures of themselves, and graphs
sized from the window keep their height on paper."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import PROJECT_ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

MAP_LOADED = (
    "sel => { const el = document.querySelector(sel + ' .js-plotly-plot');"
    " return el && el._fullLayout && el._fullLayout.map && el._fullLayout.map._subplot.map.loaded(); }"
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


@pytest.mark.parametrize(("path", "graph"), [("/rankings", "#rankings-map"), ("/districts", "#districts-map")])
def test_maps_print_as_pictures_of_what_is_on_screen(page: Page, base_url: str, path: str, graph: str) -> None:
    page.goto(base_url + path)
    page.wait_for_function(MAP_LOADED, arg=graph)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(PICTURE_VS_BLANK, graph) > 3
    page.emulate_media(media="print")
    assert page.locator(f"{graph} img.print-map").is_visible()
    assert page.eval_on_selector(f"{graph} canvas.maplibregl-canvas", "c => getComputedStyle(c).visibility") == "hidden"
    page.pdf(path=str(PROJECT_ROOT / "test-results" / f"print{path.replace('/', '-')}.pdf"), landscape=True)


def test_a_graph_sized_from_the_window_keeps_its_height_on_paper(page: Page, base_url: str) -> None:
    page.goto(base_url + "/districts")
    page.locator("#districts-heatmap .js-plotly-plot .main-svg").first.wait_for()
    drawn = page.eval_on_selector("#districts-heatmap", "el => el.offsetHeight")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.eval_on_selector("#districts-heatmap", "el => el.offsetHeight") == drawn
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.eval_on_selector("#districts-heatmap", "el => el.style.height").startswith("max(")
