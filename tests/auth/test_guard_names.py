"""A refusal names the unit in the reader's language, with the one fallback rule of `domain.text`."""

from __future__ import annotations

from auth import guard
from data_access import queries


def test_a_refusal_names_the_unit_in_english_or_vietnamese(seeded_db):
    unit = queries.unit("binh-phuoc-so-y-te")
    assert guard.unit_label("binh-phuoc-so-y-te", "vi") == unit["name_vi"]
    assert guard.unit_label("binh-phuoc-so-y-te", "en") == unit["name_en"] != unit["name_vi"]
    assert guard.unit_label("khong-co-don-vi-nay", "en") == "khong-co-don-vi-nay"


def test_a_unit_without_an_english_name_is_named_in_vietnamese_not_left_blank(seeded_db, monkeypatch):
    unit = dict(queries.unit("binh-phuoc-so-y-te"), name_en="  ")
    monkeypatch.setattr(queries, "unit", lambda code: unit)
    assert guard.unit_label("binh-phuoc-so-y-te", "en") == unit["name_vi"]
