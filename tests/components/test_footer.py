"""The sources footer says whether the list of sources could not be read or the province cites none."""

from __future__ import annotations

from components.shell import footer
from tests.components.test_pillars import text_of


def test_a_database_that_did_not_answer_is_said_so() -> None:
    assert "Chưa đọc được danh mục nguồn" in text_of(footer(None, "vi"))


def test_a_province_whose_pages_cite_no_loaded_document_is_not_told_the_list_failed() -> None:
    """A dataset whose figures carry their source as a line of text (a synthetic one, an import without
    a source document) cites no document: the footer must not claim the list could not be read."""
    text = text_of(footer([], "vi"))
    assert "Chưa đọc được" not in text
    assert "chưa có tài liệu nguồn" in text.lower()


def test_the_documents_cited_are_listed() -> None:
    assert "Kế hoạch 2023" in text_of(footer(["Kế hoạch 2023", "Báo cáo 6 tháng"], "vi"))
