"""Check a graph against ontology/shapes.ttl with pyshacl and say what is wrong, one line per problem."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from diplograph.graph.rdf import PREFIXES
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


def _short(term, graph: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        best = max((p for p in PREFIXES.items() if text.startswith(str(p[1]))), key=lambda p: len(str(p[1])),
                   default=None)
        return f"{best[0]}:{text[len(str(best[1])):]}" if best else f"<{text}>"
    return term.n3(graph.namespace_manager)


def validate_graph(data: Graph) -> Validation:
    """Validate `data` against the shapes, with the ontology added (so a dg:Person is a dg:Actor)."""
    from pyshacl import validate

    shapes = Graph().parse(shapes_path(), format="turtle")
    combined = read_ontology()
    for triple in data:
        combined.add(triple)
    conforms, report, _ = validate(combined, shacl_graph=shapes, inference="none",
                                   abort_on_first=False, allow_warnings=True)
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        message = report.value(result, SH.resultMessage)
        severity = report.value(result, SH.resultSeverity)
        focus = report.value(result, SH.focusNode)
        value = report.value(result, SH.value)
        if report.value(result, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent \
                and isinstance(value, URIRef):
            focus = value  # a graph-wide check: its focus is the class, the node at fault is the value
        problems.append(Problem(
            focus=_short(focus, data),
            path=_short(report.value(result, SH.resultPath), data),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            message=str(message) if message else str(report.value(result, SH.sourceConstraintComponent)),
        ))
    problems.sort(key=lambda p: (p.severity != "Violation", p.focus, p.path, p.message))
    return Validation(bool(conforms), tuple(problems), len(data))
