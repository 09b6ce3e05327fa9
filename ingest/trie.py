"""A character trie for longest-match lookup of many words in a sentence."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

V = TypeVar("V")
_END = ""


class Trie(Generic[V]):
    """Maps words to values; finds the longest word starting at a position."""

    def __init__(self, items: Iterable[tuple[str, V]] = ()) -> None:
        self._root: dict = {}
        for word, value in items:
            self.add(word, value)

    @property
    def first_chars(self):
        """The characters words start with (most characters of a text start none: a cheap skip)."""
        return self._root.keys()

    def add(self, word: str, value: V) -> None:
        """Add `word`; the first value given for a word is kept."""
        if not word:
            return
        node = self._root
        for ch in word:
            node = node.setdefault(ch, {})
        node.setdefault(_END, value)

    def longest_at(self, text: str, i: int) -> tuple[int, V] | None:
        """(end, value) of the longest word starting at `i`, or None."""
        node = self._root.get(text[i]) if i < len(text) else None
        if node is None:  # most positions start no word: answer before setting up the walk
            return None
        best = (i + 1, node[_END]) if _END in node else None
        for j in range(i + 1, len(text)):
            node = node.get(text[j])
            if node is None:
                break
            if _END in node:
                best = (j + 1, node[_END])
        return best

    def ends_at(self, text: str, i: int) -> list[tuple[int, V]]:
        """(end, value) of every word starting at `i`, shortest first."""
        node, out = self._root, []
        for j in range(i, len(text)):
            node = node.get(text[j])
            if node is None:
                break
            if _END in node:
                out.append((j + 1, node[_END]))
        return out

    def scan(self, text: str) -> Iterator[tuple[int, int, V]]:
        """Non-overlapping longest matches, left to right, as (start, end, value)."""
        i, root = 0, self._root
        while i < len(text):
            if text[i] not in root:
                i += 1
                continue
            hit = self.longest_at(text, i)
            if hit is None:
                i += 1
            else:
                yield i, hit[0], hit[1]
                i = hit[0]
