"""Pieces of the administration page: the problems of a file, its preview, the import history.

Pure builders: lists and frames in, Dash components out; nothing here reads the database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from components.downloads import download_buttons
from components.formatting import format_number
from components.i18n import t
from components.loading import slow_work
from domain.boundaries import BOUNDARIES_DATASET, ISSUE_SHEET
from domain.clock import to_local

RESULT_COLORS = {"ok": "success", "unchanged": "secondary", "refused": "warning", "failed": "danger"}
SEVERITY_COLORS = {"error": "danger", "warning": "warning"}
PREVIEW_LIMIT = 200


def _badge(text: str, color: str) -> dbc.Badge:
    return dbc.Badge(text, color=color, className="admin-badge")


def issues_table(issues: list[dict], lang: str, table_id: str) -> html.Table:
    """Every problem with where it is (sheet, row, column), why, and whether it blocks the import."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("admin.col.sheet", lang)),
                html.Th(t("admin.col.row", lang), className="num"),
                html.Th(t("admin.col.column", lang)),
                html.Th(t("admin.col.reason", lang)),
                html.Th(t("admin.col.severity", lang)),
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Td(issue["sheet"]),
                html.Td("" if issue["row"] is None else str(issue["row"]), className="num"),
                html.Td(issue["column"]),
                html.Td(issue["reason"], className="admin-reason"),
                html.Td(
                    _badge(
                        t(f"admin.severity.{issue['severity']}", lang),
                        SEVERITY_COLORS.get(issue["severity"], "secondary"),
                    )
                ),
            ],
            className=f"admin-issue admin-issue-{issue['severity']}",
        )
        for issue in issues
    ]
    return html.Table([head, html.Tbody(rows)], className="admin-table", id=table_id)


def _total(value, lang: str) -> str:
    """Totals with two decimals, as the rankings print them, so a column of them lines up."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    return format_number(float(value), 2, lang)


def _rank(value) -> str:
    return "–" if value is None or pd.isna(value) else str(int(value))


def score_preview_table(frame: pd.DataFrame, lang: str, table_id: str) -> html.Table:
    """Computed totals, ranks and groups beside the published ones; a disagreement is marked, not hidden."""
    head = html.Thead(
        html.Tr(
            [html.Th(t("admin.col.unit", lang))]
            + [
                html.Th(t(f"admin.col.{key}", lang), className="num")
                for key in ("total_computed", "total_published", "rank_computed", "rank_published")
            ]
            + [html.Th(t("admin.col.group_computed", lang)), html.Th(t("admin.col.group_published", lang)), html.Th("")]
        )
    )
    rows = []
    for row in frame.head(PREVIEW_LIMIT).itertuples():
        marks = []
        if row.median_method:
            marks.append(_badge(t("admin.median", lang), "info"))
        if row.differs:
            marks.append(_badge(t("admin.differs", lang), "warning"))
        rows.append(
            html.Tr(
                [
                    html.Td([row.unit_name, html.Div(row.unit_code, className="admin-code")]),
                    html.Td(_total(row.total_computed, lang), className="num fw-semibold"),
                    html.Td(_total(row.total_published, lang), className="num"),
                    html.Td(_rank(row.rank_computed), className="num fw-semibold"),
                    html.Td(_rank(row.rank_published), className="num"),
                    html.Td(row.group_computed or "–"),
                    html.Td(row.group_published or "–"),
                    html.Td(marks),
                ],
                className="admin-differs" if row.differs else None,
            )
        )
    return html.Table([head, html.Tbody(rows)], className="admin-table", id=table_id)


def rows_preview_table(frame: pd.DataFrame, lang: str, table_id: str) -> html.Div:
    """The records of a framework, plan, observations or units file as they will be stored (the first ones)."""
    shown = frame.head(PREVIEW_LIMIT)
    head = html.Thead(html.Tr([html.Th(column) for column in shown.columns]))
    body = html.Tbody(
        [
            html.Tr([html.Td("" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)) for v in row])
            for row in shown.itertuples(index=False)
        ]
    )
    more = (
        html.Div(t("admin.preview_more", lang, n=len(frame) - PREVIEW_LIMIT), className="admin-muted")
        if len(frame) > PREVIEW_LIMIT
        else None
    )
    return html.Div([html.Table([head, body], className="admin-table", id=table_id), more])


def local_time(value: datetime) -> str:
    """A stored time as Vietnam's local time."""
    return to_local(value).strftime("%d/%m/%Y %H:%M")


