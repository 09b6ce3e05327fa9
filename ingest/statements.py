"""Statements: who said what, to whom, in one sentence.

A speech verb outside quotation marks opens a statement. Its speaker is the
subject of its clause: the first actor before the verb that is not the
object of a preposition (向X, 据X, 对X); else a pronoun or a 这位-phrase
resolved from what the article said before; else the speaker of the
previous clause of the same sentence (…表示否认，但要求美国…). The addressee
is the object of a telling verb (告诉X, 警告X), the X of 向X / 致X / 对X说,
or the interviewer (接受X采访). One statement per speaker per sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from diplograph.ingest.analysis import AnalysedSentence
from diplograph.ingest.clauses import Frame
from diplograph.ingest.context import ReadingContext
from diplograph.ingest.lexicon import Lexicon, SpeechVerb
from diplograph.ingest.found import discovered_type
from diplograph.ingest.mentions import Found
from diplograph.ingest.speech import VerbHit

# An actor right after one of these is an object, a topic or a source, not the subject.
PRONOUN_OPENING = re.compile(r"(?:而|但|并且)?(他|她)(?!们)")
PRONOUNS = {"他们": "person", "她们": "person", "他": "person", "她": "person", "它": "org", "其": "any"}
DEMONSTRATIVE = re.compile(r"(?:[^，。]{0,6}?)(这位|该名|这名|那位|该)([^，。、\s]{1,12}?)"
                           r"(?:还|也|则|又|再次|随后|同时|已经|曾|早些时候|此前|周.|\d+日)?$")


STATEMENT_NOUN = re.compile(r"^(?:[^，。]{0,4}?)(?:这份|这项|该|此)?(声明|公告|新闻稿|文件|报告)(?:中)?(?:还|也)?")
ADVERBS = re.compile(r"^(?:[还也并则又而且但却同时此外另外随后然后早些时候此前稍后周一二三四五六日天\d月日号，,\s]|[昨今前当]天|近日|日前|"
                     r"[（(][^（）()]{1,12}[）)])*$")  # 昨天（4日）她又发文说: times, and a date in brackets
PREPOSED = re.compile(r"(?:并且|并|而|还|也|又|随后|同时)*(?P<p>对|向|就|针对|对于)[^，。；“”]{1,24}$")
ASKED = re.compile(r"(?:并|而|则|随后|同时)?(?:在)?(?:被问及|被问到|被记者问及|被记者问到|回答|谈及|谈到)[^，。；“”]{1,30}?(?:时|后)"
                   r"(?:还|也|则|又)?")  # 被问及此次峰会的情况时表示: a clause that opens with the question put


def _preposed(s: AnalysedSentence, start: int, verb: VerbHit, lexicon: Lexicon) -> bool:
    """并对…安倍晋三表示哀悼, 就香港问题表达: a clause with no subject that opens with a preposition's phrase before a
    verb of saying (a word of its own: not 就是, 就像; and a verb, not a noun such as 指控 or 威胁)."""
    m = PREPOSED.match(s.text, start, verb.start)
    if m is None or m.group("p") == "就" and not any(w in s.text[m.end("p"):verb.start] for w in lexicon.cues.topic_heads):
        return False  # 就想告诉, 就像…说: 就 as an adverb; 就香港问题表达: a topic
    return m.end("p") in s.cuts and m.start("p") in s.cuts and verb.entry.word not in lexicon.cues.speech_nouns
INTERVIEW = re.compile(r"接受(?P<who>[^，。]{1,16}?)(?:记者)?(?:的)?(?:采访|专访|访问)|回答(?P<asker>[^，。]{1,16}?)(?:记者)?(?:提出)?的[^，。]{0,4}问题")
TO_MARKERS = ("向", "致", "给")
FORUM = re.compile(r"在[^，。在]{1,16}?(?:(?:大会|会议|全会|议会|国会|理事会|辩论)[^，。]{0,6}?(?:上|中)|作证|听证会[上中])")
PRESS = ("记者会", "新闻发布会", "发布会", "吹风会", "采访")
RECENT_SENTENCES = 3  # an account of a call goes on for a few sentences after the call is named


@dataclass(frozen=True)
class Said:
    """A statement found in a sentence, before it becomes a record."""

    speaker: str
    hit: VerbHit
    addressee: str | None
    quote: str | None
    content: str
    subject_start: int
    joint: bool = False  # 双方…联合声明说: said together, to no one in particular


def subject_of(s: AnalysedSentence, pos: int, lexicon: Lexicon, past_descriptions: bool = False) -> Found | None:
    """The first actor of the clause before `pos` that is not governed by a preposition
    (with `past_descriptions`, the outlet after a collective that describes it: 中共官媒新华社)."""
    text, frame, found = s.text, s.frame, s.found
    start = frame.clause_start(pos)
    for m in found:
        if m.start < start or m.end > pos or not m.is_actor or m.prefix or frame.in_quote(m.start) \
                or m.kind == "abbreviation":
            continue
        before = text[start:m.start]
        if m.role and (at := text.rfind(m.role, start, m.start)) >= 0:
            before = text[start:at]  # 联合国大使波利安斯基: what precedes is a title, not the preposition 使
        if before.endswith(lexicon.cues.not_subject_after) or before.startswith(lexicon.cues.relay_words) \
                or GOVERNED.match(before) or _governed_after_title(before, lexicon):
            continue  # 并对遭枪击去世的前首相安倍晋三表示哀悼: the preposition governs the whole phrase
        if lexicon.actors.get(m.actor) is not None and lexicon.actors[m.actor].type == "Country" \
                and _qualifies_a_noun(text, found, m, pos, lexicon):
            continue  # 乌克兰央行呼吁, 联合国核监督机构表示: the country only says whose body speaks
        if before.endswith("包括") and "在内" in text[m.end:pos]:
            continue  # 包括X在内的多国领导人表示: a group that X is one of
        if past_descriptions and lexicon.is_collective(m.actor) and \
                (nxt := next((f for f in found if f.start == m.end and f.is_actor), None)):
            m = nxt  # 中共官媒新华社: the outlet named after its description
        chain = [m] + coordinated(text, found, m, pos)
        if any(text[c.end:c.end + 1] == "的" for c in chain) and not text[start:pos].startswith(lexicon.cues.as_said) \
                and not DOCUMENT.match(text, chain[-1].end, pos):
            continue  # 普京和拜登的峰会: a possessor, not the subject (but 日本政府发布的消息显示: the issuer speaks)
        return m
    return None


GOVERNED = re.compile(r"(?:并且|并|而|还|也|又|再|随后|同时|则)*(?:对|向|给|替|针对|对于)(?![此方外])")
DOCUMENT = re.compile(r"(?:(?:发布|发表|公布|发出|发布了|发表了)?的)?[^，。的]{0,8}?(?:声明|联合声明|报告|公报|通稿|消息|文件|决议|"
                      r"新闻稿|公告|摘要|简报|读数|通报)(?:中|里)?(?:还|也|则|再次)?(?=[^，。]{0,2}$)")


def _qualifies_a_noun(text: str, found: tuple[Found, ...], m: Found, pos: int, lexicon: Lexicon) -> bool:
    """乌克兰央行, 德国品牌Hugo Boss, 印度智库…研究员: a country right before a body, a kind of people or a title that the
    lexicon does not know as such, with no actor in between, is that noun's qualifier, not the one who speaks."""
    between = text[m.end:pos]
    named = next((f for f in found if m.end <= f.start < pos and f.is_actor), None)
    if named is not None:  # 印度智库“观察者研究基金会”…研究员赖洁希说: the noun the country qualifies is named next
        head = text[m.end:named.start].strip("“”\"《 ")
        if not head and named.type == "Organization":
            return True  # 意大利米兰理工大学表示: the country's body
        return 1 <= len(head) <= 6 and head.endswith(lexicon.qualified_words)
    if not between:
        return False
    head = re.split(r"[，。：:“”（(]", between)[0]
    if len(head) != len(between):
        return False
    head = re.sub(r"(?:周.|\d+月\d+日|\d+日|日前|今天|当天|也|还|则|已|已经|再次|随后|同时|曾|又)+$", "", head)
    return 1 <= len(head) <= 14 and head.endswith(lexicon.qualified_words) and head not in ("政府", "当局")


