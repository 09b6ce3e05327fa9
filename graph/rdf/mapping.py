"""The knowledge graph as RDF: `to_graph`, `to_dataset` (one named graph per article) and back.

Every term comes from the DG namespace (generated from ontology/diplograph.ttl)
and every IRI from `graph.rdf.iris`, so the same `KnowledgeGraph` always gives the
same triples. No blank nodes are written: two builds of one corpus are equal
as sets of triples, not just isomorphic.

Where each triple goes in the dataset: actors, topics, places and the merged
facts of an interaction (type, participants, status, date, place) are in the
default graph; everything an article contributes (the article, the mentions
of actors in it, its reports of interactions with their sentences and
offsets, its statements) is in that article's named graph, so a user can drop
or replace one source.

Reading back: RDF values are sets, so `from_graph` returns the multi-valued
fields (aliases, articles, participants, topics, reports) in a canonical order;
`from_graph(to_graph(kg)) == canonical(kg)`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from datetime import date, datetime
from typing import Iterator, Protocol

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from diplograph.graph.rdf.iris import BASE, iri, key_of, report_iri
from diplograph.util.progress import Progress, no_progress
from diplograph.graph.assembly.model import ActorNode, InteractionNode, KnowledgeGraph, Report, StatementNode, TopicNode
from diplograph.ingest.records import ArticleMeta, DateValue, Evidence
from diplograph.ontology.namespace import DG
from diplograph.ontology.vocab import PROV, SCHEMA, SEM, WD, actor_types, interaction_types, speech_acts

Triple = tuple[URIRef, URIRef, object]
PREFIXES = {
    "dg": DG._NS, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS, "xsd": XSD, "owl": OWL,
    "prov": PROV, "schema": SCHEMA, "sem": SEM, "wd": WD,
    "actor": BASE["actor/"], "interaction": BASE["interaction/"], "statement": BASE["statement/"],
    "article": BASE["article/"], "topic": BASE["topic/"], "place": BASE["place/"],
}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_QID = re.compile(r"^Q[0-9]+$")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes diplograph output uses (dg:, actor:, schema: …) on `graph`."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _name(text: str) -> Literal:
    """A name as a literal: tagged @zh when it has Han characters, untagged otherwise."""
    return Literal(text, lang="zh") if _HAN.search(text) else Literal(text)


def _date_triples(node: URIRef, value: DateValue | None) -> Iterator[Triple]:
    if value is None:
        return
    yield node, DG.date, Literal(value.value, datatype=XSD.date)
    if value.precision != "day":
        yield node, DG.datePrecision, Literal(value.precision)
    if value.end is not None:  # a range (1月9日至10日)
        yield node, DG.endDate, Literal(value.end, datatype=XSD.date)
    if value.weekday is not None:  # 周六 in an article dated to the month only
        yield node, DG.weekday, Literal(value.weekday)


def _place_triples(node: URIRef, place: str | None) -> Iterator[tuple[str | None, Triple]]:
    if place is None:
        return
    place_node = iri("place", place)
    yield None, (node, DG.place, place_node)
    yield None, (place_node, RDF.type, DG.Place)
    yield None, (place_node, RDFS.label, _name(place))


def _article(meta: ArticleMeta) -> Iterator[Triple]:
    node = iri("article", meta.id)
    yield node, RDF.type, DG.Article
    yield node, DG.sourceFile, Literal(meta.source_file)
    yield node, DCTERMS.title, Literal(meta.title, lang=meta.language)
    if meta.published is not None:  # an undated article has no dg:published
        yield node, DG.published, Literal(meta.published, datatype=XSD.dateTime)
    if meta.url:
        yield node, DG.url, Literal(meta.url, datatype=XSD.anyURI)
    yield node, DG.outlet, Literal(meta.outlet)
    yield node, DCTERMS.language, Literal(meta.language)
    yield node, DG.sourceFormat, Literal(meta.format)
    precision = getattr(meta, "published_precision", "day")
    if precision != "day":
        yield node, DG.publishedPrecision, Literal(precision)


def _actor(actor: ActorNode) -> Iterator[tuple[str | None, Triple]]:
    if actor.type not in actor_types():
        raise ValueError(f"actor {actor.key}: type {actor.type!r} is not a subclass of dg:Actor in the ontology")
    node = iri("actor", actor.key)
    yield None, (node, RDF.type, DG[actor.type])
    yield None, (node, RDF.type, DG.Actor)
    yield None, (node, RDFS.label, Literal(actor.label_zh, lang="zh"))
    if actor.label_en:
        yield None, (node, RDFS.label, Literal(actor.label_en, lang="en"))
    for alias in actor.aliases:
        yield None, (node, SKOS.altLabel, _name(alias))
    if actor.country:
        yield None, (node, DG.country, iri("actor", actor.country))
    if actor.role:
        yield None, (node, DG.role, Literal(actor.role))
    if actor.wikidata:
        yield None, (node, DG.wikidata, Literal(actor.wikidata))
        if _QID.match(actor.wikidata):
            yield None, (node, OWL.sameAs, WD[actor.wikidata])
    for article_id in actor.articles:
        yield article_id, (node, DG.mentionedIn, iri("article", article_id))


@lru_cache(maxsize=65536)
def _integer(n: int) -> Literal:
    """An xsd:integer literal; offsets repeat across millions of triples and a Literal takes microseconds to make."""
    return Literal(n)


def _evidence(node: URIRef, evidence: Evidence, text: Literal) -> Iterator[Triple]:
    """The sentence (`text`, the Literal of `evidence.text` its owner also carries) and position on `node`."""
    yield node, DG.evidence, text
    yield node, DG.block, _integer(evidence.block)
    yield node, DG.sentenceIndex, _integer(evidence.sentence)
    yield node, DG.startOffset, _integer(evidence.start)
    yield node, DG.endOffset, _integer(evidence.end)


def _interaction(item: InteractionNode) -> Iterator[tuple[str | None, Triple]]:
    known = interaction_types()
    if item.type not in known:
        raise ValueError(f"interaction {item.id}: type {item.type!r} is not a subclass of dg:Interaction")
    node = iri("interaction", item.id)
    yield None, (node, RDF.type, DG[item.type])
    yield None, (node, RDF.type, DG.Interaction)
    for key in item.participants:
        yield None, (node, DG.participant, iri("actor", key))
    yield None, (node, DG.status, Literal(item.status))
    for triple in _date_triples(node, item.date):
        yield None, triple
    yield from _place_triples(node, item.place)
    for report, rnode in report_nodes(item):
        if report.type not in known:
            raise ValueError(f"interaction {item.id}: reported type {report.type!r} is not in the ontology")
        ev = report.evidence
        if ev.article_id != report.article_id:
            raise ValueError(f"interaction {item.id}: a report from {report.article_id} has evidence "
                             f"from {ev.article_id}")
        art = report.article_id
        yield art, (node, DG.hasReport, rnode)
        yield art, (node, DG.reportedIn, iri("article", art))
        text = Literal(ev.text)
        yield art, (node, DG.evidence, text)
        yield art, (rnode, RDF.type, DG.Report)
        yield art, (rnode, DG.reportedIn, iri("article", art))
        yield art, (rnode, DG.reportedType, DG[report.type])
        yield art, (rnode, DG.status, Literal(report.status))
        for triple in _evidence(rnode, ev, text):
            yield art, triple
        for triple in _date_triples(rnode, report.date):
            yield art, triple
        for graph_key, triple in _place_triples(rnode, report.place):
            yield (art if triple[0] == rnode else graph_key), triple


def report_nodes(item: InteractionNode) -> Iterator[tuple[Report, URIRef]]:
    """Each report of `item` in the order RDF reads them back, with its IRI (numbered from the second report of
    one sentence on)."""
    node = iri("interaction", item.id)
    seen: dict[URIRef, int] = {}
    for report in sorted(item.reports, key=Report.order):
        ev = report.evidence
        first = report_iri(node, report.article_id, ev.block, ev.sentence, ev.start, ev.end)
        seen[first] = seen.get(first, 0) + 1
        yield report, report_iri(node, report.article_id, ev.block, ev.sentence, ev.start, ev.end, seen[first])


def _statement_report(item: StatementNode) -> URIRef:
    ev = item.evidence
    return report_iri(iri("statement", item.id), item.article_id, ev.block, ev.sentence, ev.start, ev.end)


def _statement(item: StatementNode) -> Iterator[tuple[str | None, Triple]]:
    acts = speech_acts()
    if item.kind not in acts:
        raise ValueError(f"statement {item.id}: speech act {item.kind!r} is not in dg:SpeechActs "
                         f"(known: {', '.join(sorted(acts))}); add it to ontology/diplograph.ttl")
    if item.evidence.article_id != item.article_id:
        raise ValueError(f"statement {item.id}: evidence from {item.evidence.article_id}, "
                         f"statement from {item.article_id}")
    art = item.article_id
    node = iri("statement", item.id)
    yield art, (node, RDF.type, DG.Statement)
    yield art, (node, DG.speaker, iri("actor", item.speaker))
    if item.addressee:
        yield art, (node, DG.addressee, iri("actor", item.addressee))
    yield art, (node, DG.speechAct, acts[item.kind])
    if item.verb:
        yield art, (node, DG.verb, Literal(item.verb))
    if item.quote is not None:
        yield art, (node, DG.quote, Literal(item.quote))
    for topic in item.topics:
        yield art, (node, DG.topic, iri("topic", topic))
        yield None, (iri("topic", topic), RDF.type, DG.Topic)
    for triple in _date_triples(node, item.date):
        yield art, triple
    ev = item.evidence
    text = Literal(ev.text)
    yield art, (node, DG.evidence, text)
    yield art, (node, DG.reportedIn, iri("article", art))
    rnode = _statement_report(item)
    yield art, (node, DG.hasReport, rnode)
    yield art, (rnode, RDF.type, DG.Report)
    yield art, (rnode, DG.reportedIn, iri("article", art))
    for triple in _evidence(rnode, ev, text):
        yield art, triple


def _topic(topic: TopicNode) -> Iterator[tuple[str | None, Triple]]:
    node = iri("topic", topic.key)
    yield None, (node, RDF.type, DG.Topic)
    yield None, (node, RDFS.label, Literal(topic.label_zh, lang="zh"))
    if topic.label_en:
        yield None, (node, RDFS.label, Literal(topic.label_en, lang="en"))


def triples(kg: KnowledgeGraph, part: tuple[int, int] = (0, 1)) -> Iterator[tuple[str | None, Triple]]:
    """Every triple of `kg`, each with the id of the article that contributes it (None: shared).

    `part=(k, n)` gives only the triples of every n-th node from the k-th on, so that n processes can
    each make a share; together the n parts hold every triple (a shared one may come in several).
    """
    k, n = part
    for meta in kg.articles[k::n]:
        for triple in _article(meta):
            yield meta.id, triple
    for actor in kg.actors[k::n]:
        yield from _actor(actor)
    for topic in kg.topics[k::n]:
        yield from _topic(topic)
    for interaction in kg.interactions[k::n]:
        yield from _interaction(interaction)
    for statement in kg.statements[k::n]:
        yield from _statement(statement)


# --- the triples node by node (graph/rdf/reuse.py rewrites only the subjects of the nodes that changed) -------------
# Every subject of graph.ttl is owned by one node of the graph (its own IRI and its reports'), except places and
# topics, which interactions, reports and statements share: those are `shared_triples`.

Owner = ArticleMeta | ActorNode | InteractionNode | StatementNode


def owners(kg: KnowledgeGraph) -> Iterator[Owner]:
    """The nodes whose triples make every subject of graph.ttl but the places and topics."""
    yield from kg.articles
    yield from kg.actors
    yield from kg.interactions
    yield from kg.statements


def owned_subjects(node: Owner) -> tuple[URIRef, ...]:
    """The subjects whose triples all come from `node`: its IRI, and its reports'."""
    if isinstance(node, ArticleMeta):
        return (iri("article", node.id),)
    if isinstance(node, ActorNode):
        return (iri("actor", node.key),)
    if isinstance(node, InteractionNode):
        return (iri("interaction", node.id), *(rnode for _, rnode in report_nodes(node)))
    if isinstance(node, StatementNode):
        return (iri("statement", node.id), _statement_report(node))
    raise TypeError(f"not a node of the graph: {type(node).__name__}")


