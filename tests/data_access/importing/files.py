"""Test files built the way the data team would: from an export or a template, edited in openpyxl,
and the seed CSVs read directly for expectations (never the app's own output)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from openpyxl import load_workbook

from data_access.importing import files
from data_access.settings import SEED_DIR


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
