"""What extraction finds in un-annotated articles, as lines a reviewer can diff between two versions.

A rule earns its place by what it does on articles no test or gold file was
written for. `dump` extracts a fixed, reproducible sample of the bulk corpus
(articles that use an interaction word, none of the annotated dev2 files) and
writes one line per fact; `diff` prints what changed between two dumps, fact
by fact, with the sentence it came from, so that each change can be counted
right or wrong by reading it.

    .venv/bin/python bench/facts.py dump --out /tmp/before.tsv            # on main
    .venv/bin/python bench/facts.py dump --out /tmp/after.tsv             # with the change
    .venv/bin/python bench/facts.py diff /tmp/before.tsv /tmp/after.tsv
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
DEV2 = ROOT.parent / "shared" / "corpus" / "dev2"
EVENT_HINTS = ("通话", "通电话", "会晤", "会谈", "会面", "会见", "峰会", "视频", "視頻", "會晤", "會談", "會見", "峰會")


def sample(folder: Path, size: int, seed: int) -> list[Path]:
    """`size` files of `folder` that mention an interaction, chosen by `seed`; never a dev2 file."""
    annotated = {p.name for p in DEV2.rglob("*.md")} if DEV2.is_dir() else set()
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".txt") and p.name not in annotated
                   and p.name != "README.md")
    random.Random(seed).shuffle(files)
    chosen = []
    for path in files:
        if any(h in path.read_text("utf-8", errors="replace") for h in EVENT_HINTS):
            chosen.append(path)
            if len(chosen) == size:
                break
    return sorted(chosen)


def _facts(extraction, sentence_of) -> list[str]:
    """One tab-separated line per fact: kind, what, and the sentence it came from."""
    lines = []
    for key in extraction.mentioned:
        lines.append(f"actor\t{key}\t")
    for i in extraction.interactions:
        date = i.date.iso() if i.date else "-"
        what = f"{i.type} {'+'.join(sorted(i.participants))} {date} {i.status} {i.place or '-'}"
        lines.append(f"interaction\t{what}\t{sentence_of(i.evidence)}")
    for s in extraction.statements:
        date = s.date.iso() if s.date else "-"
        lines.append(f"statement\t{s.speaker} -> {s.addressee or '-'} ({s.kind}, {date})\t{sentence_of(s.evidence)}")
    return lines


def dump(args) -> None:
    from diplograph.pipeline import make_extractor
    from diplograph.ingest.manifest import manifest_dates
    from diplograph.ingest.reader import read_file
    from diplograph.ingest.records import Skipped

    extractor = make_extractor()
    files = sample(Path(args.folder), args.size, args.seed)
    with open(args.out, "w", encoding="utf-8") as out:
        for n, (path, fallback) in enumerate(zip(files, manifest_dates(files))):  # dated as the build dates them
            article = read_file(path, str(path.relative_to(args.folder)), fallback=fallback)
            if isinstance(article, Skipped):
                continue
            extraction = extractor.extract(article)
            for line in sorted(set(_facts(extraction, lambda ev: ev.text.replace("\t", " ")))):
                out.write(f"{article.source_file}\t{line}\n")
            if (n + 1) % 50 == 0:
                print(f"{n + 1}/{len(files)}", file=sys.stderr)
    print(f"\n{len(files)} files -> {args.out}", file=sys.stderr)


def _read(path: str) -> dict[str, set[str]]:
    by_file: dict[str, set[str]] = defaultdict(set)
    for line in Path(path).read_text("utf-8").splitlines():
        file, rest = line.split("\t", 1)
        by_file[file].add(rest)
    return by_file


def diff(args) -> None:
    before, after = _read(args.before), _read(args.after)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for file in sorted(set(before) | set(after)):
        gone, new = before[file] - after[file], after[file] - before[file]
        gone = {g for g in gone if args.kind in (None, g.split("\t")[0])}
        new = {g for g in new if args.kind in (None, g.split("\t")[0])}
        if not gone and not new:
            continue
        print(f"== {file}")
        for sign, lines in (("-", gone), ("+", new)):
            for line in sorted(lines, key=lambda x: (x.split("\t")[2], x)):
                kind, what, sentence = line.split("\t")
                counts[kind][sign == "+"] += 1
                print(f"  {sign} {kind:11s} {what}\n      «{sentence[:160]}»" if sentence else f"  {sign} {kind:11s} {what}")
    for kind, (minus, plus) in sorted(counts.items()):
        print(f"{kind}: {minus} gone, {plus} new", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="extract a sample of the bulk corpus, one line per fact")
    d.add_argument("--folder", default=str(BULK))
    d.add_argument("--size", type=int, default=300)
    d.add_argument("--seed", type=int, default=17)
    d.add_argument("--out", required=True)
    d.set_defaults(run=dump)
    c = sub.add_parser("diff", help="what changed between two dumps, with the sentences")
    c.add_argument("before")
    c.add_argument("after")
    c.add_argument("--kind", choices=("actor", "interaction", "statement"))
    c.set_defaults(run=diff)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
