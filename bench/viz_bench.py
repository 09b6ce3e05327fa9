"""Benchmark graph.html on a real corpus: page size, the layout stage's time and memory (cold, and after ten
new articles), and in headless Chromium the time to the opening view, every interaction's redraw, the longest
freeze and the labels legible at fit.

Run: .venv/bin/python bench/viz_bench.py [--corpus ../shared/corpus/bulk] [--cache-dir DIR] [--runs 3]
     .venv/bin/python bench/viz_bench.py --page OUT/graph.html     (a built page, in the browser only)
The corpus is read through the build's extraction cache (--cache-dir, e.g. the OUT/.cache of an earlier
`diplograph build`), so a second run takes seconds. "Ten new articles": the graph of the corpus without the
ten articles that bring the most actors of their own is laid out first, its positions cached, then the whole
corpus. Timings on a shared machine are noisy: compare figures of one run. Not a test: nothing asserts on them.
"""
from __future__ import annotations

import argparse
import math
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from diplograph.pipeline import Plan, build_graph, list_files  # noqa: E402
from diplograph.viz import write_html  # noqa: E402
from diplograph.viz.positions import actor_pairs, actor_positions, read_cache  # noqa: E402

HELD_OUT = 10
# What an analyst does, as page actions; each is timed until the browser has painted the result.
ACTIONS = [
    ("search and focus Biden", "diplograph.chooseActor('actor:joe-biden')"),
    ("depth 2", "document.querySelectorAll('#dg-bar .seg button')[1].click()"),
    ("links among them", "document.getElementById('dg-among').click()"),
    ("click an actor", "diplograph.select('actor:xi-jinping')"),
    ("between two actors", "diplograph.select('pair:actor:china|actor:united-states')"),
    ("path to Putin", "diplograph.compare('actor:vladimir-putin', 'path')"),
    ("back to overview", "diplograph.unfocus()"),
    ("outlet filter off", "document.querySelector('#dg-outlets input').click()"),
    ("outlet filter on", "document.querySelector('#dg-outlets input').click()"),
    ("window Feb 2022", "diplograph.setDates(diplograph.dayOf('2022-02-01'), diplograph.dayOf('2022-02-24'))"),
    ("Play step (a week)", "diplograph.setDates(diplograph.dayOf('2022-02-08'), diplograph.dayOf('2022-02-14'))"),
    ("all dates", "document.getElementById('dg-all-dates').click()"),
    ("show more x2", "document.querySelector('#dg-bar button').click()"),
    ("show more x4", "document.querySelector('#dg-bar button').click()"),
    ("facts graph", "diplograph.setView('facts')"),
    ("actor network", "diplograph.setView('actors')"),
    ("min 2 reports", "var m = document.getElementById('dg-min'); m.value = 2; m.dispatchEvent(new Event('change'))"),
]
LABELS = """var s = network.getScale(), box = document.getElementById('mynetwork'), n = 0;
  nodes.get().forEach(function (node) {
    var p = network.canvasToDOM(network.getPositions([node.id])[node.id]);
    if (node.label && node.font.size * s >= 10 && p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight) n++;
  });
  return [n, nodes.length];"""
TIMED = """var done = arguments[arguments.length - 1], t = performance.now();
  %s;
  requestAnimationFrame(function () { requestAnimationFrame(function () { done(performance.now() - t); }); });"""


def _newcomers(kg) -> list[str]:
    """Source files of the articles that bring the most actors into the actor network on their own, most first:
    the ten new articles that move the most (each of these actors is new to the layout when they arrive)."""
    from collections import Counter, defaultdict
    from itertools import combinations

    by_actor: dict[str, set[str]] = defaultdict(set)  # linked actor -> the articles its links come from
    for item in kg.interactions:
        for a, b in combinations(sorted(set(item.participants)), 2):
            for r in item.reports:
                by_actor[a].add(r.article_id)
                by_actor[b].add(r.article_id)
    for item in kg.statements:
        if item.addressee and item.addressee != item.speaker:
            by_actor[item.speaker].add(item.article_id)
            by_actor[item.addressee].add(item.article_id)
    alone = Counter(next(iter(arts)) for arts in by_actor.values() if len(arts) == 1)
    source = {a.id: a.source_file for a in kg.articles}
    return [source[a] for a, _ in sorted(alone.items(), key=lambda kv: (-kv[1], kv[0]))]


def _graphs(corpus: Path, cache_dir: Path, work: Path):
    """The graph of the whole corpus, and of the corpus without HELD_OUT articles that add actors (through the cache)."""
    plan = Plan(jobs=min(2, os.cpu_count() or 1), cache_dir=cache_dir)
    t = time.perf_counter()
    whole = build_graph([corpus], plan=plan)
    held = set(_newcomers(whole)[:HELD_OUT])
    smaller = work / "corpus-minus-10"
    shutil.rmtree(smaller, ignore_errors=True)
    for path, source in list_files([corpus]):  # the same relative names, so the extraction cache answers for every file
        if source not in held:
            link = smaller / source
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(path.resolve())
    before = build_graph([smaller], plan=plan)
    print(f"graphs read in {time.perf_counter() - t:.1f}s: {len(before.articles)} then {len(whole.articles)} articles "
          f"({len(held)} files held out, those that bring in most actors of their own: {', '.join(sorted(held))})")
    return before, whole


def _measured(fn, reset=lambda: None):
    """fn()'s result, seconds, and peak traced allocations in MB (numpy's arrays are traced too).

    Tracing slows Python down severalfold, so fn runs twice: timed, then `reset()` and traced.
    """
    t = time.perf_counter()
    result = fn()
    took = time.perf_counter() - t
    reset()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return result, took, peak


