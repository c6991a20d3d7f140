"""Words of the peers comparison (`/rankings?peers=…`) and of who lags (the overview)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "laggards.title": {"vi": "Đơn vị yếu nhất (% điểm tối đa)", "en": "Weakest units (% of maximum)"},
    "laggards.title_pillar": {"vi": "Yếu nhất về {pillar}", "en": "Weakest on {pillar}"},
    "laggards.show_total": {"vi": "× xem theo tổng điểm", "en": "× back to the total"},
    "laggards.department": {"vi": "Sở, ban, ngành", "en": "Departments"},
    "laggards.district": {"vi": "Huyện, thị xã, thành phố", "en": "Districts"},
    "laggards.to_next": {"vi": "thiếu {points} điểm để lên {group}", "en": "{points} points short of {group}"},
    "laggards.top_group": {"vi": "nhóm cao nhất", "en": "top group"},
    "laggards.lost": {"vi": "mất {points} / {max} điểm", "en": "{points} of {max} points lost"},
    "laggards.none": {
        "vi": "Chưa có kết quả khối này năm {year}.",
        "en": "No results for this level in {year}.",
    },
    "laggards.not_scored": {
        "vi": "Khối này không chấm chỉ số này.",
        "en": "This level is not scored on this index.",
    },
    "laggards.pillar_link": {
        "vi": "Xem các đơn vị yếu nhất về chỉ số này",
        "en": "See the units weakest on this index",
    },
}
