"""One translation table: every string exists in both languages, Vietnamese by default."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components.i18n import LANGUAGES, TEXT, normalise_language, t

ROOT = Path(__file__).resolve().parents[2]


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, entry in TEXT.items():
        assert set(entry) == set(LANGUAGES), key
        placeholders = {lang: set(re.findall(r"{(\w+)}", entry[lang])) for lang in LANGUAGES}
        assert placeholders["vi"] == placeholders["en"], key


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("components/*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_]+)["']""", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"""nav_key=["']([a-z_]+\.[a-z_]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "the scan finds the keys"
    assert used <= set(TEXT), used - set(TEXT)


def test_vietnamese_is_the_default_and_unknown_languages_fall_back():
    assert t("overview.rank") == "Xếp hạng cả nước"
    assert normalise_language("fr") == "vi"
    assert t("overview.up", "en", n=3) == "up 3 places"


def test_a_missing_key_fails_loudly():
    with pytest.raises(KeyError):
        t("no.such_key")
