"""Security headers on every response: what the browser may load and run, and who may frame us.

The Content-Security-Policy allows scripts from this server only, plus Dash's own inline scripts by
their hashes (its renderer start-up and any inline clientside callback); nothing may frame the app
(the IOC wall shows it full screen, it never needs framing), and the development server does not
name its software.
"""

from __future__ import annotations

import dash
from flask import Response
from werkzeug.serving import WSGIRequestHandler

SERVER_NAME = "DTI"

# Dash's config block is `type="application/json"` (data, not a script); styles are set inline by
# React and Plotly; maps draw tiles into blobs and run workers from them; exports are data: URLs.
POLICY = {
    "default-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def content_security_policy(app: dash.Dash) -> str:
    """The policy with Dash's inline scripts allowed by hash (computed once every callback is registered)."""
    scripts = " ".join(["'self'", *app.csp_hashes()])
    return "; ".join(f"{name} {value}" for name, value in {**POLICY, "script-src": scripts}.items())


def install(app: dash.Dash) -> None:
    """Add the headers to every response of `app`'s server; call after the pages are registered."""
    policy: list[str] = []

    @app.server.after_request
    def add_security_headers(response: Response) -> Response:
        if not policy:
            policy.append(content_security_policy(app))
        response.headers["Content-Security-Policy"] = policy[0]
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response


class QuietRequestHandler(WSGIRequestHandler):
    """`python app.py`'s request handler, which answers `Server: DTI` instead of naming Werkzeug and
    Python with their versions (gunicorn says only "gunicorn")."""

    def version_string(self) -> str:
        return SERVER_NAME
