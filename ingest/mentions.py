"""Find actors in a sentence: lexicon names, metonyms, titles, and names the lexicon lacks.

A sentence is scanned once with a trie of every lexicon surface (longest
match wins). What is left is searched for transliterated names: runs of
transliteration characters joined by a middle dot, followed by a Latin name
in parentheses, or following a title. A run like 美国国务卿布林肯 becomes one
phrase whose head is the person (role 国务卿, country United States); the
actors before the title (the United States) are mentions too, but not
speakers or participants. A title with no name after it (法国总统表示)
resolves to whoever held the office on the article's date.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from diplograph.ingest.bodies import discover_bodies, institutions_in_titles
from diplograph.ingest.found import (ABBREVIATION, DISCOVERED, METONYM, NAME, NO_WORDS, NOT_ACTOR, OFFICE,  # noqa: F401
                                     PERSON_PREFIX, PLACE, TITLE, Found, Words, discovered_type, gaps, person_key)
from diplograph.ingest.lexicon import Lexicon
from diplograph.ingest.listed import listed_names
from diplograph.ingest.normalize import MIDDLE_DOT, normalize
from diplograph.ingest.trie import Trie

LATIN_PAREN = re.compile(r"（\s*([A-Za-z][A-Za-z .'’\-]{1,60}?)\s*[）)]")
MAX_NAME = 8
NAME_JOINERS = "-－ ·‧"
NOT_NAME_START = frozenset("于和与及将在对向也还则已曾称说表是的")
# Characters after which no Chinese name goes on (a mark, a particle, a preposition), and those before which one may
# start (the end of a role word, 的, a mark).
NAME_STOPS = frozenset("，。、；：:,;（()）“”\"《》 　在于对向也还则和与及等的曾已将是都称说从到被把为亦就并又再更今昨周当日月年以赴跟此"
                       "0123456789·-－‧甚不原由任担接转\\")
ADVERB_FAMILY_NAMES = "曾"  # 外交官曾刻意“恐吓”她, 还曾呛声: before a verb, 曾 (once) is no family name
PREPOSITION_FAMILY_NAMES = "于"  # 首相于去年就任, 部长于本周: before a word of time, 于 (at) is no family name
TIME_OPENINGS = frozenset("去今明周上本昨前下当次每")
HONORIFICS = ("先生", "女士", "小姐", "夫人", "某")
GLOSSED = re.compile(r"(?P<name>[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+)（\s*(?P<latin>[A-Za-z][A-Za-z .'’\-]{1,60}?)\s*[）)]")
VENUE_NEXT = ("与", "同", "跟", "和", "会面", "会晤", "会见", "会谈", "举行", "召开", "见面", "接见", "出席")
HONORIFIC = re.compile(r"女士|先生|小姐|夫人")
GLOSS = re.compile(r"（[^（）]*）|\([^()]*\)|《[^《》]*》")
CLAUSE_MARKS = frozenset("，。；：！？,;:!?“”\"")
ACTION_MARKS = frozenset({"了", "着", "过", "在", "对", "向", "把", "被", "将", "已", "曾", "会见", "会晤", "制裁", "访问",
                          "批评", "指责", "邀请", "任命", "召见", "接见", "说", "称", "表示"})
TOPIC_COMPOUNDS = ("战争", "冲突", "战事", "关系")  # 俄乌战争, 美中关系: what is spoken of, not who acts
COORDINATORS = frozenset({"与", "和", "及", "兼", "执行", "协调", "研究", "主管", "负责"})  # 执行副总裁, 政策协调官
MAX_SPOKEN_TRANSLIT = 6  # characters of a transliterated name found only by what it says
HEAD_BEFORE = frozenset("，。、；：:,;（()）“”\"《》 　的据对向与和及在由该其")  # what may stand before a head noun
NOT_GIVEN_NAMES = ("姐", "哥", "叔", "姨", "娘", "嫂", "婆", "妈", "爸", "家", "媒", "博士", "老师")  # 叶姐, 胡家, 陆媒
SPEAKING_NAME_AFTER = frozenset("，。；：")  # marks after which a clause, and so a speaking name, opens
SAYING_ADVERBIAL = re.compile(r"(?:也|还|则|又|亦|更|并|都|就|便|同时|随后|日前|此前|当天|当日|(?:周|星期)[一二三四五六日]|"
                              r"[今昨前]天|\d{1,2}日|在[^，。；“”]{1,14}?(?:时|上|中))*")  # 王岸然也/周一/在接受采访时 表示
TIME_WORD = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天末]|[今昨明前后当同](?:天|日|年)|上午|下午|晚上|早上")
NAME_BEFORE = frozenset("的、，“”《》（）员家者人长授师官士任使表席监令将校")
ORG_WORDS = frozenset("group institute center centre foundation council university college school party association "
                      "ministry company corporation inc ltd agency office department bureau committee commission forum "
                      "news times post journal press network bank fund organization organisation union academy society "
                      "club alliance coalition force forces army navy command fleet initiative project program programme "
                      "studies research policy international national global daily weekly magazine tv radio sea ocean river "
                      "lake mountain mountains island islands strait bay gulf city state province county square street "
                      "port airport base the securities capital partners holdings management investments llc corp co"
                      .split())


def _person_like(latin: str) -> bool:
    """Rajeswari Pillai Rajagopalan, Myron Brilliant: two to four capitalised words, none that names an organisation."""
    words = latin.replace(".", " ").split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(w.lower() in ORG_WORDS for w in words)


INITIAL_BEFORE = re.compile(f"{MIDDLE_DOT}[A-Z]\\.?{MIDDLE_DOT}?$")
PREFIX_WORD_FREQ = 10  # 唐靖远: 唐靖 is in jieba's dictionary, but too rare (2) to be the word that opens the text
TITLE_ASIDE = re.compile(r"[（(][^（）()]{1,20}[）)]")  # what a title covers, in brackets before the name
LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ \-][A-Z][a-z'’]+){1,3}(?![A-Za-z])")
HYPHEN_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff])[-－](?=[\u4e00-\u9fff])")


def _hyphen_dotted(surface: str) -> str:
    """A lexicon name written with a hyphen (托马斯-格林菲尔德), as the finder reads a hyphenated name: with a dot."""
    return HYPHEN_IN_NAME.sub(MIDDLE_DOT, surface)


class ActorFinder:
    """Finds actor references in sentences with one trie over the lexicon's surfaces."""

    def __init__(self, lexicon: Lexicon, words: Words | None = None) -> None:
        self.lexicon = lexicon
        self._words = words or NO_WORDS  # what jieba's dictionary knows of a word (高调 is one; 制裁 is a verb)
        # longest first, so a filler a user folder adds (前任) is not cut short by a bundled one (前)
        self._fillers = tuple(sorted(lexicon.cues.name_fillers, key=len, reverse=True))
        self._trie: Trie[tuple[str, str]] = Trie()
        for surface, key in lexicon.surfaces.items():
            for form in {surface, _hyphen_dotted(surface)}:  # 托马斯-格林菲尔德 as the text reads it: 托马斯·格林菲尔德
                self._trie.add(form, (NAME, key))
        for surface, key in lexicon.metonyms.items():
            self._trie.add(surface, (METONYM, key))
        for title in lexicon.titles:
            self._trie.add(title, (TITLE, title))
        for surface in lexicon.places:
            for form in {surface, _hyphen_dotted(surface)}:
                self._trie.add(form, (PLACE, surface))
        for phrase in lexicon.not_actors:
            self._trie.add(phrase, (NOT_ACTOR, phrase))
        self._title_firsts = frozenset(t[0] for t in lexicon.titles)
        self._stop_words = tuple(lexicon.speech_verbs) + ("表示", "告诉", "指出", "认为", "强调", "透露", "今天", "日前")
        self._title_words = tuple(lexicon.titles)
        self._long_titles = tuple(t for t in lexicon.titles if len(t) >= 2)
        self._rank_words = tuple(t for t, info in lexicon.titles.items() if info.kind == "military" and len(t) >= 2)
        abbr = "".join(sorted(lexicon.abbreviations))
        self._compound = re.compile(f"[{re.escape(abbr)}]{{2,}}" if abbr else "(?!)")
        chars = "".join(sorted(lexicon.translit))
        self._translit = lexicon.translit
        self._latin_speaker = re.compile(r"(?<![A-Za-z（(\-'’.&])([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,3})"
                                         r"(?=(?:也|还|则|曾|又|更|并|随后|当时)?(?:" + lexicon.said.pattern + "))")
        # 苏珊·A·桑顿, 乔治·C.马歇尔: a Latin initial may stand between the parts
        self._dotted = re.compile(f"[{chars}]{{1,{MAX_NAME}}}(?:{MIDDLE_DOT}(?:[A-Z]\\.?{MIDDLE_DOT}?)?[{chars}]{{1,{MAX_NAME}}})+") \
            if chars else None

    def find(self, text: str, on: date, local: dict[str, str] | None = None,
             tokens: tuple[tuple[int, int], ...] | None = None, heads: frozenset[str] = frozenset()) -> tuple[Found, ...]:
        """Every actor reference in `text`, left to right.

        `local` maps names learned earlier in the article (库莱巴 after
        德米特罗·库莱巴) to their actor keys; those in `heads` are a body's head
        noun (指挥中心), which names the body only where no other name runs
        into it (not in 再生元制药公司); `tokens` are the words of the
        tokenizer (a compound such as 中美 must start one).
        """
        text = self._hyphens_as_dots(text)
        raw = self._scan(text, local or {}, heads)
        starts = frozenset(s for s, _ in tokens) if tokens is not None else None
        raw = self._glossed_names(text, raw)
        raw = self._given_names(text, raw)
        raw = self._discover(text, raw, starts)
        raw = listed_names(text, raw, tokens or (), self._translit, self.lexicon.surnames, self._words,
                           (*self._title_words, *self.lexicon.cues.after_name_titles, *HONORIFICS))
        raw = discover_bodies(text, raw, self.lexicon, tokens, self._words)
        phrases = institutions_in_titles(self._phrases(text, raw, on), text, self.lexicon)
        return self._affiliations(text, phrases, tokens or ())

    def _hyphens_as_dots(self, text: str) -> str:
        """谢尔盖-拉夫罗夫, 安德烈-扎哈罗夫 (GNews joins a name's parts with a hyphen): a hyphen between two runs of
        transliteration characters of two or more is the name's dot; the length is kept, so every offset stays valid."""
        if "-" not in text and "－" not in text:
            return text
        chars = list(text)
        for i, ch in enumerate(chars):
            if ch in "-－" and 2 <= i < len(chars) - 2 and all(c in self._translit for c in chars[i - 2:i] + chars[i + 1:i + 3]):
                chars[i] = MIDDLE_DOT
        return "".join(chars)

    def _scan(self, text: str, local: dict[str, str], heads: frozenset[str] = frozenset()) -> list[Found]:
        found: list[Found] = []
        firsts = {name[0] for name in local}
        starts = self._trie.first_chars
        i = 0
        while i < len(text):
            if text[i] not in starts and text[i] not in firsts:
                i += 1
                continue
            hit = self._trie.longest_at(text, i)
            learned = _local_at(text, i, local) if text[i] in firsts else None
            if learned and text[i:learned[0]] in heads and i > 0 and text[i - 1] not in HEAD_BEFORE:
                learned = None  # 制药公司 inside 再生元制药公司: another body's name runs into the head noun
            known = self.lexicon.actors.get(learned[1]) if learned else None
            known = known if known is not None and known.type == "Organization" else None
            body = known is not None or (learned is not None and discovered_type(learned[1]) == "Organization")
            if body and ((found and found[-1].end == i and found[-1].type == "Country")
                         or (i > 0 and text[i - 1] in self.lexicon.abbreviations)):
                learned = known = None  # 法国参议院 after 美国参议院, 意大利卫生部 after 巴西卫生部: another country's body
            if learned and (hit is None or learned[0] > hit[0] or (learned[0] == hit[0] and known is None)):
                end, key = learned
                if known is not None:  # 外交部 after 中国外交部: the lexicon's body, as if named
                    found.append(Found(i, end, key, known.type, text[i:end], kind=NAME))
                else:
                    found.append(Found(i, end, key, discovered_type(key) or "Person", text[i:end], kind=DISCOVERED))
                i = end
                continue
            if hit is None:
                i += 1
                continue
            hit = self._prefer_title_split(text, i, hit)
            end, (kind, value) = hit
            if _splits_latin_word(text, i, end):
                i += 1  # Fed in Federal State Statistics Service: a Latin name is a whole word
                continue
            if kind == NAME and self._inside_compound(text, i, found):
                i += 1  # 美俄安全会议: 俄 belongs to the compound 美俄, not to the alias 俄安全会议
                continue
            surface = text[i:end]
            if kind == NOT_ACTOR:  # 中共病毒: a phrase that names no actor
                i = end
                continue
            if kind == TITLE:
                found.append(Found(i, end, "", "Title", surface, kind=TITLE, role=value))
            elif kind == PLACE:
                found.append(Found(i, end, "", "Place", surface, kind=PLACE, place=True))
            else:
                info = self.lexicon.actors.get(value)
                typ = info.type if info else "Country"
                if typ == "Organization" and info.country and found and found[-1].end == i and found[-1].kind == NAME \
                        and found[-1].type == "Country" and found[-1].actor not in (info.country, value) \
                        and not self.lexicon.is_media(value):  # (北京路透社: the outlet's bureau)
                    i += 1  # 英国国家统计局: Britain's own office, not China's 国家统计局
                    continue
                if typ == "Country" and self._in_dotted_name(text, i, end):
                    i = end  # 拉斐尔·马里亚诺·格罗西: 马里 is part of a name, not Mali
                    continue
                if typ == "Country" and (text.startswith(self.lexicon.cues.topic_nouns, end)
                                         or _spoken_of(text, i, found, self.lexicon.cues.topic_verbs)):
                    found.append(Found(i, end, value, typ, surface, kind=kind, topic=True))  # 台湾问题, 提及台湾
                    i = end
                    continue
                if typ == "Country" and text.startswith(self.lexicon.cues.place_after, end):
                    found.append(Found(i, end, value, typ, surface, kind=kind, place=True))  # 台湾附近, 乌克兰东部
                    i = end
                    continue
                at_place = ((kind == METONYM or typ == "Country" or self.lexicon.is_seat(value))
                            and not self._names_follow(text, end)
                            and (text[max(0, i - 3):i].removesuffix("了").endswith(self.lexicon.cues.place_verbs)
                                 or _after_place(found, text, i)))
                at_place = at_place or (typ == "Organization" and text[max(0, i - 1):i] in ("在", "于")
                                        and text.startswith(VENUE_NEXT, end))  # 在防卫省会面, 在首相官邸与岸田会晤
                found.append(Found(i, end, value, typ, surface, kind=kind, place=at_place))
            i = end
        return found

    def _in_dotted_name(self, text: str, start: int, end: int) -> bool:
        """Is [start, end) a part of a dotted transliterated name, glued to more of it (·马里亚诺, 马里亚诺·)?"""
        after_dot = start > 0 and text[start - 1] == MIDDLE_DOT and end < len(text) and text[end] in self._translit
        before_dot = end < len(text) and text[end] == MIDDLE_DOT and start > 0 and text[start - 1] in self._translit
        return after_dot or before_dot

    def _inside_compound(self, text: str, i: int, found: list[Found]) -> bool:
        abbr = self.lexicon.abbreviations
        free = not found or found[-1].end <= i - 1
        return i > 0 and free and text[i - 1] in abbr and text[i] in abbr and abbr[text[i - 1]] != abbr[text[i]]

    def _prefer_title_split(self, text: str, i: int, hit):
        """俄罗斯外交部长: not 俄罗斯外交部 + 长, but 俄罗斯 + 外交部长, when a title overlaps the end of a match."""
        end = hit[0]
        if hit[1][0] != NAME:
            return hit
        for j in range(i + 1, end):
            if text[j] not in self._title_firsts:
                continue
            longer = self._trie.longest_at(text, j)
            if longer and longer[1][0] == TITLE and longer[0] > end:
                shorter = [h for h in self._trie.ends_at(text, i) if h[0] == j]
                if shorter:
                    return shorter[-1]
        return hit

    def _names_follow(self, text: str, end: int) -> bool:
        """在法国总统马克龙…: a country before a title or name is that person's country, not a place."""
        nxt = self._trie.longest_at(text, end)
        return nxt is not None and (nxt[1][0] == TITLE or (nxt[1][0] == NAME and self.lexicon.actors[nxt[1][1]].type != "Country"))

    def _discover(self, text: str, found: list[Found], starts: frozenset[int] | None = None) -> list[Found]:
        """Add transliterated names in the gaps the trie left, and abbreviation compounds (美俄)."""
        extra: list[Found] = []
        for gap_start, gap_end in gaps(found, len(text)):
            gap = text[gap_start:gap_end]
            dotted = list(self._dotted.finditer(gap)) if self._dotted else []
            for m in dotted:
                extra.append(self._discovered(gap_start + m.start(), gap_start + m.end(), text))
            if dotted:
                continue
            latin = LATIN_PAREN.match(text, gap_end)
            after_title = any(f.kind == TITLE and f.end == gap_start for f in found)
            if after_title and (aside := TITLE_ASIDE.match(gap)):  # 总行政经理（医疗成效及科技管理）庾慧玲
                gap_start, gap = gap_start + aside.end(), gap[aside.end():]
            if after_title and (named := LATIN_NAME.match(gap)) and _person_like(named.group(0)):
                extra.append(self._discovered(gap_start, gap_start + named.end(), text))  # 首席执行官Jay Graber
                continue
            if latin or after_title:
                run = self._translit_run(gap, backwards=bool(latin) and not after_title)
                s = gap_end - len(run) if latin and not after_title else gap_start
                given = self._given_name_of(text, s + len(run), found)
                if given is not None and run:  # 杰克沙利文, 弗拉基米尔-普京: a given name before a known one
                    extra.append(replace(given, start=s, surface=text[s:given.end]))
                    found = [f for f in found if f is not given]
                    continue
                # 副教授黄介正, 发言人崔泳杉, 研究员赖洁希（Rajeswari Pillai Rajagopalan）: a Chinese, Korean or Japanese
                # name, where it is longer than the run of transliteration characters (胡锡进, not 胡锡)
                han = self._han_name_after(gap) if after_title else \
                    self._han_name_before(gap) if _person_like(latin.group(1)) else 0
                if han > len(run) or (han and not (2 <= len(run) <= 6 and run[0] not in NOT_NAME_START)):
                    s = gap_start if after_title else gap_end - han
                    extra.append(self._discovered(s, s + han, text))
                    continue
                glossed = latin or LATIN_PAREN.match(text, s + len(run))
                if 2 <= len(run) <= 6 and run[0] not in NOT_NAME_START \
                        and (glossed or not self._words.everyday_word(run[:2])):  # 法官根本没听: a word, not a name
                    extra.append(self._discovered(s, s + len(run), text))
                    continue
            honoured = self._before_honorific(gap)
            if honoured:  # 德雷森女士, 王先生: a name before a form of address
                extra.append(self._discovered(gap_start + honoured[0], gap_start + honoured[1], text))
                continue
            speaking = self._speaking_name(text, gap_start, gap)
            if speaking:  # 王岸然表示: a Chinese name that opens a clause and says something
                extra.append(self._discovered(gap_start + speaking[0], gap_start + speaking[1], text))
                continue
            latin_speakers = [m for m in self._latin_speaker.finditer(gap) if _person_like(m.group(1))]
            for m in latin_speakers:  # 分析师Adrian Ash说: a person written in Latin letters who says something
                extra.append(self._discovered(gap_start + m.start(1), gap_start + m.end(1), text))
            if latin_speakers:
                continue
            extra.extend(self._abbreviations(text, gap_start, gap_end, starts))
        return sorted(found + extra, key=lambda f: f.start)

    @staticmethod
    def _drop_echoes(out: list[Found], text: str) -> list[Found]:
        """普萨基（Jen Psaki）, 川普（特朗普）: the name in the parentheses is the same actor, not another mention."""
        spans = []
        for f in out:
            if f.type == "Person" and f.latin and (m := LATIN_PAREN.match(text, f.end)):
                spans.append(m.span())
        echoes = {id(g) for f in out for g in out if g is not f and g.actor == f.actor and text[f.end:g.start] == "（"
                  and text[g.end:g.end + 1] in "）)"}
        return [f for f in out if id(f) not in echoes and not any(s <= f.start < e for s, e in spans)]

    def _given_names(self, text: str, found: list[Found]) -> list[Found]:
        """阿什莉·拜登, 迈克·彭博: a given name and a dot before a known name make one person's name, the known
        person's only where the given names agree (约瑟夫·拜登), else someone the lexicon does not know."""
        out = []
        for f in found:
            if f.kind == NAME and f.type != "Country" and MIDDLE_DOT not in f.surface \
                    and f.start > 1 and text[f.start - 1] in (MIDDLE_DOT, "."):
                initial = INITIAL_BEFORE.search(text, 0, f.start)  # 汉斯·W·摩尔: the given name is before the initial
                lead = initial.start() if initial else f.start - 1
                given = self._translit_run(text[max(0, lead - MAX_NAME):lead], backwards=True)
                start = lead - len(given)
                while start > 1 and text[start - 1] == MIDDLE_DOT and len(given) >= 2 and \
                        len(more := self._translit_run(text[max(0, start - 1 - MAX_NAME):start - 1], backwards=True)) >= 2:
                    given, start = more + MIDDLE_DOT + given, start - 1 - len(more)  # 拉斐尔·马里亚诺·格罗西
                rest = self._translit_run(text[f.end:f.end + MAX_NAME], backwards=False)  # 布莱恩·马斯特, not 马斯
                if len(given) >= 2 and not any(g.end > start and g.start < f.start for g in found) \
                        and not any(g.start < f.end + len(rest) and g.end > f.end for g in found):
                    f = self._discovered(start, f.end + len(rest), text)
            out.append(f)
        return out

    def _given_name_of(self, text: str, end: int, found: list[Found]) -> Found | None:
        """The known person whose name starts right after `end` (or after one separator: - · . space)."""
        for f in found:
            if f.type == "Person" and f.kind == NAME and (f.start == end or (f.start == end + 1 and text[end] in NAME_JOINERS)):
                return f
        return None

    def _before_honorific(self, gap: str) -> tuple[int, int] | None:
        """The span of a name right before 女士/先生/小姐/夫人 in `gap`: a run of transliteration characters, or a
        Chinese name (a family name and one or two more characters)."""
        at = next((m.start() for m in HONORIFIC.finditer(gap)), -1)
        if at < 2:
            return None
        run = self._translit_run(gap[:at], backwards=True)
        if 2 <= len(run) <= 6 and run[0] not in NOT_NAME_START:
            return at - len(run), at
        for length in (3, 2):
            start = at - length
            if start >= 0 and self._surname_at(gap, start) and not any(self._name_ends_at(gap[start:at], k)
                                                                        for k in range(1, length)):
                return start, at
        return None

    def _glossed_names(self, text: str, found: list[Found]) -> list[Found]:
        """毛拉·阿卜杜勒·加尼·巴拉达尔（Abdul Ghani Baradar）: a dotted name before a person's Latin name is one person,
        whatever names the lexicon knows inside it (加尼 is not Ashraf Ghani here)."""
        for m in GLOSSED.finditer(text):
            if not _person_like(m.group("latin")):
                continue
            start = max([m.start()] + [f.end for f in found if f.kind == TITLE and m.start() <= f.end < m.end("name")])
            surface = text[start:m.end("name")]
            if self.lexicon.surfaces.get(surface) or MIDDLE_DOT not in surface \
                    or any(ch in NAME_STOPS for ch in surface.replace(MIDDLE_DOT, "")):
                continue  # 普京在俄国黑海（Black Sea）: a name, a preposition and a place
            inside = [f for f in found if start <= f.start and f.end <= m.end()]
            known = self.lexicon.surfaces.get(normalize(m.group("latin").strip()))
            if known is not None and self.lexicon.actors[known].type == "Person":  # 马特-盖茨（Matt Gaetz）: 马特·盖兹
                name = Found(start, m.end("name"), known, "Person", surface, kind=NAME)
            else:
                name = self._discovered(start, m.end("name"), text)
            found = sorted([f for f in found if f not in inside] + [name], key=lambda f: f.start)
        return found

    def _speaking_name(self, text: str, start: int, gap: str) -> tuple[int, int] | None:
        """The span in `gap` of a Chinese name (a family name and one or two more characters) that opens a clause of
        its own and says something: right before a verb of saying (王岸然表示, 李红说), or after words of time, adverbs or
        a scene (王岸然也表示, 王岸然周一表示, 对此，王岸然在接受采访时表示), or None."""
        for at in (0, *(k + 1 for k, ch in enumerate(gap) if ch in SPEAKING_NAME_AFTER)):
            if at == 0 and start > 0 and text[start - 1] not in "，。；：、（“”\"和与 ":
                continue
            if at >= len(gap) or TIME_WORD.match(gap, at):
                continue
            whole = self._translit_run(gap[at:at + MAX_SPOKEN_TRANSLIT + 3], backwards=False)
            run = next((whole[:-len(t)] for t in (*self._title_words, *HONORIFICS, "博士") if whole.endswith(t)), whole)
            if 3 <= len(run) <= MAX_SPOKEN_TRANSLIT and run[0] not in NOT_NAME_START \
                    and not self._words.everyday_word(run) and not self._words.everyday_word(run[:2]) \
                    and self.lexicon.said.match(gap, SAYING_ADVERBIAL.match(gap, at + len(whole)).end()):
                return at, at + len(run)  # 玛格丽特表示, 麦卡洛博士说: a transliterated name that says something
            family = self._surname_at(gap, at)
            for length in (3, 2):
                name = gap[at:at + length]
                if not family or length <= family or len(name) < length or self._word_like(name) \
                        or any(self._name_ends_at(name, k) for k in range(family, length)):
                    continue
                adverbial = SAYING_ADVERBIAL.match(gap, at + length)
                widened = at > 0 or adverbial.end() > at + length  # not right at the gap's start before the verb
                if (self._words.known_word(name) or widened and (name.endswith(NOT_GIVEN_NAMES) or name[family:] in "男女")
                                or (name[0] in ADVERB_FAMILY_NAMES and self._words.known_word(name[1:]))):
                    continue  # 严正表示, 蓝皮书指出, 曾公开表示, 叶姐说, 李男便要求: a word, a kinship, a sex, not a name
                if self.lexicon.said.match(gap, adverbial.end()):
                    return at, at + length
        return None

    def _surname_at(self, text: str, i: int) -> int:
        """Length of the family name starting at `i` (欧阳 before 欧), or 0."""
        return next((n for n in (2, 1) if i + n <= len(text) and text[i:i + n] in self.lexicon.surnames), 0)

    def _han_name_after(self, gap: str) -> int:
        """Length of a name of two to four characters that opens `gap` with a family name and ends where a word
        that cannot be part of a name starts (说, 表示, 在, 对 …, or a punctuation mark)."""
        family = self._surname_at(gap, 0)
        if not family or TIME_WORD.match(gap):
            return 0
        end = family
        while end < min(len(gap), 4) and not self._name_ends_at(gap, end):
            end += 1
        if end < len(gap) and gap[end] in NAME_JOINERS:
            return 0  # 文森佐·阿曼多拉: the given name of a transliterated name, not a Chinese name
        if any(gap.startswith(t, k) for k in range(1, end) for t in self._long_titles):
            return 0  # 教授侯教授: a title inside the candidate (侯 + 教授), no given name
        ok = end >= 2 and (end == len(gap) or self._name_ends_at(gap, end)) and not self._word_like(gap[:end])
        return end if ok else 0

    def _han_name_before(self, gap: str) -> int:
        """Length of a name of two to four characters that closes `gap`: it starts with a family name, right after a
        role word, 的, a mark or nothing (研究员赖洁希, 负责人薄迈伦)."""
        for length in (3, 2, 4):
            start = len(gap) - length
            if start < 0 or not self._surname_at(gap, start):
                continue
            name = gap[start:]
            if any(self._name_ends_at(name, k) for k in range(1, length)) or self._word_like(name):
                continue
            if start == 0 or gap[start - 1] in NAME_BEFORE or gap[:start].endswith(tuple(self.lexicon.titles)):
                return length
        return 0

    def _word_like(self, name: str) -> bool:
        """高调, 文件法, 曾任国民: the candidate, or its first two characters, are a word of the language."""
        family = name[:2] if name[:2] in self.lexicon.surnames else ""  # 秋叶刚男: 秋叶 is a word and a family name
        return self._words.common_word(name) or (not family and self._words.common_word(name[:2], PREFIX_WORD_FREQ)) \
            or name.endswith(HONORIFICS) or (name[0] in ADVERB_FAMILY_NAMES and self._words.verb_like(name[1:3])) \
            or (name[0] in PREPOSITION_FAMILY_NAMES and name[1:2] in TIME_OPENINGS)

    def _name_ends_at(self, text: str, i: int) -> bool:
        return i >= len(text) or text[i] in NAME_STOPS or text.startswith(self._stop_words, i) \
            or text.startswith(self._rank_words, i)  # 金南勋准将表示: a rank after the name

    def _translit_run(self, gap: str, backwards: bool) -> str:
        chars = reversed(gap) if backwards else iter(gap)
        run = []
        for ch in chars:
            if ch not in self._translit:
                break
            run.append(ch)
        return "".join(reversed(run)) if backwards else "".join(run)

    def _discovered(self, start: int, end: int, text: str) -> Found:
        surface = text[start:end]
        first = surface.split(MIDDLE_DOT, 1)[0]
        cut = max((k for k in range(1, len(first) - 1) if first[:k].endswith(self._title_words)), default=0)
        if MIDDLE_DOT in surface and cut:  # 亿万富翁迈克·彭博: the name starts after the title
            start, surface = start + cut, surface[cut:]
        last = surface.rsplit(MIDDLE_DOT, 1)[-1]
        tail = next((t for t in (*self._title_words, *self.lexicon.cues.after_name_titles)
                     if len(t) >= 2 and last.endswith(t) and len(last) - len(t) >= 2), "")
        if MIDDLE_DOT in surface and tail:  # 马克·希尔本博士: the title after the name is not part of it
            end, surface = end - len(tail), surface[:-len(tail)]
        family = surface.rsplit(MIDDLE_DOT, 1)[-1]
        key = self.lexicon.surfaces.get(family) if MIDDLE_DOT in surface else None
        if key and self.lexicon.actors[key].type == "Person" and self._same_given_name(key, surface):
            return Found(start, end, key, "Person", surface, kind=NAME)  # 沃洛德米尔·泽连斯基: a known name
        # 阿什莉·拜登: where the family name is a known actor's, the full name keeps this person apart
        return Found(start, end, person_key(surface) if not key else PERSON_PREFIX + surface, "Person", surface,
                     kind=DISCOVERED)

    def _same_given_name(self, key: str, surface: str) -> bool:
        """格雷格·斯图布 is not 亚历山大·斯图布: a known full name with another given name is someone else (but a given
        name written another way, 马特乌斯 for 马泰乌什, starts with the same character)."""
        info = self.lexicon.actors[key]
        full = [normalize(a) for a in (info.label_zh, *info.aliases) if MIDDLE_DOT in normalize(a)]
        given = MIDDLE_DOT.join(p for p in surface.split(MIDDLE_DOT)[:-1] if not re.fullmatch(r"[A-Z]\.?", p))  # 唐纳德·J
        return not full or any(f.rsplit(MIDDLE_DOT, 1)[0].endswith(given) or given.endswith(f.split(MIDDLE_DOT)[0])
                               or given.startswith(f.split(MIDDLE_DOT)[0] + MIDDLE_DOT)  # 拉斐尔·马里亚诺·格罗西
                               or given.split(MIDDLE_DOT)[-1][:1] == f.rsplit(MIDDLE_DOT, 1)[0].split(MIDDLE_DOT)[-1][:1]
                               for f in full)

    def _abbreviations(self, text: str, start: int, end: int, starts: frozenset[int] | None) -> list[Found]:
        """美俄峰会, 中美关系: two or more one-character country names in a row that start a word
        (not 参加中美 or 25日俄国: there 加 and 日 belong to the word before)."""
        abbr = self.lexicon.abbreviations
        out = []
        for m in self._compound.finditer(text, start, end):
            i, j = m.span()
            starts_word = (starts is None or i in starts) and not (i > 0 and (text[i - 1].isdigit() or text[i - 1] in "月年"))
            if starts_word and len({abbr[c] for c in text[i:j]}) == j - i:
                topic = text.startswith(self.lexicon.cues.topic_nouns + TOPIC_COMPOUNDS, j) \
                    or text[max(0, i - 4):i].endswith(self.lexicon.cues.topic_verbs)  # 就俄乌局势, 俄乌战争
                out.extend(Found(k, k + 1, abbr[text[k]], "Country", text[k], kind=ABBREVIATION, topic=topic)
                           for k in range(i, j))
        return out

    def _phrases(self, text: str, found: list[Found], on: date) -> tuple[Found, ...]:
        """Join [country|org]* title* name runs; resolve unnamed office holders (法国总统)."""
        out: list[Found] = []
        run: list[Found] = []

        def flush() -> None:
            actors = [f for f in run if f.kind != TITLE]
            titles = [f for f in run if f.kind == TITLE]
            if len(actors) >= 2 and titles and all(a.kind == ABBREVIATION for a in actors):
                out.extend(self._each_titled(actors, titles, on, text))  # 美俄外长: each country's minister
                run.clear()
                return
            office = self._office(actors, titles, on, run, text) if titles else None
            shared = self._share_title(text, out, run[0].start, titles, on) if titles and actors and run[-1].kind == TITLE else -1
            if office and shared >= 0:
                office = replace(office, group=shared)
            if office:
                out.extend(replace(a, prefix=True) for a in actors)
                out.append(office)
            elif titles and actors and run[-1].kind == TITLE:  # 俄罗斯外长, unnamed: Russia stands for its official
                out.extend(replace(a, prefix=True, role=titles[-1].surface) for a in actors)
            else:
                out.extend(actors)
            run.clear()

        fillers = self._fillers
        owners = _owners(text, found, fillers)
        for n, f in enumerate(found):
            if n in owners:  # 普京前顾问伊拉里奥诺夫: Putin qualifies the adviser
                flush()
                out.append(replace(f, prefix=True))
                continue
            if f.kind == PLACE:
                flush()
                out.append(f)
                continue
            if run and not _adjacent(text, run[-1].end, f.start, fillers):
                flush()
            if f.type == "Person":
                role = text[run[0].start:run[-1].end] if run else None
                out.extend(replace(a, prefix=True) for a in run if a.kind != TITLE)
                run.clear()
                out.append(_with_latin(text, replace(f, role=role or f.role)))
            elif f.place or f.topic:
                flush()
                out.append(f)
            else:
                run.append(f)
        flush()
        return tuple(self._drop_echoes(out, text))

    def _affiliations(self, text: str, found: tuple[Found, ...], tokens: tuple[tuple[int, int], ...]) -> tuple[Found, ...]:
        """俄罗斯著名外交政策专家费奥多尔·卢基亚诺夫, 华盛顿智库战略与国际研究中心的斯科特·肯尼迪: a country or an
        organisation followed by a description that ends in a role word (or 的) and then a person's name is the
        person's affiliation, not a party of its own."""
        out = list(found)
        for j, person in enumerate(out):
            if person.type != "Person" or person.prefix or not person.is_actor:
                continue
            k = next((k for k in range(j - 1, -1, -1) if out[k].actor and not out[k].topic), None)  # 中国问题专家
            if k is None or out[k].type == "Person" or not out[k].is_actor or out[k].prefix:
                continue  # 美国制裁了俄罗斯外长拉夫罗夫: 俄罗斯 already qualifies him
            owner = out[k]
            gap = text[owner.end:person.start]
            if self._describes(gap, owner.end, tokens):
                out[k] = _qualifier(owner, self._names_institution(gap))
                while k > 0 and out[k - 1].is_actor and out[k - 1].type != "Person" and not out[k - 1].prefix \
                        and self._modifies(text[out[k - 1].end:out[k].start], out[k - 1].end, tokens):
                    k -= 1  # 华盛顿智库战略与国际研究中心的肯尼迪: the city qualifies the institute
                    out[k] = _qualifier(out[k], out[k + 1].type == "Organization")
                if person.role is None:
                    out[j] = replace(person, role=text[owner.start:person.start])
        return tuple(out)

    def _describes(self, gap: str, offset: int, tokens: tuple[tuple[int, int], ...]) -> bool:
        """Is `gap` a description of the person after it: no clause break, no verb or preposition, and a role word
        (or 的) at its end?"""
        bare = GLOSS.sub("", gap)
        if not bare or len(bare) > 30 or any(ch in CLAUSE_MARKS for ch in bare) or "了" in bare:
            return False
        if not (bare.endswith("的") or bare.endswith(tuple(self.lexicon.titles)) or bare[-1] in NAME_BEFORE):
            return False
        titled = self._title_spans(gap)
        for s, e in tokens:
            if offset <= s and e <= offset + len(gap):
                word = gap[s - offset:e - offset]
                if word in ACTION_MARKS or (word not in COORDINATORS and self._words.verb_like(word) and len(word) == 1
                                            and not any(a <= s - offset < b for a, b in titled)):
                    return False  # 美国制裁了…外长: an action (not 国家安全保障局长, whose 保障 names the bureau)
        return True

    def _names_institution(self, gap: str) -> bool:
        """Does a description name an institution (墨卡托中国研究中心研究员, 淡江大学副教授)?"""
        return any(w in gap for w in self.lexicon.cues.organisation_words if len(w) >= 2)

    def _modifies(self, gap: str, offset: int, tokens: tuple[tuple[int, int], ...]) -> bool:
        """Is `gap` (智库, 的, nothing) only nominal material joining one qualifier to the next?"""
        bare = GLOSS.sub("", gap)
        if len(bare) > 10 or any(ch in CLAUSE_MARKS for ch in bare) or bare.endswith(("和", "与", "及", "、")):
            return False
        return not any(offset <= s and e <= offset + len(gap) and self._words.verb_like(gap[s - offset:e - offset])
                       and gap[s - offset:e - offset] not in COORDINATORS for s, e in tokens)

    def _title_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the titles of `text` stand (执行副总裁: 执行 is a verb, but inside a title)."""
        spans = []
        for i in range(len(text)):
            hit = self._trie.longest_at(text, i)
            if hit is not None and hit[1][0] == TITLE:
                spans.append((i, hit[0]))
        return spans

    def _each_titled(self, countries: list[Found], titles: list[Found], on: date, text: str) -> list[Found]:
        out = []
        for c in countries:
            office = self._office([c], titles, on, [c, titles[-1]], text)
            if office is not None:
                out += [replace(c, prefix=True), replace(office, start=c.start, end=c.end, surface=c.surface,
                                                         group=countries[0].start)]
            else:
                out.append(replace(c, prefix=True, role=titles[-1].surface))
        return out

    def _share_title(self, text: str, out: list[Found], start: int, titles: list[Found], on: date) -> int:
        """美国和俄罗斯领导人: the title after the last of coordinated countries holds for each of them.
        Returns the start of the whole phrase (the group of the offices it resolves), or -1."""
        shared = []
        while out and out[-1].type == "Country" and not out[-1].prefix \
                and not out[-1].place and not out[-1].topic \
                and text[out[-1].end:start] in ("和", "与", "及", "以及", "、"):
            country = out.pop()
            office = self._office([country], titles, on, [country, titles[-1]], text)
            if office is not None:
                shared.append(replace(country, prefix=True))
                shared.append(replace(office, start=country.start, end=country.end, surface=country.surface))
            else:
                shared.append(replace(country, prefix=True, role=titles[-1].surface))
            start = country.start
        if not shared:
            return -1
        out.extend(replace(f, group=start) if f.kind == OFFICE else f for f in shared)
        out.sort(key=lambda f: (f.start, not f.prefix))
        return start

    def _office(self, prefixes: list[Found], titles: list[Found], on: date, run: list[Found], text: str) -> Found | None:
        """法国总统 → the French president on the article's date, when the lexicon knows."""
        if not prefixes or len(prefixes) > 2:
            return None
        holder = None
        for title in reversed(titles):
            country = prefixes[-1].actor
            holder = self.lexicon.office_holder(country, title.role, on)
            if holder is None and self.lexicon.is_head(title.role):  # 领导人, 元首: whoever heads the country
                holder = next((h for t in self.lexicon.heads if (h := self.lexicon.office_holder(country, t, on))), None)
            if holder:
                break
        if not holder or holder not in self.lexicon.actors:
            return None
        start, end = run[0].start, run[-1].end
        if text[end:end + 2] in ("办公", "官员", "府", "官邸", "府邸"):  # 法国总统办公室, 美国总统官员: not the holder
            return None
        return Found(start, end, holder, self.lexicon.actors[holder].type, text[start:end], kind=OFFICE,
                     role=text[start:end])


