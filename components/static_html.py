"""A long table drawn by one Dash component instead of one per cell.

Dash's renderer runs a selector for every component on the page at each step of every callback (a
filter change takes 150 to 220 such steps), so a table of 60 rows × 6 cells, some 500 components,
made each change on `/rankings` 40–100 ms slower in Chromium. The table is still built with
`dash.html` (its builders and their tests do not change); `static_html` writes that tree once as
HTML, escaped, and `StaticHtml` (assets/04-static-html.js) puts it in the page as it is.

Only `dash.html` elements, links, text and Bootstrap's layout boxes are written, as plain elements: they
report no clicks to Dash. A card, its body, header and footer, a row and a column (`dbc`) are `div`s with
Bootstrap's classes, written as dbc draws them when they take nothing but classes, a style and column
widths. A graph or any other `dcc` or `dbc` component needs Dash to draw it and is refused, as is a
pattern-matching id (no callback could reach it) and an address that would run code. A link
(`dcc.Link`) keeps its in-app navigation: the asset follows it as `dcc.Link` does, without reloading
the page.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from html import escape
from numbers import Number
from typing import ClassVar

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component, _explicitize_args

# React's names of attributes that HTML spells otherwise.
ATTRIBUTES = {
    "className": "class",
    "htmlFor": "for",
    "colSpan": "colspan",
    "rowSpan": "rowspan",
    "tabIndex": "tabindex",
}
# Properties of a Dash html component or link that are Dash's, not the element's.
DASH_ONLY = {
    "children",
    "n_clicks",
    "n_clicks_timestamp",
    "disable_n_clicks",
    "key",
    "loading_state",
    "setProps",
    "refresh",
}
# CSS properties React writes without a unit when given a number.
UNITLESS = {"opacity", "flex", "flexGrow", "flexShrink", "fontWeight", "lineHeight", "order", "zIndex"}
# No tag name but a plain one goes into the HTML.
TAG = re.compile(r"[a-z][a-z0-9]*")
VOID = {"br", "hr", "img", "wbr", "col"}
# The class of a block that lays out as its contents would (assets/10-app.css): its elements are the
# parent's flex or grid items, as the components they were written from would be.
CONTENTS = "static-contents"
# Elements HTML allows only inside a table: never the top of a block.
TABLE_PARTS = {"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"}
# Bootstrap's layout boxes as dbc draws them (a `div` with the box's class), and a column's widths by
# breakpoint: `width` is the narrowest one's (`xs`). A column without a width is `col`.
BOOTSTRAP_BOXES = {
    dbc.Card: "card",
    dbc.CardBody: "card-body",
    dbc.CardHeader: "card-header",
    dbc.CardFooter: "card-footer",
    dbc.Row: "row",
    dbc.Col: "",
}
BREAKPOINTS = ("xs", "sm", "md", "lg", "xl", "xxl")
# What a box may take and still be written as HTML; anything else (a colour, an alignment, an offset)
# keeps it a component.
BOX_PROPS = {"children", "id", "style", "className", "class_name", "key", "width", *BREAKPOINTS}
# Addresses that would run code when followed.
UNSAFE_HREF = re.compile(r"\s*(javascript|data|vbscript):", re.IGNORECASE)


class StaticHtml(Component):
    """HTML written on the server by `static_html`, drawn as it is inside a `div`.

    - id (string; optional)
    - className (string; optional)
    - html (string; required): the element's inner HTML, escaped by `static_html`.
    """

    _children_props: ClassVar[list[str]] = []
    _base_nodes: ClassVar[list[str]] = ["children"]
    _namespace = "dti_static"
    _type = "StaticHtml"

    @_explicitize_args
    def __init__(self, html: str | None = None, id: str | None = None, className: str | None = None, **kwargs):
        self._prop_names = ["id", "className", "html"]
        self._valid_wildcard_attributes = []
        self.available_properties = ["id", "className", "html"]
        self.available_wildcard_properties = []
        explicit = kwargs.pop("_explicit_args")
        given = {"html": html, "id": id, "className": className}
        super().__init__(**{name: given[name] for name in explicit if name in given})


def static_html(tree: object, *, class_name: str | None = None) -> StaticHtml:
    """`tree` (html components, `dcc.Link`s and text) as one component."""
    return StaticHtml(html=to_html(tree), className=class_name)


def compact(node: object, keep: Collection[str] = frozenset()) -> object:
    """`node` with each run of plain HTML in it (html elements, links and text: what Dash need not draw)
    written as one `StaticHtml` that lays out as its contents would (`.static-contents`). What Dash draws
    or reaches stays a component, and so do its parents: a graph, a `dcc` or `dbc` component, a
    pattern-matching id, an element whose id is in `keep` (the ids callbacks read or write) and one a
    popover or tooltip in `node` points at. A target card around its gauge holds three components
    instead of thirty.

    An address that would run code is refused here as in `static_html`, never kept as a component."""
    return _compacted(node, frozenset(keep) | _targets(node))


def _targets(node: object) -> frozenset[str]:
    """The ids components in `node` point at (a popover's or a tooltip's `target`): elements they listen
    to, which must not be redrawn from under them."""
    found: set[str] = set()

    def walk(item: object) -> None:
        if isinstance(item, list | tuple):
            for child in item:
                walk(child)
        elif isinstance(item, Component):
            if isinstance(getattr(item, "target", None), str):
                found.add(item.target)
            walk(getattr(item, "children", None))

    walk(node)
    return frozenset(found)


def _compacted(node: object, keep: frozenset[str]) -> object:
    if not _table_part(node):
        try:
            return StaticHtml(html=to_html(node, keep=keep), className=CONTENTS)
        except TypeError:
            pass
    if isinstance(node, list | tuple):
        return _compact_children(node, keep)
    if isinstance(node, Component) and isinstance(getattr(node, "children", None), list | tuple | Component):
        children = node.children if isinstance(node.children, list | tuple) else [node.children]
        node.children = _compact_children(children, keep)
    return node


def _compact_children(children: list | tuple, keep: frozenset[str]) -> list:
    """`children` with each run of plain ones written as one `StaticHtml`, the others compacted in turn."""
    result: list = []
    plain: list[str] = []
    for child in children:
        if not _table_part(child):
            try:
                plain.append(to_html(child, keep=keep))
                continue
            except TypeError:
                pass
        if plain:
            result.append(StaticHtml(html="".join(plain), className=CONTENTS))
            plain = []
        result.append(_compacted(child, keep))
    if plain:
        result.append(StaticHtml(html="".join(plain), className=CONTENTS))
    return result


def _table_part(node: object) -> bool:
    """Whether `node` is a row, cell or other part of a table: HTML read into a block's `div` drops those
    (they belong in a table only), so a table is written whole or its cells' contents are."""
    return isinstance(node, Component) and node._type.lower() in TABLE_PARTS


