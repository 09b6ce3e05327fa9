"""Who took part in an interaction, and when: the people who met, in the clause that dates them (bulk sentences)."""
import pytest

from extract.helpers import article


@pytest.fixture(scope="module")
def met(extractor):
    def run(*paragraphs, published="2022-05-12"):
        e = extractor.extract(article(*paragraphs, published=published))
        return [(i.type, tuple(sorted(i.participants)), i.date.iso() if i.date else None, i.status) for i in e.interactions]
    return run


def test_calls_one_after_another_are_one_call_each(met):
    items = met("5月9日、10日，中共党魁习近平连续两天先后与德国总理舒尔茨、法国总统马克龙进行了通话。")
    assert len(items) == 2 and all(len(i[1]) == 2 and "xi-jinping" in i[1] for i in items)
    assert "emmanuel-macron" in items[0][1] + items[1][1]


def test_a_meeting_with_two_others_is_one_meeting_of_three(met):
    items = met("马克龙星期五（15日）在结束与德国总理朔尔茨（Olaf Scholz）和波兰总理图斯克（Donald Tusk）的会谈後，"
                "接受《巴黎人报》的采访。", published="2024-03-16")
    assert [i[1] for i in items] == [("donald-tusk", "emmanuel-macron", "olaf-scholz")]


@pytest.mark.parametrize("sentence, published, day", [
    ("7月29日，美日首次“经济2+2”（外长级与商务部长级官员）会谈在华盛顿召开，美日官员在会谈上宣布，启动建立新的研发机构。",
     "2022-08-09", "2022-07-29"),
    ("根据美国贸易代表办公室新闻稿，上周五（5月20日），台湾行政院经贸谈判办公室总谈判代表邓振中（John Deng）在泰国与"
     "美国贸易代表戴琪（Katherine Tai）举行了双边会谈。", "2022-05-27", "2022-05-20"),
])
def test_a_time_that_opens_the_sentence_dates_its_event(met, sentence, published, day):
    assert [i[2] for i in met(sentence, published=published)] == [day]


def test_a_date_that_bounds_a_period_is_not_the_events(met):
    items = met("4月11日，奥地利总理内哈默访问了位于莫斯科郊区的俄罗斯总统官邸，并与普京总统进行了会晤。"
                "这是自2月24日俄罗斯入侵乌克兰以来，欧盟成员国领导人与普京之间的首次面对面会谈。", published="2022-04-12")
    assert "2022-02-24" not in [i[2] for i in items] and items[0][2] == "2022-04-11"


def test_a_clause_going_on_with_yu_takes_the_subject_of_the_clause_before(met):
    items = met("3日上午，佩洛西参访立法院；与台积电董事长谈芯片问题；随后与蔡英文总统会面，获颁“特种大绶卿云勋章”，"
                "并举办媒体互动会。", published="2022-08-04")
    assert items == [("Meeting", ("nancy-pelosi", "tsai-ing-wen"), "2022-08-03", "held")]


def test_a_deputy_head_holds_no_summit(met):
    items = met("8月11日报导说，美国财政部正在与中方协商耶伦访问中国的事宜，包括她与中共国务院副总理刘鹤举行会晤，"
                "但相关协商仍在初期阶段。", published="2021-08-12")
    assert [i[0] for i in items if "liu-he" in i[1]] == ["Meeting"]


def test_a_summit_that_hosts_a_meeting_is_its_occasion(met):
    # bulk corpus, epochtimes/n13821414
    items = met("俄罗斯国家通讯社塔斯社（Tass）报导，俄罗斯驻华大使安德烈‧杰尼索夫（Andrey Denisov）9月7日表示，习近平和普京将于9月15日至16日"
                "在乌兹别克斯坦召开的“上海合作组织”峰会期间会面。", published="2022-09-08")
    assert [(t, set(p), d, st) for t, p, d, st in items] == [("Summit", {"xi-jinping", "vladimir-putin"}, "2022-09-15", "planned")]


def test_a_body_named_as_the_venue_is_no_party(met):
    items = met("特朗普国家安全顾问迈克尔-弗林（Michael Flynn）中将（美军退役）周五晚在白宫与特朗普就有争议的总统大选进行了会面，"
                "称特朗普正在被“从内部背叛”。", published="2020-12-20")
    assert [set(i[1]) for i in items] == [{"michael-flynn", "donald-trump"}]


