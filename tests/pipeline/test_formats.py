"""The registry of outputs: what `build -f`, `--skip`, `--store` and `export --format` offer, and what a build writes."""
from __future__ import annotations

from diplograph.pipeline.formats import NETWORK, OUTPUTS, RDF, SKIPPABLE, chosen


def names(outputs) -> list[str]:
    return [o.name for o in outputs]


def test_every_option_reads_its_choices_from_the_registry():
    assert RDF == ("ttl", "jsonld", "nt", "trig")
    assert SKIPPABLE == ("html", "gexf")
    assert NETWORK == ("gexf", "graphml", "csv")
    assert [o.files[0] for o in OUTPUTS.values() if o.rdf] == ["graph.ttl", "graph.jsonld", "graph.nt", "graph.trig"]


def test_a_build_writes_the_defaults_but_those_skipped_and_what_was_asked():
    assert names(chosen()) == ["ttl", "html", "gexf"]
    assert names(chosen(["nt", "trig"], ["html"])) == ["ttl", "nt", "trig", "gexf"]


def test_with_a_store_only_the_rdf_asked_for_is_written():
    assert names(chosen(store=True)) == ["html", "gexf"]
    assert names(chosen(["nt"], store=True)) == ["nt", "html", "gexf"]
    assert names(chosen(["ttl", "jsonld"], ["gexf", "html"], store=True)) == ["ttl", "jsonld"]
