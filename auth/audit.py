"""The audit log: who signed in (or failed to), who viewed which unit, who was refused what."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime, timedelta

import pandas as pd
from flask import has_request_context, request
from sqlalchemy import Engine, select

from auth.models import AuditEvent
from data_access import db, settings
from data_access.models import Unit

LOGIN_OK = "login_ok"
LOGIN_FAILED = "login_failed"
LOGIN_THROTTLED = "login_throttled"
LOGOUT = "logout"
UNIT_VIEW = "unit_view"
ACCESS_DENIED = "access_denied"
ACCOUNT_CHANGE = "account_change"
KINDS = (LOGIN_OK, LOGIN_FAILED, LOGIN_THROTTLED, LOGOUT, UNIT_VIEW, ACCESS_DENIED, ACCOUNT_CHANGE)


def client_address() -> str:
    """The address a request came from. Behind a reverse proxy listed in `DTI_TRUSTED_PROXIES`, the
    nearest address in `X-Forwarded-For` that is not itself a trusted proxy; the header is ignored
    otherwise, since anyone can send it (and would then pick the address their tries count against)."""
    if not has_request_context():
        return ""
    address = request.remote_addr or ""
    trusted = settings.trusted_proxies()
    if not trusted or not _within(address, trusted):
        return address
    forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",") if part.strip()]
    for hop in reversed(forwarded):
        if not _within(hop, trusted):
            return hop[:64]
        address = hop
    return address[:64]


def _within(address: str, networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def record(
    kind: str, username: str, *, unit_code: str | None = None, detail: str = "", engine: Engine | None = None
) -> None:
    """Append one event; the caller's request gives the address."""
    with db.session_scope(engine) as session:
        session.add(
            AuditEvent(kind=kind, username=username[:80], unit_code=unit_code, address=client_address(), detail=detail)
        )


def events(
    *,
    kinds: tuple[str, ...] = KINDS,
    username: str = "",
    days: int = 30,
    limit: int = 500,
    engine: Engine | None = None,
) -> pd.DataFrame:
    """The latest events first, for the admins' audit page, with each event's unit by name (`name_vi`,
    `name_en`): an administrator knows units by name, not by the code a URL carries."""
    since = datetime.now(UTC) - timedelta(days=days)
    statement = (
        select(
            AuditEvent.at,
            AuditEvent.kind,
            AuditEvent.username,
            AuditEvent.unit_code,
            AuditEvent.address,
            AuditEvent.detail,
            Unit.name_vi,
            Unit.name_en,
        )
        .outerjoin(Unit, Unit.code == AuditEvent.unit_code)
        .where(AuditEvent.at >= since, AuditEvent.kind.in_(kinds))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    if username:
        statement = statement.where(AuditEvent.username == username)
    with (engine or db.get_engine()).connect() as conn:
        return pd.read_sql_query(statement, conn)
