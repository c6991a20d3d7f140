"""`query_pattern`, which browser tests wait on, agrees with comparing `parse_qs` of the URL.

A pattern that matched too much would let `expect_query` pass on any address, so it is checked
here, without a browser, against the plain comparison it replaces.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import query_pattern

BASE = "http://127.0.0.1:8050/pillars"


@pytest.mark.parametrize(
    ("expected", "query"),
    [
        ({"level": "department"}, "?level=department"),
        ({"level": "department"}, "?level=department&unit=binh-phuoc-so-y-te"),
        ({"level": "department"}, "?level=departments"),
        ({"level": "department"}, "?xlevel=department"),
        ({"level": "department"}, ""),
        ({"level": "department", "unit": "binh-phuoc-so-y-te"}, "?unit=binh-phuoc-so-y-te&level=department"),
        ({"level": "department", "unit": "binh-phuoc-so-y-te"}, "?level=department&level=department"),
        (
            {"level": "province", "unit": "binh-phuoc", "compare": "ho-chi-minh"},
            "?level=province&unit=binh-phuoc&compare=ho-chi-minh",
        ),
        (
            {"level": "province", "unit": "binh-phuoc", "compare": "ho-chi-minh"},
            "?level=province&unit=binh-phuoc&compare=ho-chi-minhx",
        ),
        ({}, ""),
        ({}, "?year=2021"),
    ],
)
def test_exact_pattern_matches_what_parse_qs_compares_equal(expected: dict[str, str], query: str) -> None:
    url = BASE + query
    equal = parse_qs(urlsplit(url).query) == {key: [value] for key, value in expected.items()}
    assert bool(query_pattern(expected).search(url)) is equal


@pytest.mark.parametrize(
    ("query", "matches"),
    [
        ("?level=province&unit=binh-phuoc&compare=ho-chi-minh", True),
        ("?compare=ho-chi-minh", True),
        ("?compare=leading", False),
        ("?level=province", False),
    ],
)
def test_partial_pattern_checks_the_given_keys_only(query: str, matches: bool) -> None:
    assert bool(query_pattern({"compare": "ho-chi-minh"}, exact=False).search(BASE + query)) is matches
