"""Larger corpora made from a real one: each file copied N times, every copy a distinct article.

An article's id comes from its source URL, or from its title and text when
it has no URL. Copy k of a file changes only that: `?copy=k` is appended to
the URL the reader takes the id from, or ` 副本k` to the title of a file
without one, and nothing else, so every copy is parsed exactly like the
original (same format, date and sentences) and extracted to the same facts
under its own id. `rule_for` finds and checks that edit once per file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from diplograph.ingest.decode import decode
from diplograph.ingest.reader import find_files, parse_text
from diplograph.ingest.records import Article


@dataclass(frozen=True)
class Rule:
    """How to make copy k of one file: replace the first `old` with `new` % k (None: copy as it is)."""

    old: str | None = None
    new: str | None = None

    def apply(self, text: str, k: int) -> str:
        if self.old is None or k == 0:
            return text
        return text.replace(self.old, self.new.replace("{k}", str(k)), 1)


def _same_reading(a: Article, b: Article) -> bool:
    return (a.blocks, a.published, a.format, a.outlet, a.language) == (b.blocks, b.published, b.format, b.outlet,
                                                                       b.language)


def rule_for(text: str, source: str) -> Rule:
    """The edit that gives this file's copies their own ids and changes nothing else (checked on copy 1)."""
    original = parse_text(text, source)
    if not isinstance(original, Article):
        return Rule()  # skipped files stay skipped, for the same reason
    candidates = []
    if original.url:
        candidates.append(Rule(original.url, original.url + "?copy={k}"))
    raw_title = original.title.split()[0] if original.title.split() else original.title
    candidates.append(Rule(raw_title, raw_title + " 副本{k}"))
    for rule in candidates:
        if rule.old not in text:
            continue
        copy = parse_text(rule.apply(text, 1), source)
        if isinstance(copy, Article) and copy.id != original.id and _same_reading(copy, original):
            return rule
    raise ValueError(f"{source}: found no edit that changes only the article id")


def replicate(src: Path, dest: Path, times: int) -> list[Path]:
    """Write `times` copies of every article file under `src` into `dest/copy-K/` (copy 0 is the original)."""
    written = []
    for path, source in find_files([src]):
        data = path.read_bytes()
        try:
            text = decode(data)
        except ValueError:
            rule, text = Rule(), None
        else:
            rule = rule_for(text, source)
        for k in range(times):
            target = dest / f"copy-{k:03d}" / source
            target.parent.mkdir(parents=True, exist_ok=True)
            if text is None or rule.old is None:
                target.write_bytes(data)
            else:
                target.write_text(rule.apply(text, k), encoding="utf-8", newline="")
            written.append(target)
    return written


def corpus_bytes(folder: Path) -> int:
    """Total size of the files under `folder`."""
    return sum(os.path.getsize(p) for p, _ in find_files([folder]))
