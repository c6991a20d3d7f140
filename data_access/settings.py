"""Runtime settings read from the environment, in one place so every entry point agrees."""

from __future__ import annotations

import os
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


def focus_unit_code() -> str | None:
    """The province the dashboard is about, when pinned by `DTI_FOCUS_UNIT`.

    Unset means "derive it from the data" (see `queries.focus_unit_code`), so a new
    province's deployment works without touching configuration.
    """
    return os.environ.get("DTI_FOCUS_UNIT", "").strip() or None
