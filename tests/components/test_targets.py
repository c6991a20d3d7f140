"""The targets page's builders on small frames: gauges, cards, summary, disagreements and exports."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from dash import html

from components.static_html import StaticHtml
from components.targets import (
    GAUGE_FOOT,
    counted_once_note,
    disagreement_cards,
    disagreements_export,
    figure_basis,
    figure_value,
    gauge_axis_max,
    gauge_svg,
    gauge_ticks,
    projection_block,
    risk_list,
    section_label,
    summary_strip,
    target_card,
    targets_export,
)
from components.theme import STATUS_COLORS, ink

TITLES = {"003_x.txt": "Báo cáo 6 tháng", "004_y.txt": "Báo cáo tháng 7", "002_z.txt": "Kế hoạch 57"}


def _row(**overrides) -> dict:
    row = {
        "target_code": "adult_smartphone_rate",
        "pillar_code": "infrastructure",
        "name_vi": "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
        "target_value": 70.0,
        "target_unit": "%",
        "comparator": ">=",
        "level_detail": "",
        "source": "002_z.txt; Phần II | 003_x.txt; Phụ lục III.2",
        "note": "same figures as 004",
        "actual": 62.35,
        "actual_unit": "%",
        "numerator": 645103.0,
        "denominator": 1034667.0,
        "period": "2023-06",
        "actual_source": "002_z.txt; Phần II | 003_x.txt; Phụ lục III.2",
        "actual_note": "same figures as 004",
        "status": "not_met",
        "twin_of": "",
        "projection_status": "at_risk",
        "projected_value": 62.3 + 0.05 * 365 / 181,
        "projection_deadline": "2023-12-31",
        "projection_reason": "",
        "projection_basis": (("2022", 62.3, "004_y.txt; mục II.4"), ("2023-06", 62.35, "003_x.txt; Phụ lục III.2")),
        "projection_mixed": True,
    }
    row.update(overrides)
    return row


NO_OTHERS = pd.DataFrame(columns=["value", "value_unit", "numerator", "denominator", "period", "source", "note"])


def _texts(component) -> list[str]:
    """Every string in a Dash component tree, in order."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, (list, tuple)):
        return [s for child in component for s in _texts(child)]
    children = getattr(component, "children", None)
    return _texts(children) if children is not None else []


def _reading_texts(component) -> list[str]:
    """The strings a reader sees without opening anything: closed `<details>` keep all but their summary."""
    if isinstance(component, html.Details):
        return [s for child in component.children if isinstance(child, html.Summary) for s in _texts(child)]
    if isinstance(component, str):
        return [component]
    if isinstance(component, (list, tuple)):
        return [s for child in component for s in _reading_texts(child)]
    children = getattr(component, "children", None)
    return _reading_texts(children) if children is not None else []


def _data_notes(component) -> list[str]:
    """The verbatim notes behind each "ⓘ" toggle of a tree."""
    return [_texts(details.children[1])[-1] for details in _find(component, lambda c: isinstance(c, html.Details))]


def _find(component, predicate):
    """The components of a tree that satisfy `predicate`, depth first."""
    found = [component] if predicate(component) else []
    children = getattr(component, "children", None)
    if isinstance(children, (list, tuple)):
        for child in children:
            found += _find(child, predicate)
    elif children is not None and not isinstance(children, str):
        found += _find(children, predicate)
    return found


def test_figures_read_as_printed_in_vietnamese():
    assert figure_value(196.01, "%", "vi") == "196,01%"
    assert figure_value(62.3, "%", "vi") == "62,3%"
    assert figure_value(100.0, "%", "vi") == "100%"
    assert figure_value(1807571, "count", "vi") == "1.807.571"
    assert figure_value(4, "rank", "vi") == "hạng 4"
    assert figure_value(3.4, "tỷ đồng", "vi") == "3,4 tỷ đồng"
    assert figure_value(None, "%", "vi") == "—"
    assert figure_value(196.01, "%", "en") == "196.01%"


