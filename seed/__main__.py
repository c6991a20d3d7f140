"""`python -m seed [--reset]`: load the published figures into `DATABASE_URL`.

`python -m seed --synthetic national [--reset]`: load a synthetic national-scale dataset instead
(seed/synthetic.py), through the import, into its own database (`DATABASE_URL`, empty or reset).

`python -m seed --synthetic-communes binh-phuoc [--boundaries] [--former-districts]`: add a synthetic
2025 of 100 communes, wards and special zones of a province's area (under the province it merged into
by then: Đồng Nai for Bình Phước), optionally with grid boundaries and with each commune's former
district in the reorganisation dataset (the `/districts` "Huyện cũ" filter).
"""

from __future__ import annotations

import argparse
import sys

from data_access import db, settings
from seed import synthetic
from seed.loader import SeedRefused, load_seed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seed", description="Nạp dữ liệu DTI đã công bố vào cơ sở dữ liệu.")
    parser.add_argument("--reset", action="store_true", help="xoá và tạo lại toàn bộ cơ sở dữ liệu trước khi nạp")
    parser.add_argument(
        "--synthetic",
        choices=sorted(synthetic.SHAPES),
        help="nạp bộ dữ liệu tổng hợp (synthetic) quy mô toàn quốc thay cho số liệu công bố, qua đường nạp tệp",
    )
    parser.add_argument(
        "--synthetic-communes",
        metavar="MA_TINH",
        help="thêm năm 2025 tổng hợp (synthetic) gồm 100 xã, phường, đặc khu thuộc tỉnh này, qua đường nạp tệp",
    )
    parser.add_argument(
        "--boundaries", action="store_true", help="kèm ranh giới ô lưới tổng hợp (synthetic) cho các xã đó"
    )
    parser.add_argument(
        "--former-districts",
        action="store_true",
        help="kèm các dòng huyện cũ → xã (tổng hợp) trong bộ dữ liệu sắp xếp đơn vị",
    )
    args = parser.parse_args(argv)
    if args.synthetic_communes:
        return load_synthetic_communes(
            args.synthetic_communes, boundaries=args.boundaries, former_districts=args.former_districts
        )
    if args.synthetic:
        return load_synthetic(args.synthetic, reset=args.reset)
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


def load_synthetic(name: str, *, reset: bool) -> int:
    """The synthetic dataset `name` into `DATABASE_URL`, which must be empty (or is reset)."""
    engine = db.get_engine()
    if reset:
        db.drop_schema(engine)
    try:
        counts = synthetic.generate(synthetic.SHAPES[name], engine, say=print)
    except synthetic.SyntheticRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    print(f"Đã nạp dữ liệu tổng hợp (synthetic) '{name}' vào {settings.database_url()}: {counts}")
    return 0


def load_synthetic_communes(province: str, *, boundaries: bool, former_districts: bool = False) -> int:
    """A synthetic commune year of `province`'s area in the database (loaded from the seed first if empty)."""
    engine = db.get_engine()
    load_seed()
    try:
        year = synthetic.CommuneYear(province, engine)
        year.load(with_boundaries=boundaries)
        if former_districts:
            year.load_former_districts()
    except (synthetic.SyntheticRefused, StopIteration) as refused:
        print(f"Không nạp được: {refused or 'không có tỉnh ' + province}", file=sys.stderr)
        return 1
    print(
        f"Đã nạp năm {synthetic.COMMUNE_YEAR}: {synthetic.COMMUNE_COUNT} xã tổng hợp (synthetic) thuộc {year.parent}"
        + (f" (vùng của {province})" if year.parent != province else "")
        + (", kèm huyện cũ của từng xã" if former_districts else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
