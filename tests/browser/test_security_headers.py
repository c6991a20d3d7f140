"""Security headers in Chromium: every page still draws under the Content-Security-Policy with no
violation reported, and no other site can frame the app."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import free_port

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# Each page and what a reader sees once it has drawn (its charts, tables or slides).
PAGES = [
    ("/", "#overview-radar .js-plotly-plot .main-svg"),
    ("/pillars", "#pillars-radar .js-plotly-plot .main-svg"),
    ("/rankings", "#rankings-map .js-plotly-plot .main-svg"),
    ("/districts", "#districts-map .js-plotly-plot .main-svg"),
    ("/targets", ".target-card .target-gauge-svg"),
    ("/units/binh-phuoc-so-y-te", "#units-radar .js-plotly-plot .main-svg"),
    ("/present", ".present-slide.is-active"),
    # The ranking's graph is drawn empty with the page; its bars come from a clientside callback.
    ("/whatif?unit=binh-phuoc-so-y-te&year=2022", "#whatif-ranking .js-plotly-plot .barlayer .trace"),
    ("/admin", "#admin-history-table, #admin-history-empty"),
    ("/admin/audit", "#audit-content > *"),
]

# Registered before any page script runs: the browser fires this event for every blocked load or script.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.mark.parametrize(("path", "drawn"), PAGES)
def test_every_page_draws_under_the_policy(
    page_as: Callable[[str], Page], page_errors: list[str], base_url: str, path: str, drawn: str
):
    page = page_as("admin")
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(f"{base_url}{path}")
    page.locator(drawn).first.wait_for()
    headers = response.headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "'unsafe-eval'" not in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["server"] == "DTI", "the server does not name its software and version"
    assert page.evaluate("window.__cspViolations") == []
    assert page.evaluate(OFFERED_UPLOADS) == [], "no chart offers to send its figures to another site"
    assert page_errors == []


# The mode bar buttons of the page's charts that would send a chart's data away (plotly.js 4 shows a
# "Share chart..." button by default, which uploads the chart to Plotly Cloud).
OFFERED_UPLOADS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
    const buttons = [...plot.querySelectorAll('.modebar-btn')].map(button => button.dataset.title);
    return buttons.filter(title => /share|cloud/i.test(title || ''));
})"""


def test_the_sign_in_page_draws_under_the_policy(anonymous_page: Page, page_errors: list[str], base_url: str, expect):
    anonymous_page.add_init_script(RECORD_VIOLATIONS)
    response = anonymous_page.goto(f"{base_url}/login")
    expect(anonymous_page.locator("#login-submit")).to_be_visible()
    assert response.headers["server"] == "DTI"
    assert anonymous_page.evaluate("window.__cspViolations") == []
    assert page_errors == []


@pytest.fixture
def attacker_url(base_url: str) -> Iterator[str]:
    """A page of another origin on this machine (another port), framing /admin as an attacker's would."""
    framing = f'<iframe id="framed" src="{base_url}/admin" width="800" height="600"></iframe>'.encode()

    class AttackerPage(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(framing)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), AttackerPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join()


def test_another_site_cannot_frame_the_admin_page(page_as: Callable[[str], Page], base_url: str, attacker_url: str):
    page = page_as("admin")
    with page.expect_console_message(lambda message: "frame-ancestors" in message.text):
        page.goto(attacker_url)
    assert [frame.url for frame in page.frames if frame.url.startswith(base_url)] == []
