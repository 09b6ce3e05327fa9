"""Read a graph file written by a build (Turtle, N-Triples, JSON-LD, TriG) into one rdflib graph."""
from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Dataset, Graph

from diplograph.graph.model import KnowledgeGraph
from diplograph.graph.rdf import bind_prefixes, from_graph
from diplograph.ontology.namespace import DG

# file suffix -> rdflib parser name
PARSERS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
           ".trig": "trig", ".nq": "nquads"}


class GraphFileError(Exception):
    """A graph file that is missing, of an unknown kind, or not valid RDF (the message is one line)."""


def parser_for(path: Path) -> str:
    """The rdflib parser for `path`, from its suffix."""
    try:
        return PARSERS[path.suffix.lower()]
    except KeyError:
        raise GraphFileError(f"{path}: unknown graph file type {path.suffix or '(none)'!r}; "
                             f"expected one of {', '.join(sorted(PARSERS))}") from None


def read_graph(path: Path | str) -> Graph:
    """All triples of the file at `path` in one graph (the named graphs of TriG/N-Quads are merged)."""
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (build one with `diplograph build`)")
    parser = parser_for(path)
    try:
        if parser in ("trig", "nquads"):
            dataset = Dataset()
            dataset.parse(path, format=parser)
            graph = Graph()
            for s, p, o, _ in dataset.quads():
                graph.add((s, p, o))
        else:
            graph = Graph().parse(path, format=parser)
    except Exception as exc:  # rdflib raises many kinds of syntax errors
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise GraphFileError(f"{path}: not valid {parser}: {message[:300]}") from None
    return bind_prefixes(graph)


def read_knowledge_graph(path: Path | str) -> KnowledgeGraph:
    """The `KnowledgeGraph` a build wrote to `path`; GraphFileError (one line) if it is not one."""
    graph = read_graph(path)
    if next(graph.subjects(RDF.type, DG.Article), None) is None:
        raise GraphFileError(f"{path}: no diplograph articles in this graph (is it a graph `diplograph build` wrote?)")
    try:
        return from_graph(graph)
    except ValueError as exc:
        raise GraphFileError(f"{path}: not a diplograph graph ({' '.join(str(exc).split())[:200]})") from None
