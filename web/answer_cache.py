"""Read-only callback answers kept whole: fifty readers of one page get the page drawn once.

Under load most of a callback's time is spent building plotly figures and serialising them to JSON
(the queries under them are cached already, `data_access/cache.py`). For the callbacks that only
read (page content, figures, the year links, the page router of the reading pages), the response
body is kept as it went out, compressed, in the app's own cache (Redis when `CACHE_REDIS_URL` is
set, with its short timeouts and its breaker), and the next identical request gets those bytes.

What makes two requests identical is the key: the callback's outputs, inputs, state and trigger as
the browser sent them; the reader's access scope (role, unit and its level: never the account, so
all leaders share, and never less, so a unit head of one unit never gets another unit's answer or a
leader's); the language; the data version (an import moves it, so the next answer is drawn afresh);
the local date (a deck prints today's date); the encodings the browser accepts (the body is stored
compressed); and a fingerprint of the code, so a new release never serves the old one's answers.

A cached answer must not skip what the callback does besides answering. The access check runs
first in any case (`auth.guard` before this hook); refusals and unit views that a computation writes
to the audit log are noted with the answer (`note_effect`) and written again, for the reader
asking, on every hit (`replay`). Only callbacks listed here are considered: never sign-in or out,
imports, accounts, downloads or anything that writes. An answer is not kept when the callback
failed or the database did not answer while it was drawn (`do_not_store`), nor when it is not a
plain 200 (Dash's 204 for "nothing to update"), nor when it sets a cookie.

Nothing here imports the access policy or the data: `app.py` hands in the reader's scope, the data
version and the replay of audit entries (`install`).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any, Protocol

from flask import Flask, Response, g, has_request_context, request

CALLBACK_PATH = "/_dash-update-component"
KEY_PREFIX = "answer:"
# Ten minutes: short enough that a change no version announces (a new day is in the key; a code
# change is too) is bounded, long enough to serve a morning's readers from one drawing.
TIMEOUT_SECONDS = 600

# Callbacks that only read, named by their output ids: a request is considered only when every
# output it names is here. Each is a page's content (its figures and tables), its heading and the
# download buttons' enabled state, the shell's year links, or Dash's page router (below).
READ_ONLY_OUTPUTS = frozenset(
    {
        "shell-years",
        "overview-content",
        "overview-drawn",
        "pillars-content",
        "pillars-drawn",
        "rankings-heading",
        "rankings-content",
        "rankings-download-csv",
        "rankings-download-xlsx",
        "rankings-drawn",
        "districts-heading",
        "districts-content",
        "districts-drawn",
        "districts-criterion",
        "targets-filters",
        "targets-heading",
        "targets-content",
        "units-content",
        "units-drawn",
        "whatif-content",
        "present-deck",
        "present-heading",
        "present-export-pptx",
        "present-export-pdf",
    }
)
# Pattern-matching outputs that only read, by their id's `type`: the parts of a page's content
# redrawn on their own (components/parts.py). Any other pattern-matching id is never kept.
READ_ONLY_PATTERNS = frozenset(
    {
        "overview-slot",
        "overview-figure",
        "rankings-slot",
        "rankings-figure",
        "districts-slot",
        "districts-figure",
        "pillars-slot",
        "pillars-figure",
        "units-slot",
        "units-figure",
    }
)
# Dash's page router returns a page's layout; only the reading pages' layouts are kept (an admin
# page's layout lists accounts or imports and is drawn for each request).
ROUTER_OUTPUTS = frozenset({"_pages_content", "_pages_store"})
ROUTED_PATHS = re.compile(r"/(pillars|rankings|districts|targets|whatif|present|units/[^/]+)?/?")
# The response headers that describe the body; every other header is the request's own (security
# headers, the session cookie) and is added again on each hit by the other hooks.
BODY_HEADERS = ("Content-Type", "Content-Encoding", "Vary")
# How long a request waits for another drawing the same answer in this process before drawing it
# itself: the first readers after an import or a restart arrive together, and fifty drawings of one
# page at once would take the machine for seconds where one takes a fraction of one.
FLIGHT_WAIT_SECONDS = 15.0
# Where one request keeps its state (flask `g`).
_STATE = "dti_answer_cache"

# Hits and stores in this process, for tests and for whoever wonders whether the cache works.
STATS: Counter[str] = Counter()


class Store(Protocol):
    """What the cache needs of flask-caching's `cache` (or any backend with the same calls)."""

    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any, timeout: int | None = None) -> Any: ...


