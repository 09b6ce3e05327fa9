"""Benchmark graph.html on synthetic graphs: build time in Python and, when Chromium is there, time to open and respond.

Run: .venv/bin/python bench/viz_bench.py [--sizes dev,stress] [--no-browser] [--out DIR]
     .venv/bin/python bench/viz_bench.py --page OUT/graph.html   (a real build's page, in the browser only)
Not a test: it prints timings for people to read; nothing asserts on them.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from diplograph.graph.network import actor_network, full_graph  # noqa: E402
from diplograph.viz import write_html  # noqa: E402
from diplograph.viz.positions import layouts  # noqa: E402
from support.synthetic import synthetic_graph  # noqa: E402

SIZES = {
    # About the dev corpus (222 articles): the lead's estimate of 500-1500 nodes and a few thousand edges.
    "dev": dict(articles=222, actors=300, interactions=450, statements=700, topics=30),
    # Twice that and more, to see where it bends.
    "stress": dict(articles=222, actors=500, interactions=900, statements=1500, topics=30),
}


def _pyvis_add_cost(kg) -> float:
    """Seconds pyvis' own add_node/add_edge take for the full graph (what this package avoids)."""
    from pyvis.network import Network

    g = full_graph(kg)
    net = Network(directed=True)
    t = time.perf_counter()
    for n, a in g.nodes(data=True):
        net.add_node(n, label=str(a.get("label", n)))
    for u, v, _ in g.edges(keys=True):
        net.add_edge(u, v)
    return time.perf_counter() - t


def _browser(path: Path) -> dict[str, float] | None:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    if not Path("/usr/bin/chromium").exists() or not Path("/usr/bin/chromedriver").exists():
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1600,1000", "--host-resolver-rules=MAP * ~NOTFOUND"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='dg-bench-')}")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        t = time.perf_counter()
        driver.get(path.resolve().as_uri())
        while not driver.execute_script("return !!(window.diplograph && window.__dgDrawn)"):
            time.sleep(0.02)
        opened = time.perf_counter() - t
        js = "var t = performance.now(); %s; return (performance.now() - t) / 1000;"
        return {
            "open": opened,
            "full view": driver.execute_script(js % "diplograph.setView('full')"),
            "date filter": driver.execute_script(
                js % "diplograph.setDates(diplograph.dayOf('2022-02-01'), diplograph.dayOf('2022-02-24'))"),
            "search": driver.execute_script(js % "diplograph.chooseActor(nodes.getIds({filter: function (n) { return n.search !== undefined; }})[0])"),
            "actor view": driver.execute_script(js % "diplograph.setView('actors')"),
        }
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="dev,stress")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--pyvis", action="store_true", help="also time pyvis' add_node/add_edge on the full graph")
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="dg-bench-out-")))
    parser.add_argument("--page", type=Path, help="time this built graph.html in the browser instead")
    args = parser.parse_args()
    if args.page:
        times = _browser(args.page)
        print(f"{args.page} ({args.page.stat().st_size / 1e6:.1f} MB): " + (
            "browser skipped (selenium or /usr/bin/chromium + chromedriver missing)" if times is None
            else ", ".join(f"{k} {v:.2f}s" for k, v in times.items())))
        return
    for name in args.sizes.split(","):
        kg = synthetic_graph(**SIZES[name])
        a, f = actor_network(kg), full_graph(kg)
        print(f"[{name}] actor network {a.number_of_nodes()} nodes / {a.number_of_edges()} edges; "
              f"full graph {f.number_of_nodes()} nodes / {f.number_of_edges()} edges")
        t = time.perf_counter()
        layouts(a, f)
        lay = time.perf_counter() - t
        t = time.perf_counter()
        path = write_html(kg, args.out / f"{name}.html")
        total = time.perf_counter() - t
        print(f"  python: layouts {lay:.2f}s, write_html total {total:.2f}s, page {path.stat().st_size / 1e6:.1f} MB -> {path}")
        if args.pyvis:
            print(f"  pyvis add_node/add_edge for the full graph alone: {_pyvis_add_cost(kg):.2f}s")
        if not args.no_browser:
            times = _browser(path)
            if times is None:
                print("  browser: skipped (selenium or /usr/bin/chromium + chromedriver missing)")
            else:
                print("  browser: " + ", ".join(f"{k} {v:.2f}s" for k, v in times.items()))


if __name__ == "__main__":
    main()
