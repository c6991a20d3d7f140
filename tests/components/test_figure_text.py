"""A name imported with HTML in it is shown as typed in every chart, never as a live link or markup."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures import pillar_radar, wrap_label
from components.formatting import figure_text
from components.rankings import bump_chart
from components.units import pillar_bars

LINKED = '<a href="http://evil.example/">Sở Mẫu</a>'


def markup_of(figure: go.Figure) -> str:
    return figure.to_json()


def assert_shown_as_typed(figure: go.Figure) -> None:
    serialized = markup_of(figure)
    assert "evil.example" in serialized, "the name is still there, as text"
    assert "<a " not in serialized and "\\u003ca " not in serialized


def test_figure_text_escapes_angle_brackets_only():
    assert figure_text(LINKED) == '&lt;a href="http://evil.example/"&gt;Sở Mẫu&lt;/a&gt;'
    assert figure_text("Sở Thông tin và Truyền thông") == "Sở Thông tin và Truyền thông"


def test_wrapped_axis_labels_keep_their_own_line_breaks_only():
    wrapped = wrap_label(f"{LINKED} <b>đậm</b>", 14)
    assert "<a " not in wrapped and "<b>" not in wrapped
    assert "<br>" in wrapped


def test_radar_names_and_axes_are_shown_as_typed():
    pillars = pd.DataFrame({"pillar_code": ["a", "b", "c"], "label": [LINKED, "B", "C"], "share": [0.5, 0.6, 0.7]})
    comparison = pillars[["pillar_code"]].assign(share=0.9)
    figure = pillar_radar(pillars, [(LINKED, comparison, "leader")], focus_label=LINKED, theme="dark", lang="vi")
    assert_shown_as_typed(figure)


def test_bars_and_their_holders_are_shown_as_typed():
    pillars = pd.DataFrame(
        {
            "pillar_code": ["awareness"],
            "label": [LINKED],
            "points": [40.0],
            "max_points": [50.0],
            "best_points": [50.0],
            "median_points": [45.0],
            "best_count": [1],
            "best_name_vi": [LINKED],
            "best_name_en": [LINKED],
        }
    )
    assert_shown_as_typed(pillar_bars(pillars, theme="dark", lang="vi"))


def test_rank_history_names_are_shown_as_typed():
    history = pd.DataFrame(
        {
            "unit_code": ["x", "x"],
            "unit_name_vi": [LINKED, LINKED],
            "unit_name_en": [LINKED, LINKED],
            "year": [2021, 2022],
            "rank": [3, 2],
            "rank_of": [63, 63],
        }
    )
    assert_shown_as_typed(bump_chart(history, focus_code="x", theme="dark", lang="vi", axis_title="Hạng"))
