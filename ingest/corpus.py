"""The article files of a corpus: every file under the folders given, in a stable order, with its source name.

Kept apart from the readers (and their HTML and YAML parsers) so that listing a corpus, which every build does even
when it is up to date, imports nothing heavy.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

# Files in a corpus folder that are documentation, not articles.
NOT_ARTICLES = ("readme", "license", "licence", "manifest", "changelog", "copying")


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """(path, source name) of every article file under `paths`, in a stable order.

    The source name is the path relative to the directory given (prefixed by
    the directory's name when several are given), or the file path as given; hidden files and folders and README/LICENSE/MANIFEST files
    are left out. A path that does not exist raises FileNotFoundError.
    """
    paths = list(paths)
    for given in paths:
        root = Path(given)
        if root.is_file():
            yield root, str(given)
        elif root.is_dir():
            # with several folders, each source name starts with its folder's name, so names stay unique
            prefix = f"{root.resolve().name}/" if len(paths) > 1 else ""
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith(".") or name.lower().startswith(NOT_ARTICLES):
                        continue
                    path = Path(dirpath) / name
                    yield path, prefix + path.relative_to(root).as_posix()
        else:
            raise FileNotFoundError(str(given))
