"""Writing files whole or not at all: every output of diplograph goes through here.

A file is written to a temporary file beside its target and renamed over it
only when writing succeeded, so an interrupted run leaves the previous file
(or none), never half of one. Files get the usual permissions (0666 less the
umask), not the 0600 of a temporary file.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_TEMPORARY = re.compile(r"^(.*/)?\.(.+)\.[^./]+\.tmp$")  # what `atomic_path` makes: `.NAME.RANDOM.tmp`


def target_of(name: str) -> str:
    """The file a temporary path of `atomic_path` stands for (`out/.graph.ttl.x1y2.tmp` -> `out/graph.ttl`);
    any other path as it is."""
    temp = _TEMPORARY.match(name)
    return (temp.group(1) or "") + temp.group(2) if temp else name


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the temporary files a killed run left in `folder` (`.graph.ttl.x1y2.tmp`, the Turtle writer's
    `.sort-….tmp` and `.body-….tmp`); the files they were to replace are whole, as the run before left them.
    Two runs writing one folder at once are not supported."""
    removed = []
    for path in Path(folder).iterdir() if Path(folder).is_dir() else ():
        if path.name.startswith(".") and path.name.endswith(".tmp") and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success rename it over `path`, on failure remove it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Run `write(tmp)` and move the result to `path`."""
    with atomic_path(path) as tmp:
        write(tmp)
    return Path(path)


@contextmanager
def atomic_write(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """An open file whose content replaces `path` when the block ends without an error."""
    with atomic_path(path) as tmp:
        with open(tmp, mode, encoding=encoding if "b" not in mode else None, newline="\n" if "b" not in mode else None) as handle:
            yield handle


def write_text(path: Path, text: str) -> Path:
    """`text` as UTF-8 in `path`, atomically."""
    with atomic_write(path) as handle:
        handle.write(text)
    return Path(path)
