"""The plotly.js the browser gets: the partial bundle vendored in assets/vendor (the app's traces
only), sent at brotli's best quality and kept a year; never plotly's full 4,7 MB bundle."""

from __future__ import annotations

import re
from pathlib import Path

import brotli
import pytest
from plotly.offline import get_plotlyjs_version

from scripts.build_plotly_bundle import HEADER_MARK, OUTPUT, TRACES
from web.delivery import precompressed

BROWSER_ENCODINGS = "gzip, deflate, br, zstd"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
FULL_BUNDLE = "plotly/package_data/plotly.min.js"


def _bundle_url(client) -> str:
    html = client.get("/", headers={"Accept-Encoding": "identity"}).get_data(as_text=True)
    urls = re.findall(r'src="(/assets/vendor/plotly-partial\.min\.js\?m=[\d.]+)"', html)
    assert len(urls) == 1, "the overview's HTML loads the partial bundle once"
    assert FULL_BUNDLE not in html
    return urls[0]


def _header(data: bytes) -> str:
    return data[:600].decode()


def test_the_vendored_bundle_is_the_partial_one_for_the_plotly_the_server_builds_figures_with():
    """Figures are built by the plotly Python package for its own plotly.js: the bundle must be that version."""
    header = _header(OUTPUT.read_bytes())
    assert HEADER_MARK in header
    assert f"v{get_plotlyjs_version()}\n" in header
    assert "Licensed under the MIT license" in header
    listed = re.search(re.escape(HEADER_MARK) + r" ([a-z, ]+)\)", header).group(1).split(", ")
    assert tuple(listed) == TRACES, "the bundle was built from the script's current trace list"
    assert OUTPUT.stat().st_size < 0.7 * _full_bundle_size()


def _full_bundle_size() -> int:
    import plotly

    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").stat().st_size


def test_every_trace_type_the_app_draws_is_in_the_bundle():
    """A trace missing from the bundle draws nothing: every `go.<Trace>(` of the Python code and
    every `type: "<trace>"` of the app's own scripts must be among the bundle's traces."""
    used: set[str] = set()
    for source in [*PROJECT_ROOT.glob("components/*.py"), *PROJECT_ROOT.glob("pages/*.py")]:
        used |= {name.lower() for name in re.findall(r"\bgo\.([A-Z][a-z]+)\(", source.read_text())}
    for script in PROJECT_ROOT.glob("assets/*.js"):
        used |= set(re.findall(r"""\btype:\s*["']([a-z]+)["']""", script.read_text())) - {"text"}
    used.discard("figure")
    scripts_types = {"bar", "scatter"}  # what-if's ranking is drawn in the browser (assets/whatif.js)
    assert scripts_types <= used
    # Dash's own component types (`Link`, `Div`) are capitalised: the pattern only takes trace names.
    assert used <= set(TRACES), f"traces drawn but not bundled: {sorted(used - set(TRACES))}"


def test_the_page_loads_the_partial_bundle_sent_at_best_brotli_and_kept_a_year(client):
    url = _bundle_url(client)
    response = client.get(url, headers={"Accept-Encoding": BROWSER_ENCODINGS})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]
    body = response.get_data()
    assert brotli.decompress(body) == OUTPUT.read_bytes()
    assert body == OUTPUT.with_name(OUTPUT.name + ".br").read_bytes(), "the quality-11 body built with the bundle"
    assert len(body) < len(brotli.compress(OUTPUT.read_bytes(), quality=5))


def test_a_browser_without_brotli_gets_the_same_bundle_gzipped(client):
    import gzip

    response = client.get(_bundle_url(client), headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.get_data()) == OUTPUT.read_bytes()


def test_a_precompressed_file_that_no_longer_matches_its_asset_is_ignored(tmp_path: Path):
    """A bundle rebuilt without its `.br` must fall back to compressing the new bytes, never send the old."""
    asset = tmp_path / "vendor" / "lib.js"
    asset.parent.mkdir()
    asset.write_bytes(b"new bytes " * 100)
    (tmp_path / "vendor" / "lib.js.br").write_bytes(brotli.compress(b"old bytes " * 100))
    assert precompressed("/assets/vendor/lib.js", asset.read_bytes(), tmp_path) is None
    fresh = brotli.compress(asset.read_bytes(), quality=11)
    (tmp_path / "vendor" / "lib.js.br").write_bytes(fresh)
    assert precompressed("/assets/vendor/lib.js", asset.read_bytes(), tmp_path) == fresh
    (tmp_path / "vendor" / "lib.js.br").write_bytes(b"not brotli at all")
    assert precompressed("/assets/vendor/lib.js", asset.read_bytes(), tmp_path) is None


@pytest.mark.parametrize("path", ["/assets/../secret.js", "/_dash-component-suites/x/lib.js", "/geo/lib.js"])
def test_only_files_inside_the_assets_folder_are_read_as_precompressed(tmp_path: Path, path: str):
    folder = tmp_path / "assets"
    folder.mkdir()
    (tmp_path / "secret.js.br").write_bytes(brotli.compress(b"x"))
    (folder / "lib.js.br").write_bytes(brotli.compress(b"x"))
    assert precompressed(path, b"x", folder) is None
