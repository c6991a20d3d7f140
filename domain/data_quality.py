"""What kind of caveat a recorded note describes, read from the note's own markers.

The seed and the importer keep a figure's caveat in its `note`: an attribution inferred because the
source printed values apart from their labels, a figure its own source contradicts, an indicator
the source does not name legibly. The data-quality view lists every one with its source; this
module only names the kind, so the view, the tests and any export agree on it.
"""

from __future__ import annotations

from domain.vocabulary import INFERRED_MAPPING, SOURCE_DISCREPANCY

INFERRED = "inferred"
DISCREPANCY = "discrepancy"
UNNAMED = "unnamed"
TWO_SOURCES = "two_sources"
# In the order the view lists them: what changes a chart first.
KINDS = (INFERRED, UNNAMED, DISCREPANCY, TWO_SOURCES)

# How a note or a name says that the source does not name the indicator legibly.
_UNNAMED_MARKERS = ("not legible", "không đọc được")


def note_kind(note: str | None, name: str | None = None) -> str | None:
    """The kind of caveat a figure's note (and its recorded name) describes; None for a plain note.

    >>> note_kind("mapping inferred: the slide prints the values apart from their labels")
    'inferred'
    >>> note_kind("", "Nhiệm vụ 1 (tên chỉ số không đọc được trong bản OCR)")
    'unnamed'
    """
    text = note or ""
    if text.startswith(INFERRED_MAPPING):
        return INFERRED
    if SOURCE_DISCREPANCY in text:
        return DISCREPANCY
    if any(marker in text or marker in (name or "") for marker in _UNNAMED_MARKERS):
        return UNNAMED
    return None


def without_illegible_remark(name: str) -> str:
    """A recorded indicator name without its parenthesised remark about the copy ("(tên chỉ số không
    đọc được trong bản OCR)"): the remark is a caveat, listed in the data-quality view, not a name."""
    head, bracket, rest = name.partition(" (")
    if bracket and any(marker in rest for marker in _UNNAMED_MARKERS):
        return head
    return name
