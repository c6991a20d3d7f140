"""The deck's slide builders, without server or database: small frames in, slides and figures out."""

from __future__ import annotations

import csv
import json
from types import SimpleNamespace

import pandas as pd
import plotly.graph_objects as go

from components.slides import (
    Fact,
    Slide,
    Table,
    chart_box,
    cited_documents,
    districts_slide,
    export_figure,
    furthest_gaps,
    group_facts,
    laggards_slide,
    national_table,
    points_lost_figure,
    radar_table,
    slide_view,
    target_sections_figure,
)
from data_access.laggards import LAGGARD_COLUMNS
from data_access.scoring import points_lost
from data_access.settings import SEED_DIR
from domain.records import DistrictResults
from domain.vocabulary import Threshold
from exports.layout import BODY_BOTTOM, BODY_TOP, MARGIN, SLIDE_WIDTH, figure_size, slide_boxes


def pillar_scores() -> pd.DataFrame:
    """Three pillars as the source prints them (2022 Bình Phước: 146.25/200, 78.33/150, 52.58/150)."""
    return pd.DataFrame(
        {
            "pillar_code": ["digital_government", "digital_economy", "digital_society"],
            "pillar_name_vi": ["Hoạt động Chính quyền số", "Hoạt động Kinh tế số", "Hoạt động Xã hội số"],
            "pillar_name_en": ["Digital government", "Digital economy", "Digital society"],
            "points": [146.25, 78.33, 52.58],
            "max_points": [200.0, 150.0, 150.0],
            "counts_in_total": [True, True, True],
            "sort_order": [6, 7, 8],
        }
    )


def all_text(component) -> str:
    """Every string in a Dash component tree, as a reader would see it."""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(all_text(c) for c in component)
    children = getattr(component, "children", None)
    return "" if children is None else all_text(children)


def test_points_lost_figure_writes_each_loss_and_maximum_on_its_bar():
    losses = points_lost(pillar_scores())

    figure = points_lost_figure(losses, theme="dark", lang="vi")

    scored, lost = figure.data
    assert list(lost.x) == [97.42, 71.67, 53.75], "largest loss first"
    assert list(lost.text) == ["−97,42 / 150", "−71,67 / 150", "−53,75 / 200"]
    assert list(scored.text) == ["52,58", "78,33", "146,25"]
    assert figure.layout.barmode == "stack"
    assert figure.layout.height is None, "a slide's figure fills its box"


def test_target_sections_figure_counts_statuses_per_section():
    targets = pd.DataFrame(
        {
            "pillar_code": [
                "infrastructure",
                "infrastructure",
                "digital_society",
                "digital_society",
                "digital_society",
            ],
            "status": ["met", "not_met", "not_met", "not_met", "no_data"],
        }
    )
    labels = {"infrastructure": "Hạ tầng số", "digital_society": "Xã hội số"}

    figure = target_sections_figure(targets, labels, theme="light", lang="vi")

    by_name = {trace.name: list(trace.x) for trace in figure.data}
    assert by_name == {"Đạt": [1, 0], "Chưa đạt": [1, 2], "Chưa có số liệu": [0, 1]}
    assert [list(trace.text) for trace in figure.data] == [["1", ""], ["1", "2"], ["", "1"]], "no label on a zero"
    assert list(figure.data[0].y) == ["Hạ tầng số", "Xã hội số"], "the plan's order"


def test_furthest_gaps_put_the_targets_least_reached_first():
    targets = pd.DataFrame(
        {
            "status": ["not_met", "met", "not_met", "not_met", "no_data"],
            "target_value": [70.0, 70.0, 100.0, 30.0, 50.0],
            "actual": [2.26, 77.41, 37.19, 12.04, None],
            "sort_order": [1, 2, 3, 4, 5],
        }
    )

    gaps = furthest_gaps(targets, count=2)

    # Reached 2.26/70 = 3 %, 37.19/100 = 37 %, 12.04/30 = 40 %: the share of the target, not the raw figure.
    assert gaps["actual"].tolist() == [2.26, 37.19]


