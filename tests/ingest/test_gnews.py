"""GNews markdown: captions glued to images, and the date of the source a month-only article translates."""
import pytest

from diplograph.ingest.formats.gnews import parse

HEAD = "## 标题\n` 作者 ` [轉載自GNews](https://gnews.org/zh-hans/1/)\n\n"


def test_caption_after_an_image_before_the_first_paragraph_is_content():
    parsed = parse(HEAD + "![](https://assets.gnews.org/wp-content/uploads/2022/02/9592.jpg)"
                   "美国总统拜登在戴维营与俄罗斯总统普京通话并发出警告（2022年2月12日）\n"
                   "据美国之音2月13日报道，美国总统拜登警告俄罗斯总统普京。\n")
    assert parsed.blocks[0] == ("caption", "美国总统拜登在戴维营与俄罗斯总统普京通话并发出警告（2022年2月12日）")


def test_short_image_credit_before_the_first_paragraph_is_dropped():
    parsed = parse(HEAD + "![](https://assets.gnews.org/wp-content/uploads/2022/02/1.jpg)图片来自网络\n"
                   "据美国之音2月13日报道，美国总统拜登警告俄罗斯总统普京。\n")
    assert [k for k, _ in parsed.blocks] == ["paragraph"]


def test_month_only_article_takes_the_date_of_its_source_link():
    parsed = parse(HEAD + "![](https://assets.gnews.org/wp-content/uploads/2022/02/7V5.jpg)\n\n资料来源：路透社\n\n"
                   "美国总统乔·拜登和俄罗斯总统弗拉基米尔·普京将于周六发表讲话。\n\n"
                   "🔗 [拜登和普京对乌克兰危机发表讲话](https://www.reuters.com/world/biden-putin-speak-ukraine-warnings-mount-2022-02-12/)\n")
    assert (parsed.published.date().isoformat(), parsed.precision) == ("2022-02-12", "day")


def test_reference_line_date_counts_but_not_one_of_another_month_or_an_inline_link():
    body = ("![](https://assets.gnews.org/wp-content/uploads/2022/02/23ukraine.jpg)\n\n"
            "消息称，[拜登在与普京会谈](https://www.cnbc.com/2022/02/06/biden-to-warn-putin.html)。\n\n")
    assert parse(HEAD + body).precision == "month"
    assert parse(HEAD + body + "**参考资料：**[newsmax][Putin Orders](https://www.newsmax.com/2021/12/23/id/1/)\n").precision == "month"
    parsed = parse(HEAD + body + "**参考资料：**[newsmax][Putin Orders](https://www.newsmax.com/newsfront/2022/02/23/id/1/)\n")
    assert parsed.published.date().isoformat() == "2022-02-23"


# Bulk GNews files that used to be skipped for want of a date, with the date the file gives and where
# (the manifest's repository dates lag these by one to seven days).
DATED = [
    ("gnews-977649.md", "2021-03-13"),   # 发布时间：2021年3月13日 in the credits line
    ("gnews-981802.md", "2021-03-16"),   # ## 2021年3月16日 文贵先生盖特 4 (the title)
    ("gnews-1322896.md", "2021-06-08"),  # 【路德时评摘要】2021.6.8 晚间 (the title)
    ("gnews-2376946.md", "2022-04-19"),  # 4/19/2022【419五周年】 (the title, month first)
    ("gnews-1673556.md", "2021-11-17"),  # the tweet it translates: — Rep. Mike Waltz … [November 17, 2021]
    ("gnews-688880.md", "2020-12-27"),   # 12月27日凌晨 in the opening, in the days after the tweet of 2020-12-24
    ("gnews-2341469.md", "2022-04-13"),  # 截至4.13 俄乌战事汇总 (a day of the month the images were uploaded in)
    ("gnews-1648426.md", "2021-11-08"),  # 日本要闻汇编 11月8日
]


def test_a_day_the_title_remembers_or_a_figure_is_no_publication_day():
    from support.paths import BULK, need_shared
    from diplograph.ingest.reader import read_file

    remembered = read_file(need_shared(BULK / "gnews" / "gnews-1879818.md"))  # 爆料革命——历史的今天12月08日
    figure = read_file(BULK / "gnews" / "gnews-1878916.md")  # 全国百家百货零售业绩减5.7%
    assert remembered.published_precision == figure.published_precision == "month"


@pytest.mark.parametrize("name,day", DATED)
def test_the_date_written_in_the_title_credits_or_source_is_found(name, day):
    from support.paths import BULK, need_shared
    from diplograph.ingest.reader import read_file

    article = read_file(need_shared(BULK / "gnews" / name))
    assert (article.published.date().isoformat(), article.published_precision) == (day, "day")


def test_an_article_with_no_date_anywhere_is_kept_undated():
    from support.paths import BULK, need_shared
    from diplograph.ingest.reader import read_file

    article = read_file(need_shared(BULK / "gnews" / "gnews-2055123.md"))
    assert article.published is None and article.title == "俄会灭掉共，中国人会付出巨大的代价"


def test_a_digest_of_links_or_a_numbered_summary_is_an_article_and_a_page_of_credits_is_not():
    from support.paths import BULK, need_shared
    from diplograph.ingest.reader import read_file
    from diplograph.ingest.records import Skipped

    digest = read_file(need_shared(BULK / "gnews" / "gnews-hant-321925.md"))  # [1.沃爾瑪證實…](url) …
    assert any(b.original.startswith("4.微軟參與協助中共軍方代理機構") for b in digest.blocks)
    summary = read_file(BULK / "gnews" / "gnews-838948.md")  # 内容摘要：1.中共新反腐运动直指…
    assert "1.中共新反腐运动直指军内权利大扫荡" in [b.original for b in summary.blocks]
    credits = read_file(BULK / "gnews" / "gnews-hant-341029.md")  # By：【秘密翻譯組G-Translators】, nothing else
    assert isinstance(credits, Skipped) and credits.reason.startswith("no Chinese body text (gnews format; only")
