"""Words of the peers comparison (`/rankings?peers=…`) and of who lags (the overview)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "laggards.title": {"vi": "Đơn vị yếu nhất (% điểm tối đa)", "en": "Weakest units (% of maximum)"},
    "laggards.title_pillar": {"vi": "Yếu nhất về {pillar}", "en": "Weakest on {pillar}"},
    "laggards.show_total": {"vi": "× xem theo tổng điểm", "en": "× back to the total"},
    "laggards.department": {"vi": "Sở, ban, ngành", "en": "Departments"},
    "laggards.district": {"vi": "Huyện, thị xã, thành phố", "en": "Districts"},
    "laggards.commune": {"vi": "Xã, phường, đặc khu", "en": "Communes and wards"},
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
    "peers.title": {"vi": "So sánh với các tỉnh bạn", "en": "Compared with peer provinces"},
    "peers.picker_label": {"vi": "Tỉnh so sánh", "en": "Peer provinces"},
    "peers.picker_placeholder": {"vi": "Chọn tỉnh, thành phố…", "en": "Choose provinces…"},
    "peers.preset_region": {"vi": "Vùng {region}", "en": "Region: {region}"},
    "peers.preset_top": {"vi": "Top {n} cả nước", "en": "National top {n}"},
    "peers.clear": {"vi": "Bỏ chọn", "en": "Clear"},
    "peers.none_chosen": {
        "vi": "Chưa chọn tỉnh nào: chọn trong danh sách hoặc một nhóm có sẵn.",
        "en": "No province chosen: pick from the list or a preset group.",
    },
    "peers.unknown": {
        "vi": "Không có trong xếp hạng năm {year}, đã bỏ qua: {codes}",
        "en": "Not in the {year} ranking, left out: {codes}",
    },
    "peers.too_many": {
        "vi": "Chỉ so sánh tối đa {n} tỉnh; đã bỏ qua: {codes}",
        "en": "At most {n} provinces are compared; left out: {codes}",
    },
    "peers.radar_title": {"vi": "Các chỉ số chính (% điểm tối đa)", "en": "Main indices (% of maximum)"},
    "peers.no_pillars": {
        "vi": "Chưa có số liệu chỉ số chính năm {year}: {names}",
        "en": "No main-index figures for {year}: {names}",
    },
    "peers.no_radar": {
        "vi": "Không tỉnh nào được chọn có số liệu chỉ số chính năm {year}.",
        "en": "None of the chosen provinces has main-index figures for {year}.",
    },
    "peers.table_title": {"vi": "Bảng so sánh năm {year}", "en": "Comparison, {year}"},
    "peers.col.rank": {"vi": "Hạng", "en": "Rank"},
    "peers.col.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "peers.col.region": {"vi": "Vùng", "en": "Region"},
    "peers.col.dti": {"vi": "DTI", "en": "DTI"},
    "peers.col.change": {"vi": "So với {year}", "en": "Since {year}"},
    "peers.no_previous": {"vi": "—", "en": "—"},
    "peers.region_source": {"vi": "Vùng theo", "en": "Regions per"},
}
