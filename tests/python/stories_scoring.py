"""Scoring of near-duplicate clusters against a labelled corpus (pure Python).

Shared by tests/python/test_stories_quality.py, bench/stories/evaluate.py and
bench/python/bench_stories.py. Records are the dicts of
bench/stories/generate.py's JSON Lines: "id", "text", "story" (the label),
"kind" (original / variant / negative), "edits", "edit_fraction", and for
negatives "negative_of".

Pairs: true pairs are pairs of texts with the same label, predicted pairs are
pairs in the same cluster. Counted per group, so a corpus of any size costs
O(n), not O(n^2).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def select(records: Iterable[dict], max_edit: float | None = None) -> list[dict]:
    """Originals, negatives, and the variants whose edit_fraction is <= max_edit."""
    return [r for r in records
            if max_edit is None or r["kind"] != "variant" or r["edit_fraction"] <= max_edit + 1e-9]


def cluster_of(clusters: Sequence[Sequence[int]], n: int) -> list[int]:
    """Index -> cluster number. ValueError unless every index in range(n) is
    in exactly one cluster."""
    out = [-1] * n
    for c, members in enumerate(clusters):
        for i in members:
            if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < n:
                raise ValueError(f"cluster {c} holds {i!r}, not an index below {n}")
            if out[i] != -1:
                raise ValueError(f"index {i} is in clusters {out[i]} and {c}")
            out[i] = c
    missing = [i for i, c in enumerate(out) if c == -1]
    if missing:
        raise ValueError(f"{len(missing)} indices in no cluster, the first {missing[0]}")
    return out


def _pairs(counts: Iterable[int]) -> int:
    return sum(k * (k - 1) // 2 for k in counts)


@dataclass(frozen=True)
class PairScore:
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:  # 1 when nothing is predicted: no pair is wrong
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pair_score(labels: Sequence[str], clusters: Sequence[Sequence[int]]) -> PairScore:
    """Pair precision and recall of `clusters` (lists of indices into labels)."""
    of = cluster_of(clusters, len(labels))
    return PairScore(
        true_pairs=_pairs(Counter(labels).values()),
        predicted_pairs=_pairs(Counter(of).values()),
        correct_pairs=_pairs(Counter(zip(of, labels)).values()),
    )


def variant_recall(records: Sequence[dict], clusters: Sequence[Sequence[int]],
                   groups: Callable[[dict], Iterable[str]]) -> dict[str, tuple[int, int]]:
    """For each group name: (variants in their original's cluster, variants),
    each variant counted under every name groups(variant) gives."""
    of = cluster_of(clusters, len(records))
    original = {r["story"]: i for i, r in enumerate(records) if r["kind"] == "original"}
    out: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        if r["kind"] != "variant" or r["story"] not in original:
            continue
        joined = of[i] == of[original[r["story"]]]
        for name in groups(r):
            tally = out.setdefault(name, [0, 0])
            tally[0] += joined
            tally[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def edit_kinds(record: dict) -> list[str]:
    """A variant's edit kinds, and "only <kind>" when it has one alone."""
    kinds = sorted({e["kind"] for e in record["edits"]})
    return kinds + ([f"only {kinds[0]}"] if len(kinds) == 1 else [])


def edit_kind_recall(records: Sequence[dict], clusters: Sequence[Sequence[int]]) -> dict[str, tuple[int, int]]:
    """variant_recall by edit kind (see edit_kinds)."""
    return variant_recall(records, clusters, edit_kinds)


def joined_negatives(records: Sequence[dict], clusters: Sequence[Sequence[int]]) -> list[tuple[str, str]]:
    """(negative id, original id) for each hard negative clustered with its original."""
    of = cluster_of(clusters, len(records))
    original = {r["story"]: i for i, r in enumerate(records) if r["kind"] == "original"}
    out = []
    for i, r in enumerate(records):
        j = original.get(r.get("negative_of", ""))
        if r["kind"] == "negative" and j is not None and of[i] == of[j]:
            out.append((r["id"], records[j]["id"]))
    return out


def missed_variants(records: Sequence[dict], clusters: Sequence[Sequence[int]]) -> list[dict]:
    """The variants not in their original's cluster."""
    of = cluster_of(clusters, len(records))
    original = {r["story"]: i for i, r in enumerate(records) if r["kind"] == "original"}
    return [r for i, r in enumerate(records) if r["kind"] == "variant"
            and r["story"] in original and of[i] != of[original[r["story"]]]]


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def clusters(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            groups.setdefault(self.find(i), []).append(i)
        return sorted(groups.values(), key=lambda g: g[0])


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def exact_clusters(shingle_sets: Sequence[set], threshold: float) -> list[list[int]]:
    """Reference clusters: every pair with Jaccard >= threshold joined
    (union-find), found exactly by prefix filtering: with shingles ordered
    rarest first, two sets that similar share one of their first
    |s| - ceil(threshold * |s|) + 1 shingles. An empty set joins nothing (as
    in digestcore). For checking, not production."""
    freq = Counter(x for s in shingle_sets for x in s)
    uf = UnionFind(len(shingle_sets))
    index: dict[object, list[int]] = {}
    for i, s in enumerate(shingle_sets):
        prefix = sorted(s, key=lambda x: (freq[x], x))[: len(s) - math.ceil(threshold * len(s) - 1e-9) + 1]
        candidates = {j for x in prefix for j in index.get(x, ())}
        for j in candidates:
            if jaccard(s, shingle_sets[j]) >= threshold - 1e-12:
                uf.union(i, j)
        for x in prefix:
            index.setdefault(x, []).append(i)
    return uf.clusters()


def table(rows: Sequence[Sequence[object]], header: Sequence[str]) -> str:
    """A plain text table, columns right-aligned but the first."""
    cells = [list(map(str, header))] + [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r]
                                         for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
