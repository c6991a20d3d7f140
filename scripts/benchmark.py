"""Measure each page's data path, its callback over HTTP and, with `--browser`, the bytes of a visit.

    python scripts/benchmark.py [--repeat 20] [--national URL] [--browser] [--changes N] [--floors N]

For the database of `DATABASE_URL` (default: the SQLite file under instance/, loaded from seed/ when
empty), and, with `--national`, for a second one made by `python -m seed --synthetic national`, it
prints per page:

- the page's data function, cold (empty cache) and warm: median time, the queries it runs and the
  rows they return (counted by an engine event, as tests/data_access/test_scale.py does);
- the page's content callback, posted as the browser posts it to a signed-in in-process app
  (warm cache): p50 and p95 time, the answer's size as sent (brotli) and raw;
- with `--browser`: `python app.py` on the database, and Chromium (Debian's, via Playwright) signed
  in: the bytes and requests of a first visit to `/` and of a repeat visit (the browser's cache).

- with `--changes N`: a year changed on `/`, the level and the year on `/rankings`, a year on `/pillars`,
  `/districts`, the province's unit page, `/targets` and `/present` (where the data has two; the deck
  twice: every slide drawn, and the slide shown, its chart the largest both years have), by clicking
  the reader's own controls in Chromium, N times each way: p50/p95 from the click to the frame after the
  first that shows the new state (the state being what a fresh load of its URL settles on), beside
  the change's floor on this machine: the other state's settled content swapped in as HTML, no
  request, Dash or plotly (what the browser alone needs to draw it); when the change's first callback
  request left and its last answer came (p50 from the click: the rest is the browser's drawing);
  and, from a Chromium trace of a few more changes, how long per change the page's main thread waited
  for the GPU process (a map's WebGL drawn and read back): on a machine without a GPU, SwiftShader
  draws it on the CPU;
- with `--floors N`: each page's settle time (fresh load to the settled content) against its static
  floor, the same settled DOM without its scripts served at the same URL with the same stylesheets
  and fonts (N loads each, interleaved).

Timings are printed for people to read; no test asserts on them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data_access import db, queries, settings
from data_access.cache import cache
from data_access.reads import Reads, counting
from scripts.load_test import callback_body

ACCOUNT = ("benchmark-leader", "benchmark-password-1")
BROWSER_ENCODINGS = "gzip, deflate, br, zstd"


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def page_functions(focus: str, year: int, department: str | None) -> dict[str, Callable[[], object]]:
    """Each page's data function for the province in focus (and one of its departments)."""
    from data_access.deck import build_deck
    from data_access.districts import build_district_results
    from data_access.overview import build_overview
    from data_access.peers import province_histories
    from data_access.pillars import pillars_view, resolve_selection
    from data_access.rankings import national_ranking, unit_ranking
    from data_access.units import unit_summary

    functions = {
        "/": lambda: build_overview(focus, year),
        "/rankings": lambda: (national_ranking(year), province_histories()),
        "/rankings?level=department": lambda: unit_ranking(focus, "department", year),
        "/rankings?level=district": lambda: unit_ranking(focus, "district", year),
        "/districts": lambda: build_district_results(focus, year),
        "/present": lambda: build_deck(focus, year),
        "/pillars": lambda: pillars_view(resolve_selection(year, "province", None, None)),
        "/pillars?level=department": lambda: pillars_view(resolve_selection(year, "department", None, None)),
    }
    if department:
        functions["/units/<department>"] = lambda: unit_summary(department, year)
    return functions


class DataPath(NamedTuple):
    """One page's data function measured on one database: median cold and warm ms, queries, rows."""

    cold: float
    warm: float
    queries: int
    rows: int


