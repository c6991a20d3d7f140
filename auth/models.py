"""Users and the audit log, in a metadata of their own.

They live apart from the figures' schema so that reloading the seed (`python -m seed --reset`)
or replacing a year's results never touches accounts or the record of who looked at what.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class AuthBase(DeclarativeBase):
    pass


def _utcnow() -> datetime:
    return datetime.now(UTC)


class User(AuthBase):
    """A reader of the dashboard. `session_epoch` moves on at a password reset or a disable,
    which signs out every session issued before."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str | None] = mapped_column(String(100), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class AuditEvent(AuthBase):
    """One line of the audit log: a sign-in (or a failed one), a sign-out, a unit page viewed, a refusal."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    unit_code: Mapped[str | None] = mapped_column(String(100), nullable=True)
    address: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class SignInLimit(AuthBase):
    """Sign-in tries counted in the current window for one key (a name from an address, or an
    address): a row per key, incremented in one UPDATE, so parallel tries cannot all read a count
    under the limit before any of them adds to it, on any number of workers or hosts."""

    __tablename__ = "sign_in_limits"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    tries: Mapped[int] = mapped_column(Integer, default=0)
