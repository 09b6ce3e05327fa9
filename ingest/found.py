"""An actor reference in a sentence (`Found`), the kinds of reference, and the keys of actors found in the text.

Actors the lexicon knows keep its key (`joe-biden`); persons discovered in the
text are keyed by their family name (`zh-库莱巴`), organisations by their name
(`org-德国联邦统计局`), so that every form of one name in an article meets.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from diplograph.ingest.normalize import MIDDLE_DOT

NAME, METONYM, TITLE, PLACE, NOT_ACTOR = "name", "metonym", "title", "place", "not-actor"
DISCOVERED, OFFICE, ABBREVIATION = "discovered", "office", "abbreviation"
PERSON_PREFIX, ORGANISATION_PREFIX = "zh-", "org-"


@dataclass(frozen=True)
class Found:
    """An actor reference in a sentence, as a span of the sentence text."""

    start: int
    end: int
    actor: str
    type: str
    surface: str
    kind: str = NAME
    role: str | None = None
    latin: str | None = None
    prefix: bool = False  # modifies a following title or name (美国 in 美国国务卿布林肯)
    place: bool = False  # a metonym or country named as a place (在莫斯科)
    topic: bool = False  # a country named as a subject matter (就乌克兰问题): neither an actor nor a place
    group: int = -1  # offices sharing one title (美国和俄罗斯领导人) carry the start of that phrase

    @property
    def is_actor(self) -> bool:
        return bool(self.actor) and not self.place and not self.topic


def person_key(surface: str) -> str:
    """`zh-库莱巴` for 德米特罗·库莱巴: the family name, so short and full forms meet."""
    return PERSON_PREFIX + surface.rsplit(MIDDLE_DOT, 1)[-1]


def organisation_key(surface: str) -> str:
    """`org-德国联邦统计局`: an organisation the lexicon lacks, by its name as written."""
    return ORGANISATION_PREFIX + surface


def discovered_type(key: str) -> str | None:
    """The actor type a discovered key stands for, or None for a lexicon key."""
    if key.startswith(PERSON_PREFIX):
        return "Person"
    if key.startswith(ORGANISATION_PREFIX):
        return "Organization"
    return None


class Words(Protocol):
    """What the tokenizer's dictionary says of a word."""

    def common_word(self, word: str, at_least: int = 1) -> bool: ...

    def everyday_word(self, word: str) -> bool: ...

    def known_word(self, word: str) -> bool: ...

    def verb_like(self, word: str) -> bool: ...


class _NoWords:
    """No dictionary: every word unknown."""

    def common_word(self, word: str, at_least: int = 1) -> bool:
        return False

    def everyday_word(self, word: str) -> bool:
        return False

    def known_word(self, word: str) -> bool:
        return False

    def verb_like(self, word: str) -> bool:
        return False


NO_WORDS = _NoWords()


def gaps(found: list[Found], length: int):
    """The spans of a text of `length` that none of `found` covers, left to right."""
    pos = 0
    for f in sorted(found, key=lambda f: f.start):
        if f.start > pos:
            yield pos, f.start
        pos = max(pos, f.end)
    if pos < length:
        yield pos, length
