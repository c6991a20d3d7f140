"""`/targets`: progress towards a plan's targets, one gauge per target, and figures sources disagree on."""

from __future__ import annotations

from typing import NamedTuple

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from components.citations import cite
from components.i18n import t
from components.loading import slow_work
from components.shell import THEME_STORE, message_panel
from components.targets import (
    counted_once_note,
    disagreement_cards,
    disagreements_export,
    pillar_section,
    plan_heading,
    projection_counts,
    section_label,
    summary_strip,
    target_card,
    targets_export,
)
from components.theme import DEFAULT_THEME
from data_access import queries
from data_access.focus_years import followed
from data_access.focus_years import plan_years as focus_plan_years
from data_access.targets import (
    STATUSES,
    TargetsView,
    UnknownFilter,
    build_targets_view,
    pillar_names,
    status_counts,
)
from domain.targets import counted_once, distinct_targets
from domain.text import localized
from pages._context import (
    BadParameter,
    focus_years,
    followed_focus,
    language,
    page_title,
    query_string,
    resolve_year,
    source_titles,
    whole_number,
)
from pages._kit import (
    compact,
    download_buttons,
    explained,
    follow_own_query,
    no_focus,
    register_download,
    requested,
)

PATH = "/targets"

dash.register_page(
    __name__,
    path=PATH,
    title=page_title("title.targets"),
    order=4,
    nav_key="nav.targets",
    nav_icon="bi-flag",
    year_options=focus_years(lambda unit_code: followed(unit_code, focus_plan_years)),
    follows_query=True,
)

URL = "targets-url"
PATH_STORE = "targets-path"
QUERY_STORE = "targets-query"
QUERY_KEYS = ("year", "pillar", "status")
HEADING = "targets-heading"
FILTERS = "targets-filters"
FOLLOWED = "targets-focus-followed"
CONTENT = "targets-content"
PILLAR_SELECT = "targets-pillar"
STATUS_SELECT = "targets-status"
TABLE_DOWNLOAD = "targets-table"
DISAGREEMENT_DOWNLOAD = "targets-disagreements"
EXPORT_LANGUAGE = "vi"
# The filters' "all" choice; dbc.Select keeps the empty value for its own placeholder.
ALL = "all"


class Selection(NamedTuple):
    """The plan year's view for the URL, with the names the page needs to label it (a NamedTuple:
    Dash loads page modules outside `sys.modules`, where dataclasses cannot resolve their module)."""

    view: TargetsView
    unit_name: str
    pillar_names: dict[str, dict[str, str]]
    # The note that the configured focus had merged away by the year and the page follows its successor.
    followed: html.Div | None = None

    def labels(self, lang: str) -> dict[str, str]:
        """Plan section (pillar) code → label, in the plan's order."""
        return {code: section_label(code, lang, self.pillar_names) for code in self.view.pillar_codes}


def _bad_filter(unknown: UnknownFilter, names: dict[str, dict[str, str]], lang: str) -> BadParameter:
    if unknown.name == "pillar":
        key = "targets.bad_pillar"
        choices = [f"{code} ({section_label(code, lang, names)})" for code in unknown.choices]
    else:
        key = "targets.bad_status"
        choices = [f"{code} ({t(f'targets.status.{code}', lang)})" for code in unknown.choices]
    return BadParameter(
        message_panel(
            t("targets.bad_filter_title", lang),
            t(key, lang, value=unknown.value, choices=", ".join(choices)),
            icon="bi-funnel",
        )
    )


def select_view(query: dict, lang: str) -> Selection:
    """The view for the URL's `year`, `pillar` and `status`; `BadParameter` with a friendly panel
    when one of them is not in the data. A focus merged away by the year follows its successor."""
    focus = queries.focus_unit_code()
    info = queries.unit(focus) if focus else None
    if info is None:
        raise no_focus(lang)
    unit_name = localized(info, "name", lang)
    years = followed(focus, focus_plan_years)  # the focus's own plans (its successor's after a merger)
    asked = whole_number(query.get("year"))
    followed_to, note = followed_focus(focus, asked, lang, FOLLOWED) if asked is not None else (focus, None)
    if note is not None:
        info = queries.unit(followed_to) or info
        unit_name = localized(info, "name", lang)
        own = focus_plan_years(followed_to)
        listed = ", ".join(map(str, own)) or "—"
        if asked not in own:  # the successor has no plan that year: said, never the ended unit's plan
            raise BadParameter(
                html.Div(
                    [
                        note,
                        message_panel(
                            t("targets.no_plan_title", lang),
                            t("targets.no_plan", lang, unit=unit_name, year=asked, years=listed),
                            icon="bi-calendar-x",
                            element_id="targets-no-plans",
                        ),
                    ]
                )
            )
        focus = followed_to
    if not years:
        raise BadParameter(
            message_panel(
                t("targets.no_plan_title", lang),
                t("targets.focus_no_plans", lang, unit=unit_name),
                icon="bi-calendar-x",
                element_id="targets-no-plans",
            )
        )
    year = resolve_year(query.get("year"), lang, years=years)
    names = pillar_names(info["kind"])
    try:
        view = build_targets_view(year, focus, pillar=query.get("pillar"), status=query.get("status"))
    except UnknownFilter as unknown:
        raise _bad_filter(unknown, names, lang) from unknown
    if view.targets.empty:
        raise BadParameter(
            message_panel(
                t("targets.no_plan_title", lang),
                t("targets.no_plan", lang, unit=unit_name, year=year, years=", ".join(map(str, years))),
                icon="bi-calendar-x",
            )
        )
    return Selection(view=view, unit_name=unit_name, pillar_names=names, followed=note)


