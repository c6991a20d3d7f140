"""The Dash app in-process, on a seeded SQLite database, for HTTP-level tests."""

from __future__ import annotations

import copy
import importlib
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from html.parser import HTMLParser

import dash
import pytest
from dash import _callback
from flask.testing import FlaskClient

from data_access.cache import cache
from tests.conftest import TEST_ACCOUNTS, create_test_accounts, sqlite_url


@pytest.fixture(scope="session")
def app_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The database of the app these tests post to (`dash_app`)."""
    return sqlite_url(tmp_path_factory.mktemp("app"))


@pytest.fixture(scope="session")
def dash_app(app_database_url: str):
    """Import `app` once (Dash pages register globally) with its own database, loaded on import."""
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = app_database_url
    module = importlib.import_module("app")
    create_test_accounts(app_database_url)
    yield module
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous


def form_token(client: FlaskClient, path: str = "/login") -> str:
    """The anti-forgery token the sign-in form at `path` carries."""
    return re.search(r'name="csrf" value="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)


def sign_in(client: FlaskClient, account: str):
    """Sign in as one of the test accounts (`TEST_ACCOUNTS`); returns the POST's response."""
    username, password, _role, _unit = TEST_ACCOUNTS[account]
    return sign_in_with(client, username, password)


def sign_in_with(client: FlaskClient, username: str, password: str):
    """Sign in through the form, as a browser would; returns the POST's response."""
    token = form_token(client)
    return client.post("/login", data={"username": username, "password": password, "csrf": token})


