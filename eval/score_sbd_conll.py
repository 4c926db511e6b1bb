#!/usr/bin/env python3
"""Sentence boundaries of news-split on the CoNLL-2003 documents.

usage: eval/score_sbd_conll.py BIN_DIR CONLL_FILE [--show-errors]

Each document becomes one record, its sentences one a line in running text
(eval/conll_records.py detokenizes them), as news-clean writes a body; the
record goes through BIN_DIR/news-split without `sentences`, and the sentence
ends it finds are scored against the lines' ends.  Reuters newswire of 1996:
datelines in capitals, results tables, numbered lists, "(U.S.)" after names.
The annotators' sentences sometimes run over two lines (a hard-wrapped
heading, a table row), so recall below 1 is partly the data's form.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conll_records  # noqa: E402


def main():
    args = [a for a in sys.argv[1:] if a != "--show-errors"]
    show = "--show-errors" in sys.argv
    if len(args) != 2:
        sys.exit(__doc__.strip().splitlines()[2])
    bindir, path = args
    recs, golds = [], []
    for i, doc in enumerate(conll_records.read_conll(path)):
        rec, _ = conll_records.build(doc, True)
        golds.append({e for _, e in rec.pop("sentences")})
        recs.append(json.dumps({"id": "dev-%03d" % i, "text": rec["text"]}))
    out = subprocess.run([os.path.join(bindir, "news-split"), "--format=ndjson"], input="\n".join(recs) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    if len(out) != len(golds):
        sys.exit("score_sbd_conll.py: %d records in, %d out" % (len(golds), len(out)))
    tp = ng = npred = exact = 0
    for line, gold in zip(out, golds):
        r = json.loads(line)
        pred = {e for _, e in r["sentences"]}
        tp += len(gold & pred)
        ng += len(gold)
        npred += len(pred)
        exact += gold == pred
        if show:
            t = r["text"]
            for kind, ends in (("spurious", pred - gold), ("missed", gold - pred)):
                for e in sorted(ends):
                    print("  %s %s: %r | %r" % (r["id"], kind, t[max(0, e - 50):e], t[e:e + 30]))
    p = tp / npred if npred else 0.0
    rc = tp / ng if ng else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    print("CoNLL-2003 documents (%s): %d documents, %d/%d with every sentence end right; "
          "sentence ends P %.4f R %.4f F1 %.4f" % (os.path.basename(path), len(golds), exact, len(golds), p, rc, f1))


if __name__ == "__main__":
    main()
