"""What every page shares: its error panel, its downloads, its cards and its graphs' configuration.

A page module then reads as its layout and the callbacks particular to it:

- `explained(shape)` turns a `BadParameter` (a URL value the data does not have) and a database
  error into the page's explained panel, placed in the callback's outputs by `shape`;
- `register_download(prefix, build, *states)` adds the CSV/Excel callback of the buttons made by
  `download_buttons(prefix, lang)`; every id starts with the page's prefix, which is how the
  access guard (auth/guard.py) knows whose callback it is, and `build` checks the request again;
- `source_card` (components.cards) is a card with its sources underneath; `GRAPH_CONFIG` the graphs' toolbar.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from typing import Any

import dash
import pandas as pd
from dash import Input, Output, State, _callback, callback, clientside_callback, ctx, html
from sqlalchemy.exc import SQLAlchemyError

from auth.policy import can_view_unit
from auth.session import current_viewer
from components import downloads, static_html
from components.cards import source_card  # noqa: F401  (the pages take it from the kit)
from components.downloads import download_buttons  # noqa: F401  (the pages take it from the kit)
from components.figures import GRAPH_CONFIG  # noqa: F401  (the pages take it from the kit)
from components.i18n import t
from components.shell import message_panel
from data_access import geo
from data_access.db import DatabaseUnavailable
from pages._context import BadParameter, database_unavailable, no_focus  # noqa: F401  (the pages take it from the kit)
from web.language import language

# What the database may raise while a page reads it: the page says so instead of failing.
DATA_ERRORS = (DatabaseUnavailable, SQLAlchemyError)
# A file for a download: its frame and its name without the extension.
Download = tuple[pd.DataFrame, str]


def boundaries_url(file_name: str) -> str:
    """The URL of a shipped boundaries file, versioned by its content: a map's traces name it instead of
    carrying the GeoJSON, so the browser fetches it once (and Plotly once per page) for every map."""
    return dash.get_relative_path(f"/geo/{file_name}") + f"?v={geo.version(file_name)}"


def unit_page_link(unit_code: str) -> str | None:
    """A unit's page address where the reader may open it (`auth.policy.can_view_unit`: a unit head only
    their own), else None: a name is a link only where following it would not be refused."""
    return f"/units/{unit_code}" if can_view_unit(current_viewer(), unit_code) else None


def callback_ids() -> frozenset[str]:
    """The (string) ids every callback of the app reads or writes: what `compact` leaves to Dash. Read from
    Dash's callback registry, complete once the pages are imported (before any callback runs)."""
    registry = {**_callback.GLOBAL_CALLBACK_MAP, **dash.get_app().callback_map}
    ids: set[str] = set()
    for output, spec in registry.items():
        for target in output.strip(".").split("..."):
            ids.add(target.rsplit(".", 1)[0])
        ids.update(str(given["id"]) for given in (*spec.get("inputs", ()), *spec.get("state", ())))
    return frozenset(ident for ident in ids if not ident.startswith("{"))


def compact(tree: object) -> object:
    """`tree` with its plain HTML written as static blocks (`components.static_html.compact`), every
    element a callback reads or writes kept as a component."""
    return static_html.compact(tree, keep=callback_ids())


def panel_only(panel: html.Div) -> list:
    """The shape of a callback whose only output is the page's content."""
    return [panel]


def explained(shape: Callable[[html.Div], Any] = panel_only) -> Callable:
    """Decorate a callback so a bad URL value or an unreachable database shows its panel.

    `shape(panel)` is what the callback returns then (the panel in its content output, empty or
    disabled values in the others); the callback's own code keeps to the case that works.
    """

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except BadParameter as bad:
                return shape(bad.panel)
            except DATA_ERRORS:
                return shape(database_unavailable(language()))

        return run

    return decorate


def requested(check: Callable[..., Any], *args: Any) -> Any:
    """`check(*args)`, or None when the request names data that is not there (or not reachable)."""
    try:
        return check(*args)
    except (BadParameter, *DATA_ERRORS):
        return None


