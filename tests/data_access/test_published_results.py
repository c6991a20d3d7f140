"""The published tables, reproduced from the stored pillar scores on every supported database.

Nothing here is a fixture of expected results: totals, ranks and groups are computed by the
app's scoring from the points and compared with the figures printed in the sources.
"""

from __future__ import annotations

import pytest

from data_access import queries
from data_access.scoring import rank_table, rank_with_ties, reconcile, round_half_up, unit_totals


def _reconciled(level: str):
    computed = rank_table(queries.pillar_scores(2022, level), queries.group_thresholds(2022, level))
    published = queries.published_results(level, year=2022)[
        ["unit_code", "total", "rank", "group_name", "median_method"]
    ]
    return reconcile(computed, published.rename(columns={"group_name": "group"}))


@pytest.mark.parametrize(("level", "units"), [("department", 24), ("district", 11)])
def test_every_published_total_rank_and_group_is_reproduced(seeded_db, level, units):
    result = _reconciled(level)
    assert len(result) == units
    disagreements = result[result["reason"] != ""]
    assert disagreements.empty, disagreements[["unit_code", "total_diff", "rank_computed", "rank_published"]]
    assert (result["total_diff"].abs() <= 0.02).all()


def test_department_table_ends_as_printed(seeded_db):
    result = _reconciled("department").sort_values("rank_computed")
    first, last = result.iloc[0], result.iloc[-1]
    assert (first["unit_code"], first["total_published"], first["group_computed"]) == (
        "binh-phuoc-so-tttt",
        558.41,
        "Tốt",
    )
    assert (last["unit_code"], last["total_published"], last["group_computed"]) == (
        "binh-phuoc-cuc-thong-ke",
        306.45,
        "Trung bình",
    )
    assert last["median_method"], "Cục Thống kê is printed 306.45* (median method)"


def test_district_table_ends_as_printed(seeded_db):
    result = _reconciled("district").sort_values("rank_computed")
    assert result.iloc[0]["unit_code"] == "binh-phuoc-dong-xoai"
    assert result.iloc[0]["total_computed"] == pytest.approx(524.47)
    assert result.iloc[-1]["unit_code"] == "binh-phuoc-loc-ninh"
    assert result.iloc[-1]["total_computed"] == pytest.approx(352.93)


def test_median_method_units_are_flagged_and_still_reconcile(seeded_db):
    result = _reconciled("department")
    flagged = set(result.loc[result["median_method"], "unit_code"])
    assert flagged == {
        "binh-phuoc-vp-ubnd",
        "binh-phuoc-thanh-tra",
        "binh-phuoc-ban-dan-toc",
        "binh-phuoc-ttxt-dttmdl",
        "binh-phuoc-cuc-thong-ke",
    }


def test_binh_phuoc_dti_is_the_published_0_6385(seeded_db):
    scores = queries.pillar_scores(2022, "province")
    totals = unit_totals(scores).set_index("unit_code")
    assert totals.loc["binh-phuoc", "total"] == pytest.approx(638.45)
    index = round_half_up(totals.loc["binh-phuoc", "total"] / totals.loc["binh-phuoc", "max_total"], 4)
    published = queries.published_results("province", unit_code="binh-phuoc", year=2022).iloc[0]
    assert index == published["total"] == 0.6385


def test_leading_provinces_pdti_and_order_are_reproduced(seeded_db):
    totals = unit_totals(queries.pillar_scores(2022, "province")).set_index("unit_code")
    published = queries.published_results("province", year=2022)
    leaders = published[published["rank"] <= 5].set_index("unit_code")
    assert sorted(leaders.index) == ["can-tho", "da-nang", "ho-chi-minh", "quang-ninh", "thua-thien-hue"]
    for code, row in leaders.iterrows():
        computed = totals.loc[code, "total"] / totals.loc[code, "max_total"]
        # Points were derived from 4-decimal published values, so allow half a unit of the 4th decimal.
        assert abs(computed - row["total"]) <= 0.0005, code
    computed_ranks = rank_with_ties([totals.loc[c, "total"] for c in leaders.index])
    assert computed_ranks == leaders["rank"].astype(int).tolist()


def test_national_ranking_shares_rank_15_then_skips_to_17(seeded_db):
    ranking = queries.published_results("province", year=2022)
    ranking = ranking[ranking["unit_kind"] == "province"]
    assert len(ranking) == 63
    tied = ranking[ranking["rank"] == 15]["unit_name_vi"].tolist()
    assert sorted(tied) == ["Thanh Hóa", "Yên Bái"]
    assert 16 not in ranking["rank"].tolist()
    assert 17 in ranking["rank"].tolist()
    ranks = ranking["rank"].astype(int).tolist()
    assert rank_with_ties([-r for r in ranks]) == ranks
    assert set(ranking["rank_of"]) == {63}
