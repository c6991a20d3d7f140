"""`/login`: not built yet (the access-control issue)."""

from __future__ import annotations

import dash

from components.i18n import t
from components.shell import under_construction
from pages._context import language

dash.register_page(__name__, path="/login", order=21)


def layout(**_query: str):
    lang = language()
    return under_construction(t("nav.login", lang), lang)
