"""Builders of the what-if page (`/whatif`): the data the browser recomputes from, the result cards,
one control per main index, the level's ranking card and the goal-seeking list.

Pure functions of a `WhatIfSetting` and a scenario. The recomputation itself runs in the browser
(assets/whatif.js, `whatif.recompute`) from `browser_data`, sent once with the page: moving a
control costs no request. The cards are drawn here with the scenario's first figures so the page
reads right before the script runs, and the script rewrites the same elements.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import dcc, html

from components.cards import source_card
from components.citations import cite, readable_citation
from components.formatting import SEPARATORS, format_number, format_points
from components.i18n import t
from components.kpi import kpi_card
from components.loading import slow_work
from components.rankings import group_badge
from components.theme import SERIES_COLORS, base_layout, group_color, ink
from domain.colour import text_on
from domain.text import localized
from domain.vocabulary import EVERY_PILLAR, INFERRED_MAPPING, Threshold, group_code
from domain.whatif import (
    GOAL_GROUP,
    GOAL_RANK,
    GOAL_VALUE,
    Action,
    ActionList,
    Outcome,
    Plan,
    WhatIfSetting,
)

TOTAL = "whatif-total"
TOTAL_SUB = "whatif-total-sub"
RANK = "whatif-rank"
RANK_SUB = "whatif-rank-sub"
GROUP = "whatif-group"
NEXT = "whatif-next"
NEXT_LABEL = "whatif-next-label"
RANKING = "whatif-ranking"
RANKING_MOVE = "whatif-ranking-move"
RESET = "whatif-reset"
POINTS = "whatif-points"
POINTS_BOX = "whatif-points-box"
TASK = "whatif-task"
TASK_BOX = "whatif-task-box"
GOAL_KIND = "whatif-goal-kind"
GOAL_TARGET = "whatif-goal-target"
GOAL_GO = "whatif-goal-go"
GOAL_APPLY = "whatif-goal-apply"
PLAN_LIST = "whatif-plan"
# Tasks the action card lists before folding the rest away.
TASKS_SHOWN = 5
# Rows of the level's ranking chart, in pixels, and the room for the axis.
ROW_PX = 26
CHART_MARGIN_PX = 70


def points_id(code: str, kind: str = POINTS) -> dict[str, str]:
    """The pattern-matching id of a control: a main index's or a task's slider or number box."""
    return {"type": kind, "index": code}


def _group_style(threshold: Threshold) -> dict[str, str]:
    color = group_color(threshold.code)
    return {"background": color, "color": text_on(color, dark=ink("light")["text"], light="#ffffff")}


def browser_data(setting: WhatIfSetting, *, theme: str, lang: str) -> dict:
    """Everything `whatif.recompute` needs, as plain JSON: the indices, the level held fixed, the words.

    The unit's own row of `table` is left out of `others` and drawn from the scenario instead.
    """
    standing = setting.standing
    level = setting.info.kind
    code = setting.info.code
    words = {
        key: t(f"whatif.{key}", lang)
        for key in (
            "total_sub",
            "index_sub",
            "rank_sub",
            "rank_among",
            "group_sub",
            "next",
            "next_value",
            "top",
            "ranking_scenario",
            "ranking_published",
            "ranking_move",
            "axis_points",
            "up",
            "down",
            "same",
        )
    }
    words["level"] = t(f"units.level_phrase.{level}", lang)
    published_group = next((row for row in setting.table.itertuples() if row.unit_code == code), None)
    return {
        "unit": code,
        "year": setting.year,
        "name": localized(setting.info, "name", lang),
        "indices": [
            {"code": row.pillar_code, "points": float(row.points), "max": float(row.max_points)}
            for row in setting.indices.itertuples()
        ],
        "tasks": [
            {"code": row.task_code, "index": row.pillar_code, "points": float(row.points), "max": float(row.max_points)}
            for row in setting.tasks.itertuples()
        ],
        "total": standing.total,
        "max_total": standing.max_total,
        "others": [
            {"name": localized(row, "unit_name", lang), "points": float(row.points)}
            for row in setting.table.itertuples()
            if row.unit_code != code
        ],
        "thresholds": [
            {"group": th.group, "min_share": th.min_share, "style": _group_style(th)}
            for th in sorted(standing.thresholds, key=lambda th: -th.min_share)
        ],
        "is_index": setting.is_index,
        "published_rank": setting.published_rank,
        "published_group": published_group.group_name if published_group is not None else None,
        "level_size": setting.level_size,
        "separators": dict(zip(("decimal", "thousands"), SEPARATORS.get(lang, SEPARATORS["vi"]), strict=True)),
        "words": words,
        "colors": {
            "focus": SERIES_COLORS["focus"],
            "others": ink(theme)["muted"],
            "published": ink(theme)["text"],
            "grid": ink(theme)["grid"],
        },
        "layout": base_layout(theme, lang),
        "row_px": ROW_PX,
        "margin_px": CHART_MARGIN_PX,
        # The elements the script writes the figures into.
        "ids": {
            "total": TOTAL,
            "total_sub": TOTAL_SUB,
            "rank": RANK,
            "group": GROUP,
            "next": NEXT,
            "next_label": NEXT_LABEL,
            "move": RANKING_MOVE,
            "ranking": RANKING,
            "apply": GOAL_APPLY,
        },
        # The controls' id types: the script listens to them and sets the ones that follow a move.
        "controls": {"index": POINTS, "index_box": POINTS_BOX, "task": TASK, "task_box": TASK_BOX},
    }


def _index_text(total: float, setting: WhatIfSetting, lang: str) -> str:
    return format_number(total / setting.standing.max_total, 4, lang)


def result_cards(setting: WhatIfSetting, start: Outcome, *, lang: str, source: str) -> dbc.Row:
    """Total, rank, group and the points still missing, drawn for the scenario the page opens with."""
    standing = setting.standing
    if setting.is_index:
        total_value = _index_text(start.total, setting, lang)
        total_sub = t(
            "whatif.index_sub",
            lang,
            value=f"{format_points(start.total, lang)} / {format_points(standing.max_total, lang)}",
            published=_index_text(standing.total, setting, lang),
        )
        rank_sub = t(
            "whatif.rank_among",
            lang,
            n=standing.rank_of,
            year=setting.year,
            published=setting.published_rank or "—",
            field=setting.level_size,
        )
    else:
        total_value = f"{format_points(start.total, lang)} / {format_points(standing.max_total, lang)}"
        delta = round(start.total - standing.total, 2)
        change = t("whatif.same", lang) if delta == 0 else ("+" if delta > 0 else "") + format_points(delta, lang)
        total_sub = t("whatif.total_sub", lang, published=format_points(standing.total, lang), delta=change)
        rank_sub = t(
            "whatif.rank_sub",
            lang,
            published=setting.published_rank or "—",
            n=setting.level_size,
            level=t(f"units.level_phrase.{setting.info.kind}", lang),
        )
    cards = [
        kpi_card(
            t("whatif.total", lang),
            total_value,
            value_id=TOTAL,
            footer=html.Span(total_sub, id=TOTAL_SUB, className="kpi-sub"),
            source=source,
        ),
        kpi_card(
            t("whatif.rank", lang),
            f"{start.rank}/{start.rank_of}",
            value_id=RANK,
            footer=html.Span(rank_sub, id=RANK_SUB, className="kpi-sub"),
            source=source,
        ),
    ]
    if standing.thresholds:
        cards.append(
            kpi_card(
                t("whatif.group", lang),
                group_badge(start.group, group_code(start.group, standing.thresholds), lang),
                value_id=GROUP,
                footer=html.Span(t("whatif.group_sub", lang, group=start.group or "—"), className="kpi-sub"),
                source=source,
            )
        )
        if start.next_group:
            value = t("whatif.next_value", lang, points=format_points(start.missing_points, lang))
            label = t("whatif.next", lang, group=start.next_group)
        else:
            value, label = "✓", t("whatif.top", lang)
        footer = html.Span(label, id=NEXT_LABEL, className="kpi-sub")
        cards.append(kpi_card(t("units.next_unknown", lang), value, value_id=NEXT, footer=footer))
    width = 12 // len(cards)
    return dbc.Row([dbc.Col(card, xs=12, sm=6, xl=width) for card in cards], className="g-3 units-cards whatif-cards")


def _number_box(code: str, kind: str, value: float, top: float, lang: str, label: str) -> html.Label:
    """The points as text with the language's decimal mark ("133,02"): a number box would print the
    browser's own ("133.02"). The browser reads a comma or a point (assets/whatif.js). The label,
    hidden but read out, names what the box is for."""
    box = dcc.Input(
        id=points_id(code, kind),
        type="text",
        inputMode="decimal",
        value=format_points(value, lang),
        className="form-control form-control-sm",
    )
    return html.Label(
        [html.Span(label, className="visually-hidden"), box],
        className="whatif-box",
        title=t("whatif.box_help", lang, max=format_points(top, lang)),
    )


def _slider(code: str, kind: str, value: float, top: float, marks: dict) -> dcc.Slider:
    return dcc.Slider(
        id=points_id(code, kind),
        min=0,
        max=top,
        step=0.01,
        value=value,
        marks=marks,
        updatemode="drag",
        allow_direct_input=False,
        className="whatif-slider",
    )


def _task_control(row, value: float, lang: str) -> html.Div:
    """One task of a main index: its name, a slider bounded by the task's maximum and its points."""
    top = float(row.max_points)
    marks = {float(row.points): {"label": "●", "style": {"color": SERIES_COLORS["focus"]}}}
    return html.Div(
        [
            html.Div(row.task_name, className="whatif-task-name", title=row.task_name),
            html.Div(
                [
                    _slider(row.task_code, TASK, value, top, marks),
                    _number_box(row.task_code, TASK_BOX, value, top, lang, row.task_name),
                ],
                className="whatif-control-row",
            ),
            html.Div(
                t("whatif.task_sub", lang, points=format_points(row.points, lang), max=format_points(top, lang)),
                className="kpi-sub",
            ),
        ],
        className="whatif-task",
    )


