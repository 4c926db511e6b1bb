#!/usr/bin/env python3
"""Score news-clean output (stdlib only).

usage:
  score_clean.py aeb GOLD.jsonl[.gz] PRED.jsonl [-v] [--label NAME]
      Token-shingle precision/recall/F1 as in the article-extraction-benchmark's
      evaluate.py (see ../shared/data/clean/README.md): tokens are \\w+ runs,
      items are 4-token shingles counted as multisets, per-page TP/FP/FN are
      normalised, P and R are means over pages, F1 comes from the two means.
      Printed for English pages and for all pages, with the number of pages
      whose gold body has 50 words or more and whose prediction is empty.
      Records are matched by id.
  score_clean.py copy INPUT.jsonl[.gz] PRED.jsonl NAME
      Clean copy (text with no chrome): PRED is `news-clean --explain` output.
      Prints the share of the input's non-blank lines that were removed (the
      `removed` entries, and every line of a record missing from the output),
      and the `published` values news-clean set (records that had none), with
      how many came from a line that is a sentence of the body.
  score_clean.py seeds CATEGORIES.json PRED.jsonl
      PRED is `news-clean --explain` output on the seed articles (ids are the
      file names without .txt, as news-split gives them).  For each seed:
      chrome lines removed, metadata lines removed, body lines lost, using the
      line numbers of the `removed` field.
"""
import gzip
import json
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+")


def shingles(text, n=4):
    toks = TOKEN.findall(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_scores(pred, gold):
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    if fp == 0 and fn == 0:
        return 1.0, 1.0, bool(p), bool(g)
    return (tp / (tp + fp) if p else None), (tp / (tp + fn) if g else None), bool(p), bool(g)


def summarize(rows):
    ps = [r[0] for r in rows if r[0] is not None]
    rs = [r[1] for r in rows if r[1] is not None]
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return P, R, F


def records(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load(path):
    return {d["id"]: d for d in records(path)}


def aeb(gold_path, pred_path, verbose=False, label="aeb-dev"):
    gold, pred = load(gold_path), load(pred_path)
    rows = {"en": [], "all": []}
    worst = []
    long_gold = emptied = 0
    for pid, g in gold.items():
        text = pred[pid].get("text", "") if pid in pred else ""
        s = page_scores(text, g["gold"])
        rows["all"].append(s)
        if g.get("lang") == "en":
            rows["en"].append(s)
        worst.append((summarize([s])[2], pid, g["url"]))
        if len(TOKEN.findall(g["gold"])) >= 50:
            long_gold += 1
            emptied += not TOKEN.search(text)
    for name in ("en", "all"):
        P, R, F = summarize(rows[name])
        print(f"{label} {name:3s} pages={len(rows[name]):3d}  P={P:.3f}  R={R:.3f}  F1={F:.3f}")
    print(f"{label}: {emptied} of the {long_gold} pages with a gold body of 50+ words came out empty")
    missing = [k for k in gold if k not in pred]
    if missing:
        print(f"{label}: {len(missing)} pages missing from the output (scored as empty)")
    if verbose:
        for f1, pid, url in sorted(worst)[:15]:
            print(f"  {f1:.3f} {pid[:12]} {url}")


def seeds(cat_path, pred_path):
    cats = json.load(open(cat_path, encoding="utf-8"))
    pred = load(pred_path)
    tot = Counter()
    for name in sorted(cats):
        rid = name[:-4] if name.endswith(".txt") else name
        rec = pred.get(rid)
        if rec is None:
            print(f"{name}: no output record")
            tot["missing"] += 1
            continue
        removed = {r["line"] for r in rec.get("removed", [])}
        chrome = set(cats[name]["chrome"])
        meta = set(cats[name]["meta"])
        debatable = set(cats[name]["debatable"])
        marked = chrome | meta
        # Body lines: every non-blank line of the original text not marked.
        src = rec.get("_source_lines")
        nlines = None
        if src is None:
            try:
                with open(f"{seed_dir}/{name}", encoding="utf-8") as f:
                    src = f.read().split("\n")
            except OSError:
                src = []
        nlines = [i + 1 for i, l in enumerate(src) if l.strip()]
        body = [n for n in nlines if n not in marked]
        lost = sorted(n for n in body if n in removed)
        ch = len(chrome & removed)
        me = len(meta & removed)
        mestrict = len((meta - debatable) & removed)
        print(f"{name}: chrome removed {ch}/{len(chrome)}  meta removed {me}/{len(meta)} "
              f"(not debatable {mestrict}/{len(meta - debatable)})  body lost {len(lost)}/{len(body)}"
              + (f" lines {lost}" if lost else "")
              + (f"  chrome kept {sorted(chrome - removed)}" if chrome - removed else "")
              + (f"  meta kept {sorted(meta - removed)}" if meta - removed else ""))
        for k, v in (("chrome", len(chrome)), ("chrome_rm", ch), ("meta", len(meta)), ("meta_rm", me),
                     ("meta_nd", len(meta - debatable)), ("meta_nd_rm", mestrict),
                     ("body", len(body)), ("lost", len(lost))):
            tot[k] += v
    print(f"seeds total: chrome removed {tot['chrome_rm']}/{tot['chrome']}, "
          f"metadata removed {tot['meta_rm']}/{tot['meta']} (not debatable {tot['meta_nd_rm']}/{tot['meta_nd']}), "
          f"body lines lost {tot['lost']}/{tot['body']}")
    fields = Counter()
    for rid, rec in pred.items():
        for k in ("title", "authors", "published"):
            if k in rec:
                fields[k] += 1
    print(f"seeds fields set: title {fields['title']}/{len(pred)}, authors {fields['authors']}/{len(pred)}, "
          f"published {fields['published']}/{len(pred)}")


def is_sentence(line):
    """A line of prose: six words or more and a final stop."""
    return len(TOKEN.findall(line)) >= 6 and line.rstrip().rstrip('"\'”’)').endswith((".", "!", "?"))


def copy(input_path, pred_path, name):
    pred = load(pred_path)
    lines = lost = records_in = 0
    published = from_sentence = 0
    for rec in records(input_path):
        records_in += 1
        n = sum(1 for l in rec.get("text", "").split("\n") if l.strip())
        lines += n
        out = pred.get(rec["id"])
        if out is None:
            lost += n
            continue
        removed = out.get("removed", [])
        lost += len(removed)
        if "published" in out and not rec.get("published"):
            published += 1
            dates = [r["text"] for r in removed if r["reason"].startswith("dates:")]
            from_sentence += any(is_sentence(t) for t in dates) or not dates
    share = 100.0 * lost / lines if lines else 0.0
    print(f"{name}: {records_in} articles, {lines} body lines, {lost} lost ({share:.3f}%); "
          f"published set on {published} (from a body sentence: {from_sentence})")


seed_dir = "samples"

if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "aeb":
        opts = sys.argv[4:]
        label = opts[opts.index("--label") + 1] if "--label" in opts[:-1] else "aeb-dev"
        aeb(sys.argv[2], sys.argv[3], verbose="-v" in opts, label=label)
    elif len(sys.argv) == 5 and sys.argv[1] == "copy":
        copy(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) >= 4 and sys.argv[1] == "seeds":
        if len(sys.argv) > 4:
            seed_dir = sys.argv[4]
        seeds(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
