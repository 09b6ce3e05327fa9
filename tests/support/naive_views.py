"""The two networkx views built edge by edge with `add_edge`, as `graph/export/network.py` built them before it had
generators: the oracle for the order, keys and attributes the generators must reproduce."""
from __future__ import annotations

from itertools import combinations

import networkx as nx

from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.graph.export.network import _actor_attrs, _interaction_attrs, _statement_attrs, actor_id


def naive_actor_network(kg: KnowledgeGraph) -> nx.MultiDiGraph:
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


def naive_full_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
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
