"""Kept callback answers (web/answer_cache.py): the same bytes a reader would be drawn, never another
scope's answer, fresh after an import, the audit log still written, and nothing that writes kept."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from auth import audit, users
from data_access import db
from data_access.cache import cache
from data_access.models import Target
from scripts.load_test import PAGES, content_request
from tests.conftest import TEST_ACCOUNTS
from tests.pages.conftest import form_token, route_to, units_body
from web import answer_cache

OWN_UNIT = TEST_ACCOUNTS["unit_head"][3]
OTHER_UNIT = "binh-phuoc-so-gtvt"
OTHER_HEAD = ("test-so-gtvt", "other-head-password-1")
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}


def hits() -> int:
    return answer_cache.STATS["hit"]


def content_body(client: FlaskClient, page: str) -> dict:
    """The content callback's request for `page` as the browser sends it after the router's layout."""
    path, content_id = PAGES[page]
    pathname, _, search = path.partition("?")
    layout = route_to(client, pathname, f"?{search}" if search else "").get_json()["response"]["_pages_content"]
    dependencies = client.get("/_dash-dependencies").get_json()
    return content_request(dependencies, layout["children"], content_id)


def answer(client: FlaskClient, body: dict, headers: dict[str, str] = BROWSER) -> bytes:
    """The callback's answer as sent (compressed, as to a browser, unless `headers` says otherwise)."""
    response = client.post("/_dash-update-component", json=body, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_data()


def readable(body: bytes) -> str:
    """An uncompressed answer's text with its Vietnamese as it is drawn (the JSON escapes it)."""
    return json.dumps(json.loads(body), ensure_ascii=False)


def unit_body(unit_code: str) -> dict:
    """The unit page's content callback for `unit_code`, as its page would send it."""
    return units_body({"unit_code": unit_code})


@pytest.fixture
def other_head(dash_app, anonymous_client: FlaskClient) -> FlaskClient:
    """A unit head of another department than the test unit head's."""
    engine = db.engine_for(os.environ["DATABASE_URL"])
    if OTHER_HEAD[0] not in {account.username for account in users.list_accounts(engine)}:
        users.create_user(OTHER_HEAD[0], "unit_head", unit_code=OTHER_UNIT, password=OTHER_HEAD[1], engine=engine)
    signed = dash_app.server.test_client()
    data = {"username": OTHER_HEAD[0], "password": OTHER_HEAD[1], "csrf": form_token(signed)}
    response = signed.post("/login", data=data)
    assert response.status_code == 302
    return signed


@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_kept_answer_is_the_bytes_drawn_for_it(client: FlaskClient, page: str) -> None:
    body = content_body(client, page)
    before = hits()
    drawn = answer(client, body)
    kept = answer(client, body)
    assert hits() == before + 1, "the second identical request is served from the cache"
    assert kept == drawn


def test_each_reader_gets_what_would_be_drawn_for_their_scope(
    client: FlaskClient, client_as: Callable[[str], FlaskClient], other_head: FlaskClient
) -> None:
    """The same request from a leader, the unit's head and another unit's head: each answer is the
    one drawn for that reader alone (the cache emptied first); had the scope been left out of the
    key, the first answer kept would be served to the others."""
    own_head = client_as("unit_head")
    readers = {"own head": own_head, "other head": other_head, "leader": client}
    body = unit_body(OWN_UNIT)
    alone = {}
    for name, reader in readers.items():
        cache.clear()
        alone[name] = answer(reader, body)
    assert len(set(alone.values())) == 3, "the three readers are drawn three different answers"

    for first in readers:  # whoever asks first, the others still get their own
        cache.clear()
        answer(readers[first], body)
        before = hits()
        for name, reader in readers.items():
            assert answer(reader, body) == alone[name], f"{name} after {first}"
        assert hits() == before + 1, "only the reader who asked first shares a scope with the kept answer"


def test_the_other_unit_head_is_refused_even_when_the_answer_is_kept(
    client_as: Callable[[str], FlaskClient], other_head: FlaskClient
) -> None:
    cache.clear()
    assert "access-denied" not in readable(answer(client_as("unit_head"), unit_body(OWN_UNIT), {}))
    assert "access-denied" in readable(answer(other_head, unit_body(OWN_UNIT), {}))


def test_a_committed_change_makes_the_next_answer_fresh(client: FlaskClient) -> None:
    """A change committed as an import commits it (with the data version moved on) shows at once,
    though the page's answer was kept a moment before."""
    engine = db.engine_for(os.environ["DATABASE_URL"])
    body = content_body(client, "/targets")
    answer(client, body, {})
    before = hits()
    old = answer(client, body, {})
    assert hits() == before + 1
    shown = readable(old)
    with db.session_scope(engine) as session:
        targets = session.execute(select(Target.id, Target.name_vi).order_by(Target.id)).all()
    target_id, name = next((id_, name) for id_, name in targets if name in shown)
    marker = "Chỉ tiêu vừa nạp lại"
    try:
        with db.session_scope(engine) as session:
            session.execute(update(Target).where(Target.id == target_id).values(name_vi=marker))
            db.record_change(session, "test: an import renamed a target")
        fresh = readable(answer(client, body, {}))
        assert marker not in shown
        assert marker in fresh
    finally:
        with db.session_scope(engine) as session:
            session.execute(update(Target).where(Target.id == target_id).values(name_vi=name))
            db.record_change(session, "test: the target's name restored")


def test_a_unit_page_view_is_logged_on_every_hit(client_as: Callable[[str], FlaskClient]) -> None:
    head = client_as("unit_head")
    username = TEST_ACCOUNTS["unit_head"][0]

    def views() -> int:
        frame = audit.events(kinds=(audit.UNIT_VIEW,), username=username, limit=10_000)
        return int((frame["unit_code"] == OWN_UNIT).sum())

    cache.clear()
    before_views, before_hits = views(), hits()
    for _ in range(3):
        routed = route_to(head, f"/units/{OWN_UNIT}")
        assert routed.status_code == 200
        assert "access-denied" not in routed.get_data(as_text=True)
    assert hits() == before_hits + 2, "the second and third views are served from the cache"
    assert views() == before_views + 3, "each view is in the audit log, kept answer or not"


def test_a_refusal_is_logged_on_every_hit(other_head: FlaskClient) -> None:
    def refusals() -> int:
        frame = audit.events(kinds=(audit.ACCESS_DENIED,), username=OTHER_HEAD[0], limit=10_000)
        return int((frame["unit_code"] == OWN_UNIT).sum())

    cache.clear()
    before = refusals()
    for _ in range(2):
        assert "access-denied" in route_to(other_head, f"/units/{OWN_UNIT}").get_data(as_text=True)
    assert refusals() == before + 2


def test_an_action_with_a_side_effect_is_never_kept(client_as: Callable[[str], FlaskClient]) -> None:
    """Resetting a password twice with the same request resets it twice: two new passwords, neither
    answer a copy of the other."""
    engine = db.engine_for(os.environ["DATABASE_URL"])
    account = "test-reset-twice"
    if account not in {a.username for a in users.list_accounts(engine)}:
        users.create_user(account, "leader", engine=engine)
    admin = client_as("admin")
    outputs = (
        "accounts-result.children",
        "accounts-table.children",
        "accounts-account.options",
        "accounts-unit.options",
    )
    body = {
        "output": f"..{'...'.join(outputs)}..",
        "outputs": [
            {"id": "accounts-result", "property": "children"},
            {"id": "accounts-table", "property": "children"},
            {"id": "accounts-account", "property": "options"},
            {"id": "accounts-unit", "property": "options"},
        ],
        "inputs": [
            {"id": "accounts-create", "property": "n_clicks", "value": None},
            {"id": "accounts-disable", "property": "n_clicks", "value": None},
            {"id": "accounts-enable", "property": "n_clicks", "value": None},
            {"id": "accounts-reset", "property": "n_clicks", "value": 1},
        ],
        "changedPropIds": ["accounts-reset.n_clicks"],
        "state": [
            {"id": "accounts-username", "property": "value", "value": None},
            {"id": "accounts-role", "property": "value", "value": None},
            {"id": "accounts-unit", "property": "value", "value": None},
            {"id": "accounts-account", "property": "value", "value": account},
        ],
    }
    before = hits()
    first = admin.post("/_dash-update-component", json=body).get_json()
    second = admin.post("/_dash-update-component", json=body).get_json()
    assert hits() == before
    shown = [json.dumps(reply["response"]["accounts-result"], ensure_ascii=False) for reply in (first, second)]
    assert shown[0] != shown[1], "each reset shows its own new password"


def test_only_read_only_callbacks_are_considered() -> None:
    router = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/admin/accounts"}],
    }
    assert not answer_cache.cacheable(router), "an admin page's layout is drawn each time"
    router["inputs"][0]["value"] = "/units/binh-phuoc-so-y-te"
    assert answer_cache.cacheable(router)
    mixed = {"output": "..overview-content.children...admin-history.children..", "outputs": []}
    assert not answer_cache.cacheable(mixed), "one output that is not read-only is enough to refuse"
    ticker = {"output": '..{"screen":["MATCH"],"type":"overview-ticker"}.children..', "outputs": []}
    assert not answer_cache.cacheable(ticker)


