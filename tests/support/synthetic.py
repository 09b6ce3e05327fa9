"""A large synthetic KnowledgeGraph (dev-corpus sized or bigger) for the viz benchmark and the large-page test."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from diplograph.graph.assembly.model import ActorNode, InteractionNode, KnowledgeGraph, Report, StatementNode, TopicNode
from diplograph.ingest.records import INTERACTION_TYPES, STATUSES, ArticleMeta, DateValue, Evidence

_CHARS = "普京拜登马克龙朔尔茨约翰逊泽连斯基拉夫罗夫布林肯佩斯科夫王毅习近平岸田文雄莫迪埃尔多安斯托尔滕贝格古特雷斯"
_TYPES = ("Person", "Person", "Person", "Organization", "Country")


def synthetic_graph(articles: int = 222, actors: int = 500, interactions: int = 900, statements: int = 1500,
                    topics: int = 30, seed: int = 1) -> KnowledgeGraph:
    """A random but deterministic graph: popular actors (Zipf-like), dates from Nov 2021 to Mar 2022."""
    rng = random.Random(seed)
    start = date(2021, 11, 1)
    arts = []
    for i in range(articles):
        day = start + timedelta(days=rng.randrange(135))
        arts.append(ArticleMeta(f"a{i:04d}", f"{i:03d}_synthetic.txt", rng.choice(["新华社", "大纪元", "BBC中文", "联合早报"]),
                                "".join(rng.choice(_CHARS) for _ in range(rng.randint(8, 24))),
                                datetime(day.year, day.month, day.day, tzinfo=timezone.utc),
                                f"https://example.org/news/{i}", "zh-Hans"))
    keys = [f"actor-{i:04d}" for i in range(actors)]
    weights = [1.0 / (i + 1) ** 0.9 for i in range(actors)]
    mentions: dict[str, set[str]] = {k: set() for k in keys}

    def pick(n: int) -> list[str]:
        chosen: list[str] = []
        while len(chosen) < n:
            k = rng.choices(keys, weights)[0]
            if k not in chosen:
                chosen.append(k)
        return chosen

    def when() -> DateValue | None:
        r = rng.random()
        if r < 0.15:
            return None
        d = start + timedelta(days=rng.randrange(135))
        return DateValue(d.replace(day=1), "month") if r < 0.2 else DateValue(d)

    inters = []
    for i in range(interactions):
        parts = tuple(sorted(pick(2 if rng.random() < 0.85 else rng.randint(3, 5))))
        reports = []
        for _ in range(rng.randint(1, 3)):
            art = rng.choice(arts)
            for p in parts:
                mentions[p].add(art.id)
            text = "".join(rng.choice(_CHARS) for _ in range(rng.randint(20, 60)))
            reports.append(Report(art.id, rng.choice(INTERACTION_TYPES), rng.choice(STATUSES),
                                  Evidence(art.id, 0, i, 0, len(text), text)))
        d = when()
        inters.append(InteractionNode(f"i{i:05d}", reports[0].type, parts, reports[0].status, tuple(reports), d,
                                      rng.choice([None, "日内瓦", "莫斯科", "华盛顿"])))
    topic_keys = [f"topic-{i}" for i in range(topics)]
    stmts = []
    for i in range(statements):
        speaker, addressee = pick(2)
        art = rng.choice(arts)
        mentions[speaker].add(art.id)
        text = "".join(rng.choice(_CHARS) for _ in range(rng.randint(20, 80)))
        stmts.append(StatementNode(f"s{i:05d}", art.id, speaker, Evidence(art.id, 1, i, 0, len(text), text),
                                   addressee if rng.random() < 0.6 else None, text[:30],
                                   tuple(rng.sample(topic_keys, rng.randint(0, 2))), when(),
                                   rng.choice(["say", "say", "warn", "demand"])))
    actor_nodes = []
    for n, k in enumerate(keys):
        zh = "".join(rng.choice(_CHARS) for _ in range(rng.randint(2, 5)))
        actor_nodes.append(ActorNode(k, _TYPES[n % len(_TYPES)], zh, f"Actor {n}" if n % 3 else None, (zh,),
                                     tuple(sorted(mentions[k]))))
    return KnowledgeGraph(tuple(arts), tuple(actor_nodes), tuple(inters), tuple(stmts),
                          tuple(TopicNode(t, f"议题{t[-2:]}") for t in topic_keys))
