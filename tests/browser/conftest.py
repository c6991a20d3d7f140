"""Browser fixtures: the app as a real server process, and Debian's Chromium driven by Playwright.

The app runs as `python app.py` would in production-like use (its own process, its own
database loaded from the seed on start), so these tests see what a reader sees. Chromium
and Playwright are optional locally: without them the tests skip, unless `REQUIRE_BROWSER=1`.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

import pytest

from tests.conftest import TEST_ACCOUNTS, create_test_accounts, skip_or_fail

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Route

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DEFAULT_VIEWPORT = {"width": 1920, "height": 1080}
# Nothing listens on port 1: the app starts, but every query fails as with a database that is down.
UNREACHABLE_DATABASE_URL = "postgresql+psycopg://postgres@127.0.0.1:1/test"
# Budgets for waits, not timings: a state that never comes still fails, only later. Measured on a
# 2-core machine running three other suites (load 15-25): the app took over 60 s to answer
# /healthz, and a fresh browser over 30 s to draw its first graph (Plotly's 4.6 MB bundle parsed
# on a starved CPU). Playwright's own defaults (`expect` 5 s, actions and `wait_for` 30 s) are
# replaced by one budget for every wait on a state the app reaches through callbacks.
START_TIMEOUT_SECONDS = 180
WAIT_TIMEOUT_MS = 60_000
# Opt-in slow callbacks, to expose races a loaded CI machine hits now and then: every Dash callback
# answers this many seconds late (0.35 is just past the content spinners' 300 ms `delay_show`).
CALLBACK_DELAY_SECONDS = float(os.environ.get("BROWSER_TEST_CALLBACK_DELAY") or 0)
# Opt-in slow renderer (Chromium's CPU throttling, e.g. 4 for four times slower): the ticks between
# a callback's answer and the page showing it, which a starved CPU stretches, last long enough to read.
CPU_THROTTLE_RATE = float(os.environ.get("BROWSER_TEST_CPU_THROTTLE") or 0)
# Delayed in the page, not in a Playwright route: a sync route handler that sleeps holds up
# Playwright's whole event loop, so parallel callbacks would answer one after another.
SLOW_CALLBACKS_SCRIPT = """(delayMs) => {
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
        const url = typeof input === "string" ? input : input.url;
        if (!url.includes("/_dash-update-component")) return send(input, init);
        return new Promise((resolve) => setTimeout(resolve, delayMs)).then(() => send(input, init));
    };
}"""
# A fixed key for the app whose database is down: the tests sign a session cookie with it, as
# for a reader who signed in before the database went away.
DOWN_APP_SECRET = "browser-tests-only-" + "x" * 24


def free_port() -> int:
    """A port the OS just handed out, so the suite never clashes with an app already on 8050."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_status(url: str) -> int | None:
    """The HTTP status `url` answers with, or None while nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def read_json(url: str) -> tuple[int, dict]:
    """Status and JSON body of `url`, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def run_app(
    database_url: str, folder: Path, ready: Callable[[int | None], bool], extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    """Start `app.py` on a free port and yield its base URL once `/healthz` answers as `ready` wants."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"CACHE_REDIS_URL", "DTI_FOCUS_UNIT", "DTI_SECRET_KEY"}}
    env.update(HOST="127.0.0.1", PORT=str(port), DATABASE_URL=database_url, PYTHONUNBUFFERED="1", **(extra_env or {}))
    log_path = folder / "app.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "app.py"], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not ready(http_status(f"{base_url}/healthz")):
            if process.poll() is not None or time.monotonic() > deadline:
                state = f"exited with {process.returncode}" if process.poll() is not None else "timed out"
                pytest.fail(f"app.py {state} before /healthz was ready; its output:\n{log_path.read_text()}")
            time.sleep(0.2)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def app_with_accounts(database_url: str, folder: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """The app on `database_url`, ready (`/healthz` 200) and with the test accounts, yielding its base URL.

    Every browser test that signs in needs exactly this; a test module's own app (a database it
    built, a focus unit of its own in `extra_env`) is one `yield from` of it, or of `imported_app`.
    """
    for running in run_app(database_url, folder, lambda status: status == 200, extra_env):
        create_test_accounts(database_url)
        yield running


def sqlite_url(folder: Path) -> str:
    """The SQLite file of `folder` that an app of these tests runs on."""
    return f"sqlite:///{folder / 'dti.sqlite3'}"


def imported_database(folder: Path, files: Sequence[tuple[str, bytes]]) -> str:
    """The seed, then each `(file name, content)` imported through the importer, into an SQLite file of `folder`.

    The database a data officer would have built: tests of imported years see the app on it, not
    on rows written behind the importer's back.
    """
    from data_access import db
    from data_access.importing import OK, import_file
    from seed.loader import load_seed

    url = sqlite_url(folder)
    engine = db.engine_for(url)
    load_seed(engine)
    for name, content in files:
        outcome = import_file(content, name, user="data-officer", engine=engine, accept_warnings=True)
        assert outcome.result == OK, (name, outcome.error, outcome.checked.issues)
    engine.dispose()
    return url


def imported_app(
    folder: Path, files: Sequence[tuple[str, bytes]], extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    """The app on `imported_database(folder, files)`, with the test accounts, yielding its base URL.

    A module fixture is `yield from imported_app(tmp_path_factory.mktemp(...), [...])`.
    """
    yield from app_with_accounts(imported_database(folder, files), folder, extra_env)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a fresh SQLite file, which it seeds itself on start; the test accounts are added once it runs."""
    folder = tmp_path_factory.mktemp("browser-app")
    yield from app_with_accounts(sqlite_url(folder), folder)