def test_every_listed_output_belongs_to_a_callback_of_the_app(client: FlaskClient) -> None:
    """A renamed output would silently drop its page out of the cache: the list follows the app."""
    outputs = {
        part.rsplit(".", 1)[0]
        for dependency in client.get("/_dash-dependencies").get_json()
        for part in dependency["output"].strip(".").split("...")
    }
    assert outputs >= answer_cache.READ_ONLY_OUTPUTS


def test_readers_asking_together_get_one_drawing() -> None:
    """A second request for an answer being drawn waits for it instead of drawing it again: it asks
    the store while the first is still drawing, and the first finishes only after that."""
    server = Flask("answer-cache-flights")
    drawing, second_asked = threading.Event(), threading.Event()
    drawn: list[int] = []

    class Store(dict):
        def get(self, key: str) -> object:
            if drawing.is_set():
                second_asked.set()
            return super().get(key)

        def set(self, key: str, value: object, timeout: int | None = None) -> None:
            self[key] = value

    answer_cache.install(server, Store(), context=lambda: ("leader",), replay=lambda _e: None, code_version="t")

    @server.post(answer_cache.CALLBACK_PATH)
    def draw() -> str:
        drawn.append(1)
        drawing.set()
        assert second_asked.wait(10), "the second request never came"
        return '{"response": "drawn once"}'

    body = {"output": "overview-content.children", "outputs": {"id": "overview-content", "property": "children"}}
    replies: list[bytes] = []

    def ask() -> None:
        replies.append(server.test_client().post(answer_cache.CALLBACK_PATH, json=body).get_data())

    first = threading.Thread(target=ask)
    first.start()
    assert drawing.wait(10)
    ask()
    first.join(10)
    assert len(drawn) == 1
    assert replies == [b'{"response": "drawn once"}'] * 2
