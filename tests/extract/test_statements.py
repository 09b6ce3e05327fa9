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
    statements, _ = said("今年2月俄乌战前，习近平与普京会面，双方高调声明“合作无极限”，此后中方态度暧昧，倍受西方指责。", published="2022-09-16")
    assert sorted(statements) == [("vladimir-putin", None), ("xi-jinping", None)]


@pytest.mark.parametrize("sentence, speaker", [
    ("据澳大利亚保险委员会称，今年东海岸洪水造成的保险损失估计为 33.5 亿澳元（24 亿美元），是澳大利亚历史上损失最惨重的洪水。",
     "org-澳大利亚保险委员会"),
    ("据英国政府称，这是日本与欧洲国家达成的第一份此类协议。", "united-kingdom"),
])
def test_an_official_source_relayed_with_its_own_verb_speaks(said, sentence, speaker):
    assert said(sentence)[0][0][0] == speaker


def test_an_outlet_that_relays_does_not_speak(said):
    statements, _ = said("据路透社5月9日的报道，美国总统拜登周一(9日)表示，他担心俄罗斯总统普京在乌克兰战争中没有出路，"
                         "拜登称他正在努力想办法解决这个问题。", published="2022-05-10")
    assert [s for s, _ in statements] == ["joe-biden"]


def test_a_speech_to_a_body_in_session_is_addressed_to_it(said):
    statements, _ = said("9月22日，法国总统伊曼纽尔·马克龙（Emmanuel Macron）在联合国大会上要求派出国际调查团前往新疆展开调查。",
                         published="2020-09-23")
    assert statements == [("emmanuel-macron", "un-general-assembly")]


def test_a_summit_a_newspaper_hosts_is_not_the_newspaper_spoken_to(said):
    statements, _ = said("同日，坎贝尔在《华尔街日报》首席执行官理事会峰会上谈到台湾问题时说，拜登政府正在与台北政府进行更直接接触，"
                         "并为台湾防务提供帮助。", published="2021-05-05")
    assert [a for _, a in statements] == [None]


@pytest.mark.parametrize("sentence, speaker", [
    ("不过，白宫很快淡化了这些说法，称美国对台湾政策没有变化。", "white-house"),
    ("中共外交部在周一的例行新闻发布会上拒绝了这一说法，认为这种说法“完全没有根据”。", "chinese-foreign-ministry"),
])
def test_the_subject_of_the_clause_before_speaks_in_a_clause_with_none(said, sentence, speaker):
    """X did something, 称/认为…: the zero subject of the clause of saying is X."""
    assert [s for s, _ in said(sentence)[0]] == [speaker]


def test_clauses_of_what_was_said_have_no_speaker_of_their_own(said):
    statements, _ = said("德国总理安格拉·默克尔（Angela Merkel）周二早些时候表示，德国将封锁期限延长至4月18日，并呼吁国人复活节五天"
                         "假日待在家中，力阻COVID-19（中共病毒引发的疾病）第三波疫情。", published="2021-03-24")
    assert [s for s, _ in statements] == ["angela-merkel"]


@pytest.mark.parametrize("sentence, speaker", [
    ("文在寅表示，韩国将在G7高峰会上，针对疫情、经济、气候等问题与各国讨论对策。", "moon-jae-in"),
    ("欧盟方面说，这一次中欧峰会的目的是，要在年底前达成投资协议，中方必须解决市场对等开放等问题，而且是实质问题。",
     "european-union"),
])
def test_what_tells_of_an_event_is_said_about_it_not_in_it(said, sentence, speaker):
    """The event after the verb is what is spoken of: the statement has no addressee in it."""
    statements, _ = said(sentence, published="2021-06-10")
    assert (speaker, None) in statements


def test_a_described_subject_speaks_in_the_clause_after_that_has_none(said):
    # bulk corpus, epochtimes/n12924825
    pairs, _ = said("白宫印太政策协调官库尔特‧坎贝尔（Kurt Campbell）周二（5月4日）不认同取消对台湾“战略模糊”政策，敦促北京维护台海现状。",
                    published="2021-05-05")
    assert pairs == [("kurt-campbell", "china")]