def test_basis_is_the_counts_and_the_date():
    assert figure_basis(645103, 1034667, "2023-06", "vi") == "645.103 / 1.034.667 · 2023-06"
    assert figure_basis(None, None, "2022", "vi") == "2022"
    assert figure_basis(645103, None, "2022", "vi") == "2022", "one count alone is not a ratio"


@pytest.mark.parametrize(
    ("actual", "target", "expected"),
    [(62.35, 70, 100), (100, 100, 100), (109.76, 100, 110), (196.01, 60, 200), (None, 50, 100)],
)
def test_axis_stretches_to_hold_values_above_100(actual, target, expected):
    assert gauge_axis_max(actual, target) == expected


def test_ticks_keep_the_target_and_drop_labels_that_would_overlap():
    assert gauge_ticks(70, 100) == [0, 70, 100]
    assert gauge_ticks(95, 100) == [0, 95], "95 and 100 would print on top of each other"
    assert gauge_ticks(8, 100) == [8, 100], "0 and 8 would print on top of each other"
    assert gauge_ticks(60, 200) == [0, 60, 100, 200]


def _gauge(**overrides) -> ET.Element:
    return ET.fromstring(gauge_svg(_row(**overrides), theme=overrides.pop("theme", "dark"), lang="vi"))


def _angle(x: float, y: float, svg: ET.Element) -> float:
    """Degrees from the gauge's left end (0) over the top (90) to its right end (180), at a point."""
    width, height = (float(v) for v in svg.get("viewBox").split()[2:])
    return 180 - math.degrees(math.atan2(height - GAUGE_FOOT - y, x - width / 2))


def test_gauge_shows_the_actual_against_the_target_in_status_colour():
    svg = _gauge()
    number = svg.find("text[@class='gauge-number']")
    assert number.text == "62,35%", "as printed, in the reader's number format"
    assert number.get("fill") == STATUS_COLORS["not_met"]
    assert svg.find("path[@class='gauge-bar']").get("fill") == STATUS_COLORS["not_met"]
    target = svg.find("line[@class='gauge-target']")
    assert target.get("stroke") == ink("dark")["text"]
    assert _angle(float(target.get("x1")), float(target.get("y1")), svg) == pytest.approx(180 * 70 / 100, abs=0.05)
    assert [tick.text for tick in svg.findall("text[@class='gauge-tick']")] == ["0", "70", "100"]
    assert (svg.get("data-value"), svg.get("data-target"), svg.get("data-max")) == ("62.35", "70.0", "100.0")
    assert svg.get("aria-label") == "62,35% · Mục tiêu ≥ 70%"


def test_gauge_bar_ends_at_the_actual_figure():
    svg = _gauge()
    bar = svg.find("path[@class='gauge-bar']").get("d")
    ends = [tuple(map(float, point.split(","))) for point in re.findall(r"-?[\d.]+,-?[\d.]+", bar)]
    # The path's pairs: its start, the outer arc's radii, the outer arc's end (at the actual), ….
    assert _angle(*ends[2], svg) == pytest.approx(180 * 62.35 / 100, abs=0.05)


def test_gauge_above_100_is_not_capped():
    svg = _gauge(actual=196.01, target_value=60.0, status="met", theme="light")
    assert svg.get("data-max") == "200.0", "the axis stretches to the value instead of capping it"
    assert svg.find("text[@class='gauge-number']").text == "196,01%"
    assert svg.find("path[@class='gauge-over']") is not None, "the part above 100% is marked"
    assert svg.find("path[@class='gauge-bar']").get("fill") == STATUS_COLORS["met"]
    assert [tick.text for tick in svg.findall("text[@class='gauge-tick']")] == ["0", "60", "100", "200"]


def test_gauge_without_an_actual_shows_the_target_and_a_dash():
    svg = _gauge(actual=None, status="no_data")
    assert svg.find("path[@class='gauge-bar']") is None
    assert svg.find("line[@class='gauge-target']") is not None
    number = svg.find("text[@class='gauge-number']")
    assert number.text == "—" and number.get("fill") == ink("dark")["muted"]
    assert svg.get("data-value") == ""


