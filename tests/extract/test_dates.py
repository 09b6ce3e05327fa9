"""Date expressions resolved against the publication date, on phrases from the corpus."""
from datetime import date

import pytest

from diplograph.ingest.dates import find_dates
from extract.helpers import article


def resolved(text, published, **kw):
    return [(d.text, d.value.iso() if d.value else None) for d in find_dates(text, published, **kw)]


@pytest.mark.parametrize("text,published,expected", [
    ("克里姆林宫周一（2月21日）表示", date(2022, 2, 21), [("周一（2月21日）", "2022-02-21")]),
    ("在周日（2月20）的两次电话中", date(2022, 2, 21), [("周日（2月20）", "2022-02-20")]),
    ("他将于周四在日内瓦会见美国国务卿", date(2022, 2, 21), [("周四", "2022-02-24")]),
    ("周日，布林肯告诉美国有线电视新闻网", date(2022, 2, 21), [("周日", "2022-02-20")]),
    ("为定于1月10日在日内瓦举行的美俄高级官员会谈做准备", date(2021, 12, 31), [("1月10日", "2022-01-10")]),
    ("于6月16日在日内瓦会晤", date(2021, 12, 31), [("6月16日", "2021-06-16")]),
    ("图为2021年6月16日，拜登和普京在瑞士会晤", date(2021, 12, 31), [("2021年6月16日", "2021-06-16")]),
    ("拜登将于周日（1月2日）与乌克兰总统", date(2022, 1, 1), [("周日（1月2日）", "2022-01-02")]),
    ("美国总统拜登周五（12月31日）表示", date(2022, 1, 1), [("周五（12月31日）", "2021-12-31")]),
    ("爱丽舍宫7日表示", date(2021, 12, 8), [("7日", "2021-12-07")]),
    ("美国总统拜登同俄罗斯总统普京将于本月7日举行视频会晤", date(2021, 12, 4), [("本月7日", "2021-12-07")]),
    ("预计俄罗斯将在明年1月下旬对其发动袭击", date(2021, 12, 8), [("明年1月下旬", "2022-01-21")]),
    ("自2018年7月普京与唐纳德·川普在赫尔辛基会晤以来", date(2021, 5, 25), [("2018年7月", "2018-07")]),
    ("这将是普京自去年1月访问以色列", date(2021, 5, 25), [("去年1月", "2020-01")]),
    ("美国在2014年尚未采取的措施", date(2021, 12, 8), [("2014年", "2014")]),
    ("十二月三十日", date(2022, 1, 1), [("十二月三十日", "2021-12-30")]),
    ("下周一", date(2022, 2, 21), [("下周一", "2022-02-28")]),
    ("上周五", date(2022, 2, 21), [("上周五", "2022-02-18")]),
    ("昨天", date(2022, 2, 21), [("昨天", "2022-02-20")]),
])
def test_expressions(text, published, expected):
    assert resolved(text, published) == expected


def test_ranges_keep_their_first_day_and_end():
    (d,) = find_dates("这些接触包括1月9日至10日的美俄安全会议", date(2022, 1, 1))
    assert d.text == "1月9日至10日" and d.value.iso() == "2022-01-09" and d.value.end == date(2022, 1, 10)
    (alt,) = find_dates("说他可能在3月19日或22日举行", date(2021, 5, 25))
    assert alt.value.iso() == "2021-03-19" and alt.value.end is None


def test_weekday_chooses_the_year_that_agrees():
    # 2022-01-10 is a Monday; 2021-01-10 a Sunday: the weekday settles the year
    (d,) = find_dates("周一（1月10日）", date(2021, 7, 1))
    assert d.value.iso() == "2022-01-10"


def test_month_only_publication_dates_leave_weekdays_open():
    (saturday,) = find_dates("周六，拜登和普京通话", date(2022, 2, 1), month_only=True)
    assert (saturday.value.iso(), saturday.value.weekday) == ("2022-02", 5)  # some Saturday in February
    assert resolved("2月12日，拜登和普京通话", date(2022, 2, 1), month_only=True) == [("2月12日", "2022-02-12")]


def test_same_day_refers_to_the_date_spoken_of():
    from diplograph.ingest.records import DateValue

    anchor = DateValue(date(2022, 2, 15))
    assert resolved("当天晚些时候", date(2022, 2, 16), anchor=anchor) == [("当天", "2022-02-15")]


def test_a_month_without_a_year_is_the_nearest_such_month():
    assert resolved("他们最后一次交谈，是9月份时的电话会议。", date(2021, 11, 16)) == [("9月份", "2021-09")]
    assert resolved("61岁的佐科则对11月的G20峰会充满信心。", date(2022, 8, 19)) == [("11月", "2022-11")]
    assert resolved("拜登上一次与莫迪交谈是在3月。", date(2022, 4, 12)) == [("3月", "2022-03")]
    assert resolved("在过去6个月里", date(2022, 4, 12)) == []


def test_same_day_after_a_date_in_the_sentence_is_that_date():
    assert resolved("据新华社北京6月15日电，国家主席习近平当日下午同俄罗斯总统普京通电话。", date(2022, 6, 16),
                    anchor=find_dates("自俄罗斯2月入侵乌克兰以来", date(2022, 6, 16))[0].value) == \
        [("6月15日", "2022-06-15"), ("当日", "2022-06-15")]


