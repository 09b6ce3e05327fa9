"""Read a graph file written by a build (Turtle, N-Triples, JSON-LD, TriG): into one rdflib graph, or,
for reading the `KnowledgeGraph` back, into a lighter index parsed by Oxigraph."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdflib import RDF, Dataset, Graph
from rdflib.term import Node

from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.graph.rdf.oxterms import converter
from diplograph.util.progress import Progress, no_progress
from diplograph.graph.rdf.mapping import bind_prefixes, from_graph
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
    except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds of syntax errors
        raise _oxigraph_says(path) or GraphFileError(f"{path}: not valid {parser}: {_one_line(exc)}") from None
    return bind_prefixes(graph)


def not_valid(path: Path, exc: Exception) -> GraphFileError:
    """One line for a graph file a parser refused: `graph.ttl: not valid turtle: line 2, column 11: …`."""
    import re

    text = " ".join(str(exc).split())
    where = re.match(r"Parser error (?:at line (\d+) (?:between columns|column) (\d+)|between line (\d+) column (\d+))"
                     r"[^:]*: (.*?)(?: \([^()]*, line \d+\))?$", text)
    if where:
        line, column = (where.group(1), where.group(2)) if where.group(1) else (where.group(3), where.group(4))
        text = f"line {line}, column {column}: {where.group(5)}"
    return GraphFileError(f"{path}: not valid {parser_for(path)}: {text[:300]}")


def _oxigraph_says(path: Path) -> GraphFileError | None:
    """What Oxigraph's parser says of the file (so every engine gives one message); None if it reads it."""
    import pyoxigraph as ox

    try:
        for _ in ox.parse(path=str(path), format=oxigraph_format(path)):
            pass
    except SyntaxError as exc:
        return not_valid(path, exc)
    except Exception:  # noqa: BLE001 - the file is rdflib's problem alone: its message then
        return None
    return None


def _one_line(exc: Exception) -> str:
    """rdflib's message on one line, without the bytes reprs of its N3 parser."""
    import re

    text = re.sub(r"b'((?:[^'\\]|\\.)*)'", r"\1", " ".join(str(exc).split()))
    return (text or type(exc).__name__)[:300]


def oxigraph_format(path: Path):
    """Oxigraph's name for the format of `path`, from its suffix."""
    import pyoxigraph as ox

    return {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD,
            "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[parser_for(path)]


class CountingReader:
    """A binary file that passes the size of each chunk read to `on_read` (a progress bar's update)."""

    def __init__(self, handle: BinaryIO, on_read: Callable[[int], None]) -> None:
        self._handle, self._on_read = handle, on_read

    def read(self, size: int = -1) -> bytes:
        chunk = self._handle.read(size)
        self._on_read(len(chunk))
        return chunk


@contextmanager
def oxigraph_source(path: Path, on_read: Callable[[int], None] | None = None):
    """The keyword Oxigraph's parsers take for `path`: the path itself, or, to report progress, a reader."""
    if on_read is None:
        yield {"path": str(path)}
        return
    with open(path, "rb") as handle:
        yield {"input": CountingReader(handle, on_read)}


class TripleIndex:
    """The triples of a graph file as rdflib terms, indexed for the look-ups `rdf.from_graph` makes.

    Oxigraph parses the file and each distinct term is made once; at 10x the dev corpus this reads
    the KnowledgeGraph back in a fraction of the time and memory of an rdflib Graph.
    """

    def __init__(self, triples: Iterator[tuple[Node, Node, Node]]):
        # subject -> predicate -> objects, and class -> instances; dicts as ordered sets drop repeats
        self._out: dict[Node, dict[Node, dict[Node, None]]] = defaultdict(lambda: defaultdict(dict))
        self._typed: dict[Node, dict[Node, None]] = defaultdict(dict)
        for s, p, o in triples:
            self._out[s][p][o] = None
            if p == RDF.type:
                self._typed[o][s] = None

    @classmethod
    def parse(cls, path: Path, on_read: Callable[[int], None] | None = None) -> TripleIndex:
        """The index of the graph file at `path` (the named graphs of TriG/N-Quads merged); `on_read` is
        told the size of every chunk read."""
        import pyoxigraph as ox

        fmt = oxigraph_format(path)
        term = converter()
        try:  # one pass: made on the way in, never a list of the file's triples
            with oxigraph_source(path, on_read) as source:
                return cls((term(q.subject), term(q.predicate), term(q.object)) for q in ox.parse(**source, format=fmt))
        except SyntaxError as exc:
            raise not_valid(path, exc) from None
        except OSError as exc:
            raise GraphFileError(f"{path}: cannot read ({exc.strerror or exc})") from None

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        return iter(self._out.get(subject, {}).get(predicate, ()))

    def nodes(self) -> list[Node]:
        """Every subject, in the order first read."""
        return list(self._out)

    def properties(self, subject: Node) -> Iterator[tuple[Node, Node]]:
        """The (predicate, object) pairs of `subject`."""
        return ((p, o) for p, objects in self._out.get(subject, {}).items() for o in objects)

    def __len__(self) -> int:
        return sum(len(objects) for out in self._out.values() for objects in out.values())

    def value(self, subject: Node, predicate: Node) -> Node | None:
        return next(self.objects(subject, predicate), None)

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        if predicate == RDF.type:
            return iter(self._typed.get(obj, ()))
        return (s for s, out in self._out.items() if obj in out.get(predicate, ()))

    def __contains__(self, triple: tuple[Node, Node, Node]) -> bool:
        s, p, o = triple
        return o in self._out.get(s, {}).get(p, ())


def read_knowledge_graph(path: Path | str) -> KnowledgeGraph:
    """The `KnowledgeGraph` a build wrote to `path`; GraphFileError (one line) if it is not one."""
    return knowledge_graph_of(read_index(path), path)


def read_index(path: Path | str, on_read: Callable[[int], None] | None = None) -> TripleIndex:
    """The triples of the graph file at `path` (`on_read` is told the size of each chunk read)."""
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (build one with `diplograph build`)")
    return TripleIndex.parse(path, on_read)


def knowledge_graph_of(graph: TripleIndex, path: Path | str,
                       progress: Progress = no_progress) -> KnowledgeGraph:
    """The `KnowledgeGraph` the triples read from `path` describe (`progress` wraps its nodes as they are read)."""
    require_articles(graph, path)
    try:
        return from_graph(graph, progress)
    except ValueError as exc:
        raise GraphFileError(f"{path}: not a diplograph graph ({' '.join(str(exc).split())[:200]})") from None


def require_articles(graph: TripleIndex, path: Path | str) -> None:
    """GraphFileError unless `graph` has a diplograph article (an empty or foreign graph would pass vacuously)."""
    if next(graph.subjects(RDF.type, DG.Article), None) is None:
        raise GraphFileError(f"{path}: no diplograph articles in this graph (is it a graph `diplograph build` wrote?)")
