"""`/` redraws only what a change changes (components/parts.py): another year or lag that keeps the
content's frame is answered with the parts whose digests moved, the radar as a patch of what changed;
a year without pillar scores keeps the frame too (the radar's row hidden, its figure patched to an
empty one).

Two scored years in a row need a dataset the seed does not have (it scores 2022 only): the year
change is checked on a small synthetic one generated through the import (seed/synthetic.py), the
other cases on the seed. What a patched part shows is compared with a fresh drawing of the same URL.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from auth import users
from data_access import db
from seed.synthetic import Shape, generate
from tests.conftest import sqlite_url, use_database
from tests.pages.conftest import components, overview_callback, patched, sign_in_with

SLOT = "overview-slot"
FIGURE = "overview-figure"
RADAR = json.dumps({"name": "radar", "type": FIGURE}, separators=(",", ":"))
HISTORY = json.dumps({"name": "history", "type": FIGURE}, separators=(",", ":"))
# Three years each scored in full: 2021 and 2022 both have a year before them to compare with.
SHAPE = Shape(provinces=4, years=3, detailed=1, departments=3, districts=3)
LEADER = ("parts-leader", "parts-leader-password-1")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = sqlite_url(Path(tmp_path_factory.mktemp("overview-parts")))
    generate(SHAPE, db.engine_for(url))
    return url


@pytest.fixture
def synthetic(dash_app, generated: str, monkeypatch: pytest.MonkeyPatch) -> FlaskClient:
    """A leader signed in to the app on the synthetic dataset."""
    engine = use_database(monkeypatch, generated)
    if LEADER[0] not in {account.username for account in users.list_accounts(engine)}:
        users.create_user(LEADER[0], "leader", password=LEADER[1], engine=engine)
    client = dash_app.server.test_client()
    assert sign_in_with(client, *LEADER).status_code == 302
    return client


def answer(client: FlaskClient, year: str | None, **options) -> dict:
    """The content callback's answer (its outputs by id)."""
    response = overview_callback(client, year, **options)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"]


def shown_parts(content: list) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names of the slots and graphs a content shows: the browser's ALL outputs once it is drawn."""
    ids = [node["props"].get("id") for node in components(content)]
    names = {
        kind: tuple(i["name"] for i in ids if isinstance(i, dict) and i["type"] == kind) for kind in (SLOT, FIGURE)
    }
    return names[SLOT], names[FIGURE]


def part_of(content: list, key: str) -> dict:
    """A part's component in a whole drawing, by its output key."""
    wanted = json.loads(key)
    return next(node for node in components(content) if node["props"].get("id") == wanted)


def drawn_then(client: FlaskClient, first: dict, year: str | None, **options) -> dict:
    """The answer to `year` from a browser that shows the drawing `first` (its record and parts)."""
    content = first["overview-content"]["children"]
    return answer(client, year, drawn=first["overview-drawn"]["data"], present=shown_parts(content), **options)


def test_a_year_change_sends_the_parts_that_changed_and_the_radar_as_a_patch_of_its_data(synthetic):
    first = answer(synthetic, "2022")
    assert shown_parts(first["overview-content"]["children"])[1] == ("radar", "history")

    changed = drawn_then(synthetic, first, "2021")
    fresh = answer(synthetic, "2021")["overview-content"]["children"]

    assert "overview-content" not in changed, "the whole content was sent again"
    assert HISTORY not in changed, "the rank history is the same for every year: nothing to send"
    patch = changed[RADAR]["figure"]
    assert patch["__dash_patch_update"] == "__dash_patch_update"
    assert all(operation["location"][0] == "data" for operation in patch["operations"]), (
        "the radar's layout was sent again"
    )
    before = part_of(first["overview-content"]["children"], RADAR)["props"]["figure"]
    assert patched(before, patch) == part_of(fresh, RADAR)["props"]["figure"]
    slots = {key: value["children"] for key, value in changed.items() if f'"{SLOT}"' in key}
    assert any("2021" in json.dumps(children) for children in slots.values()), "no slot names the new year"
    for key, children in slots.items():
        assert children == part_of(fresh, key)["props"]["children"], f"{key} differs from a fresh drawing"


