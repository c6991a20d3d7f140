"""`flask --app app:server units list`: the unit codes an admin types when creating accounts or files.

Codes are what accounts and import files refer to; names are what people know. This prints both,
filtered by level, parent or a word typed with or without diacritics.
"""

from __future__ import annotations

import click
from sqlalchemy import select
from sqlalchemy.orm import aliased

from data_access import db
from data_access.models import Unit
from domain.lookup import fold
from domain.vocabulary import LEVELS, UNIT_KINDS


def unit_rows(level: str | None = None, parent: str | None = None) -> list[tuple[str, str, str, str]]:
    """(code, level, Vietnamese name, parent code) of every unit, provinces first then by code."""
    parent_unit = aliased(Unit)
    statement = select(Unit.code, Unit.kind, Unit.name_vi, parent_unit.code).outerjoin(
        parent_unit, Unit.parent_id == parent_unit.id
    )
    if level:
        statement = statement.where(Unit.kind == level)
    if parent:
        statement = statement.where(parent_unit.code == parent)
    with db.get_engine().connect() as conn:
        rows = [(code, kind, name, parent_code or "") for code, kind, name, parent_code in conn.execute(statement)]
    order = {name: position for position, name in enumerate(LEVELS)}
    return sorted(rows, key=lambda row: (order.get(row[1], len(order)), row[3], row[0]))


@click.group("units", help="Danh sách đơn vị (mã, cấp, tên).")
def units_cli() -> None:
    pass


@units_cli.command("list")
@click.option("--level", type=click.Choice(UNIT_KINDS), help="Chỉ một cấp (province, department, district…).")
@click.option("--parent", help="Chỉ các đơn vị thuộc tỉnh có mã này, ví dụ binh-phuoc.")
@click.option("--search", help="Lọc theo mã hoặc tên, gõ có hay không dấu, ví dụ 'y te'.")
def list_units(level: str | None, parent: str | None, search: str | None) -> None:
    """In mã, cấp, tên và mã đơn vị cấp trên, mỗi đơn vị một dòng (phân cách bằng tab)."""
    wanted = fold(search or "")
    rows = [row for row in unit_rows(level, parent) if not wanted or wanted in fold(row[0]) + "|" + fold(row[2])]
    if not rows:
        raise click.ClickException("Không có đơn vị nào khớp điều kiện lọc.")
    for code, kind, name, parent_code in rows:
        click.echo(f"{code}\t{kind}\t{name}\t{parent_code or '-'}")