def test_national_table_marks_ties_and_highlights_the_focus():
    neighbours = pd.DataFrame(
        {
            "rank": [14, 15, 15],
            "tied": [False, True, True],
            "unit_code": ["hai-phong", "thanh-hoa", "yen-bai"],
            "unit_name_vi": ["TP. Hải Phòng", "Thanh Hóa", "Yên Bái"],
            "unit_name_en": ["Hai Phong", "Thanh Hoa", "Yen Bai"],
            "index_value": [float("nan"), 0.61234, float("nan")],
        }
    )

    table = national_table(neighbours, focus_code="thanh-hoa", lang="vi")

    assert table.rows == (
        ("14", "TP. Hải Phòng", "—"),
        ("15 (đồng hạng)", "Thanh Hóa", "0,6123"),
        ("15 (đồng hạng)", "Yên Bái", "—"),
    )
    assert table.highlight == 1


def test_radar_table_writes_every_value_of_the_radar():
    pillars = pillar_scores().assign(label=lambda f: f["pillar_name_vi"], share=lambda f: f["points"] / f["max_points"])
    leading = pd.DataFrame({"pillar_code": ["digital_society", "digital_government"], "share": [0.385, 0.819]})

    table = radar_table(pillars, [("TB 5 tỉnh dẫn đầu", leading, "leading_average")], unit="Bình Phước", lang="vi")

    assert table.headers == ("Chỉ số", "Bình Phước", "TB 5 tỉnh dẫn đầu", "Điểm")
    assert table.rows[0] == ("Hoạt động Chính quyền số", "73,1%", "81,9%", "146,25/200")
    assert table.rows[1][2] == "—", "a comparison without the pillar shows a dash, never another pillar's value"


def test_group_facts_count_units_per_group_in_order():
    groups = ["Tốt", "Tốt", "Khá", None, "Trung bình", "Khá", "Khá"]
    codes = ["tot", "tot", "kha", None, "trung_binh", "kha", "kha"]
    facts = group_facts(pd.DataFrame({"group": groups, "group_code": codes}), "vi")

    assert [(f.label, f.value, f.tone) for f in facts] == [
        ("Tốt", "2", "tot"),
        ("Khá", "3", "kha"),
        ("Trung bình", "1", "trung_binh"),
    ]


def test_cited_documents_lists_each_document_once_by_title():
    titles = {"002_a.txt": "Kế hoạch 57/KH-UBND", "DTI 2022 national ranking": "Xếp hạng DTI 2022"}
    citations = ["002_a.txt; Phần II | 003_b.txt; Phụ lục III.2", "002_a.txt; Phần I", "DTI 2022 national ranking"]

    assert cited_documents(citations, titles) == ["Kế hoạch 57/KH-UBND", "003_b.txt", "Xếp hạng DTI 2022"]


def test_a_slide_without_data_says_why_in_place_of_its_content():
    slide = Slide("districts", "Các huyện", message="Năm 2021 chưa có kết quả đánh giá cấp huyện.")

    view = slide_view(slide, 5, 9, lang="vi")

    assert view.id == "present-slide-districts"
    text = all_text(view)
    assert "Năm 2021 chưa có kết quả đánh giá cấp huyện." in text
    assert "6 / 9" in text
    assert "PNG" not in text, "no chart, nothing to download"


def test_a_chart_slide_offers_its_chart_as_png_and_svg():
    slide = Slide("weakest", "Chỉ số yếu nhất", figure=go.Figure(go.Bar(x=[1], y=["a"])))

    text = all_text(slide_view(slide, 0, 1, lang="vi", active=True))

    assert "PNG" in text and "SVG" in text


def test_a_chart_slide_carries_its_figure_in_a_box_the_page_draws_it_into():
    """The chart goes with its slide and is drawn when the slide is shown (assets/40-present.js): the box
    holds the slide's own figure, whole, and the deck's chart settings, under an id the page can write to."""
    figure = go.Figure(go.Bar(x=[3, 1], y=["Sở A", "Sở B"]))
    figure.update_layout(title_text="Điểm")
    slide = Slide("weakest", "Chỉ số yếu nhất", figure=figure)

    box = chart_box(slide)

    assert box.id == {"type": "present-chart", "slide": "weakest"}
    carried = go.Figure(json.loads(getattr(box, "data-figure")))
    assert list(carried.data[0].y) == ["Sở A", "Sở B"] and list(carried.data[0].x) == [3, 1]
    assert carried.layout.title.text == "Điểm"
    assert json.loads(getattr(box, "data-config"))["displayModeBar"] is False
    view = slide_view(slide, 0, 1, lang="vi", active=True)
    assert [getattr(part, "id", None) for part in view._traverse() if isinstance(getattr(part, "id", None), dict)] == [
        box.id
    ], "the slide draws its chart in that box"


