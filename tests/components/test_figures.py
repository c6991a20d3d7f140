"""Figure builders, tested without a server or a database."""

from __future__ import annotations

import pandas as pd

from components.citations import SourceTitles, cite, localized_locator, readable_citation
from components.figures import pillar_radar, rank_history, rank_ticks, wrap_label
from components.tables import pillar_points_table
from components.theme import SERIES_COLORS

PILLARS = pd.DataFrame(
    {
        "pillar_code": ["a", "b", "c"],
        "label": ["Nhận thức số", "Thể chế số", "Hạ tầng số"],
        "share": [0.9417, 0.8, 0.7264],
    }
)


def test_radar_shows_each_value_in_its_axis_label_in_vietnamese_format():
    figure = pillar_radar(PILLARS, focus_label="Bình Phước", theme="dark", lang="vi")
    focus = figure.data[-1]
    assert focus.name == "Bình Phước"
    assert list(focus.r) == [94.17, 80.0, 72.64, 94.17]
    assert focus.theta[0] == "Nhận thức số<br><b>94,2%</b>"
    assert wrap_label("Hoạt động Chính quyền số") == "Hoạt động<br>Chính quyền số"
    assert figure.layout.separators == ",."
    assert focus.customdata[0] == "Nhận thức số", "hover names the pillar without the focus unit's value"


def test_comparison_traces_are_aligned_on_the_focus_pillars():
    shuffled = pd.DataFrame({"pillar_code": ["c", "a", "b"], "share": [0.5, 1.0, 0.9]})
    figure = pillar_radar(
        PILLARS, [("Dẫn đầu", shuffled, "leader")], focus_label="Bình Phước", theme="light", lang="vi"
    )
    leader = figure.data[0]
    assert list(leader.r) == [100.0, 90.0, 50.0, 100.0]
    assert leader.line.color == SERIES_COLORS["leader"]


def test_rank_history_puts_rank_one_on_top_and_labels_each_point():
    history = pd.DataFrame({"year": [2020, 2021, 2022], "rank": [25, 9, 12], "rank_of": [63, 63, 63]})
    figure = rank_history(history, theme="dark", lang="vi", axis_title="Hạng")
    low, high = figure.layout.yaxis.range
    assert low > high, "the axis runs downwards so rank 1 is at the top"
    assert list(figure.data[0].text) == ["25/63", "9/63", "12/63"]
    assert rank_ticks(63)[:3] == [1, 10, 20]
    assert rank_ticks(8) == list(range(1, 9))


def test_a_long_rank_history_labels_its_ends_best_and_worst_and_hovers_every_year():
    """Ten years in a card a fifth of the wall wide: a label on every point overlapped its neighbours
    into an unreadable row. The first and last year, the best and the worst rank keep their label."""
    ranks = [20, 21, 15, 24, 31, 30, 24, 25, 23, 23]
    history = pd.DataFrame({"year": range(2013, 2023), "rank": ranks, "rank_of": [63] * 10})
    figure = rank_history(history, theme="dark", lang="vi", axis_title="Hạng")
    shown = {year: label for year, label in zip(figure.data[0].x, figure.data[0].text, strict=True) if label}
    assert shown == {"2013": "20/63", "2015": "15/63", "2017": "31/63", "2022": "23/63"}
    assert [row[0] for row in figure.data[0].customdata] == [f"{rank}/63" for rank in ranks]
    # The end labels lean inwards: centred, half of each fell outside the plot and was cut off.
    assert (figure.data[0].textposition[0], figure.data[0].textposition[-1]) == ("top right", "top left")


def test_a_long_rank_history_names_every_second_year_ending_on_the_latest():
    """Ten years in a card a fifth of the wall wide: plotly stood the ten names on end, and the ranks
    were left a strip 60 px high. Five names lie level there."""
    history = pd.DataFrame({"year": range(2013, 2023), "rank": [20] * 10, "rank_of": [63] * 10})
    axis = rank_history(history, theme="dark", lang="vi", axis_title="Hạng").layout.xaxis
    named = [history["year"].iloc[i] for i in range(axis.tick0, len(history), axis.dtick)]
    assert named == [2014, 2016, 2018, 2020, 2022]
    short = rank_history(history.tail(6), theme="dark", lang="vi", axis_title="Hạng").layout.xaxis
    assert short.dtick is None, "six years are each named"


