"""Every recorded caveat of the data, with its source, for the admins' data-quality view.

The leader's screens keep only a mark on a qualified figure; the full list lives here: pillar
points attributed by inference, figures their own source contradicts, indicators the source does
not name legibly, and indicators two documents print with different values.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data_access.cache import versioned
from data_access.models import Framework, Indicator, IndicatorScore, Observation, Pillar, PublishedIndex, Unit
from data_access.queries import pillar_scores_statement, read_frame
from data_access.targets import source_disagreements
from domain.data_quality import KINDS, TWO_SOURCES, note_kind

COLUMNS = [
    "kind",
    "unit_code",
    "unit_name_vi",
    "unit_name_en",
    "period",
    "figure",
    "value",
    "value_unit",
    "source",
    "note",
]


def _kept(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of `frame` whose note (or recorded name) marks a caveat, with its kind."""
    kinds = [note_kind(note, figure) for note, figure in zip(frame["note"], frame["figure"], strict=True)]
    kept = frame.assign(kind=kinds)
    return kept[kept["kind"].notna()]


def _pillar_rows() -> pd.DataFrame:
    frame = read_frame(pillar_scores_statement())
    return frame.assign(
        period=frame["year"].astype(str), figure=frame["pillar_name_vi"], value=frame["points"], value_unit="điểm"
    )


def _index_rows() -> pd.DataFrame:
    frame = read_frame(
        select(
            Unit.code.label("unit_code"),
            Unit.name_vi.label("unit_name_vi"),
            Unit.name_en.label("unit_name_en"),
            PublishedIndex.year,
            PublishedIndex.index_code.label("figure"),
            PublishedIndex.value,
            PublishedIndex.source,
            PublishedIndex.note,
        ).join(Unit, PublishedIndex.unit_id == Unit.id)
    )
    names = read_frame(select(Pillar.code, Pillar.name_vi).distinct())
    named = dict(zip(names["code"], names["name_vi"], strict=True))
    return frame.assign(
        period=frame["year"].astype(str), value_unit="", figure=frame["figure"].map(named).fillna(frame["figure"])
    )


def _indicator_rows() -> pd.DataFrame:
    frame = read_frame(
        select(
            Unit.code.label("unit_code"),
            Unit.name_vi.label("unit_name_vi"),
            Unit.name_en.label("unit_name_en"),
            Framework.year,
            Indicator.name_vi.label("figure"),
            IndicatorScore.value,
            IndicatorScore.value_unit,
            IndicatorScore.source,
            IndicatorScore.note,
        )
        .join(Indicator, IndicatorScore.indicator_id == Indicator.id)
        .join(Pillar, Indicator.pillar_id == Pillar.id)
        .join(Framework, Pillar.framework_id == Framework.id)
        .join(Unit, IndicatorScore.unit_id == Unit.id)
    )
    return frame.assign(period=frame["year"].astype(str))


def _observation_rows() -> pd.DataFrame:
    frame = read_frame(
        select(
            Unit.code.label("unit_code"),
            Unit.name_vi.label("unit_name_vi"),
            Unit.name_en.label("unit_name_en"),
            Observation.indicator_code,
            Observation.period,
            Observation.name_vi.label("figure"),
            Observation.value,
            Observation.value_unit,
            Observation.source,
            Observation.note,
        )
        .join(Unit, Observation.unit_id == Unit.id)
        .order_by(Unit.code, Observation.indicator_code, Observation.period.desc(), Observation.id)
    )
    return frame.assign(target_code="")


def _two_source_rows(observations: pd.DataFrame) -> pd.DataFrame:
    """Per unit, the indicators that documents print with different values, every figure kept."""
    parts = [source_disagreements(rows.reset_index(drop=True)) for _, rows in observations.groupby("unit_code")]
    parts = [part for part in parts if not part.empty]
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(parts, ignore_index=True).assign(kind=TWO_SOURCES)


@versioned
def data_caveats() -> pd.DataFrame:
    """Every caveat the data records, one row per figure: kind (`domain.data_quality.KINDS`), the unit,
    period, the figure's name, its value and unit, its source citation and the note recorded with it.
    Ordered by kind, then unit and period, so a figure's rows stay together."""
    observations = _observation_rows()
    noted = [_kept(rows) for rows in (_pillar_rows(), _index_rows(), _indicator_rows(), observations)]
    frames = [frame[COLUMNS] for frame in (*noted, _two_source_rows(observations)) if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    caveats = pd.concat(frames, ignore_index=True)
    caveats["order"] = caveats["kind"].map(KINDS.index)
    caveats = caveats.sort_values(["order", "unit_code", "period", "figure"], kind="stable")
    return caveats.drop(columns="order").reset_index(drop=True)
