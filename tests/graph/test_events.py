"""Merging the reports of one event: an undated report and the dated events it may describe."""
from datetime import date

from diplograph.graph.events import Pending, merge_events
from diplograph.graph.model import Report
from diplograph.ingest.records import DateValue, Evidence

PARTIES = frozenset({"russia", "ukraine"})


def pending(article: str, published: str, status: str, day: str | None = None) -> Pending:
    evidence = Evidence(article, 0, 0, 0, 4, "会谈")
    when = DateValue(date.fromisoformat(day)) if day else None
    return Pending(PARTIES, Report(article, "Talks", status, evidence, when), date.fromisoformat(published))


def test_an_undated_report_of_a_held_event_is_not_an_event_dated_after_its_article():
    nodes = merge_events([pending("a", "2022-03-17", "held", "2022-03-17"), pending("b", "2022-03-09", "held")])
    assert len(nodes) == 2


def test_an_undated_planned_report_may_be_an_event_dated_after_its_article():
    nodes = merge_events([pending("a", "2022-03-17", "held", "2022-03-17"), pending("b", "2022-03-09", "planned")])
    assert len(nodes) == 1 and nodes[0].date.iso() == "2022-03-17" and nodes[0].status == "held"


def test_an_undated_held_report_joins_the_event_dated_before_its_article():
    nodes = merge_events([pending("a", "2022-03-07", "held", "2022-03-07"), pending("b", "2022-03-09", "held")])
    assert len(nodes) == 1
