"""Writing a validated file: one transaction, all or nothing, recorded in the import history.

A file with errors (or with warnings the importer did not accept) writes nothing. A good file
replaces its whole dataset (a year and level's scores, a framework, a plan's targets, a unit's
observations) in one transaction that also moves the data version on, so every cached view shows
the new figures at once; the replaced version is kept in the import record and can be
downloaded and imported again. A file whose figures are those already stored writes nothing and
leaves the data version where it was ("không thay đổi"): re-importing last year's export must not
make every cache and the wall screen redraw for nothing. A failure part-way rolls everything back
and is recorded as such.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from data_access import db
from data_access.importing import export, locks
from data_access.importing import formats as f
from data_access.importing.catalogue import Catalogue, load_catalogue
from data_access.importing.issues import Issue
from data_access.importing.parsing import parse_file
from data_access.importing.preview import preview
from data_access.importing.templates import scope_label, tables_to_json
from data_access.importing.validation import Validated, validate
from data_access.models import (
    Framework,
    GroupThreshold,
    HistoryBase,
    ImportRecord,
    Indicator,
    IndicatorScore,
    Observation,
    Pillar,
    PillarScore,
    Plan,
    PublishedIndex,
    PublishedResult,
    RegionMember,
    Responsibility,
    Source,
    Target,
    Unit,
)

log = logging.getLogger("dti.import")

OK = "ok"
UNCHANGED = "unchanged"
REFUSED = "refused"
FAILED = "failed"

StepHook = Callable[[str], None]


@dataclass
class Checked:
    """A file read and validated, not written: what the preview shows and what `commit` re-checks."""

    file_name: str
    sha256: str
    size: int
    validated: Validated
    catalogue: Catalogue | None
    preview: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def dataset(self) -> str | None:
        return self.validated.dataset

    @property
    def issues(self) -> list[Issue]:
        return self.validated.issues

    @property
    def errors(self) -> list[Issue]:
        return self.validated.errors

    @property
    def warnings(self) -> list[Issue]:
        return self.validated.warnings

    @property
    def label(self) -> str:
        if not self.dataset:
            return ""
        names = {code: unit.name_vi for code, unit in self.catalogue.units.items()} if self.catalogue else {}
        return scope_label(self.dataset, self.validated.scope, unit_names=names)


@dataclass
class Outcome:
    """How an import ended: `result` is ok, refused or failed; `record_id` names its history row."""

    result: str
    record_id: int | None
    checked: Checked
    rows_written: int = 0
    rows_replaced: int = 0
    data_version: int | None = None
    error: str = ""


def ensure_history_schema(engine: Engine | None = None) -> None:
    """The import history's table, created where missing (it is never dropped with the figures)."""
    HistoryBase.metadata.create_all(engine or db.get_engine())


def check(content: bytes, file_name: str, *, engine: Engine | None = None, max_bytes: int | None = None) -> Checked:
    """Parse and validate a file against the database, and compute its preview; writes nothing."""
    engine = engine or db.get_engine()
    parsed = parse_file(content, file_name, max_bytes=max_bytes)
    catalogue = None
    if parsed.dataset is not None:
        with engine.connect() as conn:
            catalogue = load_catalogue(conn)
    validated = validate(parsed, catalogue)
    checked = Checked(parsed.file_name, parsed.sha256, parsed.size, validated, catalogue)
    if catalogue is not None and not validated.errors:
        checked.preview = preview(validated, catalogue)
    return checked


# --- writers: each returns (rows written, rows replaced) -------------------------------------------


def _unit_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Unit.code, Unit.id)).all())