def data_paths(label: str, repeat: int) -> dict[str, DataPath]:
    engine = db.get_engine()
    focus = queries.focus_unit_code()
    year = queries.available_years()[-1]
    department = _first_department(focus)
    print(f"\n[{label}] data functions   focus {focus}, year {year}, department {department}")
    print(f"  {'page':<28}{'cold ms':>9}{'warm ms':>9}{'queries':>9}{'rows':>9}")
    measured: dict[str, DataPath] = {}
    for page, action in page_functions(focus, year, department).items():
        cold, warm = [], []
        reads = Reads()
        for attempt in range(repeat):
            cache.clear()
            queries.focus_unit_code()
            counted, stop = counting(engine) if attempt == 0 else (None, lambda: None)
            start = time.perf_counter()
            action()
            cold.append((time.perf_counter() - start) * 1000)
            stop()
            if counted is not None:
                reads = counted
            start = time.perf_counter()
            action()
            warm.append((time.perf_counter() - start) * 1000)
        # The first cold run also counted rows (each statement run twice): left out of the times.
        measured[page] = DataPath(
            statistics.median(cold[1:] or cold), statistics.median(warm), reads.queries, reads.rows
        )
        print(f"  {page:<28}{measured[page].cold:9.1f}{measured[page].warm:9.2f}{reads.queries:9d}{reads.rows:9d}")
    return measured


def print_ratios(seed: dict[str, DataPath], national: dict[str, DataPath]) -> None:
    """Each page's data function at both scales side by side, with national / seed for cold and warm."""
    print("\ndata functions (cold ms = memo cache cleared; warm = memo hit)")
    seed_head = f"{'seed cold':>9}{'warm':>6}{'q':>4}{'rows':>6}"
    print(f"  {'':<28}{seed_head}  | national cold{'warm':>7}{'q':>5}{'rows':>6} | ratio cold/warm")
    for page, small in seed.items():
        large = national.get(page)
        if large is None:
            continue
        print(
            f"  {page:<28}{small.cold:9.1f}{small.warm:6.2f}{small.queries:4d}{small.rows:6d}  |"
            f"{large.cold:14.1f}{large.warm:7.2f}{large.queries:5d}{large.rows:6d} |"
            f" {large.cold / small.cold:.2f} / {large.warm / small.warm:.2f}"
        )


def _first_department(focus: str | None) -> str | None:
    from data_access.rankings import child_units

    if focus is None:
        return None
    units = child_units(focus, "department")
    return None if units.empty else str(units["unit_code"].iloc[0])


def _callback_body(app, output: str, values: dict[str, object]) -> dict:
    """The JSON the browser posts for the callback with output key `output`, inputs set from `values`."""
    spec = app.callback_map[output]
    return callback_body(
        output, spec["inputs"], spec.get("state", []), lambda item: values.get(f"{item['id']}.{item['property']}")
    )


def _output_key(app, first_output: str) -> str:
    return next(key for key in app.callback_map if key.strip(".").startswith(first_output))


def callbacks(label: str, repeat: int) -> None:
    """Each page's content callback over HTTP, signed in as a leader, warm cache."""
    import app as dashboard
    from auth import users

    server = dashboard.server
    engine = db.get_engine()
    if not any(account.username == ACCOUNT[0] for account in users.list_accounts(engine)):
        users.create_user(ACCOUNT[0], "leader", password=ACCOUNT[1], engine=engine)
    client = server.test_client()
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").get_data(as_text=True)).group(1)
    client.post("/login", data={"username": ACCOUNT[0], "password": ACCOUNT[1], "csrf": token})
    focus = queries.focus_unit_code()
    year = str(queries.available_years()[-1])
    department = _first_department(focus) or ""
    theme = {"shell-theme.data": "dark"}
    pages = {
        "/": ("overview-content.children", {"overview-year.data": year}),
        "/rankings": ("rankings-heading.children", {"rankings-query.data": {"year": year, "level": "province"}}),
        "/rankings?level=department": (
            "rankings-heading.children",
            {"rankings-query.data": {"year": year, "level": "department"}},
        ),
        "/rankings?level=district": (
            "rankings-heading.children",
            {"rankings-query.data": {"year": year, "level": "district"}},
        ),
        "/districts": ("districts-heading.children", {"districts-query.data": {"year": year, "criterion": None}}),
        "/units/<department>": (
            "units-content.children",
            {"units-query.data": {"unit_code": department, "year": year}},
        ),
        "/present": ("present-deck.children", {"present-query.data": {"year": year}}),
        "/pillars": ("pillars-content.children", {"pillars-query.data": {"year": year}}),
        "/pillars?level=department": (
            "pillars-content.children",
            {"pillars-query.data": {"year": year, "level": "department"}},
        ),
    }
    print(f"\n[{label}] content callbacks over HTTP (times warm, n={repeat}; queries and rows of a cold call)")
    print(f"  {'page':<28}{'p50 ms':>9}{'p95 ms':>9}{'sent KB':>9}{'raw KB':>9}{'queries':>9}{'rows':>9}")
    for page, (first_output, values) in pages.items():
        body = _callback_body(dashboard.app, _output_key(dashboard.app, first_output), {**theme, **values})
        samples = []
        sent = raw = 0
        reads = Reads()
        with server.app_context():
            cache.clear()
        for attempt in range(repeat + 1):
            # The first call runs cold (its reads counted), the others warm (timed).
            counted, stop = counting(engine) if attempt == 0 else (None, lambda: None)
            start = time.perf_counter()
            response = client.post("/_dash-update-component", json=body, headers={"Accept-Encoding": BROWSER_ENCODINGS})
            elapsed = (time.perf_counter() - start) * 1000
            stop()
            if response.status_code != 200:
                print(f"  {page:<28} answered {response.status_code}")
                break
            if counted is not None:
                reads = counted
            elif attempt:
                samples.append(elapsed)
            sent = len(response.get_data())
            if attempt == 0:
                raw = len(client.post("/_dash-update-component", json=body).get_data())
        if samples:
            print(
                f"  {page:<28}{percentile(samples, 0.5):9.1f}{percentile(samples, 0.95):9.1f}"
                f"{sent / 1024:9.1f}{raw / 1024:9.1f}{reads.queries:9d}{reads.rows:9d}"
            )


