"""Counting what a piece of code reads from the database: the queries it runs and the rows they return.

The scale tests and the benchmark both ask "how much does this page read?" — the answer that does
not depend on the machine's speed. Each SELECT is counted once more inside `count(*)`, so measure
with it, never serve with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.engine import Engine


@dataclass
class Reads:
    queries: int = 0
    rows: int = 0


def counting(engine: Engine) -> tuple[Reads, Callable[[], None]]:
    """Count the SELECTs run on `engine` and the rows each returns, until the returned stop is called."""
    reads = Reads()

    def count(conn, _cursor, statement, parameters, _context, _executemany) -> None:
        if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
            return
        probe = conn.connection.dbapi_connection.cursor()
        probe.execute(f"SELECT count(*) FROM ({statement}) AS counted", parameters)
        reads.queries += 1
        reads.rows += probe.fetchone()[0]
        probe.close()

    event.listen(engine, "after_cursor_execute", count)
    return reads, lambda: event.remove(engine, "after_cursor_execute", count)
