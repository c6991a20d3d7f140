"""The reorganisation dataset (predecessor → successor, effective date, first year ranked as the
successor): validation, the one-transaction write and the export, registered with the importer's
dispatch tables so the template, preview, history and command line treat it like every dataset.

The file replaces the whole mapping. Writing it also keeps the units consistent with it: a unit
merged into another code gets that successor and, as its last ranked year (`valid_to`), the year
before the successor's first ranked year (2023 for the 2025 provincial merger, which DTI 2024
already ranks as 34 provinces); a unit a previous mapping had ended and this one no longer does gets
both back as they were before (no successor, no end).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, aliased

from data_access.importing import export, locks, preview, validation
from data_access.importing import formats as f
from data_access.importing.catalogue import Catalogue
from data_access.importing.commit import WRITERS, StepHook
from data_access.importing.parsing import ParsedFile
from data_access.models import Reorganisation, Unit
from domain.reorganisation import CHANGE_KINDS, MERGED
from domain.vocabulary import COMMUNE, DISTRICT

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# DTI is published the year after it measures: a successor is first ranked within this many years of its
# effective date (the 2025 merger: DTI 2024), never a decade off, which would be a typing slip.
RANKED_YEAR_SPAN = 2

LENGTHS = {
    "level": validation._length(Reorganisation.__table__.c.level),
    "predecessor_code": validation._length(Unit.__table__.c.code),
    "successor_code": validation._length(Unit.__table__.c.code),
    "effective_date": validation._length(Reorganisation.__table__.c.effective_date),
    "change": validation._length(Reorganisation.__table__.c.change),
}


def _date(value: object) -> str:
    """A date typed as 2025-07-01 (or an Excel date cell)."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    raw = f.text(value)
    if not ISO_DATE.fullmatch(raw):
        raise f.CellError(f"“{raw}” không phải ngày dạng năm-tháng-ngày, ví dụ 2025-07-01")
    try:
        date.fromisoformat(raw)
    except ValueError:
        raise f.CellError(f"“{raw}” không phải một ngày có thật") from None
    return raw


def _check_row(rows: validation.Rows, number: int, record: dict, catalogue: Catalogue) -> None:
    level, kinds = record["level"], f.REORGANISATION_LEVELS.get(record["level"] or "", ())
    for key, header in (("predecessor_code", "Mã đơn vị trước sắp xếp"), ("successor_code", "Mã đơn vị kế thừa")):
        code = record[key]
        unit = catalogue.units.get(code or "")
        if code and unit is None:
            rows.issue(number, header, f"đơn vị “{code}” không có trong danh mục: nạp danh mục đơn vị trước")
        elif unit is not None and key == "predecessor_code" and kinds and unit.kind not in kinds:
            rows.issue(number, header, f"“{code}” là {unit.kind}, không sắp xếp vào cấp {level} được")
        elif unit is not None and key == "successor_code" and kinds and unit.kind != level:
            rows.issue(number, header, f"“{code}” là {unit.kind}, không phải đơn vị cấp {level}")
    keeps_code = record["change"] in CHANGE_KINDS and record["change"] != MERGED
    if keeps_code and record["predecessor_code"] != record["successor_code"]:
        rows.issue(number, "Loại thay đổi", f"“{record['change']}” giữ mã: mã kế thừa phải trùng mã trước sắp xếp")
    effective, first = record["effective_date"], record["first_ranked_year"]
    if effective and first is not None and abs(first - int(effective[:4])) > RANKED_YEAR_SPAN:
        rows.issue(
            number,
            "Năm xếp hạng đầu tiên",
            f"{first} cách ngày hiệu lực {effective} quá {RANKED_YEAR_SPAN} năm: kiểm tra lại",
        )


def _check_stored_results(rows: validation.Rows, number: int, record: dict, catalogue: Catalogue) -> None:
    """An ended unit holds no results of its own from the successor's first ranked year: a stored
    ranking or scores naming it then would say the year ranks it on its own, against the mapping."""
    before, after, first = record["predecessor_code"], record["successor_code"], record["first_ranked_year"]
    if not before or before == after or first is None:
        return
    later = sorted(y for y in catalogue.result_years.get(before, set()) if y >= first)
    if later:
        rows.issue(
            number,
            "Năm xếp hạng đầu tiên",
            f"“{before}” đã có kết quả riêng năm {', '.join(map(str, later))} trong dữ liệu, nhưng từ {first} "
            f"được xếp hạng trong “{after}”: kiểm tra năm, hoặc nạp lại bảng năm đó không có “{before}” trước",
        )


