"""Writing imports: all or nothing, replaced as one versioned change, visible at once, with history.

Every test gets a freshly seeded database (SQLite and PostgreSQL) and reads expectations from the
seed CSVs or from the file it imports, never from the app's own output.
"""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook as NewWorkbook
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import db, queries, rankings
from data_access.importing import FAILED, OK, REFUSED, UNCHANGED, check, commit, formats, import_file
from data_access.importing import files as downloads
from data_access.importing.export import dataset_tables, datasets_available
from data_access.importing.history import history, record, report_issues, snapshot
from data_access.models import Base
from seed.loader import load_seed
from tests.data_access.importing.files import (
    Workbook,
    competition_ranks,
    counted_sum,
    exported,
    framework_2023,
    scores_2023,
    seed_csv,
    seed_points,
    seed_totals,
)

YEAR, LEVEL = 2022, "department"
SCOPE = {"year": YEAR, "level": LEVEL}


def province_of_departments() -> str:
    return next(r["parent_code"] for r in seed_csv("units.csv") if r["kind"] == LEVEL)


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def tables_now(dataset: str = formats.SCORES, scope: dict = SCOPE) -> dict:
    with Session(db.get_engine()) as session:
        return {name: frame.astype(str) for name, frame in dataset_tables(session, dataset, scope).items()}


def lowered_top_unit() -> tuple[bytes, str, float, int]:
    """The seed's best department lowered to between the third and the fourth: (file, unit, new total, new rank)."""
    totals = {unit: counted_sum(unit) for unit in seed_points(YEAR, LEVEL)}
    ordered = sorted(totals, key=totals.get, reverse=True)
    top = ordered[0]
    new_total = round((totals[ordered[2]] + totals[ordered[3]]) / 2, 2)
    pillar = max(seed_points(YEAR, LEVEL)[top], key=seed_points(YEAR, LEVEL)[top].get)
    book = Workbook(exported(formats.SCORES, SCOPE), formats.SCORES_SHEET)
    book.set(top, pillar, round(seed_points(YEAR, LEVEL)[top][pillar] - (totals[top] - new_total), 2))
    book.set(top, "Tổng điểm", new_total)
    # The published ranks follow the new total, as in the data team's corrected table; its group is left blank.
    published = {u: float(r["published_total"]) for u, r in seed_totals(YEAR, LEVEL).items()}
    for unit, rank in competition_ranks({**published, top: new_total}).items():
        book.set(unit, "Xếp hạng công bố", rank)
    book.set(top, "Nhóm công bố", None)
    expected_rank = competition_ranks({**totals, top: new_total})[top]
    return book.bytes(), top, new_total, expected_rank


def test_a_changed_figure_shows_at_once_and_history_keeps_both_versions(fresh_db):
    province = province_of_departments()
    content, unit, new_total, new_rank = lowered_top_unit()
    before = rankings.unit_ranking(province, LEVEL, YEAR).table.set_index("unit_code")  # now cached
    assert before.loc[unit, "rank"] == 1
    version = db.data_version()

    outcome = import_file(content, "diem-2022.xlsx", user="tester")

    assert outcome.result == OK, outcome.checked.issues
    assert db.data_version() == outcome.data_version > version
    after = rankings.unit_ranking(province, LEVEL, YEAR).table.set_index("unit_code")  # no cache clearing
    assert after.loc[unit, "total"] == pytest.approx(new_total)
    assert after.loc[unit, "rank"] == new_rank
    scores = queries.pillar_scores(YEAR, LEVEL)
    assert scores[scores["unit_code"] == unit]["points"].sum() == pytest.approx(new_total)

    kept = record(outcome.record_id)
    assert (kept.username, kept.file_name, kept.result) == ("tester", "diem-2022.xlsx", OK)
    assert len(kept.sha256) == 64 and kept.rows_read == len(seed_totals(YEAR, LEVEL))
    old, new = snapshot(kept, "before")[formats.SCORES_SHEET], snapshot(kept, "after")[formats.SCORES_SHEET]
    total = "Tổng điểm"
    assert old.set_index("Mã đơn vị").loc[unit, total] == float(seed_totals(YEAR, LEVEL)[unit]["published_total"])
    assert new.set_index("Mã đơn vị").loc[unit, total] == new_total

    # The previous version downloads as a template file and imports back: the seed's figures return.
    name, previous = downloads.snapshot_file(outcome.record_id, "before", "xlsx")
    assert name.endswith(".xlsx")
    restored = import_file(previous, name, user="tester")
    assert restored.result == OK
    assert rankings.unit_ranking(province, LEVEL, YEAR).table.set_index("unit_code").loc[unit, "rank"] == 1
    assert list(history()["id"]) == [restored.record_id, outcome.record_id]