def _write_framework(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    framework = session.execute(
        select(Framework).where(Framework.year == records["year"], Framework.level == records["level"])
    ).scalar_one_or_none()
    if framework is None:
        framework = Framework(year=records["year"], level=records["level"])
        session.add(framework)
        session.flush()
    existing = {p.code: p for p in framework.pillars}
    replaced = len(existing) + len(framework.thresholds)
    incoming = {p["code"] for p in records["pillars"]}
    for code, pillar in existing.items():
        if code not in incoming:
            session.delete(pillar)
    session.execute(delete(GroupThreshold).where(GroupThreshold.framework_id == framework.id))
    session.expire(framework, ["thresholds"])
    hook("replaced")
    fields = (
        "name_vi",
        "name_en",
        "pillar_group",
        "max_points",
        "n_indicators",
        "counts_in_total",
        "sort_order",
        "source",
        "note",
    )
    for record in records["pillars"]:
        pillar = existing.get(record["code"])
        if pillar is None:
            pillar = Pillar(framework_id=framework.id, code=record["code"])
            session.add(pillar)
        for name in fields:
            setattr(pillar, name, record[name])
    for record in records["groups"]:
        session.add(GroupThreshold(framework_id=framework.id, **record))
    hook("written")
    return len(records["pillars"]) + len(records["groups"]), replaced


def _write_scores(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    year, level = records["year"], records["level"]
    pillars = dict(
        session.execute(
            select(Pillar.code, Pillar.id)
            .join(Framework, Pillar.framework_id == Framework.id)
            .where(Framework.year == year, Framework.level == level)
        ).all()
    )
    maximum = session.execute(
        select(func.sum(Pillar.max_points))
        .join(Framework, Pillar.framework_id == Framework.id)
        .where(Framework.year == year, Framework.level == level, Pillar.counts_in_total.is_(True))
    ).scalar_one()
    units = _unit_ids(session)
    removed = session.execute(delete(PillarScore).where(PillarScore.pillar_id.in_(pillars.values()))).rowcount
    removed += session.execute(
        delete(PublishedResult).where(PublishedResult.year == year, PublishedResult.level == level)
    ).rowcount
    hook("replaced")
    written = 0
    for record in records["units"]:
        unit_id = units[record["unit_code"]]
        for code, points in record["points"].items():
            session.add(
                PillarScore(
                    unit_id=unit_id,
                    pillar_id=pillars[code],
                    points=points,
                    source=record["score_source"].get(code, ""),
                    note=record["score_note"].get(code, ""),
                )
            )
            written += 1
        published = (record["published_total"], record["published_rank"], record["published_group"])
        if any(v not in (None, "") for v in published) or record["median_method"]:
            printed_max = record["published_max"]
            if printed_max is None and record["published_total"] is not None:
                printed_max = maximum
            session.add(
                PublishedResult(
                    year=year,
                    level=level,
                    unit_id=unit_id,
                    total=record["published_total"],
                    max_total=printed_max,
                    rank=record["published_rank"],
                    group_name=record["published_group"],
                    median_method=record["median_method"],
                    source=record["published_source"],
                    note=record["published_note"],
                )
            )
            written += 1
    hook("written")
    return written, removed


def _write_targets(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    meta = records["plan"]
    units = _unit_ids(session)
    plan = session.execute(select(Plan).where(Plan.code == meta["plan_code"])).scalar_one_or_none()
    if plan is None:
        plan = Plan(code=meta["plan_code"])
        session.add(plan)
    plan.title_vi = meta["plan_title"]
    plan.year = meta["plan_year"]
    plan.unit_id = units.get(meta.get("plan_unit")) if meta.get("plan_unit") else None
    plan.source = meta.get("plan_source") or ""
    session.flush()
    existing = {t.code: t for t in session.execute(select(Target).where(Target.plan_id == plan.id)).scalars()}
    incoming = {t["code"] for t in records["targets"]}
    gone = [t.id for code, t in existing.items() if code not in incoming]
    if gone:
        # Observations are dated facts: a target that leaves the plan unlinks them, never deletes them.
        session.execute(update(Observation).where(Observation.target_id.in_(gone)).values(target_id=None))
        session.execute(delete(Target).where(Target.id.in_(gone)))
    hook("replaced")
    for order, record in enumerate(records["targets"], 1):
        target = existing.get(record["code"])
        if target is None:
            target = Target(plan_id=plan.id, code=record["code"])
            session.add(target)
        for name in (
            "pillar_code",
            "name_vi",
            "target_value",
            "target_unit",
            "comparator",
            "level_detail",
            "source",
            "note",
        ):
            setattr(target, name, record[name])
        target.due_year = record["due_year"] or plan.year
        target.sort_order = order
    hook("written")
    return len(records["targets"]), len(existing)


def _write_observations(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    units = _unit_ids(session)
    rows = records["observations"]
    unit_ids = sorted({units[r["unit_code"]] for r in rows})
    targets = {
        (plan, code): target_id
        for plan, code, target_id in session.execute(select(Plan.code, Target.code, Target.id).join(Target))
    }
    removed = session.execute(delete(Observation).where(Observation.unit_id.in_(unit_ids))).rowcount
    hook("replaced")
    for r in rows:
        session.add(
            Observation(
                indicator_code=r["indicator_code"],
                target_id=targets.get((r["plan_code"], r["target_code"])) if r["target_code"] else None,
                unit_id=units[r["unit_code"]],
                name_vi=r["name_vi"],
                pillar_code=r["pillar_code"],
                period=r["period"],
                value=r["value"],
                value_unit=r["value_unit"],
                numerator=r["numerator"],
                denominator=r["denominator"],
                source=r["source"],
                note=r["note"],
            )
        )
    hook("written")
    return len(rows), removed


def _write_units(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    existing = {u.code: u for u in session.execute(select(Unit)).scalars()}
    updated = 0
    for record in records["units"]:
        unit = existing.get(record["code"])
        if unit is None:
            unit = Unit(code=record["code"])
            session.add(unit)
            existing[record["code"]] = unit
        else:
            updated += 1
        for name in ("name_vi", "name_en", "kind", "valid_from", "valid_to", "source", "note"):
            setattr(unit, name, record[name])
    session.flush()
    hook("replaced")
    for record in records["units"]:
        unit = existing[record["code"]]
        unit.parent_id = existing[record["parent_code"]].id if record["parent_code"] else None
        unit.successor_id = existing[record["successor_code"]].id if record["successor_code"] else None
    hook("written")
    return len(records["units"]), updated


def _write_responsibilities(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    plan_id = session.execute(select(Plan.id).where(Plan.code == records["plan_code"])).scalar_one()
    units = _unit_ids(session)
    removed = session.execute(delete(Responsibility).where(Responsibility.plan_id == plan_id)).rowcount
    hook("replaced")
    for order, r in enumerate(records["responsibilities"], 1):
        session.add(
            Responsibility(
                plan_id=plan_id,
                pillar_code=r["pillar_code"],
                target_code=r["target_code"],
                unit_id=units[r["unit_code"]] if r["unit_code"] else None,
                responsible_name=r["responsible_name"],
                duty=r["duty"],
                sort_order=order,
                source=r["source"],
                note=r["note"],
            )
        )
    hook("written")
    return len(records["responsibilities"]), removed


def _write_regions(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    units = _unit_ids(session)
    removed = session.execute(delete(RegionMember)).rowcount
    hook("replaced")
    for r in records["regions"]:
        session.add(
            RegionMember(
                region_code=r["region_code"],
                region_name_vi=r["region_name_vi"],
                region_name_en=r["region_name_en"],
                sort_order=r["sort_order"],
                unit_id=units[r["unit_code"]],
                source=r["source"],
                note=r["note"],
            )
        )
    hook("written")
    return len(records["regions"]), removed


def _write_indices(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    units = _unit_ids(session)
    removed = session.execute(delete(PublishedIndex).where(PublishedIndex.year == records["year"])).rowcount
    hook("replaced")
    for r in records["indices"]:
        session.add(
            PublishedIndex(
                year=records["year"],
                unit_id=units[r["unit_code"]],
                index_code=r["index_code"],
                value=r["value"],
                rank=r["rank"],
                source=r["source"],
                note=r["note"],
            )
        )
    hook("written")
    return len(records["indices"]), removed


def _write_tasks(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    pillars = dict(
        session.execute(
            select(Pillar.code, Pillar.id)
            .join(Framework, Pillar.framework_id == Framework.id)
            .where(Framework.year == records["year"], Framework.level == records["level"])
        ).all()
    )
    stored = select(Indicator.id).where(Indicator.pillar_id.in_(pillars.values()))
    removed = session.execute(delete(IndicatorScore).where(IndicatorScore.indicator_id.in_(stored))).rowcount
    removed += session.execute(delete(Indicator).where(Indicator.pillar_id.in_(pillars.values()))).rowcount
    hook("replaced")
    units = _unit_ids(session)
    written = 0
    for order, task in enumerate(records["tasks"], 1):
        indicator = Indicator(
            pillar_id=pillars[task["pillar_code"]],
            code=task["code"],
            name_vi=task["name_vi"],
            target_text=task["target_text"],
            max_points=task["max_points"],
            sort_order=order,
            source=task["source"],
            note=task["note"],
        )
        session.add(indicator)
        session.flush()
        for r in task["results"]:
            session.add(
                IndicatorScore(
                    unit_id=units[r["unit_code"]],
                    indicator_id=indicator.id,
                    value=r["value"],
                    value_unit=r["value_unit"],
                    points=r["points"],
                    source=r["source"],
                    note=r["note"],
                )
            )
        written += 1 + len(task["results"])
    hook("written")
    return written, removed


def _write_sources(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    existing = {s.code: s for s in session.scalars(select(Source))}
    hook("replaced")
    updated = 0
    for r in records["sources"]:
        source = existing.get(r["code"])
        if source is None:
            session.add(Source(**r))
            continue
        updated += 1
        for key, value in r.items():
            setattr(source, key, value)
    hook("written")
    return len(records["sources"]), updated


WRITERS: dict[str, Callable[[Session, dict, StepHook], tuple[int, int]]] = {
    f.FRAMEWORK: _write_framework,
    f.SCORES: _write_scores,
    f.TARGETS: _write_targets,
    f.OBSERVATIONS: _write_observations,
    f.UNITS: _write_units,
    f.RESPONSIBILITIES: _write_responsibilities,
    f.REGIONS: _write_regions,
    f.INDICES: _write_indices,
    f.TASKS: _write_tasks,
    f.SOURCES: _write_sources,
}


class _Unchanged(Exception):
    """Raised inside the import's transaction to roll back a write that changed no figure."""


def same_tables(before: export.Tables, after: export.Tables) -> bool:
    """Do two versions of a dataset hold the same figures? Compared as the history stores them (whole
    numbers as integers), so 25 and 25.0, or a row's new id, are no change."""
    return tables_to_json(before) == tables_to_json(after)


def failure_reason(exc: Exception) -> str:
    """What the history and the page say about a failed write: the kind of failure in words, never
    the database's message, which quotes the SQL statement and the file's values (the log has it all)."""
    if isinstance(exc, DBAPIError):
        return f"lỗi của cơ sở dữ liệu khi ghi ({type(exc).__name__}); chi tiết ở nhật ký máy chủ"
    if isinstance(exc, SQLAlchemyError):
        return f"lỗi khi ghi ({type(exc).__name__}); chi tiết ở nhật ký máy chủ"
    return f"{type(exc).__name__}: {exc}"


def _report(issues: list[Issue], error: str = "") -> str:
    return json.dumps({"issues": [i.as_dict() for i in issues], "error": error}, ensure_ascii=False)


def _record(checked: Checked, user: str, result: str, **values) -> ImportRecord:
    # Cut to the history's column lengths: a record that cannot be stored would lose the attempt itself.
    return ImportRecord(
        username=user[:80],
        file_name=checked.file_name[:255],
        sha256=checked.sha256,
        size_bytes=checked.size,
        dataset=checked.dataset or "",
        scope=checked.label[:200],
        rows_read=checked.validated.rows_read,
        n_errors=len(checked.errors),
        n_warnings=len(checked.warnings),
        result=result,
        **values,
    )


def _save_record(engine: Engine, record: ImportRecord) -> int:
    with db.session_scope(engine) as session:
        session.add(record)
        session.flush()
        return record.id


def commit(
    checked: Checked,
    *,
    user: str,
    accept_warnings: bool = False,
    engine: Engine | None = None,
    step_hook: StepHook | None = None,
) -> Outcome:
    """Write a checked file in one transaction, or refuse it; either way the attempt is recorded.

    `step_hook` is called with "replaced" (old rows gone, new not yet written) and "written"
    (new rows added, data version not yet moved): an exception from it aborts the import the way
    a failure of the database part-way would, which is how tests prove the all-or-nothing.
    """
    engine = engine or db.get_engine()
    ensure_history_schema(engine)
    hook = step_hook or (lambda _step: None)
    if checked.errors or checked.dataset is None or (checked.warnings and not accept_warnings):
        record = _record(checked, user, REFUSED, report=_report(checked.issues))
        return Outcome(REFUSED, _save_record(engine, record), checked)
    validated = checked.validated
    try:
        with db.session_scope(engine) as session:
            locks.hold(session, locks.lock_name(validated.dataset, validated.scope), user)
            before = export.dataset_tables(session, validated.dataset, validated.scope)
            written, replaced = WRITERS[validated.dataset](session, validated.records, hook)
            session.flush()
            after = export.dataset_tables(session, validated.dataset, validated.scope)
            if same_tables(before, after):
                raise _Unchanged
            version = db.record_change(session, f"Nạp dữ liệu: {checked.label} ({checked.file_name}, {user})")
            record = _record(
                checked,
                user,
                OK,
                rows_written=written,
                rows_replaced=replaced,
                warnings_accepted=bool(checked.warnings),
                report=_report(checked.issues),
                data_version=version,
                snapshot_before=tables_to_json(before) if export.row_count(before) else "",
                snapshot_after=tables_to_json(after),
            )
            session.add(record)
            session.flush()
            record_id = record.id
    except _Unchanged:  # rolled back: the stored figures and the data version stay as they were
        version = db.data_version(engine)
        record = _record(
            checked,
            user,
            UNCHANGED,
            rows_written=0,
            rows_replaced=0,
            warnings_accepted=bool(checked.warnings),
            report=_report(checked.issues),
            data_version=version,
        )
        return Outcome(UNCHANGED, _save_record(engine, record), checked, 0, 0, version)
    except locks.ImportBusy:
        record = _record(checked, user, REFUSED, report=_report(checked.issues, locks.BUSY))
        try:
            record_id = _save_record(engine, record)
        except OperationalError:  # SQLite still busy with the other import: say so all the same
            log.warning("Import of %s refused (another import is running); not recorded", checked.file_name)
            record_id = None
        return Outcome(REFUSED, record_id, checked, error=locks.BUSY)
    except Exception as exc:  # any failure part-way: the transaction is rolled back, the attempt recorded
        log.exception("Import of %s failed and was rolled back", checked.file_name)
        error = failure_reason(exc)
        record = _record(checked, user, FAILED, report=_report(checked.issues, error))
        return Outcome(FAILED, _save_record(engine, record), checked, error=error)
    return Outcome(OK, record_id, checked, written, replaced, version)


def import_file(
    content: bytes,
    file_name: str,
    *,
    user: str,
    accept_warnings: bool = False,
    engine: Engine | None = None,
    max_bytes: int | None = None,
    step_hook: StepHook | None = None,
) -> Outcome:
    """Check and commit a file: the one path of the command line and the `/admin` upload."""
    checked = check(content, file_name, engine=engine, max_bytes=max_bytes)
    return commit(checked, user=user, accept_warnings=accept_warnings, engine=engine, step_hook=step_hook)
