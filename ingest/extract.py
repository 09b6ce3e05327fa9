"""From an `Article` to an `Extraction`: actors, interactions and statements with their evidence.

The `Extractor` owns what is built once per process (the lexicon's tries and
the jieba tokenizer); `extract` reads one article sentence by sentence with a
fresh `ReadingContext`, so articles never influence each other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import partial

from diplograph.ingest.analysis import AnalysedSentence, analyse
from diplograph.ingest.context import ReadingContext
from diplograph.ingest.dates import find_dates, weekday_paired
from diplograph.ingest.interactions import (Met, anaphoric, channel_said_after, date_for, enumerated_dates, is_occasion, leaders_if_named, leaders_of,
                                            negated, pair_leaders, participants_for, place_for, refine_type, status_for,
                                            unique)
from diplograph.ingest.lexicon import Lexicon
from diplograph.ingest.found import discovered_type
from diplograph.ingest.mentions import DISCOVERED, NAME, ActorFinder, Found, keep_named_offices
from diplograph.ingest.normalize import MIDDLE_DOT, normalize
from diplograph.ingest.records import (TYPE_SPECIFICITY, ActorInfo, Article, Block, Evidence, Extraction,
                                       Interaction, Mention, Sentence, Statement, TopicInfo, compatible_types)
from diplograph.ingest.statements import AFTER_MEETING, attributed, context_addressee, in_the_event, statements_in, subject_of
from diplograph.ingest.tokenizer import Tokenizer
from diplograph.ingest.trie import Trie


@dataclass(frozen=True)
class _Where:
    article: Article
    block_index: int
    sentence_index: int
    block: Block
    sentence: Sentence

    def evidence(self) -> Evidence:
        s = self.sentence
        return Evidence(self.article.id, self.block_index, self.sentence_index, s.start, s.end,
                        self.block.original[s.start:s.end])


# after a name, what the text says of the person's gender (安倍夫人 is Abe's wife: it says nothing of him)
GENDERED = re.compile(r"女士|小姐|先生")
FEMININE = ("女士", "小姐")
ADDRESS = {"male": ("先生",), "female": ("女士", "小姐")}  # forms of address after a family name
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,4}")  # a Chinese name, or a short head noun
ALIAS_KINDS = (NAME, DISCOVERED)  # surfaces that name an actor (not 法国总统, 莫斯科 or 美 in 美俄)


def _described_as(text: str, f: Found) -> str:
    """政治咨询公司“欧亚集团”: the name with the words that describe it right before, back to a clause mark (not the
    该公司 of the clause before: 该公司补充说，美国官员… does not describe the officials as a company)."""
    window = text[max(0, f.start - 8):f.start]
    cut = max(window.rfind(mark) for mark in "，。；：")
    return window[cut + 1:] + text[f.start:f.end]


NARRATIVE_REACH = 2  # sentences an account of a dated event goes on for


class Extractor:
    """Extracts typed facts from articles with one lexicon."""

    def __init__(self, lexicon: Lexicon, tokenizer: Tokenizer | None = None) -> None:
        self.lexicon = lexicon
        self.tokenizer = tokenizer or Tokenizer(lexicon)
        self.finder = ActorFinder(lexicon, self.tokenizer)
        self.events: Trie[str] = Trie(lexicon.interaction_words.items())
        self.verbs = Trie(lexicon.speech_verbs.items())
        self.media = frozenset(k for k in lexicon.actors if lexicon.is_media(k))
        self._institutions = tuple(sorted(lexicon.cues.institution_words, key=len, reverse=True))
        self._body_words = tuple(sorted(lexicon.cues.organisation_words, key=len, reverse=True))
        self._topic_of = {}  # keyword -> topic key (a keyword of several topics counts for the first)
        for topic in lexicon.topics:
            for keyword in topic.keywords:
                self._topic_of.setdefault(keyword, topic.key)
        words = sorted(self._topic_of, key=len, reverse=True)
        self._keywords = re.compile("|".join(map(re.escape, words)) if words else "(?!)")

    def extract(self, article: Article) -> Extraction:
        """Read `article` and return everything found in it.

        A first pass finds who is named where (so that a full name anywhere makes its short form known); the second
        reads sentence by sentence: the sentence analysed, its events, then its statements (which speak of the event
        the sentence sets), then what the reader remembers for the next one.
        """
        published = article.published.date() if article.published is not None else None  # undated: None
        ctx = ReadingContext(published, article.published_precision != "day", self.lexicon.gender)
        read = self._names(article, ctx)
        press = self.lexicon.cues.press_settings
        if not any(cue in sent.text for *_, sent, _, _ in read for cue in press):  # no remarks to the press to tell apart
            ctx.headline_pair = self._headline_pair(article.title, ctx)
        named = {f.actor for *_, found in read for f in found if f.kind in ALIAS_KINDS}
        ctx.named = frozenset(named)
        mentions: list[Mention] = []
        interactions: list[Interaction] = []
        statements: list[Statement] = []
        for n, (bi, si, block, sent, tokens, found) in enumerate(read):
            ctx.sentence = n
            if si == 0:
                ctx.turn_speaker = None
            found = keep_named_offices(found, named)
            self._learn_roles(found, ctx, sent.text)
            dates = find_dates(sent.text, ctx.published, ctx.month_only, ctx.last_date, self.lexicon.said,
                               frozenset(e for _, e in tokens), ctx.paired_weekdays)
            ctx.paired_weekdays.update(pair for d in dates if (pair := weekday_paired(d)))
            s = analyse(sent.text, tokens, found, dates, self.lexicon, self.verbs, self.events, self.tokenizer)
            ev = _Where(article, bi, si, block, sent).evidence()
            mentions.extend(Mention(f.actor, f.surface, f.type, ev, f.start, f.end, f.role, f.latin, f.kind)
                            for f in found if f.is_actor)
            ctx.affiliations.update(f.actor for f in found if f.prefix and f.is_actor)
            mets = self._interactions(s, ctx)
            interactions.extend(Interaction(m.type, m.participants, m.status, ev, m.date, m.place, m.trigger)
                                for m in mets)
            said = self._statements(s, ev, ctx, [(m.start, m.participants) for m in mets])
            statements.extend(said)
            self._remember(s, ctx, any(self._is_person(st.speaker) for st in said))
        interactions = self._persons_for_countries(interactions)
        return Extraction(article.meta, tuple(mentions), tuple(interactions), tuple(statements),
                          self._actor_infos(mentions, interactions, statements, ctx),
                          self._mentioned(mentions, interactions, statements, ctx), self._topic_infos(statements))

    def _names(self, article: Article, ctx: ReadingContext) -> list:
        """First pass: each sentence's words and actors, learning the short forms of full names as they come."""
        read, seen = [], set()
        for bi, si, block, sent in article.sentences():
            tokens = self.tokenizer.spans(sent.text)
            found = self.finder.find(sent.text, ctx.published, ctx.local_names, tokens, frozenset(ctx.local_heads))
            seen.update(f.actor for f in found)
            for f in found:
                family = f.surface.rsplit(MIDDLE_DOT, 1)[-1]
                # 斯科特·肯尼迪 → 肯尼迪, 迈克·约翰逊 → 约翰逊; but not 亨特·拜登 → 拜登 where 拜登 has already come
                if (f.kind == DISCOVERED or (f.kind == NAME and f.type == "Person" and MIDDLE_DOT in f.surface)) \
                        and self.lexicon.surfaces.get(family, f.actor) not in seen - {f.actor}:
                    ctx.local_names.setdefault(family, f.actor)
                if (word := self._institution_word(f)) is not None:
                    ctx.local_names[word] = f.actor  # 中国外交部…外交部表示: the ministry last named
                if head := self._head_of_body(f):
                    ctx.learn_unique(head, f.actor)  # 指挥中心 after 中央流行疫情指挥中心
                    ctx.local_heads.add(head)
                for addressed in self._forms_of_address(f, ctx):
                    ctx.learn_unique(addressed, f.actor)  # 郭先生 after 郭文贵
            read.append((bi, si, block, sent, tokens, found))
        return read

    def _headline_pair(self, title: str, ctx: ReadingContext) -> frozenset[str] | None:
        """习近平会见美国舒默先生: the two persons of a held meeting or call that the title reports, which the article is
        then the account of (read with a context of its own: the title is no sentence of the text)."""
        text = normalize(title)
        tokens = self.tokenizer.spans(text)
        found = keep_named_offices(self.finder.find(text, ctx.published, ctx.local_names, tokens), set(ctx.named))
        dates = find_dates(text, ctx.published, ctx.month_only, None, self.lexicon.said, frozenset(e for _, e in tokens))
        s = analyse(text, tokens, found, dates, self.lexicon, self.verbs, self.events, self.tokenizer)
        aside = ReadingContext(ctx.published, ctx.month_only, self.lexicon.gender)
        aside.named = ctx.named
        pairs = {frozenset(m.participants) for m in self._interactions(s, aside)
                 if m.status == "held" and len(m.participants) == 2 and all(map(self._is_person, m.participants))}
        return pairs.pop() if len(pairs) == 1 else None

    def _head_of_body(self, f: Found) -> str | None:
        """指挥中心 for 中央流行疫情指挥中心, 安全局 for 国家安全局: the head noun that ends a body's name (a short body word
        and the two characters before it), by which the article may name the body again."""
        if f.type != "Organization" or not f.is_actor or f.prefix or self._institution_word(f):
            return None
        info = self.lexicon.actors.get(f.actor)
        name = info.label_zh if info is not None else f.surface
        word = next((w for w in self._body_words if name.endswith(w)), None)
        if word is None or len(word) > 2 or len(name) < len(word) + 4:
            return None
        head = name[-len(word) - 2:]
        return head if head not in self.lexicon.surfaces and HAN_RUN.fullmatch(head) \
            and not self.tokenizer.everyday_word(head) else None  # not 执政党: a word for any such body

    def _forms_of_address(self, f: Found, ctx: ReadingContext) -> tuple[str, ...]:
        """郭先生 for 郭文贵 (a Chinese name: family name and given name), 蔡女士 for 蔡英文: the family name with the
        forms of address the person's gender allows (both when it is not known)."""
        if f.type != "Person" or not f.is_actor:
            return ()
        info = self.lexicon.actors.get(f.actor)
        name = info.label_zh if info is not None else f.surface if f.kind == DISCOVERED else ""
        family = next((n for n in (2, 1) if name[:n] in self.lexicon.surnames), 0)
        if not family or not HAN_RUN.fullmatch(name) or len(name) - family not in (1, 2):
            return ()
        gender = self.lexicon.gender(f.actor) if info is not None else ctx.genders.get(f.actor)
        if gender is None and info is None:
            return ()  # 一名被捕人士的母親張女士: someone the article did not name, not the 张 it named
        forms = ADDRESS.get(gender, ADDRESS["male"] + ADDRESS["female"])
        return tuple(name[:family] + form for form in forms)

    def _institution_word(self, f: Found) -> str | None:
        """外交部 for 中国外交部 (a country's name and an institution word) or for the 外交部 of 中国外交部发言人: after it
        the bare word in the article is that body."""
        if f.type != "Organization" or not f.is_actor:
            return None
        for word in self._institutions:
            lead = f.surface[:-len(word)]
            if f.surface.endswith(word) and (lead == "" or self._type(self.lexicon.surfaces.get(lead, "")) == "Country"):
                return word
        return None

    def _statements(self, s: AnalysedSentence, ev: Evidence, ctx: ReadingContext,
                    events: list[tuple[int, tuple[str, ...]]]) -> list[Statement]:
        """The sentence's statements, each addressed as its sentence says, or to the other side of the event the
        sentence or the passage is about."""
        said_here = statements_in(s, ctx, self.lexicon)
        out = [Statement(speaker=speaker, evidence=ev, verb="说法", quote=s.text[at:] or None,
                         topics=self._topics(s.text), kind="say")
               for speaker, at in attributed(s) if all(said.speaker != speaker for said in said_here)]
        topics = self._topics(s.text) if said_here or s.verbs else ()
        for said in said_here:
            addressee = said.addressee if said.joint else said.addressee \
                or in_the_event(said.speaker, s, said.hit.start, events, self.lexicon,
                                frozenset(x.speaker for x in said_here if x.hit == said.hit)) \
                or context_addressee(said.speaker, s, said.hit.start, ctx, self.lexicon)
            out.append(Statement(
                speaker=said.speaker, evidence=ev, verb=said.hit.entry.word, addressee=addressee,
                quote=said.quote or said.content or None, topics=topics,
                date=_date_before(s.dates, said.hit.start) or _event_date(said.speaker, addressee, ctx),
                kind=said.hit.entry.kind))
            ctx.last_speaker = said.speaker
            if self._is_person(said.speaker):
                ctx.note_person(said.speaker)
            elif self._is_org(said.speaker):
                ctx.last_org = said.speaker
        return out

    def _mentioned(self, mentions, interactions, statements, ctx: ReadingContext) -> tuple[str, ...]:
        """Actors the article mentions as actors; a news outlet only where it speaks or is spoken to, and an
        organisation found from its form only where it speaks, takes part, or is someone's affiliation."""
        speaking = {s.speaker for s in statements} | {s.addressee for s in statements if s.addressee}
        parties = {p for i in interactions for p in i.participants}
        keys = {m.actor for m in mentions} | parties | speaking
        acting = speaking | parties | ctx.affiliations
        return tuple(sorted(k for k in keys if not self.lexicon.is_collective(k)
                            and (not self.lexicon.is_media(k) or k in speaking)
                            and (discovered_type(k) != "Organization" or k in acting)))

    def _topic_infos(self, statements) -> tuple[TopicInfo, ...]:
        used = {t for s in statements for t in s.topics}
        return tuple(TopicInfo(t.key, t.label_zh, t.label_en or None) for t in self.lexicon.topics if t.key in used)

    def _interactions(self, s: AnalysedSentence, ctx: ReadingContext) -> list[Met]:
        out: list[Met] = []
        text, fr, found = s.text, s.frame, s.found
        for word in s.events:
            if is_occasion(s, word):
                continue
            start, end, word_type = word.start, word.end, word.type
            people, one_with_each = participants_for(s, start, end, ctx, self.lexicon, self.media)
            when = date_for(s, start, end, ctx.published)
            on = when.value if when and when.precision == "day" else ctx.published  # 1月份: Trump's or Biden's?
            if tuple(people) == ctx.last_pair:
                people = list(pair_leaders(text, start, ctx.last_pair, self.lexicon, on))
            people = self._counterparts(people, found, ctx)
            people = self._without_own_country(people)
            people = leaders_if_named(s, people, start, self.lexicon, on)
            head = text[fr.clause_start(start):start]
            place = place_for(s, start, self.lexicon)
            kind = refine_type(word_type, text[start:end], head, people, place, lambda k: self._role(k, ctx), self.lexicon,
                               when.value if when and when.precision in ("day", "month") else None)
            if kind in ("Summit", "VideoConference"):
                people = unique(leaders_of(people, self.lexicon, on, ctx.named))
            kind = channel_said_after(kind, text[end:end + 32])
            if len(people) < 2:
                continue
            if negated(s, start, end, self.lexicon):
                ctx.remember_pair(tuple(people))  # 拜登和习近平之间却一直没有通话: no call, but the pair is spoken of
                continue
            status = status_for(s, start, end, when, ctx.published, self.lexicon)
            fits = partial(compatible_types, kind)
            if when is None and anaphoric(text, fr.clause_start(start), start) \
                    and (same := ctx.event_spoken_of(self._sides(people), self._sides, partial(_same_channel, kind))):
                kind, people, when = same  # 这次美中高层会谈 after 7月26日，舍曼在天津跟王毅会谈: that meeting again
                status = status_for(s, start, end, when, ctx.published, self.lexicon)
            elif when is None and status == "held" and (told := ctx.recent_dated_event(tuple(people), fits, NARRATIVE_REACH)):
                when = told[1]  # the visit's day, told in order; talks told right after a call are that call
                kind = told[0] if kind == "Talks" else kind
            elif when is not None and when.precision == "day" and status == "held":
                ctx.dated_events.append((ctx.sentence, tuple(people), kind, when))
            groups = [(people[0], other) for other in people[1:]] if one_with_each else [tuple(people)]
            listed = enumerated_dates(s, end) or [when]
            for group in groups:
                for day in listed:
                    day_status = status if day is when else status_for(s, start, end, day, ctx.published, self.lexicon)
                    out.append(Met(kind, tuple(group), day_status, day, place, text[start:end], start))
            ctx.remember_pair(tuple(people), when)
        return _one_per_event(out)

    def _persons_for_countries(self, interactions: list[Interaction]) -> list[Interaction]:
        """周五美中高层通话 in an article that names 戴琪 and 刘鹤's call that Friday: where the article identifies the
        persons who met, an event of their countries on the same day is theirs."""
        out = []
        for item in interactions:
            countries = [p for p in item.participants if self._type(p) == "Country"]
            match = None
            if countries:
                for other in interactions:
                    if other is item or not compatible_types(other.type, item.type) or not item.date \
                            or item.date.precision != "day" or item.date != other.date:
                        continue  # one event only where both say the same day
                    mapped = self._as_persons(item.participants, other.participants)
                    if mapped:
                        match = replace(item, participants=mapped)
                        break
            out.append(match or item)
        return out

    def _as_persons(self, parties: tuple[str, ...], persons: tuple[str, ...]) -> tuple[str, ...] | None:
        """`parties` with each country replaced by the one person of `persons` from it, if that covers them all."""
        if len(parties) != len(persons) or any(self._type(p) == "Country" for p in persons):
            return None
        out = []
        for p in parties:
            if self._type(p) != "Country":
                out.append(p)
                continue
            of = [q for q in persons if (info := self.lexicon.actors.get(q)) is not None and info.country == p
                  and info.type == "Person"]
            if len(of) != 1:
                return None
            out.append(of[0])
        return tuple(out) if set(out) == set(persons) else None

    def _sides(self, parties) -> frozenset[str]:
        """The countries `parties` stand for: a person's country, or the party itself when the lexicon knows none."""
        out = set()
        for p in parties:
            info = self.lexicon.actors.get(p)
            out.add(info.country if info is not None and info.type != "Country" and info.country else p)
        return frozenset(out)

    def _type(self, key: str) -> str | None:
        info = self.lexicon.actors.get(key)
        return info.type if info is not None else discovered_type(key)

    def _without_own_country(self, people: list[str]) -> list[str]:
        """中国 and 习近平 as parties: the country is there through its leader."""
        countries_of = {self.lexicon.actors[p].country for p in people if p in self.lexicon.actors}
        return [p for p in people if not (self.lexicon.actors.get(p) and self.lexicon.actors[p].type == "Country"
                                           and p in countries_of)]

    def _counterparts(self, people: list[str], found: tuple[Found, ...], ctx: ReadingContext) -> list[str]:
        """他的俄罗斯同行: the holder in that country of the office the other party holds."""
        out = []
        for key in people:
            mark = next((f for f in found if f.actor == key and f.role and f.role.endswith(self.lexicon.cues.counterpart_words)), None)
            others = [p for p in people if p != key and self._is_person(p)]
            holder = None
            if mark is not None and others:
                role = self._role(others[0], ctx) or ""
                title = next((t for t in sorted(self.lexicon.titles, key=len, reverse=True) if role.endswith(t)), None)
                holder = self.lexicon.office_holder(key, title, ctx.published) if title else None
            out.append(holder or key)
        return unique(out)

    def _learn_roles(self, found: tuple[Found, ...], ctx: ReadingContext, text: str) -> None:
        """What the sentence says of its persons as the reader reaches it: their roles (美国国务卿布林肯) and, by a form of
        address (德雷森女士), their gender."""
        for f in found:
            if f.role and f.type == "Person":
                ctx.roles[f.actor] = f.role
            elif f.role and f.type == "Organization" and f.prefix:
                ctx.unnamed_roles.pop(f.actor, None)  # kept in the order last spoken of
                ctx.unnamed_roles[f.actor] = f.role  # 美国国务院一名发言人: the body stands for its unnamed spokesperson
            if f.type == "Person" and f.is_actor and (said := GENDERED.match(text, f.end)):
                ctx.genders.setdefault(f.actor, "female" if said.group(0) in FEMININE else "male")

    def _remember(self, s: AnalysedSentence, ctx: ReadingContext, spoke: bool) -> None:
        if AFTER_MEETING.search(s.text):
            ctx.past_headline = True  # 肖尔茨在与普京会谈后还表示: what follows is said after the meeting
        dated = [d.value for d in s.dates if d.value is not None]
        if dated:
            ctx.last_date = dated[-1]
        first = s.frame.first_clause_end()
        if any(d.start == 0 and s.text[d.end:first].strip() == "" for d in s.dates) and first < len(s.text):
            first = s.frame.clause_end(first + 1)  # 2022年1月9日，德雷森女士给FDA官员发送了…: the date opens, she acts
        subject = subject_of(s, first, self.lexicon)
        if subject is not None and self._is_person(subject.actor) and not spoke:
            ctx.note_person(subject.actor)
        orgs = [f for f in s.found if f.is_actor and f.type == "Organization" and not f.prefix]
        if orgs:
            ctx.last_org = orgs[0].actor
        ctx.bodies.extend((f.actor, f.type, _described_as(s.text, f) + self._description(f.actor))
                          for f in s.found if f.is_actor and f.type in ("Organization", "Country") and not f.prefix)

    def _description(self, key: str) -> str:
        """What the lexicon says the actor is (美国智库, 中国企业), and its names: 该智库 and 该公司 look for these."""
        info = self.lexicon.actors.get(key)
        return "" if info is None else "|".join((info.role or "", info.label_zh, *info.aliases))

    def _is_person(self, key: str | None) -> bool:
        info = self.lexicon.actors.get(key) if key else None
        return bool(key) and (discovered_type(key) == "Person" or (info is not None and info.type == "Person"))

    def _is_org(self, key: str | None) -> bool:
        info = self.lexicon.actors.get(key) if key else None
        return bool(key) and (discovered_type(key) == "Organization" or (info is not None and info.type == "Organization"))

    def _role(self, key: str, ctx: ReadingContext) -> str | None:
        info = self.lexicon.actors.get(key)
        return ctx.roles.get(key) or (info.role if info else None)

    def _topics(self, text: str) -> tuple[str, ...]:
        """The topics whose keywords the sentence uses, in the topic lexicon's order."""
        seen = {self._topic_of[m.group(0)] for m in self._keywords.finditer(text)}
        return tuple(t.key for t in self.lexicon.topics if t.key in seen)

    def _actor_infos(self, mentions, interactions, statements, ctx: ReadingContext) -> tuple[ActorInfo, ...]:
        keys = {m.actor for m in mentions}
        keys |= {p for i in interactions for p in i.participants}
        keys |= {s.speaker for s in statements} | {s.addressee for s in statements if s.addressee}
        surfaces: dict[str, set[str]] = {}
        for m in mentions:
            names = surfaces.setdefault(m.actor, set())
            if m.kind in ALIAS_KINDS:
                names.add(m.surface)
            if m.latin:
                names.add(m.latin)
        infos = []
        for key in sorted(keys):
            info = self.lexicon.actors.get(key)
            seen = surfaces.get(key, set())
            if info is None:  # discovered: labelled by the name its key is made of
                latin = next((s for s in sorted(seen) if s.isascii()), None)
                typ = discovered_type(key) or "Person"
                infos.append(ActorInfo(key, typ, key.split("-", 1)[1], latin, tuple(sorted(seen)), role=ctx.roles.get(key)))
            else:
                infos.append(ActorInfo(info.key, info.type, info.label_zh, info.label_en,
                                       tuple(sorted(set(info.aliases) | seen)), info.country,
                                       ctx.roles.get(key) or info.role, info.wikidata))
        return tuple(infos)