def _control(row, value: float, tasks: list, lang: str, *, unfold: bool = False) -> html.Div:
    """One main index: its name, a slider bounded by its maximum, the published and peers' points, and
    one control per task with printed points (folded unless the scenario changes one): moving a task
    moves the index."""
    best = row.peer_best if row.peer_best == row.peer_best else None  # NaN where the unit has no peer
    top = float(row.max_points)
    marks = {float(row.points): {"label": "●", "style": {"color": SERIES_COLORS["focus"]}}}
    if best is not None and best != row.points:
        marks[float(best)] = {"label": "▲", "style": {"color": SERIES_COLORS["leader"]}}
    name = localized(row, "pillar_name", lang)
    children = [
        html.Div(name, className="whatif-control-name"),
        html.Div(
            [
                _slider(row.pillar_code, POINTS, value, top, marks),
                _number_box(row.pillar_code, POINTS_BOX, value, top, lang, name),
            ],
            className="whatif-control-row",
        ),
        html.Div(
            t(
                "whatif.control_sub",
                lang,
                points=format_points(row.points, lang),
                best=format_points(best, lang),
                max=format_points(top, lang),
            ),
            className="kpi-sub",
        ),
    ]
    if tasks:
        children.append(
            html.Details(
                [html.Summary(t("whatif.tasks", lang, n=len(tasks)), className="whatif-tasks-summary"), *tasks],
                className="whatif-tasks",
                id=f"whatif-tasks-{row.pillar_code}",
                open=unfold,
            )
        )
    return html.Div(children, className="whatif-control")