def test_gauge_text_is_escaped():
    svg = _gauge(actual=5.0, actual_unit='<b onclick="x">đơn vị</b>', target_unit="")
    assert svg.find("text[@class='gauge-number']").text == '5 <b onclick="x">đơn vị</b>'
    assert svg.find(".//b") is None


def test_card_says_status_target_counts_date_notes_and_source():
    others = pd.DataFrame(
        {
            "value": [62.3],
            "value_unit": ["%"],
            "numerator": [645103.0],
            "denominator": [1034667.0],
            "period": ["2022"],
            "source": ["004_y.txt; mục II.4"],
            "note": ["rounded"],
        }
    )
    card = target_card(_row(), others=others, theme="dark", lang="vi", titles=TITLES)
    text = " ".join(_texts(card))
    assert card.id == "targets-card-adult_smartphone_rate"
    assert "Chưa đạt" in text
    assert "Mục tiêu ≥ 70%" in text
    assert "645.103 / 1.034.667 · 2023-06" in text
    assert "Nguồn khác: " in text
    assert "62,3%" in text
    assert "Báo cáo tháng 7, mục II.4" in text
    assert _data_notes(card) == ["same figures as 004"], "the identical notes are one note, behind the toggle"
    reading = " ".join(_reading_texts(card))
    assert "same figures as 004" not in reading, "the English transcription note is not reading text"
    assert "ⓘ Ghi chú nguồn dữ liệu" in reading
    assert "Ghi chú gốc của bản chép số liệu (tiếng Anh)" in text
    assert "Nguồn: Kế hoạch 57, Phần II; Báo cáo 6 tháng, Phụ lục III.2" in text
    gauges = _find(card, lambda c: isinstance(c, StaticHtml))
    assert [g.id for g in gauges] == ["targets-gauge-adult_smartphone_rate"]
    assert "62,35%" in gauges[0].html


def test_card_of_a_multi_part_target_names_its_part_and_flags_values_above_100():
    part = target_card(
        _row(target_code="work_province", level_detail="cấp tỉnh", actual=95.0, target_value=100.0),
        others=NO_OTHERS,
        theme="dark",
        lang="vi",
        titles=TITLES,
    )
    assert "cấp tỉnh" in _texts(part)
    over = target_card(_row(actual=196.01, status="met"), others=NO_OTHERS, theme="dark", lang="vi", titles=TITLES)
    over_text = [s for s in _reading_texts(over) if "Trên 100%" in s]
    assert over_text, "the explanation of a value above 100% stays visible"
    assert "xem ⓘ Ghi chú nguồn dữ liệu" in over_text[0], "and points to the source's reason"
    assert not any("Trên 100%" in s for s in _texts(part))
    unnoted = target_card(
        _row(actual=196.01, status="met", note="", actual_note=None),
        others=NO_OTHERS,
        theme="dark",
        lang="vi",
        titles=TITLES,
    )
    assert "Trên 100%: giữ nguyên như số liệu gốc, không cắt về 100%." in _texts(unnoted)
    assert _data_notes(unnoted) == []


def test_card_without_an_actual_says_so():
    card = target_card(_row(actual=None, status="no_data"), others=NO_OTHERS, theme="dark", lang="vi", titles=TITLES)
    text = _texts(card)
    assert "Chưa có số liệu" in text
    assert "Báo cáo theo dõi chưa có số liệu cho chỉ tiêu này." in text


HREFS = {"met": "/targets?status=met", "not_met": "/targets?status=not_met", "no_data": "/targets"}


