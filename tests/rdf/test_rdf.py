"""kg -> RDF -> kg: stable IRIs, facts the seed articles state, named graphs per article, round trips."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_canonical_graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, RDFS, SKOS

from diplograph.graph.rdf.iris import iri, key_of
from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.graph.rdf.mapping import article_graph, canonical, from_graph, to_dataset, to_graph
from diplograph.ingest.records import DateValue
from diplograph.ontology.namespace import DG

from .conftest import A1, A2, ARTICLES_OF_THE_2021_12_30_CALL, small_graph, sparql

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")  # (rdflib's XSD class warns under pytest collection)


# --- IRIs -----------------------------------------------------------------------

def test_iris_keep_chinese_and_encode_what_is_unsafe():
    assert iri("actor", "joe-biden") == URIRef("https://w3id.org/diplograph/id/actor/joe-biden")
    assert iri("actor", "zh-库莱巴") == URIRef("https://w3id.org/diplograph/id/actor/zh-库莱巴")
    odd = iri("actor", "odd/key #1%")
    assert str(odd).endswith("/actor/odd%2Fkey%20%231%25")
    assert str(iri("actor", "zh-\ufffd\ue000")).endswith("/actor/zh-%EF%BF%BD%EE%80%80")  # not ucschar
    for key in ("joe-biden", "zh-库莱巴", "odd/key #1%", "泽伦斯基·Z", "zh-\ufffd", "a\tb"):
        assert key_of(iri("actor", key), "actor") == key
        pyoxigraph.NamedNode(str(iri("actor", key)))  # a valid IRI
    with pytest.raises(ValueError):
        key_of(iri("topic", "x"), "actor")


def test_every_iri_of_the_seed_graph_is_a_valid_iri(seed_rdf):
    nodes = {t for triple in seed_rdf for t in triple if isinstance(t, URIRef)}
    for node in nodes:
        pyoxigraph.NamedNode(str(node))  # raises ValueError on an invalid IRI
    assert any("/actor/" in str(n) for n in nodes)


def test_no_blank_nodes(seed_rdf):
    assert not any(t.__class__.__name__ == "BNode" for triple in seed_rdf for t in triple)


# --- stability ------------------------------------------------------------------

def _shuffled(kg: KnowledgeGraph) -> KnowledgeGraph:
    """The same graph with every tuple reversed (another input order)."""
    return KnowledgeGraph(
        kg.articles[::-1],
        tuple(dataclasses.replace(a, aliases=a.aliases[::-1], articles=a.articles[::-1]) for a in kg.actors[::-1]),
        tuple(dataclasses.replace(i, participants=i.participants[::-1], reports=i.reports[::-1])
              for i in kg.interactions[::-1]),
        tuple(dataclasses.replace(s, topics=s.topics[::-1]) for s in kg.statements[::-1]),
        kg.topics[::-1],
    )


def test_same_input_gives_isomorphic_graphs_with_identical_iris(seed_graph):
    first, second = to_graph(seed_graph), to_graph(_shuffled(seed_graph))
    assert isomorphic(first, second)
    assert set(to_canonical_graph(first)) == set(to_canonical_graph(second))
    assert set(first) == set(second)  # no blank nodes: the very same triples, IRIs included


# --- round trips ----------------------------------------------------------------

def test_round_trip_of_the_seeds(seed_graph, seed_rdf):
    assert from_graph(seed_rdf) == canonical(seed_graph)


def test_round_trip_through_turtle_text(seed_graph, seed_rdf):
    text = seed_rdf.serialize(format="turtle")
    assert from_graph(Graph().parse(data=text, format="turtle")) == canonical(seed_graph)


def test_round_trip_keeps_every_field():
    kg = small_graph()
    back = from_graph(Graph().parse(data=to_graph(kg).serialize(format="turtle"), format="turtle"))
    assert back == canonical(kg)
    assert back.actor("zh-库莱巴").label_en is None
    assert back.actor("joe-biden").wikidata == "Q6279"
    assert back.article(A1).published == datetime(2022, 2, 21, 8, 30, tzinfo=timezone.utc)
    assert back.article(A2).url is None
    (statement,) = [s for s in back.statements if s.id == "s1"]
    assert (statement.kind, statement.verb, statement.date) == ("warn", "警告", DateValue(date(2022, 1, 1), "year"))
    (interaction,) = back.interactions
    assert [r.type for r in interaction.reports] == ["PhoneCall", "Talks"]
    assert interaction.reports[1].date == DateValue(date(2022, 1, 1), "month")


def test_canonical_is_what_from_graph_returns_not_a_no_op():
    kg = small_graph()
    assert canonical(kg) != kg  # reports and aliases are reordered
    assert canonical(canonical(kg)) == canonical(kg)


def test_unknown_speech_act_or_type_fails_loudly():
    kg = small_graph()
    bad = dataclasses.replace(kg, statements=(dataclasses.replace(kg.statements[0], kind="mumble"),))
    with pytest.raises(ValueError, match="SpeechActs"):
        to_graph(bad)
    bad = dataclasses.replace(kg, interactions=(dataclasses.replace(kg.interactions[0], type="Dinner"),))
    with pytest.raises(ValueError, match="Dinner"):
        to_graph(bad)


# --- what the graph says ---------------------------------------------------------

def test_month_and_year_dates_are_xsd_dates_with_a_precision():
    g = to_graph(small_graph())
    statement = iri("statement", "s1")
    assert g.value(statement, DG.date) == Literal(date(2022, 1, 1), datatype=XSD_DATE)
    assert str(g.value(statement, DG.datePrecision)) == "year"
    assert g.value(iri("interaction", "i1"), DG.datePrecision) is None  # day precision is the default


def test_actors_have_labels_aliases_and_mentions(seed_rdf):
    biden = iri("actor", "joe-biden")
    assert (biden, RDF.type, DG.Person) in seed_rdf and (biden, RDF.type, DG.Actor) in seed_rdf
    assert Literal("拜登", lang="zh") in set(seed_rdf.objects(biden, RDFS.label))
    assert Literal("Joe Biden", lang="en") in set(seed_rdf.objects(biden, RDFS.label))
    assert "乔·拜登" in {str(v) for v in seed_rdf.objects(biden, SKOS.altLabel)}
    # Biden is an actor in all five seed articles
    assert len(set(seed_rdf.objects(biden, DG.mentionedIn))) == 5
    assert (iri("actor", "kremlin"), RDF.type, DG.Organization) in seed_rdf
    assert (iri("actor", "russia"), RDF.type, DG.Country) in seed_rdf


def test_biden_putin_call_of_2021_12_30_is_one_node_reported_by_two_articles(seed_rdf):
    rows = sparql(seed_rdf, """
        SELECT ?call (COUNT(DISTINCT ?article) AS ?articles) (COUNT(DISTINCT ?report) AS ?reports) WHERE {
            ?call a dg:PhoneCall ; dg:participant actor:joe-biden , actor:vladimir-putin ;
                  dg:date "2021-12-30"^^<http://www.w3.org/2001/XMLSchema#date> ; dg:status "held" ;
                  dg:reportedIn ?article ; dg:hasReport ?report .
        } GROUP BY ?call""")
    assert len(rows) == 1
    assert rows[0][1] == "2" and int(rows[0][2]) >= 2  # two articles, at least a report from each


def test_each_report_keeps_its_own_status_sentence_and_offsets(seed_rdf):
    # The Geneva summit of 2021-06-16: planned in the article of May 2021 (004), held in 001.
    rows = sparql(seed_rdf, """
        SELECT ?status ?rstatus ?file ?evidence ?start ?end WHERE {
            ?summit a dg:Summit ; dg:participant actor:joe-biden , actor:vladimir-putin ;
                    dg:date "2021-06-16"^^<http://www.w3.org/2001/XMLSchema#date> ;
                    dg:status ?status ; dg:hasReport ?r .
            ?r dg:status ?rstatus ; dg:evidence ?evidence ; dg:startOffset ?start ; dg:endOffset ?end ;
               dg:reportedIn/dg:sourceFile ?file .
        } ORDER BY ?file""")
    assert {r[0] for r in rows} == {"held"}
    assert {("held", "001"), ("planned", "004")} <= {(r[1], r[2][:3]) for r in rows}
    assert all(int(r[4]) <= int(r[5]) and r[3] for r in rows)


def test_statement_speaker_addressee_and_evidence(seed_rdf):
    # 周日，布林肯告诉美国有线电视新闻网 … (000): Blinken told CNN
    rows = sparql(seed_rdf, """
        SELECT ?evidence ?file WHERE {
            ?s a dg:Statement ; dg:speaker actor:antony-blinken ; dg:addressee actor:cnn ;
               dg:evidence ?evidence ; dg:reportedIn/dg:sourceFile ?file ; dg:speechAct ?act ;
               dg:hasReport/dg:startOffset ?start .
        }""")
    assert rows and any("布林肯告诉美国有线电视新闻网" in r[0] for r in rows)
    assert {r[1][:3] for r in rows} == {"000"}


def test_articles_carry_their_metadata(seed_rdf):
    rows = sparql(seed_rdf, """
        SELECT ?title ?outlet ?url ?published WHERE {
            ?a a dg:Article ; dg:sourceFile "001_7ac03c88fe2e9e94.txt" ; dcterms:title ?title ;
               dg:outlet ?outlet ; dg:url ?url ; dg:published ?published .
        }""")
    assert len(rows) == 1
    title, outlet, url, published = rows[0]
    assert "拜登普京" in title and outlet == "大纪元" and url.startswith("https://")
    assert published.startswith("2021-12-31")


# --- named graphs ---------------------------------------------------------------

def test_dataset_has_one_named_graph_per_article_and_the_union_is_the_graph(seed_graph, seed_rdf):
    dataset = to_dataset(seed_graph)
    names = {g.identifier for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID}
    assert names == {article_graph(a.id) for a in seed_graph.articles}
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    assert set(union) == set(seed_rdf)


def test_an_article_graph_holds_what_that_article_contributes(seed_graph):
    dataset = to_dataset(seed_graph)
    meta = next(a for a in seed_graph.articles if a.source_file.startswith("001"))
    own = dataset.graph(article_graph(meta.id))
    article = iri("article", meta.id)
    assert (article, DG.sourceFile, Literal(meta.source_file)) in own
    # its statements and reports, nothing of the other articles
    statements = set(own.subjects(RDF.type, DG.Statement))
    assert statements == {iri("statement", s.id) for s in seed_graph.statements if s.article_id == meta.id}
    assert all(o == article for o in own.objects(None, DG.reportedIn))
    shared = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    assert (iri("actor", "joe-biden"), RDF.type, DG.Person) in shared
    assert not set(shared.subjects(RDF.type, DG.Statement))


def test_dropping_one_article_graph_drops_only_its_reports(seed_graph):
    dataset = to_dataset(seed_graph)
    meta = next(a for a in seed_graph.articles if a.source_file.startswith("003"))
    dataset.remove_graph(dataset.graph(article_graph(meta.id)))
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    rows = sparql(union, ARTICLES_OF_THE_2021_12_30_CALL)
    assert rows == [("1",)]
    assert not list(union.triples((iri("article", meta.id), None, None)))


def test_two_reports_at_the_same_position_stay_two():
    kg = small_graph()
    item = kg.interactions[0]
    twin = dataclasses.replace(item.reports[0], status="planned")  # same sentence, another reading
    kg = dataclasses.replace(kg, interactions=(dataclasses.replace(item, reports=item.reports + (twin,)),))
    g = to_graph(kg)
    assert len(set(g.objects(iri("interaction", "i1"), DG.hasReport))) == 3
    assert from_graph(g) == canonical(kg)


@pytest.mark.skipif("end" not in {f.name for f in dataclasses.fields(DateValue)},
                    reason="this model has no DateValue.end / ArticleMeta.published_precision yet")
def test_round_trip_of_date_ranges_and_published_precision():
    kg = small_graph()
    ranged = DateValue(date(2022, 1, 9), "day", end=date(2022, 1, 10))  # 1月9日至10日
    kg = dataclasses.replace(
        kg, articles=(dataclasses.replace(kg.articles[0], published_precision="month"),) + kg.articles[1:],
        interactions=(dataclasses.replace(kg.interactions[0], date=ranged),))
    g = to_graph(kg)
    assert str(g.value(iri("interaction", "i1"), DG.endDate)) == "2022-01-10"
    assert str(g.value(iri("article", A1), DG.publishedPrecision)) == "month"
    assert from_graph(g) == canonical(kg)


def test_from_graph_does_not_need_the_materialised_superclasses():
    kg = small_graph()
    g = to_graph(kg)
    g.remove((None, RDF.type, DG.Actor))
    g.remove((None, RDF.type, DG.Interaction))
    assert from_graph(g) == canonical(kg)
