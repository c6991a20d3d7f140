"""Files for the "years" cases, built as a data officer would type them (openpyxl, the template's
headers), from the seed CSVs: a new department, its 2023 points, a province's published DTI of a
later year. Expected values are recomputed from the same CSVs, never read from the app."""

from __future__ import annotations

import io

from openpyxl import Workbook as NewWorkbook

from data_access.importing import formats
from tests.data_access.importing.files import (
    YEAR,
    counted_sum,
    seed_csv,
    seed_pillars,
    seed_points,
)

NATIONAL_SOURCE = "Bộ TT&TT, Báo cáo DTI 2023 (bản dựng cho kiểm thử)"


def book_bytes(sheet_title: str, headers: list[str], rows: list[list]) -> bytes:
    book = NewWorkbook()
    book.active.title = sheet_title
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def focus_province() -> str:
    return next(r["parent_code"] for r in seed_csv("units.csv") if r["kind"] == "department")


def new_department_code() -> str:
    return f"{focus_province()}-so-khcn-moi"


def new_department_units() -> bytes:
    """A department founded in 2023 (a synthetic test unit, named so)."""
    focus = focus_province()
    row = [new_department_code(), "Sở Khoa học và Công nghệ (đơn vị thử nghiệm)", "Test department", "department"]
    row += [focus, 2023, None, None, "dữ liệu thử nghiệm", "đơn vị tạo cho kiểm thử"]
    return book_bytes(formats.UNITS_SHEET, [c.header for c in formats.UNIT_COLUMNS], [row])


def department_scores_2023() -> tuple[bytes, dict[str, float]]:
    """2023 points: every 2022 department keeps 90 % of its points except the two weakest, which gain
    full marks on their first pillar; the new department scores half of every maximum."""
    pillars = seed_pillars(YEAR, "department")
    points = seed_points(YEAR, "department")
    weakest = sorted(points, key=counted_sum)[:2]
    codes = list(pillars)
    rows, totals = [], {}
    for unit, by_pillar in sorted(points.items()):
        values = [round(by_pillar[c] * 0.9, 2) for c in codes]
        if unit in weakest:
            values[0] = float(pillars[codes[0]]["max_points"])
        rows.append([2023, "department", unit, "", *values])
        totals[unit] = sum(v for c, v in zip(codes, values, strict=True) if pillars[c]["counts_in_total"] == "true")
    halves = [float(pillars[c]["max_points"]) / 2 for c in codes]
    rows.append([2023, "department", new_department_code(), "", *halves])
    totals[new_department_code()] = sum(
        v for c, v in zip(codes, halves, strict=True) if pillars[c]["counts_in_total"] == "true"
    )
    return book_bytes(formats.SCORES_SHEET, ["Năm", "Cấp", "Mã đơn vị", "Tên đơn vị", *codes], rows), {
        u: round(t, 2) for u, t in totals.items()
    }


def seed_department_totals_2022() -> dict[str, float]:
    return {unit: round(counted_sum(unit), 2) for unit in seed_points(YEAR, "department")}


def national_results(year: int, results: list[tuple[str, int, float | None]]) -> bytes:
    """A year's national table as published: province, rank and DTI value (0..1, or blank)."""
    headers = ["Năm", "Cấp", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Điểm tối đa công bố", "Xếp hạng công bố"]
    headers.append("Nguồn công bố")
    rows = [
        [year, "province", unit, "", value, 1 if value is not None else None, rank, NATIONAL_SOURCE]
        for unit, rank, value in results
    ]
    return book_bytes(formats.SCORES_SHEET, headers, rows)


def seed_national_ranks(year: int = YEAR) -> dict[str, int]:
    return {r["unit_code"]: int(r["rank"]) for r in seed_csv("national_ranking_2022.csv")} if year == YEAR else {}


def seed_province_totals() -> dict[tuple[int, str], dict[str, str]]:
    """(year, province) → its row of totals.csv (ranks of the focus province over the years, its DTI)."""
    return {(int(r["year"]), r["unit_code"]): r for r in seed_csv("totals.csv") if r["level"] == "province"}