def python_side(corpus: Path, cache_dir: Path, out: Path) -> tuple[Path, float]:
    before, whole = _graphs(corpus, cache_dir, out)
    layout_cache = out / "page-layout.json"
    layout_cache.unlink(missing_ok=True)
    pairs = actor_pairs(whole)
    print(f"actor network: {len({a for p in pairs for a in p})} linked actors, {len(pairs)} pairs "
          f"({len(whole.actors)} actors, {len(whole.interactions)} interactions, {len(whole.statements)} statements)")
    _, took, peak = _measured(lambda: actor_positions(before, None))
    print(f"layout stage, cold:            {took:6.2f}s, peak {peak:6.1f} MB traced")
    _, took, peak = _measured(lambda: write_html(before, out / "before.html", layout_cache=layout_cache),
                              lambda: layout_cache.unlink())
    print(f"whole page, cold:              {took:6.2f}s, peak {peak:6.1f} MB traced")
    cached, kept = read_cache(layout_cache), layout_cache.read_bytes()
    after, took, peak = _measured(lambda: actor_positions(whole, layout_cache), lambda: layout_cache.write_bytes(kept))
    moved = max((math.dist(cached[n], after[n]) for n in cached if n in after), default=0.0)
    spread = max((abs(v) for xy in cached.values() for v in xy), default=1.0)
    print(f"layout stage, +{HELD_OUT} articles:     {took:6.2f}s, peak {peak:6.1f} MB traced; "
          f"{len(set(after) - set(cached))} new actors placed, known actors moved at most {moved / spread:.2%} of the layout's radius")
    layout_cache.write_bytes(kept)  # the same again, as the whole page stage of that build
    page, took, peak = _measured(lambda: write_html(whole, out / "graph.html", layout_cache=layout_cache),
                                 lambda: layout_cache.write_bytes(kept))
    print(f"whole page, +{HELD_OUT} articles:       {took:6.2f}s, peak {peak:6.1f} MB traced")
    print(f"page size: {page.stat().st_size / 1e6:.2f} MB -> {page}")
    print(f"this process' peak RSS so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB "
          "(the graphs themselves included)")
    return page, page.stat().st_size / 1e6


def _driver(size: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--window-size={size}", "--lang=zh-CN", "--host-resolver-rules=MAP * ~NOTFOUND"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='dg-bench-')}")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


def _open(driver, page: Path) -> dict:
    driver.get("about:blank")
    driver.get(page.resolve().as_uri())
    t = time.perf_counter()
    while not driver.execute_script("return !!(window.diplograph && window.__dgDrawn)"):
        if time.perf_counter() - t > 120:
            raise RuntimeError(f"{page} did not draw in 120 s")
        time.sleep(0.02)
    driver.execute_script("window.__long = []; new PerformanceObserver(function (l) { l.getEntries().forEach("
                          "function (e) { window.__long.push(e.duration); }); }).observe({type: 'longtask', buffered: true});")
    return driver.execute_script("return diplograph.times")


def browser_side(page: Path, runs: int, size: str = "1600,1000") -> None:
    try:
        driver = _driver(size)
    except Exception as exc:  # noqa: BLE001 - no browser here: say so and stop
        print(f"browser: skipped ({exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''})")
        return
    try:
        opened = []
        for _ in range(runs):
            times = _open(driver, page)
            opened.append(times)
        print(f"[{page.name} at {size}] opening view painted, ms after navigation start ({runs} runs): " + "; ".join(
            f"{t['drawn']:.0f} (page script starts at {t['start']:.0f}; its tasks: data {t['decoded'] - t['start']:.0f}, "
            f"canvas {t['canvas'] - t['first']:.0f}, panels {t['refreshed'] - t['panels']:.0f})" for t in opened))
        legible, drawn = driver.execute_script(LABELS)
        print(f"  labels at 10 px or more at fit in the opening view: {legible} of {drawn} nodes")
        slowest = 0.0
        for name, action in ACTIONS:
            took = driver.execute_async_script(TIMED % action)
            slowest = max(slowest, took)
            shown = driver.execute_script("return [nodes.length, edges.length]")
            print(f"  {name:24s} {took:7.0f} ms  ({shown[0]} nodes, {shown[1]} links)")
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        long_tasks = driver.execute_script("return window.__long")
        opening = max(max(t["decoded"] - t["start"], t["canvas"] - t["first"], t["refreshed"] - t["panels"]) for t in opened)
        print(f"  slowest interaction {slowest:.0f} ms; longest task (the tab frozen) after opening {max(long_tasks or [0]):.0f} ms, "
              f"while opening {opening:.0f} ms" + (f"; console errors: {errors}" if errors else ""))
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bulk")
    parser.add_argument("--cache-dir", type=Path, default=None, help="the extraction cache (default: OUT/.cache)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3, help="times the page is opened")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--page", type=Path, help="time this built graph.html in the browser only")
    parser.add_argument("--size", default="1600,1000", help="browser window, e.g. 1366,768")
    args = parser.parse_args()
    if args.page:
        print(f"{args.page}: {args.page.stat().st_size / 1e6:.2f} MB")
        browser_side(args.page, args.runs, args.size)
        return
    out = args.out or Path(tempfile.mkdtemp(prefix="dg-viz-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    page, _ = python_side(args.corpus, args.cache_dir or out / ".cache", out)
    if not args.no_browser:
        browser_side(page, args.runs, args.size)


if __name__ == "__main__":
    main()
