"""Services started for one test or one measurement, on loopback only, and stopped after it:
a redis-server of its own, gunicorn workers of the app, nginx in front of them.

Used by the several-instances test and by `scripts/load_test.py`; nothing here touches the shared
PostgreSQL or Redis beyond the schema or port it is handed.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class StackError(RuntimeError):
    """A service did not start; the message says which and where its log is."""


def free_port() -> int:
    """A TCP port nothing listens on right now (loopback)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, name: str, deadline_seconds: float = 60.0) -> None:
    """Return once something accepts connections on `port`; raise if the process died or never listened."""
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StackError(f"{name} exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise StackError(f"{name} did not listen on port {port} within {deadline_seconds:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def redis_server(folder: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    """A fresh redis-server (no persistence) on a free loopback port; yields the process and its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise StackError("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process, "redis-server")
        yield process, f"redis://127.0.0.1:{port}/0"
    finally:
        os.kill(process.pid, signal.SIGCONT)  # a test may have frozen it
        _stop(process)


# Seconds gunicorn keeps an idle connection open for the next request (its default is 2). Browsers
# and reverse proxies reuse connections for longer (nginx's upstream keep-alive 60 s): a connection the
# server closes while a client sends on it is a reset that reader sees. Longer than a proxy's 60 s,
# so the proxy closes first; a gthread worker keeps idle connections in its poller, not in a thread.
KEEP_ALIVE_SECONDS = 75


def gunicorn_command(port: int, *, workers: int = 1, threads: int = 4) -> list[str]:
    """The command that serves the app on loopback `port`, with the production settings (README)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "app:server",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--keep-alive",
        str(KEEP_ALIVE_SECONDS),
        "--timeout",
        "60",
    ]


@contextmanager
def gunicorn_process(
    port: int, env: dict[str, str], log_path: Path, *, workers: int = 1, threads: int = 4
) -> Iterator[tuple[subprocess.Popen, str]]:
    """`gunicorn app:server` on loopback `port` with `env` added to ours; yields its master process
    (whose children are the workers) and its base URL."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            gunicorn_command(port, workers=workers, threads=threads),
            cwd=PROJECT_ROOT,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, process, f"gunicorn (log: {log_path})")
        yield process, f"http://127.0.0.1:{port}"
    finally:
        _stop(process)


@contextmanager
def gunicorn(port: int, env: dict[str, str], log_path: Path, *, workers: int = 1, threads: int = 4) -> Iterator[str]:
    """`gunicorn app:server` on loopback `port` with `env` added to ours; yields its base URL."""
    with gunicorn_process(port, env, log_path, workers=workers, threads=threads) as (_process, base):
        yield base


def child_pids(pid: int) -> list[int]:
    """The processes `pid` started (gunicorn's workers), from /proc; empty where there is no /proc."""
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def memory_mb(pid: int) -> tuple[float, float] | None:
    """A process's resident memory now and at its peak (VmRSS, VmHWM) in MB; None once it is gone."""
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    except OSError:
        return None
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


NGINX_CONFIG = """
worker_processes 1;
user root root;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 256; }}
http {{
    log_format upstreams '$remote_addr "$request" $status $upstream_addr';
    access_log {folder}/access.log upstreams;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    client_max_body_size 30m;
    server_tokens off;
    upstream dti {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://dti;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


@contextmanager
def nginx(backends: list[str], folder: Path) -> Iterator[str]:
    """nginx on a free loopback port, round-robin over `backends` ("127.0.0.1:port"), with its config,
    logs and temp files in `folder`; yields its base URL. The access log names the upstream of each request."""
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if binary is None:
        raise StackError("nginx is not installed")
    port = free_port()
    servers = "\n".join(f"        server {backend};" for backend in backends)
    config = folder / "nginx.conf"
    config.write_text(NGINX_CONFIG.format(folder=folder, port=port, servers=servers))
    with (folder / "nginx.out").open("wb") as log:
        process = subprocess.Popen(
            [binary, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, process, f"nginx (log: {folder / 'error.log'})")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: the master waits for its worker
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
