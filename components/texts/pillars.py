"""Words of the pillars page (`/pillars`)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "pillars.heading": {"vi": "Các chỉ số chính: {unit}, năm {year}", "en": "Pillars: {unit}, {year}"},
    "pillars.level_label": {"vi": "Cấp đánh giá", "en": "Level"},
    "pillars.unit_label": {"vi": "Đơn vị", "en": "Unit"},
    "pillars.compare_label": {"vi": "So sánh với", "en": "Compare with"},
    "pillars.compare_leading": {
        "vi": "Các tỉnh dẫn đầu và tỉnh đứng đầu",
        "en": "The leading provinces (average) and the leader",
    },
    "pillars.radar_title": {"vi": "Các chỉ số chính (% điểm tối đa)", "en": "Pillars (% of maximum)"},
    "pillars.table_title": {"vi": "Điểm từng chỉ số chính", "en": "Points per pillar"},
    "pillars.sort_hint": {
        "vi": "Bấm vào tiêu đề cột để sắp xếp.",
        "en": "Click a column header to sort.",
    },
    "pillars.leading_average": {"vi": "TB {n} tỉnh dẫn đầu", "en": "Top {n} average"},
    "pillars.leader": {"vi": "Dẫn đầu: {name}", "en": "Leader: {name}"},
    "pillars.province": {"vi": "{name}", "en": "{name}"},
    "pillars.best": {"vi": "Dẫn đầu: {name}", "en": "Best: {name}"},
    "pillars.runner_up": {"vi": "Xếp kế tiếp: {name}", "en": "Next in rank: {name}"},
    "pillars.highest": {"vi": "Cao nhất khối", "en": "Level's highest"},
    "pillars.median": {"vi": "Trung vị {n} đơn vị", "en": "Median of {n} units"},
    "pillars.col_pillar": {"vi": "Chỉ số chính", "en": "Pillar"},
    "pillars.col_points": {"vi": "Điểm", "en": "Points"},
    "pillars.col_max": {"vi": "Tối đa", "en": "Maximum"},
    "pillars.col_share": {"vi": "% tối đa", "en": "% of max."},
    "pillars.col_lost": {"vi": "Điểm bị mất", "en": "Points lost"},
    "pillars.col_leading_average": {"vi": "% TB {n} tỉnh dẫn đầu", "en": "% top {n} average"},
    "pillars.col_leader": {"vi": "% {name}", "en": "% {name}"},
    "pillars.col_province": {"vi": "% {name}", "en": "% {name}"},
    "pillars.col_best": {"vi": "% dẫn đầu", "en": "% best"},
    "pillars.col_runner_up": {"vi": "% xếp kế tiếp", "en": "% next in rank"},
    "pillars.col_highest": {"vi": "% cao nhất khối", "en": "% level's highest"},
    "pillars.export_comparison": {"vi": "% {label}", "en": "% {label}"},
    "pillars.col_median": {"vi": "% trung vị", "en": "% median"},
    "pillars.total": {"vi": "Tổng điểm", "en": "Total"},
    "pillars.rank_province": {"vi": "Xếp hạng cả nước", "en": "National rank"},
    "pillars.rank_level": {"vi": "Xếp hạng trong cấp", "en": "Rank in level"},
    "pillars.group": {"vi": "Nhóm", "en": "Group"},
    "pillars.indicators_title": {
        "vi": "Điểm theo nhiệm vụ (chỉ số thành phần) của {unit}, năm {year}",
        "en": "Points per task (sub-index) of {unit}, {year}",
    },
    "pillars.indicator_card_title": {"vi": "{pillar}: {points}/{max} điểm", "en": "{pillar}: {points}/{max} points"},
    "pillars.task": {"vi": "Nhiệm vụ {n}", "en": "Task {n}"},
    "pillars.no_points": {"vi": "chưa có điểm", "en": "no points yet"},
    "pillars.target": {"vi": "Mục tiêu: {target}", "en": "Target: {target}"},
    "pillars.value": {"vi": "giá trị {value}", "en": "value {value}"},
    "pillars.tasks_scored": {
        "vi": "Nguồn cho điểm {scored} nhiệm vụ trong {n} chỉ số thành phần.",
        "en": "The source gives points for {scored} tasks of the {n} sub-indices.",
    },
    "pillars.tasks_lost": {
        "vi": "Các nhiệm vụ này mất {lost} điểm; cả chỉ số chính mất {pillar_lost} điểm.",
        "en": "These tasks lost {lost} points; the whole pillar lost {pillar_lost}.",
    },
    "pillars.no_indicators": {
        "vi": "Nguồn chưa có điểm theo nhiệm vụ (chỉ số thành phần) của {unit} năm {year}.",
        "en": "The sources give no per-task (sub-index) points for {unit} in {year}.",
    },
    "pillars.no_scores_title": {"vi": "Chưa có điểm các chỉ số chính", "en": "No pillar scores"},
    "pillars.focus_no_scores": {
        "vi": "Năm {year} chưa có điểm các chỉ số chính của {unit} ở cấp “{level}” trong dữ liệu. Các năm có "
        "điểm: {years}. Chọn một đơn vị khác trong danh sách để xem điểm của đơn vị đó.",
        "en": "For {year}, {unit} has no pillar scores at the “{level}” level in the data. Years with scores: "
        "{years}. Pick another unit from the list to see its scores.",
    },
    "pillars.no_scores": {
        "vi": "Năm {year} chưa có điểm các chỉ số chính cấp “{level}” trong dữ liệu. Các năm có điểm: {years}.",
        "en": "There are no pillar scores at the “{level}” level for {year} in the data. Years with scores: {years}.",
    },
    "pillars.bad_title": {"vi": "Không hiển thị được lựa chọn này", "en": "This choice cannot be shown"},
    "pillars.bad_level": {
        "vi": "Cấp “{value}” không có. Hãy chọn một trong: {choices}.",
        "en": "There is no level “{value}”. Choose one of: {choices}.",
    },
    "pillars.bad_unit": {
        "vi": "Không có đơn vị “{value}” có điểm cấp “{level}” năm {year}. Hãy chọn đơn vị trong danh sách.",
        "en": "No unit “{value}” has scores at the “{level}” level in {year}. Choose a unit from the list.",
    },
    "pillars.bad_compare": {
        "vi": "Không có tỉnh “{value}” có điểm các chỉ số chính năm {year} để so sánh. "
        "Hãy chọn một tỉnh khác trong danh sách.",
        "en": "There is no province “{value}” with pillar scores in {year} to compare with. "
        "Choose another province from the list.",
    },
    "pillars.bad_compare_level": {
        "vi": "So sánh với một tỉnh (“{value}”) chỉ dùng được ở cấp tỉnh.",
        "en": "Comparing with a province (“{value}”) works at province level only.",
    },
    "pillars.export_year": {"vi": "Năm", "en": "Year"},
    "pillars.export_level": {"vi": "Cấp", "en": "Level"},
    "pillars.export_unit": {"vi": "Đơn vị", "en": "Unit"},
    "pillars.export_pillar": {"vi": "Chỉ số chính", "en": "Pillar"},
    "pillars.export_points": {"vi": "Điểm", "en": "Points"},
    "pillars.export_max": {"vi": "Điểm tối đa", "en": "Maximum points"},
    "pillars.export_share": {"vi": "% điểm tối đa", "en": "% of maximum"},
    "pillars.export_lost": {"vi": "Điểm bị mất", "en": "Points lost"},
    "pillars.export_task": {"vi": "Nhiệm vụ (chỉ số thành phần)", "en": "Task (sub-index)"},
    "pillars.export_target": {"vi": "Mục tiêu", "en": "Target"},
    "pillars.export_value": {"vi": "Giá trị", "en": "Value"},
    "pillars.export_value_unit": {"vi": "Đơn vị tính", "en": "Unit of measure"},
    "pillars.export_note": {"vi": "Ghi chú", "en": "Note"},
    "pillars.export_source": {"vi": "Nguồn", "en": "Source"},
    "pillars.file_pillars": {"vi": "chi-so-chinh_{unit}_{year}", "en": "pillars_{unit}_{year}"},
    "pillars.file_indicators": {"vi": "diem-nhiem-vu_{unit}_{year}", "en": "task-points_{unit}_{year}"},
}