def _report(record_id: int, issues: list[dict], error: str, lang: str) -> html.Details | None:
    if not issues and not error:
        return None
    children = [html.Summary(t("admin.report", lang, n=len(issues) + (1 if error else 0)))]
    if error:
        children.append(html.Div(t("admin.report_error", lang, error=error), className="admin-error"))
    if issues:
        children.append(issues_table(issues, lang, f"admin-report-{record_id}"))
    return html.Details(children, className="admin-report")


def _version_button(record_id: int, which: str, lang: str) -> dbc.Button:
    return dbc.Button(
        [html.I(className="bi bi-download me-1"), t(f"admin.{which}", lang)],
        id={"type": "admin-snapshot", "index": f"{record_id}:{which}"},
        title=t(f"admin.{which}_title", lang),
        size="sm",
        color="secondary",
        outline=True,
        className="me-1",
    )


def history_table(
    frame: pd.DataFrame, reports: dict[int, tuple[list[dict], str]], lang: str, table_id: str
) -> html.Table:
    """Who imported which file when, its SHA-256 (shortened; in full on hover), counts and result;
    a refused or failed import shows its problems; every version can be downloaded."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"admin.col.{key}", lang))
                for key in ("when", "who", "file", "sha", "scope", "counts", "result", "versions")
            ]
        )
    )
    rows = []
    for row in frame.itertuples():
        issues, error = reports.get(row.id, ([], ""))
        result = [_badge(t(f"admin.result.{row.result}", lang), RESULT_COLORS.get(row.result, "secondary"))]
        if row.result not in ("ok", "unchanged") or row.n_warnings:
            result.append(_report(row.id, issues, error, lang))
        versions = []
        # Boundaries (GeoJSON) keep no tabular versions to download: the map shows the stored set.
        if row.result == "ok" and getattr(row, "dataset", "") != BOUNDARIES_DATASET:
            if row.has_before:
                versions.append(_version_button(row.id, "before", lang))
            versions.append(_version_button(row.id, "after", lang))
        rows.append(
            html.Tr(
                [
                    html.Td(local_time(row.imported_at), className="text-nowrap"),
                    html.Td(row.username),
                    html.Td(row.file_name, className="admin-file"),
                    html.Td(html.Code(row.sha256[:12] + "…", title=row.sha256), className="admin-sha"),
                    html.Td(row.scope),
                    html.Td(f"{row.rows_read} / {row.rows_written} / {row.rows_replaced}", className="num"),
                    html.Td(result),
                    html.Td(versions, className="text-nowrap"),
                ],
                id=f"admin-history-row-{row.id}",
                className=f"admin-history-{row.result}",
            )
        )
    return html.Table([head, html.Tbody(rows)], className="admin-table admin-history", id=table_id)


def section(title: str, body: list, section_id: str) -> dbc.Card:
    """One of the page's sections: templates, upload, history, exports."""
    return dbc.Card(
        dbc.CardBody([html.H2(title, className="admin-section-title"), *body]), className="ioc-card", id=section_id
    )


def select_field(component_id: str, options: list, value: object, label: str, width: str = "12rem") -> html.Div:
    return html.Div(
        [
            html.Label(label, htmlFor=component_id, className="admin-label"),
            dbc.Select(id=component_id, options=options, value=value, style={"minWidth": width}),
        ],
        className="admin-field",
    )


def _download_row(fields: list, prefix: str, kind: str, lang: str) -> list:
    """Selectors, then the CSV and Excel buttons of `kind` ("template" or "export"), then its help."""
    labels = {"csv": t(f"admin.{kind}_csv", lang), "xlsx": t(f"admin.{kind}_xlsx", lang)}
    help_text = t(f"admin.{kind}s_help" if kind == "export" else f"admin.{kind}_help", lang)
    buttons = download_buttons(prefix, lang, size=None, title=help_text, labels=labels)
    return [
        html.Div([*fields, html.Div(buttons, className="admin-actions")], className="admin-row"),
        html.Div(help_text, className="admin-muted"),
    ]


