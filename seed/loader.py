"""Load the published figures of `seed/data` (and their metadata in `seed/meta`) into the database.

All files are read and checked first; the database is written in one transaction only when
every check passes, so it never holds half a seed.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from data_access import db
from data_access.models import (
    Framework,
    GroupThreshold,
    Indicator,
    IndicatorScore,
    Observation,
    Pillar,
    PillarScore,
    Plan,
    PublishedIndex,
    PublishedResult,
    RegionMember,
    Reorganisation,
    Responsibility,
    Source,
    Target,
    Unit,
)
from data_access.settings import SEED_DIR
from seed.checks import Problem, check_all

META_DIR = Path(__file__).resolve().parent / "meta"
DATA_FILES = (
    "frameworks.csv",
    "units.csv",
    "scores.csv",
    "totals.csv",
    "pillar_indices.csv",
    "national_ranking_2022.csv",
    "targets.csv",
    "indicator_observations.csv",
    "subindicator_points_2022.csv",
    "reorganisation_2025.csv",
)
META_FILES = ("group_thresholds.csv", "sources.csv", "regions.csv", "responsibilities.csv")


class SeedRefused(ValueError):
    """The seed files hold figures that do not add up; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("Dữ liệu gốc bị từ chối:\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass
class SeedFiles:
    data: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    headers: dict[str, list[str] | None] = field(default_factory=dict)
    dataset: dict = field(default_factory=dict)


def read_seed(data_dir: Path = SEED_DIR, meta_dir: Path = META_DIR) -> SeedFiles:
    files = SeedFiles()
    for name, folder in [(n, data_dir) for n in DATA_FILES] + [(n, meta_dir) for n in META_FILES]:
        with open(folder / name, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            files.data[name] = list(reader)
            files.headers[name] = reader.fieldnames
    files.dataset = json.loads((meta_dir / "dataset.json").read_text(encoding="utf-8"))
    return files


def _number(value: str) -> float | None:
    return float(value) if value else None


def _integer(value: str) -> int | None:
    return int(value) if value else None


def _write(session: Session, files: SeedFiles) -> dict[str, int]:
    data, dataset = files.data, files.dataset
    for s in data["sources.csv"]:
        session.add(
            Source(
                code=s["code"],
                title_vi=s["title_vi"],
                title_en=s["title_en"],
                issuer=s["issuer"],
                number=s["number"],
                issued=s["issued"],
                url=s["url"],
            )
        )

    units: dict[str, Unit] = {}
    for u in data["units.csv"]:
        units[u["unit_code"]] = Unit(
            code=u["unit_code"],
            name_vi=u["name_vi"],
            name_en=u["name_en"],
            kind=u["kind"],
            source=u["source"],
            note=u["note"],
        )
    session.add_all(units.values())
    session.flush()
    for u in data["units.csv"]:
        if u["parent_code"]:
            units[u["unit_code"]].parent_id = units[u["parent_code"]].id

    frameworks: dict[tuple[str, str], Framework] = {}
    pillars: dict[tuple[str, str, str], Pillar] = {}
    for f in data["frameworks.csv"]:
        key = (f["framework_year"], f["level"])
        if key not in frameworks:
            frameworks[key] = Framework(year=int(key[0]), level=key[1])
            session.add(frameworks[key])
        pillar = Pillar(
            code=f["pillar_code"],
            name_vi=f["pillar_name_vi"],
            name_en=f["pillar_name_en"],
            pillar_group=f["pillar_group"],
            max_points=float(f["max_points"]),
            n_indicators=_integer(f["n_indicators"]),
            counts_in_total=f["counts_in_total"] == "true",
            sort_order=int(f["sort_order"]),
            source=f["source"],
            note=f["note"],
        )
        frameworks[key].pillars.append(pillar)
        pillars[(*key, f["pillar_code"])] = pillar
    for g in data["group_thresholds.csv"]:
        frameworks[(g["framework_year"], g["level"])].thresholds.append(
            GroupThreshold(
                group_code=g["group_code"],
                name_vi=g["name_vi"],
                name_en=g["name_en"],
                min_share=float(g["min_share"]),
                source=g["source"],
                note=g["note"],
            )
        )
    session.flush()

    for r in data["scores.csv"]:
        session.add(
            PillarScore(
                unit_id=units[r["unit_code"]].id,
                pillar_id=pillars[(r["year"], r["level"], r["pillar_code"])].id,
                points=float(r["points"]),
                source=r["source"],
                note=r["note"],
            )
        )

    published: dict[tuple[str, str, str], PublishedResult] = {}
    for t in data["totals.csv"]:
        published[(t["year"], t["level"], t["unit_code"])] = PublishedResult(
            year=int(t["year"]),
            level=t["level"],
            unit_id=units[t["unit_code"]].id,
            total=_number(t["published_total"]),
            max_total=_number(t["published_max"]),
            rank=_integer(t["published_rank"]),
            group_name=t["published_group"],
            median_method=t["median_method"] == "true",
            source=t["source"],
            note=t["note"],
        )
    ranking_year = int(dataset["national_ranking_year"])
    for r in data["national_ranking_2022.csv"]:
        key = (str(ranking_year), "province", r["unit_code"])
        if key not in published:
            published[key] = PublishedResult(
                year=ranking_year,
                level="province",
                unit_id=units[r["unit_code"]].id,
                rank=int(r["rank"]),
                source=r["source"],
                note=r["note"],
            )
    session.add_all(published.values())

    for r in data["pillar_indices.csv"]:
        session.add(
            PublishedIndex(
                year=int(r["year"]),
                unit_id=units[r["unit_code"]].id,
                index_code=r["pillar"],
                value=float(r["value"]),
                source=r["source"],
                note=r["note"],
            )
        )

    indicator_year, indicator_level = (
        str(dataset["indicator_framework"]["year"]),
        dataset["indicator_framework"]["level"],
    )
    indicator_unit = units[dataset["indicator_unit"]]
    for order, r in enumerate(data["subindicator_points_2022.csv"], 1):
        indicator = Indicator(
            pillar_id=pillars[(indicator_year, indicator_level, r["pillar_code"])].id,
            code=f"{r['pillar_code']}-{order:02d}",
            name_vi=r["task"],
            target_text=r["target_text"],
            max_points=_number(r["points_max"]),
            sort_order=order,
            source=r["source"],
            note=r["note"],
        )
        session.add(indicator)
        session.flush()
        if r["value_2022"] or r["points_2022"]:
            session.add(
                IndicatorScore(
                    unit_id=indicator_unit.id,
                    indicator_id=indicator.id,
                    value=_number(r["value_2022"]),
                    value_unit=r["value_unit"],
                    points=_number(r["points_2022"]),
                    source=r["source"],
                    note=r["note"],
                )
            )

    plan_meta = dataset["plan"]
    plan = Plan(
        code=plan_meta["code"],
        title_vi=plan_meta["title_vi"],
        year=plan_meta["year"],
        unit_id=units[plan_meta["unit"]].id,
        source=plan_meta["source"],
    )
    session.add(plan)
    session.flush()
    observation_unit = units[dataset["observation_unit"]]
    for order, r in enumerate(data["targets.csv"], 1):
        target = Target(
            plan_id=plan.id,
            code=r["target_code"],
            pillar_code=r["pillar"],
            name_vi=r["name_vi"],
            target_value=float(r["target_value"]),
            target_unit=r["target_unit"],
            comparator=r["comparator"],
            level_detail=r["level_detail"],
            due_year=plan.year,
            sort_order=order,
            source=r["source"],
            note=r["note"],
        )
        session.add(target)
        session.flush()
        if r["actual_value"]:
            session.add(
                Observation(
                    indicator_code=r["target_code"],
                    target_id=target.id,
                    unit_id=observation_unit.id,
                    name_vi=r["name_vi"],
                    pillar_code=r["pillar"],
                    period=r["as_of"],
                    value=float(r["actual_value"]),
                    value_unit=r["target_unit"],
                    numerator=_number(r["numerator"]),
                    denominator=_number(r["denominator"]),
                    source=r["source"],
                    note=r["note"],
                )
            )
    for r in data["indicator_observations.csv"]:
        session.add(
            Observation(
                indicator_code=r["indicator_code"],
                unit_id=observation_unit.id,
                name_vi=r["name_vi"],
                pillar_code=r["pillar"],
                period=r["period"],
                value=float(r["value"]),
                value_unit=r["unit"],
                numerator=_number(r["numerator"]),
                denominator=_number(r["denominator"]),
                source=r["source"],
                note=r["note"],
            )
        )
    _write_regions(session, data["regions.csv"], units)
    for order, r in enumerate(data["responsibilities.csv"], 1):
        session.add(
            Responsibility(
                plan_id=plan.id,
                pillar_code=r["pillar_code"],
                target_code=r["target_code"],
                unit_id=units[r["unit_code"]].id if r["unit_code"] else None,
                responsible_name=r["responsible_name"],
                duty=r["duty"],
                sort_order=order,
                source=r["source"],
                note=r["note"],
            )
        )
    _write_reorganisation(session, data["reorganisation_2025.csv"], units, dataset["reorganisation"])
    db.record_change(session, "Nạp dữ liệu gốc (seed)")
    return {name: len(rows) for name, rows in data.items()}


def _write_reorganisation(session: Session, rows: list[dict[str, str]], units: dict[str, Unit], meta: dict) -> None:
    """The 2025 merger as the reorganisation dataset stores it (its level and source from dataset.json),
    and each merged province's successor and last ranked year on the unit, as an import of it would."""
    session.flush()
    for order, r in enumerate(rows, 1):
        predecessor, successor = units[r["predecessor_code"]], units[r["successor_code"]]
        session.add(
            Reorganisation(
                level=meta["level"],
                predecessor_id=predecessor.id,
                successor_id=successor.id,
                successor_name_vi=r["successor_name_vi"],
                effective_date=r["effective_date"],
                first_ranked_year=int(r["first_ranked_year"]),
                change=r["change"],
                sort_order=order,
                source=meta["source"],
                note=r["note"],
            )
        )
        if predecessor is not successor:
            predecessor.successor_id = successor.id
            predecessor.valid_to = int(r["first_ranked_year"]) - 1


def _write_regions(session: Session, rows: list[dict[str, str]], units: dict[str, Unit]) -> None:
    for r in rows:
        session.add(
            RegionMember(
                region_code=r["region_code"],
                region_name_vi=r["region_name_vi"],
                region_name_en=r["region_name_en"],
                sort_order=int(r["sort_order"]),
                unit_id=units[r["unit_code"]].id,
                source=r["source"],
                note=r["note"],
            )
        )


def _top_up_regions(engine: Engine, files: SeedFiles) -> int:
    """A database loaded before regions were seeded gets them, once, as a versioned change."""
    with db.session_scope(engine) as session:
        if session.scalar(select(func.count()).select_from(RegionMember)):
            return 0
        units = {u.code: u for u in session.scalars(select(Unit).where(Unit.kind == "province"))}
        rows = [r for r in files.data["regions.csv"] if r["unit_code"] in units]
        if not rows:
            return 0
        _write_regions(session, rows, units)
        db.record_change(session, "Nạp danh sách vùng kinh tế - xã hội (seed)")
        return len(rows)


def _top_up_reorganisation(engine: Engine, files: SeedFiles) -> int:
    """A database loaded before the merger's mapping was seeded gets it, once, as a versioned change (and
    its merged provinces their successor and last ranked year), when every province it names is there."""
    with db.session_scope(engine) as session:
        if session.scalar(select(func.count()).select_from(Reorganisation)):
            return 0
        units = {u.code: u for u in session.scalars(select(Unit).where(Unit.kind == "province"))}
        rows = files.data["reorganisation_2025.csv"]
        if not rows or any(r["predecessor_code"] not in units for r in rows):
            return 0
        _write_reorganisation(session, rows, units, files.dataset["reorganisation"])
        db.record_change(session, "Nạp danh mục sắp xếp tỉnh 2025 (seed)")
        return len(rows)


@dataclass
class SeedReport:
    loaded: bool
    counts: dict[str, int]
    notices: list[str]


def load_seed(
    engine: Engine | None = None, *, reset: bool = False, data_dir: Path = SEED_DIR, meta_dir: Path = META_DIR
) -> SeedReport:
    """Check the seed files, then load them in one transaction.

    Idempotent: a database that already holds data is left alone unless `reset` rebuilds it.
    Raises `SeedRefused` (naming file, line, column and reason) and writes nothing when a
    figure does not add up.
    """
    engine = engine or db.get_engine()
    files = read_seed(data_dir, meta_dir)
    problems, notices = check_all(files.data, files.headers, files.dataset)
    if problems:
        raise SeedRefused(problems)
    if reset:
        db.drop_schema(engine)
    db.create_schema(engine)
    if not db.is_empty(engine):
        added = {"regions.csv": _top_up_regions(engine, files)}
        added["reorganisation_2025.csv"] = _top_up_reorganisation(engine, files)
        counts = {name: n for name, n in added.items() if n}
        return SeedReport(loaded=False, counts=counts, notices=notices)
    with db.session_scope(engine) as session:
        counts = _write(session, files)
    return SeedReport(loaded=True, counts=counts, notices=notices)
