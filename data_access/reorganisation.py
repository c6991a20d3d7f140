"""The reorganisations on file and what pages read of them: where an ended unit went, the focus's
successor in a year, and a successor's history across its merger.

A successor's figures for the years before its first ranked year are computed here on demand
(`domain.reorganisation.average_of_predecessors`), never written to the database, and carry the
predecessors they were computed from so every page and export can say "tính từ …".
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import aliased

from data_access import queries
from data_access.cache import versioned
from data_access.models import PublishedIndex, Reorganisation, Unit
from data_access.scoring import round_half_up
from domain.reorganisation import Reorganisation as Row
from domain.reorganisation import average_of_predecessors, predecessors_of, successor_in
from domain.vocabulary import COMMUNE, PROVINCE

# The DTI index is printed to 4 decimals; a computed average is shown on the same scale.
INDEX_DECIMALS = 4
# The key of the total among a unit's figures (its main indices are keyed by their codes).
DTI = "dti"

PREDECESSOR, SUCCESSOR = "predecessor", "successor"
HISTORY_COLUMNS = [
    "unit_code",
    "role",
    "unit_name_vi",
    "unit_name_en",
    "year",
    "value",
    "rank",
    "rank_of",
    "computed",
    "source",
]


@versioned
def reorganisation_frame() -> pd.DataFrame:
    """Every row of the mapping with both units' codes and names, in the file's order."""
    predecessor, successor = aliased(Unit), aliased(Unit)
    return queries.read_frame(
        select(
            Reorganisation.level,
            predecessor.code.label("predecessor"),
            predecessor.name_vi.label("predecessor_name_vi"),
            predecessor.name_en.label("predecessor_name_en"),
            successor.code.label("successor"),
            successor.name_vi.label("successor_name_vi"),
            successor.name_en.label("successor_name_en"),
            Reorganisation.successor_name_vi.label("successor_name_printed"),
            Reorganisation.effective_date,
            Reorganisation.first_ranked_year,
            Reorganisation.change,
            Reorganisation.source,
            Reorganisation.note,
        )
        .join(predecessor, Reorganisation.predecessor_id == predecessor.id)
        .join(successor, Reorganisation.successor_id == successor.id)
        .order_by(Reorganisation.sort_order, Reorganisation.id)
    )


def reorganisations(level: str | None = None) -> list[Row]:
    """The mapping as plain records (of one successor level when given)."""
    frame = reorganisation_frame()
    if level is not None:
        frame = frame[frame["level"] == level]
    return [
        Row(r.predecessor, r.successor, r.effective_date, int(r.first_ranked_year), r.change, r.level)
        for r in frame.itertuples()
    ]


def names() -> dict[str, tuple[str, str]]:
    """Code → (Vietnamese, English) name of every unit the mapping names."""
    frame = reorganisation_frame()
    found = {r.predecessor: (r.predecessor_name_vi, r.predecessor_name_en) for r in frame.itertuples()}
    found |= {r.successor: (r.successor_name_vi, r.successor_name_en) for r in frame.itertuples()}
    return found


def ended_unit(code: str) -> dict | None:
    """Where a unit merged into another code went: successor code and names, date, first ranked year,
    source; None for a unit that did not end, or that was divided among several units (a district
    whose area went to several communes has no one successor to name)."""
    frame = reorganisation_frame()
    rows = frame[(frame["predecessor"] == code) & (frame["successor"] != code)]
    if rows.empty or rows["successor"].nunique() > 1:
        return None
    row = rows.iloc[0]
    return {
        "successor": row["successor"],
        "successor_name_vi": row["successor_name_vi"],
        "successor_name_en": row["successor_name_en"],
        "effective_date": row["effective_date"],
        "first_ranked_year": int(row["first_ranked_year"]),
        "last_ranked_year": int(row["first_ranked_year"]) - 1,
        "source": row["source"],
    }


DIVIDED_COLUMNS = ["successor", "successor_name_vi", "successor_name_en", "effective_date", "first_ranked_year"]


def divided_into(code: str) -> pd.DataFrame:
    """The communes, wards and special zones the mapping's commune-level rows say a district's area
    went to, each once, in the mapping's order (columns `DIVIDED_COLUMNS`): what its page names as
    its successors. Empty when the mapping names none for it."""
    frame = reorganisation_frame()
    rows = frame[(frame["predecessor"] == code) & (frame["level"] == COMMUNE) & (frame["successor"] != code)]
    return rows.drop_duplicates("successor")[DIVIDED_COLUMNS].reset_index(drop=True)


def successor_for(code: str, year: int) -> str | None:
    """The unit `code` is ranked as in `year` when that is another code (Bình Phước → Đồng Nai from
    DTI 2024); None when it is still ranked as itself."""
    moved = successor_in(code, year, reorganisations())
    return moved.successor if moved else None


def predecessors(code: str) -> list[str]:
    """The units merged into `code` (itself first when it kept its code); empty when nothing merged in."""
    return [row.predecessor for row in predecessors_of(code, reorganisations())]


def merger_first_ranked(year: int) -> bool:
    """Is `year` the first ranking of a merger of provinces (DTI 2024 for the 2025 merger)?"""
    return any(row.ends_predecessor and row.first_ranked_year == year for row in reorganisations(PROVINCE))


def ended_first_year(code: str) -> int:
    """The first ranked year of the merger into `code` (0 when nothing merged into it)."""
    rows = predecessors_of(code, reorganisations())
    return min((row.first_ranked_year for row in rows), default=0)


def _index_values() -> dict[tuple[str, int], dict[str, float]]:
    """(unit, year) → its published DTI index and main-index values, from the national results and the
    published indices."""
    values: dict[tuple[str, int], dict[str, float]] = {}
    results = queries.published_results(PROVINCE)
    for r in results[results["unit_kind"] == PROVINCE].itertuples():
        if pd.notna(r.total) and pd.notna(r.max_total) and r.max_total:
            values.setdefault((r.unit_code, int(r.year)), {})[DTI] = float(r.total) / float(r.max_total)
    indices = queries.read_frame(
        select(Unit.code.label("unit_code"), PublishedIndex.year, PublishedIndex.index_code, PublishedIndex.value).join(
            Unit, PublishedIndex.unit_id == Unit.id
        )
    )
    for r in indices.itertuples():
        values.setdefault((r.unit_code, int(r.year)), {})[r.index_code] = float(r.value)
    return values


@versioned
def computed_figures(code: str) -> pd.DataFrame:
    """The successor's figures for each year before its first ranked year in which every predecessor
    has them: the mean of the predecessors' values (the published rule for a merged province), each
    row marked computed with the predecessors it comes from. Empty when `code` merged nothing in.

    Columns: year, index_code (`dti` for the total), value, computed_from (codes, ;-joined).
    """
    rows = predecessors_of(code, reorganisations())
    columns = ["year", "index_code", "value", "computed_from"]
    if not rows:
        return pd.DataFrame(columns=columns)
    codes = [row.predecessor for row in rows]
    first = min(row.first_ranked_year for row in rows)
    values = _index_values()
    years = sorted({year for (unit, year) in values if unit in codes and year < first})
    found = []
    for year in years:
        average = average_of_predecessors({c: values.get((c, year), {}) for c in codes}, codes)
        found += [
            {
                "year": year,
                "index_code": key,
                "value": round_half_up(value, INDEX_DECIMALS),
                "computed_from": ";".join(codes),
            }
            for key, value in average.items()
        ]
    return pd.DataFrame(found, columns=columns)


@versioned
def merger_history(code: str) -> pd.DataFrame:
    """The lines of a history that crosses the merger into `code`: each predecessor's published DTI
    index up to its last ranked year, the successor's computed index for those years (where every
    predecessor has one) and its published index from its first ranked year. Empty when `code`
    merged nothing in. Columns: HISTORY_COLUMNS; a line is a (unit_code, role) pair, the role
    `predecessor` or `successor` (a successor keeping its code is both); computed rows have
    `computed` True and no rank.
    """
    rows = predecessors_of(code, reorganisations())
    if not rows:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    first = min(row.first_ranked_year for row in rows)
    codes = [row.predecessor for row in rows]
    results = queries.published_results(PROVINCE)
    results = results[results["unit_kind"] == PROVINCE]
    found = []
    for r in results.itertuples():
        year = int(r.year)
        own_line = r.unit_code == code and year >= first
        if not own_line and not (r.unit_code in codes and year < first):
            continue
        value = float(r.total) / float(r.max_total) if pd.notna(r.total) and r.max_total else None
        found.append(
            {
                "unit_code": r.unit_code,
                "role": SUCCESSOR if own_line else PREDECESSOR,
                "unit_name_vi": r.unit_name_vi,
                "unit_name_en": r.unit_name_en,
                "year": year,
                "value": None if value is None else round_half_up(value, INDEX_DECIMALS),
                "rank": None if pd.isna(r.rank) else int(r.rank),
                "rank_of": int(r.rank_of) if r.rank_of else None,
                "computed": False,
                "source": r.source,
            }
        )
    computed = computed_figures(code)
    successor_names = names().get(code, (code, code))
    for r in computed[computed["index_code"] == DTI].itertuples():
        found.append(
            {
                "unit_code": code,
                "role": SUCCESSOR,
                "unit_name_vi": successor_names[0],
                "unit_name_en": successor_names[1],
                "year": int(r.year),
                "value": float(r.value),
                "rank": None,
                "rank_of": None,
                "computed": True,
                "source": "",
            }
        )
    frame = pd.DataFrame(found, columns=HISTORY_COLUMNS)
    frame["rank"] = frame["rank"].astype("Int64")
    frame["rank_of"] = frame["rank_of"].astype("Int64")
    frame["value"] = frame["value"].astype(float)
    order = {c: i for i, c in enumerate(codes)}
    frame["order"] = [
        len(codes) if role == SUCCESSOR else order[c] for c, role in zip(frame["unit_code"], frame["role"], strict=True)
    ]
    return frame.sort_values(["order", "year"]).drop(columns="order").reset_index(drop=True)
