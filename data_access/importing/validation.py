"""Checking a parsed file against the template and the database, collecting every problem.

Nothing stops at the first problem: the data team fixes a file once, with the whole list in
hand. Each dataset has its validator, which returns the clean records to write beside the
problems; the records are only written when no problem is an error (see `commit`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from openpyxl.utils import get_column_letter

from data_access.importing import formats as f
from data_access.importing.catalogue import Catalogue, FrameworkInfo, PillarInfo
from data_access.importing.issues import ERROR, WARNING, Issue
from data_access.importing.parsing import ParsedFile, Sheet
from data_access.models import (
    SOURCE_DISCREPANCY,
    GroupThreshold,
    Indicator,
    IndicatorScore,
    Observation,
    Pillar,
    Plan,
    PublishedIndex,
    PublishedResult,
    RegionMember,
    Responsibility,
    Source,
    Target,
    Unit,
)
from data_access.scoring import rank_with_ties
from domain.clock import day_month_year
from domain.vocabulary import (
    AGGREGATE,
    COMMUNE,
    NATIONAL,
    PROVINCE,
    Threshold,
    group_for_share,
    printed_total_agrees,
)


@dataclass
class Validated:
    """A file checked: its dataset, what it replaces (`scope`), the records to write and every problem."""

    dataset: str | None
    scope: dict
    records: dict = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    rows_read: int = 0

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == WARNING]


def _vn(value: float) -> str:
    """A number as the data team writes it: decimal comma, no needless zeros (478,03)."""
    return f"{value:g}".replace(".", ",")


def _length(column) -> int:
    return column.type.length


# The observations' unique key is an index: PostgreSQL refuses an index entry over about 2 700 bytes,
# so the source in it (3 bytes a Vietnamese letter) stays well under that.
OBSERVATION_SOURCE_LENGTH = 500

# Every text cell stored in a column of limited length, with that length from the models: a longer
# value is a located error here instead of a database error at commit.
LENGTHS: dict[str, dict[str, int]] = {
    f.FRAMEWORK_SHEET: {
        "code": _length(Pillar.__table__.c.code),
        "pillar_group": _length(Pillar.__table__.c.pillar_group),
    },
    f.GROUPS_SHEET: {
        "group_code": _length(GroupThreshold.__table__.c.group_code),
        "name_vi": _length(GroupThreshold.__table__.c.name_vi),
        "name_en": _length(GroupThreshold.__table__.c.name_en),
    },
    f.SCORES_SHEET: {
        "unit_code": _length(Unit.__table__.c.code),
        "published_group": _length(PublishedResult.__table__.c.group_name),
    },
    f.TARGETS_SHEET: {
        "plan_code": _length(Plan.__table__.c.code),
        "plan_unit": _length(Unit.__table__.c.code),
        "code": _length(Target.__table__.c.code),
        "pillar_code": _length(Target.__table__.c.pillar_code),
        "target_unit": _length(Target.__table__.c.target_unit),
        "comparator": _length(Target.__table__.c.comparator),
        "level_detail": _length(Target.__table__.c.level_detail),
    },
    f.OBSERVATIONS_SHEET: {
        "indicator_code": _length(Observation.__table__.c.indicator_code),
        "pillar_code": _length(Observation.__table__.c.pillar_code),
        "period": _length(Observation.__table__.c.period),
        "value_unit": _length(Observation.__table__.c.value_unit),
        "unit_code": _length(Unit.__table__.c.code),
        "plan_code": _length(Plan.__table__.c.code),
        "target_code": _length(Target.__table__.c.code),
        "source": OBSERVATION_SOURCE_LENGTH,
    },
    f.REGIONS_SHEET: {
        "region_code": _length(RegionMember.__table__.c.region_code),
        "unit_code": _length(Unit.__table__.c.code),
    },
    f.RESPONSIBILITIES_SHEET: {
        "plan_code": _length(Plan.__table__.c.code),
        "pillar_code": _length(Responsibility.__table__.c.pillar_code),
        "target_code": _length(Responsibility.__table__.c.target_code),
        "unit_code": _length(Unit.__table__.c.code),
        "responsible_name": _length(Responsibility.__table__.c.responsible_name),
    },
    f.INDICES_SHEET: {
        "unit_code": _length(Unit.__table__.c.code),
        "index_code": _length(PublishedIndex.__table__.c.index_code),
    },
    f.TASKS_SHEET: {
        "pillar_code": _length(Pillar.__table__.c.code),
        "code": _length(Indicator.__table__.c.code),
        "unit_code": _length(Unit.__table__.c.code),
        "value_unit": _length(IndicatorScore.__table__.c.value_unit),
    },
    f.SOURCES_SHEET: {
        "code": _length(Source.__table__.c.code),
        "number": _length(Source.__table__.c.number),
        "issued": _length(Source.__table__.c.issued),
    },
    f.UNITS_SHEET: {
        "code": _length(Unit.__table__.c.code),
        "kind": _length(Unit.__table__.c.kind),
        "parent_code": _length(Unit.__table__.c.code),
        "successor_code": _length(Unit.__table__.c.code),
    },
}
# Control characters (NUL above all, which PostgreSQL cannot store in text) are never part of a figure's
# text; tab and line breaks are.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Rows:
    """A sheet's rows as {key: cell}, with problems recorded where the template's columns are missing."""

    def __init__(
        self,
        sheet: Sheet,
        columns: tuple[f.Column, ...],
        issues: list[Issue],
        *,
        strict: bool = True,
        siblings: tuple[f.Column, ...] = (),
        lengths: dict[str, int] | None = None,
    ):
        self.sheet = sheet
        self.columns = {c.key: c for c in columns}
        self.issues = issues
        self.lengths = lengths or {}
        wanted = {f.normalise_header(c.header): c for c in columns}
        self.index: dict[str, int] = {}
        self.extra: list[tuple[int, str]] = []
        for position, header in enumerate(sheet.headers):
            key = f.normalise_header(header)
            if not key or key == f.normalise_header(f.SHEET_COLUMN) or key == "stt":
                continue
            column = wanted.get(key)
            if column is None:
                self.extra.append((position, header))
            elif column.key in self.index:
                self.issue(sheet.header_row, header, "cột lặp lại")
            else:
                self.index[column.key] = position
        for column in columns:
            if column.required and column.key not in self.index:
                self.issue(sheet.header_row, column.header, "thiếu cột bắt buộc của mẫu")
        if strict:
            # A stacked CSV carries its sibling sheets' columns too: those are not strangers.
            shared = {f.normalise_header(c.header) for c in siblings}
            for _, header in self.extra:
                if f.normalise_header(header) in shared:
                    continue
                self.issue(sheet.header_row, header, "cột không có trong mẫu", WARNING)
        unnamed = [at for at, header in enumerate(sheet.headers) if not f.normalise_header(header)]
        for number, cells in sheet.rows:
            stray = next((at for at in unnamed if not f.is_blank(cells[at])), None)
            if stray is not None:
                self.issue(
                    number,
                    f"cột {get_column_letter(stray + 1)}",
                    "ô có dữ liệu ở cột không có tiêu đề: không được đọc",
                    WARNING,
                )

    def issue(self, row: int | None, column: str, reason: str, severity: str = ERROR) -> None:
        self.issues.append(Issue(self.sheet.name, row, column, reason, severity))

    def __iter__(self):
        for number, cells in self.sheet.rows:
            yield number, {key: cells[at] for key, at in self.index.items()}, cells

    def read(self, number: int, cells: dict, key: str, parse: Callable[[object], object] = f.text):
        """A cell parsed; a required blank or an unreadable value is recorded and gives None."""
        column = self.columns[key]
        value = cells.get(key)
        if f.is_blank(value):
            if column.required and key in self.index:
                self.issue(number, column.header, "ô trống: cột này bắt buộc")
            return None
        try:
            parsed = parse(value)
        except f.CellError as exc:
            self.issue(number, column.header, str(exc))
            return None
        if isinstance(parsed, str):
            control = CONTROL.search(parsed)
            if control:
                self.issue(
                    number, column.header, f"ô chứa ký tự điều khiển (mã {ord(control.group()):#04x}), không lưu được"
                )
                return None
            limit = self.lengths.get(key)
            if limit is not None and len(parsed) > limit:
                self.issue(number, column.header, f"dài {len(parsed)} ký tự, tối đa {limit}")
                return None
        return parsed


def _same_everywhere(number: int, column_key: str, value, seen: dict) -> None:
    """Year, level, plan: one file holds one of them; collect each row's value to settle later."""
    if value is not None:
        seen.setdefault(column_key, []).append((value, number))


