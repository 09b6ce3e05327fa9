"""What a reader remembers while reading one article: who spoke last, which event is under discussion."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from diplograph.ingest.records import DateValue


@dataclass
class ReadingContext:
    """Per-article memory for 他, 这位官员, 两国领导人, 当天 and zero subjects; made fresh for every article."""

    published: date
    month_only: bool = False
    local_names: dict[str, str] = field(default_factory=dict)
    last_person: str | None = None
    last_speaker: str | None = None
    last_org: str | None = None
    last_pair: tuple[str, ...] = ()
    last_event_date: DateValue | None = None
    last_date: DateValue | None = None
    roles: dict[str, str] = field(default_factory=dict)
    block: int = -1

    def remember_pair(self, participants: tuple[str, ...], when: DateValue | None = None) -> None:
        if len(participants) == 2:
            if set(participants) != set(self.last_pair) or when is not None:
                self.last_event_date = when
            self.last_pair = participants

    def person_with_role(self, words: str) -> str | None:
        """The person whose role shares the most of `words` (这位美国国家安全顾问 → Sullivan)."""
        best, score = None, 0
        for key, role in self.roles.items():
            common = _common(role, words)
            if common > score or (common == score and key == self.last_person):
                best, score = key, common
        return best if score >= 2 else None


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
