"""Peers, who lags and target risk as a reader sees them in Chromium.

Expected values come from the published CSVs (seed/data, seed/meta), never restated.
"""

from __future__ import annotations

import contextlib
import csv
from typing import TYPE_CHECKING

import pytest

from seed.loader import META_DIR
from tests.browser.conftest import WAIT_TIMEOUT_MS, expect_query, open_overview, plot_traces
from tests.conftest import SEED_DIR

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

FOCUS = "binh-phuoc"


def _rows(folder, name: str) -> list[dict[str, str]]:
    with open(folder / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _national_ranks() -> dict[str, int]:
    return {r["unit_code"]: int(r["rank"]) for r in _rows(SEED_DIR, "national_ranking_2022.csv")}


def _peer_rows(page: Page) -> list[str]:
    return page.locator("#rankings-peers-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.unit)")


def expect_peer_rows(page: Page, expected: list[str]) -> None:
    """Wait until the peers table lists `expected`, in that order, then check it.

    The table is replaced by a callback after each choice; a table of the same length (the region
    preset and the top five plus the focus both have six rows) can still be the old one, so this
    waits for the rows themselves rather than for their count.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "expected => JSON.stringify([...document.querySelectorAll('#rankings-peers-table tbody tr')]"
            ".map(r => r.dataset.unit)) === JSON.stringify(expected)",
            arg=expected,
            timeout=WAIT_TIMEOUT_MS,
        )
    assert _peer_rows(page) == expected


def open_peers(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("#rankings-peers-table").wait_for()
    page.locator("#rankings-bump .js-plotly-plot .main-svg").first.wait_for()


def test_peers_in_the_url_fill_the_table_and_the_bump_chart(page: Page, page_errors: list[str], base_url: str) -> None:
    open_peers(page, f"{base_url}/rankings?peers=binh-duong,da-nang")
    ranks = _national_ranks()
    chosen = ["binh-duong", "da-nang", FOCUS]
    expect_peer_rows(page, sorted(chosen, key=ranks.get))
    assert plot_traces(page, "#rankings-bump")
    drawn = page.eval_on_selector("#rankings-bump .js-plotly-plot", "el => el._fullData.map(t => [t.name, t.mode])")
    highlighted = {name for name, mode in drawn if mode == "lines+markers+text"}
    assert highlighted == {"Bình Dương", "TP. Đà Nẵng", "Bình Phước"}
    labels = page.eval_on_selector("#rankings-bump .js-plotly-plot", "el => el.layout.annotations.map(a => a.text)")
    assert sorted(labels) == sorted(["Bình Dương", "TP. Đà Nẵng", "Bình Phước", "Bình Phước"]), (
        "each highlighted line named at its ends (Bình Phước has three years: both ends)"
    )
    assert page_errors == []


def test_presets_and_the_picker_write_the_choice_into_the_url(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_peers(page, f"{base_url}/rankings")
    # No choice in the URL: the focus's region, from the seeded regions.
    regions = _rows(META_DIR, "regions.csv")
    own = next(r["region_code"] for r in regions if r["unit_code"] == FOCUS)
    region = [r["unit_code"] for r in regions if r["region_code"] == own]
    ranks = _national_ranks()
    expect_peer_rows(page, sorted(region, key=ranks.get))
    assert "Đông Nam Bộ" in page.inner_text("#rankings-peers-preset-region")

    page.click("#rankings-peers-preset-top")
    top = [code for code, rank in ranks.items() if rank <= 5]
    expect_query(page, {"year": "2022", "peers": ",".join(sorted(top, key=ranks.get))})
    expect_peer_rows(page, sorted([*top, FOCUS], key=ranks.get))

    # The picker: type a province, choose it; the URL carries it and a reload keeps it.
    page.click("#rankings-peers")
    # Enter takes the first option listed, and the search reaches the list through a Dash prop, not at
    # once. Once in CI (stop 28) Enter took "1. TP. Đà Nẵng" out instead of adding Tây Ninh: most
    # likely the list still held what a shorter search ("T") leaves, Tây Ninh in it further down. Not
    # reproduced here in 30 runs under load; the test types into the search box itself and presses
    # Enter on the list a reader would see, the one option the whole name leaves.
    search = page.get_by_role("searchbox")
    search.press_sequentially("Tây Ninh")
    expect(page.get_by_role("option")).to_have_count(1)
    expect(page.get_by_role("option", name="40. Tây Ninh")).to_be_visible()
    search.press("Enter")
    expect_query(page, {"year": "2022", "peers": ",".join([*sorted(top, key=ranks.get), "tay-ninh"])})
    expect(page.locator('#rankings-peers-table tr[data-unit="tay-ninh"]')).to_have_count(1)
    page.reload()
    expect(page.locator('#rankings-peers-table tr[data-unit="tay-ninh"]')).to_have_count(1)

    page.click("#rankings-peers-clear")
    expect_query(page, {"year": "2022", "peers": "none"})
    expect(page.locator("#rankings-peers-table tbody tr")).to_have_count(1)
    assert page_errors == []


def test_the_peers_choice_drawn_costs_no_request(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """The picker reports its value when the peers appear (a load, a year change): that is the choice
    drawn, not a new one, so no callback is posted for it and the URL stays as the reader wrote it."""
    posted: list[str] = []
    page.on(
        "request",
        lambda request: posted.append(request.post_data or "") if "_dash-update-component" in request.url else None,
    )
    open_peers(page, f"{base_url}/rankings?year=2022&peers=binh-duong")
    page.wait_for_load_state("networkidle")
    page.locator("#shell-years a.year-link[href*='year=2021']").click()
    expect(page.locator("#rankings-heading")).to_contain_text("2021")
    page.wait_for_load_state("networkidle")
    assert sum("rankings-content" in body for body in posted) == 2, "the load and the year change were posted"
    assert [body for body in posted if "rankings-url.search" in body] == []
    expect_query(page, {"year": "2021", "peers": "binh-duong"})
    assert page_errors == []


def test_an_unknown_peer_is_named_and_left_out(page: Page, base_url: str) -> None:
    open_peers(page, f"{base_url}/rankings?peers=binh-duong,khong-co")
    expect_peer_rows(page, ["binh-phuoc", "binh-duong"])
    assert "khong-co" in page.inner_text("#rankings-peers-picker")


def _weakest_by_share(level: str) -> list[str]:
    rows = [r for r in _rows(SEED_DIR, "totals.csv") if r["level"] == level and r["year"] == "2022"]
    share = {r["unit_code"]: float(r["published_total"]) / float(r["published_max"]) for r in rows}
    return sorted(share, key=share.get)


def test_the_overview_lists_who_lags_and_each_opens_its_unit(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_overview(page, base_url + "/")
    for level in ("department", "district"):
        shown = page.locator(f"#overview-laggards-{level} .laggard-link").evaluate_all(
            "links => links.map(a => a.id.replace('overview-laggard-', ''))"
        )
        assert shown == _weakest_by_share(level)[:3], level
    weakest = _weakest_by_share("department")[0]
    assert "để lên Khá" in page.inner_text(f"#overview-laggard-{weakest}")

    page.click(f"#overview-laggard-{weakest}")
    expect(page).to_have_url(f"{base_url}/units/{weakest}?year=2022")
    expect(page.locator("#units-total")).to_be_visible()
    assert page_errors == []


def test_from_a_pillar_losing_points_one_click_to_the_units_weakest_on_it(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_overview(page, base_url + "/")
    page.click("#overview-weak-digital_society")
    expect(page).to_have_url(f"{base_url}/?lag=digital_society#overview-laggards")
    expect(page.locator("#overview-laggards-clear")).to_be_visible()
    scores = [
        r for r in _rows(SEED_DIR, "scores.csv") if r["level"] == "district" and r["pillar_code"] == "digital_society"
    ]
    share = {r["unit_code"]: float(r["points"]) / float(r["max_points"]) for r in scores}
    lowest = sorted(share.values())[0]
    first = page.locator("#overview-laggards-district .laggard-link").first
    assert first.locator(".laggard-share").inner_text() == f"{lowest * 100:.1f}%".replace(".", ",")
    assert page_errors == []


def test_the_overview_lists_targets_at_risk_and_links_them(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    open_overview(page, base_url + "/")
    lines = page.locator("#overview-risk-list .risk-line")
    expect(lines.first).to_be_visible()
    ids = lines.evaluate_all("links => links.map(a => a.id)")
    assert "overview-risk-adult_smartphone_rate_society" not in ids, "a target listed twice is counted once"
    assert "overview-risk-household_fibre_rate" in ids
    page.click("#overview-risk-household_fibre_rate")
    expect(page).to_have_url(f"{base_url}/targets?year=2023#targets-card-household_fibre_rate")
    expect(page.locator("#targets-card-household_fibre_rate .target-projection")).to_contain_text("Không đạt")
    assert page_errors == []


def test_a_target_card_shows_its_projection_or_why_there_is_none(page: Page, base_url: str) -> None:
    page.goto(base_url + "/targets")
    card = page.locator("#targets-card-adult_smartphone_rate .target-projection")
    card.wait_for()
    plan = {r["target_code"]: r for r in _rows(SEED_DIR, "targets.csv")}
    before = next(
        float(r["value"])
        for r in _rows(SEED_DIR, "indicator_observations.csv")
        if r["indicator_code"] == "adult_smartphone_rate" and r["period"] == "2022"
    )
    now = float(plan["adult_smartphone_rate"]["actual_value"])
    projected = before + (now - before) * 365 / 181  # 31/12/2022 → 30/06/2023 → 31/12/2023
    text = card.inner_text()
    assert "Có nguy cơ" in text
    number = f"{projected:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"Dự báo đến 31/12/2023: {number}%" in text
    assert "tuyến tính từ 2 số liệu (2022, 2023-06)" in text
    one = page.inner_text("#targets-card-mobile_coverage_rate .target-projection")
    assert one == "Chưa dự báo: mới có một số liệu (2023-06), chưa đủ để thấy xu hướng."


def test_the_peers_picker_speaks_the_readers_language_and_its_placeholder_is_readable(
    page: Page, page_errors: list[str], expect: Callable, base_url: str
) -> None:
    """Dash's dropdown wrote "5 selected" in English on a Vietnamese page, and drew its placeholder in a
    dark grey on the dark theme's card."""
    open_peers(page, f"{base_url}/rankings")
    picker = page.locator("#rankings-peers")
    expect(picker).to_contain_text("Đã chọn 5")
    expect(picker).not_to_contain_text("selected")

    page.click("#rankings-peers-clear")
    placeholder = page.locator("#rankings-peers .dash-dropdown-placeholder")
    expect(placeholder).to_have_text("Chọn tỉnh, thành phố…")
    colour = placeholder.evaluate("el => getComputedStyle(el).color")
    muted = page.evaluate("() => getComputedStyle(document.body).getPropertyValue('--dti-muted').trim()")
    probe = page.evaluate(
        "c => { const s = document.createElement('span'); s.style.color = c; document.body.append(s);"
        " const v = getComputedStyle(s).color; s.remove(); return v; }",
        muted,
    )
    assert colour == probe, f"placeholder drawn in {colour}, the theme's muted text is {probe}"
    assert page_errors == []


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_the_peers_radar_draws_every_pillar_name_whole(
    page: Page, page_errors: list[str], base_url: str, width: int, height: int
) -> None:
    """The bottom pillar's name wraps to two lines ("An toàn thông / tin mạng"): the second was cut off by
    the radar's bottom edge; on a laptop "Hoạt động Kinh" lost its first letter to the left edge."""
    page.set_viewport_size({"width": width, "height": height})
    open_peers(page, f"{base_url}/rankings?peers=ho-chi-minh")
    page.locator("#rankings-peers-radar .angularaxistick text").first.wait_for()
    cut = page.eval_on_selector(
        "#rankings-peers-radar .js-plotly-plot",
        """plot => {
            const frame = plot.querySelector('.main-svg').getBoundingClientRect();
            return [...plot.querySelectorAll('.angularaxistick text')].filter(text => {
                const box = text.getBoundingClientRect();
                return box.top < frame.top || box.bottom > frame.bottom
                    || box.left < frame.left || box.right > frame.right;
            }).map(text => text.textContent);
        }""",
    )
    assert page.locator("#rankings-peers-radar .angularaxistick text").count() == 8
    assert cut == []
    assert page_errors == []


NAMES_AND_RANKS_DRAWN = """el => {
    const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    const svg = el.querySelector('.main-svg').getBoundingClientRect();
    const names = [...el.querySelectorAll('.annotation-text')].map(a => ({text: a.textContent,
        ...box(a.getBoundingClientRect())}));
    const ranks = [...el.querySelectorAll('.textpoint text')].filter(t => t.textContent)
        .map(t => ({text: t.textContent, ...box(t.getBoundingClientRect())}));
    return {svg: box(svg), names, ranks};
}"""


def _overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_the_bump_charts_names_are_drawn_whole_and_clear_of_each_other_and_of_the_ranks(
    page: Page, page_errors: list[str], base_url: str, width: int, height: int
) -> None:
    """The names at the lines' ends stay inside the chart, each readable: a long name wraps rather than
    being cut by the card, and no name prints over another or over a rank written at a point (the region's
    peers, with "TP. Hồ Chí Minh" and "Bà Rịa - Vũng Tàu" among them, and the focus's "12/63")."""
    page.set_viewport_size({"width": width, "height": height})
    open_peers(page, f"{base_url}/rankings")
    graph = page.locator("#rankings-bump .js-plotly-plot")
    page.wait_for_function("el => el.querySelectorAll('.annotation-text').length >= 6", arg=graph.element_handle())
    drawn = graph.evaluate(NAMES_AND_RANKS_DRAWN)
    svg, names, ranks = drawn["svg"], drawn["names"], drawn["ranks"]
    assert {"Bình Phước", "Bình Dương", "Tây Ninh", "Đồng Nai"} <= {name["text"] for name in names}
    for name in names:
        assert svg["left"] <= name["left"] and name["right"] <= svg["right"], f"{name['text']} is cut: {name}, {svg}"
    for i, name in enumerate(names):
        clashes = [other["text"] for other in names[i + 1 :] + ranks if _overlap(name, other)]
        assert not clashes, f"{name['text']} is drawn over {clashes}"
    assert page_errors == []
