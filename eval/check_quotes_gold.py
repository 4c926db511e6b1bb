#!/usr/bin/env python3
"""check_quotes_gold.py - check a quotes gold file against its article texts (stdlib only).

usage: check_quotes_gold.py [GOLD.jsonl] [DOCS.jsonl]
       defaults: eval/data/quotes-bbc-dev.jsonl, ../shared/data/summarize/bbc-dev/docs.jsonl

Checks that every offset (quote, speaker mention, cue, clause, not_quote) slices out
exactly its string in the article `text` as stored (code points, end exclusive); that
direct and partial quotes sit right after an opening quotation mark; that indirect
quotes hold no double quotation mark and no leading "that"; that a clause contains its
quote; that types are known and floating quotes have no cue; that split pieces share a
speaker; that speaker_type is PER or ORG with a speaker and null without one; that `part`,
where given, is "tune", "heldout" or "fresh".  Prints the counts; exit 0 = pass.
"""
import json
import sys

OPEN = '"\u201c\u2018\''
TYPES = ('direct', 'partial', 'indirect')


def main():
    gold = sys.argv[1] if len(sys.argv) > 1 else 'eval/data/quotes-bbc-dev.jsonl'
    docs_path = sys.argv[2] if len(sys.argv) > 2 else '../shared/data/summarize/bbc-dev/docs.jsonl'
    docs = {}
    with open(docs_path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                docs[r['id']] = r['text']
    errors = []
    counts = {t: 0 for t in TYPES}
    n_docs = deb = null = floating = nots = 0
    split_speakers = {}
    types, parts = {}, {}

    def span(doc, what, s, e, text):
        t = docs[doc]
        if s is None and text is None:
            return
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(t)) or t[s:e] != text:
            errors.append('%s: %s %r: offsets %r..%r do not slice it out' % (doc, what, text, s, e))

    with open(gold, encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            g = json.loads(line)
            d = g['doc']
            if d not in docs:
                errors.append('%s: not in %s' % (d, docs_path))
                continue
            n_docs += 1
            t = docs[d]
            if g.get('part') not in (None, 'tune', 'heldout', 'fresh'):
                errors.append('%s: bad part %r' % (d, g.get('part')))
            parts[g.get('part')] = parts.get(g.get('part'), 0) + 1
            for q in g['quotes']:
                typ = q.get('type')
                if typ not in TYPES:
                    errors.append('%s: bad type %r' % (d, typ))
                    continue
                counts[typ] += 1
                deb += bool(q.get('debatable'))
                null += q.get('speaker') is None
                st = q.get('speaker_type', 'missing')
                if (q.get('speaker') is None and st is not None) or \
                        (q.get('speaker') is not None and st not in ('PER', 'ORG')):
                    errors.append('%s: speaker %r with speaker_type %r' % (d, q.get('speaker'), st))
                types[st] = types.get(st, 0) + 1
                floating += bool(q.get('floating'))
                span(d, 'quote', q['start'], q['end'], q['text'])
                span(d, 'speaker_mention', q.get('speaker_start'), q.get('speaker_end'), q.get('speaker_mention'))
                span(d, 'cue', q.get('cue_start'), q.get('cue_end'), q.get('cue'))
                if q.get('clause'):
                    span(d, 'clause', q.get('clause_start'), q.get('clause_end'), q['clause'])
                    if not q['clause_start'] <= q['start'] < q['end'] <= q['clause_end']:
                        errors.append('%s: clause does not contain %r' % (d, q['text']))
                if q['text'] != q['text'].strip():
                    errors.append('%s: untrimmed %r' % (d, q['text']))
                if typ in ('direct', 'partial'):
                    if q['start'] == 0 or t[q['start'] - 1] not in OPEN:
                        errors.append('%s: %s quote not after an opening mark: %r' % (d, typ, q['text'][:40]))
                else:
                    if '"' in q['text'] or '\u201c' in q['text']:
                        errors.append('%s: indirect quote holds a quotation mark: %r' % (d, q['text'][:40]))
                    if q['text'].lower().startswith('that '):
                        errors.append('%s: indirect quote starts with "that": %r' % (d, q['text'][:40]))
                if q.get('floating') and q.get('cue') is not None:
                    errors.append('%s: floating quote with a cue: %r' % (d, q['text'][:40]))
                if q.get('split') is not None:
                    split_speakers.setdefault((d, q['split']), set()).add(q.get('speaker'))
            for n in g.get('not_quotes', []):
                nots += 1
                span(d, 'not_quote', n.get('start'), n.get('end'), n['text'])
    for (d, k), sp in split_speakers.items():
        if len(sp) != 1:
            errors.append('%s: split group %r has speakers %r' % (d, k, sp))
    for e in errors:
        print(e)
    print('%d articles (%s), %d quotes (direct %d, partial %d, indirect %d), speaker PER %d ORG %d null %d, '
          'debatable %d, floating %d, not_quotes %d: %s' % (
              n_docs, ', '.join('%s %d' % (k or 'no part', v) for k, v in sorted(parts.items(), key=str)),
              sum(counts.values()), counts['direct'], counts['partial'], counts['indirect'],
              types.get('PER', 0), types.get('ORG', 0), null, deb, floating, nots,
              'FAIL (%d errors)' % len(errors) if errors else 'pass'))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
