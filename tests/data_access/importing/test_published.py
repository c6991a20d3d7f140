"""Everything published, importable: a year's province-level indices with or without a framework,
a ranks-only year filled in its own template, the national DTI beside the provincial average,
per-task points and source documents; each refused whole, with sheet, row, column and reason in
Vietnamese, when a figure cannot be right. SQLite and PostgreSQL (`fresh_db`).
"""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from data_access import db, queries, rankings
from data_access.focus_years import default_year, result_years
from data_access.importing import OK, REFUSED, formats, import_file
from data_access.importing import files as downloads
from data_access.importing.cli import data_cli
from data_access.models import PublishedIndex, Source
from data_access.overview import build_overview, national_yardsticks
from data_access.pillars import indicator_points
from data_access.units import published_indices
from tests.data_access.importing.files import Workbook, exported, seed_csv
from tests.data_access.importing.published_files import (
    NATIONAL_DTI_2022,
    NATIONAL_UNIT,
    SECOND_PROVINCE,
    SYNTHETIC_SOURCE,
    national_unit,
    province_2022_with_national_dti,
    ranks_2023,
    ranks_only_2023,
    second_province_indices,
    seed_average_2022,
)
from tests.data_access.importing.year_files import book_bytes, focus_province


def imported(content: bytes, name: str) -> None:
    outcome = import_file(content, name, user="data-officer", accept_warnings=True)
    assert outcome.result == OK, (name, outcome.error, outcome.checked.issues)


def located(outcome) -> set[tuple[str, int | None, str]]:
    return {(i.sheet, i.row, i.column) for i in outcome.checked.errors}


def count_indices() -> int:
    with Session(db.get_engine()) as session:
        return session.scalar(select(func.count()).select_from(PublishedIndex))


# --- a ranks-only year ----------------------------------------------------------------------------


def test_a_year_without_framework_has_a_ranks_only_template(fresh_db):
    name, content = downloads.template_file(formats.SCORES, {"year": 2023, "level": "province"})
    assert name == "mau-diem-2023-province.xlsx"
    sheet = load_workbook(io.BytesIO(content))[formats.SCORES_SHEET]
    headers = [c.value for c in sheet[1]]
    assert headers == [c.header for c in formats.SCORE_LEAD_COLUMNS + formats.SCORE_TAIL_COLUMNS]
    listed = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert listed == {r["unit_code"] for r in seed_csv("units.csv") if r["kind"] == "province"}


def test_a_ranks_only_year_keeps_the_overview_on_the_latest_year_with_a_value(fresh_db):
    focus = focus_province()
    imported(ranks_only_2023(), "xep-hang-2023.xlsx")
    table = rankings.national_ranking(2023).set_index("unit_code")
    assert table["rank"].to_dict() == ranks_2023()
    assert table["index_value"].isna().all()
    assert 2023 in result_years(focus)
    # Offered, but the pages open on 2022, the latest year with the focus's DTI value.
    assert default_year(focus, result_years(focus)) == 2022
    ranks_only = build_overview(focus, 2023)
    assert (ranks_only.index_value, ranks_only.rank) == (None, ranks_2023()[focus])


# --- province-level published indices -------------------------------------------------------------


def test_a_second_provinces_indices_import_for_a_year_without_framework(fresh_db):
    content, expected = second_province_indices(2023)
    before_2022 = queries.published_indices(2022, SECOND_PROVINCE).set_index("index_code")["value"].to_dict()
    imported(content, "chi-so-2023.xlsx")
    with Session(db.get_engine()) as session:
        stored = {
            row.index_code: (row.value, row.rank)
            for row in session.scalars(select(PublishedIndex).where(PublishedIndex.year == 2023))
        }
    assert stored == expected
    assert set(formats.DTI_PILLARS) <= set(stored)
    # Named and ordered for the province's page: the three trụ cột, then the main indices as the
    # latest province framework orders them (2023 has none: the seed's 2022 one names them).
    shown = published_indices(SECOND_PROVINCE, 2023)
    framework = [r["pillar_code"] for r in seed_csv("frameworks.csv") if r["level"] == "province"]
    assert list(shown["index_code"]) == [*formats.DTI_PILLARS, *[c for c in framework if c in stored]]
    assert list(shown["name_vi"][:3]) == [vi for vi, _en in formats.DTI_PILLARS.values()]
    # Another year's values are left alone.
    after_2022 = queries.published_indices(2022, SECOND_PROVINCE).set_index("index_code")["value"].to_dict()
    assert after_2022 == before_2022