def owned_triples(node: Owner) -> Iterator[Triple]:
    """The triples of `node`'s own subjects (`owned_subjects`), as `triples` gives them."""
    if isinstance(node, ArticleMeta):
        yield from _article(node)
        return
    made = {ActorNode: _actor, InteractionNode: _interaction, StatementNode: _statement}[type(node)](node)
    own = set(owned_subjects(node))
    for _, triple in made:
        if triple[0] in own:
            yield triple
        elif not str(triple[0]).startswith((str(BASE["place/"]), str(BASE["topic/"]))):
            raise ValueError(f"{triple[0]}: a subject neither owned by {own} nor shared")


def shared_triples(kg: KnowledgeGraph) -> Iterator[Triple]:
    """The triples of the places and topics, which several nodes share (as `triples` gives them, repeats and all)."""
    for topic in kg.topics:
        for _, triple in _topic(topic):
            yield triple
    for topic in sorted({topic for statement in kg.statements for topic in statement.topics}):
        yield iri("topic", topic), RDF.type, DG.Topic
    for item in kg.interactions:
        for place in {item.place, *(report.place for report in item.reports)} - {None}:
            for _, triple in _place_triples(iri("interaction", item.id), place):
                if triple[0] != iri("interaction", item.id):
                    yield triple


def to_graph(kg: KnowledgeGraph) -> Graph:
    """Everything in one graph (what graph.ttl holds)."""
    graph = bind_prefixes(Graph(identifier=BASE["graph"]))
    for _, triple in triples(kg):
        graph.add(triple)
    return graph


