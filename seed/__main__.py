"""`python -m seed [--reset]`: load the published figures into `DATABASE_URL`."""

from __future__ import annotations

import argparse
import sys

from data_access import settings
from seed.loader import SeedRefused, load_seed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seed", description="Nạp dữ liệu DTI đã công bố vào cơ sở dữ liệu.")
    parser.add_argument("--reset", action="store_true", help="xoá và tạo lại toàn bộ cơ sở dữ liệu trước khi nạp")
    args = parser.parse_args(argv)
    try:
        report = load_seed(reset=args.reset)
    except SeedRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    for notice in report.notices:
        print(f"lưu ý: {notice}")
    if report.loaded:
        counts = ", ".join(f"{name} {n}" for name, n in report.counts.items())
        print(f"Đã nạp dữ liệu gốc vào {settings.database_url()}: {counts}")
    else:
        print("Cơ sở dữ liệu đã có dữ liệu; không nạp lại (dùng --reset để tạo lại).")
        for name, n in report.counts.items():
            print(f"Đã bổ sung {name}: {n} dòng")
    return 0


if __name__ == "__main__":
    sys.exit(main())
