"""Mutated exports: every file is either refused with located problems or imported exactly, and
nothing outside what it replaces changes.

The seeded database's every dataset is exported (Excel and CSV) and mutated with a seeded random
generator, the way files go wrong in people's hands: rows deleted or duplicated, cells blanked or
garbled, columns swapped or dropped, huge numbers, NUL, markup and formulas, sheets renamed or
added. Each file goes through the import as an upload would (warnings accepted, to reach the
writers as often as possible):

- refused: every problem names where it is (sheet, and row or column for a cell's fault), and a
  dump of every table (without row ids) is what it was;
- imported: the dataset read back, checked like a file, holds exactly what the file said; every
  table outside the dataset and every other scope of the dataset is what it was. The database
  is then restored from its pristine copy for the next file.
"""

from __future__ import annotations

import copy
import csv
import io
import random
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook as NewWorkbook
from openpyxl import load_workbook
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from data_access import db
from data_access.cache import cache
from data_access.importing import FAILED, OK, REFUSED, UNCHANGED, check, formats, import_file
from data_access.importing import files as downloads
from data_access.importing.export import dataset_tables, datasets_available
from data_access.models import Base
from tests.conftest import sqlite_url, use_database

N_FILES = 200
SEED = 15_2026

# The tables each dataset replaces (a plan's targets may unlink observations from a removed target).
DATASET_TABLES = {
    formats.FRAMEWORK: {"frameworks", "pillars", "group_thresholds"},
    formats.SCORES: {"pillar_scores", "published_results"},
    formats.TARGETS: {"plans", "targets", "observations"},
    formats.OBSERVATIONS: {"observations"},
    formats.UNITS: {"units"},
    formats.RESPONSIBILITIES: {"responsibilities"},
    formats.REORGANISATION: {"reorganisations", "units"},  # a merged unit's successor and last ranked year
    formats.REGIONS: {"region_members"},
    formats.INDICES: {"published_indices"},
    formats.TASKS: {"indicators", "indicator_scores"},
    formats.SOURCES: {"sources"},
}
ODD_VALUES = [
    "",
    "   ",
    "abc",
    "x",
    "1,2,3",
    "-1",
    "0",
    "-5,5",
    "1e308",
    99999999999999999999,
    1e300,
    "5_0",
    "５０",
    "nan",
    "inf",
    "2019",
    "2022",
    "department",
    "district",
    "province",
    "hôm qua",
    "x" * 600,
    "<b>đậm</b><script>alert(1)</script>",
    "=1+1",
    "@SUM(A1)",
    "+cmd|' /C calc'!A0",
    "Tốt",
    "có",
]

Tables = dict[str, list[list]]


def dump(engine) -> dict[str, list[tuple]]:
    """Every figure table's rows without their ids (ids of replaced rows change; what they hold must not)."""
    with engine.connect() as conn:
        return {
            table.name: sorted(
                (tuple(row) for row in conn.execute(select(*[c for c in table.columns if c.name != "id"]))), key=repr
            )
            for table in Base.metadata.sorted_tables
            if table.name != "data_changes"
        }


def read_tables(content: bytes, file_format: str) -> Tables:
    if file_format == "csv":
        return {"": [list(row) for row in csv.reader(io.StringIO(content.decode("utf-8-sig")))]}
    book = load_workbook(io.BytesIO(content))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
        if sheet.title != formats.INSTRUCTIONS_SHEET
    }


def write_tables(tables: Tables, file_format: str) -> bytes:
    if file_format == "csv":
        out = io.StringIO()
        csv.writer(out).writerows([["" if v is None else v for v in row] for row in tables[""]])
        return out.getvalue().encode("utf-8")
    book = NewWorkbook(write_only=True)
    for name, rows in tables.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def mutate(tables: Tables, file_format: str, rng: random.Random) -> list[str]:
    """One to three random faults, applied in place; their names, to tell a failure's story."""
    done = []
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(sorted(tables))
        rows = tables[name]
        if len(rows) < 2 or not rows[0]:
            continue
        width = max(len(row) for row in rows)
        for row in rows:
            row.extend([None] * (width - len(row)))
        body = rng.randrange(1, len(rows))
        column = rng.randrange(width)
        kind = rng.choice(
            ["delete_row", "duplicate_row", "blank", "odd", "odd", "odd", "swap", "drop_column", "scale", "nul"]
            + (["rename_sheet", "add_sheet"] if file_format == "xlsx" else ["header"])
        )
        if kind == "delete_row":
            del rows[body]
        elif kind == "duplicate_row":
            rows.insert(rng.randrange(1, len(rows) + 1), list(rows[body]))
        elif kind == "blank":
            rows[body][column] = None
        elif kind == "odd":
            rows[body][column] = rng.choice(ODD_VALUES)
        elif kind == "swap":
            other = rng.randrange(width)
            for row in rows:
                row[column], row[other] = row[other], row[column]
        elif kind == "drop_column":
            for row in rows:
                del row[column]
        elif kind == "scale":
            value = rows[body][column]
            try:
                rows[body][column] = float(str(value).replace(",", ".")) * rng.choice([10, 1000, 1e12, -1])
            except ValueError:
                rows[body][column] = 1e18
        elif kind == "nul":
            text = "ghi\x00chú" if file_format == "csv" else "ghi\u200bchú\u202e"
            rows[body][column] = text
        elif kind == "header":
            rows[0][column] = rng.choice(["", "Cột lạ", "Mã đơn vị", "Năm"])
        elif kind == "rename_sheet":
            tables[rng.choice(["Sheet1", "Diem", "Khung ", name.upper()])] = tables.pop(name)
        elif kind == "add_sheet":
            tables["Ghi chép"] = [["ghi chú"], ["riêng"]]
        done.append(f"{kind}@{name or 'csv'}:{body},{column}")
    return done