def _governed_after_title(before: str, lexicon: Lexicon) -> bool:
    """总统向“福克斯新闻”的玛丽亚·巴蒂罗莫表示: the subject is a bare title, and the actor after it is governed."""
    head = GOVERNED.search(before)
    return head is not None and 0 < head.start() <= 6 and before[:head.start()] in lexicon.titles


def _bare_title(head: str, lexicon: Lexicon, ctx: ReadingContext) -> str | None:
    """The person the article named with the title that opens the clause alone, before the verb or before a
    preposition's phrase (总统表示, 总统向…表示): 唐纳德·川普总统…周日，总统向…表示 is Trump."""
    for n in range(min(len(head), 6), 1, -1):
        title, rest = head[:n], head[n:]
        if title in lexicon.titles and (rest == "" or ADVERBS.match(rest) or GOVERNED.match(rest)):
            holders = {key for key, role in ctx.roles.items()
                       if role.endswith(title) and not role[:-n].endswith(("前", "原", "副", "已故"))}
            return holders.pop() if len(holders) == 1 else None  # 前总统奥巴马 is not 总统
    return None


def coordinated(text: str, found: tuple[Found, ...], head: Found, pos: int) -> list[Found]:
    """X和Y表示: actors joined to the subject by 和/与/及, before the verb."""
    out, end = [], head.end
    for m in found:
        if m.start < end or m.end > pos or not m.is_actor or m.prefix:
            continue
        if text[end:m.start] in ("和", "与", "及", "以及", "、"):
            out.append(m)
            end = m.end
        elif m.start > end:
            break
    return out