class WireEntry(NamedTuple):
    """One response of a visit as the browser received it: what it was, how it travelled, its bytes."""

    url: str
    status: int
    encoding: str
    wire_bytes: int
    cache_control: str


def _wire_entry(request) -> WireEntry:
    """Headers + body as received (the body as sent: compressed when it was), from Chromium's own sizes."""
    measured = request.sizes()
    response = request.response()
    headers = response.headers if response else {}
    return WireEntry(
        url=request.url,
        status=response.status if response else 0,
        encoding=headers.get("content-encoding", "-"),
        wire_bytes=measured["responseBodySize"] + measured["responseHeadersSize"],
        cache_control=headers.get("cache-control", "-"),
    )


def _resource_name(url: str) -> str:
    """A URL shortened to what names the file: no host, no fingerprint query, no Dash version infix."""
    path = urllib.parse.urlsplit(url).path
    path = re.sub(r"\.v\d[\d_]*m\d+", "", path)
    return path.replace("/_dash-component-suites/", "suites/")


def print_wire_breakdown(entries: list[WireEntry], largest: int = 12) -> None:
    """The visit's largest responses, one a line, then the rest summed: where a visit's bytes go."""
    ordered = sorted(entries, key=lambda entry: entry.wire_bytes, reverse=True)
    for entry in ordered[:largest]:
        print(
            f"    {entry.wire_bytes / 1024:8.1f} KB  {entry.status:3d}  {entry.encoding:<5}"
            f"  {_resource_name(entry.url)[:70]:<70}  {entry.cache_control}"
        )
    rest = ordered[largest:]
    if rest:
        print(f"    {sum(entry.wire_bytes for entry in rest) / 1024:8.1f} KB  in {len(rest)} more responses")


def _ensure_benchmark_account() -> None:
    from auth import users

    engine = db.get_engine()
    if not any(account.username == ACCOUNT[0] for account in users.list_accounts(engine)):
        users.create_user(ACCOUNT[0], "leader", password=ACCOUNT[1], engine=engine)


def browser_bytes(label: str) -> dict[str, list[WireEntry]]:
    """`python app.py` on this database and Chromium signed in: the bytes of a first and a repeat visit
    to `/`, per response; returned as well as printed (tests/browser/test_wire_bytes.py measures a
    visit the same way)."""
    visits: dict[str, list[WireEntry]] = {}
    with _app_in_chromium(label) as (page, base):
        print(f"\n[{label}] a visit to / in Chromium, 1920×1080, signed in (bytes on the wire: headers + body)")
        for visit in ("first visit", "repeat visit"):
            entries: list[WireEntry] = []

            def finished(request, entries=entries) -> None:
                entries.append(_wire_entry(request))

            page.on("requestfinished", finished)
            start = time.perf_counter()
            page.goto(f"{base}/")
            page.locator("#overview-history .js-plotly-plot .main-svg").first.wait_for(timeout=120_000)
            settled = (time.perf_counter() - start) * 1000
            page.wait_for_load_state("networkidle")
            page.remove_listener("requestfinished", finished)
            conditional = sum(entry.status == 304 for entry in entries)
            total = sum(entry.wire_bytes for entry in entries)
            print(
                f"  {visit:<14}{total / 1024:9.1f} KB in {len(entries)} requests"
                f" ({conditional} answered 304), history drawn after {settled:.0f} ms"
            )
            print_wire_breakdown(entries)
            visits[visit] = entries
    return visits