def file_format(triggered: object) -> str:
    """The format a download button asks for: its id ends in `-csv` or `-xlsx`."""
    return "csv" if str(triggered).endswith("-csv") else "xlsx"


def register_file_download(prefix: str, build: Callable[..., dict | None], *states: State) -> None:
    """The callback of `download_buttons(prefix, …)`: `build(file_format, *state_values)` gives what
    `dcc.Download` expects, or None for no file.

    `build` validates what the browser sent as if it were new: a `BadParameter` or a database error
    means no file, never a half-checked one.
    """

    @callback(
        Output(f"{prefix}-file", "data"),
        Input(f"{prefix}-csv", "n_clicks"),
        Input(f"{prefix}-xlsx", "n_clicks"),
        *states,
        prevent_initial_call=True,
    )
    def download(_csv: int | None, _xlsx: int | None, *values: Any) -> Any:
        payload = requested(build, file_format(ctx.triggered_id), *values)
        return dash.no_update if payload is None else payload


def register_download(prefix: str, build: Callable[..., Download | None], *states: State) -> None:
    """A download of a frame the page shows: `build(lang, *state_values)` gives the frame and the file's
    name (without extension), or None when there is nothing to download."""

    def payload(fmt: str, *values: Any) -> dict | None:
        found = build(language(), *values)
        return None if found is None else downloads.file_payload(found[0], found[1], fmt)

    register_file_download(prefix, payload, *states)


def explained_panel(title_key: str, body_key: str, lang: str, *, icon: str, **values: object) -> BadParameter:
    """`BadParameter` carrying the page's panel for a value the data does not have."""
    return BadParameter(message_panel(t(title_key, lang), t(body_key, lang, **values), icon=icon))


# A page that follows its own query (`follows_query`): the query into its store, in the browser (no round
# trip before the content's own), only when something changed and only while the URL is still this page's
# (a link to another page changes the query too, just before this page goes); with a selector, the value
# the query gives it (its `default` when the query names none), set only when it shows another. The store's
# `CARRIED` keys come from the page's path, not its query (a unit page's unit): kept as they are.
FOLLOWED_QUERY_JS = """function (search, pathname, path, stored, shown) {
    const same = window.dash_clientside.no_update;
    const selector = SELECTOR;
    const here = pathname === path;
    const query = new URLSearchParams(search || "");
    const wanted = Object.fromEntries(KEYS.map((key) => [key, query.get(key)]));
    stored = stored || {};
    CARRIED.forEach((key) => { wanted[key] = stored[key] ?? null; });
    const answer = [here && KEYS.some((key) => wanted[key] !== (stored[key] ?? null)) ? wanted : same];
    if (selector !== null) {
        const chosen = wanted[selector.key] || selector.default;
        answer.push(here && chosen !== shown ? chosen : same);
    }
    return answer;
}"""


def follow_own_query(
    url: str,
    path: str,
    query: str,
    keys: Sequence[str],
    selector: tuple[str, str, str] | None = None,
    carried: Sequence[str] = (),
) -> None:
    """Carry the page's URL query (`keys`) from its Location `url` into its store `query`, while the path is
    the one in the store `path`; `selector` is (component id, query key, default) of a selector that
    follows the query too (back, forward); `carried` are the store's keys that come from the path."""
    outputs = [Output(query, "data")]
    states = [State(url, "pathname"), State(path, "data"), State(query, "data")]
    spec = None
    if selector is not None:
        component, key, default = selector
        outputs.append(Output(component, "value"))
        states.append(State(component, "value"))
        spec = {"key": key, "default": default}
    clientside_callback(
        FOLLOWED_QUERY_JS.replace("SELECTOR", json.dumps(spec))
        .replace("KEYS", json.dumps(list(keys)))
        .replace("CARRIED", json.dumps(list(carried))),
        outputs,
        Input(url, "search"),
        *states,
        prevent_initial_call=True,
    )
