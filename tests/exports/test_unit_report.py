"""One unit's report as its reader receives it: the PDF rendered with pdftoppm and read back with
pdftotext, the PowerPoint opened with python-pptx, the figures compared with the seed's CSVs; and the
level's zip of the 24 departments, drawn in one Chromium session.

The expected figures are read from seed/data/totals.csv here, not copied into the test."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from data_access.cache import cache
from data_access.settings import SEED_DIR
from exports import images
from exports.unit_report import Report, export_batch, export_report
from pages._unit_reports import build_report, level_builders
from tests.exports.test_deck_export import chromium  # noqa: F401  (the session's Chromium check)

HEALTH = "binh-phuoc-so-y-te"
FOCUS = "binh-phuoc"
YEAR = 2022


def decimal_comma(printed: str) -> str:
    """A figure as the seed prints it ("428.76") as the report writes it in Vietnamese ("428,76")."""
    return printed.replace(".", ",")


@pytest.fixture(scope="module")
def seed_departments() -> list[dict[str, str]]:
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["level"] == "department" and r["year"] == str(YEAR)]


@pytest.fixture(scope="module")
def seed_names() -> dict[str, str]:
    with open(SEED_DIR / "units.csv", encoding="utf-8", newline="") as fh:
        return {r["unit_code"]: r["name_vi"] for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def health(seed_departments: list[dict[str, str]]) -> dict[str, str]:
    """Sở Y tế 2022 as the province's report prints it: total, maximum, rank of the level, group."""
    row = next(r for r in seed_departments if r["unit_code"] == HEALTH)
    return {
        "total": f"{decimal_comma(row['published_total'])} / {decimal_comma(row['published_max'])}",
        "rank": f"{row['published_rank']}/{len(seed_departments)}",
        "group": row["published_group"],
    }


@pytest.fixture(scope="module")
def seeded(seeded_sqlite_url: str) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", seeded_sqlite_url)
        cache.clear()
        yield
        cache.clear()


@pytest.fixture(scope="module")
def leader_report(seeded: None) -> Report:
    return build_report(HEALTH, YEAR, "vi", name_holders=True)


@pytest.fixture(scope="module")
def head_report(seeded: None) -> Report:
    return build_report(HEALTH, YEAR, "vi", name_holders=False)


@pytest.fixture(scope="module")
def pdf(chromium: str, head_report: Report) -> bytes:  # noqa: F811
    return export_report(head_report, "pdf")


@pytest.fixture(scope="module")
def pptx(chromium: str, leader_report: Report) -> bytes:  # noqa: F811
    return export_report(leader_report, "pptx")


def test_the_report_holds_the_units_figures_as_the_seed_prints_them(leader_report: Report, health: dict[str, str]):
    first = leader_report.slides[0]
    facts = {f.label: f.value for f in first.facts}
    assert facts["Tổng điểm 2022"] == health["total"]
    assert facts["Xếp hạng trong khối"] == health["rank"]
    assert facts["Nhóm"] == health["group"]
    assert [s.key for s in leader_report.slides] == ["result", "pillars", "actions"]
    assert leader_report.file_stem == "Sở Y tế - DTI 2022"


def test_the_points_missing_for_the_next_group_follow_from_the_seed(
    leader_report: Report, seed_departments: list[dict[str, str]]
):
    row = next(r for r in seed_departments if r["unit_code"] == HEALTH)
    # Tốt starts at 80 % of the maximum (seed/meta/group_thresholds.csv, the published groups' bound).
    missing = 0.8 * float(row["published_max"]) - float(row["published_total"])
    fact = leader_report.slides[0].facts[3]
    assert fact.label == "Còn thiếu để lên nhóm Tốt"
    assert fact.value == f"{decimal_comma(f'{missing:.2f}')} điểm"


