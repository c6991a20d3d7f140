"""Bytes on the wire, over HTTP: text compressed as the browser asks, fingerprinted files cached for a
year, pages and callbacks (which depend on who asks) never stored by a shared cache."""

from __future__ import annotations

import gzip
import json
import re

import brotli
import pytest

from tests.pages.conftest import overview_callback
from tests.pages.test_access import rankings_callback
from web.delivery import MIN_SIZE_BYTES

BROWSER_ENCODINGS = "gzip, deflate, br, zstd"
YEAR = "max-age=31536000"


def _decoded(response) -> bytes:
    body = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    assert encoding is None, f"unexpected encoding {encoding}"
    return body


def _index_urls(client) -> list[str]:
    """The script and stylesheet URLs the overview's HTML makes the browser fetch."""
    html = _decoded(client.get("/", headers={"Accept-Encoding": BROWSER_ENCODINGS})).decode()
    return re.findall(r'(?:src|href)="(/(?:_dash-component-suites|assets)/[^"]+)"', html)


def test_the_page_is_brotli_for_a_browser_that_asks_gzip_for_one_that_does_not(client):
    brotli_page = client.get("/", headers={"Accept-Encoding": BROWSER_ENCODINGS})
    gzip_page = client.get("/", headers={"Accept-Encoding": "gzip"})
    plain_page = client.get("/", headers={"Accept-Encoding": "identity"})
    assert brotli_page.headers["Content-Encoding"] == "br"
    assert gzip_page.headers["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain_page.headers
    # The same page each time, but for its anti-forgery token.
    pages = [_decoded(brotli_page), _decoded(gzip_page), plain_page.get_data()]
    assert {len(page) for page in pages} == {len(pages[0])}
    assert all(page.startswith(b"<!DOCTYPE html>") for page in pages)
    assert len(brotli_page.get_data()) < len(plain_page.get_data()) / 2
    assert "Accept-Encoding" in brotli_page.headers["Vary"]


def test_the_sign_in_form_with_its_token_and_echoed_input_is_never_compressed(anonymous_client):
    """A token beside reflected input in a compressed body leaks through the body's size (BREACH)."""
    page = anonymous_client.get("/login?next=/rankings", headers={"Accept-Encoding": BROWSER_ENCODINGS})
    assert page.status_code == 200
    assert "Content-Encoding" not in page.headers
    body = page.get_data(as_text=True)
    assert 'name="csrf"' in body and 'value="/rankings"' in body


def test_compressed_responses_keep_the_security_headers(client):
    response = client.get("/", headers={"Accept-Encoding": BROWSER_ENCODINGS})
    assert response.headers["Content-Encoding"] == "br"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_callback_answer_is_compressed_and_reads_the_same(client):
    client.environ_base["HTTP_ACCEPT_ENCODING"] = BROWSER_ENCODINGS
    response = overview_callback(client, "2022")
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"
    payload = json.dumps(json.loads(_decoded(response)), ensure_ascii=False)
    assert "0,6385" in payload, "the province's published DTI 2022, as on screen"
    assert "public" not in response.headers.get("Cache-Control", ""), "a reader's answer is never shared"


def test_every_fingerprinted_bundle_and_asset_is_cached_for_a_year(client):
    urls = _index_urls(client)
    suites = [url for url in urls if url.startswith("/_dash-component-suites/")]
    assets = [url for url in urls if url.startswith("/assets/")]
    assert suites and assets
    for url in suites + assets:
        response = client.get(url, headers={"Accept-Encoding": BROWSER_ENCODINGS})
        assert response.status_code == 200, url
        control = response.headers["Cache-Control"]
        assert YEAR in control and "immutable" in control, f"{url}: {control}"
        textual = url.endswith((".js", ".css")) or ".js?" in url or ".css?" in url
        if textual and len(_decoded(response)) >= MIN_SIZE_BYTES:  # smaller files cost more to compress than they save
            assert response.headers["Content-Encoding"] == "br", url


def test_a_bundle_compressed_once_is_served_the_same_to_every_reader(client):
    bundle = next(url for url in _index_urls(client) if "dash_renderer" in url)
    first = client.get(bundle, headers={"Accept-Encoding": BROWSER_ENCODINGS})
    again = client.get(bundle, headers={"Accept-Encoding": BROWSER_ENCODINGS})
    gzipped = client.get(bundle, headers={"Accept-Encoding": "gzip"})
    plain = client.get(bundle, headers={"Accept-Encoding": "identity"})
    assert first.get_data() == again.get_data()
    assert _decoded(first) == _decoded(gzipped) == plain.get_data()
    assert gzipped.headers["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("path", ["/", "/?v=1", "/rankings?m=2"])
def test_a_page_is_never_cached_as_a_static_file(client, path):
    """A page shows who is signed in: a version-like parameter must not make it shareable."""
    response = client.get(path, headers={"Accept-Encoding": BROWSER_ENCODINGS})
    assert response.status_code == 200
    control = response.headers.get("Cache-Control", "")
    assert "immutable" not in control and "public" not in control


def test_an_unversioned_asset_is_revalidated_not_kept(client):
    response = client.get("/assets/10-app.css", headers={"Accept-Encoding": BROWSER_ENCODINGS})
    assert response.status_code == 200
    assert "immutable" not in response.headers.get("Cache-Control", "")
    assert response.headers["Content-Encoding"] == "br"
    etag = response.headers["ETag"]
    again = client.get("/assets/10-app.css", headers={"Accept-Encoding": BROWSER_ENCODINGS, "If-None-Match": etag})
    assert again.status_code == 304


def _boundaries_urls(payload: dict) -> set[str]:
    """Every `geojson` a map trace names in a callback answer, whatever its depth."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("geojson"), str):
                found.add(node["geojson"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(payload)
    return found


def test_the_national_map_names_its_boundaries_once_instead_of_carrying_them(client):
    response = rankings_callback(client, "province")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert '"coordinates"' not in text, "no polygon travels inside the callback answer"
    # The map's ranks, its islands and its focus, the table and the bump chart: a fraction of the 236 KB boundaries.
    assert len(response.get_data()) < 200_000
    urls = _boundaries_urls(response.get_json())
    assert len(urls) == 1, "every map trace names the same file"
    boundaries = client.get(urls.pop(), headers={"Accept-Encoding": BROWSER_ENCODINGS})
    assert boundaries.status_code == 200
    assert boundaries.headers["Content-Encoding"] == "br"
    assert YEAR in boundaries.headers["Cache-Control"] and "immutable" in boundaries.headers["Cache-Control"]
    collection = json.loads(_decoded(boundaries))
    assert len(collection["features"]) == 63
    assert any(f["properties"]["unit_code"] == "binh-phuoc" for f in collection["features"])


def test_boundaries_are_for_signed_in_readers_and_only_the_shipped_files(anonymous_client, client):
    assert anonymous_client.get("/geo/vietnam_provinces_63.geojson").status_code in (302, 401, 403)
    assert client.get("/geo/vietnam_provinces_63.geojson").status_code == 200
    for name in ("ATTRIBUTION.md", "dti.sqlite3", "..", "binh_phuoc_districts.geojson.bak"):
        assert client.get(f"/geo/{name}").status_code == 404
    # A path climbing out is no file name: it falls to the app's page router, never to the file system.
    climbing = client.get("/geo/..%2F..%2Fdata_access%2Fsettings.py")
    assert "def database_url" not in climbing.get_data(as_text=True)