@pytest.fixture
def anonymous_client(dash_app, app_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[FlaskClient]:
    """A client nobody signed in on, the app on its own database whatever a module before left set, its
    cache empty. Cleared in the app's own context: outside one, flask-caching clears the backend of the
    app it was last set up for, which a test of the Redis backend may have made another (tests/conftest.py,
    tests/data_access/test_cache.py), and the app would answer from what an earlier test kept."""
    monkeypatch.setenv("DATABASE_URL", app_database_url)
    with dash_app.server.app_context():
        cache.clear()
    yield dash_app.server.test_client()
    with dash_app.server.app_context():
        cache.clear()


@pytest.fixture
def client_as(anonymous_client: FlaskClient, dash_app) -> Callable[[str], FlaskClient]:
    """`client_as("unit_head")`: a new client signed in with that test account."""

    def open_as(account: str) -> FlaskClient:
        signed = dash_app.server.test_client()
        assert sign_in(signed, account).status_code == 302
        return signed

    return open_as


@pytest.fixture
def client(client_as: Callable[[str], FlaskClient]) -> FlaskClient:
    """A client signed in as a leader (who may see everything but `/admin`)."""
    return client_as("leader")


def post_callback(client: FlaskClient, output: str, inputs: list[dict], cookies: dict[str, str] | None = None):
    """Call a callback the way the browser does, with these cookies set first (`post_to_callback`)."""
    for name, value in (cookies or {}).items():
        client.set_cookie(name, value)
    return post_to_callback(client, output, inputs)


def post_to_callback(
    client: FlaskClient, first_output: str, inputs: list, state: list[dict] | None = None, changed: str | None = None
):
    """POST to the callback whose outputs start with `first_output` ("present-download.data"), as the browser
    does, with `inputs[0]` (or `changed`) as the trigger: its key in Dash's map names every output, with the
    suffixes `allow_duplicate` gives them. An output no callback has is posted as it is (what a forged
    request sends)."""
    keys = [*dash.get_app().callback_map, *_callback.GLOBAL_CALLBACK_MAP]
    key = (
        first_output
        if first_output in keys
        else next((k for k in keys if k.lstrip(".").startswith(first_output)), first_output)
    )
    if key.startswith(".."):
        outputs: list[dict] | dict = [
            dict(zip(("id", "property"), spec.rsplit(".", 1), strict=True)) for spec in key.strip(".").split("...")
        ]
    else:
        outputs = dict(zip(("id", "property"), key.rsplit(".", 1), strict=True))
    return client.post(
        "/_dash-update-component",
        json={
            "output": key,
            "outputs": outputs,
            "inputs": inputs,
            "changedPropIds": [changed or f"{inputs[0]['id']}.{inputs[0]['property']}"],
            "state": state or [],
        },
    )


def route_to(client, pathname: str, search: str = ""):
    """Dash's page router callback, as the browser posts it on navigation: it returns the page's layout."""
    return client.post(
        "/_dash-update-component",
        json={
            "output": ".._pages_content.children..._pages_store.data..",
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [
                {"id": "_pages_location", "property": "pathname", "value": pathname},
                {"id": "shell-routed-search", "property": "data", "value": search},
            ],
            "changedPropIds": ["_pages_location.pathname"],
            "state": [],
        },
    )


OVERVIEW_OUTPUT = (
    "..overview-content.children...overview-drawn.data..."
    '{"name":["ALL"],"type":"overview-slot"}.children...{"name":["ALL"],"type":"overview-figure"}.figure..'
)


def overview_body(
    year: str | None,
    *,
    lag: str | None = None,
    theme: str = "dark",
    drawn: dict | None = None,
    present: tuple = ((), ()),
) -> dict:
    """The overview content callback's request as the browser posts it: `drawn` is the record of what it
    shows (None on a first drawing), `present` the names of the slots and graphs it shows."""
    slots, figures = present
    return {
        "output": OVERVIEW_OUTPUT,
        "outputs": [
            {"id": "overview-content", "property": "children"},
            {"id": "overview-drawn", "property": "data"},
            [{"id": {"type": "overview-slot", "name": name}, "property": "children"} for name in slots],
            [{"id": {"type": "overview-figure", "name": name}, "property": "figure"} for name in figures],
        ],
        "inputs": [
            {"id": "overview-year", "property": "data", "value": year},
            {"id": "shell-theme", "property": "data", "value": theme},
            {"id": "overview-lag", "property": "data", "value": lag},
        ],
        "changedPropIds": ["overview-year.data"],
        "state": [{"id": "overview-drawn", "property": "data", "value": drawn}],
    }


def overview_callback(client: FlaskClient, year: str | None, **options):
    """Post the overview's content callback as the browser does (`overview_body`); returns the response."""
    return client.post("/_dash-update-component", json=overview_body(year, **options))


def components(node) -> Iterator[dict]:
    """Every Dash component of a layout answer, depth first (a figure's JSON is data, not components).
    A `StaticHtml` block is followed by its elements, read back from its HTML in the same shape
    (namespace `STATIC_ELEMENT`): a test finds a row or a link in it as in any other table."""
    if isinstance(node, list):
        for item in node:
            yield from components(item)
    elif isinstance(node, dict):
        if {"type", "namespace", "props"} <= node.keys():
            yield node
            if node["type"] == "StaticHtml":
                yield from components(read_static_html(node["props"]["html"]))
                return
            for name, value in node["props"].items():
                if name != "figure":
                    yield from components(value)
        else:
            for value in node.values():
                yield from components(value)


def inner_text(node) -> str:
    """The text a component of an answer shows, its children's text joined, whether it came as
    components or read back from a `StaticHtml` block (where a text is a list of one string)."""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(inner_text(item) for item in node)
    if isinstance(node, dict) and "props" in node:
        return inner_text(node["props"].get("children"))
    return ""


def patched(figure: dict, patch: dict) -> dict:
    """`figure` with a Dash `Patch` applied as the browser applies it (its Assign and Delete operations),
    for comparing what a patched graph shows with a fresh drawing."""
    result = copy.deepcopy(figure)
    for operation in patch["operations"]:
        *path, last = operation["location"]
        node = result
        for step in path:
            node = node[step]
        if operation["operation"] == "Assign":
            node[last] = operation["params"]["value"]
        elif operation["operation"] == "Delete":
            del node[last]
        else:
            raise AssertionError(f"an operation the test does not apply: {operation['operation']}")
    return result


STATIC_ELEMENT = "static-html"
# HTML's attribute names as React spells them.
REACT_NAMES = {"class": "className", "colspan": "colSpan", "rowspan": "rowSpan", "for": "htmlFor"}
VOID_ELEMENTS = {"br", "hr", "img", "wbr", "col"}


def read_static_html(text: str) -> list:
    """A `StaticHtml` block's HTML as a tree of component-shaped elements (`Td`, `Tr`; a link followed
    inside the app as `Link`), with their attributes and children."""
    root: dict = {"props": {"children": []}}
    stack = [root]

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            props = {REACT_NAMES.get(name, name): "" if value is None else value for name, value in attrs}
            kind = "Link" if tag == "a" and "data-dash-link" in props else tag.capitalize()
            element = {"type": kind, "namespace": STATIC_ELEMENT, "props": {**props, "children": []}}
            stack[-1]["props"]["children"].append(element)
            if tag not in VOID_ELEMENTS:
                stack.append(element)

        def handle_endtag(self, tag):
            stack.pop()

        def handle_data(self, data):
            stack[-1]["props"]["children"].append(data)

    reader = Reader(convert_charrefs=True)
    reader.feed(text)
    reader.close()
    return root["props"]["children"]


def rankings_download_body(query: dict) -> dict:
    """The rankings CSV download's request as the browser posts it, for the query the page shows."""
    return {
        "output": "rankings-download-file.data",
        "outputs": {"id": "rankings-download-file", "property": "data"},
        "inputs": [
            {"id": "rankings-download-csv", "property": "n_clicks", "value": 1},
            {"id": "rankings-download-xlsx", "property": "n_clicks", "value": None},
        ],
        "changedPropIds": ["rankings-download-csv.n_clicks"],
        "state": [{"id": "rankings-query", "property": "data", "value": query}],
    }


def shown_parts(content: list, page: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names of the slots and graphs a drawing of `page` shows: the browser's ALL outputs once drawn."""
    ids = [node["props"].get("id") for node in components(content)]
    return tuple(
        tuple(i["name"] for i in ids if isinstance(i, dict) and i["type"] == f"{page}-{kind}")
        for kind in ("slot", "figure")
    )


def part_of(content: list, key: str) -> dict:
    """A part's component in a whole drawing, by its output key (its id as JSON)."""
    wanted = json.loads(key)
    return next(node for node in components(content) if node["props"].get("id") == wanted)


def parts_answer(client: FlaskClient, body: dict) -> dict:
    """A content callback's answer (its outputs by id), uncompressed."""
    response = client.post("/_dash-update-component", json=body, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"]


def parts_body(
    page: str,
    query: dict,
    *,
    before: Sequence[tuple[str, str]],
    after: Sequence[tuple[str, str]] = (),
    theme: str = "dark",
    drawn: dict | None = None,
    present: tuple = ((), ()),
) -> dict:
    """The content callback of a page that draws by parts (`components.parts`), as the browser posts it:
    its outputs `before` the drawing record (id, property), the slots and graphs it shows (`present`, their
    names), its outputs `after` them; `drawn` is the record of what it shows (None on a first drawing)."""
    slots, figures = present
    outputs = [*before, (f"{page}-drawn", "data")]
    patterns = [
        f'{{"name":["ALL"],"type":"{page}-slot"}}.children',
        f'{{"name":["ALL"],"type":"{page}-figure"}}.figure',
    ]
    named = [*(f"{i}.{p}" for i, p in outputs), *patterns, *(f"{i}.{p}" for i, p in after)]
    return {
        "output": ".." + "...".join(named) + "..",
        "outputs": [
            *({"id": i, "property": p} for i, p in outputs),
            [{"id": {"type": f"{page}-slot", "name": name}, "property": "children"} for name in slots],
            [{"id": {"type": f"{page}-figure", "name": name}, "property": "figure"} for name in figures],
            *({"id": i, "property": p} for i, p in after),
        ],
        "inputs": [
            {"id": f"{page}-query", "property": "data", "value": query},
            {"id": "shell-theme", "property": "data", "value": theme},
        ],
        "changedPropIds": [f"{page}-query.data"],
        "state": [{"id": f"{page}-drawn", "property": "data", "value": drawn}],
    }


def rankings_body(query: dict, **options: object) -> dict:
    """The rankings content callback's request (`parts_body`)."""
    before = [("rankings-heading", "children"), ("rankings-content", "children")]
    after = [("rankings-download-csv", "disabled"), ("rankings-download-xlsx", "disabled")]
    return parts_body("rankings", query, before=before, after=after, **options)


def districts_body(query: dict, **options: object) -> dict:
    """The districts content callback's request (`parts_body`)."""
    before = [("districts-heading", "children"), ("districts-content", "children")]
    return parts_body("districts", query, before=before, after=[("districts-criterion", "options")], **options)


def pillars_body(query: dict, **options: object) -> dict:
    """The pillars content callback's request (`parts_body`)."""
    return parts_body("pillars", query, before=[("pillars-content", "children")], **options)


def units_body(query: dict, **options: object) -> dict:
    """The unit page's content callback's request (`parts_body`); `query` holds `unit_code` and `year`."""
    return parts_body("units", query, before=[("units-content", "children")], **options)
