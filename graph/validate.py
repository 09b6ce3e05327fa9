"""Check a graph against ontology/shapes.ttl with pyshacl and say what is wrong, one line per problem."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from diplograph.graph.forked import beside, frozen
from diplograph.graph.load import TripleIndex
from diplograph.graph.progress import Progress, no_progress
from diplograph.graph.rdf import PREFIXES, bind_prefixes
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


CHUNK = 2000  # nodes per pyshacl run: memory stays flat, and pyshacl's set-up is paid once per chunk


@dataclass(frozen=True)
class _Checker:
    """What every chunk is checked with: the shapes, the ontology's triples, the properties followed."""

    shapes: Graph
    ontology: tuple
    followed: frozenset

    def problems(self, index: TripleIndex, focus: list) -> list[Problem]:
        """The problems of the nodes in `focus`, from one pyshacl run on what the shapes read around them."""
        from pyshacl import validate

        nodes = set(focus)
        part = Graph()
        part.addN((s, p, o, part) for s, p, o in self.ontology)
        part.addN((s, p, o, part) for s, p, o in _around(index, nodes, self.followed))
        _, report, _ = validate(part, shacl_graph=self.shapes, inference="none", abort_on_first=False,
                                allow_warnings=True)
        names = bind_prefixes(Graph()).namespace_manager
        return [problem for node, problem in _problems(report, names) if node in nodes]

    def all_problems(self, index: TripleIndex, chunks: list[list]) -> list[Problem]:
        return [problem for focus in chunks for problem in self.problems(index, focus)]


def validate_graph(data: Graph | TripleIndex, chunk: int = CHUNK, jobs: int = 1,
                   progress: Progress = no_progress) -> Validation:
    """Validate `data` against the shapes, with the ontology added (so a dg:Person is a dg:Actor).

    pyshacl runs on `chunk` nodes at a time, each run with the triples the shapes read around those
    nodes (`_around`): the problems are those of one run on the whole graph, but memory stays flat on
    a large graph, `jobs` processes share the chunks, and `progress` wraps this process's share.
    """
    index = data if isinstance(data, TripleIndex) else TripleIndex(iter(data))
    shapes = Graph().parse(shapes_path(), format="turtle")
    checker = _Checker(shapes, tuple(read_ontology()), _followed(shapes))
    nodes = index.nodes()
    size = max(1, chunk)
    chunks = [nodes[start:start + size] for start in range(0, len(nodes), size)]
    jobs = max(1, min(jobs, len(chunks)))
    with frozen():  # no collector walks the index, here or in the forked processes, so neither copies it
        others = [beside(checker.all_problems, index, chunks[k::jobs]) for k in range(1, jobs)]
        problems = [problem for focus in progress(chunks[0::jobs]) for problem in checker.problems(index, focus)]
        for wait in others:
            problems.extend(wait())
    problems.sort(key=lambda p: (p.severity != "Violation", p.focus, p.path, p.message))
    conforms = not any(p.severity != "Warning" for p in problems)  # as pyshacl with allow_warnings
    return Validation(conforms, tuple(problems), len(index))


def _followed(shapes: Graph) -> frozenset:
    """The properties whose values the shapes read further than their type: values that a shape
    validates itself (sh:node), and the properties a SPARQL constraint names."""
    followed = {path for shape in shapes.subjects(SH.node, None) for path in shapes.objects(shape, SH.path)}
    declared = {str(prefix): str(namespace) for declaration in shapes.objects(None, SH.declare)
                for prefix in shapes.objects(declaration, SH.prefix)
                for namespace in shapes.objects(declaration, SH.namespace)}
    for text in shapes.objects(None, SH.select):
        for prefix, name in re.findall(r"\b([A-Za-z][\w-]*):([A-Za-z_]\w*)", str(text)):
            if prefix in declared:
                followed.add(URIRef(declared[prefix] + name))
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
    """(node at fault, Problem) for each result in a pyshacl report; a result nested in another
    (sh:detail, as sh:node gives) is at fault where its outer result is."""
    nested = set(report.objects(None, SH.detail))
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if result in nested:
            continue
        node = _at_fault(report, result)
        for part in _with_details(report, result):
            yield node, _problem(report, part, names)


def _with_details(report: Graph, result) -> Iterator:
    yield result
    for detail in report.objects(result, SH.detail):
        yield from _with_details(report, detail)


def _at_fault(report: Graph, result):
    value = report.value(result, SH.value)
    if report.value(result, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent \
            and isinstance(value, URIRef):
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
