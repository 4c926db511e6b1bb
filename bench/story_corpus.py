#!/usr/bin/env python3
"""Give the benchmark corpus stories: the input of bench/bench-cluster.sh.

usage: story_corpus.py [--seed N] [--stories N] [--start SECONDS] [--span SECONDS] [--limit N]
                       < CORPUS.jsonl > OUT.jsonl

Reads the make bench corpus (synthetic articles grown from samples/, all on one subject: the worst
case for an inverted index, whose lists of common terms are long) and writes each record once,
in order (the first --limit only, when given), as an article of one of --stories events: its title
and two sentences of its text name the event's own people, place and deed (made-up words, distinct
per event and per --seed), as real reports of one event share names that other events do not.  A
story's articles are spread over six hours from its start; starts are spread evenly over --span
seconds from --start, and `published` is set (ISO 8601, UTC) in arrival order.  A fixed
pseudo-random sequence makes the output the same on every machine.
"""
import hashlib
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_corpus import Rng  # noqa: E402  the corpus generator's fixed pseudo-random sequence


SYLLABLES = "ka ro mi ta ve lo su na dri pe zo gu ha li mar ten vos qui bel dor fa ni ul sen".split()


def word(rng, n):
    return "".join(SYLLABLES[rng.below(len(SYLLABLES))] for _ in range(n)).capitalize()


def made_up(key):
    h = hashlib.blake2b(key.encode(), digest_size=8).digest()
    return "".join(SYLLABLES[b % len(SYLLABLES)] for b in h[:3])


def rename(text, k):
    """Half of the words of four letters or more, per event, become words of that event."""
    def sub(m):
        w = m.group(0)
        low = w.lower()
        if hashlib.blake2b(f"{SEED}:{k}/{low}".encode(), digest_size=1).digest()[0] >= 128:
            return w
        new = made_up(f"{SEED}:{k}:{low}")
        return new.capitalize() if w[0].isupper() else new
    return WORD.sub(sub, text)


WORD = re.compile(r"[A-Za-z]{4,}")
SEED = 0


def main():
    args = sys.argv[1:]
    opt = {"--seed": 7, "--stories": 8000, "--start": 536457600, "--span": 86400, "--limit": 0}
    while args:
        opt[args[0]] = int(args[1])
        args = args[2:]
    global SEED
    SEED = opt["--seed"]
    rng = Rng(opt["--seed"])
    nstories = opt["--stories"]
    events = []
    for k in range(nstories):
        names = [word(rng, 3) + " " + word(rng, 3), word(rng, 3), word(rng, 2) + "ville"]
        deed = word(rng, 3).lower()
        start = opt["--start"] + opt["--span"] * k // nstories
        events.append((names, deed, start))
    out = []
    for n, line in enumerate(sys.stdin):
        if opt["--limit"] and n >= opt["--limit"]:
            break
        rec = json.loads(line)
        # Stories in arrival order, each over several articles: event k is reported around the
        # k-th share of the stream, so about as many events run at once at every point.
        k = min(nstories - 1, n * nstories // max(1, opt["--limit"] or 15759) + rng.below(3))
        names, deed, start = events[k]
        person, org, place = names
        t = start + rng.below(6 * 3600)
        rec["title"] = f"{person} of {org} {deed}s in {place}"
        paras = rename(rec["text"], k).split("\n")
        paras[0] = f"{person}, the head of {org}, said on Monday that it would {deed} in {place}. " + paras[0]
        if len(paras) > 2:
            paras[2] = f"The move by {org} to {deed} surprised many in {place}, {person} said. " + paras[2]
        rec["text"] = "\n".join(paras)
        rec["published"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
        out.append((t, n, rec))
    for _, _, rec in sorted(out, key=lambda x: (x[0], x[1])):
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
