"""Load the app as N signed-in readers would and print requests, errors and latency percentiles.

    python scripts/load_test.py [--users 50] [--views 12] [--think 0] [--seconds 180] [--workers 2] [--threads 8]
                                [--close] [--no-answer-cache]

Everything runs on this machine and stops by itself: a PostgreSQL schema of its own (seeded, dropped
at the end) on the loopback server of `--database` (default `TEST_POSTGRES_URL`), a redis-server of its
own, and `gunicorn app:server` on a free loopback port. Each reader signs in once, then opens pages
as a browser does (the page, Dash's router callback, the page's content callback) until it has
opened `--views` pages or `--seconds` have passed. With `--think S` each reader arrives after a
pause and looks at a page for S seconds on average (both exponentially distributed, seeded) before
the next, as people at their desks do; without it the readers ask back to back, which measures the
server's ceiling rather than fifty people. Like a browser, each reader keeps its connection open
between requests (HTTP keep-alive; `--close` opens one per request) and accepts compressed answers;
a connection the server closed under a reader counts as an error. At the end it prints each
gunicorn worker's resident memory, now and at its peak. `--no-answer-cache` runs the app without its
kept callback answers (web/answer_cache.py), to compare. Timings are printed for people to read; no
test asserts on them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import re
import secrets
import sys
import tempfile
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.client import HTTPConnection, HTTPException
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import build_opener

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from auth import users
from data_access import db
from scripts.local_stack import child_pids, free_port, gunicorn_process, memory_mb, redis_server
from seed.loader import load_seed

DEFAULT_DATABASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
ACCOUNT = "load-test-leader"
THEME = {"id": "shell-theme", "property": "data", "value": "dark"}
# What Chromium sends.
ACCEPT_ENCODING = "gzip, deflate, br"


def _router(pathname: str, search: str = "") -> dict:
    """Dash's page router callback as the browser posts it on navigation."""
    return {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "shell-routed-search", "property": "data", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }


# Each page a reader opens: its URL and the component its content callback fills.
PAGES: dict[str, tuple[str, str]] = {
    "/": ("/", "overview-content"),
    "/pillars": ("/pillars?level=department", "pillars-content"),
    "/rankings": ("/rankings?level=department", "rankings-content"),
    "/districts": ("/districts", "districts-content"),
    "/targets": ("/targets", "targets-content"),
    "/units/<code>": ("/units/binh-phuoc-so-y-te", "units-content"),
}


def layout_props(layout: object) -> dict[str, dict]:
    """Every component with an id in a layout (as the router returns it): id → its props."""
    found: dict[str, dict] = {}
    stack = [layout]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            props = node.get("props")
            if isinstance(props, dict):
                if isinstance(props.get("id"), str):
                    found[props["id"]] = props
                stack.extend(value for value in props.values() if isinstance(value, list | dict))
    return found


def output_spec(output: str) -> dict | list:
    """One output of a callback's `output` string as the browser lists it in a request; a
    pattern-matching one (`{...}.prop`, the parts of a content drawn in place) matches nothing on a
    first drawing."""
    component, prop = output.rsplit(".", 1)
    return [] if component.startswith("{") else {"id": component, "property": prop}


def content_request(dependencies: list[dict], layout: object, content_id: str) -> dict:
    """The request the browser sends for the callback that fills `content_id` once the page's layout
    arrived: built from the app's own callback map (`/_dash-dependencies`), each input carrying the
    value the layout gave it, so the script follows the pages' callbacks as they change."""
    props = layout_props(layout)
    props.setdefault(THEME["id"], {})[THEME["property"]] = THEME["value"]
    for dependency in dependencies:
        outputs = dependency["output"].strip(".").split("...")
        if any(output.rsplit(".", 1)[0] == content_id for output in outputs):
            break
    else:
        raise LookupError(f"no callback fills {content_id}")

    return callback_body(
        dependency["output"],
        dependency["inputs"],
        dependency.get("state", []),
        lambda spec: props.get(spec["id"], {}).get(spec["property"]),
    )


