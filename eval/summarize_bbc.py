#!/usr/bin/env python3
"""Score news-summarize on the BBC development set (../shared/data/summarize/bbc-dev).

usage: eval/summarize_bbc.py BIN_DIR BBC_DIR [SYNTH_DIR]

For each article the summary gets the length of its reference: k sentences (k = the reference's
sentence count, as the README's LEAD-k), and, separately, the reference's word count (--words);
then the filter's default length.  Runs `news-summarize --method rank` and `--method lead` at those
lengths, and LEAD-3 (news-split's first three sentences), and prints ROUGE-1 and ROUGE-2 recall,
precision and F1 (stemmed, ROUGE-1.5.5 style: eval/rouge.py) and the mean words of the summaries,
one line a system; the references' mean words and sentences head the table.  Then the headline as
a short editor's summary (articles given without their title): ROUGE recall of LEAD-3 and of the
default summary.

With SYNTH_DIR (../shared/data/dedupe/bbc-synth-dev: wire-style copies of the same BBC articles,
with datelines, outlet boilerplate, inserted local paragraphs, abridged endings), a multi-document
check: every cluster of 3 or more copies is one group (--group-by cluster, 100 words, the DUC
setting), scored with ROUGE -l 100 against the reference summary of the cluster's source article.
A proxy only: the copies are far more alike than the articles of a DUC story.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rouge  # noqa: E402


def run(bin_dir, method, opt, docs):
    """Summaries {id: text}: one run of the filter per distinct length (opt None: the default)."""
    by_len = {}
    for d, n in docs:
        by_len.setdefault(n, []).append(d)
    out = {}
    for n, ds in sorted(by_len.items(), key=lambda x: x[0] or 0):
        data = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in ds).encode("utf-8")
        r = subprocess.run([os.path.join(bin_dir, "news-summarize"), "--method", method] + ([opt, str(n)] if opt else []),
                           input=data, capture_output=True)
        if r.returncode != 0:
            sys.exit(f"summarize_bbc.py: news-summarize failed: {r.stderr.decode('utf-8', 'replace')[:300]}")
        for line in r.stdout.decode("utf-8").splitlines():
            rec = json.loads(line)
            out[rec["id"]] = rec["summary"]
    return out


def main():
    bin_dir, bbc = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.environ.setdefault("NEWSPIPE_DATA", os.path.join(root, "data"))
    docs = [json.loads(l) for l in open(os.path.join(bbc, "docs.jsonl"), encoding="utf-8") if l.strip()]
    refs = {}
    for l in open(os.path.join(bbc, "refs.jsonl"), encoding="utf-8"):
        if l.strip():
            r = json.loads(l)
            refs[r["id"]] = r["summary"]
    docs = [d for d in docs if d["id"] in refs]
    nref = sum(len(refs[d["id"]].split()) for d in docs) / len(docs)
    sref = sum(len([x for x in refs[d["id"]].split("\n") if x.strip()]) for d in docs) / len(docs)
    print(f"bbc-dev: {len(docs)} articles; ROUGE-1.5.5-style, Porter-stemmed (-m), no length limit on scoring; "
          f"references: {nref:.1f} words, {sref:.1f} sentences on average")
    print(f"{'system':<34} {'R-1 R':>7} {'R-1 P':>7} {'R-1 F':>7} {'R-2 R':>7} {'R-2 P':>7} {'R-2 F':>7} {'words':>6}")
    for opt, label, length in (("--sentences", "k sentences", lambda r: len([x for x in r.split("\n") if x.strip()])),
                               ("--words", "reference's words", lambda r: len(r.split())),
                               (None, "default length", None)):
        sized = [(d, length(refs[d["id"]]) if length else None) for d in docs]
        for method in ("lead", "rank"):
            summ = run(bin_dir, method, opt, sized)
            tot = [0.0] * 6
            nw = 0
            for d in docs:
                s = summ.get(d["id"], "")
                nw += len(s.split())
                for n in (1, 2):
                    r, p, f = rouge.score(s, [refs[d["id"]]], n, stem=True)
                    tot[(n - 1) * 3:(n - 1) * 3 + 3] = [a + b for a, b in zip(tot[(n - 1) * 3:(n - 1) * 3 + 3], (r, p, f))]
            m = len(docs)
            print(f"{method + ', ' + label:<34} " + " ".join(f"{v / m:7.3f}" for v in tot) + f" {nw / m:6.1f}")
    # LEAD-3: the first three sentences, whatever they are (news-split's sentences).
    split = subprocess.run([os.path.join(bin_dir, "news-split"), "--format=ndjson"],
                           input="".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n"
                                         for d in docs).encode("utf-8"), capture_output=True)
    if split.returncode == 0:
        tot = [0.0] * 6
        nw = 0
        for line in split.stdout.decode("utf-8").splitlines():
            r = json.loads(line)
            s = " ".join(r["text"][a:b] for a, b in r["sentences"][:3])
            nw += len(s.split())
            for n in (1, 2):
                rr, p, f = rouge.score(s, [refs[r["id"]]], n, stem=True)
                tot[(n - 1) * 3:(n - 1) * 3 + 3] = [a + b for a, b in zip(tot[(n - 1) * 3:(n - 1) * 3 + 3], (rr, p, f))]
        print(f"{'LEAD-3 (first three sentences)':<34} " + " ".join(f"{v / len(docs):7.3f}" for v in tot) +
              f" {nw / len(docs):6.1f}")
        headline(bin_dir, docs, split.stdout.decode("utf-8"))
    if len(sys.argv) > 3 and os.path.isfile(os.path.join(sys.argv[3], "gold.jsonl")):
        multi(bin_dir, sys.argv[3], refs)


def headline(bin_dir, docs, split_out):
    """The headline as a short editor's summary: how much of it the default summary covers.

    The articles go in without their title (news-summarize would otherwise score sentences by
    it); ROUGE-1/2 recall of the headline's words, default length against LEAD-3.
    """
    untitled = [({"id": d["id"], "text": d["text"]}, None) for d in docs]
    ours = run(bin_dir, "rank", None, untitled)
    lead3 = {}
    for line in split_out.splitlines():
        r = json.loads(line)
        lead3[r["id"]] = " ".join(r["text"][a:b] for a, b in r["sentences"][:3])
    print("bbc-dev headlines as references (articles given without their title): ROUGE recall, stemmed")
    print(f"{'system':<34} {'R-1 R':>7} {'R-2 R':>7} {'words':>6}")
    for label, summ in (("LEAD-3 (first three sentences)", lead3), ("rank, default length", ours)):
        r1 = r2 = nw = 0.0
        for d in docs:
            s = summ.get(d["id"], "")
            nw += len(s.split())
            r1 += rouge.score(s, [d["title"]], 1, stem=True)[0]
            r2 += rouge.score(s, [d["title"]], 2, stem=True)[0]
        m = len(docs)
        print(f"{label:<34} {r1 / m:7.3f} {r2 / m:7.3f} {nw / m:6.1f}")


def multi(bin_dir, synth, refs):
    docs = {}
    for l in open(os.path.join(synth, "docs.jsonl"), encoding="utf-8"):
        if l.strip():
            d = json.loads(l)
            docs[d["id"]] = d
    clusters = {}
    for l in open(os.path.join(synth, "gold.jsonl"), encoding="utf-8"):
        if l.strip():
            g = json.loads(l)
            clusters.setdefault(g["cluster"], []).append(g["id"])
    groups = {c: ids for c, ids in clusters.items() if len(ids) >= 3 and c.startswith("bbc-") and c[4:] in refs}
    data = "".join(json.dumps({"id": i, "cluster": c, "text": docs[i]["text"]}, ensure_ascii=False) + "\n"
                   for c in sorted(groups) for i in groups[c]).encode("utf-8")
    print(f"bbc-synth-dev: {len(groups)} clusters of 3+ copies as groups; 100 words; ROUGE -l 100, stemmed")
    print(f"{'system':<34} {'R-1 R':>7} {'R-1 F':>7} {'R-2 R':>7} {'R-2 F':>7}")
    for method in ("lead", "rank"):
        r = subprocess.run([os.path.join(bin_dir, "news-summarize"), "--method", method, "--group-by", "cluster",
                            "--groups-only", "--words", "100"], input=data, capture_output=True)
        if r.returncode != 0:
            sys.exit(f"summarize_bbc.py: news-summarize failed: {r.stderr.decode('utf-8', 'replace')[:300]}")
        tot = [0.0] * 4
        for line in r.stdout.decode("utf-8").splitlines():
            rec = json.loads(line)
            ref = refs[rec["group"][4:]]
            r1 = rouge.score(rec["summary"], [ref], 1, stem=True, words=100)
            r2 = rouge.score(rec["summary"], [ref], 2, stem=True, words=100)
            tot = [a + b for a, b in zip(tot, (r1[0], r1[2], r2[0], r2[2]))]
        print(f"{method + ', group of copies':<34} " + " ".join(f"{v / len(groups):7.3f}" for v in tot))


if __name__ == "__main__":
    main()
