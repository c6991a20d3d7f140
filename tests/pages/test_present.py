"""`/present` over HTTP: the deck callback, the downloads re-checking the year on the server, the
wall mode's settings from the URL, and who may call the page's callbacks."""

from __future__ import annotations

import base64
import io
import os
import sys
import time
from pathlib import Path

import pytest
from pptx import Presentation

from components.slides import SLIDE_KEYS
from tests.conftest import skip_or_fail
from tests.pages.conftest import STATIC_ELEMENT, components, post_to_callback

# On a loaded machine Chromium takes tens of seconds for the whole deck: the poll gives up after this.
EXPORT_DEADLINE_SECONDS = 300


@pytest.fixture
def chromium_available() -> None:
    path = os.environ.get("BROWSER_PATH") or os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(path).is_file():
        skip_or_fail("REQUIRE_BROWSER", f"Chromium not found at {path}: the export cannot draw charts")


def slide_keys(deck: list) -> list[str]:
    """The deck's slides in order, by key: a slide is a component where Dash draws in it (its chart, its
    buttons), plain HTML written as a static block otherwise."""
    ids = [str(node["props"].get("id", "")) for node in components(deck)]
    return [name.removeprefix("present-slide-") for name in ids if name.startswith("present-slide-")]


def present_module(dash_app):
    return sys.modules["pages.present"]


def deck_callback(client, query: dict):
    return post_to_callback(
        client,
        "present-deck.children",
        [
            {"id": "present-query", "property": "data", "value": query},
            {"id": "shell-theme", "property": "data", "value": "dark"},
            {"id": "present-version", "property": "data", "value": 1},
        ],
    )


def chart_request(client, request: object, query: dict):
    """A chart button's click as assets/40-present.js writes it into the page's store."""
    return post_to_callback(
        client,
        "present-chart-download.data",
        [{"id": "present-chart-request", "property": "data", "value": request}],
        [{"id": "present-query", "property": "data", "value": query}],
    )


def start_export(client, query: dict, button: str = "present-export-pptx"):
    """The click on an export button: it starts the export beside the request and answers at once."""
    return post_to_callback(
        client,
        "present-status.children",
        [
            {"id": "present-export-pptx", "property": "n_clicks", "value": 1 if button.endswith("pptx") else None},
            {"id": "present-export-pdf", "property": "n_clicks", "value": 1 if button.endswith("pdf") else None},
        ],
        [{"id": "present-query", "property": "data", "value": query}],
        changed=f"{button}.n_clicks",
    )


def poll_export(client, job: dict | None):
    """One tick of the page's poll for its export (its outputs carry Dash's allow_duplicate suffixes)."""
    return post_to_callback(
        client,
        "present-download.data",
        [{"id": "present-export-poll", "property": "n_intervals", "value": 1}],
        [{"id": "present-export-job", "property": "data", "value": job}],
    )


def deck_download(client, query: dict, button: str = "present-export-pptx"):
    """Click, then poll as the page does until the export has finished: the last response."""
    started = start_export(client, query, button)
    job = (started.get_json() or {}).get("response", {}).get("present-export-job", {}).get("data")
    if started.status_code != 200 or not job:
        return started
    deadline = time.monotonic() + EXPORT_DEADLINE_SECONDS
    while True:
        polled = poll_export(client, job)
        if polled.get_json()["response"]["present-export-poll"]["disabled"] or time.monotonic() > deadline:
            return polled
        time.sleep(0.2)


def test_the_deck_callback_draws_every_slide_for_2022(client):
    response = deck_callback(client, {"year": "2022"})

    assert response.status_code == 200
    body = response.get_json()["response"]
    assert tuple(slide_keys(body["present-deck"]["children"])) == SLIDE_KEYS
    drawn_by_dash = [c for c in components(body["present-deck"]["children"]) if c["namespace"] != STATIC_ELEMENT]
    assert len(drawn_by_dash) <= 60, "the deck's plain HTML (its chart buttons too) is sent as components"
    assert body["present-heading"]["children"] == "Trình chiếu: Bình Phước, năm 2022"
    assert body["present-export-pptx"]["disabled"] is False


