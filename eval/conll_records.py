#!/usr/bin/env python3
"""conll_records.py - CoNLL-2003 through the record path.

Usage: conll_records.py [--sentences given|segmenter] [--errors N] BIN CONLL

Turns each CoNLL document into the record a user would have: the tokens
detokenized into running text (no space before , . ) 's n't ..., none after
( $ ..., quotation marks closed up to their words), one CoNLL sentence a
line (Reuters' headline, dateline, paragraphs and table rows are lines),
and with `--sentences given` (the default) the CoNLL sentence boundaries as
the record's `sentences` field; `--sentences segmenter` leaves the field out
so the filter segments the text itself.  Runs BIN (news-tag-entities) on the
records and scores its PER/ORG/LOC/MISC entities against the gold spans
(character offsets of the gold tokens) with exact span-and-type matching,
as eval/conlleval.py scores tags.  --errors N prints N missed and N
spurious spans with their line, for reading.
"""
import argparse
import json
import subprocess
import sys

from conlleval import spans as gold_spans

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re", "'ve",
                   "'ll", "'d", "'m", "'", "...", "'RE", "'VE", "'LL", "'D", "'M"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "C$", "A$"}
TYPES = ("PER", "ORG", "LOC", "MISC")


def read_conll(path):
    """Documents as lists of sentences of (word, tag)."""
    docs, doc, sent = [], None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if sent:
                    doc.append(sent)
                    sent = []
                continue
            if parts[0] == "-DOCSTART-":
                if doc:
                    docs.append(doc)
                doc = []
                continue
            if doc is None:
                doc = []
            sent.append((parts[0], parts[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def detokenize(words):
    """Running text of a sentence's tokens and each token's (start, end) in it."""
    out, offs, quote_open, glue = "", [], False, True
    for w in words:
        space = not glue and w not in NO_SPACE_BEFORE
        glue = False
        if w == '"':
            if quote_open:
                space = False
            else:
                glue = True
            quote_open = not quote_open
        if w in NO_SPACE_AFTER:
            glue = True
        if space:
            out += " "
        offs.append((len(out), len(out) + len(w)))
        out += w
    return out, offs


def build(doc, given):
    """The record text of a document, its sentence spans, its gold entity spans."""
    lines, sents, gold, base = [], [], set(), 0
    for sent in doc:
        words = [w for w, _ in sent]
        text, offs = detokenize(words)
        for b, e, t in gold_spans([t for _, t in sent]):
            gold.add((base + offs[b][0], base + offs[e - 1][1], t))
        lines.append(text)
        sents.append([base, base + len(text)])
        base += len(text) + 1
    rec = {"text": "\n".join(lines) + "\n"}
    if given:
        rec["sentences"] = sents
    return rec, gold


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", choices=("given", "segmenter"), default="given")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("bin")
    ap.add_argument("conll")
    a = ap.parse_args()
    docs = read_conll(a.conll)
    recs, golds = [], []
    for i, doc in enumerate(docs):
        rec, gold = build(doc, a.sentences == "given")
        recs.append(json.dumps(dict({"id": "dev-%03d" % i}, **rec)))
        golds.append(gold)
    out = subprocess.run([a.bin], input="\n".join(recs) + "\n", capture_output=True, text=True, check=True)
    preds = []
    for line in out.stdout.splitlines():
        r = json.loads(line)
        preds.append({(e["start"], e["end"], e["type"]) for e in r["entities"] if e["type"] in TYPES})
    if len(preds) != len(golds):
        sys.exit("conll_records.py: %d records in, %d out" % (len(golds), len(preds)))
    rows = []
    for t in list(TYPES) + [None]:
        tp = ng = np_ = 0
        for g, p in zip(golds, preds):
            gs = {s for s in g if t is None or s[2] == t}
            ps = {s for s in p if t is None or s[2] == t}
            tp += len(gs & ps)
            ng += len(gs)
            np_ += len(ps)
        prec = tp / np_ if np_ else 0.0
        rec = tp / ng if ng else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((t or "overall", prec, rec, f1, ng, np_))
    print("%-8s %9s %9s %9s %7s %7s" % ("type", "precision", "recall", "F1", "gold", "found"))
    for r in rows:
        print("%-8s %9.4f %9.4f %9.4f %7d %7d" % r)
    if a.errors:
        texts = [json.loads(r)["text"] for r in recs]
        shown = {"miss": 0, "spurious": 0}
        for txt, g, p in zip(texts, golds, preds):
            for kind, xs in (("miss", g - p), ("spurious", p - g)):
                for s, e, t in sorted(xs):
                    if shown[kind] >= a.errors:
                        continue
                    shown[kind] += 1
                    ls = txt.rfind("\n", 0, s) + 1
                    le = txt.find("\n", e)
                    print("%-8s %-4s %-30r in %r" % (kind, t, txt[s:e], txt[ls:le][:160]))


if __name__ == "__main__":
    main()
