"""What one unit's report (PDF and PowerPoint, `/units/<code>/report.pdf`) holds: the unit page's
figures for a year, as one record the slide builders read without touching the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.caveats import PillarCaveats
from domain.changes import HistoryChange
from domain.records import UnitSummary

if TYPE_CHECKING:
    from domain.whatif import ActionList

# Characters a file name may not hold on Windows, macOS or Linux, nor in a zip read on any of them.
UNSAFE_IN_FILE_NAMES = '<>:"/\\|?*'


@dataclass(frozen=True)
class UnitReport:
    """The unit's page for one year (`summary`), the caveats of its pillar figures, its change against
    the latest earlier year, and its recommendations ("Khuyến nghị") when it has main-index points."""

    summary: UnitSummary
    caveats: PillarCaveats
    change: HistoryChange
    actions: ActionList | None


def report_file_stem(unit_name: str, year: int) -> str:
    """ "Sở Y tế - DTI 2022" (then ".pdf"): the unit's own name (diacritics kept, as the zip lists them for a
    reader who looks for their unit by name, not by code), with characters no file system accepts
    replaced by a hyphen."""
    safe = "".join("-" if c in UNSAFE_IN_FILE_NAMES or ord(c) < 32 else c for c in unit_name).strip(" .")
    return f"{safe or 'don-vi'} - DTI {year}"
