"""A mistyped unit code or a name typed without diacritics finds the unit meant."""

from __future__ import annotations

from domain.lookup import fold, nearest_units

UNITS = [
    ("binh-phuoc-so-y-te", "Sở Y tế"),
    ("binh-phuoc-so-tttt", "Sở Thông tin và Truyền thông"),
    ("binh-phuoc-dong-xoai", "UBND thành phố Đồng Xoài"),
    ("binh-phuoc", "Bình Phước"),
]


def test_fold_drops_diacritics_and_joins_words():
    assert fold("UBND thành phố Đồng Xoài") == "ubnd-thanh-pho-dong-xoai"
    assert fold("  Sở Y Tế ") == "so-y-te"


def test_a_typo_or_a_name_finds_the_unit():
    assert nearest_units("binh-phuoc-so-yte", UNITS)[0] == ("binh-phuoc-so-y-te", "Sở Y tế")
    assert nearest_units("Đồng Xoài", UNITS)[0][0] == "binh-phuoc-dong-xoai"
    assert nearest_units("so y te", UNITS)[0][0] == "binh-phuoc-so-y-te"
    assert len(nearest_units("binh-phuoc", UNITS)) == 3, "at most three suggestions"


def test_nothing_alike_suggests_nothing():
    assert nearest_units("zzzz-qqqq", UNITS) == []
    assert nearest_units("  ", UNITS) == []
