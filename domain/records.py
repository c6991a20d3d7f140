"""The plain records the figure builders draw: built by `data_access`, read by `components`.

Kept apart from the queries so a builder can be handed one (and tested with one) without
importing SQLAlchemy or opening a database: fields only, and what follows from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from domain.text import localized
from domain.vocabulary import TOTAL_DECIMALS, Threshold

if TYPE_CHECKING:  # domain.whatif reads these records: the action list is named here for the type only
    from domain.whatif import ActionList

# The criterion that is a district's total rather than one of its pillars.
TOTAL = "total"


@dataclass(frozen=True)
class Change:
    """Movement between two years. `rank_places` > 0 means the unit climbed."""

    previous_rank: int | None
    current_rank: int | None
    previous_total: float | None
    current_total: float | None

    @property
    def rank_places(self) -> int | None:
        if self.previous_rank is None or self.current_rank is None:
            return None
        return self.previous_rank - self.current_rank

    @property
    def total_delta(self) -> float | None:
        if self.previous_total is None or self.current_total is None:
            return None
        return round(self.current_total - self.previous_total, TOTAL_DECIMALS)


@dataclass(frozen=True)
class UnitInfo:
    """A unit's names, kind and parent (None for a province)."""

    code: str
    name_vi: str
    name_en: str
    kind: str
    parent_code: str | None
    parent_name_vi: str | None
    parent_name_en: str | None
    source: str
    note: str


@dataclass(frozen=True)
class Result:
    """A total, rank and group, either as published or as computed from the pillar points."""

    total: float | None
    max_total: float | None
    rank: int | None
    rank_of: int | None
    group: str | None
    source: str = ""
    group_code: str | None = None


@dataclass(frozen=True)
class NextGroup:
    """The next group up and the points still missing to reach its lower bound; `group` None at the top."""

    current: str | None
    group: str | None
    min_share: float | None
    target_points: float | None
    missing_points: float | None


@dataclass
class YearResult:
    """A unit's result in one year: what is shown, the published and computed results, what differs.

    `shown` is the published figure where printed, the computed one otherwise (a published index
    on another scale than the points, as the provincial DTI 0..1, leaves the total in points).
    `differences` names the fields ("total", "rank", "group") that both sides give and that disagree;
    `reason` is "median_method" when the source marks the unit as scored by the median method.
    """

    year: int
    shown: Result
    published: Result | None
    computed: Result | None
    median_method: bool
    differences: tuple[str, ...]
    reason: str
    published_note: str


@dataclass
class UnitSummary:
    """Everything the unit's page shows for one year (see `unit_summary`)."""

    info: UnitInfo
    year: int
    years: list[int]
    result: YearResult
    next_group: NextGroup | None
    thresholds: list[Threshold]
    pillars: pd.DataFrame
    best_unit: dict | None
    level_size: int
    scored_size: int
    lost: pd.DataFrame
    indicators: pd.DataFrame
    history: pd.DataFrame
    sources: list[str] = field(default_factory=list)


@dataclass
class Overview:
    unit_code: str
    unit_name_vi: str
    unit_name_en: str
    level: str
    year: int
    years: list[int]
    index_value: float | None
    index_source: str
    rank: int | None
    rank_of: int | None
    change: Change
    previous_year: int | None
    pillars: pd.DataFrame
    comparison: dict[str, pd.DataFrame] = field(default_factory=dict)
    leading_codes: list[str] = field(default_factory=list)
    leading_names: list[str] = field(default_factory=list)
    discrepancies: pd.DataFrame = field(default_factory=pd.DataFrame)
    average_index: float | None = None
    average_source: str = ""
    # provinces the average was computed from (None: printed as such)
    average_computed_from: int | None = None
    # the national DTI the ministry publishes for the country: not the provinces' average
    national_index: float | None = None
    national_source: str = ""
    rank_history: pd.DataFrame = field(default_factory=pd.DataFrame)
    weakest: pd.DataFrame = field(default_factory=pd.DataFrame)
    # The predecessors (codes) the previous year's value was computed from, in the first year after a merger.
    previous_computed_from: tuple[str, ...] = ()


@dataclass
class DistrictResults:
    """One year of a province's district assessment: scores per criterion, totals best first."""

    province_code: str
    year: int
    scores: pd.DataFrame
    totals: pd.DataFrame
    pillars: pd.DataFrame
    thresholds: list[Threshold]
    # The local level the year's units belong to: districts until the 2025 reorganisation, communes after.
    level: str = "district"

    @property
    def empty(self) -> bool:
        return self.scores.empty

    @property
    def criteria(self) -> list[str]:
        """The criteria a map can be coloured by: the framework's pillars in order, then the total."""
        return [*self.pillars["pillar_code"], TOTAL]


@dataclass(frozen=True)
class Deck:
    """The deck's data for a province and a year; frames are empty where the year has no data.

    `neighbours` is the national table from five places above the province to five below
    (`rank`, `rank_of`, `tied`, `unit_code`, names, `index_value`, `source`); `departments` the
    ranking of the province's departments (data_access.rankings.RANKING_COLUMNS); `losses` every
    counted pillar's points below its maximum, the largest first; `targets` the progress of the
    plan for `plan_year` (the deck's year, else the year after it: the plan written once that
    year's results were known), None when neither year has a plan; `section_names` the pillar
    names the plan's sections are labelled with; `actions` the province's recommendations;
    `laggards` per sub-unit level its weakest units by share of the maximum, with the points each
    misses for the next group (data_access.laggards.LAGGARD_COLUMNS).
    """

    unit_code: str
    unit_name_vi: str
    unit_name_en: str
    year: int
    years: list[int]
    data_version: int
    overview: Overview
    neighbours: pd.DataFrame
    national_field: int | None
    national_with_value: int
    departments: pd.DataFrame
    department_thresholds: list[Threshold]
    districts: DistrictResults
    losses: pd.DataFrame
    plan_year: int | None
    plans: pd.DataFrame
    targets: pd.DataFrame
    plan_years: list[int]
    section_names: dict[str, dict[str, str]]
    actions: ActionList | None = None
    laggards: dict[str, pd.DataFrame] = field(default_factory=dict)

    def name(self, lang: str) -> str:
        return localized(self, "unit_name", lang)


@dataclass(frozen=True)
class Selection:
    """A validated choice: `compare` is `LEADING` or a province code at province level, None below it."""

    year: int
    level: str
    unit_code: str
    compare: str | None


@dataclass
class Comparison:
    """A comparison trace: `kind` says what it is (leading_average, leader, province, best, median),
    `color_key` its series colour; `shares` has `pillar_code` and `share` (0..1)."""

    kind: str
    color_key: str
    shares: pd.DataFrame
    name_vi: str = ""
    name_en: str = ""
    count: int = 0
    sources: list[str] = field(default_factory=list)


@dataclass
class PillarsView:
    selection: Selection
    unit_name_vi: str
    unit_name_en: str
    pillars: pd.DataFrame
    comparisons: list[Comparison]
    total: float
    max_total: float
    rank: int | None
    rank_of: int | None
    group: str | None
    indicators: pd.DataFrame
    discrepancies: pd.DataFrame
    group_code: str | None = None


@dataclass
class UnitRanking:
    """A level's ranking for a year, and the year it is compared with.

    `previous_year` is the year before `year` in the data (None when `year` is the first);
    `has_previous` says whether that year has results at this level, i.e. whether the
    change columns mean anything.
    """

    level: str
    year: int
    table: pd.DataFrame
    previous_year: int | None
    has_previous: bool
