"""Builders of a unit's page, tested without a server or a database."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.theme import GROUP_COLORS
from components.units import (
    divided_note,
    history_block,
    lost_list,
    pillar_bars,
    pillar_export,
    reconciliation_notes,
    result_cards,
    source_list,
    thresholds_text,
    total_text,
)
from data_access.scoring import Threshold
from domain.records import NextGroup, Result, YearResult

THRESHOLDS = [
    Threshold("Tốt", 0.8, "tot"),
    Threshold("Khá", 0.65, "kha"),
    Threshold("Trung bình", 0.5, "trung_binh"),
    Threshold("Yếu", 0.0, "yeu"),
]
SOURCE = "003_x.txt; Phụ lục III.1.a"
TITLES = {"003_x.txt": "Báo cáo sơ kết"}


def text_of(component) -> str:
    return json.dumps(component.to_plotly_json(), default=lambda o: o.to_plotly_json(), ensure_ascii=False)


def year_result(**changes) -> YearResult:
    shown = Result(total=428.76, max_total=600.0, rank=14, rank_of=24, group="Khá", source=SOURCE)
    values = {
        "year": 2022,
        "shown": shown,
        "published": shown,
        "computed": shown,
        "median_method": False,
        "differences": (),
        "reason": "",
        "published_note": "",
    }
    values.update(changes)
    return YearResult(**values)


def pillars() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "pillar_code": ["awareness", "digital_government", "website"],
            "pillar_name_vi": ["Nhận thức số", "Hoạt động chính quyền số", "Điểm trang thông tin điện tử"],
            "pillar_name_en": ["Digital awareness", "Digital government", "Website"],
            "label": ["Nhận thức số", "Hoạt động chính quyền số", "Điểm trang thông tin điện tử"],
            "points": [50.0, 133.02, 82.0],
            "max_points": [50.0, 200.0, 100.0],
            "share": [1.0, 0.6651, 0.82],
            "lost": [0.0, 66.98, 18.0],
            "best_points": [50.0, 183.0, 100.0],
            "median_points": [47.5, 127.695, 84.0],
            "best_count": [9, 1, 2],
            "best_name_vi": ["Sở A", "Sở B", "Sở C"],
            "best_name_en": ["Dept A", "Dept B", "Dept C"],
            "sort_order": [1, 6, 8],
            "source": [SOURCE, SOURCE, "=cmd|' /C calc'!A0"],
        }
    )


def test_totals_read_as_points_of_the_maximum():
    assert total_text(428.76, 600, "vi") == "428,76 / 600"
    assert total_text(638.45, 1000, "vi") == "638,45 / 1.000"
    assert total_text(428.76, 600, "en") == "428.76 / 600"
    assert total_text(None, 600, "vi") == "—"


def test_threshold_bounds_are_listed_from_the_data_highest_first():
    assert thresholds_text(reversed(THRESHOLDS), "vi") == "Tốt ≥ 80%, Khá ≥ 65%, Trung bình ≥ 50%"
    assert thresholds_text(THRESHOLDS, "en") == "Good ≥ 80%, Fair ≥ 65%, Average ≥ 50%"


def test_result_cards_show_total_rank_group_and_the_points_missing_for_the_next_group():
    found = NextGroup(current="Khá", group="Tốt", min_share=0.8, target_points=480.0, missing_points=51.24)
    cards = text_of(result_cards(year_result(), found, THRESHOLDS, level="department", lang="vi", titles=TITLES))
    for expected in ("428,76 / 600", "71,46%", "14/24", "hạng 14 trong 24 sở, ban, ngành", "Khá", "51,24 điểm"):
        assert expected in cards
    assert "Còn thiếu để lên nhóm Tốt" in cards
    assert "Báo cáo sơ kết, Phụ lục III.1.a" in cards
    for element_id in ("units-total", "units-rank", "units-group", "units-next"):
        assert f'"id": "{element_id}"' in cards
    assert f'"background": "{GROUP_COLORS["kha"]}"' in cards, "the group badge in its code's colour"


def test_the_top_group_says_so_and_a_framework_without_groups_has_no_next_group_card():
    top = NextGroup(current="Tốt", group=None, min_share=None, target_points=None, missing_points=None)
    cards = text_of(result_cards(year_result(), top, THRESHOLDS, level="department", lang="vi", titles=TITLES))
    assert "Đơn vị đã ở nhóm cao nhất (Tốt)" in cards
    province = year_result(shown=Result(638.45, 1000.0, 12, 63, None, SOURCE))
    cards = text_of(result_cards(province, None, [], level="province", lang="en", titles=TITLES))
    assert "638.45 / 1,000" in cards and "12/63" in cards
    assert "units-next" not in cards
    assert "has no groups" in cards


def test_a_published_index_is_shown_beside_the_points():
    index = Result(total=0.6385, max_total=1.0, rank=12, rank_of=63, group=None)
    shown = Result(638.45, 1000.0, 12, 63, None, SOURCE)
    cards = text_of(
        result_cards(year_result(shown=shown, published=index), None, [], level="province", lang="vi", titles={})
    )
    assert "Chỉ số công bố: 0,6385" in cards


def test_differences_and_the_median_method_are_explained_not_hidden():
    published = Result(553.8, 600.0, 2, 24, "Tốt")
    computed = Result(540.0, 600.0, 3, 24, "Tốt")
    result = year_result(
        published=published, computed=computed, median_method=True, differences=("total", "rank"), reason="x"
    )
    notes = " ".join(text_of(note) for note in reconciliation_notes(result, "vi"))
    assert "phương pháp trung vị" in notes
    assert "tổng 553,8 (công bố) / 540 (tính lại)" in notes
    assert "hạng 2 / 3" in notes
    assert reconciliation_notes(year_result(), "vi") == []


def test_bars_draw_points_over_the_maximum_with_the_levels_best_and_median():
    figure = pillar_bars(pillars(), theme="dark", lang="vi")
    assert isinstance(figure, go.Figure)
    maximum, points, best, median = figure.data
    assert list(maximum.x) == [50, 200, 100] and list(points.x) == [50, 133.02, 82]
    assert list(best.x) == [50, 183, 100] and list(median.x) == [47.5, 127.695, 84]
    assert list(best.customdata) == ["Sở A và 8 đơn vị khác", "Sở B", "Sở C và 1 đơn vị khác"]
    assert figure.layout.barmode == "overlay"
    assert [a.text for a in figure.layout.annotations] == ["<b>50</b> / 50", "<b>133,02</b> / 200", "<b>82</b> / 100"]
    assert figure.layout.yaxis.autorange == "reversed"  # display order, first pillar on top


def test_where_the_points_went_lists_pillars_by_loss_then_the_tasks_losing_most():
    frame = pillars().sort_values("lost", ascending=False)
    tasks = pd.DataFrame(
        {
            "pillar_code": ["digital_government"] * 7,
            "indicator_name_vi": [f"Nhiệm vụ {i}" for i in range(7)],
            "points": [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 10.0],
            "max_points": [10.0] * 7,
            "lost": [10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 0.0],
        }
    )
    listing = lost_list(frame, tasks, lang="vi")
    text = text_of(listing)
    order = [text.index(name) for name in ("Hoạt động chính quyền số", "Điểm trang thông tin điện tử", "Nhận thức số")]
    assert order == sorted(order)
    assert "−66,98" in text and "đạt tối đa" in text
    assert "Tổng cộng mất 84,98 điểm so với tối đa 350." in text
    assert "Nhiệm vụ 4" in text and "Nhiệm vụ 5" not in text  # the five largest losses only
    assert "units-lost-tasks" not in text_of(lost_list(frame, tasks.iloc[0:0], lang="vi"))


def test_history_is_a_sentence_for_one_year_and_a_chart_and_table_for_several():
    one = pd.DataFrame(
        {
            "year": [2022],
            "total": [428.76],
            "max_total": [600.0],
            "rank": [14],
            "rank_of": [24],
            "group": ["Khá"],
            "group_code": ["kha"],
        }
    )
    assert "Mới có kết quả của một năm (2022)" in text_of(
        history_block(one, theme="dark", lang="vi", graph_config={})[0]
    )
    several = pd.DataFrame(
        {
            "year": [2020, 2021, 2022],
            "total": [None, None, 638.45],
            "max_total": [None, None, 1000.0],
            "rank": pd.array([25, 9, 12], dtype="Int64"),
            "rank_of": pd.array([63, 63, 63], dtype="Int64"),
            "group": [None, None, None],
            "group_code": [None, None, None],
        }
    )
    body = history_block(several, theme="dark", lang="vi", graph_config={})
    graph, table = body
    figure = graph.children.figure
    assert list(figure.data[0].y) == [25, 9, 12]
    assert "638,45 / 1.000" in text_of(table) and "25/63" in text_of(table)


def test_sources_are_listed_once_each_and_readable():
    listing = text_of(source_list([SOURCE, f"{SOURCE} | other.txt", "", SOURCE], TITLES, note="ghi chú", lang="vi"))
    assert listing.count("Báo cáo sơ kết, Phụ lục III.1.a") == 1
    assert "other.txt" in listing
    assert "Ghi chú về đơn vị: ghi chú" in listing


@pytest.mark.parametrize(("lang", "points", "pillar"), [("vi", "Điểm", "Chỉ số chính"), ("en", "Points", "Pillar")])
def test_the_pillar_export_keeps_numbers_and_readable_sources(lang, points, pillar):
    export = pillar_export(pillars(), lang=lang, year=2022, unit_name="Sở Y tế", titles=TITLES)
    assert len(export) == 3
    assert export[points].tolist() == [50.0, 133.02, 82.0]
    assert export[pillar].iloc[1] == ("Hoạt động chính quyền số" if lang == "vi" else "Digital government")
    assert export.iloc[1].tolist()[-5:-1] == [66.51, 66.98, 183.0, 127.7]
    assert export.iloc[0, -1] == "Báo cáo sơ kết, Phụ lục III.1.a"


def _communes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "successor": ["xa-a", "phuong-b"],
            "successor_name_vi": ["Xã Tân Tiến", "Phường Đồng Xoài"],
            "successor_name_en": ["Tan Tien Commune", ""],
            "effective_date": ["2025-07-01", "2025-07-01"],
            "first_ranked_year": [2025, 2025],
        }
    )


def test_a_divided_district_names_its_communes_as_links_where_the_reader_may_open_them():
    note = divided_note(_communes(), unit_href=lambda code: f"/units/{code}" if code == "xa-a" else None, lang="vi")

    text = text_of(note)
    assert "Đã sắp xếp thành các xã/phường:" in text and "(từ ngày 01/07/2025)" in text
    links = [child for child in note.children if getattr(child, "href", None)]
    assert [(link.children, link.href) for link in links] == [("Xã Tân Tiến", "/units/xa-a")]
    assert "Phường Đồng Xoài" in text


def test_a_divided_district_s_note_reads_in_english():
    note = divided_note(_communes(), unit_href=lambda code: f"/units/{code}", lang="en")

    text = text_of(note)
    assert "Reorganised into the communes/wards:" in text and "(from 2025-07-01)" in text
    assert [child.children for child in note.children if getattr(child, "href", None)] == [
        "Tan Tien Commune",
        "Phường Đồng Xoài",
    ]
