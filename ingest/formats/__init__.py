"""Article formats, each detected from the content (never the file name).

`parse(text)` tries the specific readers in order and falls back to the
generic HTML / plain-text reader. Each reader is a module with
`detect(text) -> bool` and `parse(text) -> Parsed`.
"""
from __future__ import annotations

from diplograph.ingest.formats import epochtimes, frontmatter, generic, gnews
from diplograph.ingest.formats.common import FormatError, Parsed

READERS = (epochtimes, gnews, frontmatter, generic)

__all__ = ["FormatError", "Parsed", "READERS", "parse"]


def parse(text: str) -> Parsed:
    """The document in `text`, read by the first reader that recognises it."""
    for reader in READERS:
        if reader.detect(text):
            return reader.parse(text)
    raise FormatError("no reader recognises this file")
