"""The DTI domain as SQLAlchemy 2.x typed models.

The schema is deliberately portable: plain types only, so the same tables and queries run on
SQLite (the embedded default) and PostgreSQL. Every figure-bearing row keeps the citation it
was transcribed from (`source`) and any caveat (`note`) verbatim, so the app can always say
where a number came from.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from domain.vocabulary import INFERRED_MAPPING, SOURCE_DISCREPANCY  # noqa: F401  (read as `models.*`)


class Base(DeclarativeBase):
    pass


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Source(Base):
    """A source document (a report, a plan, a published ranking)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(200), unique=True)
    title_vi: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text, default="")
    issuer: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[str] = mapped_column(String(100), default="")
    issued: Mapped[str] = mapped_column(String(20), default="")
    url: Mapped[str] = mapped_column(Text, default="")


class Framework(Base):
    """The scoring method of one year and one level (the DTI method changes every year)."""

    __tablename__ = "frameworks"
    __table_args__ = (UniqueConstraint("year", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(20))
    pillars: Mapped[list[Pillar]] = relationship(back_populates="framework", cascade="all, delete-orphan")
    thresholds: Mapped[list[GroupThreshold]] = relationship(back_populates="framework", cascade="all, delete-orphan")


class GroupThreshold(Base):
    """Lower bound (share of the maximum) of a group such as Tốt / Khá / Trung bình."""

    __tablename__ = "group_thresholds"
    __table_args__ = (UniqueConstraint("framework_id", "group_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(ForeignKey("frameworks.id", ondelete="CASCADE"))
    group_code: Mapped[str] = mapped_column(String(30))
    name_vi: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    min_share: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    framework: Mapped[Framework] = relationship(back_populates="thresholds")


class Pillar(Base):
    """A main index (chỉ số chính) of a framework."""

    __tablename__ = "pillars"
    __table_args__ = (UniqueConstraint("framework_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(ForeignKey("frameworks.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(50))
    name_vi: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    pillar_group: Mapped[str] = mapped_column(String(20))
    max_points: Mapped[float] = mapped_column(Float)
    n_indicators: Mapped[int | None] = mapped_column(Integer, nullable=True)
    counts_in_total: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    framework: Mapped[Framework] = relationship(back_populates="pillars")


class Indicator(Base):
    """A sub-index (chỉ số thành phần) of a pillar, where the sources name it."""

    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("pillar_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pillar_id: Mapped[int] = mapped_column(ForeignKey("pillars.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(100))
    name_vi: Mapped[str] = mapped_column(Text)
    target_text: Mapped[str] = mapped_column(Text, default="")
    max_points: Mapped[float | None] = mapped_column(Float, nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Unit(Base):
    """Something that gets scored: a province, department, district (later communes)."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name_vi: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text, default="")
    # Indexed: a level's field (the provinces a rank is out of, each year) is counted by kind; without
    # it that is a scan of every unit of the country, communes included.
    kind: Mapped[str] = mapped_column(String(20), index=True)
    # Indexed: every page about one province asks for its departments or districts by parent, and
    # without the index that is a scan of every unit in the country (`migrations` adds it to older databases).
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    valid_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    valid_to: Mapped[int | None] = mapped_column(Integer, nullable=True)
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


REORGANISATION_KEY_NAME = "uq_reorganisations_move"


class Reorganisation(Base):
    """One unit's place in a reorganisation: the predecessor, the unit it belongs to from
    `effective_date` (itself when it kept its code or was unchanged), and the first year whose
    ranking names the successor rather than the predecessor.

    When a unit existed (until `effective_date`) and which year's ranking it belongs to are kept
    apart: DTI 2024 ranks the 34 provinces although the merger took effect on 2025-07-01, so a
    merged province's last ranked year (`Unit.valid_to`) is `first_ranked_year - 1`. `level` is the
    successor's level (province; commune for the district → commune changes).

    A predecessor has one row per successor and date: a province merges into one, but a district's
    area went to several communes in 2025, each its own row (`migrations` widens an older key).
    """

    __tablename__ = "reorganisations"
    __table_args__ = (
        UniqueConstraint("predecessor_id", "successor_id", "effective_date", name=REORGANISATION_KEY_NAME),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    level: Mapped[str] = mapped_column(String(20))
    predecessor_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    successor_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    successor_name_vi: Mapped[str] = mapped_column(Text, default="")
    effective_date: Mapped[str] = mapped_column(String(10))
    first_ranked_year: Mapped[int] = mapped_column(Integer)
    change: Mapped[str] = mapped_column(String(20))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class BoundarySet(Base):
    """The map boundaries of one province's units of one level (its communes, or its districts), as an
    admin imported them: the GeoJSON as uploaded (features keyed by `properties.unit_code`) and its
    licence/attribution text verbatim, which the map shows as its credit line. One set per
    (province, level): a new file replaces the old one."""

    __tablename__ = "boundary_sets"
    __table_args__ = (UniqueConstraint("parent_id", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    level: Mapped[str] = mapped_column(String(20))
    geojson: Mapped[str] = mapped_column(Text)
    attribution: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    features: Mapped[int] = mapped_column(Integer, default=0)
    imported_by: Mapped[str] = mapped_column(String(80), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class PillarScore(Base):
    """Points of one unit on one pillar of a framework."""

    __tablename__ = "pillar_scores"
    __table_args__ = (UniqueConstraint("unit_id", "pillar_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    # Indexed: a level's points of a year (every province's main indices) are found from the year's
    # pillars; the unique key leads with the unit, so without it that is a scan of every score stored.
    pillar_id: Mapped[int] = mapped_column(ForeignKey("pillars.id", ondelete="CASCADE"), index=True)
    points: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class IndicatorScore(Base):
    """A unit's value and points on one indicator."""

    __tablename__ = "indicator_scores"
    __table_args__ = (UniqueConstraint("unit_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    value_unit: Mapped[str] = mapped_column(String(50), default="")
    points: Mapped[float | None] = mapped_column(Float, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class PublishedResult(Base):
    """An official total, rank and group as printed, kept beside the computed ones.

    Keyed by year and level rather than by framework: a rank can be known for a year whose
    scoring method is not in the database (Bình Phước's 2020 and 2021 ranks).
    """

    __tablename__ = "published_results"
    __table_args__ = (UniqueConstraint("year", "level", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(20))
    # Indexed: one unit's results over the years (its history, its years) are looked up by unit; the
    # unique key leads with the year, so without it that is a scan of every result stored.
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    total: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_total: Mapped[float | None] = mapped_column(Float, nullable=True)
    rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    group_name: Mapped[str] = mapped_column(String(50), default="")
    median_method: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class PublishedIndex(Base):
    """A published index value on 0..1 (a main index or one of the three DTI trụ cột), with the
    national rank of the province on that index where the ministry prints one."""

    __tablename__ = "published_indices"
    __table_args__ = (UniqueConstraint("year", "unit_id", "index_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    index_code: Mapped[str] = mapped_column(String(50))
    value: Mapped[float] = mapped_column(Float)
    rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Plan(Base):
    """A plan with targets, e.g. Kế hoạch 57/KH-UBND for 2023."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    title_vi: Mapped[str] = mapped_column(Text)
    year: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")


class Target(Base):
    """One threshold of a plan; multi-part targets (cấp tỉnh / huyện / xã) are separate rows."""

    __tablename__ = "targets"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(100))
    pillar_code: Mapped[str] = mapped_column(String(50))
    name_vi: Mapped[str] = mapped_column(Text)
    target_value: Mapped[float] = mapped_column(Float)
    target_unit: Mapped[str] = mapped_column(String(20))
    comparator: Mapped[str] = mapped_column(String(2))
    level_detail: Mapped[str] = mapped_column(String(50), default="")
    due_year: Mapped[int] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class RegionMember(Base):
    """A province's socio-economic region (vùng kinh tế - xã hội): the peers a leader compares with
    first. One grouping, of the 63 pre-2025 provinces, with its source."""

    __tablename__ = "region_members"
    __table_args__ = (UniqueConstraint("unit_id", name="uq_region_member_unit"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str] = mapped_column(String(50))
    region_name_vi: Mapped[str] = mapped_column(Text)
    region_name_en: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Responsibility(Base):
    """Who a plan makes answerable for a main index (or one of its targets), as the plan words it.

    `pillar_code` is a main index's code, or "*" for every index (each department and district
    carries out its own plan); `target_code` narrows it to a target of the plan. The responsible
    body is named as the plan names it (`responsible_name`); `unit_id` links it to the catalogue
    where it is a unit there (the province's radio and newspaper are not scored units).
    """

    __tablename__ = "responsibilities"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    pillar_code: Mapped[str] = mapped_column(String(50))
    target_code: Mapped[str] = mapped_column(String(100), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    responsible_name: Mapped[str] = mapped_column(String(200))
    duty: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


# An observation is one source's figure for one indicator, unit and period: two imports racing,
# or a file listing a row twice, must not store it twice (the figure would count double).
OBSERVATION_KEY = ("indicator_code", "unit_id", "period", "source")


class Observation(Base):
    """A dated actual value, with the numerator and denominator behind a rate when printed."""

    __tablename__ = "observations"
    # A unique index rather than a constraint: SQLite can add an index to an existing table, not a
    # constraint, and `migrations.upgrade` adds it to databases created before it existed.
    __table_args__ = (Index("uq_observations_natural_key", *OBSERVATION_KEY, unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_code: Mapped[str] = mapped_column(String(100))
    target_id: Mapped[int | None] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), nullable=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    name_vi: Mapped[str] = mapped_column(Text)
    pillar_code: Mapped[str] = mapped_column(String(50))
    period: Mapped[str] = mapped_column(String(20))
    value: Mapped[float] = mapped_column(Float)
    value_unit: Mapped[str] = mapped_column(String(20))
    numerator: Mapped[float | None] = mapped_column(Float, nullable=True)
    denominator: Mapped[float | None] = mapped_column(Float, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class DataChange(Base):
    """An append-only log of changes to the figures (what changed, when); the version is `DataVersion`."""

    __tablename__ = "data_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)
    description: Mapped[str] = mapped_column(Text)


class HistoryBase(DeclarativeBase):
    """The import history lives in a metadata of its own: reloading the seed (`python -m seed --reset`
    drops and recreates the figures' schema) must not erase the record of who loaded what."""


class DataVersion(HistoryBase):
    """The data version: one row, moved on by one inside every transaction that changes the figures.

    Cache keys include it, so a commit makes every cached view stale at once. A counter updated in
    the writing transaction follows commit order (a second writer waits on the row until the first
    commits); the highest change id did not: an import that took its id first and committed last
    left the version where the other had put it, and a view cached in between outlived it. It sits
    beside the history so `python -m seed --reset` never moves it back to a value already used as a key.
    """

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class ImportLock(HistoryBase):
    """Who last held the import lock of a dataset's scope (see `importing.locks`); on SQLite, writing
    this row is what takes the lock."""

    __tablename__ = "import_locks"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    holder: Mapped[str] = mapped_column(String(80), default="")
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class ImportRecord(HistoryBase):
    """One import attempt: who, when, which file (name and SHA-256), what it held, and how it ended.

    `result` is "ok", "unchanged" (the file held the figures already stored: nothing written, the
    data version not moved), "refused" (the file did not validate, or its warnings were not
    accepted: nothing written) or "failed" (writing broke off and was rolled back). `report` keeps the
    problems or the error as JSON. `snapshot_before` holds the dataset as it was before an "ok"
    import replaced it and `snapshot_after` as it became, both as JSON tables in the template's
    format, so every earlier version can be downloaded and imported again. Units are named by
    code, never by row id, so the history survives a reload of the figures.
    """

    __tablename__ = "import_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow, index=True)
    username: Mapped[str] = mapped_column(String(80))
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    dataset: Mapped[str] = mapped_column(String(30), default="")
    scope: Mapped[str] = mapped_column(String(200), default="")
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_written: Mapped[int] = mapped_column(Integer, default=0)
    rows_replaced: Mapped[int] = mapped_column(Integer, default=0)
    n_errors: Mapped[int] = mapped_column(Integer, default=0)
    n_warnings: Mapped[int] = mapped_column(Integer, default=0)
    warnings_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    result: Mapped[str] = mapped_column(String(20))
    report: Mapped[str] = mapped_column(Text, default="")
    data_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    snapshot_before: Mapped[str] = mapped_column(Text, default="")
    snapshot_after: Mapped[str] = mapped_column(Text, default="")
