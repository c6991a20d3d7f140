"""Queries that return tidy pandas frames, aggregated in SQL and memoized by data version.

Pages and components never see SQL; they get frames with stable column names. Every query
is one round trip whatever the number of units: nothing here loops over units.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select, union
from sqlalchemy.orm import aliased

from data_access import settings
from data_access.cache import versioned
from data_access.db import get_engine
from data_access.models import (
    Framework,
    GroupThreshold,
    IndicatorScore,
    Observation,
    Pillar,
    PillarScore,
    Plan,
    PublishedIndex,
    PublishedResult,
    Source,
    Target,
    Unit,
)
from data_access.scoring import Threshold
from domain.vocabulary import AGGREGATE, NATIONAL, PROVINCE, TOTAL_DECIMALS


def read_frame(statement: Select) -> pd.DataFrame:
    """Run a select and return its rows as a frame (one round trip).

    `read_sql_query`, not `read_sql`: the latter first asks the database whether the statement is a
    table's name, a wasted round trip (an error PostgreSQL raises and pandas swallows) on every read.
    """
    with get_engine().connect() as conn:
        return pd.read_sql_query(statement, conn)


def valid_in(year: int):
    """Units valid in `year` (a filter): an open bound means "always" on that side, so a unit that
    ended (merged into its successor) keeps its history but leaves the lists of later years."""
    return and_(
        or_(Unit.valid_from.is_(None), Unit.valid_from <= year), or_(Unit.valid_to.is_(None), Unit.valid_to >= year)
    )


def published_years(level: str | None = None) -> Select:
    """The years of the published results (of one level when given), each once, found by seeking the
    results' (year, level, …) key from one year to the next, then the level within the year: a few
    reads per year, not one per result stored (63 provinces × their departments and districts × years)."""
    first = select(func.min(PublishedResult.year).label("year")).cte("published_years", recursive=True)
    following = select(func.min(PublishedResult.year)).where(PublishedResult.year > first.c.year).scalar_subquery()
    years = first.union_all(select(following).where(first.c.year.is_not(None)))
    statement = select(years.c.year).where(years.c.year.is_not(None))
    if level is None:
        return statement
    at_level = select(PublishedResult.id).where(PublishedResult.year == years.c.year, PublishedResult.level == level)
    return statement.where(at_level.exists())


@versioned
def available_years() -> list[int]:
    """Years with any published result or scoring framework, oldest first."""
    with get_engine().connect() as conn:
        years = conn.execute(published_years().union(select(Framework.year))).scalars().all()
    return sorted(int(y) for y in years)


@versioned
def focus_unit_code() -> str | None:
    """The province in focus: `DTI_FOCUS_UNIT`, else the province with the most sub-units in the data.

    A province merged into another counts its successor's sub-units as well: its area's communes
    answer to the successor from the merger on (Bình Phước's 2025 communes are Đồng Nai's), and the
    focus follows its successor on the pages, so importing them must not move the focus away from
    the province whose departments and districts the earlier years hold."""
    pinned = settings.focus_unit_code()
    if pinned:
        return pinned
    child, later = aliased(Unit), aliased(Unit)
    own = select(func.count(child.id)).where(child.parent_id == Unit.id).scalar_subquery()
    successors = select(func.count(later.id)).where(later.parent_id == Unit.successor_id).scalar_subquery()
    statement = (
        select(Unit.code)
        .where(Unit.kind == "province", own > 0)
        .order_by((own + successors).desc(), Unit.code)
        .limit(1)
    )
    with get_engine().connect() as conn:
        code = conn.execute(statement).scalar()
        if code is None:
            code = conn.execute(
                select(Unit.code)
                .join(PublishedResult, PublishedResult.unit_id == Unit.id)
                .where(Unit.kind == "province")
                .order_by(Unit.code)
                .limit(1)
            ).scalar()
    return code


@versioned
def unit(code: str) -> dict | None:
    """One unit's names and kind, or None when the code is unknown."""
    frame = read_frame(
        select(Unit.code, Unit.name_vi, Unit.name_en, Unit.kind, Unit.source, Unit.note).where(Unit.code == code)
    )
    return None if frame.empty else frame.iloc[0].to_dict()


