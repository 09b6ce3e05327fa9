"""The pipeline: files → articles → extractions → knowledge graph → output files.

Each stage is a function of the previous stage's records; this module only
chains them, times them and collects what was skipped. It knows nothing of
the command line: the CLI passes options in and prints the `Report`.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.graph.assemble import Assembler
from diplograph.graph.model import KnowledgeGraph
from diplograph.ingest.decode import MAX_BYTES
from diplograph.ingest.reader import find_files, read_file
from diplograph.ingest.records import Article, Extraction, Skipped

Progress = Callable[[Iterable], Iterable]


def no_progress(items: Iterable) -> Iterable:
    return items


@dataclass
class Report:
    """What a run did: counts, what was skipped and why, and the time of each stage."""

    files: int = 0
    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, Path] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start

    @property
    def seconds(self) -> float:
        return sum(self.stages.values())


def list_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Every article file under `paths` (FileNotFoundError names a missing one)."""
    return list(find_files(paths))


def read_articles(files: list[tuple[Path, str]], report: Report, progress: Progress = no_progress,
                  max_bytes: int = MAX_BYTES) -> Iterator[Article]:
    """Articles of `files`, in order; skipped files and duplicates (same URL or content) go to the report."""
    seen: dict[str, str] = {}
    report.files += len(files)
    for path, source in progress(files):
        with report.stage("ingest"):
            result = read_file(path, source, max_bytes)
        if isinstance(result, Skipped):
            report.skipped.append(result)
            continue
        if result.id in seen:
            report.skipped.append(Skipped(source, f"duplicate of {seen[result.id]} (same source URL or text)"))
            continue
        seen[result.id] = source
        report.articles += 1
        yield result


def make_extractor(lexicon_dirs: Iterable[Path] = ()):
    """The extractor of this process: the lexicon and a jieba tokenizer that knows it (about a second)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources, which warns on import
        from diplograph.ingest.extract import Extractor
        from diplograph.ingest.lexicon import load_lexicon

        return Extractor(load_lexicon(lexicon_dirs))


def extract_all(articles: Iterable[Article], extractor, report: Report) -> Iterator[Extraction]:
    """The extraction of each article, in order."""
    for article in articles:
        with report.stage("extraction"):
            result = extractor.extract(article)
        yield result


def build_graph(paths: Iterable[str | Path], report: Report | None = None, progress: Progress = no_progress,
                lexicon_dirs: Iterable[Path] = (), extractor=None, max_bytes: int = MAX_BYTES) -> KnowledgeGraph:
    """Files to knowledge graph: read, extract, resolve identities and merge events."""
    report = report if report is not None else Report()
    files = list_files(paths)
    with report.stage("setup"):
        extractor = extractor or make_extractor(lexicon_dirs)
    assembler = Assembler()
    for extraction in extract_all(read_articles(files, report, progress, max_bytes), extractor, report):
        with report.stage("assembly"):
            assembler.add(extraction)
    with report.stage("identity/merge"):
        return assembler.graph()