def _settle(rows: Rows, seen: dict) -> dict:
    """The value most rows agree on, per column; every row that differs is a problem."""
    settled = {}
    for key, values in seen.items():
        counts: dict = {}
        for value, _ in values:
            counts[value] = counts.get(value, 0) + 1
        settled[key] = max(counts, key=lambda v: counts[v])
        for value, number in values:
            if value != settled[key]:
                rows.issue(
                    number,
                    rows.columns[key].header,
                    f"“{value}” khác các dòng khác (“{settled[key]}”): mỗi tệp chỉ một giá trị",
                )
    return settled


def _check_unique(rows: Rows, number: int, column_key: str, value, seen: dict[object, int]) -> bool:
    if value is None:
        return False
    if value in seen:
        rows.issue(number, rows.columns[column_key].header, f"“{value}” lặp lại (đã có ở dòng {seen[value]})")
        return False
    seen[value] = number
    return True


def _no_rows(validated: Validated, sheet_name: str) -> None:
    validated.issues.append(Issue(sheet_name, None, "", "trang không có dòng dữ liệu nào"))


# --- units that answer to an ended unit -------------------------------------------------------------

# Communes, wards and special zones are the local level from the 2025 reorganisation (Resolution
# 202/2025/QH15, in force 1 July 2025): a commune row that gives no first year starts then.
COMMUNES_FROM = 2025


@dataclass(frozen=True)
class ParentEnd:
    """When a unit stopped existing: `year` is the first year it no longer does (the year its
    reorganisation took effect, or the year after its last valid year), with its successor if any."""

    code: str
    year: int
    since: str
    successor: str | None


def parent_end(code: str, catalogue: Catalogue, file_units: dict[str, dict] | None = None) -> ParentEnd | None:
    """The end of unit `code`: the stored reorganisation that merged it away first (its effective date is
    when it ceased, whatever year its last ranking was), else its last valid year, from the file being
    checked or the catalogue; None for a unit that has not ended."""
    if code in catalogue.ended_on:
        effective = catalogue.ended_on[code]
        successor = catalogue.ended[code][0] if code in catalogue.ended else None
        return ParentEnd(code, int(effective[:4]), f"từ ngày {day_month_year(effective)}", successor)
    record = (file_units or {}).get(code)
    info = catalogue.units.get(code)
    if record is not None:
        valid_to, successor = record["valid_to"], record["successor_code"]
    elif info is not None:
        valid_to, successor = info.valid_to, info.successor_code
    else:
        return None
    if valid_to is None:
        return None
    return ParentEnd(code, valid_to + 1, f"sau năm {valid_to}", successor)


def _name(code: str, catalogue: Catalogue, file_units: dict[str, dict] | None = None) -> str:
    record = (file_units or {}).get(code)
    name = record["name_vi"] if record is not None else getattr(catalogue.units.get(code), "name_vi", None)
    return f"“{code}” ({name})" if name else f"“{code}”"


def ended_parent_reason(
    end: ParentEnd, year: int, what: str, catalogue: Catalogue, file_units: dict[str, dict] | None = None
) -> str:
    """Why a unit cannot answer to `end.code` in `year`, naming where the parent went."""
    gone = f"đơn vị cha {_name(end.code, catalogue, file_units)} không còn {end.since}"
    if end.successor:
        successor = _name(end.successor, catalogue, file_units)
        return f"{gone}, đã sáp nhập vào {successor}: {what} phải trực thuộc “{end.successor}”"
    return f"{gone}: {what} phải trực thuộc một đơn vị còn hiệu lực năm {year}"


def _check_parents_alive(rows: Rows, catalogue: Catalogue, records: list[tuple[int, dict]]) -> None:
    """A unit starting in a year its parent no longer exists (a 2025 commune under a province the
    reorganisation merged away that 1 July) would be shown under a province no page shows any more,
    and the successor's pages would never find it: refused, naming the successor to write instead."""
    file_units = {record["code"]: record for _, record in records}
    for number, record in records:
        parent = record["parent_code"]
        first = record["valid_from"] or (COMMUNES_FROM if record["kind"] == COMMUNE else None)
        end = parent_end(parent, catalogue, file_units) if parent and first is not None else None
        if end is not None and first >= end.year:
            what = "xã, phường, đặc khu" if record["kind"] == COMMUNE else "đơn vị"
            what += f" có hiệu lực từ năm {first}"
            rows.issue(number, "Mã đơn vị cha", ended_parent_reason(end, first, what, catalogue, file_units))


def _ended_parent(unit, year: int | None, catalogue: Catalogue) -> str | None:
    """Why a scored unit of `year` cannot be scored under its stored parent, or None when it can."""
    if unit is None or year is None or not unit.parent_code:
        return None
    end = parent_end(unit.parent_code, catalogue)
    if end is None or year < end.year:
        return None
    reason = ended_parent_reason(end, year, f"đơn vị “{unit.code}” có kết quả năm {year}", catalogue)
    return f"{reason}; sửa đơn vị cha trong danh mục đơn vị trước"


# --- framework ---------------------------------------------------------------------------

# A framework's pillar is worth tens or hundreds of points (a whole DTI framework 1000): a maximum far
# beyond that is a typing slip, and one of 1e308 overflowed every page that computed with it.
MAX_PILLAR_POINTS = 10_000.0


