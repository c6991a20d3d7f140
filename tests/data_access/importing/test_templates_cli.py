"""Templates (Vietnamese headers, an instructions sheet, the year's pillars) and the `flask data` commands."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from data_access.importing import OK, formats, import_file
from data_access.importing import files as downloads
from data_access.importing.cli import data_cli
from data_access.importing.history import history
from tests.data_access.importing.files import Workbook, exported, seed_pillars, seed_totals

YEAR, LEVEL = 2022, "department"


def instructions_text(content: bytes) -> str:
    """Every cell of a template's instructions sheet, as one text."""
    sheet = load_workbook(io.BytesIO(content))[formats.INSTRUCTIONS_SHEET]
    return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell)


@pytest.mark.parametrize("dataset", formats.DATASETS)
def test_every_template_has_instructions_then_its_sheets_with_vietnamese_headers(seeded_db, dataset: str):
    scope = {"year": YEAR, "level": LEVEL} if dataset == formats.SCORES else {}
    name, content = downloads.template_file(dataset, scope)
    assert name.endswith(".xlsx")
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == [formats.INSTRUCTIONS_SHEET, *formats.SHEETS[dataset]]
    instructions = [c for row in book[formats.INSTRUCTIONS_SHEET].iter_rows(values_only=True) for c in row if c]
    for sheet, columns in formats.SHEETS[dataset].items():
        headers = [c.value for c in book[sheet][1]]
        for column in columns:
            assert column.header in headers
            assert column.header in instructions
        assert sheet in instructions


def test_the_scores_template_lists_the_years_pillars_and_units(seeded_db):
    _name, content = downloads.template_file(formats.SCORES, {"year": YEAR, "level": LEVEL})
    sheet = load_workbook(io.BytesIO(content))[formats.SCORES_SHEET]
    headers = [c.value for c in sheet[1]]
    for code, pillar in seed_pillars(YEAR, LEVEL).items():
        assert formats.pillar_header(code, pillar["pillar_name_vi"]) in headers
    codes = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert codes == set(seed_totals(YEAR, LEVEL))
    instructions = instructions_text(content)
    assert all(f"tối đa {float(p['max_points']):g} điểm" in instructions for p in seed_pillars(YEAR, LEVEL).values())


def test_a_new_year_starts_from_the_latest_framework_and_then_has_its_scores_template(fresh_db):
    """A data officer starting 2023 downloads its framework template (2022's, written out for 2023),
    changes what the method changed, imports it, and can then download the 2023 scores template."""
    name, content = downloads.template_file(formats.FRAMEWORK, {"year": 2023, "level": LEVEL})
    assert name == "mau-khung-2023-department.xlsx"
    book = load_workbook(io.BytesIO(content))
    sheet = book[formats.FRAMEWORK_SHEET]
    headers = [c.value for c in sheet[1]]
    rows = [dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    pillars_2022 = seed_pillars(YEAR, LEVEL)
    assert {row["Mã chỉ số"] for row in rows} == set(pillars_2022)
    assert {row["Năm"] for row in rows} == {2023}
    assert {c.value for c in book[formats.GROUPS_SHEET]["A"][1:]} == {2023}
    instructions = " ".join(
        str(c) for row in book[formats.INSTRUCTIONS_SHEET].iter_rows(values_only=True) for c in row if c
    )
    assert "Chép từ khung năm 2022" in instructions

    # The 2023 method renames one index; everything else carries over.
    renamed = next(r for r in sheet.iter_rows(min_row=2) if r[headers.index("Mã chỉ số")].value == "awareness")
    renamed[headers.index("Tên chỉ số")].value = "Nhận thức số (phương pháp 2023)"
    edited = io.BytesIO()
    book.save(edited)
    outcome = import_file(edited.getvalue(), "khung-2023.xlsx", user="tester")
    assert outcome.result == OK, outcome.checked.issues

    _name, scores = downloads.template_file(formats.SCORES, {"year": 2023, "level": LEVEL})
    score_headers = [c.value for c in load_workbook(io.BytesIO(scores))[formats.SCORES_SHEET][1]]
    assert formats.pillar_header("awareness", "Nhận thức số (phương pháp 2023)") in score_headers
    # The stored year now offers itself for correction rather than a copy.
    _name, again = downloads.template_file(formats.FRAMEWORK, {"year": 2023, "level": LEVEL})
    assert "Khung năm 2023 đang lưu" in instructions_text(again)


def test_csv_template_is_utf8_with_a_byte_order_mark(seeded_db):
    _name, content = downloads.template_file(formats.UNITS, {}, "csv")
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig").splitlines()[0].split(",")[:3] == ["Mã đơn vị", "Tên đơn vị", "Tên tiếng Anh"]


def run(*args: str):
    return CliRunner().invoke(data_cli, list(args), catch_exceptions=False)


def test_cli_template_export_import_and_history(fresh_db, tmp_path):
    result = run("template", "scores", "--year", str(YEAR), "--level", LEVEL, "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"mau-diem-{YEAR}-{LEVEL}.xlsx").exists()
    assert run("template", "scores", "-o", str(tmp_path)).exit_code == 2  # --year and --level are needed

    assert (
        run("export", "scores", "--year", str(YEAR), "--level", LEVEL, "--format", "csv", "-o", str(tmp_path)).exit_code
        == 0
    )
    exported_file = tmp_path / f"diem-{YEAR}-{LEVEL}.csv"
    assert exported_file.read_bytes() == exported(formats.SCORES, {"year": YEAR, "level": LEVEL}, "csv")

    dry = run("import", str(exported_file), "--dry-run")
    assert dry.exit_code == 0 and "0 lỗi" in dry.output
    assert history().empty

    unchanged = run("import", str(exported_file), "--user", "cli-user")
    assert unchanged.exit_code == 0, unchanged.output
    assert "Không thay đổi" in unchanged.output

    rows = list(csv.reader(io.StringIO(exported_file.read_text(encoding="utf-8-sig"))))
    rows[1][rows[0].index("Ghi chú công bố")] = "Đính chính theo văn bản mới"
    edited = tmp_path / "diem-dinh-chinh.csv"
    with edited.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    ok = run("import", str(edited), "--user", "cli-user")
    assert ok.exit_code == 0, ok.output
    assert "Đã nạp" in ok.output

    book = Workbook(exported(formats.SCORES, {"year": YEAR, "level": LEVEL}), formats.SCORES_SHEET)
    unit = sorted(seed_totals(YEAR, LEVEL))[0]
    row = book.set(unit, "awareness", -1)
    bad = tmp_path / "loi.xlsx"
    bad.write_bytes(book.bytes())
    refused = CliRunner().invoke(data_cli, ["import", str(bad), "--user", "cli-user"])
    assert refused.exit_code == 1
    assert f"dòng {row}" in refused.output and "điểm âm (-1)" in refused.output

    listed = run("history")
    assert listed.output.count("cli-user") == 3
    assert all(result in listed.output for result in ("refused", "ok", "unchanged"))
    records = history()
    shown = run("history", "--show", str(records["id"].iloc[0]))
    assert "điểm âm (-1)" in shown.output
    previous = run("history", "--snapshot", str(records["id"].iloc[1]), "-o", str(tmp_path / "cu.xlsx"))
    assert previous.exit_code == 0 and (tmp_path / "cu.xlsx").exists()
