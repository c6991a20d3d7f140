"""Citations as people read them: the document's title in place of its file code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def readable_citation(citation: str, titles: Mapping[str, str]) -> str:
    """`003_….txt; Phụ lục III.1.a` → `<title of 003>, Phụ lục III.1.a`; unknown codes stay as they are."""
    parts = []
    for part in (p.strip() for p in citation.split(" | ") if p.strip()):
        code, _, locator = part.partition("; ")
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
