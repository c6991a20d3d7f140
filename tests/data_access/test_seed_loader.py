"""The seed loader: idempotent, rebuilt by --reset, and refusing figures that do not add up."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from data_access import db
from data_access.models import DataChange, PillarScore, PublishedResult, Unit
from data_access.settings import PROJECT_ROOT, SEED_DIR
from seed.loader import SeedRefused, load_seed


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            model.__tablename__: conn.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Unit, PillarScore, PublishedResult, DataChange)
        }


def _edited_seed(tmp_path: Path, name: str, line: int, column: str, value: str) -> Path:
    """A copy of the seed data with one cell changed (`line` as a spreadsheet shows it)."""
    folder = tmp_path / "data"
    shutil.copytree(SEED_DIR, folder)
    with open(folder / name, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    rows[line - 2][column] = value
    with open(folder / name, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


def test_loading_twice_changes_nothing(empty_sqlite):
    first = load_seed(empty_sqlite)
    counts = _counts(empty_sqlite)
    second = load_seed(empty_sqlite)
    assert first.loaded and not second.loaded
    assert _counts(empty_sqlite) == counts
    # 44 rows of totals.csv + 63 of the national ranking, 6 provinces in both.
    assert counts == {"units": 99, "pillar_scores": 339, "published_results": 101, "data_changes": 1}


def test_reset_rebuilds_a_damaged_database(empty_sqlite):
    load_seed(empty_sqlite)
    with db.session_scope(empty_sqlite) as session:
        session.query(PillarScore).delete()
    assert _counts(empty_sqlite)["pillar_scores"] == 0
    assert load_seed(empty_sqlite, reset=True).loaded
    assert _counts(empty_sqlite)["pillar_scores"] == 339


@pytest.mark.parametrize(
    ("name", "line", "column", "value", "reason"),
    [
        ("scores.csv", 3, "points", "75", "vượt điểm tối đa 70"),
        ("scores.csv", 3, "points", "-1", "điểm âm"),
        ("scores.csv", 3, "points", "7O", "không phải là số"),
        ("totals.csv", 2, "published_total", "560.41", "khác tổng công bố 560.41"),
        ("totals.csv", 5, "published_group", "Tốt", "không khớp ngưỡng"),
        ("units.csv", 66, "parent_code", "khong-co", "không có trong units.csv"),
    ],
)
def test_a_figure_that_does_not_add_up_is_refused_with_its_place_and_nothing_is_written(
    empty_sqlite, tmp_path, name, line, column, value, reason
):
    folder = _edited_seed(tmp_path, name, line, column, value)
    with pytest.raises(SeedRefused) as refused:
        load_seed(empty_sqlite, data_dir=folder)
    matching = [p for p in refused.value.problems if p.file == name and p.line == line and reason in p.reason]
    assert matching, [str(p) for p in refused.value.problems]
    assert matching[0].column == column
    assert db.is_empty(empty_sqlite)


def test_known_source_discrepancies_load_as_notices_not_errors(empty_sqlite):
    report = load_seed(empty_sqlite)
    assert any("pillar_indices.csv" in n and "0.3305" in n for n in report.notices)
    assert any("91.75" in n for n in report.notices)


def test_command_line_loads_then_reports_already_loaded(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    run = [sys.executable, "-m", "seed"]
    first = subprocess.run(run, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True)
    second = subprocess.run(run, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True)
    assert "Đã nạp dữ liệu gốc" in first.stdout
    assert "không nạp lại" in second.stdout
