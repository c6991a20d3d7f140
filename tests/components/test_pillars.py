"""Builders of the pillars page, tested without a server or a database."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.pillars import (
    indicator_card,
    indicator_export,
    indicator_figure,
    pillar_export,
    pillar_table,
    pillar_table_rows,
    scored_tasks,
    summary_chips,
    task_list,
    tasks_lost,
)
from components.theme import GROUP_COLORS

NAN = math.nan


def tasks(points: list[float], max_points: list[float], *, reverse: bool = False) -> pd.DataFrame:
    """One pillar's tasks as `data_access.pillars.indicator_points` returns them; the first has a value of 62,35%.

    `reverse` lists the rows in the opposite of their display order.
    """
    n = len(points)
    frame = pd.DataFrame(
        {
            "pillar_code": ["infrastructure"] * n,
            "pillar_name_vi": ["Hạ tầng số"] * n,
            "pillar_name_en": ["Digital infrastructure"] * n,
            "pillar_max_points": [100.0] * n,
            "n_indicators": [7] * n,
            "indicator_name_vi": [f"Nhiệm vụ thử {i}" for i in range(1, n + 1)],
            "target_text": [f"Mục tiêu {i}" for i in range(1, n + 1)],
            "points": points,
            "max_points": max_points,
            "sort_order": list(range(n, 0, -1)) if reverse else list(range(1, n + 1)),
            "value": [62.35] + [NAN] * (n - 1),
            "value_unit": ["%"] + [None] * (n - 1),
            "indicator_note": [""] * n,
            "source": ["001_x.txt; slide 'Về hạ tầng số'"] * n,
        }
    )
    frame["share"] = frame["points"] / frame["max_points"]
    return frame


def text_of(component) -> str:
    """All text a Dash component tree renders, in order."""
    children = getattr(component, "children", None)
    if children is None:
        return "" if component is None or not isinstance(component, str) else component
    if isinstance(children, str | int | float):
        return str(children)
    if not isinstance(children, list):
        children = [children]
    return " ".join(text_of(child) for child in children)


def test_three_scored_tasks_draw_a_closed_radar_labelled_by_task_number():
    frame = tasks([6.24, 8.52, 0.0], [10, 10, 15], reverse=True)
    figure = indicator_figure(scored_tasks(frame), color="#f28e2b", theme="dark", lang="vi")
    (trace,) = figure.data
    assert isinstance(trace, go.Scatterpolar)
    # sort_order runs backwards in the fixture: the task listed first is the last row.
    assert list(trace.r) == [0.0, 85.2, 62.4, 0.0]
    assert trace.theta[2] == "Nhiệm vụ 3<br><b>62,4%</b>"
    assert "6,24/10 = 62,4%" in trace.customdata[2]
    assert figure.layout.separators == ",."


def test_fewer_than_three_scored_tasks_are_bars_not_a_degenerate_radar():
    frame = tasks([10.83, 3.4], [25, 15])
    figure = indicator_figure(scored_tasks(frame), color="#59a14f", theme="light", lang="vi")
    (trace,) = figure.data
    assert isinstance(trace, go.Bar)
    assert trace.orientation == "h"
    assert list(trace.x) == [43.32, 22.67]
    assert list(trace.y) == ["Nhiệm vụ 1", "Nhiệm vụ 2"]
    assert trace.text[0] == "<b>43,3%</b> (10,83/25)"
    assert figure.layout.yaxis.autorange == "reversed", "task 1 on top, as in the list"


def test_scored_tasks_keep_the_numbers_of_the_full_list():
    frame = tasks([4.2, NAN, 13.81], [20, NAN, 20])
    assert scored_tasks(frame)["number"].tolist() == [1, 3]


def test_task_list_shows_points_and_lists_tasks_without_points_with_their_target():
    frame = tasks([6.24, NAN], [10, NAN])
    listing = task_list(frame, lang="vi", list_id="x")
    first, second = listing.children
    assert "Nhiệm vụ thử 1" in text_of(first)
    assert "giá trị 62,35%" in text_of(first)
    assert "6,24/10" in text_of(first)
    assert "62,4%" in text_of(first)
    assert "chưa có điểm" in text_of(second)
    assert "Mục tiêu: Mục tiêu 2" in text_of(second)
    assert "task-unscored" in second.className


def test_points_lost_by_the_scored_tasks():
    assert tasks_lost(tasks([6.24, 8.52, NAN], [10, 10, NAN])) == pytest.approx(5.24)


PILLARS = pd.DataFrame(
    {
        "pillar_code": ["awareness", "infrastructure"],
        "pillar_name_vi": ["Nhận thức số", "Hạ tầng số"],
        "points": [94.17, 72.64],
        "max_points": [100.0, 100.0],
        "share": [0.9417, 0.7264],
        "source": ["000_x.txt; A", "000_x.txt; A"],
    }
)


def test_table_rows_align_comparisons_on_the_pillars_and_stay_numeric():
    leader = pd.DataFrame({"pillar_code": ["infrastructure", "awareness"], "share": [0.825, 1.0]})
    rows = pillar_table_rows(PILLARS, [leader], name_column="pillar_name_vi")
    assert rows["pillar"].tolist() == ["Nhận thức số", "Hạ tầng số"]
    assert rows["lost"].tolist() == [5.83, 27.36]
    assert rows["percent"].tolist() == [94.17, 72.64]
    assert rows["cmp_0"].tolist() == [100.0, 82.5]


def _cells(table) -> list[list]:
    """The table body's cells, row by row."""
    body = table.children[1]
    return [row.children for row in body.children]


