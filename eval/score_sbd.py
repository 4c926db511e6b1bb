#!/usr/bin/env python3
"""score_sbd.py - score sentence boundaries against a gold set (stdlib only).

usage: score_sbd.py GOLD.jsonl PRED.jsonl [--show-errors]

GOLD: one case a line, {"id", "text", "sentences": [str, ...], "clean", "preserves_text"}
      (../shared/data/sbd/README.md).
PRED: news-split output for the same cases, {"id", "text", "sentences": [[s, e], ...]}
      with code-point offsets into text.

Metrics (as the README defines them):
  exact       share of cases whose predicted sentences, each strip()ped, equal the gold list;
  boundary    sentence ends inside a case, as counts of non-whitespace characters before
              the end (so re-spacing does not matter); the end of the case is not counted.
  exact~ws    (information only) exact after collapsing runs of whitespace inside each
              sentence: the gold of pySBD's clean mode joins hard-wrapped lines ("a\nb" ->
              "a b"), which offsets into the unchanged text cannot reproduce.
Figures are printed for all cases, for each subset the README names, and for the cases that
offsets can express: those whose gold sentences are pieces of the text as it is, in order,
with only whitespace between them (expressible()).  The other cases are listed by id with
what their gold does to the text.
"""
import json
import re
import sys


def ends(sentences):
    """Boundary positions: non-whitespace characters before each sentence end but the last."""
    out, n = set(), 0
    for s in sentences[:-1]:
        n += sum(1 for ch in s if not ch.isspace())
        out.add(n)
    return out


def expressible(case):
    """Why offsets into the text cannot give the gold sentences, or None when they can.

    Spans of the unchanged text can only cut it: every gold sentence must occur in the text,
    in order, with nothing but whitespace before, between and after them.
    """
    text, at = case["text"], 0
    for s in (x.strip() for x in case["sentences"]):
        k = text.find(s, at)
        if k < 0:
            squeezed = re.sub(r"\s+", "", s)
            if squeezed and squeezed in re.sub(r"\s+", "", text[at:]):
                return "joins or re-spaces lines"
            return "rewrites the text (drops or changes characters)"
        if text[at:k].strip():
            return "drops text between sentences"
        at = k + len(s)
    if text[at:].strip():
        return "drops text at the end"
    return None


def subset(case):
    if not case.get("clean"):
        return "clean=false"
    if case.get("preserves_text", True):
        return "clean, preserves_text"
    return "clean, not preserves_text"


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: score_sbd.py GOLD.jsonl PRED.jsonl [--show-errors]\n")
        return 2
    show = "--show-errors" in argv[3:]
    with open(argv[1], encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    pred = {}
    with open(argv[2], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                pred[r["id"]] = [r["text"][s:e] for s, e in r.get("sentences", [])]
    groups = {}
    for case in gold:
        got = [s.strip() for s in pred.get(case["id"], [])]
        got = [s for s in got if s]
        want = [s.strip() for s in case["sentences"]]
        g, p = ends(want), ends(got)
        ws = [re.sub(r"\s+", " ", x) for x in got] == [re.sub(r"\s+", " ", x) for x in want]
        row = (got == want, len(g & p), len(p), len(g), ws)
        names = ["all", subset(case)]
        if expressible(case) is None:
            names.append("offsets can express")
        for name in names:
            groups.setdefault(name, []).append(row)
        if show and got != want:
            print("--- %s" % case["id"])
            for s in want:
                print("  want: %r" % s)
            for s in got:
                print("  got:  %r" % s)
    missing = sum(1 for c in gold if c["id"] not in pred)
    print("%-28s %5s %8s %7s %7s %7s %9s" % ("subset", "cases", "exact%", "P", "R", "F1", "exact~ws%"))
    order = ["all", "clean, preserves_text", "clean, not preserves_text", "clean=false", "offsets can express"]
    for name in order:
        rows = groups.get(name)
        if not rows:
            continue
        ex = sum(r[0] for r in rows)
        tp = sum(r[1] for r in rows)
        np_ = sum(r[2] for r in rows)
        ng = sum(r[3] for r in rows)
        prec = tp / np_ if np_ else 1.0
        rec = tp / ng if ng else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        exw = sum(r[4] for r in rows)
        print("%-28s %5d %7.1f%% %7.3f %7.3f %7.3f %8.1f%%" % (name, len(rows), 100.0 * ex / len(rows), prec, rec, f1,
                                                        100.0 * exw / len(rows)))
    rest = [(c["id"], expressible(c)) for c in gold if expressible(c) is not None]
    if rest:
        print("cases offsets cannot express (the gold rewrites the text), %d:" % len(rest))
        for cid, why in rest:
            print("  %s: %s" % (cid, why))
    if missing:
        print("%d gold cases missing from the predictions (counted as wrong)" % missing)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
