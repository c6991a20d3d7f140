"""English mode is English wherever the words are the app's own.

Each page is read in English as a reader sees it (HTML text and the charts' SVG text); the data's own
Vietnamese (unit, index and target names, source titles, words quoted from a document) is taken out
first, since it has no English form to show; what is left must hold none of the app's Vietnamese texts.
"""

from __future__ import annotations

import csv
import re
from itertools import pairwise
from typing import TYPE_CHECKING

import pytest

from components.i18n import TEXT
from data_access.settings import SEED_DIR
from domain.data_quality import without_illegible_remark

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# Each page and what its content callback fills: an absent phrase proves nothing on a page not yet drawn.
PAGES = [
    ("/", "#overview-content > *"),
    ("/pillars", "#pillars-content > *"),
    ("/pillars?level=department", "#pillars-content > *"),
    ("/rankings", "#rankings-content > *"),
    ("/rankings?level=department", "#rankings-content > *"),
    ("/districts", "#districts-content > *"),
    ("/targets", "#targets-content > *"),
    ("/units/binh-phuoc", "#units-content > *"),
    ("/units/binh-phuoc-so-y-te", "#units-content > *"),
    ("/whatif", "#whatif-content > *"),
    ("/present", "#present-deck > *"),
    ("/admin", "#admin-history-table, #admin-history-empty"),
    ("/admin/audit", "#audit-content > *"),
    ("/admin/accounts", "#accounts-table > *"),
]
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]", re.IGNORECASE)
QUOTED = re.compile(r"'([^']+)'|\"([^\"]+)\"|“([^”]+)”")


def app_vietnamese() -> dict[str, str]:
    """Every Vietnamese phrase of the app's own texts that differs from its English (split at the
    placeholders), with the key it comes from."""
    phrases: dict[str, str] = {}
    for key, entry in TEXT.items():
        vietnamese, english = entry.get("vi", ""), entry.get("en", "")
        if not vietnamese or vietnamese == english:
            continue
        for fragment in re.split(r"\{[^}]*\}", vietnamese):
            fragment = fragment.strip(" :.,;()—–-\n")
            if len(fragment) >= 6 and VIETNAMESE_LETTERS.search(fragment):
                phrases.setdefault(fragment, key)
    return phrases


def data_texts() -> list[str]:
    """Every text of the seed the app loaded (and the words quoted inside them, and a name as shown
    without the remark about an illegible copy), longest first."""
    found: set[str] = set()
    for path in SEED_DIR.parent.rglob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for value in row:
                    for part in [value, without_illegible_remark(value), *value.split(" | "), *value.split("; ")]:
                        if len(part.strip()) >= 3:
                            found.add(part.strip())
                    found.update(part for match in QUOTED.findall(value) for part in match if part)
    return sorted(found, key=len, reverse=True)


def shown_text(page: Page) -> str:
    """The page's visible text, the charts' text and every slide's (the deck shows one at a time)."""
    return page.evaluate(
        """() => [document.body.innerText,
            ...Array.from(document.querySelectorAll('svg text, .present-slide')).map(t => t.textContent)].join('\\n')"""
    )


def test_no_page_shows_the_apps_own_vietnamese_in_english_mode(page_as, base_url: str) -> None:
    phrases = app_vietnamese()
    data = data_texts()
    admin = page_as("admin")
    admin.context.add_cookies([{"name": "dti_lang", "value": "en", "url": base_url}])
    left: dict[str, list[str]] = {}
    for path, drawn in PAGES:
        admin.goto(base_url + path)
        admin.locator(drawn).first.wait_for(state="attached")
        admin.wait_for_load_state("networkidle")
        admin.wait_for_function(
            "() => document.querySelector('#_pages_content') && "
            "!document.querySelector('[data-dash-is-loading=\"true\"]')"
        )
        text = shown_text(admin)
        for name in data:
            if name in text:
                text = text.replace(name, " ")
        found = [f"{phrase!r} ({key})" for phrase, key in phrases.items() if phrase in text]
        if found:
            left[path] = found
    assert left == {}, "the app's own Vietnamese on English pages"


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_the_districts_heatmap_headers_stay_apart_in_english(
    page: Page, base_url: str, width: int, height: int
) -> None:
    """English criteria have words a column cannot hold across ("infrastructure", "Cybersecurity"): they
    printed over each other; each header keeps to its own column."""
    page.set_viewport_size({"width": width, "height": height})
    page.context.add_cookies([{"name": "dti_lang", "value": "en", "url": base_url}])
    page.goto(base_url + "/districts")
    page.locator("#districts-heatmap .xtick text").first.wait_for()
    boxes = page.eval_on_selector_all(
        "#districts-heatmap .xaxislayer-above .xtick text",
        "labels => labels.map(l => { const r = l.getBoundingClientRect();"
        " return {text: l.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })",
    )
    assert any("infrastructure" in box["text"] for box in boxes), boxes
    for first, second in pairwise(sorted(boxes, key=lambda box: box["left"])):
        apart = first["right"] <= second["left"] or first["bottom"] <= second["top"] or second["bottom"] <= first["top"]
        assert apart, f"{first['text']!r} is drawn over {second['text']!r}"