def _tasks_of(setting: WhatIfSetting, code: str) -> list:
    """The rows of the index's tasks with printed points, in the framework's order."""
    if setting.tasks.empty:
        return []
    return list(setting.tasks[setting.tasks["pillar_code"] == code].itertuples())


def controls_card(
    setting: WhatIfSetting,
    scenario: Mapping[str, float],
    *,
    lang: str,
    source: str,
    tasks: Mapping[str, float] | None = None,
) -> dbc.Card:
    """One slider per counted main index, starting at the scenario's points, each with its tasks'
    sliders where the sources print task points (`tasks`: the scenario's task points), and "đặt lại"."""
    tasks = tasks or {}
    reset = dbc.Button(
        [html.I(className="bi bi-arrow-counterclockwise me-1"), t("whatif.reset", lang)],
        id=RESET,
        color="secondary",
        outline=True,
        size="sm",
        title=t("whatif.reset_help", lang),
    )
    rows = []
    for row in setting.indices.itertuples():
        own = _tasks_of(setting, row.pillar_code)
        task_rows = [_task_control(task, tasks.get(task.task_code, task.points), lang) for task in own]
        unfold = any(task.task_code in tasks for task in own)
        rows.append(_control(row, scenario.get(row.pillar_code, row.points), task_rows, lang, unfold=unfold))
    return source_card(
        t("whatif.controls_title", lang),
        [html.Div(t("whatif.controls_help", lang), className="kpi-sub"), *rows],
        header_extra=reset,
        source=source,
    )


