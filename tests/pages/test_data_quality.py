"""`/admin/data-quality`: every inference and discrepancy the data records, each with its source, for admins only."""

from __future__ import annotations

import csv
import json

from data_access.settings import SEED_DIR
from domain.vocabulary import INFERRED_MAPPING, SOURCE_DISCREPANCY
from tests.pages.conftest import route_to


def seed_rows(name: str) -> list[dict[str, str]]:
    with open(SEED_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def find(tree: object, element_id: str) -> dict | None:
    """The component with `element_id` in a routed layout (Dash's JSON), searched depth first."""
    if isinstance(tree, dict):
        if tree.get("props", {}).get("id") == element_id:
            return tree
        children = tree.values()
    elif isinstance(tree, list):
        children = tree
    else:
        return None
    return next((found for child in children if (found := find(child, element_id)) is not None), None)


def section(layout: dict, kind: str) -> str:
    """The text (as JSON) of one kind's section of the view."""
    found = find(layout, f"data-quality-{kind}")
    assert found is not None, kind
    return json.dumps(found, ensure_ascii=False)


def test_the_view_lists_each_caveat_with_its_source(client_as):
    admin = client_as("admin")
    assert admin.get("/admin/data-quality").status_code == 200
    layout = route_to(admin, "/admin/data-quality").get_json()

    inferred = [r for r in seed_rows("scores.csv") if r["note"].startswith(INFERRED_MAPPING)]
    assert inferred, "the seed records inferred attributions"
    listed = section(layout, "inferred")
    for row in inferred:
        assert f'"{row["points"].rstrip("0").rstrip(".").replace(".", ",")}' in listed, row["pillar_code"]
    # The source is named by its document's title and slide, not its file code.
    assert "Kết quả DTI Bình Phước: 2020 – 2021 - 2022" in listed
    assert "000_976601f72ee4af1b.txt" not in listed

    unnamed = section(layout, "unnamed")
    assert "nguồn không ghi tên chỉ số".lower() in unnamed.lower()
    assert "Về hoạt động kinh tế số" in unnamed

    discrepancies = [r for r in seed_rows("indicator_observations.csv") if SOURCE_DISCREPANCY in r["note"]]
    listed = section(layout, "discrepancy")
    assert listed.count(SOURCE_DISCREPANCY) >= len(discrepancies) + 1  # the observations and the 33,05 % index
    assert "0,3305" in listed or "0,33" in listed

    assert "Các văn bản in số khác nhau cho cùng một chỉ tiêu" in section(layout, "two_sources")
    assert "người chép" not in json.dumps(layout, ensure_ascii=False)


def test_non_admins_are_refused_on_the_server(client_as):
    for account in ("leader", "unit_head"):
        reader = client_as(account)
        assert reader.get("/admin/data-quality").status_code == 403
        routed = json.dumps(route_to(reader, "/admin/data-quality").get_json(), ensure_ascii=False)
        assert "data-quality-inferred" not in routed
        assert "mapping inferred" not in routed
