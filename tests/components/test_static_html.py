"""A table written as HTML for one component (`components.static_html`): what reaches the page is the
table the builders made, every text escaped, links still links, and nothing that would run code."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
import pandas as pd
import pytest
from dash import dcc, html
from plotly.io.json import to_json_plotly

from components.rankings import national_table
from components.static_html import StaticHtml, compact, static_html, to_html
from tests.pages.conftest import components, read_static_html


def rows_of(tree: object) -> list[list[str]]:
    """Each body row's cell texts, read from a Dash tree or from the HTML read back."""

    def text(node: object) -> str:
        if isinstance(node, str):
            return node
        if isinstance(node, list):
            return "".join(text(item) for item in node)
        if isinstance(node, dict):
            return text(node["props"].get("children"))
        return ""

    rows = [c for c in components(tree) if c["type"] == "Tr" and "data-unit" in c["props"]]
    return [[text(cell) for cell in row["props"]["children"]] for row in rows]


def test_the_national_table_reads_back_cell_for_cell_with_a_hostile_name_as_text() -> None:
    ranking = pd.DataFrame(
        {
            "unit_code": ["a", "b", "c"],
            "unit_name_vi": ["Thành phố <b>Đà Nẵng</b>", 'Tỉnh "Bắc" & Nam', "<img src=x onerror=alert(1)>"],
            "unit_name_en": ["Da Nang", "Bac & Nam", "Img"],
            "rank": [1, 2, 2],
            "tied": [False, True, True],
            "index_value": [0.71234, float("nan"), 0.5],
        }
    )
    tree = national_table(ranking, focus_code="b", lang="vi", table_id="national")

    written = to_html(tree)

    assert "<img" not in written and "<b>" not in written
    assert "&lt;img src=x onerror=alert(1)&gt;" in written
    block = static_html(tree, class_name="rankings-scroll").to_plotly_json()
    read = read_static_html(block["props"]["html"])
    assert rows_of(read) == rows_of(json.loads(to_json_plotly(tree)))
    assert rows_of(read)[0][1] == "Thành phố <b>Đà Nẵng</b>"
    focus_rows = [c for c in components(read) if "rankings-focus" in c["props"].get("className", "")]
    assert [row["props"]["data-unit"] for row in focus_rows] == ["b"]
    assert "--rankings-focus:" in focus_rows[0]["props"]["style"]


def test_a_link_is_followed_inside_the_app_unless_it_asks_for_a_reload() -> None:
    written = to_html(
        html.Td([dcc.Link("Sở A & B", href="/units/a?year=2022&level=x"), dcc.Link("Tải", href="/x", refresh=True)])
    )

    assert written == (
        '<td><a href="/units/a?year=2022&amp;level=x" data-dash-link="">Sở A &amp; B</a><a href="/x">Tải</a></td>'
    )


def test_styles_and_attributes_are_written_as_react_writes_them() -> None:
    cell = html.Td(
        "7",
        colSpan=2,
        title='hạng "chung"',
        style={"--rankings-focus": "#f5a524", "fontWeight": 700, "width": 10},
        **{"data-value": "7"},
    )

    assert to_html(cell) == (
        '<td colspan="2" style="--rankings-focus: #f5a524; font-weight: 700; width: 10px" '
        'title="hạng &quot;chung&quot;" data-value="7">7</td>'
    )