@pytest.fixture(scope="session")
def down_base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with a database that refuses connections; `/healthz` answers 503 there."""
    folder = tmp_path_factory.mktemp("browser-app-down")
    yield from run_app(
        UNREACHABLE_DATABASE_URL, folder, lambda status: status is not None, {"DTI_SECRET_KEY": DOWN_APP_SECRET}
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, never a downloaded one; missing Chromium or Playwright is a skip or, in CI, a failure."""
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).is_file():
        skip_or_fail("REQUIRE_BROWSER", f"Chromium not found at {executable} (set CHROMIUM_PATH)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        skip_or_fail("REQUIRE_BROWSER", f"Playwright cannot be imported: {exc}")
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=WAIT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def expect(browser: Browser) -> Callable:
    """Playwright's retrying assertions, imported only once `browser` has found Playwright installed."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect


@pytest.fixture
def page_errors() -> list[str]:
    """Console errors and uncaught exceptions of the test's page: a reader never sees them, so tests assert none."""
    return []


def sign_in(page: Page, base_url: str, account: str) -> None:
    """Sign `page`'s context in as one of the test accounts (`TEST_ACCOUNTS`)."""
    username, password, _role, _unit = TEST_ACCOUNTS[account]
    sign_in_with(page, base_url, username, password)


def sign_in_with(page: Page, base_url: str, username: str, password: str) -> None:
    """Sign `page`'s context in through the real form (GET for the anti-forgery token, then POST)."""
    form = page.request.get(f"{base_url}/login").text()
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    response = page.request.post(
        f"{base_url}/login", form={"username": username, "password": password, "csrf": token}, max_redirects=0
    )
    assert response.status == 302, f"signing in as {username} failed with {response.status}"


def forge_session(page: Page, base_url: str, account: str) -> None:
    """A session cookie signed with the down app's key, as if `account` had signed in before the outage."""
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface

    username, _password, role, unit = TEST_ACCOUNTS[account]
    signer = Flask("forge")
    signer.secret_key = DOWN_APP_SECRET
    value = (
        SecureCookieSessionInterface()
        .get_signing_serializer(signer)
        .dumps({"uid": 1, "epoch": 0, "who": [username, role, unit, None], "_permanent": True})
    )
    page.context.add_cookies([{"name": "dti_session", "value": value, "url": base_url}])


def new_page(browser: Browser, page_errors: list[str]) -> Page:
    """A fresh context (no cookies, no localStorage) and page at 1920×1080, reporting errors into `page_errors`."""
    context = browser.new_context(viewport=DEFAULT_VIEWPORT)
    context.set_default_timeout(WAIT_TIMEOUT_MS)
    if CALLBACK_DELAY_SECONDS:
        context.add_init_script(f"({SLOW_CALLBACKS_SCRIPT})({round(CALLBACK_DELAY_SECONDS * 1000)});")
    fresh = context.new_page()
    if CPU_THROTTLE_RATE > 1:
        context.new_cdp_session(fresh).send("Emulation.setCPUThrottlingRate", {"rate": CPU_THROTTLE_RATE})

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            page_errors.append(f"console: {message.text} at {message.location.get('url', '?')}")

    fresh.on("console", on_console)
    fresh.on("pageerror", lambda error: page_errors.append(f"pageerror: {error}"))
    return fresh


def read_only_page(
    browser: Browser, base_url: str, errors: list[str], url: str, open_page: Callable[[Page, str], object]
) -> Iterator[Page]:
    """`url` as a leader first sees it (Vietnamese, 1920×1080), opened and drawn once by `open_page` for
    the tests of a module that only read it or download from it (a module-scoped fixture yields from
    this): each would otherwise wait again for the same charts, most of the suite's time. A test that
    changes the page (a click, a filter, the language, the window, the network) opens a page of its own."""
    page = new_page(browser, errors)
    sign_in(page, base_url, "leader")
    open_page(page, base_url + url)
    yield page
    page.context.close()


def page_sized(
    request: pytest.FixtureRequest,
    width: int,
    height: int,
    shared: str,
    url: str,
    open_page: Callable[[Page, str], object],
) -> tuple[Page, list[str]]:
    """`url` at `width`×`height`, and the errors it reports. At 1920×1080, the size `read_only_page` loads
    at, it is the module's shared `{shared}_page` (with `{shared}_errors`); at another size a page of its
    own, sized before `open_page` loads it."""
    if {"width": width, "height": height} == DEFAULT_VIEWPORT:
        return request.getfixturevalue(f"{shared}_page"), request.getfixturevalue(f"{shared}_errors")
    page = request.getfixturevalue("page")
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, request.getfixturevalue("base_url") + url)
    return page, request.getfixturevalue("page_errors")


