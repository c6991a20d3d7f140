"""Words of the rankings page (`/rankings`)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "rankings.average": {
        "vi": "Trung bình cấp tỉnh (công bố): {value}",
        "en": "Provincial average (published): {value}",
    },
    "rankings.average_computed": {
        "vi": "Trung bình cấp tỉnh: {value} (tính từ {n} tỉnh, không phải số công bố)",
        "en": "Provincial average: {value} (computed from {n} provinces, not a published figure)",
    },
    "rankings.national_dti": {
        "vi": "DTI quốc gia (Bộ công bố): {value}",
        "en": "National DTI (published by the ministry): {value}",
    },
    "rankings.heading.province": {
        "vi": "Xếp hạng DTI cấp tỉnh năm {year}: {unit} trong cả nước",
        "en": "Provincial DTI ranking {year}: {unit} among all provinces",
    },
    "rankings.heading.department": {
        "vi": "Xếp hạng chuyển đổi số các sở, ban, ngành của {unit} năm {year}",
        "en": "Digital transformation ranking of {unit}'s departments, {year}",
    },
    "rankings.heading.district": {
        "vi": "Xếp hạng chuyển đổi số các huyện, thị xã, thành phố của {unit} năm {year}",
        "en": "Digital transformation ranking of {unit}'s districts, {year}",
    },
    "rankings.heading.commune": {
        "vi": "Xếp hạng chuyển đổi số các xã, phường, đặc khu của {unit} năm {year}",
        "en": "Digital transformation ranking of {unit}'s communes, wards and special zones, {year}",
    },
    "rankings.level_label": {"vi": "Cấp xếp hạng", "en": "Ranking level"},
    "rankings.phrase.province": {"vi": "các tỉnh, thành phố", "en": "the provinces"},
    "rankings.phrase.department": {"vi": "các sở, ban, ngành", "en": "the departments"},
    "rankings.phrase.district": {"vi": "các huyện, thị xã, thành phố", "en": "the districts"},
    "rankings.phrase.commune": {"vi": "các xã, phường, đặc khu", "en": "the communes, wards and special zones"},
    "rankings.bad_level_title": {"vi": "Cấp xếp hạng không hợp lệ", "en": "Unknown ranking level"},
    "rankings.bad_level": {
        "vi": "Cấp “{level}” không có trong hệ thống. Hãy chọn một trong các cấp: {levels}.",
        "en": "There is no level “{level}”. Choose one of: {levels}.",
    },
    "rankings.empty_title": {"vi": "Chưa có kết quả xếp hạng", "en": "No ranking results yet"},
    "rankings.empty": {
        "vi": "Năm {year} chưa có kết quả xếp hạng {phrase} trong dữ liệu. Các năm có kết quả: {years}.",
        "en": "There are no ranking results for {phrase} in {year}. Years with results: {years}.",
    },
    "rankings.empty_never": {
        "vi": "Dữ liệu chưa có kết quả xếp hạng {phrase} của năm nào.",
        "en": "The data has no ranking results for {phrase} in any year.",
    },
    "rankings.national_title": {"vi": "Bảng xếp hạng cả nước", "en": "National table"},
    "rankings.national_partial": {
        "vi": "Dữ liệu năm {year} chỉ có thứ hạng công bố của {n}/{field} tỉnh, thành phố.",
        "en": "For {year} the data holds the published rank of only {n} of {field} provinces.",
    },
    "rankings.dti_none": {
        "vi": "Dữ liệu chưa có chỉ số DTI công bố của tỉnh, thành phố nào trong năm này, chỉ có thứ hạng (ô “—”).",
        "en": "The data holds no published DTI score for this year, only ranks (cells “—”).",
    },
    "rankings.dti_partial": {
        "vi": "Chỉ số DTI công bố chỉ có trong dữ liệu cho {n}/{field} tỉnh, thành phố; "
        "các tỉnh, thành phố còn lại chỉ có thứ hạng công bố (ô “—”).",
        "en": "The data holds the published DTI score of only {n} of {field} provinces; "
        "the others have their published rank only (cells “—”).",
    },
    "rankings.map_islands": {"vi": "Đảo, quần đảo", "en": "Islands"},
    "rankings.map_title": {"vi": "Bản đồ thứ hạng", "en": "Rank map"},
    "rankings.bump_title": {"vi": "Thứ hạng qua các năm", "en": "Rank over the years"},
    "rankings.bump_empty": {
        "vi": "Chưa có tỉnh nào có thứ hạng của hơn một năm trong dữ liệu.",
        "en": "No province has a rank for more than one year in the data.",
    },
    "rankings.other_provinces": {"vi": "Tỉnh, thành phố khác", "en": "Other provinces"},
    "rankings.col.rank": {"vi": "Hạng", "en": "Rank"},
    "rankings.col.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "rankings.col.dti": {"vi": "Chỉ số DTI", "en": "DTI score"},
    "rankings.col.tie": {"vi": "Đồng hạng", "en": "Tied"},
    "rankings.col.source": {"vi": "Nguồn", "en": "Source"},
    "rankings.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "rankings.col.total": {"vi": "Tổng điểm", "en": "Total"},
    "rankings.col.share": {"vi": "% tối đa", "en": "% of max"},
    "rankings.col.group": {"vi": "Nhóm", "en": "Group"},
    "rankings.col.published_rank": {"vi": "Hạng công bố", "en": "Published rank"},
    "rankings.col.previous_rank": {"vi": "Hạng {year}", "en": "Rank {year}"},
    "rankings.col.rank_change": {"vi": "Thay đổi hạng", "en": "Rank change"},
    "rankings.col.total_change": {"vi": "Thay đổi điểm", "en": "Points change"},
    "rankings.col.dti_change": {"vi": "Thay đổi DTI", "en": "DTI change"},
    "rankings.col.rank_change_short": {"vi": "± Hạng", "en": "± Rank"},
    "rankings.col.dti_change_short": {"vi": "± DTI", "en": "± DTI"},
    "rankings.new": {"vi": "mới", "en": "new"},
    "rankings.new_title": {
        "vi": "Không có trong bảng xếp hạng năm trước",
        "en": "Not in the previous year's ranking",
    },
    "rankings.national_change_since": {
        "vi": "Thay đổi so với năm {previous}: hạng (▲ tăng, ▼ giảm, “mới”: chưa xếp hạng năm đó) và chỉ số DTI.",
        "en": "Change since {previous}: rank (▲ up, ▼ down, “new”: not ranked then) and DTI value.",
    },
    "rankings.national_change_partial": {
        "vi": "Thay đổi so với năm {previous}: dữ liệu năm {previous} chỉ có thứ hạng của {n}/{field} tỉnh, "
        "các tỉnh còn lại để “—”; thay đổi chỉ số DTI cần giá trị của cả hai năm.",
        "en": "Change since {previous}: the data holds the {previous} rank of {n} of {field} provinces only, "
        "the others show “—”; a DTI change needs the value of both years.",
    },
    "rankings.tie": {"vi": "đồng hạng", "en": "tied"},
    "rankings.rank_axis": {"vi": "Hạng", "en": "Rank"},
    "rankings.map_rank": {"vi": "Hạng", "en": "Rank"},
    "rankings.map_trace": {"vi": "Thứ hạng", "en": "Rank"},
    "rankings.map_unranked": {"vi": "chưa có thứ hạng", "en": "no rank"},
    "rankings.map_focus": {"vi": "Viền {color}: {unit}", "en": "{color} outline: {unit}"},
    "rankings.focus_summary": {"vi": "{unit}: hạng {rank}", "en": "{unit}: rank {rank}"},
    "rankings.table_title": {"vi": "Bảng xếp hạng", "en": "Ranking table"},
    "rankings.bars_title": {"vi": "Tổng điểm theo nhóm", "en": "Totals by group"},
    "rankings.bars_page": {
        "vi": "Các cột là các đơn vị của trang đang xem trong bảng; cả cấp có trong tệp CSV/Excel.",
        "en": "The bars are the units of the table's page shown; the whole level is in the CSV/Excel file.",
    },
    "rankings.search_placeholder": {"vi": "tên đơn vị (có dấu hay không)", "en": "a name, with or without accents"},
    "rankings.bars_axis": {"vi": "Tổng điểm (tối đa {max})", "en": "Total points (max {max})"},
    "rankings.median_note": {
        "vi": "* tính điểm theo phương pháp trung vị (đơn vị không có dịch vụ công; văn bản nguồn đánh dấu *)",
        "en": "* scored by the median method (units without public services; marked * in the source)",
    },
    "rankings.median_title": {"vi": "tính điểm theo phương pháp trung vị", "en": "scored by the median method"},
    "rankings.matches": {"vi": "khớp kết quả tính lại", "en": "matches the recomputed result"},
    "rankings.reason.median_method": {
        "vi": "khác kết quả tính lại: đơn vị tính điểm theo phương pháp trung vị",
        "en": "differs from the recomputed result: scored by the median method",
    },
    "rankings.reason.differs": {
        "vi": "khác kết quả tính lại từ điểm các chỉ số (công bố: {total}, {group})",
        "en": "differs from the total recomputed from the pillar points (published: {total}, {group})",
    },
    "rankings.rank_note": {
        "vi": "Hạng, tổng điểm và nhóm được tính lại từ điểm các chỉ số; hạng công bố đặt bên cạnh để đối chiếu.",
        "en": "Rank, total and group are recomputed from the pillar points; the published rank is shown beside them.",
    },
    "rankings.no_previous_year": {
        "vi": "Không có năm nào trước {year} trong dữ liệu, nên chưa so sánh được thay đổi.",
        "en": "There is no year before {year} in the data, so no change can be shown.",
    },
    "rankings.no_previous_results": {
        "vi": "Năm {previous} chưa có kết quả xếp hạng {phrase} trong dữ liệu, "
        "nên chưa tính được thay đổi so với năm trước.",
        "en": "There are no ranking results for {phrase} in {previous}, so no change since the year before is shown.",
    },
    "rankings.change_since": {
        "vi": "Thay đổi so với năm {previous}: hạng (▲ tăng, ▼ giảm) và tổng điểm.",
        "en": "Change since {previous}: rank (▲ up, ▼ down) and total.",
    },
    "rankings.export.rank": {"vi": "Hạng (tính lại)", "en": "Rank (recomputed)"},
    "rankings.export.total": {"vi": "Tổng điểm (tính lại)", "en": "Total (recomputed)"},
    "rankings.export.max": {"vi": "Điểm tối đa", "en": "Maximum"},
    "rankings.export.share": {"vi": "Tỷ lệ so với tối đa (%)", "en": "Share of maximum (%)"},
    "rankings.export.group": {"vi": "Nhóm (tính lại)", "en": "Group (recomputed)"},
    "rankings.export.published_rank": {"vi": "Hạng công bố", "en": "Published rank"},
    "rankings.export.published_total": {"vi": "Tổng điểm công bố", "en": "Published total"},
    "rankings.export.published_group": {"vi": "Nhóm công bố", "en": "Published group"},
    "rankings.export.median": {"vi": "Tính theo phương pháp trung vị", "en": "Median method"},
    "rankings.export.difference": {"vi": "Khác biệt", "en": "Difference"},
    "rankings.export.previous_rank": {"vi": "Hạng năm {year}", "en": "Rank {year}"},
    "rankings.export.previous_total": {"vi": "Tổng điểm năm {year}", "en": "Total {year}"},
    "rankings.export.previous_dti": {"vi": "Chỉ số DTI năm {year}", "en": "DTI score {year}"},
    "rankings.export.score_source": {"vi": "Nguồn điểm", "en": "Source of the points"},
    "rankings.export.published_source": {"vi": "Nguồn kết quả công bố", "en": "Source of the published result"},
    "rankings.yes": {"vi": "có", "en": "yes"},
}
