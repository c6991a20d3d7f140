"""The deck's slides built from the seeded database, as the page and both exports receive them:
a thin year leaves out its empty slides and says so on the title slide; the departments slide
explains its asterisks and names its group bounds without crossing a value."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from datetime import date

import pytest

from components.slides import SLIDE_KEYS, Slide, build_slides
from data_access.cache import cache
from data_access.deck import build_deck
from data_access.settings import SEED_DIR
from exports.deck import EXPORT_THEME

FOCUS = "binh-phuoc"


@pytest.fixture(scope="module")
def slides_for(seeded_sqlite_url: str) -> Iterator[Callable[[int], list[Slide]]]:
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = seeded_sqlite_url
    cache.clear()

    def build(year: int) -> list[Slide]:
        deck = build_deck(FOCUS, year)
        return build_slides(deck, theme=EXPORT_THEME, lang="vi", titles={}, today=date(2023, 8, 1))

    try:
        yield build
    finally:
        cache.clear()
        if previous is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = previous


def test_a_thin_year_leaves_out_its_empty_slides_and_the_title_says_which(slides_for):
    slides_2022, slides_2021 = slides_for(2022), slides_for(2021)

    assert [s.key for s in slides_2022] == list(SLIDE_KEYS), "2022 has figures for every slide"
    assert all(not s.message for s in slides_2021), "no 'chưa có…' slide is shown"
    kept = [s.key for s in slides_2021]
    assert kept[0] == "title" and kept[-1] == "sources"
    left_out = [s for s in slides_2022 if s.key not in kept]
    assert left_out, "2021 lacks some of 2022's slides"
    missing = slides_2021[0].bullets[-1]
    assert missing.startswith("Năm 2021 chưa có số liệu cho các trang:")
    for slide in left_out:
        assert slide.title in missing
    assert "Các trang đã bỏ:" in slides_2021[0].notes


def test_departments_slide_explains_the_asterisk_and_labels_each_group_bound(slides_for):
    slide = next(s for s in slides_for(2022) if s.key == "departments")
    bars = slide.figure.data[0]
    starred = [text for text in bars.text if text.endswith("*")]
    assert starred, "2022 has departments scored by the median method"
    assert "* tính điểm theo phương pháp trung vị" in slide.subtitle

    with (SEED_DIR.parent / "meta" / "group_thresholds.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["framework_year"] == "2022" and r["level"] == "department"]
    bounds = {r["name_vi"]: float(r["min_share"]) * 600 for r in rows if float(r["min_share"]) > 0}
    labels = {a.text: a.x for a in slide.figure.layout.annotations}
    assert labels == {f"{group} ≥ {points:g}": points for group, points in bounds.items()}

    # Values sit inside their bars' ends and the bound lines run behind the bars: a line never crosses a value.
    assert bars.textposition == "inside" and bars.insidetextanchor == "end"
    assert {shape.layer for shape in slide.figure.layout.shapes} == {"below"}
