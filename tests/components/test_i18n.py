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


KEY = r"[a-z_]+(?:\.[a-z0-9_]+)+"
USED_KEY = re.compile(rf"""(?:\bt\(\s*|\bpage_title\(|nav_key=|_key=)["']({KEY})["']""")


def _project_sources() -> list[Path]:
    """Every Python module of the project (not the tests, not a virtualenv)."""
    skipped = {"tests", ".venv", "venv", ".git"}
    return [path for path in ROOT.rglob("*.py") if not skipped & set(path.relative_to(ROOT).parts)]


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in _project_sources():
        used |= set(USED_KEY.findall(path.read_text(encoding="utf-8")))
    assert {"auth.denied_title", "admin.templates_title", "admin.col.sheet"} <= used, "the scan finds keys of any depth"
    assert used <= set(TEXT), used - set(TEXT)


def test_the_scan_sees_a_typo_in_a_key_of_any_depth():
    source = 't("rankings.heading.provnce", lang)\n_panel("units.unknown_title", "units.unknwn", lang)'
    assert "rankings.heading.provnce" in USED_KEY.findall(source)
    assert not {"rankings.heading.provnce"} <= set(TEXT)


def test_vietnamese_is_the_default_and_unknown_languages_fall_back():
    assert t("overview.rank") == "Xếp hạng cả nước"
    assert normalise_language("fr") == "vi"
    assert t("overview.up", "en", n=3) == "up 3 places"


def test_a_missing_key_fails_loudly():
    with pytest.raises(KeyError):
        t("no.such_key")
