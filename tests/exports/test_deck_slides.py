"""The deck's slides built from the seeded database, as the page and both exports receive them:
a thin year leaves out its empty slides and says so on the title slide; the departments slide
explains its asterisks and names its group bounds without crossing a value; the presenter's
what-if scenario shows on "Khuyến nghị", in PowerPoint and PDF too."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

import pytest
from pptx import Presentation

from components.slides import SLIDE_KEYS, Slide, build_slides, recommendations_slide
from data_access.cache import cache
from data_access.deck import build_deck
from data_access.settings import SEED_DIR
from domain.targets import counted_once
from exports.deck import EXPORT_THEME, export_deck
from tests.conftest import skip_or_fail

FOCUS = "binh-phuoc"


@pytest.fixture(scope="module")
def slides_for(seeded_sqlite_url: str) -> Iterator[Callable[..., list[Slide]]]:
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = seeded_sqlite_url
    cache.clear()

    def build(year: int, scenario: dict[str, str] | None = None) -> list[Slide]:
        deck = build_deck(FOCUS, year)
        return build_slides(deck, theme=EXPORT_THEME, lang="vi", titles={}, today=date(2023, 8, 1), scenario=scenario)

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
    columns = slide.figure.data
    starred = [text for bars in columns for text in bars.text if text.endswith("*")]
    assert starred, "2022 has departments scored by the median method"
    assert "* tính điểm theo phương pháp trung vị" in slide.subtitle

    with (SEED_DIR.parent / "meta" / "group_thresholds.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["framework_year"] == "2022" and r["level"] == "department"]
    bounds = {r["name_vi"]: float(r["min_share"]) * 600 for r in rows if float(r["min_share"]) > 0}
    expected = sorted(f"{group} ≥ {points:g}" for group, points in bounds.items())
    for column, bars in enumerate(columns):
        axis = f"x{column + 1 if column else ''}"
        labels = {a.text: a.x for a in slide.figure.layout.annotations if a.xref == axis}
        assert sorted(labels) == expected, f"every bound named above column {column + 1}"
        assert {f"{group} ≥ {points:g}": points for group, points in bounds.items()} == labels
        # Values sit inside their bars' ends and the bound lines run behind the bars: a line never crosses a value.
        assert bars.textposition == "inside" and bars.insidetextanchor == "end"
    assert {shape.layer for shape in slide.figure.layout.shapes} == {"below"}


def test_departments_slide_shows_every_department_once_in_two_columns_best_first(slides_for):
    """24 departments in one column left each name a 13 px row on the wall: two columns of 12, the
    ranking read down the left column, then the right."""
    slide = next(s for s in slides_for(2022) if s.key == "departments")
    with (SEED_DIR / "totals.csv").open(encoding="utf-8") as handle:
        published = [
            r
            for r in csv.DictReader(handle)
            if r["year"] == "2022" and r["level"] == "department" and r["published_total"]
        ]
    assert len(slide.figure.data) == 2
    shown = [float(x) for bars in slide.figure.data for x in bars.x]
    assert len(shown) == len(published)
    assert shown == sorted(shown, reverse=True), "best first, down the left column then the right"
    assert [len(bars.x) for bars in slide.figure.data] == [len(published) // 2, len(published) - len(published) // 2]


# The presenter's scenario as /whatif writes it in the URL: Thể chế số 80 → 100, Hoạt động Xã hội số 52,58 → 120.
SCENARIO = {"institutions": "100", "digital_society": "120"}


def scenario_rank() -> tuple[int, int]:
    """Bình Phước's 2022 rank with the scenario's 87,42 more points of 1000, among the provinces with a
    published 2022 value (the others held at their published values), read from totals.csv."""
    with (SEED_DIR / "totals.csv").open(encoding="utf-8") as handle:
        values = {
            r["unit_code"]: float(r["published_total"])
            for r in csv.DictReader(handle)
            if r["year"] == "2022" and r["level"] == "province" and r["published_total"] and r["published_rank"]
        }
    new_value = values.pop(FOCUS) + (100 - 80 + 120 - 52.58) / 1000
    return 1 + sum(value > new_value for value in values.values()), len(values) + 1


def test_the_presenters_scenario_shows_on_the_recommendations_slide(slides_for):
    rank, field = scenario_rank()
    assert (rank, field) == (2, 6)
    slides = slides_for(2022, SCENARIO)
    actions = next(s for s in slides if s.key == "actions")
    line = actions.bullets[0]
    assert line.startswith("Kịch bản giả định: Thể chế số 80 → 100; Hoạt động Xã hội số 52,58 → 120")
    assert f"tổng 0,6385 → 0,7259, hạng 6 → {rank} trong {field} tỉnh có giá trị công bố" in line
    assert line in actions.notes
    plain = next(s for s in slides_for(2022) if s.key == "actions")
    assert not any(b.startswith("Kịch bản") for b in plain.bullets), "no scenario, no line"
    assert actions.table.rows == plain.table.rows, "the line takes no row's place"


def test_a_scenario_of_nonsense_or_published_points_changes_nothing(slides_for):
    plain = next(s for s in slides_for(2022) if s.key == "actions")
    for scenario in ({"institutions": "80"}, {"institutions": "abc", "no_such_index": "5"}, {"institutions": "nan"}):
        actions = next(s for s in slides_for(2022, scenario) if s.key == "actions")
        assert actions == plain


def test_the_scenario_and_its_new_rank_are_in_the_pptx_and_the_pdf(slides_for, tmp_path):
    chromium = os.environ.get("BROWSER_PATH") or os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.path.isfile(chromium):
        skip_or_fail("REQUIRE_BROWSER", f"Chromium not found at {chromium}: no deck files")
    rank, field = scenario_rank()
    wanted = f"hạng 6 → {rank} trong {field} tỉnh có giá trị công bố"
    actions = next(s for s in slides_for(2022, SCENARIO) if s.key == "actions")
    files = export_deck([actions], title="Khuyến nghị", lang="vi")

    presentation = Presentation(io.BytesIO(files["pptx"]))
    texts = [shape.text_frame.text for shape in presentation.slides[0].shapes if shape.has_text_frame]
    assert any("Kịch bản giả định: Thể chế số 80 → 100" in text and wanted in text for text in texts), texts
    pdf = tmp_path / "actions.pdf"
    pdf.write_bytes(files["pdf"])
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert wanted in " ".join(text.split()), text


def test_the_targets_slide_counts_a_target_listed_under_two_sections_once_as_targets_does(slides_for):
    """Kế hoạch 57 lists the adult smartphone rate under Hạ tầng số and Xã hội số: /targets counts
    27 targets, 12 not met; the slide's numbers, notes and gaps say the same, its bars keep both
    listings, and a line says so."""
    slide = next(s for s in slides_for(2022) if s.key == "targets")
    once = counted_once(build_deck(FOCUS, 2022).targets)
    assert len(once) == 27 and (once["status"] == "not_met").sum() == 12, "what /targets counts"

    assert [(f.label, f.value) for f in slide.facts] == [("Đạt", "10"), ("Chưa đạt", "12"), ("Chưa có số liệu", "5")]
    assert "12 chưa đạt" in slide.notes and "trên tổng 27" in slide.notes
    assert sum(sum(bars.x) for bars in slide.figure.data) == 28, "each section's bars keep their listing"
    names = [row[0] for row in slide.table.rows]
    assert len(names) == len(set(names)), "no target twice among the furthest gaps"
    note = "Tỷ lệ dân số trưởng thành có điện thoại thông minh được kế hoạch ghi ở cả Hạ tầng số / Xã hội số"
    assert any(b.startswith(note) and "tính một lần" in b for b in slide.bullets), slide.bullets
    assert note in slide.notes


def test_the_recommendations_list_every_main_index_with_points_to_win(slides_for):
    """The reviewer saw five of Bình Phước's eight main indices, the fifth cut: every one is listed."""
    actions = next(s for s in slides_for(2022) if s.key == "actions")
    assert [row[0] for row in actions.table.rows] == [
        "Hoạt động Kinh tế số",
        "Nhân lực số",
        "Hoạt động Xã hội số",
        "Hoạt động Chính quyền số",
        "An toàn thông tin mạng",
        "Thể chế số",
        "Hạ tầng số",
        "Nhận thức số",
    ]
    assert [row[2] for row in actions.table.rows][-3:] == ["+10", "+9,94", "+5,83"]
    assert "Nhận thức số" in actions.notes


def test_the_recommendations_of_a_province_without_a_plan_end_their_subtitle_with_the_year(slides_for):
    """With no plan no one is assigned: no dangling "phân công theo Kế hoạch —"."""
    found = build_deck(FOCUS, 2022).actions  # the module's database, which `slides_for` points to
    unplanned = replace(found, plan_code="", responsibilities=found.responsibilities.iloc[0:0])
    for lang, subtitle in (
        ("vi", "Điểm có thể giành lại theo mức đơn vị cùng khối đã đạt năm 2022"),
        ("en", "Points peers proved can be won back in 2022"),
    ):
        slide = recommendations_slide(unplanned, year=2022, unit="Bình Phước", lang=lang, titles={})
        assert slide.subtitle == subtitle
    planned = recommendations_slide(found, year=2022, unit="Bình Phước", lang="vi", titles={})
    assert planned.subtitle.endswith("phân công theo Kế hoạch 57/KH-UBND")
