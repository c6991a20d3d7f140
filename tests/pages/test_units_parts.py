"""A unit page redraws only what another year changes (components/parts.py): two years with the same cards
keep the content's frame, so only the parts that changed are sent, and what they show is the fresh drawing
of the new year. In the seed, Bình Phước's 2020 and 2021 have results but no pillar scores: the same cards."""

from __future__ import annotations

import json

from tests.pages.conftest import components, parts_answer, shown_parts, units_body

PROVINCE = "binh-phuoc"
SLOT = "units-slot"


def drawing(client, year: str, drawn: dict | None = None, present: tuple = ((), ())) -> dict:
    return parts_answer(client, units_body({"unit_code": PROVINCE, "year": year}, drawn=drawn, present=present))


def slot_key(name: str) -> str:
    return json.dumps({"name": name, "type": SLOT}, separators=(",", ":"))


def test_another_year_with_the_same_cards_sends_only_the_parts_that_changed(client):
    first = drawing(client, "2021")
    content = first["units-content"]["children"]
    slots, graphs = shown_parts(content, "units")
    assert slots == ("heading", "results", "no-pillars", "history", "sources", "changes")
    assert graphs == ()

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
        if isinstance(node["props"].get("id"), dict)
    }
    for key in sent:
        assert changed[key]["children"] == fresh_slots[key], key


def test_a_year_with_other_cards_is_sent_whole(client):
    first = drawing(client, "2021")
    content = first["units-content"]["children"]
    changed = drawing(client, "2022", first["units-drawn"]["data"], shown_parts(content, "units"))
    assert "units-content" in changed, "2022 has pillar scores: a radar and bars the 2021 page has not"
    assert shown_parts(changed["units-content"]["children"], "units")[1] == ("radar", "bars")
