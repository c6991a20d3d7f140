"""Sheet names a reader can read: whole words, nothing Excel refuses."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from domain.spreadsheets import sheet_title, xlsx_bytes


def test_a_long_name_is_cut_after_its_last_whole_word():
    name = "chi-so-chinh_binh-phuoc-so-thong-tin-va-truyen-thong_2022"
    title = sheet_title(name)
    assert len(title) <= 31
    assert name.startswith(title)
    assert name[len(title)] in "-_", f"{title!r} ends mid-word"


def test_a_short_name_stays_and_forbidden_characters_go():
    assert sheet_title("xep-hang-department-2022") == "xep-hang-department-2022"
    assert sheet_title("Điểm [2022]: tỉnh/huyện?") == "Điểm 2022 tỉnh huyện"
    assert sheet_title("") == "Sheet1"


def test_one_word_longer_than_the_limit_is_cut_at_the_limit():
    assert sheet_title("x" * 40) == "x" * 31


def test_the_workbook_carries_the_readable_sheet_name():
    name = "ban-do-cap-huyen-2022-digital_government_activity"
    workbook = load_workbook(io.BytesIO(xlsx_bytes(pd.DataFrame({"a": [1]}), name)))
    assert workbook.sheetnames == [sheet_title(name)]
    assert workbook.sheetnames[0] == "ban-do-cap-huyen-2022-digital"
