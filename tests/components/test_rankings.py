"""Rankings builders on small frames: tables, bump chart, map, bars and export frames."""

from __future__ import annotations

from itertools import pairwise

import pandas as pd
import pytest
from plotly.colors import sample_colorscale

from components.rankings import (
    NAME_CHARACTER_PX,
    NAME_LINE_CHARACTERS,
    NAME_LINE_SPACING,
    NAME_SHIFT_PX,
    PLOT_HEIGHT_MIN_PX,
    DrawnLine,
    bump_chart,
    dti_note,
    end_name,
    group_badge,
    group_legend,
    label_positions,
    name_margin,
    national_export,
    national_table,
    offshore_islands,
    rank_map,
    unit_bars,
    unit_export,
    unit_table,
)
from components.theme import CHART_TICK, FALLBACK_COLOR, GROUP_COLORS, SERIES_COLORS, STATUS_COLORS, card_color, ink
from data_access import geo
from domain.vocabulary import Threshold

NATIONAL = pd.DataFrame(
    {
        "rank": [12, 15, 15, 17],
        "rank_of": [63, 63, 63, 63],
        "tied": [False, True, True, False],
        "unit_code": ["binh-phuoc", "thanh-hoa", "yen-bai", "hau-giang"],
        "unit_name_vi": ["Bình Phước", "Thanh Hóa", "Yên Bái", "Hậu Giang"],
        "unit_name_en": ["Binh Phuoc", "Thanh Hoa", "Yen Bai", "Hau Giang"],
        "index_value": [0.6385, float("nan"), float("nan"), float("nan")],
        "source": ["doc-a; slide 3", "national", "national", "national"],
    }
)

HISTORY = pd.DataFrame(
    {
        "unit_code": ["binh-phuoc"] * 3 + ["da-nang"] * 2,
        "unit_name_vi": ["Bình Phước"] * 3 + ["TP. Đà Nẵng"] * 2,
        "unit_name_en": ["Binh Phuoc"] * 3 + ["Da Nang"] * 2,
        "year": [2020, 2021, 2022, 2021, 2022],
        "rank": [25, 9, 12, 2, 1],
        "rank_of": [63] * 5,
    }
)


def square(west: float, south: float, size: float) -> list:
    return [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]


GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"unit_code": code, "name_vi": name},
            "geometry": {"type": "Polygon", "coordinates": [square(104 + i, 10 + i, 1)]},
        }
        for i, (code, name) in enumerate(
            [("binh-phuoc", "Bình Phước"), ("thanh-hoa", "Thanh Hóa"), ("yen-bai", "Yên Bái")]
        )
    ]
    + [
        {
            "type": "Feature",
            "properties": {"unit_code": "hau-giang", "name_vi": "Hậu Giang"},
            # A mainland square and a far islet: the islet must not widen the view.
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[square(107, 13, 1)], [square(115, 9, 0.05)]],
            },
        },
        {
            "type": "Feature",
            "properties": {"unit_code": "ca-mau", "name_vi": "Cà Mau"},
            "geometry": {"type": "Polygon", "coordinates": [square(104, 13, 1)]},
        },
    ],
}


def unit_rows(**overrides) -> pd.DataFrame:
    """Two departments as `data_access.rankings.unit_ranking` lays them out."""
    frame = pd.DataFrame(
        {
            "unit_code": ["so-tttt", "cuc-thong-ke"],
            "unit_name_vi": ["Sở Thông tin và Truyền thông", "Cục Thống kê"],
            "unit_name_en": ["Department of Information and Communications", "Statistics Office"],
            "rank": pd.array([1, 2], dtype="Int64"),
            "total": [558.41, 306.45],
            "max_total": [600.0, 600.0],
            "share": [558.41 / 600, 306.45 / 600],
            "group": ["Tốt", "Trung bình"],
            "group_code": ["tot", "trung_binh"],
            "rank_computed": pd.array([1, 2], dtype="Int64"),
            "total_computed": [558.41, 306.45],
            "group_computed": ["Tốt", "Trung bình"],
            "rank_published": pd.array([1, 2], dtype="Int64"),
            "total_published": [558.41, 306.45],
            "group_published": ["Tốt", "Trung bình"],
            "median_method": [False, True],
            "reason": ["", ""],
            "score_source": ["003.txt; Phụ lục III.1.a", "003.txt; Phụ lục III.1.a"],
            "published_source": ["003.txt; Phụ lục III.1.a", "003.txt; Phụ lục III.1.a"],
            "previous_rank": pd.array([pd.NA, pd.NA], dtype="Int64"),
            "previous_total": [float("nan"), float("nan")],
            "rank_change": pd.array([pd.NA, pd.NA], dtype="Int64"),
            "total_change": [float("nan"), float("nan")],
        }
    )
    for column, values in overrides.items():
        frame[column] = values
    return frame


