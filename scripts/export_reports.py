"""Export one unit's report, or every unit of a level as one zip, and print how long it took.

From the project root, with the database of `DATABASE_URL` (loaded from `seed/` when empty):

    python scripts/export_reports.py [--level department] [--year 2022] [--out /tmp]   # the level's zip (PDF)
    python scripts/export_reports.py --unit binh-phuoc-so-y-te [--format pptx]          # one unit's report

It is the batch's benchmark (goal: the 24 departments under 30 s on the project's machine): the
time printed covers reading the data, building every report's slides, drawing every chart in ONE
Chromium session, printing the PDFs and writing the zip.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from flask import Flask  # noqa: E402

from components.unit_report import REPORT_FORMATS  # noqa: E402
from data_access import queries  # noqa: E402
from data_access.cache import configure_cache  # noqa: E402
from data_access.units import unit_years  # noqa: E402
from domain.vocabulary import SUB_LEVELS  # noqa: E402
from exports.unit_report import export_batch, export_report  # noqa: E402
from pages._unit_reports import build_report, level_builders  # noqa: E402
from seed.loader import load_seed  # noqa: E402


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", help="one unit's report (a unit code) instead of a level's zip")
    parser.add_argument("--level", choices=SUB_LEVELS, default="department", help="the level of the zip")
    parser.add_argument("--year", type=int, help="default: the latest year with results")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument(
        "--format", choices=REPORT_FORMATS, default="pdf", help="one unit's report only: the zip holds PDFs"
    )
    parser.add_argument("--out", type=Path, default=Path("."), help="folder for the file")
    args = parser.parse_args(argv)

    configure_cache(Flask("export-reports"))
    load_seed()
    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.unit:
        years = unit_years(args.unit)
        year = args.year or (years[-1] if years else None)
        report = build_report(args.unit, year, args.lang, name_holders=True) if year in years else None
        if report is None:
            print(f"No results for {args.unit} in {args.year}; years: {years}", file=sys.stderr)
            return 1
        built = time.perf_counter()
        content = export_report(report, args.format)
        path = args.out / f"{report.file_stem}.{args.format}"
        count = 1
    else:
        focus = queries.focus_unit_code()
        years = queries.available_years()
        year = args.year or years[-1]
        builders = level_builders(focus, args.level, year, args.lang)
        if not builders:
            print(f"No {args.level} results under {focus} in {year}.", file=sys.stderr)
            return 1
        built = time.perf_counter()
        content = export_batch(builders)
        path = args.out / f"reports-{args.level}-{year}.zip"
        count = len(builders)
    path.write_bytes(content)
    done = time.perf_counter()
    print(f"{path} ({len(content) / 1024:.0f} KiB)")
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in used)
    # On a shared machine the wall time is mostly waiting for a core: the processor time says what the work costs.
    print(f"processor time (this process and the Chromium it started): {cpu:.2f} s; load average {_load()}")
    print(
        f"{count} report(s), one Chromium session: {done - started:.2f} s in all "
        f"(the level's figures are read while Chromium draws, so there is no separate data time)"
        if not args.unit
        else f"1 report: data and slides {built - started:.2f} s, charts and file {done - built:.2f} s, "
        f"total {done - started:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
