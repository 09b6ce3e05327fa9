"""What a reader remembers while reading one article: who spoke last, which event is under discussion."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from diplograph.ingest.records import DateValue


PRONOUN_REACH = 6  # sentences
BODY_REACH = 12  # bodies named: 该公司 looks back over the last dozen named
BODY_SYNONYMS = {"公司": ("公司", "企业", "集团"), "集团": ("集团", "公司", "企业")}  # 该公司 of a 中国企业


@dataclass
class ReadingContext:
    """Per-article memory for 他, 这位官员, 两国领导人, 当天 and zero subjects; made fresh for every article."""

    published: date | None  # None: an undated article
    month_only: bool = False
    gender_of: Callable[[str], str | None] = lambda key: None  # what the lexicon knows: male, female or None
    local_names: dict[str, str] = field(default_factory=dict)
    people: list[str] = field(default_factory=list)  # persons the passage is about, the most recent last
    noted: dict[str, int] = field(default_factory=dict)  # sentence number where each was last the one spoken of
    genders: dict[str, str] = field(default_factory=dict)  # what the text says of a person's gender (女士, 她)
    turn_speaker: str | None = None  # who speaks in this paragraph of a transcript (安倍前首相：…)
    last_speaker: str | None = None
    last_org: str | None = None
    last_pair: tuple[str, ...] = ()
    last_event_date: DateValue | None = None
    dated_events: list = field(default_factory=list)  # (sentence, participants, type, date) of held events dated
    pair_counts: dict[frozenset[str], int] = field(default_factory=dict)
    pair_seen: dict[frozenset[str], int] = field(default_factory=dict)  # sentence number of the last report
    sentence: int = 0
    last_date: DateValue | None = None
    roles: dict[str, str] = field(default_factory=dict)
    local_heads: set[str] = field(default_factory=set)  # local names that are a body's head noun (指挥中心)
    headline_pair: frozenset[str] | None = None  # the two persons whose meeting or call the title reports
    past_headline: bool = False  # the article has gone on to what came after that meeting (会谈后还表示)
    unnamed_roles: dict[str, str] = field(default_factory=dict)  # body -> the title of its unnamed holder spoken of
    affiliations: set[str] = field(default_factory=set)  # actors named as qualifying a person or title (美国国务卿)
    paired_weekdays: dict = field(default_factory=dict)  # weekday -> the date the article wrote with it (周一（11月15日）)
    named: frozenset[str] = frozenset()  # every actor the article names (its first pass), not only those read so far
    bodies: list[tuple[str, str, str]] = field(default_factory=list)  # (key, type, words naming it), the latest last

    @property
    def last_person(self) -> str | None:
        return self.people[-1] if self.people else None

    def note_person(self, key: str) -> None:
        """`key` is now the person the passage is most about."""
        if key in self.people:
            self.people.remove(key)
        self.people.append(key)
        self.noted[key] = self.sentence

    def gender(self, key: str) -> str | None:
        return self.genders.get(key) or self.gender_of(key)

    def antecedent(self, pronoun: str, candidates: list[str] | None = None) -> str | None:
        """The person 他 or 她 refers to: the most recent one whose gender does not disagree (她 is no man, 他 no
        woman; a person of unknown gender may be either)."""
        if candidates is None:  # a pronoun reaches back a few sentences, not to the start of the article
            candidates = [p for p in self.people if self.sentence - self.noted.get(p, self.sentence) <= PRONOUN_REACH]
        pool = candidates
        other = "male" if pronoun.startswith("她") else "female"
        agreeing = [p for p in pool if self.gender(p) != other]
        return agreeing[-1] if agreeing else None

    def remember_pair(self, participants: tuple[str, ...], when: DateValue | None = None) -> None:
        if len(participants) == 2:
            key = frozenset(participants)
            self.pair_counts[key] = self.pair_counts.get(key, 0) + 1
            self.pair_seen[key] = self.sentence
            if set(participants) != set(self.last_pair) or when is not None:
                self.last_event_date = when
            self.last_pair = participants

    def recent_dated_event(self, participants: tuple[str, ...], fits: Callable[[str], bool],
                           within: int) -> tuple[str, DateValue] | None:
        """The type and date of the latest held event dated in the last `within` sentences that shares a party with
        `participants` and whose type `fits` (菅义伟抵达白宫后，首先跟副总统贺锦丽会晤 after the dated summit of his
        visit; not a call after a video summit, nor a past call after one still to come)."""
        for sentence, parties, kind, when in reversed(self.dated_events):
            if self.sentence - sentence > within:
                return None
            if set(parties) & set(participants) and fits(kind):
                return kind, when
        return None

    def event_spoken_of(self, sides: frozenset[str], sides_of: Callable,
                        fits: Callable[[str], bool]) -> tuple[str, list[str], DateValue] | None:
        """这次会谈 whose parties stand for `sides`: the type, parties and date of the latest dated held event of the
        article between the same sides (its persons, or their countries) whose type `fits` (这次通话 is no summit)."""
        for _, parties, kind, when in reversed(self.dated_events):
            if sides_of(parties) == sides and fits(kind):
                return kind, list(parties), when
        return None

    def main_pair(self) -> frozenset[str] | None:
        """The two parties the article has reported meeting or calling most often so far."""
        if not self.pair_counts:
            return None
        best = max(self.pair_counts.values())
        tied = [p for p, n in self.pair_counts.items() if n == best]
        return tied[0] if len(tied) == 1 and best >= 2 else None

    def recently(self, pair: frozenset[str], within: int) -> bool:
        """Was an interaction of `pair` reported in the last `within` sentences?"""
        return self.sentence - self.pair_seen.get(pair, -10**9) <= within

    def body_named(self, noun: str) -> str | None:
        """该公司, 该航空公司, 该国: the latest organisation named with that noun or described by it (政治咨询公司“欧亚
        集团”, 中国航空公司), or for 国 the latest country, among the last bodies named."""
        for key, kind, words in reversed(self.bodies[-BODY_REACH:]):
            if (kind == "Country") if noun.endswith("国") else \
                    (kind == "Organization" and any(n in words for n in BODY_SYNONYMS.get(noun, (noun,)))):
                return key
        return None

    def person_with_role(self, words: str, title: str = "") -> str | None:
        """The person whose role shares the most of `words` (这位美国国家安全顾问 → Sullivan), and holds `title`."""
        best, score = None, 0
        for key, role in self.roles.items():
            if title not in role:
                continue
            common = _common(role, words)
            if common > score or (common == score and key == self.last_person):
                best, score = key, common
        return best if score >= 2 else None


    def learn_unique(self, surface: str, key: str) -> None:
        """A short form the article may use for `key` again; where two actors share it, it names neither ("")."""
        if self.local_names.setdefault(surface, key) != key:
            self.local_names[surface] = ""

    def body_of_unnamed(self, title: str) -> str | None:
        """该发言人 after 美国国务院一名发言人: the body whose unnamed holder of `title` the article last spoke of."""
        held = [key for key, role in self.unnamed_roles.items() if role.endswith(title)]
        return held[-1] if held else None


def _common(a: str, b: str) -> int:
    """Length of the longest common substring of two short strings."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best
