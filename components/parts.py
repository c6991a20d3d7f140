"""A page's content as a frame and its parts, so a change that keeps the frame redraws only the parts
that changed.

Dash remounts whatever `children` it is given, even the same tree: a graph inside is drawn anew
(plotly's newPlot, and for a map a new WebGL context and style). A part is a component the page keeps
in place, identified by a pattern-matching id `{"type": part_type, "name": name}`: a slot, whose
`children` are replaced, or a graph, whose `figure` is patched (its data and the layout keys that
changed; Plotly.react, the map stays). The frame is everything else; its digest and the digests of the
parts drawn travel to the browser, so the next answer knows what the browser shows without being sent
it back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from dash import ALL, Output, Patch, ctx, dcc, html, no_update
from plotly.io.json import to_json_plotly


def slot(part_type: str, name: str, children: Any) -> html.Div:
    """A part whose children are replaced on their own; it takes no room of its own in the layout."""
    return html.Div(children, id={"type": part_type, "name": name}, className="content-slot")


def graph_part(
    part_type: str,
    name: str,
    figure: Any,
    *,
    element_id: str,
    config: dict,
    class_name: str | None = None,
    style: dict | None = None,
    fill: bool = False,
) -> html.Div:
    """A graph kept in place across changes, inside an element with the graph's usual id and class
    (what the page's CSS, scripts and tests address). With `fill` the graph takes its box's whole height
    (`.fill-graph`: a card's body sized by the card, a box sized by CSS)."""
    if fill:
        class_name = f"fill-graph {class_name}" if class_name else "fill-graph"
        style = {"height": "100%", **(style or {})}
    sized = {"style": style} if style else {}  # dcc.Graph reads its style: never send it null
    graph = dcc.Graph(id={"type": part_type, "name": name}, figure=figure, config=config, **sized)
    return html.Div(graph, id=element_id, className=class_name)


def part_key(component_id: Mapping[str, str]) -> str:
    """A part's key in the record of what is drawn."""
    return f"{component_id['type']}/{component_id['name']}"


class Split(NamedTuple):
    """A content tree split into its frame (digest) and parts (key → JSON value, key → digest; a
    figure's digest is one per `data` and per layout key)."""

    frame: str
    parts: dict[str, Any]
    digests: dict[str, str | dict[str, str]]

    def record(self) -> dict:
        """What the browser keeps of this drawing: the digests, never the content."""
        return {"frame": self.frame, "parts": self.digests}


def _digest(value: Any) -> str:
    return hashlib.blake2b(json.dumps(value, sort_keys=True).encode(), digest_size=8).hexdigest()


def _split_json(data: Any, part_props: Mapping[str, str]) -> Split:
    """The content's JSON with the part of each id type in `part_props` (type → the property that is
    the part) taken out of the frame."""
    parts: dict[str, Any] = {}

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict):
            return
        props = node.get("props")
        ident = props.get("id") if isinstance(props, dict) else None
        if isinstance(ident, dict) and ident.get("type") in part_props:
            prop = part_props[ident["type"]]
            parts[part_key(ident)] = props.get(prop)
            props[prop] = None
        for value in node.values():
            walk(value)

    walk(data)
    return Split(_digest(data), parts, {key: _part_digest(value) for key, value in parts.items()})


def _is_figure(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("data"), list) and isinstance(value.get("layout"), dict)


def _part_digest(value: Any) -> str | dict[str, str]:
    """A figure's digests: one for its traces' kinds, one per trace and key, one per layout key."""
    if not _is_figure(value):
        return _digest(value)
    traces = value["data"]
    return {
        "data": _digest([trace.get("type") for trace in traces]),
        **{f"data.{i}.{key}": _digest(v) for i, trace in enumerate(traces) for key, v in trace.items()},
        **{f"layout.{key}": _digest(v) for key, v in value["layout"].items()},
    }


def _figure_patch(figure: dict, before: dict[str, str], after: dict[str, str]) -> Patch:
    """The trace keys and the layout keys of `figure` whose digests changed; keys gone are deleted. When
    the traces are not the same kinds in the same order, the traces whole. A map's boundaries (in its
    traces) are not sent again for new colours."""
    patch = Patch()
    if before.get("data") != after["data"]:
        patch["data"] = figure["data"]
    else:
        for i, trace in enumerate(figure["data"]):
            for key, value in trace.items():
                if before.get(f"data.{i}.{key}") != after[f"data.{i}.{key}"]:
                    patch["data"][i][key] = value
    for key, value in figure["layout"].items():
        if before.get(f"layout.{key}") != after[f"layout.{key}"]:
            patch["layout"][key] = value
    for gone in before.keys() - after.keys():
        path = gone.split(".")
        if path[0] == "layout":
            del patch["layout"][path[1]]
        elif before.get("data") == after["data"]:
            del patch["data"][int(path[1])][path[2]]
    return patch


def _changed(value: Any, before: Any, after: Any) -> Any:
    """The part as sent: a figure drawn before as a patch, anything else whole."""
    if isinstance(before, dict) and isinstance(after, dict):
        return _figure_patch(value, before, after)
    return value


def changed_parts(drawing: Split, drawn: Mapping | None, present: Sequence[str]) -> dict[str, Any] | None:
    """The parts to send when the browser shows the same frame (`drawn`, its record) with the same
    parts (`present`, their keys): only those whose digest changed. None when the whole content is
    to be drawn."""
    if not drawn or drawn.get("frame") != drawing.frame or set(present) != set(drawing.parts):
        return None
    before = drawn.get("parts") or {}
    return {
        key: _changed(value, before.get(key), drawing.digests[key])
        for key, value in drawing.parts.items()
        if before.get(key) != drawing.digests[key]
    }


def part_props(part_types: tuple[str, str]) -> dict[str, str]:
    """The property that is the part, per id type: a slot's children, a graph part's figure."""
    slot_type, figure_type = part_types
    return {slot_type: "children", figure_type: "figure"}


def content_outputs(content: str, drawn: str, part_types: tuple[str, str]) -> list[Output]:
    """A content callback's outputs when it draws by parts: the content whole, the record of its drawing
    (`drawn`, a store), its slots' children and its graphs' figures (ALL of each type in `part_types`)."""
    slot_type, figure_type = part_types
    return [
        Output(content, "children"),
        Output(drawn, "data"),
        Output({"type": slot_type, "name": ALL}, "children"),
        Output({"type": figure_type, "name": ALL}, "figure"),
    ]


def refused(content: Any, first: int) -> tuple:
    """`content_outputs`' answer when the query is refused: `content` (the panel saying why) whole, no
    drawing, no part replaced; the parts begin at position `first` of the callback's outputs."""
    return content if isinstance(content, list) else [content], None, *unchanged(shown_parts(first))


def shown_parts(first: int) -> list:
    """The slot and graph-part outputs of the content callback running now, as the browser shows them: its
    two ALL-pattern output groups, from position `first` of its outputs (`ctx.outputs_list`)."""
    return ctx.outputs_list[first : first + 2]


def unchanged(outputs: Sequence[Sequence[Mapping]]) -> tuple[list, ...]:
    """No part replaced: one `no_update` per part the browser shows, for each group of part outputs."""
    return tuple([no_update] * len(group) for group in outputs)


class Drawing(NamedTuple):
    """A content tree ready to answer any browser: its JSON as sent whole, and its split. What a page
    keeps per URL (`pages` memoize it): the next reader of that URL, whatever they show now, is answered
    from it without building the figures and tables again."""

    content_json: str
    split: Split


def prepare(content: Any, part_types: tuple[str, str]) -> Drawing:
    """`content` serialised once and split into its frame and parts."""
    text = to_json_plotly(content)
    return Drawing(text, _split_json(json.loads(text), part_props(part_types)))


def answer(drawing: Drawing, drawn: Mapping | None, outputs: Sequence[Sequence[Mapping]]) -> tuple:
    """A content callback's answer: the content (or `no_update`), the record of the drawing, then one
    list per group of part outputs. `outputs` are the callback's ALL-pattern outputs as Dash lists them
    (`ctx.outputs_list` slices: the slots the browser shows, then its graph parts). Only the parts whose
    digests moved are sent when the browser shows the same frame; otherwise the whole content, and no
    part (the parts come with it)."""
    present = [part_key(output["id"]) for group in outputs for output in group]
    changed = changed_parts(drawing.split, drawn, present)
    if changed is None:
        return json.loads(drawing.content_json), drawing.split.record(), *unchanged(outputs)
    values = tuple([changed.get(part_key(output["id"]), no_update) for output in group] for group in outputs)
    return no_update, drawing.split.record(), *values
