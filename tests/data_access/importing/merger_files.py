"""Files for the merger case, built as a data officer would type them (openpyxl, the template's
headers): a 2023 national table of the 63 provinces and a 2024 one of the 34 after the 2025 merger,
both synthetic and labelled so in their source and note. The successors and their predecessors come
from the seed's copy of reorganisation_2025.csv; expected values are worked out from these tables."""

from __future__ import annotations

from data_access.importing import formats
from tests.data_access.importing.files import seed_csv
from tests.data_access.importing.year_files import book_bytes

SYNTHETIC_SOURCE = "Dữ liệu tổng hợp (synthetic) cho kiểm thử sáp nhập, không phải số liệu công bố"
SYNTHETIC_NOTE = "synthetic: giá trị dựng cho kiểm thử"
# The pair the tests follow: Đồng Nai keeps its code and takes in Bình Phước.
SUCCESSOR, ENDED = "dong-nai", "binh-phuoc"
# Their synthetic 2023 values (the rest of the country is spread evenly below and above them).
VALUES_2023 = {"dong-nai": 0.6612, "binh-phuoc": 0.6408}
DONG_NAI_2024 = 0.6725


def mapping() -> list[dict[str, str]]:
    return seed_csv("reorganisation_2025.csv")


def successors() -> list[str]:
    return list(dict.fromkeys(r["successor_code"] for r in mapping()))


def _table(year: int, values: dict[str, float]) -> bytes:
    """A national table: rank by value (best first), the value as a 0..1 index, source and note synthetic."""
    ordered = sorted(values, key=lambda code: (-values[code], code))
    headers = ["Năm", "Cấp", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Điểm tối đa công bố", "Xếp hạng công bố"]
    headers += ["Nguồn công bố", "Ghi chú công bố"]
    rows = [
        [year, "province", code, "", values[code], 1, rank, SYNTHETIC_SOURCE, SYNTHETIC_NOTE]
        for rank, code in enumerate(ordered, 1)
    ]
    return book_bytes(formats.SCORES_SHEET, headers, rows)


def values_2023() -> dict[str, float]:
    """Every one of the 63 provinces: the two followed ones as set, the others 0.45 + 0.005 × their place."""
    codes = [r["predecessor_code"] for r in mapping()]
    values = {code: round(0.45 + 0.005 * i, 4) for i, code in enumerate(codes)}
    return values | VALUES_2023


def national_2023() -> bytes:
    return _table(2023, values_2023())


def values_2024() -> dict[str, float]:
    """The 34 successors: Đồng Nai as set, the others 0.50 + 0.006 × their place."""
    values = {code: round(0.50 + 0.006 * i, 4) for i, code in enumerate(successors())}
    return values | {SUCCESSOR: DONG_NAI_2024}


def national_2024() -> bytes:
    return _table(2024, values_2024())


def rank_2024(code: str) -> int:
    values = values_2024()
    return sorted(values, key=lambda c: (-values[c], c)).index(code) + 1
