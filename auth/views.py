"""`/login` and `/logout`: a plain server-rendered form, so signing in needs no Dash callback
(and therefore nothing of the app is reachable before it)."""

from __future__ import annotations

import contextlib
import logging
from urllib.parse import urlsplit

from flask import Blueprint, Response, redirect, render_template_string, request
from sqlalchemy.exc import SQLAlchemyError

from auth import audit, session, throttle
from auth.policy import landing_path
from auth.users import authenticate, end_sessions
from components.i18n import t
from web.language import language

log = logging.getLogger("dti.auth")
blueprint = Blueprint("auth", __name__)

# One centred card, shared by the sign-in form and the refusal page; `content` goes inside the card.
CARD_PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}" data-bs-theme="dark">
<head>
  <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ t(title_key, lang) }} — {{ t('app.title', lang) }}</title>
  <link rel="stylesheet" href="/assets/00-bootstrap.min.css">
  <link rel="stylesheet" href="/assets/01-bootstrap-icons.min.css">
  <link rel="stylesheet" href="/assets/02-fonts.css">
  <link rel="stylesheet" href="/assets/10-app.css">
  <script src="/assets/05-stored-theme.js"></script>
</head>
<body class="login-body">
  <main class="login-card card shadow" id="{{ card_id }}">
    <div class="card-body p-4 p-lg-5">
      <div class="login-brand mb-4"><i class="bi bi-bar-chart-line-fill me-2"></i>{{ t('app.title', lang) }}</div>
      <!-- content -->
    </div>
  </main>
</body>
</html>"""

LOGIN_CONTENT = """<h1 class="h3 mb-3">{{ t('auth.login_title', lang) }}</h1>
      {% if message %}
      <div class="alert alert-{{ level }}" role="alert" id="login-message">{{ message }}</div>
      {% endif %}
      <form method="post" action="/login" autocomplete="on">
        <input type="hidden" name="csrf" value="{{ csrf }}">
        <input type="hidden" name="next" value="{{ next }}">
        <label class="form-label" for="username">{{ t('auth.username', lang) }}</label>
        <input class="form-control form-control-lg mb-3" id="username" name="username" value="{{ username }}"
               autocomplete="username" required autofocus>
        <label class="form-label" for="password">{{ t('auth.password', lang) }}</label>
        <input class="form-control form-control-lg mb-4" id="password" name="password" type="password"
               autocomplete="current-password" required>
        <button class="btn btn-primary btn-lg w-100" type="submit" id="login-submit">
          {{ t('auth.submit', lang) }}
        </button>
      </form>
      <div class="mt-4 small text-body-secondary d-flex justify-content-between">
        <span>{{ t('auth.help', lang) }}</span>
        <a href="/lang/{{ 'en' if lang == 'vi' else 'vi' }}">{{ t('shell.language_switch', lang) }}</a>
      </div>"""

FORBIDDEN_CONTENT = """<h1 class="h3 mb-3"><i class="bi bi-shield-lock me-2"></i>{{ t('auth.denied_title', lang) }}</h1>
      <p>{{ message }}</p>
      <a class="btn btn-outline-primary" href="{{ home }}">{{ t('auth.home', lang) }}</a>"""

OUTAGE_CONTENT = """<h1 class="h3 mb-3"><i class="bi bi-database-x me-2"></i>{{ t('error.database_title', lang) }}</h1>
      <p id="page-message">{{ t('error.database', lang) }}</p>"""

LOGIN_TEMPLATE = CARD_PAGE.replace("<!-- content -->", LOGIN_CONTENT)
OUTAGE_TEMPLATE = CARD_PAGE.replace("<!-- content -->", OUTAGE_CONTENT)
FORBIDDEN_TEMPLATE = CARD_PAGE.replace("<!-- content -->", FORBIDDEN_CONTENT)


def forbidden_response(lang: str, message: str, home: str) -> Response:
    """403 for a page the reader may not open, said in words, with the way back to their own start page."""
    html = render_template_string(
        FORBIDDEN_TEMPLATE,
        t=t,
        lang=lang,
        title_key="auth.denied_title",
        card_id="access-denied",
        message=message,
        home=home,
    )
    return Response(html, status=403, mimetype="text/html")


def outage_response(lang: str) -> Response:
    """503 for a reader whose session cannot be checked while the database is down: the outage said in
    words, and nothing of the app (no page, no user name) until the session can be verified again."""
    html = render_template_string(
        OUTAGE_TEMPLATE, t=t, lang=lang, title_key="error.database_title", card_id="database-down"
    )
    return Response(html, status=503, mimetype="text/html", headers={"Retry-After": "30"})


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an absolute or scheme-relative URL (no open redirect).

    Browsers drop tabs and newlines from a Location and read a backslash as a slash, so a target
    with either after its first slash would lead off the site: such a target is refused whole."""
    if not target or any(ord(c) < 32 or c in "\\\x7f" for c in target):
        return ""
    parts = urlsplit(target)
    if not target.startswith("/") or target.startswith("//") or parts.scheme or parts.netloc:
        return ""
    return target


def _form(lang: str, *, message: str = "", level: str = "danger", username: str = "", status: int = 200) -> Response:
    html = render_template_string(
        LOGIN_TEMPLATE,
        t=t,
        lang=lang,
        title_key="auth.login_title",
        card_id="login",
        message=message,
        level=level,
        username=username,
        next=safe_next(request.values.get("next")),
        csrf=session.csrf_token(),
    )
    return Response(html, status=status, mimetype="text/html")


@blueprint.get("/login")
def login_form() -> Response:
    lang = language()
    if session.current_viewer() is not None:
        return redirect(safe_next(request.args.get("next")) or landing_path(session.current_viewer()))
    signed_out = request.args.get("signed_out") == "1"
    return _form(lang, message=t("auth.signed_out_ok", lang) if signed_out else "", level="info")


@blueprint.post("/login")
def login_submit() -> Response:
    lang = language()
    username = (request.form.get("username") or "").strip()[:80]
    password = request.form.get("password") or ""
    if not session.csrf_valid(request.form.get("csrf")):
        return _form(lang, message=t("auth.form_expired", lang), username=username, status=400)
    address = audit.client_address()
    try:
        if not throttle.try_allowed(username, address):
            audit.record(audit.LOGIN_THROTTLED, username)
            return _form(lang, message=t("auth.throttled", lang), username=username, status=429)
        signed = authenticate(username, password)
        if signed is None:
            audit.record(audit.LOGIN_FAILED, username)
            return _form(lang, message=t("auth.wrong", lang), username=username, status=401)
        throttle.succeeded(username, address)
        session.sign_in(signed.viewer, signed.epoch)
        audit.record(audit.LOGIN_OK, username)
    except SQLAlchemyError:
        log.exception("Sign-in could not reach the database")
        return _form(lang, message=t("error.database", lang), username=username, status=503)
    target = safe_next(request.form.get("next"))
    return redirect(target if target not in ("", "/") else landing_path(signed.viewer))


@blueprint.post("/logout")
def logout() -> Response:
    viewer = session.current_viewer()
    if viewer is not None and session.csrf_valid(request.form.get("csrf")):
        with contextlib.suppress(SQLAlchemyError):  # signing out must work even when the database does not
            end_sessions(viewer.username)
            audit.record(audit.LOGOUT, viewer.username)
        session.sign_out()
    return redirect("/login?signed_out=1")
