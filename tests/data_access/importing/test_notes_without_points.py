"""A score note or source written for one pillar ("[code] text") whose points cell is blank has nowhere
to be stored (a pillar's note lives on its score, and a score is its points): the file is refused with
the row, the column and the reason, rather than the line dropped without a word. SQLite and PostgreSQL.

The file is the seeded 2022 province scores as exported: Bình Phước's row has points on every counted
pillar and none on Đô thị thông minh (measured, worth 0, so its cell may stay blank).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import db
from data_access.importing import OK, REFUSED, formats, import_file
from data_access.models import Framework, Pillar, PillarScore, Unit
from tests.data_access.importing.files import Workbook, exported, seed_pillars

YEAR, LEVEL, UNIT = 2022, "province", "binh-phuoc"
SHEET = formats.SCORES_SHEET


def scores_book() -> Workbook:
    return Workbook(exported(formats.SCORES, {"year": YEAR, "level": LEVEL}), SHEET)


def unscored_pillar() -> str:
    """A pillar of the year's framework that is worth nothing (its cell may be blank)."""
    return next(code for code, p in seed_pillars(YEAR, LEVEL).items() if p["counts_in_total"] == "false")


def stored_notes() -> dict[str, str]:
    with Session(db.get_engine()) as session:
        rows = session.execute(
            select(Pillar.code, PillarScore.note)
            .join(PillarScore, PillarScore.pillar_id == Pillar.id)
            .join(Framework, Pillar.framework_id == Framework.id)
            .join(Unit, PillarScore.unit_id == Unit.id)
            .where(Framework.year == YEAR, Framework.level == LEVEL, Unit.code == UNIT)
        )
        return dict(rows.all())


def test_a_note_line_for_a_pillar_without_points_refuses_the_file_at_its_cell(fresh_db):
    book = scores_book()
    blank = unscored_pillar()
    assert book.get(UNIT, blank) in (None, ""), "the seed leaves the pillar worth nothing unscored"
    note = book.get(UNIT, "Ghi chú điểm")
    row = book.set(UNIT, "Ghi chú điểm", f"{note}\n[{blank}] đo nhưng không tính vào DTI")
    before, version = stored_notes(), db.data_version(fresh_db)

    outcome = import_file(book.bytes(), "diem-2022-tinh.xlsx", user="data-officer", accept_warnings=True)

    assert outcome.result == REFUSED
    errors = [(i.sheet, i.row, i.column) for i in outcome.checked.errors]
    assert errors == [(SHEET, row, "Ghi chú điểm")]
    reason = outcome.checked.errors[0].reason
    assert f"[{blank}] đo nhưng không tính vào DTI" in reason
    assert "không lưu được" in reason and "trống" in reason
    assert "Ghi chú công bố" in reason, "it says where such a note can go"
    assert stored_notes() == before
    assert db.data_version(fresh_db) == version


def test_a_source_line_for_a_pillar_without_points_is_refused_too(fresh_db):
    book = scores_book()
    blank = unscored_pillar()
    scored = next(code for code in stored_notes() if code != blank)
    row = book.set(UNIT, "Nguồn điểm", f"[{scored}] Báo cáo số 1\n[{blank}] Báo cáo số 2")

    outcome = import_file(book.bytes(), "diem-2022-tinh.xlsx", user="data-officer", accept_warnings=True)

    assert outcome.result == REFUSED
    assert [(i.row, i.column) for i in outcome.checked.errors] == [(row, "Nguồn điểm")]
    assert "Báo cáo số 2" in outcome.checked.errors[0].reason


def test_a_plain_note_on_a_row_with_an_unscored_pillar_is_kept_on_every_scored_pillar(fresh_db):
    book = scores_book()
    book.set(UNIT, "Ghi chú điểm", "ghi chú chung của dòng")

    outcome = import_file(book.bytes(), "diem-2022-tinh.xlsx", user="data-officer", accept_warnings=True)

    assert outcome.result == OK, outcome.checked.issues
    notes = stored_notes()
    assert unscored_pillar() not in notes
    assert set(notes.values()) == {"ghi chú chung của dòng"}
