"""Generate namespace.py and context.jsonld from diplograph.ttl, so the Turtle file stays the one source.

Run `python -m diplograph.ontology.codegen` after editing the ontology; a test
fails when either generated file is out of date.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from diplograph.ontology.vocab import PROV, SCHEMA, SEM, id_space_of, namespace_of, read_ontology, terms

HERE = Path(__file__).resolve().parent

OTHER_PREFIXES = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "sem": str(SEM),
}
NODE_KINDS = ("actor", "interaction", "statement", "article", "topic", "place")  # a prefix each, under the id space


def prefixes(graph: Graph) -> dict[str, str]:
    """The JSON-LD context's prefixes: dg and the id space as the ontology states them, then the others."""
    ids = id_space_of(graph)
    return {"dg": namespace_of(graph), "dgid": ids, **{kind: f"{ids}{kind}/" for kind in NODE_KINDS},
            **OTHER_PREFIXES}
# Terms of other vocabularies that the graph writer uses, with their JSON-LD coercion.
EXTERNAL_TERMS = {
    "label": {"@id": "rdfs:label"},
    "altLabel": {"@id": "skos:altLabel"},
    "title": {"@id": "dcterms:title"},
    "language": {"@id": "dcterms:language"},
    "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
}
SECTIONS = ("class", "concept scheme", "concept", "object property", "datatype property", "annotation property")
PLURALS = {"class": "classes", "concept scheme": "concept schemes", "concept": "concepts (speech acts)",
           "object property": "object properties", "datatype property": "datatype properties",
           "annotation property": "annotation properties", "term": "other terms"}


def _english(graph: Graph, term: URIRef, prop: URIRef) -> str:
    for value in graph.objects(term, prop):
        if isinstance(value, Literal) and value.language == "en":
            return " ".join(str(value).split())
    return ""


def render_namespace(graph: Graph) -> str:
    """The text of namespace.py for this ontology: one annotated attribute per term, grouped by kind."""
    found = terms(graph)
    ns = namespace_of(graph)
    lines = [
        '"""The `DG` namespace (every diplograph term) and `ID` (where nodes live), generated from diplograph.ttl.',
        "",
        "Do not edit by hand: run `python -m diplograph.ontology.codegen`. Unknown",
        "terms fail (`DG.Foo` raises AttributeError), so a typo never becomes a new IRI.",
        '"""',
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class DG(DefinedNamespace):",
        '    """diplograph ontology terms (kept in sync with diplograph.ttl by a test)."""',
        "",
        f'    _NS = Namespace("{ns}")',
        "    _fail = True",
    ]
    for section in SECTIONS + ("term",):
        names = [name for name, kind in found.items() if kind == section]
        if not names:
            continue
        lines += ["", f"    # {PLURALS[section]}"]
        for name in names:
            label = _english(graph, URIRef(ns + name), RDFS.label) or _english(
                graph, URIRef(ns + name), SKOS.prefLabel)
            lines.append(f"    {name}: URIRef  # {label}" if label else f"    {name}: URIRef")
    lines += ["", "", "# A DefinedNamespace makes a new URIRef at every look-up (2.6 µs; graph.ttl of the 10x corpus",
              "# looks terms up 830,000 times): each term is bound once here. Unknown names still fail.",
              "for _name in DG.__annotations__:",
              "    setattr(DG, _name, DG._NS[_name])",
              "", "", "# Where the nodes of a built graph live (the ontology's void:uriSpace): actor/joe-biden …",
              f'ID = Namespace("{id_space_of(graph)}")']
    return "\n".join(lines) + "\n"


def _range(graph: Graph, prop: URIRef) -> URIRef | None:
    value = graph.value(prop, RDFS.range)
    return value if isinstance(value, URIRef) else None


def render_context(graph: Graph) -> str:
    """The JSON-LD context: prefixes, a short term per dg class, concept and property, with type coercion."""
    found = terms(graph)
    ns = namespace_of(graph)
    context: dict[str, object] = prefixes(graph)
    for name, kind in found.items():
        iri = URIRef(ns + name)
        if kind == "object property":
            coerce = "@vocab" if _range(graph, iri) in (URIRef(ns + "SpeechAct"), OWL.Class) else "@id"
            context[name] = {"@id": f"dg:{name}", "@type": coerce}
        elif kind == "datatype property":
            rng = _range(graph, iri)
            if rng is not None and rng != XSD.string:
                context[name] = {"@id": f"dg:{name}", "@type": f"xsd:{str(rng)[len(str(XSD)):]}"}
            else:
                context[name] = {"@id": f"dg:{name}"}
        else:
            context[name] = f"dg:{name}"
    context.update(EXTERNAL_TERMS)
    return json.dumps({"@context": context}, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Regenerate namespace.py and context.jsonld next to diplograph.ttl."""
    graph = read_ontology(HERE / "diplograph.ttl")
    from diplograph.util.files import write_text  # a developer tool: the package is installed

    write_text(HERE / "namespace.py", render_namespace(graph))
    write_text(HERE / "context.jsonld", render_context(graph))
    print(f"wrote {HERE / 'namespace.py'} and {HERE / 'context.jsonld'} ({len(terms(graph))} terms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