def to_html(node: object, *, keep: Collection[str] = frozenset()) -> str:
    """The HTML of a tree of Dash html components, every text and attribute value escaped; an element whose
    id is in `keep` is refused (a callback reads or writes it: it must stay a component)."""
    if node is None or node is False:
        return ""
    if isinstance(node, str):
        return escape(node, quote=False)
    if isinstance(node, Number):
        return escape(str(node), quote=False)
    if isinstance(node, list | tuple):
        return "".join(to_html(child, keep=keep) for child in node)
    if isinstance(node, StaticHtml):
        # Already written (and escaped) by its maker: its div, as the asset draws it, around its HTML.
        given = (("id", getattr(node, "id", None)), ("class", getattr(node, "className", None)))
        attributes = {name: str(value) for name, value in given if value}
        if attributes.get("id") in keep:
            raise TypeError(f"#{attributes['id']} is read or written by a callback: it stays a component")
        return element_html("div", attributes, node.html)
    if isinstance(node, dcc.Link):
        # As `dcc.Link` draws it; without `refresh` the asset follows it inside the app.
        attributes = _attributes(node, keep)
        if not getattr(node, "refresh", False):
            attributes["data-dash-link"] = ""
        return _element("a", attributes, getattr(node, "children", None), keep)
    if type(node) in BOOTSTRAP_BOXES:
        return _element("div", _box_attributes(node, keep), getattr(node, "children", None), keep)
    if isinstance(node, Component) and type(node).__module__.startswith(html.__name__ + "."):
        tag = node._type.lower()
        if not TAG.fullmatch(tag):
            raise TypeError(f"no element <{tag}> in a static block")
        return _element(tag, _attributes(node, keep), getattr(node, "children", None), keep)
    raise TypeError(f"{type(node).__name__} cannot be written as static HTML: it needs Dash to draw it")


