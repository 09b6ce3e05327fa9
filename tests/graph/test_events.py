"""Merging the reports of one event: an undated report and the dated events it may describe."""
from datetime import date

from diplograph.graph.assembly.events import Pending, merge_events
from diplograph.graph.assembly.model import Report
from diplograph.ingest.records import DateValue, Evidence

PARTIES = frozenset({"russia", "ukraine"})


def pending(article: str, published: str, status: str, day: str | None = None) -> Pending:
    evidence = Evidence(article, 0, 0, 0, 4, "会谈")
    when = DateValue(date.fromisoformat(day)) if day else None
    return Pending(PARTIES, Report(article, "Talks", status, evidence, when), date.fromisoformat(published))


def test_an_undated_report_of_a_held_event_is_not_an_event_dated_after_its_article():
    nodes = merge_events([pending("a", "2022-03-17", "held", "2022-03-17"), pending("b", "2022-03-09", "held")])
    assert len(nodes) == 2


def test_an_undated_plan_joins_no_event_another_article_reports_held():
    """Nothing says the plan of article b is the meeting article a reports held: their dates cannot agree."""
    nodes = merge_events([pending("a", "2022-03-17", "held", "2022-03-17"), pending("b", "2022-03-09", "planned")])
    assert sorted(n.status for n in nodes) == ["held", "planned"]


def test_a_dated_plan_joins_the_event_held_that_day():
    nodes = merge_events([pending("a", "2022-03-17", "held", "2022-03-17"),
                          pending("b", "2022-03-09", "planned", "2022-03-17")])
    assert len(nodes) == 1 and nodes[0].status == "held"


def test_a_merged_event_has_the_participants_every_report_names_and_no_more():
    other = Pending(frozenset({"russia", "ukraine", "turkey"}), Report("c", "Talks", "held", Evidence("c", 0, 0, 0, 4, "会谈"),
                                                                    DateValue(date(2022, 3, 17))), date(2022, 3, 17))
    nodes = merge_events([pending("a", "2022-03-17", "held", "2022-03-17"), other])
    assert sorted(sorted(n.participants) for n in nodes) == [["russia", "turkey", "ukraine"], ["russia", "ukraine"]]


def test_an_undated_held_report_joins_the_event_dated_before_its_article():
    nodes = merge_events([pending("a", "2022-03-07", "held", "2022-03-07"), pending("b", "2022-03-09", "held")])
    assert len(nodes) == 1


def test_a_meeting_of_another_month_in_the_same_article_is_another_event():
    """Bulk corpus, epochtimes/n13826738: 习近平昨天（15日）与…普京…举行双边会谈 and 今年2月俄乌战前，习近平与普京会面 are two
    meetings, though one article reports both."""
    from diplograph.pipeline import build_graph
    from support.paths import BULK, need_shared

    kg = build_graph([need_shared(BULK / "epochtimes" / "n13826738.md")])
    dates = sorted(n.date.iso() for n in kg.interactions if set(n.participants) == {"vladimir-putin", "xi-jinping"})
    assert dates == ["2022-02", "2022-09-15"]


def test_an_article_published_before_the_event_cannot_see_it_held():
    """An article of the 2nd plans a meeting for the 5th (将于…会见) and, in another sentence, calls it 这次会议
    with no mark of the future: it is still planned, as the article saw it."""
    nodes = merge_events([pending("a", "2022-03-02", "planned", "2022-03-05"), pending("a", "2022-03-02", "held")])
    assert [n.status for n in nodes] == ["planned"]
    later = merge_events([pending("a", "2022-03-02", "planned", "2022-03-05"), pending("b", "2022-03-06", "held")])
    assert [n.status for n in later] == ["held"]  # an article of the 6th can


def test_a_meeting_announced_before_its_day_stays_planned_in_the_graph():
    """Dev corpus, epochtimes/n13197137 (2021-08-30): 拜登总统将于周三（9月1日）在白宫会见乌克兰总统泽伦斯基, and later
    在这次会议召开前，拜登政府上个月宣布…: the article cannot have seen the meeting held."""
    from diplograph.pipeline import build_graph
    from support.paths import DEV, need_shared

    kg = build_graph([need_shared(DEV / "epochtimes" / "n13197137.md")])
    [meeting] = [n for n in kg.interactions if set(n.participants) == {"joe-biden", "volodymyr-zelensky"}]
    assert (meeting.date.iso(), meeting.status) == ("2021-09-01", "planned")


def test_two_articles_that_give_an_event_the_same_month_report_one_event():
    """dev2, epochtimes/n13106154 (07-22) and n13115875 (07-26): 拜登和习近平今年10月…可能举行会晤 and 或促成拜登总统和
    习近平在10月…会晤 are one proposed meeting of October, though the articles are four days apart; another month is
    another event."""
    def month(article, published, status, value):
        when = DateValue(date.fromisoformat(value), precision="month")
        return Pending(PARTIES, Report(article, "Summit", status, Evidence(article, 0, 0, 0, 4, "会晤"), when),
                       date.fromisoformat(published))

    nodes = merge_events([month("a", "2021-07-22", "proposed", "2021-10-01"),
                          month("b", "2021-07-26", "proposed", "2021-10-01"),
                          month("c", "2021-07-27", "proposed", "2021-12-01")])
    assert sorted(sorted(r.article_id for r in n.reports) for n in nodes) == [["a", "b"], ["c"]]
