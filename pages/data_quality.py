"""`/admin/data-quality`: every inference and discrepancy the data records, with its source, for admins.

Leader screens mark such figures with a small ⓘ; this is where the whole list is read. No nav entry:
the navbar is full at 1280 px, and the view is reached from `/admin` and by its address.
"""

from __future__ import annotations

import dash
from dash import html

from auth.policy import ADMIN_ONLY
from components.data_quality import data_quality_sections
from components.i18n import t
from data_access.data_quality import data_caveats
from pages._context import language, page_title, source_titles

dash.register_page(
    __name__,
    path="/admin/data-quality",
    title=page_title("title.data_quality"),
    order=8,
    access=ADMIN_ONLY,
    year_options=list,  # every year at once: no shell year selector here
)


def layout(**_query: str) -> html.Div:
    lang = language()
    sections = data_quality_sections(data_caveats(), source_titles(lang), lang)
    return html.Div(
        [
            html.H1(t("data_quality.title", lang), className="page-heading"),
            html.P(t("data_quality.intro", lang), className="dq-intro"),
            *(sections or [html.P(t("data_quality.none", lang), className="empty-inline")]),
        ],
        className="page-data-quality",
        id="data-quality-content",
    )