def _described(text: str, frame: Frame, subject: Found, lexicon: Lexicon) -> bool:
    """Is the subject only part of a 这位…-description of a person?"""
    head = text[frame.clause_start(subject.start):subject.start]
    demonstrative = re.search(r"(这位|该名|这名|那位)[^，。]{0,8}$", head)
    info = lexicon.actors.get(subject.actor)
    return demonstrative is not None and (info is None or info.type != "Person" or lexicon.is_collective(subject.actor))


def _spokesbody(s: AnalysedSentence, pos: int, lexicon: Lexicon) -> Found | None:
    """乌克兰外交部发言人表示: an unnamed spokesperson speaks for the body named before the title."""
    text, frame, found = s.text, s.frame, s.found
    start = frame.clause_start(pos)
    for m in found:
        if start <= m.start < pos and m.prefix and lexicon.is_spokesperson(m.role):
            info = lexicon.actors.get(m.actor)
            if (info.type if info is not None else discovered_type(m.actor)) == "Organization" \
                    and not text[start:m.start].endswith(lexicon.cues.not_subject_after):
                return m
    return None


def _source(s: AnalysedSentence, verb: VerbHit, lexicon: Lexicon) -> Found | None:
    """据韩国国防部介绍, 据白宫称: an official source that a clause relays with its own verb of saying speaks
    (据路透社报道 only relays: the outlet reports what others said)."""
    start = s.frame.clause_start(verb.start)
    head = s.text[start:verb.start]
    if not head.startswith(("据", "根据")) or verb.entry.word.startswith("报"):
        return None
    inside = [f for f in s.found if start < f.start and f.end <= verb.start and f.is_actor and not f.prefix]
    if len(inside) != 1 or lexicon.is_media(inside[0].actor) or "的" in s.text[inside[0].end:verb.start]:
        return None  # 据张展同一囚室的难友传出消息说: someone of hers, not she
    return inside[0]


DANGLING_REACH = 3  # clauses back to the subject a clause without one goes on with
LINKING = re.compile(r"(?:并且|并|而|还|也|又|随后|然后|接着|之后|同时)*")


def _opens_with_deed(text: str, start: int, lexicon: Lexicon) -> bool:
    """会见了日本首相岸田文雄, 并抵达东京: a clause that opens with what its subject did (the cue list `deeds`)."""
    return text.startswith(lexicon.cues.deeds, LINKING.match(text, start).end())


