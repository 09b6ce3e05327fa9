"""Dynamic GEXF 1.3 for Gephi: dated edges and events on a timeline, typed attributes, colour and size.

Written with ElementTree rather than `networkx.write_gexf`, which writes
GEXF 1.2, cannot mix directed and undirected edges, reuses an `id` attribute
as the edge id (three-party calls would share one) and has no notion of
month- or year-precision dates.

Timeline rules: an edge, and an interaction or statement node, with a date
gets `start` and `end` (the same day for a day, the first and last day for a
month or a year); anything undated gets neither and Gephi shows it at every
moment. Actor, topic and article nodes are always visible, so an undated
fact never dangles from a hidden actor.
"""
from __future__ import annotations

import calendar
import io
import math
import xml.etree.ElementTree as ET
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import networkx as nx

from diplograph.util.files import write_atomic
from diplograph.graph.export.prepare import (Columns, Parts, Survey, graph_attributes, parts_of, prepared,
                                      prepared_edges, prepared_nodes, survey)

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# Node kinds whose own date places them on the timeline.
EVENT_KINDS = frozenset({"interaction", "statement"})

# RGB by actor type, or by node kind for the other nodes of the full graph.
NODE_COLOURS = {
    "Person": (66, 133, 244),
    "Organization": (15, 157, 88),
    "Country": (244, 160, 0),
    "interaction": (142, 68, 173),
    "statement": (230, 81, 0),
    "topic": (0, 151, 167),
    "article": (120, 120, 120),
}
DEFAULT_COLOUR = (160, 160, 160)
# RGB by edge kind: warnings stand out from statements, statements from meetings.
EDGE_COLOURS = {"warning": (211, 47, 47), "statement": (63, 81, 181), "interaction": (96, 125, 139)}

_INT32 = 2**31


def date_span(value: str) -> tuple[str, str] | None:
    """(`start`, `end`) for an ISO date of day, month or year precision; None for ''."""
    if not isinstance(value, str):
        raise TypeError(f"date must be an ISO string, not {type(value).__name__}")
    if value == "":
        return None
    parts = value.split("-")
    try:
        if len(parts) == 3:
            day = date.fromisoformat(value)
            return day.isoformat(), day.isoformat()
        year = int(parts[0])
        if len(parts) == 2 and len(parts[1]) == 2 and len(parts[0]) == 4:
            month = int(parts[1])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).isoformat(), date(year, month, last).isoformat()
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    except ValueError:
        pass
    raise ValueError(f"date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")


def node_size(degree: int) -> float:
    """Gephi node size from degree: 6 for an isolated node, growing with the square root."""
    return round(6.0 + 4.0 * math.sqrt(degree), 2)


def node_colour(data: dict) -> tuple[int, int, int]:
    """RGB for a node: actors by type, everything else by kind."""
    if data.get("kind", "actor") == "actor":
        return NODE_COLOURS.get(data.get("type", ""), DEFAULT_COLOUR)
    return NODE_COLOURS.get(data.get("kind", ""), DEFAULT_COLOUR)


def edge_colour(data: dict) -> tuple[int, int, int]:
    """RGB for an edge: warnings, statements and interactions apart; other relations grey."""
    kind = data.get("edge_kind", "")
    if kind in EDGE_COLOURS:
        return EDGE_COLOURS[kind]
    return EDGE_COLOURS.get(data.get("kind", ""), DEFAULT_COLOUR)


def _gexf_type(kind: type, span: tuple[int, int] | None) -> str:
    """The GEXF type of a column of `kind`; `span` is the lowest and highest value of an int column."""
    if kind is bool:
        return "boolean"
    if kind is int:
        return "integer" if span is None or (-_INT32 <= span[0] and span[1] < _INT32) else "long"
    if kind is float:
        return "double"
    return "string"


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"
        return repr(value)
    return str(value)


def _declare(graph_el: ET.Element, cls: str, items: list[tuple[object, dict]], skip: set[str]) -> None:
    columns = Columns(cls)
    for _, data in items:
        columns.add(data)
    attrs = ET.SubElement(graph_el, "attributes", {"class": cls})
    for name, kind in columns.types().items():
        if name in skip:
            continue
        kind_name = _gexf_type(kind, columns.ranges.get(name))
        ET.SubElement(attrs, "attribute", {"id": name, "title": name, "type": kind_name})


def _attvalues(parent: ET.Element, data: dict, skip: set[str]) -> None:
    values = [(k, v) for k, v in data.items() if k not in skip]
    if values:
        box = ET.SubElement(parent, "attvalues")
        for name, value in values:
            ET.SubElement(box, "attvalue", {"for": name, "value": _text(value)})