def _same_channel(a: str, b: str) -> bool:
    """这次通话 is no summit; 这次会晤 may be a video meeting: a call is only a call (or talks), anything else any
    other meeting."""
    return compatible_types(a, b) or "PhoneCall" not in (a, b)


def _one_per_event(mets: list[Met]) -> list[Met]:
    """视频连线的方式举行峰会: two words of one sentence, one event (the more specific type is kept)."""
    out: list[Met] = []
    for met in mets:
        twin = next((m for m in out if set(m.participants) == set(met.participants) and compatible_types(m.type, met.type)
                     and (m.date == met.date or m.date is None or met.date is None)), None)
        if twin is None:
            out.append(met)
        elif TYPE_SPECIFICITY.index(met.type) < TYPE_SPECIFICITY.index(twin.type) or (twin.date is None and met.date):
            out[out.index(twin)] = met if met.date or not twin.date else replace(met, date=twin.date)
    return out


def _event_date(speaker: str, addressee: str | None, ctx: ReadingContext):
    """拜登告诉普京 in an account of their summit: said on the day of the event under discussion."""
    if addressee and {speaker, addressee} == set(ctx.last_pair):
        return ctx.last_event_date
    return None


def _date_before(dates, pos: int):
    before = [d for d in dates if d.start < pos and d.value is not None]
    return before[-1].value if before else None
