"""Rebuild the bootstrap-icons subset the app serves: the icons its code names, nothing else.

    python scripts/build_icon_subset.py          # after adding or removing a `bi-…` icon anywhere

Why: the full Bootstrap Icons font is ~2 000 glyphs, 132 KB (woff2 does not compress further) plus an
87 KB stylesheet naming every one of them, loaded on every first visit; the app uses a few dozen.

How: the full font and its stylesheet stay in vendor/bootstrap-icons/ (outside assets/, so Dash never
serves them). This scans the code the browser's pages come from (`used_icons`: every `bi-…` class in
the app's Python and assets' JavaScript), keeps those glyphs with fontTools' subsetter, and writes
assets/fonts/bootstrap-icons-subset.woff2 and assets/01-bootstrap-icons.min.css: the full stylesheet's
`@font-face` and `.bi` rules, pointed at the subset (its URL carries the file's hash, so a rebuilt
font is fetched anew), and one rule per icon used. tests/pages/test_icon_subset.py fails when the
code names an icon the subset lacks, or builds a class name from parts the scan cannot see.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = PROJECT_ROOT / "vendor" / "bootstrap-icons"
SOURCE_FONT = SOURCE_DIR / "bootstrap-icons.woff2"
SOURCE_CSS = SOURCE_DIR / "bootstrap-icons.min.css"
FONT_NAME = "bootstrap-icons-subset.woff2"
OUTPUT_FONT = PROJECT_ROOT / "assets" / "fonts" / FONT_NAME
OUTPUT_CSS = PROJECT_ROOT / "assets" / "01-bootstrap-icons.min.css"

# A Bootstrap Icons class as code writes it: `bi-bar-chart-line-fill`, `bi-123`.
ICON_CLASS = re.compile(r"(?<![\w-])bi-[a-z0-9]+(?:-[a-z0-9]+)*(?![\w-])")
# A class name made of parts (`"bi-" + name`, `f"bi-{name}"`, `"bi-caret-" + way`): the scan would miss it.
BUILT_FROM_PARTS = re.compile(r"""(?<![\w-])bi-(?:[a-z0-9]+-)*(?:["'`]|\{|\$\{)""")
# Where the pages' markup comes from: the app's Python and the assets' scripts, not tests or tooling.
SKIPPED_DIRS = {".venv", "venv", "tests", "scripts", "vendor", "instance", "node_modules", ".git", "docs", "seed"}
ICON_RULE = re.compile(r'\.(bi-[a-z0-9-]+)::before\{content:"\\([0-9a-f]+)"\}')


def scanned_files(root: Path = PROJECT_ROOT) -> list[Path]:
    """The Python modules and asset scripts whose `bi-…` classes reach the browser."""
    files = [path for path in root.rglob("*.py") if not SKIPPED_DIRS.intersection(path.relative_to(root).parts[:-1])]
    files += [path for path in (root / "assets").glob("*.js")]
    return sorted(files)


def used_icons(root: Path = PROJECT_ROOT) -> dict[str, list[str]]:
    """Each icon class the code names, with the files naming it (relative paths)."""
    found: dict[str, list[str]] = {}
    for path in scanned_files(root):
        for name in sorted(set(ICON_CLASS.findall(path.read_text(encoding="utf-8")))):
            found.setdefault(name, []).append(str(path.relative_to(root)))
    return dict(sorted(found.items()))


def built_from_parts(root: Path = PROJECT_ROOT) -> list[str]:
    """`file:line` of every icon class assembled from pieces, which `used_icons` cannot resolve."""
    hits = []
    for path in scanned_files(root):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if BUILT_FROM_PARTS.search(line):
                hits.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return hits


def icon_codepoints(css: str) -> dict[str, int]:
    """`bi-name` → its glyph's code point, from a Bootstrap Icons stylesheet."""
    return {name: int(code, 16) for name, code in ICON_RULE.findall(css)}


def _preamble(css: str, font_url: str) -> str:
    """The full stylesheet's licence, `@font-face` (pointed at `font_url`) and shared `.bi` rules."""
    first_icon = ICON_RULE.search(css).start()
    head = css[:first_icon]
    head, count = re.subn(r'url\("fonts/bootstrap-icons\.woff2\?[0-9a-f]*"\)', f'url("{font_url}")', head)
    if count != 1:
        raise SystemExit(f"{SOURCE_CSS}: expected one @font-face url to the font, found {count}")
    return head


def subset_css(names: list[str], codepoints: dict[str, int], source_css: str, font: bytes) -> str:
    """The stylesheet for the subset: the shared rules, then one `.bi-name::before` per icon, sorted."""
    digest = hashlib.md5(font, usedforsecurity=False).hexdigest()
    rules = "".join(f'.{name}::before{{content:"\\{codepoints[name]:x}"}}' for name in sorted(names))
    note = f"/* Subset for the DTI dashboard: {len(names)} icons, built by scripts/build_icon_subset.py */\n"
    return _preamble(source_css, f"fonts/{FONT_NAME}?{digest}") + rules + "\n" + note


def subset_font(source: Path, codepoints: list[int]) -> bytes:
    """The source font cut to `codepoints`, as woff2 (deterministic: same input, same bytes)."""
    import logging
    from io import BytesIO

    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # the source's `post` table has 2 padding bytes
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.name_IDs = ["*"]  # the copyright and licence names travel with the glyphs
    options.notdef_outline = True
    options.recalc_timestamp = False
    font = TTFont(source, recalcTimestamp=False)  # keep the source's date: same input, same bytes
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    out = BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def build(root: Path = PROJECT_ROOT) -> tuple[bytes, str, list[str]]:
    """The subset font, its stylesheet and the icon names, from the code under `root`."""
    source_css = SOURCE_CSS.read_text(encoding="utf-8")
    codepoints = icon_codepoints(source_css)
    names = list(used_icons(root))
    unknown = [name for name in names if name not in codepoints]
    if unknown:
        raise SystemExit(f"not in Bootstrap Icons ({SOURCE_CSS.name}): {', '.join(unknown)}")
    font = subset_font(SOURCE_FONT, sorted({codepoints[name] for name in names}))
    return font, subset_css(names, codepoints, source_css, font), names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    parts = built_from_parts()
    if parts:
        sys.exit("icon classes built from parts (write each class in full):\n" + "\n".join(parts))
    font, css, names = build()
    OUTPUT_FONT.write_bytes(font)
    OUTPUT_CSS.write_text(css, encoding="utf-8")
    print(f"{len(names)} icons: {OUTPUT_FONT.relative_to(PROJECT_ROOT)} {len(font)} bytes, ", end="")
    print(f"{OUTPUT_CSS.relative_to(PROJECT_ROOT)} {len(css.encode())} bytes")


if __name__ == "__main__":
    main()
