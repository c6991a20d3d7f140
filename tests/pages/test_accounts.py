"""`/admin/accounts` over HTTP: the same rules as `flask users …`, and only for admins, callbacks included."""

from __future__ import annotations

import json

from auth import audit, users
from tests.pages.conftest import form_token, route_to


def act(client, trigger: str, *, username=None, role="unit_head", unit=None, account=None):
    """The page's one action callback, as the browser posts it when `trigger` is clicked."""
    states = {"accounts-username": username, "accounts-role": role, "accounts-unit": unit, "accounts-account": account}
    outputs = [
        "accounts-result.children",
        "accounts-table.children",
        "accounts-account.options",
        "accounts-unit.options",
    ]
    buttons = ["accounts-create", "accounts-disable", "accounts-enable", "accounts-reset"]
    return client.post(
        "/_dash-update-component",
        json={
            "output": ".." + "...".join(outputs) + "..",
            "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1), strict=True)) for o in outputs],
            "inputs": [{"id": b, "property": "n_clicks", "value": 1 if b == trigger else None} for b in buttons],
            "changedPropIds": [f"{trigger}.n_clicks"],
            "state": [{"id": key, "property": "value", "value": value} for key, value in states.items()],
        },
    )


def result_text(response) -> str:
    """What the page says after the action, as the reader reads it."""
    return json.dumps(response.get_json()["response"]["accounts-result"], ensure_ascii=False)


def shown_password(response) -> str:
    result = response.get_json()["response"]["accounts-result"]["children"]
    codes = [
        c for c in result["props"]["children"] if isinstance(c, dict) and c["props"].get("id") == "accounts-password"
    ]
    return codes[0]["props"]["children"]


def test_a_leader_is_refused_the_page_and_its_callbacks(client_as):
    leader = client_as("leader")
    assert "access-denied" in route_to(leader, "/admin/accounts").get_data(as_text=True)
    refused = act(leader, "accounts-create", username="ke-gian", role="admin")
    assert refused.status_code == 403
    assert "ke-gian" not in [a.username for a in users.list_accounts()]


def test_an_admin_ties_a_unit_head_to_a_unit_by_name_and_the_password_works_once_shown(client_as, anonymous_client):
    admin = client_as("admin")
    listing = act(admin, "")  # the page's first load fills the pickers
    units = listing.get_json()["response"]["accounts-unit"]["options"]
    health = next(o for o in units if o["label"] == "Sở Y tế · Bình Phước")
    assert all(o["value"] != "national-average" for o in units), "an aggregate is no unit anyone heads"

    created = act(admin, "accounts-create", username="yte-web", role="unit_head", unit=health["value"])

    password = shown_password(created)
    assert len(password) >= users.MIN_PASSWORD_LENGTH
    assert "yte-web" in result_text(created)
    account = next(a for a in users.list_accounts() if a.username == "yte-web")
    assert (account.role, account.unit_code, account.active) == ("unit_head", "binh-phuoc-so-y-te", True)
    anonymous_client.environ_base["REMOTE_ADDR"] = "10.9.8.7"
    answer = anonymous_client.post(
        "/login", data={"username": "yte-web", "password": password, "csrf": form_token(anonymous_client)}
    )
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/units/binh-phuoc-so-y-te")
    kinds = audit.events(username="test-admin")["kind"].tolist()
    assert audit.ACCOUNT_CHANGE in kinds


def test_the_command_lines_rules_hold_on_the_page(client_as):
    admin = client_as("admin")
    no_unit = act(admin, "accounts-create", username="thieu-don-vi", role="unit_head")
    assert "Hãy chọn đơn vị" in result_text(no_unit)
    twice = act(admin, "accounts-create", username="test-leader", role="leader")
    assert "đã tồn tại" in result_text(twice)
    short = act(admin, "accounts-create", username="  ", role="leader")
    assert "không được để trống" in result_text(short)
    yourself = act(admin, "accounts-disable", account="test-admin")
    assert "Không thể tự khóa" in result_text(yourself)
    assert next(a for a in users.list_accounts() if a.username == "test-admin").active


def test_disabling_an_account_ends_its_open_session_and_enabling_lets_it_sign_in(client_as, dash_app):
    admin = client_as("admin")
    act(admin, "accounts-create", username="tam-khoa", role="leader")
    reset = act(admin, "accounts-reset", account="tam-khoa")
    password = shown_password(reset)
    reader = dash_app.server.test_client()
    reader.environ_base["REMOTE_ADDR"] = "10.9.8.6"
    reader.post("/login", data={"username": "tam-khoa", "password": password, "csrf": form_token(reader)})
    assert reader.get("/rankings").status_code == 200

    act(admin, "accounts-disable", account="tam-khoa")

    assert reader.get("/rankings").status_code in (302, 401)
    assert users.authenticate("tam-khoa", password) is None
    act(admin, "accounts-enable", account="tam-khoa")
    assert users.authenticate("tam-khoa", password) is not None
