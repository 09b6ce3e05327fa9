"""Dates a corpus states beside its articles: a `MANIFEST.tsv` with columns `local_path` and `date_if_known`.

Some articles carry no date in their text (most GNews pages); the corpus that
collected them may still know it, in a manifest at the root of a folder. Such a
date is only a fallback: a date the article itself states always wins.
"""
from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

MANIFEST = "MANIFEST.tsv"


def manifest_dates(paths: Iterable[Path]) -> list[date | None]:
    """For each of `paths`, the date that the nearest `MANIFEST.tsv` above it gives it (None: not listed)."""
    nearest: dict[str, tuple[dict[str, date], str] | None] = {}  # a file's folder -> its manifest, folder's prefix
    manifests: dict[Path, dict[str, date]] = {}
    found = []
    for path in paths:
        parent, name = os.path.split(path)  # strings: Path.parent for each of 10,000 files costs a tenth of a second
        if parent not in nearest:
            nearest[parent] = _nearest_manifest(Path(parent), manifests)
        entry = nearest[parent]
        found.append(entry[0].get(entry[1] + name) if entry is not None else None)
    return found


def _nearest_manifest(folder: Path, manifests: dict[Path, dict[str, date]]) -> tuple[dict[str, date], str] | None:
    """The entries of the nearest manifest at or above `folder`, and `folder`'s path relative to it (with a /)."""
    resolved = folder.resolve()
    for above in (resolved, *resolved.parents):
        manifest = above / MANIFEST
        if manifest.is_file():
            relative = resolved.relative_to(above).as_posix()
            if manifest not in manifests:
                manifests[manifest] = read_manifest(manifest)
            return manifests[manifest], "" if relative == "." else relative + "/"
    return None


def read_manifest(path: Path) -> dict[str, date]:
    """`local_path` → `date_if_known` of the manifest at `path` ({} when there is none, or it has no such columns);
    rows without a valid ISO date are left out."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter="\t")
            header = next(rows, [])
            if "local_path" not in header or "date_if_known" not in header:
                return {}
            at, when = header.index("local_path"), header.index("date_if_known")
            return {row[at]: day for row in rows if len(row) > max(at, when) and (day := _day(row[when]))}
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None
