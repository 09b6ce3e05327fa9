"""The incremental build cache: each file's extraction (or skip reason), kept in one SQLite file.

An entry is keyed by the file's source name and the SHA-256 of its bytes,
and is valid only for one *settings* fingerprint: the cache layout, the
diplograph version, the source of every ingest module (readers, normaliser,
extractors), jieba's and OpenCC's versions, the lexicon's fingerprint and
the size limit. Opening the cache with other settings drops the entries of
the old ones, so a changed lexicon or extractor never serves a stale fact.
Writes go through SQLite transactions (write-ahead log), so a build stopped
at any moment leaves every entry either whole or absent.
"""
from __future__ import annotations

import hashlib
import sqlite3
import time
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the codec is imported when an entry is read or written, not by the up-to-date check
    from diplograph.ingest.records import Extraction, Skipped

LAYOUT = 1  # bump when the table or the codec changes
COMMIT_EVERY = 2.0  # seconds between commits while a build runs


def content_key(data: bytes, fallback: date | None = None) -> str:
    """The cache key of a file's content, and of the date a corpus manifest gives it (which dates an undated text)."""
    digest = hashlib.sha256(data)
    if fallback is not None:
        digest.update(b"\0manifest date " + fallback.isoformat().encode())
    return digest.hexdigest()


def code_fingerprint() -> str:
    """A digest of every Python module of diplograph.ingest: any change to reading or extraction changes it."""
    digest = hashlib.sha256()
    root = resources.files("diplograph.ingest")
    stack = [root]
    while stack:
        folder = stack.pop()
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.is_dir() and not item.name.startswith(("_", ".")):
                stack.append(item)
            elif item.name.endswith(".py"):
                digest.update(item.name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()[:16]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def settings_fingerprint(lexicon_fingerprint: str, limits) -> str:
    """Everything besides a file's content that its cached extraction depends on (`limits`: ingest.limits.Limits)."""
    parts = [str(LAYOUT), _version("diplograph"), code_fingerprint(), _version("jieba"), _version("opencc"),
             lexicon_fingerprint, limits.fingerprint()]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]


FILE = "extractions.sqlite"  # the cache's file in its folder


def stored(folder: Path) -> set[tuple[str, str]]:
    """The (source name, content key) pairs of the entries in the cache folder `folder`, under any settings: read
    only, nothing created or changed; empty when there is no cache there or it cannot be read."""
    path = Path(folder) / FILE
    if not path.is_file():
        return set()
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return set(db.execute("SELECT source, content FROM entries"))
        finally:
            db.close()
    except sqlite3.Error:
        return set()


class CacheError(Exception):
    """The cache folder or database cannot be used (the message names it and says why)."""


class Cache:
    """Extractions by (source name, content key), for one settings fingerprint."""

    def __init__(self, path: Path, settings: str) -> None:
        self.path = Path(path)
        self.settings = settings
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS entries (source TEXT NOT NULL, content TEXT NOT NULL, "
                             "settings TEXT NOT NULL, record BLOB NOT NULL, PRIMARY KEY (source, content))")
            self.dropped = self._db.execute("DELETE FROM entries WHERE settings != ?", (settings,)).rowcount
        except (OSError, sqlite3.Error) as err:
            reason = getattr(err, "strerror", None) or str(err)
            raise CacheError(f"{self.path}: cannot use the cache ({reason}); "
                             "choose another --cache-dir or build with --no-cache") from None
        self._pending = 0
        self._last_commit = time.monotonic()
        self.hits = 0
        self.misses = 0

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, source: str, content: str) -> bool:
        row = self._db.execute("SELECT 1 FROM entries WHERE source = ? AND content = ? AND settings = ?",
                               (source, content, self.settings)).fetchone()
        return row is not None

    def get(self, source: str, content: str) -> Extraction | Skipped | None:
        """The cached record, or None."""
        row = self._db.execute("SELECT record FROM entries WHERE source = ? AND content = ? AND settings = ?",
                               (source, content, self.settings)).fetchone()
        from diplograph.ingest import codec

        return codec.decode(row[0]) if row else None

    def put(self, source: str, content: str, record: Extraction | Skipped, blob: bytes | None = None) -> None:
        """Store a record (`blob`: its encoding, when already made); committed in batches
        (at most COMMIT_EVERY seconds apart) and on close."""
        from diplograph.ingest import codec

        if not self._db.in_transaction:
            self._db.execute("BEGIN")
        self._db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)",
                         (source, content, self.settings, blob if blob is not None else codec.encode(record)))
        self._pending += 1
        if time.monotonic() - self._last_commit > COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._pending = 0
        self._last_commit = time.monotonic()

    def keep_only(self, live: set[tuple[str, str]]) -> int:
        """Drop entries of files that are no longer in the corpus (or changed); how many were dropped."""
        rows = self._db.execute("SELECT source, content FROM entries").fetchall()
        gone = [r for r in rows if (r[0], r[1]) not in live]
        self.commit()
        self._db.execute("BEGIN")
        self._db.executemany("DELETE FROM entries WHERE source = ? AND content = ?", gone)
        self._db.execute("COMMIT")
        return len(gone)

    def close(self) -> None:
        self.commit()
        self._db.close()