@contextmanager
def _app_in_chromium(label: str) -> Iterator[tuple[object, str]]:
    """`python app.py` on this database, and a signed-in Chromium page at 1920×1080: (page, base URL)."""
    from playwright.sync_api import sync_playwright

    from scripts.local_stack import free_port

    _ensure_benchmark_account()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": settings.database_url(), "PORT": str(port), "HOST": "127.0.0.1"}
    log_path = Path(tempfile.mkdtemp(prefix=f"benchmark-{label}-")) / "app.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "app.py"], cwd=Path(__file__).resolve().parents[1], env=env, stdout=log, stderr=log
        )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{base}/healthz", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = chromium.new_context(viewport={"width": 1920, "height": 1080}).new_page()
            page.set_default_timeout(120_000)
            form = page.request.get(f"{base}/login").text()
            token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
            page.request.post(
                f"{base}/login", form={"username": ACCOUNT[0], "password": ACCOUNT[1], "csrf": token}, max_redirects=0
            )
            yield page, base
            chromium.close()
    finally:
        process.terminate()
        process.wait(timeout=30)


# What a settled page looks like, read in the browser: the content's text and each graph's drawn data
# (plotly's `_fullData`, typed arrays as lists) and text, keyed by the graph's id. Two states with the same
# signature look the same to a reader; a graph counts only once plotly has drawn it, and a map only once
# MapLibre has its sources tiled (its drawing is asynchronous, after plotly's). A graph's text (tick
# labels, annotations) is compared as a set: plotly redrawing a graph in place (Plotly.react) keeps the
# labels that stayed and appends the new ones, so their order in the DOM is not the order a fresh
# drawing gives them, while what the reader sees is the same.
SIGNATURE_JS = """(root) => {
  const el = document.querySelector(root);
  if (!el || el.closest('[data-dash-is-loading="true"]')) return null;
  const plain = (v) => (ArrayBuffer.isView(v) ? Array.from(v) : v);
  const graphs = {};
  let text = el.innerText;
  for (const gd of el.querySelectorAll('.js-plotly-plot')) {
    if (!gd._fullLayout || !gd._fullData || !gd.querySelector('.main-svg')) return null;
    const map = gd._fullLayout.map && gd._fullLayout.map._subplot && gd._fullLayout.map._subplot.map;
    if (map && !map.loaded()) return null;
    const labels = gd.innerText;
    text = text.replace(labels, '');
    graphs[gd.parentElement.id || gd.id] = JSON.stringify([gd._fullData.map((t) => [
      t.type, t.name, plain(t.x), plain(t.y), plain(t.r), plain(t.z), plain(t.locations), plain(t.text)]),
      labels.split('\\n').sort()]);
  }
  return JSON.stringify({text, graphs});
}"""

# The same signature, awaited from a change: `act` runs in the page (a click), then every animation
# frame checks the signature until it is the one awaited; the milliseconds between the click and the
# start of the frame after the one that first holds the new state, as the page's own clock counts them.
# A frame's own style, layout and paint (a long table's) come after its animation callbacks: the next
# frame's start is when the state has been painted. With it, from the browser's resource timings, when
# the first callback request of the change left and when its last answer had come (null: none was made).
TIMED_CHANGE_JS = """async ([root, selector, expected, budget]) => {
  const signature = SIGNATURE;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  performance.clearResourceTimings();
  const start = performance.now();
  document.querySelector(selector).click();
  while (performance.now() - start < budget) {
    await frame();
    if (signature(root) === expected) {
      const drawn = (await frame()) - start;
      const posts = performance.getEntriesByType('resource')
        .filter((entry) => entry.name.includes('_dash-update-component') && entry.startTime >= start);
      if (!posts.length) return [drawn, null, null];
      const asked = Math.min(...posts.map((entry) => entry.startTime));
      const answered = Math.max(...posts.map((entry) => entry.responseEnd));
      return [drawn, asked - start, answered - start];
    }
  }
  return null;
}""".replace("SIGNATURE", SIGNATURE_JS)