def _check_children(rows: validation.Rows, number: int, record: dict, catalogue: Catalogue) -> None:
    """Ending a unit that has units of its own from the effective year on (a province with 2025
    communes) would leave them answering to a unit that no longer exists: they move first."""
    before, after, effective = record["predecessor_code"], record["successor_code"], record["effective_date"]
    if not before or before == after or not effective:
        return
    start = int(effective[:4])
    later = sorted(
        unit.code
        for unit in catalogue.units.values()
        if unit.parent_code == before
        and (unit.valid_from or (validation.COMMUNES_FROM if unit.kind == COMMUNE else None) or 0) >= start
    )
    if later:
        more = f" và {len(later) - 3} đơn vị khác" if len(later) > 3 else ""
        shown = ", ".join(f"“{code}”" for code in later[:3]) + more
        rows.issue(
            number,
            "Mã đơn vị trước sắp xếp",
            f"“{before}” còn đơn vị trực thuộc từ năm {start} trở đi ({shown}): nạp danh mục đơn vị chuyển chúng "
            f"sang “{after}” trước khi kết thúc “{before}”",
        )


def _divided(record: dict, catalogue: Catalogue) -> bool:
    """Is the row a district's going (in part) to a commune? A district may be divided among several
    communes (each of its rows names one); any other predecessor has one successor per date."""
    unit = catalogue.units.get(record["predecessor_code"] or "")
    return record["level"] == COMMUNE and unit is not None and unit.kind == DISTRICT


def validate_reorganisation(parsed: ParsedFile, catalogue: Catalogue) -> validation.Validated:
    """Each predecessor once per effective date, both units in the catalogue with kinds fitting the
    level, a real date, a first ranked year near it, a known kind of change; no chain (a successor
    that is itself merged elsewhere by the same reorganisation)."""
    validated = validation.Validated(f.REORGANISATION, {})
    sheet = parsed.sheets.get(f.REORGANISATION_SHEET)
    if sheet is None or not sheet.rows:
        validation._no_rows(validated, f.REORGANISATION_SHEET)
        return validated
    rows = validation.Rows(sheet, f.REORGANISATION_COLUMNS, validated.issues, lengths=LENGTHS)
    records: list[tuple[int, dict]] = []
    seen: dict[object, int] = {}
    for number, cells, _ in rows:
        validated.rows_read += 1
        level = rows.read(number, cells, "level")
        if level is not None and level not in f.REORGANISATION_LEVELS:
            rows.issue(number, "Cấp", f"cấp “{level}” không có: dùng {', '.join(f.REORGANISATION_LEVELS)}")
        change = rows.read(number, cells, "change")
        if change is not None and change not in CHANGE_KINDS:
            rows.issue(number, "Loại thay đổi", f"“{change}” không có: dùng {', '.join(CHANGE_KINDS)}")
        record = {
            "level": level,
            "predecessor_code": rows.read(number, cells, "predecessor_code"),
            "successor_code": rows.read(number, cells, "successor_code"),
            "successor_name_vi": rows.read(number, cells, "successor_name_vi") or "",
            "effective_date": rows.read(number, cells, "effective_date", _date),
            "first_ranked_year": rows.read(number, cells, "first_ranked_year", f.integer),
            "change": change,
            "source": rows.read(number, cells, "source"),
            "note": rows.read(number, cells, "note") or "",
        }
        _check_row(rows, number, record, catalogue)
        key = (record["predecessor_code"], record["effective_date"]) if record["predecessor_code"] else None
        if key is not None and _divided(record, catalogue):
            # A district's area went to several communes: one row per commune it went to.
            key = (*key, record["successor_code"])
        if key is not None and key in seen:
            rows.issue(
                number,
                "Mã đơn vị trước sắp xếp",
                f"“{key[0]}” đã có ở dòng {seen[key]} cho cùng ngày hiệu lực {key[1]}"
                + (f" và cùng đơn vị kế thừa “{key[2]}”" if len(key) == 3 else ""),
            )
        elif key is not None:
            seen[key] = number
        records.append((number, record))
    moves = {
        (r["predecessor_code"], r["effective_date"]): r["successor_code"]
        for _, r in records
        if r["predecessor_code"] != r["successor_code"]
    }
    for number, record in records:
        onward = moves.get((record["successor_code"], record["effective_date"]))
        if record["predecessor_code"] != record["successor_code"] and onward is not None:
            rows.issue(
                number,
                "Mã đơn vị kế thừa",
                f"“{record['successor_code']}” cũng được sáp nhập vào “{onward}” cùng ngày: ghi thẳng đơn vị cuối",
            )
    for number, record in records:
        _check_stored_results(rows, number, record, catalogue)
        _check_children(rows, number, record, catalogue)
    validated.scope = {}
    validated.records = {"reorganisation": [record for _, record in records]}
    return validated


