"""`/present`: the steering committee's slide deck from live data, its exports, and the IOC wall mode.

`?year=` picks the year (default: the latest with provincial results). `?kiosk=1&interval=20`
turns the page into the wall mode: the slides advance by themselves every `interval` seconds,
the page chrome and the cursor are hidden (assets/40-present.js, 40-present.css), the data
version is polled so a new import re-renders the deck, and a lost connection leaves the last
slides on screen with a stale marker until the server answers again.
"""

from __future__ import annotations

from typing import NamedTuple

import dash
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

from auth.policy import ALL_UNITS
from auth.session import current_viewer
from components.i18n import t
from components.shell import THEME_STORE, message_panel
from components.slides import CHART_FORMATS, Slide, build_slides, deck_toolbar, deck_view
from components.theme import DEFAULT_THEME
from data_access import queries
from data_access.db import data_version
from data_access.deck import Deck, UnknownDeck, build_deck, deck_years
from data_access.focus_years import default_year, followed
from domain.clock import local_now, local_today
from exports import jobs
from exports.deck import EXPORT_THEME, chart_file, deck_basename, deck_title, export_deck
from exports.images import MIME_TYPES, ExportError
from pages._context import (
    BadParameter,
    focus_default_year,
    followed_focus,
    followed_note,
    language,
    page_title,
    resolve_year,
    source_titles,
    whole_number,
)
from pages._kit import DATA_ERRORS, compact, explained, no_focus
from pages._ticker import ticker


def page_years() -> list[int]:
    """The shell's year links: the years with a provincial result of the province in focus."""
    focus = queries.focus_unit_code()
    return followed(focus, deck_years) if focus else []


dash.register_page(
    __name__,
    path="/present",
    title=page_title("title.present"),
    order=5,
    nav_key="nav.present",
    nav_icon="bi-easel",
    access=ALL_UNITS,
    year_options=page_years,
    year_default=focus_default_year,
)

ROOT = "present-root"
QUERY = "present-query"
VERSION = "present-version"
HEARTBEAT = "present-heartbeat"
POLL = "present-poll"
STAGE = "present-stage"
DECK = "present-deck"
COUNTER = "present-counter"
STALE = "present-stale"
STATUS = "present-status"
HEADING = "present-heading"
FOLLOWED = "present-focus-followed"
EXPORT_PPTX = "present-export-pptx"
EXPORT_PDF = "present-export-pdf"
DECK_DOWNLOAD = "present-download"
CHART_DOWNLOAD = "present-chart-download"
# A chart button clicked (assets/40-present.js writes it): {"slide": key, "format": "png" | "svg", "at": ms}.
CHART_REQUEST = "present-chart-request"
EXPORT_JOB = "present-export-job"
EXPORT_POLL = "present-export-poll"
# How often the page asks whether its deck export is ready.
EXPORT_POLL_MS = 1000

DEFAULT_INTERVAL = 20
# Slides faster than this cannot be read; slower than an hour is a still picture. A whole number
# outside the range is brought to the nearest limit; anything else is explained (KioskSettings).
MIN_INTERVAL, MAX_INTERVAL = 2, 3600
# The wall asks for the data version once per slide, at least every POLL_MAX seconds; after
# STALE_AFTER polls without an answer it shows the stale marker.
POLL_MAX = 15


class KioskSettings(NamedTuple):
    kiosk: bool
    interval: int
    poll: int


def kiosk_settings(kiosk: str | None, interval: str | None) -> KioskSettings:
    """The wall mode from the URL. A whole number of seconds outside [MIN_INTERVAL, MAX_INTERVAL] is
    clamped (the wall keeps working); a value that is not a whole number raises ValueError."""
    on = (kiosk or "").lower() in ("1", "true", "yes", "on")
    seconds = DEFAULT_INTERVAL
    if interval not in (None, ""):
        text = interval.strip()
        number = whole_number(text.removeprefix("-"))
        if number is None:
            raise ValueError(interval)
        seconds = min(max(-number if text.startswith("-") else number, MIN_INTERVAL), MAX_INTERVAL)
    return KioskSettings(kiosk=on, interval=seconds, poll=min(seconds, POLL_MAX))


