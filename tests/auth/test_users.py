"""Accounts on both databases: hashing, sign-in checks, disabling, resets, the first admin, the CLI."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from auth import users
from auth.cli import users_cli
from auth.models import AuthBase, User
from data_access import db
from data_access.settings import SEED_DIR
from data_access.units_cli import units_cli


@pytest.fixture
def accounts(seeded_db):
    """The seeded database with the account tables emptied before and after the test."""
    users.create_tables(seeded_db)
    AuthBase.metadata.drop_all(seeded_db)
    users.create_tables(seeded_db)
    yield seeded_db
    AuthBase.metadata.drop_all(seeded_db)


def stored_users(engine) -> list[User]:
    with db.session_scope(engine) as session:
        return list(session.scalars(select(User)))


def test_no_password_is_stored_in_clear(accounts):
    users.create_user("lanh-dao", "leader", password="mat-khau-rat-dai-1", engine=accounts)
    [user] = stored_users(accounts)
    assert "mat-khau-rat-dai-1" not in user.password_hash
    assert user.password_hash.startswith("scrypt:")
    with accounts.connect() as conn:
        dump = repr(conn.exec_driver_sql("SELECT * FROM users").fetchall())
    assert "mat-khau-rat-dai-1" not in dump


def test_sign_in_needs_the_right_password_and_an_active_account(accounts):
    users.create_user(
        "so-y-te", "unit_head", unit_code="binh-phuoc-so-y-te", password="mat-khau-so-y-te", engine=accounts
    )
    signed = users.authenticate("so-y-te", "mat-khau-so-y-te", accounts)
    assert signed is not None
    assert signed.viewer.unit_code == "binh-phuoc-so-y-te"
    assert signed.viewer.unit_level == "department"
    assert users.authenticate("so-y-te", "sai-mat-khau-roi", accounts) is None
    assert users.authenticate("khong-ton-tai", "mat-khau-so-y-te", accounts) is None
    users.set_active("so-y-te", False, accounts)
    assert users.authenticate("so-y-te", "mat-khau-so-y-te", accounts) is None


def test_disabling_or_resetting_ends_open_sessions(accounts):
    users.create_user("lanh-dao", "leader", password="mat-khau-lanh-dao", engine=accounts)
    signed = users.authenticate("lanh-dao", "mat-khau-lanh-dao", accounts)
    assert users.viewer_for(signed.viewer.user_id, signed.epoch, accounts) == signed.viewer
    new_password = users.reset_password("lanh-dao", engine=accounts)
    assert users.viewer_for(signed.viewer.user_id, signed.epoch, accounts) is None
    again = users.authenticate("lanh-dao", new_password, accounts)
    assert again is not None
    users.set_active("lanh-dao", False, accounts)
    assert users.viewer_for(again.viewer.user_id, again.epoch, accounts) is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"username": "x", "role": "boss"}, "Vai trò"),
        ({"username": "x", "role": "unit_head"}, "cần mã đơn vị"),
        ({"username": "x", "role": "unit_head", "unit_code": "khong-co"}, "Không có đơn vị"),
        ({"username": "x", "role": "leader", "unit_code": "binh-phuoc-so-y-te"}, "Chỉ tài khoản unit_head"),
        ({"username": "x", "role": "leader", "password": "ngan"}, "ít nhất"),
        ({"username": " ", "role": "leader"}, "không được để trống"),
    ],
)
def test_bad_account_requests_are_refused_in_words(accounts, kwargs, message):
    with pytest.raises(users.AccountError, match=message):
        users.create_user(engine=accounts, **kwargs)
    assert stored_users(accounts) == []


def test_the_first_admin_gets_a_random_password_once(accounts):
    password = users.ensure_first_admin(accounts)
    assert password and len(password) >= users.MIN_PASSWORD_LENGTH
    assert users.authenticate("admin", password, accounts).viewer.role == "admin"
    assert users.ensure_first_admin(accounts) is None
    assert users.ensure_first_admin(accounts) is None
    assert [u.username for u in stored_users(accounts)] == ["admin"]


def test_the_command_line_creates_lists_disables_and_resets(accounts, monkeypatch):
    runner = CliRunner()
    created = runner.invoke(users_cli, ["create", "so-y-te", "--role", "unit_head", "--unit", "binh-phuoc-so-y-te"])
    assert created.exit_code == 0, created.output
    password = created.output.split("một lần): ")[1].strip()
    assert users.authenticate("so-y-te", password, accounts) is not None

    listed = runner.invoke(users_cli, ["list"])
    assert "so-y-te\tunit_head\tbinh-phuoc-so-y-te\thoạt động" in listed.output
    assert password not in listed.output

    assert runner.invoke(users_cli, ["disable", "so-y-te"]).exit_code == 0
    assert "đã khóa" in runner.invoke(users_cli, ["list"]).output
    assert runner.invoke(users_cli, ["enable", "so-y-te"]).exit_code == 0

    reset = runner.invoke(users_cli, ["reset-password", "so-y-te", "--password-stdin"], input="mat-khau-moi-123\n")
    assert reset.exit_code == 0
    assert users.authenticate("so-y-te", "mat-khau-moi-123", accounts) is not None
    assert users.authenticate("so-y-te", password, accounts) is None

    duplicate = runner.invoke(users_cli, ["create", "so-y-te", "--role", "leader"])
    assert duplicate.exit_code != 0
    assert "đã tồn tại" in duplicate.output


def test_a_mistyped_unit_code_is_refused_with_the_codes_meant(accounts):
    runner = CliRunner()
    typo = runner.invoke(users_cli, ["create", "so-y-te", "--role", "unit_head", "--unit", "binh-phuoc-so-yte"])
    assert typo.exit_code != 0
    assert "Không có đơn vị mã 'binh-phuoc-so-yte'" in typo.output
    assert "Có phải: binh-phuoc-so-y-te (Sở Y tế)" in typo.output
    assert "units list" in typo.output
    assert [u.username for u in stored_users(accounts)] == [], "nothing created"


def test_units_list_prints_codes_and_names_filtered(accounts):
    runner = CliRunner()
    found = runner.invoke(units_cli, ["list", "--search", "y te", "--parent", "binh-phuoc"])
    assert found.exit_code == 0, found.output
    assert "binh-phuoc-so-y-te\tdepartment\tSở Y tế\tbinh-phuoc" in found.output.splitlines()
    every_department = runner.invoke(units_cli, ["list", "--level", "department", "--parent", "binh-phuoc"])
    with (SEED_DIR / "units.csv").open(encoding="utf-8", newline="") as handle:
        expected = {
            row["unit_code"]
            for row in csv.DictReader(handle)
            if row["kind"] == "department" and row["parent_code"] == "binh-phuoc"
        }
    assert {line.split("\t")[0] for line in every_department.output.splitlines()} == expected
    nothing = runner.invoke(units_cli, ["list", "--search", "khong-co-gi-nhu-the"])
    assert nothing.exit_code != 0 and "Không có đơn vị nào khớp" in nothing.output
