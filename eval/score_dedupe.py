#!/usr/bin/env python3
"""Score duplicate clusters against gold: adjusted Rand index and pair precision/recall/F1.

usage: score_dedupe.py GOLD.jsonl PRED.jsonl [--exclude-prefix P] [--label NAME]

GOLD and PRED are NDJSON {"id", "cluster"}; PRED may be news-dedupe output (any record with
"id" and "cluster"; a record without "cluster" is a singleton, as is an id missing from PRED).
--exclude-prefix drops the items whose GOLD cluster starts with P from both sides (the
paragraph-level boilerplate clusters "boiler:").  ARI is Hubert & Arabie's (sklearn's
adjusted_rand_score).  Stdlib only.
"""
import argparse
import json
import sys
from collections import Counter


def c2(n):
    return n * (n - 1) // 2


def load(path, key="cluster"):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if "id" in r:
                out[r["id"]] = r.get(key)
    return out


def score(gold, pred):
    """gold, pred: dict id -> label (pred label None = singleton). Returns (ari, p, r, f1, pairs)."""
    ids = list(gold)
    g = [gold[i] for i in ids]
    p = []
    for n, i in enumerate(ids):
        lab = pred.get(i)
        p.append(("L", lab) if lab is not None else ("S", n))
    a = Counter(g)
    b = Counter(p)
    nij = Counter(zip(g, p))
    sum_ij = sum(c2(v) for v in nij.values())
    sum_a = sum(c2(v) for v in a.values())
    sum_b = sum(c2(v) for v in b.values())
    total = c2(len(ids))
    expected = sum_a * sum_b / total if total else 0.0
    maxi = (sum_a + sum_b) / 2
    ari = (sum_ij - expected) / (maxi - expected) if maxi != expected else 1.0
    prec = sum_ij / sum_b if sum_b else 1.0
    rec = sum_ij / sum_a if sum_a else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return ari, prec, rec, f1, sum_b


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--exclude-prefix", default=None)
    ap.add_argument("--label", default="")
    a = ap.parse_args()
    gold = load(a.gold)
    pred = load(a.pred)
    if a.exclude_prefix:
        gold = {i: c for i, c in gold.items() if not str(c).startswith(a.exclude_prefix)}
    missing = sum(1 for i in gold if i not in pred)
    ari, p, r, f1, npairs = score(gold, pred)
    label = (a.label + ": ") if a.label else ""
    print(f"{label}items {len(gold)}, predicted pairs {npairs}, missing {missing}: "
          f"ARI {ari:.4f}  pair P {p:.4f}  R {r:.4f}  F1 {f1:.4f}")


def selftest():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 3}
    assert abs(score(gold, dict(gold))[0] - 1.0) < 1e-12
    ari, p, r, f1, _ = score(gold, {})
    assert ari == 0.0 and r == 0.0
    # by the formula: (1 - 0.6) / (2.5 - 0.6), as sklearn.metrics.adjusted_rand_score gives
    ari, p, r, f1, _ = score(gold, {"a": 0, "b": 0, "c": 0, "d": 1, "e": 2})
    assert abs(ari - 0.4 / 1.9) < 1e-9, ari
    assert abs(p - 1 / 3) < 1e-9 and abs(r - 0.5) < 1e-9


if __name__ == "__main__":
    if sys.argv[1:] == ["--selftest"]:
        selftest()
        print("score_dedupe.py: self-test passed")
    else:
        main()
