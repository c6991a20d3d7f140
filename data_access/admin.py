"""What `/admin` lists from the database: the datasets that can be exported and the years with a framework.

The page asks here instead of opening a session on the engine itself.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from data_access import db
from data_access.importing import formats
from data_access.importing.export import datasets_available


def available_datasets() -> list[tuple[str, dict]]:
    """Every dataset in the database with its scope (see `importing.export.datasets_available`)."""
    with Session(db.get_engine()) as session:
        return datasets_available(session)


def framework_years() -> list[int]:
    """The years that have a framework: only those have a scores template with a column per main index."""
    return sorted({scope["year"] for dataset, scope in available_datasets() if dataset == formats.FRAMEWORK})


def has_framework(year: int, level: str) -> bool:
    """Is there a framework for this year and level (else the scores template holds published ranks only)?"""
    return {"year": year, "level": level} in [s for d, s in available_datasets() if d == formats.FRAMEWORK]


def template_years(framework_years: list[int], this_year: int) -> list[int]:
    """The years a template can be asked for: those with a framework, and every year after the latest
    up to the next one (a new year is started from the page, before its framework exists)."""
    latest = max([*framework_years, this_year - 1])
    return sorted({*framework_years, *range(min(framework_years, default=latest), latest + 2)})