def test_a_file_with_faults_changes_nothing(fresh_db):
    units = sorted(seed_totals(YEAR, LEVEL))
    book = Workbook(exported(formats.SCORES, SCOPE), formats.SCORES_SHEET)
    book.set(units[0], "awareness", "x")
    book.set(units[1], "infrastructure", -2)
    book.set(units[2], "institutions", 10_000)
    book.set(units[3], "Mã đơn vị", "khong-co")
    book.sheet.cell(1, len(book.headers) + 1).value = "Lạ [la]"
    counts, version, data = row_counts(fresh_db), db.data_version(), tables_now()

    outcome = import_file(book.bytes(), "loi.xlsx", user="tester")

    assert outcome.result == REFUSED
    assert (row_counts(fresh_db), db.data_version()) == (counts, version)
    assert all(tables_now()[k].equals(data[k]) for k in data)
    issues, error = report_issues(record(outcome.record_id))
    assert len(issues) == len(outcome.checked.issues) >= 5 and error == ""


@pytest.mark.parametrize("step", ["replaced", "written"])
def test_a_failure_in_the_middle_rolls_everything_back(fresh_db, step: str):
    content, *_ = lowered_top_unit()
    counts, version, data = row_counts(fresh_db), db.data_version(), tables_now()

    def fail_at(reached: str) -> None:
        if reached == step:
            raise RuntimeError(f"injected failure after {reached}")

    outcome = import_file(content, "diem.xlsx", user="tester", step_hook=fail_at)

    assert outcome.result == FAILED
    assert (row_counts(fresh_db), db.data_version()) == (counts, version)
    assert all(tables_now()[k].equals(data[k]) for k in data)
    kept = record(outcome.record_id)
    assert kept.result == FAILED and kept.snapshot_after == ""
    assert f"injected failure after {step}" in report_issues(kept)[1]


def test_a_failure_moving_the_data_version_rolls_back_too(fresh_db, monkeypatch: pytest.MonkeyPatch):
    content, *_ = lowered_top_unit()
    counts, version = row_counts(fresh_db), db.data_version()

    def broken(session, description):
        raise OSError("disk full")

    monkeypatch.setattr(db, "record_change", broken)
    outcome = import_file(content, "diem.xlsx", user="tester")
    assert outcome.result == FAILED and "disk full" in outcome.error
    assert (row_counts(fresh_db), db.data_version()) == (counts, version)


def test_warnings_are_written_only_when_accepted(fresh_db):
    unit = next(u for u, r in seed_totals(YEAR, LEVEL).items() if r["median_method"] == "true")
    book = Workbook(exported(formats.SCORES, SCOPE), formats.SCORES_SHEET)
    book.set(unit, "Tổng điểm", float(seed_totals(YEAR, LEVEL)[unit]["published_total"]) + 3)
    version = db.data_version()

    checked = check(book.bytes(), "diem.xlsx")
    assert checked.errors == [] and len(checked.warnings) == 1
    assert commit(checked, user="tester").result == REFUSED
    assert db.data_version() == version

    accepted = commit(checked, user="tester", accept_warnings=True)
    assert accepted.result == OK and record(accepted.record_id).warnings_accepted
    published = queries.published_results(LEVEL, year=YEAR).set_index("unit_code")
    assert published.loc[unit, "total"] == pytest.approx(float(seed_totals(YEAR, LEVEL)[unit]["published_total"]) + 3)


def test_a_new_year_becomes_selectable_with_rank_changes_against_the_year_before(fresh_db):
    province = province_of_departments()
    assert 2023 not in queries.available_years()
    scores_file, totals_2023 = scores_2023()
    refused = check(scores_file, "diem-2023.xlsx")
    assert any("chưa có khung đánh giá năm 2023" in i.reason for i in refused.errors)

    assert import_file(framework_2023(), "khung-2023.xlsx", user="tester").result == OK
    outcome = import_file(scores_file, "diem-2023.xlsx", user="tester")
    assert outcome.result == OK, outcome.checked.issues

    assert 2023 in queries.available_years()
    assert 2023 in rankings.level_years(LEVEL, province)
    ranking = rankings.unit_ranking(province, LEVEL, 2023)
    assert (ranking.previous_year, ranking.has_previous) == (YEAR, True)
    ranks_2022 = {u: int(r["published_rank"]) for u, r in seed_totals(YEAR, LEVEL).items()}
    ranks_2023 = competition_ranks(totals_2023)
    table = ranking.table.set_index("unit_code")
    for unit, rank in ranks_2023.items():
        assert table.loc[unit, "rank"] == rank
        assert table.loc[unit, "rank_change"] == ranks_2022[unit] - rank
    assert table["rank_change"].abs().sum() > 0


