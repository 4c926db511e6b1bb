#!/usr/bin/env python3
"""Build the HTML benchmark corpus: real web pages as news-split gives them, {"id","html"}.

usage: html_corpus.py PAGES.jsonl.gz OUT.jsonl MEGABYTES

PAGES is ../shared/data/clean/aeb-dev-html.jsonl.gz (98 pages as crawled).  The pages are
written again and again, each copy with a new id, until the corpus has MEGABYTES of NDJSON.
"""
import gzip
import json
import sys


def main():
    src, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    with gzip.open(src, "rt", encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    size, copy = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while size < mb * 1e6:
            for p in pages:
                if size >= mb * 1e6:
                    break
                line = json.dumps({"id": f"{p['id']}-{copy}", "html": p["html"]}, ensure_ascii=False,
                                  separators=(",", ":")) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
            copy += 1


if __name__ == "__main__":
    main()
