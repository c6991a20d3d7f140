"""`/whatif?unit=…&year=…`: what a unit's total, rank and group would be with other main-index points,
and the gains that reach a goal.

The scenario lives in the URL (`&institutions=70&website=99`: the indices it changes; a task's
points by its code, `&infrastructure-06=15`, the index keeping the value that already holds its
tasks' moves), so it can be shared and survives a reload. The page sends the unit's data once (`whatif-data`); moving a
control is recomputed in the browser (assets/whatif.js) with no request. Working out a goal's
gains asks the server, which checks the unit again. A unit head may open only their own unit
(`auth.guard` refuses the page for another unit, and every callback asks `unit_refusal` again).
"""

from __future__ import annotations

from urllib.parse import urlencode

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html

from auth.guard import unit_refusal
from auth.policy import UNIT_HEAD, sees_all_units
from auth.session import current_viewer
from components.i18n import t
from components.loading import slow_work
from components.shell import THEME_STORE, message_panel
from components.theme import DEFAULT_THEME
from components.whatif import (
    GOAL_APPLY,
    GOAL_GO,
    GOAL_KIND,
    GOAL_TARGET,
    PLAN_LIST,
    POINTS,
    POINTS_BOX,
    RANKING,
    RESET,
    TASK,
    TASK_BOX,
    action_card,
    browser_data,
    controls_card,
    goal_card,
    plan_list,
    ranking_card,
    result_cards,
    sources_text,
)
from data_access import queries
from data_access.units import SCORED_KINDS, unit_info, unit_years
from data_access.whatif import action_list, whatif_setting
from domain.text import localized
from domain.whatif import (
    GOAL_GROUP,
    GOAL_RANK,
    GOALS,
    WhatIfSetting,
    outcome,
    parse_points,
    plan_for,
    scenario_points,
    task_points,
)
from pages._context import BadParameter, language, page_title, source_titles, whole_number
from pages._kit import explained

dash.register_page(
    __name__,
    path="/whatif",
    order=25,
    unit_param="unit",
    title=page_title("title.whatif"),
    nav_key="nav.whatif",
    nav_icon="bi-sliders",
    year_options=list,  # the page's years are the unit's years with main-index points, offered in the page
)

QUERY = "whatif-query"
CONTENT = "whatif-content"
DATA = "whatif-data"
PRESENT_LINK = "whatif-present-link"
PLAN = "whatif-plan-points"
# Query parameters that are not a main index's points.
PAGE_PARAMS = ("unit", "year")


def default_unit() -> str:
    """A unit head's own unit; for everyone else the province in focus."""
    viewer = current_viewer()
    if viewer is not None and viewer.role == UNIT_HEAD and viewer.unit_code:
        return viewer.unit_code
    return queries.focus_unit_code() or ""


def layout(unit: str | None = None, year: str | None = None, **query: str) -> html.Div:
    """The unit, year and scenario of the URL in a store; the content is drawn from it by `show_whatif`."""
    scenario = {key: value for key, value in query.items() if key not in PAGE_PARAMS}
    return html.Div(
        [
            dcc.Store(id=QUERY, data={"unit": unit or default_unit(), "year": year, "scenario": scenario}),
            slow_work(html.Div(id=CONTENT, className="whatif-content")),
        ],
        className="page-whatif",
    )


def _panel(title_key: str, body_key: str, lang: str, *, icon: str, **values: object) -> BadParameter:
    return BadParameter(
        message_panel(
            t(title_key, lang),
            t(body_key, lang, **values),
            icon=icon,
            element_id="whatif-unavailable",
            action=dcc.Link(t("common.back_home", lang), href="/", className="btn btn-outline-primary mt-2"),
        )
    )


def requested_setting(query: dict | None, lang: str) -> WhatIfSetting:
    """The unit and year of the URL for a reader who may see that unit; a friendly panel otherwise."""
    query = query or {}
    code = str(query.get("unit") or "")
    denied = unit_refusal(code, lang)
    if denied is not None:
        raise BadParameter(denied)
    info = unit_info(code) if code else None
    if info is None:
        raise _panel("units.unknown_title", "units.unknown", lang, icon="bi-building-x", code=code)
    name = localized(info, "name", lang)
    if info.kind not in SCORED_KINDS:
        raise _panel("units.not_scored_title", "units.not_scored", lang, icon="bi-building", unit=name)
    years = [year for year in unit_years(code) if whatif_setting(code, year) is not None]
    raw_year = query.get("year")
    year = years[-1] if raw_year in (None, "") and years else whole_number(raw_year)
    if year not in years:
        shown = ", ".join(map(str, years)) or "—"
        raise _panel(
            "whatif.no_points_title", "whatif.no_points", lang, icon="bi-inbox", unit=name, year=raw_year, years=shown
        )
    return whatif_setting(code, year)


def present_link(setting: WhatIfSetting, scenario: dict[str, float], lang: str) -> dcc.Link:
    """ "Đưa lên trình chiếu": the deck's "Khuyến nghị" slide with this scenario, for the province the
    deck is about and a reader who may open the deck (for anyone else an empty, hidden link, which
    the script keeping its address up to date as the sliders move, `whatif_present.link`, needs)."""
    if setting.info.code != queries.focus_unit_code() or not sees_all_units(current_viewer()):
        return dcc.Link(id=PRESENT_LINK, href="", style={"display": "none"})
    query = urlencode({"year": setting.year, **scenario})
    return dcc.Link(
        [html.I(className="bi bi-easel me-1"), t("whatif.to_present", lang)],
        href=f"/present?{query}#actions",
        className="btn btn-sm btn-outline-primary",
        id=PRESENT_LINK,
    )


