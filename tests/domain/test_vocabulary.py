"""The shared vocabulary: one rule each for totals, comparators, names and text on a fill."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from domain.colour import text_on
from domain.records import UnitInfo
from domain.text import localized, localized_column
from domain.vocabulary import COMPARATORS, LEVELS, PROVINCE, SUB_LEVELS, UNIT_KINDS, printed_total_agrees


def test_levels_are_defined_once_with_the_province_first():
    assert LEVELS[0] == PROVINCE
    assert LEVELS[1:] == SUB_LEVELS
    assert set(LEVELS) < set(UNIT_KINDS)


@pytest.mark.parametrize(
    ("total", "maximum", "printed", "printed_max", "agrees"),
    [
        (638.5, 1000, 0.6385, 1, True),  # DTI printed as an index
        (638.5, 1000, 0.6391, 1, False),
        (52.58, 150, 52.60, 150, True),  # points, within two hundredths
        (52.58, 150, 52.61, 150, False),
        (Decimal("52.58"), Decimal("150"), Decimal("52.60"), Decimal("150"), True),  # the seed reads Decimals
        (10.0, 0, 10.02, None, True),  # no maximum: points as they are
    ],
)
def test_printed_total_agrees_on_the_share_of_the_maximum(total, maximum, printed, printed_max, agrees):
    assert printed_total_agrees(total, maximum, printed, printed_max) is agrees


def test_comparators_read_actual_against_target():
    assert [name for name, holds in COMPARATORS.items() if holds(5, 5)] == [">=", "<="]
    assert COMPARATORS[">"](6, 5) and not COMPARATORS["<"](6, 5)


def _info(name_en: str | None) -> UnitInfo:
    return UnitInfo("x", "Sở Y tế", name_en, "department", None, None, None, "", "")


@pytest.mark.parametrize(
    "obj", [_info("Department of Health"), {"name_vi": "Sở Y tế", "name_en": "Department of Health"}]
)
def test_localized_prefers_english_for_english_readers(obj):
    assert localized(obj, "name", "en") == "Department of Health"
    assert localized(obj, "name", "vi") == "Sở Y tế"


@pytest.mark.parametrize("missing", [None, "", "  ", float("nan")])
def test_localized_falls_back_to_vietnamese_when_english_is_missing(missing):
    assert localized(_info(missing), "name", "en") == "Sở Y tế"
    frame = pd.DataFrame({"name_vi": ["Sở Y tế", "Sở Tài chính"], "name_en": [missing, "Department of Finance"]})
    assert localized_column(frame, "name", "en").tolist() == ["Sở Y tế", "Department of Finance"]


def test_text_on_a_fill_is_dark_on_light_and_light_on_dark():
    assert text_on("#e0a800", dark="black", light="white") == "black"  # amber (Trung bình)
    assert text_on("#2e9d5b", dark="black", light="white") == "white"  # green (Tốt)