def _dangling_subject(s: AnalysedSentence, clause_start: int, lexicon: Lexicon,
                      ctx: ReadingContext | None = None) -> tuple[list[str], bool]:
    """拜登总统在与普京的通话中，明确表示 / 他采取了和解的姿态，称…: the subject that opens the clause before, which has
    no verb of saying of its own, speaks in this clause that has no subject; with the actors joined to it (美国和中国
    发表了联合声明，承诺…), or the pair 两国/双方 of a joint statement, together (the flag: a joint act)."""
    text, frame = s.text, s.frame
    if clause_start == 0 or any(v.start < clause_start for v in s.verbs):
        return [], False  # a verb of saying before: these clauses are what was said, not who says
    for _ in range(DANGLING_REACH):
        prev_start = frame.clause_start(clause_start - 1)
        if frame.in_quote(prev_start):
            return [], False
        subject = subject_of(s, clause_start - 1, lexicon)
        head = text[prev_start:subject.start].strip() if subject is not None else ""
        described = subject is not None and subject.role and head.endswith(subject.role) \
            and "了" not in head[:-len(subject.role)] and not _opens_with_deed(head, 0, lexicon)  # not 会见了…岸田文雄
        joint = JOINT_DOCUMENT_IN.search(text, prev_start, clause_start) is not None
        if subject is not None and (head in ("", "而", "但", "并且") or described):
            joined = coordinated(text, s.found, subject, clause_start - 1)
            if joined and text[subject.end:joined[0].start] in ("与", "同", "跟") \
                    and any(e.start >= subject.end and prev_start <= e.start < clause_start for e in s.events):
                joined = []  # 拜登与岸田通了电话，表达了哀悼: 与 names whom he called, not a second speaker
            together = [m.actor for m in joined]
            return [subject.actor, *together], joint and bool(together)  # 白宫印太政策协调官库尔特·坎贝尔…，敦促
        if subject is None and joint and ctx is not None and (who := JOINT.match(text, prev_start, clause_start - 1)) \
                and (pair := _pair_speakers(who.group("who"), ctx, lexicon)):
            return pair, True  # 两国在北京冬奥会开幕前发表了联合声明，称…
        pronoun = PRONOUN_OPENING.match(text, prev_start, clause_start - 1)
        if subject is None and ctx is not None and pronoun:
            return ([who] if (who := ctx.antecedent(pronoun.group(1))) else []), False
        if prev_start == 0 or not _opens_with_deed(text, prev_start, lexicon):
            return [], False
        clause_start = prev_start  # 布林肯抵达东京，会见了岸田文雄，并对…表示哀悼: that clause goes on with his
    return [], False


def _pronoun_speaker(s: AnalysedSentence, pos: int, ctx: ReadingContext, lexicon: Lexicon,
                     previous: str | None = None) -> str | None:
    """他 / 这位美国国家安全顾问 / 该声明 at the head of the clause: the speaker of an earlier clause of the
    sentence if there is one, else resolved from what the article said before."""
    text, frame, found = s.text, s.frame, s.found
    start = frame.speaker_start(pos)
    head = text[start:pos]
    if previous and (STATEMENT_NOUN.match(head) or any(head.lstrip("而但并且同时").startswith(p) for p in ("他", "她", "其"))):
        info = lexicon.actors.get(previous)
        is_person = previous.startswith("zh-") or (info is not None and info.type == "Person")
        if not head.lstrip("而但并且同时").startswith(("他", "她")) or is_person:
            return previous
    if (m := DEMONSTRATIVE.match(head)) and not STATEMENT_NOUN.match(head):  # 这位美国国家安全顾问 right before the verb
        noun = m.group(2)
        if noun in lexicon.cues.unnamed_people:
            return None
        title = next((t for t in sorted(lexicon.titles, key=len, reverse=True) if noun.endswith(t)), None)
        if title or noun.endswith(("人", "者", "家", "员")):
            person = ctx.person_with_role(noun, title or noun[-2:]) \
                or (ctx.body_of_unnamed(title) if title == noun and title in lexicon.cues.spokesperson_titles
                    else None)  # 这位发言人: the one named with that title, or the body an unnamed one spoke for
            if person:
                return person
        owner = noun.split("的", 1)[0] if "的" in noun else noun[:-len(title)] if title else noun
        if owner in lexicon.cues.body_nouns and owner != "国" or owner == noun and noun.endswith(lexicon.cues.body_nouns):
            return ctx.body_named(owner)  # 该公司补充说, 该公司的分析师在报告中表示, 该公司发言人表示: the company
        return None
    if STATEMENT_NOUN.match(head) and len(head) <= 12:
        return ctx.last_org or ctx.last_speaker
    for word, kind in PRONOUNS.items():
        idx = head.find(word)
        if 0 <= idx <= 12 and not frame.in_quote(start + idx) and ADVERBS.match(head[:idx]):
            if word in ("他们", "她们"):
                return None
            nearer = _earlier_in_sentence(found, start + idx, frame, kind, lexicon)
            if kind == "person" and nearer:
                nearer = ctx.antecedent(word, [nearer])  # 她 after a man's clause is not him
            if nearer:
                return nearer
            if kind == "person":
                return ctx.antecedent(word)
            if kind == "org":
                return ctx.last_org
            return ctx.last_speaker
    return None