def texts(component) -> list[str]:
    """Every string inside a Dash component tree, in order."""
    if component is None:
        return []
    if isinstance(component, str | int | float):
        return [str(component)]
    if isinstance(component, list | tuple):
        return [text for child in component for text in texts(child)]
    return texts(getattr(component, "children", None))


def body_rows(table) -> list:
    return table.children[1].children


def test_national_table_marks_shared_ranks_and_highlights_the_province_in_focus():
    table = national_table(NATIONAL, focus_code="binh-phuoc", lang="vi", table_id="t")
    rows = body_rows(table)
    assert [texts(row.children[0]) for row in rows] == [
        ["12"],
        ["15", " ", "(đồng hạng)"],
        ["15", " ", "(đồng hạng)"],
        ["17"],
    ]
    assert rows[0].className == "rankings-row rankings-focus"
    assert rows[0].style == {"--rankings-focus": SERIES_COLORS["focus"]}
    assert [row.className for row in rows[1:]] == ["rankings-row"] * 3
    assert [texts(row.children[2]) for row in rows] == [["0,6385"], ["—"], ["—"], ["—"]]
    english = national_table(NATIONAL, focus_code=None, lang="en", table_id="t")
    assert texts(body_rows(english)[1].children[0]) == ["15", " ", "(tied)"]
    assert texts(body_rows(english)[0].children[1]) == ["Binh Phuoc"]


def test_bump_chart_draws_the_province_in_focus_on_top_in_its_colour():
    figure = bump_chart(HISTORY, focus_code="binh-phuoc", theme="dark", lang="vi", axis_title="Hạng")
    other, focus = figure.data
    assert focus.name == "Bình Phước"
    assert list(focus.y) == [25, 9, 12]
    assert list(focus.x) == ["2020", "2021", "2022"]
    assert list(focus.text) == ["25/63", "9/63", "12/63"]
    assert focus.line.color == SERIES_COLORS["focus"]
    assert other.line.color == ink("dark")["muted"] and other.opacity < 1, "the rest is faint"
    assert other.mode == "lines+markers", "and unlabelled"
    low, high = figure.layout.yaxis.range
    assert low > 63 and high < 1, "rank 1 on top"
    assert list(figure.layout.xaxis.categoryarray) == ["2020", "2021", "2022"]


def test_bump_chart_breaks_each_line_where_the_field_changes_and_says_so():
    rows = [
        ("dong-nai", "Đồng Nai", 2022, 14, 63),
        ("dong-nai", "Đồng Nai", 2023, 12, 63),
        ("dong-nai", "Đồng Nai", 2024, 5, 34),
        ("binh-phuoc", "Bình Phước", 2022, 20, 63),
        ("binh-phuoc", "Bình Phước", 2023, 18, 63),
    ]
    history = pd.DataFrame(
        [
            {"unit_code": c, "unit_name_vi": n, "unit_name_en": n, "year": y, "rank": r, "rank_of": f, "source": "s"}
            for c, n, y, r, f in rows
        ]
    )
    figure = bump_chart(history, focus_code="dong-nai", theme="dark", lang="vi", axis_title="Hạng")
    ended, focus = figure.data
    assert list(focus.y) == [14, 12, None, 5], "12/63 is not joined to 5/34"
    assert list(focus.text) == ["14/63", "12/63", "", "5/34"]
    assert list(ended.y) == [20, 18, None], "a line within one field is not broken (the gap ends it)"
    (line,) = figure.layout.shapes
    assert line.x0 == line.x1 == 1.5, "between 2023 and 2024"
    assert "63 → 34 tỉnh" in [a.text for a in figure.layout.annotations]
    english = bump_chart(history, focus_code="dong-nai", theme="dark", lang="en", axis_title="Rank")
    assert "63 → 34 provinces" in [a.text for a in english.layout.annotations]
    unchanged = bump_chart(HISTORY, focus_code="binh-phuoc", theme="dark", lang="vi", axis_title="Hạng")
    assert not unchanged.layout.shapes


