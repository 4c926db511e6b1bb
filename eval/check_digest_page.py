#!/usr/bin/env python3
"""Check that a news-digest page (or the DOM a browser built from it) is safe and self-contained.

usage: check_digest_page.py PAGE.html [--text STRING]...
       check_digest_page.py --each-fails PAGE.html...   (the checker's own test: exit 0 if every page fails)

Parses the page with Python's html.parser (a tokenizer that follows the HTML5 rules for tags,
attributes and character references) and fails, naming what it found, on:
  - any element outside the few the page is made of (no script, img, iframe, svg, object, link,
    form, input, base, ...), any attribute outside a short list (no on* handler, style, src...);
  - an href that is neither one of the page's own anchors (#story-N...) nor an http(s) URL free of
    spaces, quotes and angle brackets;
  - more than one <style>, CSS that fetches anything (url(, @import), a missing
    Content-Security-Policy with default-src 'none';
and, with --text, unless each STRING appears in the page's text (the payloads shown as text).
Prints "ok: N elements" and exits 0, or prints the problems and exits 1.
"""
import re
import sys
from html.parser import HTMLParser

TAGS = {"html", "head", "meta", "title", "style", "body", "div", "header", "h1", "h2", "h3", "h4", "p", "span",
        "nav", "ol", "ul", "li", "a", "main", "article", "section", "aside", "q", "time", "footer"}
ATTRS = {"class", "id", "href", "rel", "title", "datetime", "lang", "charset", "name", "content", "http-equiv",
         "aria-label", "aria-labelledby"}
URL = re.compile(r"^https?://[^\s\"'<>\\`]+$", re.I)
ANCHOR = re.compile(r"^#story-\d+(-a\d+)?$")


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text, self.css, self.n, self.csp = [], [], [], 0, False
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.n += 1
        if tag not in TAGS:
            self.problems.append(f"element <{tag}>")
        for k, v in attrs:
            if k not in ATTRS:
                self.problems.append(f"attribute {k}={v!r} on <{tag}>")
            if k == "href" and not (ANCHOR.match(v or "") or URL.match(v or "")):
                self.problems.append(f"href {v!r}")
            if k == "http-equiv" and (v or "").lower() == "content-security-policy":
                content = dict(attrs).get("content", "")
                self.csp = "default-src 'none'" in content and "script-src" not in content
            elif k == "http-equiv":
                self.problems.append(f"meta http-equiv={v!r}")
        if tag == "style":
            self.in_style = True
            self.css.append("")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.css[-1] += data
        else:
            self.text.append(data)


def problems(path, want):
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    p.close()
    if len(p.css) != 1:
        p.problems.append(f"{len(p.css)} <style> elements")
    for css in p.css:
        if re.search(r"url\s*\(|@import", css, re.I):
            p.problems.append("CSS that loads something")
    if not p.csp:
        p.problems.append("no Content-Security-Policy with default-src 'none'")
    text = "".join(p.text)
    for w in want:
        if w not in text:
            p.problems.append(f"text not shown: {w!r}")
    return p.problems, p.n


def main():
    args = sys.argv[1:]
    if args[0] == "--each-fails":
        passed = [path for path in args[1:] if not problems(path, [])[0]]
        for path in passed:
            print(f"{path}: not caught")
        return 1 if passed else 0
    path = args[0]
    want = [args[i + 1] for i, a in enumerate(args) if a == "--text"]
    found, n = problems(path, want)
    for x in found:
        print(f"{path}: {x}")
    if found:
        return 1
    print(f"ok: {n} elements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