def _earlier_in_sentence(found: tuple[Found, ...], pos: int, frame: Frame, kind: str, lexicon: Lexicon) -> str | None:
    """克里姆林宫表示，普京告诉拜登……，他还要求: 他 is the subject of an earlier clause of the sentence."""
    subjects = []
    for m in found:
        if m.end > pos or not m.is_actor or m.prefix or frame.in_quote(m.start):
            continue
        if m.start != frame.clause_start(m.start) and not _at_clause_head(m, frame):
            continue
        info = lexicon.actors.get(m.actor)
        typ = info.type if info else "Person"
        if (kind == "person" and typ == "Person") or (kind == "org" and typ != "Person") or kind == "any":
            subjects.append(m.actor)
    return subjects[-1] if subjects else None


def _at_clause_head(m: Found, frame: Frame) -> bool:
    return m.start - frame.clause_start(m.start) <= 10


def addressee_of(s: AnalysedSentence, verb: VerbHit, subject_end: int, lexicon: Lexicon,
                 speaker: str | None = None) -> str | None:
    """告诉X / 警告X after the verb, 向X / 致X between subject and verb, 对X说, 接受X采访, 在联合国大会上发言."""
    text, found = s.text, s.found
    if verb.entry.takes_object:
        for m in found:
            if not m.is_actor:
                continue
            if verb.end <= m.start <= verb.end + 1 and text[verb.end:m.start] in ("", "了"):
                return _phrase_head(found, m, lexicon) or m.actor
    between = text[subject_end:verb.start]
    for m in found:
        if not m.is_actor or not (subject_end <= m.start < verb.start):
            continue
        before = text[max(subject_end, m.start - 2):m.start]
        if before.endswith(TO_MARKERS) or (before.endswith("对") and len(text[m.end:verb.start]) <= 2):
            return _phrase_head(found, m) or m.actor
    clause = s.frame.clause_start(verb.start)
    previous = s.frame.clause_start(clause - 1) if clause > 0 else clause
    carried = 0 < clause and (subject_end <= clause or text.startswith("在", previous))  # or 在接受…采访时，X说
    scene_from = previous if carried else subject_end
    interview = INTERVIEW.search(text, scene_from, verb.start)  # …在接受CNN采访时，谈到: the clause before sets it
    if interview and any(scene_from <= m.start < interview.start() and m.is_actor and m.type == "Person"
                         and m.actor != speaker and not m.prefix for m in found):
        interview = None  # 记者张真瑜接受…访问，则披露: someone else's interview
    if interview:
        group = "who" if interview.group("who") else "asker"
        inside = [m for m in found if m.is_actor and interview.start(group) <= m.start < interview.end(group)]
        if inside:  # 接受中共党媒新华社的专访: the outlet the description ends with
            return _phrase_head(found, inside[-1]) or inside[-1].actor
    if (forum := FORUM.search(between)) and not any(w in between for w in PRESS):
        inside = [m for m in found if m.is_actor and m.type == "Organization" and not lexicon.is_media(m.actor)
                  and subject_end + forum.start() < m.start < subject_end + forum.end()]
        if len(inside) == 1:
            return inside[0].actor  # 在联合国大会上发言, 在参议院外交委员会作证时: to the body in session
    return None


def _phrase_head(found: tuple[Found, ...], m: Found, lexicon: Lexicon | None = None) -> str | None:
    """美国国务卿布林肯: the person a prefix actor introduces (半岛电视台记者, unnamed: the outlet itself); with the
    lexicon, the outlet a collective description introduces (美媒Axios, 中共官媒新华社)."""
    if lexicon is not None and lexicon.is_collective(m.actor):
        named = next((h for h in found if h.start == m.end and h.is_actor and not lexicon.is_collective(h.actor)), None)
        return named.actor if named else None
    if not m.prefix or m.role:
        return None
    head = next((h for h in found if h.start >= m.end and not h.prefix and h.is_actor), None)
    return head.actor if head else None


def _content_after(text: str, verb: VerbHit) -> str:
    """What was said after the verb: 告诉记者，美国情报部门认为… is 美国情报部门认为…, not 记者，…"""
    rest = text[verb.end:]
    if verb.entry.takes_object and (comma := re.match(r"^[^，。：:“”]{1,12}?[，：:]", rest)):
        rest = rest[comma.end():]
    return rest.strip("，：:, 。")


def quote_of(s: AnalysedSentence, verb: VerbHit, subject_start: int) -> str | None:
    """The quotation the verb introduces (…说：“…”) or follows (“…”普萨基说)."""
    text, frame = s.text, s.frame
    for s, e in frame.quotes:
        if s >= verb.end and text[verb.end:s].strip("：:，, ") == "":
            return text[s + 1:e - 1]
    for s, e in reversed(frame.quotes):
        if e <= subject_start and text[e:subject_start].strip("，, ") == "":
            return text[s + 1:e - 1]
    return None


