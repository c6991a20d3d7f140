"""Private services for fault and multi-instance tests (see `scripts/local_stack.py`): a test may stop,
freeze or cut them without touching the shared Redis or PostgreSQL. A missing one is a skip, or a
failure where CI requires it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts.local_stack import redis_server
from tests.conftest import skip_or_fail


@contextmanager
def own_redis(folder: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    """A redis-server of the test's own on a free loopback port; yields the process and its URL."""
    if shutil.which("redis-server") is None:
        skip_or_fail("REQUIRE_REDIS", "redis-server is not installed")
    with redis_server(folder) as started:
        yield started
