#!/usr/bin/env python3
"""B-cubed precision, recall and F1 of stories against a hand-made grouping (eval-cluster.sh).

usage: score_cluster.py [--label TEXT] [--ids FILE] GOLD.jsonl SYSTEM.jsonl

GOLD has {"id","story"} lines; SYSTEM is news-cluster output (records with "id" and "story").
Only the ids of GOLD are scored (restricted to those listed in FILE, one id a line, with --ids);
an id of GOLD missing from SYSTEM counts as a story of its own.  B-cubed (Bagga and Baldwin 1998):
for each article, precision is the share of its system story that is in its gold story, recall the
share of its gold story that is in its system story; both are averaged over articles, F1 is their
harmonic mean.  Also printed: the number of gold and system stories, and pairwise precision and
recall (over pairs of articles put together) as a second view.
"""
import json
import sys
from collections import defaultdict


def load(path, key):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            if "id" in r:
                out[str(r["id"])] = r.get(key)
    return out


def bcubed(gold, system):
    gs, ss = defaultdict(set), defaultdict(set)
    for i, g in gold.items():
        gs[g].add(i)
        ss[system[i]].add(i)
    p = r = 0.0
    for i in gold:
        both = len(gs[gold[i]] & ss[system[i]])
        p += both / len(ss[system[i]])
        r += both / len(gs[gold[i]])
    n = len(gold)
    p, r = p / n, r / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0, len(gs), len(ss)


def pairs(gold, system):
    def linked(assign):
        groups = defaultdict(list)
        for i, s in assign.items():
            groups[s].append(i)
        return {(a, b) for g in groups.values() for x, a in enumerate(sorted(g)) for b in sorted(g)[x + 1:]}
    gp, sp = linked(gold), linked(system)
    tp = len(gp & sp)
    return (tp / len(sp) if sp else 1.0), (tp / len(gp) if gp else 1.0)


def main():
    args = sys.argv[1:]
    label, only = None, None
    while args and args[0].startswith("--"):
        if args[0] == "--label":
            label, args = args[1], args[2:]
        elif args[0] == "--ids":
            only, args = {l.strip() for l in open(args[1], encoding="utf-8") if l.strip()}, args[2:]
        else:
            sys.exit(f"score_cluster.py: unknown option {args[0]}")
    gold = load(args[0], "story")
    got = load(args[1], "story")
    if only is not None:
        gold = {i: s for i, s in gold.items() if i in only}
    system = {i: (got.get(i) if got.get(i) is not None else "missing:" + i) for i in gold}
    missing = sum(1 for i in gold if got.get(i) is None)
    p, r, f, ng, ns = bcubed(gold, system)
    pp, pr = pairs(gold, system)
    head = f"{label}: " if label else ""
    print(f"{head}B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}; {len(gold)} articles, {ng} gold stories, "
          f"{ns} found; pairs P {pp:.3f} R {pr:.3f}" + (f"; {missing} missing from the output" if missing else ""))


if __name__ == "__main__":
    main()
