"""Consistency checks run before the seed figures are loaded.

A figure that does not add up is refused with its file, line, column and reason, so a
transcription error can never reach the dashboard. A row whose note says
"SOURCE DISCREPANCY" records an inconsistency of the source itself: it is kept as printed
and reported as known, never as an error (data is sacred, and so is its typo).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from data_access.models import SOURCE_DISCREPANCY
from data_access.scoring import rank_with_ties
from domain.vocabulary import (
    COMPARATORS,
    EVERY_PILLAR,
    LEVELS,
    UNIT_KINDS,
    Threshold,
    group_for_share,
    printed_total_agrees,
)

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")

COLUMNS = {
    "responsibilities.csv": [
        "plan_code",
        "pillar_code",
        "target_code",
        "unit_code",
        "responsible_name",
        "duty",
        "source",
        "note",
    ],
    "frameworks.csv": [
        "framework_year",
        "level",
        "pillar_code",
        "pillar_name_vi",
        "pillar_name_en",
        "pillar_group",
        "max_points",
        "n_indicators",
        "counts_in_total",
        "sort_order",
        "source",
        "note",
    ],
    "units.csv": ["unit_code", "name_vi", "name_en", "kind", "parent_code", "source", "note"],
    "scores.csv": ["year", "unit_code", "level", "pillar_code", "points", "max_points", "source", "note"],
    "totals.csv": [
        "year",
        "unit_code",
        "level",
        "published_total",
        "published_max",
        "published_rank",
        "published_group",
        "median_method",
        "source",
        "note",
    ],
    "pillar_indices.csv": ["year", "unit_code", "pillar", "value", "source", "note"],
    "national_ranking_2022.csv": ["rank", "unit_code", "name_vi", "source", "note"],
    "targets.csv": [
        "target_code",
        "pillar",
        "name_vi",
        "target_value",
        "target_unit",
        "comparator",
        "actual_value",
        "numerator",
        "denominator",
        "as_of",
        "level_detail",
        "source",
        "note",
    ],
    "indicator_observations.csv": [
        "indicator_code",
        "name_vi",
        "pillar",
        "period",
        "value",
        "unit",
        "numerator",
        "denominator",
        "source",
        "note",
    ],
    "subindicator_points_2022.csv": [
        "pillar_code",
        "task",
        "target_text",
        "value_2022",
        "value_unit",
        "points_2022",
        "points_max",
        "source",
        "note",
    ],
    "group_thresholds.csv": [
        "framework_year",
        "level",
        "group_code",
        "name_vi",
        "name_en",
        "min_share",
        "source",
        "note",
    ],
    "sources.csv": ["code", "title_vi", "title_en", "issuer", "number", "issued", "url"],
    "regions.csv": ["region_code", "region_name_vi", "region_name_en", "sort_order", "unit_code", "source", "note"],
    "reorganisation_2025.csv": [
        "predecessor_code",
        "successor_code",
        "successor_name_vi",
        "effective_date",
        "first_ranked_year",
        "change",
        "note",
    ],
}
NUMERIC = {
    "reorganisation_2025.csv": ["first_ranked_year"],
    "regions.csv": ["sort_order"],
    "frameworks.csv": ["framework_year", "max_points", "n_indicators", "sort_order"],
    "scores.csv": ["year", "points", "max_points"],
    "totals.csv": ["year", "published_total", "published_max", "published_rank"],
    "pillar_indices.csv": ["year", "value"],
    "national_ranking_2022.csv": ["rank"],
    "targets.csv": ["target_value", "actual_value", "numerator", "denominator"],
    "indicator_observations.csv": ["value", "numerator", "denominator"],
    "subindicator_points_2022.csv": ["value_2022", "points_2022", "points_max"],
    "group_thresholds.csv": ["framework_year", "min_share"],
}
REQUIRED = {
    "reorganisation_2025.csv": ["predecessor_code", "successor_code", "effective_date", "first_ranked_year", "change"],
    "regions.csv": ["region_code", "region_name_vi", "sort_order", "unit_code", "source"],
    "responsibilities.csv": ["plan_code", "pillar_code", "responsible_name", "duty", "source"],
    "frameworks.csv": ["framework_year", "level", "pillar_code", "pillar_name_vi", "max_points", "sort_order"],
    "units.csv": ["unit_code", "name_vi", "kind"],
    "scores.csv": ["year", "unit_code", "level", "pillar_code", "points", "max_points"],
    "totals.csv": ["year", "unit_code", "level"],
    "pillar_indices.csv": ["year", "unit_code", "pillar", "value"],
    "national_ranking_2022.csv": ["rank", "unit_code"],
    "targets.csv": ["target_code", "pillar", "name_vi", "target_value", "target_unit", "comparator"],
    "indicator_observations.csv": ["indicator_code", "pillar", "period", "value", "unit"],
    "subindicator_points_2022.csv": ["pillar_code", "task"],
    "group_thresholds.csv": ["framework_year", "level", "group_code", "name_vi", "min_share"],
    "sources.csv": ["code", "title_vi"],
}

Rows = list[dict[str, str]]


@dataclass(frozen=True)
class Problem:
    """Where a figure fails a check and why (the reason in Vietnamese, for the data team)."""

    file: str
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, dòng {self.line}" if self.line else self.file
        if self.column:
            where += f", cột {self.column}"
        return f"{where}: {self.reason}"


def line_of(index: int) -> int:
    """File line of the row at `index`: line 1 is the header."""
    return index + 2


def discrepancy_known(row: dict[str, str]) -> bool:
    return SOURCE_DISCREPANCY in (row.get("note") or "")


def half_unit(printed: str) -> Decimal:
    """Half a unit of the last printed digit: how far a rounded printed figure may be off."""
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return Decimal(5) / (Decimal(10) ** (decimals + 1))


def check_format(name: str, header: list[str] | None, rows: Rows) -> list[Problem]:
    """Columns as expected, required cells present, numbers plain with '.' decimals."""
    expected = COLUMNS[name]
    if header != expected:
        missing = [c for c in expected if c not in (header or [])]
        reason = f"thiếu cột {', '.join(missing)}" if missing else f"cột không đúng thứ tự mẫu: {expected}"
        return [Problem(name, 1, "", reason)]
    problems = []
    for i, row in enumerate(rows):
        for column in REQUIRED.get(name, []):
            if not (row.get(column) or "").strip():
                problems.append(Problem(name, line_of(i), column, "ô bắt buộc bị trống"))
        for column in NUMERIC.get(name, []):
            value = row.get(column) or ""
            if value and not PLAIN_NUMBER.fullmatch(value):
                problems.append(
                    Problem(
                        name,
                        line_of(i),
                        column,
                        f"'{value}' không phải là số (dùng dấu chấm thập phân, không phân cách nghìn)",
                    )
                )
    return problems


def check_units(units: Rows) -> list[Problem]:
    problems = []
    codes: set[str] = set()
    for i, u in enumerate(units):
        code = u["unit_code"]
        if code in codes:
            problems.append(Problem("units.csv", line_of(i), "unit_code", f"mã đơn vị '{code}' bị trùng"))
        codes.add(code)
        if not SLUG.fullmatch(code):
            problems.append(Problem("units.csv", line_of(i), "unit_code", f"mã '{code}' không phải dạng slug ASCII"))
        if u["kind"] not in UNIT_KINDS:
            problems.append(Problem("units.csv", line_of(i), "kind", f"loại đơn vị '{u['kind']}' không hợp lệ"))
    for i, u in enumerate(units):
        if u["parent_code"] and u["parent_code"] not in codes:
            problems.append(
                Problem(
                    "units.csv",
                    line_of(i),
                    "parent_code",
                    f"đơn vị cấp trên '{u['parent_code']}' không có trong units.csv",
                )
            )
    return problems


def check_unit_references(data: dict[str, Rows]) -> list[Problem]:
    codes = {u["unit_code"] for u in data["units.csv"]}
    problems = []
    for name in ("scores.csv", "totals.csv", "pillar_indices.csv", "national_ranking_2022.csv"):
        for i, r in enumerate(data[name]):
            if r["unit_code"] not in codes:
                problems.append(
                    Problem(name, line_of(i), "unit_code", f"đơn vị '{r['unit_code']}' không có trong units.csv")
                )
    return problems


def check_regions(data: dict[str, Rows]) -> list[Problem]:
    """Every province of units.csv in exactly one region, and nothing else in any region."""
    provinces = {u["unit_code"] for u in data["units.csv"] if u["kind"] == "province"}
    problems = []
    seen: set[str] = set()
    for i, r in enumerate(data["regions.csv"]):
        code = r["unit_code"]
        if code not in provinces:
            problems.append(
                Problem("regions.csv", line_of(i), "unit_code", f"'{code}' không phải là tỉnh trong units.csv")
            )
        elif code in seen:
            problems.append(Problem("regions.csv", line_of(i), "unit_code", f"tỉnh '{code}' thuộc hai vùng"))
        seen.add(code)
    for code in sorted(provinces - seen):
        problems.append(Problem("regions.csv", 0, "unit_code", f"tỉnh '{code}' chưa thuộc vùng nào"))
    return problems


def framework_pillars(frameworks: Rows) -> dict[tuple[str, str], dict[str, dict[str, str]]]:
    by_key: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(dict)
    for f in frameworks:
        by_key[(f["framework_year"], f["level"])][f["pillar_code"]] = f
    return by_key


def check_frameworks(frameworks: Rows) -> list[Problem]:
    problems = []
    seen: set[tuple[str, str, str]] = set()
    for i, f in enumerate(frameworks):
        key = (f["framework_year"], f["level"], f["pillar_code"])
        if key in seen:
            problems.append(Problem("frameworks.csv", line_of(i), "pillar_code", f"chỉ số chính {key} bị trùng"))
        seen.add(key)
        if f["level"] not in LEVELS:
            problems.append(Problem("frameworks.csv", line_of(i), "level", f"cấp '{f['level']}' không hợp lệ"))
        if f["counts_in_total"] not in ("true", "false"):
            problems.append(Problem("frameworks.csv", line_of(i), "counts_in_total", "phải là true hoặc false"))
        elif f["counts_in_total"] == "false" and Decimal(f["max_points"] or 0) != 0:
            problems.append(
                Problem(
                    "frameworks.csv", line_of(i), "max_points", "chỉ số không tính vào tổng điểm phải có điểm tối đa 0"
                )
            )
    for (year, level), pillars in framework_pillars(frameworks).items():
        orders = sorted(int(p["sort_order"]) for p in pillars.values())
        if orders != list(range(1, len(pillars) + 1)):
            problems.append(
                Problem(
                    "frameworks.csv", 0, "sort_order", f"bộ chỉ số {year}/{level}: thứ tự phải là 1..{len(pillars)}"
                )
            )
    return problems


def check_scores(data: dict[str, Rows]) -> list[Problem]:
    """Points within 0..max of the framework's pillar, and each unit scored on every counted pillar."""
    pillars = framework_pillars(data["frameworks.csv"])
    kinds = {u["unit_code"]: u["kind"] for u in data["units.csv"]}
    problems = []
    seen: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for i, r in enumerate(data["scores.csv"]):
        line = line_of(i)
        pillar = pillars.get((r["year"], r["level"]), {}).get(r["pillar_code"])
        if pillar is None:
            problems.append(
                Problem(
                    "scores.csv",
                    line,
                    "pillar_code",
                    f"không có chỉ số '{r['pillar_code']}' trong bộ chỉ số {r['year']}/{r['level']}",
                )
            )
            continue
        unit_key = (r["year"], r["unit_code"], r["level"])
        if r["pillar_code"] in seen[unit_key]:
            problems.append(
                Problem("scores.csv", line, "pillar_code", f"điểm của {unit_key} trên '{r['pillar_code']}' bị trùng")
            )
        seen[unit_key].add(r["pillar_code"])
        if kinds.get(r["unit_code"], r["level"]) != r["level"]:
            problems.append(
                Problem(
                    "scores.csv", line, "level", f"đơn vị loại '{kinds[r['unit_code']]}' không thuộc cấp '{r['level']}'"
                )
            )
        if r["max_points"] != pillar["max_points"]:
            problems.append(
                Problem(
                    "scores.csv",
                    line,
                    "max_points",
                    f"điểm tối đa {r['max_points']} khác bộ chỉ số ({pillar['max_points']})",
                )
            )
        points = Decimal(r["points"])
        if points < 0:
            problems.append(Problem("scores.csv", line, "points", f"điểm âm ({r['points']})"))
        elif points > Decimal(pillar["max_points"]):
            problems.append(
                Problem("scores.csv", line, "points", f"điểm {r['points']} vượt điểm tối đa {pillar['max_points']}")
            )
    for (year, unit, level), codes in seen.items():
        counted = {c for c, p in pillars.get((year, level), {}).items() if p["counts_in_total"] == "true"}
        missing = counted - codes
        if missing:
            problems.append(
                Problem(
                    "scores.csv", 0, "pillar_code", f"{unit} {year}: thiếu điểm các chỉ số {', '.join(sorted(missing))}"
                )
            )
    return problems