def statements_in(s: AnalysedSentence, ctx: ReadingContext, lexicon: Lexicon) -> list[Said]:
    """Every statement of the sentence, one per speaker, in order of first appearance."""
    text, frame, found = s.text, s.frame, s.found
    out: dict[str, Said] = {}
    previous: str | None = None
    if label := labelled(s, ctx, lexicon):
        out[label.speaker] = label
        ctx.turn_speaker = previous = label.speaker
    for verb in s.verbs:
        subject = subject_of(s, verb.start, lexicon, past_descriptions=True)
        if subject is not None and _described(text, frame, subject, lexicon):
            subject = None  # 这位乌克兰官员, 这位南达科他州共和党人: the person just quoted, not a group
        if subject is None:
            subject = _spokesbody(s, verb.start, lexicon) or _source(s, verb, lexicon)
        speakers: list[str] = []
        joint = False
        if subject is not None:
            speakers = [subject.actor] + [m.actor for m in coordinated(text, found, subject, verb.start)]
            subject_start, subject_end = subject.start, subject.end
        else:
            subject_start = subject_end = frame.speaker_start(verb.start)
            pronoun = _pronoun_speaker(s, verb.start, ctx, lexicon, previous)
            first_person = FIRST_PERSON.match(text, subject_start, verb.start)
            together = _joint_speakers(text, subject_start, verb, ctx, lexicon)
            if together:
                speakers, joint = together, True  # 双方会晤后的联合声明说, 他们当时宣布了: both sides of the pair
            elif pronoun:
                speakers = [pronoun]
            elif first_person and ctx.turn_speaker:
                speakers = [ctx.turn_speaker]  # 安倍前首相：… 个人要再度表示感谢之意: the speaker of this turn
            elif title_holder := _bare_title(text[subject_start:verb.start], lexicon, ctx):
                speakers = [title_holder]  # 总统向福克斯新闻的巴蒂罗莫表示: the president of the article
            elif ADVERBS.match(text[subject_start:verb.start]) or _preposed(s, subject_start, verb, lexicon) \
                    or ASKED.fullmatch(text, subject_start, verb.start):
                dangling, joint = _dangling_subject(s, subject_start, lexicon, ctx)
                carried = previous or (
                    ctx.last_speaker if subject_start == 0 and verb.start - subject_start <= 4 else None)
                speakers = dangling or ([carried] if carried else [])
        if not speakers:
            continue
        addressee = addressee_of(s, verb, subject_end, lexicon, speakers[0])
        quote = quote_of(s, verb, subject_start)
        content = quote or _content_after(text, verb)
        for speaker in speakers:
            said_to = addressee if addressee != speaker else None
            if speaker in out:
                old = out[speaker]
                kind_verb = old.hit if old.hit.entry.kind != "say" or verb.entry.kind == "say" else verb
                out[speaker] = replace(old, hit=kind_verb, addressee=old.addressee or said_to, quote=old.quote or quote,
                                       joint=old.joint or joint)
            else:
                out[speaker] = Said(speaker, verb, said_to, quote, content, subject_start, joint)
        previous = speakers[0]
    return list(out.values())


LABEL = re.compile(r"^(?P<label>[^，。：:“”「」\d]{1,12})[：:](?=\S)")
FIRST_PERSON = re.compile(r"[^，。]{0,6}?(?:我们|我|个人|本人)")
TURN = SpeechVerb("：", "say", False)
TRANSCRIPT_REACH = 12  # sentences from the call named, or from the last turn of its transcript


JOINT = re.compile(r"[^，。]{0,8}?(?P<who>双方|两国|两人|二人|他们|两位领导人|两国领导人|两国元首|两位元首|两国首脑)"
                   r"(?![媒防外官人民军])[^，。]{0,16}?$")
JOINT_DOCUMENT = re.compile(r"(?:联合声明|共同声明)[^，。]{0,4}$")
JOINT_ACTS = ("宣布", "承诺", "发表声明", "声明", "签署")
JOINT_DOCUMENT_IN = re.compile(r"(?:发表|发布|签署)[^，。]{0,4}(?:联合声明|共同声明)")


