"""`flask --app app:server data …`: templates, import, export and history from the command line.

The same code as the `/admin` page: a file imported here is checked, previewed and written
exactly as an upload would be, and appears in the same history.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click

from data_access.importing import OK, UNCHANGED, check, commit, formats
from data_access.importing import files as downloads
from data_access.importing.history import history, record, report_issues


def _write(name: str, content: bytes, output: str | None) -> None:
    path = Path(output) if output else Path(name)
    if path.is_dir():
        path = path / name
    path.write_bytes(content)
    click.echo(f"Đã ghi {path} ({len(content)} byte).")


def _scope(dataset: str, year: int | None, level: str | None, plan: str | None) -> dict:
    try:
        return downloads.scope_for(dataset, year, level, plan)
    except ValueError as exc:
        needs = "--year" if dataset == formats.INDICES else "--plan"
        if dataset in (formats.FRAMEWORK, formats.SCORES, formats.TASKS):
            needs = "--year và --level"
        raise click.UsageError(f"Tập dữ liệu {dataset} cần {needs}.") from exc


DATASET = click.argument("dataset", type=click.Choice(formats.DATASETS))
YEAR = click.option("--year", type=int, help="Năm (khung và điểm).")
LEVEL = click.option("--level", type=click.Choice(formats.LEVELS), help="Cấp (khung và điểm).")
PLAN = click.option("--plan", help="Mã kế hoạch (mục tiêu), ví dụ 57/KH-UBND.")
FORMAT = click.option(
    "--format", "file_format", type=click.Choice(downloads.FORMATS), default="xlsx", show_default=True
)
OUTPUT = click.option("-o", "--output", help="Tệp hoặc thư mục để ghi (mặc định: tên tệp chuẩn ở thư mục hiện tại).")


@click.group("data", help="Nạp, xuất dữ liệu và xem lịch sử nạp (template, import, export, history).")
def data_cli() -> None:
    pass


@data_cli.command("template")
@DATASET
@YEAR
@LEVEL
@PLAN
@FORMAT
@OUTPUT
def template(dataset: str, year: int | None, level: str | None, plan: str | None, file_format: str, output: str | None):
    """Tải mẫu trống của một tập dữ liệu (mẫu điểm cần --year và --level; năm chưa có khung: mẫu chỉ có
    tổng điểm và thứ hạng công bố)."""
    scope = _scope(dataset, year, level, plan) if dataset == formats.SCORES else {}
    name, content = downloads.template_file(dataset, scope, file_format)
    _write(name, content, output)


@data_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--accept-warnings", is_flag=True, help="Vẫn ghi khi chỉ còn cảnh báo (không có lỗi).")
@click.option("--user", default=None, help="Người nạp ghi vào lịch sử (mặc định: tài khoản hệ điều hành).")
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra và xem trước, không ghi gì.")
def import_command(path: str, accept_warnings: bool, user: str | None, dry_run: bool) -> None:
    """Kiểm tra rồi nạp một tệp .xlsx hoặc .csv theo mẫu; có lỗi thì không ghi gì."""
    file = Path(path)
    checked = check(file.read_bytes(), file.name)
    click.echo(f"{checked.file_name} ({checked.sha256[:12]}…): {checked.label or 'không nhận ra mẫu'}")
    for issue in checked.issues:
        click.echo(f"  {issue}")
    click.echo(f"{len(checked.errors)} lỗi, {len(checked.warnings)} cảnh báo, {checked.validated.rows_read} dòng.")
    if not checked.preview.empty:
        click.echo(checked.preview.head(60).to_string(index=False))
    if dry_run:
        sys.exit(1 if checked.errors else 0)
    if checked.warnings and not checked.errors and not accept_warnings:
        click.echo("Còn cảnh báo: thêm --accept-warnings nếu chấp nhận và muốn ghi.")
    outcome = commit(checked, user=user or getpass.getuser(), accept_warnings=accept_warnings)
    if outcome.result == OK:
        click.echo(
            f"Đã nạp (lần nạp số {outcome.record_id}): ghi {outcome.rows_written} dòng, thay {outcome.rows_replaced} "
            f"dòng cũ; phiên bản dữ liệu {outcome.data_version}."
        )
        return
    if outcome.result == UNCHANGED:
        click.echo(
            f"Không thay đổi (lần nạp số {outcome.record_id}): tệp giống hệt số liệu đang lưu; không ghi gì, "
            f"phiên bản dữ liệu vẫn là {outcome.data_version}."
        )
        return
    reason = outcome.error or "tệp chưa hợp lệ"
    raise click.ClickException(
        f"Không nạp ({outcome.result}, lần nạp số {outcome.record_id}): {reason}. Không dữ liệu nào bị ghi."
    )


@data_cli.command("export")
@DATASET
@YEAR
@LEVEL
@PLAN
@FORMAT
@OUTPUT
def export_command(dataset: str, year: int | None, level: str | None, plan: str | None, file_format: str, output):
    """Xuất một tập dữ liệu đúng theo mẫu (nạp lại nguyên trạng thì dữ liệu không đổi)."""
    name, content = downloads.export_file(dataset, _scope(dataset, year, level, plan), file_format)
    _write(name, content, output)


@data_cli.command("history")
@click.option("--limit", type=int, default=30, show_default=True)
@click.option("--show", "show_id", type=int, default=None, help="In chi tiết (lỗi, cảnh báo) của một lần nạp.")
@click.option("--snapshot", "snapshot_id", type=int, default=None, help="Tải bản dữ liệu của một lần nạp.")
@click.option("--which", type=click.Choice(["before", "after"]), default="before", show_default=True)
@FORMAT
@OUTPUT
def history_command(limit: int, show_id: int | None, snapshot_id: int | None, which: str, file_format: str, output):
    """Lịch sử nạp: ai, khi nào, tệp, SHA-256, số dòng, kết quả; --show ID để xem lỗi, --snapshot ID để tải bản cũ."""
    if snapshot_id is not None:
        found = downloads.snapshot_file(snapshot_id, which, file_format)
        if found is None:
            raise click.ClickException(f"Lần nạp số {snapshot_id} không có bản “{which}”.")
        _write(*found, output)
        return
    if show_id is not None:
        item = record(show_id)
        if item is None:
            raise click.ClickException(f"Không có lần nạp số {show_id}.")
        click.echo(f"#{item.id} {item.imported_at:%Y-%m-%d %H:%M} {item.username} {item.file_name} {item.sha256}")
        click.echo(f"{item.scope}: {item.result}")
        issues, error = report_issues(item)
        for issue in issues:
            where = ", ".join(
                part
                for part in (issue["sheet"], f"dòng {issue['row']}" if issue["row"] else "", issue["column"])
                if part
            )
            click.echo(f"  [{issue['severity']}] {where}: {issue['reason']}")
        if error:
            click.echo(f"  lỗi khi ghi: {error}")
        return
    frame = history(limit)
    if frame.empty:
        click.echo("Chưa có lần nạp nào.")
        return
    for row in frame.itertuples():
        click.echo(
            f"#{row.id}\t{row.imported_at:%Y-%m-%d %H:%M}\t{row.username}\t{row.file_name}\t{row.sha256[:12]}\t"
            f"{row.scope}\t{row.rows_read} dòng đọc/{row.rows_written} ghi/{row.rows_replaced} thay\t{row.result}"
        )
