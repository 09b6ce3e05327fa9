"""Fixtures of the RDF tests: the seed graph as RDF, and a build folder holding its graph.ttl."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def seed_rdf(seed_graph):
    """The seed knowledge graph as one rdflib graph."""
    from diplograph.graph.rdf import to_graph

    return to_graph(seed_graph)


@pytest.fixture(scope="session")
def seed_out(seed_graph, tmp_path_factory):
    """A folder with graph.ttl of the seeds, as `diplograph build` writes it."""
    from diplograph.graph.serialize import write_outputs

    out = tmp_path_factory.mktemp("seed-out")
    write_outputs(seed_graph, out)
    return out


def sparql(graph, query: str) -> list[tuple]:
    """Rows of a SELECT on an rdflib graph, every value as a Python string (None when unbound)."""
    prefixes = ("PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
                "PREFIX actor: <https://w3id.org/diplograph/id/actor/>\n"
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                "PREFIX dcterms: <http://purl.org/dc/terms/>\n")
    return [tuple(None if v is None else str(v) for v in row) for row in graph.query(prefixes + query)]
