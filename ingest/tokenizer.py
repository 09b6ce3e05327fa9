"""A jieba tokenizer of our own, primed with the lexicon so names and verbs stay whole.

jieba alone splits foreign names (布/林肯) and its module-level instance is
shared mutable state; diplograph builds a private `jieba.Tokenizer` for each
lexicon, once per process (initialising jieba takes about a second).
"""
from __future__ import annotations

import logging

import jieba

from diplograph.ingest.lexicon import Lexicon
from diplograph.ingest.normalize import has_chinese

USER_WORD_FREQ = 200_000  # high enough that jieba keeps a lexicon word whole against its own splits


def lexicon_words(lexicon: Lexicon) -> list[str]:
    """Every Chinese word of the lexicon that segmentation must keep whole."""
    words = set(lexicon.surfaces) | set(lexicon.metonyms) | set(lexicon.places) | set(lexicon.titles)
    words |= set(lexicon.speech_verbs) | set(lexicon.interaction_words)
    return sorted(w for w in words if len(w) >= 2 and has_chinese(w) and " " not in w)


class Tokenizer:
    """Segments sentences with a private jieba instance that knows the lexicon's words."""

    def __init__(self, lexicon: Lexicon) -> None:
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        for word in lexicon_words(lexicon):
            self._jieba.add_word(word, USER_WORD_FREQ)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each token of `text`."""
        return [(start, end) for _, start, end in self._jieba.tokenize(text, HMM=True)]

    def cut(self, text: str) -> list[str]:
        """The tokens themselves (what the speed floor of the benchmark measures)."""
        return self._jieba.lcut(text, HMM=True)
