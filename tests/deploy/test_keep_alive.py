"""gunicorn as the README and `scripts/local_stack.py` run it keeps an idle connection open long
enough for a browser or a reverse proxy to reuse it: with gunicorn's default (2 s) a reader who
paused longer had the connection closed under their next request, a reset."""

from __future__ import annotations

import time
from http.client import HTTPConnection
from pathlib import Path

from scripts.load_test import wait_until_ready
from scripts.local_stack import KEEP_ALIVE_SECONDS, free_port, gunicorn
from tests.conftest import sqlite_url

# Longer than gunicorn's default keep-alive of 2 s: the pause is the situation under test (a reader
# looking at a page), not a wait for some state.
PAUSE_SECONDS = 3


def test_a_connection_reused_after_a_pause_is_not_reset(tmp_path: Path) -> None:
    assert PAUSE_SECONDS < KEEP_ALIVE_SECONDS
    env = {"DATABASE_URL": sqlite_url(tmp_path), "DTI_SECRET_KEY": "keep-alive-test-" + "k" * 32}
    port = free_port()
    with gunicorn(port, env, tmp_path / "gunicorn.log", workers=1, threads=2) as base:
        wait_until_ready(base)
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", "/healthz")
            first = connection.getresponse()
            first.read()
            assert first.status == 200
            assert not first.will_close, "the server offered to keep the connection"
            time.sleep(PAUSE_SECONDS)
            connection.request("GET", "/healthz")  # on the same connection: http.client does not reconnect
            again = connection.getresponse()
            again.read()
            assert again.status == 200
        finally:
            connection.close()