def test_bump_chart_draws_every_other_province_as_one_faint_trace_broken_between_provinces():
    provinces = [f"p{i:02d}" for i in range(63)]
    years = list(range(2013, 2023))
    history = pd.DataFrame(
        [
            {
                "unit_code": code,
                "unit_name_vi": f"Tỉnh {i}",
                "unit_name_en": f"Province {i}",
                "year": year,
                "rank": (i + year) % 63 + 1,
                "rank_of": 63,
            }
            for i, code in enumerate(provinces)
            for year in years
        ]
    )
    figure = bump_chart(history, focus_code="p05", theme="dark", lang="vi", axis_title="Hạng", peers=["p07"])
    assert [trace.name for trace in figure.data] == ["Tỉnh, thành phố khác", "Tỉnh 7", "Tỉnh 5"], "3 traces, not 63"
    faint = figure.data[0]
    assert faint.mode == "lines+markers" and faint.opacity < 1
    assert list(faint.y).count(None) == 61, "each of the 61 other provinces' lines ends in a gap"
    start = list(faint.customdata).index("Tỉnh 3")
    assert list(faint.y[start : start + 11]) == [(3 + year) % 63 + 1 for year in years] + [None]
    assert list(faint.x[start : start + 10]) == [str(year) for year in years]


def _national_history(years: range) -> pd.DataFrame:
    """63 provinces ranked every year of `years`, each rank a different one per year."""
    return pd.DataFrame(
        [
            {
                "unit_code": f"p{i:02d}",
                "unit_name_vi": f"Tỉnh {i}",
                "unit_name_en": f"Province {i}",
                "year": year,
                "rank": (i + 7 * (year - years[0])) % 63 + 1,
                "rank_of": 63,
            }
            for i in range(63)
            for year in years
        ]
    )


def written(trace) -> dict[str, str]:
    """A drawn-out line's rank labels by year, where it writes one."""
    return {x: text for x, text in zip(trace.x, trace.text, strict=True) if text}


def test_a_bump_chart_of_a_region_over_ten_years_labels_the_focus_and_names_the_peers_once():
    """A northern province's region gives it twelve peers: over ten years every point of every line was
    labelled (130 labels in a third of the wall) and every name written at both ends, the first ones cut
    by the card's edge. The focus keeps its first, last, best and worst ranks; each peer is named at its
    last year only, with no rank written (the peers table under the chart has them; hover reads every
    year's); four years are named."""
    history = _national_history(range(2013, 2023))
    peers = [f"p{i:02d}" for i in range(10, 22)]
    figure = bump_chart(history, focus_code="p05", theme="dark", lang="vi", axis_title="Hạng", peers=peers)
    focus = figure.data[-1]
    ranks = [(5 + 7 * k) % 63 + 1 for k in range(10)]
    assert written(focus) == {
        "2013": f"{ranks[0]}/63",
        "2022": f"{ranks[-1]}/63",
        str(2013 + ranks.index(min(ranks))): f"{min(ranks)}/63",
        str(2013 + ranks.index(max(ranks))): f"{max(ranks)}/63",
    }
    assert [written(trace) for trace in figure.data[1:-1]] == [{}] * 12
    assert list(figure.data[1].customdata) == [f"{(10 + 7 * k) % 63 + 1}/63" for k in range(10)], "hover has all"
    names = [a.text for a in figure.layout.annotations]
    assert sorted(names) == sorted([f"Tỉnh {i}" for i in range(10, 22)] + ["Tỉnh 5"]), "each named once"
    assert all(a.xanchor == "left" for a in figure.layout.annotations), "at the last year"
    axis = figure.layout.xaxis
    assert [2013 + i for i in range(axis.tick0, 10, axis.dtick)] == [2013, 2016, 2019, 2022]


def test_a_bump_chart_of_a_few_peers_over_ten_years_writes_each_peers_last_rank():
    history = _national_history(range(2013, 2023))
    figure = bump_chart(history, focus_code="p05", theme="dark", lang="vi", axis_title="Hạng", peers=["p10", "p11"])
    assert [written(trace) for trace in figure.data[1:-1]] == [
        {"2022": f"{(10 + 63) % 63 + 1}/63"},
        {"2022": f"{(11 + 63) % 63 + 1}/63"},
    ]
    assert set(written(figure.data[-1])) == {"2013", "2021", "2022"}, "first and best, worst, last"
    assert len(figure.layout.annotations) == 6, "three lines named at both ends"
    short = bump_chart(
        _national_history(range(2020, 2023)),
        focus_code="p05",
        theme="dark",
        lang="vi",
        axis_title="Hạng",
        peers=["p10"],
    )
    assert [len(written(trace)) for trace in short.data[1:]] == [3, 3], "three years: every rank written"