@pytest.mark.parametrize("sentence", [
    "包括中国科技大学在内的中共机构也在大力发展量子计算技术，对IBM和Google等美国科技巨头的领先地位造成威胁。",
    "8月2日，“纽约香港关注组”（NY4HK）召集纽约港人与民众，在时代广场关注遭港府取消立法会参选资格的12人、失去港大教职的戴耀廷以及被逮捕的"
    "4位年轻人，并对港府通缉美国公民朱牧民表示抗议。",
])
def test_an_actor_inside_a_phrase_after_dui_does_not_speak(said, sentence):
    # bulk corpus (epochtimes/n13798979, bn2-n12306585, as read past its markup): 对… governs the actor
    assert "united-states" not in [s for s, _ in said(sentence)[0]]


def test_he_says_after_a_quotation_is_the_speaker_before_it(said):
    # bulk corpus, epochtimes/n12931879: the clause of 他说 begins after the quotation that opens the sentence
    pairs, _ = said("布林肯呼吁世卫总干事谭德塞像往年、在中共政府提出异议之前一样，邀请台湾以观察员身份参与WHA。",
                    "“台湾继续被排除在这个大会之外没有合理的理由。”他说。", published="2021-05-08")
    assert pairs == [("antony-blinken", "tedros-adhanom-ghebreyesus"), ("antony-blinken", None)]


def test_a_bare_title_speaks_for_the_one_holder_the_article_named(said):
    # bulk corpus, epochtimes/n12829973
    pairs, _ = said("纽约市市长白思豪（Bill de Blasio）说：“我们将确保安全。”",
                    "市长说，纽约市已经为超过340万人接种了疫苗，该州对50岁以上的人开放了接种疫苗的资格。", published="2021-03-23")
    assert pairs == [("bill-de-blasio", None), ("bill-de-blasio", None)]


def test_a_bare_title_is_not_a_former_holder_and_its_addressee_does_not_speak(said):
    # bulk corpus, epochtimes/bn2-n12470589: the article named 前总统奥巴马, and 总统 (Trump) speaks to the host
    pairs, _ = said("唐纳德·J·川普（特朗普）总统表示，即将解密的新文件会证实，前总统奥巴马与2016年总统候选人希拉里对其进行构陷。",
                    "周日，总统向“福克斯新闻”的玛丽亚·巴蒂罗莫（Maria Bartiromo）表示，这些文件透露奥巴马政府和希拉里·克林顿"
                    "（Hillary Clinton）竞选团队在通俄门调查中所做的事。", published="2020-10-12")
    speakers = {s for s, _ in pairs}
    assert "barack-obama" not in speakers and not any(s.startswith("zh-") for s in speakers)


def test_fen_xi_with_a_comma_after_it_is_said_and_not_as_a_noun(said):
    # bulk corpus, epochtimes/n13727156 and gnews/gnews-1983335
    pairs, _ = said("李正修认为，以中共自己的想法来看，讲这样的话等于有点在指责俄罗斯不该入侵乌克兰。",
                    "他分析，乌克兰向来跟中国大陆在经贸、军事方面的交流合作都很密切。", published="2022-05-03")
    assert pairs == [("lee-cheng-hsiu", None), ("lee-cheng-hsiu", None)]
    pairs, _ = said("这种能力，再加上北京无孔不入的外国数据收集和分析，可以解释中共外交官与面向国际的中共国家媒体协调。",
                    published="2022-01-26")
    assert pairs == []


def test_ping_lun_comments_like_fen_xi(said):
    """dev2, epochtimes/n13825805; bulk, epochtimes/n13042415: X评论，… speaks; 对此事有何评论 and 拒绝评论 do not."""
    pairs, _ = said("美国之音评论，习近平和普京的会晤好似“弃儿抱团取暖”。", published="2022-09-15")
    assert pairs == [("voa", None)]
    pairs, _ = said("《金融时报》评论，拜登政府考虑对中共的“接触政策”将引发美国鹰派的批评。", published="2021-05-10")
    assert pairs == [("financial-times", None)]
    pairs, _ = said("对此，白宫拒绝评论。", published="2022-09-15")
    assert pairs == []


