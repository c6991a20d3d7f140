"""The navbar's year selector: the latest years as links, older ones in a menu, the selected one always in sight."""

from __future__ import annotations

from dash import dcc, html

from components.shell import year_links

TEN_YEARS = list(range(2016, 2026))


def visible_years(children: list) -> list[str]:
    """The year links a reader sees without opening the menu, left to right."""
    return [child.children for child in children if isinstance(child, dcc.Link)]


def menu(children: list) -> html.Details | None:
    return next((child for child in children if isinstance(child, html.Details)), None)


def menu_years(children: list) -> list[str]:
    details = menu(children)
    return [] if details is None else [link.children for link in details.children[1].children]


def test_ten_years_show_the_latest_three_and_the_rest_in_a_menu() -> None:
    children = year_links(TEN_YEARS, 2025, "/", {}, "vi")

    assert visible_years(children) == ["2023", "2024", "2025"]
    assert menu(children).children[0].children == "Năm khác"
    assert menu_years(children) == [str(year) for year in range(2022, 2015, -1)]


def test_an_old_selected_year_stays_visible_and_highlighted() -> None:
    children = year_links(TEN_YEARS, 2018, "/rankings", {"level": "department"}, "en")

    assert visible_years(children) == ["2018", "2023", "2024", "2025"]
    assert "2018" not in menu_years(children)
    assert menu(children).children[0].children == "Other years"
    active = [link for link in children if isinstance(link, dcc.Link) and "active" in link.className]
    assert [link.children for link in active] == ["2018"]
    assert active[0].href == "/rankings?level=department&year=2018"


def test_every_year_keeps_its_link_with_the_page_and_filters() -> None:
    children = year_links(TEN_YEARS, 2025, "/units/SYT", {"level": "x", "year": "2025"}, "vi")
    links = [child for child in children if isinstance(child, dcc.Link)] + menu(children).children[1].children

    assert sorted(link.children for link in links) == [str(year) for year in TEN_YEARS]
    assert {link.href for link in links} == {f"/units/SYT?level=x&year={year}" for year in TEN_YEARS}


def test_a_few_years_need_no_menu() -> None:
    for years in ([2022], [2020, 2021, 2022], [2019, 2020, 2021, 2022]):
        children = year_links(years, years[-1], "/", {}, "vi")

        assert menu(children) is None
        assert visible_years(children) == [str(year) for year in years]


def test_no_years_no_selector() -> None:
    assert year_links([], None, "/", {}, "vi") == []
