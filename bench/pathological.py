"""One pathological article: megabytes of real text on one line with no punctuation, as a pasted dump.

    .venv/bin/python bench/pathological.py                 # a 9 MB file (the size of issue 16's report)
    .venv/bin/python bench/pathological.py --mb 9,20 --keep /tmp/patho

Makes the file from the Chinese text of real GNews articles of the bulk
corpus (../shared/corpus/bulk/gnews), every punctuation mark and line break
removed, under a GNews title and author line; then builds it alone with
`diplograph build FILE --no-cache --skip html -q` in a new process and prints
the wall time, the peak RSS of that process and of its children, and what
the build said. Nothing is committed: the file is made each run. The file is made by
`tests/support/pathological.py`, as the smaller ones of tests/ingest/test_limits.py.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.pathological import make_article  # noqa: E402
from support.paths import BULK  # noqa: E402

def run(path: Path, out: Path, extra: list[str]) -> dict:
    """Build `path` alone in a new process; wall time, peak RSS (MB) and the build's output."""
    import psutil

    command = [str(Path(sys.executable).parent / "diplograph"), "build", str(path), "--out", str(out),
               "--no-cache", "--skip", "html", "-q", *extra]
    start = time.perf_counter()
    proc = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    while proc.poll() is None:
        try:
            rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
        except psutil.Error:
            rss = 0
        peak = max(peak, rss)
        time.sleep(0.02)
    output = proc.stdout.read()
    return {"seconds": time.perf_counter() - start, "peak_mb": peak / 1e6, "code": proc.returncode,
            "output": output}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", default="9", help="sizes of the file in MB, comma-separated (default 9)")
    parser.add_argument("--keep", type=Path, help="keep the files and outputs in this folder")
    parser.add_argument("build_options", nargs="*", help="more options for diplograph build (after --)")
    args = parser.parse_args()
    if not BULK.is_dir():
        sys.exit(f"needs the bulk corpus at {BULK}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pathological-"))
    folder.mkdir(parents=True, exist_ok=True)
    for mb in (float(x) for x in args.mb.split(",")):
        path = make_article(folder / f"one-line-{mb:g}mb.md", int(mb * 1_000_000))
        result = run(path, folder / f"out-{mb:g}mb", args.build_options)
        print(f"{path.stat().st_size / 1e6:.1f} MB on one line: {result['seconds']:.1f} s, "
              f"peak {result['peak_mb']:.0f} MB (build and its children), exit {result['code']}")
        for line in result["output"].splitlines()[:3]:
            print("   ", line)


if __name__ == "__main__":
    main()
