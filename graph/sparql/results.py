"""Write query `Results` as a terminal table (CJK-width aware) or as standard SPARQL result formats.

CSV, TSV, JSON and XML follow the W3C SPARQL 1.1 result formats, so the CLI
and the `serve` endpoint share one implementation; the table is for people:
IRIs shortened with the known prefixes, literals shown as their text.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef

from diplograph.graph.sparql.query import DEFAULT_PREFIXES, Results

FORMATS = ("table", "csv", "tsv", "json", "xml")  # what `render` writes
_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)


def query_prefixes(query: str) -> dict[str, str]:
    """The known prefixes plus those the query declares (its own win)."""
    found = dict(DEFAULT_PREFIXES)
    for name, iri in _PREFIX_DECL.findall(query):
        found[name or ""] = iri
    return found


def shorten(term, prefixes: dict[str, str]) -> str:
    """A term as a person reads it: `actor:joe-biden`, `拜登`, `2021-12-30`; empty when unbound."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        best = max((p for p in prefixes.items() if text.startswith(p[1]) and len(text) > len(p[1])),
                   key=lambda p: len(p[1]), default=None)
        return f"{best[0]}:{text[len(best[1]):]}" if best else f"<{text}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def width(text: str) -> int:
    """Columns `text` takes in a terminal: wide and full-width characters count two, combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` columns with an ellipsis (0: no limit)."""
    text = " ".join(text.split())
    if limit <= 0 or width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def to_table(results: Results, prefixes: dict[str, str] | None = None, max_width: int = 60) -> str:
    """A boxed table of a SELECT (or the answer of an ASK), with a row count."""
    prefixes = prefixes if prefixes is not None else DEFAULT_PREFIXES
    if results.kind == "ask":
        return ("yes" if results.boolean else "no") + "\n"
    if results.kind == "graph":
        return to_graph_text(results, "turtle", prefixes)
    header = list(results.variables)
    cells = [[clip(shorten(t, prefixes), max_width) for t in row] for row in results.rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(header)]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    lines = [rule, "| " + " | ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)) + " |", rule]
    lines += ["| " + " | ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.append(rule)
    count = len(results.rows)
    lines.append(f"{count} row{'s' if count != 1 else ''}")
    return "\n".join(lines) + "\n"


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def to_csv(results: Results) -> str:
    """SPARQL 1.1 CSV: a header of variable names, then plain values (CRLF line ends, as the spec says)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if results.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if results.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(results.variables)
    for row in results.rows:
        writer.writerow([_csv_value(t) for t in row])
    return buffer.getvalue()


def _tsv_term(term) -> str:
    if term is None:
        return ""
    text = term.n3()
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def to_tsv(results: Results) -> str:
    """SPARQL 1.1 TSV: `?var` headers, terms in Turtle syntax (`<iri>`, `"text"@zh`)."""
    if results.kind == "ask":
        return "?boolean\n" + ("true" if results.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in results.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in results.rows]
    return "\n".join(lines) + "\n"


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    value: dict = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype is not None:
            value["datatype"] = str(term.datatype)
    return value


def to_json(results: Results) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if results.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(results.boolean)}) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(results.variables, row, strict=True) if t is not None}
                for row in results.rows]
    data = {"head": {"vars": list(results.variables)}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _xml_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attrs = ""
    if isinstance(term, Literal):
        if term.language:
            attrs = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype is not None:
            attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{escape(str(term))}</literal>"


def to_xml(results: Results) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if results.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if results.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in results.variables) + "</head>")
    out.append("<results>")
    for row in results.rows:
        parts = [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                 for v, t in zip(results.variables, row, strict=True) if t is not None]
        out.append("<result>" + "".join(parts) + "</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def to_graph_text(results: Results, fmt: str = "turtle", prefixes: dict[str, str] | None = None) -> str:
    """The triples of a CONSTRUCT or DESCRIBE as Turtle, N-Triples or JSON-LD."""
    graph = Graph()
    for name, iri in (prefixes or DEFAULT_PREFIXES).items():
        if name:
            graph.bind(name, iri, override=True, replace=True)
    for triple in results.triples:
        graph.add(triple)
    return graph.serialize(format=fmt)


def render(results: Results, fmt: str, query: str = "", max_width: int = 60) -> str:
    """`results` in CLI format `fmt` (table, csv, tsv, json, xml); graph results become Turtle or JSON-LD."""
    if results.kind == "graph":
        return to_graph_text(results, "json-ld" if fmt == "json" else "turtle", query_prefixes(query))
    if fmt == "table":
        return to_table(results, query_prefixes(query), max_width)
    return {"csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}[fmt](results)
