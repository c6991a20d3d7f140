"""A spinner over work that may be slow, shown only once it is, over what is shown.

`dcc.Loading` shows its spinner from its first render (`show_initially`), before any work has started
and whatever `delay_show` says, and hides what it covers (`visibility: hidden`) while it is up and until
a timer after the answer: every page opened flashed its dots, a slow filter change blanked the wall,
and text already in the page read empty (`innerText`, a print) for that tick. Here the spinner waits
its delay, and what it covers stays in view, dimmed.
"""

from __future__ import annotations

from typing import Any

from dash import dcc

# A change answered sooner than this never shows the spinner (most do, on a warm cache).
SPINNER_DELAY_MS = 300
# What the spinner covers, while it is up: still there, behind it.
COVERED_STYLE = {"visibility": "visible", "opacity": 0.45, "transition": "opacity .2s"}


def slow_work(children: Any, *, delay_show: int = SPINNER_DELAY_MS) -> dcc.Loading:
    """`children` under the dots spinner, shown when a callback writing into them takes `delay_show` ms."""
    return dcc.Loading(children, type="dot", delay_show=delay_show, show_initially=False, overlay_style=COVERED_STYLE)