def _joint_speakers(text: str, start: int, verb: VerbHit, ctx: ReadingContext, lexicon: Lexicon) -> list[str]:
    """双方会晤后的联合声明说, 他们当时宣布了, 两国…发表了联合声明: the two sides of the pair last spoken of, in a
    joint act (两国: their countries); 他们说 and 双方都认为 are no joint statement."""
    m = JOINT.match(text, start, verb.start) or JOINT_DOCUMENT.search(text, start, verb.start)
    if m is None:
        return []
    joint_act = verb.entry.word in JOINT_ACTS or "联合声明" in text[start:verb.end + 8] or "共同声明" in text[start:verb.end + 8]
    who = m.groupdict().get("who")
    if who and not joint_act:
        return []
    return _pair_speakers(who, ctx, lexicon)


def _pair_speakers(who: str | None, ctx: ReadingContext, lexicon: Lexicon) -> list[str]:
    """The two sides of the pair last spoken of, as `who` (两国, 双方, 两位领导人; None: a joint document) names them."""
    if len(ctx.last_pair) != 2:
        return []
    if who == "两国":
        countries = [p if lexicon.actors.get(p) is None or lexicon.actors[p].type == "Country"
                     else lexicon.actors[p].country for p in ctx.last_pair]
        return [c for c in countries if c] if len(set(countries)) == 2 else []
    return list(ctx.last_pair)


def labelled(s: AnalysedSentence, ctx: ReadingContext, lexicon: Lexicon) -> Said | None:
    """安倍前首相：好久不见……, 总统：谢谢您……, 佩斯科夫：基辅不断提出……: a sentence that opens with an actor (or a
    title the article gave a person) and a colon is that actor's turn in a transcript or a digest."""
    m = LABEL.match(s.text)
    if m is None:
        return None
    label = m.group("label")
    covered = {k for f in s.found if f.end <= m.end("label") for k in range(f.start, f.end)}
    covered |= {k for a, b in _title_spans(label, lexicon) for k in range(a, b)}
    han = [k for k, ch in enumerate(label) if "\u4e00" <= ch <= "\u9fff"]
    if not han or han[-1] not in covered or sum(1 for k in han if k not in covered) > 2 \
            or any(v in label for v in lexicon.speech_verbs):
        return None  # 美次卿向习近平喊话：, 美国疫情：: a headline, not a speaker's turn; 习近平对拜登说：: a verb's
    inside = [f for f in s.found if f.end <= m.end("label") and f.is_actor]
    persons = [f for f in inside if f.type == "Person" and not f.prefix]
    heads = [f for f in inside if not f.prefix]
    if persons:
        speaker = persons[-1].actor
    elif heads:
        speaker = heads[-1].actor
    elif label.endswith(tuple(lexicon.titles)):
        speaker = ctx.person_with_role(label)
    else:
        return None
    if not speaker:
        return None
    content = s.text[m.end():]
    pair = frozenset(ctx.last_pair)
    conversing = speaker in pair and len(pair) == 2 and ctx.recently(pair, TRANSCRIPT_REACH)
    other = [p for p in ctx.last_pair if p != speaker] if conversing else []
    if conversing:
        ctx.pair_seen[pair] = ctx.sentence  # each turn keeps the conversation going
    return Said(speaker, VerbHit(m.end("label"), m.end(), TURN), other[0] if other else None, content, content, 0)


def _title_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Where the lexicon's titles stand in `text`, longest first at each place."""
    spans, i = [], 0
    longest = max(map(len, lexicon.titles), default=0)
    while i < len(text):
        n = next((n for n in range(min(longest, len(text) - i), 0, -1) if text[i:i + n] in lexicon.titles), 0)
        if n:
            spans.append((i, i + n))
        i += n or 1
    return spans


QUOTING = re.compile(r"援引(?P<who>[^，。的]{1,20}?)的话")
ACCORDING = re.compile(r"(?:根据|据|按照|依照)(?P<who>[^，。的]{1,20}?)(?:发布|公布|发表|提供)?的(?:说法|声明|消息|表态|公告|信息|内容|通报|报告)")
PASSIVE = re.compile(r"被(?P<who>[^，。被]{1,20}?)(?:称为|称作|视为|形容为|描述为|批评为|指责为|谴责为|誉为)")


def attributed(s: AnalysedSentence) -> list[tuple[str, int]]:
    """Statements without a speech verb of their own: 根据白宫的说法 (X's account), 被X称为 (called so by X)."""
    text, frame, found = s.text, s.frame, s.found
    out = []
    for pattern in (ACCORDING, PASSIVE, QUOTING):
        for m in pattern.finditer(text):
            if frame.in_quote(m.start()):
                continue
            for f in found:
                if f.is_actor and not f.prefix and m.start("who") <= f.start < m.end("who"):
                    out.append((_phrase_head(found, f) or f.actor, m.start()))
                    break
    return out