def test_table_cells_show_vietnamese_numbers_and_carry_the_number_they_sort_by():
    rows = pillar_table_rows(PILLARS, [], name_column="pillar_name_vi")
    table = pillar_table(rows, [], lang="vi", table_id="t")
    assert "sortable-table" in table.className
    headers = table.children[0].children.children
    assert [th.children.children[0] for th in headers] == ["Chỉ số chính", "Điểm", "Tối đa", "% tối đa", "Điểm bị mất"]
    columns = [getattr(th, "data-column") for th in headers]
    lost = columns.index("lost")
    assert getattr(headers[lost], "data-type") == "number"
    assert getattr(headers[0], "data-type") == "text"
    cells = _cells(table)
    assert cells[1][lost].children == "27,36"
    assert float(getattr(cells[1][lost], "data-value")) == 27.36, "the sort reads the number, not the text"
    assert cells[1][columns.index("percent")].children == "72,6%"
    assert float(getattr(cells[1][columns.index("percent")], "data-value")) == 72.64
    assert cells[0][columns.index("max_points")].children == "100"
    assert cells[0][0].children == "Nhận thức số"
    assert [getattr(row, "data-order") for row in table.children[1].children] == ["0", "1"], "the order to return to"
    english = pillar_table(rows, [], lang="en", table_id="t")
    assert _cells(english)[1][lost].children == "27.36"


def test_comparison_columns_keep_their_full_name_as_a_tooltip_and_leave_a_missing_share_empty():
    leader = pd.DataFrame({"pillar_code": ["awareness"], "share": [1.0]})
    rows = pillar_table_rows(PILLARS, [leader], name_column="pillar_name_vi")
    table = pillar_table(rows, ["% dẫn đầu"], comparison_tooltips=["Dẫn đầu: TP. Đà Nẵng"], lang="vi", table_id="t")
    header = table.children[0].children.children[-1]
    assert header.children.children[0] == "% dẫn đầu"
    assert header.title == "Dẫn đầu: TP. Đà Nẵng"
    cells = _cells(table)
    assert (cells[0][-1].children, getattr(cells[0][-1], "data-value")) == ("100,0%", "100.0")
    assert (cells[1][-1].children, getattr(cells[1][-1], "data-value")) == ("", ""), "no share: empty, sorted last"