def normal(value):
    """Records compared regardless of order and of the row numbers they came from."""
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items() if k != "row"}
    if isinstance(value, list):
        return sorted((normal(v) for v in value), key=repr)
    return value


def what_the_file_says(checked) -> dict:
    """The records of a file as the database should store them: a blank printed maximum is the
    framework's, a blank due year the plan's (as the template's instructions say)."""
    records = checked.validated.records
    if checked.dataset == formats.SCORES:
        framework = checked.catalogue.framework(records["year"], records["level"])
        for unit in records["units"]:
            if not unit["points"]:  # nothing to carry them: warned about, not stored
                unit["score_source"] = dict.fromkeys(unit["score_source"], "")
                unit["score_note"] = dict.fromkeys(unit["score_note"], "")
            for code in set(unit["score_note"]) - set(unit["points"]):  # a pillar without points: no row to hold it
                unit["score_source"][code] = ""
                unit["score_note"][code] = ""
            if unit["published_max"] is None and unit["published_total"] is not None and framework:
                unit["published_max"] = framework.max_total
    if checked.dataset == formats.TARGETS:
        for target in records["targets"]:
            target["due_year"] = target["due_year"] or records["plan"]["plan_year"]
    return normal(records)


def stored_exports(available: list[tuple[str, dict]]) -> dict[str, dict]:
    with Session(db.get_engine()) as session:
        return {
            repr((dataset, scope)): {k: v.astype(str) for k, v in dataset_tables(session, dataset, scope).items()}
            for dataset, scope in available
        }


@pytest.fixture
def pristine(seeded_sqlite_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The seeded database and a way back to it after a file was written."""
    shutil.copy(seeded_sqlite_file, tmp_path / "dti.sqlite3")
    url = sqlite_url(tmp_path)
    engine = use_database(monkeypatch, url)

    @event.listens_for(engine, "connect")
    def no_disk_flush(connection, _record) -> None:
        # A throwaway copy: waiting for the disk on each of the run's hundreds of commits is all cost.
        connection.execute("PRAGMA synchronous = OFF")

    def restore() -> None:
        engine.dispose()
        shutil.copy(seeded_sqlite_file, tmp_path / "dti.sqlite3")
        cache.clear()

    yield engine, restore
    engine.dispose()
    cache.clear()


def test_mutated_exports_are_refused_with_locations_or_imported_exactly(pristine):
    engine, restore = pristine
    with Session(engine) as session:
        available = datasets_available(session)
    assert {dataset for dataset, _ in available} == set(formats.DATASETS)
    bases = {}
    for dataset, scope in available:
        for file_format in ("xlsx", "csv"):
            name, content = downloads.export_file(dataset, scope, file_format)
            bases[(dataset, repr(scope), file_format)] = (name, read_tables(content, file_format))
    # Reading Excel costs twice what CSV does: two files in three are CSV, to keep the run short.
    keys = sorted(bases)
    weights = [1 if file_format == "xlsx" else 2 for _, _, file_format in keys]
    before, exports_before = dump(engine), stored_exports(available)
    rng = random.Random(SEED)
    results = {OK: 0, UNCHANGED: 0, REFUSED: 0}
    for number in range(N_FILES):
        _, _, file_format = key = rng.choices(keys, weights)[0]
        name, base = bases[key]
        tables = copy.deepcopy(base)
        story = mutate(tables, file_format, rng)
        mutated = write_tables(tables, file_format)
        where = f"file {number}: {name} {story}"

        outcome = import_file(mutated, name, user="fuzz", accept_warnings=True)

        assert outcome.result != FAILED, f"{where}: the write failed: {outcome.error}"
        results[outcome.result] += 1
        if outcome.result == REFUSED:
            assert outcome.checked.errors, where
            for issue in outcome.checked.issues:  # the file, or its sheet with the row and/or column
                assert issue.sheet and issue.reason, f"{where}: {issue}"
            assert dump(engine) == before, f"{where}: a refused file changed the database"
            continue
        if outcome.result == UNCHANGED:  # a mutation that left every figure as stored writes nothing
            assert dump(engine) == before, f"{where}: an unchanged file changed the database"

        written = outcome.checked.dataset
        scope = outcome.checked.validated.scope
        read_back = downloads.export_file(written, scope, "csv")[1]
        again = check(read_back, "read-back.csv")
        assert not again.errors, f"{where}: what was written does not read back: {again.errors}"
        said, stored = what_the_file_says(outcome.checked), normal(again.validated.records)
        if written in (formats.UNITS, formats.SOURCES):  # such a file adds and updates; the others are kept
            key = "units" if written == formats.UNITS else "sources"
            stored = {key: [u for u in stored[key] if u["code"] in {r["code"] for r in said[key]}]}
        assert stored == said, f"{where}: the database does not hold what the file says"
        after = dump(engine)
        for table, rows in before.items():
            if table not in DATASET_TABLES[written]:
                assert after[table] == rows, f"{where}: {table} changed"
        # Frameworks, scores and plans are replaced per scope; observations and units files cover their dataset.
        others = [(d, s) for d, s in available if d == written and s != scope and d in (*formats.DATASETS[:3],)]
        exports_after = stored_exports(others)
        for found, tables_now in exports_after.items():
            assert all(tables_now[k].equals(exports_before[found][k]) for k in tables_now), f"{where}: {found}"
        restore()
    # The mutations reach both ends: some files are written, most are refused.
    assert results[OK] >= 10 and results[REFUSED] >= N_FILES // 2, results
