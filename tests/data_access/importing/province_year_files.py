"""A synthetic 2023 for the focus province, typed as a data officer would (the template's headers):
the 2022 provincial framework again and the province's 2023 points, each main index moved by a
known amount from its 2022 points. Labelled synthetic in its source; expectations are recomputed
from the seed CSVs."""

from __future__ import annotations

import io

from openpyxl import Workbook as NewWorkbook

from data_access.importing import formats
from tests.data_access.importing.files import seed_pillars, seed_points
from tests.data_access.importing.year_files import book_bytes, focus_province, seed_national_ranks

SYNTHETIC_SOURCE = "Dữ liệu tổng hợp cho kiểm thử (không phải số liệu công bố)"


def province_framework_2023() -> bytes:
    """The 2023 provincial framework: the 2022 main indices and maxima of the seed."""
    book = NewWorkbook()
    sheet = book.active
    sheet.title = formats.FRAMEWORK_SHEET
    sheet.append([c.header for c in formats.FRAMEWORK_COLUMNS])
    for code, p in seed_pillars(2022, "province").items():
        sheet.append(
            [2023, "tỉnh", code, p["pillar_name_vi"], p["pillar_name_en"], p["pillar_group"], float(p["max_points"]),
             None, "x" if p["counts_in_total"] == "true" else "", int(p["sort_order"]), SYNTHETIC_SOURCE, ""]
        )  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def province_points_2023() -> dict[str, float]:
    """Main index → 2023 points: odd positions gain 10 % of the distance to the maximum, even ones
    lose 5 % of their points (rounded to 2 decimals), so some rise and some fall; an index the
    province has no 2022 points on (2022's smart city, worth 0) stays unscored."""
    pillars = seed_pillars(2022, "province")
    before = seed_points(2022, "province")[focus_province()]
    points = {}
    for position, code in enumerate(code for code in pillars if code in before):
        maximum, now = float(pillars[code]["max_points"]), before[code]
        points[code] = round(now + (maximum - now) * 0.1, 2) if position % 2 == 0 else round(now * 0.95, 2)
    return points


def province_scores_2023() -> bytes:
    """Every province has its row (the importer wants the whole level): the 2022 national order
    again as 2023's ranks (synthetic), and the focus's points."""
    points = province_points_2023()
    codes = list(seed_pillars(2022, "province"))
    focus = focus_province()
    rows = [
        [2023, "province", code, "", *[points.get(c) if code == focus else None for c in codes], rank, SYNTHETIC_SOURCE]
        for code, rank in seed_national_ranks().items()
    ]
    headers = ["Năm", "Cấp", "Mã đơn vị", "Tên đơn vị", *codes, "Xếp hạng công bố", "Nguồn công bố"]
    return book_bytes(formats.SCORES_SHEET, headers, rows)
