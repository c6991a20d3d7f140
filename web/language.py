"""The reader's language for this request, chosen with the shell's toggle."""

from __future__ import annotations

from flask import has_request_context, request

from components.i18n import normalise_language

LANGUAGE_COOKIE = "dti_lang"


def language() -> str:
    """The language chosen with the shell's toggle (a cookie, so server-rendered text follows it)."""
    if not has_request_context():
        return normalise_language(None)
    return normalise_language(request.cookies.get(LANGUAGE_COOKIE))
