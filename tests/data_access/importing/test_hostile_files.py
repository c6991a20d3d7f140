"""Files that used to lose data, crash or stall the import: each is refused (or warned about) with
where and why, through the one path of the `/admin` upload and the command line, writing nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from data_access import db
from data_access.importing import REFUSED, formats, import_file
from data_access.importing.cli import data_cli
from data_access.importing.files import template_file
from data_access.importing.history import history, record, report_issues
from data_access.models import Base

INFLATED_BYTES = 200 * 1024 * 1024


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def inflating_workbook(template: bytes) -> bytes:
    """The units template with its units sheet padded by 200 MB of identical rows: about 1 MB on disk."""
    source = zipfile.ZipFile(io.BytesIO(template))
    padded = sorted(e.filename for e in source.infolist() if e.filename.startswith("xl/worksheets/sheet"))[-1]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename != padded:
                bomb.writestr(entry, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            with bomb.open(entry.filename, "w", force_zip64=True) as sheet:
                sheet.write(head)
                block = b"<row><c><v>1</v></c></row>" * 40_000
                for _ in range(INFLATED_BYTES // len(block)):
                    sheet.write(block)
                sheet.write(b"</sheetData>" + tail)
    return out.getvalue()


@pytest.mark.parametrize("fresh_db", ["sqlite"], indirect=True)
def test_an_inflating_spreadsheet_is_refused_before_it_is_unpacked(fresh_db, tmp_path: Path):
    content = inflating_workbook(template_file(formats.UNITS, {})[1])
    unpacked = sum(entry.file_size for entry in zipfile.ZipFile(io.BytesIO(content)).infolist())
    assert len(content) < 2 * 1024 * 1024 and unpacked > 0.99 * INFLATED_BYTES
    counts, version = row_counts(fresh_db), db.data_version()

    outcome = import_file(content, "don-vi.xlsx", user="tester")

    assert outcome.result == REFUSED
    [issue] = outcome.checked.issues
    assert issue.sheet == "don-vi.xlsx" and "khi giải nén lên tới" in issue.reason and "giới hạn" in issue.reason
    assert report_issues(record(outcome.record_id))[0][0]["reason"] == issue.reason

    path = tmp_path / "bom.xlsx"
    path.write_bytes(content)
    refused = CliRunner().invoke(data_cli, ["import", str(path), "--user", "cli"])
    assert refused.exit_code == 1 and "khi giải nén lên tới" in refused.output
    assert list(history()["result"]) == [REFUSED, REFUSED]
    assert (row_counts(fresh_db), db.data_version()) == (counts, version)
