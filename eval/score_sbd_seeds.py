#!/usr/bin/env python3
"""score_sbd_seeds.py - news-split's sentences on the five seed articles (stdlib only).

usage: score_sbd_seeds.py STRUCTURE.jsonl PRED.jsonl

STRUCTURE: ../shared/data/seeds-gold/structure.jsonl, the hand-made paragraph and sentence split
           of each seed (code points into the raw file; captions, bylines and other lines that
           are not body are left out).
PRED:      `news-split samples/*.txt` (one record a file, `source` naming it).

Prints, over the gold body paragraphs, how many get exactly the gold sentences (our sentences
that lie inside the paragraph's span, in order) and how many gold sentences are found.
"""
import json
import os
import sys


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: score_sbd_seeds.py STRUCTURE.jsonl PRED.jsonl\n")
        return 2
    pred = {}
    with open(argv[2], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                pred[os.path.basename(r.get("source", ""))] = r
    paras = exact = sents = found = 0
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            g = json.loads(line)
            r = pred.get(g["doc"])
            for p in g["paragraphs"]:
                a, b = p["span"]
                got = [r["text"][s:e] for s, e in r["sentences"] if s >= a and e <= b] if r else []
                paras += 1
                exact += got == p["sentences"]
                sents += len(p["sentences"])
                found += sum(1 for s in p["sentences"] if s in got)
    print("seeds: %d/%d body paragraphs split exactly; %d/%d gold sentences found" % (exact, paras, found, sents))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
