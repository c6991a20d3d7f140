"""Words of the targets page (`/targets`): a plan's targets against their actual figures."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "targets.heading": {
        "vi": "Tiến độ mục tiêu Kế hoạch {plan} năm {year} — {unit}",
        "en": "Progress towards the targets of plan {plan}, {year} — {unit}",
    },
    "targets.filter_pillar": {"vi": "Trụ cột", "en": "Pillar"},
    "targets.filter_status": {"vi": "Trạng thái", "en": "Status"},
    "targets.filter_all": {"vi": "Tất cả", "en": "All"},
    "targets.status.met": {"vi": "Đạt", "en": "Met"},
    "targets.status.not_met": {"vi": "Chưa đạt", "en": "Not met"},
    "targets.status.no_data": {"vi": "Chưa có số liệu", "en": "No data yet"},
    "targets.section.infrastructure": {"vi": "Hạ tầng số", "en": "Digital infrastructure"},
    "targets.section.digital_government": {"vi": "Chính quyền số", "en": "Digital government"},
    "targets.section.digital_economy": {"vi": "Kinh tế số", "en": "Digital economy"},
    "targets.section.digital_society": {"vi": "Xã hội số", "en": "Digital society"},
    "targets.summary_plan": {
        "vi": "Cả kế hoạch: {total} chỉ tiêu (bấm một ô để lọc)",
        "en": "Whole plan: {total} targets (click a tile to filter)",
    },
    "targets.summary_shown": {
        "vi": "Đang hiển thị {shown} / {total} chỉ tiêu",
        "en": "Showing {shown} / {total} targets",
    },
    "targets.tile_filter": {
        "vi": "Chỉ hiện các chỉ tiêu có trạng thái này",
        "en": "Show only targets with this status",
    },
    "targets.tile_clear": {"vi": "Bỏ lọc theo trạng thái", "en": "Clear the status filter"},
    "targets.section_counts": {
        "vi": "{met} đạt · {not_met} chưa đạt · {no_data} chưa có số liệu",
        "en": "{met} met · {not_met} not met · {no_data} no data",
    },
    "targets.gauge_legend": {
        "vi": "Kim đồng hồ: số liệu thực tế (màu theo trạng thái); vạch ngang: mức mục tiêu.",
        "en": "Gauge bar: the actual figure (coloured by status); line across: the target.",
    },
    "targets.target_line": {"vi": "Mục tiêu {comparator} {value}", "en": "Target {comparator} {value}"},
    "targets.no_actual": {
        "vi": "Báo cáo theo dõi chưa có số liệu cho chỉ tiêu này.",
        "en": "The monitoring report gives no figure for this target.",
    },
    "targets.over_100": {
        "vi": "Trên 100%: giữ nguyên như số liệu gốc, không cắt về 100%.",
        "en": "Above 100%: kept as printed, not capped.",
    },
    "targets.over_100_see_note": {
        "vi": "Trên 100%: giữ nguyên như số liệu gốc, không cắt về 100%; "
        "lý do theo nguồn: xem ⓘ Ghi chú nguồn dữ liệu.",
        "en": "Above 100%: kept as printed, not capped; the source's reason is in ⓘ Data note.",
    },
    "targets.other_source": {"vi": "Nguồn khác", "en": "Other source"},
    "targets.data_note": {"vi": "ⓘ Ghi chú nguồn dữ liệu", "en": "ⓘ Data note"},
    "targets.data_note_caption": {
        "vi": "Ghi chú gốc của bản chép số liệu (tiếng Anh), giữ nguyên văn:",
        "en": "The data transcription's original note, verbatim:",
    },
    "targets.names_in_vietnamese": {
        "vi": "Tên chỉ tiêu được giữ nguyên như văn bản kế hoạch tiếng Việt.",
        "en": "Target names are shown as published, in Vietnamese.",
    },
    "targets.empty_filter": {
        "vi": "Không có chỉ tiêu nào khớp bộ lọc đang chọn.",
        "en": "No target matches the chosen filters.",
    },
    "targets.no_plan_title": {"vi": "Chưa có kế hoạch", "en": "No plan yet"},
    "targets.no_plan": {
        "vi": "Chưa có kế hoạch có mục tiêu của {unit} cho năm {year}. Các năm có kế hoạch: {years}.",
        "en": "There is no plan with targets for {unit} in {year}. Years with a plan: {years}.",
    },
    "targets.focus_no_plans": {
        "vi": "{unit} chưa có kế hoạch nào có mục tiêu trong dữ liệu. Nạp kế hoạch của tỉnh (mẫu “Mục tiêu "
        "kế hoạch”, đơn vị ban hành là tỉnh) ở trang Quản trị để theo dõi tiến độ tại đây.",
        "en": "{unit} has no plan with targets in the data. Import the province's plan (the “plan targets” "
        "template, issued by the province) on the Admin page to follow its progress here.",
    },
    "targets.bad_filter_title": {"vi": "Bộ lọc không hợp lệ", "en": "Unknown filter"},
    "targets.bad_pillar": {
        "vi": "Trụ cột “{value}” không có trong kế hoạch. Các trụ cột có thể chọn: {choices}.",
        "en": "The pillar “{value}” is not in the plan. Pillars you can choose: {choices}.",
    },
    "targets.bad_status": {
        "vi": "Trạng thái “{value}” không hợp lệ. Các trạng thái có thể chọn: {choices}.",
        "en": "The status “{value}” is not valid. Statuses you can choose: {choices}.",
    },
    "targets.disagreements_title": {
        "vi": "Số liệu khác nhau giữa các nguồn",
        "en": "Figures that differ between sources",
    },
    "targets.disagreements_intro": {
        "vi": "Cùng một chỉ số được các báo cáo in với giá trị khác nhau; mỗi số liệu giữ nguyên như bản gốc, "
        "kèm thời điểm và nguồn.",
        "en": "The same indicator printed with different values by different reports; each figure is kept as "
        "printed, with its date and source.",
    },
    "targets.disagreements_scope_plan": {
        "vi": "Phạm vi: toàn bộ kế hoạch.",
        "en": "Scope: the whole plan.",
    },
    "targets.disagreements_scope_pillar": {
        "vi": "Phạm vi: các chỉ số thuộc trụ cột “{pillar}” đang chọn.",
        "en": "Scope: the indicators of the chosen pillar “{pillar}”.",
    },
    "targets.disagreements_scope_status": {
        "vi": "Bộ lọc trạng thái không áp dụng cho phần này.",
        "en": "The status filter does not apply to this section.",
    },
    "targets.disagreements_none": {
        "vi": "Không có chỉ số nào được các nguồn in khác nhau.",
        "en": "No indicator is printed differently by the sources.",
    },
    "targets.plan_figure": {"vi": "Số liệu theo dõi kế hoạch", "en": "Plan monitoring figure"},
    "targets.download_targets": {"vi": "Bảng chỉ tiêu", "en": "Targets table"},
    "targets.download_disagreements": {"vi": "Bảng số liệu khác nhau", "en": "Differing figures"},
    "targets.value_rank": {"vi": "hạng {value}", "en": "rank {value}"},
    "targets.col.pillar": {"vi": "Trụ cột", "en": "Pillar"},
    "targets.col.target": {"vi": "Chỉ tiêu", "en": "Target"},
    "targets.col.part": {"vi": "Phần", "en": "Part"},
    "targets.col.comparator": {"vi": "So sánh", "en": "Comparator"},
    "targets.col.target_value": {"vi": "Giá trị mục tiêu", "en": "Target value"},
    "targets.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "targets.col.actual": {"vi": "Thực tế", "en": "Actual"},
    "targets.col.numerator": {"vi": "Tử số", "en": "Numerator"},
    "targets.col.denominator": {"vi": "Mẫu số", "en": "Denominator"},
    "targets.col.period": {"vi": "Thời điểm", "en": "Date"},
    "targets.col.status": {"vi": "Trạng thái", "en": "Status"},
    "targets.col.source": {"vi": "Nguồn", "en": "Source"},
    "targets.col.note": {"vi": "Ghi chú", "en": "Note"},
    "targets.col.indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "targets.col.value": {"vi": "Giá trị", "en": "Value"},
    "targets.col.plan_target": {"vi": "Chỉ tiêu kế hoạch", "en": "Plan target"},
    "targets.projection.on_track": {"vi": "Đúng tiến độ", "en": "On track"},
    "targets.projection.at_risk": {"vi": "Có nguy cơ", "en": "At risk"},
    "targets.projection.off_track": {"vi": "Không đạt", "en": "Off track"},
    "targets.projection.none": {"vi": "Chưa dự báo được", "en": "No projection"},
    "targets.projection_line": {
        "vi": "Dự báo đến {deadline}: {value}",
        "en": "Projected by {deadline}: {value}",
    },
    "targets.projection_basis": {
        "vi": "tuyến tính từ {n} số liệu ({periods})",
        "en": "linear from {n} figures ({periods})",
    },
    "targets.projection_mixed": {
        "vi": "Các số liệu lấy từ những báo cáo khác nhau (có thể khác cách tính): xem mục số liệu khác nguồn.",
        "en": "The figures come from different reports (possibly counted differently): see the differing figures.",
    },
    "targets.projection_reason.one_observation": {
        "vi": "Chưa dự báo: mới có một số liệu ({periods}), chưa đủ để thấy xu hướng.",
        "en": "No projection: only one figure ({periods}), no trend yet.",
    },
    "targets.projection_reason.no_observation": {
        "vi": "Chưa dự báo: chưa có số liệu nào.",
        "en": "No projection: no figure yet.",
    },
    "targets.projection_reason.no_deadline": {
        "vi": "Chưa dự báo: kế hoạch không ghi thời hạn.",
        "en": "No projection: the plan gives no deadline.",
    },
    "targets.projection_reason.bad_period": {
        "vi": "Chưa dự báo: có số liệu ghi thời điểm không đọc được.",
        "en": "No projection: a figure's date cannot be read.",
    },
    "targets.projection_summary": {
        "vi": "Dự báo đến hạn (tuyến tính): {on_track} đúng tiến độ · {at_risk} có nguy cơ · "
        "{off_track} không đạt · {none} chưa dự báo được",
        "en": "Projected to the deadline (linear): {on_track} on track · {at_risk} at risk · "
        "{off_track} off track · {none} no projection",
    },
    "targets.counted_once": {
        "vi": "{name} được kế hoạch ghi ở cả {sections}: tính một lần trong tổng.",
        "en": "{name} is listed by the plan under both {sections}: counted once in the totals.",
    },
    "targets.twin_card": {
        "vi": "Cùng chỉ tiêu với mục ở {section}: tính một lần trong tổng.",
        "en": "The same target as under {section}: counted once in the totals.",
    },
    "targets.col.projection": {"vi": "Dự báo đến hạn", "en": "Projected at deadline"},
    "targets.col.projection_status": {"vi": "Tiến độ", "en": "Progress"},
    "targets.risk_title": {"vi": "Mục tiêu có nguy cơ không đạt", "en": "Targets at risk"},
    "targets.risk_none": {
        "vi": "Không có mục tiêu nào dự báo trượt (trong số mục tiêu đủ số liệu để dự báo).",
        "en": "No target is projected to miss (of those with enough figures to project).",
    },
    "targets.risk_method": {
        "vi": "Dự báo tuyến tính từ các số liệu theo thời điểm đến hạn kế hoạch {deadline}",
        "en": "Linear projection from the dated figures to the plan's deadline {deadline}",
    },
}
