"""Levels, tolerances, comparators and the rule "the printed total agrees with its pillars".

One definition each: the seed checks, the importer's validation, the queries and the pages read
them from here, so a new level (the communes after the 2025 reorganisation) is added in one place.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass

PROVINCE = "province"
DEPARTMENT = "department"
DISTRICT = "district"
# Communes, wards and special zones (xã, phường, đặc khu): since 1 July 2025 the local level under
# the province, where districts were before (Resolution 202/2025/QH15, two-level local government).
COMMUNE = "commune"
# Scored levels, in the order pages offer them; a unit of one of these kinds is scored at its own level.
LEVELS = (PROVINCE, DEPARTMENT, DISTRICT, COMMUNE)
# The levels below the province, ranked within the province in focus.
SUB_LEVELS = tuple(level for level in LEVELS if level != PROVINCE)
# The local levels under the province, oldest first: a year's sub-provincial page shows the last of
# these that the year has figures for (districts until the 2025 reorganisation, communes after).
LOCAL_LEVELS = (DISTRICT, COMMUNE)
# Units that are not scored at a level of their own (the national average).
AGGREGATE = "aggregate"
# The country as a whole: the national DTI the ministry publishes, a figure of its own and not the
# average of the provinces (which is an AGGREGATE, computed over them).
NATIONAL = "national"
UNIT_KINDS = (*LEVELS, AGGREGATE, NATIONAL)
# How a level reads in a Vietnamese file or template.
LEVEL_NAMES_VI = {
    PROVINCE: "tỉnh, thành phố",
    DEPARTMENT: "sở, ban, ngành",
    DISTRICT: "huyện, thị xã, thành phố",
    COMMUNE: "xã, phường, đặc khu",
}

# The three DTI trụ cột a province's published result prints beside its main indices, by the codes the
# data stores them under (not main indices: "Chính quyền số" is not "Hoạt động Chính quyền số").
DTI_PILLARS = {
    "pillar_government": ("Chính quyền số", "Digital government"),
    "pillar_economy": ("Kinh tế số", "Digital economy"),
    "pillar_society": ("Xã hội số", "Digital society"),
}

# A plan's responsibility for every main index at once (each department and district carries out its own plan).
EVERY_PILLAR = "*"

# A note containing this marks a figure that is inconsistent in the source itself: the printed
# value is kept as printed and the app shows the inconsistency instead of hiding it.
SOURCE_DISCREPANCY = "SOURCE DISCREPANCY"
# A note starting with this marks a figure whose attribution (which pillar it belongs to) was
# inferred by the transcriber because the source printed it apart from its label.
INFERRED_MAPPING = "mapping inferred"

# Totals are printed to two decimals: a total within this many points of the sum of its pillars agrees with it.
TOTAL_TOLERANCE = 0.02
# A total printed as an index (0..1, e.g. DTI 0,6385) agrees within this much of the share.
INDEX_TOLERANCE = 0.0005
# Float sums of printed two-decimal figures land a hair off the bound: they still agree.
_ROUNDING = 1e-9

# How a plan's threshold reads (actual <comparator> target), in the order templates list them.
COMPARATORS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


def printed_total_agrees(total: float, maximum: float, printed: float, printed_max: float | None) -> bool:
    """Does a printed total match the sum of the counted pillars?

    Shares of the maximum are compared, because a province's total is printed as an index
    (maximum 1, DTI 0,6385) while departments and districts print points: an index agrees within
    INDEX_TOLERANCE of the share, points within TOTAL_TOLERANCE. Without a maximum, points are
    compared as they are.
    """
    total, maximum, printed = float(total), float(maximum), float(printed)
    scale = float(printed_max or maximum)
    if not maximum or not scale:
        return abs(total - printed) <= TOTAL_TOLERANCE + _ROUNDING
    tolerance = INDEX_TOLERANCE if scale == 1 else TOTAL_TOLERANCE / maximum
    return abs(total / maximum - printed / scale) <= tolerance + _ROUNDING


# Sums of two-decimal points stored as floats pick up noise in the 13th digit; comparing
# totals after rounding to this many decimals keeps equal totals equal (ties stay ties).
TOTAL_DECIMALS = 6


@dataclass(frozen=True)
class Threshold:
    """A group and the smallest share of the maximum (0..1) that earns it.

    `group` is the name the framework prints (Vietnamese); `code` (tot, kha, trung_binh, yeu) is
    what colours and logic key on, so a renamed or translated group keeps its colour.
    """

    group: str
    min_share: float
    code: str = ""
    name_en: str = ""


def threshold_for_share(share: float, thresholds: Sequence[Threshold]) -> Threshold | None:
    """The highest group whose lower bound the share reaches; None below every bound."""
    reached = [t for t in thresholds if round(share, TOTAL_DECIMALS) >= t.min_share]
    if not reached:
        return None
    return max(reached, key=lambda t: t.min_share)


def group_for_share(share: float, thresholds: Sequence[Threshold]) -> str | None:
    """The name of the group the share earns; None below every bound."""
    earned = threshold_for_share(share, thresholds)
    return earned.group if earned else None


def group_code(name: object, thresholds: Sequence[Threshold]) -> str | None:
    """The code of a group named in either language by the year's framework.

    Published tables print only the group's name; None when the framework of that year defines
    no group of that name (the name is still shown, in a neutral colour).
    """
    if not isinstance(name, str) or not name.strip():
        return None
    wanted = name.strip().casefold()
    for threshold in thresholds:
        if wanted in (threshold.group.casefold(), threshold.name_en.casefold()) and threshold.code:
            return threshold.code
    return None
