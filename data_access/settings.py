"""Runtime settings read from the environment, in one place so every entry point agrees."""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = PROJECT_ROOT / "seed" / "data"
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "instance" / "dti.sqlite3"


def database_url() -> str:
    """The database to use: `DATABASE_URL`, else an SQLite file under `instance/`."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def cache_redis_url() -> str | None:
    """Redis for the query cache when set; otherwise the cache lives in the process."""
    return os.environ.get("CACHE_REDIS_URL", "").strip() or None


def cache_socket_timeout() -> float:
    """Seconds to wait for Redis to connect or answer (`DTI_CACHE_TIMEOUT_SECONDS`, default 0.5):
    a cache slower than the database it stands in front of is worse than none."""
    return float(os.environ.get("DTI_CACHE_TIMEOUT_SECONDS", "0.5"))


def cache_retry_seconds() -> float:
    """After a Redis failure, how long to go straight to the database before trying Redis again
    (`DTI_CACHE_RETRY_SECONDS`, default 10): one slow call per interval, not one per query."""
    return float(os.environ.get("DTI_CACHE_RETRY_SECONDS", "10"))


def trusted_proxies() -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Reverse proxies whose `X-Forwarded-For` names the client (`DTI_TRUSTED_PROXIES`: addresses or
    networks, comma-separated, e.g. `127.0.0.1,10.0.0.0/8`); unset, the header is never believed."""
    raw = os.environ.get("DTI_TRUSTED_PROXIES", "")
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in raw.split(",") if part.strip())


def focus_unit_code() -> str | None:
    """The province the dashboard is about, when pinned by `DTI_FOCUS_UNIT`.

    Unset means "derive it from the data" (see `queries.focus_unit_code`), so a new
    province's deployment works without touching configuration.
    """
    return os.environ.get("DTI_FOCUS_UNIT", "").strip() or None


def secret_key() -> str:
    """The key that signs session cookies: `DTI_SECRET_KEY`, else one generated once and kept in
    `instance/secret_key` (readable by the owner only), so no secret ever sits in the repository."""
    key = os.environ.get("DTI_SECRET_KEY", "").strip()
    if key:
        return key
    path = PROJECT_ROOT / "instance" / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text().strip()  # another worker wrote it first
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def secure_cookies() -> bool:
    """Mark session cookies Secure (HTTPS only). On by default; `DTI_SECURE_COOKIES=0` for plain HTTP on a LAN."""
    return os.environ.get("DTI_SECURE_COOKIES", "1").strip() != "0"


def session_hours() -> int:
    """How long a sign-in lasts; the IOC wall screen stays signed in for this long."""
    return int(os.environ.get("DTI_SESSION_HOURS", "12"))
