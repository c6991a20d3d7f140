"""`/admin`: load each year's results from Excel or CSV (admins only).

Templates to download; an upload checked in full (every problem with its sheet, row and column)
and previewed (computed totals, ranks and groups beside the published ones) before the
"Ghi dữ liệu" button writes it in one transaction; the import history with every earlier
version; exports of every dataset in the template's format. Every callback re-reads the upload
itself: nothing the browser sends back as a preview is trusted.
"""

from __future__ import annotations

import base64
import binascii
import json

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html
from sqlalchemy.exc import SQLAlchemyError

from auth.policy import ADMIN_ONLY
from auth.session import current_viewer
from components import admin as views
from components.i18n import TEXT, t
from data_access.admin import available_datasets, framework_years, has_framework, template_years
from data_access.boundaries import boundary_sets, import_boundaries
from data_access.importing import OK, UNCHANGED, check, commit, formats
from data_access.importing import files as downloads
from data_access.importing.history import history, record, report_issues
from data_access.importing.parsing import max_upload_bytes
from data_access.importing.templates import scope_label
from domain.clock import local_today
from pages._context import database_unavailable, language, page_title, whole_number
from pages._kit import file_format, register_file_download

dash.register_page(
    __name__,
    path="/admin",
    title=page_title("title.admin"),
    order=6,
    nav_key="nav.admin",
    nav_icon="bi-gear",
    access=ADMIN_ONLY,
    year_options=list,  # the page picks a dataset's year itself: no shell year selector here
)

TEMPLATE_DATASET = "admin-template-dataset"
TEMPLATE_YEAR = "admin-template-year"
TEMPLATE_LEVEL = "admin-template-level"
TEMPLATE_MESSAGE = "admin-template-message"
UPLOAD = "admin-upload"
CHECK = "admin-check"
CHECKED = "admin-checked"
ACCEPT = "admin-accept"
ACCEPT_WRAP = "admin-accept-wrap"
COMMIT = "admin-commit"
COMMIT_RESULT = "admin-commit-result"
HISTORY = "admin-history"
EXPORT_CHOICE = "admin-export-choice"
TEMPLATE = "admin-template"
# Templates that are a year's and a level's: the framework (a new year starts from the latest) and the scores.
SCOPED_TEMPLATES = (formats.FRAMEWORK, formats.SCORES)
EXPORT = "admin-export"
TEMPLATE_IDS = {
    "dataset": TEMPLATE_DATASET,
    "year": TEMPLATE_YEAR,
    "level": TEMPLATE_LEVEL,
    "download": TEMPLATE,
    "message": TEMPLATE_MESSAGE,
}
UPLOAD_IDS = {
    "upload": UPLOAD,
    "check": CHECK,
    "checked": CHECKED,
    "accept": ACCEPT,
    "accept_wrap": ACCEPT_WRAP,
    "commit": COMMIT,
    "result": COMMIT_RESULT,
}
BOUNDARIES_IDS = {
    "upload": "admin-boundaries-upload",
    "result": "admin-boundaries-result",
    "sets": "admin-boundary-sets-wrap",
}
HISTORY_LIMIT = 100


def dataset_names(lang: str) -> dict[str, str]:
    """Each dataset's name in the reader's language (a dataset the texts do not name keeps the importer's)."""
    return {
        d: t(f"admin.dataset.{d}", lang) if f"admin.dataset.{d}" in TEXT else formats.DATASET_NAMES[d]
        for d in formats.DATASETS
    }


def level_names(lang: str) -> dict[str, str]:
    return {
        level: t(f"level.{level}", lang) if f"level.{level}" in TEXT else formats.LEVEL_NAMES[level]
        for level in formats.LEVELS
    }


def export_options(lang: str) -> list[dict]:
    """Every dataset in the database, as the export list offers it (the value names it, re-checked on download)."""
    return [
        {
            "label": scope_label(
                dataset,
                scope,
                dataset_names=dataset_names(lang),
                level_names=level_names(lang),
                plan_word=t("admin.plan_word", lang),
            ),
            "value": json.dumps([dataset, scope]),
        }
        for dataset, scope in available_datasets()
    ]


def history_view(lang: str) -> html.Div:
    frame = history(HISTORY_LIMIT)
    if frame.empty:
        return html.Div(t("admin.history_empty", lang), className="admin-muted", id="admin-history-empty")
    reports = {}
    for row in frame.itertuples():
        if row.result not in (OK, UNCHANGED) or row.n_warnings:
            found = record(int(row.id))
            reports[int(row.id)] = report_issues(found) if found else ([], "")
    return views.history_table(frame, reports, lang, "admin-history-table")


