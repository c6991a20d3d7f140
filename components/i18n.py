"""Every UI string, in Vietnamese (the default) and English, in one table.

The words live in `components/texts/`, one module per page, merged here. Figures and names
that come from the data (pillar and unit names) carry their own translations in the database;
this table holds only the interface's words.
"""

from __future__ import annotations

import importlib
import pkgutil

from components import texts

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def merged_texts() -> dict[str, dict[str, str]]:
    """All modules of `components.texts` as one table; a key defined twice is an error, not a silent override."""
    merged: dict[str, dict[str, str]] = {}
    for module_info in pkgutil.iter_modules(texts.__path__):
        module = importlib.import_module(f"{texts.__name__}.{module_info.name}")
        duplicated = merged.keys() & module.TEXT.keys()
        if duplicated:
            raise ValueError(f"text keys defined twice: {sorted(duplicated)}")
        merged.update(module.TEXT)
    return merged


TEXT: dict[str, dict[str, str]] = merged_texts()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled; a missing key fails loudly."""
    entry = TEXT[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def normalise_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


# The words Dash 4's dropdown draws itself ("5 selected", "Select All", "No options found"), by its
# `labels` keys: in English whatever the page's language unless given.
DROPDOWN_LABELS = (
    "select_all",
    "deselect_all",
    "selected_count",
    "search",
    "clear_search",
    "clear_selection",
    "no_options_found",
)


def dropdown_labels(lang: str) -> dict[str, str]:
    """`dcc.Dropdown(labels=...)` in the reader's language; `{num_selected}` is left for the dropdown to fill."""
    return {key: t(f"dropdown.{key}", lang) for key in DROPDOWN_LABELS}
