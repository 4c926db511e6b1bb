#!/usr/bin/env python3
"""conlleval.py - span-level precision, recall and F1 of BIO tags (CoNLL style).

Reads lines "TOKEN ... GOLD PRED" (blank lines between sentences, -DOCSTART-
lines ignored) from the files given or stdin, and prints per-type and overall
P/R/F1 over exact spans, like conlleval (an I- tag after O or another type
starts a new span, as conlleval treats IOB).
"""
import sys


def spans(tags):
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                out.add((start, i, typ))
                start, typ = None, None
            if t != "O":
                start, typ = i, t[2:]
    return out


def main():
    gold, pred = [], []
    files = sys.argv[1:] or ["-"]
    for name in files:
        f = sys.stdin if name == "-" else open(name, encoding="utf-8")
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                gold.append("O")
                pred.append("O")
                continue
            gold.append(parts[-2])
            pred.append(parts[-1])
    g, p = spans(gold), spans(pred)
    types = sorted({t for _, _, t in g | p})
    rows = []
    for t in types + [None]:
        gs = {s for s in g if t is None or s[2] == t}
        ps = {s for s in p if t is None or s[2] == t}
        tp = len(gs & ps)
        prec = tp / len(ps) if ps else 0.0
        rec = tp / len(gs) if gs else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((t or "overall", prec, rec, f1, len(gs), len(ps)))
    print("%-8s %9s %9s %9s %7s %7s" % ("type", "precision", "recall", "F1", "gold", "found"))
    for r in rows:
        print("%-8s %9.4f %9.4f %9.4f %7d %7d" % r)


if __name__ == "__main__":
    main()
