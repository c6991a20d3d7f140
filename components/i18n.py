"""Every UI string, in Vietnamese (the default) and English, in one table.

Figures and names that come from the data (pillar and unit names) carry their own
translations in the database; this table holds only the interface's words.
"""

from __future__ import annotations

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

TEXT: dict[str, dict[str, str]] = {
    "app.title": {"vi": "Chỉ số chuyển đổi số", "en": "Digital Transformation Index"},
    "app.subtitle": {"vi": "Trung tâm điều hành", "en": "Operations centre"},
    "nav.overview": {"vi": "Tổng quan", "en": "Overview"},
    "nav.pillars": {"vi": "Chỉ số chính", "en": "Pillars"},
    "nav.rankings": {"vi": "Xếp hạng", "en": "Rankings"},
    "nav.districts": {"vi": "Huyện, thị, thành", "en": "Districts"},
    "nav.targets": {"vi": "Mục tiêu", "en": "Targets"},
    "nav.units": {"vi": "Đơn vị", "en": "Unit"},
    "nav.present": {"vi": "Trình chiếu", "en": "Presentation"},
    "nav.admin": {"vi": "Quản trị", "en": "Administration"},
    "nav.login": {"vi": "Đăng nhập", "en": "Sign in"},
    "shell.year": {"vi": "Năm", "en": "Year"},
    "shell.theme_toggle": {"vi": "Đổi giao diện sáng/tối", "en": "Switch light/dark theme"},
    "shell.language_switch": {"vi": "English", "en": "Tiếng Việt"},
    "shell.sources": {"vi": "Nguồn dữ liệu", "en": "Data sources"},
    "shell.sources_unavailable": {"vi": "Chưa đọc được danh mục nguồn.", "en": "The list of sources is unavailable."},
    "construction.title": {"vi": "Trang đang xây dựng", "en": "Page under construction"},
    "construction.body": {
        "vi": "Trang “{page}” sẽ có trong bản cập nhật tới. Trong lúc chờ, mời xem trang Tổng quan.",
        "en": "The “{page}” page arrives in a coming update. Meanwhile, see the Overview.",
    },
    "construction.back": {"vi": "Về trang Tổng quan", "en": "Back to the Overview"},
    "notfound.title": {"vi": "Không tìm thấy trang", "en": "Page not found"},
    "notfound.body": {"vi": "Địa chỉ này không có trong hệ thống.", "en": "There is no page at this address."},
    "error.database": {
        "vi": "Không kết nối được cơ sở dữ liệu, nên chưa thể hiển thị số liệu. "
        "Vui lòng thử lại sau ít phút hoặc báo cho quản trị hệ thống.",
        "en": "The database cannot be reached, so no figures can be shown. "
        "Please try again in a few minutes or tell the system administrator.",
    },
    "error.database_title": {"vi": "Tạm thời chưa có số liệu", "en": "Figures temporarily unavailable"},
    "error.unexpected": {
        "vi": "Đã có lỗi khi tải phần này của trang. Vui lòng tải lại trang; "
        "nếu lỗi lặp lại, báo cho quản trị hệ thống.",
        "en": "Part of this page failed to load. Please reload; if it happens again, tell the system administrator.",
    },
    "error.bad_year": {
        "vi": "Năm “{year}” không có trong dữ liệu. Các năm có dữ liệu: {years}.",
        "en": "The year “{year}” is not in the data. Years with data: {years}.",
    },
    "error.unknown_selection": {
        "vi": "Không tìm thấy “{value}” trong dữ liệu. Hãy kiểm tra đường dẫn hoặc cấu hình DTI_FOCUS_UNIT.",
        "en": "“{value}” is not in the data. Check the address or the DTI_FOCUS_UNIT setting.",
    },
    "error.no_focus": {
        "vi": "Chưa có tỉnh nào trong dữ liệu. Hãy nạp dữ liệu (python -m seed).",
        "en": "There is no province in the data yet. Load the data (python -m seed).",
    },
    "overview.heading": {
        "vi": "Chỉ số chuyển đổi số {unit} năm {year}",
        "en": "{unit}: Digital Transformation Index {year}",
    },
    "overview.dti": {"vi": "Chỉ số DTI", "en": "DTI score"},
    "overview.rank": {"vi": "Xếp hạng cả nước", "en": "National rank"},
    "overview.change": {"vi": "So với năm {year}", "en": "Compared with {year}"},
    "overview.no_previous": {"vi": "Không có năm trước để so sánh", "en": "No earlier year to compare"},
    "overview.up": {"vi": "tăng {n} bậc", "en": "up {n} places"},
    "overview.down": {"vi": "giảm {n} bậc", "en": "down {n} places"},
    "overview.flat": {"vi": "giữ nguyên", "en": "unchanged"},
    "overview.average": {"vi": "Trung bình cả nước {value}", "en": "National average {value}"},
    "overview.radar_title": {"vi": "Các chỉ số chính (% điểm tối đa)", "en": "Pillars (% of maximum)"},
    "overview.history_title": {"vi": "Thứ hạng qua các năm", "en": "Rank over the years"},
    "overview.weakest_title": {
        "vi": "Ba chỉ số kéo điểm xuống nhiều nhất",
        "en": "The three pillars losing most points",
    },
    "overview.points_lost": {"vi": "mất {lost} / {max} điểm", "en": "{lost} of {max} points lost"},
    "overview.leading_average": {"vi": "TB {n} tỉnh dẫn đầu", "en": "Top {n} average"},
    "overview.leader": {"vi": "Dẫn đầu: {name}", "en": "Leader: {name}"},
    "overview.no_scores": {
        "vi": "Năm {year} chưa có điểm các chỉ số chính trong dữ liệu; chỉ có thứ hạng công bố.",
        "en": "There are no pillar scores for {year} in the data; only the published rank.",
    },
    "overview.discrepancy": {
        "vi": "{pillar}: văn bản nguồn in {printed}, nhưng {points}/{max} điểm là {computed}; biểu đồ dùng số điểm.",
        "en": "{pillar}: the source prints {printed}, but {points}/{max} points is {computed}; "
        "the chart uses the points.",
    },
    "overview.no_rank": {"vi": "Chưa có thứ hạng", "en": "No rank yet"},
    "overview.source": {"vi": "Nguồn", "en": "Source"},
    "overview.rank_axis": {"vi": "Hạng", "en": "Rank"},
    "overview.points": {"vi": "Điểm", "en": "Points"},
    "overview.pillar": {"vi": "Chỉ số chính", "en": "Pillar"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled; a missing key fails loudly."""
    entry = TEXT[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def normalise_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