def layout(year: str | None = None, kiosk: str | None = None, interval: str | None = None, **_query: str) -> html.Div:
    lang = language()
    try:
        settings = kiosk_settings(kiosk, interval)
    except ValueError:
        return message_panel(
            t("present.bad_interval_title", lang),
            t("present.bad_interval", lang, value=interval, low=MIN_INTERVAL, high=MAX_INTERVAL),
            icon="bi-stopwatch",
            element_id="present-bad-interval",
        )
    try:
        version = data_version()
    except DATA_ERRORS:
        version = None
    return html.Div(
        [
            # The rest of the query is a what-if scenario (`&institutions=70`, as /whatif writes it).
            dcc.Store(id=QUERY, data={"year": year, "scenario": _query}),
            dcc.Store(id=VERSION, data=version),
            dcc.Store(id=HEARTBEAT),
            dcc.Interval(id=POLL, interval=settings.poll * 1000, disabled=not settings.kiosk),
            dcc.Download(id=DECK_DOWNLOAD),
            dcc.Store(id=EXPORT_JOB),
            dcc.Interval(id=EXPORT_POLL, interval=EXPORT_POLL_MS, disabled=True),
            dcc.Download(id=CHART_DOWNLOAD),
            dcc.Store(id=CHART_REQUEST),
            deck_toolbar(
                lang,
                ids={"counter": COUNTER, "heading": HEADING, "pptx": EXPORT_PPTX, "pdf": EXPORT_PDF, "status": STATUS},
            ),
            html.Div(
                html.Div(
                    [
                        html.Div(id=DECK, className="present-deck"),
                        ticker("kiosk", settings.poll) if settings.kiosk else None,
                        html.Div(
                            id=STALE,
                            className="present-stale",
                            role="alert",
                            hidden=True,
                            **{"data-template": t("present.stale", lang, time="{time}")},
                        ),
                    ],
                    className="present-frame",
                ),
                id=STAGE,
                className="present-stage",
            ),
        ],
        id=ROOT,
        className="page-present",
        **{
            "data-kiosk": "1" if settings.kiosk else "0",
            "data-interval": str(settings.interval),
            "data-poll": str(settings.poll),
        },
    )


def deck_slides(query: dict | None, *, theme: str, lang: str) -> tuple[Deck, list[Slide]]:
    """The deck and its slides for the URL's year, checked against the data (`BadParameter` otherwise)."""
    focus = queries.focus_unit_code()
    if focus is None:
        raise no_focus(lang)
    years = followed(focus, deck_years)
    if not years:
        info = queries.unit(focus) or {}
        raise BadParameter(
            message_panel(
                t("error.database_title", lang),
                t("present.no_years", lang, unit=info.get("name_vi", focus)),
                element_id="present-empty",
            )
        )
    asked = (query or {}).get("year")
    year = resolve_year(asked, lang, years=years) if asked else default_year(focus, years)
    focus, _ = followed_focus(focus, year, lang, FOLLOWED)
    try:
        deck = build_deck(focus, year)
    except UnknownDeck as unknown:
        raise BadParameter(
            message_panel(t("error.database_title", lang), t("error.unknown_selection", lang, value=unknown))
        ) from unknown
    scenario = (query or {}).get("scenario")
    # The store comes back from the browser: anything but a mapping is no scenario; its values are
    # bounded and parsed by `scenario_points`, which ignores what is not a number of a main index.
    scenario = scenario if isinstance(scenario, dict) else {}
    return deck, build_slides(
        deck, theme=theme, lang=lang, titles=source_titles(lang), today=local_today(), scenario=scenario
    )


@callback(
    Output(DECK, "children"),
    Output(HEADING, "children"),
    Output(EXPORT_PPTX, "disabled"),
    Output(EXPORT_PDF, "disabled"),
    Input(QUERY, "data"),
    Input(THEME_STORE, "data"),
    Input(VERSION, "data"),
)
@explained(lambda panel: ([panel], "", True, True))
def show_deck(query: dict | None, theme: str | None, _version: int | None) -> tuple[list, str | list, bool, bool]:
    """The slides for the URL; re-drawn when the theme changes or a new import moves the data version."""
    lang = language()
    deck, slides = deck_slides(query, theme=theme or DEFAULT_THEME, lang=lang)
    heading: str | list = t("present.heading", lang, unit=deck.name(lang), year=deck.year)
    focus = queries.focus_unit_code()
    if focus is not None and deck.unit_code != focus:  # merged away by the deck's year: it follows the successor
        heading = [heading, followed_note(focus, deck.unit_code, deck.year, lang, FOLLOWED)]
    return compact(deck_view(slides, lang=lang)), heading, False, False


