"""The administration page's builders: problems, preview and history render what they are given."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace

import pandas as pd

from components import admin as views
from data_access.importing.locks import BUSY

SHA = "ab" * 32


def rendered(component) -> str:
    return json.dumps(component.to_plotly_json(), default=lambda c: c.to_plotly_json(), ensure_ascii=False)


def test_issues_table_lists_sheet_row_column_reason_and_severity():
    issues = [
        {"sheet": "Điểm", "row": 7, "column": "Tổng điểm", "reason": "tổng sai", "severity": "error"},
        {"sheet": "Điểm", "row": None, "column": "", "reason": "thiếu dòng", "severity": "warning"},
    ]
    table = views.issues_table(issues, "vi", "admin-issues")
    assert len(table.children[1].children) == 2
    text = rendered(table)
    for part in ("Điểm", "7", "Tổng điểm", "tổng sai", "Lỗi", "thiếu dòng", "Cảnh báo"):
        assert part in text
    assert "Severity" in rendered(views.issues_table(issues, "en", "admin-issues"))


def test_history_shortens_the_hash_keeps_it_whole_on_hover_and_shows_a_failed_report():
    frame = pd.DataFrame(
        [
            {
                "id": 2,
                "imported_at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
                "username": "admin",
                "file_name": "diem.xlsx",
                "sha256": SHA,
                "scope": "Điểm · 2022",
                "rows_read": 24,
                "rows_written": 0,
                "rows_replaced": 0,
                "n_warnings": 0,
                "result": "failed",
                "has_before": False,
            },
            {
                "id": 1,
                "imported_at": datetime(2026, 1, 1, 23, 0),
                "username": "admin",
                "file_name": "diem.xlsx",
                "sha256": SHA,
                "scope": "Điểm · 2022",
                "rows_read": 24,
                "rows_written": 216,
                "rows_replaced": 216,
                "n_warnings": 0,
                "result": "ok",
                "has_before": True,
            },
        ]
    )
    reports = {2: ([], "RuntimeError: mất kết nối")}
    text = rendered(views.history_table(frame, reports, "vi", "admin-history-table"))
    assert SHA[:12] + "…" in text and f'"title": "{SHA}"' in text
    assert "Lỗi khi ghi: RuntimeError: mất kết nối" in text
    assert "Thất bại" in text and "Đã nạp" in text
    assert '"index": "1:before"' in text and '"index": "1:after"' in text and "2:before" not in text
    # Stored in UTC, shown in Vietnam's time (UTC+7), SQLite's zone-less value included.
    assert "02/01/2026 10:04" in text and "02/01/2026 06:00" in text


def test_score_preview_marks_differences_and_the_median_method():
    frame = pd.DataFrame(
        [
            {
                "unit_code": "a",
                "unit_name": "A",
                "total_computed": 500.5,
                "total_published": 500.5,
                "rank_computed": 1,
                "rank_published": 2,
                "group_computed": "Tốt",
                "group_published": "Tốt",
                "median_method": True,
                "differs": True,
            }
        ]
    )
    text = rendered(views.score_preview_table(frame, "vi", "admin-preview"))
    assert "500,5" in text and "trung vị" in text and "khác công bố" in text and "admin-differs" in text


def test_a_commit_refused_for_a_reason_of_its_own_says_the_reason():
    """A second import of the same data while one runs is refused with the lock's own words,
    not the generic "errors or unconfirmed warnings" that would send the admin looking for them."""
    busy = views.commit_message(SimpleNamespace(result="refused", record_id=12, error=BUSY), "vi")
    assert BUSY in rendered(busy) and "số 12" in rendered(busy)
    plain = views.commit_message(SimpleNamespace(result="refused", record_id=13, error=""), "vi")
    assert "cảnh báo chưa được xác nhận" in rendered(plain)
