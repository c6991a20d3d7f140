"""Loading each year's results from Excel or CSV: templates, parsing, validation, preview, commit,
history and export. The `/admin` page and the `flask data` command line share this one path.

    checked = check(content, "diem-2023.xlsx")         # parse + validate + preview, writes nothing
    outcome = commit(checked, user="admin")           # one transaction, recorded in the history
"""

from __future__ import annotations

from data_access.importing.commit import (
    FAILED,
    OK,
    REFUSED,
    UNCHANGED,
    Checked,
    Outcome,
    check,
    commit,
    import_file,
)
from data_access.importing.formats import DATASET_NAMES, DATASETS
from data_access.importing.issues import ERROR, WARNING, Issue
from data_access.importing.reorganisation import register as _register_reorganisation

_register_reorganisation()

__all__ = [
    "DATASETS",
    "DATASET_NAMES",
    "ERROR",
    "FAILED",
    "OK",
    "REFUSED",
    "UNCHANGED",
    "WARNING",
    "Checked",
    "Issue",
    "Outcome",
    "check",
    "commit",
    "import_file",
]
