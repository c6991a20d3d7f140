"""`/units/<unit_code>`: a unit's own page; not built yet (the drill-down issue)."""

from __future__ import annotations

import dash

from components.i18n import t
from components.shell import under_construction
from pages._context import language

dash.register_page(__name__, path_template="/units/<unit_code>", order=20, unit_param="unit_code")


def layout(unit_code: str | None = None, **_query: str):
    lang = language()
    return under_construction(t("nav.units", lang), lang)
