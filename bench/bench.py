"""Benchmark `diplograph build` on the dev corpus and on 10x and 100x copies of it, against the jieba floor.

Run: .venv/bin/python bench/bench.py [--sizes 1,10,100] [--jobs 1,2] [--corpus ../shared/corpus/dev] [--keep DIR]
          [--incremental]

For each size N, the corpus is copied N times into a temporary folder, each
copy of each article under its own id (tests/support/replicate.py: the
source URL, or the title where there is none, gets a `?copy=k` / ` 副本k`
suffix, so the copies are parsed exactly like the originals). Then, per
`--jobs` value, `diplograph build` runs in a fresh process (cold: no cache,
`--no-cache`) and the script prints:

- articles/s and MB of article files/s over the whole build (wall clock);
- the peak RSS of the build: the sum over the build process and its
  workers, sampled every 100 ms (PSS: shared pages counted once), and the build process's own peak at the end
  of extraction (what ingest and extraction hold, before the output stages);
- the time of each stage (with --jobs > 1, setup, ingest, segmentation and
  extraction are summed over the workers, so they can exceed the wall time);
- the floor: jieba alone (the same private tokenizer with the same
  dictionary, the same `tokenize(sentence, HMM=True)` call the pipeline
  makes) on every sentence the build segments, measured here in one process
  without any other stage, and the build's wall time as a ratio to it.

`--incremental` then times cached builds of the largest corpus: the first
(cache empty), the same corpus again, and the corpus with ten new articles.

Not a test: it prints numbers for people to read; nothing asserts on them.
`--skip-html-above N` leaves graph.html out of builds of more than N
articles (default 5000): its layout needs gigabytes there (1.5 GB at 10x),
and the 100x page would not open in a browser anyway.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.replicate import corpus_bytes, replicate, rule_for  # noqa: E402

STAGES = ("setup", "cache", "ingest", "segmentation", "extraction", "assembly", "identity/merge", "rdf", "viz",
          "export", "store")


def diplograph() -> list[str]:
    """The command that runs diplograph with this interpreter."""
    return [sys.executable, "-m", "diplograph.cli.main"]


def sample_rss(pid: int, stop: threading.Event, peak: list[float]) -> None:
    """Peak of the summed memory of `pid` and its descendants, sampled until `stop` is set.

    Each process counts its PSS (its private pages plus its share of pages
    shared with the others), so forked workers that share the parent's pages
    are not counted twice; RSS where PSS is not available.
    """
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        total = 0
        try:
            procs = [root] + root.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        for proc in procs:
            try:
                info = proc.memory_full_info()
                total += getattr(info, "pss", info.rss)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        peak[0] = max(peak[0], total / 2**20)
        stop.wait(0.1)


def run_build(corpus: Path, out: Path, jobs: int, extra: list[str]) -> dict:
    """One cold `diplograph build` in its own process; its --stats plus wall time and sampled peak RSS."""
    shutil.rmtree(out, ignore_errors=True)
    stats = out.parent / f"{out.name}.stats.json"
    cmd = diplograph() + ["build", str(corpus), "--out", str(out), "-q", "--no-cache", "--jobs", str(jobs),
                          "--stats", str(stats), *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop, peak = threading.Event(), [0.0]
    sampler = threading.Thread(target=sample_rss, args=(proc.pid, stop, peak), daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}): {' '.join(cmd)}\n{stdout}\n{stderr}")
    data = json.loads(stats.read_text("utf-8"))
    data["wall"] = wall
    data["peak_tree_mb"] = peak[0]
    return data


def floor(corpus: Path) -> dict:
    """jieba alone on every sentence of the corpus, with the pipeline's dictionary and call (set-up not counted)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from diplograph.pipeline import Report, list_files, read_articles
        from diplograph.ingest.lexicon import load_lexicon
        from diplograph.ingest.tokenizer import Tokenizer

        start = time.perf_counter()
        tokenizer = Tokenizer(load_lexicon())
        setup = time.perf_counter() - start
    seconds, sentences, chars = 0.0, 0, 0
    for article in read_articles(list_files([corpus]), Report()):
        texts = [sentence.text for *_, sentence in article.sentences()]
        segment = tokenizer.segment
        start = time.perf_counter()
        for text in texts:
            segment(text)
        seconds += time.perf_counter() - start
        sentences += len(texts)
        chars += sum(len(t) for t in texts)
    return {"seconds": seconds, "sentences": sentences, "chars": chars, "setup": setup}


