"""Words of the what-if simulator (`/whatif`) and of the action list ("Khuyến nghị").

Templates with `{placeholders}` are filled in the browser too (assets/whatif.js) from the copies
the page sends once, so the words stay here, in one table.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "nav.whatif": {"vi": "Giả định", "en": "What-if"},
    "title.whatif": {"vi": "Giả định: làm gì để tăng hạng", "en": "What-if: what gains rank"},
    "whatif.heading": {
        "vi": "{unit}: nếu điểm năm {year} khác đi",
        "en": "{unit}: what if {year} had scored otherwise",
    },
    "whatif.unit_page": {"vi": "Trang của đơn vị", "en": "The unit's page"},
    "whatif.open": {"vi": "Thử giả định", "en": "Try a what-if"},
    "whatif.no_points_title": {"vi": "Chưa có điểm từng chỉ số", "en": "No main-index points"},
    "whatif.no_points": {
        "vi": "Nguồn chưa có điểm từng chỉ số chính của {unit} năm {year}, nên không thể giả định. "
        "Các năm có điểm: {years}.",
        "en": "The sources give no main-index points for {unit} in {year}, so there is nothing to vary. "
        "Years with points: {years}.",
    },
    "whatif.total": {"vi": "Tổng điểm giả định", "en": "Total in this scenario"},
    "whatif.total_sub": {"vi": "công bố {published} · {delta}", "en": "published {published} · {delta}"},
    "whatif.index_sub": {
        "vi": "Chỉ số DTI: {value} (công bố {published})",
        "en": "DTI: {value} (published {published})",
    },
    "whatif.rank": {"vi": "Hạng giả định", "en": "Rank in this scenario"},
    "whatif.rank_sub": {
        "vi": "công bố: hạng {published} trong {n} {level}",
        "en": "published: {published} of {n} {level}",
    },
    "whatif.rank_among": {
        "vi": "trong {n} tỉnh có giá trị công bố năm {year} (hạng công bố {published}/{field})",
        "en": "among the {n} provinces with a published value in {year} (published rank {published}/{field})",
    },
    "whatif.group": {"vi": "Nhóm giả định", "en": "Group in this scenario"},
    "whatif.group_sub": {"vi": "công bố: {group}", "en": "published: {group}"},
    "whatif.no_group": {"vi": "Cấp này không chia nhóm năm {year}.", "en": "This level has no groups in {year}."},
    "whatif.next": {"vi": "Còn thiếu để lên nhóm {group}", "en": "Missing to reach {group}"},
    "whatif.next_value": {"vi": "{points} điểm", "en": "{points} points"},
    "whatif.top": {"vi": "Đã ở nhóm cao nhất", "en": "In the top group"},
    "whatif.controls_title": {"vi": "Điểm từng chỉ số chính", "en": "Points per main index"},
    "whatif.controls_help": {
        "vi": "Kéo hoặc nhập điểm mới; các đơn vị khác giữ nguyên điểm công bố.",
        "en": "Drag or type new points; every other unit keeps its published total.",
    },
    "whatif.control_sub": {
        "vi": "công bố {points} · cao nhất khối {best} · tối đa {max}",
        "en": "published {points} · level's highest {best} · maximum {max}",
    },
    "whatif.box_help": {
        "vi": "Nhập điểm từ 0 đến {max} (dấu phẩy hoặc dấu chấm thập phân)",
        "en": "Type points from 0 to {max} (a decimal point or comma)",
    },
    "whatif.tasks": {"vi": "Từng nhiệm vụ có điểm ({n})", "en": "Each task with points ({n})"},
    "whatif.task_sub": {"vi": "công bố {points} · tối đa {max}", "en": "published {points} · maximum {max}"},
    "whatif.reset": {"vi": "Đặt lại", "en": "Reset"},
    "whatif.reset_help": {"vi": "Trở về số liệu công bố", "en": "Back to the published figures"},
    "whatif.ranking_title": {"vi": "Vị trí trong khối", "en": "Place in the level"},
    "whatif.ranking_scenario": {"vi": "Giả định", "en": "Scenario"},
    "whatif.ranking_published": {"vi": "Công bố", "en": "Published"},
    "whatif.ranking_move": {"vi": "hạng {before} → {after}", "en": "rank {before} → {after}"},
    "whatif.axis_points": {"vi": "Tổng điểm", "en": "Total points"},
    "whatif.up": {"vi": "tăng {n} bậc", "en": "up {n}"},
    "whatif.down": {"vi": "giảm {n} bậc", "en": "down {n}"},
    "whatif.same": {"vi": "giữ hạng", "en": "same rank"},
    "whatif.goal_title": {"vi": "Cần bao nhiêu điểm để…", "en": "How many points to…"},
    "whatif.goal_kind": {"vi": "Mục tiêu", "en": "Goal"},
    "whatif.goal_group": {"vi": "lên nhóm", "en": "reach the group"},
    "whatif.goal_rank": {"vi": "đạt hạng", "en": "reach the rank"},
    "whatif.goal_value": {"vi": "đạt tổng điểm", "en": "reach the total"},
    "whatif.goal_value_index": {"vi": "đạt chỉ số DTI", "en": "reach the DTI value"},
    "whatif.goal_target": {"vi": "hạng / điểm", "en": "rank / points"},
    "whatif.goal_go": {"vi": "Tính", "en": "Work it out"},
    "whatif.goal_apply": {"vi": "Áp dụng vào giả định", "en": "Apply to the scenario"},
    "whatif.goal_needed": {
        "vi": "Cần thêm {needed} điểm (từ {total} lên {target}).",
        "en": "{needed} more points needed (from {total} to {target}).",
    },
    "whatif.goal_met": {
        "vi": "Đã đạt mục tiêu này theo số liệu công bố.",
        "en": "The published figures already meet it.",
    },
    "whatif.goal_proven": {
        "vi": "Chỉ cần những mức điểm đơn vị cùng khối đã đạt được năm {year}.",
        "en": "Only gains a peer of the same level achieved in {year}.",
    },
    "whatif.goal_beyond": {
        "vi": "Mức điểm các đơn vị cùng khối đã đạt chưa đủ: phải vượt mức cao nhất khối ở chỉ số đánh dấu.",
        "en": "The gains peers achieved are not enough: the marked indices must go beyond the level's highest.",
    },
    "whatif.goal_unreachable": {
        "vi": "Không thể đạt, kể cả khi mọi chỉ số đạt điểm tối đa.",
        "en": "Out of reach, even with every index at its maximum.",
    },
    "whatif.goal_impossible": {"vi": "Mục tiêu không hợp lệ: {target}.", "en": "Not a goal this level has: {target}."},
    "whatif.gain": {"vi": "{index}: {before} → {after} (+{gain})", "en": "{index}: {before} → {after} (+{gain})"},
    "whatif.gain_proven": {"vi": "đã có đơn vị cùng khối đạt", "en": "a peer has achieved it"},
    "whatif.gain_beyond": {"vi": "vượt mức cao nhất khối", "en": "beyond the level's highest"},
    "whatif.field_note": {
        "vi": "So với {n} trong {field} tỉnh có giá trị DTI công bố năm {year}; các tỉnh khác chỉ có thứ hạng.",
        "en": "Compared with the {n} of {field} provinces whose DTI value is published for {year}; "
        "the others have a rank only.",
    },
    "actions.title": {"vi": "Khuyến nghị", "en": "Recommendations"},
    "actions.intro": {
        "vi": "Các chỉ số chính xếp theo số điểm có thể giành lại, căn cứ mức đơn vị cùng khối đã đạt năm {year}.",
        "en": "Main indices ranked by the points that can be won back, as peers of the level achieved in {year}.",
    },
    "actions.gain": {"vi": "+{gain} điểm", "en": "+{gain} points"},
    "actions.no_gain_badge": {"vi": "chưa có đơn vị vượt", "en": "no peer scored more"},
    "actions.figures": {
        "vi": "Đạt {points}/{max} điểm, mất {lost} điểm. {above} đơn vị cùng khối đạt cao hơn (cao nhất {best}); "
        "{at_max} đơn vị đạt tối đa.",
        "en": "{points}/{max} points, {lost} lost. {above} peers of the level scored more (highest {best}); "
        "{at_max} reached the maximum.",
    },
    "actions.effect": {
        "vi": "Nâng lên {best} điểm (+{gain}) thì tổng {total}, hạng {rank}/{n}{group}.",
        "en": "Raised to {best} points (+{gain}), the total would be {total}, rank {rank}/{n}{group}.",
    },
    "actions.effect_group": {"vi": ", nhóm {group}", "en": ", group {group}"},
    "actions.no_peer": {
        "vi": "Đạt {points}/{max} điểm, mất {lost} điểm; chưa đơn vị cùng khối nào đạt cao hơn.",
        "en": "{points}/{max} points, {lost} lost; no peer of the level scored more.",
    },
    "actions.responsible": {"vi": "Chịu trách nhiệm theo Kế hoạch {plan}:", "en": "Responsible under Plan {plan}:"},
    "actions.every": {
        "vi": "Với mọi chỉ số, theo Kế hoạch {plan}:",
        "en": "For every index, under Plan {plan}:",
    },
    "actions.no_plan": {
        "vi": "Chưa có kế hoạch phân công cho năm {year} hoặc năm sau.",
        "en": "No plan assigns responsibilities for {year} or the year after.",
    },
    "actions.inferred": {
        "vi": "* Kế hoạch giao nhiệm vụ, không ghi chỉ số chính: việc gán nhiệm vụ vào chỉ số là suy ra.",
        "en": "* The plan assigns the duty, not the main index: the index it is shown under is inferred.",
    },
    "actions.tasks_title": {
        "vi": "Theo nhiệm vụ có điểm ({n} nhiệm vụ còn mất điểm)",
        "en": "By task with points ({n} tasks losing points)",
    },
    "actions.tasks_intro": {
        "vi": "Điểm có thể giành lại là phần còn thiếu đến tối đa của nhiệm vụ: nguồn không công bố điểm "
        "nhiệm vụ của đơn vị khác.",
        "en": "The winnable points are what the task misses of its maximum: the sources publish no other "
        "unit's task points.",
    },
    "actions.tasks_more": {"vi": "Các nhiệm vụ khác ({n})", "en": "The other tasks ({n})"},
    "actions.task_text": {
        "vi": "{index}: {points}/{max} điểm. Đạt tối đa nhiệm vụ này: tổng {total}, hạng {rank}/{n}{group}.",
        "en": "{index}: {points}/{max} points. Full marks on this task: total {total}, rank {rank}/{n}{group}.",
    },
    "actions.try": {"vi": "Thử trong giả định", "en": "Try it in the what-if"},
    "actions.none": {"vi": "Đơn vị đạt tối đa mọi chỉ số chính.", "en": "Full marks on every main index."},
    "present.actions.subtitle": {
        "vi": "Điểm có thể giành lại theo mức đơn vị cùng khối đã đạt năm {year}; phân công theo Kế hoạch {plan}",
        "en": "Points peers proved can be won back in {year}; responsibilities under Plan {plan}",
    },
    "present.actions.col_index": {"vi": "Chỉ số chính", "en": "Main index"},
    "present.actions.col_points": {"vi": "Điểm", "en": "Points"},
    "present.actions.col_gain": {"vi": "Có thể giành", "en": "Winnable"},
    "present.actions.col_then": {"vi": "Nếu đạt", "en": "If won"},
    "present.actions.col_who": {"vi": "Chịu trách nhiệm", "en": "Responsible"},
    "present.actions.then": {"vi": "{total} · hạng {rank}/{n}", "en": "{total} · rank {rank}/{n}"},
    "present.actions.every": {
        "vi": "Với mọi chỉ số (Kế hoạch {plan}): {who}.",
        "en": "For every index (Plan {plan}): {who}.",
    },
    "present.actions.empty": {
        "vi": "Chưa có điểm từng chỉ số của {unit} năm {year} để so với các đơn vị cùng khối.",
        "en": "No main-index points for {unit} in {year} to compare with its peers.",
    },
}
