"""`/districts` as a reader sees it in Chromium: heatmap order, the offline map and its shared region,
the criterion in the URL, clicks that open a unit, downloads, errors and layout."""

from __future__ import annotations

import csv
import io
import itertools
import json
from itertools import pairwise
from typing import TYPE_CHECKING

import openpyxl
import pytest

from components.formatting import format_percent
from tests.browser.conftest import (
    PROJECT_ROOT,
    block_external_requests,
    forge_session,
    page_sized,
    plot_traces,
    read_only_page,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

CELL_LABELS = "#districts-heatmap .textpoint text"
SHARED_REGION = "binh-phuoc-bu-gia-map-phu-rieng"
GEOJSON = PROJECT_ROOT / "seed" / "data" / "geo" / "binh_phuoc_districts.geojson"
SCORES = PROJECT_ROOT / "seed" / "data" / "scores.csv"


def open_districts(page: Page, url: str) -> None:
    """Load `url` and wait until the heatmap and the map have been drawn."""
    page.goto(url)
    page.locator("#districts-heatmap .js-plotly-plot .main-svg").first.wait_for()
    page.locator("#districts-map .js-plotly-plot .main-svg").first.wait_for()
    page.wait_for_function(
        "() => { const el = document.querySelector('#districts-map .js-plotly-plot');"
        " return el && el._fullLayout && el._fullLayout.map && el._fullLayout.map._subplot.map.loaded(); }"
    )


def map_traces(page: Page) -> list[dict]:
    """The map's traces as plotly drew them (binary arrays decoded)."""
    return page.eval_on_selector(
        "#districts-map .js-plotly-plot",
        """el => el._fullData.map(t => ({
            type: t.type,
            name: t.name,
            locations: t.locations ? Array.from(t.locations) : null,
            z: t.z ? Array.from(t.z) : null,
            customdata: t.customdata ? Array.from(t.customdata, row => Array.from(row)) : null,
            colorscale: t.colorscale || null,
            showscale: t.showscale,
        }))""",
    )


def district_shares(pillar: str | None = None) -> dict[str, float]:
    """Each district's share (in %) of a criterion's maximum, or of the total's, straight from the seed file."""
    with SCORES.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["level"] == "district" and pillar in (None, r["pillar_code"])]
    points: dict[str, float] = {}
    maxima: dict[str, float] = {}
    for row in rows:
        points[row["unit_code"]] = points.get(row["unit_code"], 0.0) + float(row["points"])
        maxima[row["unit_code"]] = maxima.get(row["unit_code"], 0.0) + float(row["max_points"])
    return {code: points[code] / maxima[code] * 100 for code in points}


def interior_point(unit_code: str) -> tuple[float, float]:
    """A point inside a region (outside its holes): the middle of the widest span across its middle latitude."""
    feature = next(f for f in json.loads(GEOJSON.read_text())["features"] if f["properties"]["unit_code"] == unit_code)
    rings = feature["geometry"]["coordinates"]
    lats = [lat for ring in rings for _, lat in ring]
    lat = (min(lats) + max(lats)) / 2 + 1e-7
    crossings = sorted(
        x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
        for ring in rings
        for (x1, y1), (x2, y2) in pairwise(ring)
        if (y1 <= lat < y2) or (y2 <= lat < y1)
    )
    spans = list(zip(crossings[::2], crossings[1::2], strict=True))
    west, east = max(spans, key=lambda span: span[1] - span[0])
    return (west + east) / 2, lat


def point_on_map(page: Page, unit_code: str) -> tuple[float, float]:
    """Where a region is drawn on the page, in pixels, from the map's own projection."""
    lon, lat = interior_point(unit_code)
    return page.eval_on_selector(
        "#districts-map .js-plotly-plot",
        """(el, lonlat) => {
            const map = el._fullLayout.map._subplot.map;
            const point = map.project(lonlat);
            const box = map.getContainer().getBoundingClientRect();
            return [box.left + point.x, box.top + point.y];
        }""",
        [lon, lat],
    )