def callback_body(output: str, inputs: list[dict], state: list[dict], value_of: Callable[[dict], object]) -> dict:
    """The JSON the browser posts for the callback named by its `output` string, each input and state
    (`{"id", "property"}`) carrying `value_of(it)`; the first input is the one that changed."""
    specs = [output_spec(part) for part in output.strip(".").split("...")]

    def values(items: list[dict]) -> list[dict]:
        return [{**item, "value": value_of(item)} for item in items]

    changed = values(inputs)
    return {
        "output": output,
        "outputs": specs if len(specs) > 1 else specs[0],
        "inputs": changed,
        "changedPropIds": [f"{changed[0]['id']}.{changed[0]['property']}"],
        "state": values(state),
    }


def decoded(data: bytes, encoding: str | None) -> str:
    """A response body as text, uncompressed as the browser would."""
    if encoding == "br":
        data = brotli.decompress(data)
    elif encoding == "gzip":
        data = gzip.decompress(data)
    elif encoding == "deflate":
        data = zlib.decompress(data)
    return data.decode("utf-8", "replace")


@dataclass
class Results:
    """Latencies (ms) and errors per page, filled by every reader's thread."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # The same latencies by what was asked (the page's HTML, the router's layout, the content callback)
    # and by wave (each reader's first page, the later ones).
    kinds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, page: str, millis: float, error: str | None, kind: str = "", wave: str = "") -> None:
        with self.lock:
            self.latencies[page].append(millis)
            for label in (kind, wave):
                if label:
                    self.kinds[label].append(millis)
            if error:
                self.errors[page].append(error)


class Reader:
    """One signed-in reader: its cookies and, as a browser keeps it, one connection (no redirects followed)."""

    def __init__(self, base: str, results: Results, timeout: float, *, keep_alive: bool = True) -> None:
        self.results, self.timeout, self.keep_alive = results, timeout, keep_alive
        address = urlsplit(base)
        self.host, self.port = address.hostname or "127.0.0.1", address.port
        self.cookies: dict[str, str] = {}
        self.connection: HTTPConnection | None = None

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def _remember_cookies(self, headers: list[str]) -> None:
        for header in headers:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value and "01 Jan 1970" not in header:
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)

    def send(
        self, page: str, path: str, body: dict | bytes | None = None, expect: int = 200, kind: str = "", wave: str = ""
    ) -> str:
        headers = {"Accept-Encoding": ACCEPT_ENCODING}
        if isinstance(body, dict):
            body, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        elif body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if not self.keep_alive:
            headers["Connection"] = "close"
        start = time.perf_counter()
        error, text, status = None, "", 0
        try:
            if self.connection is None:
                self.connection = HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.connection.request("GET" if body is None else "POST", path, body=body, headers=headers)
            reply = self.connection.getresponse()
            data, status = reply.read(), reply.status
            self._remember_cookies(reply.headers.get_all("Set-Cookie") or [])
            text = decoded(data, reply.headers.get("Content-Encoding"))
            if reply.will_close:
                self.close()
        except (OSError, HTTPException, ValueError) as exc:
            error = f"{type(exc).__name__}: {exc}"
            self.close()
        if error is None and status != expect:
            error = f"HTTP {status} for {path}"
        self.results.add(page, (time.perf_counter() - start) * 1000, error, kind, wave)
        return text

    def sign_in(self, password: str) -> bool:
        """Sign in through the form; False (counted as an error) when the form or the sign-in failed."""
        found = re.search(r'name="csrf" value="([^"]+)"', self.send("/login", "/login"))
        if found is None:
            return False
        body = urlencode({"username": ACCOUNT, "password": password, "csrf": found.group(1)}).encode()
        before = len(self.results.errors.get("/login", []))
        self.send("/login", "/login", body, expect=302)
        return len(self.results.errors.get("/login", [])) == before

    def open_page(self, page: str, dependencies: list[dict], *, first: bool = False) -> None:
        """The page's HTML, its router callback and its content callback. A reader's first page is
        labelled so: the first wave meets answers nobody has drawn yet (cold caches)."""
        path, content_id = PAGES[page]
        pathname, _, search = path.partition("?")
        wave = "first page" if first else "later pages"
        self.send(page, path, kind="page HTML", wave=wave)
        route = _router(pathname, f"?{search}" if search else "")
        routed = self.send(page, "/_dash-update-component", route, kind="router", wave=wave)
        try:
            layout = json.loads(routed)["response"]["_pages_content"]["children"]
        except (ValueError, KeyError, TypeError):
            return  # the router's failure is already counted
        content = content_request(dependencies, layout, content_id)
        self.send(page, "/_dash-update-component", content, kind="content", wave=wave)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (no interpolation): a value some request actually took."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def report(results: Results, seconds: float) -> None:
    every = [v for values in results.latencies.values() for v in values]
    errors = sum(len(e) for e in results.errors.values())
    print(f"\n{len(every)} requests in {seconds:.1f} s ({len(every) / seconds:.1f}/s), {errors} errors")
    print(f"{'page':<16}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    rows = [("overall", every, errors)] + [
        (page, values, len(results.errors.get(page, []))) for page, values in sorted(results.latencies.items())
    ]
    for page, values, failed in rows:
        cells = "".join(f"{percentile(values, p):9.0f}" for p in (0.5, 0.95, 0.99))
        print(f"{page:<16}{len(values):>9}{failed:>8}{cells}")
    for kind, values in sorted(results.kinds.items()):
        cells = "".join(f"{percentile(values, p):9.0f}" for p in (0.5, 0.95, 0.99))
        print(f"{'  ' + kind:<16}{len(values):>9}{'':>8}{cells}")
    for page, messages in results.errors.items():
        print(f"  {page}: {len(messages)} errors, e.g. {messages[0]}")


def report_memory(master: int, when: str) -> None:
    """Each gunicorn worker's resident memory (now and its peak so far)."""
    cells = []
    for pid in child_pids(master):
        memory = memory_mb(pid)
        if memory is not None:
            cells.append(f"worker {pid}: {memory[0]:.0f} MB (peak {memory[1]:.0f} MB)")
    print(f"Memory {when}: " + ("; ".join(cells) if cells else "not readable here (no /proc)"))


