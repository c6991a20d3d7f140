"""A caveat follows its figure: the source's 33,05 % / 35,05 % discrepancy and the inferred pillar
attributions, read from the seed CSVs, appear on the province's unit page data, its pillar file and
the slides that show the same pillar figures (the overview and `/pillars` already show them)."""

from __future__ import annotations

import csv

from components.slides import radar_slide, weakest_slide
from components.units import pillar_export
from data_access.caveats import pillar_caveats
from data_access.deck import build_deck
from data_access.settings import SEED_DIR
from data_access.units import unit_summary

YEAR = 2022


def seed_rows(name: str) -> list[dict[str, str]]:
    with (SEED_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def focus() -> str:
    return next(r["parent_code"] for r in seed_rows("units.csv") if r["kind"] == "department")


def discrepant() -> dict[str, tuple[float, float, float]]:
    """Pillar → (printed share, points, maximum) where the source's printed index contradicts its points."""
    printed = {
        r["pillar"]: float(r["value"])
        for r in seed_rows("pillar_indices.csv")
        if r["unit_code"] == focus() and r["year"] == str(YEAR) and "SOURCE DISCREPANCY" in r["note"]
    }
    points = {
        r["pillar_code"]: (float(r["points"]), float(r["max_points"]))
        for r in seed_rows("scores.csv")
        if r["unit_code"] == focus() and r["year"] == str(YEAR)
    }
    return {code: (share, *points[code]) for code, share in printed.items()}


def inferred() -> set[str]:
    return {
        r["pillar_code"]
        for r in seed_rows("scores.csv")
        if r["unit_code"] == focus() and r["year"] == str(YEAR) and r["note"].startswith("mapping inferred")
    }


def percent(share: float) -> str:
    return f"{share * 100:.2f}".replace(".", ",") + "%"


def test_the_provinces_caveats_are_read_as_the_seed_states_them(seeded_db):
    caveats = pillar_caveats(focus(), YEAR, "province")
    expected = discrepant()
    assert expected and set(caveats.discrepancies["pillar_code"]) == set(expected)
    for row in caveats.discrepancies.itertuples():
        printed, points, maximum = expected[row.pillar_code]
        assert (row.printed_share, row.points, row.max_points) == (printed, points, maximum)
    assert inferred() and caveats.inferred_codes == inferred()


def test_the_unit_pages_pillar_file_carries_each_caveat_on_its_row(seeded_db):
    summary = unit_summary(focus(), YEAR)
    frame = pillar_export(
        summary.pillars,
        lang="vi",
        year=YEAR,
        unit_name="x",
        titles={},
        caveats=pillar_caveats(focus(), YEAR, "province"),
    )
    notes = dict(zip(summary.pillars["pillar_code"], frame["Lưu ý về số liệu"], strict=True))
    for code, (printed, points, maximum) in discrepant().items():
        assert percent(printed) in notes[code] and percent(points / maximum) in notes[code]
    for code in inferred():
        assert "không ghi tên chỉ số" in notes[code]
    assert all(notes[code] == "" for code in set(notes) - inferred() - set(discrepant()))


def test_the_slides_with_the_pillar_figures_say_the_same(seeded_db):
    deck = build_deck(focus(), YEAR)
    radar = radar_slide(deck, theme="light", lang="vi", titles={})
    said = " ".join(radar.bullets)
    for printed, points, maximum in discrepant().values():
        assert percent(printed) in said and percent(points / maximum) in said
    flagged = {row[0] for row in radar.table.rows if row[0].endswith("*")}
    assert len(flagged) == len(inferred())
    assert "không ghi tên chỉ số" in said

    weakest = weakest_slide(deck, theme="light", lang="vi", titles={})
    shown = {fact.label for fact in weakest.facts[1:]}
    lost = deck.losses.head(len(weakest.facts) - 1)
    for row in lost.itertuples():
        assert (row.pillar_name_vi + "*" in shown) == (row.pillar_code in inferred())
    assert any("không ghi tên chỉ số" in b for b in weakest.bullets) == bool(set(lost["pillar_code"]) & inferred())
