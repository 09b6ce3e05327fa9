"""Fuzzing: real articles of every format, mutated by hypothesis, read and extracted with nothing caught.

Every mutated file must become an article whose offsets fit and whose evidence is its sentence, or a skip
with a one-line reason; an exception is a bug. A bounded number of examples runs here (derandomized, so CI
is repeatable; no example database is written); bench/fuzz.py runs the long version over every bulk file.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from support.mutations import mutate, read_and_extract
from support.paths import DEV, need_shared

EXAMPLES = 150


def real_files() -> list[tuple[str, bytes]]:
    """The seeds and a file of every format the dev corpus has, plus the plain-text and HTML forms of a seed."""
    need_shared(DEV)
    files = [(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]
    for folder in ("epochtimes", "aljazeera", "gnews"):
        paths = sorted((DEV / folder).glob("*.md"))
        files += [(f"{folder}/{p.name}", p.read_bytes()) for p in paths[:: max(1, len(paths) // 4)]]
    from diplograph.ingest.reader import read_file

    article = read_file(CORPUS / "001_7ac03c88fe2e9e94.txt")
    paragraphs = [b.original for b in article.blocks]
    files.append(("plain.txt", "\n\n".join([article.title, "2021年12月31日", *paragraphs]).encode()))
    html = "".join(f"<p>{p}</p>" for p in paragraphs)
    files.append(("page.html", f"<html><head><title>{article.title}</title></head><body><article>{html}"
                               "</article></body></html>".encode()))
    return files


FILES = real_files() if DEV.exists() else []


def test_the_seed_files_cover_every_format():
    need_shared(DEV)
    from diplograph.ingest.reader import read_bytes

    formats = {read_bytes(data, name).format for name, data in FILES}
    assert formats == {"epochtimes", "frontmatter", "gnews", "text", "html"}


@pytest.mark.skipif(not FILES, reason=f"needs {DEV} (the shared dev corpus); not found")
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(index=st.integers(min_value=0, max_value=max(0, len(FILES) - 1)), rng=st.randoms(use_true_random=False))
def test_mutated_articles_are_read_and_extracted_or_skipped_with_a_reason(extractor, index, rng):
    name, data = FILES[index]
    mutated, _ = mutate(data, rng)
    read_and_extract(extractor, mutated, name)