def _span(el: ET.Element, data: dict) -> None:
    span = date_span(data.get("date", ""))
    if span:
        el.set("start", span[0])
        el.set("end", span[1])


def _colour(el: ET.Element, rgb: tuple[int, int, int]) -> None:
    ET.SubElement(el, "viz:color", {"r": str(rgb[0]), "g": str(rgb[1]), "b": str(rgb[2]), "a": "1.0"})


def _creator() -> str:
    try:
        return f"diplograph {version('diplograph')}"
    except PackageNotFoundError:
        return "diplograph"


def gexf_tree(g: nx.MultiDiGraph | Parts) -> ET.ElementTree:
    """The GEXF 1.3 document for `g` (a view from `diplograph.graph.export.network`), whole in memory.

    The reference for what `write_gexf` streams (tests/scale/test_gexf_stream.py).
    """
    g = prepared(g, xml=True)
    root = ET.Element("gexf", {
        "xmlns": GEXF_NS, "xmlns:viz": VIZ_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd", "version": "1.3",
    })
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = _creator()
    ET.SubElement(meta, "description").text = str(g.graph.get("name", "diplograph graph"))
    graph_el = ET.SubElement(root, "graph", {
        "defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date",
    })
    nodes = list(g.nodes(data=True))
    edges = [(k, d) for _, _, k, d in g.edges(keys=True, data=True)]
    _declare(graph_el, "node", nodes, {"label"})
    _declare(graph_el, "edge", edges, {"label"})

    nodes_el = ET.SubElement(graph_el, "nodes", {"count": str(len(nodes))})
    for node, data in nodes:
        el = ET.SubElement(nodes_el, "node", {"id": node, "label": str(data.get("label", node))})
        if data.get("kind") in EVENT_KINDS:
            _span(el, data)
        _attvalues(el, data, {"label"})
        _colour(el, node_colour(data))
        ET.SubElement(el, "viz:size", {"value": _text(node_size(g.degree(node)))})

    edges_el = ET.SubElement(graph_el, "edges", {"count": str(len(edges))})
    for u, v, key, data in g.edges(keys=True, data=True):
        directed = bool(data.get("directed", 1))
        el = ET.SubElement(edges_el, "edge", {
            "id": key, "source": u, "target": v, "type": "directed" if directed else "undirected",
        })
        if "label" in data:
            el.set("label", str(data["label"]))
        kind = data.get("edge_kind") or data.get("kind")
        if isinstance(kind, str) and kind:
            el.set("kind", kind)
        _span(el, data)
        _attvalues(el, data, {"label"})
        _colour(el, edge_colour(data))
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def write_gexf(g: nx.MultiDiGraph | Parts, path: Path, summary: Survey | None = None) -> Path:
    """Write `g` as dynamic GEXF 1.3 to `path` (via a temporary file) and return the path.

    The bytes are those of `gexf_tree(g)` written by ElementTree, indented, but streamed element by
    element (`_stream`) straight from `g`'s nodes and edges after one pass to survey them (unless
    `summary` is that survey), so neither the document nor a copy of the graph is ever in memory.
    """
    parts = parts_of(g)
    summary = summary if summary is not None else survey(parts)
    return write_atomic(Path(path), lambda tmp: _write_lines(_stream(parts, summary), tmp))


def _attr(text: str) -> str:
    """ElementTree's escaping of an attribute value."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


def _cdata(text: str) -> str:
    """ElementTree's escaping of element text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tag(name: str, attrs: list[tuple[str, str]]) -> str:
    return "<" + name + "".join(f' {k}="{_attr(v)}"' for k, v in attrs)


def _colour_line(pad: str, rgb: tuple[int, int, int]) -> str:
    return f'{pad}<viz:color r="{rgb[0]}" g="{rgb[1]}" b="{rgb[2]}" a="1.0" />'


def _values_lines(pad: str, data: dict, skip: set[str]) -> list[str]:
    values = [(k, v) for k, v in data.items() if k not in skip]
    if not values:
        return []
    inner = pad + "  "
    return ([f"{pad}<attvalues>"] + [f'{inner}<attvalue for="{_attr(k)}" value="{_attr(_text(v))}" />' for k, v in values]
            + [f"{pad}</attvalues>"])


