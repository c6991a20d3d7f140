"""The wall's ticker on `/` and on the kiosk (`/present?kiosk=1`): what happened since the last look.

"The last look" is kept per browser, in its localStorage (one key per screen: the overview's and the
kiosk's): the data version, the latest import's id, the focus's latest rank and the targets at risk
as that screen last showed them. Per browser rather than per account because the IOC wall is one
browser that stays signed in with a shared leader account while the same account is used on
laptops: per account, a laptop's look would empty the wall's ticker. Each poll compares the state
now with the last look, adds what changed to the ticker and stores the state now as the new look.
"""

from __future__ import annotations

from dash import MATCH, Input, Output, State, callback, ctx, dcc, html, no_update

from components.ticker import ticker_bar
from data_access import queries
from data_access.alerts import imports_after, wall_state
from domain.alerts import alerts_since, valid_alerts, valid_state
from domain.clock import local_now
from pages._context import language

# The ids start with "overview-": the callback guard gives a callback the access of the page whose
# prefix its outputs carry, and the ticker shows what the overview shows (any signed-in reader).
# The overview's slot beside the heading holds two lines; the kiosk's runs along the slide.
SHOWN_AT_ONCE = {"overview": 2}
TICKER, LAST_LOOK, SHOWN, POLL = (
    "overview-ticker",
    "overview-last-look",
    "overview-ticker-shown",
    "overview-ticker-poll",
)


def ticker(screen: str, poll_seconds: int) -> html.Div:
    """The ticker's slot for a screen ("overview", "kiosk"), polling every `poll_seconds`."""
    return html.Div(
        [
            dcc.Store(id={"type": LAST_LOOK, "screen": screen}, storage_type="local"),
            dcc.Store(id={"type": SHOWN, "screen": screen}),
            dcc.Interval(id={"type": POLL, "screen": screen}, interval=poll_seconds * 1000),
            html.Div(id={"type": TICKER, "screen": screen}),
        ],
        className=f"wall-ticker-host wall-ticker-{screen}",
        id=f"{screen}-ticker-host",
    )


@callback(
    Output({"type": TICKER, "screen": MATCH}, "children"),
    Output({"type": LAST_LOOK, "screen": MATCH}, "data"),
    Output({"type": SHOWN, "screen": MATCH}, "data"),
    Input({"type": POLL, "screen": MATCH}, "n_intervals"),
    State({"type": LAST_LOOK, "screen": MATCH}, "data"),
    State({"type": SHOWN, "screen": MATCH}, "data"),
)
def update_ticker(_ticks: int | None, last_look: dict | None, shown: dict | None):
    """Compare the state now with this browser's last look: new alerts join the ticker, and the
    state now becomes the last look. The browser's store is read as untrusted input."""
    focus = queries.focus_unit_code()
    if focus is None:
        return no_update, no_update, no_update
    now, names = wall_state(focus)
    seen = valid_state((last_look or {}).get("state") if isinstance(last_look, dict) else None)
    imports = imports_after(seen["last_import"]) if seen else []
    fresh = [alert.as_dict() for alert in alerts_since(seen, now, imports, names)]
    looked_at = local_now().isoformat(timespec="minutes")
    if not isinstance(shown, dict):
        seen_at = last_look.get("at") if isinstance(last_look, dict) and seen else None
        shown = {"alerts": fresh, "seen_at": seen_at if isinstance(seen_at, str) else None, "first": seen is None}
    elif fresh:
        seen_at = shown.get("seen_at")
        shown = {
            "alerts": [*valid_alerts(shown.get("alerts")), *fresh],
            "seen_at": seen_at if isinstance(seen_at, str) else None,
            "first": bool(shown.get("first")),
        }
    else:
        return no_update, {"state": now, "at": looked_at}, no_update
    bar = ticker_bar(
        shown["alerts"],
        seen_at=shown["seen_at"],
        first=shown["first"],
        lang=language(),
        element_id="ticker-bar",
        limit=SHOWN_AT_ONCE.get(ctx.outputs_list[0]["id"]["screen"]),
    )
    return bar, {"state": now, "at": looked_at}, shown
