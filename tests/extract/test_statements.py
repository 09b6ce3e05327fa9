"""Statements on real sentences: speakers, addressees, quotes, pronouns, relays."""
import pytest

from extract.helpers import article


@pytest.fixture(scope="module")
def said(extractor):
    def run(*paragraphs, published="2022-02-21"):
        e = extractor.extract(article(*paragraphs, published=published))
        return [(s.speaker, s.addressee) for s in e.statements], e
    return run


@pytest.fixture(scope="module")
def find_heads(extractor):
    from datetime import date

    def run(text):
        tokens = tuple(extractor.tokenizer.spans(text))
        return [f.actor for f in extractor.finder.find(text, date(2022, 2, 21), None, tokens) if f.is_actor and not f.prefix]
    return run


def test_subject_and_speech_verb(said):
    assert said("克里姆林宫周一（2月21日）表示，峰会“尚无具体计划”。")[0] == [("kremlin", None)]


def test_telling_verbs_take_the_addressee(said):
    assert said("周日，布林肯告诉美国有线电视新闻网，他计划本周与拉夫罗夫会面。")[0] == [("antony-blinken", "cnn")]
    assert said("白宫在一份声明中表示，拜登警告普京，如果在乌克兰出现军事升级，俄罗斯将受到制裁。", published="2021-12-08")[0] == \
        [("white-house", None), ("joe-biden", "vladimir-putin")]


def test_addressee_of_zhi_and_interviews(said):
    statements, _ = said("佩斯科夫在致路透社的一项声明中表示，主要的分歧在于乌克兰的紧张局势。", published="2021-12-08")
    assert statements == [("dmitry-peskov", "reuters")]


def test_quote_first_form(said):
    statements, e = said("“我们时刻准备着外交。如果俄罗斯转而选择战争，我们也准备好施加后果。”普萨基说。")
    assert statements == [("jen-psaki", None)]
    assert e.statements[0].quote.startswith("我们时刻准备着外交")


def test_pronoun_takes_the_last_speaker(said):
    statements, _ = said("克里姆林宫发言人德米特里·佩斯科夫（Dmitry Peskov）周一表示，普京和拜登之间可能随时举行电话会议。他说，紧张局势正在加剧。")
    assert statements == [("dmitry-peskov", None), ("dmitry-peskov", None)]


def test_pronoun_inside_a_sentence_is_the_earlier_speaker(said):
    statements, _ = said("另一方面，克里姆林宫表示，普京告诉拜登，华盛顿的做法是错误的，他还要求拜登保证北约不会扩张。", published="2021-12-08")
    assert statements == [("kremlin", None), ("vladimir-putin", "joe-biden")]


def test_zero_subject_continues_the_clause_before(said):
    statements, _ = said("西方国家指责俄罗斯打算入侵乌克兰，莫斯科则表示否认，但要求美国和北约提供全面的安全保证。")
    assert ("russia", "united-states") in statements


def test_relayed_reports_are_not_the_outlets_statements(said):
    statements, _ = said("据美联社报导，拜登和普京交谈了将近一个小时的时间。", published="2021-12-31")
    assert statements == []


def test_negated_and_possessive_uses_are_no_statements(said):
    assert said("美俄双方都没有立即公布两国元首的谈话内容。")[0] == []
    assert said("普京的这些要求将在日内瓦会谈期间讨论。")[0] == []


def test_unnamed_office_holder_speaks_when_named_elsewhere(said):
    statements, _ = said("在此之前，法国总统表示，拜登和普京原则上同意就乌克兰问题举行峰会。", "法国总统马克龙与普京通话。")
    assert statements[0] == ("emmanuel-macron", None)


def test_according_to_and_passive_attribution(said):
    statements, _ = said("根据白宫的说法，拜登发起了这次谈话。", published="2021-05-25")
    assert statements == [("white-house", None)]


def test_said_in_the_event_the_sentence_sets_is_to_the_other_side(said):
    statements, _ = said("在中美元首之间举行的视频会晤上，美国总统乔·拜登提出了美国在人权、台海问题上对中国的担忧。", published="2021-11-16")
    assert statements == [("joe-biden", "xi-jinping")]
    statements, _ = said("中共官媒新华社报导，王毅周一在与乌克兰外长德米特里‧库列巴（Dmytro Kuleba）的会谈中重申了中方希望停火的愿望。",
                         published="2022-04-05")
    assert ("wang-yi", "dmytro-kuleba") in statements


def test_said_at_a_press_conference_of_the_event_is_to_no_one(said):
    statements, _ = said("“（若）纳瓦尼死亡将再次表明，俄罗斯几乎无意遵守基本人权。”拜登在周一（6月14日）的北约峰会新闻发布会上说。",
                         published="2021-06-15")
    assert statements == [("joe-biden", None)]


def test_an_account_goes_on_after_this_video_meeting(said):
    statements, _ = said("中美两国元首举行视频会晤。", "在15日凌晨举行的这场视频会晤之初，拜登指出，“作为国家领导人，双方有责任确保中美关系不会转向公开冲突。”",
                         published="2021-11-16")
    assert statements == [("joe-biden", "xi-jinping")]


