"""`/pillars`: not built yet; says so clearly instead of leaving a broken link."""

from __future__ import annotations

import dash

from components.i18n import t
from components.shell import under_construction
from pages._context import language

dash.register_page(__name__, path="/pillars", order=1, nav_key="nav.pillars", nav_icon="bi-bullseye")


def layout(**_query: str):
    lang = language()
    return under_construction(t("nav.pillars", lang), lang)
