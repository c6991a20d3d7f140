"""`/rankings` redraws only what a change changes (components/parts.py): another year or level that
keeps the content's frame is answered with the parts whose digests moved, a figure as a patch of its
data; the server checks the reader's access and the level exactly as for a whole drawing."""

from __future__ import annotations

import json

from tests.pages.conftest import rankings_body

PROVINCE_PARTS = (
    (
        "national-table",
        "map-legend",
        "map-sources",
        "bump-legend",
        "bump-sources",
        "peers-table",
        "peers-radar-legend",
        "peers-radar-notes",
    ),
    ("map", "bump", "peers-radar"),
)
UNIT_PARTS = (("change-note", "unit-table", "bars-legend", "bars-sources"), ("bars",))
MAP = '{"name":"map","type":"rankings-figure"}'


def drawing(client, query: dict, drawn: dict | None = None, present: tuple = ((), ())) -> tuple[dict, int]:
    """The content callback's answer (its outputs) and its size uncompressed, in bytes."""
    response = client.post(
        "/_dash-update-component",
        json=rankings_body(query, drawn=drawn, present=present),
        headers={"Accept-Encoding": "identity"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"], len(response.get_data())


def test_a_year_change_sends_the_parts_that_changed_and_the_map_as_a_patch_of_its_data(client):
    first, whole = drawing(client, {"year": "2022"})
    assert "rankings-content" in first

    changed, size = drawing(client, {"year": "2021"}, first["rankings-drawn"]["data"], PROVINCE_PARTS)

    assert "rankings-content" not in changed, "the whole content was sent again"
    patch = changed[MAP]["figure"]
    assert patch["__dash_patch_update"] == "__dash_patch_update"
    assert [operation["location"] for operation in patch["operations"]] == [["data"]], (
        "the map's layout (style, view) was sent again"
    )
    assert '{"name":"map-legend","type":"rankings-slot"}' not in changed, "an unchanged part was sent"
    assert '"features"' not in json.dumps(changed), "the answer carries GeoJSON"
    # 25 KB of 117 KB on the seed: the national table, the peers and the map's 63 provinces are what a
    # year changes; the bump chart's 63 lines over the years, the legends and the card frames it keeps.
    assert size < whole / 3, f"{size} bytes for a year change against {whole} for the whole page"


def test_the_same_drawing_asked_again_sends_no_part(client):
    first, _ = drawing(client, {"year": "2022"})

    again, _ = drawing(client, {"year": "2022"}, first["rankings-drawn"]["data"], PROVINCE_PARTS)

    assert not any(key.startswith("{") for key in again), f"parts sent again: {sorted(again)}"
    assert "rankings-content" not in again


def test_another_frame_is_drawn_whole(client):
    """From the provinces to the departments the frame differs: the whole content comes, no part."""
    first, _ = drawing(client, {"year": "2022"})

    departments, _ = drawing(
        client, {"year": "2022", "level": "department"}, first["rankings-drawn"]["data"], PROVINCE_PARTS
    )

    assert "Sở Y tế" in json.dumps(departments["rankings-content"], ensure_ascii=False)
    assert not any(key.startswith("{") for key in departments)


def test_a_unit_head_gets_no_other_level_through_the_parts(client_as):
    """A unit head drawing the departments and asking for the districts with the record and parts of
    that drawing gets the refusal, never the districts' table or bars."""
    head = client_as("unit_head")
    first, _ = drawing(head, {"year": "2022", "level": "department"})
    assert "rankings-content" in first

    refused, _ = drawing(head, {"year": "2022", "level": "district"}, first["rankings-drawn"]["data"], UNIT_PARTS)

    text = json.dumps(refused, ensure_ascii=False)
    assert "access-denied" in text
    assert "Đồng Xoài" not in text
    assert not any(key.startswith("{") for key in refused)