def test_export_figure_is_opaque_and_leaves_the_slide_figure_alone():
    figure = go.Figure(go.Bar(x=[1], y=["a"]))
    figure.update_layout(paper_bgcolor="rgba(0,0,0,0)")

    exported = export_figure(figure)

    assert exported.layout.paper_bgcolor == "#ffffff"
    assert figure.layout.paper_bgcolor == "rgba(0,0,0,0)"


def test_export_layout_puts_facts_left_and_splits_figure_and_table():
    slide = Slide(
        "radar",
        "t",
        facts=(Fact("DTI", "0,6385"),),
        figure=go.Figure(),
        table=Table(("a",), (("1",),), ("left",)),
        bullets=("note",),
    )

    boxes = slide_boxes(slide)

    assert boxes.facts.left == MARGIN and boxes.facts.top == BODY_TOP
    assert boxes.figure.left > boxes.facts.left + boxes.facts.width
    assert boxes.table.left > boxes.figure.left + boxes.figure.width
    assert boxes.table.left + boxes.table.width == SLIDE_WIDTH - MARGIN
    assert boxes.bullets.top + boxes.bullets.height == BODY_BOTTOM
    assert figure_size(slide) == (boxes.figure.width, boxes.figure.height)


GROUP_CODES = {"Tốt": "tot", "Khá": "kha", "Trung bình": "trung_binh", "Yếu": "yeu"}


def published_weakest(level: str, count: int) -> pd.DataFrame:
    """The level's 2022 units with the lowest published total as a share of its maximum (totals.csv),
    as data_access.laggards frames them; the next group is left to its own tests."""
    with open(SEED_DIR / "units.csv", encoding="utf-8", newline="") as fh:
        names = {r["unit_code"]: r for r in csv.DictReader(fh)}
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["year"] == "2022" and r["level"] == level]
    frame = pd.DataFrame(
        {
            "unit_code": [r["unit_code"] for r in rows],
            "unit_name_vi": [names[r["unit_code"]]["name_vi"] for r in rows],
            "unit_name_en": [names[r["unit_code"]]["name_en"] for r in rows],
            "share": [float(r["published_total"]) / float(r["published_max"]) for r in rows],
            "points": [float(r["published_total"]) for r in rows],
            "max_points": [float(r["published_max"]) for r in rows],
            "group": [r["published_group"] for r in rows],
            "group_code": [GROUP_CODES.get(r["published_group"], "") for r in rows],
            "missing": [None] * len(rows),
            "next_group": [""] * len(rows),
            "source": [r["source"] for r in rows],
        }
    )
    return frame.sort_values(["share", "unit_name_vi"]).head(count)[LAGGARD_COLUMNS].reset_index(drop=True)


def laggard_deck(laggards: dict[str, pd.DataFrame]) -> SimpleNamespace:
    return SimpleNamespace(year=2022, laggards=laggards, name=lambda lang: "Bình Phước")


def test_laggards_slide_lists_the_weakest_units_the_published_totals_imply():
    departments = published_weakest("department", 3)
    districts = published_weakest("district", 3)

    slide = laggards_slide(laggard_deck({"department": departments, "district": districts}), lang="vi", titles={})

    rows = slide.table.rows
    assert len(rows) == len(departments) + len(districts)
    assert rows[0][1] == "Cục Thống kê" and rows[0][2] == "51,1%", "the weakest department by % of maximum"
    assert [r[1] for r in rows[: len(departments)]] == departments["unit_name_vi"].tolist()
    assert [r[1] for r in rows[len(departments) :]] == districts["unit_name_vi"].tolist()
    assert [r[3] for r in rows] == [*departments["group"], *districts["group"]]
    assert [slide.table.tone(i, 3) for i in range(len(rows))] == [*departments["group_code"], *districts["group_code"]]
    weakest_department, weakest_district = slide.facts
    assert weakest_department.value == "51,1%" and weakest_department.tone == departments["group_code"][0]
    assert weakest_district.detail.startswith(districts["unit_name_vi"][0])
    assert not slide.message and not slide.bullets


