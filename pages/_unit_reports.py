"""A unit's report as a file, and a level's reports as one zip: what the unit page's report links ask for.

`GET /units/<code>/report.pdf|pptx?year=` answers with the file itself (a few seconds of one Chromium
session), after the same check as the unit's page: a unit head gets their own unit's report and a
403 for any other (logged); a download is logged as a view of the unit. The level's zip runs beside
the request as the deck's exports do (`exports.jobs`: the page polls, any worker answers), for leaders
and admins only, checked in the callback whatever the page showed.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from dash import Input, Output, State, callback, dcc, html, no_update
from flask import Blueprint, Response, current_app, request, send_file
from sqlalchemy.exc import SQLAlchemyError

from auth import audit
from auth.guard import all_units_refusal, refused_unit_download
from auth.policy import names_other_units
from auth.session import current_viewer
from components.i18n import t
from components.unit_report import REPORT_FORMATS, report_slides, report_title, unit_name
from data_access.unit_report import level_members, unit_report
from data_access.units import unit_info, unit_years
from domain.clock import local_today
from domain.unit_report import report_file_stem
from domain.vocabulary import SUB_LEVELS
from exports import jobs
from exports.images import MIME_TYPES, ExportError
from exports.unit_report import Report, export_batch, export_report
from pages._context import source_titles, whole_number
from pages._kit import DATA_ERRORS, explained
from web.language import language

blueprint = Blueprint("unit_reports", __name__)

# The ids of the level's zip on the unit page (prefixed `units-`: the guard knows them as the unit page's).
BATCH_IDS = {
    "button": "units-report-batch",
    "job": "units-report-job",
    "poll": "units-report-poll",
    "download": "units-report-download",
    "status": "units-report-status",
}
QUERY = "units-query"
ZIP_MIME = "application/zip"


def build_report(code: str, year: int, lang: str, *, name_holders: bool) -> Report | None:
    """The report of a unit for a year in `lang`, its comparisons named or not; None without a result."""
    report = unit_report(code, year)
    if report is None:
        return None
    slides = report_slides(
        report, lang=lang, titles=source_titles(lang), today=local_today(), name_holders=name_holders
    )
    stem = report_file_stem(unit_name(report.summary, lang), year)
    return Report(slides, report_title(report, lang), stem, lang)


def level_builders(
    parent_code: str, level: str, year: int, lang: str, *, within: Callable[[], AbstractContextManager] = nullcontext
) -> list[Callable[[], Report | None]]:
    """One builder per unit of the level in `year` (`exports.unit_report.export_batch` runs each in a
    thread, `within` the context it needs, e.g. the app's), the level's best units named: the batch is
    for leaders and admins."""

    def builder(code: str) -> Callable[[], Report | None]:
        def build() -> Report | None:
            with within():
                return build_report(code, year, lang, name_holders=True)

        return build

    return [builder(code) for code in level_members(parent_code, level, year)["unit_code"]]


def requested_year(code: str, raw: str | None) -> int | None:
    """The year of the request when the unit has results then, its latest without one; None otherwise."""
    years = unit_years(code)
    if not years:
        return None
    if raw in (None, ""):
        return years[-1]
    year = whole_number(raw)
    return year if year in years else None


def _not_found(lang: str) -> Response:
    """404 said in words: no such unit, no results that year, or a format the report is not made in."""
    formats = ", ".join(REPORT_FORMATS)
    return Response(t("report.not_found", lang, formats=formats), status=404, mimetype="text/plain")


@blueprint.get("/units/<unit_code>/report.<fmt>")
def unit_report_file(unit_code: str, fmt: str) -> Response:
    """The unit's report as PDF or PowerPoint, for a reader who may see the unit."""
    refused = refused_unit_download(unit_code)
    if refused is not None:
        return refused
    lang = language()
    if fmt not in REPORT_FORMATS:
        return _not_found(lang)
    viewer = current_viewer()
    try:
        year = requested_year(unit_code, request.args.get("year")) if unit_info(unit_code) else None
        report = build_report(unit_code, year, lang, name_holders=names_other_units(viewer)) if year else None
    except DATA_ERRORS:
        return Response(t("error.database", lang), status=503, mimetype="text/plain")
    if report is None:
        return _not_found(lang)
    try:
        content = export_report(report, fmt)
    except ExportError as failed:
        return Response(t("report.failed", lang, reason=failed), status=503, mimetype="text/plain")
    with contextlib.suppress(SQLAlchemyError):  # the file is the reader's even when the log cannot take it
        audit.record(audit.UNIT_VIEW, viewer.username, unit_code=unit_code, detail=f"report.{fmt} {year}")
    return send_file(
        io.BytesIO(content),
        mimetype=MIME_TYPES[fmt],
        as_attachment=True,
        download_name=f"{report.file_stem}.{fmt}",
    )


def _progress(step: str) -> html.Div:
    return html.Div([html.Span(className="spinner-border spinner-border-sm me-2"), step], className="present-progress")


def _owner() -> str:
    viewer = current_viewer()
    return viewer.username if viewer is not None else ""


@callback(
    Output(BATCH_IDS["status"], "children"),
    Output(BATCH_IDS["job"], "data"),
    Output(BATCH_IDS["poll"], "disabled"),
    Input(BATCH_IDS["button"], "n_clicks"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)
@explained(lambda panel: (panel, None, True))
def start_level_reports(clicks: int | None, query: dict | None):
    """Start the zip of the reports of every unit of the page's level; leaders and admins only."""
    if not clicks:
        return no_update, no_update, no_update
    lang = language()
    code = str((query or {}).get("unit_code") or "")
    denied = all_units_refusal(f"level reports ({code})", lang, "report.batch_denied")
    if denied is not None:
        return denied, None, True
    info = unit_info(code)
    year = requested_year(code, (query or {}).get("year")) if info is not None else None
    if info is None or year is None or info.kind not in SUB_LEVELS or not info.parent_code:
        return html.Div(t("report.batch_failed", lang, reason=code), className="present-export-error"), None, True
    parent, level = info.parent_code, info.kind

    def work(progress: jobs.Progress) -> tuple[str, str, bytes]:
        progress(t("report.batch_step.data", lang))
        builders = level_builders(parent, level, year, lang, within=current_app._get_current_object().app_context)
        progress(t("report.batch_step.files", lang, n=len(builders)))
        content = export_batch(
            builders, progress=lambda done, total: progress(t("report.batch_step.done", lang, done=done, n=total))
        )
        return t("report.zip_name", lang, level=level, year=year), ZIP_MIME, content

    job_id = jobs.start(_owner(), work)
    return _progress(t("report.batch_step.start", lang)), {"id": job_id}, False


@callback(
    Output(BATCH_IDS["download"], "data"),
    Output(BATCH_IDS["status"], "children", allow_duplicate=True),
    Output(BATCH_IDS["poll"], "disabled", allow_duplicate=True),
    Input(BATCH_IDS["poll"], "n_intervals"),
    State(BATCH_IDS["job"], "data"),
    prevent_initial_call=True,
)
def deliver_level_reports(_ticks: int | None, job: dict | None):
    """The zip's step while it is made, then the file; only to the account that started it."""
    lang = language()
    job_id = (job or {}).get("id")
    found = jobs.status(job_id, _owner())
    if found is None:
        return no_update, html.Div(t("report.batch_lost", lang), className="present-export-error"), True
    if found.state == jobs.RUNNING:
        return no_update, _progress(found.step or t("report.batch_step.start", lang)), False
    jobs.forget(job_id)
    if found.state == jobs.FAILED:
        return (
            no_update,
            html.Div(t("report.batch_failed", lang, reason=found.reason), className="present-export-error"),
            True,
        )
    return dcc.send_bytes(found.content, found.filename, type=found.mime), "", True