@pytest.mark.parametrize("sentence, country", [
    # bulk corpus: epochtimes/n13681738, gnews/gnews-a2428247, epochtimes/n13320887
    ("意大利米兰理工大学表示，已经对中国籍教授陈贞的不当言行启动了内部调查。", "italy"),
    ("30、尼日利亚证券监管机构提议将加密货币公司的注册费提高400%，以应对该国法币奈拉的创纪录贬值。", "nigeria"),
    ("中国观察人士说，习近平21个月没出国主要反映了他的政府对COVID-19的极度谨慎。", "china"),
])
def test_a_country_that_qualifies_a_body_or_people_does_not_speak(said, sentence, country):
    assert country not in [s for s, _ in said(sentence, published="2021-10-22")[0]]


def test_a_verb_inside_the_name_of_a_law_says_nothing(said):
    # bulk corpus, epochtimes/bn2-n12452568: 披露 is part of the bill's name
    pairs, _ = said("9月30日，众议院通过了《强迫维吾尔人劳动披露法》，而就在前一周，众议院以压倒性结果通过了《防止强迫维吾尔劳动法》。",
                    published="2020-10-04")
    assert pairs == []


def test_what_one_failed_to_say_is_no_statement(said):
    # bulk corpus, epochtimes/n13391442 (also in dev2): 没能谴责, criticised for not condemning
    pairs, _ = said("杜特尔特过去一直因为没能谴责中共在有争议水域的行为而受到批评。", published="2021-11-23")
    assert pairs == []


@pytest.mark.parametrize("sentence, published, expected", [
    # bulk corpus: epochtimes/n13788128, n13727156, n13811343; jieba glues 时说, 中指 into one word
    ("美国最高军事将领、参谋长联席会议主席马克‧米利（Mark Milley）在访问印太地区时说，中共军队在过去五年里明显变得更具侵略性和危险性。",
     "2022-07-25", ("mark-milley", None)),
    ("3月下旬，中国驻美国大使秦刚接受凤凰卫视访问时说，中国和俄罗斯之间的合作没有禁区，但是“也是有底线的”。",
     "2022-05-03", ("qin-gang", "phoenix-tv")),
    ("韩国国家安保战略研究院在8月23日发表的报告中指，为了朝鲜半岛的和平与稳定，两国有必要调整互相的期望值。",
     "2022-08-24", ("org-韩国国家安保战略研究院", None)),
])
def test_a_verb_glued_to_the_end_of_its_scene_still_speaks(said, sentence, published, expected):
    assert said(sentence, published=published)[0] == [expected]


@pytest.mark.parametrize("sentence, published, expected", [
    # bulk corpus: epochtimes/bn2-n12452568 (推文说), n13789607 (并称); 又称 names, and says nothing
    ("乔治亚州的国会参议员凯利·洛夫勒（Kelly Loeffler）10月2日发推文说：“记住：中国（中共）将这种病毒传给了我们。”",
     "2020-10-04", [("kelly-loeffler", None)]),
    ("美联储主席鲍威尔强烈反对该报告的调查结果，并称其对一些雇员的描述不公平。", "2022-07-13", [("jerome-powell", None)]),
    ("习近平女儿习明泽个资外泄案（又称恶俗维基案）“主犯”牛腾宇被驳回上诉后，终获准与阔别了近两年的母亲在狱中见面。", "2021-05-19", []),
])
def test_a_one_character_verb_glued_to_an_adverb_or_an_object(said, sentence, published, expected):
    assert said(sentence, published=published)[0] == expected


def test_a_chinese_name_whose_first_two_characters_are_a_rare_dictionary_word_speaks(said):
    # bulk corpus, epochtimes/n13390267: 唐靖 is in jieba's dictionary, used twice
    pairs, _ = said("旅美时事评论员唐靖远则对大纪元表示，中共高层官员的生活腐化、男女关系混乱问题，有着制度化因素。",
                    published="2021-11-04")
    assert pairs == [("zh-唐靖远", "epoch-times")]


@pytest.mark.parametrize("sentence, published, speaker", [
    # bulk corpus: epochtimes/n13639450 and n12814641: people the text names in Latin letters only
    ("旅美投资顾问、中国问题专家Mike Sun表示，中共为了自身利益一定会支持俄罗斯。", "2022-03-18", "zh-Mike Sun"),
    ("The Intercept报道指出，在这笔拨款中有59.9万美元给了武汉病毒研究所。", "2021-09-08", None),
])
def test_a_person_named_in_latin_letters_speaks(said, sentence, published, speaker):
    speakers = [s for s, _ in said(sentence, published=published)[0]]
    assert speakers == ([speaker] if speaker else []) or (speaker is None and not any(s.startswith("zh-") for s in speakers))


