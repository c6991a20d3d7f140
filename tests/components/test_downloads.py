"""Exports open in a spreadsheet with diacritics intact and can never run a formula."""

from __future__ import annotations

import base64
import io

import openpyxl
import pandas as pd

from components.downloads import file_payload
from domain.spreadsheets import csv_bytes, neutralise_formulas, xlsx_bytes

FRAME = pd.DataFrame(
    {
        "Đơn vị": ["Sở Thông tin và Truyền thông", '=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"],
        "Điểm": [558.41, 1.0, 2.0, -3.5, 4.0],
    }
)


def test_formula_like_text_is_escaped_and_numbers_are_left_alone():
    safe = neutralise_formulas(FRAME)
    assert safe["Đơn vị"].tolist() == [
        "Sở Thông tin và Truyền thông",
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
    ]
    assert safe["Điểm"].tolist() == [558.41, 1.0, 2.0, -3.5, 4.0]


def test_csv_has_a_byte_order_mark_and_vietnamese_text():
    data = csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "Sở Thông tin và Truyền thông,558.41" in text
    assert "'=HYPERLINK" in text


def test_excel_keeps_diacritics_numbers_and_escapes():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(FRAME, "Xếp hạng sở, ban, ngành 2022 (rất dài)")))
    sheet = book.active
    assert sheet.title == "Xếp hạng sở, ban, ngành 2022", "cut after a whole word, not mid-word"
    assert [c.value for c in sheet[1]] == ["Đơn vị", "Điểm"]
    assert sheet["A2"].value == "Sở Thông tin và Truyền thông"
    assert sheet["B2"].value == 558.41
    assert sheet["A3"].value.startswith("'=")
    assert sheet["A3"].data_type == "s"


def test_download_payload_names_the_file():
    payload = file_payload(FRAME, "xep-hang-2022", "csv")
    assert payload["filename"] == "xep-hang-2022.csv"
    assert base64.b64decode(payload["content"]).startswith(b"\xef\xbb\xbf")
