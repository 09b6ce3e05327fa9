"""Interactions on real sentences: parties, type, date, place, status."""
import pytest

from extract.helpers import article


@pytest.fixture(scope="module")
def met(extractor):
    def run(*paragraphs, published="2022-02-21"):
        e = extractor.extract(article(*paragraphs, published=published))
        return [(i.type, set(i.participants), i.date.iso() if i.date else None, i.place, i.status)
                for i in e.interactions]
    return run


def test_held_phone_call_with_weekday_and_date(met):
    assert met("美国总统乔‧拜登和俄罗斯总统普京周四（12月30日）举行了电话会谈，讨论乌克兰问题。", published="2021-12-31") == \
        [("PhoneCall", {"joe-biden", "vladimir-putin"}, "2021-12-30", None, "held")]


def test_planned_meeting_with_pronoun_place_and_weekday(met):
    assert met("俄罗斯外交部长谢尔盖·拉夫罗夫（Sergey Lavrov）表示，他将于周四在日内瓦会见美国国务卿安东尼·布林肯。") == \
        [("Meeting", {"sergey-lavrov", "antony-blinken"}, "2022-02-24", "日内瓦", "planned")]


def test_caption_summit_between_leaders(met):
    assert met("图为2021年6月16日，拜登和普京在瑞士会晤。", published="2021-12-31") == \
        [("Summit", {"joe-biden", "vladimir-putin"}, "2021-06-16", "瑞士", "held")]


def test_video_summit(met):
    (item,) = met("美国总统拜登与俄罗斯总统普京通过视频连线的方式举行峰会。", published="2021-12-08")
    assert item[:2] == ("VideoConference", {"joe-biden", "vladimir-putin"})


def test_countries_in_a_compound_and_a_future_date(met):
    assert met("为定于1月10日在日内瓦举行的美俄高级官员会谈做准备。", published="2021-12-31") == \
        [("Meeting", {"united-states", "russia"}, "2022-01-10", "日内瓦", "planned")]


def test_proposed_summit_and_the_date_of_the_statement_is_not_the_events(met):
    items = met("克里姆林宫周一（2月21日）表示，俄罗斯总统普京和美国总统拜登之间的峰会“尚无具体计划”。")
    assert items == [("Summit", {"vladimir-putin", "joe-biden"}, None, None, "proposed")]


def test_one_party_with_each_of_the_others(met):
    items = met("法国总统马克龙将在未来几天与乌克兰总统泽伦斯基及俄罗斯总统普京举行会谈。", published="2021-12-08")
    assert sorted(tuple(sorted(i[1])) for i in items) == [("emmanuel-macron", "vladimir-putin"),
                                                          ("emmanuel-macron", "volodymyr-zelensky")]
    assert {i[4] for i in items} == {"planned"}


def test_the_two_leaders_are_the_countries_leaders_then(met):
    items = met("2018年7月普京与唐纳德·川普在赫尔辛基会晤。",
                "自拜登总统上任以来，两国领导人已经通过电话进行了两次会谈–1月26日，以及4月13日。", published="2021-05-25")
    calls = [i for i in items if i[0] == "PhoneCall"]
    assert [(c[1], c[2]) for c in calls] == [({"joe-biden", "vladimir-putin"}, "2021-01-26"),
                                             ({"joe-biden", "vladimir-putin"}, "2021-04-13")]


def test_the_event_talked_about_is_not_the_call(met):
    items = met("沙利文指出，美国总统拜登与英国领导人就他与普京之间的会谈通了电话。", published="2021-12-08")
    kinds = {i[0]: i[1] for i in items}
    assert kinds["PhoneCall"] == {"joe-biden", "united-kingdom"}
    assert kinds["Talks"] == {"joe-biden", "vladimir-putin"}


def test_planned_on_the_day_of_publication_is_planned(met):
    assert met("据俄罗斯塔斯社报道，普京还计划周六与法国总统马克龙会谈。", published="2022-02-12") == \
        [("Talks", {"vladimir-putin", "emmanuel-macron"}, "2022-02-12", None, "planned")]
    assert met("周五（3月18日），美国总统拜登将与中国领导人习近平召开电话会议。", published="2022-03-18")[0][4] == "planned"


