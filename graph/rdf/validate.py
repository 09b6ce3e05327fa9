"""Check a graph against ontology/shapes.ttl with pyshacl and say what is wrong, one line per problem."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from diplograph.util.forked import beside, frozen
from diplograph.graph.rdf.load import TripleIndex
from diplograph.util.progress import Progress, no_progress
from diplograph.graph.rdf.mapping import PREFIXES, bind_prefixes
from diplograph.ontology.vocab import read_ontology, shapes_path


@dataclass(frozen=True)
class Problem:
    """One SHACL result: the node, the property path, the severity and the message."""

    focus: str
    path: str
    severity: str
    message: str

    def line(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        return f"{self.severity}: {where}: {self.message}"


@dataclass(frozen=True)
class Validation:
    """The outcome of validating a graph: does it conform, and the problems found."""

    conforms: bool
    problems: tuple[Problem, ...]
    triples: int


def _short(term, names) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        best = max((p for p in PREFIXES.items() if text.startswith(str(p[1]))), key=lambda p: len(str(p[1])),
                   default=None)
        return f"{best[0]}:{text[len(str(best[1])):]}" if best else f"<{text}>"
    return term.n3(names)


CHUNK = 2000  # nodes per pyshacl run: its memory stays bounded, and its set-up is paid once per chunk
Found = tuple[Problem, bool]  # a problem, and whether it breaks conformance (an outer result of severity Violation)


@dataclass(frozen=True)
class _Checker:
    """What every chunk is checked with: the shapes, the ontology's triples, the properties followed."""

    shapes: Graph
    ontology: tuple
    followed: frozenset

    def problems(self, index: TripleIndex, focus: list) -> list[Found]:
        """The problems of the nodes in `focus`, from one pyshacl run on what the shapes read around them."""
        from pyshacl import validate

        nodes = set(focus)
        part = Graph()
        part.addN((s, p, o, part) for s, p, o in self.ontology)
        part.addN((s, p, o, part) for s, p, o in _around(index, nodes, self.followed))
        _, report, _ = validate(part, shacl_graph=self.shapes, inference="none", abort_on_first=False,
                                allow_warnings=True)
        names = bind_prefixes(Graph()).namespace_manager
        return [found for node, found in _problems(report, names) if node in nodes]

    def all_problems(self, index: TripleIndex, chunks: list[list]) -> list[Found]:
        """The problems of every chunk in `chunks` (one process's share)."""
        return [found for focus in chunks for found in self.problems(index, focus)]


def validate_graph(data: Graph | TripleIndex, chunk: int = CHUNK, jobs: int = 1,
                   progress: Progress = no_progress) -> Validation:
    """Validate `data` against the shapes, with the ontology added (so a dg:Person is a dg:Actor).

    pyshacl runs on `chunk` nodes at a time, each run with the triples the shapes read around those
    nodes (`_around`): the problems are those of one run on the whole graph, but pyshacl's memory stays
    bounded (the index of the graph is held once), `jobs` forked processes share the chunks, and
    `progress` wraps this process's share.
    """
    index = data if isinstance(data, TripleIndex) else TripleIndex(iter(data))
    shapes = Graph().parse(shapes_path(), format="turtle")
    checker = _Checker(shapes, tuple(read_ontology()), _followed(shapes))
    nodes = index.nodes()
    size = max(1, chunk)
    chunks = [nodes[start:start + size] for start in range(0, len(nodes), size)]
    jobs = max(1, min(jobs, len(chunks)))
    with frozen():  # no collector walks the index, so the forked processes share its pages longer
        others = [beside(checker.all_problems, index, chunks[k::jobs]) for k in range(1, jobs)]
        try:
            found = [item for focus in progress(chunks[0::jobs]) for item in checker.problems(index, focus)]
        finally:
            found_there = _gather(others)  # every process waited for, even when this share failed
    found += found_there
    problems = sorted((problem for problem, _ in found),
                      key=lambda p: (p.severity != "Violation", p.focus, p.path, p.message))
    conforms = not any(breaks for _, breaks in found)  # as pyshacl with allow_warnings
    return Validation(conforms, tuple(problems), len(index))


def _gather(waits: list) -> list[Found]:
    """The results of the forked shares, after waiting for all of them; then the first failure is raised."""
    found, failure = [], None
    for wait in waits:
        try:
            found.extend(wait())
        except Exception as err:  # noqa: BLE001 - raised below, once every process has ended
            failure = failure or err
    if failure is not None:
        raise failure
    return found


def _followed(shapes: Graph) -> frozenset:
    """The properties whose values the shapes read further than their type: values that a shape
    validates itself (sh:node), and every term a SPARQL constraint names (a class among them does no harm).
    One step only: a shape that reads farther (an inverse or longer path) needs `_around` to carry more."""
    followed = {path for shape in shapes.subjects(SH.node, None) for path in shapes.objects(shape, SH.path)}
    declared = {str(prefix): str(namespace) for declaration in shapes.objects(None, SH.declare)
                for prefix in shapes.objects(declaration, SH.prefix)
                for namespace in shapes.objects(declaration, SH.namespace)}
    for text in shapes.objects(None, SH.select):
        for prefix, name in re.findall(r"\b([A-Za-z][\w-]*):([A-Za-z_]\w*)", str(text)):
            if prefix in declared:
                followed.add(URIRef(declared[prefix] + name))
        followed.update(URIRef(full) for full in re.findall(r"<([^<>\s]+)>", str(text)))
    return frozenset(followed)


def _around(index: TripleIndex, focus: set, followed: frozenset) -> Iterator[tuple]:
    """What the shapes read to validate `focus`: its nodes' triples, the types of their values, and
    a followed value's own triples with the types of its values."""
    for s in focus:
        for p, o in index.properties(s):
            yield s, p, o
            if isinstance(o, Literal):
                continue
            if p not in followed:
                yield from ((o, RDF.type, t) for t in index.objects(o, RDF.type))
                continue
            for p2, o2 in index.properties(o):
                yield o, p2, o2
                if not isinstance(o2, Literal):
                    yield from ((o2, RDF.type, t) for t in index.objects(o2, RDF.type))


def _problems(report: Graph, names) -> Iterator[tuple]:
    """(node at fault, (Problem, breaks conformance)) for each result in a pyshacl report; a result nested
    in another (sh:detail, as sh:node gives) is at fault where its outer result is, which alone decides."""
    nested = set(report.objects(None, SH.detail))
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if result in nested:
            continue
        node = _at_fault(report, result)
        breaks = report.value(result, SH.resultSeverity) in (SH.Violation, None)
        for part in _with_details(report, result):
            yield node, (_problem(report, part, names), breaks and part == result)


def _with_details(report: Graph, result) -> Iterator:
    yield result
    for detail in report.objects(result, SH.detail):
        yield from _with_details(report, detail)


def _at_fault(report: Graph, result):
    value = report.value(result, SH.value)
    if report.value(result, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent \
            and value is not None and not isinstance(value, Literal):
        return value  # a graph-wide check: its focus is the class, the node at fault is the value
    return report.value(result, SH.focusNode)


def _problem(report: Graph, result, names) -> Problem:
    message = report.value(result, SH.resultMessage)
    severity = report.value(result, SH.resultSeverity)
    return Problem(
        focus=_short(_at_fault(report, result), names),
        path=_short(report.value(result, SH.resultPath), names),
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        message=str(message) if message else str(report.value(result, SH.sourceConstraintComponent)),
    )
