"""A problem found in an import file: where (sheet, row, column) and why, in Vietnamese."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"
SEVERITY_NAMES = {ERROR: "Lỗi", WARNING: "Cảnh báo"}


@dataclass(frozen=True)
class Issue:
    """`row` is the row number the spreadsheet shows (None for the whole file or sheet).

    An error refuses the file; a warning is written only when the importer accepts it.
    """

    sheet: str
    row: int | None
    column: str
    reason: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = [self.sheet] if self.sheet else []
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.column:
            where.append(f"cột “{self.column}”")
        prefix = ", ".join(where)
        label = SEVERITY_NAMES.get(self.severity, self.severity)
        return f"[{label}] {prefix}: {self.reason}" if prefix else f"[{label}] {self.reason}"

    def as_dict(self) -> dict:
        return asdict(self)


def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == ERROR]


def warnings(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == WARNING]
