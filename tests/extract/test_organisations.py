"""Organisations the lexicon lacks, found from their form, and bodies named inside titles (bulk-corpus sentences)."""
import pytest

from extract.helpers import article


@pytest.fixture(scope="module")
def read(extractor):
    def run(*paragraphs, published="2021-12-08"):
        return extractor.extract(article(*paragraphs, published=published))
    return run


@pytest.mark.parametrize("sentence, body", [
    ("澳洲葡萄与葡萄酒协会表示，关税一旦确定，澳洲就可以向世贸进行投诉。", "org-澳洲葡萄与葡萄酒协会"),
    ("印尼外交部表示，两国将签署关于教育、和平队和海上伙伴关系的双边协议。", "org-印尼外交部"),
    ("欧洲业界也要求拟定战略反制中国的“一带一路”，德国工业联盟（BDI）专家施卓克（Friedolin Strack）表示，光批评中国不够。",
     "org-德国工业联盟"),
])
def test_a_country_and_a_name_ending_in_a_body_word_is_an_organisation(read, sentence, body):
    e = read(sentence)
    assert body in e.mentioned
    assert next(a for a in e.actors if a.key == body).type == "Organization"


@pytest.mark.parametrize("sentence", [
    "目前相关各方正在努力让长赐号重新浮起，但参与救援的一家公司表示，这可能需要数周时间。",
    "点开始的美国众议院金融服务委员会的听证会之前，领导世界上一些最大的加密货币公司的高管在准备好的证词中表示，他们将普遍支持更清晰的规则。",
])
def test_a_kind_of_body_is_no_organisation(read, sentence):
    assert not [k for k in read(sentence).mentioned if k.startswith("org-")]


def test_a_body_word_at_the_head_of_a_title_names_the_countrys_body(read):
    e = read("在被媒体追问王毅缺席会晤的原因时，中共外交部发言人华春莹表示，中方不满日本跟随美国，还说日本没有资格就涉台问题说三道四。")
    assert "chinese-foreign-ministry" in e.mentioned and "hua-chunying" in [s.speaker for s in e.statements]


def test_a_minister_is_not_his_ministry(read):
    e = read("举推迟了一年后，德国外交部长马斯表示，德国将暂停与香港的引渡协议。", published="2020-08-01")
    assert [s.speaker for s in e.statements] == ["zh-马斯"]  # a person the lexicon knows by his full name only
    assert not [k for k in e.mentioned if "ministry" in k or k.startswith("org-")]


@pytest.mark.parametrize("sentence, body", [
    ("今年3月4日，由中国支持的亚洲基础设施投资银行（AIIB，简称亚投行）宣布，将停止与俄罗斯和白俄罗斯相关的业务。", "org-亚洲基础设施投资银行"),
    ("一周前《政治報》（Poliitiken）也透露，奧爾堡大學（Aalborg University）的研究人員已經幫助中共監控巨頭海康威視（Hikvision）開發了一種算法。",
     "org-政治报"),
])
def test_a_name_glossed_in_latin_that_ends_in_a_body_word_or_is_a_title_is_an_organisation(read, sentence, body):
    e = read(sentence, published="2022-03-06")
    assert body in [s.speaker for s in e.statements]


def test_a_glossed_body_starts_after_the_verb_before_it(read):
    e = read("《华日》援引利兹大学（University of Leeds）中国研究教授金斯利‧埃德尼（Kingsley Edney）的话说，“这是一个不同的世界，但中国也在"
             "发生变化”，当习近平再次出国时，对比会特别明显。")
    assert "org-利兹大学" in {m.actor for m in e.mentions} and "org-援引利兹大学" not in {m.actor for m in e.mentions}


def test_a_quoted_name_that_ends_in_no_body_word_is_no_organisation(read):
    e = read("周五（4月9日），美国海军西奥多‧罗斯福航空母舰打击群（TRCSG）和马金岛两栖戒备群（ARG）在南中国海展开“联合远征行动”"
             "（Expeditionary Strike Force operations）演习。", published="2021-04-10")
    assert not [m for m in e.mentions if m.actor.startswith("org-")]


def test_an_organisation_found_from_its_form_counts_only_where_it_acts(read):
    e = read("美国禁止美国公司直接购买由俄罗斯中央银行、国家安全基金或财政部发行的俄罗斯债券。")
    assert "org-俄罗斯中央银行" not in e.mentioned


@pytest.mark.parametrize("sentence, published, speaker", [
    # dev2, gnews-2138044 (the ministry's unnamed spokesperson; its central bank); bulk corpus, epochtimes/bn2-n12434403
    ("周三晚上，乌克兰外交部发言人表示，库莱巴已经抵达安塔利亚。", "2022-03-10", "ukrainian-foreign-ministry"),
    ("乌克兰央行呼吁越南、土耳其和亚美尼亚的银行停止使用俄罗斯米尔支付卡交易。", "2022-03-10", "org-乌克兰央行"),
    ("阿塞拜疆国防部说，亚美尼亚对其几个村庄的炮击造成平民伤亡。", "2020-09-28", "org-阿塞拜疆国防部"),
])
def test_an_unnamed_office_holder_or_a_central_bank_speaks_for_the_countrys_body(read, sentence, published, speaker):
    assert [s.speaker for s in read(sentence, published=published).statements] == [speaker]


