"""Private services for fault and multi-instance tests: a redis-server of the test's own on a free
loopback port, so a test may stop or freeze it without touching the shared Redis."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail


def free_port() -> int:
    """A TCP port nothing listens on right now (loopback)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, deadline_seconds: float = 30.0) -> None:
    """Return once something accepts connections on `port`; fail if the process died or never listened."""
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args[0]} exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"nothing listened on port {port} within {deadline_seconds:.0f} s")


@contextmanager
def own_redis(folder: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    """A fresh redis-server (no persistence) on a free loopback port; yields the process and its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        skip_or_fail("REQUIRE_REDIS", "redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield process, f"redis://127.0.0.1:{port}/0"
    finally:
        process.kill()  # SIGKILL also ends a stopped (SIGSTOP) server
        process.wait(timeout=10)
