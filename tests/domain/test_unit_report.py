"""A report's file name: the unit's own name, diacritics kept, never a path or a name a file system refuses."""

from __future__ import annotations

from domain.unit_report import report_file_stem
from exports.unit_report import _unique_names


def test_a_report_is_named_by_its_unit_with_diacritics_kept():
    assert report_file_stem("Sở Y tế", 2022) == "Sở Y tế - DTI 2022"


def test_characters_no_file_system_accepts_become_hyphens():
    assert report_file_stem('Ban A/B: "C"?', 2022) == "Ban A-B- -C-- - DTI 2022"
    assert report_file_stem("../..", 2022) == "- - DTI 2022", "no hidden file, no parent folder"
    assert "/" not in report_file_stem("a/b\\c", 2022)


def test_two_units_of_one_name_do_not_overwrite_each_other_in_a_zip():
    assert _unique_names(["Sở A - DTI 2022", "Sở A - DTI 2022", "Sở B - DTI 2022"], "pdf") == [
        "Sở A - DTI 2022.pdf",
        "Sở A - DTI 2022 (2).pdf",
        "Sở B - DTI 2022.pdf",
    ]
