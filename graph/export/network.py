"""networkx views of a `KnowledgeGraph`: the actor network and the full graph.

Each view is also a pair of generators (`actor_network_nodes` / `_edges`,
`full_graph_nodes` / `_edges`) that give its nodes and edges in the very
order, with the very keys, that the networkx graph lists them; the graphs are
built from them, and the file writers read them without building a graph.

Both are `MultiDiGraph`s (parallel edges are real: two calls between the same
leaders are two edges). Every attribute is a str, int or float, never None,
so the graphs go straight to GEXF, GraphML or a browser page. Node ids carry
their kind as a prefix (`actor:joe-biden`, `interaction:…`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, combinations

import networkx as nx

from diplograph.graph.assembly.model import ActorNode, InteractionNode, KnowledgeGraph, StatementNode, TopicNode
from diplograph.ingest.records import ArticleMeta

Node = tuple[str, dict]  # (node id, attributes)
Edge = tuple[str, str, object, dict]  # (source, target, key, attributes)

ACTOR_NETWORK = "diplograph actor network"  # the `name` of each view
FULL_GRAPH = "diplograph full graph"

# Edge kinds of the actor network, by interaction type or statement kind.
INTERACTION_EDGE = {
    "PhoneCall": "call",
    "VideoConference": "video conference",
    "Summit": "summit",
    "Meeting": "meeting",
    "Talks": "talks",
}
WARNING_KINDS = frozenset({"warn", "threaten"})


def actor_id(key: str) -> str:
    return f"actor:{key}"


def actor_label(actor: ActorNode) -> str:
    """`拜登 (Joe Biden)`: the Chinese label with the English name where known."""
    if actor.label_en and actor.label_en != actor.label_zh:
        return f"{actor.label_zh} ({actor.label_en})"
    return actor.label_zh


def _date(value) -> str:
    return value.iso() if value is not None else ""


def _actor_attrs(actor: ActorNode) -> dict:
    return {
        "kind": "actor",
        "type": actor.type,
        "label": actor_label(actor),
        "label_zh": actor.label_zh,
        "label_en": actor.label_en or "",
        "aliases": " | ".join(actor.aliases),
        "country": actor.country or "",
        "role": actor.role or "",
        "wikidata": actor.wikidata or "",
        "articles": len(actor.articles),
    }


def _interaction_attrs(item: InteractionNode) -> dict:
    return {
        "kind": "interaction",
        "type": item.type,
        "edge_kind": INTERACTION_EDGE[item.type],
        "date": _date(item.date),
        "status": item.status,
        "place": item.place or "",
        "reports": len(item.reports),
        "evidence": item.reports[0].evidence.text if item.reports else "",
    }


def _statement_kind(item: StatementNode) -> str:
    return "warning" if item.kind in WARNING_KINDS else "statement"


def _statement_attrs(item: StatementNode) -> dict:
    return {
        "kind": "statement",
        "type": item.kind,
        "edge_kind": _statement_kind(item),
        "date": _date(item.date),
        "quote": item.quote or "",
        "topics": " | ".join(item.topics),
        "evidence": item.evidence.text,
        "article": item.article_id,
    }


def _out_edges(source: str, targets: Iterable[tuple[str, object, dict]]) -> Iterator[Edge]:
    """The edges from `source` in the order a `MultiDiGraph` lists them, given in the order they are added.

    By target in first-seen order, then by key; a None key becomes the next free integer, and an edge
    added again under the same key has its attributes updated, as `add_edge` does.
    """
    by_target: dict[str, dict[object, dict]] = {}
    for target, key, data in targets:
        keys = by_target.setdefault(target, {})
        if key is None:
            key = len(keys)
            while key in keys:
                key += 1
        keys.setdefault(key, {}).update(data)
    for target, keys in by_target.items():
        for key, data in keys.items():
            yield source, target, key, data


def _by_actor(kg: KnowledgeGraph) -> tuple[dict[str, list[InteractionNode]], dict[str, list[StatementNode]]]:
    """Per actor key, the interactions it takes part in and the statements it makes, in graph order."""
    joins: dict[str, list[InteractionNode]] = {}
    says: dict[str, list[StatementNode]] = {}
    for item in kg.interactions:
        for p in dict.fromkeys(item.participants):
            joins.setdefault(p, []).append(item)
    for item in kg.statements:
        says.setdefault(item.speaker, []).append(item)
    return joins, says


def _paired_actors(kg: KnowledgeGraph) -> Iterator[str]:
    """Keys of actors the actor network links, once each, in the order its edges first name them."""
    seen: set[str] = set()
    groups = chain((item.participants for item in kg.interactions if len(item.participants) > 1),
                   ((item.speaker, item.addressee) for item in kg.statements if item.addressee))
    for key in chain.from_iterable(groups):
        if key not in seen:
            seen.add(key)
            yield key


def actor_network_nodes(kg: KnowledgeGraph) -> Iterator[Node]:
    """The nodes of `actor_network(kg)`, in its order."""
    known = {actor.key for actor in kg.actors}
    for actor in kg.actors:
        yield actor_id(actor.key), _actor_attrs(actor)
    for key in _paired_actors(kg):
        if key not in known:  # named by an edge but not in kg.actors: networkx adds it bare
            yield actor_id(key), {}


def actor_network_edges(kg: KnowledgeGraph) -> Iterator[Edge]:
    """The edges of `actor_network(kg)`, in its order: an undirected edge per pair of participants of each
    interaction, and a directed one from speaker to addressee of each addressed statement."""
    joins, says = _by_actor(kg)
    for node, _ in actor_network_nodes(kg):
        key = node.removeprefix("actor:")
        yield from _out_edges(node, (*_pair_edges(key, joins.get(key, ())),
                                     *_addressed_edges(says.get(key, ()))))


def _pair_edges(key: str, items: Iterable[InteractionNode]) -> Iterator[tuple[str, object, dict]]:
    """The actor network's edges from actor `key` for the pairs (key, later participant) of `items`."""
    for item in items:
        attrs = _interaction_attrs(item)
        rest = {k: v for k, v in attrs.items() if k != "kind"}
        for a, b in combinations(item.participants, 2):
            if a == key:
                yield actor_id(b), f"{item.id}:{a}:{b}", {"id": item.id, "directed": 0, "label": attrs["edge_kind"],
                                                         **rest, "kind": "interaction"}


