"""The long fuzz run: every file of a corpus, mutated many times, read and extracted with nothing caught.

    .venv/bin/python bench/fuzz.py                               # every bulk file, 11 mutants each (105,600)
    .venv/bin/python bench/fuzz.py --per-file 2 --limit 500      # a short run
    .venv/bin/python bench/fuzz.py --corpus ../shared/corpus/dev --per-file 50 --keep /tmp/fuzz

The mutations are tests/ingest/test_fuzz.py's (tests/support/mutations.py), driven by `random.Random`
seeded with (--seed, file, mutant number), so any failure is made again from what it prints. Each input
is read and extracted as a build does, in --jobs processes, under the build's time limit; an exception
is a bug and is counted, printed and (with --keep) saved with its traceback. At the end: inputs, how
many became articles, the skip reasons by kind, the exceptions, and the time.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.mutations import mutate, read_and_extract  # noqa: E402
from support.paths import BULK  # noqa: E402

_state: dict = {}


def _init(seed: int, keep: str | None) -> None:
    from diplograph.pipeline import make_extractor

    _state.update(extractor=make_extractor(), seed=seed, keep=Path(keep) if keep else None)


def _one(task: tuple[str, str, int]) -> tuple[str, str, str | None]:
    """(kind of outcome, detail, traceback or None) for mutant `k` of one file."""
    from diplograph.ingest.limits import Limits, TimeLimit, time_limit
    from diplograph.ingest.records import Skipped

    path, source, k = task
    rng = random.Random(f"{_state['seed']}:{source}:{k}")
    data, applied = mutate(Path(path).read_bytes(), rng)
    try:
        with time_limit(Limits().max_seconds):
            result = read_and_extract(_state["extractor"], data, source)
    except TimeLimit:
        return "skipped", "over the time limit (--max-seconds)", None
    except Exception as err:  # noqa: BLE001 - the point: any exception is a bug to report
        detail = f"{source} mutant {k} ({'+'.join(applied)}): {type(err).__name__}: {str(err)[:200]}"
        if _state["keep"] is not None:
            name = f"{source.replace('/', '_')}.{k}"
            (_state["keep"] / name).write_bytes(data)
            (_state["keep"] / f"{name}.txt").write_text(detail + "\n" + traceback.format_exc(), "utf-8")
        return "exception", detail, traceback.format_exc()
    if isinstance(result, Skipped):  # the reason's kind: its words, without the file's numbers and details
        return "skipped", re.sub(r"\d[\d,.]*(?= (?:characters|limit|MB|s)\b)", "N",
                                 result.reason.split(" (")[0].split(":")[0]), None
    return "article", "", None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BULK, help="folder of article files (default: bulk)")
    parser.add_argument("--per-file", type=int, default=11, help="mutants of every file (default 11)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N files (0: all)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--jobs", type=int, default=max(1, multiprocessing.cpu_count()))
    parser.add_argument("--keep", type=Path, help="save every input that raised, with its traceback, here")
    args = parser.parse_args()
    from diplograph.ingest.corpus import find_files

    files = list(find_files([args.corpus]))
    if args.limit:
        files = files[:args.limit]
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    tasks = [(str(path), source, k) for path, source in files for k in range(args.per_file)]
    outcomes: Counter = Counter()
    reasons: Counter = Counter()
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.jobs, _init, (args.seed, args.keep)) as pool:
        for n, (kind, detail, trace) in enumerate(pool.imap_unordered(_one, tasks, chunksize=8), 1):
            outcomes[kind] += 1
            if kind == "skipped":
                reasons[detail] += 1
            elif kind == "exception":
                print("EXCEPTION", detail, flush=True)
            if n % 5000 == 0:
                print(f"  {n:,} of {len(tasks):,} inputs, {time.perf_counter() - start:.0f} s, "
                      f"{outcomes['exception']} exception(s)", flush=True)
    seconds = time.perf_counter() - start
    print(f"{len(tasks):,} mutated inputs from {len(files):,} files ({args.per_file} each, seed {args.seed}) "
          f"in {seconds:.0f} s with {args.jobs} processes: {outcomes['article']:,} articles, "
          f"{outcomes['skipped']:,} skipped with a reason, {outcomes['exception']} exception(s)")
    for reason, count in reasons.most_common():
        print(f"  skipped {count:>7,}  {reason}")


if __name__ == "__main__":
    main()
