"""The peers comparison's builders on small frames: bump chart highlighting, picker, table, radar."""

from __future__ import annotations

import pandas as pd
import pytest

from components.peers import peer_colors, peer_picker, peer_radar, peer_table, radar_legend
from components.rankings import bump_chart, spread_labels
from components.theme import PEER_COLORS, SERIES_COLORS

HISTORY = pd.DataFrame(
    {
        "unit_code": ["binh-phuoc"] * 3 + ["da-nang"] * 2 + ["binh-duong", "ha-noi"],
        "unit_name_vi": ["Bình Phước"] * 3 + ["TP. Đà Nẵng"] * 2 + ["Bình Dương", "TP. Hà Nội"],
        "unit_name_en": ["Binh Phuoc"] * 3 + ["Da Nang"] * 2 + ["Binh Duong", "Ha Noi"],
        "year": [2020, 2021, 2022, 2021, 2022, 2022, 2022],
        "rank": [25, 9, 12, 2, 1, 19, 24],
        "rank_of": [63] * 7,
    }
)


def _texts(component) -> list[str]:
    if isinstance(component, str):
        return [component]
    if isinstance(component, (list, tuple)):
        return [s for child in component for s in _texts(child)]
    children = getattr(component, "children", None)
    return _texts(children) if children is not None else []


def test_bump_chart_names_every_highlighted_line_at_both_ends_and_leaves_the_rest_faint():
    figure = bump_chart(
        HISTORY, focus_code="binh-phuoc", theme="dark", lang="vi", axis_title="Hạng", peers=["da-nang", "binh-duong"]
    )
    by_name = {trace.name: trace for trace in figure.data}
    assert figure.data[-1].name == "Bình Phước", "the focus on top"
    assert by_name["Bình Phước"].line.color == SERIES_COLORS["focus"]
    assert by_name["TP. Đà Nẵng"].line.color == PEER_COLORS[0]
    assert by_name["Bình Dương"].line.color == PEER_COLORS[1]
    assert list(by_name["TP. Đà Nẵng"].text) == ["2/63", "1/63"]
    rest = by_name["Tỉnh, thành phố khác"]
    assert rest.opacity < 1 and rest.mode == "lines+markers", "context line: faint, no labels"
    assert list(rest.customdata) == ["TP. Hà Nội", None], "named on hover only"
    assert list(rest.y) == [24, None]
    labels = [(a.text, a.xanchor, a.x) for a in figure.layout.annotations]
    # Left ends of lines spanning several years, right ends of every highlighted line; x is the
    # category's index (2020 → 0, 2022 → 2).
    assert sorted(labels) == sorted(
        [
            ("Bình Phước", "right", 0),
            ("TP. Đà Nẵng", "right", 1),
            ("Bình Phước", "left", 2),
            ("TP. Đà Nẵng", "left", 2),
            ("Bình Dương", "left", 2),
        ]
    )
    assert "TP. Hà Nội" not in {a.text for a in figure.layout.annotations}
    assert list(figure.layout.xaxis.range) == pytest.approx([-0.4, 2.4]), "three years, fixed"


def test_end_labels_of_close_ranks_are_pushed_apart():
    assert spread_labels([12, 13, 40], [2.25] * 3) == [12, 14.25, 40]
    assert spread_labels([5, 1, 2], [2] * 3) == [5, 1, 3]
    assert spread_labels([1, 2], [2, 4]) == [1, 4], "a name of two lines takes the height of two"
    assert spread_labels([60, 61, 62], [2] * 3, within=(-4, 63)) == [58, 60, 62], "pulled back inside the axis"


def test_each_province_keeps_its_colour_in_the_order_chosen():
    colors = peer_colors("binh-phuoc", ["dong-nai", "binh-phuoc", "tay-ninh"])
    assert colors == {"binh-phuoc": SERIES_COLORS["focus"], "dong-nai": PEER_COLORS[0], "tay-ninh": PEER_COLORS[1]}


