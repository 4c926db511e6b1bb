#!/bin/sh
# show.sh - print a digest (NDJSON from digest.sh) for a human reader.
#
#   pipelines/digest.sh samples/*.txt | pipelines/show.sh
#
# Per article: title, byline, date, duplicate status, the people and
# organisations named, who said what, and the article's summary; then the
# story summary.  Needs jq.
set -eu
jq -r '
  def cut(n): if length > n then .[0:n] + "..." else . end;
  if has("group") then
    "== Story summary (\(.ids | length) articles)\n\(.summary)\n"
  else
    "== \(.id)" +
    (if .title then "\n   title:     \(.title)" else "" end) +
    (if .authors then "\n   by:        \(.authors | join(", "))" else "" end) +
    (if .published then "\n   published: \(.published)" else "" end) +
    (if .dup then "\n   duplicate of \(.dup.of) (similarity \(.dup.similarity))" else "" end) +
    (if .entities then "\n   people:    " + ([.entities[] | select(.type == "PER") | .canonical] | unique | join(", "))
       + "\n   orgs:      " + ([.entities[] | select(.type == "ORG") | .canonical] | unique | join(", ")) else "" end) +
    (if .quotes then "\n   quotes:" + ([.quotes[] | "\n     \(.speaker // "(unknown)") [\(.type)]: \(.text | cut(90))"] | join("")) else "" end) +
    (if .summary then "\n   summary:   \(.summary | cut(300))" else "" end) + "\n"
  end'
