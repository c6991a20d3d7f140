"""`/rankings` with a hundred districts, over HTTP: the units come a page at a time (`domain.listing`),
the page, order and search in the URL, a unit head's own unit found and marked, and the download
still the whole level.

The dataset is generated through the import (seed/synthetic.py): one detailed province of 100
districts, the scale of a province before the 2025 reorganisation. The expected order is the
level's ranking as `data_access.rankings` computes it; these tests check which rows are shown.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from auth import users
from data_access import db, queries
from data_access.rankings import unit_ranking
from seed.synthetic import Shape, generate
from tests.conftest import sqlite_url, use_database
from tests.pages.conftest import (
    STATIC_ELEMENT,
    components,
    districts_body,
    inner_text,
    rankings_body,
    rankings_download_body,
    sign_in_with,
)

YEAR = 2022
DISTRICTS = 100
SHAPE = Shape(provinces=4, years=2, detailed=1, departments=10, districts=DISTRICTS)
LEADER = ("paging-leader", "paging-leader-password-1")
HEAD = ("paging-district-head", "paging-head-password-1")
# Dash's component count for the district level's content at this scale: 1 349 when the table drew
# every district (about 13 components a row) and the bars figure one bar each.
MAX_COMPONENTS = 500


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = sqlite_url(Path(tmp_path_factory.mktemp("rankings-paging")))
    generate(SHAPE, db.engine_for(url))
    return url


@pytest.fixture
def national(dash_app, generated: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The app on the generated dataset, a leader and a district's head; the level's unit codes best first."""
    engine = use_database(monkeypatch, generated)
    focus = queries.focus_unit_code()
    codes = list(unit_ranking(focus, "district", YEAR).table["unit_code"])
    existing = {account.username for account in users.list_accounts(engine)}
    if LEADER[0] not in existing:
        users.create_user(LEADER[0], "leader", password=LEADER[1], engine=engine)
        users.create_user(HEAD[0], "unit_head", unit_code=codes[59], password=HEAD[1], engine=engine)
    yield codes


def signed_in(dash_app, account: tuple[str, str]) -> FlaskClient:
    client = dash_app.server.test_client()
    assert sign_in_with(client, *account).status_code == 302
    return client


def answer(client: FlaskClient, query: dict) -> dict:
    response = client.post("/_dash-update-component", json=rankings_body({"year": str(YEAR), **query}))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"]


def by_id(node, element_id: str) -> dict | None:
    return next((c for c in components(node) if c["props"].get("id") == element_id), None)


def table_rows(content) -> list[dict]:
    table = by_id(content, "rankings-unit-table")
    assert table is not None, "no unit table"
    return [c for c in components(table) if c["type"] == "Tr" and "data-unit" in c["props"]]


def shown_codes(content) -> list[str]:
    return [row["props"]["data-unit"] for row in table_rows(content)]


def bar_names(answered: dict) -> list[str]:
    figure = by_id(answered["rankings-content"]["children"], {"type": "rankings-figure", "name": "bars"})
    return [name.replace("<br>", " ") for name in figure["props"]["figure"]["data"][0]["y"]]


def test_a_hundred_districts_come_a_page_at_a_time_best_first(dash_app, national: list[str]) -> None:
    answered = answer(signed_in(dash_app, LEADER), {"level": "district"})
    content = answered["rankings-content"]["children"]

    assert shown_codes(content) == national[:25]
    assert inner_text(by_id(content, "rankings-page-status")) == "Đơn vị 1–25 trong 100 (trang 1/4)"
    names = [inner_text(row["props"]["children"][1]) for row in table_rows(content)]
    assert bar_names(answered) == names, "the bars are not the table's page"
    assert inner_text(by_id(content, "rankings-bars-page")).startswith("Các cột là các đơn vị của trang đang xem")


def test_the_district_level_at_national_scale_is_a_few_hundred_components_not_thousands(
    dash_app, national: list[str]
) -> None:
    content = answer(signed_in(dash_app, LEADER), {"level": "district"})["rankings-content"]["children"]

    count = sum(1 for c in components(content) if c["namespace"] != STATIC_ELEMENT)
    assert count < MAX_COMPONENTS, f"{count} components for {DISTRICTS} districts"