def layout(**_query: str) -> html.Div:
    lang = language()
    try:
        with_framework = framework_years()
        sections = [
            views.templates_section(
                lang,
                datasets=[{"label": name, "value": d} for d, name in dataset_names(lang).items()],
                default_dataset=formats.SCORES,
                years=template_years(with_framework, local_today().year),
                default_year=max(with_framework, default=None),
                levels=[{"label": name, "value": level} for level, name in level_names(lang).items()],
                ids=TEMPLATE_IDS,
            ),
            views.upload_section(lang, max_megabytes=max_upload_bytes() // (1024 * 1024), ids=UPLOAD_IDS),
            views.section(
                t("admin.history_title", lang), [html.Div(history_view(lang), id=HISTORY)], "admin-history-card"
            ),
            views.exports_section(
                lang, options=export_options(lang), ids={"choice": EXPORT_CHOICE, "download": EXPORT}
            ),
            views.boundaries_section(lang, sets=boundary_sets(), ids=BOUNDARIES_IDS),
        ]
    except SQLAlchemyError:
        sections = [database_unavailable(lang)]
    return html.Div(
        [
            html.H1(t("admin.heading", lang), className="page-heading"),
            html.P(t("admin.intro", lang), className="admin-intro"),
            html.Nav(
                [
                    dcc.Link([html.I(className="bi bi-people me-1"), t("nav.accounts", lang)], href="/admin/accounts"),
                    dcc.Link(
                        [html.I(className="bi bi-clipboard-check me-1"), t("admin.data_quality_link", lang)],
                        href="/admin/data-quality",
                    ),
                ],
                className="admin-links d-flex gap-4 mb-3",
                id="admin-links",
            ),
            dcc.Download(id="admin-snapshot-file"),
            *sections,
        ],
        className="page-admin",
    )


@callback(
    Output(TEMPLATE_YEAR, "disabled"),
    Output(TEMPLATE_LEVEL, "disabled"),
    Input(TEMPLATE_DATASET, "value"),
)
def scope_inputs(dataset: str | None) -> tuple[bool, bool]:
    """The framework and scores templates depend on a year and a level (a new year's framework starts
    from the latest one; the scores' columns are that framework's pillars)."""
    scoped = dataset in SCOPED_TEMPLATES
    return not scoped, not scoped


@callback(
    Output(f"{TEMPLATE}-file", "data"),
    Output(TEMPLATE_MESSAGE, "children"),
    Input(f"{TEMPLATE}-xlsx", "n_clicks"),
    Input(f"{TEMPLATE}-csv", "n_clicks"),
    State(TEMPLATE_DATASET, "value"),
    State(TEMPLATE_YEAR, "value"),
    State(TEMPLATE_LEVEL, "value"),
    prevent_initial_call=True,
)
def download_template(_xlsx, _csv, dataset: str | None, raw_year: str | None, level: str | None):
    """A blank template; the year and level come from the browser and are checked here."""
    year = whole_number(raw_year)
    scoped = dataset in SCOPED_TEMPLATES
    if dataset not in formats.DATASETS or (scoped and (year is None or level not in formats.LEVELS)):
        return dash.no_update, ""
    scope = {"year": year, "level": level} if scoped else {}
    name, content = downloads.template_file(dataset, scope, file_format(ctx.triggered_id))
    message = ""
    if dataset == formats.SCORES and not has_framework(year, level):
        level_name = formats.LEVEL_NAMES[level]
        message = t("admin.template_ranks_only", language(), year=year, level=level_name)
    return dcc.send_bytes(content, name), message


def decode_upload(contents: str | None) -> bytes | None:
    """The file's bytes from a `dcc.Upload` data URL; None when there is nothing readable."""
    if not contents or "," not in contents:
        return None
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return None


@callback(
    Output(CHECK, "children"),
    Output(CHECKED, "data"),
    Output(ACCEPT_WRAP, "hidden"),
    Output(ACCEPT, "value"),
    Output(COMMIT_RESULT, "children"),
    Input(UPLOAD, "contents"),
    State(UPLOAD, "filename"),
    prevent_initial_call=True,
)
def check_upload(contents: str | None, filename: str | None):
    """Parse and validate the upload on the server; the preview is shown, never trusted back."""
    lang = language()
    content = decode_upload(contents)
    if content is None and contents:
        content = b""
    if content is None:
        return [], None, True, False, ""
    try:
        checked = check(content, filename or "")
    except SQLAlchemyError:
        return [database_unavailable(lang)], None, True, False, ""
    state = {"sha256": checked.sha256, "errors": len(checked.errors), "warnings": len(checked.warnings)}
    return (
        views.check_view(checked, lang, scores=checked.dataset == formats.SCORES),
        state,
        not (checked.warnings and not checked.errors),
        False,
        "",
    )


@callback(Output(COMMIT, "disabled"), Input(CHECKED, "data"), Input(ACCEPT, "value"))
def commit_allowed(state: dict | None, accepted: bool | None) -> bool:
    """Enabled for a file without errors; with warnings, only once they are explicitly accepted."""
    if not state or state.get("errors") or state.get("errors") is None:
        return True
    return bool(state.get("warnings")) and not accepted


def _importer() -> str:
    viewer = current_viewer()
    return viewer.username if viewer is not None else "?"


@callback(
    Output(COMMIT_RESULT, "children", allow_duplicate=True),
    Output(HISTORY, "children"),
    Output(CHECKED, "data", allow_duplicate=True),
    Output(EXPORT_CHOICE, "options"),
    Input(COMMIT, "n_clicks"),
    State(UPLOAD, "contents"),
    State(UPLOAD, "filename"),
    State(ACCEPT, "value"),
    State(CHECKED, "data"),
    prevent_initial_call=True,
)
def commit_upload(_clicks, contents: str | None, filename: str | None, accepted: bool | None, state: dict | None):
    """Re-read and re-check the uploaded file itself, then write it (or refuse it) and show the history."""
    lang = language()
    content = decode_upload(contents)
    if content is None or not state:
        return (
            dbc.Alert(t("admin.commit_missing", lang), color="warning"),
            dash.no_update,
            dash.no_update,
            dash.no_update,
        )
    try:
        checked = check(content, filename or "")
        if checked.sha256 != state.get("sha256"):
            return dbc.Alert(t("admin.commit_missing", lang), color="warning"), dash.no_update, None, dash.no_update
        outcome = commit(checked, user=_importer(), accept_warnings=bool(accepted))
        history_children = history_view(lang)
        options = export_options(lang)
    except SQLAlchemyError:
        return database_unavailable(lang), dash.no_update, dash.no_update, dash.no_update
    message = views.commit_message(outcome, lang)
    # The file is spent: the button stays off until a new upload is checked.
    return message, history_children, None, options


@callback(
    Output("admin-snapshot-file", "data"),
    Input({"type": "admin-snapshot", "index": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def download_snapshot(clicks: list[int | None]):
    """A version kept with an import record: the id and which one come from the button, checked here."""
    if not ctx.triggered_id or not any(clicks):
        return dash.no_update
    raw = str(ctx.triggered_id.get("index", ""))
    record_id, _, which = raw.partition(":")
    if whole_number(record_id) is None or which not in ("before", "after"):
        return dash.no_update
    found = downloads.snapshot_file(whole_number(record_id), which, "xlsx")
    if found is None:
        return dash.no_update
    return dcc.send_bytes(found[1], found[0])


def export_file(fmt: str, choice: str | None) -> dict | None:
    """The chosen dataset in the template's format; the choice is parsed and checked again on the server."""
    try:
        dataset, scope = json.loads(choice or "")
        scope = downloads.scope_for(dataset, scope.get("year"), scope.get("level"), scope.get("plan"))
        name, content = downloads.export_file(dataset, scope, fmt)
    except (ValueError, TypeError, AttributeError, KeyError):
        return None
    return dcc.send_bytes(content, name)


register_file_download(EXPORT, export_file, State(EXPORT_CHOICE, "value"))


@callback(
    Output(BOUNDARIES_IDS["result"], "children"),
    Output(BOUNDARIES_IDS["sets"], "children"),
    Output(HISTORY, "children", allow_duplicate=True),
    Input(BOUNDARIES_IDS["upload"], "contents"),
    State(BOUNDARIES_IDS["upload"], "filename"),
    prevent_initial_call=True,
)
def load_boundaries(contents: str | None, filename: str | None):
    """Check a GeoJSON upload on the server and store it when it has no problem (refused whole
    otherwise); the attempt goes into the history either way."""
    lang = language()
    content = decode_upload(contents)
    if content is None:
        return dash.no_update, dash.no_update, dash.no_update
    try:
        outcome = import_boundaries(content, filename or "", user=_importer())
        sets = views.boundary_sets_table(boundary_sets(), lang)
        history_children = history_view(lang)
    except SQLAlchemyError:
        return database_unavailable(lang), dash.no_update, dash.no_update
    return views.boundaries_message(outcome, lang), sets, history_children
