"""Time the overview's data path, cold (empty cache) and warm, and print the figures.

    python scripts/benchmark.py [--repeat 20]

Uses `DATABASE_URL` like the app (default: the SQLite file under instance/, loaded from seed/
when empty). Timings are printed for people to read; no test asserts on them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask import Flask

from data_access import queries, settings
from data_access.cache import cache, configure_cache
from data_access.overview import build_overview
from seed.loader import load_seed


def timed(label: str, action: Callable[[], object], repeat: int, *, cold: bool) -> None:
    samples = []
    for _ in range(repeat):
        if cold:
            cache.clear()
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    print(f"{label:<42} median {statistics.median(samples):8.2f} ms   max {max(samples):8.2f} ms   (n={repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    configure_cache(Flask("benchmark"))
    load_seed()
    focus = queries.focus_unit_code()
    print(f"database: {settings.database_url()}   cache: {type(cache.cache).__name__}   unit: {focus}")
    for cold in (True, False):
        state = "cold" if cold else "warm"
        timed(
            f"pillar_scores(2022, department) [{state}]",
            lambda: queries.pillar_scores(2022, "department"),
            args.repeat,
            cold=cold,
        )
        timed(
            f"published_results(province) [{state}]",
            lambda: queries.published_results("province"),
            args.repeat,
            cold=cold,
        )
        timed(f"build_overview({focus}) [{state}]", lambda: build_overview(focus), args.repeat, cold=cold)


if __name__ == "__main__":
    main()
