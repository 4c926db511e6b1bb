#!/usr/bin/env python3
"""score_numeric.py - DATE, MONEY, PERCENT and CARDINAL through the record path.

Usage: score_numeric.py [--split dev|heldout|all] [--errors] BIN GOLD.jsonl REUTERS.jsonl.gz BBC.jsonl

GOLD is eval/data/numeric-dev.jsonl (see eval/data/README.md): annotations of
articles whose texts are in the shared Reuters-21578 and BBC files.  Each
article becomes a record {"id", "text"} as a user has it; BIN
(news-tag-entities) tags the records; its DATE/MONEY/PERCENT/CARDINAL
entities are scored against the gold with exact span and type: P/R/F1 per
type and overall, for the dev and the held-out articles apart (--split picks
one).  An optional gold entity counts neither as a miss nor, when found with
its span and type, as a false alarm.  --errors lists misses and false alarms
(of the chosen split).
"""
import argparse
import gzip
import json
import subprocess
import sys

TYPES = ("DATE", "MONEY", "PERCENT", "CARDINAL")


def load_texts(reuters, bbc, want):
    texts = {}
    with gzip.open(reuters, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in want:
                texts[r["id"]] = r["text"]
    with open(bbc, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in want:
                texts[r["id"]] = r["text"]
    return texts


def prf(tp, ng, np_):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("bin")
    ap.add_argument("gold")
    ap.add_argument("reuters")
    ap.add_argument("bbc")
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(a.gold, encoding="utf-8")]
    texts = load_texts(a.reuters, a.bbc, {g["doc"] for g in gold})
    missing = [g["doc"] for g in gold if g["doc"] not in texts]
    if missing:
        sys.exit("score_numeric.py: texts not found for %s" % ", ".join(missing))
    for g in gold:
        t = texts[g["doc"]]
        for e in g["entities"]:
            if t[e["start"]:e["end"]] != e["text"]:
                sys.exit("score_numeric.py: %s: offsets %d-%d do not give %r" % (g["doc"], e["start"], e["end"], e["text"]))
    recs = "".join(json.dumps({"id": g["doc"], "text": texts[g["doc"]]}) + "\n" for g in gold)
    out = subprocess.run([a.bin], input=recs, capture_output=True, text=True, check=True)
    pred = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        pred[r["id"]] = {(e["start"], e["end"], e["type"]) for e in r["entities"] if e["type"] in TYPES}
    splits = ("dev", "heldout") if a.split == "all" else (a.split,)
    for split in splits:
        docs = [g for g in gold if g["split"] == split]
        counts = {t: [0, 0, 0] for t in TYPES}
        errors = []
        for g in docs:
            req = {(e["start"], e["end"], e["type"]) for e in g["entities"] if not e.get("optional")}
            opt = {(e["start"], e["end"], e["type"]) for e in g["entities"] if e.get("optional")}
            p = pred[g["doc"]] - opt
            for t in TYPES:
                gs = {x for x in req if x[2] == t}
                ps = {x for x in p if x[2] == t}
                counts[t][0] += len(gs & ps)
                counts[t][1] += len(gs)
                counts[t][2] += len(ps)
            text = texts[g["doc"]]
            for kind, xs in (("miss", req - p), ("false", p - req)):
                for s, e, t in sorted(xs):
                    errors.append("  %-5s %-8s %-28r %s | %s" % (kind, t, text[s:e], g["doc"],
                                                                text[max(0, s - 40):e + 30].replace("\n", " ")))
        note = "" if split == "dev" else "; seen once, see eval/data/README.md"
        print("Numeric entities, %s articles (%d; eval/data/numeric-dev.jsonl, exact spans%s):" % (split, len(docs), note))
        print("%-9s %9s %9s %9s %7s %7s" % ("type", "precision", "recall", "F1", "gold", "found"))
        tot = [0, 0, 0]
        for t in TYPES:
            tp, ng, np_ = counts[t]
            tot = [x + y for x, y in zip(tot, counts[t])]
            print("%-9s %9.4f %9.4f %9.4f %7d %7d" % ((t,) + prf(tp, ng, np_) + (ng, np_)))
        print("%-9s %9.4f %9.4f %9.4f %7d %7d" % (("overall",) + prf(*tot) + (tot[1], tot[2])))
        if a.errors:
            print("\n".join(errors))


if __name__ == "__main__":
    main()
