"""The progress hook that long work takes: a function that wraps an iterable (a CLI's bar), or `no_progress`."""
from __future__ import annotations

from collections.abc import Callable, Iterable

Progress = Callable[[Iterable], Iterable]


def no_progress(items: Iterable) -> Iterable:
    """The items, untouched: no bar."""
    return items
