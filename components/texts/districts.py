"""Words of the district page (`/districts`)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "districts.heading.district": {
        "vi": "Chuyển đổi số cấp huyện {province} năm {year}",
        "en": "District digital transformation, {province} {year}",
    },
    "districts.heading.commune": {
        "vi": "Chuyển đổi số cấp xã, phường, đặc khu {province} năm {year}",
        "en": "Commune, ward and special zone digital transformation, {province} {year}",
    },
    "districts.level_note.commune": {
        "vi": "Từ 1/7/2025 chính quyền địa phương có hai cấp: trang này xếp {count} xã, phường, đặc khu của {province} "
        "(không còn cấp huyện).",
        "en": "Since 1 July 2025 local government has two levels: this page ranks {province}'s {count} communes, "
        "wards and special zones (districts are gone).",
    },
    "districts.followed": {
        "vi": "{before} đã sáp nhập vào {after} từ ngày {date}: năm {year} trang này xếp các đơn vị cấp xã "
        "của {after}.",
        "en": "{before} merged into {after} on {date}: for {year} this page ranks {after}'s local units.",
    },
    "districts.former_label": {"vi": "Huyện cũ", "en": "Former district"},
    "districts.former_all": {"vi": "Tất cả ({count} đơn vị)", "en": "All ({count} units)"},
    "districts.former_option": {"vi": "{name} ({count} xã, phường)", "en": "{name} ({count} units)"},
    "districts.former_status": {
        "vi": "Từ {district}: {matched} trong {total} xã, phường, đặc khu (hạng trong cả {total}).",
        "en": "From {district}: {matched} of {total} communes, wards and special zones (ranks among all {total}).",
    },
    "districts.map_former": {
        "vi": "Bản đồ chỉ vẽ {matched} trong {total} xã, phường, đặc khu: những đơn vị từ {district}.",
        "en": "The map draws {matched} of the {total} communes, wards and special zones: those from {district}.",
    },
    "districts.former_clear": {"vi": "Bỏ lọc huyện cũ", "en": "Clear the former district"},
    "districts.former_missing": {
        "vi": "Chưa lọc được theo huyện cũ: bộ dữ liệu “Sắp xếp đơn vị” chưa có dòng cấp xã (mã huyện cũ → mã xã) "
        "cho các đơn vị này. Quản trị viên nạp tại /admin.",
        "en": "No former-district filter yet: the “Reorganisation” dataset has no commune-level rows (former "
        "district code → commune code) for these units. An admin imports them at /admin.",
    },
    "districts.bad_former_title": {"vi": "Không lọc được theo huyện cũ", "en": "Cannot filter by former district"},
    "districts.bad_former_body": {
        "vi": "Không có huyện cũ “{former}” trong các dòng huyện → xã của năm {year}. Hãy chọn một trong: {options}.",
        "en": "There is no former district “{former}” among {year}'s district → commune rows. Choose one of: "
        "{options}.",
    },
    "districts.former_none_body": {
        "vi": "Năm {year} chưa có dòng huyện → xã nào trong bộ dữ liệu “Sắp xếp đơn vị” cho các đơn vị của "
        "{province}, nên chưa lọc được theo huyện cũ “{former}”. Quản trị viên nạp các dòng cấp xã (mã huyện cũ → "
        "mã xã) tại /admin.",
        "en": "For {year} the “Reorganisation” dataset has no district → commune rows for {province}'s units, so "
        "there is no former district “{former}” to filter by. An admin imports the commune-level rows (former "
        "district code → commune code) at /admin.",
    },
    "districts.former_not_communes": {
        "vi": "Năm {year} là năm cấp huyện: lọc theo huyện cũ chỉ dùng cho các năm cấp xã, phường, đặc khu.",
        "en": "{year} is a district year: the former-district filter is for commune years only.",
    },
    "districts.search_placeholder.district": {
        "vi": "tên huyện, thị xã, thành phố (có dấu hay không)",
        "en": "name, with or without accents",
    },
    "districts.search_placeholder.commune": {
        "vi": "tên xã, phường (có dấu hay không)",
        "en": "name, with or without accents",
    },
    "districts.no_boundaries_title.commune": {
        "vi": "Chưa có ranh giới xã, phường, đặc khu",
        "en": "No commune boundaries yet",
    },
    "districts.no_boundaries_body.commune": {
        "vi": "Chưa có ranh giới xã, phường, đặc khu của {province} nên bản đồ chưa vẽ được; quản trị viên nạp "
        "GeoJSON tại /admin (mục “Ranh giới bản đồ”). Bảng điểm theo tiêu chí vẫn đầy đủ.",
        "en": "There are no commune, ward or special zone boundaries for {province}, so the map cannot be drawn; "
        "an admin loads them as GeoJSON at /admin (“Map boundaries”). The table of points per criterion is complete.",
    },
    "districts.open_admin": {"vi": "Mở trang quản trị", "en": "Open the admin page"},
    "districts.criterion_label": {"vi": "Tô màu bản đồ theo", "en": "Colour the map by"},
    "districts.total": {"vi": "Tổng điểm", "en": "Total"},
    "districts.total_column": {"vi": "Tổng điểm (tối đa {max})", "en": "Total (of {max})"},
    "districts.heatmap_title": {
        "vi": "Điểm theo tiêu chí (% điểm tối đa)",
        "en": "Points per criterion (% of the maximum)",
    },
    "districts.map_title": {"vi": "Bản đồ: {criterion}", "en": "Map: {criterion}"},
    "districts.colorbar": {"vi": "% tối đa", "en": "% of max"},
    "districts.hover_value": {
        "vi": "<b>{unit}</b><br>{criterion}: {points}/{max} điểm ({share})",
        "en": "<b>{unit}</b><br>{criterion}: {points}/{max} points ({share})",
    },
    "districts.hover_total": {
        "vi": "<b>{unit}</b><br>Tổng điểm: {points}/{max} ({share})<br>Xếp hạng {rank}/{count} · {group}",
        "en": "<b>{unit}</b><br>Total: {points}/{max} ({share})<br>Rank {rank}/{count} · {group}",
    },
    "districts.hover_no_value": {
        "vi": "<b>{unit}</b><br>{criterion}: chưa có số liệu",
        "en": "<b>{unit}</b><br>{criterion}: no data",
    },
    "districts.hover_shared": {
        "vi": "<b>{region}</b>: một vùng chung trên bản đồ, không tô màu",
        "en": "<b>{region}</b>: one shared area on the map, not coloured",
    },
    "districts.shared_choice": {
        "vi": "{region} là vùng chung của nhiều đơn vị. Chọn đơn vị để xem chi tiết:",
        "en": "{region} is shared by several units. Choose one to see its details:",
    },
    "districts.shared_note": {
        "vi": "Vùng xám gạch chéo ({region}): dữ liệu ranh giới mở chưa tách riêng {names}, "
        "nên bản đồ không tô màu vùng này theo điểm của riêng đơn vị nào. "
        "Di chuột hoặc bấm vào vùng để xem điểm của từng đơn vị.",
        "en": "Grey hatched area ({region}): the open boundary data does not separate {names}, "
        "so the map does not colour it with either unit's value. "
        "Hover or click the area to see each unit's value.",
    },
    "districts.and": {"vi": "và", "en": "and"},
    "districts.no_data_note": {
        "vi": "Vùng xám đặc: chưa có số liệu năm {year}.",
        "en": "Solid grey area: no data for {year}.",
    },
    "districts.unmapped_note": {
        "vi": "Chưa có ranh giới trên bản đồ cho: {names}.",
        "en": "No boundary on the map for: {names}.",
    },
    "districts.click_hint.commune": {
        "vi": "Bấm vào một xã, phường trên bản đồ hoặc tên đơn vị trong bảng để xem chi tiết đơn vị.",
        "en": "Click a commune on the map or a unit's name in the table to see that unit.",
    },
    "districts.click_hint.table": {
        "vi": "Bấm vào tên đơn vị trong bảng để xem chi tiết đơn vị.",
        "en": "Click a unit's name in the table to see that unit.",
    },
    "districts.click_hint": {
        "vi": "Bấm vào một huyện trên bản đồ hoặc tên đơn vị trong bảng để xem chi tiết đơn vị.",
        "en": "Click a district on the map or a unit's name in the table to see that unit.",
    },
    "districts.total_differs": {
        "vi": "{unit}: tổng các tiêu chí là {computed}, văn bản nguồn in {published}; bảng dùng tổng các tiêu chí.",
        "en": "{unit}: the criteria add up to {computed}, the source prints {published}; "
        "the table uses the sum of the criteria.",
    },
    "districts.no_map_title": {"vi": "Chưa có bản đồ cấp huyện", "en": "No district map yet"},
    "districts.no_map_body": {
        "vi": "Dữ liệu bản đồ đi kèm ứng dụng chưa có ranh giới các huyện của {province}. "
        "Bảng điểm theo tiêu chí vẫn đầy đủ.",
        "en": "The map data shipped with the app has no district boundaries for {province}. "
        "The table of points per criterion is complete.",
    },
    "districts.no_results_title": {"vi": "Chưa có kết quả cấp huyện", "en": "No district results"},
    "districts.no_results_body": {
        "vi": "Năm {year} chưa có điểm đánh giá chuyển đổi số cấp huyện của {province} trong dữ liệu. "
        "Năm có kết quả: {years}.",
        "en": "There are no district digital transformation scores for {province} in {year}. "
        "Years with results: {years}.",
    },
    "districts.no_years": {"vi": "chưa có", "en": "none yet"},
    "districts.bad_criterion_title": {"vi": "Tiêu chí không hợp lệ", "en": "Unknown criterion"},
    "districts.bad_criterion_body": {
        "vi": "Không có tiêu chí “{criterion}” trong bộ tiêu chí cấp huyện năm {year}. Hãy chọn một trong: {options}.",
        "en": "There is no criterion “{criterion}” in the {year} district framework. Choose one of: {options}.",
    },
    "districts.col_year": {"vi": "Năm", "en": "Year"},
    "districts.col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "districts.col_criterion": {"vi": "Tiêu chí", "en": "Criterion"},
    "districts.col_points": {"vi": "Điểm", "en": "Points"},
    "districts.col_max": {"vi": "Điểm tối đa", "en": "Maximum"},
    "districts.col_share": {"vi": "Tỷ lệ (% điểm tối đa)", "en": "Share (% of maximum)"},
    "districts.col_total": {"vi": "Tổng điểm", "en": "Total"},
    "districts.col_max_total": {"vi": "Tổng điểm tối đa", "en": "Maximum total"},
    "districts.col_rank": {"vi": "Xếp hạng", "en": "Rank"},
    "districts.col_group": {"vi": "Nhóm", "en": "Group"},
    "districts.col_region": {"vi": "Vùng trên bản đồ", "en": "Map area"},
    "districts.col_shared": {"vi": "Vùng dùng chung", "en": "Shared area"},
    "districts.col_note": {"vi": "Ghi chú", "en": "Note"},
    "districts.col_source": {"vi": "Nguồn", "en": "Source"},
    "districts.yes": {"vi": "Có", "en": "Yes"},
    "districts.no": {"vi": "Không", "en": "No"},
}
