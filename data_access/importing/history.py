"""The import history: who loaded which file when, how it ended, and every earlier version."""

from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access import db
from data_access.importing.commit import ensure_history_schema
from data_access.importing.export import Tables
from data_access.importing.templates import tables_from_json
from data_access.models import ImportRecord

HISTORY_COLUMNS = [
    "id",
    "imported_at",
    "username",
    "file_name",
    "sha256",
    "dataset",
    "scope",
    "rows_read",
    "rows_written",
    "rows_replaced",
    "n_errors",
    "n_warnings",
    "warnings_accepted",
    "result",
    "data_version",
    "has_before",
]


def history(limit: int = 200, engine: Engine | None = None) -> pd.DataFrame:
    """The latest import attempts first (not cached: it is read by the people who just imported)."""
    engine = engine or db.get_engine()
    ensure_history_schema(engine)
    statement = select(ImportRecord).order_by(ImportRecord.id.desc()).limit(limit)
    with db.session_scope(engine) as session:
        rows = [
            {
                **{column: getattr(record, column) for column in HISTORY_COLUMNS if column != "has_before"},
                "has_before": bool(record.snapshot_before),
            }
            for record in session.execute(statement).scalars()
        ]
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)


def record(record_id: int, engine: Engine | None = None) -> ImportRecord | None:
    engine = engine or db.get_engine()
    ensure_history_schema(engine)
    with db.session_scope(engine) as session:
        return session.get(ImportRecord, record_id)


def report_issues(import_record: ImportRecord) -> tuple[list[dict], str]:
    """The problems kept with an import (sheet, row, column, reason, severity) and its error, if it failed."""
    if not import_record.report:
        return [], ""
    data = json.loads(import_record.report)
    return data.get("issues", []), data.get("error", "")


def snapshot(import_record: ImportRecord, which: str) -> Tables:
    """The dataset as it was `before` an import replaced it, or as it became `after` it."""
    payload = import_record.snapshot_before if which == "before" else import_record.snapshot_after
    return tables_from_json(payload)