def test_the_same_drawing_asked_again_sends_no_part(client):
    first = answer(client, "2022")

    again = drawn_then(client, first, "2022")

    assert "overview-content" not in again
    assert not any(key.startswith("{") for key in again), f"parts sent again: {sorted(again)}"


def test_a_lag_link_sends_only_the_laggards_card(client):
    first = answer(client, "2022")

    lagging = drawn_then(client, first, "2022", lag="digital_society")

    assert [key for key in lagging if key.startswith("{")] == [
        json.dumps({"name": "laggards", "type": SLOT}, separators=(",", ":"))
    ]
    assert "Yếu nhất về Hoạt động Xã hội số" in json.dumps(lagging, ensure_ascii=False)


def test_a_year_without_scores_keeps_the_frame_and_patches_the_radar_out_and_back_in(client):
    """2021 has a rank only: the message saying so fills its slot, the radar is patched to an empty
    figure (its row hidden by CSS) and the pillar table's slot empties; back to 2022 patches the radar's
    traces in again. Each part sent is what a fresh drawing of that year shows."""
    first = answer(client, "2022")
    slots, graphs = shown_parts(first["overview-content"]["children"])
    assert graphs == ("radar", "history")
    assert {"radar-empty", "radar-legend", "pillar-table"} <= set(slots)

    unscored = drawn_then(client, first, "2021")
    fresh = answer(client, "2021")["overview-content"]["children"]

    assert "overview-content" not in unscored, "the whole content was sent again"
    assert HISTORY not in unscored, "the rank history is the same for every year: nothing to send"
    empty = unscored[json.dumps({"name": "radar-empty", "type": SLOT}, separators=(",", ":"))]["children"]
    assert "overview-radar-empty" in json.dumps(empty)
    assert "Năm 2021 chưa" in json.dumps(empty, ensure_ascii=False)
    table = unscored[json.dumps({"name": "pillar-table", "type": SLOT}, separators=(",", ":"))]["children"]
    assert table is None, "the pillar table of 2022 stays under the message"
    before = part_of(first["overview-content"]["children"], RADAR)["props"]["figure"]
    blank = patched(before, unscored[RADAR]["figure"])
    assert blank == part_of(fresh, RADAR)["props"]["figure"]
    assert blank["data"] == [], "the radar still draws 2022"

    unscored_answer = {"overview-content": {"children": fresh}, "overview-drawn": unscored["overview-drawn"]}
    scored = drawn_then(client, unscored_answer, "2022")
    assert "overview-content" not in scored
    assert patched(blank, scored[RADAR]["figure"]) == before, "2022's radar is not what a fresh drawing shows"


def test_between_two_years_without_scores_only_the_slots_naming_the_year_change(client):
    """2021 and 2020 hold a rank each and no pillar scores: the same frame, the message naming the year
    replaced, the rank history (the same line) left as drawn."""
    first = answer(client, "2021")

    changed = drawn_then(client, first, "2020")

    assert "overview-content" not in changed
    assert HISTORY not in changed
    empty = changed[json.dumps({"name": "radar-empty", "type": SLOT}, separators=(",", ":"))]["children"]
    assert "2020" in json.dumps(empty), "the message still names 2021"


def test_a_theme_change_recolours_the_graphs_in_place(client):
    """The theme changes the figures' colours, not the content around them (the page's colours are
    CSS): the radar and the rank history are patched with the layout the light theme draws."""
    first = answer(client, "2022")

    light = drawn_then(client, first, "2022", theme="light")
    fresh = answer(client, "2022", theme="light")["overview-content"]["children"]

    assert "overview-content" not in light
    assert sorted(key for key in light if key.startswith("{")) == sorted([HISTORY, RADAR])
    for key in (RADAR, HISTORY):
        before = part_of(first["overview-content"]["children"], key)["props"]["figure"]
        assert patched(before, light[key]["figure"]) == part_of(fresh, key)["props"]["figure"], key
