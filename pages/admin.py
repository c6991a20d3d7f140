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
from sqlalchemy.orm import Session

from auth.session import current_viewer
from components import admin as views
from components.i18n import t
from data_access import db
from data_access.importing import OK, REFUSED, check, commit, formats
from data_access.importing import files as downloads
from data_access.importing.export import datasets_available
from data_access.importing.history import history, record, report_issues
from data_access.importing.parsing import max_upload_bytes
from data_access.importing.templates import scope_label
from pages._context import database_unavailable, language, whole_number

dash.register_page(
    __name__,
    path="/admin",
    title="DTI — Quản trị dữ liệu",
    order=6,
    nav_key="nav.admin",
    nav_icon="bi-gear",
    access="admin",
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
HISTORY_LIMIT = 100


def _section(title: str, body: list, section_id: str) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody([html.H2(title, className="admin-section-title"), *body]), className="ioc-card", id=section_id
    )


def _framework_years() -> list[int]:
    with Session(db.get_engine()) as session:
        return sorted({scope["year"] for dataset, scope in datasets_available(session) if dataset == formats.FRAMEWORK})


def export_options() -> list[dict]:
    """Every dataset in the database, as the export list offers it (the value names it, re-checked on download)."""
    with Session(db.get_engine()) as session:
        found = datasets_available(session)
    return [{"label": scope_label(dataset, scope), "value": json.dumps([dataset, scope])} for dataset, scope in found]


def history_view(lang: str) -> html.Div:
    frame = history(HISTORY_LIMIT)
    if frame.empty:
        return html.Div(t("admin.history_empty", lang), className="admin-muted", id="admin-history-empty")
    reports = {}
    for row in frame.itertuples():
        if row.result != OK or row.n_warnings:
            found = record(int(row.id))
            reports[int(row.id)] = report_issues(found) if found else ([], "")
    return views.history_table(frame, reports, lang, "admin-history-table")


def _select(component_id: str, options: list, value, label: str, width: str = "12rem") -> html.Div:
    return html.Div(
        [
            html.Label(label, htmlFor=component_id, className="admin-label"),
            dbc.Select(id=component_id, options=options, value=value, style={"minWidth": width}),
        ],
        className="admin-field",
    )


def templates_section(lang: str, years: list[int]) -> dbc.Card:
    datasets = [{"label": formats.DATASET_NAMES[d], "value": d} for d in formats.DATASETS]
    levels = [{"label": formats.LEVEL_NAMES[level], "value": level} for level in formats.LEVELS]
    return _section(
        t("admin.templates_title", lang),
        [
            html.Div(
                [
                    _select(TEMPLATE_DATASET, datasets, formats.SCORES, t("admin.dataset", lang), "14rem"),
                    _select(
                        TEMPLATE_YEAR,
                        [{"label": str(y), "value": str(y)} for y in years],
                        str(years[-1]) if years else None,
                        t("admin.year", lang),
                        "7rem",
                    ),
                    _select(TEMPLATE_LEVEL, levels, "department", t("admin.level", lang)),
                    html.Div(
                        [
                            dbc.Button(
                                [html.I(className="bi bi-file-earmark-excel me-1"), t("admin.template_xlsx", lang)],
                                id="admin-template-xlsx",
                                color="primary",
                                className="me-2",
                            ),
                            dbc.Button(
                                [html.I(className="bi bi-filetype-csv me-1"), t("admin.template_csv", lang)],
                                id="admin-template-csv",
                                color="secondary",
                                outline=True,
                            ),
                            dcc.Download(id="admin-template-file"),
                        ],
                        className="admin-actions",
                    ),
                ],
                className="admin-row",
            ),
            html.Div(t("admin.template_help", lang), className="admin-muted"),
            html.Div(id=TEMPLATE_MESSAGE, className="admin-message", role="status"),
        ],
        "admin-templates",
    )


