"""Words of a figure's caveats (unit page, slides, files)."""

TEXT = {
    "caveats.inferred": {
        "vi": "* {names}: nguồn không ghi tên chỉ số cho các giá trị này; điểm được gán cho từng chỉ số "
        "bằng đối chiếu với các nguồn khác.",
        "en": "* {names}: the source does not label these values; each is attributed to its pillar by "
        "comparison with other sources.",
    },
    "caveats.inferred_one": {
        "vi": "Nguồn không ghi tên chỉ số cho giá trị này; điểm được gán cho chỉ số bằng đối chiếu với các nguồn khác.",
        "en": "The source does not label this value; it is attributed to this pillar by comparison with other sources.",
    },
    "caveats.mark_label": {"vi": "Lưu ý về nguồn ({count})", "en": "Notes on the sources ({count})"},
    "caveats.export_note": {"vi": "Lưu ý về số liệu", "en": "Caveat"},
    "caveats.export_inferred": {
        "vi": "nguồn không ghi tên chỉ số; gán chỉ số bằng đối chiếu các nguồn",
        "en": "the source does not label the value; pillar attributed by comparing sources",
    },
}
