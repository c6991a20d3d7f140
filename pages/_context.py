"""Per-request context for layouts and callbacks: the reader's language, and data guarded for errors."""

from __future__ import annotations

from flask import has_request_context, request

from components.i18n import normalise_language
from data_access import queries

LANGUAGE_COOKIE = "dti_lang"


def language() -> str:
    """The language chosen with the shell's toggle (a cookie, so server-rendered text follows it)."""
    if not has_request_context():
        return normalise_language(None)
    return normalise_language(request.cookies.get(LANGUAGE_COOKIE))


def source_titles(lang: str) -> dict[str, str]:
    """Source code → title in the reader's language, for readable citations."""
    frame = queries.sources()
    column = "title_en" if lang == "en" else "title_vi"
    return {row.code: (getattr(row, column) or row.title_vi) for row in frame.itertuples()}