def element_html(tag: str, attributes: Mapping[str, object], inner: str = "") -> str:
    """One element as HTML (or SVG), its attribute values escaped, `inner` (HTML already written and
    escaped) inside; a void element (`<br>`) has no inside."""
    written = "".join(f' {name}="{escape(str(value), quote=True)}"' for name, value in attributes.items())
    if tag in VOID:
        return f"<{tag}{written}>"
    return f"<{tag}{written}>{inner}</{tag}>"


def _element(tag: str, attributes: dict[str, str], children: object, keep: Collection[str]) -> str:
    return element_html(tag, attributes, "" if tag in VOID else to_html(children, keep=keep))


def _attributes(node: Component, keep: Collection[str]) -> dict[str, str]:
    attributes: dict[str, str] = {}
    for name, value in node.to_plotly_json()["props"].items():
        if name in DASH_ONLY or value is None:
            continue
        if name == "id" and not isinstance(value, str):
            raise TypeError("a static block's element has no pattern-matching id: no callback can reach it")
        if name == "id" and value in keep:
            raise TypeError(f"#{value} is read or written by a callback: it stays a component")
        if name == "style":
            attributes["style"] = css(value)
        elif name == "href":
            attributes["href"] = safe_href(value)
        elif isinstance(value, bool):
            if value:
                attributes[ATTRIBUTES.get(name, name)] = ""
        else:
            attributes[ATTRIBUTES.get(name, name).lower()] = str(value)
    return attributes


def _box_attributes(node: Component, keep: Collection[str]) -> dict[str, str]:
    """A Bootstrap box's attributes as dbc writes them: its own classes after the given ones."""
    props = {name: value for name, value in node.to_plotly_json()["props"].items() if value is not None}
    if props.keys() - BOX_PROPS or (type(node) is not dbc.Col and props.keys() & {"width", *BREAKPOINTS}):
        raise TypeError(f"{type(node).__name__} with {sorted(props.keys() - {'children'})} needs dbc to draw it")
    given = props.get("class_name") or props.get("className")
    own = _column_classes(props) if type(node) is dbc.Col else [BOOTSTRAP_BOXES[type(node)]]
    attributes = _attributes(html.Div(**{name: props[name] for name in ("id", "style") if name in props}), keep)
    return {"class": " ".join([given, *own] if given else own), **attributes}


def _column_classes(props: Mapping[str, object]) -> list[str]:
    """A column's classes from its widths, as react-bootstrap's `Col` names them (`col-lg-7`, `col-auto`)."""
    widths = {"xs": props.get("xs", props.get("width")), **{name: props.get(name) for name in BREAKPOINTS[1:]}}
    classes = []
    for breakpoint, width in widths.items():
        infix = "" if breakpoint == "xs" else f"-{breakpoint}"
        if width is None or width is False:
            continue
        if width is True:
            classes.append(f"col{infix}")
        elif isinstance(width, int | str) and str(width).isalnum():
            classes.append(f"col{infix}-{width}")
        else:
            raise TypeError(f"a column's width {width!r} needs dbc to draw it")
    return classes or ["col"]


def safe_href(href: str) -> str:
    """`href`, refused when following it would run code (what `dcc.Link` refuses too)."""
    if UNSAFE_HREF.match(str(href)):
        raise ValueError(f"an address that runs code has no place in a static block: {href!r}")
    return str(href)


def css(style: dict) -> str:
    """A React style object as a `style` attribute: camelCase names hyphenated (custom properties kept),
    numbers given React's `px` where React gives it."""
    declarations = []
    for name, value in style.items():
        prop = name if name.startswith("--") else re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), name)
        if isinstance(value, Number) and not isinstance(value, bool) and name not in UNITLESS:
            value = f"{value}px"
        declarations.append(f"{prop}: {value}")
    return "; ".join(declarations)