def heading(setting: WhatIfSetting, lang: str, scenario: dict[str, float] | None = None) -> html.Div:
    name = localized(setting.info, "name", lang)
    years = [
        dcc.Link(str(year), href=f"/whatif?unit={setting.info.code}&year={year}", className="units-badge")
        for year in setting.years
        if year != setting.year
    ]
    back = dcc.Link(
        [html.I(className="bi bi-building me-1"), t("whatif.unit_page", lang)],
        href=f"/units/{setting.info.code}?year={setting.year}",
        className="btn btn-sm btn-outline-primary",
        id="whatif-unit-link",
    )
    return html.Div(
        [
            html.H1(
                t("whatif.heading", lang, unit=name, year=setting.year), className="page-heading", id="whatif-heading"
            ),
            *years,
            back,
            present_link(setting, scenario or {}, lang),
        ],
        className="whatif-header",
    )


def render(setting: WhatIfSetting, raw_scenario: dict, theme: str, lang: str) -> list:
    indices = setting.main_indices()
    tasks = setting.task_list()
    scenario = scenario_points(indices, raw_scenario or {}, tasks)
    start = outcome(indices, setting.standing, scenario)
    titles = source_titles(lang)
    source = sources_text(setting, titles, lang)
    found = action_list(setting.info.code, setting.year)
    actions = action_card(found, lang=lang, titles=titles) if found is not None else None
    return [
        dcc.Store(id=DATA, data=browser_data(setting, theme=theme, lang=lang)),
        dcc.Store(id=PLAN),
        heading(setting, lang, scenario),
        result_cards(setting, start, lang=lang, source=source),
        dbc.Row(
            [
                dbc.Col(
                    controls_card(
                        setting, scenario, lang=lang, source=source, tasks=task_points(tasks, raw_scenario or {})
                    ),
                    xs=12,
                    xl=5,
                ),
                dbc.Col(ranking_card(setting, lang=lang, source=source), xs=12, xl=7),
            ],
            className="g-3",
        ),
        dbc.Row(
            [
                dbc.Col(goal_card(setting, start, lang=lang), xs=12, xl=5),
                dbc.Col(actions, xs=12, xl=7),
            ],
            className="g-3",
        ),
    ]


@callback(Output(CONTENT, "children"), Input(QUERY, "data"), Input(THEME_STORE, "data"))
@explained()
def show_whatif(query: dict | None, theme: str | None) -> list:
    """The simulator for the unit of the URL, refused (and logged) for a reader who may not see that unit."""
    lang = language()
    setting = requested_setting(query, lang)
    return render(setting, (query or {}).get("scenario") or {}, theme or DEFAULT_THEME, lang)


# A move of a slider or a typed box is seen by the script itself (assets/whatif.js), which writes the
# figures and redraws the chart in place: no callback, no request. Dash only draws the chart once
# when the page's data arrives, and sets the controls for "Đặt lại" and a goal's "áp dụng".
clientside_callback(
    ClientsideFunction(namespace="whatif", function_name="start"),
    Output(RANKING, "figure"),
    Input(DATA, "data"),
    State({"type": POINTS, "index": ALL}, "value"),
    State({"type": TASK, "index": ALL}, "value"),
)

clientside_callback(
    ClientsideFunction(namespace="whatif_present", function_name="link"),
    Output(PRESENT_LINK, "href"),
    Input({"type": POINTS, "index": ALL}, "value"),
    State(DATA, "data"),
    State(PRESENT_LINK, "href"),
)

clientside_callback(
    ClientsideFunction(namespace="whatif", function_name="setPoints"),
    Output({"type": POINTS, "index": ALL}, "value"),
    Output({"type": POINTS_BOX, "index": ALL}, "value"),
    Output({"type": TASK, "index": ALL}, "value"),
    Output({"type": TASK_BOX, "index": ALL}, "value"),
    Input(RESET, "n_clicks"),
    Input(GOAL_APPLY, "n_clicks"),
    State(DATA, "data"),
    State(PLAN, "data"),
    prevent_initial_call=True,
)


def _goal(kind: str | None, target: str | None) -> tuple[str, str | float | int]:
    """The goal the form asks for: "group:Tốt", or "rank"/"value" with the number typed (comma or point)."""
    kind = kind or ""
    if kind.startswith(f"{GOAL_GROUP}:"):
        return GOAL_GROUP, kind.split(":", 1)[1]
    if kind not in GOALS:
        raise ValueError(kind)
    number = parse_points(target or "")
    if number is None:
        raise ValueError(target)
    return kind, int(number) if kind == GOAL_RANK else number


@callback(
    Output(PLAN_LIST, "children"),
    Output(PLAN, "data"),
    Output(GOAL_APPLY, "disabled"),
    Input(GOAL_GO, "n_clicks"),
    State(GOAL_KIND, "value"),
    State(GOAL_TARGET, "value"),
    State(QUERY, "data"),
    prevent_initial_call=True,
)
@explained(lambda panel: (panel, None, True))
def work_out_goal(_clicks: int | None, kind: str | None, target: str | None, query: dict | None) -> tuple:
    """The smallest set of gains that reaches the goal, peers' proven gains first; the unit is checked again."""
    lang = language()
    setting = requested_setting(query, lang)
    try:
        goal, wanted = _goal(kind, target)
    except ValueError:
        note = html.Div(t("whatif.goal_impossible", lang, target=target or "—"), className="whatif-plan-warning")
        return [note], None, True
    indices = setting.main_indices()
    plan = plan_for(indices, setting.standing, goal, wanted)
    points = {gain.code: gain.points_to for gain in plan.gains}
    return plan_list(plan, setting, lang=lang), points, not points
