"""`/pillars` redraws only what a change changes (components/parts.py): another province keeps the
content's frame, so its radar is patched in place and its selectors, heading and table are sent as slots;
what a patched radar shows is the fresh drawing of the same URL."""

from __future__ import annotations

import json

from tests.pages.conftest import components, part_of, parts_answer, patched, pillars_body, shown_parts

RADAR = '{"name":"radar","type":"pillars-figure"}'
SLOT = "pillars-slot"


def drawing(client, query: dict, drawn: dict | None = None, present: tuple = ((), ())) -> dict:
    return parts_answer(client, pillars_body(query, drawn=drawn, present=present))


def test_another_province_patches_the_radar_and_sends_its_heading_and_table(client):
    first = drawing(client, {"year": "2022", "level": "province"})
    content = first["pillars-content"]["children"]
    assert shown_parts(content, "pillars") == (
        ("controls", "heading", "radar-legend", "radar-notes", "table", "indicators"),
        ("radar",),
    )

    query = {"year": "2022", "level": "province", "unit": "da-nang", "compare": "leading"}
    changed = drawing(client, query, first["pillars-drawn"]["data"], shown_parts(content, "pillars"))
    fresh = drawing(client, query)["pillars-content"]["children"]

    assert "pillars-content" not in changed, "the whole content was sent again"
    before = part_of(content, RADAR)["props"]["figure"]
    assert patched(before, changed[RADAR]["figure"]) == part_of(fresh, RADAR)["props"]["figure"]
    heading = changed[json.dumps({"name": "heading", "type": SLOT}, separators=(",", ":"))]["children"]
    assert "Đà Nẵng" in json.dumps(heading, ensure_ascii=False)
    controls = changed[json.dumps({"name": "controls", "type": SLOT}, separators=(",", ":"))]["children"]
    (unit,) = [c for c in components(controls) if c["props"].get("id") == "pillars-unit"]
    assert unit["props"]["value"] == "da-nang"


def test_the_same_drawing_asked_again_sends_no_part(client):
    first = drawing(client, {"year": "2022"})
    again = drawing(
        client,
        {"year": "2022"},
        first["pillars-drawn"]["data"],
        shown_parts(first["pillars-content"]["children"], "pillars"),
    )
    assert "pillars-content" not in again
    assert not any(key.startswith("{") for key in again), f"parts sent again: {sorted(again)}"