def _owners(text: str, found: list[Found], fillers: tuple[str, ...]) -> set[int]:
    """Indexes of persons followed by a title and another person's name: they qualify that person."""
    out = set()
    for n in range(len(found) - 2):
        a, t, b = found[n], found[n + 1], found[n + 2]
        if a.type == "Person" and t.kind == TITLE and b.type == "Person" and _adjacent(text, a.end, t.start, fillers) \
                and _adjacent(text, t.end, b.start, fillers):
            out.add(n)
    return out


def _splits_latin_word(text: str, start: int, end: int) -> bool:
    """Does [start, end) begin or end inside a word of Latin letters?"""
    return (text[start].isascii() and text[start].isalpha() and start > 0 and text[start - 1].isascii()
            and text[start - 1].isalpha()) or (text[end - 1].isascii() and text[end - 1].isalpha()
                                                and end < len(text) and text[end].isascii() and text[end].isalpha())


def keep_named_offices(found: tuple[Found, ...], named: set[str]) -> tuple[Found, ...]:
    """法国总统 stands for Macron only where the article names him; elsewhere it stays France's president
    (France qualifies a title, as in 英国、意大利和德国领导人)."""
    unnamed_groups = {f.group for f in found if f.kind == OFFICE and f.group >= 0 and f.actor not in named}
    dropped = [f for f in found if f.kind == OFFICE and not (f.actor in named and f.group not in unnamed_groups)]
    out = []
    for p in found:
        if p in dropped:
            continue
        office = next((f for f in dropped if p.prefix and f.start <= p.start < f.end), None)
        out.append(replace(p, role=office.role) if office else p)  # 乌克兰外交部发言人: the body's unnamed spokesperson
    return tuple(out)


