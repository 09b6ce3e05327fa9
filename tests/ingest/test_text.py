"""Normalisation and sentence splitting on real sentences from the corpus."""
from diplograph.ingest.normalize import collapse_whitespace, normalize, traditional_share
from diplograph.ingest.sentences import split_sentences


def test_middle_dots_unify_and_length_is_kept():
    for written in ("乔‧拜登", "乔・拜登", "乔•拜登", "乔·拜登"):
        assert normalize(written) == "乔·拜登"
    text = "俄羅斯總統弗拉基米爾‧普京和約翰.柯比說,好(Ａ１）"
    assert len(normalize(text)) == len(text)


def test_traditional_becomes_simplified():
    assert normalize("俄羅斯總統普京與白俄羅斯總統盧卡申科進行了兩週內的第四次電話會晤") == \
        "俄罗斯总统普京与白俄罗斯总统卢卡申科进行了两周内的第四次电话会晤"
    assert traditional_share("普京與盧卡申科進行兩週內的第四次電話會晤") > 0.2
    assert traditional_share("普京与卢卡申科进行两周内的第四次电话会晤") == 0


def test_half_width_punctuation_next_to_chinese_becomes_full_width():
    assert normalize("拜登说,美国(和盟友)") == "拜登说，美国（和盟友）"
    assert normalize("(Jen Psaki)") == "(Jen Psaki)"


def test_whitespace_from_pretty_printed_html():
    assert collapse_whitespace("美国总统乔‧\n   拜登\n  和（ Dmitry Peskov ）") == "美国总统乔‧拜登和（Dmitry Peskov）"


def test_quote_first_statement_stays_one_sentence():
    text = "“我们时刻准备着外交。如果俄罗斯转而选择战争，我们也准备好施加迅速而严重的后果。”普萨基说。乌克兰方面表示反对。"
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == ["“我们时刻准备着外交。如果俄罗斯转而选择战争，我们也准备好施加迅速而严重的后果。”普萨基说。",
                         "乌克兰方面表示反对。"]


def test_quote_then_new_sentence_splits_after_the_closing_mark():
    text = "佩斯科夫说：“这不是常规会议。”随后美国表示反对。"
    assert [s.text for s in split_sentences(text)] == ["佩斯科夫说：“这不是常规会议。”", "随后美国表示反对。"]


def test_offsets():
    text = "他说，紧张局势正在加剧。 但本周有可能举行外长会议！"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
    assert [s.text for s in split_sentences(text)][1] == "但本周有可能举行外长会议！"


def test_an_endless_sentence_is_cut_at_commas_into_bounded_pieces():
    from diplograph.ingest.sentences import MAX_SENTENCE

    text = "拜登表示，" * 1000 + "普京说。"
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert all(s.text.endswith("，") for s in sentences[:-1]) and sentences[-1].text.endswith("普京说。")
    assert "".join(s.text for s in sentences) == text  # nothing lost, offsets valid
    assert all(text[s.start:s.end] == s.text for s in sentences)
    unbroken = "拜登表示" * 1000
    assert [len(s.text) for s in split_sentences(unbroken)][:2] == [MAX_SENTENCE, MAX_SENTENCE]
