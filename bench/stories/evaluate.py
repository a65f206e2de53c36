#!/usr/bin/env python3
"""Quality of digestcore.cluster_near_duplicates on a labelled corpus.

    python3 bench/stories/evaluate.py corpus.jsonl [--max-edit 0.1] [--reference]

Clusters the texts at several thresholds and prints pair precision and recall
(true pairs: same "story" label; predicted: same cluster), hard negatives
joined to their original, and the share of variants found with their
original, by edit kind and by language. --reference adds the same figures
for exact clustering (every pair of search-key word sets with Jaccard at or
above the threshold joined): the ceiling for MinHash + LSH with one-word
shingles, so what LSH misses shows apart from what the shingles lose.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "python"))
import stories_scoring as sc  # noqa: E402

import digestcore  # noqa: E402


def ours(records, threshold, args):
    kwargs = {"permutations": args.permutations, "seed": args.seed, "threads": args.threads}
    if args.window_days is not None:
        kwargs["window_days"] = args.window_days
        kwargs["dates"] = [dt.date.fromisoformat(r["date"]) for r in records]
    if args.sources:
        kwargs["sources"] = [r["source"] for r in records]
    if args.boilerplate_min_texts is not None:
        kwargs["boilerplate_min_texts"] = args.boilerplate_min_texts
    return digestcore.cluster_near_duplicates([r["text"] for r in records], threshold, **kwargs)


def recall_table(results, groups, records) -> str:
    """Rows: group names; columns: thresholds; cells: joined/total."""
    per = {t: sc.variant_recall(records, cl, groups) for t, cl in results.items()}
    names = sorted({n for v in per.values() for n in v}, key=lambda n: (n.startswith("only "), n))
    rows = []
    for n in names:
        total = next(v[n][1] for v in per.values() if n in v)
        rows.append([n, total] + [f"{per[t].get(n, (0, 0))[0] / total:.3f}" for t in results])
    return sc.table(rows, ["", "variants"] + [f"t={t:g}" for t in results])


def report(name, records, cluster_fn, thresholds, show_misses):
    labels = [r["story"] for r in records]
    results, rows = {}, []
    for t in thresholds:
        t0 = time.perf_counter()
        clusters = cluster_fn(t)
        seconds = time.perf_counter() - t0
        results[t] = clusters
        s = sc.pair_score(labels, clusters)
        rows.append([f"{t:g}", s.precision, s.recall, s.f1, s.predicted_pairs, s.correct_pairs,
                     s.true_pairs, len(sc.joined_negatives(records, clusters)), f"{seconds:.2f}"])
    print(f"\n== {name}: pairs\n")
    print(sc.table(rows, ["threshold", "precision", "recall", "F1", "predicted", "correct",
                          "true", "negatives joined", "seconds"]))
    print(f"\n== {name}: variants found with their original, by edit kind\n")
    print(recall_table(results, sc.edit_kinds, records))
    print(f"\n== {name}: variants found with their original, by language\n")
    print(recall_table(results, lambda r: [r.get("lang", "?")], records))
    if show_misses:
        t = 0.8 if 0.8 in results else thresholds[len(thresholds) // 2]
        missed = sc.missed_variants(records, results[t])
        print(f"\n== {name}: {len(missed)} variants apart from their original at {t:g}"
              f"{f', the first {show_misses}' if len(missed) > show_misses else ''}\n")
        original = {r["story"]: r for r in records if r["kind"] == "original"}
        for r in missed[:show_misses]:
            j = sc.jaccard(key_words(r), key_words(original[r["story"]]))
            edits = ", ".join(f"{e['kind']} {e['words']}" for e in r["edits"])
            print(f"  {r['id']:<12} {r.get('lang', '?')}  Jaccard {j:.3f}  edit {r['edit_fraction']:.3f}  {edits}")
    return results


_KEYS: dict[str, set[str]] = {}


def key_words(record: dict) -> set[str]:
    """The one-word shingles: the distinct words of the search key."""
    if record["id"] not in _KEYS:
        _KEYS[record["id"]] = set(digestcore.search_key(record["text"]).split())
    return _KEYS[record["id"]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", help="JSON Lines from bench/stories/generate.py")
    ap.add_argument("--thresholds", default="0.5,0.6,0.7,0.8,0.9")
    ap.add_argument("--max-edit", type=float, default=None,
                    help="leave out variants whose edit_fraction is above this")
    ap.add_argument("--permutations", type=int, default=128)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--window-days", type=int, default=None, help="pass dates and this window")
    ap.add_argument("--sources", action="store_true",
                    help="pass each text's source (boilerplate is then learned per source)")
    ap.add_argument("--boilerplate-min-texts", type=int, default=None,
                    help="passed on (0 keeps every sentence)")
    ap.add_argument("--reference", action="store_true",
                    help="also exact Jaccard clustering of search-key word sets (slow above ~5k texts)")
    ap.add_argument("--show-misses", type=int, default=10, help="list this many missed variants")
    a = ap.parse_args(argv)
    thresholds = [float(t) for t in a.thresholds.split(",")]
    records = sc.select(sc.read_jsonl(a.file), a.max_edit)
    kinds = {k: sum(r["kind"] == k for r in records) for k in ("original", "variant", "negative")}
    print(f"{a.file}: {len(records)} texts ({', '.join(f'{v} {k}s' for k, v in kinds.items())})"
          + (f", variants with edit_fraction <= {a.max_edit:g}" if a.max_edit is not None else ""),
          flush=True)
    if not hasattr(digestcore, "cluster_near_duplicates"):
        print("digestcore.cluster_near_duplicates does not exist in this build", file=sys.stderr)
        if not a.reference:
            return 2
    else:
        report("digestcore.cluster_near_duplicates", records,
               lambda t: ours(records, t, a), thresholds, a.show_misses)
    if a.reference:
        sets = [key_words(r) for r in records]
        # digestcore's threshold is a similarity (Dice); the same cut in Jaccard is t / (2 - t).
        report("exact similarity of search-key word sets (reference)", records,
               lambda t: sc.exact_clusters(sets, t / (2 - t)), thresholds, a.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
