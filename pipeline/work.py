"""One file's work, the same wherever it runs: read, parse, extract, and time each part.

`process` is what the sequential build calls in the main process. Worker
processes (the local pool) and Dask workers call `pool_task` / `dask_task`,
which build the extractor once per worker (per thread, for threaded Dask
workers) and keep it for the worker's life: that per-worker extractor is the
only state here, and it lives in the worker, never in the main process.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from diplograph.ingest.limits import Limits, TimeLimit, time_limit
from diplograph.ingest.manifest import manifest_dates
from diplograph.ingest.records import Extraction, Skipped


@dataclass(frozen=True)
class Outcome:
    """What became of one file: its record, the cache key of the bytes read, and seconds per stage."""

    source: str
    content: str | None  # SHA-256 of the bytes read; None when the file was not read (missing, too large)
    record: Extraction | Skipped
    times: tuple[tuple[str, float], ...] = ()
    blob: bytes | None = None  # the record as the cache stores it, when the worker was asked to encode it


def build_extractor(lexicon):
    """An extractor for `lexicon`, with its jieba tokenizer (about 0.4 s with a warm dictionary cache)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources, which warns on import
        from diplograph.ingest.extract import Extractor

        return Extractor(lexicon)


def read_path(path: Path, source: str, limits: Limits) -> tuple[bytes | None, Skipped | None]:
    """The bytes of `path`, or the reason it was not read (missing, unreadable, too large).

    One open, one fstat and reads to the end of the file, at the level of `os`: a build reads every input file
    this way once, so for a corpus that is already built this is most of the time "up to date" takes.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        fd = None
    if fd is not None:
        try:
            size = os.fstat(fd).st_size
            if size <= limits.max_bytes:
                return _read_to_end(fd, size), None
        except OSError:
            pass
        finally:
            os.close(fd)
    from diplograph.ingest.reader import read_file  # only here: the readers import bs4 and yaml

    result = read_file(path, source, limits)  # the reader's own message for the failure
    return None, result if isinstance(result, Skipped) else Skipped(source, "file changed while being read")


def _read_to_end(fd: int, size: int) -> bytes:
    """Everything from `fd` to the end of the file (`size`: its size as fstat gave it; a file may grow meanwhile)."""
    chunks = []
    while chunk := os.read(fd, max(size + 1, 1 << 16)):
        chunks.append(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


HOLD = 256 * 2**20  # bytes of file contents `read_inputs` keeps for extraction; files past it are read again there


@dataclass
class Input:
    """One input file as the build read it, once: the content key of its bytes (what the up-to-date stamp and the
    cache both use), the bytes themselves until they are handed to extraction, or why it could not be read."""

    path: Path
    source: str
    key: str | None = None  # SHA-256 of the bytes; None when the file was not read
    data: bytes | None = None  # let go of once a cache hit is found or extraction has them
    skipped: Skipped | None = None  # why the file was not read (missing, unreadable, too large)
    fallback: date | None = None  # the date a corpus manifest gives the file (`ingest.manifest`), for an undated text

    def stamp(self) -> str:
        """What this file adds to the up-to-date stamp: its content key, or the reason it was not read."""
        return self.key if self.key is not None else f"not read: {self.skipped.reason if self.skipped else ''}"


def read_inputs(files: list[tuple[Path, str]], limits: Limits, hold: int | None = None,
                wanted: Callable[[str, str], bool] | None = None) -> list[Input]:
    """Read and hash every file of `files` once; keep the bytes of those that `wanted(source, key)` (those the cache
    does not have: all, when not given), up to `hold` bytes in all (HOLD), for extraction."""
    from diplograph.pipeline.cache import content_key

    budget = HOLD if hold is None else hold
    inputs = []
    for (path, source), fallback in zip(files, manifest_dates(path for path, _ in files)):
        data, skipped = read_path(path, source, limits)
        key = content_key(data, fallback) if data is not None else None
        if data is not None and wanted is not None and not wanted(source, key):
            data = None  # a cache hit, most likely: if not, it is read again where it is extracted
        if data is not None:
            budget -= len(data)
            if budget < 0:
                data = None  # past the budget: read again (and hashed again) where it is extracted
        inputs.append(Input(path, source, key, data, skipped, fallback))
    return inputs


def unread_inputs(files: list[tuple[Path, str]]) -> list[Input]:
    """The files as inputs still to be read (where they are extracted), each with its manifest date."""
    return [Input(path, source, fallback=fallback)
            for (path, source), fallback in zip(files, manifest_dates(path for path, _ in files))]


def process(extractor, source: str, data: bytes | None, limits: Limits, path: Path | None = None,
            encode: bool = False, key: str | None = None, fallback: date | None = None) -> Outcome:
    """Read one file's content (`data`, or else `path`) and extract its facts (and encode them for the cache).
    `key` is the content key of `data` when the caller has it already; `fallback` the file's manifest date."""
    out = _process(extractor, source, data, limits, path, key, fallback)
    if not encode or out.content is None:
        return out
    from diplograph.ingest import codec

    start = time.perf_counter()
    blob = codec.encode(out.record)
    return replace(out, blob=blob, times=out.times + (("cache", time.perf_counter() - start),))


