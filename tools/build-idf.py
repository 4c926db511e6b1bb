#!/usr/bin/env python3
"""Build data/terms/idf.tsv, the background document frequencies of news-summarize and news-cluster.

usage: tools/build-idf.py [--min-df N] OUT.tsv SOURCE...

A SOURCE is NDJSON (gzip or plain) with a "text" field, one article a record (the Reuters-21578
extraction in ../shared/data/unlabeled/), or a CoNLL-2003 column file, whose -DOCSTART- lines
separate articles.  Terms follow common/terms.c exactly: maximal runs of Unicode letters
(L*) and decimal digits (Nd), lower-cased; one-character terms and the function words below left
out; a light plural stemmer (companies -> company, shares -> share).  Terms in fewer than
--min-df articles (default 2) are left out: the filter gives an unknown term the IDF of df = 1.

Output: "# docs N" then "term<TAB>df" lines, sorted by term.  Deterministic.
"""
import gzip
import json
import sys
import unicodedata

STOPWORDS = set("""a about after all also an and any are as at be been but by can could did do does for
from had has have he her him his how i if in into is it its may more most not of on or our she should
so some such than that the their them then there these they this those to up was we were what when
which who will with would you your""".split())


def is_word_char(ch):
    if ch < "\x80":
        return ch.isascii() and ch.isalnum()
    cat = unicodedata.category(ch)
    return cat[0] == "L" or cat == "Nd"


def stem(w):
    if len(w) > 4 and w.endswith("ies") and w[-4] not in "ea":
        return w[:-3] + "y"
    if len(w) > 3 and w[-1] == "s" and w[-2] not in "sui":
        return w[:-1]
    return w


def terms(text):
    out, cur = [], []
    for ch in text + " ":
        if is_word_char(ch):
            cur.append(ch.lower() if ch < "\x80" else lower_cp(ch))
        elif cur:
            w = "".join(cur)
            cur = []
            if len(w) >= 2 and w not in STOPWORDS and len(w.encode()) <= 60:
                out.append(stem(w))
    return out


def lower_cp(ch):
    # utf8proc's simple lower-case mapping is one code point; str.lower() may give more.
    lo = ch.lower()
    return lo if len(lo) == 1 else ch


def read_docs(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rt", encoding="utf-8") as f:
        first = f.readline()
        f.seek(0)
        if first.startswith("{"):
            for line in f:
                if line.strip():
                    yield json.loads(line).get("text", "")
        else:
            words = []
            for line in f:
                if line.startswith("-DOCSTART-"):
                    if words:
                        yield " ".join(words)
                    words = []
                elif line.strip():
                    words.append(line.split(" ", 1)[0])
            if words:
                yield " ".join(words)


def main():
    args = sys.argv[1:]
    min_df = 2
    if args[:1] == ["--min-df"]:
        min_df = int(args[1])
        args = args[2:]
    if len(args) < 2:
        sys.exit(__doc__.strip().splitlines()[2])
    out, sources = args[0], args[1:]
    df, ndocs = {}, 0
    for src in sources:
        for text in read_docs(src):
            ndocs += 1
            for t in set(terms(text)):
                df[t] = df.get(t, 0) + 1
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        f.write(f"# docs {ndocs}\n")
        for t in sorted(df):
            if df[t] >= min_df:
                f.write(f"{t}\t{df[t]}\n")
    import os
    os.replace(out + ".tmp", out)
    print(f"build-idf: {ndocs} documents, {sum(1 for v in df.values() if v >= min_df)} terms", file=sys.stderr)


if __name__ == "__main__":
    main()
