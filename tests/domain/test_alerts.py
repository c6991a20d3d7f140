"""`domain.alerts`: what the ticker says between the browser's last look and now."""

from __future__ import annotations

from domain.alerts import IMPORT, RANK, RISK, alerts_since, valid_alerts, valid_state

SEEN = {"version": 5, "last_import": 3, "rank": {"year": 2022, "rank": 12, "rank_of": 63}, "risky": ["a"]}
IMPORTS = [
    {"id": 5, "dataset": "Điểm của đơn vị", "scope": "Điểm của đơn vị · 2023 · tỉnh", "at": "2026-11-29T10:20+07:00"},
    {"id": 4, "dataset": "Khung đánh giá", "scope": "Khung đánh giá · 2023 · tỉnh", "at": "2026-11-29T10:19+07:00"},
    {"id": 3, "dataset": "Danh mục đơn vị", "scope": "Danh mục đơn vị", "at": "2026-11-29T09:00+07:00"},
]


def test_imports_after_the_last_one_seen_oldest_first_then_the_rank_then_new_risks():
    now = {"version": 7, "last_import": 5, "rank": {"year": 2023, "rank": 10, "rank_of": 63}, "risky": ["a", "b"]}

    alerts = alerts_since(SEEN, now, IMPORTS, {"b": "Tỷ lệ phủ sóng"})

    assert [a.kind for a in alerts] == [IMPORT, IMPORT, RANK, RISK]
    assert [a.scope for a in alerts[:2]] == ["Khung đánh giá · 2023 · tỉnh", "Điểm của đơn vị · 2023 · tỉnh"]
    assert alerts[1].at == "2026-11-29T10:20+07:00"
    rank = alerts[2]
    assert (rank.year, rank.previous_year, rank.previous, rank.current) == (2023, 2022, 12, 10)
    assert (alerts[3].code, alerts[3].name) == ("b", "Tỷ lệ phủ sóng")


def test_nothing_changed_means_no_alert_and_a_target_no_longer_at_risk_is_not_news():
    now = {**SEEN, "risky": []}
    assert alerts_since(SEEN, now, IMPORTS[2:], {}) == []


def test_a_rank_changed_within_the_same_year_keeps_the_year():
    now = {**SEEN, "rank": {"year": 2022, "rank": 14, "rank_of": 63}}
    (alert,) = alerts_since(SEEN, now, [], {})
    assert (alert.kind, alert.previous_year, alert.previous, alert.current) == (RANK, None, 12, 14)


def test_no_or_a_malformed_last_look_starts_from_now():
    now = {**SEEN, "last_import": 9, "risky": ["a", "b", "c"]}
    for seen in (None, {}, "x", {"version": "5", "last_import": 3, "risky": []}, {**SEEN, "risky": "a"}):
        assert alerts_since(seen, now, IMPORTS, {}) == []
    assert valid_state(SEEN) == SEEN


def test_a_tampered_list_of_shown_alerts_keeps_only_well_formed_ones():
    good = alerts_since(SEEN, {**SEEN, "risky": ["a", "b"]}, [], {"b": "B"})[0].as_dict()
    assert valid_alerts([good, {"kind": "risk"}, {**good, "kind": "script"}, "x", {**good, "extra": 1}]) == [good]
    assert valid_alerts("not a list") == []
