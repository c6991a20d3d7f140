"""How responses travel: compressed when the browser accepts it, cached for as long as their URL says.

A first visit downloads plotly.js (3,1 MB, the app's traces only), the component bundles and
Bootstrap: compressed, they are a fraction of that on the wire (brotli where the browser asks for
it, gzip otherwise). A file whose URL carries its fingerprint (Dash's `.v4_4_1m…` component suites,
its `?m=<mtime>` assets, the favicon's `?v=`, the boundaries' `?v=<digest>`) never changes under
that URL, so the browser may keep it a year without asking again; everything else is revalidated as
before.

Compressing plotly.js takes half a second: a static file is compressed once per worker and kept in
memory (a few MB), keyed by its content. Page HTML and callback answers differ per reader and per
request: they are compressed each time, never stored here (web/answer_cache.py keeps the read-only
callbacks' answers, as compressed here, under a key that names the reader's scope).

Brotli's best quality (11) makes plotly.js 14 % smaller than quality 5 but takes half a minute per
file on this machine: too long for a worker's first request, too much CPU to repeat in every worker.
So the largest file, the vendored plotly.js bundle (assets/vendor/, see
scripts/build_plotly_bundle.py), is compressed at quality 11 when it is built, into a `.br` file
beside it; that file is served when it still decodes to the asset's exact bytes, and ignored
otherwise (a bundle rebuilt without its `.br` falls back to quality 5, never to stale bytes).
"""

from __future__ import annotations

import threading
import zlib
from pathlib import Path

import brotli
from dash.fingerprint import check_fingerprint
from flask import Flask, Request, Response, g, request
from flask_compress import Compress

# A year: the longest lifetime caches honour; `immutable` also spares the reload's revalidation.
IMMUTABLE = "public, max-age=31536000, immutable"
# Fonts are named by family and weight, not by content: a day, then revalidated.
FONT_MAX_AGE = "public, max-age=86400"
FONT_PREFIX = "/assets/fonts/"
COMPONENT_SUITES = "/_dash-component-suites/"
# Files the same for every reader, whose URL may carry a version parameter (`m` or `v`); never a
# page or a callback, whose answer depends on who asks.
STATIC_PREFIXES = ("/assets/", "/_favicon.ico", "/geo/")
VERSION_PARAMETERS = ("m", "v")
# The sign-in page sends the anti-forgery token beside what the request sent back (`next`, the name
# typed): compressed, the response's size would let an observer of the wire guess the token a
# character at a time (BREACH). It is a few KB, so it travels as it is.
UNCOMPRESSED_PATHS = ("/login",)
# Files compressed at brotli's best quality when built: `<asset>.br` beside the asset.
ASSETS_FOLDER = Path(__file__).resolve().parents[1] / "assets"
PRECOMPRESSED_SUFFIX = ".br"
# Where one request keeps the key of its stored compression (flask `g`).
STORED_KEY = "dti_compressed_as"

# Text compresses well; woff2, PNG and JPEG are compressed already.
MIMETYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/csv",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "image/svg+xml",
    "image/x-icon",
    "image/vnd.microsoft.icon",
]
# Brotli where asked (the browser lists it), gzip for the rest; quality 5 is brotli's best trade of
# time for size on a file compressed at every request.
ALGORITHMS = ["br", "gzip"]
BROTLI_QUALITY = 5
MIN_SIZE_BYTES = 500


def is_static(path: str) -> bool:
    """A file the same for every reader: a component bundle, an asset, the favicon, the boundaries."""
    return path.startswith((COMPONENT_SUITES, *STATIC_PREFIXES))


def fingerprinted(path: str, req: Request) -> bool:
    """Whether the URL names its static file's version, so the response under it never changes."""
    if path.startswith(COMPONENT_SUITES):
        # Dash's fingerprint sits in the file name: `name.v4_4_1m1795909701.min.js`.
        return check_fingerprint(path)[1]
    return path.startswith(STATIC_PREFIXES) and any(req.args.get(name) for name in VERSION_PARAMETERS)


def cache_control(path: str, req: Request) -> str | None:
    """The Cache-Control a static response should carry, or None to leave the response's own."""
    if fingerprinted(path, req):
        return IMMUTABLE
    if path.startswith(FONT_PREFIX):
        return FONT_MAX_AGE
    return None


class _StoredCompression:
    """flask-compress's cache protocol, for static files only. Keyed by the file (its path
    without the fingerprint) and a checksum of its content, not by the URL: any fingerprint serves
    the same file, and a reader inventing URLs must not grow the store."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        return self._data.get(key)

    def set(self, key: str, value: bytes) -> None:
        with self._lock:
            self._data[key] = value


def _stored_key(_req: Request) -> str:
    return g.get(STORED_KEY, "")


def _content_key(path: str, data: bytes) -> str:
    return f"{check_fingerprint(path)[0]};{len(data)};{zlib.adler32(data)}"


def precompressed(path: str, data: bytes, assets_folder: Path = ASSETS_FOLDER) -> bytes | None:
    """The brotli body built for the asset at URL `path`, if there is one and it decodes to `data`
    (the bytes about to be served), else None. Only files inside the assets folder are looked at."""
    if not path.startswith("/assets/"):
        return None
    root = assets_folder.resolve()
    candidate = (root / path.removeprefix("/assets/")).resolve()
    candidate = candidate.with_name(candidate.name + PRECOMPRESSED_SUFFIX)
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    body = candidate.read_bytes()
    try:
        matches = brotli.decompress(body) == data
    except brotli.error:
        return None
    return body if matches else None


def install(server: Flask) -> None:
    """Compress every text response and give static ones their caching; call once on the server."""
    server.config.update(
        COMPRESS_REGISTER=False,
        COMPRESS_MIMETYPES=MIMETYPES,
        COMPRESS_ALGORITHM=ALGORITHMS,
        COMPRESS_ALGORITHM_STREAMING=["br", "deflate"],
        COMPRESS_BR_LEVEL=BROTLI_QUALITY,
        COMPRESS_MIN_SIZE=MIN_SIZE_BYTES,
    )
    each_time = Compress()
    each_time.init_app(server)
    stored = Compress()
    stored.init_app(server)
    stored.cache = _StoredCompression()
    stored.cache_key = _stored_key

    @server.after_request
    def deliver(response: Response) -> Response:
        path = request.path
        if path in UNCOMPRESSED_PATHS:
            return response
        static = request.method in ("GET", "HEAD") and response.status_code == 200 and is_static(path)
        if not static:
            return each_time.after_request(response)
        control = cache_control(path, request)
        if control is not None:
            response.headers["Cache-Control"] = control
        # A file read from disk streams; read it whole so it is compressed once and kept.
        response.direct_passthrough = False
        data = response.get_data()
        response.set_data(data)
        key = g.setdefault(STORED_KEY, _content_key(path, data))
        if stored.cache.get(f"br;{key}") is None:
            body = precompressed(path, data)
            if body is not None:
                stored.cache.set(f"br;{key}", body)
        return stored.after_request(response)