def scopes_of(dataset: str) -> list[dict]:
    with Session(db.get_engine()) as session:
        return [scope for found, scope in datasets_available(session) if found == dataset]


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
@pytest.mark.parametrize("dataset", formats.DATASETS)
def test_an_unchanged_export_imported_again_writes_nothing_and_keeps_the_data_version(
    fresh_db, dataset: str, file_format: str
):
    """Every dataset of the catalogue, every scope the seed holds: exported then imported unchanged,
    nothing is written, the data version stays (no cache or wall screen redraws for nothing), and
    the history records the attempt as "không thay đổi"."""
    scopes = scopes_of(dataset)
    assert scopes, f"the seed holds no {dataset}: it cannot be shown to round-trip"
    for scope in scopes:
        before, counts, version = tables_now(dataset, scope), row_counts(fresh_db), db.data_version()
        name, content = downloads.export_file(dataset, scope, file_format)
        outcome = import_file(content, name, user="tester")
        assert outcome.result == UNCHANGED, (scope, outcome.result, outcome.error, outcome.checked.issues)
        assert db.data_version() == version == outcome.data_version, scope
        after = tables_now(dataset, scope)
        assert before.keys() == after.keys()
        for sheet in before:
            assert before[sheet].equals(after[sheet]), (scope, sheet)
        assert {k: v for k, v in row_counts(fresh_db).items() if k != "import_records"} == {
            k: v for k, v in counts.items() if k != "import_records"
        }
        latest = history().iloc[0]
        assert (latest["id"], latest["result"], latest["rows_written"]) == (outcome.record_id, UNCHANGED, 0)


def test_one_changed_figure_in_an_export_is_written_and_moves_the_data_version(fresh_db):
    """The other side of "không thay đổi": a single edited note is a change like any other."""
    unit = sorted(seed_totals(YEAR, LEVEL))[0]
    book = Workbook(exported(formats.SCORES, SCOPE), formats.SCORES_SHEET)
    book.set(unit, "Ghi chú công bố", "Đã rà soát lại theo văn bản đính chính")
    version = db.data_version()
    outcome = import_file(book.bytes(), "diem.xlsx", user="tester")
    assert outcome.result == OK and outcome.data_version == db.data_version() == version + 1
    published = queries.published_results(LEVEL, year=YEAR).set_index("unit_code")
    assert published.loc[unit, "note"] == "Đã rà soát lại theo văn bản đính chính"


def test_csv_exports_write_whole_numbers_whole(fresh_db):
    """A whole number is written `25`, never `25.0` (pandas would, for any column with a blank)."""
    whole: dict[str, int] = {}
    for dataset in formats.DATASETS:
        for scope in scopes_of(dataset):
            text = downloads.export_file(dataset, scope, "csv")[1].decode("utf-8-sig")
            for row in csv.reader(io.StringIO(text)):
                for cell in row:
                    try:
                        number = float(cell)
                    except ValueError:
                        continue
                    assert not (number.is_integer() and "." in cell), (dataset, scope, cell)
                    whole[dataset] = whole.get(dataset, 0) + number.is_integer()
    # Points and maxima (scores, frameworks) and counts (observations) are whole numbers in the seed.
    assert all(whole.get(d) for d in (formats.SCORES, formats.FRAMEWORK, formats.OBSERVATIONS)), whole


def _csv_with(cells: dict[str, str], unit: str) -> bytes:
    """The exported CSV with some text cells of `unit`'s row replaced, as typed in a text editor."""
    rows = list(csv.reader(io.StringIO(exported(formats.SCORES, SCOPE, "csv").decode("utf-8-sig"))))
    header, at = rows[0], [r[2] for r in rows].index(unit)
    for name, value in cells.items():
        rows[at][header.index(name)] = value
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def test_formula_like_cells_are_neutralised_on_export_and_read_back_as_typed(fresh_db):
    unit = sorted(seed_totals(YEAR, LEVEL))[0]
    typed = {"Ghi chú công bố": '=HYPERLINK("http://x","y")', "Nguồn công bố": "@SUM(A1)"}
    assert import_file(_csv_with(typed, unit), "diem.csv", user="tester").result == OK

    xlsx = Workbook(exported(formats.SCORES, SCOPE), formats.SCORES_SHEET)
    row = xlsx.row_of(unit)
    for header, value in typed.items():
        cell = xlsx.sheet.cell(row, xlsx.column(header))
        assert cell.value == "'" + value and cell.data_type == "s"
    assert "'=HYPERLINK" in exported(formats.SCORES, SCOPE, "csv").decode("utf-8-sig")

    # Read back as typed: the very figures stored, so nothing to write.
    assert import_file(xlsx.bytes(), "diem.xlsx", user="tester").result == UNCHANGED
    published = queries.published_results(LEVEL, year=YEAR).set_index("unit_code")
    assert published.loc[unit, "note"] == '=HYPERLINK("http://x","y")'