def article_graph(article_id: str) -> URIRef:
    """The name of the graph holding what article `article_id` contributes."""
    return iri("graph", article_id)


def to_dataset(kg: KnowledgeGraph) -> Dataset:
    """A dataset with one named graph per article and the shared facts in the default graph.

    `default_union` is on, so querying the default graph sees everything.
    """
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    shared = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    named: dict[str, Graph] = {}
    for article_id, triple in triples(kg):
        if article_id is None:
            shared.add(triple)
        else:
            if article_id not in named:
                named[article_id] = dataset.graph(article_graph(article_id))
            named[article_id].add(triple)
    return dataset


# --- reading back -------------------------------------------------------------

class ReadableGraph(Protocol):
    """The look-ups `from_graph` makes: an rdflib Graph has them, and so has the lighter `load.TripleIndex`."""

    def subjects(self, predicate: URIRef, obj: Node) -> Iterator[Node]: ...

    def objects(self, subject: Node, predicate: URIRef) -> Iterator[Node]: ...

    def value(self, subject: Node, predicate: URIRef) -> Node | None: ...

    def __contains__(self, triple: tuple[Node, Node, Node]) -> bool: ...


def _str(graph: ReadableGraph, node: URIRef, prop: URIRef) -> str | None:
    value = graph.value(node, prop)
    return None if value is None else str(value)


