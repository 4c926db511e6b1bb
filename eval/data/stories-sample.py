#!/usr/bin/env python3
"""The Reuters-21578 articles of the story set stories-dev.jsonl: the selection rule, runnable.

usage: eval/data/stories-sample.py REUTERS.jsonl.gz      (prints one id a line, in file order)

Fixed before any article was read: every article dated 2, 3 or 4 March 1987 whose title or first
paragraph (lower-cased) matches one of six topic patterns (oil, debt, soft commodities, grain,
money markets, takeovers), and every 12th of the other articles of those days, in file order.
The patterns only choose which articles are read; the stories were judged by reading them (see
README.md).  eval/eval-cluster.sh checks that the ids of stories-dev.jsonl are exactly these and
the five seeds.
"""
import gzip
import json
import re
import sys

DAYS = ("2-MAR-1987", "3-MAR-1987", "4-MAR-1987")
TOPICS = {
    "oil": r"\b(opec|oil|crude|petroleum|refiner|barrels?|bpd)\b",
    "debt": r"\b(debt|moratorium|creditors?|imf|paris club|rescheduling)\b",
    "soft": r"\b(coffee|cocoa|sugar|ico|icco)\b",
    "grain": r"\b(wheat|grains?|corn|soybeans?|maize|barley|rice)\b",
    "money": r"\b(money market|federal reserve|fed|bundesbank|bank of england|bank of japan|discount rate"
             r"|repurchase|dollar|yen|currency)\b",
    "takeover": r"\b(tender offer|takeover|merger|buyout|bid for|acquire|acquisition)\b",
}


def main():
    chosen, rest = [], []
    with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            day = r["date"].split(" ")[0]
            if day not in DAYS:
                continue
            lead = (r["title"] + " " + r["text"].split("\n")[0]).lower()
            if any(re.search(p, lead) for p in TOPICS.values()):
                chosen.append(r["id"])
            else:
                rest.append(r["id"])
    chosen += rest[::12]
    for i in sorted(chosen, key=lambda x: int(x.rsplit("-", 1)[1])):
        print(i)


if __name__ == "__main__":
    main()