def _qualifier(owner: Found, of_institution: bool) -> Found:
    """The owner of a description as a person's affiliation; a country that only qualifies an institution in it
    (德国墨卡托中国研究中心研究员, 台湾淡江大学副教授) is where that institution is, not an actor of the sentence."""
    return replace(owner, place=True) if owner.type == "Country" and of_institution else replace(owner, prefix=True)


def _spoken_of(text: str, i: int, found: list[Found], verbs: tuple[str, ...]) -> bool:
    """提及台湾, 讨论了台湾和新疆: a country right after a verb of mentioning (or joined to one that is) is a topic."""
    if text[max(0, i - 4):i].endswith(verbs):
        return True
    last = found[-1] if found else None
    return last is not None and last.topic and text[last.end:i] in ("和", "与", "及", "、", "以及")


def _after_place(found: list[Found], text: str, i: int) -> bool:
    """访问以色列和巴勒斯坦: a country joined to a place is a place too."""
    return bool(found) and found[-1].place and text[found[-1].end:i] in ("和", "与", "及", "、", "以及")


def _with_latin(text: str, head: Found) -> Found:
    m = LATIN_PAREN.match(text, head.end)
    return replace(head, latin=m.group(1).strip()) if m else head


def _adjacent(text: str, end: int, start: int, fillers: tuple[str, ...]) -> bool:
    """Two references belong to one phrase when nothing but `fillers` (新闻, 前, 一位高级政府) stands between."""
    between = text[end:start] if start >= end else None
    if between and (gloss := re.match(r"^（[^（）]{1,12}）", between)):
        between = between[gloss.end():]  # 俄罗斯议会下议院（国家杜马）议长: a gloss in parentheses
    while between:
        filler = next((f for f in fillers if between.startswith(f)), None)
        if filler is None:
            return False
        between = between[len(filler):]
    return between is not None


def _local_at(text: str, i: int, local: dict[str, str]) -> tuple[int, str] | None:
    best = None
    for surface, key in local.items():
        if key and text.startswith(surface, i) and (best is None or i + len(surface) > best[0]):  # "": ambiguous
            best = (i + len(surface), key)
    return best