def test_an_indices_file_with_faults_is_refused_whole_with_located_reasons(fresh_db):
    department = next(r["unit_code"] for r in seed_csv("units.csv") if r["kind"] == "department")
    rows = [
        [2023, SECOND_PROVINCE, "", "pillar_government", 0.81, 2, SYNTHETIC_SOURCE, ""],
        [2023, SECOND_PROVINCE, "", "pillar_economy", "1,2", 3, SYNTHETIC_SOURCE, ""],
        [2023, SECOND_PROVINCE, "", "chinh_quyen", 0.5, None, SYNTHETIC_SOURCE, ""],
        [2023, department, "", "pillar_society", 0.5, None, SYNTHETIC_SOURCE, ""],
        [2023, SECOND_PROVINCE, "", "pillar_government", 0.8, 2, SYNTHETIC_SOURCE, ""],
        [2024, SECOND_PROVINCE, "", "pillar_society", 0.6, 0, SYNTHETIC_SOURCE, ""],
    ]
    before = count_indices()
    content = book_bytes(formats.INDICES_SHEET, [c.header for c in formats.INDEX_COLUMNS], rows)
    outcome = import_file(content, "x.xlsx", user="t")
    assert outcome.result == REFUSED
    sheet = formats.INDICES_SHEET
    assert {
        (sheet, 3, "Giá trị"),
        (sheet, 4, "Mã chỉ số"),
        (sheet, 5, "Mã đơn vị"),
        (sheet, 6, "Mã chỉ số"),
        (sheet, 7, "Năm"),
        (sheet, 7, "Xếp hạng"),
    } <= located(outcome)
    reasons = " ".join(i.reason for i in outcome.checked.errors)
    assert "ngoài khoảng 0 đến 1" in reasons and "lặp lại" in reasons and "chỉ số công bố là của cấp tỉnh" in reasons
    assert count_indices() == before


def test_a_rank_that_contradicts_the_values_is_a_warning(fresh_db):
    rows = [
        [2023, "da-nang", "", "pillar_government", 0.9, 2, SYNTHETIC_SOURCE, ""],
        [2023, "ho-chi-minh", "", "pillar_government", 0.8, 1, SYNTHETIC_SOURCE, ""],
    ]
    content = book_bytes(formats.INDICES_SHEET, [c.header for c in formats.INDEX_COLUMNS], rows)
    outcome = import_file(content, "x.xlsx", user="t")
    assert outcome.result == REFUSED and not outcome.checked.errors
    (warning,) = outcome.checked.warnings
    assert (warning.row, warning.column) == (3, "Xếp hạng") and "ho-chi-minh" in warning.reason


# --- the national DTI beside the provincial average ------------------------------------------------


def test_the_national_dti_and_the_provincial_average_are_two_series(fresh_db):
    focus = focus_province()
    imported(national_unit(), "don-vi-quoc-gia.xlsx")
    imported(province_2022_with_national_dti(), "tinh-2022.xlsx")
    overview = build_overview(focus, 2022)
    assert overview.average_index == pytest.approx(seed_average_2022(), abs=5e-5)
    assert overview.average_computed_from is None
    assert overview.national_index == NATIONAL_DTI_2022
    assert overview.national_source == SYNTHETIC_SOURCE
    # Its document is listed with the focus's sources (the footer of every page showing it).
    imported(sources_with_synthetic_document(), "van-ban.xlsx")
    assert SYNTHETIC_SOURCE in queries.cited_source_codes(focus)
    # The national unit is ranked among no provinces and changes no province's rank.
    table = rankings.national_ranking(2022)
    assert NATIONAL_UNIT not in set(table["unit_code"]) and len(table) == 63


def sources_with_synthetic_document() -> bytes:
    """The source documents as exported, plus the (synthetic) document the national DTI rows cite by code."""
    book = Workbook(exported(formats.SOURCES, {}), formats.SOURCES_SHEET)
    row = book.sheet.max_row + 1
    book.sheet.cell(row, book.column("Mã văn bản")).value = SYNTHETIC_SOURCE
    book.sheet.cell(row, book.column("Tên văn bản")).value = "Bộ số liệu thử nghiệm của các ca kiểm thử (không công bố)"
    return book.bytes()


def test_a_rank_on_the_national_dti_is_refused(fresh_db):
    imported(national_unit(), "don-vi-quoc-gia.xlsx")
    book = Workbook(province_2022_with_national_dti(), formats.SCORES_SHEET)
    row = book.set(NATIONAL_UNIT, "Xếp hạng công bố", 1)
    outcome = import_file(book.bytes(), "tinh-2022.xlsx", user="t")
    assert outcome.result == REFUSED
    assert (formats.SCORES_SHEET, row, "Xếp hạng công bố") in located(outcome)


def test_a_year_without_a_printed_average_computes_it_and_says_so(fresh_db):
    """Every ranked province with a value and no printed average: the mean, marked as computed."""
    values = {unit: round(0.9 - rank / 100, 4) for unit, rank in ranks_2023().items()}
    headers = ["Năm", "Cấp", "Mã đơn vị", "Tổng điểm", "Điểm tối đa công bố", "Xếp hạng công bố", "Nguồn công bố"]
    rows = [[2023, "province", u, values[u], 1, rank, SYNTHETIC_SOURCE] for u, rank in ranks_2023().items()]
    imported(book_bytes(formats.SCORES_SHEET, headers, rows), "dti-2023.xlsx")
    average, national = national_yardsticks(2023)
    assert average.computed_from == 63
    assert average.value == pytest.approx(sum(values.values()) / 63, abs=5e-5)
    assert national.value is None


