"""Export the steering committee's deck to PowerPoint and PDF, and print how long it took.

From the project root, with the database of `DATABASE_URL` (loaded from `seed/` when empty):

    python scripts/export_deck.py [--year 2022] [--lang vi] [--out /tmp] [--format pptx --format pdf]

It is also the export's benchmark: the time printed covers reading the data, building the
slides, drawing every chart in one Chromium session and writing both files.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from flask import Flask  # noqa: E402

from components.slides import build_slides  # noqa: E402
from data_access import queries  # noqa: E402
from data_access.cache import configure_cache  # noqa: E402
from data_access.deck import build_deck, deck_years  # noqa: E402
from domain.clock import local_today  # noqa: E402
from exports.deck import DECK_FORMATS, EXPORT_THEME, deck_basename, deck_title, export_deck  # noqa: E402
from pages._context import source_titles  # noqa: E402
from seed.loader import load_seed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, help="the deck's year (default: the latest with provincial results)")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--out", type=Path, default=Path("."), help="folder for the files")
    parser.add_argument("--format", action="append", choices=DECK_FORMATS, help="only these formats (default: both)")
    args = parser.parse_args(argv)

    configure_cache(Flask("export-deck"))
    load_seed()
    started = time.perf_counter()
    focus = queries.focus_unit_code()
    years = deck_years(focus) if focus else []
    if not years:
        print("No province with provincial DTI results in the database.", file=sys.stderr)
        return 1
    year = args.year or years[-1]
    if year not in years:
        print(f"No provincial results for {year}; years: {', '.join(map(str, years))}", file=sys.stderr)
        return 1
    deck = build_deck(focus, year)
    slides = build_slides(
        deck, theme=EXPORT_THEME, lang=args.lang, titles=source_titles(args.lang), today=local_today()
    )
    built = time.perf_counter()
    files = export_deck(slides, title=deck_title(deck, args.lang), lang=args.lang, formats=args.format or DECK_FORMATS)
    exported = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    for fmt, content in files.items():
        path = args.out / f"{deck_basename(focus, year)}.{fmt}"
        path.write_bytes(content)
        print(f"{path} ({len(content) / 1024:.0f} KiB)")
    print(
        f"{len(slides)} slides, {sum(s.has_chart for s in slides)} charts: data and slides {built - started:.2f} s, "
        f"charts and files {exported - built:.2f} s, total {time.perf_counter() - started:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
