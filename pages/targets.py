"""`/targets`: not built yet; says so clearly instead of leaving a broken link."""

from __future__ import annotations

import dash

from components.i18n import t
from components.shell import under_construction
from pages._context import language

dash.register_page(__name__, path="/targets", order=4, nav_key="nav.targets", nav_icon="bi-flag")


def layout(**_query: str):
    lang = language()
    return under_construction(t("nav.targets", lang), lang)