@callback(
    Output(HEARTBEAT, "data"),
    Output(VERSION, "data"),
    Input(POLL, "n_intervals"),
    State(VERSION, "data"),
    prevent_initial_call=True,
)
def poll_version(_ticks: int | None, shown: int | None) -> tuple[dict, int]:
    """The wall's heartbeat: the data version now. The deck re-renders only when it moved."""
    try:
        version = data_version()
    except DATA_ERRORS:
        # The server answers but cannot read the data: no beat, so the wall marks its slides stale.
        return no_update, no_update
    beat = {"version": version, "checked": local_now().isoformat(timespec="seconds")}
    return beat, (version if version != shown else no_update)


clientside_callback(
    ClientsideFunction(namespace="present", function_name="beat"),
    Output(STALE, "title"),
    Input(HEARTBEAT, "data"),
    prevent_initial_call=True,
)


def _status(panel: html.Div) -> tuple:
    """No file, and the reason in the toolbar's status line."""
    return no_update, panel


def _progress(step: str) -> html.Div:
    return html.Div([html.Span(className="spinner-border spinner-border-sm me-2"), step], className="present-progress")


def _export_message(reason: str, lang: str) -> html.Div:
    return html.Div(t("present.export_failed", lang, reason=reason), className="present-export-error")


def _owner() -> str:
    viewer = current_viewer()
    return viewer.username if viewer is not None else ""


@callback(
    Output(STATUS, "children"),
    Output(EXPORT_JOB, "data"),
    Output(EXPORT_POLL, "disabled"),
    Input(EXPORT_PPTX, "n_clicks"),
    Input(EXPORT_PDF, "n_clicks"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)
@explained(lambda panel: (panel, None, True))
def start_deck_export(_pptx: int | None, _pdf: int | None, query: dict | None):
    """Start the deck as PowerPoint or PDF beside the request; the year is checked here, never trusted."""
    lang = language()
    fmt = "pptx" if ctx.triggered_id == EXPORT_PPTX else "pdf"
    deck, slides = deck_slides(query, theme=EXPORT_THEME, lang=lang)

    def work(progress: jobs.Progress) -> tuple[str, str, bytes]:
        files = export_deck(slides, title=deck_title(deck, lang), lang=lang, formats=[fmt], progress=progress)
        return f"{deck_basename(deck.unit_code, deck.year)}.{fmt}", MIME_TYPES[fmt], files[fmt]

    job_id = jobs.start(_owner(), work)
    return _progress(t("present.export_step.start", lang)), {"id": job_id}, False


@callback(
    Output(DECK_DOWNLOAD, "data"),
    Output(STATUS, "children", allow_duplicate=True),
    Output(EXPORT_POLL, "disabled", allow_duplicate=True),
    Input(EXPORT_POLL, "n_intervals"),
    State(EXPORT_JOB, "data"),
    prevent_initial_call=True,
)
def deliver_deck_export(_ticks: int | None, job: dict | None):
    """The export's step while it runs, then its file; only to the account that started it."""
    lang = language()
    job_id = (job or {}).get("id")
    found = jobs.status(job_id, _owner())
    if found is None:
        return no_update, _export_message(t("present.export_lost", lang), lang), True
    if found.state == jobs.RUNNING:
        return no_update, _progress(found.step or t("present.export_step.start", lang)), False
    jobs.forget(job_id)
    if found.state == jobs.FAILED:
        return no_update, _export_message(found.reason, lang), True
    return dcc.send_bytes(found.content, found.filename, type=found.mime), "", True


@callback(
    Output(CHART_DOWNLOAD, "data"),
    Output(STATUS, "children", allow_duplicate=True),
    Input(CHART_REQUEST, "data"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)
@explained(_status)
def download_chart(request: dict | None, query: dict | None):
    """One slide's chart as PNG or SVG, drawn from the same figure as the slide. The slide's buttons are
    plain HTML (the deck's static blocks): a click writes the request, so a deck drawn anew for another
    year asks nothing of the server until a chart is wanted."""
    if not isinstance(request, dict) or request.get("format") not in CHART_FORMATS:
        return no_update, no_update
    lang = language()
    deck, slides = deck_slides(query, theme=EXPORT_THEME, lang=lang)
    slide = next((s for s in slides if s.key == request.get("slide") and s.has_chart), None)
    if slide is None:
        return no_update, no_update
    try:
        content = chart_file(slide, request["format"])
    except ExportError as failed:
        return no_update, _export_message(str(failed), lang)
    filename = f"{deck_basename(deck.unit_code, deck.year)}-{slide.key}.{request['format']}"
    return dcc.send_bytes(content, filename, type=MIME_TYPES[request["format"]]), ""
