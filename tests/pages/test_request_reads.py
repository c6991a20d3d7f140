"""What one warm request asks the database: who is asking and the data version, once each.

Every memoized query keys on the data version, and every callback is checked against the viewer:
both are read once per request (flask `g`), not once per query, so a page whose figures are cached
costs two small reads whatever it shows.
"""

from __future__ import annotations

from sqlalchemy import event

from data_access import db
from tests.pages.conftest import overview_callback
from tests.pages.test_access import rankings_callback


def _statements_during(action) -> list[str]:
    statements: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        statements.append(statement)

    engine = db.get_engine()
    event.listen(engine, "after_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "after_cursor_execute", record)
    return statements


def _overview(client):
    response = overview_callback(client, "2022")
    assert response.status_code == 200
    assert "0,6385" in response.get_data(as_text=True)


def test_a_warm_callback_reads_the_viewer_and_the_data_version_once_each(client):
    _overview(client)  # fills the cache
    statements = _statements_during(lambda: _overview(client))
    assert len(statements) == 2, statements
    assert sum("data_version" in s for s in statements) == 1
    assert sum("users" in s for s in statements) == 1


def test_a_warm_national_ranking_reads_no_more(client):
    assert rankings_callback(client, "province").status_code == 200
    statements = _statements_during(lambda: rankings_callback(client, "province"))
    assert len(statements) == 2, statements
