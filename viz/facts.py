"""The facts behind each node and edge, as plain JSON records the page's side panel shows.

Keys are the full graph's node ids (`actor:…`, `interaction:…`,
`statement:…`, `article:…`, `topic:…`), so both views point into one table.
Values are untrusted text kept as text: the page inserts them with
`textContent` only.
"""
from __future__ import annotations

from diplograph.graph.model import KnowledgeGraph
from diplograph.graph.network import INTERACTION_EDGE, actor_id, actor_label

from .escape import safe_url
from .style import INTERACTION_LABEL

STATEMENT_EDGE = {"warn": "warning", "threaten": "warning"}


def _iso(value) -> str:
    return value.iso() if value is not None else ""


def build_facts(kg: KnowledgeGraph) -> dict[str, dict]:
    """Every fact of `kg` by node id: actors (with timelines), interactions, statements, articles, topics."""
    facts: dict[str, dict] = {}
    for art in kg.articles:
        facts[f"article:{art.id}"] = {
            "kind": "article", "label": art.title, "title": art.title, "outlet": art.outlet,
            "published": art.published.date().isoformat() if art.published else "undated", "url": safe_url(art.url),
            "source_file": art.source_file, "items": [],
        }
    for topic in kg.topics:
        facts[f"topic:{topic.key}"] = {
            "kind": "topic", "label": topic.label_zh, "label_en": topic.label_en or "", "items": [],
        }
    timeline: dict[str, list[tuple[str, str]]] = {}
    for actor in kg.actors:
        facts[actor_id(actor.key)] = {
            "kind": "actor", "type": actor.type, "label": actor_label(actor), "label_zh": actor.label_zh,
            "label_en": actor.label_en or "", "aliases": list(actor.aliases), "role": actor.role or "",
            "country": actor_id(actor.country) if actor.country else "", "wikidata": actor.wikidata or "",
            "articles": [f"article:{a}" for a in actor.articles], "timeline": [],
        }
    for item in kg.interactions:
        fid = f"interaction:{item.id}"
        facts[fid] = {
            "kind": "interaction", "type": item.type, "type_label": INTERACTION_LABEL.get(item.type, item.type),
            "edge_kind": INTERACTION_EDGE.get(item.type, "meeting"), "date": _iso(item.date),
            "place": item.place or "", "status": item.status,
            "participants": [actor_id(p) for p in item.participants],
            "reports": [
                {"article": f"article:{r.article_id}", "type": r.type, "status": r.status, "date": _iso(r.date),
                 "place": r.place or "", "evidence": r.evidence.text}
                for r in item.reports
            ],
        }
        for p in item.participants:
            timeline.setdefault(actor_id(p), []).append((_iso(item.date), fid))
        for r in item.reports:
            _link(facts, f"article:{r.article_id}", fid)
    for item in kg.statements:
        fid = f"statement:{item.id}"
        facts[fid] = {
            "kind": "statement", "type": item.kind, "edge_kind": STATEMENT_EDGE.get(item.kind, "statement"),
            "verb": item.verb, "speaker": actor_id(item.speaker),
            "addressee": actor_id(item.addressee) if item.addressee else "",
            "quote": item.quote or "", "evidence": item.evidence.text, "date": _iso(item.date),
            "topics": [f"topic:{t}" for t in item.topics], "article": f"article:{item.article_id}",
        }
        timeline.setdefault(actor_id(item.speaker), []).append((_iso(item.date), fid))
        if item.addressee and item.addressee != item.speaker:
            timeline.setdefault(actor_id(item.addressee), []).append((_iso(item.date), fid))
        _link(facts, f"article:{item.article_id}", fid)
        for t in item.topics:
            _link(facts, f"topic:{t}", fid)
    for aid, entries in timeline.items():
        if aid in facts:
            # Dated entries in date order, then the undated ones.
            facts[aid]["timeline"] = [fid for _, fid in sorted(entries, key=lambda e: (e[0] == "", e[0], e[1]))]
    return facts


def _link(facts: dict[str, dict], target: str, fid: str) -> None:
    if target in facts:
        facts[target]["items"].append(fid)