def _line(name: str, years: list[str], ranks: list[int], written: list[str] | None = None) -> DrawnLine:
    return DrawnLine(name, "#000", years, ranks, written or [""] * len(years))


def test_the_names_beside_the_bump_chart_take_the_room_they_need_and_no_more():
    short = [_line("Cà Mau", ["2020", "2021"], [25, 9])]
    long = [*short, _line("Bình Phước", ["2022"], [28])]
    assert name_margin(short, end="last", empty=30, label_size=18) < name_margin(
        long, end="last", empty=30, label_size=18
    )
    assert name_margin(long, end="first", empty=60, label_size=18) == name_margin(
        short, end="first", empty=60, label_size=18
    ), "a line of one year is named at its end only"
    assert name_margin([_line("Tỉnh", ["2022"], [1])], end="first", empty=60, label_size=18) == 60
    written = [_line("Cà Mau", ["2020", "2021"], [25, 9], ["25/63", "100/100"])]
    assert name_margin(written, end="last", empty=30, label_size=18) > name_margin(
        short, end="last", empty=30, label_size=18
    ), "the name starts past the rank written at the line's end"


def test_a_long_name_beside_the_bump_chart_is_wrapped_whole_not_cut():
    """On the national dataset "Thái Nguyên (tổng hợp)" was cut by the card's edge: the margin stopped at
    150 px, about 17 characters."""
    assert end_name(_line("Thái Nguyên (tổng hợp)", ["2022"], [5])) == "Thái Nguyên<br>(tổng hợp)"
    assert end_name(_line("Thành phố Hồ Chí Minh", ["2022"], [5])) == "Thành phố<br>Hồ Chí Minh"
    assert end_name(_line("Bình Phước", ["2022"], [5])) == "Bình Phước"
    three = end_name(_line("Thành phố Hồ Chí Minh (tổng hợp)", ["2022"], [5])).split("<br>")
    assert " ".join(three) == "Thành phố Hồ Chí Minh (tổng hợp)"
    assert max(map(len, three)) <= NAME_LINE_CHARACTERS
    margin = name_margin(
        [_line("Thành phố Hồ Chí Minh (tổng hợp)", ["2022"], [5])], end="last", empty=30, label_size=18
    )
    assert margin >= NAME_SHIFT_PX + NAME_LINE_CHARACTERS * NAME_CHARACTER_PX


def test_the_names_of_a_crowded_bump_chart_neither_overlap_nor_leave_the_axis():
    """Twelve peers with long names, ranked close together at the bottom: each name keeps the height of its
    lines, and the last ones are pulled back inside the axis (plotly drops an annotation past it)."""
    history = _national_history(range(2013, 2023))
    history["unit_name_vi"] = history["unit_name_vi"] + " (tổng hợp)"
    last = history["year"] == 2022
    bottom = {f"p{i:02d}": 63 - i for i in range(13)}
    history.loc[last, "rank"] = history.loc[last, "unit_code"].map(bottom).fillna(history.loc[last, "rank"])
    figure = bump_chart(
        history, focus_code="p00", theme="dark", lang="vi", axis_title="Hạng", peers=[f"p{i:02d}" for i in range(1, 13)]
    )
    low, high = sorted(figure.layout.yaxis.range)
    names = sorted(figure.layout.annotations, key=lambda a: a.y)
    assert len(names) == 13
    spans = []
    for annotation in names:
        lines = annotation.text.split("<br>")
        assert len(lines) == 2 and max(map(len, lines)) <= NAME_LINE_CHARACTERS, annotation.text
        half = len(lines) * _line_gap(figure) / 2
        spans.append((annotation.y - half, annotation.y + half))
    assert all(a_end <= b_start + 1e-9 for (_, a_end), (b_start, _) in pairwise(spans))
    assert low - 1e-9 <= spans[0][0] and spans[-1][1] <= high + 1e-9


