"""Score a knowledge graph against a gold file, as `../shared/gold/FORMAT.md` defines it.

Actors match when one of their labels equals one of the gold names (NFKC,
simplified, without middle dots and spaces, Latin lower-cased). Per article:
persons, organisations and countries as sets; interactions by participant
set and one acceptable date; statements by speaker and a source sentence
that contains the gold evidence. Gold items marked `required: false` are
neither missed when absent nor false positives when found. Micro-averaged.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import opencc

from diplograph.graph.assembly.model import InteractionNode, KnowledgeGraph, StatementNode

CATEGORIES = ("persons", "organizations", "countries", "interactions", "statements")
SINGULAR = {"persons": "person", "organizations": "organization", "countries": "country"}
TYPE_OF = {"persons": "Person", "organizations": "Organization", "countries": "Country"}
_DROP = re.compile(r"[\s·‧・•]")


def canonical(name: str, _t2s=opencc.OpenCC("t2s")) -> str:
    """The form names are compared in: NFKC, simplified, no middle dots or spaces, Latin lower-cased."""
    return _DROP.sub("", _t2s.convert(unicodedata.normalize("NFKC", name))).lower()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Evaluation:
    """Scores per category, accuracies, cluster checks, and what was missed or wrongly found."""

    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    accuracies: dict[str, Accuracy] = field(default_factory=lambda: {
        "interaction type": Accuracy(), "interaction status": Accuracy(), "statement addressee": Accuracy()})
    clusters: list[tuple[str, bool]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)  # matched, but a wrong type, status or addressee
    false_positives: list[str] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)


def pooled(results) -> Evaluation:
    """Several evaluations as one, micro-averaged: every count summed, every list joined."""
    out = Evaluation()
    for r in results:
        for c, s in r.scores.items():
            total = out.scores[c]
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        for k, a in r.accuracies.items():
            out.accuracies[k].right += a.right
            out.accuracies[k].total += a.total
        out.clusters += r.clusters
        out.misses += r.misses
        out.mismatches += r.mismatches
        out.false_positives += r.false_positives
        out.missing_articles += r.missing_articles
    return out


class _Names:
    """Maps graph actors to gold actor keys through their labels."""

    def __init__(self, gold_actors: dict, kg: KnowledgeGraph) -> None:
        index: dict[str, str] = {}
        for key, entry in gold_actors.items():
            for name in entry.get("names", []):
                index.setdefault(canonical(name), key)
        self.gold_of: dict[str, str] = {}
        for actor in kg.actors:
            for label in (actor.label_zh, actor.label_en or "", *actor.aliases):
                if label and (hit := index.get(canonical(label))):
                    self.gold_of[actor.key] = hit
                    break

    def __call__(self, key: str | None) -> str | None:
        if key is None:
            return None
        return self.gold_of.get(key, "?" + key)


def evaluate(kg: KnowledgeGraph, gold: dict) -> Evaluation:
    """How well `kg` agrees with the `gold` annotations."""
    out = Evaluation()
    names = _Names(gold["actors"], kg)
    media = {k for k, v in gold["actors"].items() if v.get("media")}
    by_file = {a.source_file: a for a in kg.articles}
    matched_nodes: dict[tuple[str, int], str] = {}
    for g in gold["articles"]:
        article = by_file.get(g["file"])
        if article is None:
            out.missing_articles.append(g["file"])
            continue
        _actors(out, kg, g, article.id, names, media)
        matched_nodes.update(_interactions(out, kg, g, article.id, names))
        _statements(out, kg, g, article.id, names)
    for cluster in gold.get("same_event", []):
        nodes = {matched_nodes.get((f, i)) for f, i in cluster["members"]}
        out.clusters.append((cluster["id"], len(nodes) == 1 and None not in nodes))
    return out


def _actors(out: Evaluation, kg, g: dict, article_id: str, names: _Names, media: set[str]) -> None:
    counted_media = {s["speaker"] for s in g["statements"] if s.get("required", True)}
    counted_media |= {s["addressee"] for s in g["statements"] if s.get("addressee")}
    for category, typ in TYPE_OF.items():
        gold_set = set(g[category])
        neutral = {k for k in media if k not in counted_media}
        found = {names(a.key) for a in kg.actors if a.type == typ and article_id in a.articles}
        score = out.scores[category]
        score.tp += len((found & gold_set) - neutral)
        for k in sorted((found - gold_set) - neutral):
            score.fp += 1
            out.false_positives.append(f"{g['file']}: {SINGULAR[category]} {k}")
        for k in sorted((gold_set - found) - neutral):
            score.fn += 1
            out.misses.append(f"{g['file']}: {SINGULAR[category]} {k}")


def _report_status(node: InteractionNode, article_id: str) -> str:
    own = Counter(r.status for r in node.reports if r.article_id == article_id)
    return max(own, key=lambda s: own[s]) if own else node.status


def _interactions(out: Evaluation, kg, g: dict, article_id: str, names: _Names) -> dict[tuple[str, int], str]:
    predicted = [n for n in kg.interactions if any(r.article_id == article_id for r in n.reports)]
    free = {n.id: n for n in predicted}
    matched: dict[tuple[str, int], str] = {}
    order = sorted(range(len(g["interactions"])), key=lambda i: not g["interactions"][i].get("required", True))
    for i in order:
        item = g["interactions"][i]
        parties = set(item["participants"])
        candidates = [n for n in free.values() if {names(p) for p in n.participants} == parties
                      and ((n.date.value.isoformat() in item["date"]) if n.date else not item["date"])]
        if not candidates:
            if item.get("required", True):
                out.scores["interactions"].fn += 1
                out.misses.append(f"{g['file']}: interaction {item['type']} {sorted(parties)} {item['date']} «{item['evidence']}»")
            continue
        node = next((n for n in candidates if n.type == item["type"]), candidates[0])
        del free[node.id]
        matched[(g["file"], i)] = node.id
        if item.get("required", True):
            out.scores["interactions"].tp += 1
        status = _report_status(node, article_id)
        out.accuracies["interaction type"].total += 1
        out.accuracies["interaction type"].right += node.type == item["type"]
        out.accuracies["interaction status"].total += 1
        out.accuracies["interaction status"].right += status == item["status"]
        if node.type != item["type"] or status != item["status"]:
            out.mismatches.append(f"{g['file']}: interaction «{item['evidence']}» {node.type}/{status} "
                                  f"(gold: {item['type']}/{item['status']})")
    for node in free.values():
        out.scores["interactions"].fp += 1
        ev = next(r.evidence.text for r in node.reports if r.article_id == article_id)
        out.false_positives.append(f"{g['file']}: interaction {node.type} {sorted(names(p) for p in node.participants)} "
                                   f"{node.date.iso() if node.date else '-'} «{ev[:60]}»")
    return matched


def _contains(sentence: str, evidence: str) -> bool:
    return canonical(evidence) in canonical(sentence)


def _statements(out: Evaluation, kg, g: dict, article_id: str, names: _Names) -> None:
    predicted: list[StatementNode] = [s for s in kg.statements if s.article_id == article_id]
    free = {s.id: s for s in predicted}
    order = sorted(g["statements"], key=lambda s: not s.get("required", True))
    for item in order:
        hit = next((s for s in free.values() if names(s.speaker) == item["speaker"]
                    and _contains(s.evidence.text, item["evidence"])), None)
        if hit is None:
            if item.get("required", True):
                out.scores["statements"].fn += 1
                out.misses.append(f"{g['file']}: statement {item['speaker']} «{item['evidence']}»")
            continue
        del free[hit.id]
        if item.get("required", True):
            out.scores["statements"].tp += 1
            out.accuracies["statement addressee"].total += 1
            right = names(hit.addressee) == item.get("addressee")
            out.accuracies["statement addressee"].right += right
            if not right:
                out.mismatches.append(f"{g['file']}: statement {item['speaker']} «{item['evidence']}» addressee "
                                      f"{names(hit.addressee)} (gold: {item.get('addressee')})")
    for s in free.values():
        out.scores["statements"].fp += 1
        out.false_positives.append(f"{g['file']}: statement {names(s.speaker)} «{s.evidence.text[:60]}»")
