"""Words of the IOC overview (`/`)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "overview.heading": {
        "vi": "Chỉ số chuyển đổi số {unit} năm {year}",
        "en": "{unit}: Digital Transformation Index {year}",
    },
    "overview.dti": {"vi": "Chỉ số DTI", "en": "DTI score"},
    "overview.rank": {"vi": "Xếp hạng cả nước", "en": "National rank"},
    "overview.change": {"vi": "So với năm {year}", "en": "Compared with {year}"},
    "overview.no_years_title": {"vi": "Chưa có kết quả DTI", "en": "No DTI result yet"},
    "overview.no_years": {
        "vi": "{unit} chưa có kết quả DTI nào trong dữ liệu (giá trị hay thứ hạng). Nạp bảng xếp hạng "
        "cấp tỉnh ở trang Quản trị để trang này hiển thị.",
        "en": "{unit} has no DTI result in the data (a value or a rank). Import the provincial ranking "
        "on the Admin page to fill this page.",
    },
    "overview.no_previous": {"vi": "Không có năm trước để so sánh", "en": "No earlier year to compare"},
    "overview.up": {"vi": "tăng {n} bậc", "en": "up {n} places"},
    "overview.down": {"vi": "giảm {n} bậc", "en": "down {n} places"},
    "overview.flat": {"vi": "giữ nguyên", "en": "unchanged"},
    "overview.average": {"vi": "Trung bình cấp tỉnh {value}", "en": "Provincial average {value}"},
    "overview.average_computed": {
        "vi": "Trung bình cấp tỉnh {value} (tính từ {n} tỉnh, không phải số công bố)",
        "en": "Provincial average {value} (computed from {n} provinces, not a published figure)",
    },
    "overview.national": {
        "vi": "DTI quốc gia {value} (Bộ công bố)",
        "en": "National DTI {value} (published by the ministry)",
    },
    "overview.radar_title": {"vi": "Các chỉ số chính (% điểm tối đa)", "en": "Pillars (% of maximum)"},
    "overview.history_title": {"vi": "Thứ hạng qua các năm", "en": "Rank over the years"},
    "overview.weakest_title": {
        "vi": "Ba chỉ số kéo điểm xuống nhiều nhất",
        "en": "The three pillars losing most points",
    },
    "overview.points_lost": {"vi": "mất {lost} / {max} điểm", "en": "{lost} of {max} points lost"},
    "overview.leading_average": {"vi": "TB {n} tỉnh dẫn đầu", "en": "Top {n} average"},
    "overview.leader": {"vi": "Dẫn đầu: {name}", "en": "Leader: {name}"},
    "overview.no_scores": {
        "vi": "Năm {year} chưa có điểm các chỉ số chính trong dữ liệu; chỉ có thứ hạng công bố.",
        "en": "There are no pillar scores for {year} in the data; only the published rank.",
    },
    "overview.no_scores_value": {
        "vi": "Năm {year} chưa có điểm các chỉ số chính trong dữ liệu; có chỉ số DTI và thứ hạng công bố. "
        "Nạp điểm các chỉ số (mẫu “Điểm của đơn vị”) để vẽ phần này.",
        "en": "There are no pillar scores for {year} in the data; the DTI value and rank are published. "
        "Import the pillar points (the “unit scores” template) to draw this.",
    },
    "overview.no_scores_nothing": {
        "vi": "Năm {year} chưa có điểm các chỉ số chính, chỉ số DTI hay thứ hạng trong dữ liệu.",
        "en": "There are no pillar scores, DTI value or rank for {year} in the data.",
    },
    "overview.source": {"vi": "Nguồn", "en": "Source"},
    "overview.rank_axis": {"vi": "Hạng", "en": "Rank"},
    "overview.points": {"vi": "Điểm", "en": "Points"},
    "overview.pillar": {"vi": "Chỉ số chính", "en": "Pillar"},
    "overview.no_index_nothing": {
        "vi": "Dữ liệu năm {year} chưa có chỉ số DTI hay thứ hạng của tỉnh.",
        "en": "The data has neither a DTI value nor a rank of the province for {year}.",
    },
    "overview.no_index": {
        "vi": "Dữ liệu chưa có điểm DTI năm {year}, chỉ có thứ hạng công bố.",
        "en": "The data has no DTI score for {year}, only the published rank.",
    },
}
