"""Bytes to text: UTF-8 first, then GB18030 or Big5; binary, empty and oversized files are refused with a reason."""
from __future__ import annotations

import charset_normalizer

from diplograph.ingest.limits import MAX_BYTES

LEGACY = ["gb18030", "big5", "utf_16"]
MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive", b"\x1f\x8b": "a gzip archive", b"\x7fELF": "an executable", b"RIFF": "a media file",
}


class Undecodable(ValueError):
    """The file is not an article's text; the message says why."""


def too_large(size: int, max_bytes: int) -> str:
    return f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article (--max-size)"


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """The text of `data`, or `Undecodable` with a reason a user understands."""
    if len(data) > max_bytes:
        raise Undecodable(too_large(len(data), max_bytes))
    if not data.strip():
        raise Undecodable("empty file")
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise Undecodable(f"binary file ({what})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise Undecodable("not valid UTF-16 text (it starts with a UTF-16 byte-order mark)") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise Undecodable("binary file (contains NUL bytes)")
    best = charset_normalizer.from_bytes(data, cp_isolation=LEGACY).best()
    if best is None or best.chaos > 0.3:
        raise Undecodable("not UTF-8, GB18030 or Big5 text")
    return str(best)