def pillar_sums(data: dict[str, Rows]) -> dict[tuple[str, str, str], tuple[Decimal, Decimal]]:
    """(year, unit, level) → (sum of counted points, sum of counted maxima)."""
    pillars = framework_pillars(data["frameworks.csv"])
    sums: dict[tuple[str, str, str], tuple[Decimal, Decimal]] = {}
    for r in data["scores.csv"]:
        pillar = pillars.get((r["year"], r["level"]), {}).get(r["pillar_code"])
        if pillar is None or pillar["counts_in_total"] != "true":
            continue
        key = (r["year"], r["unit_code"], r["level"])
        total, maximum = sums.get(key, (Decimal(0), Decimal(0)))
        sums[key] = (total + Decimal(r["points"]), maximum + Decimal(r["max_points"]))
    return sums


def check_totals(data: dict[str, Rows]) -> tuple[list[Problem], list[str]]:
    """Published totals against the pillar sums, ranks against the totals, groups against thresholds.

    Returns the problems and the notices: differences on median-method rows and known source
    discrepancies are reported, not refused.
    """
    problems: list[Problem] = []
    notices: list[str] = []
    sums = pillar_sums(data)
    totals = data["totals.csv"]
    for i, t in enumerate(totals):
        line = line_of(i)
        if t["level"] not in LEVELS:
            problems.append(Problem("totals.csv", line, "level", f"cấp '{t['level']}' không hợp lệ"))
            continue
        if t["median_method"] not in ("true", "false"):
            problems.append(Problem("totals.csv", line, "median_method", "phải là true hoặc false"))
        if not t["published_total"] or (t["year"], t["unit_code"], t["level"]) not in sums:
            continue
        total, maximum = sums[(t["year"], t["unit_code"], t["level"])]
        published, published_max = Decimal(t["published_total"]), Decimal(t["published_max"])
        if printed_total_agrees(total, maximum, published, published_max):
            continue
        message = f"tổng điểm thành phần {total} khác tổng công bố {published}"
        if t["median_method"] == "true":
            notices.append(f"totals.csv, dòng {line}: {message} (đơn vị tính theo phương pháp trung vị)")
        elif discrepancy_known(t):
            notices.append(f"totals.csv, dòng {line}: {message} (sai lệch trong chính nguồn)")
        else:
            problems.append(Problem("totals.csv", line, "published_total", message))
    problems += _check_published_ranks(totals)
    problems += _check_groups(data)
    return problems, notices


