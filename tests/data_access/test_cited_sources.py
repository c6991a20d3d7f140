"""The sources footer lists the documents the pages about the province in focus cite, not every
document in the database: another province in focus does not show Bình Phước's plan and reports."""

from __future__ import annotations

import csv

from data_access import queries
from data_access.settings import SEED_DIR
from seed.loader import META_DIR


def _rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_focus_cites_every_seeded_document_and_another_province_only_what_concerns_it(seeded_db):
    documents = {row["code"] for row in _rows(META_DIR / "sources.csv")}
    plan_57 = next(row["code"] for row in _rows(META_DIR / "sources.csv") if row["number"] == "57/KH-UBND")
    department_report = next(
        row["source"].split(";")[0] for row in _rows(SEED_DIR / "totals.csv") if row["level"] == "department"
    )

    assert queries.cited_source_codes("binh-phuoc") == documents, "the seed is about Bình Phước: all of it"
    elsewhere = queries.cited_source_codes("da-nang")
    assert plan_57 not in elsewhere and department_report not in elsewhere
    # Đà Nẵng's own 2022 result is cited: the national ranking's documents stay.
    da_nang = queries.published_results("province", unit_code="da-nang", year=2022)["source"].iloc[0]
    assert any(code in da_nang for code in elsewhere)