# The floor of a change on this machine: the content's settled DOM of the other state (plotly's SVG
# included, as drawn) swapped in whole, without a request, Dash or plotly; from the swap to the start of
# the frame after the one that draws it, timed as TIMED_CHANGE_JS times a change. A map's canvas comes
# over empty, so the floor of a page with a map is lower still than its true floor.
SWAP_FLOOR_JS = """async ([root, html]) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame();
  const start = performance.now();
  document.querySelector(root).innerHTML = html;
  await frame();
  return (await frame()) - start;
}"""


def _settled_signature(page, url: str, root: str) -> str:
    """The signature of `url` loaded afresh, once it stays the same over a second of frames."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    previous, since = None, time.monotonic()
    deadline = since + 180
    while time.monotonic() < deadline:
        current = page.evaluate(SIGNATURE_JS, root)
        if current is None or current != previous:
            previous, since = current, time.monotonic()
        elif time.monotonic() - since > 1.0:
            return current
        page.wait_for_timeout(100)
    raise TimeoutError(f"{url} did not settle within three minutes")


def _heaviest_common_chart(focus: str, new: int, old: int) -> str:
    """The slide with a chart in both years' decks whose figure is the largest: the shown slide that costs
    the most to redraw on a change of year (a slide a year lacks would open the deck on its title)."""
    from components.slides import build_slides
    from data_access.deck import build_deck
    from domain.clock import local_today
    from pages._context import source_titles

    def charts(year: int) -> dict[str, int]:
        slides = build_slides(
            build_deck(focus, year), theme="dark", lang="vi", titles=source_titles("vi"), today=local_today()
        )
        return {slide.key: len(slide.figure.to_json()) for slide in slides if slide.has_chart}

    newer, older = charts(new), charts(old)
    return max(newer.keys() & older.keys(), key=lambda key: newer[key] + older[key])


def _filter_change_cases(focus: str, years: list[int]) -> list[tuple[str, str, str, str, str, str]]:
    """(name, root, url of state A, its control, url of state B, its control): a year on `/`, the level
    and the year on `/rankings`, a year on `/pillars`, `/districts`, the province's unit page, `/targets`
    and the deck (`/present`: every slide drawn, and the slide shown, whose chart is drawn first) where the
    data has two, the level on `/pillars`, a status on `/targets` (its tile, which toggles the filter); each
    case switches A → B → A… with the reader's own controls."""
    new, old = years[-1], years[-2]
    link = "#shell-years a.year-link[href*='year={}']"
    tile = "#targets-count-not_met"
    level = "#{page}-level input[value='{level}'] + label, #{page}-level label:has(input[value='{level}'])"

    def year_case(path: str, root: str) -> tuple[str, str, str, str, str, str]:
        return (f"{path} year", root, f"{path}?year={new}", link.format(new), f"{path}?year={old}", link.format(old))

    def shown_slide_case(key: str) -> tuple[str, str, str, str, str, str]:
        # The deck open on one slide: the presenter sees its chart redrawn, the others follow when idle.
        root = f"#present-slide-{key}"
        return (
            "/present year, shown",
            root,
            f"/present?year={new}#{key}",
            link.format(new),
            f"/present?year={old}#{key}",
            link.format(old),
        )

    def level_case(page: str) -> tuple[str, str, str, str, str, str]:
        return (
            f"/{page} level",
            f"#{page}-content",
            f"/{page}?year={new}&level=department",
            level.format(page=page, level="department"),
            f"/{page}?year={new}&level=district",
            level.format(page=page, level="district"),
        )

    return [
        year_case("/", "#overview-content"),
        level_case("rankings"),
        year_case("/rankings", "#rankings-content"),
        year_case("/pillars", "#pillars-content"),
        year_case("/districts", "#districts-content"),
        year_case(f"/units/{focus}", "#units-content"),
        year_case("/targets", "#targets-content"),
        year_case("/present", "#present-deck"),
        shown_slide_case(_heaviest_common_chart(focus, new, old)),
        level_case("pillars"),
        ("/targets status", "#targets-content", "/targets", tile, "/targets?status=not_met", tile),
    ]