def test_pillar_export_has_vietnamese_headers_comparisons_and_sources():
    leader = pd.DataFrame({"pillar_code": ["awareness", "infrastructure"], "share": [1.0, 0.825]})
    rows = pillar_table_rows(PILLARS, [leader], name_column="pillar_name_vi")
    export = pillar_export(
        rows, ["% Dẫn đầu: TP. Đà Nẵng"], lang="vi", year=2022, level_label="Tỉnh", unit_name="Bình Phước"
    )
    assert export.columns.tolist() == [
        "Năm",
        "Cấp",
        "Đơn vị",
        "Chỉ số chính",
        "Điểm",
        "Điểm tối đa",
        "% điểm tối đa",
        "Điểm bị mất",
        "% Dẫn đầu: TP. Đà Nẵng",
        "Nguồn",
    ]
    assert export.iloc[1].tolist()[3:9] == ["Hạ tầng số", 72.64, 100.0, 72.64, 27.36, 82.5]


def test_indicator_export_keeps_tasks_without_points_with_their_target():
    frame = tasks([NAN, 6.24], [NAN, 10])
    export = indicator_export(frame, lang="vi", year=2022, unit_name="Bình Phước")
    assert export["Nhiệm vụ (chỉ số thành phần)"].tolist() == ["Nhiệm vụ thử 1", "Nhiệm vụ thử 2"]
    assert export["Mục tiêu"].tolist() == ["Mục tiêu 1", "Mục tiêu 2"]
    assert export["Điểm"].isna().tolist() == [True, False]
    assert export["% điểm tối đa"].iloc[1] == 62.4


def test_summary_shows_total_of_maximum_rank_and_group():
    chips = summary_chips(
        total=428.76,
        max_total=600,
        rank=14,
        rank_of=24,
        rank_label="Xếp hạng",
        group="Khá",
        group_code="kha",
        lang="vi",
    )
    text = text_of(chips)
    assert "428,76/600" in text
    assert "71,46%" in text
    assert "14/24" in text
    assert "Khá" in text
    badge = chips.children[-1].children[1].children
    assert (badge.children, badge.style["background"]) == ("Khá", GROUP_COLORS["kha"]), "the group in its colour"
    without_rank = summary_chips(
        total=638.45, max_total=1000, rank=None, rank_of=None, rank_label="Hạng", group=None, group_code=None, lang="vi"
    )
    assert len(without_rank.children) == 1
    assert "638,45/1.000" in text_of(without_rank)


def test_indicator_card_titles_the_pillar_points_and_explains_the_tasks_share_of_the_loss():
    pillar = pd.DataFrame({"points": [72.64], "lost": [27.36]})
    frame = tasks([6.24, 8.52, 7.74, NAN], [10, 10, 10, NAN])
    card = indicator_card(frame, pillar=pillar, theme="dark", lang="vi", source="Nguồn: 001", graph_config={})
    text = text_of(card)
    assert "Hạ tầng số: 72,64/100 điểm" in text
    assert "Nguồn cho điểm 3 nhiệm vụ trong 7 chỉ số thành phần." in text
    assert "Các nhiệm vụ này mất 7,5 điểm; cả chỉ số chính mất 27,36 điểm." in text
    assert "chưa có điểm" in text
    assert text.endswith("Nguồn: 001")


def test_indicator_card_without_scored_tasks_is_a_list_without_a_chart():
    frame = tasks([NAN], [NAN])
    card = indicator_card(frame, pillar=pd.DataFrame(), theme="dark", lang="vi", source="", graph_config={})
    assert "Hạ tầng số: —/100 điểm" in text_of(card)
    assert "pillars-indicators-infrastructure" not in repr(card)
    assert "chưa có điểm" in text_of(card)
