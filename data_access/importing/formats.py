"""The shape of every importable dataset: sheets, Vietnamese column headers and how cells read.

One description serves the templates, the parser, the validation and the export, so a file
exported from the app is a valid template and imports back unchanged (a round trip).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from domain.vocabulary import (  # noqa: F401  (the importer's modules read them as `formats.*`)
    COMPARATORS,
    DTI_PILLARS,
    EVERY_PILLAR,
    LEVEL_NAMES_VI,
    LEVELS,
    UNIT_KINDS,
)

FRAMEWORK = "framework"
SCORES = "scores"
TARGETS = "targets"
OBSERVATIONS = "observations"
UNITS = "units"
RESPONSIBILITIES = "responsibilities"
REORGANISATION = "reorganisation"
REGIONS = "regions"
INDICES = "indices"
TASKS = "tasks"
SOURCES = "sources"
DATASETS = (
    FRAMEWORK,
    SCORES,
    TARGETS,
    OBSERVATIONS,
    UNITS,
    RESPONSIBILITIES,
    REORGANISATION,
    REGIONS,
    INDICES,
    TASKS,
    SOURCES,
)

DATASET_NAMES = {
    FRAMEWORK: "Khung đánh giá",
    SCORES: "Điểm của đơn vị",
    TARGETS: "Mục tiêu kế hoạch",
    OBSERVATIONS: "Số liệu thực hiện",
    UNITS: "Danh mục đơn vị",
    RESPONSIBILITIES: "Phân công thực hiện",
    REORGANISATION: "Sắp xếp đơn vị hành chính",
    REGIONS: "Vùng kinh tế - xã hội",
    INDICES: "Chỉ số công bố cấp tỉnh",
    TASKS: "Điểm từng nhiệm vụ",
    SOURCES: "Văn bản nguồn",
}
FILE_STEMS = {
    FRAMEWORK: "khung",
    SCORES: "diem",
    TARGETS: "muc-tieu",
    OBSERVATIONS: "so-lieu",
    UNITS: "don-vi",
    RESPONSIBILITIES: "phan-cong",
    REORGANISATION: "sap-xep",
    REGIONS: "vung",
    INDICES: "chi-so-cong-bo",
    TASKS: "nhiem-vu",
    SOURCES: "van-ban-nguon",
}

INSTRUCTIONS_SHEET = "Hướng dẫn"
# A CSV holds one table: a dataset of several sheets is stacked, its rows tagged with their sheet here.
SHEET_COLUMN = "Bảng"

LEVEL_NAMES = LEVEL_NAMES_VI
# What a level may be typed as in a file: the code or its Vietnamese name.
LEVEL_ALIASES = {
    "province": "province",
    "tỉnh": "province",
    "department": "department",
    "sở": "department",
    "sở, ban, ngành": "department",
    "district": "district",
    "huyện": "district",
    "commune": "commune",
    "xã": "commune",
    "phường": "commune",
    "đặc khu": "commune",
    "xã, phường, đặc khu": "commune",
}
PILLAR_GROUPS = ("foundation", "activity", "website")
TRUE_WORDS = {"x", "có", "co", "true", "1", "yes", "đúng"}
FALSE_WORDS = {"", "không", "khong", "false", "0", "no", "sai"}


@dataclass(frozen=True)
class Column:
    """A column of a sheet: `key` is what the code uses, `header` what the reader sees."""

    key: str
    header: str
    required: bool = False
    help: str = ""


def _columns(*spec: tuple) -> tuple[Column, ...]:
    return tuple(Column(*entry) for entry in spec)


FRAMEWORK_SHEET = "Khung"
GROUPS_SHEET = "Nhóm"
SCORES_SHEET = "Điểm"
TARGETS_SHEET = "Mục tiêu"
OBSERVATIONS_SHEET = "Số liệu"
UNITS_SHEET = "Đơn vị"
RESPONSIBILITIES_SHEET = "Phân công"
REGIONS_SHEET = "Vùng"
INDICES_SHEET = "Chỉ số công bố"
TASKS_SHEET = "Nhiệm vụ"
SOURCES_SHEET = "Văn bản"

FRAMEWORK_COLUMNS = _columns(
    ("year", "Năm", True, "năm áp dụng bộ chỉ số, ví dụ 2023"),
    ("level", "Cấp", True, "province (tỉnh), department (sở, ban, ngành) hoặc district (huyện)"),
    ("code", "Mã chỉ số", True, "mã ngắn, không dấu, không trùng trong một khung, ví dụ awareness"),
    ("name_vi", "Tên chỉ số", True, "tên chỉ số chính như trong văn bản"),
    ("name_en", "Tên tiếng Anh", False, "không bắt buộc"),
    ("pillar_group", "Nhóm trụ cột", True, "foundation (nền tảng), activity (hoạt động) hoặc website"),
    ("max_points", "Điểm tối đa", True, "số điểm tối đa của chỉ số; 0 nếu chỉ theo dõi, không tính điểm"),
    ("n_indicators", "Số chỉ số thành phần", False, "không bắt buộc"),
    ("counts_in_total", "Tính vào tổng", False, "x (hoặc có) nếu điểm được cộng vào tổng; để trống nếu không"),
    ("sort_order", "Thứ tự", True, "thứ tự hiển thị 1, 2, 3…"),
    ("source", "Nguồn", False, "văn bản quy định bộ chỉ số"),
    ("note", "Ghi chú", False, ""),
)
GROUP_COLUMNS = _columns(
    ("year", "Năm", True, "như trang Khung"),
    ("level", "Cấp", True, "như trang Khung"),
    ("group_code", "Mã nhóm", True, "ví dụ tot, kha, trung_binh, yeu"),
    ("name_vi", "Tên nhóm", True, "ví dụ Tốt, Khá, Trung bình, Yếu"),
    ("name_en", "Tên tiếng Anh", False, "không bắt buộc"),
    ("min_share", "Tỷ lệ tối thiểu", True, "tỷ lệ điểm trên tổng điểm tối đa, từ 0 đến 1 (0,8 nghĩa là 80%)"),
    ("source", "Nguồn", False, ""),
    ("note", "Ghi chú", False, ""),
)
SCORE_LEAD_COLUMNS = _columns(
    ("year", "Năm", True, "năm đánh giá; phải có khung đánh giá của năm và cấp này"),
    ("level", "Cấp", True, "province, department, district hoặc commune (xã, phường, đặc khu)"),
    ("unit_code", "Mã đơn vị", True, "mã đơn vị trong danh mục (trang Đơn vị của mẫu danh mục)"),
    ("unit_name", "Tên đơn vị", False, "chỉ để đối chiếu, không được đọc vào"),
)
SCORE_TAIL_COLUMNS = _columns(
    ("published_total", "Tổng điểm", False, "tổng điểm như văn bản công bố; phải bằng tổng các chỉ số"),
    (
        "published_max",
        "Điểm tối đa công bố",
        False,
        "để trống khi bằng tổng điểm tối đa; 1 nếu công bố dạng chỉ số 0..1",
    ),
    ("published_rank", "Xếp hạng công bố", False, "thứ hạng như văn bản công bố"),
    ("published_group", "Nhóm công bố", False, "nhóm như văn bản công bố (Tốt, Khá…)"),
    ("median_method", "Tính theo trung vị", False, "x nếu văn bản đánh dấu * (chấm theo phương pháp trung vị)"),
    ("score_source", "Nguồn điểm", False, "văn bản chứa bảng điểm"),
    ("score_note", "Ghi chú điểm", False, "ghi chú riêng một chỉ số: mỗi dòng dạng [mã chỉ số] nội dung"),
    ("published_source", "Nguồn công bố", False, ""),
    ("published_note", "Ghi chú công bố", False, ""),
)
TARGET_COLUMNS = _columns(
    ("plan_code", "Mã kế hoạch", True, "số hiệu kế hoạch, ví dụ 57/KH-UBND; giống nhau trên mọi dòng"),
    ("plan_title", "Tên kế hoạch", True, "giống nhau trên mọi dòng"),
    ("plan_year", "Năm kế hoạch", True, "giống nhau trên mọi dòng"),
    ("plan_unit", "Đơn vị ban hành", False, "mã đơn vị ban hành kế hoạch"),
    ("plan_source", "Nguồn kế hoạch", False, ""),
    ("code", "Mã mục tiêu", True, "mã ngắn, không trùng trong kế hoạch"),
    ("pillar_code", "Chỉ số chính", True, "mã chỉ số chính mà mục tiêu thuộc về"),
    ("name_vi", "Tên mục tiêu", True, ""),
    ("target_value", "Giá trị mục tiêu", True, "số, ví dụ 70"),
    ("target_unit", "Đơn vị tính", True, "%, count…"),
    ("comparator", "So sánh", True, ">=, <=, > hoặc <"),
    ("level_detail", "Chi tiết cấp", False, "cấp tỉnh, cấp huyện… khi một mục tiêu có nhiều phần"),
    ("due_year", "Năm đến hạn", False, "để trống nếu là năm kế hoạch"),
    ("source", "Nguồn", False, ""),
    ("note", "Ghi chú", False, ""),
)
OBSERVATION_COLUMNS = _columns(
    ("indicator_code", "Mã chỉ tiêu", True, "mã của số liệu; trùng mã mục tiêu nếu là kết quả của mục tiêu"),
    ("name_vi", "Tên chỉ tiêu", True, ""),
    ("pillar_code", "Chỉ số chính", True, "mã chỉ số chính"),
    ("period", "Kỳ", True, "năm, tháng (2023-06) hoặc kỳ (2023-H1)"),
    ("value", "Giá trị", True, "số"),
    ("value_unit", "Đơn vị tính", True, "%, count…"),
    ("numerator", "Tử số", False, "khi giá trị là một tỷ lệ"),
    ("denominator", "Mẫu số", False, "khi giá trị là một tỷ lệ"),
    ("unit_code", "Mã đơn vị", True, "đơn vị có số liệu; tệp thay toàn bộ số liệu của các đơn vị có trong tệp"),
    ("plan_code", "Mã kế hoạch", False, "cùng Mã mục tiêu: gắn số liệu với mục tiêu của kế hoạch"),
    ("target_code", "Mã mục tiêu", False, ""),
    ("source", "Nguồn", False, ""),
    ("note", "Ghi chú", False, ""),
)
UNIT_COLUMNS = _columns(
    ("code", "Mã đơn vị", True, "mã ngắn, không dấu; đơn vị đã có sẽ được cập nhật, không bao giờ bị xoá"),
    ("name_vi", "Tên đơn vị", True, ""),
    ("name_en", "Tên tiếng Anh", False, ""),
    ("kind", "Loại", True, "province, department, district, commune (xã, phường, đặc khu) hoặc aggregate"),
    ("parent_code", "Mã đơn vị cha", False, "tỉnh mà sở, huyện hoặc xã trực thuộc"),
    ("valid_from", "Hiệu lực từ năm", False, "để trống nếu có từ trước"),
    (
        "valid_to",
        "Hiệu lực đến năm",
        False,
        "năm cuối cùng đơn vị còn được xếp hạng riêng (ví dụ 2023 cho tỉnh sáp nhập 7/2025: "
        "DTI 2024 đã xếp hạng tỉnh mới)",
    ),
    ("successor_code", "Mã đơn vị kế thừa", False, "đơn vị nhận lại đơn vị này sau sáp nhập"),
    ("source", "Nguồn", False, ""),
    ("note", "Ghi chú", False, ""),
)

RESPONSIBILITY_COLUMNS = _columns(
    ("plan_code", "Mã kế hoạch", True, "số hiệu kế hoạch đã có, ví dụ 57/KH-UBND; giống nhau trên mọi dòng"),
    ("pillar_code", "Chỉ số chính", True, "mã chỉ số chính được giao; * nếu là mọi chỉ số"),
    ("target_code", "Mã mục tiêu", False, "mã một mục tiêu của kế hoạch, khi phân công theo mục tiêu"),
    ("unit_code", "Mã đơn vị", False, "mã đơn vị trong danh mục; để trống nếu không phải đơn vị được chấm điểm"),
    ("responsible_name", "Đơn vị chịu trách nhiệm", True, "tên như kế hoạch ghi"),
    ("duty", "Nhiệm vụ", True, "nhiệm vụ như kế hoạch giao"),
    ("source", "Nguồn", True, "văn bản và mục, ví dụ Kế hoạch 57/KH-UBND mục VII.2"),
    ("note", "Ghi chú", False, ""),
)

REORGANISATION_SHEET = "Sắp xếp"
# The successor's level, and the kinds of unit it may take in (a commune takes districts' and communes' parts).
REORGANISATION_LEVELS = {"province": ("province",), "commune": ("district", "commune")}
REORGANISATION_COLUMNS = _columns(
    ("level", "Cấp", True, "cấp của đơn vị kế thừa: province (tỉnh) hoặc commune (xã, phường, đặc khu)"),
    ("predecessor_code", "Mã đơn vị trước sắp xếp", True, "mã trong danh mục; mỗi đơn vị một dòng"),
    ("successor_code", "Mã đơn vị kế thừa", True, "mã trong danh mục; trùng mã trước nếu đơn vị giữ mã"),
    ("successor_name_vi", "Tên đơn vị kế thừa", False, "tên như văn bản ghi"),
    ("effective_date", "Ngày hiệu lực", True, "ngày sắp xếp có hiệu lực, dạng 2025-07-01"),
    (
        "first_ranked_year",
        "Năm xếp hạng đầu tiên",
        True,
        "năm DTI đầu tiên xếp hạng đơn vị kế thừa (2024 cho sáp nhập tỉnh 7/2025); năm trước đó là năm cuối "
        "đơn vị cũ được xếp hạng",
    ),
    ("change", "Loại thay đổi", True, "merged (sáp nhập), unchanged (giữ nguyên) hoặc renamed (đổi tên)"),
    ("source", "Nguồn", True, "văn bản, ví dụ Nghị quyết 202/2025/QH15"),
    ("note", "Ghi chú", False, ""),
)

REGION_COLUMNS = _columns(
    ("region_code", "Mã vùng", True, "mã ngắn, không dấu; cùng mã thì cùng tên và thứ tự"),
    ("region_name_vi", "Tên vùng", True, "ví dụ Đông Nam Bộ"),
    ("region_name_en", "Tên tiếng Anh", False, ""),
    ("sort_order", "Thứ tự vùng", True, "số nguyên từ 1"),
    ("unit_code", "Mã tỉnh", True, "mã tỉnh trong danh mục đơn vị; mỗi tỉnh một dòng"),
    ("source", "Nguồn", True, "văn bản quy định vùng"),
    ("note", "Ghi chú", False, "ví dụ phần nào là suy luận"),
)

INDEX_COLUMNS = _columns(
    ("year", "Năm", True, "năm công bố; không cần khung đánh giá của năm này"),
    ("unit_code", "Mã đơn vị", True, "mã tỉnh, thành phố trong danh mục"),
    ("unit_name", "Tên đơn vị", False, "chỉ để đối chiếu, không được đọc vào"),
    (
        "index_code",
        "Mã chỉ số",
        True,
        "pillar_government (Chính quyền số), pillar_economy (Kinh tế số), pillar_society (Xã hội số) "
        "hoặc mã một chỉ số chính (awareness, digital_government…); tổng DTI và hạng chung ghi ở mẫu "
        "“Điểm của đơn vị” cấp tỉnh",
    ),
    ("value", "Giá trị", True, "giá trị công bố từ 0 đến 1, ví dụ 0,7251"),
    ("rank", "Xếp hạng", False, "thứ hạng toàn quốc của tỉnh theo chỉ số này, nếu có công bố"),
    ("source", "Nguồn", False, "văn bản công bố"),
    ("note", "Ghi chú", False, ""),
)
TASK_COLUMNS = _columns(
    ("year", "Năm", True, "năm của khung đánh giá; giống nhau trên mọi dòng"),
    ("level", "Cấp", True, "cấp của khung đánh giá; giống nhau trên mọi dòng"),
    ("pillar_code", "Chỉ số chính", True, "mã chỉ số chính của khung mà nhiệm vụ thuộc về"),
    ("code", "Mã nhiệm vụ", True, "mã ngắn, không trùng trong khung, ví dụ infrastructure-03"),
    ("name_vi", "Nhiệm vụ", True, "tên nhiệm vụ như văn bản ghi"),
    ("target_text", "Yêu cầu", False, "mục tiêu, yêu cầu của nhiệm vụ"),
    ("max_points", "Điểm tối đa", False, "điểm tối đa của nhiệm vụ, nếu có công bố"),
    ("unit_code", "Mã đơn vị", False, "đơn vị có kết quả; để trống nếu chưa có kết quả nào"),
    ("value", "Giá trị", False, "kết quả của đơn vị, ví dụ 62,35"),
    ("value_unit", "Đơn vị tính", False, "%, count…"),
    ("points", "Điểm", False, "điểm của đơn vị ở nhiệm vụ này"),
    ("source", "Nguồn", False, ""),
    ("note", "Ghi chú", False, ""),
)
SOURCE_COLUMNS = _columns(
    ("code", "Mã văn bản", True, "mã mà cột Nguồn của các tệp khác trích dẫn; văn bản đã có được cập nhật, không xoá"),
    ("title_vi", "Tên văn bản", True, ""),
    ("title_en", "Tên tiếng Anh", False, ""),
    ("issuer", "Cơ quan ban hành", False, ""),
    ("number", "Số hiệu", False, "ví dụ 57/KH-UBND"),
    ("issued", "Ngày ban hành", False, "năm, tháng hoặc ngày (2023, 2023-06, 2023-02-24)"),
    ("url", "Địa chỉ", False, "đường dẫn công khai, nếu có"),
)

# The sheets of each dataset, in order, with their fixed columns (the scores sheet adds one per pillar).
SHEETS: dict[str, dict[str, tuple[Column, ...]]] = {
    FRAMEWORK: {FRAMEWORK_SHEET: FRAMEWORK_COLUMNS, GROUPS_SHEET: GROUP_COLUMNS},
    SCORES: {SCORES_SHEET: SCORE_LEAD_COLUMNS + SCORE_TAIL_COLUMNS},
    TARGETS: {TARGETS_SHEET: TARGET_COLUMNS},
    OBSERVATIONS: {OBSERVATIONS_SHEET: OBSERVATION_COLUMNS},
    UNITS: {UNITS_SHEET: UNIT_COLUMNS},
    RESPONSIBILITIES: {RESPONSIBILITIES_SHEET: RESPONSIBILITY_COLUMNS},
    REORGANISATION: {REORGANISATION_SHEET: REORGANISATION_COLUMNS},
    REGIONS: {REGIONS_SHEET: REGION_COLUMNS},
    INDICES: {INDICES_SHEET: INDEX_COLUMNS},
    TASKS: {TASKS_SHEET: TASK_COLUMNS},
    SOURCES: {SOURCES_SHEET: SOURCE_COLUMNS},
}

PILLAR_HEADER = re.compile(r"\[([^\[\]]+)\]\s*$")


def pillar_header(code: str, name_vi: str) -> str:
    """A score column's header: the pillar's name for the reader, its code in brackets for the parser."""
    return f"{name_vi} [{code}]"


def normalise_header(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def text(value: object) -> str:
    """A cell as text; an apostrophe that neutralised a formula-like start on export is taken off again."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = str(value).strip()
    if len(result) > 1 and result[0] == "'" and result[1] in "=+-@\t\r":
        result = result[1:]
    return result


