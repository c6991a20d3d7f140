"""Map boundaries an admin imports (GeoJSON), checked against the units, stored whole, read by the maps.

The shipped files (`data_access.geo`) cover the 63 provinces and Bình Phước's districts; the
communes, wards and special zones of 2025 have no shipped boundaries, so an admin loads them
through `/admin`. A file is refused whole unless every feature is a valid polygon of a unit of
one local level (districts or communes) under one province, and it carries its licence text; a
good file replaces that province's set for that level in one transaction that moves the data
version on (a file identical to the stored set changes nothing), and the attempt goes into the
import history like any other file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased

from data_access import db, queries
from data_access.cache import versioned
from data_access.importing.commit import ensure_history_schema
from data_access.importing.issues import Issue
from data_access.importing.parsing import max_upload_bytes
from data_access.models import BoundarySet, ImportRecord, Unit
from domain.boundaries import (
    BOUNDARIES_DATASET,
    ISSUE_SHEET,
    BoundaryIssue,
    CheckedBoundaries,
    check_boundaries,
)
from domain.vocabulary import LEVEL_NAMES_VI, LOCAL_LEVELS

DATASET = BOUNDARIES_DATASET
OK = "ok"
UNCHANGED = "unchanged"
REFUSED = "refused"


@dataclass
class BoundaryCheck:
    """A boundaries file read and checked against the units; nothing written."""

    file_name: str
    sha256: str
    size: int
    checked: CheckedBoundaries
    province_code: str | None = None
    level: str | None = None
    issues: list[BoundaryIssue] = field(default_factory=list)
    # Units of the level under the province that the file draws no boundary for (the map lists them).
    without_boundary: list[str] = field(default_factory=list)

    @property
    def scope(self) -> str:
        if not self.level:
            return ""
        return f"Ranh giới {LEVEL_NAMES_VI.get(self.level, self.level)} · {self.province_code}"


@dataclass
class BoundaryOutcome:
    result: str
    check: BoundaryCheck
    data_version: int | None = None
    record_id: int | None = None


def _units(engine: Engine) -> dict[str, tuple[str, str | None]]:
    """Every unit's code → (kind, parent code)."""
    parent = aliased(Unit)
    statement = select(Unit.code, Unit.kind, parent.code).outerjoin(parent, Unit.parent_id == parent.id)
    with engine.connect() as conn:
        return {code: (kind, parent_code) for code, kind, parent_code in conn.execute(statement)}


def check_file(content: bytes, file_name: str, *, engine: Engine | None = None) -> BoundaryCheck:
    """Read a GeoJSON file and check it: valid polygons, a licence text, and codes that are all units
    of one local level under one province. Every problem is listed, with the feature it is in."""
    engine = engine or db.get_engine()
    sha = hashlib.sha256(content).hexdigest()
    limit = max_upload_bytes()
    if len(content) > limit:
        issue = BoundaryIssue(None, "kích thước", f"tệp {len(content):,} byte, quá giới hạn {limit:,} byte")
        return BoundaryCheck(file_name, sha, len(content), CheckedBoundaries(None, [], "", [issue]), issues=[issue])
    checked = check_boundaries(content)
    result = BoundaryCheck(file_name, sha, len(content), checked, issues=list(checked.issues))
    units = _units(engine)
    positions = {code: n for n, code in enumerate(checked.codes, 1)}
    known = []
    for code in checked.codes:
        if code not in units:
            result.issues.append(
                BoundaryIssue(positions[code], "properties.unit_code", f"mã “{code}” không có trong danh mục đơn vị")
            )
        elif units[code][0] not in LOCAL_LEVELS:
            names = ", ".join(LEVEL_NAMES_VI[level] for level in LOCAL_LEVELS)
            result.issues.append(
                BoundaryIssue(
                    positions[code],
                    "properties.unit_code",
                    f"“{code}” là đơn vị loại {units[code][0]}: chỉ nạp ranh giới cấp {names}",
                )
            )
        else:
            known.append(code)
    scopes = sorted({units[code] for code in known}, key=lambda scope: (scope[0], scope[1] or ""))
    if len(scopes) > 1:
        listed = "; ".join(f"{kind} thuộc {parent}" for kind, parent in scopes)
        result.issues.append(
            BoundaryIssue(None, "properties.unit_code", f"một tệp chỉ chứa một cấp của một tỉnh; tệp có: {listed}")
        )
    elif scopes:
        level, province = scopes[0]
        if province is None or units.get(province, ("", None))[0] != "province":
            result.issues.append(
                BoundaryIssue(None, "properties.unit_code", "các đơn vị trong tệp không trực thuộc một tỉnh")
            )
        result.level, result.province_code = level, province
        result.without_boundary = sorted(
            code for code, (kind, parent) in units.items() if kind == level and parent == province and code not in known
        )
    return result


