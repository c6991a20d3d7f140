"""Deck exports run beside the request that asked for them, so a 6–10 s Chromium job holds no web worker.

The click starts a thread and answers at once with the job's id; the page polls `status` every
second and shows the step the export has reached, then takes the file. Jobs live in the query
cache (flask-caching: Redis in production), so any worker can answer the poll; a job belongs to
the account that started it and nobody else may read it.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app

from data_access.cache import cache
from exports.images import ExportError

# A finished file waits this long for its poll; an abandoned job is forgotten after it.
JOB_SECONDS = 600
RUNNING, DONE, FAILED = "running", "done", "failed"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Job:
    """Where an export is: `step` while running, the file when done, the reason when it failed."""

    owner: str
    state: str
    step: str = ""
    filename: str = ""
    mime: str = ""
    content: bytes = b""
    reason: str = ""


def _key(job_id: str) -> str:
    return f"deck-export:{job_id}"


def _save(job_id: str, job: Job) -> None:
    cache.set(_key(job_id), job, timeout=JOB_SECONDS)


def start(owner: str, work: Callable[[Progress], tuple[str, str, bytes]]) -> str:
    """Run `work(progress)` in a thread; it returns (filename, mime type, content). The job's id back."""
    job_id = secrets.token_urlsafe(16)
    _save(job_id, Job(owner, RUNNING))
    app = current_app._get_current_object()

    def run() -> None:
        with app.app_context():
            try:
                filename, mime, content = work(lambda step: _save(job_id, Job(owner, RUNNING, step=step)))
            except ExportError as failed:
                _save(job_id, Job(owner, FAILED, reason=str(failed)))
            else:
                _save(job_id, Job(owner, DONE, filename=filename, mime=mime, content=content))

    threading.Thread(target=run, name=f"deck-export-{job_id[:6]}", daemon=True).start()
    return job_id


def status(job_id: object, owner: str) -> Job | None:
    """The job for its owner; None for an unknown, expired or someone else's job."""
    if not isinstance(job_id, str) or not job_id:
        return None
    job = cache.get(_key(job_id))
    return job if isinstance(job, Job) and job.owner == owner else None


def forget(job_id: str) -> None:
    """The file was handed over: drop it."""
    cache.delete(_key(job_id))