def _label(graph: ReadableGraph, node: URIRef, lang: str) -> str | None:
    for value in sorted(graph.objects(node, RDFS.label)):
        if isinstance(value, Literal) and (value.language or "").split("-")[0] == lang:
            return str(value)
    return None


def _date(graph: ReadableGraph, node: URIRef) -> DateValue | None:
    value = graph.value(node, DG.date)
    if value is None:
        return None
    end = graph.value(node, DG.endDate)
    weekday = graph.value(node, DG.weekday)
    return DateValue(date.fromisoformat(str(value)), _str(graph, node, DG.datePrecision) or "day",
                     date.fromisoformat(str(end)) if end is not None else None,
                     int(weekday) if weekday is not None else None)


def _place(graph: ReadableGraph, node: URIRef) -> str | None:
    place = graph.value(node, DG.place)
    return None if place is None else key_of(place, "place")


def _local(term: URIRef) -> str:
    return str(term)[len(str(DG._NS)):]


def _evidence_of(graph: ReadableGraph, report: URIRef, article_id: str) -> Evidence:
    def integer(prop: URIRef) -> int:
        return int(graph.value(report, prop).toPython())
    return Evidence(article_id, integer(DG.block), integer(DG.sentenceIndex), integer(DG.startOffset),
                    integer(DG.endOffset), _str(graph, report, DG.evidence) or "")


