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


# The gold file records no speech act, so the gold-made seed graph has kind
# "say" everywhere. Until the pipeline (which classifies speech verbs) builds
# the seeds, the query tests mark the statements whose sentence says 警告
# ("warn") as warnings. This runs only on a graph with no speech acts at all:
# on the real build it changes nothing, so it cannot hide a pipeline miss.
WARN_VERB = "警告"


def with_speech_acts(kg):
    """`kg`, with 警告 statements marked `warn` when `kg` carries no speech acts at all (the gold seeds)."""
    import dataclasses

    if any(s.kind != "say" for s in kg.statements):
        return kg
    statements = tuple(dataclasses.replace(s, kind="warn", verb=WARN_VERB) if WARN_VERB in s.evidence.text else s
                       for s in kg.statements)
    return dataclasses.replace(kg, statements=statements)


@pytest.fixture(scope="session")
def query_out(seed_graph, tmp_path_factory):
    """A build folder with graph.ttl of the seeds (with speech acts), for the query and serve tests."""
    from diplograph.graph.serialize import write_outputs

    out = tmp_path_factory.mktemp("query-out")
    write_outputs(with_speech_acts(seed_graph), out)
    return out
