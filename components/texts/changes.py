"""Words of the change against the previous year (overview, unit page)."""

TEXT = {
    "changes.value": {"vi": "{what}: {delta} so với {year}", "en": "{what}: {delta} since {year}"},
    "changes.value_detail": {"vi": "{previous} → {current}", "en": "{previous} → {current}"},
    "changes.value_rank_only": {
        "vi": "{what}: năm {year} chỉ có thứ hạng công bố, chưa có giá trị để so sánh",
        "en": "{what}: {year} has a published rank only, no value to compare",
    },
    "changes.value_missing": {
        "vi": "{what}: năm {year} chưa có giá trị để so sánh",
        "en": "{what}: no {year} value to compare",
    },
    "changes.value_now_missing": {
        "vi": "{what}: năm này chưa có giá trị để so sánh",
        "en": "{what}: no value this year to compare",
    },
    "changes.what_dti": {"vi": "Chỉ số DTI", "en": "DTI score"},
    "changes.what_points": {"vi": "Tổng điểm", "en": "Total"},
    "changes.what_share": {"vi": "Tỷ lệ điểm tối đa (%)", "en": "Share of the maximum (%)"},
    "changes.what_index": {"vi": "Chỉ số DTI", "en": "DTI score"},
    "changes.rank": {
        "vi": "Hạng so với {year}: {previous} → {current} ({words})",
        "en": "Rank since {year}: {previous} → {current} ({words})",
    },
    "changes.index_title": {
        "vi": "Năm {year}: {previous}/{previous_max} điểm ({previous_share})",
        "en": "{year}: {previous}/{previous_max} points ({previous_share})",
    },
    "changes.share_points": {"vi": " · {delta} điểm %", "en": " · {delta} pp"},
    "changes.pp": {"vi": "{delta} điểm %", "en": "{delta} pp"},
    "changes.index_no_previous": {
        "vi": "Chỉ số chính: không có năm trước để so sánh.",
        "en": "Main indices: no earlier year to compare with.",
    },
    "changes.index_previous_unscored": {
        "vi": "Chỉ số chính: năm {year} chưa có điểm từng chỉ số để so sánh.",
        "en": "Main indices: {year} has no main-index points to compare.",
    },
    "changes.index_none_common": {
        "vi": "Chỉ số chính: không chỉ số nào có điểm cả năm {year} và năm này.",
        "en": "Main indices: none is scored both in {year} and this year.",
    },
    "changes.index_summary": {
        "vi": "± {year}: điểm · điểm % của tối đa; {up} chỉ số tăng, {down} giảm trong {n}.",
        "en": "± {year}: points · percentage points of the maximum; {up} indices up, {down} down of {n}.",
    },
    "changes.index_header": {"vi": "Chỉ số chính", "en": "Main index"},
    "changes.now": {"vi": "Năm này", "en": "This year"},
    "changes.change": {"vi": "Thay đổi", "en": "Change"},
    "changes.column": {"vi": "± {year}", "en": "± {year}"},
    "changes.card_title": {"vi": "Thay đổi so với năm trước", "en": "Change since the year before"},
    "changes.movers_title": {
        "vi": "Đơn vị tăng, giảm nhiều nhất (% điểm tối đa)",
        "en": "Units that rose and fell most (% of maximum)",
    },
    "changes.movers_link": {"vi": "Đơn vị tăng, giảm nhiều nhất →", "en": "Units that rose and fell most →"},
    "changes.movers_since": {"vi": "So với năm {year}", "en": "Since {year}"},
    "changes.movers_no_previous": {
        "vi": "Chưa có năm trước để so sánh",
        "en": "No earlier year to compare with",
    },
    "changes.movers_unscored": {"vi": "Năm {year} chưa có kết quả", "en": "No results in {year}"},
    "changes.risers": {"vi": "Tăng nhiều nhất", "en": "Rose most"},
    "changes.fallers": {"vi": "Giảm nhiều nhất", "en": "Fell most"},
    "changes.nobody": {"vi": "Không có đơn vị nào", "en": "None"},
    "changes.mover_places": {"vi": "(hạng {previous} → {now})", "en": "(rank {previous} → {now})"},
}
