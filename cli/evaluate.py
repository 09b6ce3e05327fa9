"""`diplograph evaluate`: precision, recall and F1 of a graph against a gold file."""
from __future__ import annotations

import json
from pathlib import Path

import click

from diplograph.cli.export import load_graph
from diplograph.pipeline import Report, build_graph
from diplograph.ingest.lexicon import LexiconError
from diplograph.graph.assembly.evaluation import CATEGORIES, Evaluation, evaluate as score, pooled


@click.command(short_help="Score a graph against gold files (precision, recall, F1).")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--graph", "graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A built graph.ttl to score (default: out/graph.ttl).")
@click.option("--build", "build_from", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Build from the articles in this folder first (the gold `file` fields are relative to it); "
                   "once for all gold files, or once per gold file, in their order.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="With --build: a folder of extra lexicon files, as for `diplograph build`; repeatable.")
@click.option("--errors/--no-errors", default=True, show_default=True, help="List misses and false positives.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold: tuple[Path, ...], graph_file: Path | None, build_from: tuple[Path, ...], lexicons: tuple[Path, ...],
             errors: bool, as_json: bool) -> None:
    """Score a graph against GOLD files (diplograph-gold/1): precision, recall
    and F1 for persons, organisations, countries, interactions and statements,
    the accuracy of interaction types and statuses and of statement
    addressees, and whether each same-event cluster is one node. With several
    gold files, each is scored and then all of them pooled (micro-averaged).

    \b
    diplograph evaluate seeds.json --build corpus/
    diplograph evaluate seeds.json dev-e.json --build corpus/ --build ../shared/corpus/dev2/"""
    if build_from and graph_file is not None:
        raise click.UsageError("give --graph or --build, not both")
    if lexicons and not build_from:
        raise click.UsageError("--lexicon needs --build (a built graph already has its lexicon)")
    if len(build_from) not in (0, 1, len(gold)):
        raise click.UsageError(f"give --build once for all gold files or once per gold file ({len(gold)}), "
                               f"not {len(build_from)} times")
    folders = list(build_from) * len(gold) if len(build_from) == 1 else list(build_from)
    graphs: dict[Path, object] = {}
    results: list[tuple[Path, Evaluation]] = []
    for n, path in enumerate(gold):
        data = read_gold(path)
        source = folders[n] if folders else graph_file or Path("out/graph.ttl")
        if source not in graphs:
            graphs[source] = _built(source, lexicons) if folders else load_graph(source)
        result = score(graphs[source], data)
        if result.missing_articles and len(result.missing_articles) == len(data["articles"]):
            raise click.ClickException(f"{path}: none of its articles is in the graph of {source}")
        results.append((path, result))
    if len(results) == 1:
        result = results[0][1]
        click.echo(json.dumps(as_dict(result), indent=2) if as_json else render(result, errors))
        return
    total = pooled(r for _, r in results)
    if as_json:
        click.echo(json.dumps({"files": [{"gold": str(p)} | as_dict(r) for p, r in results], "pooled": as_dict(total)},
                              indent=2))
        return
    click.echo(render_table([(p.stem, r) for p, r in results] + [("pooled", total)]))
    click.echo("\npooled over all files:\n" + render(total, errors=False))
    if errors:
        for path, result in results:
            click.echo(f"\n=== {path}\n" + render_errors(result))


def _built(folder: Path, lexicons: tuple[Path, ...]):
    try:
        return build_graph([folder], Report(), lexicon_dirs=lexicons)
    except LexiconError as err:
        raise click.ClickException(str(err)) from None


def read_gold(path: Path) -> dict:
    """The gold file, checked for the shape FORMAT.md gives it, or one readable error line."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise click.ClickException(f"{path}: not a readable gold file ({err})") from None
    if not isinstance(data, dict) or data.get("format") != "diplograph-gold/1":
        raise click.ClickException(f"{path}: not a diplograph-gold/1 file (its \"format\" must say so)")
    if not isinstance(data.get("actors"), dict) or not isinstance(data.get("articles"), list):
        raise click.ClickException(f"{path}: a gold file needs an \"actors\" object and an \"articles\" list")
    for n, article in enumerate(data["articles"]):
        missing = [k for k in ("file", "persons", "organizations", "countries", "interactions", "statements")
                   if k not in article]
        if missing:
            raise click.ClickException(f"{path}: article {n} lacks {', '.join(missing)}")
    return data


def as_dict(result: Evaluation) -> dict:
    return {
        "scores": {c: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                       "tp": s.tp, "fp": s.fp, "fn": s.fn} for c, s in result.scores.items()},
        "accuracies": {k: {"value": round(a.value, 4), "right": a.right, "total": a.total}
                       for k, a in result.accuracies.items()},
        "same_event": {cid: ok for cid, ok in result.clusters},
        "missing_articles": result.missing_articles,
    }


def render(result: Evaluation, errors: bool = True) -> str:
    lines = [f"{'category':15s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp   fp   fn"]
    for c in CATEGORIES:
        s = result.scores[c]
        lines.append(f"{c:15s} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4d} {s.fp:4d} {s.fn:4d}")
    for name, a in result.accuracies.items():
        lines.append(f"{name + ' accuracy':30s} {a.value:6.3f}   ({a.right}/{a.total})")
    if result.clusters:
        ok = sum(1 for _, good in result.clusters if good)
        lines.append(f"same-event clusters as one node: {ok}/{len(result.clusters)}")
        lines += [f"  not one node: {cid}" for cid, good in result.clusters if not good]
    for name in result.missing_articles:
        lines.append(f"article not in the graph: {name}")
    if errors:
        lines += ["", render_errors(result)]
    return "\n".join(lines)


def render_errors(result: Evaluation) -> str:
    """Misses, false positives and mismatches; `?key` is an actor the gold file's registry does not know."""
    lines = [f"misses ({len(result.misses)}):"] + [f"  {m}" for m in result.misses]
    lines += ["", f"false positives ({len(result.false_positives)}; ?key: an actor the gold registry lacks):"]
    lines += [f"  {m}" for m in result.false_positives]
    lines += ["", f"found, but with a wrong type, status or addressee ({len(result.mismatches)}):"]
    lines += [f"  {m}" for m in result.mismatches]
    return "\n".join(lines)


def render_table(results: list[tuple[str, Evaluation]]) -> str:
    """F1 of each category and each accuracy, one column per gold file."""
    width = max(8, *(len(name) for name, _ in results))
    scored = [r for _, r in results]
    lines = [f"{'F1':30s}" + "".join(f"{name:>{width + 2}s}" for name, _ in results)]
    for c in CATEGORIES:
        lines.append(f"{c:30s}" + "".join(f"{r.scores[c].f1:{width + 2}.3f}" for r in scored))
    for name in scored[0].accuracies:
        lines.append(f"{name + ' accuracy':30s}" + "".join(f"{r.accuracies[name].value:{width + 2}.3f}" for r in scored))
    lines.append(f"{'same-event clusters one node':30s}" + "".join(
        f"{sum(ok for _, ok in r.clusters)}/{len(r.clusters)}".rjust(width + 2) for r in scored))
    return "\n".join(lines)
