"""Actors in sentences: name forms, titles, offices, metonyms, discovered names."""
from datetime import date

import pytest


@pytest.fixture(scope="module")
def find(extractor):
    def run(text, on=date(2022, 2, 21)):
        from diplograph.ingest.normalize import normalize

        return [f for f in extractor.finder.find(normalize(text), on) if f.is_actor]
    return run


def heads(found):
    return [f.actor for f in found if not f.prefix]


@pytest.mark.parametrize("written", ["乔‧拜登", "乔·拜登", "乔・拜登", "拜登", "约瑟夫·拜登"])
def test_every_form_of_biden_is_one_actor(find, written):
    assert heads(find(f"美国总统{written}表示")) == ["joe-biden"]


@pytest.mark.parametrize("written", ["泽连斯基", "泽伦斯基", "沃洛德米尔‧泽连斯基", "澤倫斯基"])
def test_zelensky_transliterations(find, written):
    assert heads(find(f"{written}说")) == ["volodymyr-zelensky"]


def test_title_gives_role_and_country_is_a_mention_but_not_the_head(find):
    found = find("美国国务卿布林肯表示")
    assert [(f.actor, f.prefix) for f in found] == [("united-states", True), ("antony-blinken", False)]
    assert found[1].role == "美国国务卿"


def test_latin_name_in_parentheses_is_kept(find):
    (person,) = [f for f in find("白宫新闻发言人普萨基（Jen Psaki）在一份声明中表示") if not f.prefix]
    assert person.actor == "jen-psaki" and person.latin == "Jen Psaki"


def test_unknown_names_are_discovered_with_their_family_name_as_key(find):
    (dotted,) = heads(find("IMEMO RAS智库研究员德米特里‧斯特凡诺维奇（Dmitry Stefanovich）说"))
    assert dotted == "zh-斯特凡诺维奇"
    found = find("普京前顾问伊拉里奥诺夫（Andrei Illarionov）在接受德国之声采访时说")
    (titled,) = [f for f in found if f.type == "Person" and not f.prefix]
    assert (titled.actor, titled.latin) == ("zh-伊拉里奥诺夫", "Andrei Illarionov")
    assert [f.actor for f in found if f.prefix] == ["vladimir-putin"]  # Putin's adviser: Putin qualifies him


def test_a_given_name_before_a_known_family_name_is_that_person(find):
    for text in ("美国国务卿安东尼-布林肯表示", "美国国家安全顾问杰克沙利文表示"):
        (person,) = heads(find(text))
        assert person in ("antony-blinken", "jake-sullivan")


def test_unnamed_office_holder(find):
    (office,) = [f for f in find("法国总统表示，拜登和普京原则上同意举行峰会") if f.kind == "office"]
    assert office.actor == "emmanuel-macron"


def test_office_holder_depends_on_the_date(find):
    before = [f.actor for f in find("美国总统表示", on=date(2020, 6, 1)) if f.kind == "office"]
    after = [f.actor for f in find("美国总统表示", on=date(2022, 6, 1)) if f.kind == "office"]
    assert before == ["donald-trump"] and after == ["joe-biden"]


def test_capital_as_government_and_as_place(find):
    assert heads(find("莫斯科则表示否认")) == ["russia"]
    assert heads(find("肖尔茨在莫斯科同普京进行了会谈")) == ["olaf-scholz", "vladimir-putin"]


def test_title_wins_over_an_organisation_it_overlaps(find):
    # 俄罗斯外交部长 is the Russian foreign minister, not the ministry followed by 长
    found = find("俄罗斯外交部长谢尔盖·拉夫罗夫（Sergey Lavrov）表示")
    assert heads(found)[0] == "sergey-lavrov"


def test_country_abbreviations_in_compounds(find):
    assert heads(find("美俄峰会可能会为摆脱危机提供一条道路")) == ["united-states", "russia"]


def test_blocked_phrases_name_no_actor(find):
    assert heads(find("合作抗击大流行性中共冠状病毒")) == []


def test_hong_kong_spelling_of_putin(extractor):
    from extract.helpers import article
    e = extractor.extract(article("美国国务卿安東尼·布林肯、拜登总统、普金总统、俄罗斯外长拉夫罗夫在会谈开始前在座。", published="2021-06-16"))
    assert "vladimir-putin" in {m.actor for m in e.mentions}


# Names the lexicon lacks, written in Chinese characters: after a role word, or before a Latin name (bulk corpus).
@pytest.mark.parametrize("sentence, name", [
    ("国防安全研究院另一位研究员陈亮智则说，美国单独核拨对台无偿军费也有弥补对台军售交货延宕的作用。", "zh-陈亮智"),
    ("“香港编年史”被封网初期，总编辑陈妍茵表示，与之共用同一IP地址的其它网站亦受到一定程度的影响。", "zh-陈妍茵"),
    ("据《证券时报》的消息，广东省住房政策研究中心首席研究员李宇嘉表示，深圳房价近两年来首次“下跌”。", "zh-李宇嘉"),
])
def test_a_chinese_name_after_a_role_is_discovered(find, sentence, name):
    assert name in heads(find(sentence))


def test_a_weekday_or_a_word_after_a_role_is_no_name(find):
    found = find("华盛顿还对俄罗斯和中国在最高级别的合作表示担忧，一名高级政府官员周六表示，这两个国家“正在努力破坏我们”。")
    assert not [f for f in found if f.kind == "discovered"]