def test_a_convenor_is_a_title_before_a_name(said):
    # bulk corpus, epochtimes/bn2-n12287759 (召集人 was no title, so the name after it went unfound)
    pairs, _ = said("新成立的政党“希望联盟”召集人田北俊认为，押后选举的说法，是建制派对自己选情无信心。", published="2020-07-31")
    assert pairs == [("zh-田北俊", None)]


def test_told_to_an_outlet_named_after_its_description(said):
    # bulk corpus (also dev2), epochtimes/n12826024: 美媒 describes Axios, the one told
    pairs, _ = said("美国国务院一名发言人告诉美媒Axios，美中在阿拉斯加会谈中“讨论了气候危机”，但双方并没有决定建立气候工作组。",
                    published="2021-03-23")
    assert pairs == [("us-state-department", "axios")]


def test_a_bare_ministry_is_the_one_the_article_named(said):
    # bulk corpus, epochtimes/n13437834: 外交部 after 中华民国外交部 is Taiwan's
    pairs, _ = said("中华民国外交部表示，访团成员横跨不同党派平时对议题立场虽不尽相同，但对台湾议题均一致相挺。",
                    "外交部表示，法国为台湾在欧洲第四大贸易伙伴（前三大依序为德、荷、英）。", published="2021-10-05")
    assert pairs == [("taiwan-foreign-ministry", None), ("taiwan-foreign-ministry", None)]


def test_a_pronoun_after_a_day_in_brackets_still_opens_the_clause(said):
    # bulk corpus, epochtimes/bn2-n12454388
    pairs, _ = said("美国总统川普和妻子确诊后，中共外交部发言人华春莹先称希望他们都能够尽快康复。"
                    "昨天（4日）她又发文说“希望所有的美国患者，都能得到像总统一样最好的治疗待遇”，此举遭到网民痛批。",
                    published="2020-10-05")
    assert [s for s, _ in pairs] == ["hua-chunying", "hua-chunying"]


def test_a_name_after_a_title_and_what_it_covers_in_brackets(said):
    # bulk corpus, epochtimes/n13652762 (经理 was no title, and the brackets hid the name)
    pairs, _ = said("港府医院管理局总行政经理（质素及标准）刘家献表示，现时共有10,522名染疫病人分别于各公立医院。", published="2022-03-15")
    assert pairs == [("zh-刘家献", None)]


@pytest.mark.parametrize("sentence, published, expected", [
    # bulk corpus, epochtimes/bn2-n12373879 (赖); dev2, epochtimes/bn2-n12418591 (赖, with a Latin gloss, after a
    # country that only qualifies the think tank named next)
    ("荃湾区议员赖文辉表示，政府以抗疫为由推迟立法会选举。", "2020-08-30", [("zh-赖文辉", None)]),
    ("印度智库“观察者研究基金会”（the Observer Research Foundation, ORF）研究员赖洁希（Rajeswari Pillai Rajagopalan）"
     "对《The Print》说。", "2020-09-21", [("zh-赖洁希", "org-The Print")]),  # told a publication: its addressee
])
def test_common_family_names_of_taiwan_and_hong_kong_open_discovered_names(said, sentence, published, expected):
    assert said(sentence, published=published)[0] == expected


@pytest.mark.parametrize("paragraphs, published, expected", [
    # dev2, epochtimes/n13662485: 该公司 is the consulting company named before
    (("上周末，政治咨询公司“欧亚集团”（Eurasia Group）分析，美中之间仍将保持紧张关系。",
      "该公司补充说，美国官员对中共的立场深感失望。"), "2022-03-21", ["eurasia-group", "eurasia-group"]),
    # bulk corpus, epochtimes/n12742490: 该统计机构 is the statistics office, not the Fed (nor anyone known)
    (("但是，俄罗斯联邦统计机构（Federal State Statistics Service）的数据显示，死亡人数更高。",
      "该统计机构说，其中有44,435人死于中共病毒或疑似中共病毒。"), "2021-02-08", []),
    # bulk corpus, epochtimes/n13603830: 这位参议员 after a quotation is the senator named before
    (("2022年2月17日，参议员迈克·布劳恩（Mike Braun）表示，中国正在“密切关注”美国如何应对。",
      "“我认为他们对此可精明得很。”这位参议员说。"), "2022-02-25", ["mike-braun", "mike-braun"]),
])
def test_a_demonstrative_phrase_speaks_for_the_one_named_with_that_noun(said, paragraphs, published, expected):
    assert [speaker for speaker, _ in said(*paragraphs, published=published)[0]] == expected