@pytest.mark.parametrize("text,expected", [
    ("还有二月六七号我记得哪天直播的时候", [("二月六七号", "2020-02")]),  # the 6th or 7th: February, no day
    ("2019年六七月间", [("2019年六七月", "2019")]),  # June or July: the year
    ("十三月五日", [("十三月五日", None)]),
])
def test_ambiguous_or_impossible_numbers_give_the_precision_they_allow(text, expected):
    assert resolved(text, date(2020, 3, 10)) == expected


def test_the_article_that_crashed_extraction_is_read(extractor):
    """gnews-hant-136577 (bulk) says 二月六七號; its extraction used to fail with a TypeError."""
    from support.paths import BULK, need_shared
    from diplograph.ingest.reader import read_file

    path = need_shared(BULK / "gnews" / "gnews-hant-136577.md")
    extraction = extractor.extract(read_file(path))
    assert extraction.statements


@pytest.mark.parametrize("text, published, first, last", [
    ("甚至在去年11月底跟越南国家主席的会晤中，双方也仅是保持2米左右的距离。", date(2021, 3, 1), "2020-11-21", "2020-11-30"),
    ("日本首相菅义伟正考虑在4月底至5月初的黄金周假期期间访问印度和菲律宾。", date(2021, 3, 10), "2021-04-21", "2021-04-30"),
    ("2022年初，俄罗斯总统弗拉基米尔·普京和中共国国家主席习近平发表联合声明，呼吁停止北约扩张。", date(2022, 9, 1),
     "2022-01-01", "2022-02-28"),
])
def test_a_part_of_a_month_or_year_is_a_range_from_its_first_day(text, published, first, last):
    """月底, 年初: a range, not the first of the month (the precision and the end say so)."""
    d = find_dates(text, published)[0]
    assert (d.value.value.isoformat(), d.value.end.isoformat()) == (first, last)


def test_the_years_of_an_anniversary_are_no_date():
    # bulk corpus: the summit is 2019's; 70周年 counts years
    assert resolved("2019年12月，北约成立70周年特别峰会首次将中国（中共）议题纳入正式议程。", date(2021, 6, 15)) == \
        [("2019年12月", "2019-12")]


def test_the_date_of_a_document_is_not_the_date_of_talks_about_it(extractor):
    """Dev corpus (gnews-hant-327246): Putin and Abe's talks are 2018's, and Japan and the Soviet Union in the
    declaration's name take no part in them."""
    from extract.helpers import article

    e = extractor.extract(article("2018年，普京和安倍同意根據1956年10月19日的日蘇宣言加強談判。", published="2022-02-10"))
    assert [(set(i.participants), i.date.iso()) for i in e.interactions] == [({"vladimir-putin", "shinzo-abe"}, "2018")]


@pytest.mark.parametrize("text, published, expected", [
    ("这不仅将影响纽约州民主党今后十年的政治优势，也牵动民主党能否在今年中期选举之后，继续维持国会众议院的控制权。", date(2022, 2, 5),
     [("今年", "2022")]),
    ("2022年5月3日，美国2022年中期选举拉开序幕，印第安纳州和俄亥俄州首先举行党内初选。", date(2022, 5, 4),
     [("2022年5月3日", "2022-05-03"), ("2022年", "2022")]),
])
def test_a_part_of_a_year_counts_only_where_it_ends_a_word(extractor, text, published, expected):
    # bulk corpus: 年中期选举 is the midterm election, not the middle of the year
    ends = frozenset(e for _, e in extractor.tokenizer.spans(text))
    assert resolved(text, published, word_ends=ends) == expected


def test_that_year_and_that_time_are_the_time_just_spoken_of(extractor):
    # bulk corpus, epochtimes/n13155176: 当年 is 2019, and 当时 opening the next sentence is 30 April 2019
    from extract.helpers import article

    e = extractor.extract(article(
        "接班库默的原副州长霍克尔，现在人们对她了解不多。但是我在查她履历的时候，无意间发现了中共驻纽约总领馆的网站上，有一则2019年5月2日的报导文章，是关于当年4月30日霍克尔造访纽约总领馆的事情。"
        "当时霍克尔还对中共驻纽约的大使黄屏说，纽约有大量华人和中国留学生以及中资企业，宣称纽约州会坚定支持对华合作。", published="2021-08-12"))
    assert [s.date.iso() if s.date else None for s in e.statements if s.speaker == "zh-霍克尔"] == ["2019-04-30"]


def test_a_weekday_the_article_dated_is_that_day_when_named_again(extractor):
    # dev2, epochtimes/n13377566 (dated 2021-11-16 in Beijing): 周一晚 is the 周一（11月15日） of the lede, not the 22nd
    e = extractor.extract(article("美国总统拜登将于美东时间周一（11月15日）晚与中国领导人习近平举行视讯会谈。",
                                  "不过周一晚的这次峰会将类似于一场更正式的双边会议。", published="2021-11-16"))
    assert {i.date.iso() for i in e.interactions} == {"2021-11-15"}
    # bulk corpus, epochtimes/n12877533: 周二（4月12日） of 2021 is a Monday, a slip that pairs nothing
    e = extractor.extract(article("美国国务院周五（4月9日）发布新指南，并于周二（4月12日）生效。",
                                  "中共外交部发言人赵立坚周二告诉记者，北京将进行“严正交涉”。", published="2021-04-13"))
    assert [s.date.iso() for s in e.statements if s.speaker == "zhao-lijian"] == ["2021-04-13"]