def test_summary_shows_the_plan_totals_and_the_filter_apart():
    strip = summary_strip(
        {"met": 10, "not_met": 13, "no_data": 5}, shown=5, total=28, lang="vi", hrefs=HREFS, active="no_data"
    )
    items = {c.id: c for c in strip.children[:-1]}
    assert _texts(items["targets-count-met"]) == ["10", "Đạt"]
    assert _texts(items["targets-count-not_met"]) == ["13", "Chưa đạt"]
    assert _texts(items["targets-count-no_data"]) == ["5", "Chưa có số liệu"]
    total = strip.children[-1]
    assert _texts(total) == ["Cả kế hoạch: 28 chỉ tiêu (bấm một ô để lọc)", "Đang hiển thị 5 / 28 chỉ tiêu"]
    assert {code: item.href for code, item in items.items()} == {f"targets-count-{k}": v for k, v in HREFS.items()}
    assert "targets-summary-active" in items["targets-count-no_data"].className
    assert "targets-summary-active" not in items["targets-count-met"].className
    assert items["targets-count-not_met"].children[0].style["color"] == STATUS_COLORS["not_met"]


def test_sections_use_the_plan_names_then_the_framework_names():
    names = {"human_resources": {"vi": "Nhân lực số", "en": "Digital human resources"}}
    assert section_label("digital_government", "vi", names) == "Chính quyền số"
    assert section_label("human_resources", "en", names) == "Digital human resources"
    assert section_label("unknown", "vi", names) == "unknown"


DISAGREEMENTS = pd.DataFrame(
    {
        "indicator_code": ["bank", "bank"],
        "name_vi": ["Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản"],
        "pillar_code": ["digital_society", "digital_society"],
        "period": ["2023-06", "2022"],
        "value": [196.01, 119.72],
        "value_unit": ["%", "%"],
        "numerator": [1176065.0, math.nan],
        "denominator": [600016.0, math.nan],
        "source": ["003_x.txt; Phụ lục III.2", "004_y.txt; mục II.4"],
        "note": ["one person may hold several accounts", "disagrees with 003"],
        "target_code": ["bank_account_15plus_rate", ""],
    }
)


def test_disagreeing_figures_sit_side_by_side_with_dates_and_sources():
    cards = disagreement_cards(DISAGREEMENTS, lang="vi", titles=TITLES)
    card = cards.children[0]
    assert card.id == "targets-disagreement-bank"
    figures = card.children[1].children
    assert len(figures) == 2
    first, second = (_texts(f) for f in figures)
    assert first[:2] == ["196,01%", "1.176.065 / 600.016 · 2023-06"]
    assert "Số liệu theo dõi kế hoạch" in first
    assert "Nguồn: Báo cáo 6 tháng, Phụ lục III.2" in first
    assert second[:2] == ["119,72%", "2022"]
    assert "Nguồn: Báo cáo tháng 7, mục II.4" in second
    assert "Số liệu theo dõi kế hoạch" not in second
    assert [_data_notes(f) for f in figures] == [["one person may hold several accounts"], ["disagrees with 003"]]
    reading = " ".join(_reading_texts(card))
    assert "disagrees with 003" not in reading
    assert reading.count("ⓘ Ghi chú nguồn dữ liệu") == 2


def test_no_disagreement_is_said_in_words():
    empty = disagreement_cards(DISAGREEMENTS.iloc[0:0], lang="vi", titles=TITLES)
    assert isinstance(empty, html.Div)
    assert empty.children == "Không có chỉ số nào được các nguồn in khác nhau."


