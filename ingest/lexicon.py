"""The lexicons: what diplograph knows before it reads (actors, offices, places, words).

They are data files in `ingest/lexicons/` (described in its README); a user
adds folders of their own with the same file names, which extend the bundled
ones and override them key by key. A `Lexicon` is built once per process and
only read afterwards.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from datetime import date
from importlib import resources
from pathlib import Path

from diplograph.ingest.normalize import normalize
from diplograph.ingest.records import ACTOR_TYPES, INTERACTION_TYPES, STATUSES, ActorInfo

BUNDLED = "lexicons"


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Office:
    """Who held a title of a country or organisation, and when."""

    country: str
    title: str
    holder: str
    start: date
    end: date | None


@dataclass(frozen=True)
class SpeechVerb:
    """A speech verb of the lexicon: the word, its speech act, and whether its object is the addressee."""

    word: str
    kind: str
    takes_object: bool


@dataclass(frozen=True)
class Title:
    title: str
    label_en: str
    kind: str


@dataclass(frozen=True)
class Place:
    label_zh: str
    label_en: str
    country: str | None


@dataclass(frozen=True)
class Topic:
    key: str
    label_zh: str
    label_en: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Cues:
    """The word lists of cues.tsv that single rules consult (the file's `meaning` column says what each does)."""

    pair_words: tuple[str, ...] = ()
    object_meeting_verbs: tuple[str, ...] = ()
    report_verbs: tuple[str, ...] = ()
    press_settings: tuple[str, ...] = ()
    in_event_cues: tuple[str, ...] = ()
    unnamed_people: tuple[str, ...] = ()
    speech_nouns: tuple[str, ...] = ()
    relay_words: tuple[str, ...] = ()
    as_said: tuple[str, ...] = ()
    name_fillers: tuple[str, ...] = ()
    topic_nouns: tuple[str, ...] = ()
    place_verbs: tuple[str, ...] = ()
    counterpart_words: tuple[str, ...] = ()
    not_subject_after: tuple[str, ...] = ()
    place_after: tuple[str, ...] = ()
    topic_verbs: tuple[str, ...] = ()
    organisation_words: tuple[str, ...] = ()
    organisation_kinds: tuple[str, ...] = ()
    spokesperson_titles: tuple[str, ...] = ()
    institution_words: tuple[str, ...] = ()
    comma_verbs: tuple[str, ...] = ()
    after_name_titles: tuple[str, ...] = ()
    qualified_nouns: tuple[str, ...] = ()
    body_nouns: tuple[str, ...] = ()
    topic_heads: tuple[str, ...] = ()
    deeds: tuple[str, ...] = ()


CUE_LISTS = tuple(f.name for f in fields(Cues))


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractors look up, keyed by normalised (simplified) surface forms."""

    actors: dict[str, ActorInfo]
    surfaces: dict[str, str]
    metonyms: dict[str, str]
    places: dict[str, Place]
    abbreviations: dict[str, str]
    titles: dict[str, Title]
    offices: dict[tuple[str, str], tuple[Office, ...]]
    speech_verbs: dict[str, SpeechVerb]
    interaction_words: dict[str, str]
    status_cues: tuple[tuple[str, str, str], ...]
    topics: tuple[Topic, ...]
    not_speech: frozenset[str]
    not_actors: frozenset[str]
    translit: frozenset[str]
    surnames: frozenset[str]
    tags: dict[str, frozenset[str]]
    fingerprint: str
    conflicts: tuple[str, ...] = field(default=())
    negation_cues: frozenset[str] = field(default=frozenset())
    negation_links: frozenset[str] = field(default=frozenset())
    cues: Cues = field(default_factory=Cues)
    _kinds: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _longest_title: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        kinds: dict[str, list[str]] = {}
        for title, info in self.titles.items():
            kinds.setdefault(info.kind, []).append(title)
        object.__setattr__(self, "_kinds", {k: tuple(v) for k, v in kinds.items()})
        object.__setattr__(self, "_longest_title", max(map(len, self.titles), default=0))

    @cached_property
    def qualified_words(self) -> tuple[str, ...]:
        """The nouns a country before them only qualifies: the cue list, the organisation words and the titles."""
        return (*self.cues.qualified_nouns, *self.cues.organisation_words, *self.titles)

    @cached_property
    def said(self) -> re.Pattern:
        """Any verb of saying of the lexicon, longest first (the one list the rules split and match on)."""
        return re.compile("|".join(map(re.escape, sorted(self.speech_verbs, key=len, reverse=True))) or "(?!)")

    def heads_on(self, key: str, on: date) -> bool:
        """Did `key` head a state or government on `on` (by offices.tsv)?"""
        info = self.actors.get(key)
        country = info.country if info is not None else None
        return country is not None and any(self.office_holder(country, t, on) == key for t in self.heads)

    def office_holder(self, country: str, title: str, on: date | None) -> str | None:
        """The actor holding `title` of `country` on `on`, if the lexicon knows (no one when `on` is unknown)."""
        if on is None:
            return None
        for office in self.offices.get((country, title), ()):
            if office.start <= on and (office.end is None or on <= office.end):
                return office.holder
        return None

    def titles_of_kind(self, kind: str) -> tuple[str, ...]:
        """Titles of one kind, in file order (for `head`: the order that resolves 领导人, 总统 before 总理)."""
        return self._kinds.get(kind, ())

    @property
    def heads(self) -> tuple[str, ...]:
        return self.titles_of_kind("head")

    def is_head(self, role: str | None) -> bool:
        """Does a role (美国总统, 德国总理; not 美国副总统) name a head of state or government?"""
        return self.title_kind(role) == "head"

    def is_spokesperson(self, role: str | None) -> bool:
        return self.title_kind(role) == "spokesperson"

    def title_kind(self, role: str | None) -> str | None:
        """The kind of the longest title a role ends with (副总统 is a leader, though it ends with 总统)."""
        if not role:
            return None
        for n in range(min(len(role), self._longest_title), 0, -1):
            title = self.titles.get(role[-n:])
            if title is not None:
                return title.kind
        return None

    def gender(self, key: str) -> str | None:
        """`male` or `female` where actors.tsv tags the person so, else None."""
        tags = self.tags.get(key, frozenset())
        return "female" if "female" in tags else "male" if "male" in tags else None

    def is_media(self, key: str) -> bool:
        return "media" in self.tags.get(key, frozenset())

    def is_seat(self, key: str) -> bool:
        return "seat" in self.tags.get(key, frozenset())

    def is_collective(self, key: str) -> bool:
        return "collective" in self.tags.get(key, frozenset())


@cache
def bundled_speech_verbs() -> tuple[str, ...]:
    """The speech verbs of the bundled lexicon, for reading that happens before any lexicon is chosen (where a
    quotation's sentence ends: “……。”普萨基说。)."""
    folder = resources.files("diplograph.ingest").joinpath(BUNDLED)
    return tuple(sorted({normalize(r["verb"]) for _, _, r in _rows([folder], "speech_verbs.tsv")}, key=len, reverse=True))


def load_lexicon(extra: Iterable[Path] = ()) -> Lexicon:
    """The bundled lexicons, extended by the folders in `extra` (later folders win)."""
    folders = [resources.files("diplograph.ingest").joinpath(BUNDLED)] + [Path(p) for p in extra]
    for folder in folders[1:]:
        if not folder.is_dir():
            raise LexiconError(f"lexicon folder {folder} does not exist")
    digest = hashlib.sha256()
    for folder in folders:
        for name in sorted(p.name for p in folder.iterdir() if p.name.endswith((".tsv", ".txt"))):
            digest.update(name.encode() + b"\0" + folder.joinpath(name).read_bytes())
    return _build(folders, digest.hexdigest()[:16])


REQUIRED = {
    "actors.tsv": ("key", "type", "label_zh"), "offices.tsv": ("country", "title", "holder", "from"),
    "metonyms.tsv": ("surface", "actor"), "places.tsv": ("label_zh",), "abbreviations.tsv": ("char", "actor"),
    "titles.tsv": ("title",), "speech_verbs.tsv": ("verb",), "interaction_words.tsv": ("word", "type"),
    "status_cues.tsv": ("cue", "status"), "negation_cues.tsv": ("word", "kind"), "topics.tsv": ("key", "label_zh", "keywords"),
    "cues.tsv": ("list", "words"),
}


def _text(path: Path) -> str:
    """A lexicon file's text, or a LexiconError naming the file."""
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError as err:
        raise LexiconError(f"{path}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise LexiconError(f"{path}: cannot read ({err.strerror or err})") from None


def _rows(folders, name: str) -> Iterator[tuple[str, int, dict[str, str]]]:
    """(file, line number, row) of `name` in every folder that has it; a missing column is a LexiconError."""
    for folder in folders:
        path = folder.joinpath(name)
        if not path.is_file():
            continue
        lines = [ln for ln in _text(path).splitlines()]
        body = [(n + 1, ln) for n, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
        if not body:
            continue
        header = [h.strip() for h in body[0][1].split("\t")]
        missing = [c for c in REQUIRED.get(name, ()) if c not in header]
        if missing:
            raise LexiconError(f"{path}:{body[0][0]}: the header lacks the column(s) {', '.join(missing)}")
        for number, line in body[1:]:
            cells = line.split("\t")
            if len(cells) > len(header):
                raise LexiconError(f"{path}:{number}: {len(cells)} columns, the header has {len(header)}")
            yield str(path), number, {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}


def _words(folders, name: str) -> set[str]:
    out: set[str] = set()
    for folder in folders:
        path = folder.joinpath(name)
        if path.is_file():
            for line in _text(path).splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    out.update(line.split())
    return out


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _date(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise LexiconError(f"{where}: not a date: {value!r}") from None


def _build(folders, fingerprint: str) -> Lexicon:
    actors: dict[str, ActorInfo] = {}
    tags: dict[str, frozenset[str]] = {}
    for path, n, row in _rows(folders, "actors.tsv"):
        if row.get("type") not in ACTOR_TYPES:
            raise LexiconError(f"{path}:{n}: type must be one of {', '.join(ACTOR_TYPES)}, not {row.get('type')!r}")
        key = row["key"]
        actors[key] = ActorInfo(key, row["type"], normalize(row["label_zh"]), row.get("label_en") or None,
                                tuple(_split(row.get("aliases", ""))), row.get("country") or None,
                                row.get("role") or None, row.get("wikidata") or None)
        tags[key] = frozenset(_split(row.get("tags", "").replace(",", "|")))
    surfaces: dict[str, str] = {}
    conflicts: list[str] = []
    for key, info in actors.items():  # a later file's actor wins a name it shares with an earlier one
        for surface in (info.label_zh, info.label_en or "", *info.aliases):
            form = normalize(surface)
            if not form:
                continue
            if surfaces.get(form, key) != key:
                conflicts.append(f"{form}: {surfaces[form]} / {key}")
            surfaces[form] = key
    metonyms = {normalize(r["surface"]): r["actor"] for _, _, r in _rows(folders, "metonyms.tsv")}
    places: dict[str, Place] = {}
    for _, _, r in _rows(folders, "places.tsv"):
        place = Place(normalize(r["label_zh"]), r.get("label_en", ""), r.get("country") or None)
        for surface in [r["label_zh"], *_split(r.get("aliases", ""))]:
            places[normalize(surface)] = place  # later folders win
    offices: dict[tuple[str, str], list[Office]] = {}
    for path, n, r in _rows(folders, "offices.tsv"):
        where = f"{path}:{n}"
        start = _date(r["from"], where) or date.min
        office = Office(r["country"], normalize(r["title"]), r["holder"], start, _date(r.get("to", ""), where))
        offices.setdefault((office.country, office.title), []).append(office)
    verbs = {}
    for _, _, r in _rows(folders, "speech_verbs.tsv"):
        verbs[normalize(r["verb"])] = SpeechVerb(normalize(r["verb"]), r.get("kind") or "say", r.get("addressee") == "object")
    words = {}
    for path, n, r in _rows(folders, "interaction_words.tsv"):
        if r["type"] not in INTERACTION_TYPES:
            raise LexiconError(f"{path}:{n}: type must be one of {', '.join(INTERACTION_TYPES)}")
        words[normalize(r["word"])] = r["type"]
    cues = []
    for path, n, r in _rows(folders, "status_cues.tsv"):
        if r["status"] not in STATUSES:
            raise LexiconError(f"{path}:{n}: status must be one of {', '.join(STATUSES)}")
        cues.append((normalize(r["cue"]), r["status"], r.get("where") or "any"))
    negations: dict[str, set[str]] = {"cue": set(), "link": set()}
    for path, n, r in _rows(folders, "negation_cues.tsv"):
        if r["kind"] not in negations:
            raise LexiconError(f"{path}:{n}: kind must be cue or link")
        negations[r["kind"]].add(normalize(r["word"]))
    topics = tuple(Topic(r["key"], r["label_zh"], r.get("label_en", ""), tuple(normalize(k) for k in _split(r["keywords"])))
                   for _, _, r in _rows(folders, "topics.tsv"))
    titles = {normalize(r["title"]): Title(normalize(r["title"]), r.get("label_en", ""), r.get("kind") or "other")
              for _, _, r in _rows(folders, "titles.tsv")}
    abbreviations = {normalize(r["char"]): r["actor"] for _, _, r in _rows(folders, "abbreviations.tsv")}
    translit = frozenset(ch for word in _words(folders, "translit_chars.txt") for ch in word)
    surnames = frozenset(normalize(w) for w in _words(folders, "surnames.txt"))
    cue_lists = _cue_lists(folders)
    return Lexicon(
        actors=actors, surfaces=surfaces, metonyms=metonyms, places=places, abbreviations=abbreviations,
        titles=titles, offices={k: tuple(sorted(v, key=lambda o: o.start)) for k, v in offices.items()},
        speech_verbs=verbs, interaction_words=words, status_cues=tuple(cues), topics=topics,
        not_speech=frozenset(normalize(w) for w in _words(folders, "not_speech.txt")),
        not_actors=frozenset(normalize(w) for w in _words(folders, "not_actors.txt")), translit=translit, surnames=surnames,
        tags=tags, fingerprint=fingerprint, conflicts=tuple(conflicts),
        negation_cues=frozenset(negations["cue"]), negation_links=frozenset(negations["link"]), cues=cue_lists,
    )


def _cue_lists(folders) -> Cues:
    """Each list of cues.tsv, in file order; a later folder's row adds its words to the list of that name."""
    lists: dict[str, list[str]] = {}
    for path, n, r in _rows(folders, "cues.tsv"):
        if r["list"] not in CUE_LISTS:
            raise LexiconError(f"{path}:{n}: no rule reads a list {r['list']!r}; the lists are {', '.join(CUE_LISTS)}")
        held = lists.setdefault(r["list"], [])
        held.extend(w for w in dict.fromkeys(normalize(w) for w in _split(r["words"])) if w not in held)
    missing = [name for name in CUE_LISTS if name not in lists]
    if missing:
        raise LexiconError(f"cues.tsv: the list(s) {', '.join(missing)} are missing")
    return Cues(**{name: tuple(lists[name]) for name in CUE_LISTS})