def test_import_history_survives_a_reload_of_the_seed(fresh_db):
    content, *_ = lowered_top_unit()
    outcome = import_file(content, "diem.xlsx", user="tester")
    load_seed(fresh_db, reset=True)
    assert list(history()["id"]) == [outcome.record_id]
    assert snapshot(record(outcome.record_id), "after")


def _units_file(rows: list[list]) -> bytes:
    book = NewWorkbook()
    book.active.title = formats.UNITS_SHEET
    book.active.append([c.header for c in formats.UNIT_COLUMNS])
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ranks_file(year: int, units: list[str]) -> bytes:
    book = NewWorkbook()
    book.active.title = formats.SCORES_SHEET
    book.active.append(["Năm", "Cấp", "Mã đơn vị", "Xếp hạng công bố"])
    for rank, unit in enumerate(units, 1):
        book.active.append([year, "province", unit, rank])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_unit_that_ends_keeps_its_history_and_denominators_follow_the_year(fresh_db):
    """The focus ends with the 2025 merger (the seeded mapping: into Đồng Nai, last ranked on its own in
    2023); a units file saying the same goes in, with a department that starts in 2023."""
    provinces = [r for r in seed_csv("units.csv") if r["kind"] == "province"]
    focus = province_of_departments()
    mapping = seed_csv("reorganisation_2025.csv")
    successor = next(r["successor_code"] for r in mapping if r["predecessor_code"] == focus)
    rows = [
        [r["unit_code"], r["name_vi"], r["name_en"], "province", None, None, 2023, successor, "", "sáp nhập 7/2025"]
        for r in provinces
        if r["unit_code"] == focus
    ]
    rows.append([f"{focus}-so-moi", "Sở mới", "", "department", focus, 2023, None, None, "", ""])
    outcome = import_file(_units_file(rows), "don-vi.xlsx", user="tester")
    assert outcome.result == OK, outcome.checked.issues

    still_valid = list(dict.fromkeys(r["successor_code"] for r in mapping))
    assert import_file(_ranks_file(2024, still_valid), "xep-hang-2024.xlsx", user="t").result == OK
    assert set(rankings.national_ranking(2024)["rank_of"]) == {len(still_valid)}
    ranking_2022 = rankings.national_ranking(YEAR)
    assert set(ranking_2022["rank_of"]) == {len(provinces)}
    assert focus in set(ranking_2022["unit_code"])  # history kept
    assert focus not in set(rankings.national_ranking(2024)["unit_code"])

    refused = check(_ranks_file(2024, [*still_valid, focus]), "xep-hang-2024.xlsx")
    assert [(i.row, i.column) for i in refused.errors] == [(len(still_valid) + 2, "Mã đơn vị")]
    assert "không còn hiệu lực năm 2024" in refused.errors[0].reason and successor in refused.errors[0].reason

    new_unit = f"{focus}-so-moi"
    assert new_unit not in set(rankings.child_units(focus, LEVEL, YEAR)["unit_code"])
    assert new_unit in set(rankings.child_units(focus, LEVEL, 2023)["unit_code"])
    _name, template = downloads.template_file(formats.SCORES, SCOPE)
    codes = [
        row[2]
        for row in load_workbook(io.BytesIO(template))[formats.SCORES_SHEET].iter_rows(min_row=2, values_only=True)
    ]
    assert new_unit not in codes and set(codes) == set(seed_totals(YEAR, LEVEL))


def test_the_history_names_an_imports_units_not_their_codes(fresh_db):
    """The history's scope line is what the admin's history and the wall's ticker show: a unit by the
    name the units file gives it, never its code."""
    sheet = Workbook(exported(formats.OBSERVATIONS, {}), formats.OBSERVATIONS_SHEET)
    sheet.sheet.cell(row=2, column=sheet.headers.index("Ghi chú") + 1).value = "ghi chú thử"
    unit = sheet.sheet.cell(row=2, column=sheet.headers.index("Mã đơn vị") + 1).value

    outcome = import_file(sheet.bytes(), "so-lieu.xlsx", user="tester", accept_warnings=True)

    assert outcome.result == OK, outcome.checked.issues
    name = next(r["name_vi"] for r in seed_csv("units.csv") if r["unit_code"] == unit)
    scope = record(outcome.record_id).scope
    assert name in scope and unit not in scope.split(" · ")
