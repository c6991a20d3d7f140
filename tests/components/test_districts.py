"""The district heatmap, map, notes and exports, built from small frames without a server or database."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.districts import (
    MAP_PADDING,
    criterion_headers,
    district_heatmap,
    district_map,
    hatch_lines,
    heatmap_export,
    map_export,
    map_notes,
    region_label,
    regions_covering,
    share_color,
    share_colorscale,
)
from components.theme import GROUP_COLORS, ink, map_style
from data_access.districts import map_regions, map_table
from data_access.scoring import Threshold, rank_table
from domain.maps import bounding_box, fit_view

THRESHOLDS = [
    Threshold("Tốt", 0.8, "tot"),
    Threshold("Khá", 0.65, "kha"),
    Threshold("Trung bình", 0.5, "trung_binh"),
    Threshold("Yếu", 0.0, "yeu"),
]


def _scores() -> pd.DataFrame:
    """Three districts × two criteria; Cao is best, then Giữa, then Thấp."""
    rows = []
    points = {"p-cao": (55, 90), "p-giua": (30, 70), "p-thap": (10, 50)}
    for code, (first, second) in points.items():
        name = {"p-cao": "UBND huyện Cao", "p-giua": "UBND huyện Giữa", "p-thap": "UBND huyện Thấp"}[code]
        for pillar, pillar_name, maximum, value, order in (
            ("awareness", "Nhận thức số", 60, first, 1),
            ("digital_government", "Hoạt động chính quyền số", 150, second, 2),
        ):
            rows.append(
                {
                    "unit_code": code,
                    "unit_name_vi": name,
                    "unit_name_en": name.replace("UBND huyện", "District"),
                    "pillar_code": pillar,
                    "pillar_name_vi": pillar_name,
                    "pillar_name_en": pillar,
                    "max_points": maximum,
                    "counts_in_total": True,
                    "sort_order": order,
                    "points": value,
                    "share": value / maximum,
                    "source": "003.txt; Phụ lục III.1.b",
                }
            )
    return pd.DataFrame(rows)


def _totals(scores: pd.DataFrame) -> pd.DataFrame:
    table = rank_table(scores, THRESHOLDS)
    names = scores.drop_duplicates("unit_code").set_index("unit_code")[["unit_name_vi", "unit_name_en"]]
    return table.join(names, on="unit_code").assign(source="003.txt; Phụ lục III.1.b")


def _square(x: float, y: float, size: float = 1.0) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def _collection() -> dict:
    """Cao and Thấp have their own squares; Giữa shares one with a district that has no scores."""

    def feature(code: str, name: str, ring: list, **extra) -> dict:
        return {
            "type": "Feature",
            "properties": {"unit_code": code, "name_vi": name, **extra},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        }

    return {
        "type": "FeatureCollection",
        "features": [
            feature("p-cao", "Cao", _square(106.0, 11.0)),
            feature("p-thap", "Thấp", _square(107.0, 11.0)),
            feature(
                "p-giua-moi",
                "Giữa và Mới",
                _square(106.0, 12.0),
                member_unit_codes=["p-giua", "p-moi"],
                note="one polygon for two districts",
            ),
        ],
    }


def _values(scores: pd.DataFrame, pillar: str) -> pd.DataFrame:
    rows = scores[scores["pillar_code"] == pillar]
    return rows[["unit_code", "unit_name_vi", "unit_name_en", "points", "max_points", "share", "source"]]


def _href(code: str) -> str:
    return f"/units/{code}"


def test_colour_scale_steps_through_the_group_colours_at_the_group_bounds():
    red, amber, blue, green = (GROUP_COLORS[code] for code in ("yeu", "trung_binh", "kha", "tot"))
    assert share_colorscale(THRESHOLDS) == [
        [0.0, red],
        [0.5, red],
        [0.5, amber],
        [0.65, amber],
        [0.65, blue],
        [0.8, blue],
        [0.8, green],
        [1.0, green],
    ]
    assert [share_color(share, THRESHOLDS) for share in (0.1, 0.5, 0.7, 0.79, 0.8, 1.0)] == [
        red,
        amber,
        blue,
        blue,
        green,
        green,
    ]
    assert {color for _, color in share_colorscale([])} == {red, amber, blue, green}


def test_heatmap_puts_the_best_total_on_top_with_readable_labels():
    scores = _scores()
    figure = district_heatmap(scores, _totals(scores), thresholds=THRESHOLDS, theme="dark", lang="vi", unit_href=_href)
    cells, total, cell_labels, total_labels = figure.data
    assert list(cells.y) == ["p-cao", "p-giua", "p-thap"]
    # The first row is drawn at the top, and the axis spans the rows exactly (no empty band above them).
    assert list(figure.layout.yaxis.range) == [2.5, -0.5]
    assert list(cell_labels.text[::2]) == ["92%", "50%", "17%"]
    assert list(cell_labels.y[::2]) == ["p-cao", "p-giua", "p-thap"]
    assert cell_labels.hoverinfo == "skip", "hovering a value shows the cell's hover"
    assert cells.customdata[0][0] == "<b>UBND huyện Cao</b><br>Nhận thức số: 55/60 điểm (91,67%)"
    assert list(total_labels.text) == ["<b>145</b>", "<b>100</b>", "<b>60</b>"]
    fractional = _totals(scores).assign(total=[145.2, 100.25, 60.0])
    labels = district_heatmap(scores, fractional, thresholds=THRESHOLDS, theme="dark", lang="vi").data[3]
    assert list(labels.text) == ["<b>145,20</b>", "<b>100,25</b>", "<b>60,00</b>"], "one precision down the column"
    assert total.z[0][0] == pytest.approx(145 / 210 * 100)
    assert "Xếp hạng 1/3 · Khá" in total.customdata[0][0]
    assert figure.layout.yaxis.ticktext[0] == '<a href="/units/p-cao" target="_self">UBND huyện Cao</a>'
    headers = figure.layout.xaxis.ticktext
    assert headers[1] == "Hoạt<br>động<br>chính<br>quyền<br>số", "a word a line: 16 px headers fit their column"
    assert figure.layout.xaxis2.ticktext[0].startswith("Tổng điểm")


def test_cell_values_are_light_on_dark_fills_and_dark_on_light_fills():
    scores = _scores()
    figure = district_heatmap(scores, _totals(scores), thresholds=THRESHOLDS, theme="light", lang="vi")
    cell_labels, total_labels = figure.data[2:]
    light, dark = ink("dark")["text"], ink("light")["text"]
    colors = dict(zip(cell_labels.text, cell_labels.textfont.color, strict=True))
    assert colors["92%"] == light, "on green"
    assert colors["50%"] == dark, "on amber"
    assert colors["17%"] == light, "on red"
    assert colors["60%"] == dark, "on amber (digital government of Cao, 90/150)"
    assert colors["47%"] == light, "on red (digital government of Giữa, 70/150)"
    # Totals: 145/210 = 69% is Khá (blue), 100/210 = 48% and 60/210 = 29% are Yếu (red).
    assert list(total_labels.textfont.color) == [light, light, light]


def test_heatmap_frames_the_criterion_the_map_shows_and_speaks_english():
    scores = _scores()
    figure = district_heatmap(
        scores, _totals(scores), thresholds=THRESHOLDS, theme="light", lang="en", selected="digital_government"
    )
    (shape,) = figure.layout.shapes
    assert (shape.xref, shape.x0, shape.x1) == ("x", 0.5, 1.5)
    assert figure.layout.separators == ".,"
    assert figure.layout.yaxis.ticktext[0] == "District Cao", "without an href the label is plain text"
    assert "points" in figure.data[0].customdata[0][0]


def test_map_colours_single_districts_and_draws_a_shared_region_neutral_with_every_members_value():
    scores = _scores()
    collection = _collection()
    table = map_table(map_regions(collection), _values(scores, "awareness"))
    figure = district_map(
        collection,
        table,
        criterion="Nhận thức số",
        thresholds=THRESHOLDS,
        theme="dark",
        lang="vi",
        unit_href=_href,
    )
    maps = [trace for trace in figure.data if trace.type == "choroplethmap"]
    assert sum(len(trace.locations) for trace in maps) == 3
    coloured, shared = maps
    assert list(coloured.locations) == ["p-cao", "p-thap"]
    assert list(coloured.z) == pytest.approx([55 / 60 * 100, 10 / 60 * 100])
    assert coloured.featureidkey == "properties.unit_code"
    assert list(shared.locations) == ["p-giua-moi"]
    assert shared.showscale is False
    assert shared.colorscale[0][1] == shared.colorscale[-1][1], "one neutral colour, not a value on the scale"
    hover, prompt, *links = shared.customdata[0]
    assert "UBND huyện Giữa</b><br>Nhận thức số: 30/60 điểm (50,00%)" in hover
    assert "p-moi" in hover and "chưa có số liệu" in hover
    assert links == ["/units/p-giua", "UBND huyện Giữa", "/units/p-moi", "p-moi"]
    assert "Giữa và Mới" in prompt
    assert list(coloured.customdata[0][2:]) == ["/units/p-cao", "UBND huyện Cao"]
    hatch = [trace for trace in figure.data if trace.type == "scattermap"]
    assert len(hatch) == 1 and hatch[0].hoverinfo == "skip"
    style = figure.layout.map.style
    assert all(isinstance(source["data"], dict) for source in style["sources"].values()), "tile-free: nothing fetched"
    assert style["layers"][0] == map_style("dark")["layers"][0], "in the dark card colour"
    assert all(layer["layout"]["visibility"] == "none" for layer in style["layers"][1:])
    assert len({trace.below for trace in figure.data}) == len(figure.data), "each trace below a layer of its own"
    assert {trace.below for trace in figure.data} <= {layer["id"] for layer in style["layers"]}
    assert coloured.marker.line.color == ink("dark")["text"]
    assert hatch[0].line.color == ink("dark")["text"]
    assert shared.colorscale[0][1] == ink("light")["muted"], "a darker grey under light hatching"
    assert coloured.colorscale == tuple(tuple(stop) for stop in share_colorscale(THRESHOLDS))


def test_notes_explain_the_shared_region_and_a_district_without_boundary():
    scores = _scores()
    collection = _collection()
    collection["features"] = collection["features"][1:]  # Cao loses its polygon
    table = map_table(map_regions(collection), _values(scores, "awareness"))
    notes = [str(note.children) for note in map_notes(table, year=2022, theme="dark", lang="vi")]
    assert len(notes) == 2
    assert "UBND huyện Giữa và p-moi" in notes[0]
    assert "Giữa và Mới" in notes[0]
    assert "Chưa có ranh giới trên bản đồ cho: UBND huyện Cao." in notes[1]


def test_a_shared_regions_name_reads_as_english_in_english():
    assert region_label("Bù Gia Mập và Phú Riềng", "en") == "Bù Gia Mập and Phú Riềng"
    assert region_label("Bù Gia Mập và Phú Riềng", "vi") == "Bù Gia Mập và Phú Riềng"
    collection = _collection()
    collection["features"][2]["properties"]["name_vi"] = "Giữa và Mới"
    table = map_table(map_regions(collection), _values(_scores(), "awareness"))
    (note,) = [str(note.children) for note in map_notes(table, year=2022, theme="light", lang="en")]
    assert "Grey hatched area (Giữa and Mới)" in note
    assert " và " not in note


def test_hatch_stays_inside_the_polygon_and_out_of_its_hole():
    outer = [[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]]
    hole = [[1.0, 1.0], [1.0, 3.0], [3.0, 3.0], [3.0, 1.0], [1.0, 1.0]]
    lons, lats = hatch_lines({"type": "Polygon", "coordinates": [outer, hole]}, 0.25)
    segments = [(lons[i], lats[i], lons[i + 1], lats[i + 1]) for i in range(0, len(lons), 3)]
    assert len(segments) > 20
    for x1, y1, x2, y2 in segments:
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        assert 0 <= mx <= 4 and 0 <= my <= 4
        assert not (1 < mx < 3 and 1 < my < 3), "no stripe crosses the hole"
    assert lons[2::3] == [None] * len(segments)


def test_view_is_centred_on_the_features_and_fits_the_map():
    box = bounding_box(_collection())
    assert box == (106.0, 11.0, 108.0, 13.0)
    center, zoom = fit_view(box, width=600, height=500, padding=MAP_PADDING)
    assert center["lon"] == pytest.approx(107.0)
    assert 11.9 < center["lat"] < 12.1
    world = 512 * 2**zoom
    assert world * 2 / 360 <= 600, "the width fits"
    height = world * (
        math.log(math.tan(math.pi / 4 + math.radians(13) / 2)) - math.log(math.tan(math.pi / 4 + math.radians(11) / 2))
    )
    assert height / (2 * math.pi) <= 500, "the height fits"


def test_a_former_district_s_map_keeps_only_the_regions_of_its_units_and_is_fitted_to_them():
    collection = {**_collection(), "attribution": "ranh giới thử"}

    assert [f["properties"]["unit_code"] for f in regions_covering(collection, {"p-moi"})["features"]] == [
        "p-giua-moi"
    ], "a region shared with a unit of the district stays whole"
    narrowed = regions_covering(collection, {"p-thap"})

    assert narrowed["attribution"] == "ranh giới thử"
    figure = district_map(
        narrowed,
        map_table(map_regions(narrowed), _values(_scores(), "awareness")),
        criterion="Nhận thức số",
        thresholds=THRESHOLDS,
        theme="dark",
        lang="vi",
        unit_href=_href,
    )
    drawn = [code for trace in figure.data if trace.type == "choroplethmap" for code in trace.locations]
    assert drawn == ["p-thap"]
    whole = fit_view(bounding_box(collection), width=600, height=500, padding=MAP_PADDING)
    assert figure.layout.map.center.lon == pytest.approx(107.5), "centred on Thấp's square"
    assert figure.layout.map.zoom > whole[1], "closer than the whole map"


def test_exports_have_vietnamese_headers_and_one_row_per_value():
    scores = _scores()
    heatmap = heatmap_export(scores, _totals(scores), year=2022, lang="vi")
    # Names only: codes are for the import files of /admin, not for a page's file.
    assert list(heatmap.columns[:3]) == ["Năm", "Đơn vị", "Tiêu chí"]
    assert not heatmap.isin([*scores["unit_code"], *scores["pillar_code"]]).any().any(), "no cell holds a code"
    assert len(heatmap) == 6
    assert heatmap.iloc[0]["Đơn vị"] == "UBND huyện Cao"
    assert heatmap.iloc[0]["Tỷ lệ (% điểm tối đa)"] == 91.67
    assert heatmap.iloc[0]["Tổng điểm"] == 145
    assert heatmap.iloc[-1]["Xếp hạng"] == 3
    assert heatmap["Nguồn"].eq("003.txt; Phụ lục III.1.b").all()

    table = map_table(map_regions(_collection()), _values(scores, "awareness"))
    exported = map_export(table, criterion="Nhận thức số", year=2022, lang="vi")
    assert len(exported) == 4, "the shared region lists both its districts"
    assert not exported.isin([*table["unit_code"], *table["region_code"]]).any().any(), "no cell holds a code"
    shared = exported[exported["Vùng dùng chung"] == "Có"]
    assert shared["Vùng trên bản đồ"].nunique() == 1, "one shared region"
    names = table.set_index("unit_code")["unit_name_vi"]
    assert shared["Đơn vị"].tolist() == [names[code] for code in ("p-giua", "p-moi")]


def test_criterion_headers_stand_on_end_only_where_a_word_is_too_long_for_its_column():
    vietnamese = ["Nhận thức số", "Hạ tầng số", "Điểm trang thông tin điện tử"]
    headers, angle = criterion_headers(vietnamese)
    assert angle == 0
    assert all(len(line) <= 6 for header in headers for line in header.split("<br>") if " " in line), headers
    english = ["Digital awareness", "Digital infrastructure", "Cybersecurity"]
    headers, angle = criterion_headers(english)
    assert angle == -90
    assert [header.replace("<br>", " ") for header in headers] == english
