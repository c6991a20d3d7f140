"""Words of the presentation mode (`/present`), its exports and the IOC wall mode."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "present.deck_title": {"vi": "Chỉ số chuyển đổi số (DTI) năm {year}", "en": "Digital Transformation Index {year}"},
    "present.title_kicker": {
        "vi": "Báo cáo Ban Chỉ đạo chuyển đổi số",
        "en": "Report to the digital transformation steering committee",
    },
    "present.title_date": {"vi": "Ngày {date}", "en": "Date: {date}"},
    "present.title_data": {
        "vi": "Số liệu lấy trực tiếp từ cơ sở dữ liệu (phiên bản dữ liệu {version})",
        "en": "Figures read live from the database (data version {version})",
    },
    "present.title_missing": {
        "vi": "Năm {year} chưa có số liệu cho các trang: {slides} (đã bỏ khỏi bài trình chiếu)",
        "en": "{year} has no figures yet for: {slides} (left out of the deck)",
    },
    "present.actions.scenario": {
        "vi": "Kịch bản giả định: {changes} → tổng {total_from} → {total}, hạng {rank_from} → {rank}{of}{group}",
        "en": "What-if scenario: {changes} → total {total_from} → {total}, rank {rank_from} → {rank}{of}{group}",
    },
    "whatif.to_present": {"vi": "Đưa lên trình chiếu", "en": "Show in the deck"},
    "present.actions.scenario_of": {"vi": "/{n}", "en": "/{n}"},
    "present.actions.scenario_of_published": {
        "vi": " trong {n} tỉnh có giá trị công bố",
        "en": " among {n} provinces with a published value",
    },
    "present.actions.scenario_group": {"vi": ", nhóm {group}", "en": ", group {group}"},
    "present.notes.left_out": {"vi": "Các trang đã bỏ: {reasons}", "en": "Slides left out: {reasons}"},
    "present.notes.title": {
        "vi": "Mở đầu: kết quả DTI năm {year} của {unit}, các phần tiếp theo đi từ tổng thể đến chi tiết.",
        "en": "Opening: {unit}'s DTI results for {year}, from the overall figure down to the details.",
    },
    # DTI and rank
    "present.dti.title": {"vi": "DTI và thứ hạng năm {year}", "en": "DTI and rank in {year}"},
    "present.dti.value": {"vi": "Chỉ số DTI", "en": "DTI value"},
    "present.dti.rank": {"vi": "Xếp hạng toàn quốc", "en": "National rank"},
    "present.dti.change": {"vi": "So với năm {year}", "en": "Against {year}"},
    "present.dti.no_change": {"vi": "Chưa có năm trước để so sánh", "en": "No earlier year to compare with"},
    "present.dti.up": {"vi": "tăng {n} bậc", "en": "up {n} places"},
    "present.dti.down": {"vi": "giảm {n} bậc", "en": "down {n} places"},
    "present.dti.flat": {"vi": "giữ nguyên", "en": "unchanged"},
    "present.dti.average": {"vi": "Trung bình cấp tỉnh: {value}", "en": "Provincial average: {value}"},
    "present.dti.national": {"vi": "DTI quốc gia (Bộ công bố): {value}", "en": "National DTI (ministry): {value}"},
    "present.dti.average_computed": {
        "vi": "Trung bình cấp tỉnh: {value} (tính từ {n} tỉnh)",
        "en": "Provincial average: {value} (computed from {n} provinces)",
    },
    "present.dti.no_value": {
        "vi": "Dữ liệu năm {year} chỉ có thứ hạng, không có giá trị DTI.",
        "en": "The {year} data has the rank only, not the DTI value.",
    },
    "present.dti.history": {"vi": "Thứ hạng qua các năm", "en": "Rank over the years"},
    "present.dti.rank_axis": {"vi": "Thứ hạng", "en": "Rank"},
    "present.dti.no_rank": {
        "vi": "Năm {year} chưa có thứ hạng DTI cấp tỉnh của {unit}.",
        "en": "There is no provincial DTI rank of {unit} for {year}.",
    },
    "present.notes.dti": {
        "vi": "{unit} đạt DTI {value}, xếp hạng {rank}; {change}.",
        "en": "{unit} scored a DTI of {value}, ranked {rank}; {change}.",
    },
    # Radar
    "present.radar.title": {"vi": "Các chỉ số chính so với nhóm dẫn đầu", "en": "Pillars against the leading group"},
    "present.radar.subtitle": {
        "vi": "% điểm tối đa của từng chỉ số, năm {year}",
        "en": "% of each pillar's maximum, {year}",
    },
    "present.radar.leading": {"vi": "TB {n} tỉnh dẫn đầu", "en": "Top {n} average"},
    "present.radar.leader": {"vi": "Dẫn đầu: {name}", "en": "Leader: {name}"},
    "present.radar.pillar": {"vi": "Chỉ số", "en": "Pillar"},
    "present.radar.points": {"vi": "Điểm", "en": "Points"},
    "present.radar.empty": {
        "vi": "Năm {year} chưa có điểm từng chỉ số chính của {unit}: chỉ có thứ hạng chung.",
        "en": "There are no pillar scores of {unit} for {year}: only the overall rank.",
    },
    "present.notes.radar": {
        "vi": "Mạnh nhất: {best} ({best_value}); yếu nhất: {worst} ({worst_value}).",
        "en": "Strongest: {best} ({best_value}); weakest: {worst} ({worst_value}).",
    },
    # National ranking
    "present.national.title": {"vi": "Vị trí trên bảng xếp hạng toàn quốc", "en": "Place in the national ranking"},
    "present.national.subtitle": {
        "vi": "5 tỉnh xếp trên và 5 tỉnh xếp dưới {unit}, năm {year}",
        "en": "The five provinces above and below {unit}, {year}",
    },
    "present.national.rank": {"vi": "Hạng", "en": "Rank"},
    "present.national.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "present.national.dti": {"vi": "DTI", "en": "DTI"},
    "present.national.tie": {"vi": "đồng hạng", "en": "tie"},
    "present.national.partial": {
        "vi": "Dữ liệu có giá trị DTI của {n}/{field} tỉnh; các tỉnh còn lại chỉ có thứ hạng (—).",
        "en": "The data has the DTI value of {n} of {field} provinces; the others have their rank only (—).",
    },
    "present.national.empty": {
        "vi": "Năm {year} chưa có bảng xếp hạng toàn quốc có {unit}.",
        "en": "There is no national ranking with {unit} for {year}.",
    },
    "present.notes.national": {
        "vi": "Xếp trên: {above}. Xếp dưới: {below}.",
        "en": "Above: {above}. Below: {below}.",
    },
    # Departments
    "present.departments.title": {"vi": "Xếp hạng các sở, ban, ngành", "en": "Departments ranked"},
    "present.departments.subtitle": {
        "vi": "Tổng điểm trên {max} và nhóm mức độ chuyển đổi số, năm {year}",
        "en": "Total out of {max} and transformation group, {year}",
    },
    "present.departments.axis": {"vi": "Tổng điểm (tối đa {max})", "en": "Total (out of {max})"},
    "present.departments.group_count": {"vi": "{n} đơn vị", "en": "{n} units"},
    "present.departments.empty": {
        "vi": "Năm {year} chưa có kết quả đánh giá các sở, ban, ngành của {unit}.",
        "en": "There are no department results of {unit} for {year}.",
    },
    "present.notes.groups": {"vi": "Theo nhóm: {groups}.", "en": "By group: {groups}."},
    # Districts
    "present.districts.title": {"vi": "Các huyện, thị xã, thành phố", "en": "Districts"},
    "present.districts.subtitle": {
        "vi": "% điểm tối đa theo từng tiêu chí và tổng điểm, năm {year}",
        "en": "% of each criterion's maximum and the total, {year}",
    },
    "present.districts.empty": {
        "vi": "Năm {year} chưa có kết quả đánh giá cấp huyện của {unit}.",
        "en": "There are no district results of {unit} for {year}.",
    },
    "present.districts.shown": {
        "vi": "Trang này hiện {shown} trên {n} đơn vị: {best} đơn vị điểm cao nhất và {weakest} đơn vị thấp nhất "
        "(số trước tên là thứ hạng). Đủ {n} đơn vị ở trang “{page}” và tệp Excel tải từ đó.",
        "en": "This slide shows {shown} of {n} units: the {best} highest and the {weakest} lowest totals "
        "(the number before a name is its rank). All {n} are on the “{page}” page and in its Excel file.",
    },
    "present.notes.districts": {
        "vi": "Cao nhất: {best} ({best_total} điểm); thấp nhất: {worst} ({worst_total} điểm).",
        "en": "Highest: {best} ({best_total} points); lowest: {worst} ({worst_total} points).",
    },
    # Who lags
    "present.laggards.title": {
        "vi": "Sở, ngành và huyện yếu nhất",
        "en": "Weakest departments and districts",
    },
    "present.laggards.subtitle": {
        "vi": "Xếp theo % điểm tối đa, với số điểm còn thiếu để lên nhóm trên, năm {year}",
        "en": "By % of the maximum, with the points each misses for the next group, {year}",
    },
    "present.laggards.weakest": {"vi": "{level}: yếu nhất", "en": "{level}: weakest"},
    "present.laggards.level_department": {"vi": "Sở, ngành", "en": "Department"},
    "present.laggards.level_district": {"vi": "Huyện", "en": "District"},
    "present.laggards.level_commune": {"vi": "Xã, phường", "en": "Commune"},
    "present.laggards.col_level": {"vi": "Khối", "en": "Level"},
    "present.laggards.col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "present.laggards.col_share": {"vi": "% tối đa", "en": "% of max"},
    "present.laggards.col_group": {"vi": "Nhóm", "en": "Group"},
    "present.laggards.col_missing": {"vi": "Điểm thiếu để lên nhóm", "en": "Points short of"},
    "present.laggards.missing": {"vi": "{points} → {group}", "en": "{points} → {group}"},
    "present.laggards.empty": {
        "vi": "Năm {year} chưa có kết quả đánh giá các sở, ngành hay huyện của {unit}.",
        "en": "There are no department or district results of {unit} for {year}.",
    },
    "present.notes.laggards": {"vi": "Yếu nhất: {items}.", "en": "Weakest: {items}."},
    # Targets
    "present.targets.title": {"vi": "Tiến độ các mục tiêu của kế hoạch", "en": "Progress on the plan's targets"},
    "present.targets.subtitle": {"vi": "Kế hoạch {plan} năm {year}", "en": "Plan {plan} for {year}"},
    "present.targets.next_year": {
        "vi": "Năm {year} không có kế hoạch riêng; đây là kế hoạch năm {plan_year}, lập sau khi có kết quả năm {year}.",
        "en": "{year} has no plan of its own; this is the {plan_year} plan, made after the {year} results.",
    },
    "present.actions.subtitle_no_plan": {
        "vi": "Điểm có thể giành lại theo mức đơn vị cùng khối đã đạt năm {year}",
        "en": "Points peers proved can be won back in {year}",
    },
    "present.targets.counted_once": {
        "vi": "{name} được kế hoạch ghi ở cả {sections}: tính một lần trong các con số đạt/chưa đạt, "
        "có mặt trong cột của cả hai phần.",
        "en": "{name} is listed by the plan under both {sections}: counted once in the met/not met numbers, "
        "shown in both sections' bars.",
    },
    "present.targets.section_axis": {"vi": "Số mục tiêu", "en": "Targets"},
    "present.targets.gap_title": {"vi": "Chưa đạt, còn cách xa nhất", "en": "Not met, furthest away"},
    "present.targets.target": {"vi": "Mục tiêu", "en": "Target"},
    "present.targets.actual": {"vi": "Thực tế", "en": "Actual"},
    "present.targets.empty": {
        "vi": "Không có kế hoạch năm {year} hoặc {next_year} có mục tiêu của {unit}. Các năm có kế hoạch: {years}.",
        "en": "No plan for {year} or {next_year} has targets of {unit}. Years with a plan: {years}.",
    },
    "present.notes.targets": {
        "vi": "{met} mục tiêu đạt, {not_met} chưa đạt, {no_data} chưa có số liệu trên tổng {total}.",
        "en": "{met} targets met, {not_met} not met, {no_data} without data, of {total}.",
    },
    # Weakest pillars
    "present.weakest.title": {
        "vi": "Chỉ số yếu nhất và số điểm bị mất",
        "en": "Weakest pillars and the points they cost",
    },
    "present.weakest.subtitle": {
        "vi": "Điểm đạt được và điểm còn thiếu so với tối đa, năm {year}",
        "en": "Points scored and points short of the maximum, {year}",
    },
    "present.weakest.scored": {"vi": "Điểm đạt", "en": "Scored"},
    "present.weakest.lost": {"vi": "Điểm mất", "en": "Lost"},
    "present.weakest.total_lost": {"vi": "Tổng điểm bị mất", "en": "Points lost in all"},
    "present.weakest.of": {"vi": "trên tối đa {max}", "en": "of a maximum of {max}"},
    "present.weakest.top_share": {
        "vi": "3 chỉ số yếu nhất chiếm {share} số điểm bị mất",
        "en": "The 3 weakest pillars account for {share} of the points lost",
    },
    "present.weakest.axis": {"vi": "Điểm", "en": "Points"},
    "present.weakest.empty": {
        "vi": "Năm {year} chưa có điểm từng chỉ số của {unit}, nên chưa tính được điểm bị mất.",
        "en": "There are no pillar scores of {unit} for {year}, so the points lost cannot be computed.",
    },
    "present.notes.weakest": {
        "vi": "Ba chỉ số mất nhiều điểm nhất: {items}.",
        "en": "The three pillars losing most points: {items}.",
    },
    "present.weakest.item": {"vi": "{name} (mất {lost}/{max})", "en": "{name} (lost {lost}/{max})"},
    # Closing
    "present.sources.title": {"vi": "Nguồn số liệu", "en": "Sources"},
    "present.sources.subtitle": {
        "vi": "Các văn bản được dẫn trong bài trình bày",
        "en": "The documents this deck cites",
    },
    "present.sources.generated": {
        "vi": "Tạo từ dữ liệu phiên bản {version} ngày {date}.",
        "en": "Built from data version {version} on {date}.",
    },
    "present.sources.none": {"vi": "Chưa có nguồn nào được dẫn.", "en": "No source is cited yet."},
    "present.notes.sources": {
        "vi": "Mọi con số trong bài đều có nguồn; chi tiết xem trên bảng điều hành.",
        "en": "Every figure in the deck has a source; the dashboard shows the details.",
    },
    "present.notes.empty": {"vi": "Trang này chưa có số liệu: {message}", "en": "No figures on this slide: {message}"},
    # Page, controls, exports, kiosk
    "present.heading": {"vi": "Trình chiếu: {unit}, năm {year}", "en": "Presentation: {unit}, {year}"},
    "present.prev": {"vi": "Trang trước (←, PageUp)", "en": "Previous slide (←, PageUp)"},
    "present.next": {"vi": "Trang sau (→, PageDown)", "en": "Next slide (→, PageDown)"},
    "present.fullscreen": {"vi": "Toàn màn hình (F)", "en": "Full screen (F)"},
    "present.export_pptx": {"vi": "Tải PowerPoint", "en": "Download PowerPoint"},
    "present.export_step.start": {"vi": "Đang chuẩn bị tệp…", "en": "Preparing the file…"},
    "present.export_step.charts": {"vi": "Đang vẽ {n} biểu đồ…", "en": "Drawing {n} charts…"},
    "present.export_step.pptx": {"vi": "Đang ghi tệp PowerPoint…", "en": "Writing the PowerPoint file…"},
    "present.export_step.pdf": {"vi": "Đang ghi tệp PDF…", "en": "Writing the PDF file…"},
    "present.export_lost": {
        "vi": "Không còn thấy việc xuất tệp này (máy chủ đã khởi động lại?): hãy bấm tải lại.",
        "en": "This export is no longer known (was the server restarted?): please click download again.",
    },
    "present.export_pdf": {"vi": "Tải PDF", "en": "Download PDF"},
    "present.export_chart": {"vi": "Tải biểu đồ này", "en": "Download this chart"},
    "present.keys_hint": {
        "vi": "← → hoặc PageUp/PageDown để chuyển trang, F để xem toàn màn hình",
        "en": "← → or PageUp/PageDown to move, F for full screen",
    },
    "present.counter": {"vi": "Trang", "en": "Slide"},
    "present.stale": {"vi": "Mất kết nối — dữ liệu lúc {time}", "en": "Connection lost — data as of {time}"},
    "present.bad_interval_title": {"vi": "Khoảng thời gian chuyển trang không hợp lệ", "en": "Invalid slide interval"},
    "present.bad_interval": {
        "vi": "“interval={value}” không phải số giây. Dùng một số nguyên, ví dụ /present?kiosk=1&interval=20 "
        "(từ {low} đến {high} giây; số ngoài khoảng này được đưa về giới hạn gần nhất).",
        "en": "“interval={value}” is not a number of seconds. Use a whole number, e.g. /present?kiosk=1&interval=20 "
        "({low} to {high} seconds; a number outside that range is brought to the nearest limit).",
    },
    "present.no_years": {
        "vi": "Chưa có năm nào có kết quả DTI cấp tỉnh của {unit} để trình chiếu.",
        "en": "There is no year with a provincial DTI result of {unit} to present.",
    },
    "present.export_failed": {
        "vi": "Không xuất được tệp: {reason}. Vui lòng thử lại hoặc báo cho quản trị hệ thống.",
        "en": "The file could not be exported: {reason}. Please try again or tell the system administrator.",
    },
}
