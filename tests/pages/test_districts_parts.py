"""`/districts` redraws only what a change changes (components/parts.py): another criterion or year that
keeps the content's frame is answered with the parts whose digests moved, the map and the heatmap as
patches; the map's boundaries are never sent again, and the year's criteria come with every answer."""

from __future__ import annotations

import json

from tests.pages.conftest import districts_body, part_of, parts_answer, patched, shown_parts

MAP = '{"name":"map","type":"districts-figure"}'
HEATMAP = '{"name":"heatmap","type":"districts-figure"}'


def drawing(client, query: dict, drawn: dict | None = None, present: tuple = ((), ())) -> tuple[dict, int]:
    """The content callback's answer and its size uncompressed, in bytes."""
    answer = parts_answer(client, districts_body(query, drawn=drawn, present=present))
    return answer, len(json.dumps(answer))


def test_a_criterion_recolours_the_map_without_sending_its_boundaries_again(client):
    first, whole = drawing(client, {"year": "2022"})
    content = first["districts-content"]["children"]
    assert shown_parts(content, "districts")[1] == ("heatmap", "map")

    changed, size = drawing(
        client,
        {"year": "2022", "criterion": "website"},
        first["districts-drawn"]["data"],
        shown_parts(content, "districts"),
    )

    assert "districts-content" not in changed, "the whole content was sent again"
    patch = changed[MAP]["figure"]
    assert {operation["location"][0] for operation in patch["operations"]} == {"data"}, "the map's view was sent again"
    assert '"features"' not in json.dumps(changed), "the answer carries the boundaries"
    fresh = drawing(client, {"year": "2022", "criterion": "website"})[0]["districts-content"]["children"]
    for key in (MAP, HEATMAP):
        assert (
            patched(part_of(content, key)["props"]["figure"], changed[key]["figure"])
            == part_of(fresh, key)["props"]["figure"]
        ), key
    title = changed['{"name":"map-title","type":"districts-slot"}']["children"]
    assert "Điểm trang thông tin điện tử" in title
    assert size < whole / 5, f"{size} bytes for a criterion change against {whole} for the whole page"


def test_the_years_criteria_come_with_the_answer_and_an_unknown_one_is_explained(client):
    first, _ = drawing(client, {"year": "2022"})
    values = [option["value"] for option in first["districts-criterion"]["options"]]
    assert values[0] == "total" and "website" in values

    refused, _ = drawing(client, {"year": "2022", "criterion": "no-such"})
    assert "no-such" in json.dumps(refused["districts-content"]["children"], ensure_ascii=False)
    assert refused["districts-drawn"]["data"] is None
