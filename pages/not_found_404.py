"""Any address that is not a page."""

from __future__ import annotations

import dash
from dash import dcc

from components.i18n import t
from components.shell import message_panel
from pages._context import language

dash.register_page(__name__, order=99)


def layout(**_query: str):
    lang = language()
    home = dcc.Link(t("common.back_home", lang), href="/", className="btn btn-primary")
    return message_panel(t("notfound.title", lang), t("notfound.body", lang), icon="bi-signpost-split", action=home)
