"""networkx views of a `KnowledgeGraph`: the actor network and the full graph.

Both are `MultiDiGraph`s (parallel edges are real: two calls between the same
leaders are two edges). Every attribute is a str, int or float, never None,
so the graphs go straight to GEXF, GraphML or a browser page. Node ids carry
their kind as a prefix (`actor:joe-biden`, `interaction:…`).
"""
from __future__ import annotations

from itertools import combinations

import networkx as nx

from diplograph.graph.model import ActorNode, InteractionNode, KnowledgeGraph, StatementNode

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


def actor_network(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Actors as nodes; an edge per pair of participants of each interaction, and
    one from speaker to addressee for each addressed statement."""
    g = nx.MultiDiGraph(name="diplograph actor network")
    for actor in kg.actors:
        g.add_node(actor_id(actor.key), **_actor_attrs(actor))
    for item in kg.interactions:
        attrs = _interaction_attrs(item)
        for a, b in combinations(item.participants, 2):
            g.add_edge(actor_id(a), actor_id(b), key=f"{item.id}:{a}:{b}", id=item.id,
                       directed=0, label=attrs["edge_kind"], **{k: v for k, v in attrs.items() if k != "kind"},
                       kind="interaction")
    for item in kg.statements:
        if not item.addressee:
            continue
        attrs = _statement_attrs(item)
        g.add_edge(actor_id(item.speaker), actor_id(item.addressee), key=item.id, id=item.id,
                   directed=1, label=attrs["edge_kind"], **{k: v for k, v in attrs.items() if k != "kind"},
                   kind="statement")
    return g


def full_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Actors, interactions, statements, topics and articles as nodes, linked as in the RDF graph."""
    g = nx.MultiDiGraph(name="diplograph full graph")
    for art in kg.articles:
        g.add_node(f"article:{art.id}", kind="article", type="Article", label=art.title,
                   date=art.published.date().isoformat(), outlet=art.outlet, url=art.url or "",
                   source_file=art.source_file)
    for topic in kg.topics:
        g.add_node(f"topic:{topic.key}", kind="topic", type="Topic", label=topic.label_zh,
                   label_en=topic.label_en or "")
    for actor in kg.actors:
        g.add_node(actor_id(actor.key), **_actor_attrs(actor))
        for art in actor.articles:
            g.add_edge(actor_id(actor.key), f"article:{art}", kind="mentionedIn", label="mentioned in", date="")
    for item in kg.interactions:
        node = f"interaction:{item.id}"
        attrs = _interaction_attrs(item)
        g.add_node(node, label=f"{attrs['edge_kind']} {attrs['date']}".strip(), **attrs)
        for p in item.participants:
            g.add_edge(actor_id(p), node, kind="participant", label="participant", date=attrs["date"])
        for report in item.reports:
            g.add_edge(node, f"article:{report.article_id}", kind="reportedIn", label="reported in",
                       date=attrs["date"], status=report.status, evidence=report.evidence.text)
    for item in kg.statements:
        node = f"statement:{item.id}"
        attrs = _statement_attrs(item)
        g.add_node(node, label=(item.quote or item.evidence.text)[:40], **attrs)
        g.add_edge(actor_id(item.speaker), node, kind="speaker", label="said", date=attrs["date"])
        if item.addressee:
            g.add_edge(node, actor_id(item.addressee), kind="addressee", label="to", date=attrs["date"])
        for topic in item.topics:
            g.add_edge(node, f"topic:{topic}", kind="topic", label="about", date=attrs["date"])
        g.add_edge(node, f"article:{item.article_id}", kind="reportedIn", label="reported in", date=attrs["date"])
    return g
