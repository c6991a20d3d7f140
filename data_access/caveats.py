"""What qualifies a unit's pillar figures wherever they are shown: the source's own discrepancies
(a printed share that its printed points contradict, e.g. 33,05 % printed for 52,58/150 = 35,05 %)
and the pillars whose points the transcriber attributed by inference. The overview and `/pillars`
read the same facts; the unit page and the slides read them here, so a caveat follows its figure."""

from __future__ import annotations

from data_access import queries
from data_access.cache import versioned
from data_access.models import Framework, Pillar, Unit
from data_access.overview import printed_discrepancies
from domain.caveats import PillarCaveats, inferred_pillars


@versioned
def pillar_caveats(unit_code: str, year: int, level: str) -> PillarCaveats:
    """The discrepancies between the printed indices and the points of `unit_code` in `year`, and its
    pillars attributed by inference (pillar code, names and the transcriber's note). Reads the unit's own
    points only: the unit page's reads do not grow with the country."""
    own = queries.read_frame(
        queries.pillar_scores_statement()
        .where(Framework.year == year, Framework.level == level, Unit.code == unit_code)
        .order_by(Pillar.sort_order)
    ).drop(columns="year")
    own["share"] = own["points"] / own["max_points"]
    discrepancies = printed_discrepancies(own, queries.published_indices(year, unit_code))
    inferred = inferred_pillars(own)[["pillar_code", "pillar_name_vi", "pillar_name_en", "note"]]
    return PillarCaveats(discrepancies.reset_index(drop=True), inferred.reset_index(drop=True))
