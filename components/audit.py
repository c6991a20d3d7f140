"""The audit log as a table for administrators: newest first, local time, kinds in words."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.i18n import t
from domain.clock import LOCAL_TIMEZONE
from domain.text import localized_column

# The province's wall clock: administrators read times as they lived them.
KIND_STYLES = {
    "login_ok": "success",
    "login_failed": "warning",
    "login_throttled": "danger",
    "logout": "secondary",
    "unit_view": "info",
    "access_denied": "danger",
    "account_change": "primary",
}


def local_times(frame: pd.DataFrame) -> pd.Series:
    """`at` in local time; SQLite hands back naive UTC, PostgreSQL aware values: both end up the same."""
    return pd.to_datetime(frame["at"], utc=True).dt.tz_convert(LOCAL_TIMEZONE.key)


def unit_names(frame: pd.DataFrame, lang: str) -> pd.Series:
    """Each event's unit by name in the reader's language; the code where no unit has it any more."""
    if "name_vi" not in frame:
        return frame["unit_code"].fillna("")
    return localized_column(frame, "name", lang).fillna(frame["unit_code"]).fillna("")


def audit_export(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The events as a file: one column per field, headers in the reader's language."""
    return pd.DataFrame(
        {
            t("audit.col.at", lang): local_times(frame).dt.strftime("%Y-%m-%d %H:%M:%S"),
            t("audit.col.kind", lang): [t(f"audit.kind.{kind}", lang) for kind in frame["kind"]],
            t("audit.col.user", lang): frame["username"],
            t("audit.col.unit", lang): unit_names(frame, lang),
            t("audit.col.address", lang): frame["address"],
            t("audit.col.detail", lang): frame["detail"],
        }
    )


def audit_table(frame: pd.DataFrame, lang: str) -> html.Div:
    """The events, or a sentence saying there are none for the filter."""
    if frame.empty:
        return html.P(t("audit.empty", lang), className="text-body-secondary", id="audit-empty")
    times = local_times(frame).dt.strftime("%d/%m/%Y %H:%M:%S")
    header = html.Thead(
        html.Tr([html.Th(t(f"audit.col.{key}", lang)) for key in ("at", "kind", "user", "unit", "address", "detail")])
    )
    rows = [
        html.Tr(
            [
                html.Td(when, className="text-nowrap"),
                html.Td(dbc.Badge(t(f"audit.kind.{event.kind}", lang), color=KIND_STYLES.get(event.kind, "secondary"))),
                html.Td(event.username or "—"),
                html.Td(unit, title=event.unit_code or None),
                html.Td(event.address),
                html.Td(event.detail, className="audit-detail"),
            ],
            className=f"audit-row audit-{event.kind}",
        )
        for when, unit, event in zip(times, unit_names(frame, lang), frame.itertuples(), strict=True)
    ]
    return html.Div(
        dbc.Table([header, html.Tbody(rows)], striped=True, hover=True, size="sm", className="audit-table mb-0"),
        className="table-responsive",
    )