def test_a_unit_heads_report_names_no_other_unit(
    head_report: Report, leader_report: Report, seed_departments: list[dict[str, str]], seed_names: dict[str, str]
):
    others = {seed_names[r["unit_code"]] for r in seed_departments if r["unit_code"] != HEALTH}

    def said(report: Report) -> str:
        parts = []
        for slide in report.slides:
            parts += [slide.title, slide.subtitle, slide.notes, *slide.bullets]
            parts += [f"{f.label} {f.value} {f.detail}" for f in slide.facts]
            if slide.table is not None:
                parts += [" ".join(row) for row in slide.table.rows]
            if slide.figure is not None:
                # Every trace name, label, hover text and annotation, diacritics as written.
                parts.append(json.dumps(slide.figure.to_plotly_json(), ensure_ascii=False, default=str))
        return "\n".join(parts)

    assert not [name for name in others if name in said(head_report)]
    assert "Cao nhất khối" in said(head_report)
    # A leader's report names the level's best unit, as the unit page does for a leader.
    assert [name for name in others if name in said(leader_report)]


def test_the_pdf_renders_on_two_a4_pages_with_its_vietnamese_text_intact(
    pdf: bytes, health: dict[str, str], tmp_path: Path
):
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("pdftoppm/pdftotext (poppler-utils) are not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    assert all(p.stat().st_size > 5_000 for p in pages), "each page holds drawn charts, not a blank sheet"
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    for words in (health["total"], health["rank"], health["group"], "Sở Y tế: kết quả DTI năm 2022", "Khuyến nghị"):
        assert words in text
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Sở Y tế — Báo cáo Chỉ số chuyển đổi số (DTI) năm 2022"
    assert [item.title for item in reader.outline][:2] == ["Sở Y tế: kết quả DTI năm 2022", "Điểm từng chỉ số chính"]


def test_the_pptx_opens_and_holds_the_same_figures(pptx: bytes, leader_report: Report, health: dict[str, str]):
    presentation = Presentation(io.BytesIO(pptx))
    assert [s.shapes.title.text for s in presentation.slides] == [s.title for s in leader_report.slides]
    first = presentation.slides[0]
    text = "\n".join(shape.text_frame.text for shape in first.shapes if shape.has_text_frame)
    for figure in health.values():
        assert figure in text
    pictures = [shape for slide in presentation.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == sum(s.has_chart for s in leader_report.slides)
    pillars = next(shape.table for shape in presentation.slides[1].shapes if shape.has_table)
    points = {row.cells[1].text for row in list(pillars.rows)[1:]}
    with open(SEED_DIR / "scores.csv", encoding="utf-8", newline="") as fh:
        seeded = [r for r in csv.DictReader(fh) if r["unit_code"] == HEALTH and r["year"] == str(YEAR)]
    assert points == {f"{decimal_comma(r['points'])}/{decimal_comma(r['max_points'])}" for r in seeded}


@pytest.fixture(scope="module")
def batch(chromium: str, seeded: None) -> tuple[bytes, int]:  # noqa: F811
    """The 24 departments' zip, counting the Chromium sessions it opens."""
    opened = 0
    enter = images.ChartSession.__aenter__

    async def counted(self):
        nonlocal opened
        opened += 1
        return await enter(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(images.ChartSession, "__aenter__", counted)
        content = export_batch(level_builders(FOCUS, "department", YEAR, "vi"))
    return content, opened


def test_the_level_zip_holds_every_departments_report_named_by_unit_name_from_one_session(
    batch: tuple[bytes, int], seed_departments: list[dict[str, str]], seed_names: dict[str, str]
):
    content, sessions = batch
    archive = zipfile.ZipFile(io.BytesIO(content))
    expected = {f"{seed_names[r['unit_code']]} - DTI {YEAR}.pdf" for r in seed_departments}
    assert len(seed_departments) == 24
    assert set(archive.namelist()) == expected
    assert sessions == 1, "one Chromium session for the whole batch"
    ict = next(r for r in seed_departments if r["published_rank"] == "1")
    first = PdfReader(io.BytesIO(archive.read(f"{seed_names[ict['unit_code']]} - DTI {YEAR}.pdf")))
    assert decimal_comma(ict["published_total"]) in first.pages[0].extract_text().replace(" ", "")
    # The batch prints once and cuts per report: each file has its own pages, bookmarks and title.
    name = seed_names[ict["unit_code"]]
    assert len(first.pages) == 2
    assert first.outline[0].title == f"{name}: kết quả DTI năm {YEAR}"
    assert first.metadata.title.startswith(name)
