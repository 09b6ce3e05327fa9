"""Interactions: calls, video conferences, summits, meetings and talks in one sentence.

An interaction word outside quotation marks opens an interaction. Its
participants are the actors before it in its clause (拜登和普京…通话, X与Y举行
会谈), the object of a meeting verb (会见布林肯), a pronoun subject resolved
from context (他将…会见), or the pair under discussion (两国领导人). Its date
is the nearest date of the clause (or one that opens the sentence), its
place the 在X before it, and its status what the cues around it say
(将/计划 planned, 可能/原则上 proposed, 取消 cancelled), else what its date
says against the publication date. An event a negation reaches (一直没有与X
进行交谈, 尚未进行面对面会晤) is none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from diplograph.ingest.analysis import AnalysedSentence
from diplograph.ingest.clauses import Frame
from diplograph.ingest.context import ReadingContext
from diplograph.ingest.dates import DateMention
from diplograph.ingest.lexicon import Lexicon
from diplograph.ingest.mentions import ABBREVIATION, OFFICE, Found
from diplograph.ingest.records import DateValue

TOPIC_BEFORE = ("就", "关于", "有关", "针对", "讨论", "涉及", "对", "据", "援引", "根据", "向", "给", "让", "使", "替")
STATUS_ORDER = ("cancelled", "proposed", "planned", "held")


@dataclass(frozen=True)
class Met:
    """An interaction found in a sentence, before it becomes a record."""

    type: str
    participants: tuple[str, ...]
    status: str
    date: DateValue | None
    place: str | None
    trigger: str
    start: int


ADJUNCT = re.compile(r"在([^，。；在]{1,30}?)(之前|之后|以前|以后|期间|之际|前(?![任总首副外国])|后(?![来续])|(?<!小)时(?![任间])|"
                     r"中(?![共国方东央文美俄日欧非亚南北西]))")  # 在…与中共代表的会谈后: 中 of 中共 ends no scene
TIME_ZONE = re.compile(r"[（(]?(?:当地|美东|美国东部|北京|莫斯科|华盛顿|基辅|欧洲中部|格林尼治|东部)时间[）)]?")
SEQUENCE = ("之前", "之后", "以前", "以后", "前", "后")  # 在X之后: X is another time than the sentence's
BOUND_MARKS = ("自", "从", "自从", "截至", "截止", "直到", "直至", "到")  # a date after one of these bounds a period
DOCUMENTS = re.compile(r"宣言|声明|协议|协定|条约|公报|公约|法案|决议")
DOCUMENT_DATE = re.compile(r"[^，。；]{0,3}的(?:(?!会谈|会晤|通话|峰会|会议|会面|会见)[^，。；]){0,8}"
                           r"(?:宣言|声明|协议|协定|条约|公报|公约|法案|决议)")  # not 周一的会谈后发表的联合声明
FAR_DAYS = 730  # an event two years from its article needs its own clause to say when
SINCE = re.compile(r"自([^，。；]{1,30}?)以?来")
ADJUNCT_VERBS = ("召开", "举行", "结束", "开始", "进行")  # 在拜登和普京视讯会议召开前
ANAPHORA = ("这次", "此次", "该次", "这一", "那次", "这场", "此场", "那场", "上一次", "上次", "最近一次", "下一次",
            "下次", "新一轮", "下一轮")
AGAIN = ("再次", "又", "再度", "重新", "同样")
TOPIC_MARKERS = ("就", "关于", "有关", "针对")
PEOPLE_NOUNS = ("专家", "代表", "官员", "人员", "团队", "代表团", "人士", "谈判代表", "高层", "政府")
COMMENT = re.compile(r"[^，。；]{0,8}?(?:发表评论|置评|评论|表态|回应|作出回应|做出回应|发表意见|发表看法)")
WITH = ("与", "同", "和", "跟")
LEADING = re.compile(r"^(?:而|但|并且|并|且|就|及|以|和|包括|其中|同时|此外|另外|随后|然后|之后)*")  # before a pronoun subject
VENUE = re.compile(r"[^，。；与同跟和]{0,6}?(?:与|同|跟|和|会面|会晤|会见|会谈|举行|召开|见面|接见|出席)")
IN_TURN = ("分别", "先后", "相继", "逐一", "陆续")  # 先后与A、B通话: one call with each
GLOSS = re.compile(r"（[^（）]*）|\([^()]*\)")
SCENE_ENDS = ("上", "中", "期间", "时", "之际", "前", "后", "之前", "之后", "以前", "以后")


CONTINUING = ("举行", "进行")


CONTINUATION = re.compile(r"(?:并且|并|而|还|也|又|再|随后|然后|之后|接着|紧接着|首先|其后|同时|另外|此外|当天|当日|预计|将|计划|"
                          r"准备|希望|正在|已经|已|会|将会|即将|可能)*[与同跟和]")


TOGETHER = re.compile(r"一同|一起|共同|随后|同时|当天|当日")
ADVERBS_ONLY = re.compile(r"(?:并且|并|而|还|也|又|再|随后|然后|之后|接着|紧接着|首先|其后|同时|当天|当日|先后|分别|将|已|已经)*")
MODAL_WITH = re.compile(r"(?:也|还|并|又|再|更|则|都|就|将|已经|已|正在|希望|计划|准备|打算|想|要|会|可能|预计|随后)+"
                        r"[^，。；与同跟和]{0,12}?[与同跟]")
NO_SUBJECT = re.compile(r"(?:除了|在|于|当|随着|为了|通过)[^，。；]*$")


def continues_with(text: str, clause: int, start: int, cuts: frozenset[int]) -> bool:
    """…访问了莫斯科，并与普京进行了会晤 / 预计本周与习近平通话 / 也希望在离任前通过与拜登的双边会晤: a clause that
    opens with adverbs or a modal and comes to 与 (a word of its own, between the tokenizer's `cuts`: not 和平, 同意)
    goes on with the subject of the clause before."""
    m = CONTINUATION.match(text, clause, start) or MODAL_WITH.match(text, clause, start)
    return m is not None and m.end() - 1 in cuts and m.end() in cuts


OCCASION_ENDS = ("上", "期间", "中", "之际")
GATHERINGS = ("峰会", "会议", "论坛", "大会", "年会", "对话会")


def is_occasion(s: AnalysedSentence, word) -> bool:
    """在东盟峰会期间举行双边会谈, 在上海合作组织峰会期间会晤: an event that is only the scene of another event of the
    sentence is the occasion, not an interaction of its own."""
    text = s.text
    if not text[word.start:word.end].endswith(GATHERINGS):
        return False  # a call or a meeting hosts no other meeting
    opening = text.rfind("在", s.frame.clause_start(word.start), word.start)
    if opening < 0 or not text.startswith(OCCASION_ENDS, word.end):
        return False
    scene_end = word.end + next(len(e) for e in OCCASION_ENDS if text.startswith(e, word.end))
    reach = s.frame.clause_end(s.frame.clause_end(scene_end) + 1)
    return any(scene_end <= e.start < reach and text[e.start:e.end] != text[word.start:word.end]
               for e in s.events)  # a meeting held at the summit or conference; not the same summit named again


def event_clause(s: AnalysedSentence, start: int) -> int:
    """Start of the clause that says who holds the event: its own, or the one before when it only continues that
    one's 与-phrase (他将和库列巴以及拉夫罗夫在安塔利亚，举行三方会谈)."""
    text, frame, found = s.text, s.frame, s.found
    clause = frame.clause_start(start)
    if clause == 0 or not text[clause:start].startswith(CONTINUING) or any(a in text[clause:start] for a in ANAPHORA) \
            or frame.in_quote(clause - 1) or any(clause <= f.start < start and f.is_actor for f in found):
        return clause
    previous = frame.clause_start(clause - 1)
    joined = any(previous <= f.start < clause and f.is_actor and text[previous:_phrase_start(text, f)].endswith(WITH)
                 for f in found)
    return previous if joined else clause


def participants_for(s: AnalysedSentence, start: int, end: int, ctx: ReadingContext, lexicon: Lexicon,
                     media: frozenset[str] = frozenset()) -> tuple[list[str], bool]:
    """Actors taking part in the interaction whose word spans [start, end), and whether they are
    one party talking with each of the others in turn (A与B及C举行会谈)."""
    text, frame, found, others, verbs = s.text, s.frame, s.found, s.other_events(start), s.verb_starts
    clause, clause_end = event_clause(s, start), frame.clause_end(end)
    if _is_frame_clause(text, clause, clause_end):  # 在周日的两次电话中，马克龙和普京……: the next clause says who
        clause_end = frame.clause_end(clause_end + 1)
    lo, subject_too, scene = clause, False, False
    blocked: list[tuple[int, int]] = [m.span() for m in SINCE.finditer(text, clause, start) if m.end() <= start]
    for m in ADJUNCT.finditer(text, clause, clause_end):
        tail = text[end:m.end() - len(m.group(2))]
        if m.start() <= start < end <= m.end() and (tail == "" or tail in ADJUNCT_VERBS):
            if text[m.start() + 1:start].strip() == "":
                continue  # 马克龙与美国总统在电话交谈中一致同意: a bare scene; the parties are the subject
            lo, scene = m.start(), True  # 在与法国领导人通电话时: the event is the scene; its parties are inside…
            subject_too = m.group(1).startswith(WITH)  # …and the subject that holds it, if it says 与
        elif m.end() <= start:
            blocked.append(m.span())  # 在拉夫罗夫和布林肯接触后…: another event's parties
    topic = _topic_start(text, lo, start, others, found, end)
    if topic is not None:
        lo = topic  # 就他与普京之间的会谈: this event's parties follow the marker
    blocked += _topic_spans(text, lo, start, others)
    occasions = {e.start for e in s.events if e.start != start and is_occasion(s, e)}
    chosen: list[Found] = []
    for m in found:
        if not m.is_actor or (m.prefix and not m.role) or frame.in_quote(m.start) or _in_parentheses(text, m.start) \
                or _locative(text, found, m):
            continue  # 弗林（Michael Flynn）中将（美军退役）, 在华盛顿白宫: a gloss or a place takes no part
        if m.start < lo:
            held = [c for c in chosen if c.start < lo]
            conjunct = bool(held) and text[held[-1].end:_phrase_start(text, m)] in ("和", "与", "及", "、", "以及")
            if subject_too and m.end <= lo and not m.prefix and (not held or conjunct) \
                    and m.start >= clause and not text[clause:m.start].endswith(TOPIC_BEFORE):
                chosen.append(m)  # 德国和法国在与普京通话时: the subject that holds it, with its conjuncts
            continue
        if any(s <= m.start < e for s, e in blocked) or m.end in occasions:
            continue  # …在10月举行的20国集团峰会上会晤: the body that names the occasion is not a party
        if m.kind == ABBREVIATION and not _attached(text, m.end, start, found):
            continue
        if m.end <= start:
            if text[max(lo, m.start - 2):m.start].endswith(TOPIC_BEFORE) and m.start - 1 >= lo + 1:
                continue
            if text.startswith("的", m.end) and not _owns_event(text, m.end + 1, start, found) \
                    and not text.startswith(tuple(lexicon.titles) + PEOPLE_NOUNS, m.end + 1):
                continue  # 安倍的去世震撼了20国集团会议: whose death, not who met (but 乌克兰的专家: its people)
            if any(m.end <= s and e <= start and text[:s].endswith("的") and not any(b <= s < be for b, be in blocked)
                   for s, e in others):
                continue  # 王毅与库列巴的会谈并没有导致习近平与泽连斯基会谈: the first talks' parties
            if any(v in text[m.end:start] for v in lexicon.cues.report_verbs) or any(m.end <= v < start for v in verbs):
                continue  # 克里姆林宫表示…峰会, 库莱巴提出了…会谈的方案: the one who speaks of an event is not in it
            chosen.append(m)
        elif text[start:end] in lexicon.cues.object_meeting_verbs and end <= m.start < clause_end and _object_of(text, found, end, m):
            chosen.append(m)
            break
        elif clause_end > frame.clause_end(end) and frame.clause_end(end) < m.start < clause_end:
            if _next_clause_subject(text, found, frame.clause_end(end) + 1, m, chosen):
                chosen.append(m)  # 在周日的两次电话中，马克龙和普京……: the subject of the next clause
    chosen = [m for m in _between_only(text, chosen, start) if m.actor not in media]
    if continues_with(text, clause, start, s.cuts) and clause > 0 and not any(m.start < clause for m in chosen):
        holder = _holder(s, clause, lexicon.cues.place_verbs)
        if holder is not None and holder.actor not in {m.actor for m in chosen}:
            chosen.insert(0, holder)  # 肖尔茨周二抵达莫斯科，与普京在克里姆林宫会面: the traveller meets
    elif text[start:end] in lexicon.cues.object_meeting_verbs and clause > 0 and ADVERBS_ONLY.fullmatch(text, clause, start) \
            and not any(m.start < start for m in chosen):
        holder = _holder(s, clause, lexicon.cues.place_verbs)
        if holder is not None and holder.actor not in {m.actor for m in chosen}:
            held = [holder] + _conjuncts(text, found, holder)
            chosen[:0] = [m for m in held if m.actor not in {c.actor for c in chosen}]  # 布林肯抵达东京，会见了…岸田文雄
    out = [m.actor for m in chosen]
    head = text[clause:start]
    if any(w in head for w in lexicon.cues.pair_words) and len(out) < 2:
        out.extend(_pair_in_sentence(found, clause) or ctx.last_pair)
    if not out and scene and _back_to_last_pair(s, clause, lo, ctx):
        out = list(ctx.last_pair)  # …与库莱巴进行了交谈。布林肯在周五的电话会议后表示: that call
    if not out and ctx.last_pair and _copula_of(text, clause, others):
        out = list(ctx.last_pair)  # 他们最后一次交谈，是9月份时的电话会议: the pair spoken of
    pronoun = _pronoun_party(s, lo, start, ctx, lexicon)
    if pronoun and pronoun not in out and (len(set(out)) < 2 or _with_after(text, lo, chosen)):
        out.insert(0, pronoun)  # 他与拉夫罗夫会谈, not 他准备协助乌克兰与俄罗斯进行谈判
    if len(set(out)) < 2 and ctx.last_pair:
        if text[max(clause, start - 3):start].endswith(ANAPHORA):
            out = sorted(ctx.main_pair()) if ctx.main_pair() else list(ctx.last_pair)  # the event the article is about
        elif len(out) == 1 and out[0] in ctx.last_pair and any(w in head for w in AGAIN):
            out = list(ctx.last_pair)
    if not out and THEY.match(text, clause, start) and _two_persons(ctx.last_pair, lexicon) \
            and ctx.recently(frozenset(ctx.last_pair), THEY_REACH):
        out = list(ctx.last_pair)  # 他与拜登总统进行了电话交谈。…今年1月，他们在网上会面: the two just spoken of
    call = any(e.start == start and e.type == "PhoneCall" for e in s.events)
    return unique(out), _one_with_each(text, chosen, call)


THEY = re.compile(r"(?:而|但|并且|随后|然后|之后|后来)?他们(?![的之])[^，。；与同跟和]*$")  # they open the clause, no 与-phrase
THEY_REACH = 2  # sentences back to the pair 他们 stands for


def _two_persons(pair: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Is the pair two persons (他们 stands for people, not for two countries)?"""
    return len(pair) == 2 and all(p.startswith("zh-") or getattr(lexicon.actors.get(p), "type", None) == "Person"
                                  for p in pair)


def _locative(text: str, found: tuple[Found, ...], m: Found) -> bool:
    """在华盛顿白宫, 在莫斯科克里姆林宫: a body in a run of names that 在 opens is where, not who."""
    if m.type != "Organization":
        return False  # countries as places are the finder's to tell (在莫斯科); 在中美元首之间举行 names parties
    first = m
    while (before := next((f for f in found if f.end == first.start and f.actor and f.type != "Person"), None)):
        first = before
    venue = VENUE.match(text, m.end)  # 在华盛顿白宫罗斯福厅与…: a room of it may follow
    return text[max(0, first.start - 1):first.start] in ("在", "于") and venue is not None \
        and not any(m.end <= f.start < venue.end() and f.actor for f in found)


def _owns_event(text: str, after: int, start: int, found: tuple[Found, ...]) -> bool:
    """普京和拜登的峰会, 他与拉夫罗夫的会谈: what follows 的 leads to the event word (through names and event
    modifiers), not to some other noun (安倍的去世)."""
    gap = text[after:start]
    return len(gap) <= 8 and not any(ch in "，。；" for ch in gap) and all(
        f.start >= start or f.end <= after for f in found if f.is_actor) or gap == ""


def _in_parentheses(text: str, pos: int) -> bool:
    """Is `pos` inside a parenthesis (（美军退役）, (Black Sea))?"""
    opened = max(text.rfind("（", 0, pos), text.rfind("(", 0, pos))
    return opened >= 0 and max(text.rfind("）", opened, pos), text.rfind(")", opened, pos)) < 0 \
        and max(text.find("）", pos), text.find(")", pos)) >= 0


def _pair_in_sentence(found: tuple[Found, ...], before: int) -> tuple[str, ...]:
    """韩美防长会结束后，双方还同…: the two office holders a title named together earlier in the sentence."""
    groups: dict[int, list[str]] = {}
    for f in found:
        if f.kind == OFFICE and f.group >= 0 and f.end <= before:
            groups.setdefault(f.group, []).append(f.actor)
    pairs = [tuple(unique(g)) for g in groups.values() if len(set(g)) == 2]
    return pairs[-1] if pairs else ()


def _back_to_last_pair(s: AnalysedSentence, clause: int, lo: int, ctx: ReadingContext) -> bool:
    """布林肯在周五的电话会议后表示: a scene with no one in it, whose one subject (not a possessor: 普京的这些要求) is in
    the pair of the sentence before."""
    text = s.text
    inside = [f for f in s.found if clause <= f.start < lo and f.is_actor and not f.prefix and not s.frame.in_quote(f.start)]
    named = {f.actor for f in inside}
    return bool(ctx.last_pair) and len(named) == 1 and named <= set(ctx.last_pair) \
        and not any(text.startswith("的", f.end) for f in inside) \
        and ctx.pair_seen.get(frozenset(ctx.last_pair)) == ctx.sentence - 1


def _copula_of(text: str, clause: int, others: list[tuple[int, int]]) -> bool:
    """…交谈，是9月份时的电话会议: a clause opening with 是 says what the event that closes the clause before was."""
    return clause > 1 and text[clause:].startswith("是") and any(e == clause - 1 for _, e in others)


def _object_of(text: str, found: tuple[Found, ...], end: int, m: Found) -> bool:
    """会见(了)美国国务卿布林肯: the actor phrase starts right after the meeting verb."""
    after = [f for f in found if f.start >= end and f.is_actor]
    first = after[0] if after else None
    if first is None or text[end:first.start] not in ("", "了"):
        return False
    return first is m or (first.prefix and all(f.prefix for f in after if f.start < m.start))


def _next_clause_subject(text: str, found: tuple[Found, ...], start: int, m: Found, chosen: list[Found]) -> bool:
    """Is `m` the subject (or a conjunct of it) of the clause that starts at `start`?"""
    after = [f for f in found if f.start >= start and f.is_actor and not f.prefix]
    if not after:
        return False
    if after[0] is m:
        return text[start:m.start].strip() in ("", "而", "但", "则")
    prev = after[after.index(m) - 1] if m in after else None
    return prev is not None and prev in chosen and text[prev.end:m.start] in ("和", "与", "及", "、", "以及")


def _holder(s: AnalysedSentence, clause: int, place_verbs: tuple[str, ...] = ()) -> Found | None:
    """The subject that a clause opening with 与 goes on with: that of the clause before, or, where that one opens
    with 与 too, or with a time or an adverb and no subject, of the one before it (佩洛西参访立法院；与台积电董事长谈
    芯片问题；随后与蔡英文总统会面 / 桑切斯与…弗雷德里克森，21日一同访问了…基辅，并会见了泽连斯基总统)."""
    text, frame, found = s.text, s.frame, s.found
    while clause > 0:
        previous = frame.clause_start(clause - 1)
        subject = _clause_subject(text, found, previous, clause - 1)
        if subject is not None and any(v in text[previous:subject.start] for v in place_verbs if len(v) > 1):
            subject = None  # 21日一同访问了乌克兰首都基辅: the place visited is no subject
        if subject is not None and not text[previous:_phrase_start(text, subject)].endswith(WITH):
            return subject
        timed = any(d.start == previous for d in s.dates) or TOGETHER.match(text, previous)
        if subject is None and not NO_SUBJECT.match(text, previous, clause - 1) and not timed \
                and not continues_with(text, previous, clause - 1, s.cuts):
            return None  # a clause of its own without a subject: no one to go on with
        clause = previous  # 除了出席四国集团高峰会外: a clause with no subject of its own; go further back
    return None


def _conjuncts(text: str, found: tuple[Found, ...], head: Found) -> list[Found]:
    """桑切斯与丹麦首相弗雷德里克森: the actors joined to `head` by 与/和/及/、, titles and all."""
    out, last = [], head
    for m in found:
        if m.start < last.end or not m.is_actor or m.prefix:
            continue
        if text[last.end:_phrase_start(text, m)] not in ("和", "与", "及", "、", "以及"):
            break
        out.append(m)
        last = m
    return out


def _clause_subject(text: str, found: tuple[Found, ...], start: int, end: int) -> Found | None:
    """The actor that opens the clause [start, end) as its subject."""
    for m in found:
        if start <= m.start < end and m.is_actor and not m.prefix and not m.place:
            return m if not text[start:m.start].endswith(TOPIC_BEFORE) else None
    return None


def _between_only(text: str, chosen: list[Found], start: int) -> list[Found]:
    """拜登和普京之间(可能进行)的会谈: the actors joined before 之间 are the parties, and no one else."""
    at = text.rfind("之间", 0, start)
    if at < 0 or start - at > 12:
        return chosen
    inner = [m for m in chosen if m.end <= at]
    tail = inner[-2:] if len(inner) >= 2 and text[inner[-1].end:at] == "" else None
    if not tail:
        return chosen
    group = [tail[-1]]
    for m in reversed(inner[:-1]):
        if text[m.end:group[0].start] in ("和", "与", "同", "及", "、", "以及"):
            group.insert(0, m)
        else:
            break
    return group if len(group) >= 2 else chosen


def _pronoun_party(s: AnalysedSentence, lo: int, start: int, ctx: ReadingContext, lexicon: Lexicon) -> str | None:
    """他 (not 他们) as a party: the subject nearest before it in the sentence, else the last one spoken of;
    none when 他 is the one who speaks of the event (他已向两位领导人提出…峰会)."""
    text, frame, found, others, verbs = s.text, s.frame, s.found, s.other_events(start), s.verb_starts
    raw = text[lo:start]
    head = LEADING.sub("", raw)
    if not head.startswith(("他", "她")) or head.startswith(("他们", "她们")):
        return None
    at = start - len(head)
    if any(v in text[at:start] for v in lexicon.cues.report_verbs) or any(at < v < start for v in verbs):
        return None
    joined = raw[:1] in ("及", "以", "和")  # 拜登和普京通话，及他与拉夫罗夫会谈: 他 is none of the first call's parties
    before = [f for f in found if f.end <= at and f.type == "Person" and f.is_actor and not f.prefix
              and not _joined_to_another(text, f)
              and not (joined and any(f.end <= s and e <= at and frame.clause_start(s) <= f.start for s, e in others))]
    return ctx.antecedent(head, [f.actor for f in before]) or ctx.antecedent(head)


def _with_after(text: str, lo: int, chosen: list[Found]) -> bool:
    """他将与拜登和普京会谈: the pronoun is joined by 与/同/跟/和 to the first of the other parties."""
    first = next((m for m in chosen if m.start >= lo), None)
    return first is not None and text[lo:_phrase_start(text, first)].endswith(WITH)


def _joined_to_another(text: str, m: Found) -> bool:
    """布林肯与拉夫罗夫, 与普京和拜登: the actor after 与/和 is an object or a later conjunct, not a subject."""
    return text[:_phrase_start(text, m)].endswith(WITH + ("及", "、", "以及"))


def _phrase_start(text: str, m: Found) -> int:
    """Where the actor phrase of `m` starts, with its title before it (与俄罗斯外长拉夫罗夫 → 俄罗斯)."""
    return m.start - len(m.role) if m.role and text[:m.start].endswith(m.role) else m.start


def _topic_start(text: str, lo: int, start: int, others: list[tuple[int, int]], found: tuple[Found, ...],
                 end: int | None = None) -> int | None:
    """The position after 就/关于 when the event word closes that topic phrase (就他与普京之间的会谈通了电话, CIA拒绝就
    伯恩斯秘密会见塔利班领导人发表评论)."""
    possessed = any(f.is_actor and f.end == start - 1 for f in found)
    commented = end is not None and COMMENT.match(text, end)
    if not (text[:start].endswith("之间的") or (text[:start].endswith("的") and possessed) or commented):
        return None
    for marker in TOPIC_MARKERS:
        at = text.rfind(marker, lo, start)
        if at >= 0 and not any(at < s < start for s, _ in others) and start - at <= 20:
            return at + len(marker)
    return None


def _topic_spans(text: str, lo: int, start: int, others: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """就他与普京之间的会谈通了电话: the parties of the event talked about are not this event's."""
    spans = []
    for marker in TOPIC_MARKERS:
        at = text.find(marker, lo, start)
        while at >= 0:
            ends = [e for s, e in others if at < s and e <= start]
            if ends:
                spans.append((at, min(ends)))
            at = text.find(marker, at + 1, start)
    return spans


def _one_with_each(text: str, chosen: list[Found], call: bool = False) -> bool:
    """A将与B及C举行会谈, A先后与B、C通话, A与B和C通话: A holds talks with B and with C, not a three-way meeting
    (a call is between two; a meeting with B和C is one meeting of three)."""
    if len(chosen) < 3 or any(m.type != "Person" for m in chosen):
        return False
    first_gap = text[chosen[0].end:_phrase_start(text, chosen[1])]
    joins = [GLOSS.sub("", text[a.end:_phrase_start(text, b)]) for a, b in zip(chosen[1:], chosen[2:])]
    if any(w in first_gap for w in IN_TURN) and all(j in ("和", "及", "与", "、", "以及") for j in joins):
        return True  # 马克龙已经分别和拜登及普京通话
    with_each = "与" in first_gap or "同" in first_gap
    return with_each and all(j.startswith(("及", "以及") + (("和", "、") if call else ())) for j in joins)


ENUMERATED = re.compile(r"^\s*[–—\-:：]")


def enumerated_dates(s: AnalysedSentence, end: int) -> list[DateValue]:
    """进行了两次会谈–1月26日…以及4月13日: one event per date listed after a dash or colon."""
    if not ENUMERATED.match(s.text[end:end + 2]):
        return []
    return [d.value for d in s.dates if d.start >= end and d.value is not None]


def pair_leaders(text: str, start: int, pair: tuple[str, ...], lexicon: Lexicon, on: date) -> tuple[str, ...]:
    """两国领导人 on a date: the leaders then of the two countries of the pair last spoken of."""
    head = text[max(0, start - 12):start]
    if not any(w in head for w in lexicon.cues.pair_words if lexicon.is_head(w)):
        return pair
    countries = []
    for key in pair:
        info = lexicon.actors.get(key)
        countries.append(key if info is None or info.type == "Country" else (info.country or key))
    leaders = tuple(leaders_of(countries, lexicon, on))
    return leaders if len(set(leaders)) == 2 else pair


def leaders_if_named(s: AnalysedSentence, people: list[str], start: int, lexicon: Lexicon, on: date) -> list[str]:
    """美国和俄罗斯领导人 / 两国元首: two countries' leaders are their heads of state or government."""
    countries = [p for p in people if (info := lexicon.actors.get(p)) is not None and info.type == "Country"]
    if len(countries) != 2 or len(people) != 2:
        return people
    last = max((f.end for f in s.found if f.actor in countries and f.end <= start), default=start)
    if any(w in s.text[last:start] for w in lexicon.heads):
        return leaders_of(people, lexicon, on)
    return people


def _is_frame_clause(text: str, clause: int, clause_end: int) -> bool:
    """A clause that only sets the scene of the next one: 在……中 / 在……时 / 在……期间."""
    part = text[clause:clause_end]
    return part.startswith(("在", "于")) and part.endswith(("中", "时", "期间", "上", "后", "前"))


def _attached(text: str, end: int, start: int, found: tuple[Found, ...]) -> bool:
    """美俄峰会, 中美两国元首会晤: one-character country names that modify this very event word."""
    between = text[end:start]
    limit = 12 if any(w in between for w in ("之间", "元首", "领导人", "两国", "首脑")) else 6
    if DOCUMENTS.search(between):
        return False  # 日苏宣言加强谈判: the compound names a document, not the parties of this event
    return end <= start and len(between) <= limit and all(f.kind == ABBREVIATION or f.end <= end or f.start >= start for f in found
                                      if f.is_actor and end <= f.start < start)


ANAPHORIC = re.compile(r"(?:这次|此次|该次|这场|此场)[^，。；“”]{0,8}$")


def anaphoric(text: str, clause: int, start: int) -> bool:
    """这次美中高层会谈, 此次峰会: the event word points back to an event the article has told."""
    return ANAPHORIC.search(text, clause, start) is not None


def unique(items: list[str]) -> list[str]:
    """`items` without repeats, in order."""
    seen: set[str] = set()
    return [x for x in items if not (x in seen or seen.add(x))]


DATE_AFTER = re.compile(r"^[^，。；]{0,8}?(?:将于|定于|于|在|是|预计在|计划在|时间为|为)$")


def date_for(s: AnalysedSentence, start: int, end: int, published: date | None = None) -> DateValue | None:
    """The date that governs the interaction word: the nearest before it in its clause with no other
    event word or speech verb between (计划2月24日举行的会议, not 周一表示…峰会), one right after
    (峰会将于6月16日), or one opening the sentence. Anniversaries (30周年) and titles (《1956年日苏共同宣言》)
    date no event, and a date years from the article's (`published`) only where the event's clause or the
    sentence's opening gives it, not from a clause of its own."""
    text, frame, verbs = s.text, s.frame, s.verb_starts
    others = [(e.start, e.end) for e in s.events if e.start != start and not is_occasion(s, e)]  # 在…峰会期间会面
    clause, clause_end = frame.clause_start(start), frame.clause_end(start)
    spans = [m.span() for m in SINCE.finditer(text)]
    own = [(a, b) for a, b in spans if a <= start < b]  # 自2018年7月普京与川普会晤以来: the event's own date
    dates = tuple(d for d in s.dates if not _no_event_date(text, d)
                  and not any(a <= d.start < b for a, b in spans if (a, b) not in own)  # 自去年11月以来
                  and (any(a <= d.start < b for a, b in own) or not _bounded(s, d)))
    near = tuple(d for d in dates if published is None or d.value is None
                 or abs((d.value.value - published).days) <= FAR_DAYS)
    before = [d for d in dates if clause <= d.start and d.end <= start
              and not any(d.end <= s < start for s, _ in others) and not any(d.end <= v < start for v in verbs)]
    if before:
        return before[-1].value
    after = [d for d in dates if end <= d.start < clause_end and DATE_AFTER.match(text[end:d.start])]
    if after:
        return after[0].value
    if closing := _closing_date(text, dates, end, clause_end, others):
        return closing
    if latest := _latest_one_date(text, dates, clause_end, others):
        return latest
    if continues_with(text, clause, start, s.cuts) and clause > 0:  # 肖尔茨将于15日访问俄罗斯，与普京会面
        previous = frame.clause_start(clause - 1)
        carried = [d for d in near if previous <= d.start < clause - 1]
        if carried:
            return carried[-1].value
    scene = ADJUNCT.match(text, clause)
    if scene and scene.end() >= end and scene.group(2) in SEQUENCE:
        return None  # 2022年3月9日，…，在俄乌第三轮谈判后，…: the sentence's date is of what followed that event
    bare = [d for d in dates if d.end <= clause and _bare_date_clause(text, frame, d)
            and not any(d.end <= v < start for v in verbs)]
    if bare:  # 本周四（3月10号），乌克兰外长和俄罗斯外长将在土耳其举行会谈: a time that opens the sentence holds for it
        return bare[-1].value
    if ADJUNCT.search(text, clause, frame.clause_end(start)) and text[clause:start].startswith("在"):
        return None  # 在俄乌第三轮谈判后: an earlier event, not dated by the sentence
    earlier = [d for d in near if d.end <= clause and not any(d.end <= v < start for v in verbs)
               and not any(d.end <= s < start for s, _ in others)]
    return earlier[-1].value if earlier else None  # 2月12日：2月11日…上午，习近平同拜登通电话: the nearer date


def _bounded(s: AnalysedSentence, d: DateMention) -> bool:
    """自2月, 截至3月10日: the word before the date bounds a period (not 提到3月18日的通话, 来自)."""
    at = len(s.text[:d.start].rstrip())
    word = next((s.text[a:b] for a, b in s.tokens if b == at), "")
    return word in BOUND_MARKS


def _no_event_date(text: str, d: DateMention) -> bool:
    """2012年来, 《1956年日苏共同宣言》, 根据1956年10月19日的日苏宣言: a date that opens a period or dates a document
    dates no event (建交30周年 is no date at all)."""
    titled = text.rfind("《", 0, d.start) > text.rfind("》", 0, d.start)
    since = d.text.endswith("年") and text.startswith("来", d.end)
    return since or titled or bool(DOCUMENT_DATE.match(text, d.end))


def _closing_date(text: str, dates: tuple[DateMention, ...], end: int, clause_end: int,
                  others: list[tuple[int, int]]) -> DateValue | None:
    """拜登在戴维营与普京通话并发出警告（2022年2月12日）: a date in brackets that closes the clause dates it."""
    for d in dates:
        if end <= d.start and text[d.start - 1] in "（(" and text[d.end:d.end + 1] in "）)" \
                and text[d.end + 1:clause_end].strip("。 ") == "" and not any(end <= s < d.start for s, _ in others):
            return d.value
    return None


LATEST_ONE = re.compile(r"[，,]\s*(?:其中)?(?:最后|上|最近)一次(?:则|就)?(?:是|为)(?:在)?")


def _latest_one_date(text: str, dates: tuple[DateMention, ...], clause_end: int,
                     others: list[tuple[int, int]]) -> DateValue | None:
    """已经和习近平进行了两次通话，最后一次是在9月份: the clause after the event dates its latest one."""
    m = LATEST_ONE.match(text, clause_end)
    if m is None or any(m.end() <= s for s, _ in others if s < m.end() + 12):
        return None
    return next((d.value for d in dates if d.start == m.end()), None)


def _bare_date_clause(text: str, frame: Frame, d: DateMention) -> bool:
    """A clause that is a date and nothing else (本周四（3月10号），, （美东时间）11月12日，)."""
    part = text[frame.clause_start(d.start):frame.clause_end(d.start)].strip()
    return TIME_ZONE.sub("", part.replace(d.text, "")).strip("在于是的 ") == ""


def place_for(s: AnalysedSentence, start: int, lexicon: Lexicon) -> str | None:
    """The place named in the clause before the interaction word (在日内瓦会见), not one of another event."""
    clause, others = event_clause(s, start), s.other_events(start)
    for m in reversed(s.found):
        if m.place and clause <= m.start < start and not any(m.end <= s < start for s, _ in others):
            return lexicon.places[m.surface].label_zh if m.surface in lexicon.places else m.surface
    return None


def negated(s: AnalysedSentence, start: int, end: int, lexicon: Lexicon) -> bool:
    """一直没有与泽连斯基进行交谈: a negation cue reaches the interaction word over names, titles and link words
    (not when the event is only the scene of the negated verb: 不会在会议上解决分歧)."""
    text, frame, found, cuts, others = s.text, s.frame, s.found, s.cuts, s.other_events(start)
    if text[end:].startswith(SCENE_ENDS):
        return False
    clause = frame.clause_start(start)
    bounds = sorted(c for c in cuts if clause <= c < start)
    covered = [(_phrase_start(text, f), f.end) for f in found] + list(others)
    pos = start
    while pos > clause:
        jump = min((s for s, e in covered if e == pos and clause <= s < pos), default=None)
        if jump is not None:
            pos = jump  # 跟乌克兰总统泽连斯基: a name with its title
            continue
        prev = max((c for c in bounds if c < pos), default=clause)
        word = text[prev:pos]
        if word in lexicon.negation_cues:
            return True
        if word not in lexicon.negation_links and word not in lexicon.titles:
            return False  # 未宣布…会谈的时间: the cue negates another verb
        pos = prev
    return False


def status_for(s: AnalysedSentence, start: int, end: int, when: DateValue | None, published: date,
               lexicon: Lexicon) -> str:
    """The date against the publication date (on the day itself, what the cues say); else the cues; else held."""
    text, frame = s.text, s.frame
    if any(m.start() < start and end <= m.end() for m in SINCE.finditer(text)):
        return "held"  # 自2018年7月普京与川普在赫尔辛基会晤以来: the past event a period runs from
    clause = frame.clause_start(start)
    if (continues_with(text, clause, start, s.cuts) or text[clause:start].startswith("也是")) and clause > 0:
        clause = frame.clause_start(clause - 1)  # 拜登考虑借G20峰会之便，与习近平会晤 / 这将是…，也是…峰会: it goes on
    head, tail = text[clause:start], text[end:frame.clause_end(end)]
    found = set()
    for cue, status, where in lexicon.status_cues:
        if (where in ("before", "any") and cue in head) or (where in ("after", "any", "next") and tail.startswith(cue)) \
                or (where == "after" and len(cue) > 2 and cue in tail):
            found.add(status)
    if when is not None and when.precision == "day" and published is not None and "cancelled" not in found \
            and "proposed" not in found:
        if when.value == published and "planned" in found and "held" not in found:
            return "planned"  # 普京还计划周六与马克龙会谈 on that Saturday: not yet held when written
        return "planned" if when.value > published else "held"
    for status in STATUS_ORDER:
        if status in found:
            return status
    return "held"


def channel_said_after(kind: str, tail: str) -> str:
    """交谈的机会，不过都是在电话上; 会晤是在…举行的视频会议: the channel the sentence gives the event right after its
    word, or `kind` as it was (the parties stay those the event word found)."""
    channel = CHANNEL_AFTER.match(tail)
    if channel is None or kind not in ("Talks", "Meeting", "Summit"):
        return kind
    return "PhoneCall" if channel.group("phone") else "VideoConference"


def refine_type(word_type: str, trigger: str, head: str, participants: list[str], place: str | None,
                role_of, lexicon: Lexicon, on: date | None = None) -> str:
    """通过视频/电话 makes the channel; heads of state or government meeting in person (会晤, 会面, 会谈 in
    a place) hold a summit, anyone else a meeting."""
    if "视频" in head[-12:] or "视讯" in head[-12:] or ONLINE.search(head[-8:]):
        return "VideoConference"  # 通过视频会晤, 他们在网上会面
    if any(w in head[-10:] for w in ("通过电话", "以电话", "电话方式", "打电话", "通电话")) and word_type in ("Talks", "Meeting"):
        return "PhoneCall"
    leaders = [p for p in participants if lexicon.is_head(role_of(p)) or (on is not None and lexicon.heads_on(p, on))]
    in_person = trigger == "会晤" or (word_type == "Meeting" and trigger != "会议") or (word_type == "Talks" and place)
    if in_person:  # leaders meeting in person hold a summit
        return "Summit" if len(leaders) >= 2 and len(leaders) == len(participants) else "Meeting"
    return word_type


CHANNEL_AFTER = re.compile(r"[^。；“”]{0,12}?(?:(?P<phone>在电话上|在电话中|通过电话)|是[^。；，“”]{0,22}?(?:视频|视讯)"
                           r"(?:会议|会晤|会谈|峰会))")  # what the sentence says of the event's channel after it
ONLINE = re.compile(r"(?:在|通过|以)(?:网上|线上|网络|在线)")


def leaders_of(participants: list[str], lexicon: Lexicon, on: date, named: frozenset[str] | None = None) -> list[str]:
    """美俄峰会: a summit between countries is a summit between their leaders (of those `named`, when given: where the
    article never names a leader, the countries are the parties)."""
    out = []
    for p in participants:
        info = lexicon.actors.get(p)
        leader = None
        if info is not None and info.type == "Country":
            leader = next((h for t in lexicon.heads if (h := lexicon.office_holder(p, t, on))
                           and (named is None or h in named)), None)
        out.append(leader or p)
    return out
