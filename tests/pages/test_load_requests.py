"""The load script asks for each page as the browser does: if a page's callbacks change, its
requests change with them instead of failing as 500s that read like the app's errors."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient

from scripts.load_test import PAGES, content_request
from tests.pages.conftest import route_to


@pytest.mark.parametrize("page", sorted(PAGES))
def test_each_page_the_load_script_opens_fills_its_content(client: FlaskClient, page: str) -> None:
    path, content_id = PAGES[page]
    pathname, _, search = path.partition("?")
    dependencies = client.get("/_dash-dependencies").get_json()
    routed = route_to(client, pathname, f"?{search}" if search else "")
    assert routed.status_code == 200
    layout = routed.get_json()["response"]["_pages_content"]["children"]

    answer = client.post("/_dash-update-component", json=content_request(dependencies, layout, content_id))

    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    filled = answer.get_json()["response"][content_id]["children"]
    assert json.dumps(filled, ensure_ascii=False).count('"props"') > 5, "the page's content came back empty"


def test_a_content_no_callback_fills_is_named(client: FlaskClient) -> None:
    dependencies = client.get("/_dash-dependencies").get_json()
    with pytest.raises(LookupError, match="no-such-content"):
        content_request(dependencies, [], "no-such-content")
