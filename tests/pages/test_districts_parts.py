"""`/districts` redraws only what a change changes (components/parts.py): another criterion or year that
keeps the content's frame is answered with the parts whose digests moved, the map and the heatmap as
patches; the map's boundaries are never sent again, and the year's criteria come with every answer."""

from __future__ import annotations

import json

from tests.pages.conftest import components, districts_body, patched

MAP = '{"name":"map","type":"districts-figure"}'
HEATMAP = '{"name":"heatmap","type":"districts-figure"}'


def drawing(client, query: dict, drawn: dict | None = None, present: tuple = ((), ())) -> tuple[dict, int]:
    """The content callback's answer (its outputs) and its size uncompressed, in bytes."""
    response = client.post(
        "/_dash-update-component",
        json=districts_body(query, drawn=drawn, present=present),
        headers={"Accept-Encoding": "identity"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"], len(response.get_data())


def shown_parts(content: list) -> tuple[tuple[str, ...], tuple[str, ...]]:
    ids = [node["props"].get("id") for node in components(content)]
    return tuple(
        tuple(i["name"] for i in ids if isinstance(i, dict) and i["type"] == kind)
        for kind in ("districts-slot", "districts-figure")
    )


def part_of(content: list, key: str) -> dict:
    wanted = json.loads(key)
    return next(node for node in components(content) if node["props"].get("id") == wanted)


def test_a_criterion_recolours_the_map_without_sending_its_boundaries_again(client):
    first, whole = drawing(client, {"year": "2022"})
    content = first["districts-content"]["children"]
    assert shown_parts(content)[1] == ("heatmap", "map")

    changed, size = drawing(
        client, {"year": "2022", "criterion": "website"}, first["districts-drawn"]["data"], shown_parts(content)
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