def test_held_on_the_day_of_publication_stays_held(met):
    assert met("美国总统拜登周六与俄罗斯总统普京通了电话。", published="2022-02-12")[0][4] == "held"


def test_a_bracketed_date_closing_a_caption_dates_its_event(met):
    assert met("美国总统拜登在戴维营与俄罗斯总统普京通话并发出警告（2022年2月12日）", published="2022-02-13") == \
        [("PhoneCall", {"joe-biden", "vladimir-putin"}, "2022-02-12", "戴维营", "held")]
    items = met("中国国家主席习近平周三与俄罗斯总统普京通电话。", "两人上次电话交谈是在俄罗斯入侵乌克兰的第二天（2月25日）。",
                published="2022-06-15")
    assert [(i[1], i[2]) for i in items] == [({"xi-jinping", "vladimir-putin"}, "2022-06-15"),
                                             ({"xi-jinping", "vladimir-putin"}, "2022-02-25")]


def test_a_bare_scene_adjunct_leaves_the_subject_as_the_parties(met):
    items = met("美国总统拜登周二发表讲话。",
                "另一方面，爱丽舍宫宣布，法国总统埃马纽埃尔·马克龙与美国总统——在电话交谈中——一致同意，必须核实俄罗斯从乌克兰边境的撤军。",
                published="2022-02-16")
    assert [(i[0], i[1]) for i in items] == [("PhoneCall", {"emmanuel-macron", "joe-biden"})]
    items = met("3、美俄双方首脑在会面前肯定已进行了多方面沟通。", published="2021-06-16")
    assert [(i[0], i[1]) for i in items] == [("Summit", {"joe-biden", "vladimir-putin"})]


def test_a_scene_adjunct_with_parties_inside_keeps_them(met):
    items = met("拜登在与普京通电话时表示，美国将作出果断回应。", published="2022-02-13")
    assert [(i[0], i[1]) for i in items] == [("PhoneCall", {"joe-biden", "vladimir-putin"})]


def test_a_pronoun_joined_to_an_earlier_event_is_none_of_its_parties(met):
    items = met("布林肯表示，如果俄罗斯选择真诚对话，外交途径将继续可用，在美国总统乔·拜登和俄罗斯弗拉基米尔·普京进行电话交谈，"
                "及他与俄罗斯外交部长谢尔盖·拉夫罗夫会谈之后，美国政府将继续与俄罗斯政府保持联系。", published="2022-02-16")
    assert sorted(sorted(i[1]) for i in items) == [["antony-blinken", "sergey-lavrov"], ["joe-biden", "vladimir-putin"]]


def test_a_pronoun_is_the_subject_not_the_one_met_before(met):
    items = met("她写到，其实杨洁篪跟川普打交道时并没有收紧舌头，他第一次访问纽约跟川普团队会面时，就意图在台湾问题上给美国划线。",
                published="2021-03-20")
    assert [i[1] for i in items] == [{"yang-jiechi", "donald-trump"}]


def test_a_pronoun_that_speaks_of_an_event_is_no_party(met):
    items = met("法国总统埃马纽埃尔·马克龙的办公室在一份声明中表示，马克龙已经分别和拜登及普京通话，他已向两位领导人提出了一个关于“欧洲安全和战略稳定”的峰会。")
    assert not any(i[0] == "Summit" and "emmanuel-macron" in i[1] for i in items)
    items = met("佩斯科夫还说，他无法就是否俄乌两国总统将会举行会谈发表评论。", published="2022-02-25")
    assert [i[1] for i in items] == [{"vladimir-putin", "volodymyr-zelensky"}]


def test_a_pronoun_helping_two_others_meet_is_no_party(met):
    items = met("土耳其总统塔伊普·埃尔多安（Tayyip Erdogan）周日在与泽伦斯基通话后表示，他准备协助乌克兰与俄罗斯进行谈判。",
                published="2022-03-07")
    assert {"ukraine", "russia"} in [i[1] for i in items]
    assert "recep-tayyip-erdogan" not in set().union(*(i[1] for i in items if i[0] == "Talks"))