# The speaker is the head of the phrase before the verb: a country or body followed by a description that ends in
# a role word is the person's affiliation (sentences of the bulk corpus).
@pytest.mark.parametrize("sentence, speaker", [
    ("美国国家利益中心研究员保罗·海尔（Paul Heer）也说，中国的利益将受到威胁。", "zh-海尔"),
    ("台湾政治大学外交系教授李登科在接受大纪元采访时表示，他认为中共在外交方面特别针对俄乌战争，态度没有什么重大转变。", "zh-李登科"),
    ("澳大利亚国立大学国际安全和情报研究教授布拉克斯兰德（John Blaxland）告诉《卫报》，中共军事扩张呈“指数式”增长。", "zh-布拉克斯兰德"),
    ("加拿大华裔作家盛雪指出，华为可以说是中共用高科技向全世界渗透的“战略核潜艇”。", "zh-盛雪"),
])
def test_an_affiliation_before_a_role_is_not_the_speaker(said, sentence, speaker):
    statements, e = said(sentence)
    assert [s for s, _ in statements] == [speaker]
    assert speaker in e.mentioned and len(e.mentioned) > 1  # the affiliation is still mentioned


def test_a_verb_between_a_country_and_a_person_keeps_them_apart(find_heads):
    assert find_heads("美国制裁了俄罗斯外长拉夫罗夫") == ["united-states", "sergey-lavrov"]


@pytest.mark.parametrize("sentence, speaker, addressee", [
    ("川普谴责中共在武汉爆发疫情初期，只限制了从武汉出发的国内航班，但却不限制国际航班，导致疫情向国外输出。", "donald-trump", None),
    ("德克萨斯州参议员特德‧克鲁兹（Ted Cruz）迅速做出回应，告诉中共什么叫“国际规则”。", "ted-cruz", "china"),
])
def test_a_verb_before_zhonggong_is_a_verb_not_a_noun_in(said, sentence, speaker, addressee):
    """谴责中共, 告诉中共: 中 starts the name 中共 here, it is not the 中 of 在声明中."""
    statements, _ = said(sentence)
    assert statements[0] == (speaker, addressee)


def test_a_verb_jieba_glued_to_the_word_before_still_speaks(said):
    statements, _ = said("“他们还讨论了双边合作、区域合作、如何应对民主和人权面临的挑战，以及气候危机和 COVID-19（中共病毒）大流行。”"
                         "普莱斯在声明中说。", published="2021-12-10")
    assert [s for s, _ in statements] == ["ned-price"]


def test_a_full_name_makes_the_family_name_stand_for_that_person(said):
    statements, _ = said("白宫国安会中国事务资深主任罗拉･罗森伯格(Laura Rosenberger)，资料照。",
                         "罗森伯格说，拜登政府也将在某些能够有弹性的领域与盟友合作，促进美国与台湾的关系。", published="2021-04-01")
    assert [s for s, _ in statements] == ["laura-rosenberger"]


def test_a_transcript_turn_speaks_and_its_first_person_verbs_too(said):
    """An interview (bulk: epochtimes/bn2-n12162113.md): `加夫尼：…` is his turn; 我相信 later in it is his too; a line
    that opens with a headline or a country and a noun is nobody's turn."""
    statements, _ = said("弗兰克‧加夫尼（Frank Gaffney）说，这场瘟疫让中共原形毕露。",
                         "加夫尼：关于这些问题，我相信我可以代表委员会讲话。我认为这些人头脑过于简单。",
                         "美国疫情：病例和死亡人数最多的十州。", published="2020-06-05")
    assert [s for s, _ in statements] == ["zh-加夫尼", "zh-加夫尼", "zh-加夫尼"]


def test_a_joint_statement_is_both_sides_to_no_one(said):
    """Bulk: a meeting, then 双方高调声明 — both speak, together, to no one."""
    statements, _ = said("今年2月俄乌战前，习近平与普京会面，双方高调声明，中俄友谊“无上限”，合作“无禁区”。", published="2022-09-16")
    assert sorted(statements) == [("vladimir-putin", None), ("xi-jinping", None)]


def test_they_say_is_no_joint_statement(said):
    statements, _ = said("今年2月俄乌战前，习近平与普京会面。", "他们表示，他们最关心的是如何应对政治局势。", published="2022-09-16")
    assert [s for s in statements if s[0] in ("vladimir-putin", "xi-jinping")] == []


@pytest.mark.parametrize("sentence, speaker", [
    ("据美国商务部称，捷克、德国、意大利和瑞典已表示愿意提供无人机和潜艇，而美国除了支持菲律宾军队的现代化努力外，"
     "每年还向该国安全部队提供 1.2 亿美元的赠款。", "us-commerce-department"),
    ("据英国政府称，这是日本与欧洲国家达成的第一份此类协议。", "united-kingdom"),
])
def test_an_official_source_relayed_with_its_own_verb_speaks(said, sentence, speaker):
    assert said(sentence)[0][0][0] == speaker


def test_an_outlet_that_relays_does_not_speak(said):
    statements, _ = said("据路透社5月9日的报道，美国总统拜登周一(9日)表示，他担心俄罗斯总统普京在乌克兰战争中没有出路，"
                         "拜登称他正在努力想办法解决这个问题。", published="2022-05-10")
    assert [s for s, _ in statements] == ["joe-biden"]
