"""Two app processes (gunicorn) behind nginx, sharing PostgreSQL (a schema of this test's own) and
Redis (a redis-server of its own): a session, a sign-out, the sign-in limit and an import (its views
and the wall's kiosk) hold across both. nginx is Debian's package; without it the test skips, unless
`REQUIRE_NGINX=1` (CI)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from openpyxl import load_workbook
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from data_access import db
from data_access.importing import files as downloads
from data_access.importing import formats
from data_access.settings import SEED_DIR
from scripts.local_stack import PROJECT_ROOT, free_port, gunicorn, nginx
from seed.loader import load_seed
from tests.conftest import DEFAULT_POSTGRES_URL, TEST_ACCOUNTS, create_test_accounts, reachable_postgres, skip_or_fail
from tests.pages.conftest import rankings_body
from tests.services import own_redis

SECRET = "several-instances-test-" + "k" * 24
SCHEMA = f"dti_multi_{os.getpid()}"
YEAR, LEVEL = 2022, "department"
USERNAME, PASSWORD, _ROLE, _UNIT = TEST_ACCOUNTS["leader"]


class NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser as far as the app can tell: a cookie jar (cookies go to every port of 127.0.0.1,
    as a browser's do) and no redirects followed."""

    def __init__(self) -> None:
        self.jar = CookieJar()
        self.opener = build_opener(HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str]:
        try:
            with self.opener.open(Request(url, data=body, headers=headers or {}), timeout=60) as response:
                return response.status, response.read().decode("utf-8")
        except HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def sign_in(self, base: str, password: str = PASSWORD, headers: dict[str, str] | None = None) -> int:
        _status, form = self.request(f"{base}/login", headers=headers)
        self.token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        return self.try_password(base, password, headers)

    def try_password(self, base: str, password: str, headers: dict[str, str] | None = None) -> int:
        """Post the sign-in form again (its token still valid), as someone retyping a password does."""
        body = urlencode({"username": USERNAME, "password": password, "csrf": self.token}).encode()
        return self.request(f"{base}/login", body, headers)[0]

    def session(self) -> str:
        return next(cookie.value for cookie in self.jar if cookie.name == "dti_session")

    def csrf(self) -> str:
        signer = Flask("several-instances")
        signer.secret_key = SECRET
        return SecureCookieSessionInterface().get_signing_serializer(signer).loads(self.session())["csrf"]

    def department_ranking(self, base: str) -> str:
        """The rankings page's table of departments, as its callback draws it."""
        body = rankings_body({"year": str(YEAR), "level": LEVEL})
        return self.callback(base, body)

    def kiosk_beat(self, base: str, shown: int) -> dict:
        """One heartbeat of the wall's kiosk (`/present?kiosk=1`) showing data version `shown`: the
        version it read, and the one it hands the deck (only when it moved, so the slides redraw)."""
        body = {
            "output": "..present-heartbeat.data...present-version.data..",
            "outputs": [{"id": "present-heartbeat", "property": "data"}, {"id": "present-version", "property": "data"}],
            "inputs": [{"id": "present-poll", "property": "n_intervals", "value": 1}],
            "changedPropIds": ["present-poll.n_intervals"],
            "state": [{"id": "present-version", "property": "data", "value": shown}],
        }
        return json.loads(self.callback(base, body))["response"]

    def callback(self, base: str, body: dict) -> str:
        status, answer = self.request(
            f"{base}/_dash-update-component", json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        assert status == 200, answer[:500]
        return answer


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Instances `a` and `b` and `proxy` (nginx over both), and the `database` they share."""
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        skip_or_fail("REQUIRE_NGINX", "nginx is not installed (apt-get install -y nginx)")
    reachable_postgres()
    base = make_url(os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    admin_engine = create_engine(base)
    with admin_engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
    database = base.update_query_dict({"options": f"-csearch_path={SCHEMA}"}).render_as_string(hide_password=False)
    folder = tmp_path_factory.mktemp("several-instances")
    try:
        load_seed(db.engine_for(database), reset=True)  # once, before either instance starts
        create_test_accounts(database)
        with ExitStack() as services:
            _redis, redis_url = services.enter_context(own_redis(folder))
            env = {
                "DATABASE_URL": database,
                "CACHE_REDIS_URL": redis_url,
                "DTI_SECRET_KEY": SECRET,
                "DTI_SECURE_COOKIES": "0",
                "DTI_TRUSTED_PROXIES": "127.0.0.1",
            }
            ports = [free_port(), free_port()]
            a, b = (services.enter_context(gunicorn(port, env, folder / f"gunicorn-{port}.log")) for port in ports)
            proxy = services.enter_context(nginx([f"127.0.0.1:{port}" for port in ports], folder))
            yield {"a": a, "b": b, "proxy": proxy, "database": database, "env": env, "folder": str(folder)}
    finally:
        db.engine_for(database).dispose()
        with admin_engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        admin_engine.dispose()


def test_a_session_from_one_instance_works_on_the_other_and_signing_out_ends_it_on_both(stack):
    reader = Visitor()
    assert reader.sign_in(stack["a"]) == 302
    assert reader.request(f"{stack['b']}/rankings")[0] == 200
    assert [reader.request(f"{stack['proxy']}/rankings")[0] for _ in range(4)] == [200] * 4
    copied = reader.session()

    body = urlencode({"csrf": reader.csrf()}).encode()
    assert reader.request(f"{stack['b']}/logout", body)[0] == 302
    replayed = {"Cookie": f"dti_session={copied}"}
    assert Visitor().request(f"{stack['a']}/rankings", headers=replayed)[0] == 302, "signed out on b, refused on a"
    assert Visitor().request(f"{stack['b']}/rankings", headers=replayed)[0] == 302


def test_the_sign_in_limit_counts_across_both_instances(stack):
    # Through nginx, which spreads the tries over both instances and names the client in X-Forwarded-For.
    client = {"X-Forwarded-For": "192.0.2.50"}
    guesser = Visitor()
    statuses = [guesser.sign_in(stack["proxy"], "sai-0", client)]
    statuses += [guesser.try_password(stack["proxy"], f"sai-{n}", client) for n in range(1, 5)]
    assert statuses == [401] * 5
    assert guesser.try_password(stack["proxy"], PASSWORD, client) == 429
    assert guesser.try_password(stack["proxy"], PASSWORD, client) == 429, "refused by the other instance too"
    log = (Path(stack["folder"]) / "access.log").read_text()
    upstreams = {line.rsplit(" ", 1)[-1] for line in log.splitlines() if "POST /login" in line}
    assert len(upstreams) == 2, f"the tries reached both instances: {upstreams}"
    assert Visitor().sign_in(stack["proxy"], PASSWORD, {"X-Forwarded-For": "192.0.2.51"}) == 302


def lowered_export(database: str, folder: Path, unit: str) -> tuple[Path, float]:
    """The app's own export of 2022's departments with one unit's awareness points and total one lower."""
    content = downloads.export_file(formats.SCORES, {"year": YEAR, "level": LEVEL}, engine=db.engine_for(database))[1]
    book = load_workbook(io.BytesIO(content))
    sheet = book[formats.SCORES_SHEET]
    headers = [cell.value for cell in sheet[1]]
    awareness = next(i for i, h in enumerate(headers, 1) if "[awareness]" in h)
    total = headers.index("Tổng điểm") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 3).value == unit)
    sheet.cell(row, awareness).value -= 1
    new_total = round(float(sheet.cell(row, total).value) - 1, 2)
    sheet.cell(row, total).value = new_total
    path = folder / "diem-2022-department.xlsx"
    book.save(path)
    return path, new_total


