"""Fixtures for the export tests: a small hand-made graph with every kind of date, and the GEXF schema."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from diplograph.graph.assembly.model import ActorNode, InteractionNode, KnowledgeGraph, Report, StatementNode, TopicNode
from diplograph.graph.export.prepare import EDGE_RENAMES, edge_ids
from diplograph.ingest.records import ArticleMeta, DateValue, Evidence

SCHEMA_DIR = Path(__file__).parent / "data" / "gexf-1.3"
TRICKY = 'he said "no" <firmly> & left\nthen\ttabbed \x07bell 🙂'


def _ev(art: str, text: str) -> Evidence:
    return Evidence(art, 0, 0, 0, len(text), text)


def _report(art: str, kind: str, status: str, when: DateValue | None) -> Report:
    return Report(art, kind, status, _ev(art, f"{kind} report"), when)


@pytest.fixture(scope="session")
def tiny_graph() -> KnowledgeGraph:
    """Five actors, four interactions (dated by day, month, year, and undated), three statements."""
    art = ArticleMeta("a1", "a1.txt", "新华社", "标题", datetime(2022, 3, 1, tzinfo=timezone.utc), None, "zh-Hans")
    day = DateValue(date(2022, 2, 24))
    month = DateValue(date(2022, 2, 1), "month")
    year = DateValue(date(2021, 1, 1), "year")
    actors = (
        ActorNode("joe-biden", "Person", "拜登", "Joe Biden", ("拜登",), ("a1",), "united-states"),
        ActorNode("vladimir-putin", "Person", "普京", "Vladimir Putin", ("普京",), ("a1",), "russia"),
        ActorNode("russia", "Country", "俄罗斯", "Russia", ("俄罗斯",), ("a1",)),
        ActorNode("nato", "Organization", "北约", "NATO", ("北约",), ("a1",)),
        ActorNode("zh-某官员", "Person", "某官员", None, (), ()),
    )
    interactions = (
        InteractionNode("i-call", "PhoneCall", ("joe-biden", "vladimir-putin"), "held",
                        (_report("a1", "PhoneCall", "held", day),), day),
        InteractionNode("i-summit", "Summit", ("joe-biden", "nato", "russia"), "planned",
                        (_report("a1", "Summit", "planned", month),), month, "日内瓦"),
        InteractionNode("i-meeting", "Meeting", ("nato", "russia"), "held",
                        (_report("a1", "Meeting", "held", year),), year),
        InteractionNode("i-talks", "Talks", ("joe-biden", "vladimir-putin"), "proposed",
                        (_report("a1", "Talks", "proposed", None),)),
    )
    statements = (
        StatementNode("s-warn", "a1", "joe-biden", _ev("a1", "拜登警告普京"), "vladimir-putin", TRICKY,
                      ("sanctions",), day, "warn", "警告"),
        StatementNode("s-say", "a1", "vladimir-putin", _ev("a1", "普京表示"), "nato", "北约东扩",
                      ("nato-expansion",), None, "say", "表示"),
        StatementNode("s-alone", "a1", "zh-某官员", _ev("a1", "某官员说"), None, None, (), month, "say", "说"),
    )
    topics = (TopicNode("nato-expansion", "北约东扩"), TopicNode("sanctions", "制裁", "sanctions"))
    return KnowledgeGraph((art,), actors, interactions, statements, topics)


@pytest.fixture(scope="session")
def gexf_schema():
    """The GEXF 1.3 XSD (committed beside the tests) compiled by lxml."""
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "gexf.xsd")))


@pytest.fixture(scope="session")
def expected():
    """What a reader should get back from an export of `g`: nodes by id, edges by export id, renamed."""

    def make(g):
        ids = edge_ids(g)
        nodes = {str(n): dict(d) for n, d in g.nodes(data=True)}
        edges = {
            ids[u, v, k]: (str(u), str(v), {EDGE_RENAMES.get(a, a): x for a, x in d.items()})
            for u, v, k, d in g.edges(keys=True, data=True)
        }
        return nodes, edges

    return make