def click_on_map(page: Page, unit_code: str) -> None:
    """Click on a region as a reader would: the pointer moves there, then clicks."""
    x, y = point_on_map(page, unit_code)
    page.mouse.move(x, y)
    page.mouse.click(x, y)


@pytest.fixture(scope="module")
def total_errors() -> list[str]:
    """Console errors and uncaught exceptions of `total_page`, over every test that reads it."""
    return []


@pytest.fixture(scope="module")
def total_page(browser: Browser, base_url: str, total_errors: list[str]) -> Iterator[Page]:
    """/districts (the total), shared by its readers."""
    yield from read_only_page(browser, base_url, total_errors, "/districts", open_districts)


@pytest.fixture(scope="module")
def government_errors() -> list[str]:
    """Console errors and uncaught exceptions of `government_page`, over every test that reads it."""
    return []


@pytest.fixture(scope="module")
def government_page(browser: Browser, base_url: str, government_errors: list[str]) -> Iterator[Page]:
    """/districts?criterion=digital_government, shared by its readers."""
    yield from read_only_page(
        browser, base_url, government_errors, "/districts?criterion=digital_government", open_districts
    )


def test_heatmap_puts_dong_xoai_on_top_and_loc_ninh_last(total_page: Page, total_errors: list[str]) -> None:
    page, page_errors = total_page, total_errors

    cells, total, *_labels = plot_traces(page, "#districts-heatmap")
    assert cells["y"][0] == "binh-phuoc-dong-xoai"
    assert cells["y"][-1] == "binh-phuoc-loc-ninh"
    assert total["y"] == cells["y"]
    labels = page.eval_on_selector_all(
        "#districts-heatmap .ytick text", "nodes => nodes.map(n => [n.textContent, n.getBoundingClientRect().y])"
    )
    top_to_bottom = [text for text, _ in sorted(labels, key=lambda label: label[1])]
    assert top_to_bottom[0] == "UBND thành phố Đồng Xoài"
    assert top_to_bottom[-1] == "UBND huyện Lộc Ninh"
    totals = dict(
        page.eval_on_selector_all(CELL_LABELS, "nodes => nodes.map(n => [n.textContent, n.getBoundingClientRect().y])")
    )
    assert totals["524,47"] < totals["352,93"], "the best total is drawn above the last"
    assert "92%" in totals, "cells show their share without hovering"
    heading = page.inner_text("#districts-heading")
    assert "Bình Phước" in heading and "2022" in heading
    assert page_errors == []


