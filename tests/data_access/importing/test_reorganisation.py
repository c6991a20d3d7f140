"""The reorganisation dataset and the 2025 merger through the import, on SQLite and PostgreSQL, as a
data officer would: the seeded mapping exported and edited, a bad file refused whole, then the 2023
table of the 63 provinces and the 2024 table of the 34 (synthetic, labelled so) imported, and what
the pages read of them: Đồng Nai keeping its code and taking in Bình Phước, the 2023 value computed
from both and marked so, Bình Phước pointing to Đồng Nai, the 34-province map."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, update

from data_access import db, geo, reorganisation, year_changes
from data_access import rankings as data
from data_access.importing import OK, REFUSED, UNCHANGED, check, formats, import_file
from data_access.models import Reorganisation, Unit
from seed.loader import load_seed
from tests.data_access.importing.files import exported, seed_csv
from tests.data_access.importing.merger_files import (
    DONG_NAI_2024,
    ENDED,
    SUCCESSOR,
    SYNTHETIC_SOURCE,
    VALUES_2023,
    national_2023,
    national_2024,
    rank_2024,
    successors,
)
from tests.data_access.importing.year_files import book_bytes

SHEET = formats.REORGANISATION_SHEET


def mapping_rows() -> list[dict[str, object]]:
    book = load_workbook(io.BytesIO(exported(formats.REORGANISATION, {})))
    rows = list(book[SHEET].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def edited(change) -> bytes:
    """The export, edited as in Excel: `change(sheet, headers)`."""
    book = load_workbook(io.BytesIO(exported(formats.REORGANISATION, {})))
    sheet = book[SHEET]
    headers = {cell.value: cell.column for cell in sheet[1]}
    change(sheet, headers)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row_of(sheet, headers, code: str) -> int:
    column = headers["Mã đơn vị trước sắp xếp"]
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column).value == code)


def unit_row(code: str) -> dict[str, object]:
    book = load_workbook(io.BytesIO(exported(formats.UNITS, {})))
    rows = list(book[formats.UNITS_SHEET].iter_rows(values_only=True))
    return next(dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[0] == code)


def imported(name: str, content: bytes) -> None:
    outcome = import_file(content, name, user="data-officer", accept_warnings=True)
    assert outcome.result == OK, (name, outcome.error, [(i.row, i.column, i.reason) for i in outcome.checked.issues])


def test_the_seeded_mapping_exports_as_the_shared_file_and_ends_the_merged_provinces(fresh_db):
    shared = seed_csv("reorganisation_2025.csv")
    rows = mapping_rows()
    assert [(r["Mã đơn vị trước sắp xếp"], r["Mã đơn vị kế thừa"]) for r in rows] == [
        (r["predecessor_code"], r["successor_code"]) for r in shared
    ]
    assert {r["Năm xếp hạng đầu tiên"] for r in rows} == {2024}
    assert all("202/2025/QH15" in r["Nguồn"] for r in rows)
    # When Bình Phước existed (to 2025-07-01) and the last year ranked on its own (2023) are kept apart.
    binh_phuoc = unit_row(ENDED)
    assert (binh_phuoc["Hiệu lực đến năm"], binh_phuoc["Mã đơn vị kế thừa"]) == (2023, SUCCESSOR)
    dong_nai = unit_row(SUCCESSOR)
    assert (dong_nai["Hiệu lực đến năm"], dong_nai["Mã đơn vị kế thừa"]) == (None, None)


def test_a_bad_mapping_is_refused_whole_with_row_column_and_reason(fresh_db):
    def spoil(sheet, headers):
        sheet.cell(row_of(sheet, headers, "ha-giang"), headers["Mã đơn vị kế thừa"]).value = "tuyen-quang-moi"
        sheet.cell(row_of(sheet, headers, "yen-bai"), headers["Ngày hiệu lực"]).value = "2025-02-30"
        sheet.cell(row_of(sheet, headers, "bac-kan"), headers["Loại thay đổi"]).value = "gộp"
        # A chain: Đồng Nai itself merged into Hồ Chí Minh while Bình Phước merges into Đồng Nai.
        sheet.cell(row_of(sheet, headers, "dong-nai"), headers["Mã đơn vị kế thừa"]).value = "ho-chi-minh"
        sheet.cell(row_of(sheet, headers, "ha-noi"), headers["Năm xếp hạng đầu tiên"]).value = 2034

    version = db.data_version()
    outcome = import_file(edited(spoil), "sap-xep.xlsx", user="data-officer")
    assert outcome.result == REFUSED
    assert {i.sheet for i in outcome.checked.errors} == {SHEET}
    rows = {(i.row, i.column): i.reason for i in outcome.checked.errors}
    first = {r["predecessor_code"]: n for n, r in enumerate(seed_csv("reorganisation_2025.csv"), 2)}
    assert "không có trong danh mục" in rows[(first["ha-giang"], "Mã đơn vị kế thừa")]
    assert "không phải một ngày có thật" in rows[(first["yen-bai"], "Ngày hiệu lực")]
    assert "dùng merged, unchanged, renamed" in rows[(first["bac-kan"], "Loại thay đổi")]
    assert "cũng được sáp nhập vào “ho-chi-minh”" in rows[(first["binh-phuoc"], "Mã đơn vị kế thừa")]
    assert "quá 2 năm" in rows[(first["ha-noi"], "Năm xếp hạng đầu tiên")]
    assert db.data_version() == version  # nothing written
    assert len(mapping_rows()) == 63


def test_a_mapping_without_a_merger_gives_the_unit_back_its_years_and_putting_it_back_ends_it_again(fresh_db):
    def drop_binh_phuoc(sheet, headers):
        sheet.delete_rows(row_of(sheet, headers, ENDED))

    original = exported(formats.REORGANISATION, {})
    imported("sap-xep.xlsx", edited(drop_binh_phuoc))
    assert (unit_row(ENDED)["Hiệu lực đến năm"], unit_row(ENDED)["Mã đơn vị kế thừa"]) == (None, None)
    assert reorganisation.ended_unit(ENDED) is None
    imported("sap-xep-goc.xlsx", original)
    assert (unit_row(ENDED)["Hiệu lực đến năm"], unit_row(ENDED)["Mã đơn vị kế thừa"]) == (2023, SUCCESSOR)


def test_a_2024_table_naming_an_ended_province_is_refused_with_its_successor(fresh_db):
    headers = ["Năm", "Cấp", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Điểm tối đa công bố", "Xếp hạng công bố"]
    rows = [[2024, "province", SUCCESSOR, "", 0.67, 1, 1], [2024, "province", ENDED, "", 0.64, 1, 2]]
    outcome = import_file(book_bytes(formats.SCORES_SHEET, headers, rows), "dti-2024.xlsx", user="data-officer")
    assert outcome.result == REFUSED
    assert any(
        i.row == 3 and i.column == "Mã đơn vị" and "không còn hiệu lực năm 2024" in i.reason and SUCCESSOR in i.reason
        for i in outcome.checked.errors
    )


def units_edited(change) -> bytes:
    """The units export, edited as in Excel: `change(sheet, headers, row_of_code)`."""
    book = load_workbook(io.BytesIO(exported(formats.UNITS, {})))
    sheet = book[formats.UNITS_SHEET]
    headers = {cell.value: cell.column for cell in sheet[1]}
    change(sheet, headers, lambda code: next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == code))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def located(outcome) -> list[tuple[int, str]]:
    return [(i.row, i.column) for i in outcome.checked.errors]


def test_a_units_file_disagreeing_with_the_stored_mapping_is_refused_with_row_column_and_reason(fresh_db):
    rows: dict[str, int] = {}

    def elsewhere(sheet, headers, row_of_code):
        rows["ended"] = row_of_code(ENDED)
        sheet.cell(rows["ended"], headers["Mã đơn vị kế thừa"]).value = "ho-chi-minh"

    outcome = import_file(units_edited(elsewhere), "don-vi.xlsx", user="data-officer", accept_warnings=True)
    assert outcome.result == REFUSED
    assert located(outcome) == [(rows["ended"], "Mã đơn vị kế thừa")]
    reason = outcome.checked.errors[0].reason
    assert f"“{ENDED}” sáp nhập vào “{SUCCESSOR}”, xếp hạng chung từ DTI 2024" in reason

    def a_year_late(sheet, headers, row_of_code):
        sheet.cell(row_of_code(ENDED), headers["Hiệu lực đến năm"]).value = 2024

    outcome = import_file(units_edited(a_year_late), "don-vi.xlsx", user="data-officer", accept_warnings=True)
    assert located(outcome) == [(rows["ended"], "Hiệu lực đến năm")]
    assert "năm cuối được xếp hạng riêng là 2023, không phải 2024" in outcome.checked.errors[0].reason

    def successor_ended(sheet, headers, row_of_code):
        rows["successor"] = row_of_code(SUCCESSOR)
        sheet.cell(rows["successor"], headers["Hiệu lực đến năm"]).value = 2023
        sheet.cell(rows["successor"], headers["Mã đơn vị kế thừa"]).value = "ho-chi-minh"

    outcome = import_file(units_edited(successor_ended), "don-vi.xlsx", user="data-officer", accept_warnings=True)
    assert located(outcome) == [(rows["successor"], "Mã đơn vị kế thừa")]
    assert "giữ mã sau sắp xếp" in outcome.checked.errors[0].reason
    # The export itself agrees with the mapping and goes back in unchanged.
    assert import_file(exported(formats.UNITS, {}), "don-vi.xlsx", user="data-officer").result in (OK, UNCHANGED)
    assert (unit_row(ENDED)["Hiệu lực đến năm"], unit_row(ENDED)["Mã đơn vị kế thừa"]) == (2023, SUCCESSOR)


def test_a_mapping_ending_a_unit_that_has_its_own_results_after_the_first_ranked_year_is_refused(fresh_db):
    def drop_binh_phuoc(sheet, headers):
        sheet.delete_rows(row_of(sheet, headers, ENDED))

    original = exported(formats.REORGANISATION, {})
    imported("sap-xep.xlsx", edited(drop_binh_phuoc))
    headers = ["Năm", "Cấp", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Điểm tối đa công bố", "Xếp hạng công bố"]
    own = [[2024, "province", SUCCESSOR, "", 0.67, 1, 1], [2024, "province", ENDED, "", 0.64, 1, 2]]
    imported("dti-2024.xlsx", book_bytes(formats.SCORES_SHEET, headers, own))
    outcome = import_file(original, "sap-xep-goc.xlsx", user="data-officer", accept_warnings=True)
    assert outcome.result == REFUSED
    ended_row = 2 + [r["predecessor_code"] for r in seed_csv("reorganisation_2025.csv")].index(ENDED)
    assert located(outcome) == [(ended_row, "Năm xếp hạng đầu tiên")]
    reason = outcome.checked.errors[0].reason
    assert f"“{ENDED}” đã có kết quả riêng năm 2024" in reason and f"được xếp hạng trong “{SUCCESSOR}”" in reason
    assert reorganisation.ended_unit(ENDED) is None  # nothing written


def test_the_merger_through_the_import_computes_the_earlier_years_and_draws_34_provinces(fresh_db):
    imported("dti-2023.xlsx", national_2023())
    imported("dti-2024.xlsx", national_2024())

    ranking = data.national_ranking(2024)
    assert len(ranking) == 34 and set(ranking["rank_of"]) == {34}
    assert set(ranking["unit_code"]) == set(successors())
    dong_nai = ranking.set_index("unit_code").loc[SUCCESSOR]
    assert (dong_nai["rank"], dong_nai["index_value"]) == (rank_2024(SUCCESSOR), DONG_NAI_2024)
    assert SYNTHETIC_SOURCE in dong_nai["source"]

    # 2023: the mean of Đồng Nai's 0,6612 and Bình Phước's 0,6408 = 1,3020 / 2 = 0,6510, computed, never stored.
    computed = reorganisation.computed_figures(SUCCESSOR)
    assert computed[["year", "index_code", "computed_from"]].values.tolist() == [[2023, "dti", f"{SUCCESSOR};{ENDED}"]]
    assert computed["value"].iloc[0] == pytest.approx((VALUES_2023[SUCCESSOR] + VALUES_2023[ENDED]) / 2)
    stored_2023 = data.national_ranking(2023).set_index("unit_code")
    assert stored_2023.loc[SUCCESSOR, "index_value"] == VALUES_2023[SUCCESSOR]  # the former Đồng Nai's, as imported

    history = reorganisation.merger_history(SUCCESSOR)
    lines = {(row.unit_code, row.role, row.year): (row.value, row.computed) for row in history.itertuples(index=False)}
    assert lines[(ENDED, "predecessor", 2023)] == (VALUES_2023[ENDED], False)
    assert lines[(SUCCESSOR, "predecessor", 2023)] == (VALUES_2023[SUCCESSOR], False)
    assert lines[(SUCCESSOR, "successor", 2023)] == (pytest.approx(0.651), True)
    assert lines[(SUCCESSOR, "successor", 2024)] == (DONG_NAI_2024, False)
    assert (SUCCESSOR, "successor", 2022) not in lines  # Đồng Nai has a 2022 rank only: no mean to take

    assert reorganisation.successor_for(ENDED, 2023) is None
    assert reorganisation.successor_for(ENDED, 2024) == SUCCESSOR

    # The first ranking of the 34: no rank compared across fields, ± DTI against the computed 0,6510.
    changes = year_changes.national_changes(2024).table.set_index(ranking["unit_code"])
    assert changes.loc[SUCCESSOR, "value_change"] == pytest.approx(DONG_NAI_2024 - 0.651)
    assert changes["previous_rank"].isna().all()

    assert geo.provinces_file(2023) == geo.PROVINCES_FILE
    name = geo.provinces_file(2024)
    provinces = geo.boundaries(name)
    assert len(provinces["features"]) == 34
    joined = next(f for f in provinces["features"] if f["properties"]["unit_code"] == SUCCESSOR)
    assert joined["properties"]["predecessor_codes"] == [ENDED, SUCCESSOR]
    assert geo.served_content(name) is not None and len(geo.version(name)) == 16


def test_a_district_to_commune_change_is_read_by_level_and_unit_kinds(seeded_db):
    """The level column holds district → commune changes too: a commune's predecessors may be districts or
    communes, its successor must be a commune; a province under that level is refused."""
    headers = [c.header for c in formats.REORGANISATION_COLUMNS]
    district = "binh-phuoc-dong-xoai"
    rows = [
        ["commune", district, district, "Phường Đồng Xoài", "2025-07-01", 2025, "merged", "NQ 1662/NQ-UBTVQH15", ""],
        ["commune", "ha-noi", "ha-noi", "", "2025-07-01", 2025, "unchanged", "NQ 1662/NQ-UBTVQH15", ""],
        ["district", district, district, "", "2025-07-01", 2025, "unchanged", "NQ 1662/NQ-UBTVQH15", ""],
    ]
    errors = check(book_bytes(SHEET, headers, rows), "sap-xep-xa.xlsx").errors
    found = {(i.row, i.column): i.reason for i in errors}
    assert "là district, không phải đơn vị cấp commune" in found[(2, "Mã đơn vị kế thừa")]
    assert (2, "Mã đơn vị trước sắp xếp") not in found  # a district may be a commune's predecessor
    assert "là province, không sắp xếp vào cấp commune" in found[(3, "Mã đơn vị trước sắp xếp")]
    assert "cấp “district” không có: dùng province, commune" in found[(4, "Cấp")]


def test_a_database_loaded_before_the_mapping_gets_it_once_with_its_units_ended(fresh_db):
    with db.session_scope(fresh_db) as session:
        session.execute(delete(Reorganisation))
        session.execute(update(Unit).values(successor_id=None, valid_to=None))
    before = db.data_version(fresh_db)
    report = load_seed(fresh_db)
    assert (report.loaded, report.counts) == (False, {"reorganisation_2025.csv": 63})
    assert db.data_version(fresh_db) > before, "cached pages see the mapping at once"
    assert reorganisation.ended_unit(ENDED)["successor"] == SUCCESSOR
    assert (unit_row(ENDED)["Hiệu lực đến năm"], unit_row(ENDED)["Mã đơn vị kế thừa"]) == (2023, SUCCESSOR)
    assert load_seed(fresh_db).counts == {}, "once"
