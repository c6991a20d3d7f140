"""`/admin/accounts`: accounts on the web, with the command line's rules (admins only).

Every action goes through `auth.users`, as `flask users …` does: a password is generated, shown
once and stored as a hash; disabling an account or resetting its password ends its open sessions.
The guard refuses the page and its callbacks to anyone but an admin (ids start with `accounts-`),
and each action checks the signed-in admin again before it writes, then records it in the audit log.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html
from sqlalchemy.exc import SQLAlchemyError

from auth import audit, users
from auth.policy import ADMIN, ADMIN_ONLY, ROLES, UNIT_HEAD
from auth.session import current_viewer
from components.accounts import accounts_table, password_once, unit_options
from components.i18n import dropdown_labels, t
from data_access.units_cli import unit_rows
from domain.vocabulary import LEVELS
from pages._context import database_unavailable, language, page_title

dash.register_page(
    __name__,
    path="/admin/accounts",
    title=page_title("title.accounts"),
    order=9,
    access=ADMIN_ONLY,  # no navbar entry (the admin's navbar is full): linked from /admin
    year_options=list,  # accounts have no years: no year selector
)

USERNAME = "accounts-username"
ROLE = "accounts-role"
UNIT = "accounts-unit"
CREATE = "accounts-create"
ACCOUNT = "accounts-account"
DISABLE = "accounts-disable"
ENABLE = "accounts-enable"
RESET = "accounts-reset"
RESULT = "accounts-result"
TABLE = "accounts-table"


def _field(label: str, control: object, *, html_for: str, width: int) -> dbc.Col:
    return dbc.Col([dbc.Label(label, html_for=html_for), control], md=width)


def layout(**_query: str) -> html.Div:
    lang = language()
    roles = [{"label": t(f"role.{role}", lang), "value": role} for role in ROLES]
    create = dbc.Card(
        dbc.CardBody(
            [
                html.H2(t("accounts.create", lang), className="h5"),
                dbc.Row(
                    [
                        _field(
                            t("accounts.username", lang),
                            dbc.Input(id=USERNAME, autocomplete="off", maxLength=80),
                            html_for=USERNAME,
                            width=3,
                        ),
                        _field(
                            t("accounts.role", lang),
                            dbc.Select(id=ROLE, options=roles, value=UNIT_HEAD),
                            html_for=ROLE,
                            width=3,
                        ),
                        _field(
                            t("accounts.unit", lang),
                            dcc.Dropdown(
                                id=UNIT, placeholder=t("accounts.unit_placeholder", lang), labels=dropdown_labels(lang)
                            ),
                            html_for=UNIT,
                            width=6,
                        ),
                    ],
                    className="g-3 mb-3",
                ),
                dbc.Button(t("accounts.create_button", lang), id=CREATE, color="primary"),
            ]
        ),
        className="ioc-card mb-3",
    )
    manage = dbc.Card(
        dbc.CardBody(
            [
                html.H2(t("accounts.manage", lang), className="h5"),
                dbc.Row(
                    [
                        _field(
                            t("accounts.account", lang),
                            dcc.Dropdown(id=ACCOUNT, labels=dropdown_labels(lang)),
                            html_for=ACCOUNT,
                            width=5,
                        ),
                        dbc.Col(
                            [
                                dbc.Button(t("accounts.disable", lang), id=DISABLE, color="danger", outline=True),
                                dbc.Button(t("accounts.enable", lang), id=ENABLE, color="secondary", outline=True),
                                dbc.Button(t("accounts.reset", lang), id=RESET, color="warning", outline=True),
                            ],
                            md=7,
                            className="d-flex gap-2 align-items-end flex-wrap",
                        ),
                    ],
                    className="g-3",
                ),
            ]
        ),
        className="ioc-card mb-3",
    )
    return html.Div(
        [
            html.H1(t("accounts.title", lang), className="page-title"),
            html.P(t("accounts.lead", lang), className="text-body-secondary"),
            html.Div(id=RESULT, role="status"),
            dbc.Row([dbc.Col(create, lg=7), dbc.Col(manage, lg=5)]),
            dbc.Card(
                dbc.CardBody([html.H2(t("accounts.list", lang), className="h5"), html.Div(id=TABLE)]),
                className="ioc-card",
            ),
        ],
        className="page-accounts",
    )


def _listing(lang: str) -> tuple[object, list[dict], list[dict]]:
    """The accounts table, the account picker's options and the unit picker's options."""
    rows = [row for row in unit_rows() if row[1] in LEVELS]
    names = {code: option["label"] for code, option in zip((r[0] for r in rows), unit_options(rows), strict=True)}
    accounts = users.list_accounts()
    picker = [{"label": f"{a.username} ({t(f'role.{a.role}', lang)})", "value": a.username} for a in accounts]
    return accounts_table(accounts, names, lang), picker, unit_options(rows)


def _apply(action: str, lang: str, *, username: str, role: str | None, unit: str | None, account: str | None):
    """Carry out one action as `auth.users` does it for the command line; the alert that says what happened."""
    admin = current_viewer()
    if admin is None or admin.role != ADMIN:
        return dbc.Alert(t("auth.denied_title", lang), color="danger")
    if action == CREATE:
        if role == UNIT_HEAD and not unit:
            return dbc.Alert(t("accounts.pick_unit", lang), color="warning")
        password = users.create_user(username, role or "", unit_code=unit if role == UNIT_HEAD else None)
        audit.record(audit.ACCOUNT_CHANGE, admin.username, unit_code=unit, detail=f"tạo {username.strip()} ({role})")
        return password_once(username.strip(), password, lang, key="accounts.created")
    if not account:
        return dbc.Alert(t("accounts.pick_account", lang), color="warning")
    if action == DISABLE:
        if account == admin.username:
            return dbc.Alert(t("accounts.not_yourself", lang), color="warning")
        users.set_active(account, False)
        audit.record(audit.ACCOUNT_CHANGE, admin.username, detail=f"khóa {account}")
        return dbc.Alert(t("accounts.disabled_done", lang, user=account), color="success")
    if action == ENABLE:
        users.set_active(account, True)
        audit.record(audit.ACCOUNT_CHANGE, admin.username, detail=f"mở lại {account}")
        return dbc.Alert(t("accounts.enabled_done", lang, user=account), color="success")
    password = users.reset_password(account)
    audit.record(audit.ACCOUNT_CHANGE, admin.username, detail=f"đặt lại mật khẩu {account}")
    return password_once(account, password, lang, key="accounts.reset_done")


@callback(
    Output(RESULT, "children"),
    Output(TABLE, "children"),
    Output(ACCOUNT, "options"),
    Output(UNIT, "options"),
    Input(CREATE, "n_clicks"),
    Input(DISABLE, "n_clicks"),
    Input(ENABLE, "n_clicks"),
    Input(RESET, "n_clicks"),
    State(USERNAME, "value"),
    State(ROLE, "value"),
    State(UNIT, "value"),
    State(ACCOUNT, "value"),
)
def act(_create, _disable, _enable, _reset, username, role, unit, account):
    """One callback for every action, so the table below always shows the accounts after it."""
    lang = language()
    result = None
    try:
        if ctx.triggered_id in (CREATE, DISABLE, ENABLE, RESET):
            result = _apply(ctx.triggered_id, lang, username=str(username or ""), role=role, unit=unit, account=account)
        table, picker, units = _listing(lang)
    except users.AccountError as refused:
        table, picker, units = _listing(lang)
        result = dbc.Alert(str(refused), color="danger")
    except SQLAlchemyError:
        return database_unavailable(lang), None, [], []
    return result, table, picker, units