def test_a_building_after_zai_is_the_venue_and_a_gloss_is_no_party(met):
    items = met("2022年3月8日，法国总统马克龙在巴黎爱丽舍宫与德国总理肖尔茨（屏幕右下）和中共总书记习近平（屏幕上）举行视频会议，"
                "讨论乌克兰危机。", published="2022-03-09")
    assert [set(i[1]) for i in items] == [{"emmanuel-macron", "olaf-scholz", "xi-jinping"}]


@pytest.mark.parametrize("sentence, published", [
    ("而即将离任的日本首相菅义伟也正在规划他的华盛顿之行，除了出席四国集团高峰会外，也希望在离任前通过与拜登总统的双边会晤，"
     "进一步加强美日联盟关系。", "2021-09-20"),
])
def test_a_wished_meeting_is_proposed(met, sentence, published):
    items = [i for i in met(sentence, published=published) if "joe-biden" in i[1] and "yoshihide-suga" in i[1]]
    assert items and all(i[3] == "proposed" for i in items)



def test_a_countrys_call_on_the_day_the_article_names_its_person_is_the_persons(met):
    # dev corpus (not annotated), epochtimes/n13740117: the second report says 美国 where the first named Sullivan
    items = met("白宫表示，美国国家安全顾问杰克·沙利文（Jake Sullivan）周三（5月18日）与中共最高外交官杨洁篪通话，重点关注区域安全问题和防扩散问题。",
                "沙利文表示，美国正在就此事与韩国和日本密切协调，并在周三与杨洁篪通电话时讨论了朝鲜问题。", published="2022-05-19")
    assert {i[1] for i in items} == {("jake-sullivan", "yang-jiechi")}


def test_a_company_where_they_met_is_the_venue(met):
    # bulk corpus, epochtimes/n13747766
    items = met("韩媒普遍认为，拜登与尹锡悦在三星电子平泽工厂的会面，启动了尹锡锐政府要建设“半导体超级大国”的愿望。", published="2022-06-01")
    assert [set(i[1]) for i in items] == [{"joe-biden", "yoon-suk-yeol"}]


def test_a_ministerial_conference_that_hosts_talks_is_their_occasion(met):
    # bulk corpus, epochtimes/n13758997: the talks are the two officials', on the 13th; the WTO conference only hosts them
    items = met("台湾政务委员邓振中13日与立陶宛外交部政务次长卡罗布里斯在世贸组织部长会议期间举行了双边会谈。", published="2022-06-14")
    assert items == [("Talks", ("zh-卡罗布里斯", "zh-邓振中"), "2022-06-13", "held")]


def test_a_meeting_verb_with_no_subject_goes_on_with_the_travellers(met):
    # bulk corpus: 21日一同访问了…基辅 has no subject of its own, nor has 并会见了; the visitors named first meet
    items = met("台媒4月23日报道，西班牙首相桑切斯与丹麦首相弗雷德里克森，21日一同访问了乌克兰首都基辅，并会见了泽连斯基总统。",
                published="2022-04-24")
    assert [(set(i[1]), i[2], i[3]) for i in items] == \
        [({"pedro-sanchez", "mette-frederiksen", "volodymyr-zelensky"}, "2022-04-21", "held")]


def test_the_body_that_names_the_summit_hosting_a_meeting_is_no_party(met):
    # bulk corpus, epochtimes/n13769746: NATO's summit is the occasion of the three leaders' meeting
    items = met("韩国总统尹锡悦、美国总统拜登和日本首相岸田文雄将于当地时间6月29日下午在马德里举行的北约峰会上举行会晤。",
                published="2022-06-29")
    assert {frozenset(i[1]) for i in items} == {frozenset({"yoon-suk-yeol", "joe-biden", "fumio-kishida"})}
    assert {(i[2], i[3]) for i in items} == {("2022-06-29", "planned")}


