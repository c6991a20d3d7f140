"""The communes' former districts, as the reorganisation dataset holds them: a district's area went to
several communes in 2025, one district → commune row each, imported by a data officer completing the
exported mapping (seed/synthetic.py does exactly that for its synthetic communes). SQLite and PostgreSQL.

Also: a database made before the mapping could hold such rows gets the wider key on start, its rows
kept; a province cannot be ended while communes of the new arrangement still answer to it.
"""

from __future__ import annotations

import csv
import io

from sqlalchemy import inspect, text

from data_access import db, migrations, queries
from data_access import reorganisation as reorg
from data_access.districts import former_district_options, former_districts
from data_access.importing import REFUSED, UNCHANGED, formats, import_file
from data_access.importing import files as downloads
from data_access.models import REORGANISATION_KEY_NAME
from seed.synthetic import CommuneYear, former_district_sizes
from tests.data_access.importing.files import dataset_csv

PROVINCE, YEAR, COUNT = "binh-phuoc", 2025, 22


def mapping_rows() -> list[dict[str, str]]:
    _name, content = downloads.export_file(formats.REORGANISATION, {}, "csv")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def mapping_csv(rows: list[dict[str, str]]) -> bytes:
    return dataset_csv(formats.REORGANISATION_COLUMNS, rows)


def commune_year(engine) -> CommuneYear:
    year = CommuneYear(PROVINCE, engine, year=YEAR, count=COUNT)
    year.load(with_boundaries=False)
    year.load_former_districts()
    return year


def test_each_commune_is_read_back_under_the_district_it_came_from(fresh_db):
    year = commune_year(fresh_db)
    written = {
        r["Mã đơn vị kế thừa"]: r["Mã đơn vị trước sắp xếp"]
        for r in csv.DictReader(io.StringIO(year.former_districts_file().decode("utf-8")))
        if r["Cấp"] == "commune"
    }
    former = former_districts(tuple(year.codes))

    assert dict(zip(former["unit_code"], former["district_code"], strict=True)) == written
    options = former_district_options(former)
    districts = year.districts()
    assert options["district_code"].tolist() == districts, "every district of the province, in the file's order"
    assert options["communes"].tolist() == former_district_sizes(len(districts), COUNT)
    assert options["communes"].sum() == COUNT and options["communes"].iloc[0] > options["communes"].iloc[1]
    # A divided district ends (its last year 2024) with no one successor to name.
    with fresh_db.connect() as conn:
        ended = conn.execute(
            text("SELECT valid_to, successor_id FROM units WHERE code = :code"), {"code": districts[0]}
        ).one()
    assert tuple(ended) == (YEAR - 1, None)
    assert reorg.ended_unit(districts[0]) is None


def test_the_mapping_and_the_units_export_and_reimport_unchanged(fresh_db):
    commune_year(fresh_db)
    version = db.data_version(fresh_db)
    for dataset in (formats.REORGANISATION, formats.UNITS):
        name, content = downloads.export_file(dataset, {}, "csv")
        outcome = import_file(content, name, user="data-officer")
        assert outcome.result == UNCHANGED, (dataset, outcome.checked.issues)
    assert db.data_version(fresh_db) == version


def test_the_same_district_and_commune_twice_is_refused_at_the_second_row(fresh_db):
    year = commune_year(fresh_db)
    rows = mapping_rows()
    repeated = next(r for r in rows if r["Cấp"] == "commune")
    rows.append(dict(repeated))

    outcome = import_file(mapping_csv(rows), "sap-xep.csv", user="data-officer", accept_warnings=True)

    assert outcome.result == REFUSED
    [error] = outcome.checked.errors
    assert (error.row, error.column) == (len(rows) + 1, "Mã đơn vị trước sắp xếp")
    assert f"cùng đơn vị kế thừa “{repeated['Mã đơn vị kế thừa']}”" in error.reason
    assert year.codes[0] in repeated["Mã đơn vị kế thừa"]


