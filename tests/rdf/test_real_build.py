"""The graph the pipeline builds from the bundled seeds (and the dev corpus): valid, round-trips, states the seed facts."""
from __future__ import annotations

import pytest

from diplograph.graph.rdf.mapping import canonical, from_graph, to_graph
from diplograph.graph.rdf.validate import validate_graph

from .conftest import ARTICLES_OF_THE_2021_12_30_CALL, sparql


@pytest.fixture(scope="module")
def built(built_seeds):
    return built_seeds


@pytest.fixture(scope="module")
def built_rdf(built):
    return to_graph(built)


def test_the_built_graph_conforms_to_the_shapes(built_rdf):
    result = validate_graph(built_rdf)
    assert result.conforms, "\n".join(p.line() for p in result.problems[:20])


def test_the_built_graph_round_trips(built, built_rdf):
    assert from_graph(built_rdf) == canonical(built)


def test_the_built_graph_has_the_call_of_2021_12_30_from_two_articles(built_rdf):
    rows = sparql(built_rdf, ARTICLES_OF_THE_2021_12_30_CALL)
    assert rows == [("2",)]


def test_the_dev_build_round_trips_month_only_dates_and_all(extractor):
    """GNews articles dated to the month carry weekdays and ranges: RDF keeps all of it."""
    from conftest import DEV, need_shared
    from diplograph.pipeline import build_graph

    kg = build_graph([need_shared(DEV)], extractor=extractor)
    assert any(r.date is not None and r.date.weekday is not None for n in kg.interactions for r in n.reports)
    assert from_graph(to_graph(kg)) == canonical(kg)
    # and the build already holds what RDF keeps, in its order: read back, the graph is the one built
    assert canonical(kg) == kg
