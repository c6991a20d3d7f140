"""A unit page redraws only what another year changes (components/parts.py): two years with the same cards
keep the content's frame, so only the parts that changed are sent, and what they show is the fresh drawing
of the new year. In the seed, Bình Phước's 2020 and 2021 have results but no pillar scores; its 2022 has them,
and keeps the same frame (the pillar cards hidden in the years without)."""

from __future__ import annotations

import json

from tests.pages.conftest import components, part_of, parts_answer, patched, shown_parts, units_body

PROVINCE = "binh-phuoc"
SLOT = "units-slot"


def drawing(client, year: str, drawn: dict | None = None, present: tuple = ((), ())) -> dict:
    return parts_answer(client, units_body({"unit_code": PROVINCE, "year": year}, drawn=drawn, present=present))


def slot_key(name: str) -> str:
    return json.dumps({"name": name, "type": SLOT}, separators=(",", ":"))


def figure_key(name: str) -> str:
    return json.dumps({"name": name, "type": "units-figure"}, separators=(",", ":"))


def test_another_year_with_the_same_cards_sends_only_the_parts_that_changed(client):
    first = drawing(client, "2021")
    content = first["units-content"]["children"]
    slots, graphs = shown_parts(content, "units")
    assert slots == (
        "heading",
        "results",
        "no-pillars",
        "radar-legend",
        "radar-notes",
        "bars-height",
        "bars-notes",
        "history",
        "lost",
        "sources",
        "changes",
        "indices",
        "actions",
    )
    assert graphs == ("radar", "bars")

    changed = drawing(client, "2020", first["units-drawn"]["data"], (slots, graphs))
    fresh = drawing(client, "2020")["units-content"]["children"]

    assert "units-content" not in changed, "the whole content was sent again"
    heading = json.dumps(changed[slot_key("heading")]["children"], ensure_ascii=False)
    assert "Bình Phước: kết quả năm 2020" in heading
    sent = {key for key in changed if key.startswith("{")}
    assert slot_key("history") not in sent, "the history shows every year: the same for both"
    fresh_slots = {
        slot_key(node["props"]["id"]["name"]): node["props"]["children"]
        for node in components(fresh)
        if isinstance(node["props"].get("id"), dict) and node["props"]["id"]["type"] == SLOT
    }
    for key in sent:
        assert changed[key]["children"] == fresh_slots[key], key


def test_a_year_with_pillar_scores_after_one_without_patches_the_pillar_cards_in_place(client):
    first = drawing(client, "2021")
    content = first["units-content"]["children"]
    assert "units-no-pillars" in json.dumps(part_of(content, slot_key("no-pillars")))
    assert part_of(content, figure_key("radar"))["props"]["figure"]["data"] == [], "2021 has no radar to draw"

    changed = drawing(client, "2022", first["units-drawn"]["data"], shown_parts(content, "units"))
    fresh = drawing(client, "2022")["units-content"]["children"]

    assert "units-content" not in changed, "2022 was drawn whole: the frame differs from 2021's"
    assert changed[slot_key("no-pillars")]["children"] == [], "the panel saying 2021 has no pillar scores stays"
    for name in ("radar", "bars"):
        before = part_of(content, figure_key(name))["props"]["figure"]
        after = patched(before, changed[figure_key(name)]["figure"])
        assert after == part_of(fresh, figure_key(name))["props"]["figure"], name
        assert after["data"], f"2022's {name} has no traces"
    for key in (slot_key("lost"), slot_key("actions"), slot_key("radar-legend")):
        assert changed[key]["children"] == part_of(fresh, key)["props"]["children"], key
        assert changed[key]["children"], f"{key} is empty in 2022"
