"""The icon font the browser gets: only the Bootstrap Icons the code names, and every one it names.

The subset is built by scripts/build_icon_subset.py; these fail when someone adds an icon without
rebuilding it (the icon would show as an empty box), or writes a class the scan cannot read.
"""

from __future__ import annotations

import hashlib
import re
from io import BytesIO

from fontTools.ttLib import TTFont

from scripts.build_icon_subset import (
    OUTPUT_CSS,
    OUTPUT_FONT,
    PROJECT_ROOT,
    SOURCE_CSS,
    SOURCE_FONT,
    build,
    built_from_parts,
    icon_codepoints,
    used_icons,
)


def test_every_icon_the_code_names_is_in_the_served_stylesheet():
    served = icon_codepoints(OUTPUT_CSS.read_text(encoding="utf-8"))
    used = used_icons()
    assert "bi-bullseye" in used, "the scan reads the pages' nav icons"
    missing = {name: files for name, files in used.items() if name not in served}
    assert not missing, f"run `python scripts/build_icon_subset.py`; not in the subset: {missing}"


def test_the_served_glyphs_are_the_stylesheets_and_its_url_names_this_font():
    css = OUTPUT_CSS.read_text(encoding="utf-8")
    font = OUTPUT_FONT.read_bytes()
    cmap = TTFont(BytesIO(font)).getBestCmap()
    served = icon_codepoints(css)
    assert {code for code in served.values() if code not in cmap} == set(), "an icon rule without its glyph"
    assert len(cmap) < 100, "a subset, not the ~2 000 icons of the full font"
    (url,) = re.findall(r'url\("([^"]+)"\)', css)
    assert url == f"fonts/{OUTPUT_FONT.name}?{hashlib.md5(font, usedforsecurity=False).hexdigest()}", (
        "the URL changes with the font, so a browser holding the old one fetches the new"
    )
    full = icon_codepoints(SOURCE_CSS.read_text(encoding="utf-8"))
    assert all(full[name] == code for name, code in served.items()), "the same code points as the full set"


def test_the_committed_subset_is_what_the_script_builds_from_the_code():
    font, css, _ = build()
    assert css == OUTPUT_CSS.read_text(encoding="utf-8"), "stale: run `python scripts/build_icon_subset.py`"
    assert font == OUTPUT_FONT.read_bytes()


def test_no_icon_class_is_built_from_parts():
    """`"bi-" + name` or `f"bi-{name}"` would name an icon the scan cannot see: write each class in full."""
    assert built_from_parts() == []


def test_the_full_font_is_not_served():
    assets = PROJECT_ROOT / "assets"
    assert not SOURCE_FONT.is_relative_to(assets)
    assert not [path for path in assets.rglob("*") if path.name in {SOURCE_FONT.name, SOURCE_CSS.name}]


def test_the_served_stylesheet_and_font_are_reached_from_the_page(client):
    html = client.get("/").get_data(as_text=True)
    assert "01-bootstrap-icons.min.css" in html
    css = client.get("/assets/01-bootstrap-icons.min.css").get_data(as_text=True)
    (url,) = re.findall(r'url\("([^"]+)"\)', css)
    response = client.get("/assets/" + url)
    assert response.status_code == 200
    assert response.get_data() == OUTPUT_FONT.read_bytes()
