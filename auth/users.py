"""Accounts: create, list, disable, reset a password, check a sign-in.

Passwords are stored only as Werkzeug scrypt hashes. A generated password is returned once to
the caller (the command line prints it) and never stored or logged in clear.
"""

from __future__ import annotations

import secrets
from typing import NamedTuple

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from auth.models import AuthBase, User
from auth.policy import ROLES, UNIT_HEAD, Viewer
from data_access import db
from data_access.models import Unit
from domain.lookup import nearest_units

HASH_METHOD = "scrypt"
MIN_PASSWORD_LENGTH = 10
# Checked against when the user does not exist, so a wrong name costs as much time as a wrong password.
_DUMMY_HASH = generate_password_hash(secrets.token_urlsafe(16), method=HASH_METHOD)


class AccountError(ValueError):
    """A request about an account that cannot be honoured; the message is for the operator, in Vietnamese."""


class Account(NamedTuple):
    username: str
    role: str
    unit_code: str | None
    active: bool


def create_tables(engine: Engine | None = None) -> None:
    AuthBase.metadata.create_all(engine or db.get_engine())


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.")


def _unit_kind(session, unit_code: str) -> str | None:
    return session.scalar(select(Unit.kind).where(Unit.code == unit_code))


def _unknown_unit(session, unit_code: str) -> str:
    """The refusal of an unknown unit code, naming the nearest codes so the admin can retype."""
    units = [(code, name) for code, name in session.execute(select(Unit.code, Unit.name_vi))]
    nearest = nearest_units(unit_code, units)
    message = f"Không có đơn vị mã '{unit_code}' trong dữ liệu."
    if nearest:
        message += " Có phải: " + "; ".join(f"{code} ({name})" for code, name in nearest) + "?"
    return message + " Danh sách mã: flask --app app:server units list."


def create_user(
    username: str,
    role: str,
    *,
    unit_code: str | None = None,
    password: str | None = None,
    engine: Engine | None = None,
) -> str:
    """Create an account and return its password (the one given, or a generated one to hand over once)."""
    username = username.strip()
    if not username:
        raise AccountError("Tên đăng nhập không được để trống.")
    if role not in ROLES:
        raise AccountError(f"Vai trò '{role}' không hợp lệ; chọn một trong: {', '.join(ROLES)}.")
    if role == UNIT_HEAD and not unit_code:
        raise AccountError("Tài khoản thủ trưởng đơn vị (unit_head) cần mã đơn vị (--unit).")
    if role != UNIT_HEAD and unit_code:
        raise AccountError("Chỉ tài khoản unit_head mới gắn với một đơn vị.")
    password = password or generate_password()
    _check_password(password)
    create_tables(engine)
    with db.session_scope(engine) as session:
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            raise AccountError(f"Tên đăng nhập '{username}' đã tồn tại.")
        if unit_code and _unit_kind(session, unit_code) is None:
            raise AccountError(_unknown_unit(session, unit_code))
        session.add(
            User(
                username=username,
                password_hash=generate_password_hash(password, method=HASH_METHOD),
                role=role,
                unit_code=unit_code,
            )
        )
    return password


def list_accounts(engine: Engine | None = None) -> list[Account]:
    create_tables(engine)
    with db.session_scope(engine) as session:
        users = session.scalars(select(User).order_by(User.username)).all()
        return [Account(u.username, u.role, u.unit_code, u.active) for u in users]


def _existing(session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AccountError(f"Không có tài khoản '{username}'.")
    return user


def set_active(username: str, active: bool, engine: Engine | None = None) -> None:
    """Disable (or re-enable) an account; disabling signs out its open sessions at once."""
    with db.session_scope(engine) as session:
        user = _existing(session, username)
        user.active = active
        user.session_epoch += 1


def end_sessions(username: str, engine: Engine | None = None) -> None:
    """Invalidate every session cookie issued to the account so far (signing out is server-side:
    a copy of the cookie, or a response still in flight that re-sets it, no longer signs anyone in)."""
    with db.session_scope(engine) as session:
        _existing(session, username).session_epoch += 1


def reset_password(username: str, password: str | None = None, engine: Engine | None = None) -> str:
    """Set a new password (given or generated), signing out the account's open sessions."""
    password = password or generate_password()
    _check_password(password)
    with db.session_scope(engine) as session:
        user = _existing(session, username)
        user.password_hash = generate_password_hash(password, method=HASH_METHOD)
        user.session_epoch += 1
    return password


class SignIn(NamedTuple):
    """A successful sign-in: who, and the session epoch the new session belongs to."""

    viewer: Viewer
    epoch: int


def authenticate(username: str, password: str, engine: Engine | None = None) -> SignIn | None:
    """The active account with this name and password, else None (the same hashing work either way)."""
    with db.session_scope(engine) as session:
        account = select(User, Unit.kind).outerjoin(Unit, Unit.code == User.unit_code)
        row = session.execute(account.where(User.username == username.strip())).first()
        if row is None:
            check_password_hash(_DUMMY_HASH, password)
            return None
        user, unit_level = row
        if not check_password_hash(user.password_hash, password) or not user.active:
            return None
        return SignIn(Viewer(user.id, user.username, user.role, user.unit_code, unit_level), user.session_epoch)


def viewer_for(user_id: int, epoch: int, engine: Engine | None = None) -> Viewer | None:
    """The reader a session cookie stands for, if the account is still active and the session still valid."""
    with db.session_scope(engine) as session:
        row = session.execute(
            select(User.id, User.username, User.role, User.unit_code, User.active, User.session_epoch, Unit.kind)
            .outerjoin(Unit, Unit.code == User.unit_code)
            .where(User.id == user_id)
        ).first()
    if row is None or not row.active or row.session_epoch != epoch:
        return None
    return Viewer(row.id, row.username, row.role, row.unit_code, row.kind)


def ensure_first_admin(engine: Engine | None = None) -> str | None:
    """On a database with no accounts, create `admin` with a random password and return it (else None)."""
    create_tables(engine)
    with db.session_scope(engine) as session:
        if session.scalar(select(func.count()).select_from(User)):
            return None
    try:
        return create_user("admin", "admin", engine=engine)
    except (AccountError, IntegrityError):
        return None  # another worker created it first
