"""Words of a figure's caveats (unit page, slides, files)."""

TEXT = {
    "caveats.inferred": {
        "vi": "* {names}: nguồn in điểm các chỉ số này tách khỏi tên chỉ số; việc gán điểm cho từng chỉ số "
        "là suy luận của người chép số liệu.",
        "en": "* {names}: the source prints these pillars' points apart from their names; which points belong "
        "to which pillar was inferred by the transcriber.",
    },
    "caveats.export_note": {"vi": "Lưu ý về số liệu", "en": "Caveat"},
    "caveats.export_inferred": {
        "vi": "gán chỉ số do người chép số liệu suy luận",
        "en": "pillar attribution inferred by the transcriber",
    },
}
