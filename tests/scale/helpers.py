"""What the scale tests share: small corpora in temporary folders and builds compared byte for byte."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from diplograph.cli.main import cli


def run(*args: str):
    """`diplograph ARGS` in this process, as a user would type it."""
    return CliRunner().invoke(cli, list(args), prog_name="diplograph", catch_exceptions=False)


def build(corpus: Path, out: Path, *options: str) -> bytes:
    """graph.ttl of `diplograph build corpus --out out OPTIONS` (quiet); asserts the build succeeded."""
    result = run("build", str(corpus), "--out", str(out), "-q", *options)
    assert result.exit_code == 0, result.output
    return (out / "graph.ttl").read_bytes()


def subset(src: Path, dest: Path, count: int, start: int = 0, step: int = 1) -> Path:
    """A corpus folder of `count` files of `src`: every `step`-th in name order from `start` (step 3: every format)."""
    files = sorted(p for p in src.rglob("*.md"))
    for path in files[start::step][:count]:
        target = dest / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return dest