def _write(session: Session, records: dict, hook: StepHook) -> tuple[int, int]:
    units = {u.code: u for u in session.execute(select(Unit)).scalars()}
    by_id = {u.id: u for u in units.values()}
    previous = session.execute(select(Reorganisation)).scalars().all()
    removed = session.execute(delete(Reorganisation)).rowcount
    hook("replaced")
    ending = {r["predecessor_code"] for r in records["reorganisation"] if r["predecessor_code"] != r["successor_code"]}
    # A predecessor with several successors (a district divided among communes) ends with none of its own.
    successors: dict[str, set[str]] = {}
    for r in records["reorganisation"]:
        if r["predecessor_code"] != r["successor_code"]:
            successors.setdefault(r["predecessor_code"], set()).add(r["successor_code"])
    was_divided = {
        p for p, n in Counter(o.predecessor_id for o in previous if o.predecessor_id != o.successor_id).items() if n > 1
    }
    for old in previous:
        unit = by_id[old.predecessor_id]
        set_by_mapping = (None, old.successor_id) if old.predecessor_id in was_divided else (old.successor_id,)
        if (
            old.predecessor_id != old.successor_id
            and unit.code not in ending
            and unit.successor_id in set_by_mapping
            and unit.valid_to == old.first_ranked_year - 1
        ):
            unit.successor_id = None
            unit.valid_to = None
    for order, r in enumerate(records["reorganisation"], 1):
        predecessor, successor = units[r["predecessor_code"]], units[r["successor_code"]]
        session.add(
            Reorganisation(
                level=r["level"],
                predecessor_id=predecessor.id,
                successor_id=successor.id,
                successor_name_vi=r["successor_name_vi"],
                effective_date=r["effective_date"],
                first_ranked_year=r["first_ranked_year"],
                change=r["change"],
                sort_order=order,
                source=r["source"],
                note=r["note"],
            )
        )
        if predecessor is not successor:
            divided = len(successors[r["predecessor_code"]]) > 1
            predecessor.successor_id = None if divided else successor.id
            predecessor.valid_to = r["first_ranked_year"] - 1
    hook("written")
    return len(records["reorganisation"]), removed


def reorganisation_tables(session: Session) -> export.Tables:
    predecessor, successor = aliased(Unit), aliased(Unit)
    records = [
        {
            "level": row.level,
            "predecessor_code": predecessor_code,
            "successor_code": successor_code,
            "successor_name_vi": row.successor_name_vi,
            "effective_date": row.effective_date,
            "first_ranked_year": row.first_ranked_year,
            "change": row.change,
            "source": row.source,
            "note": row.note,
        }
        for row, predecessor_code, successor_code in session.execute(
            select(Reorganisation, predecessor.code, successor.code)
            .join(predecessor, Reorganisation.predecessor_id == predecessor.id)
            .join(successor, Reorganisation.successor_id == successor.id)
            .order_by(Reorganisation.sort_order, Reorganisation.id)
        )
    ]
    return {f.REORGANISATION_SHEET: export._frame(f.REORGANISATION_COLUMNS, records)}


def register() -> None:
    """Hook the dataset into the importer's dispatch tables (validation, write, export, preview, lock)."""
    validation.VALIDATORS[f.REORGANISATION] = validate_reorganisation
    WRITERS[f.REORGANISATION] = _write
    export.EXTRA_TABLES[f.REORGANISATION] = lambda session, _scope: reorganisation_tables(session)
    export.ALWAYS_LISTED.append(f.REORGANISATION)
    preview.ROW_COLUMNS[f.REORGANISATION] = ("reorganisation", f.REORGANISATION_COLUMNS)
    locks.SHARED_LOCKS[f.REORGANISATION] = f.UNITS
