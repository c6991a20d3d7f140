"""The access policy as pure functions, so every layout, callback and download asks the same question.

Roles: a `leader` sees everything; an `admin` sees everything and administers (`/admin`);
a `unit_head` is tied to one unit: that unit's own page in full, the province-level pages,
and the published ranking of the province and of its own level, but no other unit's detail.

The rule for a unit head and the other units of their level: they see the published level tables
(each unit's total, rank and group, which name every unit) and, to compare their own pillars, the
level's highest and median value of each pillar *without saying whose they are* ("cao nhất khối",
"trung vị khối"). Nothing more precise about a named unit: no other unit's pillar scores, no "best
unit: <name>" trace on a radar, bar or download (`names_other_units`). Leaders and admins see the
best unit by name.
"""

from __future__ import annotations

from typing import NamedTuple

LEADER = "leader"
UNIT_HEAD = "unit_head"
ADMIN = "admin"
ROLES = (LEADER, UNIT_HEAD, ADMIN)

# What a page asks of its reader (`access=` in `dash.register_page`; "signed_in" when absent).
PUBLIC = "public"
SIGNED_IN = "signed_in"
ALL_UNITS = "all_units"
ADMIN_ONLY = "admin"
PAGE_ACCESS = (PUBLIC, SIGNED_IN, ALL_UNITS, ADMIN_ONLY)

# The province's own national ranking is province-level information every reader may see.
PROVINCE_LEVEL = "province"


class Viewer(NamedTuple):
    """The signed-in reader, as every check needs it."""

    user_id: int
    username: str
    role: str
    unit_code: str | None = None
    unit_level: str | None = None


def sees_all_units(viewer: Viewer | None) -> bool:
    return viewer is not None and viewer.role in (LEADER, ADMIN)


def can_open(viewer: Viewer | None, access: str) -> bool:
    """May `viewer` open a page (or call its callbacks) that asks for `access`?"""
    if access == PUBLIC:
        return True
    if viewer is None:
        return False
    if access == SIGNED_IN:
        return True
    if access == ALL_UNITS:
        return sees_all_units(viewer)
    if access == ADMIN_ONLY:
        return viewer.role == ADMIN
    return False


def can_view_unit(viewer: Viewer | None, unit_code: str) -> bool:
    """A unit's detail (its page, its callbacks' output, its downloads): its own head, leaders and admins."""
    if viewer is None:
        return False
    return sees_all_units(viewer) or (viewer.role == UNIT_HEAD and viewer.unit_code == unit_code)


def names_other_units(viewer: Viewer | None) -> bool:
    """May comparisons name the unit a pillar figure belongs to (the level's best unit on a radar, the
    holder of a pillar's highest points)? Leaders and admins only; a unit head compares unnamed."""
    return sees_all_units(viewer)


def can_view_level(viewer: Viewer | None, level: str) -> bool:
    """The published ranking of a level: any for leaders and admins; the province's and their own for unit heads."""
    if viewer is None:
        return False
    return sees_all_units(viewer) or level in (PROVINCE_LEVEL, viewer.unit_level)


def landing_path(viewer: Viewer) -> str:
    """Where a reader lands after signing in: a unit head on their own unit's page."""
    if viewer.role == UNIT_HEAD and viewer.unit_code:
        return f"/units/{viewer.unit_code}"
    return "/"