def test_a_clause_that_only_continues_a_with_phrase_takes_its_parties(met):
    items = met("与此同时，土耳其外长卡夫索格鲁（Mevlut Cavusoglu）宣布，3月10号，他自己将和乌克兰外长库列巴（Dmytro Kuleba）以及"
                "俄罗斯外长拉夫罗夫（Sergei Lavrov）在土耳其的安塔利亚（Antalya），举行三方会谈。", published="2022-03-09")
    assert items == [("Meeting", {"mevlut-cavusoglu", "dmytro-kuleba", "sergey-lavrov"}, "2022-03-10", "安塔利亚", "planned")]


def test_an_event_before_or_after_which_the_sentence_happens_is_not_dated_by_it(met):
    items = met("2022 年3 月9 日，据新唐人电视台报道，在俄乌第三轮谈判后，本周四（3月10号），乌克兰外长和俄罗斯外长将在土耳其举行会谈。",
                "乌克兰外长库列巴（Dmytro Kuleba）和俄罗斯外长拉夫罗夫（Sergei Lavrov）都已抵达。", published="2022-03-09")
    assert [(i[1], i[2]) for i in items] == [({"russia", "ukraine"}, None),
                                             ({"dmytro-kuleba", "sergey-lavrov"}, "2022-03-10")]


def test_a_date_with_a_speech_verb_after_it_is_the_statements(met):
    items = met("3月17日，《零对冲》援引《中东眼》报道说，乌克兰正在寻求土耳其的帮助，以推进可能的乌克兰与俄罗斯停火协议的高级别会谈。",
                published="2022-03-18")
    assert [(i[1], i[2]) for i in items] == [({"ukraine", "russia"}, None)]


def test_a_date_clause_with_its_time_zone_is_a_bare_date(met):
    items = met("周六，美国国务院发表声明说，（美东时间）11月12日，国务卿布林肯与中国国务委员兼外交部长王毅通话。", published="2021-11-14")
    assert items == [("PhoneCall", {"antony-blinken", "wang-yi"}, "2021-11-12", None, "held")]


def test_this_event_is_the_one_the_article_is_about(met):
    items = met("中国国家主席习近平周三与俄罗斯总统普京举行视频通话。", "习近平和普京在通话中讨论了乌克兰局势。",
                "这位美国国家安全顾问表示，如果想让天然气在“北溪2号”管道中流动，德国和美国应进行谈判。", "这次会谈的意图是什么？",
                published="2021-12-16")
    assert [i[1] for i in items][-1] == {"xi-jinping", "vladimir-putin"}


def test_tentative_and_considered_events(met):
    assert met("据一位接近乌克兰领导人的消息人士透露，拜登还暂定在未来一周与泽伦斯基通话。", published="2021-12-05")[0][4] == "planned"
    assert met("此前有报导指出，拜登考虑借二十国集团（G20）峰会之便，与习近平会晤。", published="2021-09-15")[-1][4] == "proposed"


def test_a_with_clause_goes_on_with_the_cue_of_the_clause_before(met):
    items = met("继法国总统马克龙7日访问俄罗斯之后，肖尔茨总理将于15日访问俄罗斯，与俄罗斯总统普京会面，以帮助缓解紧张局势。",
                published="2022-02-15")
    assert items == [("Summit", {"olaf-scholz", "vladimir-putin"}, "2022-02-15", None, "planned")]


def test_a_negated_event_is_no_interaction(met):
    items = met("虽然习近平已经与普京和拜登等争端中的关键人物进行了通话，但他一直没有与泽连斯基进行交谈。", published="2022-03-25")
    assert sorted(sorted(i[1]) for i in items) == [["joe-biden", "xi-jinping"], ["vladimir-putin", "xi-jinping"]]
    items = met("美国总统乔·拜登（Joe Biden）上任2周来，已与英国、法国、日本、俄罗斯等多国领导人通话；"
                "但作为全球最大两个经济体的元首，拜登和习近平之间却一直没有通话。", published="2021-02-05")
    assert not [i for i in items if "xi-jinping" in i[1]]
    for sentence in ("自拜登成为总统以来，两位元首尚未进行面对面会晤。",
                     "同时，习近平也没有跟乌克兰总统泽连斯基通电话。",
                     "如此关键、繁忙的出访期间，布林肯应该不会再提前安排与杨洁篪的通话。",
                     "美国国务院立即明确表示，布林肯并没有计划在G20外长会议期间和王毅会面。",
                     "既然布林肯不安排与王毅的会晤，那么拜习当面会晤会出现吗？",
                     "今年普京并没有参加二十国集团峰会与联合国气候大会（COP26）。"):
        assert met(sentence, published="2021-06-25") == [], sentence