def test_an_account_of_a_dated_call_told_next_has_its_day(met):
    # bulk corpus, epochtimes/n13485590: the second sentence tells of the call the first dated
    items = met("美国贸易代表戴琪周三（1月5日）与立陶宛外长通话，表示在这场外交争端中，立陶宛可获美国支持。",
                "据彭博社报导，戴琪（Katherine Tai）与立陶宛外长格比亚鲁斯‧蓝斯柏吉斯（Gabrielius Landsbergis）通话时表示，"
                "美国和欧盟都是民主市场经济体。", published="2022-01-06")
    assert [i[2] for i in items] == ["2022-01-05", "2022-01-05"]


def test_a_past_call_takes_no_day_from_a_summit_still_to_come(met):
    # bulk corpus (also dev2), epochtimes/n13377566: the calls were before; the video summit is planned
    items = met("拜登将于美东时间周一（11月15日）晚与中国领导人习近平举行视频峰会。",
                "自拜登在1月上任总统以来，已经和习近平进行了两次通话，最后一次是在9月份。", published="2021-11-15")
    assert [i[2] for i in items if i[0] == "PhoneCall"] == ["2021-09"]  # its own clause after dates it, not the summit


def test_the_latest_of_several_calls_is_dated_by_the_clause_after(met):
    # bulk corpus (also dev2), epochtimes/n13377566
    items = met("自拜登在1月上任总统以来，已经和习近平进行了两次通话，最后一次是在9月份。", published="2021-11-15")
    assert [i[2] for i in items if i[0] == "PhoneCall"] == ["2021-09"]


def test_people_named_in_latin_letters_after_their_titles_meet(met):
    # bulk corpus, gnews/gnews-a2428247
    items = met("28、区块链解决方案平台Gluwa首席执行官Tae Oh会见了利比里亚总统Joseph Boakai，探讨为该国开发中央银行数字货币（CBDC）。",
                published="2024-03-02")
    assert [set(i[1]) for i in items] == [{"zh-Tae Oh", "zh-Joseph Boakai"}]


@pytest.mark.parametrize("paragraphs, published, expected", [
    # bulk corpus, gnews-1259032 and an Epoch Times report of the 2021 US-EU summit: no leader named, the
    # countries meet; once the article names Biden, the summit is his
    (("谈判倡议最早可以追溯到2012年2月的中欧峰会，中共国与欧盟先后进行了将近40次谈判。",), "2020-12-30",
     ("Summit", {"china", "european-union"}, "2012-02")),
    (("6月15日，美欧峰会决定成立贸易和技术委员会。",), "2021-06-17", ("Summit", {"united-states", "european-union"}, "2021-06-15")),
    (("美国总统拜登周二抵达布鲁塞尔。", "6月15日，美欧峰会决定成立贸易和技术委员会。"), "2021-06-17",
     ("Summit", {"joe-biden", "european-union"}, "2021-06-15")),
])
def test_a_summit_of_countries_is_their_leaders_only_where_the_article_names_them(extractor, paragraphs, published, expected):
    e = extractor.extract(article(*paragraphs, published=published))
    assert [(i.type, set(i.participants), i.date.iso() if i.date else None) for i in e.interactions][:1] == [expected]


def test_they_opening_a_clause_are_the_two_persons_just_spoken_of(extractor):
    """dev2, gnews/gnews-2574524: after 岸田文雄…他与拜登总统进行了电话交谈, 他们面对面地会晤 and 他们在网上会面 (online: a
    video conference) are theirs. 于 before 去年 is "at", not a family name (首相于去年…)."""
    e = extractor.extract(article("岸田文雄首相于去年10月4日就任。", "去年10月5日上午，他与拜登总统进行了电话交谈。",
                                  "第二年11月，在英国举行的联合国气候变化会议（COP26）上，他们面对面地会晤，尽管时间很短。",
                                  "今年1月，他们在网上会面了一个多小时。", published="2022-05-22"))
    events = [(i.type, i.participants, i.date.iso() if i.date else None) for i in e.interactions]
    assert events == [("PhoneCall", ("fumio-kishida", "joe-biden"), "2021-10-05"),
                      ("Summit", ("fumio-kishida", "joe-biden"), None),
                      ("VideoConference", ("fumio-kishida", "joe-biden"), "2022-01")]
    assert not [k for k in e.mentioned if k.startswith("zh-")]
