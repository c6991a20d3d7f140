"""Provinces to compare with: the regions as data, the presets, and the chosen peers' figures.

Regions come from `region_members` (seeded from seed/meta/regions.csv with their source): the six
socio-economic regions of the 63 pre-2025 provinces. Peers are any provinces; the presets are the
focus's region and the national top five of the year.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select

from data_access import queries
from data_access.cache import versioned
from data_access.models import RegionMember, Unit
from data_access.rankings import national_ranking
from data_access.scoring import worth_points
from domain.vocabulary import PROVINCE

TOP = 5


@dataclass(frozen=True)
class Preset:
    """A named group of provinces the picker offers in one click."""

    key: str
    name_vi: str
    name_en: str
    codes: tuple[str, ...]
    source: str = ""


@versioned
def regions() -> pd.DataFrame:
    """Every province's region: region_code, region_name_vi, region_name_en, sort_order, unit_code,
    unit_name_vi, unit_name_en, source, note; regions in their order, provinces by name."""
    return queries.read_frame(
        select(
            RegionMember.region_code,
            RegionMember.region_name_vi,
            RegionMember.region_name_en,
            RegionMember.sort_order,
            Unit.code.label("unit_code"),
            Unit.name_vi.label("unit_name_vi"),
            Unit.name_en.label("unit_name_en"),
            RegionMember.source,
            RegionMember.note,
        )
        .join(Unit, RegionMember.unit_id == Unit.id)
        .order_by(RegionMember.sort_order, Unit.name_vi)
    )


def region_preset(unit_code: str) -> Preset | None:
    """The unit's region with its members (the unit included), None when no region holds it."""
    table = regions()
    own = table[table["unit_code"] == unit_code]
    if own.empty:
        return None
    region = own.iloc[0]
    members = table[table["region_code"] == region["region_code"]]
    return Preset(
        key="region",
        name_vi=region["region_name_vi"],
        name_en=region["region_name_en"] or region["region_name_vi"],
        codes=tuple(members["unit_code"]),
        source=region["source"],
    )


def top_preset(year: int, n: int = TOP) -> Preset | None:
    """The provinces ranked in the top `n` of the year (ties included); None without a ranking, or when
    the year's table holds none of them (a year whose data has the focus's rank only)."""
    ranking = national_ranking(year)
    top = ranking[ranking["rank"] <= n]
    if top.empty:
        return None
    return Preset(key="top", name_vi=f"Top {n}", name_en=f"Top {n}", codes=tuple(top["unit_code"]))


def presets(focus: str, year: int) -> list[Preset]:
    """The picker's one-click groups for the focus and year, those the data can give."""
    return [p for p in (region_preset(focus), top_preset(year)) if p is not None]


@versioned
def province_histories() -> pd.DataFrame:
    """Every province's published national rank in every year it has one (single years included:
    a peer ranked once is still a point on the bump chart): unit_code, the unit's names, year, rank,
    rank_of, source."""
    results = queries.published_results(PROVINCE)
    ranked = results[(results["unit_kind"] == PROVINCE) & results["rank"].notna()].copy()
    for column in ("year", "rank", "rank_of"):
        ranked[column] = ranked[column].astype(int)
    columns = ["unit_code", "unit_name_vi", "unit_name_en", "year", "rank", "rank_of", "source"]
    return ranked.sort_values(["unit_code", "year"])[columns].reset_index(drop=True)


def peer_table(year: int, codes: list[str]) -> pd.DataFrame:
    """The chosen provinces in the year, best first: rank, field, DTI index, the rank the year
    before and its change (> 0: climbed), their region, and whether their main indices are stored.

    Columns: unit_code, unit_name_vi, unit_name_en, rank, rank_of, index_value, previous_rank,
    rank_change, region_name_vi, region_name_en, has_pillars, source.
    """
    ranking = national_ranking(year)
    chosen = ranking[ranking["unit_code"].isin(codes)].copy()
    histories = province_histories()
    earlier = histories[(histories["year"] < year) & histories["unit_code"].isin(codes)]
    previous = earlier.sort_values("year").drop_duplicates("unit_code", keep="last")
    chosen = chosen.merge(
        previous[["unit_code", "rank"]].rename(columns={"rank": "previous_rank"}), on="unit_code", how="left"
    )
    chosen["previous_rank"] = chosen["previous_rank"].astype("Int64")
    chosen["rank_change"] = (chosen["previous_rank"] - chosen["rank"]).astype("Int64")
    region = regions()[["unit_code", "region_name_vi", "region_name_en"]]
    chosen = chosen.merge(region, on="unit_code", how="left")
    scored = set(queries.pillar_scores(year, PROVINCE)["unit_code"])
    chosen["has_pillars"] = chosen["unit_code"].isin(scored)
    columns = [
        "unit_code",
        "unit_name_vi",
        "unit_name_en",
        "rank",
        "rank_of",
        "index_value",
        "previous_rank",
        "rank_change",
        "region_name_vi",
        "region_name_en",
        "has_pillars",
        "source",
    ]
    return chosen.sort_values(["rank", "unit_name_vi"])[columns].reset_index(drop=True)


def peer_pillars(year: int, codes: list[str]) -> pd.DataFrame:
    """The counted main indices of the chosen provinces that have them stored, with `share` (0..1)."""
    scores = queries.pillar_scores(year, PROVINCE)
    scores = scores[scores["unit_code"].isin(codes) & worth_points(scores)]
    return scores.assign(share=scores["points"] / scores["max_points"]).reset_index(drop=True)
