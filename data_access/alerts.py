"""The wall's ticker: the state of the focus the wall shows (data version, latest import, latest rank,
targets at risk) and the imports since a given one, for `domain.alerts` to compare with the browser's
last look. Read fresh on every poll (not cached): it is what tells the wall that something changed."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

from data_access import db, queries
from data_access.importing import formats
from data_access.importing.commit import ensure_history_schema
from data_access.models import ImportRecord
from data_access.targets import at_risk, plan_years, target_progress
from domain.clock import to_local

OK = "ok"


def _latest_rank(focus: str) -> dict | None:
    info = queries.unit(focus)
    if info is None:
        return None
    results = queries.published_results(info["kind"], unit_code=focus)
    ranked = results[results["rank"].notna()].sort_values("year")
    if ranked.empty:
        return None
    row = ranked.iloc[-1]
    rank_of = None if pd.isna(row["rank_of"]) else int(row["rank_of"])
    return {"year": int(row["year"]), "rank": int(row["rank"]), "rank_of": rank_of}


def risky_targets(focus: str) -> dict[str, str]:
    """Target code → name of the latest plan's targets projected to miss (each target once)."""
    years = plan_years()
    if not years:
        return {}
    risky = at_risk(target_progress(years[-1], focus))
    return dict(zip(risky["target_code"], risky["name_vi"], strict=True))


def wall_state(focus: str) -> tuple[dict, dict[str, str]]:
    """The state to remember as the last look, and the names of the targets at risk in it."""
    engine = db.get_engine()
    ensure_history_schema(engine)
    with engine.connect() as conn:
        last_import = conn.execute(select(func.max(ImportRecord.id))).scalar_one_or_none() or 0
    risky = risky_targets(focus)
    state = {"version": db.data_version(), "last_import": int(last_import), "rank": _latest_rank(focus)}
    return {**state, "risky": list(risky)}, risky


def imports_after(import_id: int) -> list[dict]:
    """The imports after `import_id` that changed the data: id, dataset (its name), what they held
    (the history's scope line, e.g. "Điểm của đơn vị · 2023 · sở, ban, ngành") and when, in Vietnam time."""
    statement = (
        select(ImportRecord.id, ImportRecord.dataset, ImportRecord.scope, ImportRecord.imported_at)
        .where(ImportRecord.id > import_id, ImportRecord.result == OK)
        .order_by(ImportRecord.id)
    )
    with db.get_engine().connect() as conn:
        rows = conn.execute(statement).all()
    return [
        {
            "id": row.id,
            "dataset": formats.DATASET_NAMES.get(row.dataset, row.dataset),
            "scope": row.scope,
            "at": to_local(row.imported_at).isoformat(timespec="minutes"),
        }
        for row in rows
    ]