def test_a_negation_of_another_verb_leaves_the_event(met):
    items = met("布林肯重申，他预计美国和俄罗斯不会在会议上解决分歧，但表示他希望保持外交途径来解决这些问题。", published="2022-01-20")
    assert [i[1] for i in items] == [{"united-states", "russia"}]
    items = met("白宫至今仍未宣布拜登与习近平双边会谈的时间。", published="2021-11-10")
    assert [i[1] for i in items] == [{"joe-biden", "xi-jinping"}]


def test_the_pair_of_a_negated_event_is_the_pair_spoken_of(met):
    items = met("自当选以来，拜登还没有与中共领导人习近平进行过面对面的会谈，两人有通电话。", published="2021-07-27")
    assert [(i[0], i[1]) for i in items] == [("PhoneCall", {"joe-biden", "xi-jinping"})]


def test_whether_an_event_happens_is_a_proposal(met):
    items = met("至于是否会在G20期间举行美中峰会，他表示，目前还没有做出最终决定。", published="2021-06-28")
    assert [(i[1], i[4]) for i in items] == [({"united-states", "china"}, "proposed")]  # no leader named: the countries
    items = met("佩斯科夫还说，他无法就是否俄乌两国总统将会举行会谈发表评论。", published="2022-02-28")
    assert [(i[1], i[4]) for i in items] == [({"vladimir-putin", "volodymyr-zelensky"}, "proposed")]


def test_a_clause_opening_with_shi_says_what_the_event_before_was(met):
    items = met("2021年11月15日，美国总统拜登在华盛顿白宫罗斯福厅与中国国家主席习近平举行的虚拟峰会。",
                "自拜登成为总统以来，两位元首尚未进行面对面会晤，他们最后一次交谈，是9月份时的电话会议。", published="2021-11-16")
    assert ("PhoneCall", {"joe-biden", "xi-jinping"}, "2021-09", None, "held") in items


def test_a_month_leaves_the_leaders_of_the_article_day(met):
    items = met("03月19日，路透社援引白宫的话说，美国总统拜登将“在适当的时候”与俄罗斯同行普京举行会晤。",
                "两位总统最后一次通话是在1月份，也就是拜登就职典礼后的几天。", published="2021-03-20")
    assert ("PhoneCall", {"joe-biden", "vladimir-putin"}, "2021-01", None, "held") in items


def test_the_event_a_period_runs_from_is_held_and_dates_nothing_else(met):
    items = met("这将是普京自去年1月访问以色列和巴勒斯坦以来的首次海外访问，也是自2018年7月普京与唐纳德·川普在赫尔辛基会晤以来的"
                "首次美俄峰会。", published="2021-05-25")
    assert items == [("Summit", {"donald-trump", "vladimir-putin"}, "2018-07", "赫尔辛基", "held"),
                     ("Summit", {"united-states", "vladimir-putin"}, None, None, "planned")]  # Biden is not named


def test_a_scene_with_one_party_of_the_pair_just_reported_is_that_event(met):
    items = met("在与普京会谈之前，拜登与英国、加拿大、法国、德国、波兰和罗马尼亚的领导人以及北约和欧盟的首脑谈到了这场危机。"
                "美国国务卿安东尼·布林肯还与乌克兰外交部长德米特罗·库莱巴进行了交谈。",
                "“我们对乌克兰主权和领土完整的支持坚定不移，”布林肯在周五的电话会议后表示。", published="2022-02-12")
    calls = [i for i in items if i[0] == "PhoneCall"]
    assert [(len(c[1]), "antony-blinken" in c[1], c[2]) for c in calls] == [(2, True, "2022-02-11")]
    items = met("美国总统乔‧拜登和俄罗斯总统普京周四（12月30日）举行了电话会谈，讨论乌克兰问题。",
                "普京的这些要求将在日内瓦会谈期间讨论，但尚不清楚拜登愿意向普京提供什么，以此作为交换条件来化解危机。", published="2021-12-31")
    assert items == [("PhoneCall", {"joe-biden", "vladimir-putin"}, "2021-12-30", None, "held")]  # a possessor is no subject


