"""Files for the "everything published" cases, built as a data officer would: from the app's own
template or export where one exists (the ranks-only table, the 2022 province table), typed in
openpyxl otherwise (a year's published indices, the national DTI unit). Expected values come from
the seed CSVs or from the rows written here, never from the app.

Figures that no seed document prints (a 2023 ranking, a national DTI value, the second province's
2023 indices) are synthetic and their source says so.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from data_access.importing import files, formats
from tests.data_access.importing.files import Workbook, seed_csv, seed_totals
from tests.data_access.importing.year_files import book_bytes, seed_national_ranks

SYNTHETIC_SOURCE = "Số liệu thử nghiệm (tổng hợp, không phải số công bố)"
NATIONAL_UNIT = "viet-nam"
# The national DTI of 2022 in the test cases: a synthetic value, labelled so in its source.
NATIONAL_DTI_2022 = 0.6123
SECOND_PROVINCE = "da-nang"


def ranks_2023() -> dict[str, int]:
    """2023 ranks: 2022's order with the first two provinces and the focus and the one above it swapped."""
    ranks = seed_national_ranks()
    ordered = sorted(ranks, key=lambda u: (ranks[u], u))
    ordered[0], ordered[1] = ordered[1], ordered[0]
    focus = next(r["parent_code"] for r in seed_csv("units.csv") if r["kind"] == "department")
    at = ordered.index(focus)
    ordered[at - 1], ordered[at] = ordered[at], ordered[at - 1]
    return {unit: position for position, unit in enumerate(ordered, 1)}


def ranks_only_2023(engine: Engine | None = None) -> bytes:
    """The 2023 national table of ranks only, filled in the template the app gives for a year
    without a framework (no total, no pillar column)."""
    _name, template = files.template_file(formats.SCORES, {"year": 2023, "level": "province"}, engine=engine)
    book = Workbook(template, formats.SCORES_SHEET)
    for unit, rank in ranks_2023().items():
        book.set(unit, "Xếp hạng công bố", rank)
        book.set(unit, "Nguồn công bố", SYNTHETIC_SOURCE)
    return book.bytes()


def national_unit() -> bytes:
    """The country as a unit of kind `national`, so its DTI is a series of its own."""
    row = [NATIONAL_UNIT, "Việt Nam (DTI quốc gia)", "Viet Nam (national DTI)", "national", None, None, None, None]
    row += [SYNTHETIC_SOURCE, "đơn vị cho giá trị DTI quốc gia do Bộ công bố"]
    return book_bytes(formats.UNITS_SHEET, [c.header for c in formats.UNIT_COLUMNS], [row])


def province_2022_with_national_dti(engine: Engine | None = None) -> bytes:
    """The seed's 2022 province table as exported, with the national DTI typed in as one more row."""
    content = files.export_file(formats.SCORES, {"year": 2022, "level": "province"}, engine=engine)[1]
    book = Workbook(content, formats.SCORES_SHEET)
    row = book.sheet.max_row + 1
    for header, value in (
        ("Năm", 2022),
        ("Cấp", "province"),
        ("Mã đơn vị", NATIONAL_UNIT),
        ("Tổng điểm", NATIONAL_DTI_2022),
        ("Điểm tối đa công bố", 1),
        ("Nguồn công bố", SYNTHETIC_SOURCE),
    ):
        book.sheet.cell(row, book.column(header)).value = value
    return book.bytes()


def seed_average_2022() -> float:
    row = seed_totals(2022, "province")["national-average"]
    return float(row["published_total"]) / float(row["published_max"])


def second_province_indices(year: int) -> tuple[bytes, dict[str, tuple[float, int | None]]]:
    """A year's published indices of the second province: the three trụ cột and its main indices
    (their 2022 values from the seed, nudged for a later year), each with a synthetic national rank."""
    main = {r["pillar"]: float(r["value"]) for r in seed_csv("pillar_indices.csv") if r["unit_code"] == SECOND_PROVINCE}
    expected: dict[str, tuple[float, int | None]] = {}
    for position, code in enumerate([*formats.DTI_PILLARS, *main], 1):
        base = main.get(code, 0.7)
        expected[code] = (round(min(base + 0.01 * (year - 2022), 1.0), 4), position)
    headers = [c.header for c in formats.INDEX_COLUMNS]
    rows = [
        [year, SECOND_PROVINCE, "", code, value, rank, SYNTHETIC_SOURCE, ""] for code, (value, rank) in expected.items()
    ]
    return book_bytes(formats.INDICES_SHEET, headers, rows), expected