def _record(check: BoundaryCheck, user: str, result: str, version: int | None) -> ImportRecord:
    issues = [Issue(ISSUE_SHEET, i.feature, i.field, i.reason).as_dict() for i in check.issues]
    report = {"issues": issues, "error": ""}
    return ImportRecord(
        username=user[:80],
        file_name=check.file_name[:255],
        sha256=check.sha256,
        size_bytes=check.size,
        dataset=DATASET,
        scope=check.scope[:200],
        rows_read=len(check.checked.codes),
        rows_written=len(check.checked.codes) if result == OK else 0,
        n_errors=len(check.issues),
        result=result,
        report=json.dumps(report, ensure_ascii=False),
        data_version=version,
    )


def import_boundaries(content: bytes, file_name: str, *, user: str, engine: Engine | None = None) -> BoundaryOutcome:
    """Check a boundaries file and, when it has no problem, store it in place of the province's set
    for that level, in one transaction with the data version; the attempt is recorded either way."""
    engine = engine or db.get_engine()
    ensure_history_schema(engine)
    check = check_file(content, file_name, engine=engine)
    if check.issues or check.checked.collection is None:
        with db.session_scope(engine) as session:
            record = _record(check, user, REFUSED, None)
            session.add(record)
            session.flush()
            return BoundaryOutcome(REFUSED, check, record_id=record.id)
    text = json.dumps(check.checked.collection, ensure_ascii=False, separators=(",", ":"))
    with db.session_scope(engine) as session:
        parent_id = session.execute(select(Unit.id).where(Unit.code == check.province_code)).scalar_one()
        stored = session.execute(
            select(BoundarySet).where(BoundarySet.parent_id == parent_id, BoundarySet.level == check.level)
        ).scalar_one_or_none()
        if stored is not None and stored.geojson == text and stored.attribution == check.checked.attribution:
            version = db.data_version(engine)
            result = UNCHANGED
        else:
            if stored is None:
                stored = BoundarySet(parent_id=parent_id, level=check.level)
                session.add(stored)
            stored.geojson = text
            stored.attribution = check.checked.attribution
            stored.file_name = file_name[:255]
            stored.sha256 = check.sha256
            stored.features = len(check.checked.codes)
            stored.imported_by = user[:80]
            version = db.record_change(session, f"Nạp ranh giới: {check.scope} ({file_name}, {user})")
            result = OK
        record = _record(check, user, result, version)
        session.add(record)
        session.flush()
        return BoundaryOutcome(result, check, version, record.id)


@versioned
def boundaries_for(province_code: str, level: str) -> dict | None:
    """The imported boundaries of a province's units of `level` as a FeatureCollection whose
    `attribution` is the file's licence text; None when none were imported."""
    parent = aliased(Unit)
    statement = (
        select(BoundarySet.geojson, BoundarySet.attribution)
        .join(parent, BoundarySet.parent_id == parent.id)
        .where(parent.code == province_code, BoundarySet.level == level)
    )
    frame = queries.read_frame(statement)
    if frame.empty:
        return None
    collection = json.loads(frame["geojson"].iloc[0])
    collection["attribution"] = frame["attribution"].iloc[0]
    return collection


@versioned
def boundary_sets() -> pd.DataFrame:
    """The stored sets for the admin page: province, level, features, licence text, file, who and when."""
    parent = aliased(Unit)
    statement = select(
        parent.code.label("province_code"),
        parent.name_vi.label("province_name"),
        BoundarySet.level,
        BoundarySet.features,
        BoundarySet.attribution,
        BoundarySet.file_name,
        BoundarySet.imported_by,
        BoundarySet.imported_at,
    ).join(parent, BoundarySet.parent_id == parent.id)
    return queries.read_frame(statement.order_by(parent.code, BoundarySet.level))
