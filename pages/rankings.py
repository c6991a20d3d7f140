"""`/rankings`: not built yet; says so clearly instead of leaving a broken link."""

from __future__ import annotations

import dash

from components.i18n import t
from components.shell import under_construction
from pages._context import language

dash.register_page(__name__, path="/rankings", order=2, nav_key="nav.rankings", nav_icon="bi-trophy")


def layout(**_query: str):
    lang = language()
    return under_construction(t("nav.rankings", lang), lang)
