"""Vietnamese number formats, as leaders read them in the reports."""

from __future__ import annotations

import math

from components.formatting import (
    format_number,
    format_percent,
    format_points,
    format_points_column,
    format_rank,
    plotly_separators,
)


def test_vietnamese_numbers_use_comma_decimals_and_dot_thousands():
    assert format_number(0.6385, 4) == "0,6385"
    assert format_number(1034667) == "1.034.667"
    assert format_percent(73.12) == "73,12%"


def test_english_numbers_on_request():
    assert format_number(1034667.5, 1, "en") == "1,034,667.5"
    assert format_percent(196.01, 2, "en") == "196.01%"


def test_points_keep_their_printed_precision():
    assert format_points(80.0) == "80"
    assert format_points(72.64) == "72,64"
    assert format_points(553.8) == "553,8"


def test_missing_values_show_a_dash_not_nan():
    assert format_number(None) == "—"
    assert format_number(math.nan, 2) == "—"
    assert format_rank(None, 63) == "—"


def test_rank_reads_against_its_field():
    assert format_rank(12, 63) == "12/63"
    assert format_rank(3, None) == "3"


def test_plotly_separators_follow_the_language():
    assert plotly_separators("vi") == ",."
    assert plotly_separators("en") == ".,"


def test_a_column_of_points_keeps_one_precision():
    """/districts' total column read "687,2" above "669,12": a column of totals carries two decimals on
    every row once one has a fraction, as the sources print them, and none when all are whole."""
    assert format_points_column([687.2, 669.12, 655.3]) == ["687,20", "669,12", "655,30"]
    assert format_points_column([145.0, 100.0, 60.0]) == ["145", "100", "60"]
    assert format_points_column([1000.5, float("nan")], "en") == ["1,000.50", "—"]