# The WebGL renderer the page gets: "SwiftShader" names Chromium's CPU rasteriser (no GPU).
WEBGL_RENDERER_JS = """() => {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'no WebGL';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
}"""
# The renderer's main thread blocked on the GPU process: the innermost of its synchronous GL waits.
GL_WAIT_EVENT = "CommandBufferProxyImpl::WaitForGetOffset"


def gl_wait_per_change(page, steps: list[tuple[str, str]], root: str) -> float:
    """Milliseconds per change that the page's main thread waited for the GPU process, from a Chromium
    trace (category `gpu`) of `steps` (control, awaited signature); traced apart from the timed changes,
    whose figures tracing would inflate."""
    browser = page.context.browser
    browser.start_tracing(page=page, categories=["gpu"])
    for control, expected in steps:
        page.evaluate(TIMED_CHANGE_JS, [root, control, expected, 60_000])
        page.wait_for_load_state("networkidle")
    trace = json.loads(browser.stop_tracing())
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    main_threads = {
        (event["pid"], event["tid"])
        for event in events
        if event.get("ph") == "M"
        and event.get("name") == "thread_name"
        and event["args"].get("name") == "CrRendererMain"
    }
    waited = sum(
        event.get("dur", 0)
        for event in events
        if event.get("name") == GL_WAIT_EVENT and (event.get("pid"), event.get("tid")) in main_threads
    )
    return waited / 1000 / len(steps)


def filter_changes(label: str, repeat: int) -> None:
    """A filter changed in Chromium, timed from the click to the frame that shows the new state, for the
    cases of `_filter_change_cases`; each state's look is first taken from a fresh load of its URL."""
    from data_access.focus_years import followed_years

    focus = queries.focus_unit_code()
    years = followed_years(focus)
    print(f"\n[{label}] filter changes in Chromium, 1920×1080 (click → redrawn page, n={repeat} each way)")
    print(
        f"  {'change':<20}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'floor p50':>11}{'floor p95':>11}"
        f"{'GL wait':>9}{'asked p50':>11}{'answer p50':>12}  {'A ↔ B'}"
    )
    with _app_in_chromium(label) as (page, base):
        renderer = None
        for name, root, url_a, control_a, url_b, control_b in _filter_change_cases(focus, years):
            expected_b = _settled_signature(page, base + url_b, root)
            html_b = page.eval_on_selector(root, "(el) => el.innerHTML")
            has_control_a = page.query_selector(control_a) is not None
            expected_a = _settled_signature(page, base + url_a, root)
            html_a = page.eval_on_selector(root, "(el) => el.innerHTML")
            if not (has_control_a and page.query_selector(control_b)):
                print(f"  {name:<20} no control for the other state here (one year only): nothing to time")
                continue
            if expected_a == expected_b:
                print(f"  {name:<20} the two states look the same; nothing to time")
                continue
            samples: list[float] = []
            requested: list[float] = []
            answered: list[float] = []
            steps = [(control_b, expected_b), (control_a, expected_a)] * repeat
            for control, expected in steps:
                timed = page.evaluate(TIMED_CHANGE_JS, [root, control, expected, 60_000])
                if timed is None:  # the state never came: the case stops, its other changes untimed
                    print(f"  {name:<20} did not reach the awaited state within a minute")
                    samples = []
                    break
                elapsed, request, answer = timed
                samples.append(elapsed)
                if request is not None:
                    requested.append(request)
                    answered.append(answer)
                page.wait_for_load_state("networkidle")
            # Traced before the floors: a floor swaps the content's DOM from under React.
            waited = gl_wait_per_change(page, steps[: 2 * min(repeat, 3)], root) if samples else 0.0
            floors = [page.evaluate(SWAP_FLOOR_JS, [root, html]) for _ in range(repeat) for html in (html_b, html_a)]
            if samples:
                if renderer is None:
                    renderer = page.evaluate(WEBGL_RENDERER_JS)
                    print(f"  (WebGL renderer: {renderer})")
                asked = (
                    f"{percentile(requested, 0.5):11.0f}{percentile(answered, 0.5):12.0f}" if requested else " " * 23
                )
                print(
                    f"  {name:<20}{percentile(samples, 0.5):9.0f}{percentile(samples, 0.95):9.0f}{max(samples):9.0f}"
                    f"{percentile(floors, 0.5):11.0f}{percentile(floors, 0.95):11.0f}{waited:9.0f}{asked}"
                    f"  {url_a} ↔ {url_b}"
                )