def test_the_words_of_a_quotation_do_not_negate_or_question_the_verb_after_it(said):
    # bulk corpus, epochtimes/n13788128: 是否 inside the quotation is Milley's, not a question about his saying it
    pairs, _ = said("美军参谋长联席会议主席米利（Mark Milley）不久前在接受英国广播公司（BBC）采访时表示，美国正在紧盯台海局势。"
                    "“它们（中共）是否会攻击，是一个政治选择，将基于中国（中共）如何评估那时的成本风险收益。”他说。",
                    published="2022-08-01")
    assert [speaker for speaker, _ in pairs] == ["mark-milley", "mark-milley"]


def test_a_body_before_a_description_with_a_topic_country_qualifies_the_person(said):
    # dev corpus, epochtimes/n13378156: 中国问题专家 names a topic; the institute before it is the expert's employer
    pairs, _ = said("华盛顿战略与国际研究中心中国问题专家斯科特·肯尼迪（Scott Kennedy）对路透社表示，双方都试图确立通话的目标。",
                    published="2022-03-18")
    assert pairs == [("scott-kennedy", "reuters")]


@pytest.mark.parametrize("sentence, published, expected", [
    # dev2, epochtimes/n13825805; bulk corpus, epochtimes/bn2-n12408274 and n13727156: an interview in the clause before
    # the verb of saying is given to that outlet (the last one its description names)
    ("国家安全发言人约翰‧柯比（John Kirby）周四在接受CNN采访时，谈到习近平和普京的这次会面，“全世界都应该联合起来”。",
     "2022-09-16", [("john-kirby", "cnn")]),
    ("意大利欧洲事务部长文森佐·阿曼多拉（Vincenzo Amendola）9月15日接受彭博社采访时，强调了意大利将与欧盟步调一致。",
     "2020-09-16", [("zh-阿曼多拉", "bloomberg")]),
    ("近日，乌克兰外长库列巴接受中共党媒新华社的书面专访，他强调乌克兰走欧洲道路。", "2022-06-24", [("dmytro-kuleba", "xinhua")]),
])
def test_an_interview_in_the_clause_before_the_verb_names_the_addressee(said, sentence, published, expected):
    assert said(sentence, published=published)[0] == expected


@pytest.mark.parametrize("sentence, published, expected", [
    # dev2, epochtimes/n13778139: two clauses of what he did, then one that opens with 对…
    ("当地时间周一（7月11日）上午，美国国务卿布林肯抵达东京，会见了日本首相岸田文雄，并对遭枪击去世的前首相安倍晋三表示哀悼。",
     "2022-07-12", ["antony-blinken"]),
    # bulk corpus, epochtimes/n13594509: 就 with a topic
    ("中共外交部长王毅19日在视频出席慕尼黑安全会议时，就中方对乌克兰局势的立场问题回答说：“所有国家的主权都应得到尊重。”",
     "2022-02-20", ["wang-yi"]),
    # bulk corpus, gnews-1071003: 就 as an adverb opens no topic
    ("我觉得他就想告诉这个中国的这些母亲们，不要去做这个无谓的牺牲。", "2022-03-01", []),
])
def test_a_clause_that_opens_with_a_prepositional_phrase_goes_on_with_the_subject_before(said, sentence, published, expected):
    assert [speaker for speaker, _ in said(sentence, published=published)[0]] == expected


@pytest.mark.parametrize("sentence, published, speaker", [
    # bulk corpus, epochtimes (seed-5 sample): a country right before a body speaks through the body, and a body
    # the lexicon has for one country is another country's own after that country's name
    ("英国国家统计局周二发布的报告称，在一月份的最后一周，英格兰和威尔士几乎有50%的人死于COVID-19。", "2021-02-10",
     "org-英国国家统计局"),
    ("意大利米兰理工大学表示，已经对中国籍教授陈贞的不当言行启动了内部调查。", "2021-06-10", "org-米兰理工大学"),
    ("台湾《自由时报》报导指，18日早，中共军机频频扰台。", "2020-09-19", "liberty-times"),
])
def test_a_country_before_a_body_speaks_through_that_body(said, sentence, published, speaker):
    assert [s for s, _ in said(sentence, published=published)[0]] == [speaker]