def _read_article(graph: ReadableGraph, node: URIRef) -> ArticleMeta:
    published = graph.value(node, DG.published)
    published = published.toPython() if published is not None else None  # none: an undated article
    if published is not None and not isinstance(published, datetime):
        raise ValueError(f"{node}: dg:published is not an xsd:dateTime")
    for required, name in ((DG.sourceFile, "dg:sourceFile"), (DCTERMS.title, "dcterms:title")):
        if graph.value(node, required) is None:
            raise ValueError(f"{node}: an article needs {name}")
    extra = {}
    precision = _str(graph, node, DG.publishedPrecision)
    if precision is not None:
        extra["published_precision"] = precision
    return ArticleMeta(
        **extra,
        id=key_of(node, "article"),
        source_file=_str(graph, node, DG.sourceFile) or "",
        outlet=_str(graph, node, DG.outlet) or "",
        title=_str(graph, node, DCTERMS.title) or "",
        published=published,
        url=_str(graph, node, DG.url),
        language=_str(graph, node, DCTERMS.language) or "zh-Hans",
        format=_str(graph, node, DG.sourceFormat) or "generic",
    )


def _read_actor(graph: ReadableGraph, node: URIRef) -> ActorNode:
    types = [t for t in actor_types() if (node, RDF.type, DG[t]) in graph]
    if len(types) != 1:
        raise ValueError(f"{node}: expected one of {', '.join(actor_types())} as its type, found {types}")
    country = graph.value(node, DG.country)
    return ActorNode(
        key=key_of(node, "actor"),
        type=types[0],
        label_zh=_label(graph, node, "zh") or "",
        label_en=_label(graph, node, "en"),
        aliases=tuple(sorted(str(a) for a in graph.objects(node, SKOS.altLabel))),
        articles=tuple(sorted(key_of(a, "article") for a in graph.objects(node, DG.mentionedIn))),
        country=None if country is None else key_of(country, "actor"),
        role=_str(graph, node, DG.role),
        wikidata=_str(graph, node, DG.wikidata),
    )


def _read_interaction(graph: ReadableGraph, node: URIRef) -> InteractionNode:
    types = [t for t in interaction_types() if (node, RDF.type, DG[t]) in graph]
    if len(types) != 1:
        raise ValueError(f"{node}: expected one interaction type, found {types}")
    reports = []
    for rnode in graph.objects(node, DG.hasReport):
        article_id = key_of(graph.value(rnode, DG.reportedIn), "article")
        reports.append(Report(
            article_id=article_id,
            type=_local(graph.value(rnode, DG.reportedType)),
            status=_str(graph, rnode, DG.status) or "",
            evidence=_evidence_of(graph, rnode, article_id),
            date=_date(graph, rnode),
            place=_place(graph, rnode),
        ))
    return InteractionNode(
        id=key_of(node, "interaction"),
        type=types[0],
        participants=tuple(sorted(key_of(p, "actor") for p in graph.objects(node, DG.participant))),
        status=_str(graph, node, DG.status) or "",
        reports=tuple(sorted(reports, key=Report.order)),
        date=_date(graph, node),
        place=_place(graph, node),
    )