# --- per-task points and source documents ----------------------------------------------------------


def seed_task_points() -> dict[str, float]:
    return {r["task"]: float(r["points_2022"]) for r in seed_csv("subindicator_points_2022.csv") if r["points_2022"]}


def test_task_points_are_exported_edited_and_imported(fresh_db):
    scope = {"year": 2022, "level": "province"}
    book = Workbook(exported(formats.TASKS, scope), formats.TASKS_SHEET)
    task_column, points_column, max_column = (book.headers.index(h) + 1 for h in ("Nhiệm vụ", "Điểm", "Điểm tối đa"))
    row = next(r for r in range(2, book.sheet.max_row + 1) if book.sheet.cell(r, points_column).value is not None)
    task = book.sheet.cell(row, task_column).value
    maximum = float(book.sheet.cell(row, max_column).value)
    assert float(book.sheet.cell(row, points_column).value) == seed_task_points()[task]

    book.sheet.cell(row, points_column).value = maximum + 1
    refused = import_file(book.bytes(), "nhiem-vu.xlsx", user="t")
    assert refused.result == REFUSED
    assert (formats.TASKS_SHEET, row, "Điểm") in located(refused)
    assert any("vượt điểm tối đa" in i.reason for i in refused.checked.errors)

    book.sheet.cell(row, points_column).value = maximum
    imported(book.bytes(), "nhiem-vu.xlsx")
    points = indicator_points(2022, "province", focus_province()).set_index("indicator_name_vi")["points"]
    assert points[task] == maximum
    others = {t: p for t, p in seed_task_points().items() if t != task}
    assert {t: points[t] for t in others} == others


def test_source_documents_are_added_and_updated_never_deleted(fresh_db):
    book = Workbook(exported(formats.SOURCES, {}), formats.SOURCES_SHEET)
    first_code = book.sheet.cell(2, book.column("Mã văn bản")).value
    book.sheet.cell(2, book.column("Địa chỉ")).value = "https://example.gov.vn/van-ban"
    book.sheet.delete_rows(3)  # a document left out of the file is kept
    row = book.sheet.max_row + 1
    for header, value in (
        ("Mã văn bản", "dti-2023-bo"),
        ("Tên văn bản", "Báo cáo Chỉ số chuyển đổi số năm 2023 (văn bản thử nghiệm)"),
        ("Ngày ban hành", "2024-06"),
    ):
        book.sheet.cell(row, book.column(header)).value = value
    with Session(db.get_engine()) as session:
        before = session.scalar(select(func.count()).select_from(Source))
    imported(book.bytes(), "van-ban.xlsx")
    sources = queries.sources().set_index("code")
    assert len(sources) == before + 1
    assert sources.loc[first_code, "url"] == "https://example.gov.vn/van-ban"
    assert sources.loc["dti-2023-bo", "issued"] == "2024-06"

    book.sheet.cell(row, book.column("Ngày ban hành")).value = "tháng 6"
    refused = import_file(book.bytes(), "van-ban.xlsx", user="t")
    assert refused.result == REFUSED and (formats.SOURCES_SHEET, row, "Ngày ban hành") in located(refused)


# --- the schema of a database created before indices had a rank ---------------------------------


def test_an_older_database_gains_the_indices_rank_and_keeps_its_values(fresh_db):
    with fresh_db.begin() as conn:
        values = dict(conn.execute(text("SELECT id, value FROM published_indices")).all())
        conn.execute(text("ALTER TABLE published_indices DROP COLUMN rank"))
    db.create_schema(fresh_db)
    db.create_schema(fresh_db)  # idempotent
    with fresh_db.connect() as conn:
        assert "rank" in {c["name"] for c in inspect(conn).get_columns("published_indices")}
        assert dict(conn.execute(text("SELECT id, value FROM published_indices")).all()) == values


def test_the_command_line_exports_the_new_datasets(fresh_db, tmp_path):
    runner = CliRunner()
    for arguments, name in (
        (["indices", "--year", "2022"], "chi-so-cong-bo-2022.xlsx"),
        (["tasks", "--year", "2022", "--level", "province"], "nhiem-vu-2022-province.xlsx"),
        (["sources"], "van-ban-nguon.xlsx"),
    ):
        result = runner.invoke(data_cli, ["export", *arguments, "-o", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).is_file()
    refused = runner.invoke(data_cli, ["export", "indices"])
    assert refused.exit_code != 0 and "--year" in refused.output