def _line_gap(figure) -> float:
    low, high = sorted(figure.layout.yaxis.range)
    return (high - low) * NAME_LINE_SPACING * CHART_TICK / PLOT_HEIGHT_MIN_PX


def test_labels_sit_above_peaks_and_below_the_rest():
    assert label_positions([25, 9, 12]) == ["bottom center", "top center", "bottom center"]
    assert label_positions([5]) == ["top center"]


def test_offshore_islands_are_the_polygons_beyond_the_mainland():
    assert offshore_islands(GEOJSON) == [("hau-giang", pytest.approx(115.025), pytest.approx(9.025))]


def test_hoang_sa_and_truong_sa_are_offshore_islands_of_da_nang_and_khanh_hoa():
    islands = offshore_islands(geo.boundaries(geo.PROVINCES_FILE))
    east = {code: max(lon for c, lon, _ in islands if c == code) for code, _, _ in islands}
    assert east["da-nang"] > 112 and east["khanh-hoa"] > 114.5


def test_rank_map_colours_ranks_outlines_the_focus_and_greys_the_unranked():
    figure = rank_map(NATIONAL, GEOJSON, focus_code="binh-phuoc", theme="light", lang="vi")
    unranked, ranks, islands, outline, marker = figure.data
    assert [trace.type for trace in figure.data] == ["choropleth"] * 2 + ["scattergeo", "choropleth", "scattergeo"]
    assert ranks.name == "Thứ hạng"
    assert list(ranks.locations) == ["binh-phuoc", "thanh-hoa", "yen-bai", "hau-giang"]
    assert list(ranks.z) == [-12, -15, -15, -17], "negated so rank 1 takes the strongest colour"
    assert (ranks.zmin, ranks.zmax) == (-63, -1)
    assert ranks.featureidkey == "properties.unit_code"
    assert list(ranks.customdata[0]) == ["Bình Phước", "12/63"]
    assert list(ranks.colorbar.ticktext) == ["1", "10", "20", "30", "40", "50", "60"]
    assert list(unranked.locations) == ["ca-mau"]
    assert unranked.colorscale[0][1] == STATUS_COLORS["no_data"]
    assert list(outline.locations) == ["binh-phuoc"]
    assert outline.marker.line.color == SERIES_COLORS["focus"]
    assert figure.layout.geo.visible is False, "the provinces only: no base map, nothing fetched"
    assert list(islands.lon) == [pytest.approx(115.025)] * 2, "the islet at 115°E: a ringed dot to be seen"
    assert islands.mode == "markers"
    assert list(islands.marker.color) == [ink("light")["text"], sample_colorscale("YlGnBu", [(63 - 17) / 62])[0]]
    assert list(islands.customdata) == ["Hậu Giang"] * 2
    assert marker.mode == "markers"
    assert (marker.lon[0], marker.lat[0]) == (104.5, 10.5), "in the middle of Bình Phước"
    assert marker.marker.color[-1] == SERIES_COLORS["focus"]


def test_the_national_map_shows_every_polygon_islands_included():
    """Hoàng Sa and Trường Sa are part of the country: the view spans every polygon, the islet at 115°E
    included, with a little room around it (drawn inside the card: tests/browser/test_rankings.py)."""
    figure = rank_map(NATIONAL, GEOJSON, focus_code="binh-phuoc", theme="light", lang="vi")
    west, east = figure.layout.geo.lonaxis.range
    south, north = figure.layout.geo.lataxis.range
    assert west < 104 and east > 115.05, "from 104°E out to the islet"
    assert south < 9 and north > 14
    assert east - 115.05 < 0.5 and 104 - west < 0.5, "no more room than a dot needs"
    assert figure.layout.geo.projection.type == "mercator"


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_rank_map_follows_the_theme(theme):
    figure = rank_map(NATIONAL, GEOJSON, focus_code="binh-phuoc", theme=theme, lang="vi")
    assert figure.layout.geo.bgcolor == "rgba(0,0,0,0)", "the card's colour shows through"
    ranks = figure.data[1]
    assert ranks.colorbar.tickfont.color == ink(theme)["text"]
    assert ranks.colorbar.title.font.color == ink(theme)["text"]
    assert figure.layout.font.color == ink(theme)["text"]
    assert ranks.marker.line.color == card_color(theme), "borders read as thin gaps in the card"
    assert figure.data[-1].marker.color[0] == ink(theme)["text"]


