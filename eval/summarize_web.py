#!/usr/bin/env python3
"""Single-article summaries of web articles with their captions left in: a dev proxy.

usage: eval/summarize_web.py BIN_DIR CLEAN_DIR

We have no CNN/DailyMail data.  What makes those articles hard for a summarizer is the web page
furniture left inside the article's text: photo captions and credits, "Related:" and "Read
more" links, in-article ads, subheadings, mostly without final punctuation, so that a segmenter
glues them to the next sentence.  This proxy rebuilds such texts from real pages:

  CLEAN_DIR/aeb-dev.jsonl  (the article-extraction benchmark's dev pages, rendered one block a
  line, with the gold article body) and aeb-dev-html.jsonl.gz (the same pages' HTML).

For each English page, the article is its lines from the first body line to the last, with every
line in between kept: body lines and the furniture between them (lines not in the gold body).
The furniture is what the page itself put inside the article, so it is on topic, as captions are.
Three ways a pipeline may hand such an article over:

  lines    one block a line (as news-clean writes text when it keeps a caption);
  cnn-dm   the blocks joined by a space, " ." added to a block without final punctuation (how the
           CNN/DailyMail data set builds its `article` field);
  run-on   the blocks joined by a space with nothing added (captions run into the next sentence);
  cnn-dm+header  cnn-dm with the page's short lines right before the body (bylines, dates,
           credits, share bars; not the headline), as a DailyMail story opens with "By . Author .
           PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: ...".

Systems: LEAD-3 (the first three sentences news-split finds: what a reader of the first three
sentences gets), `news-summarize --method lead` and `news-summarize`, both with their default
length, and `news-summarize --sentences 3` (LEAD-3's length in sentences).  Figures: mean words; furniture share (of the summary's characters, the share from lines
that are not body); summaries over 100 words.  ROUGE only where a reference exists: the page's
own description (<meta name="description"> or og:description) when it is not a copy of the
body's opening, an editor's summary of the story, like a CNN/DailyMail highlight but shorter.

With so few references the mean hides much: each form ends with news-summarize against LEAD-3
page by page (R-2 F differences: their mean, a bootstrap 95% interval, pages better and worse).

Limits: 86 pages (the references exist for fewer), many of them not news; the furniture is what
each page's template puts inside its article, not the CNN/DailyMail sites'; the descriptions are
one or two sentences, so ROUGE there rewards the story's main point, much as highlights do, with
large variance.
"""
import gzip
import html.parser
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rouge  # noqa: E402

END = (".", "!", "?", "...", "'", "`", '"', "\u2019", "\u201d", ")")