def _pillar_options(query: dict, lang: str) -> list[dict]:
    """The plan's sections for the pillar filter; none when the URL or the database cannot give them
    (the content then explains why)."""
    selection = requested(select_view, {"year": query.get("year")}, lang)
    if selection is None:
        return []
    return [{"label": label, "value": code} for code, label in selection.labels(lang).items()]


def _filter_select(element_id: str, label: str, options: list[dict], value: str | None, lang: str) -> html.Div:
    choices = [{"label": t("targets.filter_all", lang), "value": ALL}, *options]
    known = {option["value"] for option in options}
    return html.Div(
        [
            dbc.Label(label, html_for=element_id, className="targets-filter-label"),
            dbc.Select(id=element_id, options=choices, value=value if value in known else ALL, size="sm"),
        ],
        className="targets-filter",
    )


def filters_of(query: dict, lang: str) -> list:
    """The pillar and status filters, set from the URL; the pillars are the plan year's sections (none
    when the URL or the database cannot give them: the content then explains why)."""
    status_options = [{"label": t(f"targets.status.{s}", lang), "value": s} for s in STATUSES]
    return [
        _filter_select(
            PILLAR_SELECT, t("targets.filter_pillar", lang), _pillar_options(query, lang), query.get("pillar"), lang
        ),
        _filter_select(STATUS_SELECT, t("targets.filter_status", lang), status_options, query.get("status"), lang),
    ]


def layout(year: str | None = None, pillar: str | None = None, status: str | None = None, **_query: str) -> html.Div:
    """The page's frame; the filters, the heading and the content come from `show_targets`. A year or a
    filter chosen on the page does not come here: the page follows its own query (`follows_query`)."""
    return html.Div(
        [
            dcc.Location(id=URL, refresh="callback-nav"),
            dcc.Store(id=PATH_STORE, data=dash.get_relative_path(PATH)),
            dcc.Store(id=QUERY_STORE, data={"year": year, "pillar": pillar, "status": status}),
            html.Div(
                [html.Div(id=HEADING, className="targets-heading"), html.Div(id=FILTERS, className="targets-filters")],
                className="targets-top",
            ),
            slow_work(html.Div(id=CONTENT, className="targets-body")),
        ],
        className="page-targets",
    )


def _sections(selection: Selection, theme: str, lang: str, titles: dict[str, str]) -> list:
    view = selection.view
    labels = selection.labels(lang)
    sections = []
    first_section = dict(zip(view.targets["target_code"], view.targets["pillar_code"], strict=True))
    for code in view.shown["pillar_code"].unique():
        rows = view.shown[view.shown["pillar_code"] == code]
        section_statuses = view.targets.loc[view.targets["pillar_code"] == code, "status"]
        cards = [
            target_card(
                row,
                others=view.others[view.others["indicator_code"] == row["target_code"]],
                theme=theme,
                lang=lang,
                titles=titles,
                twin_section=labels[first_section[row["twin_of"]]] if row["twin_of"] else "",
            )
            for row in rows.to_dict("records")
        ]
        sections.append(pillar_section(code, labels[code], cards, status_counts(section_statuses), lang))
    return sections or [html.Div(t("targets.empty_filter", lang), className="empty-inline", id="targets-empty")]


def _disagreement_scope(selection: Selection, query: dict, lang: str) -> str:
    """Which targets the disagreements cover: they follow the pillar filter, never the status one."""
    pillar = query.get("pillar")
    if pillar:
        scope = t("targets.disagreements_scope_pillar", lang, pillar=selection.labels(lang)[pillar])
    else:
        scope = t("targets.disagreements_scope_plan", lang)
    if query.get("status"):
        scope = f"{scope} {t('targets.disagreements_scope_status', lang)}"
    return scope


def _disagreement_section(selection: Selection, query: dict, lang: str, titles: dict[str, str]) -> html.Section:
    view = selection.view
    source = cite(t("common.source", lang), view.disagreements["source"], titles)
    return html.Section(
        [
            html.Div(
                [
                    html.H2(t("targets.disagreements_title", lang), className="targets-section-title"),
                    html.Span(t("targets.download_disagreements", lang), className="targets-download-label"),
                    download_buttons(DISAGREEMENT_DOWNLOAD, lang),
                ],
                className="targets-section-head",
            ),
            html.P(t("targets.disagreements_intro", lang), className="targets-intro"),
            html.P(_disagreement_scope(selection, query, lang), className="targets-scope", id="targets-scope"),
            disagreement_cards(view.disagreements, lang=lang, titles=titles),
            html.Div(source, className="source-note", title=source),
        ],
        id="targets-disagreements",
        className="targets-section",
    )


