"""A unit's page without per-index points says exactly what the year has for it and what would
fill the page: Bình Phước's 2021 is a published national rank only (seed/data/totals.csv)."""

from __future__ import annotations

import csv

from components.units import no_pillars_text
from data_access.settings import SEED_DIR
from data_access.units import unit_summary

FOCUS = "binh-phuoc"


def seed_row(year: int) -> dict[str, str]:
    with (SEED_DIR / "totals.csv").open(encoding="utf-8") as handle:
        return next(r for r in csv.DictReader(handle) if r["year"] == str(year) and r["unit_code"] == FOCUS)


def test_a_rank_only_year_says_it_has_the_rank_only_and_how_to_fill_it(seeded_db):
    row = seed_row(2021)
    assert row["published_rank"] and not row["published_total"]
    summary = unit_summary(FOCUS, 2021)
    assert summary.pillars.empty

    text = no_pillars_text(summary, "vi")

    assert f"chỉ có thứ hạng công bố của Bình Phước ({row['published_rank']}" in text
    assert "chưa có giá trị tổng" in text
    assert "nạp khung tiêu chí và mẫu “Điểm” năm 2021, cấp tỉnh, thành phố tại /admin" in text
    assert "kết quả tổng hợp ở trên" not in text
