"""The peers choice round-trips through its URL parameter."""

from __future__ import annotations

from domain.regions import PEERS_NONE, parse_peers, peers_param


def test_peers_round_trip_in_order_each_once() -> None:
    codes = ("binh-duong", "dong-nai", "tay-ninh")
    assert parse_peers(peers_param(codes)) == codes
    assert parse_peers(" binh-duong, dong-nai,,binh-duong ") == ("binh-duong", "dong-nai")


def test_an_empty_choice_is_said_not_dropped() -> None:
    assert peers_param([]) == PEERS_NONE
    assert parse_peers(PEERS_NONE) == ()
    assert parse_peers(None) is None, "absent: the page's default peers"
    assert parse_peers("") is None
