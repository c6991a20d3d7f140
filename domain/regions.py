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


def successor_regions(mapping: Iterable[dict[str, str]], regions: dict[str, str]) -> dict[str, tuple[str, bool]]:
    """The region of each post-2025 province: successor code → (region code, inferred).

    `mapping` is the 2025 merger (rows with `predecessor_code`, `successor_code`); `regions` the
    pre-2025 province → region. A successor's code is one of its predecessors' (the one whose name it
    keeps): it keeps that province's region. Where every predecessor lay in that region this is a
    plain fact of the two sources; where one came from another region (Long An into Tây Ninh), the
    choice is an inference, flagged, until the post-merger regional plan is transcribed.
    """
    members: dict[str, set[str]] = {}
    for row in mapping:
        members.setdefault(row["successor_code"], set()).add(row["predecessor_code"])
    found = {}
    for successor, predecessors in members.items():
        region = regions[successor]
        found[successor] = (region, any(regions[p] != region for p in predecessors))
    return found