def test_exports_have_vietnamese_headers_statuses_and_readable_sources():
    frame = pd.DataFrame([_row(), _row(target_code="x", level_detail="cấp xã", actual=None, status="no_data")])
    export = targets_export(frame, section_labels={"infrastructure": "Hạ tầng số"}, titles=TITLES)
    assert list(export.columns) == [
        "Trụ cột",
        "Chỉ tiêu",
        "Phần",
        "So sánh",
        "Giá trị mục tiêu",
        "Đơn vị",
        "Thực tế",
        "Tử số",
        "Mẫu số",
        "Thời điểm",
        "Trạng thái",
        "Dự báo đến hạn",
        "Tiến độ",
        "Nguồn",
        "Ghi chú",
    ]
    assert export["Trạng thái"].tolist() == ["Chưa đạt", "Chưa có số liệu"]
    assert export["Tiến độ"].tolist() == ["Có nguy cơ", "Có nguy cơ"]
    assert export["Trụ cột"].tolist() == ["Hạ tầng số", "Hạ tầng số"]
    assert export["Phần"].tolist() == ["", "cấp xã"]
    assert export["Thực tế"].iloc[0] == 62.35
    assert export["Nguồn"].iloc[0] == "Kế hoạch 57, Phần II; Báo cáo 6 tháng, Phụ lục III.2"

    names = {"bank_account_15plus_rate": "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch"}
    figures = disagreements_export(DISAGREEMENTS, titles=TITLES, target_names=names)
    assert figures["Giá trị"].tolist() == [196.01, 119.72]
    assert figures["Chỉ tiêu kế hoạch"].tolist() == [names["bank_account_15plus_rate"], ""]
    assert "Mã chỉ số" not in figures and "Mã chỉ tiêu" not in export, "people read names, not the database's codes"
    assert figures["Nguồn"].tolist() == ["Báo cáo 6 tháng, Phụ lục III.2", "Báo cáo tháng 7, mục II.4"]


def test_a_projection_says_its_value_its_deadline_and_that_it_is_a_straight_line():
    text = " ".join(_texts(projection_block(_row(), "vi")))
    assert "Có nguy cơ" in text
    assert "Dự báo đến 31/12/2023: 62,4%" in text
    assert "tuyến tính từ 2 số liệu (2022, 2023-06)" in text
    assert "báo cáo khác nhau" in text, "a line across two reports says so"
    same_report = " ".join(_texts(projection_block(_row(projection_mixed=False), "en")))
    assert "At risk" in same_report and "linear from 2 figures" in same_report
    assert "different reports" not in same_report


def test_no_projection_says_why():
    one = _row(
        projection_status="none",
        projected_value=None,
        projection_reason="one_observation",
        projection_basis=(("2023-06", 45.68, "003_x.txt"),),
    )
    assert _texts(projection_block(one, "vi")) == [
        "Chưa dự báo: mới có một số liệu (2023-06), chưa đủ để thấy xu hướng."
    ]
    none = _row(projection_status="none", projection_reason="no_deadline", projection_basis=())
    assert _texts(projection_block(none, "en")) == ["No projection: the plan gives no deadline."]


def test_a_target_listed_twice_is_noted_once_with_both_sections():
    frame = pd.DataFrame(
        [
            _row(),
            _row(
                target_code="adult_smartphone_rate_society",
                pillar_code="digital_society",
                twin_of="adult_smartphone_rate",
            ),
        ]
    )
    labels = {"infrastructure": "Hạ tầng số", "digital_society": "Xã hội số"}
    notes = counted_once_note(frame, lang="vi", section_labels=labels)
    assert [_texts(n) for n in notes] == [
        [
            "Tỷ lệ dân số trưởng thành có điện thoại thông minh được kế hoạch ghi ở cả "
            "Hạ tầng số / Xã hội số: tính một lần trong tổng."
        ]
    ]


def test_the_risk_list_links_each_target_and_shows_now_projected_and_target():
    risky = pd.DataFrame([_row(projection_status="off_track", target_code="a"), _row(target_code="b")])
    listing = risk_list(risky, lang="vi", href="/targets?year=2023", limit=1)
    first = listing.children[0]
    assert first.href == "/targets?year=2023#targets-card-a"
    assert _texts(first) == [
        "Không đạt",
        "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
        "62,35% → 62,4% (≥ 70%)",
    ]
    assert _texts(listing.children[1]) == ["+1"], "what the limit leaves out is counted"
    empty = risk_list(risky.iloc[0:0], lang="vi", href="/targets")
    assert "Không có mục tiêu nào" in _texts(empty)[0]