def ranking_card(setting: WhatIfSetting, *, lang: str, source: str) -> dbc.Card:
    """The level's published totals with the scenario's unit among them; the browser draws the figure."""
    notes = []
    if setting.is_index:
        notes.append(
            html.Div(
                t("whatif.field_note", lang, n=len(setting.table), field=setting.level_size, year=setting.year),
                className="kpi-sub",
            )
        )
    height = ROW_PX * (len(setting.table) or 1) + CHART_MARGIN_PX
    return source_card(
        t("whatif.ranking_title", lang),
        [
            html.Div(id=RANKING_MOVE, className="whatif-move"),
            dcc.Graph(id=RANKING, config={"displayModeBar": False}, style={"height": f"{height}px"}),
            *notes,
        ],
        source=source,
    )


def goal_card(setting: WhatIfSetting, start: Outcome, *, lang: str) -> dbc.Card:
    """Ask for a group, a rank or a total; the server works out the gains, "áp dụng" sets them."""
    options = []
    for th in sorted(setting.standing.thresholds, key=lambda th: -th.min_share):
        if th.min_share > 0:
            options.append({"label": f"{t('whatif.goal_group', lang)} {th.group}", "value": f"{GOAL_GROUP}:{th.group}"})
    options.append({"label": t("whatif.goal_rank", lang), "value": GOAL_RANK})
    value_key = "whatif.goal_value_index" if setting.is_index else "whatif.goal_value"
    options.append({"label": t(value_key, lang), "value": GOAL_VALUE})
    first = next((o["value"] for o in options if o["value"] == f"{GOAL_GROUP}:{start.next_group}"), options[0]["value"])
    form = html.Div(
        [
            dbc.Select(id=GOAL_KIND, options=options, value=first, size="sm", className="whatif-goal-kind"),
            dbc.Input(
                id=GOAL_TARGET,
                type="text",
                size="sm",
                className="whatif-goal-target",
                inputMode="decimal",
                placeholder=t("whatif.goal_target", lang),
            ),
            dbc.Button(t("whatif.goal_go", lang), id=GOAL_GO, size="sm", color="primary"),
        ],
        className="whatif-goal-form",
    )
    apply = dbc.Button(
        t("whatif.goal_apply", lang), id=GOAL_APPLY, size="sm", color="success", disabled=True, className="mt-2"
    )
    return source_card(
        t("whatif.goal_title", lang),
        [form, slow_work(html.Div(id=PLAN_LIST, className="whatif-plan")), apply],
    )


