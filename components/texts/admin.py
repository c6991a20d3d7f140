"""Words of the administration page (`/admin`): templates, upload, validation, history, exports."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "admin.dataset.framework": {"vi": "Khung đánh giá", "en": "Evaluation framework"},
    "admin.dataset.scores": {"vi": "Điểm của đơn vị", "en": "Units' scores"},
    "admin.dataset.targets": {"vi": "Mục tiêu kế hoạch", "en": "Plan targets"},
    "admin.dataset.observations": {"vi": "Số liệu thực hiện", "en": "Observed figures"},
    "admin.dataset.units": {"vi": "Danh mục đơn vị", "en": "Units"},
    "admin.dataset.responsibilities": {"vi": "Phân công thực hiện", "en": "Who answers for what"},
    "admin.dataset.reorganisation": {"vi": "Sắp xếp đơn vị hành chính", "en": "Administrative reorganisation"},
    "admin.dataset.regions": {"vi": "Vùng kinh tế - xã hội", "en": "Socio-economic regions"},
    "admin.dataset.indices": {"vi": "Chỉ số công bố cấp tỉnh", "en": "Provinces' published indices"},
    "admin.dataset.tasks": {"vi": "Điểm từng nhiệm vụ", "en": "Points per task"},
    "admin.dataset.sources": {"vi": "Văn bản nguồn", "en": "Source documents"},
    "admin.plan_word": {"vi": "kế hoạch", "en": "plan"},
    "admin.data_quality_link": {"vi": "Chất lượng dữ liệu", "en": "Data quality"},
    "admin.template_ranks_only": {
        "vi": "Chưa có khung đánh giá năm {year} cấp {level}: mẫu đã tải chỉ có tổng điểm, xếp hạng và nhóm công bố "
        "(năm chỉ có thứ hạng). Có điểm từng chỉ số thì nạp khung trước rồi tải lại mẫu.",
        "en": "There is no {year} framework for the {level} level: the template holds the published totals, ranks "
        "and groups only (a ranks-only year). To enter points per main index, import the framework first.",
    },
    "admin.heading": {"vi": "Nạp dữ liệu", "en": "Data import"},
    "admin.intro": {
        "vi": "Tải mẫu, điền số liệu, tải tệp lên: hệ thống kiểm tra toàn bộ tệp, cho xem trước rồi mới ghi. "
        "Tệp có lỗi không ghi gì.",
        "en": "Download a template, fill it in, upload it: the whole file is checked and previewed before anything "
        "is written. A file with errors writes nothing.",
    },
    "admin.templates_title": {"vi": "1. Mẫu nhập liệu", "en": "1. Templates"},
    "admin.dataset": {"vi": "Loại dữ liệu", "en": "Dataset"},
    "admin.year": {"vi": "Năm", "en": "Year"},
    "admin.level": {"vi": "Cấp", "en": "Level"},
    "admin.template_xlsx": {"vi": "Mẫu Excel", "en": "Excel template"},
    "admin.template_csv": {"vi": "Mẫu CSV", "en": "CSV template"},
    "admin.template_help": {
        "vi": "Mẫu điểm liệt kê sẵn các chỉ số của khung năm và cấp đã chọn và các đơn vị còn hiệu lực năm đó; "
        "năm chưa có khung: mẫu chỉ có tổng điểm và thứ hạng công bố.",
        "en": "The scores template lists the chosen year and level's pillars and the units valid that year; "
        "for a year without a framework it holds the published totals and ranks only.",
    },
    "admin.upload_title": {"vi": "2. Tải tệp lên và kiểm tra", "en": "2. Upload and check"},
    "admin.upload_prompt": {
        "vi": "Kéo thả tệp .xlsx hoặc .csv vào đây, hoặc bấm để chọn tệp (tối đa {size} MB)",
        "en": "Drop an .xlsx or .csv file here, or click to choose one (at most {size} MB)",
    },
    "admin.checked_file": {"vi": "Tệp {name} · SHA-256 {sha}", "en": "File {name} · SHA-256 {sha}"},
    "admin.checked_counts": {
        "vi": "{rows} dòng · {errors} lỗi · {warnings} cảnh báo",
        "en": "{rows} rows · {errors} errors · {warnings} warnings",
    },
    "admin.refused_title": {"vi": "Tệp chưa nạp được", "en": "The file cannot be imported"},
    "admin.too_large": {
        "vi": "Tệp quá lớn: giới hạn là {size} MB. Chưa có dữ liệu nào được ghi.",
        "en": "The file is too large: the limit is {size} MB. Nothing has been written.",
    },
    "admin.refused_body": {
        "vi": "Sửa các lỗi dưới đây rồi tải lại tệp. Chưa có dữ liệu nào được ghi.",
        "en": "Fix the errors below and upload the file again. Nothing has been written.",
    },
    "admin.warnings_title": {"vi": "Cảnh báo cần xác nhận", "en": "Warnings to confirm"},
    "admin.ready_title": {"vi": "Tệp hợp lệ: xem trước", "en": "The file is valid: preview"},
    "admin.ready_body": {
        "vi": "Bấm “Ghi dữ liệu” để thay dữ liệu hiện có của {scope} bằng tệp này.",
        "en": "Press “Write data” to replace the current {scope} with this file.",
    },
    "admin.accept_warnings": {
        "vi": "Tôi đã xem các cảnh báo và vẫn muốn ghi dữ liệu",
        "en": "I have read the warnings and want to write the data anyway",
    },
    "admin.commit": {"vi": "Ghi dữ liệu", "en": "Write data"},
    "admin.commit_unchanged": {
        "vi": "Không thay đổi: tệp giống hệt số liệu đang lưu, không ghi gì (lần nạp số {record}); "
        "phiên bản dữ liệu vẫn là {version}.",
        "en": "No change: the file holds the figures already stored, nothing was written (import #{record}); "
        "the data version stays {version}.",
    },
    "admin.committed": {
        "vi": "Đã ghi: {written} dòng mới thay {replaced} dòng cũ (lần nạp số {record}). "
        "Mọi trang đã hiển thị số liệu mới.",
        "en": "Written: {written} new rows replaced {replaced} old ones (import #{record}). "
        "Every page now shows the new figures.",
    },
    "admin.commit_refused": {
        "vi": "Không ghi: tệp còn lỗi hoặc cảnh báo chưa được xác nhận (lần nạp số {record}).",
        "en": "Not written: the file still has errors or unconfirmed warnings (import #{record}).",
    },
    "admin.commit_refused_because": {
        "vi": "Không ghi (lần nạp số {record}): {error}",
        "en": "Not written (import #{record}): {error}",
    },
    "admin.commit_failed": {
        "vi": "Ghi thất bại, dữ liệu đã được giữ nguyên (lần nạp số {record}): {error}",
        "en": "Writing failed and nothing was changed (import #{record}): {error}",
    },
    "admin.commit_missing": {
        "vi": "Không còn tệp để ghi: hãy tải tệp lên lại.",
        "en": "There is no file to write any more: upload it again.",
    },
    "admin.col.sheet": {"vi": "Trang", "en": "Sheet"},
    "admin.col.row": {"vi": "Dòng", "en": "Row"},
    "admin.col.column": {"vi": "Cột", "en": "Column"},
    "admin.col.reason": {"vi": "Lý do", "en": "Reason"},
    "admin.col.severity": {"vi": "Mức độ", "en": "Severity"},
    "admin.severity.error": {"vi": "Lỗi", "en": "Error"},
    "admin.severity.warning": {"vi": "Cảnh báo", "en": "Warning"},
    "admin.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "admin.col.total_computed": {"vi": "Tổng tính được", "en": "Computed total"},
    "admin.col.total_published": {"vi": "Tổng công bố", "en": "Published total"},
    "admin.col.rank_computed": {"vi": "Hạng tính được", "en": "Computed rank"},
    "admin.col.rank_published": {"vi": "Hạng công bố", "en": "Published rank"},
    "admin.col.group_computed": {"vi": "Nhóm tính được", "en": "Computed group"},
    "admin.col.group_published": {"vi": "Nhóm công bố", "en": "Published group"},
    "admin.median": {"vi": "trung vị", "en": "median method"},
    "admin.differs": {"vi": "khác công bố", "en": "differs from published"},
    "admin.preview_more": {"vi": "… và {n} dòng nữa", "en": "… and {n} more rows"},
    "admin.history_title": {"vi": "3. Lịch sử nạp dữ liệu", "en": "3. Import history"},
    "admin.history_empty": {"vi": "Chưa có lần nạp nào.", "en": "No imports yet."},
    "admin.col.when": {"vi": "Lúc", "en": "When"},
    "admin.col.who": {"vi": "Người nạp", "en": "By"},
    "admin.col.file": {"vi": "Tệp", "en": "File"},
    "admin.col.sha": {"vi": "SHA-256", "en": "SHA-256"},
    "admin.col.scope": {"vi": "Dữ liệu", "en": "Data"},
    "admin.col.counts": {"vi": "Dòng đọc / ghi / thay", "en": "Rows read / written / replaced"},
    "admin.col.result": {"vi": "Kết quả", "en": "Result"},
    "admin.col.versions": {"vi": "Phiên bản", "en": "Versions"},
    "admin.result.ok": {"vi": "Đã nạp", "en": "Imported"},
    "admin.result.unchanged": {"vi": "Không thay đổi", "en": "No change"},
    "admin.result.refused": {"vi": "Từ chối", "en": "Refused"},
    "admin.result.failed": {"vi": "Thất bại", "en": "Failed"},
    "admin.report": {"vi": "Xem {n} vấn đề", "en": "Show {n} problems"},
    "admin.report_error": {"vi": "Lỗi khi ghi: {error}", "en": "Error while writing: {error}"},
    "admin.before": {"vi": "Bản cũ", "en": "Previous"},
    "admin.after": {"vi": "Bản nạp", "en": "Imported"},
    "admin.before_title": {
        "vi": "Tải dữ liệu như trước lần nạp này (Excel, nạp lại được)",
        "en": "Download the data as it was before this import (Excel, can be imported again)",
    },
    "admin.after_title": {
        "vi": "Tải dữ liệu như lần nạp này đã ghi (Excel)",
        "en": "Download the data as this import wrote it (Excel)",
    },
    "admin.exports_title": {"vi": "4. Xuất dữ liệu theo mẫu", "en": "4. Export in the template's format"},
    "admin.exports_help": {
        "vi": "Tệp xuất đúng theo mẫu: sửa rồi nạp lại được. Ô bắt đầu bằng =, +, -, @ được vô hiệu hoá.",
        "en": "Exports follow the template: edit and import them again. Cells starting with =, +, -, @ are "
        "neutralised.",
    },
    "admin.export_choice": {"vi": "Dữ liệu", "en": "Data"},
    "admin.export_xlsx": {"vi": "Excel", "en": "Excel"},
    "admin.export_csv": {"vi": "CSV", "en": "CSV"},
    "admin.boundaries_title": {"vi": "5. Ranh giới bản đồ (GeoJSON)", "en": "5. Map boundaries (GeoJSON)"},
    "admin.boundaries_help": {
        "vi": "Ranh giới các xã, phường, đặc khu (hoặc các huyện) của một tỉnh, dạng GeoJSON FeatureCollection: "
        "mỗi đối tượng là Polygon/MultiPolygon có properties.unit_code là mã đơn vị; trường “attribution” ghi "
        "nguồn và giấy phép (bản đồ hiển thị nguyên văn). Tệp có lỗi bị từ chối toàn bộ; tệp mới thay bộ cũ.",
        "en": "The boundaries of a province's communes, wards and special zones (or districts) as a GeoJSON "
        "FeatureCollection: each feature a Polygon/MultiPolygon with properties.unit_code set to the unit's code; "
        "an “attribution” member gives the source and licence (the map shows it verbatim). A file with any "
        "problem is refused whole; a new file replaces the stored set.",
    },
    "admin.boundaries_prompt": {
        "vi": "Kéo tệp .geojson vào đây hoặc bấm để chọn",
        "en": "Drop a .geojson file here or click to choose one",
    },
    "admin.boundaries_none": {"vi": "Chưa nạp ranh giới nào.", "en": "No boundaries loaded yet."},
    "admin.boundaries_col.unit": {"vi": "Tỉnh", "en": "Province"},
    "admin.boundaries_col.level": {"vi": "Cấp", "en": "Level"},
    "admin.boundaries_col.features": {"vi": "Số vùng", "en": "Areas"},
    "admin.boundaries_col.licence": {"vi": "Nguồn và giấy phép", "en": "Source and licence"},
    "admin.boundaries_col.file": {"vi": "Tệp · người nạp · lúc", "en": "File · by · when"},
    "admin.boundaries_refused": {
        "vi": "Tệp ranh giới bị từ chối toàn bộ ({n} vấn đề); không có gì được ghi.",
        "en": "The boundaries file was refused whole ({n} problems); nothing was written.",
    },
    "admin.boundaries_ok": {
        "vi": "Đã nạp ranh giới của {n} đơn vị ({level}, {province}).",
        "en": "Boundaries of {n} units loaded ({level}, {province}).",
    },
    "admin.boundaries_unchanged": {
        "vi": "Không thay đổi: ranh giới của {n} đơn vị ({level}, {province}) đã giống hệt bộ đang lưu.",
        "en": "No change: the boundaries of {n} units ({level}, {province}) are those already stored.",
    },
    "admin.boundaries_licence": {"vi": "Nguồn và giấy phép: {text}", "en": "Source and licence: {text}"},
    "admin.boundaries_missing": {
        "vi": "{n} đơn vị cùng cấp chưa có ranh giới (bản đồ sẽ ghi rõ): {codes}",
        "en": "{n} units of that level have no boundary (the map says so): {codes}",
    },
}