def in_the_event(speaker: str, s: AnalysedSentence, verb_start: int, events: list[tuple[int, tuple[str, ...]]],
                 lexicon: Lexicon, with_speaker: frozenset[str] = frozenset()) -> str | None:
    """在中美元首之间举行的视频会晤上，拜登提出了…, 德国和法国在与普京通话时要求: the other side of the event the
    sentence sets before its verb (those who speak together are one side); 菅义伟说，在与习近平通话期间… is an
    account of the call, to no one in it. 拜登与岸田通了电话，表达了他的哀悼，拜登说: what a party says after the
    sentence told it hold the event (not after or before it, 会见…后表示; not an event named as a thing, …之间的会谈导致)
    is said in it. `events`: where each event of the sentence starts, and its parties."""
    text = s.text
    if any(w in text for w in lexicon.cues.press_settings):
        return None  # 拜登在北约峰会新闻发布会上说: to the press
    if _scene_of_saying(text, verb_start, lexicon):
        pairs = [parties for _, parties in events]
    else:
        pairs = [parties for start, parties in events if start < verb_start and _told_held(text, start, verb_start)]
    side = with_speaker | {speaker}
    others = {p for pair in pairs if speaker in pair for p in pair if p not in side}
    return others.pop() if len(others) == 1 else None


def _told_held(text: str, start: int, verb_start: int) -> bool:
    """Does the sentence tell the event at `start` as held, with the verb of saying going on in it (not 的会谈, a
    thing; not 会见…后表示 or 通话前说, another time)?"""
    return text[start - 1:start] != "的" and not NOT_DURING.search(text, start, verb_start)


def context_addressee(speaker: str, s: AnalysedSentence, verb_start: int, ctx: ReadingContext,
                      lexicon: Lexicon) -> str | None:
    """In a call or summit the addressee is the other side: in a sentence that sets it before the verb (在通话中…),
    or in an article that is the account of one call or meeting between two parties, unless what is said is an
    account of an event itself (库莱巴称：与拉夫罗夫的会谈进行的很艰难) or is said to the press."""
    text = s.text
    if any(w in text for w in lexicon.cues.press_settings):
        return None  # 在会谈后的记者会上说: to the press, unless the sentence names someone
    if speaker in ctx.last_pair and _scene_of_saying(text, verb_start, lexicon):
        other = [p for p in ctx.last_pair if p != speaker]
        return other[0] if other else None
    if any(e.start > verb_start for e in s.events):
        return None  # what is said tells of an event: said about it, not in it
    if any(e.end < verb_start and text.startswith(AFTER_EVENT, e.end)
           and s.frame.clause_start(e.end) == s.frame.clause_start(verb_start) for e in s.events):
        return None  # 肖尔茨在与普京会谈后还表示: after the talks, to no one in them
    pair = ctx.main_pair()
    if pair and speaker in pair and ctx.recently(pair, RECENT_SENTENCES):
        return next(p for p in pair if p != speaker)
    if ctx.headline_pair and not ctx.past_headline and speaker in ctx.headline_pair \
            and not any(e.start < verb_start for e in s.events) and not AFTER_MEETING.search(text, 0, verb_start) \
            and not _dated_apart(s, verb_start, ctx):
        return next(p for p in ctx.headline_pair if p != speaker)  # the article is the account of that meeting
    return None


AFTER_EVENT = ("后", "之后", "以后", "结束后", "结束之后")
NOT_DURING = re.compile(r"(?:之?后|以后|之?前|以前)(?:[，,]|[还也又则并再]*$)")  # 会见阿勒萨尼后表示, 会谈前，他说: not in it
AFTER_MEETING = re.compile(r"(?:会|会谈|会晤|会面|通话|峰会)(?:结束)?(?:后|之后)")  # 普京在会后说: after it, to no one in it
APART = 30  # days between a statement's date and the article's: said on another occasion than the headline's


def _dated_apart(s: AnalysedSentence, verb_start: int, ctx: ReadingContext) -> bool:
    """Does the sentence date what is said far from the article (2015年, 习近平欢迎…): another occasion?"""
    return ctx.published is not None and any(
        d.start < verb_start and d.value is not None and abs((d.value.value - ctx.published).days) > APART for d in s.dates)


def _scene_of_saying(text: str, verb_start: int, lexicon: Lexicon) -> bool:
    """Does the sentence set the event as the scene of the saying (在通话中，拜登表示), before the verb?"""
    return any(0 <= text.find(cue) < verb_start for cue in lexicon.cues.in_event_cues)
