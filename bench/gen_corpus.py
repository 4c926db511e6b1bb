#!/usr/bin/env python3
"""Generate the benchmark corpus: distinct synthetic news articles grown from the samples.

usage: gen_corpus.py SENTENCES.jsonl OUT.jsonl MEGABYTES

SENTENCES.jsonl is news-split --explode=sentence output of samples/.  New sentences are random
walks over the word bigrams of those sentences (a first-order Markov chain), so the corpus reads
like the samples -- names, quotes, numbers, punctuation -- without repeating whole sentences
(which would make every article a near-duplicate of every other and bias news-dedupe).  A fixed
pseudo-random sequence makes the corpus the same on every machine.
"""
import json
import sys


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % n


def main():
    src, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    sents = [json.loads(l)["text"].split() for l in open(src, encoding="utf-8") if l.strip()]
    sents = [s for s in sents if len(s) >= 4]
    starts = [s[0] for s in sents]
    follow = {}
    for s in sents:
        for a, b in zip(s, s[1:]):
            follow.setdefault(a, []).append(b)
    rng = Rng(12345)

    def sentence():
        w = [starts[rng.below(len(starts))]]
        while len(w) < 45:
            nxt = follow.get(w[-1])
            if not nxt:
                break
            w.append(nxt[rng.below(len(nxt))])
            if len(w) >= 6 and w[-1][-1:] in ".?!" and rng.below(3) != 0:
                break
        text = " ".join(w)
        return text if text[-1:] in ".?!\"\u201d" else text + "."

    limit = int(mb * 1e6)
    size = i = 0
    with open(out, "w", encoding="utf-8") as f:
        while size < limit:
            paras, cur = [], []
            for _ in range(20 + rng.below(21)):
                cur.append(sentence())
                if len(cur) >= 1 + rng.below(4):
                    paras.append(" ".join(cur))
                    cur = []
            if cur:
                paras.append(" ".join(cur))
            rec = {"id": f"bench-{i:06d}", "title": sentence()[:80], "text": "\n".join(paras)}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            i += 1


if __name__ == "__main__":
    main()
