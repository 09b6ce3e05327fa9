"""Pathological articles made from real text: one long line of GNews prose with no punctuation at all."""
from __future__ import annotations

import re
from pathlib import Path

from support.paths import BULK

HEADER = "## 一篇没有标点的长文\n` 作者 ` [轉載自GNews](https://gnews.org/zh-hans/{n}/)\n\n"
NOT_TEXT = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]+")


def real_text(source: Path = BULK / "gnews", chars: int = 200_000) -> str:
    """About `chars` characters of Chinese text from the GNews articles under `source`, without punctuation."""
    from diplograph.ingest.formats.gnews import PROMO

    parts, total = [], 0
    for path in sorted(source.glob("gnews-*.md")):
        body = path.read_text("utf-8", errors="replace").split("[轉載自GNews]", 1)[-1]
        for line in body.splitlines()[1:]:  # the paragraphs: no links, no promotions
            if "](" in line or "<" in line or PROMO.search(line):
                continue
            text = NOT_TEXT.sub("", line)
            parts.append(text)
            total += len(text)
        if total >= chars:
            break
    return "".join(parts)


def make_article(path: Path, size_bytes: int, source: Path = BULK / "gnews") -> Path:
    """A GNews file of about `size_bytes` UTF-8 bytes whose body is one line of real text without punctuation."""
    text = real_text(source)
    line = (text * (size_bytes // max(1, len(text.encode("utf-8"))) + 1))
    line = line.encode("utf-8")[:size_bytes].decode("utf-8", errors="ignore")
    path.write_text(HEADER.format(n=size_bytes) + line + "\n", "utf-8")
    return path