def test_a_province_with_communes_of_its_own_cannot_be_ended(fresh_db):
    rows = mapping_rows()
    kept = [r for r in rows if r["Cấp"] == "province" and r["Loại thay đổi"] == "unchanged"]
    ending, into = kept[0], kept[1]
    CommuneYear(ending["Mã đơn vị trước sắp xếp"], fresh_db, count=3).load_units()
    ending["Mã đơn vị kế thừa"] = into["Mã đơn vị kế thừa"]
    ending["Loại thay đổi"] = "merged"
    version = db.data_version(fresh_db)

    outcome = import_file(mapping_csv(rows), "sap-xep.csv", user="data-officer", accept_warnings=True)

    assert outcome.result == REFUSED
    number = rows.index(ending) + 2
    reasons = {(i.row, i.column): i.reason for i in outcome.checked.errors}
    reason = reasons[(number, "Mã đơn vị trước sắp xếp")]
    assert f"{ending['Mã đơn vị trước sắp xếp']}-xa-th-001" in reason
    assert f"sang “{into['Mã đơn vị kế thừa']}”" in reason
    assert db.data_version(fresh_db) == version


def test_an_older_database_gets_the_wider_key_with_its_rows_kept(fresh_db):
    with fresh_db.begin() as conn:
        before = conn.execute(text("SELECT COUNT(*) FROM reorganisations")).scalar_one()
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"ALTER TABLE reorganisations DROP CONSTRAINT {REORGANISATION_KEY_NAME}"))
            conn.execute(text("ALTER TABLE reorganisations ADD UNIQUE (predecessor_id, effective_date)"))
        else:  # as the earlier version created it
            sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'reorganisations'")).scalar_one()
            wide = f"CONSTRAINT {REORGANISATION_KEY_NAME} UNIQUE (predecessor_id, successor_id, effective_date)"
            old = sql.replace(wide, "UNIQUE (predecessor_id, effective_date)")
            assert old != sql
            conn.execute(text("ALTER TABLE reorganisations RENAME TO r_copy"))
            conn.execute(text(old))
            conn.execute(text("INSERT INTO reorganisations SELECT * FROM r_copy"))
            conn.execute(text("DROP TABLE r_copy"))
        keys = [u["column_names"] for u in inspect(conn).get_unique_constraints("reorganisations")]
        assert keys == [["predecessor_id", "effective_date"]]

    migrations.upgrade(fresh_db)
    migrations.upgrade(fresh_db)  # every start runs it: the second finds nothing to do

    with fresh_db.connect() as conn:
        keys = [u["column_names"] for u in inspect(conn).get_unique_constraints("reorganisations")]
        assert keys == [["predecessor_id", "successor_id", "effective_date"]]
        assert conn.execute(text("SELECT COUNT(*) FROM reorganisations")).scalar_one() == before
    commune_year(fresh_db)  # a divided district now fits


def test_the_successors_communes_do_not_move_the_derived_focus(fresh_db, monkeypatch):
    """Without `DTI_FOCUS_UNIT` the focus is the province with the most sub-units; 100 communes under
    Đồng Nai (more than Bình Phước's own departments and districts) count for Bình Phước too, whose
    area they are, so the focus stays on the province whose earlier years the data holds."""
    monkeypatch.delenv("DTI_FOCUS_UNIT", raising=False)
    CommuneYear(PROVINCE, fresh_db, year=YEAR).load_units()

    assert queries.focus_unit_code() == PROVINCE


def test_a_divided_district_lists_the_communes_its_area_went_to_in_the_file_s_order(fresh_db):
    year = commune_year(fresh_db)
    rows = [
        r for r in csv.DictReader(io.StringIO(year.former_districts_file().decode("utf-8"))) if r["Cấp"] == "commune"
    ]
    district = rows[0]["Mã đơn vị trước sắp xếp"]

    divided = reorg.divided_into(district)

    # The file is the stored mapping exported again with the rows appended once more: each commune once.
    written = dict.fromkeys(r["Mã đơn vị kế thừa"] for r in rows if r["Mã đơn vị trước sắp xếp"] == district)
    assert divided["successor"].tolist() == list(written)
    assert len(written) > 1
    assert set(divided["effective_date"]) == {f"{YEAR}-07-01"}
    assert reorg.divided_into(year.codes[0]).empty, "a commune was divided into nothing"
    assert reorg.divided_into(PROVINCE).empty, "a province merged (province level) is not divided into communes"