def test_an_import_is_seen_by_both_instances_next_views_and_by_a_kiosk_on_the_other(stack):
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        printed = [r for r in csv.DictReader(fh) if r["year"] == str(YEAR) and r["level"] == LEVEL]
    unit = next(r for r in printed if r["published_rank"] == "1")
    reader = Visitor()
    assert reader.sign_in(stack["a"]) == 302
    old = f"{float(unit['published_total']):.2f}".replace(".", ",")
    assert old in reader.department_ranking(stack["a"])
    assert old in reader.department_ranking(stack["b"])  # both views now cached in the shared Redis
    shown = reader.kiosk_beat(stack["b"], shown=-1)["present-heartbeat"]["data"]["version"]
    assert "present-version" not in reader.kiosk_beat(stack["b"], shown=shown), "no import yet: the wall stays"

    path, new_total = lowered_export(stack["database"], Path(stack["folder"]), unit["unit_code"])
    command = ["data", "import", str(path), "--accept-warnings", "--user", "test-admin"]
    imported = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app:server", *command],
        cwd=PROJECT_ROOT,
        env={**os.environ, **stack["env"]},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    new = f"{new_total:.2f}".replace(".", ",")
    assert new in reader.department_ranking(stack["b"])
    assert new in reader.department_ranking(stack["a"])
    # The kiosk on the other instance sees the version move, which redraws its deck.
    moved = reader.kiosk_beat(stack["b"], shown=shown)["present-version"]["data"]
    assert moved != shown
