"""The access policy itself: who may open which page, see which unit and rank which level."""

from __future__ import annotations

import pytest

from auth.policy import (
    ADMIN,
    ADMIN_ONLY,
    ALL_UNITS,
    LEADER,
    PUBLIC,
    SIGNED_IN,
    UNIT_HEAD,
    Viewer,
    can_open,
    can_view_level,
    can_view_unit,
    landing_path,
)

LEADER_VIEWER = Viewer(1, "lanh-dao", LEADER)
ADMIN_VIEWER = Viewer(2, "quan-tri", ADMIN)
HEALTH_HEAD = Viewer(3, "so-y-te", UNIT_HEAD, "binh-phuoc-so-y-te", "department")
DISTRICT_HEAD = Viewer(4, "dong-xoai", UNIT_HEAD, "binh-phuoc-dong-xoai", "district")


@pytest.mark.parametrize(
    ("viewer", "access", "allowed"),
    [
        (None, PUBLIC, True),
        (None, SIGNED_IN, False),
        (HEALTH_HEAD, SIGNED_IN, True),
        (HEALTH_HEAD, ALL_UNITS, False),
        (HEALTH_HEAD, ADMIN_ONLY, False),
        (LEADER_VIEWER, ALL_UNITS, True),
        (LEADER_VIEWER, ADMIN_ONLY, False),
        (ADMIN_VIEWER, ADMIN_ONLY, True),
        (ADMIN_VIEWER, "something-new", False),
    ],
)
def test_page_access_by_role(viewer, access, allowed):
    assert can_open(viewer, access) is allowed


def test_a_unit_head_sees_only_their_own_unit_in_detail():
    assert can_view_unit(HEALTH_HEAD, "binh-phuoc-so-y-te")
    assert not can_view_unit(HEALTH_HEAD, "binh-phuoc-so-tttt")
    assert not can_view_unit(None, "binh-phuoc-so-y-te")
    assert can_view_unit(LEADER_VIEWER, "binh-phuoc-so-tttt")
    assert can_view_unit(ADMIN_VIEWER, "binh-phuoc-dong-xoai")


def test_a_unit_head_ranks_the_provinces_and_their_own_level_only():
    assert can_view_level(HEALTH_HEAD, "province")
    assert can_view_level(HEALTH_HEAD, "department")
    assert not can_view_level(HEALTH_HEAD, "district")
    assert can_view_level(DISTRICT_HEAD, "district")
    assert not can_view_level(DISTRICT_HEAD, "department")
    assert all(can_view_level(LEADER_VIEWER, level) for level in ("province", "department", "district"))
    assert not can_view_level(None, "province")


def test_unit_heads_land_on_their_unit_and_everyone_else_on_the_overview():
    assert landing_path(HEALTH_HEAD) == "/units/binh-phuoc-so-y-te"
    assert landing_path(LEADER_VIEWER) == "/"
    assert landing_path(ADMIN_VIEWER) == "/"
