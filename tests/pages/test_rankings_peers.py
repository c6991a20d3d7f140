"""`/rankings`' peers box in a year whose data has the focus's rank only (the seed's 2021): what it says
is read by a leader, so it names provinces as they are known and offers only what the year can give."""

from __future__ import annotations

import json

from tests.pages.conftest import components, inner_text, rankings_body


def content_of(client, year: str) -> dict:
    response = client.post("/_dash-update-component", json=rankings_body({"year": year}))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"]["rankings-content"]["children"]


def ids(node) -> set[str]:
    return {c["props"]["id"] for c in components(node) if isinstance(c["props"].get("id"), str)}


def texts(node) -> str:
    return json.dumps([c["props"].get("children") for c in components(node)], ensure_ascii=False)


def test_peers_left_out_of_a_year_are_named_not_coded(client):
    """The region's provinces are not ranked in the seed's 2021: the note named them by their codes
    ("ba-ria-vung-tau, binh-duong…")."""
    note = next(c for c in components(content_of(client, "2021")) if "peers-note" in c["props"].get("className", ""))
    said = inner_text(note)
    assert said.startswith("Không có trong xếp hạng năm 2021, đã bỏ qua: ")
    assert "Bình Dương" in said and "Bà Rịa - Vũng Tàu" in said
    assert "binh-duong" not in said and "ba-ria-vung-tau" not in said


def test_a_year_without_the_national_top_offers_no_top_preset(client):
    """2021 holds the focus's rank (9) only: the preset read "Top 0 cả nước" and chose nobody."""
    shown = ids(content_of(client, "2021"))
    assert "rankings-peers-preset-top" not in shown
    assert "rankings-peers-preset-region" in shown
    assert "rankings-peers-preset-top" in ids(content_of(client, "2022"))


def test_a_year_without_any_published_dti_score_says_so_not_zero_of_one(client):
    said = texts(content_of(client, "2021"))
    assert "chưa có chỉ số DTI công bố của tỉnh, thành phố nào" in said
    assert "0/1" not in said
