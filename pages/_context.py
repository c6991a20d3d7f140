"""Per-request context for layouts and callbacks: the reader's language, and data guarded for errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlencode

from dash import html

from auth.session import current_viewer
from components.citations import SourceTitles
from components.i18n import t
from components.reorganisation import format_date
from components.shell import message_panel
from data_access import queries, reorganisation
from data_access.focus_years import default_year
from domain.clock import local_today
from domain.text import localized
from web.language import LANGUAGE_COOKIE, language  # noqa: F401  (app.py and the pages read them here)


def source_titles(lang: str) -> SourceTitles:
    """Source code → title in the reader's language, for readable citations (whose places in the
    document then read in that language too)."""
    frame = queries.sources()
    return SourceTitles({row.code: localized(row, "title", lang) for row in frame.itertuples()}, lang)


class BadParameter(ValueError):
    """A query-string value the data does not have; the page explains it instead of failing."""

    def __init__(self, panel):
        super().__init__("bad parameter")
        self.panel = panel


def page_title(key: str) -> Callable[..., str]:
    """The browser tab's title in the reader's language ("DTI — Xếp hạng", "DTI — Rankings"):
    Dash calls it on every page load and navigation, with the page's path variables."""

    def title(**_path: str) -> str:
        return f"DTI — {t(key, language())}"

    return title


def whole_number(raw: object) -> int | None:
    """`raw` as a non-negative whole number when it is one in ASCII digits, else None.

    `str.isdigit` also accepts "²" or "①", which `int` then refuses: URL values are checked here instead."""
    text = str(raw if raw is not None else "").strip()
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None


def no_focus(lang: str) -> BadParameter:
    """The database has no province to show (empty, or `DTI_FOCUS_UNIT` names none)."""
    return BadParameter(message_panel(t("error.database_title", lang), t("error.no_focus", lang)))


def resolve_year(raw: str | None, lang: str, years: list[int] | None = None) -> int:
    """The year asked for in the URL, or the latest with data; `BadParameter` with a friendly panel otherwise.

    `years` narrows the choice for a page whose data has its own years (a plan's year).
    """
    years = queries.available_years() if years is None else years
    if raw in (None, ""):
        if not years:
            raise no_focus(lang)
        return years[-1]
    if whole_number(raw) not in years:
        raise BadParameter(
            message_panel(
                t("error.database_title", lang),
                t("error.bad_year", lang, year=raw, years=", ".join(map(str, years))),
                icon="bi-calendar-x",
            )
        )
    return whole_number(raw)


def focus_default_year(years: list[int], **_path: str) -> int | None:
    """A page's `year_default`: the latest of its years in which the focus has a value (not a rank
    only), so the navbar marks the year the page opens on (`focus_years.default_year`)."""
    focus = queries.focus_unit_code()
    return default_year(focus, years) if focus else max(years, default=None)


def focus_years(years_of: Callable[[str], list[int]]) -> Callable[..., list[int]]:
    """A page's `year_options`: the years in which the province in focus has something to show there
    (`data_access.focus_years`), so the shell never offers another province's years."""

    def options(**_path: str) -> list[int]:
        focus = queries.focus_unit_code()
        return years_of(focus) if focus else []

    return options


def database_unavailable(lang: str):
    return message_panel(t("error.database_title", lang), t("error.database", lang), icon="bi-database-x")


def query_string(params: dict[str, object]) -> str:
    """`?a=1&b=x` from the non-empty params, for links and bookmarkable filters."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"?{urlencode(kept)}" if kept else ""


def parse_search(search: str | None) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs((search or "").lstrip("?")).items()}


def followed_note(ended: str, successor: str, year: int, lang: str, element_id: str) -> html.Div:
    """The configured province had merged into `successor` by `year`: the page follows it, and says so
    in the same words on every page."""
    names = reorganisation.names()
    pick = 0 if lang == "vi" else 1
    moved = reorganisation.ended_unit(ended) or {}
    return html.Div(
        t(
            "reorg.focus_followed",
            lang,
            before=names.get(ended, (ended, ended))[pick],
            after=names.get(successor, (successor, successor))[pick],
            date=format_date(moved["effective_date"], lang) if moved else "",
            year=year,
        ),
        className="rankings-note reorg-followed",
        id=element_id,
    )


def followed_focus(focus: str, year: int, lang: str, element_id: str) -> tuple[str, html.Div | None]:
    """The unit a page shows for the configured focus in `year`: the focus itself, or once a merger has
    ended it, its successor (`reorganisation.successor_for`) with the note saying so."""
    successor = reorganisation.successor_for(focus, year)
    if successor is None:
        return focus, None
    return successor, followed_note(focus, successor, year, lang, element_id)


def drawing_key() -> tuple[object, ...]:
    """What a page's content depends on besides its URL and theme, for keeping it per URL
    (`components.parts.Drawing`): the language, the reader's access scope (role, unit and its level:
    which units link to their pages, whose row is marked; never the account) and the local date
    (targets due or overdue)."""
    viewer = current_viewer()
    scope = (viewer.role, viewer.unit_code, viewer.unit_level) if viewer is not None else None
    return language(), scope, local_today().isoformat()