def test_the_page_and_the_order_are_read_from_the_url_and_written_in_the_links(dash_app, national: list[str]) -> None:
    content = answer(signed_in(dash_app, LEADER), {"level": "district", "order": "weakest", "page": "2"})[
        "rankings-content"
    ]["children"]

    assert shown_codes(content) == national[::-1][25:50]
    assert inner_text(by_id(content, "rankings-page-status")) == "Đơn vị 26–50 trong 100 (trang 2/4)"
    assert (
        by_id(content, "rankings-next")["props"]["href"] == f"/rankings?year={YEAR}&level=district&order=weakest&page=3"
    )
    assert by_id(content, "rankings-previous")["props"]["href"] == f"/rankings?year={YEAR}&level=district&order=weakest"
    assert by_id(content, "rankings-order-best")["props"]["href"] == f"/rankings?year={YEAR}&level=district"
    # A page past the last is the last one, not an empty table.
    last = answer(signed_in(dash_app, LEADER), {"level": "district", "page": "99"})["rankings-content"]["children"]
    assert shown_codes(last) == national[75:]


def test_a_search_without_diacritics_finds_the_unit_among_the_hundred(dash_app, national: list[str]) -> None:
    wanted = national[41]
    number = re.search(r"(\d{3})$", wanted).group(1)

    content = answer(signed_in(dash_app, LEADER), {"level": "district", "q": f"huyen tong hop {number}"})[
        "rankings-content"
    ]["children"]

    assert shown_codes(content) == [wanted]
    status = inner_text(by_id(content, "rankings-page-status"))
    assert status.startswith(f"1 trong 100 đơn vị có tên chứa “huyen tong hop {number}”")
    assert by_id(content, "rankings-clear-search")["props"]["href"] == f"/rankings?year={YEAR}&level=district"


def test_a_unit_head_opens_on_the_page_of_their_own_unit_marked_and_the_only_link(
    dash_app, national: list[str]
) -> None:
    own = national[59]

    content = answer(signed_in(dash_app, HEAD), {"level": "district"})["rankings-content"]["children"]

    rows = table_rows(content)
    assert [row["props"]["data-unit"] for row in rows] == national[50:75]
    marked = [row["props"]["data-unit"] for row in rows if "rankings-focus" in row["props"]["className"]]
    assert marked == [own]
    links = [c["props"]["href"] for c in components(by_id(content, "rankings-unit-table")) if c["type"] == "Link"]
    assert links == [f"/units/{own}"]


def test_the_download_is_the_whole_level_whatever_the_page(dash_app, national: list[str]) -> None:
    query = {"year": str(YEAR), "level": "district", "page": "3", "q": "tong hop 00"}
    response = signed_in(dash_app, LEADER).post("/_dash-update-component", json=rankings_download_body(query))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    payload = response.get_json()["response"]["rankings-download-file"]["data"]
    rows = list(csv.reader(io.StringIO(base64.b64decode(payload["content"]).decode("utf-8-sig"))))
    assert len(rows) - 1 == DISTRICTS


def test_a_level_that_fits_a_page_is_one_table_without_the_list_controls(dash_app, national: list[str]) -> None:
    answered = answer(signed_in(dash_app, LEADER), {"level": "department"})
    content = answered["rankings-content"]["children"]

    assert len(table_rows(content)) == 10
    assert by_id(content, "rankings-page-status") is None
    assert "rankings-bars-page" not in json.dumps(content)


def test_the_districts_search_and_hint_fit_the_year_and_the_map(dash_app, national: list[str]) -> None:
    """`/districts` pages its hundred districts too; its search box asked for "tên xã, phường" (communes)
    in a year whose units are districts, and its hint for a click on a map it does not have."""
    client = signed_in(dash_app, LEADER)
    response = client.post("/_dash-update-component", json=districts_body({"year": str(YEAR)}))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    content = response.get_json()["response"]["districts-content"]["children"]
    (search,) = [c for c in components(content) if c["type"] == "Input" and c["props"].get("name") == "q"]
    assert search["props"]["placeholder"] == "tên huyện, thị xã, thành phố (có dấu hay không)"
    (hint,) = [c for c in components(content) if c["props"].get("className") == "districts-hint"]
    assert inner_text(hint) == "Bấm vào tên đơn vị trong bảng để xem chi tiết đơn vị.", (
        "the generated province has no district map: the hint sent readers to one"
    )
