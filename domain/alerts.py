"""What happened since the wall was last looked at: new imports, a change of rank, targets newly at
risk. Pure: the state the browser saw last ("last look", kept in the browser's localStorage by the
ticker), the state now and the imports since, in; alerts out.

A state is a plain dict (it travels through the browser): `version` (the data version),
`last_import` (the id of the latest import in the history, which is never reset), `rank`
(`{"year", "rank", "rank_of"}` of the focus's latest ranked year, or None) and `risky` (codes of the
targets projected to miss). Anything malformed from the browser counts as no last look.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

IMPORT, RANK, RISK = "import", "rank", "risk"


@dataclass(frozen=True)
class Alert:
    """One line of the ticker. `kind` says which fields matter: an import's `dataset`, `scope` and
    `at` (ISO time, Vietnam); a rank's `year`, `previous`/`current` (and `previous_year` when the
    ranked year moved); a risk's `code` and `name`."""

    kind: str
    at: str = ""
    dataset: str = ""
    scope: str = ""
    year: int | None = None
    previous_year: int | None = None
    previous: int | None = None
    current: int | None = None
    rank_of: int | None = None
    code: str = ""
    name: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def valid_state(value: object) -> dict | None:
    """The last look as the browser returned it, or None when it is missing or not one of ours."""
    if not isinstance(value, dict) or not all(isinstance(value.get(k), int) for k in ("version", "last_import")):
        return None
    rank = value.get("rank")
    if rank is not None and not (
        isinstance(rank, dict) and all(isinstance(rank.get(k), int) for k in ("year", "rank"))
    ):
        return None
    risky = value.get("risky")
    if not isinstance(risky, list) or not all(isinstance(code, str) for code in risky):
        return None
    return value


def valid_alerts(value: object) -> list[dict]:
    """The alerts a screen already shows, as the browser returned them: only well-formed ones (the
    fields of `Alert`, a known kind) are kept, so a tampered store cannot break the ticker."""
    fields = set(Alert.__dataclass_fields__)
    if not isinstance(value, list):
        return []
    kept = []
    for item in value:
        if isinstance(item, dict) and set(item) == fields and item.get("kind") in (IMPORT, RANK, RISK):
            try:
                kept.append(Alert(**item).as_dict())
            except TypeError:
                continue
    return kept


def alerts_since(seen: object, now: dict, imports: list[dict], names: dict[str, str]) -> list[Alert]:
    """The alerts between the last look `seen` and `now`: each import that changed the data after
    the last import seen (`imports`: dicts with `id`, `dataset`, `scope`, `at`), oldest first; the
    focus's rank when its latest ranked year or rank differs; each target at risk now that was not
    then (`names`: target code → name). No last look: nothing, the next look starts from now."""
    last = valid_state(seen)
    if last is None:
        return []
    alerts = [
        Alert(IMPORT, at=row["at"], dataset=row["dataset"], scope=row.get("scope", ""))
        for row in sorted(imports, key=lambda row: row["id"])
        if row["id"] > last["last_import"]
    ]
    before, current = last.get("rank"), now.get("rank")
    if current is not None and (
        before is None or (before["year"], before["rank"]) != (current["year"], current["rank"])
    ):
        alerts.append(
            Alert(
                RANK,
                year=current["year"],
                previous_year=None if before is None or before["year"] == current["year"] else before["year"],
                previous=None if before is None else before["rank"],
                current=current["rank"],
                rank_of=current.get("rank_of"),
            )
        )
    known = set(last["risky"])
    alerts += [Alert(RISK, code=code, name=names.get(code, code)) for code in now["risky"] if code not in known]
    return alerts
