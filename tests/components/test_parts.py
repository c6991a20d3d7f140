"""components/parts.py: a content split into its frame and parts, and what a change sends."""

from __future__ import annotations

import json

from dash import html, no_update
from plotly.io.json import to_json_plotly

from components.parts import answer, changed_parts, graph_part, prepare, slot

PART_TYPES = ("t-slot", "t-figure")
# The ALL-pattern outputs once the browser shows a drawing of `content`, as `ctx.outputs_list` lists them.
SHOWN = ([{"id": {"type": "t-slot", "name": "table"}}], [{"id": {"type": "t-figure", "name": "bars"}}])


def content(text: str, ranks: list[int], title: str = "Bảng") -> list:
    figure = {"data": [{"type": "bar", "y": ranks}], "layout": {"title": {"text": "Hạng"}, "height": 300}}
    return [
        html.H2(title),
        slot("t-slot", "table", html.P(text)),
        graph_part("t-figure", "bars", figure, element_id="bars", config={}),
    ]


def split(tree: list):
    return prepare(tree, PART_TYPES).split


def test_the_parts_are_taken_out_of_the_frame():
    before, after = split(content("2021", [1, 2])), split(content("2022", [2, 1]))

    assert before.frame == after.frame
    assert set(before.parts) == {"t-slot/table", "t-figure/bars"}
    assert before.digests["t-slot/table"] != after.digests["t-slot/table"]
    assert split(content("2021", [1, 2], title="Khác")).frame != before.frame


def test_only_the_parts_that_changed_are_sent_and_a_figure_as_a_patch_of_what_changed():
    before = split(content("2021", [1, 2]))
    after = split(content("2021", [2, 1]))

    changed = changed_parts(after, before.record(), ["t-slot/table", "t-figure/bars"])

    assert list(changed) == ["t-figure/bars"]
    operations = changed["t-figure/bars"].to_plotly_json()["operations"]
    assert [operation["location"] for operation in operations] == [["data", 0, "y"]]
    assert operations[0]["params"]["value"] == [2, 1]


def test_a_trace_is_patched_key_by_key_so_a_maps_boundaries_are_not_sent_again():
    def drawn(values: list[int], **trace: object) -> list:
        geojson = {"type": "FeatureCollection", "features": [{"id": "a"}, {"id": "b"}]}
        figure = {"data": [{"type": "choroplethmap", "geojson": geojson, "z": values, **trace}], "layout": {}}
        return [graph_part("t-figure", "bars", figure, element_id="bars", config={})]

    before = split(drawn([1, 2], name="DTI"))

    recoloured = changed_parts(split(drawn([2, 1], name="DTI")), before.record(), ["t-figure/bars"])
    operations = recoloured["t-figure/bars"].to_plotly_json()["operations"]
    assert [(o["operation"], o["location"]) for o in operations] == [("Assign", ["data", 0, "z"])]

    renamed = changed_parts(split(drawn([1, 2])), before.record(), ["t-figure/bars"])
    operations = renamed["t-figure/bars"].to_plotly_json()["operations"]
    assert [(o["operation"], o["location"]) for o in operations] == [("Delete", ["data", 0, "name"])]

    other_kinds = {"data": [{"type": "bar", "y": [1]}], "layout": {}}
    redrawn = changed_parts(
        split([graph_part("t-figure", "bars", other_kinds, element_id="bars", config={})]),
        before.record(),
        ["t-figure/bars"],
    )
    operations = redrawn["t-figure/bars"].to_plotly_json()["operations"]
    assert [o["location"] for o in operations] == [["data"]], "another kind of trace: the traces whole"


def test_the_whole_content_is_drawn_for_another_frame_or_other_parts_shown():
    before = split(content("2021", [1, 2]))
    after = split(content("2022", [1, 2]))
    present = ["t-slot/table", "t-figure/bars"]

    assert changed_parts(after, None, present) is None
    assert changed_parts(after, {**before.record(), "frame": "another"}, present) is None
    assert changed_parts(after, before.record(), ["t-slot/table"]) is None
    assert changed_parts(after, before.record(), present).keys() == {"t-slot/table"}


def test_a_callback_answers_the_whole_content_first_then_only_the_slot_that_changed():
    shown = content("2021", [1, 2])
    whole, record, slots, figures = answer(prepare(shown, PART_TYPES), None, ([], []))
    assert whole == json.loads(to_json_plotly(shown)), "the first answer is not the whole content"
    assert (slots, figures) == ([], [])

    parts_only = answer(prepare(content("2022", [1, 2]), PART_TYPES), record, SHOWN)

    assert parts_only[0] is no_update
    assert parts_only[2][0]["props"]["children"] == "2022"
    assert parts_only[3] == [no_update], "the figure did not change"
