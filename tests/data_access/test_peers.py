"""Regions and peers from the seed, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import csv

from sqlalchemy import delete

from data_access import db
from data_access.models import RegionMember
from data_access.peers import peer_table, presets, province_histories, regions
from seed.checks import check_regions
from seed.loader import META_DIR, load_seed
from tests.conftest import SEED_DIR

FOCUS = "binh-phuoc"


def _rows(folder, name: str) -> list[dict[str, str]]:
    with open(folder / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_province_sits_in_one_of_six_regions(seeded_db):
    table = regions()
    provinces = {u["unit_code"] for u in _rows(SEED_DIR, "units.csv") if u["kind"] == "province"}
    assert sorted(table["unit_code"]) == sorted(provinces)
    assert table["region_code"].nunique() == 6
    assert table["source"].str.contains("81/2023/QH15").all()


def test_the_presets_are_the_focus_region_and_the_national_top_five(seeded_db):
    seeded = _rows(META_DIR, "regions.csv")
    own = next(r["region_code"] for r in seeded if r["unit_code"] == FOCUS)
    region, top = presets(FOCUS, 2022)
    assert region.name_vi == "Đông Nam Bộ"
    assert sorted(region.codes) == sorted(r["unit_code"] for r in seeded if r["region_code"] == own)
    ranking = _rows(SEED_DIR, "national_ranking_2022.csv")
    assert sorted(top.codes) == sorted(r["unit_code"] for r in ranking if int(r["rank"]) <= 5)


def test_the_peers_table_reads_the_published_ranks_and_the_change(seeded_db):
    ranking = {r["unit_code"]: int(r["rank"]) for r in _rows(SEED_DIR, "national_ranking_2022.csv")}
    table = peer_table(2022, [FOCUS, "binh-duong", "da-nang"]).set_index("unit_code")
    assert table["rank"].to_dict() == {code: ranking[code] for code in table.index}
    assert list(table.index) == sorted(table.index, key=ranking.get), "best first"
    totals = {r["year"]: int(r["published_rank"]) for r in _rows(SEED_DIR, "totals.csv") if r["unit_code"] == FOCUS}
    assert table.loc[FOCUS, "previous_rank"] == totals["2021"]
    assert table.loc[FOCUS, "rank_change"] == totals["2021"] - ranking[FOCUS]
    assert table.loc[FOCUS, "region_name_vi"] == "Đông Nam Bộ"
    assert bool(table.loc["da-nang", "has_pillars"]) and not bool(table.loc["binh-duong", "has_pillars"])


def test_histories_hold_provinces_ranked_once(seeded_db):
    history = province_histories()
    assert history["unit_code"].nunique() == 63
    focus = history[history["unit_code"] == FOCUS]
    assert focus["year"].tolist() == [2020, 2021, 2022]
    assert focus["rank"].tolist() == [25, 9, 12]


def test_a_database_loaded_before_regions_gets_them_once(seeded_db):
    with db.session_scope(seeded_db) as session:
        session.execute(delete(RegionMember))
    before = db.data_version(seeded_db)
    report = load_seed(seeded_db)
    assert (report.loaded, report.counts) == (False, {"regions.csv": 63})
    assert db.data_version(seeded_db) > before, "cached pages see the regions at once"
    assert len(regions()) == 63
    assert load_seed(seeded_db).counts == {}, "once"


def test_the_seed_refuses_a_province_in_two_regions_or_in_none():
    data = {"units.csv": _rows(SEED_DIR, "units.csv"), "regions.csv": _rows(META_DIR, "regions.csv")}
    assert check_regions(data) == []
    first, *rest = data["regions.csv"]
    doubled = {**data, "regions.csv": [first, {**first, "region_code": "southeast"}, *rest]}
    assert [p.reason for p in check_regions(doubled)] == [f"tỉnh '{first['unit_code']}' thuộc hai vùng"]
    missing = {**data, "regions.csv": rest}
    assert [p.reason for p in check_regions(missing)] == [f"tỉnh '{first['unit_code']}' chưa thuộc vùng nào"]
