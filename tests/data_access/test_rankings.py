"""The rankings page's data on the real seed, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import csv

import pytest

from data_access.rankings import (
    RANKING_COLUMNS,
    child_units,
    level_years,
    national_ranking,
    unit_ranking,
)
from data_access.settings import SEED_DIR
from seed.loader import META_DIR


def published_groups(level: str) -> dict[str, str]:
    """Unit → group as printed, straight from the seed file (not through the app)."""
    with (SEED_DIR / "totals.csv").open(encoding="utf-8") as handle:
        return {row["unit_code"]: row["published_group"] for row in csv.DictReader(handle) if row["level"] == level}


def test_years_with_results_per_level(seeded_db):
    assert level_years("province") == [2020, 2021, 2022]
    assert level_years("department", "binh-phuoc") == [2022]
    assert level_years("district", "binh-phuoc") == [2022]
    assert level_years("department", "da-nang") == []


def test_the_province_in_focus_has_its_departments_and_districts(seeded_db):
    assert len(child_units("binh-phuoc", "department")) == 24
    assert len(child_units("binh-phuoc", "district")) == 11
    assert child_units("da-nang", "district").empty


def test_national_table_2022_has_63_provinces_with_the_shared_15th_place(seeded_db):
    table = national_ranking(2022)
    assert len(table) == 63
    assert table["unit_code"].is_unique
    assert "national-average" not in set(table["unit_code"]), "the average is not a province"
    assert table["rank"].tolist()[12:17] == [13, 14, 15, 15, 17]
    assert set(table.loc[table["rank"] == 15, "unit_name_vi"]) == {"Thanh Hóa", "Yên Bái"}
    assert table.loc[table["tied"], "rank"].tolist() == [15, 15]
    focus = table.set_index("unit_code").loc["binh-phuoc"]
    assert (focus["rank"], focus["rank_of"], focus["index_value"]) == (12, 63, 0.6385)
    assert table.set_index("unit_code").loc["da-nang", "index_value"] == 0.8002
    assert table["index_value"].notna().sum() == 6, "only the published values; nothing is invented"


def test_national_table_of_2021_holds_only_what_was_published(seeded_db):
    table = national_ranking(2021)
    assert table[["unit_code", "rank"]].values.tolist() == [["binh-phuoc", 9]]


def test_department_ranking_2022_matches_the_published_table(seeded_db):
    ranking = unit_ranking("binh-phuoc", "department", 2022)
    table = ranking.table
    assert list(table.columns) == RANKING_COLUMNS
    assert len(table) == 24
    first, last = table.iloc[0], table.iloc[-1]
    assert (first["unit_name_vi"], first["total"], first["group"], first["rank"]) == (
        "Sở Thông tin và Truyền thông",
        558.41,
        "Tốt",
        1,
    )
    assert (last["unit_name_vi"], last["total"], last["group"], last["rank"]) == (
        "Cục Thống kê",
        306.45,
        "Trung bình",
        24,
    )
    assert dict(zip(table["unit_code"], table["group"], strict=True)) == published_groups("department")
    assert (table["rank_computed"] == table["rank_published"]).all()
    assert (table["reason"] == "").all()
    assert table.loc[table["median_method"], "unit_code"].tolist() == [
        "binh-phuoc-vp-ubnd",
        "binh-phuoc-thanh-tra",
        "binh-phuoc-ban-dan-toc",
        "binh-phuoc-ttxt-dttmdl",
        "binh-phuoc-cuc-thong-ke",
    ]
    assert table["score_source"].str.contains("Phụ lục III.1.a").all()


def test_no_change_is_invented_when_the_previous_year_has_no_results(seeded_db):
    ranking = unit_ranking("binh-phuoc", "department", 2022)
    assert (ranking.previous_year, ranking.has_previous) == (2021, False)
    assert ranking.table["previous_rank"].isna().all()
    assert ranking.table["rank_change"].isna().all()
    assert ranking.table["total_change"].isna().all()


def test_district_ranking_2022(seeded_db):
    table = unit_ranking("binh-phuoc", "district", 2022).table
    assert len(table) == 11
    assert (table.iloc[0]["unit_name_vi"], table.iloc[0]["total"], table.iloc[0]["group"]) == (
        "UBND thành phố Đồng Xoài",
        524.47,
        "Khá",
    )
    assert (table.iloc[-1]["unit_name_vi"], table.iloc[-1]["total"]) == ("UBND huyện Lộc Ninh", 352.93)
    assert dict(zip(table["unit_code"], table["group"], strict=True)) == published_groups("district")


def test_each_group_carries_its_framework_code(seeded_db):
    """Colours key on the code, so every named group of a ranking must resolve to one, from the
    framework's own thresholds file."""
    with (META_DIR / "group_thresholds.csv").open(encoding="utf-8", newline="") as handle:
        codes = {(row["level"], row["name_vi"]): row["group_code"] for row in csv.DictReader(handle)}
    for level in ("department", "district"):
        table = unit_ranking("binh-phuoc", level, 2022).table
        assert table["group_code"].tolist() == [codes[(level, group)] for group in table["group"]]


def test_a_year_or_province_without_results_gives_an_empty_ranking(seeded_db):
    assert unit_ranking("binh-phuoc", "department", 2021).table.empty
    earliest = unit_ranking("binh-phuoc", "district", 2020)
    assert earliest.table.empty
    assert earliest.previous_year is None
    assert unit_ranking("da-nang", "department", 2022).table.empty


def test_only_sub_unit_levels_have_a_unit_ranking(seeded_db):
    with pytest.raises(ValueError, match="province"):
        unit_ranking("binh-phuoc", "province", 2022)
