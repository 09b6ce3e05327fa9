"""GNews markdown: captions glued to images, and the date of the source a month-only article translates."""
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
