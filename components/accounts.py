"""The accounts page's pieces: the table of accounts and the unit picker's options.

A unit head is tied to a unit picked by its name (with its province or parent beside it, since
two provinces both have a "Sở Y tế"); the code stays the value sent back, never what is read.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from components.i18n import t
from domain.lookup import fold


def unit_options(rows: list[tuple[str, str, str, str]]) -> list[dict]:
    """Dropdown options from `(code, level, name, parent code)` rows: "name · parent name", searchable
    by either, in the rows' order (provinces first, then each province's units)."""
    names = {code: name for code, _level, name, _parent in rows}
    options = []
    for code, _level, name, parent in rows:
        label = f"{name} · {names.get(parent, parent)}" if parent else name
        options.append({"label": label, "value": code, "search": f"{label} {fold(label)} {code}"})
    return options


def accounts_table(
    accounts: list[tuple[str, str, str | None, bool]], unit_names: dict[str, str], lang: str
) -> dbc.Table:
    """Every account, given as (user name, role, unit code, active): its name, role, unit (by name) and
    whether it may sign in."""
    head = html.Thead(html.Tr([html.Th(t(f"accounts.col.{key}", lang)) for key in ("user", "role", "unit", "state")]))
    rows = [
        html.Tr(
            [
                html.Td(username, className="fw-semibold"),
                html.Td(t(f"role.{role}", lang)),
                html.Td(unit_names.get(unit_code, unit_code) if unit_code else "—"),
                html.Td(
                    html.Span(
                        t("accounts.active" if active else "accounts.disabled", lang),
                        className="badge " + ("text-bg-success" if active else "text-bg-secondary"),
                    )
                ),
            ],
            className="" if active else "text-body-secondary",
        )
        for username, role, unit_code, active in accounts
    ]
    return dbc.Table([head, html.Tbody(rows)], hover=True, responsive=True, className="accounts-table mb-0")


def password_once(username: str, password: str, lang: str, *, key: str) -> dbc.Alert:
    """A new password, shown this once: it is stored only as a hash, so it cannot be shown again."""
    return dbc.Alert(
        [
            html.Div(t(key, lang, user=username), className="fw-semibold"),
            html.Code(password, id="accounts-password", className="fs-4 d-block my-2 user-select-all"),
            html.Div(t("accounts.password_once", lang), className="small"),
        ],
        color="success",
        className="mb-3",
    )