def test_questioning_is_a_criticism(said):
    # bulk corpus, epochtimes/bn2-n12307394: 质疑 says something (and finds the lawyer after her title)
    pairs, e = said("律师彭皓昕质疑此举超出调查需要，更怀疑警方想建立DNA资料库。", published="2020-10-10")
    assert pairs == [("zh-彭皓昕", None)] and [s.kind for s in e.statements] == ["criticise"]


def test_a_clause_that_opens_with_the_question_put_goes_on_with_the_subject_before(said):
    # dev2, epochtimes/n13826004
    pairs, _ = said("美国国务院发言人内德·普赖斯（Ned Price）在周四的新闻发布会上，被问及此次峰会的情况时表示，北京对这场战争感到"
                    "担忧“不足为奇”。", published="2022-09-16")
    assert pairs == [("ned-price", None)]


@pytest.mark.parametrize("sentence, published, expected", [
    # bulk corpus (seed-17 and seed-5 samples): 问道, 喊话, 感叹 say something
    ("斐济总理弗兰克‧白尼马拉马（Frank Bainimarama）在周二的会议开幕式上问道：“我们会一起前进吗？”", "2022-07-13",
     [("zh-白尼马拉马", None)]),
    ("福克斯主播威尔·凯恩在节目中感叹，“在美国联邦调查局搜查川普住所后，我们看到了国家永久撕裂的样子。”", "2022-08-12",
     [("zh-凯恩", None)]),
])
def test_asking_and_exclaiming_say_something(said, sentence, published, expected):
    assert said(sentence, published=published)[0] == expected


def test_the_spokesperson_after_an_unnamed_one_speaks_for_the_same_body(said):
    """dev2, epochtimes/n12826024: 美国国务院一名发言人 speaks for the State Department, and so does 该发言人 after it;
    an unnamed diplomat speaks for no body (bulk, epochtimes/bn2-n12459899: 一名匿名的联合国外交官说 … 该名外交官表示)."""
    pairs, _ = said("美国国务院一名发言人告诉美媒Axios，双方并没有决定建立气候工作组。",
                    "“中国代表了全球排放量的近30%。”该发言人说。",
                    "该发言人还说，为了实现《巴黎气候协定》的目标，中国还需要做更多的工作。", published="2021-03-22")
    assert pairs == [("us-state-department", "axios"), ("us-state-department", None), ("us-state-department", None)]
    pairs, _ = said("一名匿名的联合国外交官说，他们并未预期这么多国家会公开支持该声明。",
                    "该名外交官表示，她记得几名中共外交官曾刻意“恐吓”她。", published="2020-10-07")
    assert [speaker for speaker, _ in pairs].count("united-nations") <= 1


def test_those_who_issue_a_joint_statement_speak_in_the_clause_after_it(said):
    """dev2, epochtimes/n13377566 and n13826004; bulk, epochtimes/n12889514: 美国和中国 / 两国 / 两人 发表了联合声明，
    承诺/称… is said by both, to no one."""
    pairs, _ = said("美国和中国上周在格拉斯哥举行的气候峰会上发表了一份联合声明，承诺就向清洁能源的过渡进行合作。",
                    published="2021-11-15")
    assert sorted(pairs) == [("china", None), ("united-states", None)]
    pairs, _ = said("习近平和普京周四在撒马尔罕会晤。", "两国在北京冬奥会开幕前发表了联合声明，称他们的伙伴关系“没有限制”。",
                    published="2022-09-16")
    assert sorted(pairs) == [("china", None), ("russia", None)]
    pairs, _ = said("拜登周五在白宫与菅义伟举行会谈。", "会后两人发表联合声明，承诺两国将共同努力，应对来自中共的威胁。",
                    published="2021-04-17")
    assert sorted(pairs) == [("joe-biden", None), ("yoshihide-suga", None)]


