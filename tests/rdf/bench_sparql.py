"""Benchmark the two SPARQL engines on a large graph: the seeds replicated N times (not a test).

    .venv/bin/python tests/rdf/bench_sparql.py --copies 100

Each copy gets its own articles, interactions and statements (ids suffixed)
and shares the actors, so the graph grows like a larger corpus would.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conftest import GOLD  # noqa: E402
from rdf.conftest import with_speech_acts  # noqa: E402
from support.gold_graph import gold_graph  # noqa: E402

from diplograph.graph.assembly.model import KnowledgeGraph  # noqa: E402
from diplograph.graph.sparql.query import open_engine  # noqa: E402
from diplograph.graph.rdf.serialize import write_graph_ttl  # noqa: E402

QUERIES = Path(__file__).resolve().parents[2] / "queries"


def replicate(kg: KnowledgeGraph, copies: int) -> KnowledgeGraph:
    """`kg` with its articles, interactions and statements repeated `copies` times under new ids."""
    articles, interactions, statements, actors = [], [], [], {}
    for n in range(copies):
        def aid(a: str, n: int = n) -> str:
            return f"{a}-{n}"
        articles += [dataclasses.replace(a, id=aid(a.id), source_file=f"{n}-{a.source_file}") for a in kg.articles]
        for i in kg.interactions:
            reports = tuple(
                dataclasses.replace(r, article_id=aid(r.article_id),
                                    evidence=dataclasses.replace(r.evidence, article_id=aid(r.article_id)))
                for r in i.reports)
            interactions.append(dataclasses.replace(i, id=f"{i.id}-{n}", reports=reports))
        for s in kg.statements:
            evidence = dataclasses.replace(s.evidence, article_id=aid(s.article_id))
            statements.append(dataclasses.replace(s, id=f"{s.id}-{n}", article_id=aid(s.article_id), evidence=evidence))
    for a in kg.actors:
        actors[a.key] = dataclasses.replace(a, articles=tuple(f"{x}-{n}" for n in range(copies) for x in a.articles))
    return KnowledgeGraph(tuple(articles), tuple(actors.values()), tuple(interactions), tuple(statements), kg.topics)


def timed(label: str, fn):
    start = time.perf_counter()
    value = fn()
    print(f"{label:44} {time.perf_counter() - start:8.2f} s", flush=True)
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="dg-bench-"))
    seeds = with_speech_acts(gold_graph(GOLD / "seeds.json"))
    kg = timed(f"replicate seeds x{args.copies}", lambda: replicate(seeds, args.copies))
    timed("write graph.ttl", lambda: write_graph_ttl(kg, out / "graph.ttl"))
    ttl = out / "graph.ttl"
    print(f"graph.ttl: {ttl.stat().st_size / 1e6:.1f} MB")
    queries = {p.stem: p.read_text("utf-8") for p in sorted(QUERIES.glob("*.rq"))}
    for name in ("rdflib", "oxigraph"):
        engine = timed(f"{name}: open (parse / load store)", lambda name=name: open_engine(ttl, name))
        if name == "oxigraph":
            engine = timed("oxigraph: reopen existing store", lambda name=name: open_engine(ttl, name))
        total = 0.0
        for qname, text in queries.items():
            start = time.perf_counter()
            rows = len(engine.query(text).rows)
            took = time.perf_counter() - start
            total += took
            print(f"  {name:8} {qname:28} {took:8.2f} s  {rows:7d} rows", flush=True)
        print(f"{name}: all {len(queries)} queries{'':22} {total:8.2f} s")
    count = open_engine(ttl, "oxigraph").query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    print(f"triples (with the ontology): {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