def _status_links(query: dict) -> dict[str, str]:
    """Each summary tile's link: its status filter, or no status filter for the tile already chosen."""
    links = {}
    for status in STATUSES:
        chosen = None if query.get("status") == status else status
        links[status] = PATH + query_string(
            {"year": query.get("year"), "pillar": query.get("pillar"), "status": chosen}
        )
    return links


def render(selection: Selection, query: dict, theme: str, lang: str, titles: dict[str, str]) -> list:
    view = selection.view
    toolbar = html.Div(
        [
            html.Span(t("targets.gauge_legend", lang), className="targets-legend"),
            html.Span(t("targets.download_targets", lang), className="targets-download-label"),
            download_buttons(TABLE_DOWNLOAD, lang),
        ],
        className="targets-toolbar",
    )
    once = counted_once(view.targets)
    summary = summary_strip(
        status_counts(once["status"]),
        shown=distinct_targets(view.shown),
        total=len(once),
        lang=lang,
        hrefs=_status_links(query),
        active=query.get("status") or None,
        projections=projection_counts(once["projection_status"]),
        notes=counted_once_note(view.targets, lang=lang, section_labels=selection.labels(lang)),
    )
    return [
        *([selection.followed] if selection.followed is not None else []),
        summary,
        toolbar,
        *_sections(selection, theme, lang, titles),
        _disagreement_section(selection, query, lang, titles),
    ]


# The filters live in the URL, so every view can be bookmarked: a filter chosen becomes the URL's query,
# in the browser, which the page then follows (`follow_own_query`). Filters drawn anew for the URL they
# show write nothing: a new history entry would cut the forward history.
clientside_callback(
    """function (pillar, status, query) {
        const params = new URLSearchParams();
        if ((query || {}).year) { params.set("year", query.year); }
        if (pillar && pillar !== "ALL") { params.set("pillar", pillar); }
        if (status && status !== "ALL") { params.set("status", status); }
        const search = params.toString() ? "?" + params.toString() : "";
        return search === window.location.search ? window.dash_clientside.no_update : search;
    }""".replace("ALL", ALL),
    Output(URL, "search", allow_duplicate=True),
    Input(PILLAR_SELECT, "value"),
    Input(STATUS_SELECT, "value"),
    State(QUERY_STORE, "data"),
    prevent_initial_call=True,
)


follow_own_query(URL, PATH_STORE, QUERY_STORE, QUERY_KEYS)


@callback(
    Output(FILTERS, "children"),
    Output(HEADING, "children"),
    Output(CONTENT, "children"),
    Input(QUERY_STORE, "data"),
    Input(THEME_STORE, "data"),
)
def show_targets(query: dict | None, theme: str | None) -> tuple[list, list, list]:
    """The filters, the heading and the content for the URL's query."""
    lang = language()
    query = {key: (query or {}).get(key) for key in QUERY_KEYS}
    return filters_of(query, lang), *targets_content(query, theme or DEFAULT_THEME, lang)


@explained(lambda panel: ([], [panel]))
def targets_content(query: dict, theme: str, lang: str) -> tuple[list, list]:
    selection = select_view(query, lang)
    titles = source_titles(lang)
    view = selection.view
    heading = plan_heading(view.plans, year=view.year, unit_name=selection.unit_name, lang=lang, titles=titles)
    # The plan's cards were some 850 components. Written as plain HTML with their SVG gauges (`compact`,
    # `gauge_svg`), Dash's renderer holds a handful, and a filter redraws the page in a tenth of the time.
    return compact(heading), compact(render(selection, query, theme, lang, titles))


# The files keep the plan's own words: its targets have Vietnamese names only.
def targets_file(_lang: str, query: dict | None):
    selection = select_view(query or {}, EXPORT_LANGUAGE)
    frame = targets_export(
        selection.view.shown, section_labels=selection.labels(EXPORT_LANGUAGE), titles=source_titles(EXPORT_LANGUAGE)
    )
    return frame, f"muc-tieu-{selection.view.year}"


def disagreements_file(_lang: str, query: dict | None):
    selection = select_view(query or {}, EXPORT_LANGUAGE)
    targets = selection.view.targets
    frame = disagreements_export(
        selection.view.disagreements,
        titles=source_titles(EXPORT_LANGUAGE),
        target_names=dict(zip(targets["target_code"], targets["name_vi"], strict=True)),
    )
    return frame, f"so-lieu-khac-nguon-{selection.view.year}"


register_download(TABLE_DOWNLOAD, targets_file, State(QUERY_STORE, "data"))
register_download(DISAGREEMENT_DOWNLOAD, disagreements_file, State(QUERY_STORE, "data"))
