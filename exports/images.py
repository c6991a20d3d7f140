"""Chart images and printed pages from one Kaleido session in the system Chromium.

Starting Chromium costs about as much as drawing a whole deck, so an export opens one
`ChartSession` and draws every chart in it (a few tabs in parallel), then prints the PDF from
the same browser. MathJax is switched off: Kaleido would otherwise fetch it from a CDN, and
the app runs offline; plotly.js comes from the installed plotly package.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
from collections.abc import Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, TypeVar

import kaleido
import plotly.graph_objects as go

# Kaleido finds the browser through BROWSER_PATH when it starts one: Debian's Chromium unless set.
os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")

FORMATS = ("png", "svg")
MIME_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
# Two tabs draw in parallel on a 2-core machine; each further tab loads plotly.js again for little gain.
TABS = 2
RENDER_TIMEOUT_SECONDS = 60
PAGE_TIMEOUT_SECONDS = 60

T = TypeVar("T")


class ExportError(RuntimeError):
    """Chromium could not draw or print; the page says so in words instead of failing silently."""


class ImageJob(NamedTuple):
    """One chart to draw: `width` × `height` CSS pixels, multiplied by `scale` for a PNG."""

    figure: go.Figure
    fmt: str
    width: int
    height: int
    scale: float = 1


class ChartSession:
    """One Chromium for a whole export: `async with ChartSession() as session: await session.images(jobs)`."""

    def __init__(self, tabs: int = TABS) -> None:
        self._tabs = tabs
        self._kaleido: kaleido.Kaleido | None = None

    async def __aenter__(self) -> ChartSession:
        try:
            self._kaleido = kaleido.Kaleido(n=self._tabs, mathjax=False, timeout=RENDER_TIMEOUT_SECONDS)
            await self._kaleido.open()
        except Exception as exc:  # Chromium missing or refusing to start: a reason, not a traceback
            if self._kaleido is not None:
                with contextlib.suppress(Exception):  # a half-started browser must not linger
                    await self._kaleido.close()
            raise ExportError(f"Chromium could not start: {exc}") from exc
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._kaleido is not None:
            await self._kaleido.close()

    async def image(self, job: ImageJob) -> bytes:
        if job.fmt not in FORMATS:
            raise ValueError(f"unknown image format {job.fmt!r}; expected one of {FORMATS}")
        opts = {"format": job.fmt, "width": job.width, "height": job.height, "scale": job.scale}
        try:
            return await self._kaleido.calc_fig(job.figure, opts=opts)
        except Exception as exc:
            raise ExportError(f"the chart could not be drawn: {exc}") from exc

    async def images(self, jobs: Sequence[ImageJob]) -> list[bytes]:
        """Every job's image, drawn in parallel in the session's tabs, in the jobs' order."""
        return list(await asyncio.gather(*(self.image(job) for job in jobs)))

    async def print_pdf(self, page: Path) -> bytes:
        """Chromium's PDF of an HTML file (its CSS `@page` sets the paper), once its fonts are loaded."""
        try:
            tab = await self._kaleido.create_tab("")
        except Exception as exc:
            raise ExportError(f"the PDF could not be printed: {exc}") from exc
        try:
            loaded = tab.subscribe_once("Page.loadEventFired")
            await tab.send_command("Page.enable")
            await tab.send_command("Page.navigate", params={"url": page.resolve().as_uri()})
            await asyncio.wait_for(loaded, PAGE_TIMEOUT_SECONDS)
            await tab.send_command(
                "Runtime.evaluate", params={"expression": "document.fonts.ready.then(() => true)", "awaitPromise": True}
            )
            response = await tab.send_command(
                "Page.printToPDF", params={"printBackground": True, "preferCSSPageSize": True}
            )
        except Exception as exc:  # a timeout or a lost tab: the page says the export failed, in words
            raise ExportError(f"the PDF could not be printed: {exc}") from exc
        finally:
            await self._kaleido.close_tab(tab)
        if "error" in response:
            raise ExportError(f"the PDF could not be printed: {response['error']}")
        return base64.b64decode(response["result"]["data"])


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run an export from synchronous code (a Dash callback, a script) on a loop of its own, in a
    thread of its own: the calling thread may already run an event loop (an async server, or
    Playwright's sync API in the same test process), where `asyncio.run` would refuse."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export") as worker:
        return worker.submit(asyncio.run, coroutine).result()


def chart_image(figure: go.Figure, fmt: str, *, width: int, height: int, scale: float = 1) -> bytes:
    """One chart as PNG or SVG (a session of one tab: a single chart needs no more)."""

    async def draw() -> bytes:
        async with ChartSession(tabs=1) as session:
            return await session.image(ImageJob(figure, fmt, width, height, scale))

    return run(draw())