def pillar_scores_statement() -> Select:
    """Points per unit × pillar with the unit's and pillar's metadata and the framework's year;
    callers add their own filters (a level and year, a province's districts)."""
    return (
        select(
            Unit.code.label("unit_code"),
            Unit.name_vi.label("unit_name_vi"),
            Unit.name_en.label("unit_name_en"),
            Pillar.code.label("pillar_code"),
            Pillar.name_vi.label("pillar_name_vi"),
            Pillar.name_en.label("pillar_name_en"),
            Pillar.pillar_group,
            Pillar.max_points,
            Pillar.counts_in_total,
            Pillar.sort_order,
            PillarScore.points,
            PillarScore.source,
            PillarScore.note,
            Framework.year,
        )
        .join(Pillar, PillarScore.pillar_id == Pillar.id)
        .join(Framework, Pillar.framework_id == Framework.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
    )


def under_parent(statement: Select, parent_code: str | None) -> Select:
    """`statement` (over `Unit`) narrowed to the units under `parent_code`, when given: a province's
    departments are read without reading every province's."""
    if parent_code is None:
        return statement
    # The children's ids as a list the database reads first: SQLite then looks each one's scores up by
    # index instead of scanning every province's (21 ms → 2 ms for a province's 400 totals).
    child, parent = aliased(Unit), aliased(Unit)
    children = select(child.id).join(parent, child.parent_id == parent.id).where(parent.code == parent_code)
    return statement.where(Unit.id.in_(children))


def of_framework(statement: Select, year: int, level: str) -> Select:
    """`statement` (over `PillarScore`) narrowed to the pillars of the year's framework at `level`, as a
    list of pillar ids the database reads first: each unit's points are then looked up by (unit, pillar)
    on the scores' key. Joined to the framework's year only, PostgreSQL reads every year's points of
    each unit and drops the other years (90 rows a district for the year's 9: 9.8 → 3.9 ms for 100
    districts; SQLite 1.7 → 0.7 ms)."""
    pillars = (
        select(_FRAMEWORK_PILLAR.id)
        .join(_PILLARS_FRAMEWORK, _FRAMEWORK_PILLAR.framework_id == _PILLARS_FRAMEWORK.id)
        .where(_PILLARS_FRAMEWORK.year == year, _PILLARS_FRAMEWORK.level == level)
    )
    return statement.where(PillarScore.pillar_id.in_(pillars))


# `of_framework`'s own names for the tables its statement joins too (so the subquery is not correlated
# with them), made once: an ORM alias is costly to build and adapt on every read.
_FRAMEWORK_PILLAR = aliased(Pillar, name="framework_pillars")
_PILLARS_FRAMEWORK = aliased(Framework, name="pillars_framework")


@versioned
def pillar_scores(year: int, level: str, parent_code: str | None = None) -> pd.DataFrame:
    """Points per unit × pillar of the year's framework for a level (the units under `parent_code`
    when given), with pillar metadata."""
    statement = under_parent(
        of_framework(pillar_scores_statement(), year, level)
        .where(Framework.year == year, Framework.level == level)
        .order_by(Unit.code, Pillar.sort_order),
        parent_code,
    )
    frame = read_frame(statement).drop(columns="year")
    frame["counts_in_total"] = frame["counts_in_total"].astype(bool)
    return frame


def counted_totals(level: str, *by: ColumnElement) -> Select:
    """Each unit's total and maximum of its counted pillars at `level`, summed in SQL and grouped by
    `by` (a year, say) and the unit: rankings and histories read a row per unit, never one per pillar.
    Callers narrow it (a year, a province) before reading it with `read_totals`."""
    return (
        select(
            *by,
            Unit.code.label("unit_code"),
            func.sum(PillarScore.points).label("total"),
            func.sum(Pillar.max_points).label("max_total"),
        )
        .join(Pillar, PillarScore.pillar_id == Pillar.id)
        .join(Framework, Pillar.framework_id == Framework.id)
        .join(Unit, PillarScore.unit_id == Unit.id)
        .where(Framework.level == level, Unit.kind == level, Pillar.counts_in_total.is_(True))
        .group_by(*by, Unit.code)
        .order_by(*by, Unit.code)
    )


def read_totals(statement: Select) -> pd.DataFrame:
    """Read a `counted_totals` select: totals rounded as the published tables print them."""
    frame = read_frame(statement)
    frame["total"] = frame["total"].astype(float).round(TOTAL_DECIMALS)
    frame["max_total"] = frame["max_total"].astype(float)
    return frame


@versioned
def level_totals_by_year(level: str, parent_code: str | None) -> pd.DataFrame:
    """Each unit's total and maximum of its counted pillars per year (`unit_totals`' columns with `year`),
    for the units of `level` under `parent_code` (the parentless ones when None), summed in SQL: a
    unit's history reads a row per unit and year, not one per pillar."""
    statement = counted_totals(level, Framework.year)
    statement = (
        under_parent(statement, parent_code) if parent_code is not None else statement.where(Unit.parent_id.is_(None))
    )
    return read_totals(statement)


_THRESHOLD_COLUMNS = (
    GroupThreshold.name_vi,
    GroupThreshold.min_share,
    GroupThreshold.group_code,
    GroupThreshold.name_en,
)


def _threshold(name: str, share: float, code: str, name_en: str | None) -> Threshold:
    return Threshold(group=name, min_share=share, code=code, name_en=name_en or "")


@versioned
def group_thresholds_by_year(level: str) -> dict[int, list[Threshold]]:
    """`group_thresholds` of every year's framework for a level, in one query."""
    statement = (
        select(Framework.year, *_THRESHOLD_COLUMNS)
        .join(Framework, GroupThreshold.framework_id == Framework.id)
        .where(Framework.level == level)
        .order_by(Framework.year, GroupThreshold.min_share.desc())
    )
    by_year: dict[int, list[Threshold]] = {}
    with get_engine().connect() as conn:
        for year, *threshold in conn.execute(statement):
            by_year.setdefault(int(year), []).append(_threshold(*threshold))
    return by_year


@versioned
def group_thresholds(year: int, level: str) -> list[Threshold]:
    statement = (
        select(*_THRESHOLD_COLUMNS)
        .join(Framework, GroupThreshold.framework_id == Framework.id)
        .where(Framework.year == year, Framework.level == level)
        .order_by(GroupThreshold.min_share.desc())
    )
    with get_engine().connect() as conn:
        return [_threshold(*row) for row in conn.execute(statement)]


def _parent_key(column):
    """A parent id comparable with `=` (0 for the parentless provinces), so the field joins by hash."""
    return func.coalesce(column, literal_column("0"))


@versioned
def published_results(
    level: str, *, unit_code: str | None = None, year: int | None = None, parent_code: str | None = None
) -> pd.DataFrame:
    """Official totals, ranks and groups as printed, with each year's rank denominator; for one
    unit, one year or the units under `parent_code` when given.

    `rank_of` counts the units of the level under the same parent valid that year (63 provinces in
    2022, a province's own departments), so a rank always reads "12/63" against the right field,
    including after mergers. It is one grouped count per year and parent, joined to the results:
    the work grows with the results read, not with the country.
    """
    if year is None:
        years = published_years(level).subquery()
    else:
        years = select(PublishedResult.year).where(PublishedResult.level == level, PublishedResult.year == year)
        years = years.distinct().subquery()
    member = aliased(Unit)
    counted = (
        select(
            years.c.year,
            _parent_key(member.parent_id).label("parent_key"),
            func.count(member.id).label("rank_of"),
        )
        .select_from(years)
        .join(
            member,
            and_(
                member.kind == level,
                or_(member.valid_from.is_(None), member.valid_from <= years.c.year),
                or_(member.valid_to.is_(None), member.valid_to >= years.c.year),
            ),
        )
        .group_by(years.c.year, member.parent_id)
    )
    if unit_code is not None:
        own_parent = select(_parent_key(Unit.parent_id)).where(Unit.code == unit_code).scalar_subquery()
        counted = counted.where(_parent_key(member.parent_id) == own_parent)
    if parent_code is not None:
        parent_id = select(Unit.id).where(Unit.code == parent_code).scalar_subquery()
        counted = counted.where(member.parent_id == parent_id)
    # Materialised: the field is counted once, not once per result row (PostgreSQL's plan re-ran the
    # grouped count for each of a province's 100 districts: 5.9 → 1.7 ms).
    field = counted.cte("field").prefix_with("MATERIALIZED")
    statement = (
        select(
            PublishedResult.year,
            PublishedResult.level,
            Unit.code.label("unit_code"),
            Unit.name_vi.label("unit_name_vi"),
            Unit.name_en.label("unit_name_en"),
            Unit.kind.label("unit_kind"),
            PublishedResult.total,
            PublishedResult.max_total,
            PublishedResult.rank,
            func.coalesce(field.c.rank_of, 0).label("rank_of"),
            PublishedResult.group_name,
            PublishedResult.median_method,
            PublishedResult.source,
            PublishedResult.note,
        )
        .join(Unit, PublishedResult.unit_id == Unit.id)
        .outerjoin(field, and_(field.c.year == PublishedResult.year, field.c.parent_key == _parent_key(Unit.parent_id)))
        .where(PublishedResult.level == level)
        .order_by(PublishedResult.year, PublishedResult.rank, Unit.code)
    )
    if unit_code is not None:
        statement = statement.where(Unit.code == unit_code)
    if year is not None:
        statement = statement.where(PublishedResult.year == year)
    elif unit_code is None and parent_code is None:
        # The whole level over the years (every province's history): sought year by year on the
        # results' (year, level) key rather than by a scan of every level's results.
        statement = statement.where(PublishedResult.year.in_(select(years.c.year)))
    frame = read_frame(under_parent(statement, parent_code))
    frame["median_method"] = frame["median_method"].astype(bool)
    return frame


@versioned
def published_indices(year: int, unit_code: str) -> pd.DataFrame:
    """Index values (0..1) as printed for a unit and year, with their notes."""
    return read_frame(
        select(PublishedIndex.index_code, PublishedIndex.value, PublishedIndex.source, PublishedIndex.note)
        .join(Unit, PublishedIndex.unit_id == Unit.id)
        .where(PublishedIndex.year == year, Unit.code == unit_code)
        .order_by(PublishedIndex.index_code)
    )


@versioned
def sources() -> pd.DataFrame:
    """The source documents, for footers and the "where does this number come from" notes."""
    return read_frame(
        select(
            Source.code, Source.title_vi, Source.title_en, Source.issuer, Source.number, Source.issued, Source.url
        ).order_by(Source.id)
    )


@versioned
def cited_source_codes(focus_code: str) -> set[str]:
    """The source documents the pages about `focus_code` cite: its own and its units' figures, its
    plans and observations, and the provinces' published results that every page ranks it among.

    The footer lists these, so a province in focus never shows another province's plans and reports
    as its sources. A citation names its document by code, with a section after it ("003_….txt;
    Phụ lục III.1.a"), several joined by " | ".
    """
    focus = select(Unit.id).where(Unit.code == focus_code).scalar_subquery()
    own = select(Unit.id).where(or_(Unit.id == focus, Unit.parent_id == focus))
    # the provinces the focus is ranked among, and the yardsticks beside its value (average, national DTI)
    provinces = select(Unit.id).where(Unit.kind.in_((PROVINCE, AGGREGATE, NATIONAL)))
    citations = union(
        select(PublishedResult.source).where(
            or_(PublishedResult.unit_id.in_(own), PublishedResult.unit_id.in_(provinces))
        ),
        select(PillarScore.source).where(PillarScore.unit_id.in_(own)),
        select(IndicatorScore.source).where(IndicatorScore.unit_id.in_(own)),
        select(PublishedIndex.source).where(PublishedIndex.unit_id == focus),
        select(Plan.source).where(Plan.unit_id == focus),
        select(Target.source).join(Plan, Target.plan_id == Plan.id).where(Plan.unit_id == focus),
        select(Observation.source).where(Observation.unit_id.in_(own)),
    )
    with get_engine().connect() as conn:
        cited = [text for (text,) in conn.execute(citations) if text]
        codes = [code for (code,) in conn.execute(select(Source.code))]
    return {code for code in codes if any(code in citation for citation in cited)}
