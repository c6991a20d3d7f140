"""Communes as a level (2025): units, framework and scores through the import, and their boundaries
through the GeoJSON import, on SQLite and PostgreSQL. The year is synthetic (seed/synthetic.py
makes it through the same files a data officer would load) and says so in every name and source."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import func, select

from data_access import db
from data_access.boundaries import OK, REFUSED, UNCHANGED, boundaries_for, import_boundaries
from data_access.districts import build_district_results, district_years, local_level, offered_levels
from data_access.importing import REFUSED as IMPORT_REFUSED
from data_access.importing import formats, import_file
from data_access.importing.history import history
from data_access.models import BoundarySet
from seed.synthetic import SYNTHETIC_BOUNDARIES, SYNTHETIC_SOURCE, CommuneYear, grid_boundaries

PROVINCE = "binh-phuoc"
# Bình Phước merged into Đồng Nai on 1 July 2025: the communes of its area answer to Đồng Nai.
PARENT = "dong-nai"
DISTRICT = "binh-phuoc-dong-xoai"
BOX = (106.5, 11.3, 107.5, 12.3)


def units_csv(rows: list[tuple[str, str, str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.header for c in formats.UNIT_COLUMNS])
    for code, name, kind, parent in rows:
        writer.writerow([code, name, "", kind, parent, "", "", "", SYNTHETIC_SOURCE, ""])
    return out.getvalue().encode("utf-8")


def loaded_year(engine, *, with_boundaries: bool) -> CommuneYear:
    year = CommuneYear(PROVINCE, engine)
    year.load(with_boundaries=with_boundaries)
    return year


def issues_of(outcome) -> list[tuple[int | None, str, str]]:
    return [(i.feature, i.field, i.reason) for i in outcome.check.issues]


def test_a_commune_year_is_the_provinces_local_level_that_year(fresh_db):
    generated = loaded_year(fresh_db, with_boundaries=False)

    assert district_years(PROVINCE) == [2022, 2025]
    assert local_level(PROVINCE, 2022) == "district"
    assert local_level(PROVINCE, 2025) == "commune"
    assert offered_levels(PROVINCE) == ["province", "department", "district", "commune"]
    results = build_district_results(PROVINCE, 2025)
    assert results.province_code == PARENT, "the focus's area in 2025 is its successor's"
    assert results.level == "commune"
    assert len(results.totals) == 100
    assert set(results.totals["unit_code"]) == set(generated.codes)
    assert results.totals["unit_name_vi"].str.contains("tổng hợp").all()
    assert (results.scores["source"] == SYNTHETIC_SOURCE).all()
    # 2022 still shows the eleven published districts, not the communes.
    assert len(build_district_results(PROVINCE, 2022).totals) == 11


def test_a_commune_must_answer_to_a_province(fresh_db):
    version = db.data_version(fresh_db)
    content = units_csv(
        [
            ("binh-phuoc-xa-a", "Xã A (tổng hợp)", "commune", DISTRICT),
            ("binh-phuoc-xa-b", "Xã B (tổng hợp)", "commune", ""),
            ("dong-nai-xa-c", "Xã C (tổng hợp)", "commune", PARENT),
        ]
    )
    outcome = import_file(content, "xa.csv", user="data-officer", engine=fresh_db)

    assert outcome.result == IMPORT_REFUSED
    reasons = {(i.row, i.column): i.reason for i in outcome.checked.errors}
    assert "không phải tỉnh" in reasons[(2, "Mã đơn vị cha")]
    assert "phải có tỉnh trực thuộc" in reasons[(3, "Mã đơn vị cha")]
    assert len(reasons) == 2, "the commune under the province is fine"
    assert db.data_version(fresh_db) == version


def test_boundaries_are_stored_with_their_licence_and_an_identical_file_changes_nothing(fresh_db):
    generated = loaded_year(fresh_db, with_boundaries=False)
    content = grid_boundaries(generated.codes, BOX)
    version = db.data_version(fresh_db)

    first = import_boundaries(content, "ranh-gioi.geojson", user="admin", engine=fresh_db)
    assert first.result == OK
    assert first.check.level == "commune" and first.check.province_code == PARENT
    assert db.data_version(fresh_db) == version + 1
    stored = boundaries_for(PARENT, "commune")
    assert stored["attribution"] == SYNTHETIC_BOUNDARIES
    assert [f["properties"]["unit_code"] for f in stored["features"]] == generated.codes

    again = import_boundaries(content, "ranh-gioi.geojson", user="admin", engine=fresh_db)
    assert again.result == UNCHANGED
    assert db.data_version(fresh_db) == version + 1
    assert [row["result"] for row in history(engine=fresh_db)[:2].to_dict("records")] == ["unchanged", "ok"]


def test_a_bad_boundaries_file_is_refused_whole_with_each_feature_and_reason(fresh_db):
    generated = loaded_year(fresh_db, with_boundaries=False)
    collection = json.loads(grid_boundaries(generated.codes, BOX))
    features = collection["features"]
    features[0]["geometry"]["coordinates"][0].pop()  # no longer closed
    (x0, y0), d = features[1]["geometry"]["coordinates"][0][0], 0.01
    bow_tie = [[x0, y0], [x0 + 2 * d, y0 + 2 * d], [x0 + 2 * d, y0], [x0, y0 + d], [x0, y0]]
    features[1]["geometry"]["coordinates"] = [bow_tie]
    features[2]["properties"]["unit_code"] = "binh-phuoc-xa-khong-co"
    features[3]["properties"]["unit_code"] = "binh-phuoc-so-y-te"
    features[4]["properties"]["unit_code"] = features[5]["properties"]["unit_code"]
    del collection["attribution"]
    version = db.data_version(fresh_db)

    outcome = import_boundaries(json.dumps(collection).encode(), "xau.geojson", user="admin", engine=fresh_db)

    assert outcome.result == REFUSED
    issues = issues_of(outcome)
    by_feature = {feature: reason for feature, _field, reason in issues if feature is not None}
    assert "không khép kín" in by_feature[1]
    assert "tự cắt" in by_feature[2]
    assert "không có trong danh mục" in by_feature[3]
    assert "loại department" in by_feature[4]
    assert "đã có ở đối tượng 5" in by_feature[6]
    assert any(field == "attribution" for _feature, field, _reason in issues)
    assert db.data_version(fresh_db) == version
    with db.session_scope(fresh_db) as session:
        assert session.execute(select(func.count()).select_from(BoundarySet)).scalar_one() == 0
    assert history(engine=fresh_db).iloc[0]["result"] == "refused"


def test_boundaries_of_another_provinces_units_cannot_be_mixed_in(fresh_db):
    generated = loaded_year(fresh_db, with_boundaries=False)
    other = CommuneYear("ha-noi", fresh_db, count=3)
    other.load_units()
    content = grid_boundaries([*generated.codes[:5], *other.codes], BOX)

    outcome = import_boundaries(content, "tron.geojson", user="admin", engine=fresh_db)

    assert outcome.result == REFUSED
    assert any("một cấp của một tỉnh" in reason for _f, _field, reason in issues_of(outcome))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "không phải JSON"),
        (b'{"type": "Feature"}', "FeatureCollection"),
        (b'{"type": "FeatureCollection", "attribution": "x", "features": []}', "không có đối tượng"),
    ],
)
def test_a_file_that_is_not_a_feature_collection_is_refused(fresh_db, content: bytes, reason: str):
    outcome = import_boundaries(content, "x.geojson", user="admin", engine=fresh_db)
    assert outcome.result == REFUSED
    assert any(reason in text for _f, _field, text in issues_of(outcome))
