"""What the IOC overview is built from, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from data_access import db, queries
from data_access.overview import UnknownSelection, build_overview
from seed.synthetic import PILLARS, Shape, generate
from tests.conftest import sqlite_url, use_database


def test_years_and_the_province_in_focus_come_from_the_data(seeded_db):
    assert queries.available_years() == [2020, 2021, 2022]
    assert queries.focus_unit_code() == "binh-phuoc"


def test_the_province_in_focus_can_be_pinned(seeded_db, monkeypatch):
    monkeypatch.setenv("DTI_FOCUS_UNIT", "da-nang")
    assert queries.focus_unit_code() == "da-nang"


def test_latest_year_overview_of_binh_phuoc(seeded_db):
    overview = build_overview("binh-phuoc")
    assert overview.year == 2022
    assert overview.index_value == 0.6385
    assert (overview.rank, overview.rank_of) == (12, 63)
    assert overview.previous_year == 2021
    assert (overview.change.previous_rank, overview.change.current_rank, overview.change.rank_places) == (9, 12, -3)
    assert overview.pillars["pillar_code"].tolist()[:2] == ["awareness", "institutions"]
    assert len(overview.pillars) == 8
    assert overview.weakest["pillar_code"].tolist() == ["digital_society", "digital_economy", "digital_government"]
    assert overview.weakest["lost"].tolist() == pytest.approx([97.42, 71.67, 53.75])


def test_comparison_is_the_five_leading_provinces_and_the_leader(seeded_db):
    overview = build_overview("binh-phuoc", 2022)
    assert overview.leading_names[0] == "TP. Đà Nẵng"
    assert len(overview.leading_names) == 5
    average = overview.comparison["leading_average"].set_index("pillar_code")
    # Published Nhận thức số values of Đà Nẵng, TP.HCM, Quảng Ninh, Thừa Thiên - Huế, Cần Thơ.
    assert average.loc["awareness", "share"] == pytest.approx((1.0 + 0.8917 + 0.9581 + 0.95 + 0.9) / 5, abs=1e-4)
    leader = overview.comparison["leader"].set_index("pillar_code")
    assert leader.loc["awareness", "share"] == pytest.approx(1.0)


def test_rank_history_runs_2020_to_2022(seeded_db):
    history = build_overview("binh-phuoc").rank_history
    assert history["year"].tolist() == [2020, 2021, 2022]
    assert history["rank"].tolist() == [25, 9, 12]


def test_a_year_with_only_a_rank_has_no_pillars_but_a_change(seeded_db):
    overview = build_overview("binh-phuoc", 2021)
    assert overview.pillars.empty
    assert overview.index_value is None
    assert overview.change.rank_places == 16


def test_unknown_year_or_unit_is_an_explained_refusal(seeded_db):
    with pytest.raises(UnknownSelection):
        build_overview("binh-phuoc", 1999)
    with pytest.raises(UnknownSelection):
        build_overview("khong-co")


@pytest.fixture(scope="module")
def measured_only_pillar_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Provinces scored on a framework with a pillar measured but worth 0 points and not counted in the
    total, as 2022's "Đô thị thông minh" is (shared/data/frameworks.csv), loaded through the import."""
    url = sqlite_url(tmp_path_factory.mktemp("measured-only"))
    generate(Shape(provinces=3, years=1, detailed=1, departments=2, districts=2), db.engine_for(url))
    return url


def test_a_pillar_worth_no_points_is_not_on_the_radar_nor_in_the_table(measured_only_pillar_url, monkeypatch):
    """A pillar with a maximum of 0 has no share of its maximum: the page showed it as "0/0 —" and as a
    radar axis without a point, beside the pillars that make the DTI (which /pillars already leaves out)."""
    use_database(monkeypatch, measured_only_pillar_url)
    overview = build_overview(queries.focus_unit_code())
    counted = [code for code, _name, points in PILLARS["province"] if points]
    assert overview.pillars["pillar_code"].tolist() == counted
    assert overview.pillars["share"].notna().all()
