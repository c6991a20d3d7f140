"""The signed-in reader of the current request, kept in Flask's signed session cookie.

The cookie holds the account id and its session epoch; the account is re-read on every request
(one primary-key lookup), so signing out, a disabled account or a reset password takes effect at
once. While the database does not answer, a session cannot be verified and signs nobody in (a
signed-out cookie replayed during an outage must not get pages): `session_unverifiable` tells the
guard to explain the outage instead of bouncing to a sign-in form that cannot work either.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import Flask, g, has_request_context, session
from sqlalchemy.exc import SQLAlchemyError

from auth.policy import Viewer
from auth.users import viewer_for
from data_access import settings

_USER_ID = "uid"
_EPOCH = "epoch"
CSRF_KEY = "csrf"


def configure_sessions(server: Flask) -> None:
    server.config.update(
        SECRET_KEY=settings.secret_key(),
        SESSION_COOKIE_NAME="dti_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies(),
        PERMANENT_SESSION_LIFETIME=timedelta(hours=settings.session_hours()),
    )


def current_viewer() -> Viewer | None:
    """Who is asking, or None when nobody is signed in (or the database cannot say)."""
    if not has_request_context():
        return None
    if "viewer" not in g:
        user_id, epoch = session.get(_USER_ID), session.get(_EPOCH)
        viewer, g.session_unverifiable = None, False
        if isinstance(user_id, int) and isinstance(epoch, int):
            try:
                viewer = viewer_for(user_id, epoch)
            except SQLAlchemyError:
                g.session_unverifiable = True  # fail closed: nobody is signed in
        g.viewer = viewer
    return g.viewer


def session_unverifiable() -> bool:
    """The request carries a session the database could not check (it did not answer)."""
    current_viewer()
    return bool(g.get("session_unverifiable"))


def sign_in(viewer: Viewer, epoch: int) -> None:
    """A fresh session for `viewer` (never the pre-login one: no session fixation)."""
    session.clear()
    session.permanent = True
    session[_USER_ID] = viewer.user_id
    session[_EPOCH] = epoch
    session[CSRF_KEY] = secrets.token_urlsafe(24)
    g.pop("viewer", None)


def sign_out() -> None:
    session.clear()
    g.pop("viewer", None)


def csrf_token() -> str:
    """The session's anti-forgery token for HTML forms (login, logout)."""
    if CSRF_KEY not in session:
        session[CSRF_KEY] = secrets.token_urlsafe(24)
    return session[CSRF_KEY]


def csrf_valid(token: str | None) -> bool:
    expected = session.get(CSRF_KEY)
    return bool(expected and token and secrets.compare_digest(expected, token))
