"""One file's work, the same wherever it runs: read, parse, extract, and time each part.

`process` is what the sequential build calls in the main process. Worker
processes (the local pool) and Dask workers call `pool_task` / `dask_task`,
which build the extractor once per worker (per thread, for threaded Dask
workers) and keep it for the worker's life: that per-worker extractor is the
only state here, and it lives in the worker, never in the main process.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from diplograph.ingest.limits import Limits, TimeLimit, time_limit
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
    """The bytes of `path`, or the reason it was not read (missing, unreadable, too large)."""
    from diplograph.ingest.reader import read_file

    try:
        if path.stat().st_size <= limits.max_bytes:
            return path.read_bytes(), None
    except OSError:
        pass
    result = read_file(path, source, limits)  # the reader's own message for the failure
    return None, result if isinstance(result, Skipped) else Skipped(source, "file changed while being read")


def process(extractor, source: str, data: bytes | None, limits: Limits, path: Path | None = None,
            encode: bool = False) -> Outcome:
    """Read one file's content (`data`, or else `path`) and extract its facts (and encode them for the cache)."""
    out = _process(extractor, source, data, limits, path)
    if not encode or out.content is None:
        return out
    from diplograph.ingest import codec

    start = time.perf_counter()
    blob = codec.encode(out.record)
    return replace(out, blob=blob, times=out.times + (("cache", time.perf_counter() - start),))


def _process(extractor, source: str, data: bytes | None, limits: Limits, path: Path | None) -> Outcome:
    from diplograph.pipeline.cache import content_key

    start = time.perf_counter()
    if data is None:
        data, skipped = read_path(path, source, limits)
        if skipped is not None:
            return Outcome(source, None, skipped, (("ingest", time.perf_counter() - start),))
    content = content_key(data)
    tokenizer = getattr(extractor, "tokenizer", None)
    segmented = getattr(tokenizer, "seconds", 0.0)
    marks: list[float] = []  # when reading ended

    def work() -> Extraction | Skipped:
        article = read_guarded(data, source, limits)
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


def read_one(path: Path, source: str, limits: Limits):
    """The article in the file `path`, or why not (unreadable, over a limit, a reader bug): what `ingest` reads."""
    data, skipped = read_path(path, source, limits)
    if skipped is not None:
        return skipped
    return within_limits(source, limits, lambda: read_guarded(data, source, limits))


def read_guarded(data: bytes, source: str, limits: Limits):
    """The article in `data`, or why not; a reader bug skips this file, never the whole build."""
    from diplograph.ingest.reader import read_bytes

    try:
        return read_bytes(data, source, limits)
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


def pool_task(item: tuple[str, str]) -> Outcome:
    """One file in a pool worker; the first task of each worker also reports its set-up time."""
    path, source = item
    out = process(_worker["extractor"], source, None, _worker["limits"], Path(path), _worker["encode"])
    setup = _worker.pop("setup", None)
    return out if setup is None else replace(out, times=out.times + (("setup", setup),))


_local = threading.local()  # per-thread extractors of a Dask worker, by lexicon fingerprint


def dask_task(lexicon, source: str, data: bytes, limits: Limits, encode: bool = False) -> Outcome:
    """One file's content on a Dask worker (the data travels with the task: workers need not see our files)."""
    held = getattr(_local, "extractors", None)
    if held is None:
        held = _local.extractors = {}
    setup = None
    if lexicon.fingerprint not in held:
        start = time.perf_counter()
        held[lexicon.fingerprint] = build_extractor(lexicon)
        setup = time.perf_counter() - start
    out = process(held[lexicon.fingerprint], source, data, limits, encode=encode)
    return out if setup is None else replace(out, times=out.times + (("setup", setup),))
