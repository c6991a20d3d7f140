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
}
