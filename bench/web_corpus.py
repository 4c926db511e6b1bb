#!/usr/bin/env python3
"""The benchmark corpus as a feed or a crawl, for timing news-split's web formats (make bench).

usage: web_corpus.py rss|warc|warc.gz < corpus.jsonl > out

rss:     one RSS 2.0 feed, an item per article as news sites write them: title, link, guid,
         pubDate, dc:creator, a one-paragraph description and the article as HTML in
         content:encoded (CDATA).
warc:    a WARC/1.1 file, per article a request record and a response record (HTTP 200,
         text/html; charset=utf-8) holding the article as an HTML page; warc.gz compresses
         each record as its own gzip member, as Common Crawl does.
The same articles as the NDJSON corpus, so the MB/s of news-split on them can be set beside
jq's on the corpus.  Deterministic.
"""
import gzip
import html
import json
import sys


def pages(records):
    for r in records:
        paras = r["text"].split("\n")
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
        yield r, paras, body


def rss(records, out):
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
              'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n<title>Bench News</title>\n'
              '<link>https://bench.example/</link>\n<description>Synthetic articles</description>\n')
    for k, (r, paras, body) in enumerate(pages(records)):
        day = 1 + k % 28
        out.write(f"<item><title>{html.escape(r['title'])}</title>"
                  f"<link>https://bench.example/{r['id']}.html</link>"
                  f"<guid isPermaLink=\"false\">{r['id']}</guid>"
                  f"<pubDate>Mon, {day:02d} Jan 2024 12:{k % 60:02d}:00 +0000</pubDate>"
                  f"<dc:creator>Bench Writer</dc:creator>"
                  f"<description>{html.escape(paras[0])}</description>"
                  f"<content:encoded><![CDATA[{body}]]></content:encoded></item>\n")
    out.write("</channel>\n</rss>\n")


def warc_record(rtype, uri, k, block, ctype):
    head = (f"WARC/1.1\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{k:08d}-0000-4000-8000-000000000000>\r\n"
            f"WARC-Date: 2024-01-01T12:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def warc(records, out, compress):
    k = 0
    for r, paras, body in pages(records):
        uri = f"https://bench.example/{r['id']}.html"
        page = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(r['title'])}</title>"
                f"</head><body><h1>{html.escape(r['title'])}</h1>{body}</body></html>").encode()
        req = f"GET /{r['id']}.html HTTP/1.1\r\nHost: bench.example\r\n\r\n".encode()
        resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + f"Content-Length: {len(page)}\r\n\r\n".encode() + page)
        for rec in (warc_record("request", uri, k, req, "application/http; msgtype=request"),
                    warc_record("response", uri, k + 1, resp, "application/http; msgtype=response")):
            out.write(gzip.compress(rec, compresslevel=6, mtime=0) if compress else rec)
        k += 2


def main():
    kind = sys.argv[1]
    records = (json.loads(line) for line in sys.stdin if line.strip())
    if kind == "rss":
        out = open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)
        rss(records, out)
        out.flush()
    else:
        warc(records, sys.stdout.buffer, kind == "warc.gz")
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