def templates_section(
    lang: str,
    *,
    datasets: list[dict],
    default_dataset: str,
    years: list[int],
    default_year: int | None,
    levels: list[dict],
    ids: dict[str, str],
) -> dbc.Card:
    """Choose a dataset (for the framework and the scores, a year and a level) and download its template."""
    year_options = [{"label": str(y), "value": str(y)} for y in years]
    chosen = default_year if default_year is not None else (years[-1] if years else None)
    fields = [
        select_field(ids["dataset"], datasets, default_dataset, t("admin.dataset", lang), "14rem"),
        select_field(ids["year"], year_options, None if chosen is None else str(chosen), t("admin.year", lang), "7rem"),
        select_field(ids["level"], levels, "department", t("admin.level", lang)),
    ]
    return section(
        t("admin.templates_title", lang),
        [
            *_download_row(fields, ids["download"], "template", lang),
            html.Div(id=ids["message"], className="admin-message", role="status"),
        ],
        "admin-templates",
    )


def upload_section(lang: str, *, max_megabytes: int, ids: dict[str, str]) -> dbc.Card:
    """The upload box, the check's report, the warnings' tick and the commit button (off until a clean check)."""
    prompt = html.Div(
        [html.I(className="bi bi-cloud-arrow-up me-2"), t("admin.upload_prompt", lang, size=max_megabytes)]
    )
    return section(
        t("admin.upload_title", lang),
        [
            dcc.Upload(prompt, id=ids["upload"], accept=".xlsx,.csv", multiple=False, className="admin-upload"),
            slow_work(html.Div(id=ids["check"], className="admin-check")),
            dcc.Store(id=ids["checked"]),
            html.Div(
                dbc.Checkbox(id=ids["accept"], label=t("admin.accept_warnings", lang), value=False),
                id=ids["accept_wrap"],
                hidden=True,
                className="admin-accept",
            ),
            html.Div(
                [
                    dbc.Button(
                        [html.I(className="bi bi-database-check me-1"), t("admin.commit", lang)],
                        id=ids["commit"],
                        color="success",
                        disabled=True,
                    ),
                    slow_work(html.Div(id=ids["result"], className="admin-commit-result"), delay_show=0),
                ],
                className="admin-actions admin-commit-row",
            ),
        ],
        "admin-upload-card",
    )


def exports_section(lang: str, *, options: list[dict], ids: dict[str, str]) -> dbc.Card:
    """Any dataset in the database back to Excel or CSV in its template's format."""
    first = options[0]["value"] if options else None
    field = select_field(ids["choice"], options, first, t("admin.export_choice", lang), "22rem")
    return section(
        t("admin.exports_title", lang), _download_row([field], ids["download"], "export", lang), "admin-exports"
    )


def check_view(checked: Any, lang: str, *, scores: bool) -> list:
    """The report of a checked file (`data_access.importing.commit.Checked`): its problems, or its preview and
    what the commit will replace; `scores` says whether the preview is of scores (computed beside published)."""
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
            issues_table(issues, lang, "admin-issues"),
        ]
    children = [header]
    if checked.warnings:
        children += [
            dbc.Alert(html.Strong(t("admin.warnings_title", lang)), color="warning", id="admin-warnings"),
            issues_table(issues, lang, "admin-issues"),
        ]
    children.append(
        dbc.Alert(
            [html.Strong(t("admin.ready_title", lang)), " ", t("admin.ready_body", lang, scope=checked.label)],
            color="success",
            id="admin-ready",
        )
    )
    if scores:
        children.append(score_preview_table(checked.preview, lang, "admin-preview"))
    else:
        children.append(rows_preview_table(checked.preview, lang, "admin-preview"))
    return [html.Div(children, className="admin-scroll")]


