"""Finding a unit from what someone typed: a code with a typo, a name without diacritics.

An admin tying an account to "so-yte" or "Sở Y Tế" should be told the code they meant, not only
that theirs does not exist.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

SUGGESTIONS = 3
_SEPARATORS = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, without diacritics (đ → d), words joined by "-": "Sở Y tế" → "so-y-te"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return _SEPARATORS.sub("-", plain).strip("-")


def nearest_units(typed: str, units: Sequence[tuple[str, str]], limit: int = SUGGESTIONS) -> list[tuple[str, str]]:
    """The (code, name) pairs closest to `typed`, best first: those whose code or folded name
    contains it, then the closest spellings of either."""
    wanted = fold(typed)
    if not wanted:
        return []
    keys = {code: (fold(code), fold(name)) for code, name in units}
    containing = [
        code for code, (folded_code, folded_name) in keys.items() if wanted in (folded_code + "|" + folded_name)
    ]
    by_key: dict[str, str] = {}
    for code, (folded_code, folded_name) in keys.items():
        by_key.setdefault(folded_code, code)
        by_key.setdefault(folded_name, code)
    close = [by_key[key] for key in difflib.get_close_matches(wanted, list(by_key), n=limit * 2, cutoff=0.6)]
    names = dict(units)
    chosen = list(dict.fromkeys([*sorted(containing, key=len), *close]))[:limit]
    return [(code, names[code]) for code in chosen]
