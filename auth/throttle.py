"""Sign-in rate limiting, counted in the database so it holds across workers, hosts and restarts.

A try is counted *before* its password is checked, atomically (one UPDATE … RETURNING per key),
so forty parallel wrong passwords get at most `MAX_FAILURES_PER_USER` of them checked; a right
password gives its try back. Limits are per (name, address) and per address, never per name
alone: five wrong tries from one address must not lock `admin` out from every other address.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, case, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from auth.models import SignInLimit
from data_access import db

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20


def _keys(username: str, address: str) -> dict[str, int]:
    return {
        f"name {address} {username}"[:255]: MAX_FAILURES_PER_USER,
        f"address {address}"[:255]: MAX_FAILURES_PER_ADDRESS,
    }


def _count_try(session: Session, key: str, now: datetime) -> int:
    """Add one try to `key`'s window (a new window once the old one is over) and return the count."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(insert(SignInLimit).values(key=key, window_start=now, tries=0).on_conflict_do_nothing())
    expired = SignInLimit.window_start < now - WINDOW
    counted = (
        update(SignInLimit)
        .where(SignInLimit.key == key)
        .values(
            tries=case((expired, 1), else_=SignInLimit.tries + 1),
            window_start=case((expired, now), else_=SignInLimit.window_start),
        )
        .returning(SignInLimit.tries)
    )
    return session.execute(counted).scalar_one()


def try_allowed(username: str, address: str, engine: Engine | None = None) -> bool:
    """Count this try; False (refuse before checking the password) when a limit is already used up."""
    now = datetime.now(UTC)
    with db.session_scope(engine) as session:  # its own transaction: no lock held while counting
        session.execute(delete(SignInLimit).where(SignInLimit.window_start < now - WINDOW))
    with db.session_scope(engine) as session:
        within = [_count_try(session, key, now) <= limit for key, limit in _keys(username, address).items()]
    return all(within)


def succeeded(username: str, address: str, engine: Engine | None = None) -> None:
    """A right password: its try does not count, and the name's earlier failures from this address are forgiven."""
    name_key, address_key = _keys(username, address)
    with db.session_scope(engine) as session:
        session.execute(delete(SignInLimit).where(SignInLimit.key == name_key))
        session.execute(update(SignInLimit).where(SignInLimit.key == address_key).values(tries=SignInLimit.tries - 1))
