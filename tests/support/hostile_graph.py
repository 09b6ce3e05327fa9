"""A KnowledgeGraph whose every shown text is an HTML/JS injection attempt: the page must show it, never run it."""
from __future__ import annotations

from datetime import date, datetime, timezone

from diplograph.graph.assembly.model import ActorNode, InteractionNode, KnowledgeGraph, Report, StatementNode, TopicNode
from diplograph.ingest.records import ArticleMeta, DateValue, Evidence

# Each payload sets window.__pwned if it ever runs; the tests assert it stays undefined.
SCRIPT = "<script>window.__pwned='script'</script>"
IMG = "<img src=x onerror=\"window.__pwned='img'\">"
BREAKOUT = "</script><script>window.__pwned='breakout'</script><!--"
SVG = "\"><svg onload=\"window.__pwned='svg'\">"
JS_URL = "javascript:window.__pwned='href'"
PAYLOADS = (SCRIPT, IMG, BREAKOUT, SVG)


def hostile_graph() -> KnowledgeGraph:
    """Two actors, a call and a statement between them, an article and a topic, all labelled with payloads."""
    pub = datetime(2022, 2, 20, tzinfo=timezone.utc)
    art = ArticleMeta("evil0001", f"evil{IMG}.txt", f"Outlet{SVG}", f"Title {SCRIPT} {IMG}", pub, JS_URL, "zh-Hans")
    art2 = ArticleMeta("evil0002", "evil2.txt", "Outlet", f"Second {BREAKOUT}", pub, f"https://example.org/{SVG}", "zh-Hans")
    a = ActorNode("zh-evil-a", "Person", f"恶意{SCRIPT}", f"Evil {IMG}", (f"alias{BREAKOUT}", "恶意"), ("evil0001",),
                  role=f"role{SVG}")
    b = ActorNode("zh-evil-b", "Country", f"国家{IMG}", None, (f"国家{IMG}",), ("evil0001", "evil0002"))
    ev = Evidence("evil0001", 0, 0, 0, 10, f"sentence {SCRIPT}{IMG}\u2028{BREAKOUT}")
    call = InteractionNode("evilcall", "PhoneCall", ("zh-evil-a", "zh-evil-b"), "held",
                           (Report("evil0001", "PhoneCall", "held", ev, DateValue(date(2022, 2, 20)), f"place{IMG}"),
                            Report("evil0002", "PhoneCall", "held", ev, None, None)),
                           DateValue(date(2022, 2, 20)), f"place{IMG}")
    said = StatementNode("evilsaid", "evil0001", "zh-evil-a", ev, "zh-evil-b", f"quote {BREAKOUT} {SVG}",
                         ("evil-topic",), DateValue(date(2022, 2, 21)), "warn", f"verb{SCRIPT}")
    return KnowledgeGraph((art, art2), (a, b), (call,), (said,), (TopicNode("evil-topic", f"议题{SCRIPT}", f"topic {IMG}"),))
