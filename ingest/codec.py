"""Records to compact JSON and back: each frozen dataclass as a list of its field values, in field order.

Used by the extraction cache. The decoder follows the type hints of the
record classes (tuples, optionals, dates, nested records), so a field the
records gain is encoded without changes here; entries written by other code
are never read, because the cache key includes the code's fingerprint.
`Extraction` values repeat each sentence's `Evidence` once per fact, so the
cache compresses the JSON (zlib), which removes the repetition.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
import zlib
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Callable

from diplograph.ingest.records import Extraction, Skipped


@lru_cache(maxsize=None)
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _encode(value: Any) -> Any:
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return [_encode(getattr(value, name)) for name in _names(type(value))]
    return value


@lru_cache(maxsize=None)
def _decoder(hint: Any) -> Callable[[Any], Any]:
    """A function from the JSON form of a value of type `hint` to the value (memoised per type)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _decoder(options[0]) if len(options) == 1 else (lambda v: v)
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda v: tuple(item(x) for x in v)
        items = [_decoder(a) for a in args]
        return lambda v: tuple(f(x) for f, x in zip(items, v))
    if hint is datetime:
        return datetime.fromisoformat
    if hint is date:
        return date.fromisoformat
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        fields = [_decoder(hints[f.name]) for f in dataclasses.fields(hint)]
        return lambda v: hint(*(f(x) for f, x in zip(fields, v)))
    return lambda v: v  # str, int, bool, Literal[...]


def encode(record: Extraction | Skipped) -> bytes:
    """The compressed JSON of an extraction or a skipped file."""
    kind = "x" if isinstance(record, Extraction) else "s"
    text = json.dumps([kind, _encode(record)], ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def decode(blob: bytes) -> Extraction | Skipped:
    """The record `encode` made."""
    kind, value = json.loads(zlib.decompress(blob).decode("utf-8"))
    return _decoder(Extraction if kind == "x" else Skipped)(value)
