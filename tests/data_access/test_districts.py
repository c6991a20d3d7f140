"""The district page's data, from the real seed on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from data_access import geo
from data_access.districts import (
    TOTAL,
    UnknownCriterion,
    build_district_results,
    criterion_values,
    district_years,
    map_regions,
    map_table,
)

FOCUS = "binh-phuoc"


def test_district_years_are_those_with_scores_of_the_provinces_districts(seeded_db):
    assert district_years(FOCUS) == [2022]
    assert district_years("da-nang") == [], "another province has no districts in the data"


def test_2022_results_rank_the_eleven_districts_as_published(seeded_db):
    results = build_district_results(FOCUS, 2022)
    assert len(results.scores) == 11 * 9
    assert results.scores["unit_code"].str.startswith(f"{FOCUS}-").all()
    assert results.criteria == [
        "awareness",
        "institutions",
        "infrastructure",
        "human_resources",
        "cybersecurity",
        "digital_government",
        "digital_economy",
        "digital_society",
        "website",
        TOTAL,
    ]
    totals = results.totals
    assert totals["unit_name_vi"].iloc[0] == "UBND thành phố Đồng Xoài"
    assert totals["total"].iloc[0] == pytest.approx(524.47)
    assert totals["unit_name_vi"].iloc[-1] == "UBND huyện Lộc Ninh"
    assert totals["total"].iloc[-1] == pytest.approx(352.93)
    assert totals["rank"].tolist() == list(range(1, 12))
    assert totals["max_total"].eq(700).all()
    assert totals["group"].tolist()[:3] == ["Khá", "Khá", "Trung bình"]
    assert not totals["total_differs"].any(), "the criteria add up to every printed total"
    assert totals["published_total"].iloc[0] == pytest.approx(524.47)


def test_a_year_without_district_scores_is_empty(seeded_db):
    results = build_district_results(FOCUS, 2021)
    assert results.empty
    assert results.criteria == [TOTAL]


def test_criterion_values_give_each_districts_share(seeded_db):
    results = build_district_results(FOCUS, 2022)
    government = criterion_values(results, "digital_government").set_index("unit_code")
    assert len(government) == 11
    assert government.loc["binh-phuoc-dong-xoai", "points"] == pytest.approx(114.49)
    assert government.loc["binh-phuoc-dong-xoai", "share"] == pytest.approx(114.49 / 150)
    total = criterion_values(results, TOTAL).set_index("unit_code")
    assert total.loc["binh-phuoc-loc-ninh", "share"] == pytest.approx(352.93 / 700)
    with pytest.raises(UnknownCriterion) as refused:
        criterion_values(results, "smart_city")
    assert refused.value.valid[-1] == TOTAL


def test_the_shipped_map_covers_every_district_with_one_shared_region(seeded_db):
    collection = geo.district_boundaries_for(FOCUS)
    regions = map_regions(collection)
    assert regions["region_code"].nunique() == 10
    table = map_table(regions, criterion_values(build_district_results(FOCUS, 2022), TOTAL))
    assert len(table) == 11
    assert (table["region_code"] != "").all(), "every scored district lies in a map region"
    shared = table[table["shared"]]
    assert shared["region_code"].unique().tolist() == ["binh-phuoc-bu-gia-map-phu-rieng"]
    assert sorted(shared["unit_code"]) == ["binh-phuoc-bu-gia-map", "binh-phuoc-phu-rieng"]
    assert shared["points"].tolist() == pytest.approx([358.97, 417.77])


def test_the_commune_level_is_offered_only_where_the_province_has_communes(seeded_db):
    from data_access.districts import offered_levels

    assert offered_levels(FOCUS) == ["province", "department", "district"]
    assert "commune" not in offered_levels(None)