def plan_list(plan: Plan, setting: WhatIfSetting, *, lang: str) -> list:
    """The plan as the leader reads it: what is needed, whether peers prove it, and each gain."""
    names = {row.pillar_code: localized(row, "pillar_name", lang) for row in setting.indices.itertuples()}
    if plan.target_total is None:
        return [html.Div(t("whatif.goal_impossible", lang, target=plan.target), className="whatif-plan-note")]
    if not plan.gains and plan.reachable:
        return [html.Div(t("whatif.goal_met", lang), className="whatif-plan-note")]
    lines = [
        html.Div(
            t(
                "whatif.goal_needed",
                lang,
                needed=format_points(plan.needed, lang),
                total=format_points(setting.standing.total, lang),
                target=format_points(plan.target_total, lang),
            ),
            className="whatif-plan-note",
        )
    ]
    if not plan.reachable:
        lines.append(html.Div(t("whatif.goal_unreachable", lang), className="whatif-plan-warning"))
    elif plan.peer_proven_only:
        lines.append(html.Div(t("whatif.goal_proven", lang, year=setting.year), className="whatif-plan-note"))
    else:
        lines.append(html.Div(t("whatif.goal_beyond", lang), className="whatif-plan-warning"))
    items = [
        html.Li(
            [
                t(
                    "whatif.gain",
                    lang,
                    index=names.get(gain.code, gain.code),
                    before=format_points(gain.points_from, lang),
                    after=format_points(gain.points_to, lang),
                    gain=format_points(gain.gain, lang),
                ),
                html.Span(
                    t("whatif.gain_proven" if gain.peer_proven else "whatif.gain_beyond", lang),
                    className="whatif-gain-proven" if gain.peer_proven else "whatif-gain-beyond",
                ),
            ],
            className="whatif-gain",
        )
        for gain in plan.gains
    ]
    return [*lines, html.Ol(items, className="whatif-gains")]


def sources_text(setting: WhatIfSetting, titles: Mapping[str, str], lang: str) -> str:
    return cite(t("common.source", lang), setting.sources, titles)


def action_total(total: float, setting: WhatIfSetting, lang: str) -> str:
    """A total as the level prints it: a DTI value for a province, points of the maximum otherwise."""
    if setting.is_index:
        return _index_text(total, setting, lang)
    return f"{format_points(total, lang)}/{format_points(setting.standing.max_total, lang)}"


def action_text(action: Action, row, setting: WhatIfSetting, lang: str) -> str:
    """The recommendation's sentences from their templates, naming every figure they rest on."""
    figures = {
        "points": format_points(action.points, lang),
        "max": format_points(action.max_points, lang),
        "lost": format_points(action.lost, lang),
    }
    if action.gain <= 0:
        return t("actions.no_peer", lang, **figures)
    first = t(
        "actions.figures",
        lang,
        **figures,
        above=int(row.peers_above),
        best=format_points(action.best, lang),
        at_max=int(row.peers_at_max),
    )
    then = action.then
    group = t("actions.effect_group", lang, group=then.group) if then.group else ""
    effect = t(
        "actions.effect",
        lang,
        best=format_points(action.best, lang),
        gain=format_points(action.gain, lang),
        total=action_total(then.total, setting, lang),
        rank=then.rank,
        n=then.rank_of,
        group=group,
    )
    return f"{first} {effect}"


def _responsible(code: str, assigned, titles: Mapping[str, str]) -> list:
    """The plan's duties for one main index ("*" for those of every index), each with its section; a duty
    the plan does not tie to an index itself (its note says the mapping is inferred) is marked "*"."""
    rows = assigned[assigned["pillar_code"] == code]
    return [
        html.Li(
            [
                html.Span(row.responsible_name, className="actions-who"),
                f" — {row.duty}",
                html.Span(f" ({readable_citation(row.source, titles)})", className="actions-source"),
                *([html.Span(" *", className="actions-inferred", title=row.note)] if _inferred(row.note) else []),
            ],
            className="actions-duty",
        )
        for row in rows.itertuples()
    ]


def _inferred(note: object) -> bool:
    return isinstance(note, str) and INFERRED_MAPPING in note