def test_dti_note_counts_the_provinces_with_a_published_value():
    note = dti_note(NATIONAL, lang="vi", note_id="note")
    assert note.id == "note"
    assert "1/4 tỉnh, thành phố" in " ".join(texts(note))
    assert "chỉ có thứ hạng công bố" in " ".join(texts(note))
    assert "only 1 of 4 provinces" in " ".join(texts(dti_note(NATIONAL, lang="en", note_id="note")))
    assert dti_note(NATIONAL.assign(index_value=0.5), lang="vi", note_id="note") is None


def test_rank_map_without_the_focus_has_no_outline():
    figure = rank_map(NATIONAL, GEOJSON, focus_code="da-nang", theme="dark", lang="vi")
    assert [trace.name for trace in figure.data] == ["chưa có thứ hạng", "Thứ hạng", "Đảo, quần đảo"]


def test_unit_table_shows_totals_groups_and_the_median_mark():
    table = unit_table(unit_rows(), lang="vi", previous_year=None, table_id="t")
    first, last = body_rows(table)
    assert texts(first.children[:4]) == ["1", "Sở Thông tin và Truyền thông", "558,41", "93,07%"]
    assert texts(last.children[2]) == ["306,45*"]
    assert last.children[2].title == "tính điểm theo phương pháp trung vị"
    badge = first.children[4].children
    assert (badge.children, badge.style["background"]) == ("Tốt", GROUP_COLORS["tot"])
    assert last.children[4].children.children == "Trung bình"
    assert texts(first.children[5]) == ["1"]
    assert first.children[5].title == "khớp kết quả tính lại"
    assert len(first.children) == 6, "no change columns without a previous year"
    assert getattr(first, "data-unit") == "so-tttt"


def test_unit_table_gives_the_reason_where_published_and_computed_differ():
    rows = unit_rows(
        rank_published=pd.array([2, 1], dtype="Int64"),
        total_published=[550.0, 560.0],
        reason=["differs", "median_method"],
    )
    first, last = body_rows(unit_table(rows, lang="vi", previous_year=None, table_id="t"))
    assert texts(first.children[5]) == ["2", "khác kết quả tính lại từ điểm các chỉ số (công bố: 550,00, Tốt)"]
    assert "differs" in first.children[5].className
    assert texts(last.children[5])[1] == "khác kết quả tính lại: đơn vị tính điểm theo phương pháp trung vị"


def test_unit_table_shows_the_change_since_the_previous_year():
    rows = unit_rows(
        previous_rank=pd.array([3, 2], dtype="Int64"),
        previous_total=[540.0, 310.0],
        rank_change=pd.array([2, 0], dtype="Int64"),
        total_change=[18.41, -3.55],
    )
    header = unit_table(rows, lang="vi", previous_year=2021, table_id="t").children[0]
    assert texts(header)[-3:] == ["Hạng 2021", "Thay đổi hạng", "Thay đổi điểm"]
    first, last = body_rows(unit_table(rows, lang="vi", previous_year=2021, table_id="t"))
    assert texts(first.children[6:]) == ["3", "▲ 2", "+18,41"]
    assert texts(last.children[6:]) == ["2", "=", "−3,55"]


def test_unit_bars_are_labelled_and_coloured_by_group_best_on_top():
    figure = unit_bars(
        unit_rows(), theme="dark", lang="vi", axis_title="Tổng điểm", thresholds=[("tot", 480), ("kha", 390)]
    )
    bars = figure.data[0]
    assert list(bars.text) == ["558,41", "306,45*"]
    assert bars.textposition == "outside"
    assert list(bars.marker.color) == [GROUP_COLORS["tot"], GROUP_COLORS["trung_binh"]]
    assert [shape.line.color for shape in figure.layout.shapes] == [GROUP_COLORS["tot"], GROUP_COLORS["kha"]]
    assert figure.layout.yaxis.autorange == "reversed"
    assert list(bars.y) == ["Sở Thông tin và Truyền thông", "Cục Thống kê"]
    assert [shape.x0 for shape in figure.layout.shapes] == [480, 390]
    assert figure.layout.xaxis.range[1] > 600, "room for the labels beyond the maximum"


