"""Peers as a URL parameter: `?peers=binh-duong,dong-nai` ↔ an ordered tuple of province codes.

Pure: the regions themselves are data (seed/meta/regions.csv → region_members); this module only
reads and writes the choice. Absent means "the default peers" (the focus's region); `none` means
an explicit empty choice, which a bare `peers=` cannot carry (URL parsers drop blank values).
"""

from __future__ import annotations

from collections.abc import Iterable

PEERS_NONE = "none"
# More lines than this make a bump chart unreadable: the rest of the choice is refused, said so.
MAX_PEERS = 12


def parse_peers(raw: str | None) -> tuple[str, ...] | None:
    """The codes of `?peers=` in their order, each once; None when the URL does not say."""
    if raw is None or not raw.strip():
        return None
    if raw.strip() == PEERS_NONE:
        return ()
    return tuple(dict.fromkeys(code.strip() for code in raw.split(",") if code.strip()))


def peers_param(codes: Iterable[str]) -> str:
    """The URL value for a choice: codes joined by commas, `none` for an empty choice."""
    joined = ",".join(dict.fromkeys(codes))
    return joined or PEERS_NONE
