"""Read the ontology and shapes shipped with diplograph: terms, speech acts, external namespaces.

Everything here is derived from `diplograph.ttl`, so code never spells an IRI
that the Turtle file does not define.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, VANN, VOID

# Vocabularies the ontology aligns to and the graph uses; bound as prefixes everywhere.
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")

# Kinds of term and the rdf:type that declares each.
TERM_KINDS: Mapping[URIRef, str] = MappingProxyType({
    OWL.Class: "class",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
    SKOS.ConceptScheme: "concept scheme",
    SKOS.Concept: "concept",
})


def resource(name: str) -> Path:
    """Path of a file shipped in the `diplograph.ontology` package (diplograph.ttl, shapes.ttl …)."""
    return Path(str(files("diplograph.ontology") / name))


def ontology_path() -> Path:
    return resource("diplograph.ttl")


def shapes_path() -> Path:
    return resource("shapes.ttl")


def context_path() -> Path:
    return resource("context.jsonld")


def read_ontology(path: Path | None = None) -> Graph:
    """A fresh graph of the ontology (the caller may change it)."""
    return Graph().parse(path or ontology_path(), format="turtle")


def namespace_of(graph: Graph) -> str:
    """The namespace of the ontology's terms, as the ontology states it (vann:preferredNamespaceUri)."""
    ontology = next(graph.subjects(RDF.type, OWL.Ontology))
    return str(graph.value(ontology, VANN.preferredNamespaceUri))


def id_space_of(graph: Graph) -> str:
    """Where the IRIs of a built graph's nodes live, as the ontology states it (void:uriSpace)."""
    return str(next(graph.objects(None, VOID.uriSpace)))


def _terms_of(graph: Graph) -> dict[str, str]:
    ns = namespace_of(graph)
    found: dict[str, str] = {}
    for rdf_type, kind in TERM_KINDS.items():
        for subject in graph.subjects(RDF.type, rdf_type):
            if isinstance(subject, URIRef) and str(subject).startswith(ns):
                found.setdefault(str(subject)[len(ns):], kind)
    for subject in set(graph.subjects()):
        if isinstance(subject, URIRef) and str(subject).startswith(ns):
            found.setdefault(str(subject)[len(ns):], "term")
    return dict(sorted(found.items()))


def _subclasses(graph: Graph, parent: str) -> tuple[str, ...]:
    ns = namespace_of(graph)
    return tuple(sorted(str(c)[len(ns):] for c in graph.subjects(RDFS.subClassOf, URIRef(ns + parent))))


@dataclass(frozen=True)
class _Facts:
    """What the code needs to know of the shipped ontology, read once, immutable."""

    terms: Mapping[str, str]
    speech_acts: Mapping[str, URIRef]
    interaction_types: tuple[str, ...]
    actor_types: tuple[str, ...]


@cache
def _facts() -> _Facts:
    graph = read_ontology()
    scheme = URIRef(namespace_of(graph) + "SpeechActs")
    acts = {str(graph.value(c, SKOS.notation)): c for c in sorted(graph.subjects(SKOS.inScheme, scheme))
            if isinstance(graph.value(c, SKOS.notation), Literal)}
    return _Facts(MappingProxyType(_terms_of(graph)), MappingProxyType(acts),
                  _subclasses(graph, "Interaction"), _subclasses(graph, "Actor"))


def terms(graph: Graph | None = None) -> dict[str, str]:
    """Every term the ontology (or `graph`) declares in the dg namespace, local name -> kind (class …)."""
    return _terms_of(graph) if graph is not None else dict(_facts().terms)


def speech_acts() -> Mapping[str, URIRef]:
    """Speech-act key (`warn`) -> its concept IRI (dg:Warn), read from the skos:notation of each concept."""
    return _facts().speech_acts


def interaction_types() -> tuple[str, ...]:
    """Local names of the direct subclasses of dg:Interaction (PhoneCall, Summit …)."""
    return _facts().interaction_types


def actor_types() -> tuple[str, ...]:
    """Local names of the direct subclasses of dg:Actor (Country, Organization, Person)."""
    return _facts().actor_types
