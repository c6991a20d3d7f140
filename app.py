"""The DTI dashboard: a multi-page Dash app. `python app.py` runs it; `gunicorn app:server` in production."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from urllib.parse import urlsplit

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Dash, Input, Output, State, dcc, html
from flask import Response, abort, jsonify, make_response, redirect, request, send_file
from plotly.utils import PlotlyJSONEncoder
from sqlalchemy import event
from sqlalchemy.engine import Engine, ExceptionContext
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from werkzeug.exceptions import RequestEntityTooLarge

from auth import audit, guard, headers, users
from auth.cli import users_cli
from auth.models import AuditEvent
from auth.policy import ADMIN_ONLY, can_open, can_view_unit
from auth.session import configure_sessions, csrf_token, current_viewer
from auth.views import blueprint as auth_views
from auth.views import safe_next
from components import shell
from components.i18n import LANGUAGES, t
from components.theme import DEFAULT_THEME
from data_access import db, geo, queries
from data_access.cache import cache, cache_state, configure_cache, request_data_version
from data_access.importing.cli import data_cli
from data_access.importing.parsing import max_upload_bytes
from data_access.settings import PROJECT_ROOT
from data_access.units_cli import units_cli
from pages._context import LANGUAGE_COOKIE, drawing_key, language, parse_search, source_titles, whole_number
from pages._unit_reports import blueprint as unit_reports
from seed.loader import load_seed
from web import answer_cache, delivery

log = logging.getLogger("dti")

INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="vi" data-bs-theme="dark">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


def report_callback_error(error: Exception) -> None:
    """Log any callback failure and tell the reader in words; the outputs keep their last state."""
    log.exception("Callback failed", exc_info=error)
    answer_cache.do_not_store()
    dash.set_props(shell.ERROR_ALERT, {"children": t("error.unexpected", language()), "is_open": True})


app = Dash(
    __name__,
    use_pages=True,
    pages_folder=str(PROJECT_ROOT / "pages"),
    assets_folder=str(PROJECT_ROOT / "assets"),
    title="Chỉ số chuyển đổi số",
    update_title=None,
    suppress_callback_exceptions=True,
    # plotly.js is not Dash's full bundle: assets/vendor/plotly-partial.min.js (the app's traces only,
    # scripts/build_plotly_bundle.py) runs before the renderer and sets window.Plotly, which dcc.Graph
    # uses instead of fetching `_dash-component-suites/plotly/package_data/plotly.min.js`.
    serve_locally=True,
    on_error=report_callback_error,
    # The router reads the query from `shell.ROUTED_SEARCH` (`shell.routedSearch` in assets/20-shell.js):
    # a change of the query alone on a page that follows its own query is not posted to it. The page's
    # own callbacks redraw it, without a round trip first, and without dash-renderer holding them back
    # while an answer that could replace the whole page is pending. "search_" is the key of Dash's own
    # query input, which this replaces (Dash 4.4); tests/pages/test_router_query.py fails if it stops doing so.
    routing_callback_inputs={"search_": Input(shell.ROUTED_SEARCH, "data")},
    meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
)
app.index_string = INDEX_TEMPLATE
server = app.server
configure_cache(server)
configure_sessions(server)
# No request body beyond an upload at the import limit (sent base64, 4/3 its size) and Dash's JSON
# around it: a file a little over the limit still gets the page's own explanation, a huge one a 413.
server.config["MAX_CONTENT_LENGTH"] = 4 * max_upload_bytes()
server.register_blueprint(auth_views)
server.register_blueprint(unit_reports)
server.cli.add_command(users_cli)
server.cli.add_command(data_cli)
server.cli.add_command(units_cli)
guard.install(app)
headers.install(app)


def answer_context() -> tuple[object, ...] | None:
    """What a kept callback answer depends on besides the request body: what a page's content depends on
    (`drawing_key`: language, the reader's access scope, not the account, and the local date) and the
    data version. None when nobody is signed in or the data version cannot be read: such a request is
    drawn, never kept."""
    viewer = current_viewer()
    if viewer is None:
        return None
    try:
        version = request_data_version()
    except SQLAlchemyError:
        return None
    return (*drawing_key(), version)


def replay_audit(entries: tuple) -> None:
    """A kept answer's audit entries (a unit page viewed, a refusal), written again for this reader."""
    viewer = current_viewer()
    for kind, unit_code, detail in entries:
        with contextlib.suppress(SQLAlchemyError):  # as when drawn: the answer stands if the log cannot be written
            audit.record(kind, viewer.username if viewer else "", unit_code=unit_code, detail=detail)


@event.listens_for(AuditEvent, "after_insert")
def _audit_written(_mapper: object, _connection: object, row: AuditEvent) -> None:
    answer_cache.note_effect((row.kind, row.unit_code, row.detail))


@event.listens_for(Engine, "handle_error")
def _database_failed(context: ExceptionContext) -> None:
    """An answer drawn while the database failed may be an outage panel: not kept. A statement the
    driver refused before sending it (pandas probing whether a query is a table name) is no outage."""
    if context.is_disconnect or isinstance(context.sqlalchemy_exception, OperationalError | InterfaceError):
        answer_cache.do_not_store()


if os.environ.get("DTI_ANSWER_CACHE", "1") != "0":
    answer_cache.install(
        server,
        cache,
        context=answer_context,
        replay=replay_audit,
        code_version=answer_cache.code_fingerprint(
            PROJECT_ROOT, ("app.py", "auth", "components", "data_access", "domain", "pages", "web")
        ),
    )
delivery.install(server)


def prepare_database() -> None:
    """Create the schema and load the seed on an empty database; a database that does not answer
    is logged, not fatal, so the app still starts, `/healthz` reports 503 and pages explain."""
    try:
        report = load_seed()
    except SQLAlchemyError as exc:
        log.warning("Cơ sở dữ liệu chưa sẵn sàng, bỏ qua bước nạp dữ liệu: %s", str(exc).splitlines()[0])
        return
    if report.loaded:
        log.info("Đã nạp dữ liệu gốc: %s", report.counts)
    password = users.ensure_first_admin()
    if password:
        # Printed once, never stored in clear or logged: the operator signs in and changes it.
        print(
            "\n*** Chưa có tài khoản nào: đã tạo tài khoản quản trị 'admin' với mật khẩu (chỉ in một lần):\n"
            f"***   {password}\n"
            "*** Đổi mật khẩu: flask --app app:server users reset-password admin\n",
            file=sys.stderr,
            flush=True,
        )


def nav_items(lang: str) -> list[shell.NavItem]:
    """The pages the reader may open: a link they could not follow is noise (the server refuses it anyway)."""
    viewer = current_viewer()
    pages = sorted(
        (p for p in dash.page_registry.values() if p.get("nav_key") and can_open(viewer, guard.page_access(p))),
        key=lambda p: p["order"],
    )
    items = [
        shell.NavItem(href=p["path"], label=t(p["nav_key"], lang), icon=p.get("nav_icon", "bi-circle")) for p in pages
    ]
    if viewer is not None and viewer.unit_code:
        # A unit head's own page first: the one page of detail they may open.
        items.insert(
            0, shell.NavItem(href=f"/units/{viewer.unit_code}", label=t("shell.my_unit", lang), icon="bi-building")
        )
    return items


def user_menu(lang: str) -> html.Form | None:
    viewer = current_viewer()
    if viewer is None:
        return None
    role = t(f"role.{viewer.role}", lang) + (f" · {viewer.unit_code}" if viewer.unit_code else "")
    return shell.user_menu(viewer.username, role, csrf_token(), lang)


def footer_titles(lang: str) -> list[str]:
    """The titles of the documents the pages about the province in focus cite (all of them when no
    province is in focus): another province's plans and reports are not this one's sources."""
    titles = source_titles(lang)
    focus = queries.focus_unit_code()
    if focus is None:
        return list(titles.values())
    cited = queries.cited_source_codes(focus)
    return [title for code, title in titles.items() if code in cited]


def query_following_paths() -> list[str]:
    """The paths of the pages that redraw a change of their query themselves (`follows_query`); a page with
    path variables by its template (`/units/<unit_code>`), which `shell.routedSearch` matches."""
    return [
        dash.get_relative_path(page.get("path_template") or page["path"])
        for page in dash.page_registry.values()
        if page.get("follows_query")
    ]


def serve_layout() -> html.Div:
    lang = language()
    try:
        titles: list[str] | None = footer_titles(lang)
    except SQLAlchemyError:
        titles = None
    return html.Div(
        [
            dcc.Location(id=shell.LOCATION),
            dcc.Store(id=shell.ROUTED_SEARCH),
            dcc.Store(id=shell.QUERY_PAGES, data=query_following_paths()),
            dcc.Store(id=shell.THEME_STORE, storage_type="local", data=DEFAULT_THEME),
            shell.navbar(nav_items(lang), lang, user_menu(lang)),
            shell.error_alert(),
            html.Main(dash.page_container, className="page-body"),
            shell.footer(titles, lang),
        ],
        className="app-shell",
        lang=lang,
    )


app.layout = serve_layout


def page_years(pathname: str) -> list[int]:
    """The years a page can show: its own `year_options` (a plan's years; a unit's, given its path
    variables) or every year with results."""
    match = guard.page_for_path(pathname)
    if match and callable(match[0].get("year_options")):
        page, variables = match
        unit_code = variables.get(page.get("unit_param") or "")
        if unit_code is not None and not can_view_unit(current_viewer(), unit_code):
            return []  # even a unit's years are its own detail
        return page["year_options"](**variables)
    return queries.available_years()


@dash.callback(Output(shell.YEAR_SLOT, "children"), Input(shell.LOCATION, "pathname"), State(shell.LOCATION, "search"))
def show_year_links(pathname: str | None, search: str | None) -> list:
    """The page's year links, drawn when the path changes; a change of the query alone is redrawn in the
    browser (`shell.year_selector`), so a year or level chosen costs no request for them."""
    lang = language()
    path = pathname or "/"
    try:
        years = page_years(path)
        default = page_default_year(path, years) if years else None
    except SQLAlchemyError:
        return []
    query = parse_search(search)
    return shell.year_selector(
        years,
        default,
        whole_number(query.get("year")),
        pathname=path,
        search=search or "",
        query=query,
        lang=lang,
    )


app.clientside_callback(
    ClientsideFunction(namespace="shell", function_name="yearLinks"),
    Output(shell.YEAR_LINKS, "html"),
    Input(shell.LOCATION, "search"),
    Input(shell.YEAR_CHOICE, "data"),
    State(shell.LOCATION, "pathname"),
)


def page_default_year(pathname: str, years: list[int]) -> int:
    """The year a page opens on without `?year=`: its own `year_default` (the latest year with a value
    of the focus, not a year of ranks only), else the latest of its years."""
    match = guard.page_for_path(pathname)
    if match and callable(match[0].get("year_default")):
        page, variables = match
        return page["year_default"](years, **variables) or years[-1]
    return years[-1]


app.clientside_callback(
    ClientsideFunction(namespace="shell", function_name="routedSearch"),
    Output(shell.ROUTED_SEARCH, "data"),
    Input(shell.PAGES_LOCATION, "pathname"),
    Input(shell.PAGES_LOCATION, "search"),
    State(shell.QUERY_PAGES, "data"),
)
app.clientside_callback(
    ClientsideFunction(namespace="shell", function_name="toggleTheme"),
    Output(shell.THEME_STORE, "data"),
    Input(shell.THEME_TOGGLE, "n_clicks"),
    State(shell.THEME_STORE, "data"),
    prevent_initial_call=True,
)
app.clientside_callback(
    ClientsideFunction(namespace="shell", function_name="applyTheme"),
    Output(shell.THEME_TOGGLE, "className"),
    Input(shell.THEME_STORE, "data"),
)


@server.get("/healthz")
def healthz():
    """The database's state (503 when it does not answer) and the cache's, which is read from memory:
    a hung Redis must not make the health check hang. Anyone may ask, so the body names no host,
    port or driver message; those go to the log."""
    cache = cache_state()
    try:
        db.ping()
    except db.DatabaseUnavailable as exc:
        log.warning("Health check: database unavailable: %s", exc)
        return jsonify(status="unavailable", reason="database unavailable", cache=cache), 503
    return jsonify(status="ok", cache=cache)


@server.get("/geo/<file_name>")
def boundaries_file(file_name: str):
    """A shipped boundaries file, which the maps reference by URL (see `pages._kit.boundaries_url`);
    web/delivery.py compresses it and, under its versioned URL, lets the browser keep it."""
    path = geo.served_path(file_name)
    if path is not None:
        return send_file(path, mimetype="application/json")
    content = geo.served_content(file_name)
    if content is None:
        abort(404)
    return Response(content, mimetype="application/json")


@server.get("/lang/<code>")
def switch_language(code: str):
    """Remember the language in a cookie and go back to the page the reader was on (a path on this
    site only, checked as sign-in checks `next`: a page URL `//evil.example/…` leads nowhere else)."""
    target = "/"
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host:
        target = safe_next(referrer.path + (f"?{referrer.query}" if referrer.query else "")) or "/"
    response = make_response(redirect(target))
    if code in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True, secure=request.is_secure
        )
    return response


@server.errorhandler(RequestEntityTooLarge)
def upload_too_large(error: RequestEntityTooLarge):
    """A request body over the limit is refused before it is read. The one callback that sends
    files is the admin upload check: an admin gets its own refusal in the page, not a bare 413."""
    if request.path != guard.CALLBACK_PATH or not can_open(current_viewer(), ADMIN_ONLY):
        return error
    lang = language()
    size = max_upload_bytes() // (1024 * 1024)
    message = dbc.Alert(
        [html.Strong(t("admin.refused_title", lang)), " ", t("admin.too_large", lang, size=size)],
        color="danger",
        id="admin-refused",
    )
    body = {"multi": True, "response": {"admin-check": {"children": message}}}
    return Response(json.dumps(body, cls=PlotlyJSONEncoder), mimetype="application/json")


prepare_database()

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app.run(
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8050")),
        debug=False,
        request_handler=headers.QuietRequestHandler,
    )
