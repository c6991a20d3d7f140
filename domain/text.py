"""Names in the reader's language, with one fallback rule for every page, figure and file."""

from __future__ import annotations

from typing import Any

import pandas as pd

ENGLISH = "en"


def _field(obj: Any, key: str) -> Any:
    """`obj[key]` for a mapping or a frame's row, `obj.key` for a dataclass or a named tuple."""
    try:
        return obj[key]
    except (TypeError, KeyError, IndexError):
        return getattr(obj, key, None)


def localized(obj: Any, field: str, lang: str) -> Any:
    """`{field}_en` when the reader reads English and it is present and not empty, else `{field}_vi`.

    The data's English names are partial (the plan's targets have none): a missing one falls back
    to the Vietnamese name instead of leaving a blank, everywhere alike.
    """
    if lang == ENGLISH:
        english = _field(obj, f"{field}_en")
        if isinstance(english, str) and english.strip():
            return english
    return _field(obj, f"{field}_vi")


def localized_column(frame: pd.DataFrame, field: str, lang: str) -> pd.Series:
    """`localized` for every row of a frame at once: the English column where it has a name, else the Vietnamese."""
    vietnamese = frame[f"{field}_vi"]
    english_column = f"{field}_en"
    if lang != ENGLISH or english_column not in frame:
        return vietnamese
    english = frame[english_column]
    present = english.map(lambda name: isinstance(name, str) and bool(name.strip()))
    return english.where(present, vietnamese)
