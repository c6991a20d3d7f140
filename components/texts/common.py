"""Words of the shell shared by every page: navigation, toggles, errors, empty states."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "app.title": {"vi": "Chỉ số chuyển đổi số", "en": "Digital Transformation Index"},
    "nav.overview": {"vi": "Tổng quan", "en": "Overview"},
    "nav.pillars": {"vi": "Chỉ số chính", "en": "Pillars"},
    "nav.rankings": {"vi": "Xếp hạng", "en": "Rankings"},
    "nav.districts": {"vi": "Huyện, thị, thành", "en": "Districts"},
    "nav.targets": {"vi": "Mục tiêu", "en": "Targets"},
    "nav.units": {"vi": "Đơn vị", "en": "Unit"},
    "nav.present": {"vi": "Trình chiếu", "en": "Presentation"},
    "nav.admin": {"vi": "Quản trị", "en": "Administration"},
    "nav.login": {"vi": "Đăng nhập", "en": "Sign in"},
    # The browser tab's title of each page, after "DTI — ".
    "title.overview": {"vi": "Tổng quan", "en": "Overview"},
    "title.pillars": {"vi": "Chỉ số chính", "en": "Pillars"},
    "title.rankings": {"vi": "Xếp hạng", "en": "Rankings"},
    "title.districts": {"vi": "Huyện, thị xã, thành phố", "en": "Districts"},
    "title.targets": {"vi": "Mục tiêu", "en": "Targets"},
    "title.units": {"vi": "Đơn vị", "en": "Unit"},
    "title.present": {"vi": "Trình chiếu", "en": "Presentation"},
    "title.admin": {"vi": "Quản trị dữ liệu", "en": "Data administration"},
    "title.audit": {"vi": "Nhật ký truy cập", "en": "Access log"},
    "shell.year": {"vi": "Năm", "en": "Year"},
    "shell.other_years": {"vi": "Năm khác", "en": "Other years"},
    "shell.theme_toggle": {"vi": "Đổi giao diện sáng/tối", "en": "Switch light/dark theme"},
    "shell.language_switch": {"vi": "English", "en": "Tiếng Việt"},
    "shell.my_unit": {"vi": "Đơn vị của tôi", "en": "My unit"},
    # Groups by their code in the frameworks (`group_code`); in Vietnamese the framework's own name is shown.
    "group.tot": {"vi": "Tốt", "en": "Good"},
    "group.kha": {"vi": "Khá", "en": "Fair"},
    "group.trung_binh": {"vi": "Trung bình", "en": "Average"},
    "group.yeu": {"vi": "Yếu", "en": "Weak"},
    "shell.sources": {"vi": "Nguồn dữ liệu", "en": "Data sources"},
    "shell.sources_unavailable": {"vi": "Chưa đọc được danh mục nguồn.", "en": "The list of sources is unavailable."},
    "shell.sources_none": {
        "vi": "Chưa có tài liệu nguồn nào được nạp cho tỉnh này; nguồn của mỗi số liệu ghi ngay dưới số liệu.",
        "en": "No source document is loaded for this province; each figure names its source beneath it.",
    },
    "common.back_home": {"vi": "Về trang Tổng quan", "en": "Back to the Overview"},
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
    "common.source": {"vi": "Nguồn", "en": "Source"},
    "dropdown.select_all": {"vi": "Chọn tất cả", "en": "Select all"},
    "dropdown.deselect_all": {"vi": "Bỏ chọn tất cả", "en": "Deselect all"},
    "dropdown.selected_count": {"vi": "Đã chọn {num_selected}", "en": "{num_selected} selected"},
    "dropdown.search": {"vi": "Tìm", "en": "Search"},
    "dropdown.clear_search": {"vi": "Xoá tìm kiếm", "en": "Clear search"},
    "dropdown.clear_selection": {"vi": "Bỏ chọn", "en": "Clear selection"},
    "dropdown.no_options_found": {"vi": "Không tìm thấy", "en": "Nothing found"},
    "common.no_data": {"vi": "Chưa có số liệu", "en": "No data yet"},
    "level.province": {"vi": "Tỉnh, thành phố (DTI cấp tỉnh)", "en": "Provinces (provincial DTI)"},
    "level.department": {"vi": "Sở, ban, ngành", "en": "Departments"},
    "level.district": {"vi": "Huyện, thị xã, thành phố", "en": "Districts"},
    "level.commune": {"vi": "Xã, phường, đặc khu", "en": "Communes, wards and special zones"},
    "download.csv": {"vi": "Tải CSV", "en": "Download CSV"},
    "download.xlsx": {"vi": "Tải Excel", "en": "Download Excel"},
    "download.title": {"vi": "Tải dữ liệu của biểu đồ", "en": "Download the data behind the chart"},
    "common.discrepancy": {
        "vi": "{pillar}: văn bản nguồn in {printed}, nhưng {points}/{max} điểm là {computed}; biểu đồ dùng số điểm.",
        "en": "{pillar}: the source prints {printed}, but {points}/{max} points is {computed}; "
        "the chart uses the points.",
    },
}