def workers_cpu_seconds(master: int) -> float:
    """CPU time the gunicorn workers have used so far: with the request count, the server's cost per
    request, which the machine's other load does not inflate as it does the latencies."""
    total = 0
    for pid in child_pids(master):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def wait_until_ready(base: str, seconds: float = 180) -> None:
    """Every gunicorn worker imports the app before it answers: wait until `/healthz` says 200."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with build_opener().open(f"{base}/healthz", timeout=5) as reply:
                if reply.status == 200:
                    return
        except (HTTPError, URLError, TimeoutError, ConnectionError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"the app at {base} did not answer /healthz within {seconds:.0f} s")


def loopback_database(url: str, schema: str) -> str:
    parsed = make_url(url)
    if parsed.host not in LOOPBACK:
        raise SystemExit(f"--database must be on this machine (127.0.0.1 or localhost), not {parsed.host}")
    return parsed.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="signed-in readers at once")
    parser.add_argument("--views", type=int, default=12, help="pages each reader opens before stopping")
    parser.add_argument(
        "--think",
        type=float,
        default=0,
        help="mean seconds a reader looks at a page before opening the next (exponential; 0: no pause, a stress run)",
    )
    parser.add_argument("--seconds", type=float, default=180, help="stop after this long, whatever is left")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--close", action="store_true", help="a new connection per request (no keep-alive)")
    parser.add_argument(
        "--no-answer-cache", action="store_true", help="run the app without its kept callback answers, to compare"
    )
    parser.add_argument("--database", default=os.environ.get("TEST_POSTGRES_URL", DEFAULT_DATABASE))
    args = parser.parse_args()

    schema = f"dti_load_{os.getpid()}"
    database = loopback_database(args.database, schema)
    admin = create_engine(args.database)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
    try:
        with tempfile.TemporaryDirectory(prefix="dti-load-") as folder:
            run(args, database, Path(folder))
    finally:
        db.engine_for(database).dispose()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


def run(args: argparse.Namespace, database: str, folder: Path) -> None:
    pause = f", {args.think:g} s to read each" if args.think else ", back to back"
    print(f"Seeding a schema of its own; {args.users} readers × {args.views} pages{pause}, at most {args.seconds:.0f}s")
    print(f"Load average before: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    load_seed(db.engine_for(database), reset=True)
    password = secrets.token_urlsafe(16)
    users.create_user(ACCOUNT, "leader", password=password, engine=db.engine_for(database))
    with redis_server(folder) as (_redis, redis_url):
        env = {
            "DATABASE_URL": database,
            "CACHE_REDIS_URL": redis_url,
            "DTI_SECRET_KEY": secrets.token_hex(32),
            "DTI_SECURE_COOKIES": "0",
            "DTI_ANSWER_CACHE": "0" if args.no_answer_cache else "1",
        }
        port = free_port()
        log = folder / "gunicorn.log"
        with gunicorn_process(port, env, log, workers=args.workers, threads=args.threads) as (master, base):
            kept = "without" if args.no_answer_cache else "with"
            connections = "a connection per request" if args.close else "keep-alive"
            print(f"gunicorn on {base}: {args.workers} workers × {args.threads} threads, Redis {redis_url}")
            print(f"answer cache: {kept}; connections: {connections}")
            results = Results()
            pages = list(PAGES)

            # Readers sign in one after another before the load starts (a morning's sign-ins are spread
            # out; fifty at the same instant from one address would meet the per-address limit).
            wait_until_ready(base)
            report_memory(master.pid, "before the load")
            cpu_before = workers_cpu_seconds(master.pid)
            readers = [Reader(base, results, timeout=30, keep_alive=not args.close) for _ in range(args.users)]
            signed = [reader.sign_in(password) for reader in readers]
            print(f"{sum(signed)} of {args.users} readers signed in")
            dependencies = json.loads(readers[signed.index(True)].send("/_dash-dependencies", "/_dash-dependencies"))

            pauses = [random.Random(index) for index in range(args.users)]

            def reader_loop(index: int) -> None:
                if not signed[index]:
                    return
                if args.think:  # people arrive over time, not all in the same second
                    time.sleep(pauses[index].expovariate(1 / args.think))
                for view in range(args.views):
                    if time.monotonic() > deadline:
                        return
                    readers[index].open_page(pages[(index + view) % len(pages)], dependencies, first=view == 0)
                    if args.think:
                        time.sleep(pauses[index].expovariate(1 / args.think))

            threads = [threading.Thread(target=reader_loop, args=(i,), daemon=True) for i in range(args.users)]
            deadline = time.monotonic() + args.seconds
            start = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=max(0.0, deadline - time.monotonic()) + 35)
            report(results, time.monotonic() - start)
            served = sum(len(values) for values in results.latencies.values())
            cpu = workers_cpu_seconds(master.pid) - cpu_before
            print(f"Workers' CPU: {cpu:.1f} s for {served} requests ({1000 * cpu / max(served, 1):.0f} ms a request)")
            print(f"Load average after: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
            report_memory(master.pid, "after the load")
            for reader in readers:
                reader.close()
    if any(results.errors.values()):
        print_first_traceback(log)


def print_first_traceback(log: Path) -> None:
    """The server's first traceback, so an error in the figures above can be traced without a rerun."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback")]
    if starts:
        print("\nFirst server traceback (gunicorn log):")
        print("\n".join(lines[starts[0] : starts[0] + 40]))


if __name__ == "__main__":
    main()
