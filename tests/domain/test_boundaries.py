"""The pure checks of a boundaries file, the label point of a region and one page of a long list."""

from __future__ import annotations

import json

import pandas as pd

from domain.boundaries import check_boundaries, ring_problem, self_crossing
from domain.listing import PAGE_SIZE, WEAKEST_FIRST, page_of
from domain.maps import label_point

SQUARE = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]


def collection(*features: dict, attribution: str | None = "Nguồn: thử, CC BY 4.0") -> bytes:
    body: dict = {"type": "FeatureCollection", "features": list(features)}
    if attribution is not None:
        body["attribution"] = attribution
    return json.dumps(body).encode()


def feature(code: str | None, rings: list) -> dict:
    return {"type": "Feature", "properties": {"unit_code": code}, "geometry": {"type": "Polygon", "coordinates": rings}}


def test_a_clean_file_comes_back_whole_with_its_codes_and_licence():
    checked = check_boundaries(collection(feature("a", [SQUARE]), feature("b", [SQUARE])))
    assert checked.issues == []
    assert checked.codes == ["a", "b"]
    assert checked.attribution == "Nguồn: thử, CC BY 4.0"
    assert checked.collection is not None


def test_each_problem_names_its_feature_and_the_file_is_not_returned():
    checked = check_boundaries(
        collection(
            feature("a", [SQUARE[:-1]]),
            feature(None, [SQUARE]),
            feature("c", [[[0, 0], [200, 0], [1, 1], [0, 0]]]),
            feature("a", [SQUARE]),
            attribution=None,
        )
    )
    reasons = {(issue.feature, issue.field): issue.reason for issue in checked.issues}
    assert "không khép kín" in reasons[(1, "geometry")]
    assert "thiếu mã" in reasons[(2, "properties.unit_code")]
    assert "ngoài phạm vi" in reasons[(3, "geometry")]
    assert "đã có ở đối tượng 1" in reasons[(4, "properties.unit_code")]
    assert (None, "attribution") in reasons
    assert checked.collection is None


def test_rings_that_cannot_be_drawn():
    assert ring_problem(SQUARE) is None
    assert "4 điểm" in ring_problem([[0, 0], [1, 0], [0, 0]])
    assert "diện tích bằng 0" in ring_problem([[0, 0], [1, 0], [2, 0], [0, 0]])
    assert self_crossing([[0, 0], [2, 2], [2, 0], [0, 1], [0, 0]])
    assert not self_crossing(SQUARE)


def test_a_label_sits_in_the_thick_part_of_a_c_shaped_region_not_in_its_bay():
    # A "C" with a spine 2 wide and arms 1 wide: the bounding box's centre (3, 3) lies in the bay.
    c_shape = [[0, 0], [6, 0], [6, 1], [2, 1], [2, 5], [6, 5], [6, 6], [0, 6], [0, 0]]
    lon, lat = label_point({"type": "Polygon", "coordinates": [c_shape]})
    assert 0.5 < lon < 1.5 and 0.5 < lat < 5.5, "on the spine, at least 0.5 from its edges"


def test_a_list_pages_searches_without_diacritics_and_reverses_for_the_weakest():
    ranked = pd.DataFrame(
        {"unit_name_vi": [f"{'Phường' if n % 10 == 0 else 'Xã'} Số {n}" for n in range(1, 61)], "rank": range(1, 61)}
    )
    first = page_of(ranked)
    assert (first.page, first.pages, first.first, first.last) == (1, 3, 1, PAGE_SIZE)
    last = page_of(ranked, page=99)
    assert (last.page, last.first, last.last, len(last.rows)) == (3, 51, 60, 10)
    weakest = page_of(ranked, order=WEAKEST_FIRST)
    assert weakest.rows["rank"].iloc[0] == 60
    wards = page_of(ranked, search="phuong")
    assert wards.matched == 6 and wards.total == 60
    assert list(wards.rows["rank"]) == [10, 20, 30, 40, 50, 60]
    assert page_of(ranked, search="không có").matched == 0
