"""How much one article may ask of a build: the limits, in one place.

A file over a limit is skipped with the reason (naming the option that
raises it), never half-processed; every other file goes on. What the limits
cost at most on a 2-core machine is measured by `bench/pathological.py`
(README, "Limits").

- `max_bytes`: the file's size (`--max-size`, in MB). Larger files are not read.
- `max_chars`: the characters of body text after reading the format
  (`--max-chars`). Reading, extraction and memory grow with it; the largest
  article of the 9,600-file bulk corpus has 64,872 (the next 28,824).
- `max_seconds`: the time reading and extracting one file may take
  (`--max-seconds`), a backstop for text no limit above foresees; it is kept
  where the file is processed in a process's main thread (the build itself, or
  its worker processes), not in the threads of a Dask worker.

Long text without punctuation is cut into sentences of at most
`sentences.MAX_SENTENCE` characters, so no single sentence is unbounded.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

MAX_BYTES = 10_000_000
MAX_CHARS = 100_000
MAX_SECONDS = 60.0
REPEAT_SECONDS = 0.25


@dataclass(frozen=True)
class Limits:
    """The limits of one run; the defaults are the options' defaults."""

    max_bytes: int = MAX_BYTES
    max_chars: int = MAX_CHARS
    max_seconds: float = MAX_SECONDS

    def fingerprint(self) -> str:
        """What a cached skip or extraction depends on (a file skipped under one limit may pass another)."""
        return f"{self.max_bytes}/{self.max_chars}/{self.max_seconds:g}"


def too_many_chars(chars: int, limits: Limits) -> str:
    return (f"body text is {chars:,} characters, over the {limits.max_chars:,} limit for one article "
            f"(--max-chars)")


class TimeLimit(Exception):
    """Raised inside the work on one file when it has taken longer than `max_seconds`."""


@contextmanager
def time_limit(seconds: float):
    """Raise `TimeLimit` in the block after `seconds` (in the main thread, where signals can; elsewhere no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise TimeLimit()

    previous = signal.signal(signal.SIGALRM, expired)
    started = time.monotonic()
    # the alarm repeats: an exception raised where Python cannot propagate it (a garbage-collector callback, a
    # __del__) is lost, and the next one stops the work
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if time.monotonic() - started > seconds:
        raise TimeLimit()  # every alarm was lost: the work is over the limit all the same