def _floor_pages(focus: str, department: str | None) -> dict[str, str]:
    """Each page measured against its static floor, with the element that holds what its callbacks draw."""
    pages = {
        "/": "#overview-content",
        "/rankings": "#rankings-content",
        "/rankings?level=district": "#rankings-content",
        "/districts": "#districts-content",
        "/pillars": "#pillars-content",
        "/targets": "#targets-content",
        "/present": "#present-deck",
    }
    if department:
        pages[f"/units/{department}"] = "#units-content"
    return pages


# The settled page as a static document: every script left out (what the scripts drew stays, plotly's
# SVG included), every stylesheet, font and image still fetched from the app, from the same URL.
STATIC_DOM_JS = """() => {
  const copy = document.documentElement.cloneNode(true);
  copy.querySelectorAll('script').forEach((s) => s.remove());
  return '<!DOCTYPE html>' + copy.outerHTML;
}"""


def _timed_settle(page, url: str, root: str, expected: str) -> float:
    """Milliseconds from asking for `url` to the first moment its content shows the settled signature."""
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    deadline = start + 180
    while page.evaluate(SIGNATURE_JS, root) != expected:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{url} did not settle within three minutes")
        page.wait_for_timeout(10)
    return (time.perf_counter() - start) * 1000


def static_floors(label: str, repeat: int) -> None:
    """Each page's settle time in Chromium (fresh load, the browser's cache warm) against its static floor:
    the same settled DOM, scripts left out, served at the same URL with the same stylesheets and fonts,
    timed to its load event. Medians of `repeat` loads, the two interleaved."""
    focus = queries.focus_unit_code()
    department = _first_department(focus)
    print(f"\n[{label}] settle time against the static floor, Chromium 1920×1080, warm browser cache (n={repeat})")
    print(f"  {'page':<28}{'settle ms':>10}{'static ms':>10}{'ratio':>8}")
    with _app_in_chromium(label) as (page, base):
        for path, root in _floor_pages(focus, department).items():
            url = base + path
            expected = _settled_signature(page, url, root)
            html_text = page.evaluate(STATIC_DOM_JS)
            settle, floor = [], []

            def static(route, _request, body: str = html_text) -> None:
                route.fulfill(body=body, content_type="text/html")

            for _ in range(repeat):
                settle.append(_timed_settle(page, url, root, expected))
                page.route(url, static)
                start = time.perf_counter()
                page.goto(url, wait_until="load")
                floor.append((time.perf_counter() - start) * 1000)
                page.unroute(url)
            a, b = statistics.median(settle), statistics.median(floor)
            print(f"  {path.replace(department or '~', '<department>'):<28}{a:10.0f}{b:10.0f}{a / b:7.1f}×")


def measure(label: str, args: argparse.Namespace, server) -> dict[str, DataPath]:
    print(f"\n=== {label}: {settings.database_url()}")
    with server.app_context():
        measured = data_paths(label, args.repeat)
    # Outside that context: each request gets its own (and its own `g`), as in production.
    callbacks(label, args.repeat)
    if args.browser:
        browser_bytes(label)
    if args.changes:
        filter_changes(label, args.changes)
    if args.floors:
        static_floors(label, args.floors)
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--national", help="the database of `python -m seed --synthetic national`, measured second")
    parser.add_argument("--browser", action="store_true", help="also measure a visit's bytes in Chromium")
    parser.add_argument(
        "--changes", type=int, default=0, metavar="N", help="also time filter changes in Chromium, N times each way"
    )
    parser.add_argument(
        "--floors", type=int, default=0, metavar="N", help="also time each page against its static floor, N loads"
    )
    parser.add_argument("--label", default="seed", help="what the first database is called in the output")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", settings.database_url())
    # `app` loads the seed into an empty database on import, as `python app.py` does.
    import app

    seed = measure(args.label, args, app.server)
    if args.national:
        os.environ["DATABASE_URL"] = args.national
        # As `python app.py` starts on it (the browser parts do): migrated, the seed's reorganisation
        # topped up, so every part measures the same data and the same province in focus.
        app.prepare_database()
        with app.server.app_context():
            cache.clear()
        print_ratios(seed, measure("national", args, app.server))


if __name__ == "__main__":
    main()
