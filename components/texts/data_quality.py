"""Words of the data-quality view (`/admin/data-quality`) and of the caveat mark on leader screens."""

TEXT = {
    "title.data_quality": {"vi": "Chất lượng dữ liệu", "en": "Data quality"},
    "nav.data_quality": {"vi": "Chất lượng dữ liệu", "en": "Data quality"},
    "data_quality.title": {
        "vi": "Chất lượng dữ liệu: suy luận và sai lệch của nguồn",
        "en": "Data quality: inferences and source discrepancies",
    },
    "data_quality.intro": {
        "vi": "Mọi số liệu mà nguồn không ghi rõ, tự mâu thuẫn hoặc in khác nhau giữa các văn bản, "
        "kèm nguồn của từng số. "
        "Màn hình lãnh đạo chỉ đánh dấu các số này bằng một dấu (i) nhỏ.",
        "en": "Every figure its source does not label, contradicts or prints differently from another document, each "
        "with its source. Leader screens only mark these figures with a small (i).",
    },
    "data_quality.kind.inferred": {
        "vi": "Nguồn không ghi tên chỉ số cho các giá trị này: điểm được gán cho chỉ số "
        "bằng đối chiếu với các nguồn khác",
        "en": "The source does not label these values: each is attributed to its pillar "
        "by comparison with other sources",
    },
    "data_quality.kind.unnamed": {
        "vi": "Nguồn không ghi tên chỉ số cho giá trị này (bản gốc không đọc được)",
        "en": "The source does not name the indicator for this value (the copy is illegible)",
    },
    "data_quality.kind.discrepancy": {
        "vi": "Nguồn tự mâu thuẫn: số in ra không khớp với các số của chính nguồn đó",
        "en": "The source contradicts itself: the printed figure does not match its own parts",
    },
    "data_quality.kind.two_sources": {
        "vi": "Các văn bản in số khác nhau cho cùng một chỉ tiêu",
        "en": "Documents print different figures for one indicator",
    },
    "data_quality.count": {"vi": "{count} số liệu", "en": "{count} figures"},
    "data_quality.unit": {"vi": "Đơn vị", "en": "Unit"},
    "data_quality.period": {"vi": "Kỳ", "en": "Period"},
    "data_quality.figure": {"vi": "Số liệu", "en": "Figure"},
    "data_quality.value": {"vi": "Giá trị", "en": "Value"},
    "data_quality.source": {"vi": "Nguồn", "en": "Source"},
    "data_quality.note": {"vi": "Ghi chú gốc (tiếng Anh, giữ nguyên văn)", "en": "Recorded note (verbatim)"},
    "data_quality.none": {
        "vi": "Dữ liệu không ghi suy luận hay sai lệch nào.",
        "en": "The data records no inference or discrepancy.",
    },
    "data_quality.mark": {"vi": "Lưu ý về nguồn của số liệu", "en": "A note on this figure's source"},
}
