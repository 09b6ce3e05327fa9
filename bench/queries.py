"""Time every query in queries/ on a built graph: `diplograph query NAME --engine oxigraph`, and rdflib beside it.

Run: .venv/bin/python bench/queries.py OUT/graph.ttl [--no-rdflib]
(OUT is a build folder; bench/bench.py --sizes 100 --keep DIR leaves one at DIR/out-100x-j2/).

Per query it prints: the wall time of the command `diplograph query NAME
--engine oxigraph -g graph.ttl -f csv` as a user runs it (a new process;
the first call loads the graph into the Oxigraph store kept beside the
file, which is timed on its own first); the query alone in an open
Oxigraph store; and the query alone in rdflib (after parsing the graph,
timed on its own). Not a test: nothing asserts on the numbers.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"


def cli(*args: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "diplograph.cli.main", *args], capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"diplograph {' '.join(args)} failed: {done.stderr.strip()}")
    return took, done.stdout


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="a build's graph.ttl")
    parser.add_argument("--no-rdflib", action="store_true", help="skip rdflib (it parses a 100x graph in minutes)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    from diplograph.graph.sparql.query import open_engine

    graph = args.graph
    print(f"{graph}: {graph.stat().st_size / 1e6:.1f} MB of Turtle")
    names = sorted(p.stem for p in QUERIES.glob("*.rq"))
    first, _ = cli("query", "ASK { ?s ?p ?o }", "--engine", "oxigraph", "-g", str(graph), "-f", "csv")
    print(f"first `diplograph query` (an ASK; loads the Oxigraph store beside the graph if not there yet): "
          f"{first:.2f} s")
    start = time.perf_counter()
    oxigraph = open_engine(graph, "oxigraph")
    print(f"open the existing Oxigraph store in-process: {time.perf_counter() - start:.2f} s")
    rdflib = None
    if not args.no_rdflib:
        start = time.perf_counter()
        rdflib = open_engine(graph, "rdflib")
        print(f"rdflib: parse graph.ttl {time.perf_counter() - start:.2f} s")
    print(f"\n{'query':28} {'rows':>7} {'command (s)':>12} {'oxigraph (s)':>13} {'rdflib (s)':>11}")
    worst = 0.0
    for name in names:
        took, out = cli("query", name, "--engine", "oxigraph", "-g", str(graph), "-f", "csv")
        text = (QUERIES / f"{name}.rq").read_text("utf-8")
        start = time.perf_counter()
        rows = len(oxigraph.query(text).rows)
        ox_s = time.perf_counter() - start
        rd_s = float("nan")
        if rdflib is not None:
            start = time.perf_counter()
            rdflib.query(text)
            rd_s = time.perf_counter() - start
        worst = max(worst, took)
        print(f"{name:28} {rows:7d} {took:12.2f} {ox_s:13.3f} {rd_s:11.2f}", flush=True)
    print(f"\nslowest `diplograph query ... --engine oxigraph`: {worst:.2f} s (process start included)")


if __name__ == "__main__":
    main()