def test_a_country_as_the_subject_of_a_call_is_not_its_place(met):
    found = met("周四（12月30日），美国和俄罗斯领导人就乌克兰问题通了50分钟的电话。", published="2021-12-31")
    assert [(m[0], m[2], m[3]) for m in found] == [("PhoneCall", "2021-12-30", None)]
    assert [m[3] for m in met("拜登总统周二表示，他已与习近平针对台湾问题进行了交谈。", published="2021-11-17")] == [None]


def test_the_noun_an_event_is_possessed_by_gives_its_status(met):
    # 会晤的可能性 / 峰会的提议: proposed; 会谈的计划 / 峰会的准备工作: planned
    assert [m[4] for m in met("或许美国内部的确探讨了布林肯与王毅会晤的可能性。", published="2021-09-10")] == ["proposed"]
    assert [m[4] for m in met("只要俄罗斯不入侵乌克兰，拜登总统接受与俄罗斯总统普京举行峰会的提议。")] == ["proposed"]
    assert [m[4] for m in met("中共官员正在制定习近平11月访问东南亚、并与拜登进行面对面会谈的计划。",
                              published="2021-09-10")] == ["planned"]


def test_this_event_again_is_the_event_the_article_told_with_its_date(met):
    # bulk corpus, epochtimes/n13225027 (a call) and dev2, epochtimes/n13115875 (the countries of the persons who met)
    got = met("昨天（9日）晚上，拜登和习近平进行了第二次通话。", "美国官员说，拜登和习近平讨论了很多话题。",
              "对这次两国领导人之间的通话，美中之间的都提到了一点。", published="2021-09-10")
    assert got == [("PhoneCall", {"joe-biden", "xi-jinping"}, "2021-09-09", None, "held")] * 2
    got = met("7月26日，美国副国务卿舍曼在天津跟中共外交部长王毅会谈。", "这次美中高层会谈，是两国的第二次高级别面对面会谈。",
              published="2021-07-26")
    assert got[:2] == [("Meeting", {"wendy-sherman", "wang-yi"}, "2021-07-26", "天津", "held"),
                       ("Meeting", {"wendy-sherman", "wang-yi"}, "2021-07-26", None, "held")]


def test_hours_are_no_scene_and_what_is_said_after_the_talks_is_said_to_no_one_in_them(extractor):
    # dev corpus, gnews-2014776: 4个多小时的会谈 (时 of 小时 opens no 在…时 scene); 会谈后还表示 (after the talks)
    e = extractor.extract(article("肖尔茨在莫斯科同普京进行了4个多小时的会谈。",
                                  "肖尔茨在与俄罗斯总统普京会谈后还表示，北约东扩问题目前不在议程上。", published="2022-02-16"))
    assert ("Summit", frozenset({"olaf-scholz", "vladimir-putin"})) in {(i.type, frozenset(i.participants))
                                                                         for i in e.interactions}
    assert [(s.speaker, s.addressee) for s in e.statements] == [("olaf-scholz", None)]


def test_this_call_is_not_the_summit_told_before(met):
    # seed 001 without its date (tests/graph/test_undated.py): 这次通话 takes no date from the 2021 Geneva summit
    got = met("图为2021年6月16日，拜登和普京在瑞士会晤。", "这次通话是由普京提议的。", published="2021-12-31")
    assert [(i[0], i[2]) for i in got] == [("Summit", "2021-06-16"), ("PhoneCall", None)]


def test_the_channel_said_of_an_event_right_after_its_word_is_its_type(extractor):
    """dev2, epochtimes/n13307157: 最后一次欧中会晤是在2020年12月30日举行的视频会议 is a video conference of the EU and
    China (the parties the event word found stay)."""
    from extract.helpers import article

    e = extractor.extract(article("最后一次欧中会晤是在2020年12月30日举行的视频会议。", published="2021-10-15"))
    assert [(i.type, set(i.participants), i.date.iso()) for i in e.interactions] == [
        ("VideoConference", {"china", "european-union"}, "2020-12-30")]