class PageMeta(html.parser.HTMLParser):
    """The page's description (og:description, else twitter:description, else description) and titles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = {}
        self.titles = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
            self.titles.append("")
        if tag != "meta":
            return
        a = dict(attrs)
        key = (a.get("property") or a.get("name") or "").lower()
        if key in ("og:description", "twitter:description", "description", "og:title", "twitter:title") \
                and a.get("content"):
            self.found.setdefault(key, a["content"].strip())

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title and self.titles:
            self.titles[-1] += data

    def description(self):
        for k in ("og:description", "twitter:description", "description"):
            if self.found.get(k):
                return self.found[k]
        return None

    def headlines(self):
        return [norm(t) for t in self.titles + [self.found.get("og:title", ""), self.found.get("twitter:title", "")]
                if t.strip()]


def norm(s):
    return " ".join(words(s))


def words(s):
    return re.findall(r"\w+", s.lower())


def is_headline(line, headlines):
    """The page's own headline (its <title> or og:title holds the line's words in order)."""
    n = norm(line)
    return bool(n) and any(n in h for h in headlines)


def articles(clean_dir):
    """(id, [(line, is_body)], reference or None, header lines) for each English page.

    The header: up to four short lines (ten words or fewer) right before the body that are not
    the headline: bylines, dates, credits, share bars, as a page (or a DailyMail story's
    "By . Author . PUBLISHED: ..." opening) puts them before the first sentence.
    """
    refs, heads = {}, {}
    with gzip.open(os.path.join(clean_dir, "aeb-dev-html.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            p = PageMeta()
            try:
                p.feed(r["html"])
            except Exception:  # a broken page has no usable description
                pass
            refs[r["id"]] = p.description()
            heads[r["id"]] = p.headlines()
    out = []
    with open(os.path.join(clean_dir, "aeb-dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("lang") != "en":
                continue
            gold = set(x.strip() for x in r["gold"].split("\n") if x.strip())
            lines = [x.strip() for x in r["text"].split("\n") if x.strip()]
            idx = [i for i, x in enumerate(lines) if x in gold]
            if not idx:
                continue
            block = [(x, x in gold) for x in lines[idx[0]:idx[-1] + 1]]
            header = []
            for x in reversed(lines[max(0, idx[0] - 4):idx[0]]):
                if len(x.split()) > 10 or is_headline(x, heads.get(r["id"], [])) or x in gold:
                    break
                header.insert(0, (x, False))
            ref = refs.get(r["id"])
            body = " ".join(words(r["gold"]))
            # A description that repeats the body's words is the lead, not an editor's summary.
            if ref and (len(words(ref)) < 8 or " ".join(words(ref)[:8]) in body):
                ref = None
            out.append((r["id"], block, ref, header))
    return out


def render(block, form):
    """The article text and the code-point span of each line in it."""
    parts, spans, at = [], [], 0
    sep = "\n" if form == "lines" else " "
    for k, (line, _) in enumerate(block):
        if form == "cnn-dm" and not line.endswith(END):
            line += " ."
        if k:
            parts.append(sep)
            at += len(sep)
        spans.append((at, at + len(line)))
        parts.append(line)
        at += len(line)
    return "".join(parts), spans


def furniture_chars(spans, block, s, e):
    """Characters of [s, e) on lines that are not body."""
    n = 0
    for (a, b), (_, body) in zip(spans, block):
        if not body:
            n += max(0, min(b, e) - max(a, s))
    return n


def run(prog, args, recs):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")
    r = subprocess.run([prog] + args, input=data, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"summarize_web.py: {os.path.basename(prog)} failed: {r.stderr.decode('utf-8', 'replace')[:300]}")
    return {json.loads(x)["id"]: json.loads(x) for x in r.stdout.decode("utf-8").splitlines()}


def main():
    bin_dir, clean_dir = sys.argv[1], sys.argv[2]
    arts = articles(clean_dir)
    nref = sum(1 for _, _, ref, _ in arts if ref)
    print(f"aeb-web (dev proxy for web articles with captions): {len(arts)} English pages, "
          f"{nref} with an editor's description as reference")
    print(f"{'form':<13} {'system':<30} {'words':>6} {'furniture':>9} {'>100w':>6} {'R-1 F':>7} {'R-2 F':>7}")
    for form in ("lines", "cnn-dm", "run-on", "cnn-dm+header"):
        recs, meta = [], {}
        for aid, block, ref, header in arts:
            if form.endswith("+header"):
                block = header + block
            text, spans = render(block, form.split("+")[0])
            recs.append({"id": aid, "text": text})
            meta[aid] = (text, spans, block, ref)
        split = run(os.path.join(bin_dir, "news-split"), ["--format=ndjson"], recs)
        systems = {"LEAD-3": {aid: [(s, e) for s, e in split[aid]["sentences"][:3]] for aid in meta}}
        for label, args in (("news-summarize --method lead", ["--method", "lead"]), ("news-summarize", []),
                            ("news-summarize --sentences 3", ["--sentences", "3"])):
            out = run(os.path.join(bin_dir, "news-summarize"), args, recs)
            systems[label] = {aid: [(x["start"], x["end"]) for x in out[aid]["summary_sentences"]] for aid in meta}
        per_article = {}
        for label, picks in systems.items():
            nw = fur = tot = long_ = 0
            r1 = r2 = 0.0
            per_article[label] = []
            for aid, (text, spans, block, ref) in meta.items():
                summ = " ".join(" ".join(text[s:e].split()) for s, e in picks[aid])
                w = len(summ.split())
                nw += w
                long_ += w > 100
                for s, e in picks[aid]:
                    fur += furniture_chars(spans, block, s, e)
                    tot += e - s
                if ref:
                    r1 += rouge.score(summ, [ref], 1, stem=True)[2]
                    r2 += rouge.score(summ, [ref], 2, stem=True)[2]
                    per_article[label].append(rouge.score(summ, [ref], 2, stem=True)[2])
            n = len(meta)
            print(f"{form:<13} {label:<30} {nw / n:6.1f} {fur / max(tot, 1):9.3f} {long_:6d} "
                  f"{r1 / max(nref, 1):7.3f} {r2 / max(nref, 1):7.3f}")
        paired(form, per_article["news-summarize"], per_article["LEAD-3"])


def paired(form, ours, lead):
    """news-summarize against LEAD-3, page by page: R-2 F wins and losses, a bootstrap 95% interval."""
    d = [a - b for a, b in zip(ours, lead)]
    if not d:
        return
    rng = random.Random(14)  # a fixed seed: the same figures every run
    means = sorted(sum(rng.choice(d) for _ in d) / len(d) for _ in range(2000))
    print(f"{form:<13} {'news-summarize - LEAD-3, R-2 F':<30} mean {sum(d) / len(d):+.4f}, "
          f"95% CI [{means[49]:+.4f}, {means[1949]:+.4f}]; pages better {sum(x > 0.001 for x in d)}, "
          f"worse {sum(x < -0.001 for x in d)}, same {sum(abs(x) <= 0.001 for x in d)}")


if __name__ == "__main__":
    main()