@dataclass(frozen=True)
class Answer:
    """A kept response: its body as sent (compressed when it was), the headers describing that
    body, and the side effects (audit entries) drawing it wrote, to write again on each hit."""

    body: bytes
    headers: tuple[tuple[str, str], ...]
    effects: tuple[Hashable, ...] = ()


@dataclass
class _Filling:
    """A request being answered: the key its answer will be kept under (None on a hit or when it
    is not to be kept), the effects noted while drawing it, and whether it may still be kept."""

    key: str | None
    effects: list[Hashable] = field(default_factory=list)
    refused: bool = False
    holding: bool = False


class _Flights:
    """One lock per answer being drawn in this process, so that requests for the same answer wait
    for the first to draw and keep it instead of all drawing it (a lock is dropped when unused)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, list] = {}  # key -> [lock, requests holding or waiting]

    def acquire(self, key: str, wait: float) -> bool:
        with self._guard:
            entry = self._locks.setdefault(key, [threading.Lock(), 0])
            entry[1] += 1
        if entry[0].acquire(timeout=wait):
            return True
        self._leave(key, entry)
        return False

    def release(self, key: str) -> None:
        with self._guard:
            entry = self._locks[key]
            entry[0].release()
        self._leave(key, entry)

    def _leave(self, key: str, entry: list) -> None:
        with self._guard:
            entry[1] -= 1
            if entry[1] == 0:
                self._locks.pop(key, None)


def _component(entry: object) -> str:
    """An output's component id as text; a pattern-matching id by its `type` when that is a read-only
    one, else by its JSON (never whitelisted)."""
    if isinstance(entry, dict):
        kind = entry.get("type")
        return kind if kind in READ_ONLY_PATTERNS else json.dumps(entry, sort_keys=True)
    return entry if isinstance(entry, str) else json.dumps(entry)


def output_ids(body: dict) -> Iterator[str]:
    """Every component id the request's outputs name, in `outputs` and in the `output` string Dash
    dispatches on (both, so a request cannot name one callback in one and another in the other)."""
    outputs = body.get("outputs")
    for output in outputs if isinstance(outputs, list) else [outputs]:
        for entry in output if isinstance(output, list) else [output]:
            yield _component(entry.get("id")) if isinstance(entry, dict) else _component(entry)
    for part in str(body.get("output", "")).strip(".").split("..."):
        component = part.rsplit(".", 1)[0]
        yield _pattern(component) if component.startswith("{") else component.split("@", 1)[0]


def _pattern(text: str) -> str:
    """A pattern-matching id as the `output` string names it (JSON), as `_component` reads it."""
    try:
        return _component(json.loads(text))
    except ValueError:
        return text


def _router_path(body: dict) -> str | None:
    for spec in body.get("inputs") or []:
        if isinstance(spec, dict) and spec.get("id") == "_pages_location" and spec.get("property") == "pathname":
            value = spec.get("value")
            return value if isinstance(value, str) else None
    return None


def cacheable(body: object) -> bool:
    """Whether the callback request is one whose answer may be kept: every output read-only, or
    the page router on one of the reading pages."""
    if not isinstance(body, dict):
        return False
    ids = set(output_ids(body))
    if not ids:
        return False
    if ids <= READ_ONLY_OUTPUTS | READ_ONLY_PATTERNS:
        return True
    if ids <= ROUTER_OUTPUTS:
        path = _router_path(body)
        return path is not None and ROUTED_PATHS.fullmatch(path) is not None
    return False


def answer_key(body: dict, context: Iterable[object], accept_encoding: str, code_version: str) -> str:
    """The key of a callback's answer: what the browser asked (outputs, inputs, state, trigger),
    the request's context (scope, language, data version, date), the encodings and the code."""
    asked = [body.get(name) for name in ("output", "outputs", "inputs", "state", "changedPropIds")]
    canonical = json.dumps(
        [asked, list(context), accept_encoding.replace(" ", "").lower(), code_version],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return KEY_PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def note_effect(effect: Hashable) -> None:
    """Record a side effect of the answer being drawn (an audit entry), to replay on every hit."""
    state = g.get(_STATE) if has_request_context() else None
    if state is not None and state.key is not None:
        state.effects.append(effect)


def do_not_store() -> None:
    """The answer being drawn must not be kept: the callback failed, or the data did not answer."""
    state = g.get(_STATE) if has_request_context() else None
    if state is not None:
        state.refused = True


def code_fingerprint(root: Path, packages: Iterable[str]) -> str:
    """A digest of the Python sources under `packages` (and Dash's version): answers drawn by other
    code are never served, even from a Redis that outlived a release."""
    digest = hashlib.sha256(version("dash").encode())
    for package in sorted(packages):
        target = root / package
        files = [target] if target.is_file() else sorted(target.rglob("*.py"))
        for path in files:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def install(
    server: Flask,
    store: Store,
    *,
    context: Callable[[], tuple[object, ...] | None],
    replay: Callable[[tuple[Hashable, ...]], None],
    code_version: str,
    timeout: int = TIMEOUT_SECONDS,
    flight_wait: float = FLIGHT_WAIT_SECONDS,
) -> None:
    """Serve kept answers and keep new ones on `server`.

    Call after the access guard is installed (its check must run first) and before the compression
    (web/delivery.py), whose after-request hook must run before this one's so the kept body is the
    compressed one. `context()` gives the reader's scope, language, data version and date, or None
    when there is none to key on (nobody signed in, the database down): then nothing is kept or
    served. `replay(effects)` writes a kept answer's side effects again for the current reader.
    """
    lock = threading.Lock()
    flights = _Flights()

    @server.before_request
    def answer_from_cache() -> Response | None:
        if request.method != "POST" or request.path != CALLBACK_PATH:
            return None
        body = request.get_json(silent=True)
        if not cacheable(body):
            return None
        scope = context()
        if scope is None:
            return None
        key = answer_key(body, scope, request.headers.get("Accept-Encoding", ""), code_version)
        kept = store.get(key)
        if not isinstance(kept, Answer):
            holding = flights.acquire(key, flight_wait)
            if holding:
                kept = store.get(key)  # another request may have drawn and kept it meanwhile
                if isinstance(kept, Answer):
                    flights.release(key)
                else:
                    setattr(g, _STATE, _Filling(key=key, holding=True))
                    return None
            else:
                setattr(g, _STATE, _Filling(key=key))
                return None
        setattr(g, _STATE, _Filling(key=None))
        replay(kept.effects)
        with lock:
            STATS["hit"] += 1
        return Response(kept.body, status=200, headers=list(kept.headers))

    @server.after_request
    def keep_answer(response: Response) -> Response:
        state: _Filling | None = g.get(_STATE)
        if state is None or state.key is None or state.refused:
            return response
        if response.status_code != 200 or response.direct_passthrough or "Set-Cookie" in response.headers:
            return response
        headers = tuple((name, response.headers[name]) for name in BODY_HEADERS if name in response.headers)
        store.set(state.key, Answer(response.get_data(), headers, tuple(state.effects)), timeout=timeout)
        with lock:
            STATS["stored"] += 1
        return response

    @server.teardown_request
    def end_flight(_error: BaseException | None) -> None:
        state: _Filling | None = g.get(_STATE)
        if state is not None and state.holding:
            state.holding = False
            flights.release(state.key)
