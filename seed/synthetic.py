"""A synthetic national-scale dataset, made by code and loaded through the product's own import.

    DATABASE_URL=sqlite:///instance/national.sqlite3 python -m seed --synthetic national

The published figures cover one province's departments and districts; whether a page stays fast
when every province has them can only be shown on made-up data. This module makes it the way a
data officer would load real results: a units file, then for each year and level a framework file
and a scores file filled into the app's own template, each checked and committed by
`data_access.importing` (the same path as `/admin` and `flask data import`).

Nothing here is a published figure: every unit's name says "tổng hợp" and every score's source
is "Dữ liệu tổng hợp (synthetic)", so a screen showing them says so. The points are drawn from a
seeded generator, so two runs make the same dataset. It goes into a database of its own: an
empty one, or one the caller resets.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased

from data_access import boundaries, db
from data_access.importing import OK, formats, import_file
from data_access.importing import files as downloads
from data_access.models import Reorganisation, Unit
from data_access.settings import SEED_DIR

SYNTHETIC_SOURCE = "Dữ liệu tổng hợp (synthetic), không phải số liệu công bố"
SYNTHETIC_NOTE = "dữ liệu tổng hợp (synthetic)"
IMPORT_USER = "synthetic"
RANDOM_SEED = 2022

# Districts and, from 2025, communes are scored on the same criteria.
LOCAL_PILLARS = [
    ("awareness", "Nhận thức số", 60),
    ("institutions", "Thể chế số", 60),
    ("infrastructure", "Hạ tầng số", 90),
    ("human_resources", "Nhân lực số", 60),
    ("safety", "An toàn thông tin mạng", 60),
    ("operations", "Hoạt động chính quyền số", 150),
    ("economy", "Kinh tế số", 100),
    ("society", "Xã hội số", 90),
    ("website", "Cổng thông tin điện tử", 30),
]
# Pillars per level: (code, name, maximum points). Their sums are the real frameworks' (1000, 600, 700).
PILLARS = {
    "province": [
        ("awareness", "Nhận thức số", 80),
        ("institutions", "Thể chế số", 80),
        ("infrastructure", "Hạ tầng số", 120),
        ("human_resources", "Nhân lực số", 80),
        ("safety", "An toàn thông tin mạng", 80),
        ("government", "Chính quyền số", 200),
        ("economy", "Kinh tế số", 180),
        ("society", "Xã hội số", 180),
        ("smart_city", "Đô thị thông minh", 0),
    ],
    "department": [
        ("awareness", "Nhận thức số", 60),
        ("institutions", "Thể chế số", 60),
        ("infrastructure", "Hạ tầng số", 90),
        ("human_resources", "Nhân lực số", 60),
        ("safety", "An toàn thông tin mạng", 60),
        ("operations", "Hoạt động chính quyền số", 150),
        ("services", "Dịch vụ công trực tuyến", 90),
        ("website", "Cổng thông tin điện tử", 30),
    ],
    "district": LOCAL_PILLARS,
    "commune": LOCAL_PILLARS,
}
GROUPS = [("tot", "Tốt", 0.8), ("kha", "Khá", 0.65), ("trung_binh", "Trung bình", 0.5), ("yeu", "Yếu", 0.0)]


@dataclass(frozen=True)
class Shape:
    """How big a dataset is: `provinces` provinces over `years` years (the last one `last_year`), of
    which `detailed` have `departments` departments and `districts` districts each."""

    provinces: int
    years: int
    detailed: int
    departments: int
    districts: int
    last_year: int = 2022


SHAPES = {
    # The country before July 2025, as the issue measured it: 1 603 units, ~140 000 pillar scores.
    "national": Shape(provinces=63, years=10, detailed=11, departments=40, districts=100),
}


class SyntheticRefused(RuntimeError):
    """The target database already holds data, or an import refused a generated file (a bug here)."""


def _province_names() -> list[tuple[str, str]]:
    """(code, name) of the 63 provinces, from the shipped boundaries: the national map draws them."""
    collection = json.loads((SEED_DIR / "geo" / "vietnam_provinces_63.geojson").read_text(encoding="utf-8"))
    return sorted((f["properties"]["unit_code"], f["properties"]["name_vi"]) for f in collection["features"])


def _csv(rows: list[dict[str, object]], headers: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _headers(columns: tuple[formats.Column, ...]) -> list[str]:
    return [column.header for column in columns]


def competition_ranks(totals: list[float]) -> list[int]:
    """Ranks "1, 2, 2, 4" on totals, best first, as the published tables rank."""
    return [1 + sum(other > total for other in totals) for total in totals]


def group_of(share: float) -> str:
    return next(name for _code, name, floor in GROUPS if share >= floor - 1e-12)


class Generator:
    """Makes the files of one dataset and imports them in order, reporting each step to `say`."""

    def __init__(self, shape: Shape, engine: Engine, say: Callable[[str], None]) -> None:
        self.shape = shape
        self.engine = engine
        self.say = say
        self.random = np.random.default_rng(RANDOM_SEED)
        provinces = _province_names()[: shape.provinces]
        self.provinces = provinces
        self.detailed = [code for code, _ in provinces[: shape.detailed]]
        self.years = list(range(shape.last_year - shape.years + 1, shape.last_year + 1))
        # Each unit's standing, kept from year to year (ranks move a few places, as real ones do).
        self.standing: dict[str, float] = {}

    def children(self, province: str, level: str) -> list[str]:
        count = self.shape.departments if level == "department" else self.shape.districts
        stem = "so" if level == "department" else "huyen"
        return [f"{province}-{stem}-th-{n:03d}" for n in range(1, count + 1)]

    def _import(self, content: bytes, file_name: str) -> None:
        outcome = import_file(content, file_name, user=IMPORT_USER, accept_warnings=True, engine=self.engine)
        if outcome.result != OK:
            issues = "; ".join(str(issue) for issue in outcome.checked.errors[:5]) or outcome.error
            raise SyntheticRefused(f"{file_name}: {outcome.result}: {issues}")

    def units_file(self) -> bytes:
        rows = []
        for code, name in self.provinces:
            rows.append(self._unit(code, f"{name} (tổng hợp)", "province", ""))
        for province in self.detailed:
            for n, code in enumerate(self.children(province, "department"), 1):
                rows.append(self._unit(code, f"Sở tổng hợp {n:02d}", "department", province))
            for n, code in enumerate(self.children(province, "district"), 1):
                rows.append(self._unit(code, f"Huyện tổng hợp {n:03d}", "district", province))
        return _csv(rows, _headers(formats.UNIT_COLUMNS))

    @staticmethod
    def _unit(code: str, name: str, kind: str, parent: str) -> dict[str, object]:
        return {"Mã đơn vị": code, "Tên đơn vị": name, "Loại": kind, "Mã đơn vị cha": parent, "Nguồn": SYNTHETIC_SOURCE}

    def framework_file(self, year: int, level: str) -> bytes:
        headers = [formats.SHEET_COLUMN, *dict.fromkeys(_headers(formats.FRAMEWORK_COLUMNS + formats.GROUP_COLUMNS))]
        rows: list[dict[str, object]] = []
        for order, (code, name, points) in enumerate(PILLARS[level], 1):
            rows.append(
                {
                    formats.SHEET_COLUMN: formats.FRAMEWORK_SHEET,
                    "Năm": year,
                    "Cấp": level,
                    "Mã chỉ số": code,
                    "Tên chỉ số": name,
                    "Nhóm trụ cột": "website" if code == "website" else "foundation" if order <= 5 else "activity",
                    "Điểm tối đa": points,
                    "Tính vào tổng": "x" if points else "",
                    "Thứ tự": order,
                    "Nguồn": SYNTHETIC_SOURCE,
                }
            )
        for code, name, floor in GROUPS:
            rows.append(
                {
                    formats.SHEET_COLUMN: formats.GROUPS_SHEET,
                    "Năm": year,
                    "Cấp": level,
                    "Mã nhóm": code,
                    "Tên nhóm": name,
                    "Tỷ lệ tối thiểu": floor,
                    "Nguồn": SYNTHETIC_SOURCE,
                }
            )
        return _csv(rows, headers)

    def scores_file(self, year: int, level: str, units: list[list[str]]) -> bytes:
        """The app's own scores template for the year and level, filled in: each list of `units` is
        one ranked field (the provinces, or one province's departments)."""
        _name, template = downloads.template_file(formats.SCORES, {"year": year, "level": level}, "csv", self.engine)
        headers = next(csv.reader(io.StringIO(template.decode("utf-8-sig"))))
        pillars = PILLARS[level]
        maximum = sum(points for _c, _n, points in pillars)
        rows = []
        for field in units:
            # Each unit keeps its standing, drifting a little each year; its pillars scatter around it.
            for code in field:
                start = self.standing.get(code, float(self.random.uniform(0.35, 0.95)))
                self.standing[code] = float(np.clip(start + self.random.normal(0, 0.02), 0.3, 0.97))
            ability = [self.standing[code] for code in field]
            points = [
                [
                    round(float(np.clip(a + self.random.normal(0, 0.08), 0, 1)) * p, 2) if p else 0.0
                    for _code, _name, p in pillars
                ]
                for a in ability
            ]
            totals = [round(sum(row), 2) for row in points]
            ranks = competition_ranks(totals)
            for code, row, total, rank in zip(field, points, totals, ranks, strict=True):
                record: dict[str, object] = {"Năm": year, "Cấp": level, "Mã đơn vị": code}
                for (pillar, name, _p), value in zip(pillars, row, strict=True):
                    record[formats.pillar_header(pillar, name)] = value
                record.update(
                    {
                        "Tổng điểm": total,
                        "Xếp hạng công bố": rank,
                        "Nhóm công bố": group_of(total / maximum),
                        "Nguồn điểm": SYNTHETIC_SOURCE,
                        "Nguồn công bố": SYNTHETIC_SOURCE,
                    }
                )
                rows.append(record)
        return _csv(rows, headers)

    def run(self) -> dict[str, int]:
        self._import(self.units_file(), "don-vi-tong-hop.csv")
        self.say(f"đơn vị: {len(self.provinces)} tỉnh, {len(self.detailed)} tỉnh có sở và huyện")
        scores = 0
        for year in self.years:
            fields = {
                "province": [[code for code, _ in self.provinces]],
                "department": [self.children(p, "department") for p in self.detailed],
                "district": [self.children(p, "district") for p in self.detailed],
            }
            for level, units in fields.items():
                self._import(self.framework_file(year, level), f"khung-{year}-{level}.csv")
                self._import(self.scores_file(year, level, units), f"diem-{year}-{level}.csv")
                scores += sum(len(field) for field in units) * len(PILLARS[level])
            self.say(f"năm {year}: đã nạp")
        return {
            "units": len(self.provinces) + len(self.detailed) * (self.shape.departments + self.shape.districts),
            "pillar_scores": scores,
        }


def generate(shape: Shape, engine: Engine | None = None, say: Callable[[str], None] = lambda _line: None) -> dict:
    """Create the schema in an empty database and load a dataset of `shape` through the import."""
    engine = engine or db.get_engine()
    db.create_schema(engine)
    if not db.is_empty(engine):
        raise SyntheticRefused("Cơ sở dữ liệu đã có dữ liệu: dữ liệu tổng hợp chỉ nạp vào một cơ sở dữ liệu trống")
    return Generator(shape, engine, say).run()


# --- a year of communes (after the 2025 reorganisation) ------------------------------------------

COMMUNE_LEVEL = "commune"
COMMUNE_YEAR = 2025
COMMUNE_COUNT = 100
# Every boundaries file credits its source; these polygons are a grid made here, not real borders.
SYNTHETIC_BOUNDARIES = (
    "Ranh giới tổng hợp (synthetic): ô lưới do mã tạo ra để thử bản đồ, không phải ranh giới hành chính thật"
)


def commune_codes(province: str, count: int = COMMUNE_COUNT) -> list[str]:
    return [f"{province}-xa-th-{n:03d}" for n in range(1, count + 1)]


def commune_name(n: int, count: int) -> str:
    """Most are communes, every tenth a ward, the last a special zone: the three kinds the level holds."""
    if n == count:
        return f"Đặc khu tổng hợp {n:03d}"
    return f"{'Phường' if n % 10 == 0 else 'Xã'} tổng hợp {n:03d}"


def province_box(province: str) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a province's polygon in the shipped 63-province boundaries."""
    collection = json.loads((SEED_DIR / "geo" / "vietnam_provinces_63.geojson").read_text(encoding="utf-8"))
    feature = next(f for f in collection["features"] if f["properties"]["unit_code"] == province)
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    points = [point for polygon in polygons for ring in polygon for point in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def grid_boundaries(codes: list[str], box: tuple[float, float, float, float]) -> bytes:
    """A GeoJSON FeatureCollection of one rectangle per code, on a near-square grid over `box`,
    credited as synthetic: boundaries to test the commune map with, drawn by code."""
    west, south, east, north = box
    columns = int(np.ceil(np.sqrt(len(codes))))
    rows = int(np.ceil(len(codes) / columns))
    width, height = (east - west) / columns, (north - south) / rows
    features = []
    for index, code in enumerate(codes):
        row, column = divmod(index, columns)
        x0, y1 = round(west + column * width, 5), round(north - row * height, 5)
        x1, y0 = round(x0 + width, 5), round(y1 - height, 5)
        ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
        features.append(
            {
                "type": "Feature",
                "properties": {"unit_code": code, "name_vi": f"ô tổng hợp {index + 1:03d}"},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    collection = {"type": "FeatureCollection", "attribution": SYNTHETIC_BOUNDARIES, "features": features}
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def province_in_year(engine: Engine, province: str, year: int) -> str:
    """The province whose communes `province`'s area has in `year`: itself, or the province the stored
    reorganisation merged it into by then (Bình Phước's are Đồng Nai's from 1 July 2025). The import
    refuses a commune under a province that no longer exists, as it would refuse a data officer."""
    before, after = aliased(Unit), aliased(Unit)
    with engine.connect() as conn:
        moves = conn.execute(
            select(after.code, Reorganisation.effective_date)
            .join(before, Reorganisation.predecessor_id == before.id)
            .join(after, Reorganisation.successor_id == after.id)
            .where(before.code == province, after.code != province)
        ).all()
    return next((code for code, effective in moves if int(effective[:4]) <= year), province)


def former_district_sizes(districts: int, communes: int) -> list[int]:
    """How many communes each former district's area went to: the first (the province's city, as Đồng
    Xoài was) three in ten, the others the rest in near-equal runs, as districts differ in size."""
    first = communes * 3 // 10 if districts > 1 else communes
    rest = communes - first
    return [first] + [rest // (districts - 1) + (1 if n < rest % (districts - 1) else 0) for n in range(districts - 1)]


def former_district_rows(districts: list[str], communes: list[str], effective: str, year: int) -> list[dict]:
    """District → commune rows of the reorganisation dataset: the communes in order, a run of them to
    each former district (every district's area divided among several communes)."""
    sizes = former_district_sizes(len(districts), len(communes))
    owners = [district for district, size in zip(districts, sizes, strict=True) for _ in range(size)]
    rows = []
    for district, commune in zip(owners, communes, strict=True):
        rows.append(
            {
                "Cấp": COMMUNE_LEVEL,
                "Mã đơn vị trước sắp xếp": district,
                "Mã đơn vị kế thừa": commune,
                "Tên đơn vị kế thừa": "",
                "Ngày hiệu lực": effective,
                "Năm xếp hạng đầu tiên": year,
                "Loại thay đổi": "merged",
                "Nguồn": SYNTHETIC_SOURCE,
                "Ghi chú": SYNTHETIC_NOTE,
            }
        )
    return rows


class CommuneYear(Generator):
    """A year of `count` synthetic communes of `province`'s area, loaded through the import into a
    database that already has the province (the seed): units, framework, scores, and optionally
    grid boundaries through the boundaries import (`data_access.boundaries`) and the communes'
    former districts through the reorganisation dataset. Once the stored reorganisation has merged
    `province` away, the communes answer to its successor (`parent`)."""

    def __init__(self, province: str, engine: Engine, *, year: int = COMMUNE_YEAR, count: int = COMMUNE_COUNT) -> None:
        super().__init__(Shape(provinces=0, years=1, detailed=0, departments=0, districts=0), engine, print)
        self.province, self.year, self.count = province, year, count
        self.parent = province_in_year(engine, province, year)
        self.codes = commune_codes(self.parent, count)

    def units_file(self) -> bytes:
        rows = [
            self._unit(code, commune_name(n, self.count), COMMUNE_LEVEL, self.parent)
            for n, code in enumerate(self.codes, 1)
        ]
        return _csv(rows, _headers(formats.UNIT_COLUMNS))

    def districts(self) -> list[str]:
        """The province's districts (those of `province`, the area the communes are drawn in)."""
        with self.engine.connect() as conn:
            parent = aliased(Unit)
            return list(
                conn.execute(
                    select(Unit.code)
                    .join(parent, Unit.parent_id == parent.id)
                    .where(parent.code == self.province, Unit.kind == "district")
                    .order_by(Unit.id)
                ).scalars()
            )

    def former_districts_file(self) -> bytes:
        """The reorganisation dataset as exported, with a row per commune naming its former district
        appended, as a data officer completes the downloaded file."""
        _name, exported = downloads.export_file(formats.REORGANISATION, {}, "csv", self.engine)
        rows = list(csv.DictReader(io.StringIO(exported.decode("utf-8-sig"))))
        effective = f"{self.year}-07-01"
        rows += former_district_rows(self.districts(), self.codes, effective, self.year)
        return _csv(rows, _headers(formats.REORGANISATION_COLUMNS))

    def load_former_districts(self) -> None:
        self._import(self.former_districts_file(), "sap-xep-huyen-xa-tong-hop.csv")

    def load_units(self) -> None:
        self._import(self.units_file(), f"xa-tong-hop-{self.province}.csv")

    def files(self) -> list[tuple[str, bytes]]:
        """The year's files in the order a data officer imports them: units, framework, scores. The
        scores template is read from the database, so the framework must be in it first: the scores
        file is made once the framework is imported (`load`), or from a database that has it."""
        return [
            (f"xa-tong-hop-{self.province}.csv", self.units_file()),
            (f"khung-{self.year}-{COMMUNE_LEVEL}.csv", self.framework_file(self.year, COMMUNE_LEVEL)),
        ]

    def load(self, *, with_boundaries: bool) -> bytes:
        """Import the year (and its grid boundaries); the scores file as imported, for checks."""
        for name, content in self.files():
            self._import(content, name)
        scores = self.scores_file(self.year, COMMUNE_LEVEL, [self.codes])
        self._import(scores, f"diem-{self.year}-xa.csv")
        if with_boundaries:
            self.load_boundaries()
        return scores

    def boundaries_file(self) -> bytes:
        return grid_boundaries(self.codes, province_box(self.province))

    def load_boundaries(self) -> None:
        name = "ranh-gioi-xa-tong-hop.geojson"
        outcome = boundaries.import_boundaries(self.boundaries_file(), name, user=IMPORT_USER, engine=self.engine)
        if outcome.result != boundaries.OK:
            raise SyntheticRefused(f"ranh giới: {'; '.join(map(str, outcome.check.issues[:5]))}")
