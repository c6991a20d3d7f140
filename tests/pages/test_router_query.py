"""Dash's page router reads its query from `shell-routed-search`, which the browser fills
(`shell.routedSearch`), not from the Location: a query changed on a page that follows its own
(`follows_query`) is not posted to it (tests/browser/test_filter_requests.py shows the requests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import _callback

from components import shell
from tests.pages.conftest import components, route_to

if TYPE_CHECKING:
    from flask.testing import FlaskClient

ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."


def triggers(dash_app, output: str) -> list[list[str]]:
    return [
        [f"{spec['id']}.{spec['property']}" for spec in callback["inputs"]]
        for key, callback in {**_callback.GLOBAL_CALLBACK_MAP, **dash_app.app.callback_map}.items()
        if key == output
    ]


def test_the_router_is_triggered_by_the_path_and_the_routed_query_only(dash_app, client: FlaskClient) -> None:
    client.get("/healthz")  # Dash registers its router on the app's first request
    assert triggers(dash_app, ROUTER_OUTPUT) == [[f"{shell.PAGES_LOCATION}.pathname", f"{shell.ROUTED_SEARCH}.data"]]
    assert triggers(dash_app, f"{shell.ROUTED_SEARCH}.data") == [
        [f"{shell.PAGES_LOCATION}.pathname", f"{shell.PAGES_LOCATION}.search"]
    ]


def test_the_overview_the_rankings_the_districts_the_pillars_the_targets_and_the_unit_pages_follow_their_own_query(
    dash_app,
) -> None:
    """A page with path variables is named by its template, which the browser matches (`shell.routedSearch`)."""
    with dash_app.server.test_request_context("/"):
        assert sorted(dash_app.query_following_paths()) == [
            "/",
            "/districts",
            "/pillars",
            "/rankings",
            "/targets",
            "/units/<unit_code>",
        ]


def test_the_router_builds_the_page_for_the_routed_query(client: FlaskClient) -> None:
    response = route_to(client, "/rankings", "?level=department&year=2021")
    assert response.status_code == 200, response.get_data(as_text=True)
    layout = response.get_json()["response"]["_pages_content"]["children"]
    query = next(c["props"]["data"] for c in components(layout) if c["props"].get("id") == "rankings-query")
    assert (query["level"], query["year"]) == ("department", "2021")