def test_a_long_rank_history_in_a_narrow_card_names_four_years_and_keeps_labels_apart():
    """`/`'s history card on the wall is a fifth of the row wide: five names stood on end there, and the
    first year's label (20/63) sat on the best year's (15/63), two years and five ranks away. Four names
    lie level, and the first year's label gives way; the worst year's, as close in years but sixteen
    ranks lower, keeps its own."""
    ranks = [20, 21, 15, 24, 31, 30, 24, 25, 23, 23]
    history = pd.DataFrame({"year": range(2013, 2023), "rank": ranks, "rank_of": [63] * 10})
    figure = rank_history(history, theme="dark", lang="vi", axis_title="Hạng", narrow=True)
    axis = figure.layout.xaxis
    assert [history["year"].iloc[i] for i in range(axis.tick0, len(history), axis.dtick)] == [2013, 2016, 2019, 2022]
    shown = {year: label for year, label in zip(figure.data[0].x, figure.data[0].text, strict=True) if label}
    assert shown == {"2015": "15/63", "2017": "31/63", "2022": "23/63"}
    short = rank_history(history.tail(4), theme="dark", lang="vi", axis_title="Hạng", narrow=True)
    assert short.layout.xaxis.dtick is None, "four years are each named"
    assert all(short.data[0].text), "and each labelled"


def test_citations_name_the_document_not_its_file():
    titles = {"003_x.txt": "Báo cáo sơ kết 6 tháng"}
    assert readable_citation("003_x.txt; Phụ lục III.1.a", titles) == "Báo cáo sơ kết 6 tháng, Phụ lục III.1.a"
    assert readable_citation("unknown; p. 3", titles) == "unknown; p. 3"
    assert cite("Nguồn", ["003_x.txt; A", "003_x.txt; A", ""], titles) == "Nguồn: Báo cáo sơ kết 6 tháng, A"


def test_an_english_reader_reads_the_place_in_the_document_in_english_and_its_quotes_as_written():
    english = SourceTitles({"003_x.txt": "Six-month report", "001_y.txt": "DTI 2022 slides"}, "en")
    assert readable_citation("003_x.txt; Phụ lục III.1.a", english) == "Six-month report, Appendix III.1.a"
    assert readable_citation("003_x.txt; Phần II, mục II.1", english) == "Six-month report, Part II, section II.1"
    quoted = readable_citation("001_y.txt; slide 'Kết quả DTI: mục tiêu'", english)
    assert quoted == "DTI 2022 slides, slide 'Kết quả DTI: mục tiêu'", "the document's own words stay as written"
    vietnamese = SourceTitles({"003_x.txt": "Báo cáo sơ kết"}, "vi")
    assert readable_citation("003_x.txt; Phần II, mục II.1", vietnamese) == "Báo cáo sơ kết, Phần II, mục II.1"
    assert localized_locator("Phụ lục tổng hợp", "en") == "Appendix tổng hợp", "only the locator words change"


def test_pillar_table_marks_qualified_rows_with_their_caveat():
    pillars = PILLARS.assign(points=[94.17, 80, 72.64], max_points=[100, 100, 100])
    table = pillar_points_table(
        pillars, lang="vi", name_column="label", headers=["Chỉ số", "Điểm", "%"], caveats={"a": ["Nguồn không ghi"]}
    )
    rows = table.children[1].children
    mark = rows[0].children[0].children[1]
    popover = mark.children[1]
    assert popover.target == mark.children[0].id
    assert popover.children.children[0].children == "Nguồn không ghi"
    assert rows[1].children[0].children[1] is None
    assert rows[0].children[1].children == "94,17/100"
    assert len(rows[0].children) == 3, "no colour swatch: the radar beside the table is one colour"