def test_group_badges_and_legend():
    assert group_badge(None, None, "vi").children == "—"
    assert group_badge("Khá", "kha", "vi").style["background"] == GROUP_COLORS["kha"]
    thresholds = [Threshold("Tốt", 0.8, "tot", "Good"), Threshold("Khá", 0.65, "kha", "Fair")]
    legend = group_legend(["Tốt", "Khá", "Tốt"], thresholds, "vi")
    assert texts(legend) == ["Tốt", "≥ 80%", "Khá", "≥ 65%"]
    assert [key.children[0].style["background"] for key in legend.children] == [
        GROUP_COLORS["tot"],
        GROUP_COLORS["kha"],
    ]


def test_a_group_keeps_its_colour_whatever_it_is_called():
    """The colour follows the framework's group code: an English or renamed group is still green."""
    good = group_badge("Tốt", "tot", "en")
    renamed = group_badge("Xuất sắc", "tot", "vi")
    assert good.style["background"] == renamed.style["background"] == GROUP_COLORS["tot"]
    assert group_badge("Nhóm lạ", None, "vi").style["background"] == FALLBACK_COLOR


def test_english_readers_read_group_names_in_english_with_the_frameworks_name_kept():
    badge = group_badge("Trung bình", "trung_binh", "en")
    assert (badge.children, badge.title) == ("Average", "Trung bình")
    assert group_badge("Trung bình", "trung_binh", "vi").children == "Trung bình"
    assert group_badge("Xuất sắc", "xuat_sac", "en").children == "Xuất sắc", "an unknown code keeps its own name"
    legend = group_legend(["Tốt", "Khá"], [Threshold("Tốt", 0.8, "tot"), Threshold("Khá", 0.65, "kha")], "en")
    assert texts(legend) == ["Good", "≥ 80%", "Fair", "≥ 65%"]


def test_national_export_names_ties_and_sources():
    """A page's file names provinces, never by their codes (those are for the import files of /admin)."""
    frame = national_export(NATIONAL, lang="vi", titles={"doc-a": "Báo cáo A"})
    assert list(frame.columns) == ["Hạng", "Đồng hạng", "Tỉnh, thành phố", "Chỉ số DTI", "Nguồn"]
    assert not frame.isin(NATIONAL["unit_code"].tolist()).any().any(), "no cell holds a unit code"
    assert frame["Đồng hạng"].tolist() == ["", "có", "có", ""]
    assert frame["Nguồn"].iloc[0] == "Báo cáo A, slide 3"
    assert frame["Chỉ số DTI"].iloc[0] == 0.6385


def test_unit_export_has_computed_and_published_columns_and_their_sources():
    frame = unit_export(unit_rows(), lang="vi", titles={"003.txt": "Báo cáo 003"}, previous_year=None)
    assert frame["Đơn vị"].tolist() == ["Sở Thông tin và Truyền thông", "Cục Thống kê"]
    assert not frame.isin(unit_rows()["unit_code"].tolist()).any().any(), "names only, no unit code"
    assert frame["Tổng điểm (tính lại)"].tolist() == [558.41, 306.45]
    assert frame["Hạng công bố"].tolist() == [1, 2]
    assert frame["Tính theo phương pháp trung vị"].tolist() == ["", "có"]
    assert frame["Nguồn điểm"].iloc[0] == "Báo cáo 003, Phụ lục III.1.a"
    assert "Hạng năm 2021" not in frame.columns
    with_change = unit_export(unit_rows(), lang="vi", titles={}, previous_year=2021)
    assert {"Hạng năm 2021", "Tổng điểm năm 2021", "Thay đổi hạng"} <= set(with_change.columns)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two `#rrggbb` or `rgb(r, g, b)` colours."""

    def luminance(color: str) -> float:
        if color.startswith("#"):
            channels = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
        else:
            channels = [int(float(part)) for part in color[color.index("(") + 1 : -1].split(",")]
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_dark_rank_map_keeps_both_ends_of_its_scale_off_the_card():
    """The best provinces (and the worst) stand out from the dark card: YlGnBu's navy best end did not."""
    card = card_color("dark")
    figure = rank_map(NATIONAL, GEOJSON, focus_code="binh-phuoc", theme="dark", lang="vi")
    scale = figure.data[1].colorscale
    worst, best = scale[0][1], scale[-1][1]
    assert contrast(best, card) >= 4.5, best
    assert contrast(worst, card) >= 4.5, worst
    assert contrast(sample_colorscale("YlGnBu", [1.0])[0], card) < 1.5, "why the light theme's scale is not used"
