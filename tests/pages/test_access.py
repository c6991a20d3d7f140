"""Access control over HTTP, the way a crafted request would try it: pages, Dash callbacks, downloads."""

from __future__ import annotations

import json

import dash
import pytest

from auth import audit, throttle
from auth.guard import page_access
from auth.policy import PAGE_ACCESS
from components.audit import audit_export
from tests.conftest import TEST_ACCOUNTS
from tests.pages.conftest import (
    components,
    form_token,
    pillars_body,
    post_callback,
    rankings_body,
    rankings_download_body,
    route_to,
    sign_in,
    units_body,
)

HEALTH = "binh-phuoc-so-y-te"
ICT = "binh-phuoc-so-tttt"


def rankings_callback(client, level: str):
    return client.post("/_dash-update-component", json=rankings_body({"year": "2022", "level": level}))


def rankings_download(client, level: str):
    return client.post("/_dash-update-component", json=rankings_download_body({"year": "2022", "level": level}))


def text_of(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


@pytest.fixture(autouse=True)
def fresh_audit_log(dash_app):
    """Rate limits count recent tries: each test starts with an empty log and no tries counted."""
    from auth.models import AuditEvent, SignInLimit
    from data_access import db

    with db.session_scope() as session:
        session.query(AuditEvent).delete()
        session.query(SignInLimit).delete()


def test_nothing_but_login_and_health_answers_without_signing_in(anonymous_client):
    page = anonymous_client.get("/rankings?level=department")
    assert page.status_code == 302
    assert page.headers["Location"] == "/login?next=%2Frankings%3Flevel%3Ddepartment"
    assert anonymous_client.get("/login").status_code == 200
    assert anonymous_client.get("/healthz").status_code == 200
    assert anonymous_client.get("/_dash-layout").status_code == 401
    assert anonymous_client.get("/_dash-dependencies").status_code == 401
    callback = route_to(anonymous_client, "/")
    assert callback.status_code == 401
    assert "đăng nhập" in callback.get_json()["message"]


def test_a_unit_head_lands_on_their_own_unit(anonymous_client):
    response = sign_in(anonymous_client, "unit_head")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/units/{HEALTH}"
    assert anonymous_client.get(f"/units/{HEALTH}").status_code == 200


def test_sign_in_keeps_only_local_next_addresses(anonymous_client):
    username, password, _role, _unit = TEST_ACCOUNTS["leader"]
    token = form_token(anonymous_client, "/login?next=//evil.example/x")
    response = anonymous_client.post(
        "/login", data={"username": username, "password": password, "csrf": token, "next": "//evil.example/x"}
    )
    assert response.headers["Location"] == "/"


def test_a_form_without_its_token_is_refused(anonymous_client):
    username, password, _role, _unit = TEST_ACCOUNTS["leader"]
    response = anonymous_client.post("/login", data={"username": username, "password": password})
    assert response.status_code == 400
    assert "hết hạn" in response.get_data(as_text=True)
    assert anonymous_client.get("/").status_code == 302


def test_a_unit_head_is_refused_another_units_page_over_http(client_as):
    head = client_as("unit_head")
    response = head.get(f"/units/{ICT}")
    assert response.status_code == 403
    body = response.get_data(as_text=True)
    assert "Không có quyền truy cập" in body
    assert "Sở Thông tin và Truyền thông" in body
    assert head.get("/districts").status_code == 403


def test_a_crafted_router_callback_for_another_unit_gets_the_refusal_not_the_page(client_as):
    head = client_as("unit_head")
    refused = text_of(route_to(head, f"/units/{ICT}"))
    assert "access-denied" in refused
    assert "Sở Thông tin và Truyền thông" in refused
    own = text_of(route_to(head, f"/units/{HEALTH}"))
    assert "access-denied" not in own


def test_a_unit_head_cannot_call_a_leaders_page_callbacks(client_as):
    head = client_as("unit_head")
    response = post_callback(
        head,
        "districts-content.children",
        [{"id": "districts-query", "property": "data", "value": {}}],
    )
    assert response.status_code == 403
    assert "districts" not in text_of(response).replace("districts-content", "")


def test_a_unit_head_ranks_departments_but_not_districts(client_as):
    head = client_as("unit_head")
    departments = text_of(rankings_callback(head, "department"))
    assert "Sở Y tế" in departments
    assert "access-denied" not in departments
    districts = text_of(rankings_callback(head, "district"))
    assert "access-denied" in districts
    assert "Đồng Xoài" not in districts


def test_the_ranking_download_is_checked_on_the_server(client_as):
    head = client_as("unit_head")
    refused = rankings_download(head, "district")
    assert refused.get_json()["response"] == {}  # nothing sent: Dash's "no update"
    allowed = rankings_download(head, "department")
    assert allowed.status_code == 200
    assert "xep-hang-department-2022.csv" in text_of(allowed)


def test_a_leader_sees_every_unit(client):
    assert client.get(f"/units/{ICT}").status_code == 200
    assert "access-denied" not in text_of(route_to(client, f"/units/{ICT}"))
    assert "Đồng Xoài" in text_of(rankings_callback(client, "district"))
    assert client.get("/admin/audit").status_code == 403


def test_repeated_wrong_passwords_are_rate_limited(anonymous_client):
    username, password, _role, _unit = TEST_ACCOUNTS["leader"]
    token = form_token(anonymous_client)
    statuses = [
        anonymous_client.post("/login", data={"username": username, "password": "sai", "csrf": token}).status_code
        for _ in range(throttle.MAX_FAILURES_PER_USER)
    ]
    assert statuses == [401] * throttle.MAX_FAILURES_PER_USER
    blocked = anonymous_client.post("/login", data={"username": username, "password": password, "csrf": token})
    assert blocked.status_code == 429
    assert "quá nhiều lần" in blocked.get_data(as_text=True)
    assert anonymous_client.get("/").status_code == 302


def test_signing_out_ends_the_session(client):
    assert client.get("/login?next=/x").status_code == 302  # a signed-in reader is sent on, not shown the form
    with client.session_transaction() as session:
        token = session["csrf"]
    old_cookie = client.get_cookie("dti_session").value
    assert client.post("/logout", data={"csrf": token}).headers["Location"] == "/login?signed_out=1"
    assert client.get("/").status_code == 302
    # A copy of the old cookie (or a late response re-setting it) no longer signs anyone in.
    client.set_cookie("dti_session", old_cookie)
    assert client.get("/").status_code == 302


def test_an_admin_reads_the_attempts_in_the_audit_log(client_as):
    head = client_as("unit_head")
    head.get(f"/units/{ICT}")
    route_to(head, f"/units/{HEALTH}")
    admin = client_as("admin")
    response = post_callback(admin, "audit-content.children", [{"id": "audit-query", "property": "data", "value": {}}])
    assert response.status_code == 200
    log = text_of(response)
    unit_head = TEST_ACCOUNTS["unit_head"][0]
    assert "Bị từ chối" in log and ICT in log
    assert "Xem trang đơn vị" in log and HEALTH in log
    assert log.count(unit_head) >= 3  # signed in, refused, viewed
    assert "Sở Thông tin và Truyền thông" in log and "Sở Y tế" in log, "units are read by name"
    export = audit_export(audit.events(), "vi")
    assert {"Sở Thông tin và Truyền thông", "Sở Y tế"} <= set(export["Đơn vị"])
    assert (
        post_callback(
            head, "audit-content.children", [{"id": "audit-query", "property": "data", "value": {}}]
        ).status_code
        == 403
    )


def test_audit_events_keep_who_and_what(dash_app):
    audit.record(audit.LOGIN_FAILED, '=HYPERLINK("http://x")')
    frame = audit.events(kinds=(audit.LOGIN_FAILED,))
    assert frame.iloc[0]["username"] == '=HYPERLINK("http://x")'


def pillars_callback(client, query: dict):
    return client.post("/_dash-update-component", json=pillars_body(query))


def test_a_unit_head_reads_their_own_pillars_but_no_other_units(client_as):
    head = client_as("unit_head")
    own = text_of(pillars_callback(head, {"year": "2022", "level": "department", "unit": HEALTH}))
    assert "access-denied" not in own and "Sở Y tế" in own
    other = text_of(pillars_callback(head, {"year": "2022", "level": "department", "unit": ICT}))
    assert "access-denied" in other
    assert "Sở Thông tin và Truyền thông" in other  # named in the refusal, nothing of its figures
    assert "558" not in other
    province = text_of(pillars_callback(head, {"year": "2022", "level": "province"}))
    assert "access-denied" not in province


def test_a_unit_heads_pillars_page_opens_on_their_own_unit(client_as):
    answer = pillars_callback(client_as("unit_head"), {"level": "department"}).get_json()["response"]
    content = answer["pillars-content"]["children"]
    (selector,) = [c for c in components(content) if c["props"].get("id") == "pillars-unit"]
    assert selector["props"]["value"] == HEALTH
    assert [option["value"] for option in selector["props"]["options"]] == [HEALTH], "only their own unit offered"
    assert ICT not in json.dumps(content)


@pytest.mark.parametrize(
    "target", ["//evil.example/x", "/\t/evil.example", "/\\evil.example", "/\n/evil.example", "https://evil.example"]
)
def test_sign_in_never_sends_the_reader_off_the_site(anonymous_client, target):
    username, password, _role, _unit = TEST_ACCOUNTS["leader"]
    token = form_token(anonymous_client)
    response = anonymous_client.post(
        "/login", data={"username": username, "password": password, "csrf": token, "next": target}
    )
    assert response.headers["Location"] == "/"
    assert anonymous_client.get(f"/login?next={target}").headers["Location"] == "/"


def test_a_unit_head_gets_no_year_links_for_another_unit(client_as):
    head = client_as("unit_head")

    def year_links(pathname: str) -> str:
        return text_of(
            post_callback(
                head,
                "shell-years.children",
                [
                    {"id": "shell-url", "property": "pathname", "value": pathname},
                    {"id": "shell-url", "property": "search", "value": ""},
                ],
            )
        )

    assert "2022" in year_links(f"/units/{HEALTH}")
    assert "2022" not in year_links(f"/units/{ICT}")


def test_odd_digits_in_the_url_get_the_friendly_message(client_as):
    head = client_as("unit_head")
    response = head.post("/_dash-update-component", json=units_body({"unit_code": HEALTH, "year": "²"}))
    assert response.status_code == 200
    assert "units-bad-year" in text_of(response)


def test_every_callback_output_belongs_to_a_page_or_the_shell(dash_app, client):
    """The guard refuses outputs it cannot place, so every callback must be placeable."""
    from auth import guard

    client.get("/")  # Dash adds the page router's callback on the first request
    for key in dash_app.app.callback_map:
        assert guard.callback_access({"output": key}) is not None, key


def test_a_callback_naming_an_output_of_no_page_is_refused(client):
    response = post_callback(client, "mystery-output.children", [{"id": "mystery-input", "property": "value"}])
    assert response.status_code == 403


def test_every_page_asks_for_a_known_access(dash_app):
    """A misspelt `access=` must not slip through as some other level: each page names one of PAGE_ACCESS."""

    asked = {page["module"]: page_access(page) for page in dash.page_registry.values()}
    assert asked and all(access in PAGE_ACCESS for access in asked.values()), asked