@pytest.mark.parametrize(
    "tree",
    [
        html.Td(dcc.Graph(figure={})),
        html.Td(dcc.Link("x", href="javascript:alert(1)")),
        html.A("x", href=" JavaScript:alert(1)"),
        html.Td("x", id={"type": "slot", "name": "x"}),
    ],
    ids=["a graph", "a script link", "a script href", "a pattern-matching id"],
)
def test_what_needs_dash_or_would_run_code_is_refused(tree: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        to_html(tree)


def test_compact_writes_each_run_of_plain_html_as_one_block_and_keeps_what_dash_draws() -> None:
    """A card around a graph: the plain elements before and after the graph become one block each, in
    their order, with their ids and text; the graph and its parent stay components."""
    graph = dcc.Graph(id="gauge", figure={})
    card = html.Div(
        [
            html.Div("Tỷ lệ <b>hộ</b>", className="name"),
            html.Span("Đạt"),
            graph,
            html.Div(dcc.Link("Chưa đạt", href="/targets?status=not_met", id="tile")),
            "Nguồn: Kế hoạch 57",
        ],
        id="card",
        className="target-card",
    )
    compacted = compact(card)
    assert compacted is card and card.id == "card"
    before, kept, after = card.children
    assert kept is graph
    assert isinstance(before, StaticHtml) and isinstance(after, StaticHtml)
    assert before.className == after.className == "static-contents"
    assert before.html == '<div class="name">Tỷ lệ &lt;b&gt;hộ&lt;/b&gt;</div><span>Đạt</span>'
    assert after.html == (
        '<div><a href="/targets?status=not_met" id="tile" data-dash-link="">Chưa đạt</a></div>Nguồn: Kế hoạch 57'
    )


def test_compact_keeps_a_subtree_dash_must_reach_and_writes_a_plain_one_whole() -> None:
    plain = html.Section([html.H2("Kinh tế số"), html.P("3 chỉ tiêu")], id="section")
    assert compact(plain).html == '<section id="section"><h2>Kinh tế số</h2><p>3 chỉ tiêu</p></section>'
    slot = html.Div([html.Div("x", id={"type": "slot", "name": "a"}), html.P("y")])
    compacted = compact(slot)
    assert compacted.children[0].id == {"type": "slot", "name": "a"}, "a pattern-matching id stays reachable"
    assert compacted.children[1].html == "<p>y</p>"
    with pytest.raises(ValueError):
        compact(html.Div([dcc.Graph(figure={}), html.A("x", href="javascript:alert(1)")]))


def test_compact_never_writes_rows_or_cells_as_a_block_of_their_own() -> None:
    """HTML read into a block's `div` drops `<tr>` and `<td>`: a table with a row Dash must draw keeps its
    rows and cells as components, and their contents become blocks (a cell's text stays its text)."""
    tip = dbc.Tooltip("Ghi chú", target="note")
    table = html.Table(
        html.Tbody(
            [
                html.Tr([html.Td("Nhận thức số"), html.Td("94,17")]),
                html.Tr([html.Td(["Thể chế số", html.Span("ⓘ", id="note"), tip]), html.Td("80")]),
            ]
        )
    )
    compacted = compact(table)
    body = compacted.children[0]
    first, second = body.children
    assert isinstance(first, html.Tr) and isinstance(second, html.Tr)
    assert [cell.children for cell in first.children] == ["Nhận thức số", "94,17"]
    text, mark, kept_tip = second.children[0].children
    assert text.html == "Thể chế số"
    assert mark.id == "note", "the tooltip's target stays a component: redrawn as HTML, it would lose the tooltip"
    assert kept_tip is tip
    assert compact(html.Table(html.Tr(html.Td("x")))).html == "<table><tr><td>x</td></tr></table>"


def test_bootstrap_boxes_are_written_as_dbc_draws_them_and_the_others_stay_components() -> None:
    """A card, its body, a row and columns that take only classes, a style and widths are `div`s with
    Bootstrap's classes after the given ones (react-bootstrap's order); a colour, an offset or a pattern
    id needs dbc or a callback, and keeps the component."""
    row = dbc.Row(
        [
            dbc.Col(html.P("Radar"), lg=7, className="radar-col"),
            dbc.Col("Bảng", width="auto"),
            dbc.Col("Ghi chú"),
            dbc.Col("Nguồn", width=12, md=4, xxl=2),
        ],
        className="g-3",
    )
    assert to_html(row) == (
        '<div class="g-3 row"><div class="radar-col col-lg-7"><p>Radar</p></div><div class="col-auto">Bảng</div>'
        '<div class="col">Ghi chú</div><div class="col-12 col-md-4 col-xxl-2">Nguồn</div></div>'
    )
    card = dbc.Card(dbc.CardBody("0,6385", className="d-flex"), className="kpi-card", id="kpi", style={"minHeight": 3})
    assert to_html(card) == (
        '<div class="kpi-card card" id="kpi" style="min-height: 3px"><div class="d-flex card-body">0,6385</div></div>'
    )
    for kept in (
        dbc.Card("x", color="primary"),
        dbc.Col("x", width={"size": 3, "offset": 1}),
        dbc.Row("x", align="center"),
        dbc.Col("x", id={"type": "slot", "name": "a"}),
    ):
        with pytest.raises(TypeError):
            to_html(kept)
    graph_card = dbc.Card([dbc.CardBody("Tiêu đề"), dcc.Graph(id="g", figure={})])
    compacted = compact(dbc.Col(graph_card, lg=6))
    assert compacted.children[0] is graph_card and compacted.children[0].children[0].html == (
        '<div class="card-body">Tiêu đề</div>'
    ), "the card around a graph stays a component, its plain body a block"
