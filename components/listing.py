"""The controls of a long ranked list shown a page at a time (`domain.listing`): a search by name, the
strongest or the weakest first, and the pages.

The URL is the state: the search is a plain GET form and every other control a link, so a list is
bookmarked, shared and walked back and forth like any other filter. `/districts` (its communes) and
`/rankings` (a province's departments or districts) draw the same controls under their own ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from dash import dcc, html

from components.i18n import t
from domain.listing import BEST_FIRST, WEAKEST_FIRST, ListPage


def page_status(listing: ListPage, search: str, lang: str) -> str:
    """Which rows are shown of how many ("Đơn vị 26–50 trong 100 (trang 2/4)"), and what a search found."""
    if not listing.matched:
        return t("listing.no_match", lang, search=search)
    status = t(
        "listing.page_status",
        lang,
        first=listing.first,
        last=listing.last,
        matched=listing.matched,
        page=listing.page,
        pages=listing.pages,
    )
    if search:
        found = t("listing.search_status", lang, matched=listing.matched, total=listing.total, search=search)
        status = f"{found} · {status}"
    return status


def _link(label: str, href: str, *, element_id: str, class_name: str | None, in_page: bool):
    """A link that reloads the page, or with `in_page` one that only changes the URL (`dcc.Link`: the
    page follows its query without a reload)."""
    return (dcc.Link if in_page else html.A)(label, href=href, className=class_name, id=element_id)


def _page_link(label: str, href: str, *, element_id: str, disabled: bool, in_page: bool):
    if disabled:
        return html.A(
            label,
            href=href,
            className="btn btn-sm btn-outline-primary disabled",
            id=element_id,
            **{"aria-disabled": "true", "tabIndex": "-1"},
        )
    return _link(label, href, element_id=element_id, class_name="btn btn-sm btn-outline-primary", in_page=in_page)


def list_controls(
    listing: ListPage,
    *,
    prefix: str,
    action: str,
    href: Callable[..., str],
    search: str,
    order: str,
    hidden: Mapping[str, object],
    placeholder: str,
    lang: str,
    in_page: bool = False,
) -> html.Div:
    """Search, strongest/weakest first and the pages, with ids `{prefix}-search`, `{prefix}-order-best`,
    `{prefix}-previous`, `{prefix}-next`, `{prefix}-page-status`...

    `href(**changes)` is the page's URL with some parameters changed (`q`, `order`, `page`; None drops
    one); `hidden` are the page's other parameters, which the search form sends along with `q`. With
    `in_page` the order, pages and clearing the search change the URL without a reload, for a page
    that follows its query (`/rankings`); the search form always loads its URL.
    """
    form = html.Form(
        [
            html.Label(t("listing.search_label", lang), htmlFor=f"{prefix}-search"),
            dcc.Input(
                id=f"{prefix}-search",
                name="q",
                type="search",
                value=search,
                placeholder=placeholder,
                className="form-control form-control-sm",
                debounce=True,
            ),
            *[dcc.Input(type="hidden", name=key, value=str(value)) for key, value in hidden.items() if value],
            html.Button(t("listing.search_button", lang), type="submit", className="btn btn-sm btn-primary"),
            *(
                [
                    _link(
                        t("listing.clear_search", lang),
                        href(q=None, page=None),
                        element_id=f"{prefix}-clear-search",
                        class_name=None,
                        in_page=in_page,
                    )
                ]
                if search
                else []
            ),
        ],
        method="get",
        action=action,
        className="list-search",
        id=f"{prefix}-search-form",
    )
    orders = html.Div(
        [
            html.A(
                t(f"listing.order_{option}", lang),
                href=href(order=None if option == BEST_FIRST else option, page=None),
                className="btn btn-sm btn-primary active",
                id=f"{prefix}-order-{option}",
                **{"aria-current": "true"},
            )
            if order == option
            else _link(
                t(f"listing.order_{option}", lang),
                href(order=None if option == BEST_FIRST else option, page=None),
                element_id=f"{prefix}-order-{option}",
                class_name="btn btn-sm btn-outline-primary",
                in_page=in_page,
            )
            for option in (BEST_FIRST, WEAKEST_FIRST)
        ],
        className="btn-group list-order",
        role="group",
    )
    pager = html.Div(
        [
            _page_link(
                t("listing.previous", lang),
                href(page=listing.page - 1),
                element_id=f"{prefix}-previous",
                disabled=listing.page <= 1,
                in_page=in_page,
            ),
            html.Span(
                page_status(listing, search, lang),
                className="list-page-status",
                id=f"{prefix}-page-status",
                role="status",
            ),
            _page_link(
                t("listing.next", lang),
                href(page=listing.page + 1),
                element_id=f"{prefix}-next",
                disabled=listing.page >= listing.pages,
                in_page=in_page,
            ),
        ],
        className="list-pager",
    )
    return html.Div([html.Div([form, orders], className="list-tools"), pager], className="list-controls")