def _addressed_edges(items: Iterable[StatementNode]) -> Iterator[tuple[str, object, dict]]:
    for item in items:
        if not item.addressee:
            continue
        attrs = _statement_attrs(item)
        rest = {k: v for k, v in attrs.items() if k != "kind"}
        yield actor_id(item.addressee), item.id, {"id": item.id, "directed": 1, "label": attrs["edge_kind"],
                                                  **rest, "kind": "statement"}


def _full_order(kg: KnowledgeGraph) -> Iterator[tuple[str, object]]:
    """(node id, its record) for every node of the full graph, in its order; the record is None for a node
    that only an edge names (an article, actor or topic missing from `kg`), placed where it is first named."""
    known = {*(f"article:{art.id}" for art in kg.articles), *(f"topic:{t.key}" for t in kg.topics),
             *(actor_id(actor.key) for actor in kg.actors)}

    def named(ids: Iterable[str]) -> Iterator[tuple[str, None]]:
        for node in ids:
            if node not in known:
                known.add(node)
                yield node, None

    yield from ((f"article:{art.id}", art) for art in kg.articles)
    yield from ((f"topic:{topic.key}", topic) for topic in kg.topics)
    for actor in kg.actors:
        yield actor_id(actor.key), actor
        yield from named(f"article:{art}" for art in actor.articles)
    for item in kg.interactions:
        yield f"interaction:{item.id}", item
        yield from named([*map(actor_id, item.participants), *(f"article:{r.article_id}" for r in item.reports)])
    for item in kg.statements:
        yield f"statement:{item.id}", item
        yield from named([actor_id(item.speaker), *([actor_id(item.addressee)] if item.addressee else []),
                          *(f"topic:{topic}" for topic in item.topics), f"article:{item.article_id}"])


