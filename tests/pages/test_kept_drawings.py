"""A page's content kept per URL (`components.parts.Drawing`, memoized in `pages`): a year shown again
is answered without building it anew, whatever the browser asking shows now, and never from another
reader's scope, theme or data version.

Posted over HTTP as the browser posts them. The whole-answer cache (web/answer_cache.py) keys on the
request body, so each request here, a body not posted before in its test, passes it by.
"""

from __future__ import annotations

import importlib
from collections import Counter

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from data_access import db
from tests.pages.conftest import components, overview_body, rankings_body

YEARS = ("2022", "2021")


@pytest.fixture
def builds(dash_app, monkeypatch: pytest.MonkeyPatch) -> Counter:
    """How many times each page's content was built, by (page, year)."""
    overview, rankings = (importlib.import_module(f"pages.{name}") for name in ("overview", "rankings"))
    counted: Counter = Counter()
    build_overview, render_province = overview.overview_content, rankings.render_province

    def counting_overview(year, theme, lag):
        counted["/", year] += 1
        return build_overview(year, theme, lag)

    def counting_rankings(selection, theme, lang, titles):
        counted["/rankings", str(selection.year)] += 1
        return render_province(selection, theme, lang, titles)

    monkeypatch.setattr(overview, "overview_content", counting_overview)
    monkeypatch.setattr(rankings, "render_province", counting_rankings)
    return counted


def shown(drawn: dict) -> tuple[list[str], list[str]]:
    """The slots and graphs a browser shows after drawing `drawn` (their names, by id type)."""
    names = [key.split("/", 1) for key in drawn["parts"]]
    return [n for kind, n in names if kind == "overview-slot"], [n for kind, n in names if kind == "overview-figure"]


def post(client: FlaskClient, body: dict) -> dict:
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"]


def test_a_year_shown_again_is_answered_from_its_kept_drawing(client: FlaskClient, client_as, builds: Counter) -> None:
    first = post(client, overview_body("2022"))
    drawn_2022 = first["overview-drawn"]["data"]
    back = post(client, overview_body("2021", drawn=drawn_2022, present=shown(drawn_2022)))
    drawn_2021 = back["overview-drawn"]["data"]
    again = post(client, overview_body("2022", drawn=drawn_2021, present=shown(drawn_2021)))
    # Another leader whose browser shows 2022 already: nothing to send, and nothing built.
    same = client_as("leader").post(
        "/_dash-update-component", json=overview_body("2022", drawn=drawn_2022, present=shown(drawn_2022))
    )

    assert builds["/", "2022"] == 1, "2022 was built again"
    assert again["overview-drawn"]["data"] == drawn_2022, "the kept drawing is not the one first sent"
    assert same.status_code == 200, same.get_data(as_text=True)[:300]
    assert set(same.get_json()["response"]) == {"overview-drawn"}, "content or parts sent to a browser showing them"
    assert builds["/", "2022"] == 1


def test_another_theme_or_reader_scope_is_built_for_itself(client: FlaskClient, client_as, builds: Counter) -> None:
    dark = post(client, overview_body("2022"))
    light = post(client, overview_body("2022", theme="light"))
    post(client_as("unit_head"), rankings_body({"year": "2022"}))
    post(client, rankings_body({"year": "2022"}))

    assert builds["/", "2022"] == 2
    assert builds["/rankings", "2022"] == 2, f"a unit head and a leader shared one drawing: {builds}"
    assert dark["overview-drawn"]["data"] != light["overview-drawn"]["data"]


def test_a_new_data_version_draws_the_year_afresh(client: FlaskClient, builds: Counter) -> None:
    post(client, rankings_body({"year": "2022"}))
    with Session(db.get_engine()) as session:  # as an import moves it, without changing a figure
        db.record_change(session, "test: a new data version")
        session.commit()
    answered = post(client, rankings_body({"year": "2022"}))

    assert builds["/rankings", "2022"] == 2, f"not drawn afresh: {builds}"
    assert any(c["props"].get("id") == "rankings-national-table" for c in components(answered["rankings-content"]))
