"""The peers choice round-trips through its URL parameter."""

from __future__ import annotations

from domain.regions import PEERS_NONE, parse_peers, peers_param, successor_regions


def test_peers_round_trip_in_order_each_once() -> None:
    codes = ("binh-duong", "dong-nai", "tay-ninh")
    assert parse_peers(peers_param(codes)) == codes
    assert parse_peers(" binh-duong, dong-nai,,binh-duong ") == ("binh-duong", "dong-nai")


def test_an_empty_choice_is_said_not_dropped() -> None:
    assert peers_param([]) == PEERS_NONE
    assert parse_peers(PEERS_NONE) == ()
    assert parse_peers(None) is None, "absent: the page's default peers"
    assert parse_peers("") is None


def test_a_successor_keeps_the_region_of_the_province_whose_code_it_keeps_inferred_when_mixed():
    mapping = [
        {"predecessor_code": "dong-nai", "successor_code": "dong-nai"},
        {"predecessor_code": "binh-phuoc", "successor_code": "dong-nai"},
        {"predecessor_code": "tay-ninh", "successor_code": "tay-ninh"},
        {"predecessor_code": "long-an", "successor_code": "tay-ninh"},
        {"predecessor_code": "ha-noi", "successor_code": "ha-noi"},
    ]
    regions = {"dong-nai": "se", "binh-phuoc": "se", "tay-ninh": "se", "long-an": "mekong", "ha-noi": "red"}

    assert successor_regions(mapping, regions) == {
        "dong-nai": ("se", False),
        "tay-ninh": ("se", True),
        "ha-noi": ("red", False),
    }
