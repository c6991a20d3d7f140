"""The sources footer says whether the list of sources could not be read or the province cites none."""

from __future__ import annotations

from components.shell import footer


def _text(component) -> str:
    children = getattr(component, "children", component)
    if isinstance(children, str):
        return children
    if isinstance(children, list):
        return " ".join(_text(child) for child in children)
    return _text(children) if children is not None else ""


def test_a_database_that_did_not_answer_is_said_so() -> None:
    assert "Chưa đọc được danh mục nguồn" in _text(footer(None, "vi"))


def test_a_province_whose_pages_cite_no_loaded_document_is_not_told_the_list_failed() -> None:
    """A dataset whose figures carry their source as a line of text (a synthetic one, an import without
    a source document) cites no document: the footer must not claim the list could not be read."""
    text = _text(footer([], "vi"))
    assert "Chưa đọc được" not in text
    assert "chưa có tài liệu nguồn" in text.lower()


def test_the_documents_cited_are_listed() -> None:
    assert "Kế hoạch 2023" in _text(footer(["Kế hoạch 2023", "Báo cáo 6 tháng"], "vi"))
