"""Words of a unit's own page (`/units/<code>`)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "units.title": {"vi": "DTI — Đơn vị", "en": "DTI — Unit"},
    "units.heading": {"vi": "{unit}: kết quả năm {year}", "en": "{unit}: results {year}"},
    "units.parent": {"vi": "thuộc {parent}", "en": "of {parent}"},
    "units.unknown_title": {"vi": "Không có đơn vị này", "en": "No such unit"},
    "units.unknown": {
        "vi": "Không có đơn vị nào mang mã “{code}” trong dữ liệu. "
        "Hãy chọn đơn vị từ trang Xếp hạng hoặc trang Huyện, thị, thành.",
        "en": "There is no unit with the code “{code}” in the data. "
        "Pick a unit from the Rankings or the Districts page.",
    },
    "units.not_scored_title": {"vi": "Đơn vị không được xếp hạng", "en": "Not a ranked unit"},
    "units.not_scored": {
        "vi": "“{unit}” không phải là đơn vị được chấm điểm DTI, nên không có trang kết quả riêng.",
        "en": "“{unit}” is not a unit scored for the DTI, so it has no results page of its own.",
    },
    "units.no_years_title": {"vi": "Chưa có kết quả", "en": "No results yet"},
    "units.no_years": {
        "vi": "Chưa có kết quả DTI nào được công bố hay chấm điểm cho “{unit}”: không có giá trị, thứ hạng hay điểm "
        "từng chỉ số. Trang sẽ có số liệu khi quản trị viên nạp kết quả cấp {level} tại /admin.",
        "en": "No DTI result has been published or scored for “{unit}” yet: no value, rank or points per index. "
        "The page fills once an admin imports the {level} results at /admin.",
    },
    "units.bad_year_title": {"vi": "Năm không có kết quả", "en": "No results that year"},
    "units.bad_year": {
        "vi": "“{unit}” không có kết quả năm “{year}”: không có giá trị, thứ hạng hay điểm từng chỉ số. Các năm có kết "
        "quả: {years}. Năm đó sẽ có số liệu khi quản trị viên nạp kết quả cấp {level} của năm tại /admin.",
        "en": "“{unit}” has no results for the year “{year}”: no value, rank or points per index. Years with "
        "results: {years}. That year fills once an admin imports its {level} results at /admin.",
    },
    "units.bad_year_ended": {
        "vi": "“{unit}” không có kết quả năm “{year}”: đơn vị đã sáp nhập trước năm đó. Các năm có kết quả: {years}.",
        "en": "“{unit}” has no results for the year “{year}”: it had merged before then. Years with results: {years}.",
    },
    "units.total": {"vi": "Tổng điểm", "en": "Total points"},
    "units.total_share": {"vi": "{share} điểm tối đa", "en": "{share} of the maximum"},
    "units.total_unknown": {
        "vi": "Nguồn chỉ công bố thứ hạng năm này.",
        "en": "The sources publish only the rank this year.",
    },
    "units.published_index": {"vi": "Chỉ số công bố: {value}", "en": "Published index: {value}"},
    "units.rank": {"vi": "Xếp hạng trong khối", "en": "Rank in its level"},
    "units.rank_sub": {"vi": "hạng {rank} trong {n} {level}", "en": "{rank} of {n} {level}"},
    "units.group": {"vi": "Nhóm", "en": "Group"},
    "units.group_bound": {
        "vi": "từ {share} điểm tối đa ({points} điểm)",
        "en": "from {share} of the maximum ({points} points)",
    },
    "units.no_group": {
        "vi": "Khung đánh giá năm {year} của cấp này không chia nhóm.",
        "en": "The {year} framework of this level has no groups.",
    },
    "units.next": {"vi": "Còn thiếu để lên nhóm {group}", "en": "Missing to reach {group}"},
    "units.next_value": {"vi": "{points} điểm", "en": "{points} points"},
    "units.next_sub": {
        "vi": "nhóm {group} từ {share} = {target} điểm",
        "en": "{group} starts at {share} = {target} points",
    },
    "units.top": {"vi": "Nhóm cao nhất", "en": "Top group"},
    "units.top_value": {"vi": "Đã đạt", "en": "Reached"},
    "units.top_sub": {
        "vi": "Đơn vị đã ở nhóm cao nhất ({group}).",
        "en": "The unit is already in the top group ({group}).",
    },
    "units.next_unknown": {"vi": "Nhóm tiếp theo", "en": "Next group"},
    "units.thresholds": {"vi": "Ngưỡng nhóm năm {year}: {bounds}", "en": "Group bounds {year}: {bounds}"},
    "units.differs": {
        "vi": "Số công bố khác số tính lại từ điểm các chỉ số: {fields}.",
        "en": "The published figures differ from those recomputed from the pillar points: {fields}.",
    },
    "units.field_total": {
        "vi": "tổng {published} (công bố) / {computed} (tính lại)",
        "en": "total {published} (published) / {computed} (recomputed)",
    },
    "units.field_rank": {"vi": "hạng {published} / {computed}", "en": "rank {published} / {computed}"},
    "units.field_group": {"vi": "nhóm {published} / {computed}", "en": "group {published} / {computed}"},
    "units.median_method": {
        "vi": "Đơn vị không có dịch vụ công, được tính điểm theo phương pháp trung vị (dấu * trong nguồn).",
        "en": "A unit without public services, scored by the median method (marked * in the source).",
    },
    "units.radar_title": {"vi": "Các chỉ số chính (% điểm tối đa)", "en": "Pillars (% of maximum)"},
    "units.best_unit": {"vi": "Dẫn đầu khối: {name}", "en": "Level's best: {name}"},
    "units.level_highest": {"vi": "Cao nhất khối", "en": "Level's highest"},
    "units.median_of": {"vi": "Trung vị {n} đơn vị", "en": "Median of {n} units"},
    "units.bars_title": {"vi": "Điểm từng chỉ số so với tối đa", "en": "Points per pillar against the maximum"},
    "units.bar_points": {"vi": "Điểm đạt", "en": "Points"},
    "units.bar_max": {"vi": "Điểm tối đa", "en": "Maximum"},
    "units.bar_best": {"vi": "Cao nhất trong khối", "en": "Highest in the level"},
    "units.bar_median": {"vi": "Trung vị của khối", "en": "Level's median"},
    "units.best_holder": {"vi": "{name}", "en": "{name}"},
    "units.best_holders": {"vi": "{name} và {more} đơn vị khác", "en": "{name} and {more} others"},
    "units.scored_of": {
        "vi": "Khối so sánh: {scored} trong {n} đơn vị có điểm từng chỉ số.",
        "en": "Compared with the {scored} of {n} units whose pillar points are known.",
    },
    "units.lost_title": {"vi": "Điểm bị mất ở đâu", "en": "Where the points went"},
    "units.lost_total": {
        "vi": "Tổng cộng mất {lost} điểm so với tối đa {max}.",
        "en": "{lost} points lost in all, of a maximum of {max}.",
    },
    "units.lost_points": {"vi": "−{points}", "en": "−{points}"},
    "units.lost_full": {"vi": "đạt tối đa", "en": "full marks"},
    "units.lost_of": {"vi": "{points}/{max} điểm", "en": "{points}/{max} points"},
    "units.lost_tasks": {"vi": "Nhiệm vụ mất điểm nhiều nhất", "en": "Tasks losing most points"},
    "units.no_pillars_title": {"vi": "Chưa có điểm từng chỉ số", "en": "No pillar points yet"},
    "units.no_pillars.value": {
        "vi": "Năm {year}, dữ liệu có giá trị tổng ({value}) và thứ hạng {rank} của {unit}, nhưng chưa có điểm từng "
        "chỉ số chính.",
        "en": "For {year} the data has {unit}'s overall value ({value}) and rank {rank}, but no points per main index.",
    },
    "units.no_pillars.value_only": {
        "vi": "Năm {year}, dữ liệu có giá trị tổng ({value}) của {unit}, chưa có thứ hạng hay điểm từng chỉ số chính.",
        "en": "For {year} the data has {unit}'s overall value ({value}), with no rank and no points per main index.",
    },
    "units.no_pillars.rank_only": {
        "vi": "Năm {year}, dữ liệu chỉ có thứ hạng công bố của {unit} ({rank}): chưa có giá trị tổng hay điểm từng "
        "chỉ số chính.",
        "en": "For {year} the data has only {unit}'s published rank ({rank}): no overall value, "
        "no points per main index.",
    },
    "units.no_pillars.nothing": {
        "vi": "Năm {year}, dữ liệu chưa có giá trị, thứ hạng hay điểm từng chỉ số chính của {unit}.",
        "en": "For {year} the data has no value, rank or points per main index for {unit}.",
    },
    "units.no_pillars.fill": {
        "vi": "Để có điểm từng chỉ số: quản trị viên nạp khung tiêu chí và mẫu “Điểm” năm {year}, "
        "cấp {level} tại /admin.",
        "en": "To show points per index: an admin imports the {year} framework and “Scores” template for the "
        "{level} level at /admin.",
    },
    "units.history_title": {"vi": "Qua các năm", "en": "Over the years"},
    "units.indices_title": {
        "vi": "Chỉ số công bố năm {year} (giá trị 0–1, hạng toàn quốc)",
        "en": "Published indices {year} (value 0–1, national rank)",
    },
    "units.index": {"vi": "Chỉ số", "en": "Index"},
    "units.index_value": {"vi": "Giá trị", "en": "Value"},
    "units.index_rank": {"vi": "Hạng", "en": "Rank"},
    "units.index_pillar": {"vi": "trụ cột", "en": "pillar"},
    "units.history_one": {
        "vi": "Mới có kết quả của một năm ({year}), nên chưa vẽ được diễn biến qua các năm.",
        "en": "Results are published for one year only ({year}), so there is no history to draw yet.",
    },
    "units.history_axis": {"vi": "Thứ hạng", "en": "Rank"},
    "units.col_year": {"vi": "Năm", "en": "Year"},
    "units.col_total": {"vi": "Tổng điểm", "en": "Total"},
    "units.col_rank": {"vi": "Hạng", "en": "Rank"},
    "units.col_group": {"vi": "Nhóm", "en": "Group"},
    "units.sources_title": {"vi": "Nguồn số liệu của đơn vị", "en": "Sources of this unit's figures"},
    "units.unit_note": {"vi": "Ghi chú về đơn vị: {note}", "en": "Note on the unit: {note}"},
    "units.export_year": {"vi": "Năm", "en": "Year"},
    "units.export_unit": {"vi": "Đơn vị", "en": "Unit"},
    "units.export_pillar": {"vi": "Chỉ số chính", "en": "Pillar"},
    "units.export_points": {"vi": "Điểm", "en": "Points"},
    "units.export_max": {"vi": "Điểm tối đa", "en": "Maximum"},
    "units.export_share": {"vi": "% tối đa", "en": "% of maximum"},
    "units.export_lost": {"vi": "Điểm bị mất", "en": "Points lost"},
    "units.export_best": {"vi": "Cao nhất trong khối", "en": "Highest in the level"},
    "units.export_median": {"vi": "Trung vị của khối", "en": "Level's median"},
    "units.export_source": {"vi": "Nguồn", "en": "Source"},
    "units.file_pillars": {"vi": "diem-chi-so-{unit}-{year}", "en": "pillar-points-{unit}-{year}"},
    "units.level_phrase.province": {"vi": "tỉnh, thành phố", "en": "provinces"},
    "units.level_phrase.department": {"vi": "sở, ban, ngành", "en": "departments"},
    "units.level_phrase.district": {"vi": "huyện, thị xã, thành phố", "en": "districts"},
    "units.level_phrase.commune": {"vi": "xã, phường, đặc khu", "en": "communes, wards and special zones"},
    "units.divided_into": {
        "vi": "Đã sắp xếp thành các xã/phường:",
        "en": "Reorganised into the communes/wards:",
    },
    "units.divided_date": {"vi": "(từ ngày {date})", "en": "(from {date})"},
    "units.bad_year_divided": {
        "vi": "“{unit}” không có kết quả năm “{year}”: từ ngày {date} không còn cấp huyện. Các năm có kết quả: "
        "{years}.",
        "en": "“{unit}” has no results for the year “{year}”: districts are gone since {date}. Years with results: "
        "{years}.",
    },
}