# A number as typed: ASCII digits only. Python's float() also reads "5_0" and full-width "５０" as 50,
# which no person typing a figure means.
NUMBER_TEXT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)
# Beyond any figure of the domain (populations, budgets in đồng stay far below), and far from where
# arithmetic on it overflows (a maximum of 1e308 broke every page that divided by it).
MAX_MAGNITUDE = 1e15
# The database's integer columns are 32-bit.
INT_RANGE = (-(2**31), 2**31 - 1)
# Periods as the seed writes them: a year, a month, a day or a half year (2023, 2023-06, 2023-06-30, 2023-H1).
PERIOD = re.compile(r"\d{4}(-H[12]|-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", re.ASCII)


class CellError(ValueError):
    """A cell that cannot be read as what its column holds; the message is the reason, in Vietnamese."""


def number(value: object) -> float | None:
    """A number typed the Excel way (a number cell) or as text with a decimal point or comma."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"“{value}” không phải là số")
    if isinstance(value, int) and abs(value) > MAX_MAGNITUDE:
        raise CellError(f"“{str(value)[:40]}” quá lớn: mọi số phải nhỏ hơn 10^15")
    if isinstance(value, int | float):
        parsed = float(value)
    else:
        raw = text(value).replace(" ", "").replace("\u00a0", "")
        if "," in raw and "." in raw:
            raw = raw.replace(".", "").replace(",", ".")
        elif "," in raw:
            raw = raw.replace(",", ".")
        if not NUMBER_TEXT.fullmatch(raw):
            raise CellError(f"“{text(value)}” không phải là số (chỉ chữ số 0-9, dấu phẩy thập phân)")
        parsed = float(raw)
    if math.isnan(parsed):
        raise CellError(f"“{text(value)}” không phải là số")
    if abs(parsed) > MAX_MAGNITUDE:
        shown = text(value) if isinstance(value, str) else f"{parsed:g}"
        raise CellError(f"“{shown[:40]}” quá lớn: mọi số phải nhỏ hơn 10^15")
    return parsed


def integer(value: object) -> int | None:
    parsed = number(value)
    if parsed is None:
        return None
    if not parsed.is_integer():
        raise CellError(f"“{text(value)}” không phải là số nguyên")
    if not INT_RANGE[0] <= parsed <= INT_RANGE[1]:
        raise CellError(f"“{text(value)}” vượt giới hạn số nguyên (tối đa 2.147.483.647)")
    return int(parsed)


def flag(value: object) -> bool:
    word = text(value).casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(f"“{text(value)}” không hiểu được: ghi x (có) hoặc để trống (không)")


def level(value: object) -> str:
    word = text(value).casefold()
    if word in LEVEL_ALIASES:
        return LEVEL_ALIASES[word]
    raise CellError(f"cấp “{text(value)}” không có: dùng province, department, district hoặc commune")