def commit_message(outcome: Any, lang: str) -> dbc.Alert:
    """What became of a commit (`data_access.importing.commit.Outcome`): written, refused or failed, with its record."""
    if outcome.result == "ok":
        text = t(
            "admin.committed",
            lang,
            written=outcome.rows_written,
            replaced=outcome.rows_replaced,
            record=outcome.record_id,
        )
        return dbc.Alert(text, color="success", id="admin-committed")
    if outcome.result == "unchanged":
        text = t("admin.commit_unchanged", lang, record=outcome.record_id, version=outcome.data_version)
        return dbc.Alert(text, color="info", id="admin-commit-unchanged")
    if outcome.result == "refused":
        # A refusal with a reason of its own (another import of the same data is running) says it.
        key = "admin.commit_refused_because" if outcome.error else "admin.commit_refused"
        text = t(key, lang, record=outcome.record_id, error=outcome.error)
        return dbc.Alert(text, color="warning", id="admin-commit-refused")
    text = t("admin.commit_failed", lang, record=outcome.record_id, error=outcome.error)
    return dbc.Alert(text, color="danger", id="admin-commit-failed")


def boundaries_section(lang: str, *, sets: pd.DataFrame, ids: dict[str, str]) -> dbc.Card:
    """Upload a GeoJSON of one province's communes (or districts), and the sets stored with their licence."""
    prompt = html.Div([html.I(className="bi bi-map me-2"), t("admin.boundaries_prompt", lang)])
    return section(
        t("admin.boundaries_title", lang),
        [
            html.P(t("admin.boundaries_help", lang), className="admin-muted"),
            dcc.Upload(prompt, id=ids["upload"], accept=".geojson,.json", multiple=False, className="admin-upload"),
            slow_work(html.Div(id=ids["result"], className="admin-check")),
            html.Div(boundary_sets_table(sets, lang), id=ids["sets"]),
        ],
        "admin-boundaries",
    )


def boundary_sets_table(sets: pd.DataFrame, lang: str) -> html.Div | html.Table:
    """Each stored set: province, level, features, its licence text as the file gave it, file, who, when."""
    if sets.empty:
        return html.Div(t("admin.boundaries_none", lang), className="admin-muted", id="admin-boundary-sets-empty")
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"admin.boundaries_col.{key}", lang))
                for key in ("unit", "level", "features", "licence", "file")
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Td(row.province_name),
                html.Td(t(f"level.{row.level}", lang)),
                html.Td(str(row.features), className="num"),
                html.Td(row.attribution, className="admin-licence"),
                html.Td(f"{row.file_name} · {row.imported_by} · {local_time(row.imported_at)}", className="admin-file"),
            ]
        )
        for row in sets.itertuples()
    ]
    return html.Table([head, html.Tbody(rows)], className="admin-table", id="admin-boundary-sets")


def boundaries_message(outcome: Any, lang: str) -> list:
    """What became of a boundaries file: stored (how many units, which level, the licence kept), no
    change, or refused with each feature's problem."""
    check = outcome.check
    if outcome.result == "refused":
        issues = [
            {"sheet": ISSUE_SHEET, "row": i.feature, "column": i.field, "reason": i.reason, "severity": "error"}
            for i in check.issues
        ]
        return [
            dbc.Alert(
                t("admin.boundaries_refused", lang, n=len(issues)), color="danger", id="admin-boundaries-refused"
            ),
            issues_table(issues, lang, "admin-boundaries-issues"),
        ]
    key = "admin.boundaries_ok" if outcome.result == "ok" else "admin.boundaries_unchanged"
    missing = check.without_boundary
    children = [
        t(key, lang, n=len(check.checked.codes), level=t(f"level.{check.level}", lang), province=check.province_code),
        html.Div(t("admin.boundaries_licence", lang, text=check.checked.attribution), className="admin-licence"),
    ]
    if missing:
        children.append(html.Div(t("admin.boundaries_missing", lang, n=len(missing), codes=", ".join(missing[:10]))))
    return [dbc.Alert(children, color="success" if outcome.result == "ok" else "info", id="admin-boundaries-done")]
