"""Test files built the way the data team would: from an export or a template, edited in openpyxl,
and the seed CSVs read directly for expectations (never the app's own output)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from openpyxl import Workbook as NewWorkbook
from openpyxl import load_workbook

from data_access.importing import files, formats
from data_access.settings import SEED_DIR


def dataset_csv(columns: tuple[formats.Column, ...], rows: list[dict[str, object]]) -> bytes:
    """A dataset's CSV as a data officer saves it: the dataset's headers, then `rows` keyed by them."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[column.header for column in columns])
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def seed_csv(name: str) -> list[dict[str, str]]:
    with open(SEED_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def seed_pillars(year: int, level: str) -> dict[str, dict[str, str]]:
    return {
        r["pillar_code"]: r
        for r in seed_csv("frameworks.csv")
        if r["framework_year"] == str(year) and r["level"] == level
    }


def seed_points(year: int, level: str) -> dict[str, dict[str, float]]:
    """unit → pillar → points, from seed/data/scores.csv."""
    points: dict[str, dict[str, float]] = defaultdict(dict)
    for r in seed_csv("scores.csv"):
        if r["year"] == str(year) and r["level"] == level:
            points[r["unit_code"]][r["pillar_code"]] = float(r["points"])
    return points


def seed_totals(year: int, level: str) -> dict[str, dict[str, str]]:
    return {r["unit_code"]: r for r in seed_csv("totals.csv") if r["year"] == str(year) and r["level"] == level}


def exported(dataset: str, scope: dict, file_format: str = "xlsx") -> bytes:
    return files.export_file(dataset, scope, file_format)[1]


class Workbook:
    """An .xlsx file opened for editing by header and unit code, as a person would in Excel."""

    def __init__(self, content: bytes, sheet: str):
        self.book = load_workbook(io.BytesIO(content))
        self.sheet = self.book[sheet]
        self.headers = [c.value for c in self.sheet[1]]

    def column(self, header_start: str) -> int:
        """1-based column whose header starts with `header_start` (a pillar's name or code in brackets)."""
        for position, header in enumerate(self.headers, 1):
            if header and (header == header_start or header.startswith(header_start) or f"[{header_start}]" in header):
                return position
        raise KeyError(header_start)

    def row_of(self, unit_code: str) -> int:
        code_column = self.column("Mã đơn vị")
        for row in range(2, self.sheet.max_row + 1):
            if self.sheet.cell(row, code_column).value == unit_code:
                return row
        raise KeyError(unit_code)

    def get(self, unit_code: str, header: str):
        return self.sheet.cell(self.row_of(unit_code), self.column(header)).value

    def set(self, unit_code: str, header: str, value) -> int:
        row = self.row_of(unit_code)
        self.sheet.cell(row, self.column(header)).value = value
        return row

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()


YEAR, LEVEL = 2022, "department"


def counted_sum(unit: str, year: int = YEAR, level: str = LEVEL) -> float:
    """A unit's total recomputed from the seed: the sum of its pillars that count."""
    pillars = seed_pillars(year, level)
    return sum(p for code, p in seed_points(year, level)[unit].items() if pillars[code]["counts_in_total"] == "true")


def competition_ranks(totals: dict[str, float]) -> dict[str, int]:
    """Ranks as published ("1, 2, 2, 4"), written out independently of the app's scoring."""
    return {u: 1 + sum(1 for other in totals.values() if round(other, 6) > round(t, 6)) for u, t in totals.items()}


def framework_2023() -> bytes:
    """The 2023 department framework typed by hand: the 2022 pillars and thresholds of the seed."""
    book = NewWorkbook()
    sheet = book.active
    sheet.title = formats.FRAMEWORK_SHEET
    sheet.append([c.header for c in formats.FRAMEWORK_COLUMNS])
    for code, p in seed_pillars(YEAR, LEVEL).items():
        sheet.append(
            [2023, "sở", code, p["pillar_name_vi"], p["pillar_name_en"], p["pillar_group"], float(p["max_points"]),
             None, "x" if p["counts_in_total"] == "true" else "", int(p["sort_order"]), "gõ tay", ""]
        )  # fmt: skip
    groups = book.create_sheet(formats.GROUPS_SHEET)
    groups.append([c.header for c in formats.GROUP_COLUMNS])
    for g in seed_csv("../meta/group_thresholds.csv"):
        if g["framework_year"] == str(YEAR) and g["level"] == LEVEL:
            groups.append([2023, "sở", g["group_code"], g["name_vi"], g["name_en"], float(g["min_share"]), "", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def scores_2023() -> tuple[bytes, dict[str, float]]:
    """2023 points typed by hand: every unit keeps 90 % of its 2022 points, the last one gets full marks."""
    pillars = seed_pillars(YEAR, LEVEL)
    points = seed_points(YEAR, LEVEL)
    last = min(points, key=counted_sum)
    book = NewWorkbook()
    sheet = book.active
    sheet.title = formats.SCORES_SHEET
    codes = list(pillars)
    sheet.append(["Năm", "Cấp", "Mã đơn vị", "Tên đơn vị", *codes, "Tổng điểm"])
    totals = {}
    for unit, by_pillar in points.items():
        values = [float(pillars[c]["max_points"]) if unit == last else round(by_pillar[c] * 0.9, 2) for c in codes]
        totals[unit] = round(
            sum(v for c, v in zip(codes, values, strict=True) if pillars[c]["counts_in_total"] == "true"), 2
        )
        sheet.append([2023, "department", unit, "", *values, totals[unit]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), totals