def action_card(found: ActionList, *, lang: str, titles: Mapping[str, str], limit: int | None = None) -> dbc.Card:
    """ "Khuyến nghị": the main indices by achievable gain, what each would do to rank and group, and
    who answers for it under the province's plan, with the plan's own section as the source."""
    setting = found.setting
    frame = setting.indices.set_index("pillar_code")
    items = []
    for action in found.actions[:limit]:
        row = frame.loc[action.code]
        badge = (
            t("actions.gain", lang, gain=format_points(action.gain, lang))
            if action.gain > 0
            else t("actions.no_gain_badge", lang)
        )
        head = [
            html.Span(localized(row, "pillar_name", lang), className="actions-index"),
            html.Span(badge, className="actions-gain" if action.gain > 0 else "actions-gain-none"),
        ]
        if action.gain > 0:
            scenario = urlencode({"unit": setting.info.code, "year": setting.year, action.code: action.best})
            head.append(dcc.Link(t("actions.try", lang), href=f"/whatif?{scenario}", className="actions-try"))
        body = [
            html.Div(head, className="actions-head"),
            html.Div(action_text(action, row, setting, lang), className="actions-text"),
        ]
        duties = _responsible(action.code, found.responsibilities, titles)
        if duties:
            body += [
                html.Div(t("actions.responsible", lang, plan=found.plan_code), className="actions-label"),
                html.Ul(duties, className="actions-duties"),
            ]
        items.append(html.Li(body, className="actions-item", id=f"actions-{action.code}"))
    notes = [] if found.plan_code else [html.Div(t("actions.no_plan", lang, year=setting.year), className="kpi-sub")]
    if found.responsibilities["note"].map(_inferred).any():
        notes.append(html.Div(t("actions.inferred", lang), className="kpi-sub"))
    every = _responsible(EVERY_PILLAR, found.responsibilities, titles)
    if every:
        notes += [
            html.Div(t("actions.every", lang, plan=found.plan_code), className="actions-label"),
            html.Ul(every, className="actions-duties"),
        ]
    content = html.Ol(items, className="actions-list") if items else html.Div(t("actions.none", lang))
    citations = [*setting.sources, *found.responsibilities["source"]]
    return source_card(
        t("actions.title", lang),
        [
            html.Div(t("actions.intro", lang, year=setting.year), className="kpi-sub"),
            content,
            *task_action_list(found, lang=lang, limit=limit),
            *notes,
        ],
        source=cite(t("common.source", lang), citations, titles),
        card_id="actions-card",
    )


def task_action_list(found: ActionList, *, lang: str, limit: int | None = None) -> list:
    """The tasks with printed points ranked by the points their maximum allows, each with what winning
    them back would do to the total, rank and group, and a link that tries it; nothing where the
    sources print no task points. No peer's task points are published, and the heading says so."""
    if not found.task_actions:
        return []
    setting = found.setting
    names = {row.task_code: row.task_name for row in setting.tasks.itertuples()}
    index_names = {row.pillar_code: localized(row, "pillar_name", lang) for row in setting.indices.itertuples()}
    items = []
    for action in found.task_actions[:limit]:
        then = action.then
        group = t("actions.effect_group", lang, group=then.group) if then.group else ""
        text = t(
            "actions.task_text",
            lang,
            index=index_names.get(action.index_code, action.index_code),
            points=format_points(action.points, lang),
            max=format_points(action.max_points, lang),
            total=action_total(then.total, setting, lang),
            rank=then.rank,
            n=then.rank_of,
            group=group,
        )
        scenario = urlencode({"unit": setting.info.code, "year": setting.year, action.code: action.max_points})
        head = [
            html.Span(names.get(action.code, action.code), className="actions-index"),
            html.Span(t("actions.gain", lang, gain=format_points(action.gain, lang)), className="actions-gain"),
            dcc.Link(t("actions.try", lang), href=f"/whatif?{scenario}", className="actions-try"),
        ]
        items.append(
            html.Li(
                [html.Div(head, className="actions-head"), html.Div(text, className="actions-text")],
                className="actions-item actions-task",
                id=f"actions-task-{action.code}",
            )
        )
    shown = html.Ol(items[:TASKS_SHOWN], className="actions-list actions-tasks", id="actions-tasks")
    rest = []
    if len(items) > TASKS_SHOWN:
        rest = [
            html.Details(
                [
                    html.Summary(t("actions.tasks_more", lang, n=len(items) - TASKS_SHOWN)),
                    html.Ol(items[TASKS_SHOWN:], start=TASKS_SHOWN + 1, className="actions-list actions-tasks"),
                ],
                className="actions-tasks-more",
            )
        ]
    return [
        html.Div(t("actions.tasks_title", lang, n=len(found.task_actions)), className="actions-label mt-2"),
        html.Div(t("actions.tasks_intro", lang), className="kpi-sub"),
        shown,
        *rest,
    ]
