"""Citations as people read them: the document's title in place of its file code, and the place in
it ("Phụ lục III.1.a", "mục I") in the reader's language ("Appendix III.1.a", "section I"). Words
quoted from the document ('Kết quả DTI Bình Phước…') stay as the document has them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from domain.text import ENGLISH

# The words the stored citations use for a place in a document, and what an English reader reads.
LOCATOR_WORDS_EN = {
    "Phụ lục": "Appendix",
    "phụ lục": "appendix",
    "Phần": "Part",
    "phần": "part",
    "Mục": "Section",
    "mục": "section",
    "Trang": "Page",
    "trang": "page",
    "Bảng": "Table",
    "bảng": "table",
}
_LOCATOR = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, LOCATOR_WORDS_EN)) + r")(?!\w)")
_QUOTED = re.compile(r"('[^']*'|\"[^\"]*\"|“[^”]*”)")


class SourceTitles(dict):
    """Source code → title in one language, carrying that language so the places cited in a document
    read in it too (every citation is made readable with the titles of the reader's language)."""

    def __init__(self, titles: Mapping[str, str], lang: str) -> None:
        super().__init__(titles)
        self.lang = lang


def localized_locator(locator: str, lang: str) -> str:
    """ "Phần II, mục II.1" → "Part II, section II.1" for an English reader; quoted words unchanged."""
    if lang != ENGLISH:
        return locator
    parts = _QUOTED.split(locator)
    return "".join(
        part if index % 2 else _LOCATOR.sub(lambda m: LOCATOR_WORDS_EN[m.group(1)], part)
        for index, part in enumerate(parts)
    )


def readable_citation(citation: str, titles: Mapping[str, str]) -> str:
    """`003_….txt; Phụ lục III.1.a` → `<title of 003>, Phụ lục III.1.a`; unknown codes stay as they are."""
    lang = getattr(titles, "lang", "vi")
    parts = []
    for part in (p.strip() for p in citation.split(" | ") if p.strip()):
        code, _, locator = part.partition("; ")
        locator = localized_locator(locator, lang)
        if part in titles:
            parts.append(titles[part])
        elif code in titles:
            parts.append(f"{titles[code]}, {locator}" if locator else titles[code])
        else:
            parts.append(part)
    return "; ".join(parts)


def cite(label: str, citations: Iterable[str], titles: Mapping[str, str]) -> str:
    """ "Nguồn: …" for the figures shown, each distinct citation once."""
    unique = [c for c in dict.fromkeys(citations) if c]
    if not unique:
        return ""
    return f"{label}: " + " | ".join(readable_citation(c, titles) for c in unique)
