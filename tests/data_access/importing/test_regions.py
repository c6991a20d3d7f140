"""The regions dataset (the socio-economic region of each province, by province code) through the
import as the data team would use it: export, edit in Excel, import; a bad file refused whole, with
sheet, row, column and reason in Vietnamese. Also the 34 post-2025 provinces' regions as seeded.
Expectations come from seed/meta/regions.csv and seed/data/reorganisation_2025.csv."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from data_access import db, peers
from data_access.importing import OK, REFUSED, formats, import_file
from data_access.importing.history import history
from tests.data_access.importing.files import exported, seed_csv

SHEET = formats.REGIONS_SHEET


def seed_regions() -> dict[str, dict[str, str]]:
    return {r["unit_code"]: r for r in seed_csv("../meta/regions.csv")}


def edited(changes) -> bytes:
    """The export, edited in openpyxl: `changes(sheet, headers, row_of)` as a person would in Excel."""
    book = load_workbook(io.BytesIO(exported(formats.REGIONS, {})))
    sheet = book[SHEET]
    headers = {cell.value: cell.column for cell in sheet[1]}
    rows = {sheet.cell(row=r, column=headers["Mã tỉnh"]).value: r for r in range(2, sheet.max_row + 1)}
    changes(sheet, headers, rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_export_lists_every_seeded_province_with_its_region(fresh_db):
    book = load_workbook(io.BytesIO(exported(formats.REGIONS, {})))
    rows = list(book[SHEET].iter_rows(values_only=True))
    found = {row[rows[0].index("Mã tỉnh")]: row[rows[0].index("Mã vùng")] for row in rows[1:]}
    assert found == {code: r["region_code"] for code, r in seed_regions().items()}


def test_a_province_moved_to_another_region_is_written_and_the_peers_follow(fresh_db):
    seeded = seed_regions()
    mover, target = "binh-thuan", seeded["lam-dong"]
    assert seeded[mover]["region_code"] != target["region_code"]

    def move(sheet, headers, rows):
        for key, header in (("region_code", "Mã vùng"), ("region_name_vi", "Tên vùng")):
            sheet.cell(row=rows[mover], column=headers[header]).value = target[key]
        sheet.cell(row=rows[mover], column=headers["Tên tiếng Anh"]).value = target["region_name_en"]
        sheet.cell(row=rows[mover], column=headers["Thứ tự vùng"]).value = int(target["sort_order"])

    version = db.data_version()
    outcome = import_file(edited(move), "vung.xlsx", user="tester")

    assert outcome.result == OK, outcome.checked.issues
    assert db.data_version() == version + 1
    preset = peers.region_preset("lam-dong")
    expected = {code for code, r in seeded.items() if r["region_code"] == target["region_code"]} | {mover}
    assert set(preset.codes) == expected
    latest = history(limit=1).iloc[0]
    assert (latest["dataset"], latest["result"], latest["rows_written"]) == (formats.REGIONS, OK, len(seeded))


def test_a_bad_file_is_refused_whole_with_row_column_and_reason(fresh_db):
    department = next(r["unit_code"] for r in seed_csv("units.csv") if r["kind"] == "department")

    where: dict[str, int] = {}

    def spoil(sheet, headers, rows):
        where.update(rows)
        sheet.cell(row=rows["ha-noi"], column=headers["Tên vùng"]).value = "Thủ đô"
        sheet.cell(row=rows["ca-mau"], column=headers["Mã tỉnh"]).value = "bac-lieu"
        sheet.cell(row=rows["an-giang"], column=headers["Mã tỉnh"]).value = "tinh-khong-co"
        sheet.cell(row=rows["can-tho"], column=headers["Mã tỉnh"]).value = department
        sheet.cell(row=rows["da-nang"], column=headers["Thứ tự vùng"]).value = 0

    version, before = db.data_version(), peers.regions()
    outcome = import_file(edited(spoil), "vung.xlsx", user="tester")

    assert outcome.result == REFUSED
    assert db.data_version() == version
    assert peers.regions().equals(before), "nothing of a refused file is written"
    found = {(i.sheet, i.row, i.column): i.reason for i in outcome.checked.issues}
    # Hà Nội is not its region's first row in the export (sorted by code), so its row is the one flagged.
    assert "một vùng, một tên và một thứ tự" in found[(SHEET, where["ha-noi"], "Tên vùng")]
    reasons = " | ".join(found.values())
    assert "tỉnh “bac-lieu” đã có ở dòng" in reasons
    assert "tỉnh “tinh-khong-co” không có trong danh mục đơn vị" in reasons
    assert f"“{department}”" in reasons and "không phải một tỉnh, thành phố" in reasons
    assert "thứ tự phải từ 1 trở lên (0)" in reasons


def test_every_post_2025_province_has_a_region_and_the_mixed_ones_say_it_is_inferred(fresh_db):
    seeded = seed_regions()
    mapping = seed_csv("reorganisation_2025.csv")
    successors = {r["successor_code"] for r in mapping}
    assert len(successors) == 34
    stored = peers.regions().set_index("unit_code")
    for successor in successors:
        predecessors = {r["predecessor_code"] for r in mapping if r["successor_code"] == successor}
        mixed = {seeded[p]["region_code"] for p in predecessors} != {seeded[successor]["region_code"]}
        assert stored.loc[successor, "region_code"] == seeded[successor]["region_code"]
        assert ("INFERRED" in stored.loc[successor, "note"]) == mixed, successor
        assert "34 provinces from 2025-07-01" in stored.loc[successor, "note"]