def _process(extractor, source: str, data: bytes | None, limits: Limits, path: Path | None,
             key: str | None = None, fallback: date | None = None) -> Outcome:
    from diplograph.pipeline.cache import content_key

    start = time.perf_counter()
    if data is None:
        data, skipped = read_path(path, source, limits)
        if skipped is not None:
            return Outcome(source, None, skipped, (("ingest", time.perf_counter() - start),))
        key = None  # read here: the key is of these bytes
    content = key if key is not None else content_key(data, fallback)
    tokenizer = getattr(extractor, "tokenizer", None)
    segmented = getattr(tokenizer, "seconds", 0.0)
    marks: list[float] = []  # when reading ended

    def work() -> Extraction | Skipped:
        article = read_guarded(data, source, limits, fallback)
        marks.append(time.perf_counter())
        return article if isinstance(article, Skipped) else _extract(extractor, article, source)

    record = within_limits(source, limits, work)
    done = time.perf_counter()
    read = marks[0] if marks else done
    if isinstance(record, Skipped):  # the time it took still counts
        return Outcome(source, content, record, (("ingest", read - start), ("extraction", done - read)))
    segmentation = getattr(tokenizer, "seconds", 0.0) - segmented
    return Outcome(source, content, record, (("ingest", read - start), ("segmentation", segmentation),
                                             ("extraction", done - read - segmentation)))


def read_one(path: Path, source: str, limits: Limits, fallback: date | None = None):
    """The article in the file `path`, or why not (unreadable, over a limit, a reader bug): what `ingest` reads."""
    data, skipped = read_path(path, source, limits)
    if skipped is not None:
        return skipped
    return within_limits(source, limits, lambda: read_guarded(data, source, limits, fallback))


def read_guarded(data: bytes, source: str, limits: Limits, fallback: date | None = None):
    """The article in `data` (dated `fallback` if its text gives no date), or why not; a reader bug skips this file,
    never the whole build."""
    from diplograph.ingest.reader import read_bytes

    try:
        return read_bytes(data, source, limits, fallback)
    except (TimeLimit, MemoryError):
        raise
    except Exception as err:  # noqa: BLE001
        return Skipped(source, f"could not be read (internal error: {_one_line(err)})")


def _extract(extractor, article, source: str) -> Extraction | Skipped:
    try:
        return extractor.extract(article)
    except (TimeLimit, MemoryError):
        raise
    except Exception as err:  # noqa: BLE001 - as above, for the extractor
        return Skipped(source, f"extraction failed (internal error: {_one_line(err)})")


def within_limits(source: str, limits: Limits, work):
    """`work()`, or a `Skipped` saying which limit one file went over (its time, or the memory there is)."""
    try:
        with time_limit(limits.max_seconds):
            return work()
    except TimeLimit:
        return Skipped(source, f"reading and extraction took over {limits.max_seconds:g} s, the limit for one "
                               "article (--max-seconds)")
    except MemoryError:
        return Skipped(source, "out of memory while reading or extracting it")


def _one_line(err: Exception) -> str:
    return f"{type(err).__name__}: {' '.join(str(err).split())[:200]}"


# --- in worker processes ------------------------------------------------------

_worker: dict = {}  # this worker process's extractor and its unreported set-up time (set by pool_init)


def pool_init(lexicon, limits: Limits, encode: bool) -> None:
    """Pool initializer: build this worker's extractor once."""
    start = time.perf_counter()
    _worker["extractor"] = build_extractor(lexicon)
    _worker["limits"] = limits
    _worker["encode"] = encode
    _worker["setup"] = time.perf_counter() - start


def pool_task(item: tuple[str, str, bytes | None, str | None, date | None]) -> Outcome:
    """One file in a pool worker (its path and source name, its bytes and content key when the build read it, and
    its manifest date); the first task of each worker also reports its set-up time."""
    path, source, data, key, fallback = item
    out = process(_worker["extractor"], source, data, _worker["limits"], Path(path), _worker["encode"], key, fallback)
    setup = _worker.pop("setup", None)
    return out if setup is None else replace(out, times=out.times + (("setup", setup),))


_local = threading.local()  # per-thread extractors of a Dask worker, by lexicon fingerprint


def dask_task(lexicon, source: str, data: bytes, limits: Limits, encode: bool = False,
              key: str | None = None, fallback: date | None = None) -> Outcome:
    """One file's content on a Dask worker (the data travels with the task: workers need not see our files)."""
    held = getattr(_local, "extractors", None)
    if held is None:
        held = _local.extractors = {}
    setup = None
    if lexicon.fingerprint not in held:
        start = time.perf_counter()
        held[lexicon.fingerprint] = build_extractor(lexicon)
        setup = time.perf_counter() - start
    out = process(held[lexicon.fingerprint], source, data, limits, encode=encode, key=key, fallback=fallback)
    return out if setup is None else replace(out, times=out.times + (("setup", setup),))