@pytest.mark.parametrize("sentence, published, speaker", [
    # dev2, epochtimes/n13758085; bulk corpus, epochtimes/bn2-n12373879: 司令部 is a headquarters, not a commander
    ("中共东部战区司令部在一份声明中表示，一直在监视美舰。", "2022-06-12", "pla-eastern-theater-command"),
    ("对此，中华民国空军司令部31日发布新闻稿作出了正式回应，空军司令部并强调，空军均能掌握。", "2020-08-31", "taiwan-air-force"),
])
def test_a_headquarters_speaks_for_itself(read, sentence, published, speaker):
    assert [s.speaker for s in read(sentence, published=published).statements] == [speaker]


def test_an_institution_that_opens_a_longer_description_before_a_title_is_mentioned(read):
    # dev2, epochtimes/n12885495: the NSC opens the description of Campbell's post (a person's title names the body)
    e = read("白宫国家安全顾问杰克‧沙利文（Jake Sullivan），以及国家安全委员会印太地区协调员库尔特‧坎贝尔（Kurt Campbell）出席。",
             published="2021-04-17")
    assert "us-national-security-council" in e.mentioned and "kurt-campbell" in e.mentioned


@pytest.mark.parametrize("sentence, published, body", [
    # bulk corpus (Epoch Times and GNews): a body of a city, a province or a state, after the place or glued to it
    ("者是在哪里感染的呢？北京市疾控中心没有说明。", "2022-05-02", "org-北京市疾控中心"),
    ("中华能源基金会，聘请了香港民政事务局原局长何志平任秘书长。", "2021-11-20", "org-香港民政事务局"),
    ("上海市公安局表示，已经立案调查。", "2021-05-01", "org-上海市公安局"),
    ("香港高等法院周一裁定，案件将重审。", "2021-05-01", "org-香港高等法院"),
])
def test_a_place_and_a_name_ending_in_a_body_word_is_an_organisation(read, sentence, published, body):
    assert body in {a.key for a in read(sentence, published=published).actors}


def test_united_in_a_body_name_is_no_verb(read):
    # bulk corpus (seed-17 sample): 英国皇家联合研究所; 联合 is a verb in jieba's dictionary, and names many bodies
    e = read("英国智库皇家联合军种研究所表示，俄军损失惨重。", published="2022-03-01")
    assert [s.speaker for s in e.statements] == ["org-英国智库皇家联合军种研究所"]


@pytest.mark.parametrize("sentence, published, body", [
    # dev2, epochtimes/n13529062: the name starts after the kind of body (智库), not after the 对 of 对外
    ("非官方智库欧洲对外关系委员会（ECFR）高级政策研究员古斯塔夫‧格雷塞尔说，德国的政策是错误的。", "2022-01-26",
     "org-欧洲对外关系委员会"),
    # bulk, gnews-a2381220: a Latin name right after the kind of body, & and all
    ("国际海运数据网站Ship & Bunker（链接）于1月26日证实了这个消息。", "2024-01-29", "org-Ship & Bunker"),
    # bulk, epochtimes/n12867651
    ("达林说，他认为法国媒体监管机构CSA会密切关注CGTN的内容。", "2021-04-06", "org-CSA"),
])
def test_a_word_for_a_kind_of_body_opens_a_body_name(read, sentence, published, body):
    e = read(sentence, published=published)
    assert body in {m.actor for m in e.mentions}


def test_a_name_that_holds_a_kind_of_body_is_one_name(read):
    """Bulk, epochtimes/bn2-n12427842: 制造商 inside 法国电缆制造商专业协会 opens no shorter name (专业协会)."""
    e = read("2019年12月9日，法国电缆制造商专业协会（Sycabel）认为，中国制造的光纤光缆大量涌入对法国企业造成严重损害。",
             published="2020-09-10")
    assert [s.speaker for s in e.statements] == ["org-法国电缆制造商专业协会"]


def test_a_body_named_again_by_its_head_noun_is_that_body(read):
    """Bulk, epochtimes/n12755634 and gnews/gnews-1635076: 巴西环境部…环境部表示 is Brazil's ministry again; the head
    noun names the body only standing alone (再生元制药公司 is not 英国一家制药公司), and a word for any such body
    (执政党) names none."""
    e = read("巴西环境部周五证实，萨尔斯部长确诊。", "环境部表示，萨尔斯部长症状较轻。", published="2020-11-10")
    assert [s.speaker for s in e.statements] == ["org-巴西环境部", "org-巴西环境部"]
    e = read("英国葛兰素史克制药公司表示，疫苗有效。", "再生元制药公司表示，该公司将寻求授权。", published="2021-03-23")
    assert "org-英国葛兰素史克制药公司" not in [s.speaker for s in e.statements][1:]


@pytest.mark.parametrize("sentence, published, speaker, addressee", [
    # dev2, epochtimes/bn2-n12418591 and n13377566; bulk: an interview of 《商业内幕》 (Business Insider)
    ("“观察者研究基金会”研究员赖洁希（Rajeswari Pillai Rajagopalan）对《The Print》说，这是好事。", "2020-09-21",
     "zh-赖洁希", "org-The Print"),
    ("美国商会执行副总裁薄迈伦（Myron Brilliant）对《华日》表示：“我们需要建设性的务实态度。”", "2021-11-15",
     "zh-薄迈伦", "wall-street-journal"),
    ("分析师丹·艾夫斯在苹果发布会前接受《商业内幕》采访时说：“从头到尾，它将全部是iPhone。”", "2020-10-10",
     "zh-艾夫斯", "org-商业内幕"),
])
def test_a_publication_told_something_is_a_body_and_the_addressee(read, sentence, published, speaker, addressee):
    e = read(sentence, published=published)
    assert [(s.speaker, s.addressee) for s in e.statements] == [(speaker, addressee)]