def upload_section(lang: str) -> dbc.Card:
    size = max_upload_bytes() // (1024 * 1024)
    return _section(
        t("admin.upload_title", lang),
        [
            dcc.Upload(
                html.Div([html.I(className="bi bi-cloud-arrow-up me-2"), t("admin.upload_prompt", lang, size=size)]),
                id=UPLOAD,
                accept=".xlsx,.csv",
                multiple=False,
                className="admin-upload",
            ),
            dcc.Loading(html.Div(id=CHECK, className="admin-check"), type="dot", delay_show=300),
            dcc.Store(id=CHECKED),
            html.Div(
                dbc.Checkbox(id=ACCEPT, label=t("admin.accept_warnings", lang), value=False),
                id=ACCEPT_WRAP,
                hidden=True,
                className="admin-accept",
            ),
            html.Div(
                [
                    dbc.Button(
                        [html.I(className="bi bi-database-check me-1"), t("admin.commit", lang)],
                        id=COMMIT,
                        color="success",
                        disabled=True,
                    ),
                    dcc.Loading(html.Div(id=COMMIT_RESULT, className="admin-commit-result"), type="dot"),
                ],
                className="admin-actions admin-commit-row",
            ),
        ],
        "admin-upload-card",
    )


def exports_section(lang: str) -> dbc.Card:
    options = export_options()
    return _section(
        t("admin.exports_title", lang),
        [
            html.Div(
                [
                    _select(
                        EXPORT_CHOICE,
                        options,
                        options[0]["value"] if options else None,
                        t("admin.export_choice", lang),
                        "22rem",
                    ),
                    html.Div(
                        [
                            dbc.Button(
                                [html.I(className="bi bi-file-earmark-excel me-1"), t("admin.export_xlsx", lang)],
                                id="admin-export-xlsx",
                                color="secondary",
                                outline=True,
                                className="me-2",
                            ),
                            dbc.Button(
                                [html.I(className="bi bi-filetype-csv me-1"), t("admin.export_csv", lang)],
                                id="admin-export-csv",
                                color="secondary",
                                outline=True,
                            ),
                            dcc.Download(id="admin-export-file"),
                        ],
                        className="admin-actions",
                    ),
                ],
                className="admin-row",
            ),
            html.Div(t("admin.exports_help", lang), className="admin-muted"),
        ],
        "admin-exports",
    )


