#!/usr/bin/env python3
"""Generate the benchmark corpus: distinct synthetic articles from the samples' sentences.

usage: gen_corpus.py SENTENCES.jsonl OUT.jsonl MEGABYTES

SENTENCES.jsonl is news-split --explode=sentence output of samples/.  Each article takes
20-40 sentences chosen by a fixed pseudo-random sequence, in paragraphs of 1-4 sentences,
so the corpus is the same on every machine and its articles are not copies of each other.
"""
import json
import sys


def main():
    src, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    sents = [json.loads(l)["text"] for l in open(src, encoding="utf-8") if l.strip()]
    state = 12345
    def rnd(n):
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (state >> 33) % n
    limit = int(mb * 1e6)
    size = 0
    i = 0
    with open(out, "w", encoding="utf-8") as f:
        while size < limit:
            k = 20 + rnd(21)
            paras, cur = [], []
            for _ in range(k):
                cur.append(sents[rnd(len(sents))])
                if len(cur) >= 1 + rnd(4):
                    paras.append(" ".join(cur))
                    cur = []
            if cur:
                paras.append(" ".join(cur))
            rec = {"id": f"bench-{i:06d}", "title": sents[rnd(len(sents))][:80], "text": "\n".join(paras)}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            i += 1


if __name__ == "__main__":
    main()
