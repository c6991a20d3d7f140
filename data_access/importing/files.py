"""Files to download (templates, exports, earlier versions), named and built the same way for
the `/admin` page and the command line."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from data_access import db
from data_access.importing import export
from data_access.importing import formats as f
from data_access.importing.history import record, snapshot
from data_access.importing.templates import blank_template, file_bytes, file_stem

FORMATS = ("xlsx", "csv")


def _checked(dataset: str, file_format: str) -> None:
    if dataset not in f.DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}")
    if file_format not in FORMATS:
        raise ValueError(f"unknown format {file_format!r}")


def template_file(
    dataset: str, scope: dict, file_format: str = "xlsx", engine: Engine | None = None
) -> tuple[str, bytes]:
    """A blank template (the scores one lists the year's pillars and units, or only the published totals and
    ranks for a year without a framework)."""
    _checked(dataset, file_format)
    with Session(engine or db.get_engine()) as session:
        tables, notes = blank_template(session, dataset, scope)
    return f"mau-{file_stem(dataset, scope)}.{file_format}", file_bytes(dataset, scope, tables, file_format, notes)


def export_file(
    dataset: str, scope: dict, file_format: str = "xlsx", engine: Engine | None = None
) -> tuple[str, bytes]:
    """A dataset as stored, in its template's format (import it back unchanged and nothing changes)."""
    _checked(dataset, file_format)
    with Session(engine or db.get_engine()) as session:
        tables = export.dataset_tables(session, dataset, scope)
    return f"{file_stem(dataset, scope)}.{file_format}", file_bytes(dataset, scope, tables, file_format)


def snapshot_file(
    record_id: int, which: str = "before", file_format: str = "xlsx", engine: Engine | None = None
) -> tuple[str, bytes] | None:
    """The version an import replaced (`before`) or wrote (`after`); None when the record has none."""
    found = record(record_id, engine)
    if found is None or which not in ("before", "after") or file_format not in FORMATS:
        return None
    tables = snapshot(found, which)
    if not tables:
        return None
    stem = "ban-cu" if which == "before" else "ban-nap"
    return (
        f"{stem}-lan-nap-{record_id}.{file_format}",
        file_bytes(found.dataset, {}, tables, file_format, [f"Phiên bản từ lần nạp số {record_id}: {found.scope}"]),
    )


def scope_for(dataset: str, year: int | None = None, level: str | None = None, plan: str | None = None) -> dict:
    """The scope a dataset needs: year and level for frameworks, scores and tasks, a year for published
    indices, a plan code for targets and for the plan's responsibilities."""
    if dataset in (f.FRAMEWORK, f.SCORES, f.TASKS):
        if year is None or level not in f.LEVELS:
            raise ValueError("year and level are needed")
        return {"year": year, "level": level}
    if dataset == f.INDICES:
        if year is None:
            raise ValueError("a year is needed")
        return {"year": year}
    if dataset in (f.TARGETS, f.RESPONSIBILITIES):
        if not plan:
            raise ValueError("a plan code is needed")
        return {"plan": plan}
    return {}
