"""The Dash app in-process, on a seeded SQLite database, for HTTP-level tests."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from data_access.cache import cache
from tests.conftest import sqlite_url


@pytest.fixture(scope="session")
def dash_app(tmp_path_factory: pytest.TempPathFactory):
    """Import `app` once (Dash pages register globally) with its own database, loaded on import."""
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = sqlite_url(tmp_path_factory.mktemp("app"))
    module = importlib.import_module("app")
    yield module
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous


@pytest.fixture
def client(dash_app, monkeypatch: pytest.MonkeyPatch) -> Iterator[FlaskClient]:
    monkeypatch.setenv("DATABASE_URL", os.environ["DATABASE_URL"])
    cache.clear()
    yield dash_app.server.test_client()
    cache.clear()


def post_callback(client: FlaskClient, output: str, inputs: list[dict], cookies: dict[str, str] | None = None):
    """Call a callback the way the browser does: a POST to Dash's update endpoint."""
    component, prop = output.rsplit(".", 1)
    for name, value in (cookies or {}).items():
        client.set_cookie(name, value)
    return client.post(
        "/_dash-update-component",
        json={
            "output": output,
            "outputs": {"id": component, "property": prop},
            "inputs": inputs,
            "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"],
            "state": [],
        },
    )
