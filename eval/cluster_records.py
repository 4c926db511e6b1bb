#!/usr/bin/env python3
"""The Reuters-21578 articles of a story set as news records, for eval/eval-cluster.sh.

usage: cluster_records.py GOLD.jsonl REUTERS.jsonl.gz [--day D-MON-YYYY ...] > records.jsonl

Writes {"id","title","published","text"} for each Reuters id of GOLD (the seeds are made by
news-split and news-clean from samples/), in the order of GOLD (arrival order), with the wire's
date ("2-MAR-1987 15:01:01.79", taken as UTC) as ISO 8601 `published`.  With --day, only the
articles of those days.  Exits 1 when an id of GOLD is not in REUTERS.
"""
import gzip
import json
import sys

MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}


def iso(date):
    day, clock = date.split(" ")[:2]
    d, mon, y = day.split("-")
    return f"{int(y):04d}-{MONTHS[mon]:02d}-{int(d):02d}T{clock.split('.')[0]}Z"


def main():
    gold_path, reuters = sys.argv[1], sys.argv[2]
    days = set()
    args = sys.argv[3:]
    while args[:1] == ["--day"]:
        days.add(args[1])
        args = args[2:]
    wanted = [json.loads(l)["id"] for l in open(gold_path, encoding="utf-8") if l.strip()]
    wanted = [i for i in wanted if i.startswith("reuters21578-")]
    want, found = set(wanted), {}
    with gzip.open(reuters, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] not in want:
                continue
            found[r["id"]] = r
    missing = [i for i in wanted if i not in found]
    if missing:
        sys.exit(f"cluster_records.py: {len(missing)} ids of {gold_path} not in {reuters}: {missing[:3]}")
    out = sys.stdout
    for i in wanted:
        r = found[i]
        if days and r["date"].split(" ")[0] not in days:
            continue
        rec = {"id": i, "title": r["title"], "published": iso(r["date"]), "text": r["text"]}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
