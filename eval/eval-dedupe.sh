#!/bin/sh
# eval/eval-dedupe.sh - duplicate detection quality of news-dedupe.
#
# On $SHARED/data/dedupe/bbc-synth-dev (real BBC articles with synthetic
# wire copies; README there) prints adjusted Rand index and pair
# precision/recall/F1 of the clusters against gold (eval/score_dedupe.py):
#   - document level, one process, default options;
#   - document level through the map/reduce form (--emit-keys | sort |
#     --reduce), and whether its clusters equal the single-process ones;
#   - paragraph level, on the one-paragraph-per-record file and on the
#     articles themselves (--level paragraph, paragraph_clusters), each
#     with and without the outlet boilerplate clusters.
# Extra arguments go to news-dedupe (e.g. --threshold 0.5).  Without
# $SHARED/data it says what it skips and exits 0.
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
dev=$SHARED/data/dedupe/bbc-synth-dev
need_data "near-duplicate dev set" "$dev/docs.jsonl"
need_bin news-dedupe
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
score() { python3 eval/score_dedupe.py "$@"; }
status=0

"$BIN/news-dedupe" --clusters "$@" "$dev/docs.jsonl" >"$tmp/doc.jsonl" || status=1
score --label "document, single process" "$dev/gold.jsonl" "$tmp/doc.jsonl"

"$BIN/news-dedupe" --emit-keys "$@" "$dev/docs.jsonl" | LC_ALL=C sort | "$BIN/news-dedupe" --reduce "$@" \
	>"$tmp/mr.jsonl" || status=1
score --label "document, map | sort | reduce" "$dev/gold.jsonl" "$tmp/mr.jsonl"
python3 - "$tmp/doc.jsonl" "$tmp/mr.jsonl" <<'EOF'
import json, sys
def load(p):
    return {r["id"]: (r.get("cluster"), (r.get("dup") or {}).get("of"))
            for r in map(json.loads, open(p, encoding="utf-8")) if r}
a, b = load(sys.argv[1]), load(sys.argv[2])
same = sum(1 for i in a if b.get(i) == a[i])
print(f"map/reduce vs single process: {same} of {len(a)} records with the same cluster and match"
      + (" (identical)" if same == len(a) == len(b) else " (DIFFERENT)"))
EOF

"$BIN/news-dedupe" --level paragraph --clusters "$@" "$dev/para/docs.jsonl" >"$tmp/para.jsonl" || status=1
score --label "paragraph records, all" "$dev/para/gold.jsonl" "$tmp/para.jsonl"
score --label "paragraph records, no boiler:" --exclude-prefix boiler: "$dev/para/gold.jsonl" "$tmp/para.jsonl"

# The same task inside whole articles: paragraph_clusters gives one cluster
# per paragraph (blank-line separated), in order.  The gold numbers
# paragraphs "D#n" the same way, except that about 30 gold paragraphs hold a
# byline, a blank line and the next paragraph: such a gold paragraph takes
# the cluster of its last part (the article's own text).
"$BIN/news-dedupe" --level paragraph --clusters "$@" "$dev/docs.jsonl" | python3 -c '
import json, sys
from collections import defaultdict
gold = defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    doc, n = r["id"].rsplit("#", 1)
    gold[doc].append((int(n), r["id"], r["text"]))
for line in sys.stdin:
    r = json.loads(line)
    mine = r["text"].split("\n\n")
    clusters = r.get("paragraph_clusters", [])
    if len(clusters) != len(mine):
        continue
    i = 0
    for _, pid, text in sorted(gold[r["id"]]):
        parts = text.count("\n\n") + 1
        i += parts
        if i <= len(clusters):
            print(json.dumps({"id": pid, "cluster": clusters[i - 1]}))
' "$dev/para/docs.jsonl" >"$tmp/para-in-docs.jsonl" || status=1
score --label "paragraphs in articles, all" "$dev/para/gold.jsonl" "$tmp/para-in-docs.jsonl"
score --label "paragraphs in articles, no boiler:" --exclude-prefix boiler: "$dev/para/gold.jsonl" \
	"$tmp/para-in-docs.jsonl"
exit $status