def validate_framework(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    validated = Validated(f.FRAMEWORK, {})
    issues = validated.issues
    sheet = parsed.sheets.get(f.FRAMEWORK_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.FRAMEWORK_SHEET)
        return validated
    seen: dict = {}
    rows = Rows(sheet, f.FRAMEWORK_COLUMNS, issues, siblings=f.GROUP_COLUMNS, lengths=LENGTHS[f.FRAMEWORK_SHEET])
    pillars: list[dict] = []
    codes: dict[object, int] = {}
    for number, cells, _ in rows:
        validated.rows_read += 1
        year = rows.read(number, cells, "year", f.integer)
        level = rows.read(number, cells, "level", f.level)
        _same_everywhere(number, "year", year, seen)
        _same_everywhere(number, "level", level, seen)
        code = rows.read(number, cells, "code")
        unique = _check_unique(rows, number, "code", code, codes)
        group = rows.read(number, cells, "pillar_group")
        if group is not None and group not in f.PILLAR_GROUPS:
            rows.issue(number, "Nhóm trụ cột", f"“{group}” không có: dùng {', '.join(f.PILLAR_GROUPS)}")
        max_points = rows.read(number, cells, "max_points", f.number)
        if max_points is not None and max_points < 0:
            rows.issue(number, "Điểm tối đa", f"điểm tối đa âm ({_vn(max_points)})")
        elif max_points is not None and max_points > MAX_PILLAR_POINTS:
            rows.issue(
                number,
                "Điểm tối đa",
                f"điểm tối đa {_vn(max_points)} không hợp lý: một chỉ số tối đa {_vn(MAX_PILLAR_POINTS)} điểm",
            )
        n_indicators = rows.read(number, cells, "n_indicators", f.integer)
        counts = rows.read(number, cells, "counts_in_total", f.flag)
        sort_order = rows.read(number, cells, "sort_order", f.integer)
        if unique:
            pillars.append(
                {
                    "row": number,
                    "code": code,
                    "name_vi": rows.read(number, cells, "name_vi"),
                    "name_en": rows.read(number, cells, "name_en") or "",
                    "pillar_group": group,
                    "max_points": max_points,
                    "n_indicators": n_indicators,
                    "counts_in_total": bool(counts),
                    "sort_order": sort_order,
                    "source": rows.read(number, cells, "source") or "",
                    "note": rows.read(number, cells, "note") or "",
                }
            )
    seen = _settle(rows, seen)
    groups: list[dict] = []
    group_sheet = parsed.sheets.get(f.GROUPS_SHEET)
    year, level = seen.get("year"), seen.get("level")
    existing = catalogue.framework(year, level) if year is not None and level is not None else None
    if (group_sheet is None or not group_sheet.rows) and existing is not None and existing.thresholds:
        # The writer replaces the year's thresholds with the file's: none would erase the stored ones.
        issues.append(
            Issue(
                f.GROUPS_SHEET,
                None,
                "",
                f"thiếu trang “{f.GROUPS_SHEET}” (các ngưỡng Tốt, Khá…): tệp khung thay cả các ngưỡng nhóm của năm, "
                "không có trang này các ngưỡng đã lưu sẽ bị xoá",
            )
        )
    if group_sheet is not None:
        group_rows = Rows(
            group_sheet, f.GROUP_COLUMNS, issues, siblings=f.FRAMEWORK_COLUMNS, lengths=LENGTHS[f.GROUPS_SHEET]
        )
        group_codes: dict[object, int] = {}
        for number, cells, _ in group_rows:
            validated.rows_read += 1
            year = group_rows.read(number, cells, "year", f.integer)
            level = group_rows.read(number, cells, "level", f.level)
            for key, value in (("year", year), ("level", level)):
                if value is not None and key in seen and seen[key] != value:
                    group_rows.issue(
                        number,
                        group_rows.columns[key].header,
                        f"“{value}” khác trang {f.FRAMEWORK_SHEET} (“{seen[key]}”)",
                    )
            code = group_rows.read(number, cells, "group_code")
            unique = _check_unique(group_rows, number, "group_code", code, group_codes)
            share = group_rows.read(number, cells, "min_share", f.number)
            if share is not None and not 0 <= share <= 1:
                group_rows.issue(number, "Tỷ lệ tối thiểu", f"{_vn(share)} nằm ngoài khoảng 0 đến 1 (0,8 nghĩa là 80%)")
            if unique:
                groups.append(
                    {
                        "group_code": code,
                        "name_vi": group_rows.read(number, cells, "name_vi"),
                        "name_en": group_rows.read(number, cells, "name_en") or "",
                        "min_share": share,
                        "source": group_rows.read(number, cells, "source") or "",
                        "note": group_rows.read(number, cells, "note") or "",
                    }
                )
    validated.scope = {"year": year, "level": level}
    if existing is not None:
        new = {p["code"]: p for p in pillars}
        for pillar in existing.ordered:
            if pillar.code not in new and pillar.n_scores:
                issues.append(
                    Issue(
                        f.FRAMEWORK_SHEET,
                        None,
                        "Mã chỉ số",
                        f"không thể bỏ chỉ số “{pillar.code}”: đã có điểm của {pillar.n_scores} đơn vị",
                    )
                )
            elif pillar.code not in new and pillar.n_subindices:
                issues.append(
                    Issue(
                        f.FRAMEWORK_SHEET,
                        None,
                        "Mã chỉ số",
                        f"không thể bỏ chỉ số “{pillar.code}”: đã có {pillar.n_subindices} chỉ số thành phần "
                        "(bỏ chỉ số sẽ xoá chúng cùng điểm của chúng)",
                    )
                )
            elif pillar.code in new and pillar.highest is not None:
                maximum = new[pillar.code]["max_points"]
                if maximum is not None and pillar.highest > maximum + 1e-9:
                    issues.append(
                        Issue(
                            f.FRAMEWORK_SHEET,
                            new[pillar.code]["row"],
                            "Điểm tối đa",
                            f"điểm tối đa {_vn(maximum)} nhỏ hơn điểm đã lưu ({_vn(pillar.highest)}) "
                            f"của chỉ số “{pillar.code}”",
                        )
                    )
    validated.records = {"year": year, "level": level, "pillars": pillars, "groups": groups}
    return validated


# --- scores --------------------------------------------------------------------------------


def _match_pillar(header: str, framework: FrameworkInfo) -> PillarInfo | None:
    bracket = f.PILLAR_HEADER.search(header)
    if bracket and bracket.group(1).strip() in framework.pillars:
        return framework.pillars[bracket.group(1).strip()]
    wanted = f.normalise_header(header)
    for pillar in framework.pillars.values():
        if wanted in (f.normalise_header(pillar.code), f.normalise_header(pillar.name_vi)):
            return pillar
    return None


NOTE_LINE = re.compile(r"^\[([^\[\]]+)\]\s*(.*)$")


def _lines_by_pillar(value: str, codes: list[str]) -> dict[str, str] | None:
    """The "[code] text" lines of a score source or note, by pillar; None when the value is plain text
    (a line that is not "[code] text" for one of `codes` makes the whole value plain)."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    matches = [NOTE_LINE.match(line) for line in lines]
    if not lines or not all(m and m.group(1) in codes for m in matches):
        return None
    return {m.group(1): m.group(2) for m in matches}


def split_per_pillar(value: str, codes: list[str]) -> dict[str, str]:
    """A score source or note for every pillar: "[code] text" lines set one pillar's, plain text all of them."""
    per = _lines_by_pillar(value, codes)
    if per is None:
        return dict.fromkeys(codes, value)
    return {code: per.get(code, "") for code in codes}


def pillar_lines(value: str, codes: list[str]) -> dict[str, str]:
    """The pillars a score source or note has a non-empty "[code] text" line for; empty for plain text
    (which is every pillar's and so always has a scored pillar to be stored with)."""
    return {code: text for code, text in (_lines_by_pillar(value, codes) or {}).items() if text.strip()}


def _check_lines_without_points(
    rows: Rows,
    number: int,
    unscored: list[str],
    headers: dict[str, str],
    score_source: str,
    score_note: str,
    codes: list[str],
) -> None:
    """A "[code] text" line for a pillar whose points cell is blank (one worth nothing, the only one a
    row may leave blank) has nowhere to go: a pillar's source and note are stored on its score, and a
    score is its points (`PillarScore.points` is never empty), so the line would be dropped. An error
    rather than a warning, since ticking it could not keep the text: fill the points or move the text
    to the row's published note."""
    for column, value, what in (("Nguồn điểm", score_source, "nguồn"), ("Ghi chú điểm", score_note, "ghi chú")):
        lines = pillar_lines(value, codes)
        for code in unscored:
            if code in lines:
                rows.issue(
                    number,
                    column,
                    f"dòng “[{code}] {lines[code]}” không lưu được: ô điểm “{headers[code]}” trống, mà {what} của "
                    "một chỉ số được lưu cùng điểm của nó; điền điểm hoặc chuyển nội dung sang cột “Ghi chú công bố”",
                )


def _year_and_level(rows: Rows) -> tuple[int | None, str | None]:
    seen: dict = {}
    for number, cells, _ in rows:
        _same_everywhere(number, "year", rows.read(number, cells, "year", f.integer), seen)
        _same_everywhere(number, "level", rows.read(number, cells, "level", f.level), seen)
    settled = _settle(rows, seen)
    return settled.get("year"), settled.get("level")


def _total_check(rows: Rows, number: int, unit: str, total: float, printed: float, *, excused: bool) -> None:
    reason = f"tổng điểm ghi {_vn(printed)} nhưng cộng các chỉ số được {_vn(round(total, 2))} (đơn vị “{unit}”)"
    if excused:
        rows.issue(
            number, "Tổng điểm", reason + "; dòng được đánh dấu tính theo trung vị hoặc sai lệch của nguồn", WARNING
        )
    else:
        rows.issue(number, "Tổng điểm", reason)


def _check_without_points(
    rows: Rows, catalogue: Catalogue, framework: FrameworkInfo, without_points: list[tuple[int, str, str]]
) -> None:
    """A row with a total but every pillar blank would replace the unit's stored points with none while
    keeping its total: an error for a unit that has points stored. Units published by total and rank
    alone (the other provinces of the national ranking) stay welcome."""
    for number, code, header in without_points:
        if not catalogue.stored_scores.get((code, framework.year, framework.level)):
            continue
        rows.issue(
            number,
            header,
            f"mọi ô điểm của đơn vị “{code}” đều trống: nạp dòng này sẽ xoá điểm các chỉ số mà vẫn giữ tổng điểm",
        )


def _check_published_order(
    rows: Rows, framework: FrameworkInfo, published: list[tuple[int, float | None, float | None, int | None, str]]
) -> None:
    """Published ranks and groups that contradict the published totals (as the seed check does): a warning,
    since a source may print them so, but one the importer has to see and accept."""
    ranked = [(number, total, rank) for number, total, _, rank, _ in published if rank is not None]
    if ranked and all(total is not None for _, total, _ in ranked):
        expected = rank_with_ties([total for _, total, _ in ranked])
        for (number, _, rank), should in zip(ranked, expected, strict=True):
            if rank != should:
                rows.issue(
                    number,
                    "Xếp hạng công bố",
                    f"hạng {rank} không khớp thứ tự tổng điểm trong tệp (phải là {should})",
                    WARNING,
                )
    thresholds = [Threshold(group=name, min_share=share) for name, share in framework.thresholds]
    for number, total, printed_max, _, group in published:
        scale = printed_max or framework.max_total
        if not group or total is None or not scale or not thresholds:
            continue
        expected = group_for_share(total / scale, thresholds) or ""
        if f.normalise_header(expected) != f.normalise_header(group):
            rows.issue(
                number,
                "Nhóm công bố",
                f"nhóm “{group}” không khớp tổng điểm ({total / scale:.2%} tổng tối đa → “{expected}”)".replace(
                    ".", ","
                ),
                WARNING,
            )


def validate_scores(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    validated = Validated(f.SCORES, {})
    issues = validated.issues
    sheet = parsed.sheets.get(f.SCORES_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.SCORES_SHEET)
        return validated
    fixed = f.SCORE_LEAD_COLUMNS + f.SCORE_TAIL_COLUMNS
    rows = Rows(sheet, fixed, issues, strict=False, lengths=LENGTHS[f.SCORES_SHEET])
    year, level = _year_and_level(rows)
    validated.scope = {"year": year, "level": level}
    framework = catalogue.framework(year, level) if year is not None and level is not None else None
    if year is not None and level is not None and framework is None and rows.extra:
        # Points need their framework; a file of published ranks alone (no pillar columns) does not:
        # a rank can be known for a year whose scoring method is not in the database.
        rows.issue(
            None,
            "Năm",
            f"chưa có khung đánh giá năm {year} cấp {f.LEVEL_NAMES[level]}: "
            "hãy nạp tệp khung (mẫu “Khung đánh giá”) trước",
        )
    pillar_columns: dict[str, int] = {}
    if framework is not None:
        for position, header in rows.extra:
            pillar = _match_pillar(header, framework)
            if pillar is None:
                rows.issue(
                    sheet.header_row,
                    header,
                    f"cột không khớp chỉ số nào của khung năm {year} cấp {f.LEVEL_NAMES[level]} "
                    f"(các mã: {', '.join(p.code for p in framework.ordered)})",
                )
            elif pillar.code in pillar_columns:
                rows.issue(sheet.header_row, header, f"chỉ số “{pillar.code}” có hai cột")
            else:
                pillar_columns[pillar.code] = position
        for pillar in framework.ordered:
            if pillar.code not in pillar_columns:
                rows.issue(sheet.header_row, f.pillar_header(pillar.code, pillar.name_vi), "thiếu cột của chỉ số này")
    units: list[dict] = []
    seen_units: dict[object, int] = {}
    without_points: list[tuple[int, str, str]] = []  # rows whose every counted pillar is blank
    published: list[tuple[int, float | None, float | None, int | None, str]] = []
    headers = {code: sheet.headers[at] for code, at in pillar_columns.items()}
    codes = [p.code for p in framework.ordered] if framework else []
    for number, cells, raw in rows:
        validated.rows_read += 1
        code = rows.read(number, cells, "unit_code")
        unit = catalogue.units.get(code) if code else None
        if code is not None and unit is None:
            rows.issue(number, "Mã đơn vị", f"đơn vị “{code}” không có trong danh mục đơn vị")
        elif unit is not None and level is not None and unit.kind not in (level, AGGREGATE, NATIONAL):
            rows.issue(number, "Mã đơn vị", f"đơn vị “{code}” thuộc loại {unit.kind}, không phải {level}")
        elif unit is not None and unit.kind in (AGGREGATE, NATIONAL) and not f.is_blank(cells.get("published_rank")):
            rows.issue(
                number,
                "Xếp hạng công bố",
                f"“{code}” là {'DTI quốc gia' if unit.kind == NATIONAL else 'giá trị trung bình'}, "
                "không được xếp hạng giữa các đơn vị: để trống",
            )
        elif unit is not None and year is not None and not unit.valid_in(year):
            successor = f", đã chuyển sang “{unit.successor_code}”" if unit.successor_code else ""
            rows.issue(number, "Mã đơn vị", f"đơn vị “{code}” không còn hiệu lực năm {year}{successor}")
        elif (ended := _ended_parent(unit, year, catalogue)) is not None:
            rows.issue(number, "Mã đơn vị", ended)
        unique = _check_unique(rows, number, "unit_code", code, seen_units)
        points: dict[str, float] = {}
        bad = 0
        blank: list[str] = []  # counted pillars without points (a pillar worth nothing may stay blank)
        for pillar_code, at in pillar_columns.items():
            pillar = framework.pillars[pillar_code]
            value = raw[at]
            if f.is_blank(value):
                if pillar.counts_in_total:
                    blank.append(pillar_code)
                continue
            try:
                parsed_value = f.number(value)
            except f.CellError as exc:
                rows.issue(number, headers[pillar_code], str(exc))
                bad += 1
                continue
            if parsed_value < 0:
                rows.issue(number, headers[pillar_code], f"điểm âm ({_vn(parsed_value)})")
                bad += 1
            elif parsed_value > pillar.max_points + 1e-9:
                rows.issue(
                    number,
                    headers[pillar_code],
                    f"{_vn(parsed_value)} vượt điểm tối đa {_vn(pillar.max_points)} của chỉ số",
                )
                bad += 1
            else:
                points[pillar_code] = parsed_value
        counted = [c for c in pillar_columns if framework.pillars[c].counts_in_total]
        total = rows.read(number, cells, "published_total", f.number)
        printed_max = rows.read(number, cells, "published_max", f.number)
        rank = rows.read(number, cells, "published_rank", f.integer)
        if rank is not None and rank < 1:
            rows.issue(number, "Xếp hạng công bố", f"thứ hạng phải từ 1 trở lên ({rank})")
        if total is not None and total < 0:
            rows.issue(number, "Tổng điểm", f"tổng điểm âm ({_vn(total)})")
        median = bool(rows.read(number, cells, "median_method", f.flag))
        published_note = rows.read(number, cells, "published_note") or ""
        if blank and (len(blank) < len(counted) or points):
            for pillar_code in blank:
                rows.issue(number, headers[pillar_code], "ô trống: thiếu điểm của chỉ số này")
        elif counted and blank and total is None and rank is None:
            rows.issue(number, "", f"dòng của đơn vị “{code}” không có điểm nào")
        elif counted and blank:
            without_points.append((number, code or "", headers[blank[0]]))
        group = rows.read(number, cells, "published_group") or ""
        if not (points or bad or counted) and total is None and rank is None and not group and not median:
            # Written, such a row would only erase what is stored for the unit (its published rank…).
            rows.issue(number, "", f"dòng của đơn vị “{code}” không có số liệu nào (điểm, tổng điểm, hạng hay nhóm)")
        if counted and not blank and bad == 0 and total is not None:
            counted_total = sum(v for c, v in points.items() if framework.pillars[c].counts_in_total)
            excused = median or SOURCE_DISCREPANCY in published_note
            if not printed_total_agrees(counted_total, framework.max_total, total, printed_max):
                _total_check(rows, number, code or "", counted_total, total, excused=excused)
        score_source = rows.read(number, cells, "score_source") or ""
        score_note = rows.read(number, cells, "score_note") or ""
        if (score_source or score_note) and not points and pillar_columns:
            column = "Nguồn điểm" if score_source else "Ghi chú điểm"
            rows.issue(number, column, "dòng không có điểm chỉ số nào: nguồn và ghi chú điểm không được lưu", WARNING)
        elif points:
            unscored = [c for c in pillar_columns if c not in points and f.is_blank(raw[pillar_columns[c]])]
            _check_lines_without_points(rows, number, unscored, headers, score_source, score_note, codes)
        if unique and unit is not None:
            published.append((number, total, printed_max, rank, group))
            units.append(
                {
                    "unit_code": code,
                    "points": {} if blank else points,
                    "published_total": total,
                    "published_max": printed_max,
                    "published_rank": rank,
                    "published_group": group,
                    "median_method": median,
                    "score_source": split_per_pillar(score_source, codes),
                    "score_note": split_per_pillar(score_note, codes),
                    "published_source": rows.read(number, cells, "published_source") or "",
                    "published_note": published_note,
                }
            )
    if year is not None and level is not None and seen_units and pillar_columns:
        present = [catalogue.units[c] for c in seen_units if c in catalogue.units]
        parents = {u.parent_code for u in present if u.kind == level}
        for unit in sorted(catalogue.units.values(), key=lambda u: u.code):
            if (
                unit.kind == level
                and unit.valid_in(year)
                and unit.parent_code in parents
                and unit.code not in seen_units
            ):
                rows.issue(None, "Mã đơn vị", f"thiếu dòng của đơn vị “{unit.code}” ({unit.name_vi})")
    if framework is not None:
        _check_without_points(rows, catalogue, framework, without_points)
        if level != "province" and not validated.errors:
            # On a complete, clean file only: a missing or broken row would make every rank look wrong.
            _check_published_order(rows, framework, published)
    validated.records = {"year": year, "level": level, "units": units}
    return validated


# --- targets ---------------------------------------------------------------------------------


def validate_targets(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    validated = Validated(f.TARGETS, {})
    sheet = parsed.sheets.get(f.TARGETS_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.TARGETS_SHEET)
        return validated
    rows = Rows(sheet, f.TARGET_COLUMNS, validated.issues, lengths=LENGTHS[f.TARGETS_SHEET])
    seen: dict = {}
    targets: list[dict] = []
    codes: dict[object, int] = {}
    for number, cells, _ in rows:
        validated.rows_read += 1
        for key, parse in (
            ("plan_code", f.text),
            ("plan_title", f.text),
            ("plan_year", f.integer),
            ("plan_unit", f.text),
            ("plan_source", f.text),
        ):
            value = rows.read(number, cells, key, parse)
            _same_everywhere(number, key, value, seen)
        code = rows.read(number, cells, "code")
        unique = _check_unique(rows, number, "code", code, codes)
        pillar = rows.read(number, cells, "pillar_code")
        if pillar is not None and pillar not in catalogue.pillar_codes:
            rows.issue(number, "Chỉ số chính", f"chỉ số “{pillar}” không có trong các khung đánh giá")
        value = rows.read(number, cells, "target_value", f.number)
        comparator = rows.read(number, cells, "comparator")
        if comparator is not None and comparator not in f.COMPARATORS:
            rows.issue(number, "So sánh", f"“{comparator}” không dùng được: chọn {', '.join(f.COMPARATORS)}")
        due = rows.read(number, cells, "due_year", f.integer)
        if unique:
            targets.append(
                {
                    "code": code,
                    "pillar_code": pillar,
                    "name_vi": rows.read(number, cells, "name_vi"),
                    "target_value": value,
                    "target_unit": rows.read(number, cells, "target_unit"),
                    "comparator": comparator,
                    "level_detail": rows.read(number, cells, "level_detail") or "",
                    "due_year": due,
                    "source": rows.read(number, cells, "source") or "",
                    "note": rows.read(number, cells, "note") or "",
                }
            )
    plan = _settle(rows, seen)
    if plan.get("plan_unit") and plan["plan_unit"] not in catalogue.units:
        rows.issue(None, "Đơn vị ban hành", f"đơn vị “{plan['plan_unit']}” không có trong danh mục đơn vị")
    validated.scope = {"plan": plan.get("plan_code")}
    validated.records = {"plan": plan, "targets": targets}
    return validated


# --- observations ------------------------------------------------------------------------------


def _check_rate(rows: Rows, number: int, record: dict) -> None:
    """A percentage printed beside its numerator and denominator must be their quotient, to the digits
    printed (as the seed check does); a note saying the source itself disagrees keeps it as printed."""
    value, numerator, denominator = record["value"], record["numerator"], record["denominator"]
    if record["value_unit"] != "%" or None in (value, numerator, denominator):
        return
    printed = repr(value)
    decimals = len(printed.split(".")[1]) if "." in printed and not value.is_integer() and "e" not in printed else 0
    computed = numerator / denominator * 100
    if abs(computed - value) <= 5 / 10 ** (decimals + 1) + 1e-9 or SOURCE_DISCREPANCY in record["note"]:
        return
    rows.issue(
        number,
        "Giá trị",
        f"{_vn(numerator)}/{_vn(denominator)} = {_vn(round(computed, 2))}% nhưng ghi {_vn(value)}% "
        f"(ghi “{SOURCE_DISCREPANCY}” ở Ghi chú nếu chính nguồn in như vậy)",
    )


def validate_observations(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    validated = Validated(f.OBSERVATIONS, {})
    sheet = parsed.sheets.get(f.OBSERVATIONS_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.OBSERVATIONS_SHEET)
        return validated
    rows = Rows(sheet, f.OBSERVATION_COLUMNS, validated.issues, lengths=LENGTHS[f.OBSERVATIONS_SHEET])
    records: list[dict] = []
    seen: dict[object, int] = {}
    for number, cells, _ in rows:
        validated.rows_read += 1
        record = {key: rows.read(number, cells, key) for key in ("indicator_code", "name_vi", "pillar_code", "period")}
        record["value_unit"] = rows.read(number, cells, "value_unit")
        for key in ("value", "numerator", "denominator"):
            record[key] = rows.read(number, cells, key, f.number)
        record["unit_code"] = rows.read(number, cells, "unit_code")
        record["plan_code"] = rows.read(number, cells, "plan_code") or ""
        record["target_code"] = rows.read(number, cells, "target_code") or ""
        record["source"] = rows.read(number, cells, "source") or ""
        record["note"] = rows.read(number, cells, "note") or ""
        if record["pillar_code"] is not None and record["pillar_code"] not in catalogue.pillar_codes:
            rows.issue(number, "Chỉ số chính", f"chỉ số “{record['pillar_code']}” không có trong các khung đánh giá")
        if record["unit_code"] is not None and record["unit_code"] not in catalogue.units:
            rows.issue(number, "Mã đơn vị", f"đơn vị “{record['unit_code']}” không có trong danh mục đơn vị")
        if record["period"] is not None and not f.PERIOD.fullmatch(record["period"]):
            rows.issue(
                number,
                "Kỳ",
                f"kỳ “{record['period']}” không đọc được: ghi năm, tháng, ngày hoặc nửa năm (2023, 2023-06, "
                "2023-06-30, 2023-H1)",
            )
            record["period"] = None
        if record["denominator"] == 0:
            rows.issue(number, "Mẫu số", "mẫu số bằng 0")
        else:
            _check_rate(rows, number, record)
        if record["target_code"] or record["plan_code"]:
            targets = catalogue.plans.get(record["plan_code"])
            if targets is None:
                rows.issue(number, "Mã kế hoạch", f"kế hoạch “{record['plan_code']}” chưa được nạp")
            elif record["target_code"] not in targets:
                rows.issue(
                    number,
                    "Mã mục tiêu",
                    f"mục tiêu “{record['target_code']}” không có trong kế hoạch {record['plan_code']}",
                )
        # The observations' unique key (models.OBSERVATION_KEY): one figure per source, indicator, unit and period.
        key = (record["indicator_code"], record["unit_code"], record["period"], record["source"])
        if key in seen:
            rows.issue(
                number,
                "Mã chỉ tiêu",
                f"số liệu “{record['indicator_code']}” kỳ {record['period']} lặp lại dòng {seen[key]}",
            )
        elif None not in key[:3] and record["value"] is not None:
            seen[key] = number
            records.append(record)
    validated.scope = {"units": sorted({r["unit_code"] for r in records if r["unit_code"]})}
    validated.records = {"observations": records}
    return validated


# --- units --------------------------------------------------------------------------------------

# Unit codes go into URLs (/units/<code>) and files: letters, digits, dot, dash and underscore only.
UNIT_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*", re.ASCII)


def _check_cycles(rows: Rows, catalogue: Catalogue, records: list[tuple[int, dict]]) -> None:
    """A unit that is its own ancestor (a → b → a) after the file is applied: every page that walks up
    the hierarchy would loop. Reported once per cycle, at the first row of the file in it."""
    parents = {code: unit.parent_code for code, unit in catalogue.units.items()}
    rows_of = {}
    for number, record in records:
        parents[record["code"]] = record["parent_code"]
        rows_of[record["code"]] = number
    reported: set[str] = set()
    for number, record in records:
        path, code = [], record["code"]
        while code is not None and code not in path and code not in reported:
            path.append(code)
            code = parents.get(code)
        if code is not None and code in path and path.index(code) < len(path) - 1:
            cycle = path[path.index(code) :]
            reported.update(cycle)
            first = min(rows_of.get(c, number) for c in cycle)
            rows.issue(first, "Mã đơn vị cha", f"vòng lặp đơn vị cha: {' → '.join([*cycle, cycle[0]])}")


def _check_communes_under_a_province(rows: Rows, catalogue: Catalogue, records: list[tuple[int, dict]]) -> None:
    """Since the 2025 reorganisation communes, wards and special zones answer to the province itself:
    their parent must be a province (in the catalogue or in the file), never a district or nothing."""
    kinds = {code: unit.kind for code, unit in catalogue.units.items()}
    kinds.update({record["code"]: record["kind"] for _, record in records})
    for number, record in records:
        if record["kind"] != COMMUNE:
            continue
        parent = record["parent_code"]
        if parent is None:
            rows.issue(number, "Mã đơn vị cha", "xã, phường, đặc khu phải có tỉnh trực thuộc (mã đơn vị cha)")
        elif parent in kinds and kinds[parent] != PROVINCE:
            rows.issue(
                number,
                "Mã đơn vị cha",
                f"xã, phường, đặc khu trực thuộc tỉnh: “{parent}” là đơn vị loại {kinds[parent]}, không phải tỉnh",
            )


def _check_against_reorganisations(rows: Rows, catalogue: Catalogue, records: list[tuple[int, dict]]) -> None:
    """A unit's successor and end agree with the stored reorganisations: the mapping is where a merger is
    written (it sets both), so a units file that says otherwise is refused rather than leaving the pages
    to follow one and count fields by the other."""
    for number, record in records:
        code, successor, valid_to = record["code"], record["successor_code"], record["valid_to"]
        if code in catalogue.ended:
            mapped, first = catalogue.ended[code]
            said = f"bộ dữ liệu sắp xếp đơn vị ghi “{code}” sáp nhập vào “{mapped}”, xếp hạng chung từ DTI {first}"
            if successor != mapped:
                rows.issue(number, "Mã đơn vị kế thừa", f"{said}: ghi “{mapped}” hoặc sửa bộ dữ liệu sắp xếp trước")
            elif valid_to != first - 1:
                rows.issue(
                    number,
                    "Hiệu lực đến năm",
                    f"{said}: năm cuối được xếp hạng riêng là {first - 1}, không phải {valid_to}",
                )
        elif code in catalogue.divided:
            first = catalogue.divided[code]
            said = f"bộ dữ liệu sắp xếp đơn vị chia “{code}” cho nhiều đơn vị kế thừa, xếp hạng từ năm {first}"
            if successor:
                rows.issue(number, "Mã đơn vị kế thừa", f"{said}: để trống (không có một đơn vị kế thừa duy nhất)")
            elif valid_to != first - 1:
                rows.issue(
                    number,
                    "Hiệu lực đến năm",
                    f"{said}: năm cuối được xếp hạng riêng là {first - 1}, không phải {valid_to}",
                )
        elif code in catalogue.continuing and successor:
            rows.issue(
                number,
                "Mã đơn vị kế thừa",
                f"bộ dữ liệu sắp xếp đơn vị ghi “{code}” giữ mã sau sắp xếp: không có đơn vị kế thừa "
                "(sửa bộ dữ liệu sắp xếp trước nếu đơn vị này đã sáp nhập)",
            )


def validate_units(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    validated = Validated(f.UNITS, {})
    sheet = parsed.sheets.get(f.UNITS_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.UNITS_SHEET)
        return validated
    rows = Rows(sheet, f.UNIT_COLUMNS, validated.issues, lengths=LENGTHS[f.UNITS_SHEET])
    records: list[tuple[int, dict]] = []
    codes: dict[object, int] = {}
    for number, cells, _ in rows:
        validated.rows_read += 1
        code = rows.read(number, cells, "code")
        if code is not None and not UNIT_CODE.fullmatch(code):
            rows.issue(
                number, "Mã đơn vị", f"mã “{code}” có khoảng trắng hoặc ký tự đặc biệt: chỉ dùng chữ, số, - và _"
            )
            code = None
        unique = _check_unique(rows, number, "code", code, codes)
        kind = rows.read(number, cells, "kind")
        if kind is not None and kind not in f.UNIT_KINDS:
            rows.issue(number, "Loại", f"loại “{kind}” không có: dùng {', '.join(f.UNIT_KINDS)}")
        scored = catalogue.scored_levels.get(code or "", set()) - {kind}
        if kind in f.UNIT_KINDS and code in catalogue.units and catalogue.units[code].kind != kind and scored:
            rows.issue(
                number,
                "Loại",
                f"đơn vị “{code}” đã có điểm cấp {', '.join(f.LEVEL_NAMES.get(s, s) for s in sorted(scored))}: "
                f"không đổi loại sang {kind} được (điểm và quyền xem theo loại sẽ sai); hãy tạo mã đơn vị mới",
            )
        valid_from = rows.read(number, cells, "valid_from", f.integer)
        valid_to = rows.read(number, cells, "valid_to", f.integer)
        if valid_from is not None and valid_to is not None and valid_from > valid_to:
            rows.issue(number, "Hiệu lực đến năm", f"năm kết thúc {valid_to} trước năm bắt đầu {valid_from}")
        record = {
            "code": code,
            "name_vi": rows.read(number, cells, "name_vi"),
            "name_en": rows.read(number, cells, "name_en") or "",
            "kind": kind,
            "parent_code": rows.read(number, cells, "parent_code") or None,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "successor_code": rows.read(number, cells, "successor_code") or None,
            "source": rows.read(number, cells, "source") or "",
            "note": rows.read(number, cells, "note") or "",
        }
        if record["successor_code"] and valid_to is None:
            rows.issue(number, "Hiệu lực đến năm", "đơn vị có đơn vị kế thừa phải có năm kết thúc hiệu lực")
        if unique:
            records.append((number, record))
    known = set(catalogue.units) | set(codes)
    for number, record in records:
        for key, header in (("parent_code", "Mã đơn vị cha"), ("successor_code", "Mã đơn vị kế thừa")):
            if record[key] and record[key] not in known:
                rows.issue(number, header, f"đơn vị “{record[key]}” không có trong danh mục hay trong tệp")
            if record[key] and record[key] == record["code"]:
                rows.issue(number, header, "đơn vị không thể trỏ tới chính nó")
    _check_communes_under_a_province(rows, catalogue, records)
    _check_parents_alive(rows, catalogue, records)
    _check_cycles(rows, catalogue, records)
    _check_against_reorganisations(rows, catalogue, records)
    validated.scope = {"units": len(records)}
    validated.records = {"units": [record for _, record in records]}
    return validated


def validate_responsibilities(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    """Who answers for which main index under a plan: the file replaces every responsibility of its plan.

    The plan must exist (its targets are imported first); a main index is one of the frameworks' or
    "*" for all; a target must be one of the plan's; a unit code, where given, one of the catalogue's.
    """
    validated = Validated(f.RESPONSIBILITIES, {})
    sheet = parsed.sheets.get(f.RESPONSIBILITIES_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.RESPONSIBILITIES_SHEET)
        return validated
    rows = Rows(sheet, f.RESPONSIBILITY_COLUMNS, validated.issues, lengths=LENGTHS[f.RESPONSIBILITIES_SHEET])
    seen: dict = {}
    records: list[tuple[int, dict]] = []
    pillars = catalogue.pillar_codes | {f.EVERY_PILLAR}
    for number, cells, _ in rows:
        validated.rows_read += 1
        plan_code = rows.read(number, cells, "plan_code")
        _same_everywhere(number, "plan_code", plan_code, seen)
        pillar = rows.read(number, cells, "pillar_code")
        if pillar is not None and pillar not in pillars:
            rows.issue(
                number, "Chỉ số chính", f"chỉ số chính “{pillar}” không có trong khung đánh giá nào (hoặc ghi *)"
            )
        unit = rows.read(number, cells, "unit_code")
        if unit and unit not in catalogue.units:
            rows.issue(number, "Mã đơn vị", f"đơn vị “{unit}” không có trong danh mục")
        record = {
            "plan_code": plan_code,
            "pillar_code": pillar,
            "target_code": rows.read(number, cells, "target_code") or "",
            "unit_code": unit or None,
            "responsible_name": rows.read(number, cells, "responsible_name"),
            "duty": rows.read(number, cells, "duty"),
            "source": rows.read(number, cells, "source"),
            "note": rows.read(number, cells, "note") or "",
        }
        records.append((number, record))
    plan = _settle(rows, seen).get("plan_code")
    if plan is not None and plan not in catalogue.plans:
        rows.issue(sheet.header_row + 1, "Mã kế hoạch", f"kế hoạch “{plan}” chưa có: nạp mục tiêu của kế hoạch trước")
    elif plan is not None:
        for number, record in records:
            if record["target_code"] and record["target_code"] not in catalogue.plans[plan]:
                rows.issue(number, "Mã mục tiêu", f"mục tiêu “{record['target_code']}” không có trong kế hoạch {plan}")
    validated.scope = {"plan": plan}
    validated.records = {"plan_code": plan, "responsibilities": [record for _, record in records]}
    return validated


def validate_regions(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    """The socio-economic regions, by province code: the file replaces every province's region.

    Each row is a province of the unit catalogue (any province, pre- or post-2025: a successor keeps a
    code of the catalogue), once; a region code carries one name and one order on every row.
    """
    validated = Validated(f.REGIONS, {})
    sheet = parsed.sheets.get(f.REGIONS_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.REGIONS_SHEET)
        return validated
    rows = Rows(sheet, f.REGION_COLUMNS, validated.issues, lengths=LENGTHS[f.REGIONS_SHEET])
    records: list[dict] = []
    provinces: dict[str, int] = {}
    regions: dict[str, tuple[tuple, int]] = {}
    for number, cells, _ in rows:
        validated.rows_read += 1
        unit = rows.read(number, cells, "unit_code")
        if unit is not None:
            info = catalogue.units.get(unit)
            if info is None:
                rows.issue(number, "Mã tỉnh", f"tỉnh “{unit}” không có trong danh mục đơn vị")
            elif info.kind != "province":
                rows.issue(number, "Mã tỉnh", f"“{unit}” ({info.name_vi}) không phải một tỉnh, thành phố")
            elif unit in provinces:
                rows.issue(number, "Mã tỉnh", f"tỉnh “{unit}” đã có ở dòng {provinces[unit]}: mỗi tỉnh một vùng")
            else:
                provinces[unit] = number
        order = rows.read(number, cells, "sort_order", f.integer)
        if order is not None and order < 1:
            rows.issue(number, "Thứ tự vùng", f"thứ tự phải từ 1 trở lên ({order})")
        record = {
            "region_code": rows.read(number, cells, "region_code"),
            "region_name_vi": rows.read(number, cells, "region_name_vi"),
            "region_name_en": rows.read(number, cells, "region_name_en") or "",
            "sort_order": order,
            "unit_code": unit,
            "source": rows.read(number, cells, "source"),
            "note": rows.read(number, cells, "note") or "",
        }
        code = record["region_code"]
        if code is not None:
            shape = (record["region_name_vi"], record["region_name_en"], order)
            first = regions.setdefault(code, (shape, number))
            if first[0] != shape:
                rows.issue(
                    number,
                    "Tên vùng",
                    f"vùng “{code}” có tên hoặc thứ tự khác với dòng {first[1]}: một vùng, một tên và một thứ tự",
                )
        records.append(record)
    validated.scope = {}
    validated.records = {"regions": records}
    return validated


# --- published indices, tasks, sources ----------------------------------------------------------

# Units whose published index values a province-level table prints: the provinces and the aggregates
# printed beside them (the provincial average, the national DTI).
INDEX_KINDS = (PROVINCE, AGGREGATE, NATIONAL)


def _check_rank_order(rows: Rows, ranked: dict[str, list[tuple[int, str, float, int]]]) -> None:
    """Within one index, a higher value never has a worse rank: a rank that contradicts the values
    beside it is most likely a row typed under the wrong province (a warning, since sources do misprint)."""
    for index_code, entries in ranked.items():
        ordered = sorted(entries, key=lambda e: -e[2])
        for (_, above, value_above, rank_above), (number, unit, value, rank) in pairwise(ordered):
            if value < value_above and rank < rank_above:
                rows.issue(
                    number,
                    "Xếp hạng",
                    f"“{unit}” hạng {rank} ở chỉ số {index_code} với giá trị {_vn(value)}, trên “{above}” "
                    f"(hạng {rank_above}) có giá trị cao hơn ({_vn(value_above)})",
                    WARNING,
                )


def validate_indices(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    """A year's published province-level indices: the three trụ cột and the main indices, value and
    rank. No framework is needed (the ministry publishes values for years whose method is not stored);
    the file replaces every published index of its year."""
    validated = Validated(f.INDICES, {})
    sheet = parsed.sheets.get(f.INDICES_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.INDICES_SHEET)
        return validated
    rows = Rows(sheet, f.INDEX_COLUMNS, validated.issues, lengths=LENGTHS[f.INDICES_SHEET])
    seen: dict = {}
    keys: dict[object, int] = {}
    codes = set(f.DTI_PILLARS) | catalogue.pillar_codes
    records: list[dict] = []
    ranked: dict[str, list[tuple[int, str, float, int]]] = {}
    for number, cells, _ in rows:
        validated.rows_read += 1
        year = rows.read(number, cells, "year", f.integer)
        _same_everywhere(number, "year", year, seen)
        code = rows.read(number, cells, "unit_code")
        unit = catalogue.units.get(code) if code else None
        if code is not None and unit is None:
            rows.issue(number, "Mã đơn vị", f"đơn vị “{code}” không có trong danh mục đơn vị")
        elif unit is not None and unit.kind not in INDEX_KINDS:
            rows.issue(number, "Mã đơn vị", f"đơn vị “{code}” thuộc loại {unit.kind}: chỉ số công bố là của cấp tỉnh")
        elif unit is not None and year is not None and not unit.valid_in(year):
            rows.issue(number, "Mã đơn vị", f"đơn vị “{code}” không còn hiệu lực năm {year}")
        index_code = rows.read(number, cells, "index_code")
        if index_code is not None and index_code not in codes:
            rows.issue(
                number,
                "Mã chỉ số",
                f"chỉ số “{index_code}” không có: dùng {', '.join(f.DTI_PILLARS)} hoặc mã một chỉ số chính",
            )
        value = rows.read(number, cells, "value", f.number)
        if value is not None and not 0 <= value <= 1:
            rows.issue(number, "Giá trị", f"giá trị {_vn(value)} ngoài khoảng 0 đến 1 của chỉ số công bố")
            value = None
        rank = rows.read(number, cells, "rank", f.integer)
        if rank is not None and rank < 1:
            rows.issue(number, "Xếp hạng", f"thứ hạng phải từ 1 trở lên ({rank})")
            rank = None
        unique = code is not None and index_code is not None and (code, index_code) not in keys
        if code is not None and index_code is not None and not unique:
            first = keys[(code, index_code)]
            rows.issue(number, "Mã chỉ số", f"chỉ số “{index_code}” của “{code}” lặp lại (đã có ở dòng {first})")
        elif unique:
            keys[(code, index_code)] = number
        if unique and unit is not None and value is not None:
            if rank is not None and unit.kind == PROVINCE:
                ranked.setdefault(index_code, []).append((number, code, value, rank))
            records.append(
                {
                    "unit_code": code,
                    "index_code": index_code,
                    "value": value,
                    "rank": rank,
                    "source": rows.read(number, cells, "source") or "",
                    "note": rows.read(number, cells, "note") or "",
                }
            )
    year = _settle(rows, seen).get("year")
    _check_rank_order(rows, ranked)
    validated.scope = {"year": year}
    validated.records = {"year": year, "indices": records}
    return validated


def validate_tasks(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    """A framework's tasks (sub-indices) with the units' results: the file replaces every task of its
    year and level. Rows sharing a task code describe one task (its name, requirement and maximum agree)."""
    validated = Validated(f.TASKS, {})
    sheet = parsed.sheets.get(f.TASKS_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.TASKS_SHEET)
        return validated
    rows = Rows(sheet, f.TASK_COLUMNS, validated.issues, lengths=LENGTHS[f.TASKS_SHEET])
    year, level = _year_and_level(rows)
    framework = catalogue.framework(year, level) if year is not None and level is not None else None
    if year is not None and level is not None and framework is None:
        rows.issue(
            None,
            "Năm",
            f"chưa có khung đánh giá năm {year} cấp {f.LEVEL_NAMES[level]}: nạp tệp khung (mẫu “Khung đánh giá”) trước",
        )
    tasks: dict[str, dict] = {}
    results: dict[tuple[str, str], int] = {}
    for number, cells, _ in rows:
        validated.rows_read += 1
        pillar = rows.read(number, cells, "pillar_code")
        if pillar is not None and framework is not None and pillar not in framework.pillars:
            rows.issue(
                number,
                "Chỉ số chính",
                f"chỉ số “{pillar}” không có trong khung năm {year} (các mã: {', '.join(framework.pillars)})",
            )
        code = rows.read(number, cells, "code")
        max_points = rows.read(number, cells, "max_points", f.number)
        if max_points is not None and max_points < 0:
            rows.issue(number, "Điểm tối đa", f"điểm tối đa âm ({_vn(max_points)})")
        task = {
            "pillar_code": pillar,
            "code": code,
            "name_vi": rows.read(number, cells, "name_vi"),
            "target_text": rows.read(number, cells, "target_text") or "",
            "max_points": max_points,
            "source": rows.read(number, cells, "source") or "",
            "note": rows.read(number, cells, "note") or "",
            "results": [],
        }
        if code is not None and code in tasks:
            first = tasks[code]
            for key, header in (
                ("pillar_code", "Chỉ số chính"),
                ("name_vi", "Nhiệm vụ"),
                ("target_text", "Yêu cầu"),
                ("max_points", "Điểm tối đa"),
            ):
                if task[key] != first[key]:
                    rows.issue(number, header, f"khác dòng đầu của nhiệm vụ “{code}” (dòng {first['row']})")
        elif code is not None:
            tasks[code] = {**task, "row": number}
        unit = rows.read(number, cells, "unit_code")
        value = rows.read(number, cells, "value", f.number)
        points = rows.read(number, cells, "points", f.number)
        value_unit = rows.read(number, cells, "value_unit") or ""
        if unit is None:
            if value is not None or points is not None:
                rows.issue(number, "Mã đơn vị", "có kết quả (giá trị hoặc điểm) nhưng không ghi đơn vị")
            continue
        known = catalogue.units.get(unit)
        if known is None:
            rows.issue(number, "Mã đơn vị", f"đơn vị “{unit}” không có trong danh mục đơn vị")
        elif level is not None and known.kind != level:
            rows.issue(number, "Mã đơn vị", f"đơn vị “{unit}” thuộc loại {known.kind}, không phải {level}")
        elif (ended := _ended_parent(known, year, catalogue)) is not None:
            rows.issue(number, "Mã đơn vị", ended)
        if points is not None and points < 0:
            rows.issue(number, "Điểm", f"điểm âm ({_vn(points)})")
        elif points is not None and max_points is not None and points > max_points + 1e-9:
            rows.issue(number, "Điểm", f"{_vn(points)} vượt điểm tối đa {_vn(max_points)} của nhiệm vụ")
        if value is None and points is None:
            rows.issue(number, "Giá trị", f"dòng của đơn vị “{unit}” không có giá trị hay điểm nào")
        if code is not None and (code, unit) in results:
            first = results[(code, unit)]
            rows.issue(number, "Mã đơn vị", f"kết quả của “{unit}” ở nhiệm vụ “{code}” lặp lại (dòng {first})")
        elif code is not None:
            results[(code, unit)] = number
            tasks[code]["results"].append(
                {
                    "unit_code": unit,
                    "value": value,
                    "value_unit": value_unit,
                    "points": points,
                    "source": task["source"],
                    "note": task["note"],
                }
            )
    validated.scope = {"year": year, "level": level}
    validated.records = {
        "year": year,
        "level": level,
        "tasks": [{k: v for k, v in task.items() if k != "row"} for task in tasks.values()],
    }
    return validated


def validate_sources(parsed: ParsedFile, catalogue: Catalogue) -> Validated:
    """Source documents, by the code other files cite them under: added or updated, never deleted
    (a figure citing a document must keep finding its title)."""
    validated = Validated(f.SOURCES, {})
    sheet = parsed.sheets.get(f.SOURCES_SHEET)
    if sheet is None or not sheet.rows:
        _no_rows(validated, f.SOURCES_SHEET)
        return validated
    rows = Rows(sheet, f.SOURCE_COLUMNS, validated.issues, lengths=LENGTHS[f.SOURCES_SHEET])
    codes: dict[object, int] = {}
    records: list[dict] = []
    for number, cells, _ in rows:
        validated.rows_read += 1
        code = rows.read(number, cells, "code")
        unique = _check_unique(rows, number, "code", code, codes)
        issued = rows.read(number, cells, "issued") or ""
        if issued and not f.PERIOD.fullmatch(issued):
            rows.issue(number, "Ngày ban hành", f"“{issued}” không đọc được: ghi năm, năm-tháng hoặc năm-tháng-ngày")
        record = {c.key: rows.read(number, cells, c.key) or "" for c in f.SOURCE_COLUMNS if c.key != "issued"}
        if unique:
            records.append({**record, "issued": issued})
    validated.scope = {}
    validated.records = {"sources": records}
    return validated


VALIDATORS: dict[str, Callable[[ParsedFile, Catalogue], Validated]] = {
    f.FRAMEWORK: validate_framework,
    f.SCORES: validate_scores,
    f.TARGETS: validate_targets,
    f.OBSERVATIONS: validate_observations,
    f.UNITS: validate_units,
    f.RESPONSIBILITIES: validate_responsibilities,
    f.REGIONS: validate_regions,
    f.INDICES: validate_indices,
    f.TASKS: validate_tasks,
    f.SOURCES: validate_sources,
}


def validate(parsed: ParsedFile, catalogue: Catalogue | None) -> Validated:
    """Every problem of the file: those found reading it, then the dataset's own checks (unless the
    file itself could not be read, or is of no known template)."""
    if parsed.dataset is None or catalogue is None or any(i.row is None for i in parsed.issues):
        return Validated(parsed.dataset, {}, issues=list(parsed.issues))
    validated = VALIDATORS[parsed.dataset](parsed, catalogue)
    strangers = [
        Issue(
            name, None, "", f"trang “{name}” không thuộc mẫu {f.DATASET_NAMES[parsed.dataset]}: không được đọc", WARNING
        )
        for name in parsed.sheets
        if name not in f.SHEETS[parsed.dataset]
    ]
    validated.issues = [*parsed.issues, *strangers, *validated.issues]
    return validated
