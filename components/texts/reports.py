"""Words of a unit's own report (PDF and PowerPoint) and of a level's batch of reports."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "report.title": {
        "vi": "Báo cáo Chỉ số chuyển đổi số (DTI) năm {year}",
        "en": "Digital Transformation Index (DTI) report {year}",
    },
    "report.result_title": {"vi": "{unit}: kết quả DTI năm {year}", "en": "{unit}: DTI results {year}"},
    "report.result_subtitle": {
        "vi": "{level}{parent} · so với cao nhất và trung vị của khối",
        "en": "{level}{parent} · against the level's highest and median",
    },
    "report.parent": {"vi": " thuộc {parent}", "en": " of {parent}"},
    "report.no_previous": {
        "vi": "Chưa có kết quả năm trước {year} để so sánh.",
        "en": "No result before {year} to compare with.",
    },
    "report.pillars_title": {"vi": "Điểm từng chỉ số chính", "en": "Points per main index"},
    "report.pillars_subtitle": {
        "vi": "Mất {lost} điểm so với tối đa {max} · thanh: điểm đạt trên tối đa; ◆ cao nhất khối; | trung vị",
        "en": "{lost} points lost of a maximum of {max} · bars: points of the maximum; ◆ level's highest; | median",
    },
    "report.col_pillar": {"vi": "Chỉ số chính", "en": "Main index"},
    "report.col_points": {"vi": "Điểm/tối đa", "en": "Points/max"},
    "report.col_share": {"vi": "% tối đa", "en": "% of max"},
    "report.col_best": {"vi": "Cao nhất", "en": "Highest"},
    "report.col_median": {"vi": "Trung vị", "en": "Median"},
    "report.col_lost": {"vi": "Mất", "en": "Lost"},
    "report.no_pillars": {
        "vi": "Nguồn chưa có điểm từng chỉ số chính của {unit} năm {year}; báo cáo chỉ có kết quả tổng hợp.",
        "en": "The sources give no per-pillar points for {unit} in {year}; the report has the overall result only.",
    },
    "report.download": {"vi": "Báo cáo", "en": "Report"},
    "report.download_pdf": {
        "vi": "Tải báo cáo của đơn vị (PDF, 2 trang A4)",
        "en": "Download the unit's report (PDF, 2 A4 pages)",
    },
    "report.download_pptx": {
        "vi": "Tải báo cáo của đơn vị (PowerPoint)",
        "en": "Download the unit's report (PowerPoint)",
    },
    "report.batch": {"vi": "Cả khối (.zip)", "en": "Whole level (.zip)"},
    "report.batch_title": {
        "vi": "Báo cáo PDF của mọi đơn vị cùng khối năm {year}, trong một tệp .zip",
        "en": "The PDF report of every unit of the level for {year}, in one .zip file",
    },
    "report.batch_step.data": {"vi": "Đang đọc số liệu các đơn vị…", "en": "Reading the units' figures…"},
    "report.batch_step.done": {"vi": "Đã xong {done}/{n} báo cáo…", "en": "{done} of {n} reports done…"},
    "report.batch_step.files": {
        "vi": "Đang dựng {n} báo cáo (một phiên Chromium)…",
        "en": "Drawing {n} reports (one Chromium session)…",
    },
    "report.batch_step.start": {"vi": "Đang chuẩn bị…", "en": "Getting ready…"},
    "report.batch_failed": {"vi": "Không tạo được tệp: {reason}", "en": "The file could not be made: {reason}"},
    "report.batch_lost": {
        "vi": "Không còn thấy yêu cầu tạo tệp (đã hết hạn); hãy bấm lại.",
        "en": "The export request is gone (expired); click again.",
    },
    "report.batch_denied": {
        "vi": "Chỉ lãnh đạo và quản trị viên được tải báo cáo của cả khối.",
        "en": "Only leaders and administrators may download the whole level's reports.",
    },
    "report.zip_name": {"vi": "bao-cao-dti-{level}-{year}.zip", "en": "dti-reports-{level}-{year}.zip"},
    "report.not_found": {
        "vi": "Không có báo cáo này: đơn vị không có trong dữ liệu, không có kết quả năm đã chọn, "
        "hoặc định dạng không phải {formats}.",
        "en": "No such report: the unit is not in the data, has no results that year, or the format is not {formats}.",
    },
    "report.failed": {
        "vi": "Không tạo được báo cáo: {reason}",
        "en": "The report could not be made: {reason}",
    },
}
