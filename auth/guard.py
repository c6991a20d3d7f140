"""Server-side enforcement: every page, layout, callback and download asks the policy first.

Three layers, so no page can forget: (1) before every request, nobody unsigned gets past
`/login` and `/healthz`, and a direct request for a page the reader may not open gets 403;
(2) every page layout is wrapped to refuse the same in place of the content; (3) every Dash
callback is checked against the access of the page its output ids belong to (ids are prefixed
by the page module's name). Unit-level checks inside a page's own callbacks use `unit_refusal`
and `level_refusal`, which return the panel to show instead of the data.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import dash
from dash import html
from flask import Response, jsonify, redirect, request
from sqlalchemy.exc import SQLAlchemyError

from auth import audit
from auth.policy import SIGNED_IN, can_open, can_view_level, can_view_unit, landing_path, sees_all_units
from auth.session import current_viewer, session_unverifiable
from auth.views import forbidden_response, outage_response
from components.i18n import t
from components.shell import message_panel
from data_access import queries
from domain.text import localized
from web.language import language

# Reachable without signing in: the sign-in form itself, the health probe, the language switch,
# and the static files the sign-in form needs.
OPEN_PATHS = ("/login", "/healthz")
OPEN_PREFIXES = ("/assets/", "/_dash-component-suites/", "/lang/", "/_favicon")
CALLBACK_PATH = "/_dash-update-component"
# Callback outputs that belong to every page: the shell's own and Dash's page router.
SHELL_PREFIXES = ("shell-", "_pages_")


def page_access(page: dict) -> str:
    return page.get("access", SIGNED_IN)


def _pages() -> Iterator[dict]:
    return iter(dash.page_registry.values())


def page_for_path(path: str) -> tuple[dict, dict[str, str]] | None:
    """The registered page that serves `path`, with its path variables (e.g. {"unit_code": "SYT"})."""
    wanted = path.strip("/").split("/")
    for page in _pages():
        template = page.get("path_template")
        if template:
            parts = template.strip("/").split("/")
            pairs = list(zip(parts, wanted, strict=False))
            if len(parts) == len(wanted) and all(p == w or p.startswith("<") for p, w in pairs):
                return page, {p[1:-1]: w for p, w in pairs if p.startswith("<")}
        elif page.get("path", "").strip("/") == path.strip("/"):
            return page, {}
    return None


def _module_prefix(page: dict) -> str:
    return page["module"].rsplit(".", 1)[-1] + "-"


def _component_name(component: object) -> str:
    """A component id as text: a pattern-matching id by its `type`, anything else as JSON."""
    if isinstance(component, dict):
        component = component.get("type", json.dumps(component, sort_keys=True))
    return component if isinstance(component, str) else json.dumps(component)


def _output_ids(body: dict) -> Iterator[str]:
    """Every output id the request names, in `outputs` and in the `output` key Dash dispatches on."""
    outputs = body.get("outputs")
    for output in outputs if isinstance(outputs, list) else [outputs]:
        for entry in output if isinstance(output, list) else [output]:
            if isinstance(entry, dict):
                yield _component_name(entry.get("id"))
    for part in str(body.get("output", "")).strip(".").split("..."):
        component = part.rsplit(".", 1)[0]
        if component.startswith("{"):
            with contextlib.suppress(ValueError):
                component = _component_name(json.loads(component))
        yield component


def callback_access(body: dict) -> list[str] | None:
    """The access every page owning one of the callback's outputs asks for; None when an output
    belongs to no page and not to the shell, which is refused (fail closed)."""
    wanted = []
    for component in _output_ids(body):
        owners = [page_access(page) for page in _pages() if component.startswith(_module_prefix(page))]
        if not owners and not component.startswith(SHELL_PREFIXES):
            return None
        wanted += owners
    return wanted


def refusal(lang: str, reason_key: str, **values: str) -> html.Div:
    viewer = current_viewer()
    home = landing_path(viewer) if viewer else "/login"
    return message_panel(
        t("auth.denied_title", lang),
        t(reason_key, lang, **values),
        icon="bi-shield-lock",
        element_id="access-denied",
        action=html.A(t("auth.home", lang), href=home, className="btn btn-outline-primary mt-2"),
    )


def _deny(detail: str, unit_code: str | None = None) -> None:
    viewer = current_viewer()
    with contextlib.suppress(SQLAlchemyError):  # a refusal stands even when it cannot be logged
        audit.record(audit.ACCESS_DENIED, viewer.username if viewer else "", unit_code=unit_code, detail=detail)


def unit_label(unit_code: str, lang: str) -> str:
    """The unit's name for a refusal message; the code itself when the name cannot be read."""
    try:
        found = queries.unit(unit_code)
    except SQLAlchemyError:
        found = None
    if not found:
        return unit_code
    return localized(found, "name", lang)