def test_a_year_without_results_gets_a_friendly_message(client):
    response = deck_callback(client, {"year": "1999"})

    body = response.get_json()["response"]
    assert "1999" in str(body["present-deck"]["children"])
    assert "Các năm có dữ liệu" in str(body["present-deck"]["children"])
    assert body["present-export-pptx"]["disabled"] is True


@pytest.mark.parametrize("year", ["1999", "2022; DROP TABLE", "../etc"])
def test_the_deck_download_refuses_a_bad_year_on_the_server(client, year):
    """The browser's query store is not trusted: a tampered year gets the message, never a file."""
    response = deck_download(client, {"year": year})

    assert response.status_code == 200
    body = response.get_json()["response"]
    assert "present-download" not in body, "no file for a year the data does not have"
    assert "Các năm có dữ liệu" in str(body["present-status"]["children"])


def test_the_deck_download_is_a_powerpoint_of_the_year(client, chromium_available):
    response = deck_download(client, {"year": "2022"})

    payload = response.get_json()["response"]["present-download"]["data"]
    assert payload["filename"] == "dti-binh-phuoc-2022.pptx"
    presentation = Presentation(io.BytesIO(base64.b64decode(payload["content"])))
    assert len(presentation.slides) == len(SLIDE_KEYS)


def test_an_export_is_handed_only_to_the_account_that_started_it(client, client_as):
    job = start_export(client, {"year": "2022"}).get_json()["response"]["present-export-job"]["data"]

    body = poll_export(client_as("admin"), job).get_json()["response"]
    assert "present-download" not in body, "another account's job gives no file"
    assert body["present-export-poll"]["disabled"] is True
    assert poll_export(client_as("unit_head"), job).status_code == 403


def test_a_unit_head_cannot_call_the_deck_callbacks(client_as):
    unit_head = client_as("unit_head")

    assert deck_callback(unit_head, {"year": "2022"}).status_code == 403
    assert deck_download(unit_head, {"year": "2022"}).status_code == 403


def test_a_chart_request_is_checked_on_the_server(client, client_as, chromium_available):
    """The store a chart button writes comes from the browser: a file only for a slide with a chart and a
    format the deck offers, and only for a reader of the deck."""
    year = {"year": "2022"}
    payload = chart_request(client, {"slide": "dti", "format": "svg", "at": 1}, year).get_json()["response"]
    assert payload["present-chart-download"]["data"]["filename"] == "dti-binh-phuoc-2022-dti.svg"
    assert b"<svg" in base64.b64decode(payload["present-chart-download"]["data"]["content"])[:4096]

    for tampered in ({"slide": "dti", "format": "exe"}, {"slide": "title", "format": "png"}, {"slide": ["dti"]}, "dti"):
        response = chart_request(client, tampered, year)
        assert response.status_code == 200
        assert response.get_json()["response"] == {}, f"no file, no message for {tampered!r}"
    assert chart_request(client_as("unit_head"), {"slide": "dti", "format": "png", "at": 1}, year).status_code == 403


def test_kiosk_interval_is_clamped_or_explained(dash_app):
    present = present_module(dash_app)

    assert present.kiosk_settings("1", "20") == present.KioskSettings(True, 20, 15)
    assert present.kiosk_settings("1", "1").interval == present.MIN_INTERVAL
    assert present.kiosk_settings("1", "99999").interval == present.MAX_INTERVAL
    assert present.kiosk_settings(None, None) == present.KioskSettings(False, present.DEFAULT_INTERVAL, 15)
    with pytest.raises(ValueError):
        present.kiosk_settings("1", "abc")


def test_a_bad_interval_in_the_url_gets_a_message_not_a_traceback(dash_app):
    panel = present_module(dash_app).layout(kiosk="1", interval="twenty")

    assert panel.id == "present-bad-interval"
    assert "interval=twenty" in str(panel.children)
