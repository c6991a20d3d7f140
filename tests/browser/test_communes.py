"""`/districts` in a commune year, as a leader and an admin see it in Chromium.

The database is the seed plus a synthetic 2025 of 100 communes, wards and special zones under
Bình Phước, imported through the same files a data officer loads (seed/synthetic.py; every name
says "tổng hợp"); the expectations are read from those files. Without boundaries the map says an
admin must load them; the admin loads a synthetic grid through /admin and the map draws it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

from data_access import db
from seed.loader import load_seed
from seed.synthetic import SYNTHETIC_BOUNDARIES, CommuneYear, commune_name
from tests.browser.conftest import app_with_accounts, expect_query, plot_traces, sqlite_url

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PROVINCE = "binh-phuoc"
YEAR = 2025
PAGE_SIZE = 25


class CommuneApp:
    def __init__(self, url: str, scores: bytes, boundaries: bytes, names: dict[str, str]) -> None:
        self.url, self.scores, self.boundaries, self.names = url, scores, boundaries, names

    def totals_best_first(self) -> list[tuple[str, float]]:
        """(name, total) of every commune from the imported scores file, best first (ties by name as printed)."""
        rows = list(csv.DictReader(io.StringIO(self.scores.decode("utf-8-sig"))))
        totals = [(self.names[r["Mã đơn vị"]], float(r["Tổng điểm"])) for r in rows]
        return sorted(totals, key=lambda row: -row[1])


@pytest.fixture(scope="module")
def commune_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CommuneApp]:
    folder: Path = tmp_path_factory.mktemp("communes-app")
    url = sqlite_url(folder)
    engine = db.engine_for(url)
    load_seed(engine)
    year = CommuneYear(PROVINCE, engine, year=YEAR)
    scores = year.load(with_boundaries=False)
    boundaries = year.boundaries_file()
    names = {code: commune_name(n, len(year.codes)) for n, code in enumerate(year.codes, 1)}
    engine.dispose()
    for running in app_with_accounts(url, folder):
        yield CommuneApp(running, scores, boundaries, names)


@pytest.fixture
def leader(page_on: Callable[[str, str], Page], commune_app: CommuneApp) -> Page:
    return page_on(commune_app.url, "leader")


def open_heatmap(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("#districts-heatmap .js-plotly-plot .main-svg").first.wait_for()


ROW_LABELS = """() => [...document.querySelectorAll('#districts-heatmap .ytick text')]
    .map(n => [n.textContent, n.getBoundingClientRect().y])
    .sort((a, b) => a[1] - b[1])
    .map(([text]) => text)"""


def row_labels(page: Page) -> list[str]:
    """The heatmap's row labels top to bottom, as drawn."""
    return page.evaluate(ROW_LABELS)


