"""A real article with its date taken away: seed 001 (the Biden–Putin call of 2021-12-30) without its
dateline and source URL, whose only other dates are relative (周四（12月30日）)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from support.paths import CORPUS

SEED = CORPUS / "001_7ac03c88fe2e9e94.txt"


def undated_copy(folder: Path) -> Path:
    text = SEED.read_text("utf-8")
    text = re.sub(r"【大纪元\d+年\d+月\d+日讯】", "", text)
    text = "\n".join(line for line in text.splitlines() if "原文链接" not in line and "epochtimes.com" not in line)
    path = folder / "undated.txt"
    path.write_text(text, "utf-8")
    return path


def corpus_with_an_undated_article(folder: Path) -> Path:
    """The seeds in `folder`, seed 001 replaced by its undated copy."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in CORPUS.glob("*.txt"):
        if seed != SEED:
            shutil.copy(seed, folder / seed.name)
    undated_copy(folder)
    return folder
