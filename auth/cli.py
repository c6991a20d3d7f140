"""`flask --app app:server users …`: create, list, disable, enable accounts and reset passwords."""

from __future__ import annotations

import sys

import click

from auth import users
from auth.policy import ROLES


def _fail(error: users.AccountError) -> None:
    raise click.ClickException(str(error))


@click.group("users", help="Quản lý tài khoản (create, list, disable, enable, reset-password).")
def users_cli() -> None:
    pass


@users_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True, help="leader, unit_head hoặc admin.")
@click.option("--unit", "unit_code", default=None, help="Mã đơn vị, bắt buộc với unit_head (vd. SYT).")
@click.option("--password-stdin", is_flag=True, help="Đọc mật khẩu từ stdin thay vì sinh ngẫu nhiên.")
def create(username: str, role: str, unit_code: str | None, password_stdin: bool) -> None:
    """Tạo tài khoản; mật khẩu sinh ngẫu nhiên được in ra một lần duy nhất."""
    given = sys.stdin.readline().rstrip("\n") if password_stdin else None
    try:
        password = users.create_user(username, role, unit_code=unit_code, password=given)
    except users.AccountError as error:
        _fail(error)
    click.echo(f"Đã tạo tài khoản '{username}' ({role}{', ' + unit_code if unit_code else ''}).")
    if not password_stdin:
        click.echo(f"Mật khẩu (chỉ hiện một lần): {password}")


@users_cli.command("list")
def list_users() -> None:
    """Liệt kê tài khoản (không bao giờ in mật khẩu)."""
    for account in users.list_accounts():
        state = "hoạt động" if account.active else "đã khóa"
        click.echo(f"{account.username}\t{account.role}\t{account.unit_code or '-'}\t{state}")


@users_cli.command("disable")
@click.argument("username")
def disable(username: str) -> None:
    """Khóa tài khoản và đăng xuất mọi phiên đang mở của nó."""
    try:
        users.set_active(username, False)
    except users.AccountError as error:
        _fail(error)
    click.echo(f"Đã khóa tài khoản '{username}'.")


@users_cli.command("enable")
@click.argument("username")
def enable(username: str) -> None:
    """Mở lại tài khoản đã khóa."""
    try:
        users.set_active(username, True)
    except users.AccountError as error:
        _fail(error)
    click.echo(f"Đã mở lại tài khoản '{username}'.")


@users_cli.command("reset-password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Đọc mật khẩu mới từ stdin thay vì sinh ngẫu nhiên.")
def reset(username: str, password_stdin: bool) -> None:
    """Đặt lại mật khẩu (sinh ngẫu nhiên, in ra một lần) và đăng xuất mọi phiên đang mở."""
    given = sys.stdin.readline().rstrip("\n") if password_stdin else None
    try:
        password = users.reset_password(username, given)
    except users.AccountError as error:
        _fail(error)
    click.echo(f"Đã đặt lại mật khẩu cho '{username}'.")
    if not password_stdin:
        click.echo(f"Mật khẩu mới (chỉ hiện một lần): {password}")