def unit_refusal(unit_code: str, lang: str) -> html.Div | None:
    """None when the reader may see this unit's detail; otherwise the panel to show instead (and it is logged)."""
    if can_view_unit(current_viewer(), unit_code):
        return None
    _deny(f"unit {unit_code} ({request.path})", unit_code)
    return refusal(lang, "auth.denied_unit", unit=unit_label(unit_code, lang))


def level_refusal(level: str, lang: str) -> html.Div | None:
    """None when the reader may see the published ranking of `level`; otherwise the panel to show instead."""
    if can_view_level(current_viewer(), level):
        return None
    _deny(f"level {level}")
    return refusal(lang, "auth.denied_level", level=t(f"level.{level}", lang))


def refused_unit_download(unit_code: str) -> Response | None:
    """None when the reader may download this unit's detail (a report file served outside Dash);
    otherwise the 403 page, and the refusal is logged."""
    viewer = current_viewer()
    if can_view_unit(viewer, unit_code):
        return None
    _deny(f"download {request.path}", unit_code)
    lang = language()
    message = t("auth.denied_unit", lang, unit=unit_label(unit_code, lang))
    return forbidden_response(lang, message, landing_path(viewer) if viewer else "/login")


def all_units_refusal(what: str, lang: str, reason_key: str) -> html.Div | None:
    """None for a leader or an admin; otherwise the panel to show instead of `what` (logged): for what
    covers every unit of a level at once, such as the level's batch of reports."""
    if sees_all_units(current_viewer()):
        return None
    _deny(what)
    return refusal(lang, reason_key)


def _path_params(page: dict) -> set[str]:
    """The path variables of a page (`/units/<unit_code>` → {"unit_code"}); a unit named in the query
    string instead (`/whatif?unit=…`) may be left out, and the page then picks one its reader may see."""
    template = page.get("path_template") or ""
    return {part[1:-1] for part in template.strip("/").split("/") if part.startswith("<")}


def _guard_layout(page: dict, layout: Callable[..., Any] | Any) -> Callable[..., Any]:
    unit_param = page.get("unit_param")

    @functools.wraps(layout if callable(layout) else _guard_layout)
    def guarded(**kwargs: str) -> Any:
        lang = language()
        viewer = current_viewer()
        if not can_open(viewer, page_access(page)):
            _deny(f"page {page['path']}")
            return refusal(lang, "auth.denied_page")
        unit_code = kwargs.get(unit_param) if unit_param else None
        if unit_param and (unit_param in _path_params(page) or unit_code):
            unit_code = unit_code or ""
            denied = unit_refusal(unit_code, lang)
            if denied is not None:
                return denied
            with contextlib.suppress(SQLAlchemyError):  # the page itself explains a database that is down
                audit.record(audit.UNIT_VIEW, viewer.username, unit_code=unit_code)
        return layout(**kwargs) if callable(layout) else layout

    return guarded


def check_request() -> Response | None:
    """Flask `before_request`: sign-in for everything but the open paths, page access for page loads and callbacks."""
    path = request.path
    if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
        return None
    viewer = current_viewer()
    lang = language()
    if viewer is None and session_unverifiable():
        if request.method == "GET" and not path.startswith("/_"):
            return outage_response(lang)
        return jsonify(message=t("error.database", lang)), 503
    if path == CALLBACK_PATH:
        if viewer is None:
            return jsonify(message=t("auth.signed_out", lang)), 401
        body = request.get_json(silent=True) or {}
        wanted = callback_access(body)
        if wanted is None or not all(can_open(viewer, access) for access in wanted):
            _deny(f"callback {body.get('output', '')}")
            return jsonify(message=t("auth.denied_page", lang)), 403
        return None
    if viewer is None:
        if request.method == "GET" and not path.startswith("/_"):
            return redirect(f"/login?{urlencode({'next': request.full_path.rstrip('?')})}")
        return jsonify(message=t("auth.signed_out", lang)), 401
    match = page_for_path(path)
    if match is None:
        return None
    page, variables = match
    unit_param = page.get("unit_param")
    unit_code = variables.get(unit_param, request.args.get(unit_param) or None) if unit_param else None
    if not can_open(viewer, page_access(page)):
        _deny(f"page {path}", unit_code)
        return forbidden_response(lang, t("auth.denied_page", lang), landing_path(viewer))
    if unit_code is not None and not can_view_unit(viewer, unit_code):
        _deny(f"page {path}", unit_code)
        message = t("auth.denied_unit", lang, unit=unit_label(unit_code, lang))
        return forbidden_response(lang, message, landing_path(viewer))
    return None


def install(app: dash.Dash) -> None:
    """Wrap every registered page's layout and check every request; call once, after pages are registered."""
    for page in _pages():
        page["layout"] = _guard_layout(page, page["layout"])
    app.server.before_request(check_request)