def test_laggards_slide_says_what_misses_for_the_next_group():
    frame = published_weakest("department", 1).assign(missing=[12.345], next_group=["Khá"])

    slide = laggards_slide(laggard_deck({"department": frame}), lang="vi", titles={})

    assert slide.table.rows[0][4] == "12,35 → Khá"


def test_laggards_slide_without_scores_says_so():
    empty = published_weakest("department", 0)

    nothing = laggards_slide(laggard_deck({"department": empty, "district": empty}), lang="vi", titles={})
    only_departments = laggards_slide(
        laggard_deck({"department": published_weakest("department", 3), "district": empty}), lang="vi", titles={}
    )

    assert nothing.table is None and "chưa có kết quả" in nothing.message
    assert len(only_departments.table.rows) == 3
    assert only_departments.bullets == ("Năm 2022 chưa có kết quả đánh giá cấp huyện của Bình Phước.",)


def district_results(count: int) -> DistrictResults:
    """`count` districts of two criteria, "Huyện 001" best and each next one a point lower."""
    codes = [f"h{i:03d}" for i in range(1, count + 1)]
    totals = pd.DataFrame(
        {
            "unit_code": codes,
            "unit_name_vi": [f"Huyện {i:03d}" for i in range(1, count + 1)],
            "unit_name_en": [f"District {i:03d}" for i in range(1, count + 1)],
            "total": [200.0 - i for i in range(count)],
            "max_total": 200.0,
            "share": [(200.0 - i) / 200 for i in range(count)],
            "rank": list(range(1, count + 1)),
            "group": "Khá",
        }
    )
    scores = pd.DataFrame(
        [
            {
                "unit_code": code,
                "pillar_code": pillar,
                "pillar_name_vi": name,
                "pillar_name_en": name,
                "points": total / 2,
                "max_points": 100.0,
                "share": total / 200,
                "sort_order": order,
                "source": "Synthetic",
            }
            for code, total in zip(codes, totals["total"], strict=True)
            for order, (pillar, name) in enumerate((("a", "Thể chế số"), ("b", "Hạ tầng số")))
        ]
    )
    thresholds = [Threshold("Tốt", 0.8, "tot"), Threshold("Khá", 0.65, "kha")]
    return DistrictResults("p", 2022, scores, totals, scores.drop_duplicates("pillar_code"), thresholds)


def district_deck(count: int) -> SimpleNamespace:
    return SimpleNamespace(year=2022, districts=district_results(count), name=lambda lang: "Bắc Giang")


def test_a_hundred_districts_slide_shows_the_strongest_and_the_weakest_and_says_where_the_rest_are():
    """100 districts squeezed into one heatmap printed their names over each other: the slide draws
    twenty readable rows (the 5 best, the 15 weakest), each named with its rank, and says so."""
    slide = districts_slide(district_deck(100), theme="dark", lang="vi", titles={})

    heatmap = slide.figure.data[0]
    assert len(heatmap.y) == 20
    labels = list(slide.figure.layout.yaxis.ticktext)
    assert labels[:6] == [*(f"{i}. Huyện {i:03d}" for i in range(1, 6)), "86. Huyện 086"]
    assert labels[-1] == "100. Huyện 100"
    assert slide.bullets == (
        "Trang này hiện 20 trên 100 đơn vị: 5 đơn vị điểm cao nhất và 15 đơn vị thấp nhất (số trước tên là thứ hạng). "
        "Đủ 100 đơn vị ở trang “Huyện, thị, thành” và tệp Excel tải từ đó.",
    )
    assert slide.bullets[0] in slide.notes
    assert "thấp nhất: Huyện 100 (101 điểm)" in slide.notes, "the notes still name the province's lowest"
    english = districts_slide(district_deck(100), theme="dark", lang="en", titles={})
    assert english.bullets[0].startswith("This slide shows 20 of 100 units")


def test_a_province_of_few_districts_shows_them_all_without_a_note():
    slide = districts_slide(district_deck(11), theme="dark", lang="vi", titles={})

    assert len(slide.figure.data[0].y) == 11
    assert slide.figure.layout.yaxis.ticktext[0] == "Huyện 001", "no ranks where every district is shown"
    assert slide.bullets == ()
