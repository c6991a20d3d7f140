"""`/`'s pillar radar as a reader sees it on a laptop (1366×768), on the wall (1920×1080) and on A4 paper.

Beside its table in half of a wall's row, the radar's long pillar labels once left its polar area about
110 px across on a laptop, and 60 px once a second scored year added the table's change column. Each case
runs on the seed (2022 scored) and on the small synthetic dataset scored every year of test_overview.py.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import open_overview
from tests.browser.test_overview import scored_years_leader, scored_years_url  # noqa: F401 (fixtures, by name)

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# The polar area across (its background disc) and where each pillar label and the radar's card lie, in
# CSS pixels; on paper, where the print stylesheet zooms the page, as laid out on the paper.
RADAR_BOXES = """() => {
    const plot = document.querySelector('#overview-radar .js-plotly-plot');
    const box = el => { const b = el.getBoundingClientRect();
        return {left: b.left, right: b.right, top: b.top, bottom: b.bottom, text: el.textContent}; };
    return {
        polar: box(plot.querySelector('.polarlayer .plotbg')),
        card: box(plot.closest('.ioc-card')),
        labels: [...plot.querySelectorAll('.angularaxistick text')].map(box),
    };
}"""
RECORD_PRINTED_RADAR = (
    "() => matchMedia('print').addEventListener('change', event => {"
    f" if (event.matches) window.printedRadar = ({RADAR_BOXES})(); }})"
)
RADAR_DRAWN = "#overview-radar .js-plotly-plot:not(.dash-graph--pending) .main-svg"
# The wall's polar areas before the laptop layout (measured at 1920×1080 on the main branch): 294 px on
# the seed, 262 px on the synthetic dataset, whose table has the change column.
WALL_POLAR_PX = {"seed": 294, "scored years": 262}
LAPTOP_POLAR_PX = 260
# On paper, 277 mm of A4 landscape across the page's printed width; 31 mm before, with labels of 5 pt.
PAPER_POLAR_MM = 40
MM_PER_CSS_PX = 25.4 / 96
OVERVIEW_DATASETS = ["seed", "scored years"]


@pytest.fixture(params=OVERVIEW_DATASETS)
def overview(request: pytest.FixtureRequest) -> tuple[str, Page, str]:
    """(dataset, a leader's page, the app's `/`): the seed, or the dataset scored every year."""
    if request.param == "seed":
        return request.param, request.getfixturevalue("page"), request.getfixturevalue("base_url") + "/"
    return request.param, request.getfixturevalue("scored_years_leader"), request.getfixturevalue("scored_years_url")


def drawn_radar(page: Page, url: str, width: int, height: int) -> dict:
    """The radar's boxes once `/` is drawn at `width`×`height` and nothing is loading."""
    page.set_viewport_size({"width": width, "height": height})
    open_overview(page, url)
    page.locator(RADAR_DRAWN).first.wait_for()
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")
    return page.evaluate(RADAR_BOXES)


def across(box: dict) -> float:
    return min(box["right"] - box["left"], box["bottom"] - box["top"])


def labels_outside(radar: dict) -> list[str]:
    """The pillar labels that reach out of the radar's card."""
    card = radar["card"]
    return [
        label["text"]
        for label in radar["labels"]
        if label["left"] < card["left"]
        or label["right"] > card["right"]
        or label["top"] < card["top"]
        or label["bottom"] > card["bottom"]
    ]


def test_on_a_laptop_the_radar_is_readable_and_its_labels_whole(overview: tuple[str, Page, str]) -> None:
    dataset, page, url = overview
    radar = drawn_radar(page, url, 1366, 768)
    assert across(radar["polar"]) >= LAPTOP_POLAR_PX, f"{dataset}: the polar area is {across(radar['polar'])} px"
    assert len(radar["labels"]) >= 8
    assert labels_outside(radar) == []
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{dataset}: the laptop scrolls sideways ({width})"


def test_on_the_wall_the_radar_is_as_large_as_before_and_the_page_fits(overview: tuple[str, Page, str]) -> None:
    dataset, page, url = overview
    radar = drawn_radar(page, url, 1920, 1080)
    assert across(radar["polar"]) >= WALL_POLAR_PX[dataset] - 1
    assert labels_outside(radar) == []
    scroll = page.evaluate("() => [document.documentElement.scrollHeight, window.innerHeight]")
    assert scroll[0] <= scroll[1], f"{dataset}: the wall scrolls ({scroll})"


def test_printed_the_radar_is_readable_on_one_a4_page(overview: tuple[str, Page, str], tmp_path: Path) -> None:
    """Printed from a laptop or from the wall, the radar is redrawn at its place on the paper
    (assets/06-print.js): large enough to read, its labels inside its card, and the page's content on one
    sheet. From the wall, graphs still at their taller screen size when Chromium counts the pages once
    added an empty second page."""
    dataset, page, url = overview
    for width, height in ((1366, 768), (1920, 1080)):
        drawn_radar(page, url, width, height)
        page.evaluate(RECORD_PRINTED_RADAR)
        pdf = tmp_path / f"overview-{width}.pdf"
        page.pdf(path=str(pdf), format="A4", landscape=True)
        radar = page.evaluate("window.printedRadar")
        on_paper_mm = across(radar["polar"]) * MM_PER_CSS_PX
        printed = f"{dataset}, printed from {width}×{height}"
        assert on_paper_mm >= PAPER_POLAR_MM, f"{printed}: the polar area is {on_paper_mm:.0f} mm across"
        assert labels_outside(radar) == [], printed
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Pages:           1\n" in info, f"{printed}: {info}"


def test_on_a_laptop_a_year_without_pillar_scores_leaves_no_empty_radar_row(page: Page, base_url: str) -> None:
    """2021 has Bình Phước's rank but no pillar scores: the row the radar takes across a laptop holds one
    line saying so, not 560 px of empty card above who lags and the rank history."""
    page.set_viewport_size({"width": 1366, "height": 768})
    open_overview(page, base_url + "/?year=2021")
    empty = page.locator("#overview-radar-empty")
    empty.wait_for()
    card = page.evaluate("() => document.querySelector('#overview-radar-empty').closest('.ioc-card').offsetHeight")
    assert card <= 240, f"the radar's card is {card} px tall with nothing to draw"