def layout(**_query: str) -> html.Div:
    lang = language()
    try:
        years = _framework_years()
        sections = [
            templates_section(lang, years),
            upload_section(lang),
            _section(t("admin.history_title", lang), [html.Div(history_view(lang), id=HISTORY)], "admin-history-card"),
            exports_section(lang),
        ]
    except SQLAlchemyError:
        sections = [database_unavailable(lang)]
    return html.Div(
        [
            html.H1(t("admin.heading", lang), className="page-heading"),
            html.P(t("admin.intro", lang), className="admin-intro"),
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
    """Only the scores template depends on a year and a level (its columns are that framework's pillars)."""
    return dataset != formats.SCORES, dataset != formats.SCORES


@callback(
    Output("admin-template-file", "data"),
    Output(TEMPLATE_MESSAGE, "children"),
    Input("admin-template-xlsx", "n_clicks"),
    Input("admin-template-csv", "n_clicks"),
    State(TEMPLATE_DATASET, "value"),
    State(TEMPLATE_YEAR, "value"),
    State(TEMPLATE_LEVEL, "value"),
    prevent_initial_call=True,
)
def download_template(_xlsx, _csv, dataset: str | None, raw_year: str | None, level: str | None):
    """A blank template; the year and level come from the browser and are checked here."""
    lang = language()
    file_format = "csv" if ctx.triggered_id == "admin-template-csv" else "xlsx"
    year = whole_number(raw_year)
    if dataset not in formats.DATASETS or (dataset == formats.SCORES and (year is None or level not in formats.LEVELS)):
        return dash.no_update, ""
    scope = {"year": year, "level": level} if dataset == formats.SCORES else {}
    try:
        name, content = downloads.template_file(dataset, scope, file_format)
    except LookupError:
        level_name = formats.LEVEL_NAMES.get(level or "", level or "")
        return dash.no_update, t("admin.template_no_framework", lang, year=year, level=level_name)
    return dcc.send_bytes(content, name), ""


def decode_upload(contents: str | None) -> bytes | None:
    """The file's bytes from a `dcc.Upload` data URL; None when there is nothing readable."""
    if not contents or "," not in contents:
        return None
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return None


def check_view(checked, lang: str) -> list:
    """The report of a checked file: its problems, or its preview and what the commit will replace."""
    header = html.Div(
        [
            html.Div(
                t("admin.checked_file", lang, name=checked.file_name, sha=checked.sha256[:12] + "…"),
                title=checked.sha256,
            ),
            html.Div(
                [
                    html.Strong(checked.label) if checked.label else None,
                    " · " if checked.label else None,
                    t(
                        "admin.checked_counts",
                        lang,
                        rows=checked.validated.rows_read,
                        errors=len(checked.errors),
                        warnings=len(checked.warnings),
                    ),
                ]
            ),
        ],
        className="admin-file-summary",
        id="admin-file-summary",
    )
    issues = [issue.as_dict() for issue in checked.issues]
    if checked.errors or checked.dataset is None:
        return [
            header,
            dbc.Alert(
                [html.Strong(t("admin.refused_title", lang)), " ", t("admin.refused_body", lang)],
                color="danger",
                id="admin-refused",
            ),
            views.issues_table(issues, lang, "admin-issues"),
        ]
    children = [header]
    if checked.warnings:
        children += [
            dbc.Alert(html.Strong(t("admin.warnings_title", lang)), color="warning", id="admin-warnings"),
            views.issues_table(issues, lang, "admin-issues"),
        ]
    children.append(
        dbc.Alert(
            [html.Strong(t("admin.ready_title", lang)), " ", t("admin.ready_body", lang, scope=checked.label)],
            color="success",
            id="admin-ready",
        )
    )
    if checked.dataset == formats.SCORES:
        children.append(views.score_preview_table(checked.preview, lang, "admin-preview"))
    else:
        children.append(views.rows_preview_table(checked.preview, lang, "admin-preview"))
    return [html.Div(children, className="admin-scroll")]


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
    return check_view(checked, lang), state, not (checked.warnings and not checked.errors), False, ""


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
        options = export_options()
    except SQLAlchemyError:
        return database_unavailable(lang), dash.no_update, dash.no_update, dash.no_update
    if outcome.result == OK:
        message = dbc.Alert(
            t(
                "admin.committed",
                lang,
                written=outcome.rows_written,
                replaced=outcome.rows_replaced,
                record=outcome.record_id,
            ),
            color="success",
            id="admin-committed",
        )
    elif outcome.result == REFUSED:
        message = dbc.Alert(
            t("admin.commit_refused", lang, record=outcome.record_id), color="warning", id="admin-commit-refused"
        )
    else:
        message = dbc.Alert(
            t("admin.commit_failed", lang, record=outcome.record_id, error=outcome.error),
            color="danger",
            id="admin-commit-failed",
        )
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


@callback(
    Output("admin-export-file", "data"),
    Input("admin-export-xlsx", "n_clicks"),
    Input("admin-export-csv", "n_clicks"),
    State(EXPORT_CHOICE, "value"),
    prevent_initial_call=True,
)
def download_export(_xlsx, _csv, choice: str | None):
    """The chosen dataset in the template's format; the choice is parsed and checked again on the server."""
    file_format = "csv" if ctx.triggered_id == "admin-export-csv" else "xlsx"
    try:
        dataset, scope = json.loads(choice or "")
        scope = downloads.scope_for(dataset, scope.get("year"), scope.get("level"), scope.get("plan"))
        name, content = downloads.export_file(dataset, scope, file_format)
    except (ValueError, TypeError, AttributeError, KeyError):
        return dash.no_update
    return dcc.send_bytes(content, name)