def test_an_article_whose_title_reports_a_meeting_is_its_account(extractor):
    """Bulk, gnews/gnews-885181 (布林肯与杨洁篪一个通话的两个表述): what the two say is said to each other, until the
    article goes on to what came after the call (as gnews-2014776 of the dev corpus does: 肖尔茨在与普京会谈后还表示);
    a title that only wishes a meeting (bulk, gnews-a2424596: 北韩官媒称岸田欲与金正恩会谈) sets no scene."""
    from dataclasses import replace as with_

    from extract.helpers import article

    told = with_(article("杨洁篪表示，中美关系发展给两国人民带来巨大利益，也促进了世界和平和繁荣。",
                         "布林肯表示，美中关系对两国和世界都非常重要。", "杨洁篪在通话后表示，中方坚定维护国家主权。",
                         "杨洁篪还说，中美双方应该相互尊重彼此核心利益。", published="2021-02-05"),
                 title="布林肯与杨洁篪一个通话的两个表述")
    said = [(s.speaker, s.addressee) for s in extractor.extract(told).statements]
    assert said == [("yang-jiechi", "antony-blinken"), ("antony-blinken", "yang-jiechi"), ("yang-jiechi", None),
                    ("yang-jiechi", None)]
    wished = with_(article("岸田今天称未知悉报导。", published="2024-03-25"), title="北韩官媒称岸田欲与金正恩会谈")
    assert [s.addressee for s in extractor.extract(wished).statements] == [None]


def test_the_company_of_its_analyst_or_spokesperson_speaks(said):
    """dev2, epochtimes/n13662485: after 政治咨询公司“欧亚集团”…该公司补充说，美国官员…, 该公司的分析师在一份报告中表示
    is Eurasia Group (the officials of the clause after 该公司 are not described as a company); bulk,
    gnews/gnews-1635076: 该公司的高管后来表示 is the airline."""
    pairs, _ = said("上周末，政治咨询公司“欧亚集团”（Eurasia Group）分析，美中之间仍将保持紧张关系。",
                    "该公司补充说，美国官员对中共的立场深感失望。",
                    "该公司的分析师在一份报告中表示，中共不太可能对俄罗斯提供军事援助。", "该公司发言人表示，公司将继续运营。",
                    published="2022-03-21")
    assert [speaker for speaker, _ in pairs] == ["eurasia-group"] * 4


@pytest.mark.parametrize("sentence, published, speaker, addressee", [
    # bulk: epochtimes (海恩斯在参议院军事委员会作证时说), gnews (伯恩斯在参议院外委会的确认听证会上发言)
    ("海恩斯在参议院军事委员会作证时说：“我认为这将巩固中国人的看法。”", "2022-05-11", "avril-haines",
     "senate-armed-services-committee"),
    ("美国中央情报局局长伯恩斯今年早些时候在美国国会作证时说，伊斯兰国没有能力发动袭击。", "2021-08-24", "zh-伯恩斯",
     "us-congress"),
])
def test_testimony_is_addressed_to_the_body_it_is_given_before(said, sentence, published, speaker, addressee):
    pairs, _ = said(sentence, published=published)
    assert pairs == [(speaker, addressee)]


@pytest.mark.parametrize("sentence, published, expected", [
    # dev2, epochtimes/n13778139: the call, then what he said in it (与 names whom he called, not a second speaker)
    ("日本时间7月9日，美国总统拜登与岸田通了电话，表达了他的哀悼，拜登说：“我谨代表美国，表达我们最深切的慰问。”",
     "2022-07-11", [("joe-biden", "fumio-kishida")]),
    # bulk, epochtimes (戴琪与立陶宛外长通话，表示…; alone, the minister the article named is his country)
    ("美国贸易代表戴琪周三（1月5日）与立陶宛外长通话，表示在这场外交争端中，立陶宛可获美国支持。", "2022-01-06",
     [("katherine-tai", "lithuania")]),
    # dev2, gnews/gnews-a2344548 and the dev corpus, gnews-2014776: after the meeting, to no one in it
    ("哈马斯领导人伊斯梅尔·哈尼亚在会见卡塔尔埃米尔谢赫·塔米姆·本·哈马德·阿勒萨尼后表示，他的组织支持结束战争的努力。",
     "2024-02-27", [("ismail-haniyeh", None)]),
    ("肖尔茨在与俄罗斯总统普京会谈后还表示，现在“迫切需要”缓和局势。", "2022-02-17", [("olaf-scholz", None)]),
])
def test_what_a_party_says_after_the_sentence_told_the_event_is_said_in_it(said, sentence, published, expected):
    pairs, _ = said(sentence, published=published)
    assert pairs == expected
