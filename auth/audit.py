"""The audit log: who signed in (or failed to), who viewed which unit, who was refused what."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd
from flask import has_request_context, request
from sqlalchemy import Engine, func, select

from auth.models import AuditEvent
from data_access import db

LOGIN_OK = "login_ok"
LOGIN_FAILED = "login_failed"
LOGIN_THROTTLED = "login_throttled"
LOGOUT = "logout"
UNIT_VIEW = "unit_view"
ACCESS_DENIED = "access_denied"
KINDS = (LOGIN_OK, LOGIN_FAILED, LOGIN_THROTTLED, LOGOUT, UNIT_VIEW, ACCESS_DENIED)


def client_address() -> str:
    return (request.remote_addr or "") if has_request_context() else ""


def record(
    kind: str, username: str, *, unit_code: str | None = None, detail: str = "", engine: Engine | None = None
) -> None:
    """Append one event; the caller's request gives the address."""
    with db.session_scope(engine) as session:
        session.add(
            AuditEvent(kind=kind, username=username[:80], unit_code=unit_code, address=client_address(), detail=detail)
        )


def failures_since(username: str, address: str, since: datetime, engine: Engine | None = None) -> tuple[int, int]:
    """Failed sign-ins since `since`: for this user name, and from this address."""
    failed = select(func.count()).select_from(AuditEvent).where(AuditEvent.kind == LOGIN_FAILED, AuditEvent.at >= since)
    with db.session_scope(engine) as session:
        by_name = session.scalar(failed.where(AuditEvent.username == username))
        by_address = session.scalar(failed.where(AuditEvent.address == address))
    return by_name or 0, by_address or 0


def events(
    *,
    kinds: tuple[str, ...] = KINDS,
    username: str = "",
    days: int = 30,
    limit: int = 500,
    engine: Engine | None = None,
) -> pd.DataFrame:
    """The latest events first, for the admins' audit page."""
    since = datetime.now(UTC) - timedelta(days=days)
    statement = (
        select(
            AuditEvent.at,
            AuditEvent.kind,
            AuditEvent.username,
            AuditEvent.unit_code,
            AuditEvent.address,
            AuditEvent.detail,
        )
        .where(AuditEvent.at >= since, AuditEvent.kind.in_(kinds))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    if username:
        statement = statement.where(AuditEvent.username == username)
    with (engine or db.get_engine()).connect() as conn:
        return pd.read_sql(statement, conn)