@pytest.fixture
def anonymous_page(browser: Browser, page_errors: list[str]) -> Iterator[Page]:
    """A page nobody signed in on."""
    fresh = new_page(browser, page_errors)
    yield fresh
    fresh.context.close()


@pytest.fixture
def page(page_on: Callable[[str, str], Page], base_url: str) -> Page:
    """A page signed in as a leader (who may see everything but `/admin`)."""
    return page_on(base_url, "leader")


@pytest.fixture
def page_on(browser: Browser, page_errors: list[str]) -> Iterator[Callable[[str, str], Page]]:
    """`page_on(app_url, "leader")`: a new page signed in with that test account on that app, closed after the test.

    For a module's own app (`imported_app`, `app_with_accounts`): its `leader` fixture is one call.
    """
    opened: list[Page] = []

    def open_on(app_url: str, account: str) -> Page:
        fresh = new_page(browser, page_errors)
        sign_in(fresh, app_url, account)
        opened.append(fresh)
        return fresh

    yield open_on
    for fresh in opened:
        fresh.context.close()


@pytest.fixture
def page_as(page_on: Callable[[str, str], Page], base_url: str) -> Callable[[str], Page]:
    """`page_as("unit_head")` (or "admin", "leader"): a new page signed in with that test account."""
    return lambda account: page_on(base_url, account)


def open_overview(page: Page, url: str) -> None:
    """Load `url` and wait until the figures a reader looks at first are drawn."""
    page.goto(url)
    page.locator("#overview-dti-value").wait_for()
    page.locator("#overview-history .js-plotly-plot .main-svg").first.wait_for()


def plot_traces(page: Page, selector: str) -> list[dict]:
    """The traces Plotly drew in `selector`: `_fullData`, where binary-encoded arrays are already decoded.

    Each graph of a page is drawn on its own, after the callback that delivers it: waiting for one
    graph says nothing about its neighbours, so this waits until Plotly has drawn `selector` itself
    and has finished drawing it (dcc.Graph marks the plot `dash-graph--pending` until `Plotly.react`
    resolves, and `_fullData` is the old figure's meanwhile). After an action that redraws a graph
    the old plot satisfies this wait as well: wait for something of the new figure first.
    """
    page.locator(f"{selector} .js-plotly-plot:not(.dash-graph--pending) .main-svg").first.wait_for(state="attached")
    return page.eval_on_selector(
        f"{selector} .js-plotly-plot",
        """el => el._fullData.map(t => ({
            type: t.type,
            name: t.name,
            r: t.r ? Array.from(t.r) : null,
            y: t.y ? Array.from(t.y) : null,
        }))""",
    )


def query_pattern(expected: dict[str, str], *, exact: bool = True) -> re.Pattern[str]:
    """A URL whose query string holds the `expected` parameters, in any order, and no other when `exact`.

    The same comparison as `parse_qs(urlsplit(url).query) == expected` (or, not `exact`, as
    checking those keys only), written as one pattern so that Playwright's `to_have_url` can retry it.
    """
    if not expected:
        return re.compile(r"^[^?#]*\??$" if exact else r"")
    present = "".join(f"(?=(?:[^#]*&)?{re.escape(urlencode({key: value}))}(?:&|$))" for key, value in expected.items())
    count = rf"[^&#]+(?:&[^&#]+){{{len(expected) - 1}}}$" if exact else ""
    return re.compile(rf"^[^?#]*\?{present}{count}")


def expect_query(page: Page, expected: dict[str, str], *, exact: bool = True) -> None:
    """Wait until the page's URL carries the `expected` query parameters (and, when `exact`, no other).

    Selectors write the URL from a callback of their own, which may land before or after the
    content it leads to: reading `page.url` at once races that callback, so this waits (Playwright's
    retrying `expect`, `WAIT_TIMEOUT_MS`) for the URL a reader would end up bookmarking.
    """
    from playwright.sync_api import expect

    expect(page).to_have_url(query_pattern(expected, exact=exact))


LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def block_external_requests(page: Page) -> list[str]:
    """Abort and record every request that would leave the machine (as on an offline IOC network).

    `blob:` and `data:` URLs are the page's own memory, never a network request.
    """
    blocked: list[str] = []

    def route(request_route: Route) -> None:
        url = request_route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS or url.startswith(("blob:", "data:")):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.context.route("**/*", route)
    return blocked
