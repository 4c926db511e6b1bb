#!/usr/bin/env python3
"""eval-entities-seeds.py - news-tag-entities against the hand-annotated seeds.

Usage: eval-entities-seeds.py BIN SEEDS_DIR GOLD.jsonl

Tags each raw seed file (one record, the whole file) and checks, for every
PER and ORG mention of the gold (optional entries skipped):
  - found: a predicted entity with the same offsets and the gold type or its
    alt_type; an entry with alt_text also accepts that span; an entry with
    alt_split also accepts a predicted entity of the right type that ends
    the mention (e.g. "Immigration and Customs Enforcement" in
    "US Immigration and Customs Enforcement");
  - canonical: for PER mentions whose text differs from the canonical
    (surnames), the predicted canonical equals the gold one.
Prints the misses and the totals.
"""
import json
import os
import subprocess
import sys


def main():
    binary, seeds, goldpath = sys.argv[1:4]
    gold = [json.loads(l) for l in open(goldpath, encoding="utf-8")]
    recs = []
    for g in gold:
        with open(os.path.join(seeds, g["doc"]), encoding="utf-8", newline="") as f:
            recs.append(json.dumps({"id": g["doc"], "text": f.read()}, ensure_ascii=False))
    out = subprocess.run([binary], input="\n".join(recs) + "\n", capture_output=True, text=True, check=True)
    pred = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        pred[r["id"]] = r["entities"]
    tot = {"PER": [0, 0], "ORG": [0, 0]}
    can = [0, 0]
    misses = []
    for g in gold:
        ents = pred[g["doc"]]
        by_span = {(e["start"], e["end"]): e for e in ents}
        for e in g["entities"]:
            if e["type"] not in tot or e.get("optional"):
                continue
            types = {e["type"]} | ({e["alt_type"]} if e.get("alt_type") else set())
            for s, t in e["mentions"]:
                tot[e["type"]][1] += 1
                p = by_span.get((s, t))
                ok = p is not None and p["type"] in types
                if not ok and e.get("alt_text"):
                    ok = any(x["text"] == e["alt_text"] and x["start"] < t and x["end"] > s and x["type"] in types
                             for x in ents)
                if not ok and e.get("alt_split"):
                    q = [x for x in ents if x["end"] == t and x["start"] > s and x["type"] in types]
                    ok, p = bool(q), (q[0] if q else p)
                if ok:
                    tot[e["type"]][0] += 1
                else:
                    got = [(x["text"], x["type"]) for x in ents if x["start"] < t and x["end"] > s]
                    misses.append("%s %s %r: got %s" % (g["doc"][:3], e["type"], e["text"], got or "nothing"))
                if e["type"] == "PER" and e["text"] != e["canonical"]:
                    can[1] += 1
                    if ok and p and p["canonical"] == e["canonical"]:
                        can[0] += 1
                    else:
                        misses.append("%s canonical %r: want %r, got %r" % (
                            g["doc"][:3], e["text"], e["canonical"], p["canonical"] if p else None))
    for m in misses[:int(os.environ.get("SEEDS_MISSES", "25"))]:
        print("  miss:", m)
    if len(misses) > int(os.environ.get("SEEDS_MISSES", "25")):
        print("  ... and %d more misses" % (len(misses) - int(os.environ.get("SEEDS_MISSES", "25"))))
    for k, (a, b) in tot.items():
        print("seeds %s mentions found: %d/%d" % (k, a, b))
    print("seeds PER surname canonical right: %d/%d" % tuple(can))


if __name__ == "__main__":
    main()