def _declaration_lines(cls: str, summary: Survey, skip: set[str]) -> list[str]:
    types = summary.node_types if cls == "node" else summary.edge_types
    rows = []
    for name, kind in types.items():
        if name in skip:
            continue
        kind_name = _gexf_type(kind, summary.int_ranges.get((cls, name)))
        rows.append(f'      <attribute id="{_attr(name)}" title="{_attr(name)}" type="{kind_name}" />')
    if not rows:
        return [f'    <attributes class="{cls}" />']
    return [f'    <attributes class="{cls}">'] + rows + ["    </attributes>"]


def _text_element(pad: str, name: str, text: str) -> str:
    return f"{pad}<{name}>{_cdata(text)}</{name}>" if text else f"{pad}<{name} />"


def _stream(parts: Parts, summary: Survey):
    """The lines of `gexf_tree(parts)` as ElementTree writes it after `ET.indent(space="  ")`."""
    yield "<?xml version='1.0' encoding='UTF-8'?>"
    yield _tag("gexf", [("xmlns", GEXF_NS), ("xmlns:viz", VIZ_NS), ("xmlns:xsi", XSI_NS),
                        ("xsi:schemaLocation", f"{GEXF_NS} {GEXF_NS}/gexf.xsd"), ("version", "1.3")]) + ">"
    yield "  <meta>"
    yield _text_element("    ", "creator", _creator())
    yield _text_element("    ", "description", str(graph_attributes(parts, xml=True).get("name", "diplograph graph")))
    yield "  </meta>"
    yield '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">'
    yield from _declaration_lines("node", summary, {"label"})
    yield from _declaration_lines("edge", summary, {"label"})
    if summary.nodes:
        yield f'    <nodes count="{summary.nodes}">'
        for (node, data), degree in zip(prepared_nodes(parts, xml=True), summary.degrees):
            attrs = [("id", node), ("label", str(data.get("label", node)))]
            if data.get("kind") in EVENT_KINDS:
                attrs += _span_attrs(data)
            yield "      " + _tag("node", attrs) + ">"
            yield from _values_lines("        ", data, {"label"})
            yield _colour_line("        ", node_colour(data))
            yield f'        <viz:size value="{_attr(_text(node_size(degree)))}" />'
            yield "      </node>"
        yield "    </nodes>"
    else:
        yield '    <nodes count="0" />'
    if summary.edges:
        yield f'    <edges count="{summary.edges}">'
        for u, v, key, data in prepared_edges(parts, summary.keys_are_ids, xml=True):
            directed = bool(data.get("directed", 1))
            attrs = [("id", key), ("source", u), ("target", v), ("type", "directed" if directed else "undirected")]
            if "label" in data:
                attrs.append(("label", str(data["label"])))
            kind = data.get("edge_kind") or data.get("kind")
            if isinstance(kind, str) and kind:
                attrs.append(("kind", kind))
            attrs += _span_attrs(data)
            yield "      " + _tag("edge", attrs) + ">"
            yield from _values_lines("        ", data, {"label"})
            yield _colour_line("        ", edge_colour(data))
            yield "      </edge>"
        yield "    </edges>"
    else:
        yield '    <edges count="0" />'
    yield "  </graph>"
    yield "</gexf>"


def _span_attrs(data: dict) -> list[tuple[str, str]]:
    span = date_span(data.get("date", ""))
    return [("start", span[0]), ("end", span[1])] if span else []


def _write_lines(lines, path: Path) -> None:
    """`lines` joined by newlines into `path`, UTF-8, in batches."""
    with open(path, "wb") as handle:
        batch: list[str] = []
        first = True
        for line in lines:
            batch.append(line)
            if len(batch) >= 4096:
                handle.write(((("" if first else "\n") + "\n".join(batch)).encode("utf-8", "xmlcharrefreplace")))
                first, batch = False, []
        if batch:
            handle.write(((("" if first else "\n") + "\n".join(batch)).encode("utf-8", "xmlcharrefreplace")))


def read_gexf(path: Path) -> nx.MultiDiGraph:
    """Read a GEXF written by `write_gexf` with networkx, keyed by edge id.

    networkx refuses a graph that mixes directed and undirected edges, so the
    per-edge `type` is dropped before it reads; the `directed` attribute
    still says which edges are undirected.
    """
    tree = ET.parse(path)
    for edge in tree.getroot().iter(f"{{{GEXF_NS}}}edge"):
        edge.attrib.pop("type", None)
    buf = io.BytesIO()
    tree.write(buf, encoding="UTF-8", xml_declaration=True)
    buf.seek(0)
    read = nx.read_gexf(buf, version="1.3")
    out = nx.MultiDiGraph(**read.graph)
    out.add_nodes_from(read.nodes(data=True))
    for u, v, data in read.edges(data=True):
        out.add_edge(u, v, key=data["id"], **data)
    return out