def wait_for_rows(page: Page, condition: str, arg: object) -> None:
    """Wait until the heatmap's row labels (top to bottom) meet `condition`, a JS `(labels, arg) => bool`.

    After a click the old heatmap stays drawn until the callback's replaces it, and its `.main-svg`
    satisfies any wait on the graph: so this waits for the rows the new page must show. On timeout it
    returns, and the caller's assertion says what was drawn instead.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(f"arg => ({condition})(({ROW_LABELS})(), arg)", arg=arg)


def test_the_2025_page_ranks_the_communes_a_page_at_a_time_strongest_first(
    leader: Page, page_errors: list[str], expect, commune_app: CommuneApp
) -> None:
    open_heatmap(leader, commune_app.url + f"/districts?year={YEAR}")

    expect(leader.locator("#districts-heading")).to_contain_text("xã, phường, đặc khu")
    expect(leader.locator("#districts-heading")).to_contain_text(str(YEAR))
    expect(leader.locator("#districts-page-status")).to_have_text("Đơn vị 1–25 trong 100 (trang 1/4)")
    expected = commune_app.totals_best_first()
    labels = row_labels(leader)
    assert labels == [f"{rank}. {name}" for rank, (name, _total) in enumerate(expected[:PAGE_SIZE], 1)]
    cells, _total, *_labels = plot_traces(leader, "#districts-heatmap")
    assert len(cells["y"]) == PAGE_SIZE
    ys = sorted(
        leader.eval_on_selector_all("#districts-heatmap .ytick text", "ns => ns.map(n => n.getBoundingClientRect().y)")
    )
    assert min(b - a for a, b in itertools.pairwise(ys)) >= 18, "rows stay at least 18 px high"
    assert "synthetic" in leader.inner_text("#districts-heatmap-card .source-note")

    leader.click("#districts-next")
    expect(leader.locator("#districts-page-status")).to_have_text("Đơn vị 26–50 trong 100 (trang 2/4)")
    expect_query(leader, {"page": "2"}, exact=False)
    first = f"26. {expected[25][0]}"
    wait_for_rows(leader, "(labels, first) => labels[0] === first", first)
    assert row_labels(leader)[0] == first

    leader.click("#districts-order-weakest")
    expect(leader.locator("#districts-page-status")).to_have_text("Đơn vị 1–25 trong 100 (trang 1/4)")
    expect_query(leader, {"order": "weakest"}, exact=False)
    weakest_name, _ = expected[-1]
    expect(leader.locator("#districts-heatmap .ytick text").first).to_have_text(f"100. {weakest_name}")
    assert page_errors == []


def test_search_finds_the_wards_typed_without_diacritics(
    leader: Page, page_errors: list[str], expect, commune_app: CommuneApp
) -> None:
    open_heatmap(leader, commune_app.url + f"/districts?year={YEAR}")
    wards = sorted(name for name in commune_app.names.values() if name.startswith("Phường"))

    leader.fill("#districts-search", "phuong")
    leader.press("#districts-search", "Enter")

    expect(leader.locator("#districts-page-status")).to_contain_text(f"{len(wards)} trong 100 đơn vị")
    expect_query(leader, {"q": "phuong"}, exact=False)
    wait_for_rows(
        leader,
        "(labels, wards) => JSON.stringify(labels.map(l => l.slice(l.indexOf('. ') + 2)).sort())"
        " === JSON.stringify(wards)",
        wards,
    )
    shown = [label.split(". ", 1)[1] for label in row_labels(leader)]
    assert sorted(shown) == wards

    leader.fill("#districts-search", "khong co xa nay")
    leader.press("#districts-search", "Enter")
    expect(leader.locator("#districts-page-status")).to_have_text("Không có đơn vị nào có tên chứa “khong co xa nay”.")
    assert page_errors == []


def test_without_boundaries_the_map_says_so_and_an_admins_geojson_draws_it(
    page_on: Callable[[str, str], Page], page_errors: list[str], expect, commune_app: CommuneApp, tmp_path: Path
) -> None:
    leader = page_on(commune_app.url, "leader")
    open_heatmap(leader, commune_app.url + f"/districts?year={YEAR}")
    empty = leader.locator("#districts-map-empty")
    expect(empty).to_contain_text("Chưa có ranh giới xã, phường, đặc khu")
    expect(empty).to_contain_text("quản trị viên nạp GeoJSON tại /admin")

    admin = page_on(commune_app.url, "admin")
    admin.goto(commune_app.url + "/admin")
    upload = tmp_path / "ranh-gioi-xa-tong-hop.geojson"
    upload.write_bytes(commune_app.boundaries)
    admin.locator("#admin-boundaries-upload input[type=file]").set_input_files(str(upload))
    expect(admin.locator("#admin-boundaries-done")).to_contain_text("Đã nạp ranh giới của 100 đơn vị")
    expect(admin.locator("#admin-boundary-sets")).to_contain_text(SYNTHETIC_BOUNDARIES)
    admin.context.close()

    open_heatmap(leader, commune_app.url + f"/districts?year={YEAR}")
    leader.locator("#districts-map .js-plotly-plot .main-svg").first.wait_for()
    regions = leader.eval_on_selector(
        "#districts-map .js-plotly-plot",
        "el => el._fullData.filter(t => t.type === 'choroplethmap').flatMap(t => Array.from(t.locations))",
    )
    assert sorted(regions) == sorted(commune_app.names)
    expect(leader.locator("#districts-attribution")).to_have_text(SYNTHETIC_BOUNDARIES)
    expect(leader.locator(".districts-map-labels.placed .districts-map-label")).to_have_count(100)
    leader.context.close()
    assert page_errors == []


def test_the_2022_page_still_shows_the_published_districts(
    leader: Page, page_errors: list[str], expect, commune_app: CommuneApp
) -> None:
    open_heatmap(leader, commune_app.url + "/districts?year=2022")

    expect(leader.locator("#districts-heading")).to_have_text("Chuyển đổi số cấp huyện Bình Phước năm 2022")
    labels = row_labels(leader)
    assert labels[0] == "UBND thành phố Đồng Xoài" and labels[-1] == "UBND huyện Lộc Ninh"
    assert len(labels) == 11
    expect(leader.locator("#districts-page-status")).to_have_count(0)
    assert page_errors == []