def test_the_picker_holds_the_choice_and_its_presets_are_links():
    choices = HISTORY[HISTORY["year"] == 2022]
    picker = peer_picker(
        choices,
        ["da-nang"],
        presets=[("region", "Vùng Đông Nam Bộ", "/rankings?peers=binh-duong")],
        clear_href="/rankings?peers=none",
        lang="vi",
        notes=["Không có trong xếp hạng năm 2022, đã bỏ qua: xyz"],
    )
    dropdown = picker.children[1]
    assert dropdown.value == ["da-nang"]
    assert {o["value"]: o["label"] for o in dropdown.options}["binh-duong"] == "19. Bình Dương"
    assert picker.children[2].data == ["da-nang"], "the choice drawn, for the picker's first report"
    links = {link.id: link.href for link in picker.children[3].children}
    assert links == {
        "rankings-peers-preset-region": "/rankings?peers=binh-duong",
        "rankings-peers-clear": "/rankings?peers=none",
    }
    assert "đã bỏ qua: xyz" in _texts(picker)[-1]


TABLE = pd.DataFrame(
    {
        "unit_code": ["da-nang", "binh-phuoc", "binh-duong"],
        "unit_name_vi": ["TP. Đà Nẵng", "Bình Phước", "Bình Dương"],
        "unit_name_en": ["Da Nang", "Binh Phuoc", "Binh Duong"],
        "rank": [1, 12, 19],
        "rank_of": [63, 63, 63],
        "index_value": [0.8002, 0.6385, float("nan")],
        "previous_rank": pd.array([2, 9, pd.NA], dtype="Int64"),
        "rank_change": pd.array([1, -3, pd.NA], dtype="Int64"),
        "region_name_vi": ["Bắc Trung Bộ và duyên hải miền Trung", "Đông Nam Bộ", "Đông Nam Bộ"],
        "region_name_en": ["North Central and Central Coast", "Southeast", "Southeast"],
        "has_pillars": [True, True, False],
        "source": ["s", "s", "s"],
    }
)


def test_the_peers_table_reads_rank_region_value_and_change():
    colors = peer_colors("binh-phuoc", ["da-nang", "binh-duong"])
    table = peer_table(TABLE, colors=colors, focus_code="binh-phuoc", previous_year=2021, lang="vi")
    head, body = table.children
    assert _texts(head)[-1] == "So với 2021"
    rows = [_texts(row) for row in body.children]
    assert rows[0] == ["1/63", "TP. Đà Nẵng", "Bắc Trung Bộ và duyên hải miền Trung", "0,8002", "▲ 1"]
    assert rows[1] == ["12/63", "Bình Phước", "Đông Nam Bộ", "0,6385", "▼ 3"]
    assert rows[2] == ["19/63", "Bình Dương", "Đông Nam Bộ", "—", "—"]
    assert body.children[1].className == "rankings-row rankings-focus"


def test_the_radar_draws_only_provinces_with_figures_focus_last_in_their_colours():
    pillars = pd.DataFrame(
        {
            "unit_code": ["da-nang", "da-nang", "binh-phuoc", "binh-phuoc"],
            "unit_name_vi": ["TP. Đà Nẵng", "TP. Đà Nẵng", "Bình Phước", "Bình Phước"],
            "unit_name_en": ["Da Nang", "Da Nang", "Binh Phuoc", "Binh Phuoc"],
            "pillar_code": ["awareness", "institutions"] * 2,
            "pillar_name_vi": ["Nhận thức số", "Thể chế số"] * 2,
            "pillar_name_en": ["Digital awareness", "Digital institutions"] * 2,
            "sort_order": [1, 2] * 2,
            "share": [0.9581, 0.9, 0.9417, 0.8],
        }
    )
    colors = peer_colors("binh-phuoc", ["da-nang", "binh-duong"])
    figure = peer_radar(
        pillars,
        order=["binh-phuoc", "da-nang", "binh-duong"],
        colors=colors,
        focus_code="binh-phuoc",
        theme="dark",
        lang="vi",
    )
    assert [trace.name for trace in figure.data] == ["TP. Đà Nẵng", "Bình Phước"]
    assert list(figure.data[1].r) == [94.17, 80.0, 94.17]
    assert figure.data[0].line.color == PEER_COLORS[0]
    legend = radar_legend(TABLE, colors=colors, focus_code="binh-phuoc", lang="vi")
    assert _texts(legend) == ["TP. Đà Nẵng", "Bình Phước"], "Bình Dương has no main-index figures"