def test_map_draws_ten_regions_with_the_shared_one_neutral(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_districts(page, base_url + "/districts")

    traces = map_traces(page)
    regions = [trace for trace in traces if trace["type"] == "choroplethmap"]
    assert sum(len(trace["locations"]) for trace in regions) == 10
    coloured = next(trace for trace in regions if SHARED_REGION not in trace["locations"])
    shared = next(trace for trace in regions if SHARED_REGION in trace["locations"])
    assert len(coloured["locations"]) == 9
    z = dict(zip(coloured["locations"], coloured["z"], strict=True))
    assert z["binh-phuoc-dong-xoai"] == pytest.approx(524.47 / 700 * 100)
    expected = district_shares()
    assert z == pytest.approx({code: expected[code] for code in z})
    assert set(z).isdisjoint({"binh-phuoc-bu-gia-map", "binh-phuoc-phu-rieng"}), "neither paints the shared area"
    assert shared["locations"] == [SHARED_REGION]
    assert shared["showscale"] is False
    assert shared["colorscale"][0][1] == shared["colorscale"][-1][1], "drawn in one neutral colour"
    hover = shared["customdata"][0][0]
    assert "UBND huyện Bù Gia Mập" in hover and "358,97/700" in hover
    assert "UBND huyện Phú Riềng" in hover and "417,77/700" in hover

    click_on_map(page, SHARED_REGION)
    hover = page.locator("#districts-map .hoverlayer")
    expect(hover).to_contain_text("358,97")
    expect(hover).to_contain_text("417,77")

    note = page.locator(".districts-map-note").first
    assert note.is_visible()
    assert "UBND huyện Bù Gia Mập và UBND huyện Phú Riềng" in note.inner_text()
    attribution = page.locator("#districts-attribution")
    assert attribution.is_visible()
    assert "geoBoundaries" in attribution.inner_text()
    assert page_errors == []


def test_criterion_in_the_url_recolours_the_map(government_page: Page, government_errors: list[str]) -> None:
    page, page_errors = government_page, government_errors

    expected = district_shares("digital_government")
    coloured = map_traces(page)[0]
    assert len(coloured["z"]) == 9
    for code, value in zip(coloured["locations"], coloured["z"], strict=True):
        assert value == pytest.approx(expected[code]), code
    assert "Hoạt động chính quyền số" in page.text_content("#districts-map-card .card-title-ioc")
    assert page.input_value("#districts-criterion") == "digital_government"
    assert page_errors == []


def test_choosing_a_criterion_writes_it_to_the_url(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_districts(page, base_url + "/districts?year=2022")
    # The map drawn: a criterion recolours it in place, it does not build a new one (a new WebGL context
    # and style for every choice), and asks no new page of the router.
    page.eval_on_selector("#districts-map canvas.maplibregl-canvas", "canvas => { canvas.dataset.kept = 'yes'; }")
    routed: list[str] = []
    page.on("request", lambda r: routed.append(r.post_data) if "_pages_content" in (r.post_data or "") else None)

    page.select_option("#districts-criterion", "website")

    expect(page).to_have_url(f"{base_url}/districts?year=2022&criterion=website")
    expect(page.locator("#districts-map-card .card-title-ioc")).to_contain_text("Điểm trang thông tin điện tử")
    page.wait_for_function(
        "() => { const el = document.querySelector('#districts-map .js-plotly-plot');"
        " return el && el._fullData[0].name === 'Điểm trang thông tin điện tử'; }"
    )
    coloured = map_traces(page)[0]
    expected = district_shares("website")
    assert dict(zip(coloured["locations"], coloured["z"], strict=True)) == pytest.approx(
        {code: expected[code] for code in coloured["locations"]}
    )
    dong_xoai = page.locator('#districts-map-labels [data-code="binh-phuoc-dong-xoai"]')
    expect(dong_xoai).to_contain_text(format_percent(expected["binh-phuoc-dong-xoai"], 0, "vi"))
    assert page.locator('#districts-map canvas.maplibregl-canvas[data-kept="yes"]').count() == 1, "a new map was built"

    page.go_back()
    expect(page).to_have_url(f"{base_url}/districts?year=2022")
    expect(page.locator("#districts-criterion")).to_have_value("total")
    expect(dong_xoai).to_contain_text(format_percent(district_shares()["binh-phuoc-dong-xoai"], 0, "vi"))
    assert routed == [], "the router was asked for the page again"
    assert page_errors == []


def test_clicking_dong_xoai_on_the_map_opens_its_page(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_districts(page, base_url + "/districts")

    click_on_map(page, "binh-phuoc-dong-xoai")

    expect(page).to_have_url(f"{base_url}/units/binh-phuoc-dong-xoai")
    expect(page.locator("#units-heading")).to_contain_text("Đồng Xoài")
    expect(page.locator("#units-total")).to_contain_text("524,47")
    assert page_errors == []


def test_clicking_the_shared_region_offers_both_districts(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_districts(page, base_url + "/districts")

    click_on_map(page, SHARED_REGION)

    choice = page.locator("#districts-map-choice")
    expect(choice).to_contain_text("Bù Gia Mập và Phú Riềng")
    expect(page, "a shared region never picks one district by itself").to_have_url(f"{base_url}/districts")
    links = choice.locator("a")
    expect(links).to_have_text(["UBND huyện Bù Gia Mập", "UBND huyện Phú Riềng"], use_inner_text=True)
    links.nth(1).click()
    expect(page).to_have_url(f"{base_url}/units/binh-phuoc-phu-rieng")
    assert page_errors == []


def test_a_row_label_opens_the_units_page(page: Page, page_errors: list[str], expect: Callable, base_url: str) -> None:
    open_districts(page, base_url + "/districts")

    label = page.locator("#districts-heatmap .ytick a", has_text="UBND huyện Lộc Ninh")
    box = label.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    expect(page).to_have_url(f"{base_url}/units/binh-phuoc-loc-ninh")
    assert page_errors == []


def test_downloads_keep_vietnamese_names(government_page: Page, government_errors: list[str]) -> None:
    page, page_errors = government_page, government_errors

    with page.expect_download() as info:
        page.click("#districts-heatmap-download-csv")
    heatmap = list(csv.DictReader(io.StringIO(info.value.path().read_bytes().decode("utf-8-sig"))))
    assert info.value.suggested_filename == "diem-cap-huyen-2022.csv"
    assert len(heatmap) == 99
    assert heatmap[0]["Đơn vị"] == "UBND thành phố Đồng Xoài"
    assert heatmap[0]["Tổng điểm"] == "524.47"
    assert {"Tiêu chí", "Điểm", "Điểm tối đa", "Tỷ lệ (% điểm tối đa)", "Nguồn"} <= set(heatmap[0])
    assert "Phụ lục III.1.b" in heatmap[0]["Nguồn"]

    with page.expect_download() as info:
        page.click("#districts-heatmap-download-xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(info.value.path().read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Năm", "Đơn vị", "Tiêu chí"), "names only, no code columns"
    assert len(rows) == 100
    assert "UBND huyện Lộc Ninh" in {row[1] for row in rows}

    with page.expect_download() as info:
        page.click("#districts-map-download-csv")
    regions = list(csv.DictReader(io.StringIO(info.value.path().read_bytes().decode("utf-8-sig"))))
    assert len(regions) == 11
    assert "Mã vùng" not in regions[0] and "Mã đơn vị" not in regions[0], "names only in a page's file"
    shared = [row for row in regions if row["Vùng dùng chung"] == "Có"]
    assert [row["Đơn vị"] for row in shared] == ["UBND huyện Bù Gia Mập", "UBND huyện Phú Riềng"]
    assert {row["Tiêu chí"] for row in regions} == {"Hoạt động chính quyền số"}

    with page.expect_download() as info:
        page.click("#districts-map-download-xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(info.value.path().read_bytes())).active
    assert len(list(sheet.iter_rows(values_only=True))) == 12
    assert page_errors == []


@pytest.mark.parametrize(
    ("query", "selector", "words"),
    [
        ("?criterion=bogus", "#page-message", "Không có tiêu chí “bogus”"),
        ("?year=2021", "#districts-empty", "Năm 2021 chưa có điểm đánh giá chuyển đổi số cấp huyện"),
        ("?year=1999", "#page-message", "Năm “1999” không có trong dữ liệu"),
    ],
)
def test_bad_parameters_and_empty_years_are_explained(
    page: Page, page_errors: list[str], expect: Callable, base_url: str, query: str, selector: str, words: str
) -> None:
    page.goto(f"{base_url}/districts{query}")

    expect(page.locator(selector)).to_contain_text(words)
    assert "Traceback" not in page.content()
    assert page_errors == []


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_map_draws_offline_on_the_cards_colour(
    page: Page, page_errors: list[str], expect: Callable, base_url: str, theme: str
) -> None:
    """The map has no tiles, fonts or styles from elsewhere: nothing may leave 127.0.0.1. Its
    background is the card's colour in either theme (no white panel on the dark wall)."""
    page.context.add_init_script(f"localStorage.setItem('shell-theme', JSON.stringify('{theme}'))")

    blocked = block_external_requests(page)
    open_districts(page, base_url + "/districts")
    page.mouse.move(*point_on_map(page, "binh-phuoc-loc-ninh"))

    expect(page.locator("#districts-map .hoverlayer")).to_contain_text("UBND huyện Lộc Ninh")
    assert page.locator("#districts-map canvas").count() >= 1
    expect(page.locator("html")).to_have_attribute("data-bs-theme", theme)
    background, card = page.eval_on_selector(
        "#districts-map .js-plotly-plot",
        """el => {
            const map = el._fullLayout.map._subplot.map;
            const probe = document.createElement('div');
            probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--dti-card');
            document.body.appendChild(probe);
            const card = getComputedStyle(probe).color;
            probe.style.color = map.getPaintProperty('background', 'background-color');
            const background = getComputedStyle(probe).color;
            probe.remove();
            return [background, card];
        }""",
    )
    assert background == card
    assert blocked == []
    assert page_errors == []


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_no_horizontal_overflow(request: pytest.FixtureRequest, width: int, height: int) -> None:
    page, _errors = page_sized(request, width, height, "total", "/districts", open_districts)

    size = page.evaluate("() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})")
    assert size["scrollWidth"] <= size["innerWidth"], size


def test_cell_values_are_light_on_dark_fills_and_dark_on_amber(total_page: Page) -> None:
    page = total_page

    fills = dict(
        page.eval_on_selector_all(CELL_LABELS, "nodes => nodes.map(n => [n.textContent, getComputedStyle(n).fill])")
    )
    assert fills["524,47"] == "rgb(232, 237, 245)", "Đồng Xoài's 75% total is on blue (Khá): light text"
    assert fills["352,93"] == "rgb(29, 39, 51)", "Lộc Ninh's 50% total is on amber (Trung bình): dark text"


def test_english_formats_numbers_the_english_way(page: Page, page_errors: list[str], base_url: str) -> None:
    page.context.add_cookies([{"name": "dti_lang", "value": "en", "url": base_url}])
    open_districts(page, base_url + "/districts")

    labels = page.eval_on_selector_all(CELL_LABELS, "nodes => nodes.map(n => n.textContent)")
    assert "524.47" in labels
    assert page.text_content("#districts-map-card .card-title-ioc") == "Map: Total"
    assert page_errors == []


def test_database_down_is_explained(anonymous_page: Page, expect: Callable, down_base_url: str) -> None:
    """A leader signed in before the outage is told about it, not bounced to a sign-in that cannot work."""
    page = anonymous_page
    forge_session(page, down_base_url, "leader")
    page.goto(down_base_url + "/districts")

    expect(page.locator("#page-message")).to_contain_text("Không kết nối được cơ sở dữ liệu")
    assert "Traceback" not in page.content()


def test_map_names_each_district_on_its_polygon_and_both_of_the_shared_one(
    total_page: Page, total_errors: list[str], expect: Callable
) -> None:
    page, page_errors = total_page, total_errors

    labels = page.locator(".districts-map-labels.placed .districts-map-label")
    expect(labels).to_have_count(10)
    shares = district_shares()
    drawn = {
        code: lines.split("\n")
        for code, lines in page.eval_on_selector_all(
            ".districts-map-label", "nodes => nodes.map(n => [n.dataset.code, n.innerText])"
        )
    }
    for feature in json.loads(GEOJSON.read_text())["features"]:
        properties = feature["properties"]
        members = properties.get("member_unit_codes")
        if members:
            names = properties["name_vi"].split(" và ")
            assert drawn[properties["unit_code"]] == [
                f"{name} {shares[code]:.0f}%" for name, code in zip(names, members, strict=True)
            ]
        else:
            assert drawn[properties["unit_code"]] == [properties["name_vi"], f"{shares[properties['unit_code']]:.0f}%"]
    frame = page.locator("#districts-map").bounding_box()
    for box in (labels.nth(i).bounding_box() for i in range(10)):
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"]
    for first, second in itertools.combinations([labels.nth(i).bounding_box() for i in range(10)], 2):
        apart_x = first["x"] + first["width"] <= second["x"] or second["x"] + second["width"] <= first["x"]
        apart_y = first["y"] + first["height"] <= second["y"] or second["y"] + second["height"] <= first["y"]
        assert apart_x or apart_y, "no label covers another"
    assert page_errors == []