def _check_published_ranks(totals: Rows) -> list[Problem]:
    problems = []
    groups: dict[tuple[str, str], list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for i, t in enumerate(totals):
        if t["published_total"] and t["published_rank"] and t["level"] != "province":
            groups[(t["year"], t["level"])].append((i, t))
    for rows in groups.values():
        expected = rank_with_ties([float(t["published_total"]) for _, t in rows])
        for (i, t), rank in zip(rows, expected, strict=True):
            if int(t["published_rank"]) != rank:
                problems.append(
                    Problem(
                        "totals.csv",
                        line_of(i),
                        "published_rank",
                        f"hạng {t['published_rank']} không khớp thứ tự tổng điểm (phải là {rank})",
                    )
                )
    return problems


def _check_groups(data: dict[str, Rows]) -> list[Problem]:
    thresholds: dict[tuple[str, str], list[Threshold]] = defaultdict(list)
    for g in data["group_thresholds.csv"]:
        thresholds[(g["framework_year"], g["level"])].append(Threshold(g["name_vi"], float(g["min_share"])))
    problems = []
    for i, t in enumerate(data["totals.csv"]):
        if not t["published_group"]:
            continue
        bounds = thresholds.get((t["year"], t["level"]))
        if not bounds:
            problems.append(
                Problem(
                    "totals.csv",
                    line_of(i),
                    "published_group",
                    f"không có ngưỡng xếp nhóm cho {t['year']}/{t['level']}",
                )
            )
            continue
        share = float(t["published_total"]) / float(t["published_max"])
        expected = group_for_share(share, bounds)
        if expected != t["published_group"]:
            problems.append(
                Problem(
                    "totals.csv",
                    line_of(i),
                    "published_group",
                    f"nhóm '{t['published_group']}' không khớp ngưỡng (tỷ lệ {share:.2%} → '{expected}')",
                )
            )
    return problems


def check_national_ranking(data: dict[str, Rows], ranking_year: str) -> list[Problem]:
    """Competition ranks (a tie shares a rank, the next rank skips) and agreement with totals.csv."""
    problems = []
    ranking = data["national_ranking_2022.csv"]
    ranks = [int(r["rank"]) for r in ranking]
    for i, rank in enumerate(ranks):
        expected = 1 + sum(1 for other in ranks if other < rank)
        if rank != expected:
            problems.append(
                Problem(
                    "national_ranking_2022.csv",
                    line_of(i),
                    "rank",
                    f"hạng {rank} không theo kiểu xếp hạng đồng hạng (phải là {expected})",
                )
            )
    by_unit = {r["unit_code"]: r["rank"] for r in ranking}
    for i, t in enumerate(data["totals.csv"]):
        in_ranking = t["level"] == "province" and t["year"] == ranking_year and t["unit_code"] in by_unit
        if in_ranking and t["published_rank"] and t["published_rank"] != by_unit[t["unit_code"]]:
            problems.append(
                Problem(
                    "totals.csv",
                    line_of(i),
                    "published_rank",
                    f"hạng {t['published_rank']} khác bảng xếp hạng quốc gia ({by_unit[t['unit_code']]})",
                )
            )
    return problems


def check_pillar_indices(data: dict[str, Rows]) -> tuple[list[Problem], list[str]]:
    """A published main-index value × the pillar's maximum must give the stored points."""
    scores = {(r["year"], r["unit_code"], r["pillar_code"]): r for r in data["scores.csv"] if r["level"] == "province"}
    problems: list[Problem] = []
    notices: list[str] = []
    for i, r in enumerate(data["pillar_indices.csv"]):
        value = Decimal(r["value"])
        if not 0 <= value <= 1:
            problems.append(Problem("pillar_indices.csv", line_of(i), "value", f"giá trị {value} ngoài khoảng 0..1"))
            continue
        score = scores.get((r["year"], r["unit_code"], r["pillar"]))
        if score is None:
            continue
        maximum = Decimal(score["max_points"])
        tolerance = half_unit(r["value"]) * maximum + half_unit(score["points"])
        if abs(value * maximum - Decimal(score["points"])) > tolerance:
            message = f"giá trị {value} × {maximum} khác điểm {score['points']}"
            if discrepancy_known(r):
                notices.append(f"pillar_indices.csv, dòng {line_of(i)}: {message} (sai lệch trong chính nguồn)")
            else:
                problems.append(Problem("pillar_indices.csv", line_of(i), "value", message))
    return problems, notices


def _check_rate(name: str, line: int, row: dict[str, str], value_column: str) -> tuple[list[Problem], list[str]]:
    if not (row.get("numerator") and row.get("denominator") and row.get(value_column)):
        return [], []
    if Decimal(row["denominator"]) == 0:
        return [Problem(name, line, "denominator", "mẫu số bằng 0")], []
    computed = Decimal(row["numerator"]) / Decimal(row["denominator"]) * 100
    printed = row[value_column]
    if abs(computed - Decimal(printed)) <= half_unit(printed):
        return [], []
    message = f"{row['numerator']}/{row['denominator']} = {computed:.2f}% nhưng in {printed}%"
    if discrepancy_known(row):
        return [], [f"{name}, dòng {line}: {message} (sai lệch trong chính nguồn)"]
    return [Problem(name, line, value_column, message)], []


def check_targets(targets: Rows) -> tuple[list[Problem], list[str]]:
    problems: list[Problem] = []
    notices: list[str] = []
    codes: set[str] = set()
    for i, r in enumerate(targets):
        line = line_of(i)
        if r["target_code"] in codes:
            problems.append(Problem("targets.csv", line, "target_code", f"mã chỉ tiêu '{r['target_code']}' bị trùng"))
        codes.add(r["target_code"])
        if r["comparator"] not in COMPARATORS:
            problems.append(
                Problem("targets.csv", line, "comparator", f"phép so sánh '{r['comparator']}' không hợp lệ")
            )
        if bool(r["actual_value"]) != bool(r["as_of"]):
            problems.append(
                Problem("targets.csv", line, "as_of", "phải có ngày số liệu khi và chỉ khi có giá trị thực tế")
            )
        if r["target_unit"] == "%":
            found, known = _check_rate("targets.csv", line, r, "actual_value")
            problems += found
            notices += known
    return problems, notices


def check_observations(observations: Rows) -> tuple[list[Problem], list[str]]:
    problems: list[Problem] = []
    notices: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for i, r in enumerate(observations):
        line = line_of(i)
        key = (r["indicator_code"], r["period"], r["source"].split(";")[0])
        if key in seen:
            problems.append(Problem("indicator_observations.csv", line, "indicator_code", f"số liệu {key} bị trùng"))
        seen.add(key)
        if not re.fullmatch(r"\d{4}(-H[12]|-\d{2}(-\d{2})?)?", r["period"]):
            problems.append(
                Problem("indicator_observations.csv", line, "period", f"kỳ số liệu '{r['period']}' không hợp lệ")
            )
        if r["unit"] == "%":
            found, known = _check_rate("indicator_observations.csv", line, r, "value")
            problems += found
            notices += known
    return problems, notices


def check_indicators(data: dict[str, Rows], framework_key: tuple[str, str]) -> list[Problem]:
    """Indicator points within their maximum, and never more lost than the pillar lost in all."""
    pillars = framework_pillars(data["frameworks.csv"]).get(framework_key, {})
    problems = []
    lost: dict[str, Decimal] = defaultdict(Decimal)
    for i, r in enumerate(data["subindicator_points_2022.csv"]):
        line = line_of(i)
        if r["pillar_code"] not in pillars:
            problems.append(
                Problem(
                    "subindicator_points_2022.csv",
                    line,
                    "pillar_code",
                    f"chỉ số '{r['pillar_code']}' không có trong bộ chỉ số {framework_key}",
                )
            )
            continue
        if r["points_2022"]:
            if not r["points_max"]:
                problems.append(
                    Problem("subindicator_points_2022.csv", line, "points_max", "có điểm nhưng thiếu điểm tối đa")
                )
                continue
            points, maximum = Decimal(r["points_2022"]), Decimal(r["points_max"])
            if not 0 <= points <= maximum:
                problems.append(
                    Problem(
                        "subindicator_points_2022.csv", line, "points_2022", f"điểm {points} ngoài khoảng 0..{maximum}"
                    )
                )
            lost[r["pillar_code"]] += maximum - points
    return problems + [
        Problem("subindicator_points_2022.csv", 0, "points_2022", f"{pillar}: các chỉ số thành phần mất {amount} điểm")
        for pillar, amount in lost.items()
        if amount > Decimal(pillars[pillar]["max_points"])
    ]


def check_responsibilities(data: dict[str, Rows], plan_code: str) -> list[Problem]:
    """Each responsibility belongs to the seed's plan, names a known main index (or "*"), a target of the
    plan where it names one, and a unit of units.csv where it links one."""
    name = "responsibilities.csv"
    units = {u["unit_code"] for u in data["units.csv"]}
    pillars = {f["pillar_code"] for f in data["frameworks.csv"]} | {EVERY_PILLAR}
    targets = {t["target_code"] for t in data["targets.csv"]}
    problems = []
    for i, r in enumerate(data[name]):
        if r["plan_code"] != plan_code:
            problems.append(
                Problem(name, line_of(i), "plan_code", f"kế hoạch '{r['plan_code']}' không phải {plan_code}")
            )
        if r["pillar_code"] not in pillars:
            problems.append(Problem(name, line_of(i), "pillar_code", f"chỉ số chính '{r['pillar_code']}' không có"))
        if r["target_code"] and r["target_code"] not in targets:
            problems.append(Problem(name, line_of(i), "target_code", f"mục tiêu '{r['target_code']}' không có"))
        if r["unit_code"] and r["unit_code"] not in units:
            problems.append(
                Problem(name, line_of(i), "unit_code", f"đơn vị '{r['unit_code']}' không có trong units.csv")
            )
    return problems


REORGANISATION_CHANGES = ("merged", "unchanged", "renamed")


def check_reorganisation(data: dict[str, Rows]) -> list[Problem]:
    """The 2025 merger: every province of units.csv once, its successor a province that is its own
    successor (no chains), a known kind of change, and an unchanged province its own successor."""
    name = "reorganisation_2025.csv"
    provinces = {u["unit_code"] for u in data["units.csv"] if u["kind"] == "province"}
    rows = data[name]
    own = {r["predecessor_code"] for r in rows if r["successor_code"] == r["predecessor_code"]}
    problems, seen = [], set()
    for i, r in enumerate(rows):
        code, successor = r["predecessor_code"], r["successor_code"]
        if code not in provinces:
            problems.append(Problem(name, line_of(i), "predecessor_code", f"'{code}' không phải tỉnh trong units.csv"))
        if code in seen:
            problems.append(Problem(name, line_of(i), "predecessor_code", f"tỉnh '{code}' có hai dòng"))
        seen.add(code)
        if successor not in own:
            problems.append(
                Problem(name, line_of(i), "successor_code", f"'{successor}' không phải tỉnh kế thừa giữ mã của mình")
            )
        if r["change"] not in REORGANISATION_CHANGES:
            problems.append(Problem(name, line_of(i), "change", f"loại thay đổi '{r['change']}' không có"))
        elif r["change"] != "merged" and successor != code:
            problems.append(Problem(name, line_of(i), "successor_code", f"'{code}' {r['change']} nhưng đổi mã"))
    for code in sorted(provinces - seen):
        problems.append(Problem(name, 0, "predecessor_code", f"tỉnh '{code}' chưa có trong sắp xếp"))
    return problems


def check_all(
    data: dict[str, Rows],
    headers: dict[str, list[str] | None],
    dataset: dict,
) -> tuple[list[Problem], list[str]]:
    """Every check over the seed files; the figures load only when the problem list is empty.

    `dataset` holds what the files' columns do not say (`seed/meta/dataset.json`): the year of
    the national ranking and the framework the indicator points belong to.
    """
    problems: list[Problem] = []
    for name, rows in data.items():
        problems += check_format(name, headers.get(name), rows)
    if problems:
        return problems, []
    notices: list[str] = []
    problems += check_units(data["units.csv"])
    problems += check_unit_references(data)
    problems += check_regions(data)
    problems += check_reorganisation(data)
    problems += check_frameworks(data["frameworks.csv"])
    problems += check_scores(data)
    problems += check_national_ranking(data, str(dataset["national_ranking_year"]))
    problems += check_responsibilities(data, dataset["plan"]["code"])
    framework = dataset["indicator_framework"]
    problems += check_indicators(data, (str(framework["year"]), framework["level"]))
    for found, known in (
        check_totals(data),
        check_pillar_indices(data),
        check_targets(data["targets.csv"]),
        check_observations(data["indicator_observations.csv"]),
    ):
        problems += found
        notices += known
    return problems, notices
