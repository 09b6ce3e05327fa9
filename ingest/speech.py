"""Speech verbs in a sentence: where a statement may open.

A verb of the speech-verb lexicon opens a statement where it stands outside
quotation marks as a word of its own, and is used as a verb: not as a noun
(这些要求, 的要求), negated or future (没有公布, 将告诉), passive (被提出) or a
relayed report (据X报道).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.ingest.clauses import Frame
from diplograph.ingest.lexicon import Lexicon, SpeechVerb
from diplograph.ingest.found import NO_WORDS, Found, Words

NOUN_BEFORE = ("的", "这些", "这个", "这项", "该", "此", "其", "一些", "一项", "一份", "书面", "种种", "各项", "新的", "提出",
               "受到", "遭到", "招致", "遭受", "面临", "引发", "引起", "广泛", "受到广泛", "遭到广泛",
               "提出了", "满足", "拒绝了", "回应了", "接受")
NOUN_AFTER = ("是", "书", "函", "中")
GATHERING_AFTER = ("听证会", "会议", "大会", "仪式")  # 确认听证会, 宣誓仪式: the verb names a kind of gathering
OBJECT_PRONOUNS = ("其", "他", "她", "它", "他们", "她们")
NOT_YET = re.compile(r"(没有|还没|尚未|并未|从未)")
NEGATED = re.compile(r"(没有|没|未|不|并未|尚未|从未|无意|无法)(能|能够|曾)?(立即|正式|公开|明确|直接|再)?$")
FUTURE = re.compile(r"(将|将会|(?<![国峰议大理委员协工学社机都晤谈宴])会|要|可能|准备|打算)(立即|马上|很快|再次|也|还|进一步|继续)?$")
GLUED_BEFORE = "时后中上地文并还他她"  # 采访时说, 报告中指, 高兴地说, 发推文说, 并称, 他称: glued by the tokenizer (not 又称, 也称: also called)
BOOK_TITLE = re.compile(r"《[^《》]{1,40}》")


@dataclass(frozen=True)
class VerbHit:
    """A speech verb found in a sentence: its span and its lexicon entry."""

    start: int
    end: int
    entry: SpeechVerb


def speech_verbs(text: str, frame: Frame, tokens: list[tuple[int, int]], lexicon: Lexicon, trie,
                 found: tuple[Found, ...] = (), words: Words = NO_WORDS) -> list[VerbHit]:
    """Speech verbs that start a token (提出异议, 称其: the verb may be glued to its object), outside
    quotations, leaving out non-speech words (说明), noun uses (这些要求, 的要求), negated and future
    ones (没有公布, 将告诉), passives (被提出) and relayed reports (据X报道)."""
    token_at = {s: e for s, e in tokens}
    token_ending = {e: s for s, e in tokens}
    after_actor = {f.end for f in found if f.is_actor}  # 卡斯帕罗夫斯说: jieba glued the verb to a name it did not know
    titles = [m.span() for m in BOOK_TITLE.finditer(text)]
    hits = []
    for start, end, verb in trie.scan(text):
        if any(s < start < e for s, e in titles):
            continue  # 《六项保证》: a verb inside the name of a law, a book or a paper
        token_end = token_at.get(start)
        if token_end is None and end in token_ending and end - start >= 2 and verb.word not in lexicon.cues.speech_nouns:
            token_end = end  # 明确提出: an adverb glued to the verb
        if token_end is None and start in after_actor:
            token_end = end
        if token_end is None and token_ending.get(end) == start - 1 and (not words.known_word(text[start - 1:end])
                                                                         or text[start - 1] in GLUED_BEFORE):
            token_end = end  # 环节时说, 在接受采访时说: jieba glued the verb to a character that makes no word with it
        if token_end is None or frame.in_quote(start) or text[start:token_end] in lexicon.not_speech:
            continue
        if token_end > end and (end - start < 2 and text[end:token_end] not in OBJECT_PRONOUNS):
            continue  # 问 in 问题, 说 in 说服: a one-character verb only stands alone (or as 称其)
        clause = frame.clause_start(start)
        head = text[max(clause, text.rfind("”", clause, start) + 1):start]  # “问题是…是否…”肯尼迪说: not the quote's words
        if verb.word in lexicon.cues.comma_verbs and (token_end != end or text[end:end + 1] not in "，,"
                                                   or not head.strip() or head.endswith(("和", "与", "及", "、"))):
            continue  # 他分析，…: not 通过分析, 收集和分析，, 分析人士 or a heading 分析：
        if text[end:end + 1] == "的" and not head.startswith(lexicon.cues.as_said):
            continue
        if head.endswith(NOUN_BEFORE) or (text[end:end + 1] in NOUN_AFTER and token_at.get(end, end + 1) == end + 1) \
                or text.startswith(GATHERING_AFTER, end):
            continue
        if verb.word in lexicon.cues.speech_nouns and "的" in head[-4:]:
            continue  # 提出的安全建议: a noun with its modifier
        if NEGATED.search(head[-5:]) or FUTURE.search(head[-6:]) or head.endswith("被") or "是否" in head \
                or NOT_YET.search(head[-6:]):
            continue
        if verb.word.startswith("报") and _relayed(text, clause, start, lexicon):
            continue
        hits.append(VerbHit(start, end, verb))
    return hits


def _relayed(text: str, clause_start: int, pos: int, lexicon: Lexicon) -> bool:
    head = text[clause_start:pos]
    return head.startswith(lexicon.cues.relay_words) or any(r in head for r in ("援引", "引述"))


