"""The navbar's year links as the server draws them: for a page's path, with what the browser needs to
redraw them for another query of that page itself (tests/browser/test_filter_requests.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import _callback

from components import shell
from tests.pages.conftest import components, inner_text

if TYPE_CHECKING:
    from flask.testing import FlaskClient

SLOT_OUTPUT = f"{shell.YEAR_SLOT}.children"


def year_slot(client: FlaskClient, pathname: str, search: str) -> list:
    """The year slot's answer to the browser's post on a path change (the query is read, not a trigger)."""
    response = client.post(
        "/_dash-update-component",
        json={
            "output": SLOT_OUTPUT,
            "outputs": {"id": shell.YEAR_SLOT, "property": "children"},
            "inputs": [{"id": shell.LOCATION, "property": "pathname", "value": pathname}],
            "state": [{"id": shell.LOCATION, "property": "search", "value": search}],
            "changedPropIds": [f"{shell.LOCATION}.pathname"],
        },
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["response"][shell.YEAR_SLOT]["children"]


def links(slot: list) -> list[tuple[str, str, bool]]:
    return [
        (inner_text(link), link["props"]["href"], "active" in link["props"]["className"])
        for link in components(slot)
        if link["type"] == "Link"
    ]


def choice(slot: list) -> dict:
    return next(part["props"]["data"] for part in components(slot) if part["props"].get("id") == shell.YEAR_CHOICE)


def test_a_query_alone_posts_nothing_for_the_year_links(dash_app) -> None:
    triggers = [
        [f"{spec['id']}.{spec['property']}" for spec in callback["inputs"]]
        for output, callback in {**_callback.GLOBAL_CALLBACK_MAP, **dash_app.app.callback_map}.items()
        if output == SLOT_OUTPUT
    ]
    assert triggers == [[f"{shell.LOCATION}.pathname"]]


def test_the_links_are_drawn_for_the_query_and_keep_the_pages_default_year_for_the_browser(
    client: FlaskClient,
) -> None:
    slot = year_slot(client, "/rankings", "?level=department&year=2021")

    assert links(slot) == [
        ("2020", "/rankings?level=department&year=2020", False),
        ("2021", "/rankings?level=department&year=2021", True),
        ("2022", "/rankings?level=department&year=2022", False),
    ]
    kept = choice(slot)
    assert (kept["pathname"], kept["search"], kept["years"], kept["default"]) == (
        "/rankings",
        "?level=department&year=2021",
        [2020, 2021, 2022],
        2022,
    )
