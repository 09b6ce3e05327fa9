"""A jieba tokenizer of our own, primed with the lexicon so names and verbs stay whole.

jieba alone splits foreign names (布/林肯) and its module-level instance is
shared mutable state; diplograph builds a private `jieba.Tokenizer` for each
lexicon, once per process.

Setting one up the plain way (jieba's marshal cache of its 350,000-word
dictionary, then one `add_word` per lexicon word) takes about a second, nearly
all of it in `marshal.load`. So the finished prefix dictionary (jieba's words
plus the lexicon's) is written once per (jieba version, dictionary, lexicon
words) to a private cache folder as a pickle, which loads in a quarter of the
time. The pickle is only ever read from the user's own cache folder, and the
file carries its key, so a stale or foreign file is rebuilt, not trusted.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jieba

from diplograph.ingest.lexicon import Lexicon
from diplograph.ingest.normalize import has_chinese

VERB_TAGS = frozenset({b"v", b"vd", b"vi", b"vg", b"vq", b"p"})
USER_WORD_FREQ = 200_000  # high enough that jieba keeps a lexicon word whole against its own splits
CACHE_FORMAT = 3  # bump when the pickled layout changes


def lexicon_words(lexicon: Lexicon) -> list[str]:
    """Every Chinese word of the lexicon that segmentation must keep whole."""
    words = set(lexicon.surfaces) | set(lexicon.metonyms) | set(lexicon.places) | set(lexicon.titles)
    words |= set(lexicon.speech_verbs) | set(lexicon.interaction_words)
    return sorted(w for w in words if len(w) >= 2 and has_chinese(w) and " " not in w)


def default_cache_dir() -> Path:
    """Where diplograph keeps per-user caches: $DIPLOGRAPH_CACHE, else $XDG_CACHE_HOME/diplograph, else ~/.cache/diplograph."""
    if os.environ.get("DIPLOGRAPH_CACHE"):
        return Path(os.environ["DIPLOGRAPH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "diplograph"


def dictionary_key(words: list[str]) -> str:
    """What the combined prefix dictionary depends on: jieba's version and dictionary, and the added words."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{jieba.__version__}\0{USER_WORD_FREQ}\0".encode())
    with jieba.Tokenizer().get_dict_file() as handle:  # jieba's own dict.txt, opened by jieba
        digest.update(hashlib.sha256(handle.read()).digest())
    digest.update("\n".join(words).encode("utf-8"))
    return digest.hexdigest()[:24]


EVERYDAY = 300  # uses in jieba's dictionary: 根本 9780, 施加 438; 巴尔 78, 罗宾 12


@dataclass(frozen=True)
class Classes:
    """Word classes of jieba's dictionary that the rules ask about: persons' names, and verbs or prepositions."""

    names: frozenset[str]
    verbs: frozenset[str]


@contextmanager
def _quiet_jieba():
    """Hide jieba's "Building prefix dict" lines while it sets up, and restore its logger's level after."""
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _plain_dictionary(words: list[str]) -> tuple[dict[str, int], int, Classes]:
    """jieba's own set-up: its cached dictionary, then one add_word per lexicon word; and the words its
    dictionary tags as persons' names, and as verbs or prepositions."""
    tok = jieba.Tokenizer()
    with _quiet_jieba():
        tok.initialize()
    for word in words:
        tok.add_word(word, USER_WORD_FREQ)
    names, verbs = set(), set()
    with tok.get_dict_file() as handle:
        for line in handle:
            word, _, tag = line.split()
            if tag.startswith(b"nr"):
                names.add(word.decode("utf-8"))
            elif tag in VERB_TAGS:
                verbs.add(word.decode("utf-8"))
    return tok.FREQ, tok.total, Classes(frozenset(names), frozenset(verbs))


def _load(path: Path, key: str) -> tuple[dict[str, int], int, Classes] | None:
    enabled = gc.isenabled()
    gc.disable()  # half a million new objects: the collector would walk them again and again
    try:
        with open(path, "rb") as handle:
            stored_key, freq, total, classes = pickle.load(handle)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        return None
    finally:
        if enabled:
            gc.enable()
    if stored_key != key or not isinstance(freq, dict) or not isinstance(total, int) or not isinstance(classes, Classes):
        return None
    return freq, total, classes


def _store(path: Path, key: str, freq: dict[str, int], total: int, classes: Classes) -> None:
    """Write the cache file atomically; a cache that cannot be written is only slower, never an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((key, freq, total, classes), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def prefix_dictionary(words: list[str], cache_dir: Path | None) -> tuple[dict[str, int], int, Classes]:
    """jieba's FREQ table and total with `words` added, and its word classes, from the cache folder when it has
    them."""
    if cache_dir is None:
        return _plain_dictionary(words)
    key = dictionary_key(words)
    path = Path(cache_dir) / "jieba" / f"dict-{key}.pickle"
    loaded = _load(path, key) if path.is_file() else None
    if loaded is not None:
        return loaded
    freq, total, classes = _plain_dictionary(words)
    _store(path, key, freq, total, classes)
    return freq, total, classes


class Tokenizer:
    """Segments sentences with a private jieba instance that knows the lexicon's words.

    `seconds` adds up the time spent in `spans`, so a run can report segmentation apart from the rest of extraction.
    """

    def __init__(self, lexicon: Lexicon, cache_dir: Path | None | bool = True) -> None:
        folder = default_cache_dir() if cache_dir is True else (cache_dir or None)
        self._jieba = jieba.Tokenizer()
        self._jieba.FREQ, self._jieba.total, self._classes = prefix_dictionary(lexicon_words(lexicon), folder)
        self._jieba.initialized = True
        self.seconds = 0.0

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each token of `text`."""
        start = time.perf_counter()
        out = [(begin, end) for _, begin, end in self._jieba.tokenize(text, HMM=True)]
        self.seconds += time.perf_counter() - start
        return out

    def common_word(self, word: str, at_least: int = 1) -> bool:
        """Is `word` in jieba's dictionary (with at least that frequency) as anything but a person's name (高调, 文件;
        not 黄介正)?"""
        return self._jieba.FREQ.get(word, 0) >= at_least and word not in self._classes.names

    def everyday_word(self, word: str) -> bool:
        """A common word used often (根本, 热爱), not a fragment of a transliterated name that the dictionary
        happens to hold (巴尔, 罗宾: a few dozen uses)."""
        return self.common_word(word) and self._jieba.FREQ.get(word, 0) >= EVERYDAY

    def known_word(self, word: str) -> bool:
        """Is `word` in jieba's dictionary (or the lexicon's words) at all?"""
        return self._jieba.FREQ.get(word, 0) > 0

    def verb_like(self, word: str) -> bool:
        """Does jieba's dictionary know `word` as a verb or a preposition (制裁, 对; not 研究 as in 研究员)?"""
        return word in self._classes.verbs

    def cut(self, text: str) -> list[str]:
        """The tokens themselves."""
        return self._jieba.lcut(text, HMM=True)

    def segment(self, text: str) -> list[tuple[str, int, int]]:
        """jieba's own call as the pipeline makes it, untimed (what the benchmark's floor measures)."""
        return list(self._jieba.tokenize(text, HMM=True))
