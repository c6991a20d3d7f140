"""Words of the reorganisations (the 2025 provincial merger): where an ended unit went, a history
across the merger, figures computed from the predecessors, the year's provinces on the map."""

TEXT = {
    "reorg.ended": {
        "vi": "{unit} đã sáp nhập vào {successor} từ ngày {date}: từ DTI {first} được xếp hạng chung trong "
        "{successor}; năm cuối được xếp hạng riêng là {last}.",
        "en": "{unit} merged into {successor} on {date}: from DTI {first} it is ranked as part of {successor}; "
        "its last year ranked on its own is {last}.",
    },
    "reorg.field_change": {"vi": "{before} → {after} tỉnh", "en": "{before} → {after} provinces"},
    "reorg.ended_link": {"vi": "Mở trang {successor}", "en": "Open {successor}"},
    "reorg.focus_followed": {
        "vi": "{before} đã sáp nhập vào {after} từ ngày {date}: bảng năm {year} xếp hạng {after}, "
        "nên trang theo dõi {after}.",
        "en": "{before} merged into {after} on {date}: the {year} table ranks {after}, so the page follows {after}.",
    },
    "reorg.map_dissolved": {
        "vi": "{n} tỉnh, thành phố sau sắp xếp: vẽ bằng cách gộp ranh giới các tỉnh cũ theo danh mục sắp xếp",
        "en": "{n} provinces after the reorganisation: drawn by joining the former provinces' boundaries "
        "by the reorganisation list",
    },
    "reorg.computed_from": {"vi": "tính từ {names}", "en": "computed from {names}"},
    "reorg.history_title": {"vi": "Lịch sử qua sắp xếp", "en": "History across the merger"},
    "reorg.line_before": {"vi": "{unit} (đến {year})", "en": "{unit} (to {year})"},
    "reorg.line_computed": {"vi": "{unit}: tính từ {names}", "en": "{unit}: computed from {names}"},
    "reorg.axis": {"vi": "Chỉ số DTI", "en": "DTI index"},
    "reorg.history_note": {
        "vi": "{unit} được xếp hạng từ DTI {first}. Giá trị của {unit} các năm trước đó là trung bình chỉ số của "
        "{names} (quy tắc công bố cho tỉnh sau sáp nhập), tính khi hiển thị, không phải số liệu công bố.",
        "en": "{unit} is ranked from DTI {first}. Its values for earlier years are the average of the indices of "
        "{names} (the published rule for a merged province), computed on display, not published figures.",
    },
    "reorg.change_note": {
        "vi": "Năm đầu xếp hạng {field} tỉnh, thành phố sau sắp xếp: thứ hạng không so với {previous} (khác số tỉnh); "
        "± DTI so với giá trị {previous}, của tỉnh sau sáp nhập là giá trị tính từ các tỉnh cũ (trung bình chỉ số).",
        "en": "First ranking of the {field} provinces after the reorganisation: ranks are not compared with "
        "{previous} (a different field); ± DTI is against {previous}, for a merged province the value computed "
        "from its former provinces (the average of their indices).",
    },
    "reorg.previous_computed": {
        "vi": "Giá trị {year} tính từ {names} (trung bình chỉ số); thứ hạng {year} thuộc bảng khác số tỉnh, không so.",
        "en": "The {year} value is computed from {names} (the average of their indices); "
        "{year}'s ranks belong to a different field and are not compared.",
    },
    "reorg.before_merger": {
        "vi": "Kết quả năm {year} là của {unit} trước sắp xếp; từ DTI {first}, {unit} gồm {names}.",
        "en": "The {year} results are those of {unit} before the reorganisation; from DTI {first} {unit} "
        "comprises {names}.",
    },
    "reorg.col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "reorg.col_year": {"vi": "Năm", "en": "Year"},
    "reorg.col_index": {"vi": "Chỉ số", "en": "Index"},
    "reorg.col_value": {"vi": "Giá trị", "en": "Value"},
    "reorg.col_rank": {"vi": "Xếp hạng", "en": "Rank"},
    "reorg.col_note": {"vi": "Ghi chú", "en": "Note"},
    "reorg.published": {"vi": "công bố", "en": "published"},
    "reorg.file": {"vi": "lich-su-sap-xep-{unit}", "en": "merger-history-{unit}"},
}