def incremental(corpus: Path, work: Path, jobs: int, extra: list[str]) -> None:
    """The cache: a first build, the same corpus again, then ten new articles (copies of ten under new ids)."""
    out = work / f"out-incremental-{corpus.name}"
    shutil.rmtree(out, ignore_errors=True)
    added = corpus / "added-ten"
    shutil.rmtree(added, ignore_errors=True)

    def timed(label: str) -> dict:
        stats = work / "incremental.stats.json"
        cmd = diplograph() + ["build", str(corpus), "--out", str(out), "-q", "--jobs", str(jobs),
                              "--stats", str(stats), *extra]
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        data = json.loads(stats.read_text("utf-8"))
        wall = time.perf_counter() - start
        print(f"  {label:44} {wall:7.2f} s wall, {data['elapsed']:6.2f} s in the build ({data['extracted']} extracted, "
              f"{data['cached']} from the cache)")
        return data

    print(f"\n== incremental builds of {corpus.name} (cache in OUT/.cache/), --jobs {jobs} ==")
    timed("first build (cache empty)")
    timed("unchanged corpus")
    originals = sorted(p for p in (corpus / "copy-000").rglob("*.md"))[:10]
    for path in originals:
        target = added / path.relative_to(corpus / "copy-000")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text("utf-8")
        target.write_text(rule_for(text, path.name).apply(text, 10_000), encoding="utf-8", newline="")
    timed("ten articles added")
    shutil.rmtree(added, ignore_errors=True)


def report(size: int, jobs: int, data: dict, mb: float, floor_s: float) -> None:
    wall = data["wall"]
    stages = data["stages"]
    peaks = data["peak_rss_mb"]
    print(f"\n== {size}x: {data['articles']} articles from {data['files']} files ({mb:.1f} MB), --jobs {jobs} "
          f"({data['workers']} worker process{'es' if data['workers'] > 1 else ''}) ==")
    print(f"  wall {wall:.1f} s (in-process {data['elapsed']:.1f} s): {data['articles'] / wall:.1f} articles/s, "
          f"{mb / wall:.2f} MB/s")
    print(f"  peak memory: {data['peak_tree_mb']:.0f} MB (PSS summed over the build and its workers); build process RSS "
          f"{peaks.get('extraction: this process', 0):.0f} MB at the end of extraction, "
          f"{peaks.get('end: this process', 0):.0f} MB at the end; largest worker "
          f"{peaks.get('extraction: largest worker', 0):.0f} MB")
    stage_peaks = [f"{k.split()[0]} {v:.0f} MB" for k, v in peaks.items() if k.endswith(" process") and ":" not in k]
    if stage_peaks:
        print("  peak RSS of the output stage processes: " + ", ".join(stage_peaks))
    summed = " (summed over workers)" if data["workers"] > 1 else ""
    parts = [f"{name} {stages[name]:.2f}" for name in STAGES if name in stages]
    print(f"  stages (s){summed}: " + ", ".join(parts))
    print(f"  floor (jieba alone, one process) {floor_s:.2f} s; build = {wall / floor_s:.2f}x the floor "
          f"(in-process time {data['elapsed'] / floor_s:.2f}x)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="replication factors of the corpus (default 1,10,100)")
    parser.add_argument("--jobs", default=f"1,{os.cpu_count() or 1}", help="--jobs values to run (default 1,CORES)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the copies and outputs (kept)")
    parser.add_argument("--skip-html-above", type=int, default=5000,
                        help="build without graph.html above this many articles (default 5000)")
    parser.add_argument("--no-floor", action="store_true", help="do not measure the jieba floor")
    parser.add_argument("--incremental", action="store_true",
                        help="also time cached rebuilds of the largest size: unchanged, and with ten articles added")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus} (the shared dev corpus; see README)")
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs_list = [int(j) for j in args.jobs.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="diplograph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"corpus {args.corpus}; work folder {work}; {os.cpu_count()} cores; python {sys.version.split()[0]}")
    try:
        for size in sizes:
            corpus = work / f"corpus-{size}x"
            if not corpus.exists():
                start = time.perf_counter()
                replicate(args.corpus, corpus, size)
                print(f"\nwrote {size}x corpus in {time.perf_counter() - start:.1f} s")
            mb = corpus_bytes(corpus) / 1e6
            jieba_floor = floor(corpus) if not args.no_floor else None
            if jieba_floor:
                print(f"floor {size}x: {jieba_floor['sentences']} sentences, {jieba_floor['chars'] / 1e6:.2f} M "
                      f"characters, jieba {jieba_floor['seconds']:.2f} s (tokenizer set-up {jieba_floor['setup']:.2f} s,"
                      f" not counted)")
            articles_estimate = 216 * size
            extra = ["--skip", "html"] if articles_estimate > args.skip_html_above else []
            if extra:
                print(f"  (graph.html left out: about {articles_estimate} articles > --skip-html-above)")
            results = {}
            for jobs in jobs_list:
                data = run_build(corpus, work / f"out-{size}x-j{jobs}", jobs, extra)
                results[jobs] = data
                report(size, jobs, data, mb, jieba_floor["seconds"] if jieba_floor else float("nan"))
            if len(results) > 1:
                base = results[min(results)]["wall"]
                for jobs, data in sorted(results.items()):
                    if jobs != min(results):
                        print(f"  speed-up --jobs {jobs} over --jobs {min(results)}: {base / data['wall']:.2f}x")
                ttls = {j: (work / f"out-{size}x-j{j}" / "graph.ttl").read_bytes() for j in results}
                print(f"  graph.ttl identical across --jobs: {len(set(ttls.values())) == 1}")
        if args.incremental:
            size = max(sizes)
            incremental(work / f"corpus-{size}x", work, max(jobs_list),
                        ["--skip", "html"] if 216 * size > args.skip_html_above else [])
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