def _full_attrs(record) -> dict:
    """The attributes of a full-graph node, from its record (`_full_order`)."""
    if isinstance(record, ArticleMeta):
        published = record.published.date().isoformat() if record.published else ""  # "": an undated article
        return {"kind": "article", "type": "Article", "label": record.title, "date": published,
                "outlet": record.outlet, "url": record.url or "", "source_file": record.source_file}
    if isinstance(record, TopicNode):
        return {"kind": "topic", "type": "Topic", "label": record.label_zh, "label_en": record.label_en or ""}
    if isinstance(record, ActorNode):
        return _actor_attrs(record)
    if isinstance(record, InteractionNode):
        attrs = _interaction_attrs(record)
        return {"label": f"{attrs['edge_kind']} {attrs['date']}".strip(), **attrs}
    if isinstance(record, StatementNode):
        return {"label": (record.quote or record.evidence.text)[:40], **_statement_attrs(record)}
    return {}


def _full_targets(node: str, record, joins, says) -> Iterator[tuple[str, object, dict]]:
    """(target, key, attributes) of the full-graph edges from `node`, in the order they are added."""
    if isinstance(record, InteractionNode):
        date = _date(record.date)
        for report in record.reports:
            yield f"article:{report.article_id}", None, {"kind": "reportedIn", "label": "reported in", "date": date,
                                                         "status": report.status, "evidence": report.evidence.text}
    elif isinstance(record, StatementNode):
        date = _date(record.date)
        if record.addressee:
            yield actor_id(record.addressee), None, {"kind": "addressee", "label": "to", "date": date}
        for topic in record.topics:
            yield f"topic:{topic}", None, {"kind": "topic", "label": "about", "date": date}
        yield f"article:{record.article_id}", None, {"kind": "reportedIn", "label": "reported in", "date": date}
    elif isinstance(record, ActorNode) or (record is None and node.startswith("actor:")):
        key = node.removeprefix("actor:")
        for art in record.articles if record is not None else ():
            yield f"article:{art}", None, {"kind": "mentionedIn", "label": "mentioned in", "date": ""}
        for item in joins.get(key, ()):
            date = _date(item.date)
            for _ in range(item.participants.count(key)):
                yield f"interaction:{item.id}", None, {"kind": "participant", "label": "participant", "date": date}
        for item in says.get(key, ()):
            yield f"statement:{item.id}", None, {"kind": "speaker", "label": "said", "date": _date(item.date)}


def full_graph_nodes(kg: KnowledgeGraph) -> Iterator[Node]:
    """The nodes of `full_graph(kg)`, in its order."""
    for node, record in _full_order(kg):
        yield node, _full_attrs(record)


def full_graph_edges(kg: KnowledgeGraph) -> Iterator[Edge]:
    """The edges of `full_graph(kg)`, in its order (by source node, then target), keyed as networkx keys them."""
    joins, says = _by_actor(kg)
    for node, record in _full_order(kg):
        yield from _out_edges(node, _full_targets(node, record, joins, says))


def actor_network(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Actors as nodes; an edge per pair of participants of each interaction, and
    one from speaker to addressee for each addressed statement."""
    return _graph(ACTOR_NETWORK, actor_network_nodes(kg), actor_network_edges(kg))


def full_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Actors, interactions, statements, topics and articles as nodes, linked as in the RDF graph."""
    return _graph(FULL_GRAPH, full_graph_nodes(kg), full_graph_edges(kg))


def _graph(name: str, nodes: Iterable[Node], edges: Iterable[Edge]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name=name)
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return g
