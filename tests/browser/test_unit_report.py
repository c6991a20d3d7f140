"""A unit's report as a unit head takes it from their page in Chromium: their own unit's PDF is
downloaded from the link; another unit's report is a 403 page, and no zip button is offered."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from data_access.settings import SEED_DIR

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

HEALTH = "binh-phuoc-so-y-te"
ICT = "binh-phuoc-so-tttt"
# Drawing a report's charts in a Chromium of its own takes seconds, many on a loaded machine.
DOWNLOAD_TIMEOUT_MS = 180_000


def seed_row(code: str) -> dict[str, str]:
    with open(SEED_DIR / "totals.csv", encoding="utf-8", newline="") as fh:
        return next(r for r in csv.DictReader(fh) if r["unit_code"] == code and r["year"] == "2022")


def test_a_unit_head_downloads_their_own_report_and_is_refused_another(
    page_as: Callable[[str], Page], base_url: str, expect: Callable
):
    page = page_as("unit_head")
    page.goto(f"{base_url}/units/{HEALTH}?year=2022")
    link = page.locator("#units-report-pdf")
    expect(link).to_be_visible()
    expect(page.locator("#units-report-batch")).to_have_count(0)
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "Sở Y tế - DTI 2022.pdf"
    with open(download.path(), "rb") as fh:
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(fh.read())).pages).replace(" ", "")
    row = seed_row(HEALTH)
    assert f"{row['published_total'].replace('.', ',')}/{row['published_max']}" in text
    assert row["published_group"] in text

    refused = page.goto(f"{base_url}/units/{ICT}/report.pdf?year=2022")
    assert refused.status == 403
    expect(page.locator("#access-denied")).to_be_visible()
    assert seed_row(ICT)["published_total"].replace(".", ",") not in page.content()