def _read_statement(graph: ReadableGraph, node: URIRef) -> StatementNode:
    kinds = {concept: key for key, concept in speech_acts().items()}
    article_id = key_of(graph.value(node, DG.reportedIn), "article")
    report = graph.value(node, DG.hasReport)
    addressee = graph.value(node, DG.addressee)
    quote = graph.value(node, DG.quote)
    return StatementNode(
        id=key_of(node, "statement"),
        article_id=article_id,
        speaker=key_of(graph.value(node, DG.speaker), "actor"),
        evidence=_evidence_of(graph, report, article_id),
        addressee=None if addressee is None else key_of(addressee, "actor"),
        quote=None if quote is None else str(quote),
        topics=tuple(sorted(key_of(t, "topic") for t in graph.objects(node, DG.topic))),
        date=_date(graph, node),
        kind=kinds[graph.value(node, DG.speechAct)],
        verb=_str(graph, node, DG.verb) or "",
    )


def _read_topic(graph: ReadableGraph, node: URIRef) -> TopicNode | None:
    label_zh = _label(graph, node, "zh")
    if label_zh is None:
        return None  # a topic only referenced by statements, never described
    return TopicNode(key_of(node, "topic"), label_zh, _label(graph, node, "en"))


def from_graph(graph: ReadableGraph, progress: Progress = no_progress) -> KnowledgeGraph:
    """The `KnowledgeGraph` that `graph` (as written by `to_graph` or a build) describes.

    `progress` wraps the nodes as they are read (a progress bar knows their number)."""
    def nodes(*classes: URIRef) -> list[URIRef]:
        return sorted({n for cls in classes for n in graph.subjects(RDF.type, cls) if isinstance(n, URIRef)})

    kinds = {  # what to read of each kind of node, and how
        "articles": (nodes(DG.Article), _read_article),
        "actors": (nodes(DG.Actor, *(DG[t] for t in actor_types())), _read_actor),
        "interactions": (nodes(DG.Interaction, *(DG[t] for t in interaction_types())), _read_interaction),
        "statements": (nodes(DG.Statement), _read_statement),
        "topics": (nodes(DG.Topic), _read_topic),
    }
    work = [(kind, node) for kind, (found, _) in kinds.items() for node in found]
    read: dict[str, list] = {kind: [] for kind in kinds}
    for kind, node in progress(work):
        try:
            record = kinds[kind][1](graph, node)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:  # a value missing or of the wrong kind
            raise ValueError(f"{node}: a missing or malformed property of this {kind[:-1]} "
                             f"({type(exc).__name__}: {exc})") from None
        if record is not None:  # a topic only referenced by statements, never described
            read[kind].append(record)
    return KnowledgeGraph(
        articles=tuple(sorted(read["articles"], key=lambda a: a.id)),
        actors=tuple(sorted(read["actors"], key=lambda a: a.key)),
        interactions=tuple(sorted(read["interactions"], key=lambda i: i.id)),
        statements=tuple(sorted(read["statements"], key=lambda s: s.id)),
        topics=tuple(sorted(read["topics"], key=lambda t: t.key)),
    )


def canonical(kg: KnowledgeGraph) -> KnowledgeGraph:
    """`kg` with every set-valued field in the order `from_graph` returns it (what survives RDF)."""
    return KnowledgeGraph(
        articles=tuple(sorted(kg.articles, key=lambda a: a.id)),
        actors=tuple(sorted((replace(a, aliases=tuple(sorted(set(a.aliases))),
                                     articles=tuple(sorted(set(a.articles)))) for a in kg.actors),
                            key=lambda a: a.key)),
        interactions=tuple(sorted((replace(i, participants=tuple(sorted(set(i.participants))),
                                           reports=tuple(sorted(i.reports, key=Report.order)))
                                   for i in kg.interactions), key=lambda i: i.id)),
        statements=tuple(sorted((replace(s, topics=tuple(sorted(set(s.topics)))) for s in kg.statements),
                                key=lambda s: s.id)),
        topics=tuple(sorted(kg.topics, key=lambda t: t.key)),
    )
