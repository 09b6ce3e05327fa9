"""A `KnowledgeGraph` made from a gold file: interim input for the viz and RDF tests.

Until the extraction pipeline builds the seeds, tests of the later stages
read the facts a human annotator found in the five seed articles. Once the
pipeline lands, the `seed_graph` fixture switches to the real build.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone
from pathlib import Path

from diplograph.graph.assembly.model import ActorNode, InteractionNode, KnowledgeGraph, Report, StatementNode, TopicNode
from diplograph.ingest.records import ArticleMeta, DateValue, Evidence


def _id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def gold_graph(path: Path) -> KnowledgeGraph:
    gold = json.loads(path.read_text("utf-8"))
    registry = gold["actors"]
    articles, interactions, statements = [], [], []
    mentioned: dict[str, set[str]] = {}
    topics: set[str] = set()
    cluster_of = {(f, i): c["id"] for c in gold.get("same_event", []) for f, i in c["members"]}
    merged: dict[str, dict] = {}
    for art in gold["articles"]:
        aid = _id(art["file"])
        pub = datetime.fromisoformat(art["published"]).replace(tzinfo=timezone.utc)
        articles.append(ArticleMeta(aid, art["file"], art["outlet"], art["title"], pub, art["url"], "zh-Hans"))
        for key in art["persons"] + art["organizations"] + art["countries"]:
            mentioned.setdefault(key, set()).add(aid)
        for n, it in enumerate(art["interactions"]):
            ev = Evidence(aid, 0, n, 0, len(it["evidence"]), it["evidence"])
            d = DateValue(date.fromisoformat(it["date"][0])) if it["date"] else None
            report = Report(aid, it["type"], it["status"], ev, d, it["place"])
            cid = cluster_of.get((art["file"], n), _id(art["file"], str(n)))
            node = merged.setdefault(cid, {"type": it["type"], "participants": set(), "reports": []})
            node["participants"] |= set(it["participants"])
            node["reports"].append(report)
        for n, st in enumerate(art["statements"]):
            ev = Evidence(aid, 1, n, 0, len(st["evidence"]), st["evidence"])
            d = DateValue(date.fromisoformat(st["date"][0])) if st["date"] else None
            topics |= set(st["topics"])
            statements.append(StatementNode(_id(aid, "s", str(n)), aid, st["speaker"], ev, st["addressee"],
                                            st["evidence"], tuple(st["topics"]), d, "say"))
    for cid, node in merged.items():
        reports = tuple(node["reports"])
        dated = [r.date for r in reports if r.date]
        status = "held" if any(r.status == "held" for r in reports) else reports[0].status
        place = next((r.place for r in reports if r.place), None)
        interactions.append(InteractionNode(_id(cid), node["type"], tuple(sorted(node["participants"])), status,
                                            reports, dated[0] if dated else None, place))
    used = set(mentioned) | {p for i in interactions for p in i.participants}
    used |= {s.speaker for s in statements} | {s.addressee for s in statements if s.addressee}
    actors = []
    for key in sorted(used):
        info = registry.get(key, {"type": "Organization", "names": [key]})
        zh = next((n for n in info["names"] if not n.isascii()), info["names"][0])
        en = next((n for n in info["names"] if n.isascii()), None)
        actors.append(ActorNode(key, info["type"], zh, en, tuple(info["names"]), tuple(sorted(mentioned.get(key, ()))),
                                info.get("country")))
    return KnowledgeGraph(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        actors=tuple(actors),
        interactions=tuple(sorted(interactions, key=lambda i: i.id)),
        statements=tuple(sorted(statements, key=lambda s: s.id)),
        topics=tuple(TopicNode(t, t) for t in sorted(topics)),
    )
