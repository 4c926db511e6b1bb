#!/usr/bin/env python3
"""score_quotes.py - score news-extract-quotes output against hand-annotated quotes (stdlib only).

usage: score_quotes.py --gold GOLD.jsonl (--docs DOCS.jsonl | --texts DIR) [options] SYSTEM.ndjson

GOLD    one article a line: {"doc", "quotes": [...], "not_quotes": [...]}, as
        eval/data/quotes-bbc-dev.jsonl or ../shared/data/seeds-gold/quotes.jsonl.
        Gold offsets (start/end, code points, end exclusive) refer to the
        REFERENCE text of the article:
--docs  NDJSON {"id", "text"} (the BBC docs.jsonl): gold `doc` = record `id`;
--texts a folder of raw files (the seed samples): gold `doc` = file name.
SYSTEM  news-extract-quotes output: one record per article, {"id", "text",
        "quotes": [{"text", "start", "end", "type", "speaker", ...}]}.  A
        record's id is matched to the gold `doc` with any ".txt" removed.  The
        system's offsets refer to ITS `text` field (-f), which news-clean may
        have changed.

Placing gold quotes in the system text.  When the system text slices out the
same string at the gold offsets, the offsets are used as they are.  Otherwise
the quote is re-located by its text, normalised on both sides (NFKC, curly
quotes -> straight, dashes -> '-', whitespace runs -> one space), and among
several occurrences the one whose surrounding text (60 characters each side)
agrees best with the reference wins; ties go to position order.  A gold quote
that cannot be found (news-clean dropped its line) counts as missed and is
reported.

Matching.  System and gold quotes are paired one-to-one, greedily by overlap
ratio (overlap / longer span), under two rules:
  strict   overlap >= 50% of the LONGER span (both ends roughly right);
  lenient  any overlap of at least one character.
A gold partial quote with a `clause` (the reported clause around the quoted
fragment) also accepts a system span over that clause, as the seeds README
asks.  Types are not required to agree for a match; type agreement is
reported separately.  Per-type recall counts gold quotes of that type;
per-type precision counts system quotes of that type.

Split quotes.  Gold pieces with the same `split` id ("A," X said, "B.") are
one gold quote: a system span from A to B matches it, and so does either
piece; the other piece, if the system gives it too, is ignored.  Likewise
partial quotes that share one `clause` (he was "lewd" and "offensive") are
one gold quote: the clause matches it, and so does either fragment.

Optional gold.  `debatable: true` quotes, and quotes whose `zone` is not
"body" (the seeds' headline and standfirst), are optional: a system quote
matched to one is neither a true nor a false positive, and missing one costs
nothing.

Speaker.  On quotes matched under the lenient rule (core gold only), the
system speaker is compared with the gold canonical name after normalisation
(NFKC, case-fold, possessive 's and punctuation removed, a leading "the"
dropped).  Gold null and system null agree; null against a name is wrong.
`speaker(exact)` asks equal normalised names; `speaker(loose)` also accepts a
name whose words are a subset of the other's ("Altman" for "Sam Altman").
A gold `speaker_alt` list names further acceptable speakers (a quote with
two sources).  "with speaker" P/R/F1 count a match as true only when the exact speaker is
right too.

Speaker type.  On the same matches, where the gold quote has a
`speaker_type` (the seeds' gold has none), the system `speaker_type` (PER,
ORG or null) is compared with it (null with a null speaker).

Parts.  A gold article may carry `part` ("tune": looked at while developing,
"heldout": annotated but never looked at); --part NAME scores only those.

Hard negatives.  Gold `not_quotes` are located in the system text; system
quotes matched to no gold quote that overlap a not_quote are counted.

Options: --field NAME (system text field, default text), --part NAME (only gold
articles of that part), --show-errors (list misses, false positives and wrong
speakers), --json (figures as one JSON object).
"""
import argparse
import json
import os
import re
import sys
import unicodedata

QUOTE_MAP = {
    '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"',
    '\u2033': '"', '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2039': "'",
    '\u203a': "'", '\u2032': "'", '`': "'", '\u00b4': "'",
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
    '\u2212': '-',
}
TYPES = ('direct', 'partial', 'indirect')
CONTEXT = 60


def normalise(text):
    """Normalised text and, for each of its characters, the index of the source character."""
    out, idx = [], []
    prev_space = False
    for i, ch in enumerate(text):
        for c in unicodedata.normalize('NFKC', ch):
            c = QUOTE_MAP.get(c, c)
            if c.isspace() or c in '\u200b\u00ad\ufeff':
                if c in '\u200b\u00ad\ufeff':
                    continue
                if prev_space:
                    continue
                c, prev_space = ' ', True
            else:
                prev_space = False
            out.append(c)
            idx.append(i)
    return ''.join(out), idx


def norm_plain(text):
    return normalise(text)[0].strip()


class Located:
    """A text with its normalised form, for re-locating reference spans in it."""

    def __init__(self, text):
        self.text = text
        self.norm, self.idx = normalise(text)
        # rev[i]: the first normalised index whose source index is >= i
        self.rev = []
        j = 0
        for i in range(len(text) + 1):
            while j < len(self.idx) and self.idx[j] < i:
                j += 1
            self.rev.append(j)

    def nslice_context(self, start, end):
        """Normalised left context, needle, right context of a source span."""
        a, b = self.rev[start], self.rev[end]
        return self.norm[max(0, a - CONTEXT):a], self.norm[a:b], self.norm[b:b + CONTEXT]


def common_suffix(a, b):
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def common_prefix(a, b):
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def relocate(ref, sysl, start, end, after=0):
    """Span of ref.text[start:end] in sysl.text, or None.  `after`: a position hint (order)."""
    if start is None or end is None or not (0 <= start < end <= len(ref.text)):
        return None
    if sysl is ref or sysl.text == ref.text:
        return start, end
    left, needle, right = ref.nslice_context(start, end)
    needle_s = needle.strip()
    if not needle_s:
        return None
    lead = len(needle) - len(needle.lstrip())
    left, right = left + needle[:lead], needle[lead + len(needle_s):] + right
    best, best_key = None, None
    pos = sysl.norm.find(needle_s)
    while pos >= 0:
        e = pos + len(needle_s)
        score = common_suffix(left, sysl.norm[max(0, pos - CONTEXT - 1):pos]) + \
            common_prefix(right, sysl.norm[e:e + CONTEXT + 1])
        s_src = sysl.idx[pos]
        key = (score, s_src >= after, -abs(s_src - after))
        if best_key is None or key > best_key:
            best, best_key = (s_src, sysl.idx[e - 1] + 1), key
        pos = sysl.norm.find(needle_s, pos + 1)
    return best


def find_near(text, needle, around):
    """Offsets of the occurrence of needle in text nearest to position `around`."""
    best = None
    pos = text.find(needle)
    while pos >= 0:
        if best is None or abs(pos - around) < abs(best - around):
            best = pos
        pos = text.find(needle, pos + 1)
    return None if best is None else (best, best + len(needle))


SPEAKER_STRIP = re.compile(r"[^\w]+")


def norm_speaker(name):
    if name is None:
        return None
    s = unicodedata.normalize('NFKC', str(name)).casefold()
    s = s.replace('\u2019', "'").replace('\u2018', "'")
    s = re.sub(r"'s\b", '', s)
    s = SPEAKER_STRIP.sub(' ', s).strip()
    if s.startswith('the '):
        s = s[4:]
    return s or None


def speaker_right(gold, system, loose=False):
    g, s = norm_speaker(gold), norm_speaker(system)
    if g is None or s is None:
        return g is None and s is None
    if g == s:
        return True
    if loose:
        gt, st = set(g.split()), set(s.split())
        return gt <= st or st <= gt
    return False


def speaker_ok(gq, system, loose=False):
    """speaker_right against the gold speaker or any of its `speaker_alt` names (joint sources)."""
    return any(speaker_right(g, system, loose) for g in [gq.get('speaker')] + list(gq.get('speaker_alt') or []))


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(tp, n_sys, n_gold):
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def load_jsonl(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except ValueError as e:
                    sys.exit('score_quotes: %s:%d: %s' % (path, n, e))
    return out


def doc_key(name):
    name = str(name)
    return name[:-4] if name.endswith('.txt') else name


def gold_items(gdoc, ref, sysl):
    """Gold quotes placed in the system text: list of dicts with spans, and the not_quote spans."""
    quotes = []
    after = 0
    for q in sorted(gdoc.get('quotes', []), key=lambda q: q.get('start') or 0):
        start, end = q.get('start'), q.get('end')
        if start is None or ref.text[start:end] != q['text']:
            hit = find_near(ref.text, q['text'], start or 0)
            start, end = hit if hit else (None, None)
        span = relocate(ref, sysl, start, end, after) if start is not None else None
        alts = []
        if span:
            alts.append(span)
            after = span[0]
        clause = q.get('clause')
        if clause and start is not None:
            cs, ce = q.get('clause_start'), q.get('clause_end')
            if cs is None or ref.text[cs:ce] != clause:
                hit = find_near(ref.text, clause, start)
                cs, ce = hit if hit else (None, None)
            if cs is not None:
                cspan = relocate(ref, sysl, cs, ce, after)
                if cspan:
                    alts.append(cspan)
        optional = bool(q.get('debatable')) or q.get('zone', 'body') != 'body'
        group = q.get('split')
        if group is None and clause and q['type'] == 'partial' and len(alts) == 2:
            # fragments of one clause: one quote, the clause its span, the fragments its pieces
            same = [g for g in quotes if g['q'].get('clause') == clause and g['q']['type'] == 'partial'
                    and g.get('clause_span') == alts[1]]
            if same:
                same[0]['pieces'].append(alts[0])
                continue
            quotes.append({'q': q, 'alts': [alts[1], alts[0]], 'optional': optional, 'pieces': [alts[0]],
                           'clause_span': alts[1]})
            continue
        if group is not None:
            for g in quotes:
                if g['q'].get('split') == group:
                    # a split quote "A," X said, "B.": one gold quote whose span runs from
                    # A to B; the pieces are accepted too
                    if alts:
                        if g['alts']:
                            g['alts'] = [(g['alts'][0][0], alts[0][1])]
                        else:
                            g['alts'] = alts[:1]
                        g['pieces'].append(alts[0])
                    break
            else:
                quotes.append({'q': q, 'alts': alts, 'optional': optional, 'pieces': alts[:1]})
            continue
        quotes.append({'q': q, 'alts': alts, 'optional': optional, 'pieces': []})
    negs = []
    for nq in gdoc.get('not_quotes', []):
        start, end = nq.get('start'), nq.get('end')
        if start is None or ref.text[start:end] != nq['text']:
            hit = find_near(ref.text, nq['text'], 0)
            start, end = hit if hit else (None, None)
        span = relocate(ref, sysl, start, end) if start is not None else None
        if span:
            negs.append((span, nq))
    return quotes, negs


def system_items(rec, text):
    out = []
    for q in rec.get('quotes') or []:
        if not isinstance(q, dict):
            continue
        s, e = q.get('start'), q.get('end')
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            t = q.get('text')
            hit = text.find(t) if isinstance(t, str) and t else -1
            if hit < 0:
                continue
            s, e = hit, hit + len(t)
        out.append({'q': q, 'span': (s, e)})
    return out


def match(golds, syss, strict):
    """One-to-one greedy matching; returns {sys index: gold index}."""
    pairs = []
    for gi, g in enumerate(golds):
        for si, s in enumerate(syss):
            best = 0.0
            for a in g['alts'] + g['pieces']:
                ov = overlap(a, s['span'])
                if ov <= 0:
                    continue
                longer = max(a[1] - a[0], s['span'][1] - s['span'][0])
                ratio = ov / longer
                if strict and ratio < 0.5:
                    continue
                best = max(best, ratio)
            if best > 0:
                pairs.append((-best, g['optional'], gi, si))
    pairs.sort()
    used_g, m = set(), {}
    for _, _, gi, si in pairs:
        if gi in used_g or si in m:
            continue
        used_g.add(gi)
        m[si] = gi
    return m


class Tally:
    def __init__(self):
        self.n_gold = {t: 0 for t in TYPES}
        self.n_sys = {t: 0 for t in TYPES + ('other',)}
        self.tp_gold = {t: 0 for t in TYPES}   # matched core gold, by gold type
        self.tp_sys = {t: 0 for t in TYPES + ('other',)}  # matched system quotes, by system type
        self.tp_spk = 0
        self.type_agree = 0


def score(gold_docs, refs, sysrecs, field, show):
    res = {'strict': Tally(), 'lenient': Tally()}
    spk = {'n': 0, 'exact': 0, 'loose': 0, 'type': 0, 'typed': 0}
    dp = {'n': 0, 'found': 0, 'found_spk': 0}
    ind = {'n': 0, 'found': 0}
    hard = {'n': 0, 'hit': 0}
    notes = {'docs': 0, 'missing_docs': [], 'unplaced': 0, 'unplaced_optional': 0}
    errors = []
    for gdoc in gold_docs:
        key = doc_key(gdoc['doc'])
        ref_text = refs.get(key)
        if ref_text is None:
            sys.exit('score_quotes: no reference text for gold doc %s' % gdoc['doc'])
        rec = sysrecs.get(key)
        if rec is None:
            notes['missing_docs'].append(key)
            rec = {field: ref_text, 'quotes': []}
        stext = rec.get(field)
        if not isinstance(stext, str):
            stext = ref_text
        notes['docs'] += 1
        ref, sysl = Located(ref_text), (Located(stext) if stext != ref_text else None)
        if sysl is None:
            sysl = ref
        golds, negs = gold_items(gdoc, ref, sysl)
        syss = system_items(rec, stext)
        notes['unplaced'] += sum(1 for g in golds if not g['alts'] and not g['optional'])
        notes['unplaced_optional'] += sum(1 for g in golds if not g['alts'] and g['optional'])
        hard['n'] += len(negs)
        for name, tal in res.items():
            m = match(golds, syss, name == 'strict')
            matched_g = set(m.values())
            for g in golds:
                if not g['optional']:
                    tal.n_gold[g['q']['type']] += 1
            for si, s in enumerate(syss):
                st = s['q'].get('type') if s['q'].get('type') in TYPES else 'other'
                gi = m.get(si)
                if gi is not None and golds[gi]['optional']:
                    continue
                if gi is None and any(golds[g]['pieces'] and overlap(golds[g]['alts'][0], s['span']) > 0
                                      for g in matched_g):
                    continue    # the other piece of a matched split quote
                tal.n_sys[st] += 1
                if gi is None:
                    if name == 'lenient':
                        if any(overlap(sp, s['span']) > 0 for sp, _ in negs):
                            hard['hit'] += 1
                        if show:
                            errors.append('%s FP  %-8s %r (speaker %r)' % (
                                key, st, stext[s['span'][0]:s['span'][1]][:100], s['q'].get('speaker')))
                    continue
                g = golds[gi]
                tal.tp_gold[g['q']['type']] += 1
                tal.tp_sys[st] += 1
                if st == g['q']['type']:
                    tal.type_agree += 1
                if speaker_ok(g['q'], s['q'].get('speaker')):
                    tal.tp_spk += 1
                if name == 'lenient':
                    spk['n'] += 1
                    ex = speaker_ok(g['q'], s['q'].get('speaker'))
                    spk['exact'] += ex
                    spk['loose'] += speaker_ok(g['q'], s['q'].get('speaker'), True)
                    typed = 'speaker_type' in g['q']
                    ty = typed and g['q']['speaker_type'] == s['q'].get('speaker_type')
                    spk['typed'] += typed
                    spk['type'] += ty
                    if show and typed and not ty and ex:
                        errors.append('%s TYPE %-8s %r speaker %r: gold %r system %r' % (
                            key, g['q']['type'], g['q']['text'][:60], g['q'].get('speaker'),
                            g['q'].get('speaker_type'), s['q'].get('speaker_type')))
                    if show and not ex:
                        errors.append('%s SPK %-8s %r gold %r system %r' % (
                            key, g['q']['type'], g['q']['text'][:60], g['q'].get('speaker'),
                            s['q'].get('speaker')))
            if name == 'lenient':
                sys_of = {gi: si for si, gi in m.items()}
                for gi, g in enumerate(golds):
                    if g['optional']:
                        continue
                    t = g['q']['type']
                    hit = gi in sys_of
                    ok = hit and speaker_ok(g['q'], syss[sys_of[gi]]['q'].get('speaker'))
                    if t in ('direct', 'partial'):
                        dp['n'] += 1
                        dp['found'] += hit
                        dp['found_spk'] += ok
                    else:
                        ind['n'] += 1
                        ind['found'] += hit
                    if show and not hit:
                        errors.append('%s MISS %-8s %r (speaker %r)%s' % (
                            key, t, g['q']['text'][:100], g['q'].get('speaker'),
                            '' if g['alts'] else ' [not found in system text]'))
    return res, spk, dp, ind, hard, notes, errors


def summary(res, spk, dp, ind, hard, notes):
    out = {'docs': notes['docs'], 'missing_docs': notes['missing_docs'],
           'gold_unplaced': notes['unplaced'], 'gold_unplaced_optional': notes['unplaced_optional']}
    for name, tal in res.items():
        ng, ns = sum(tal.n_gold.values()), sum(tal.n_sys.values())
        tp = sum(tal.tp_gold.values())
        p, r, f = prf(tp, ns, ng)
        sp, sr, sf = prf(tal.tp_spk, ns, ng)
        d = {'gold': ng, 'system': ns, 'matched': tp, 'P': p, 'R': r, 'F1': f,
             'with_speaker': {'P': sp, 'R': sr, 'F1': sf},
             'type_agreement': tal.type_agree / tp if tp else 0.0, 'types': {}}
        for t in TYPES:
            tp_, tr_, tf_ = prf(tal.tp_sys[t], tal.n_sys[t], 0)
            r_ = tal.tp_gold[t] / tal.n_gold[t] if tal.n_gold[t] else 0.0
            p_ = tp_
            f_ = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
            d['types'][t] = {'gold': tal.n_gold[t], 'system': tal.n_sys[t],
                             'R': r_, 'P': p_, 'F1': f_}
        d['types']['other'] = {'system': tal.n_sys['other']}
        out[name] = d
    out['speaker'] = {'matched': spk['n'],
                      'exact': spk['exact'] / spk['n'] if spk['n'] else 0.0,
                      'loose': spk['loose'] / spk['n'] if spk['n'] else 0.0,
                      'typed': spk['typed'],
                      'type': spk['type'] / spk['typed'] if spk['typed'] else None}
    out['direct_partial'] = dict(dp)
    out['indirect'] = dict(ind)
    out['hard_negatives'] = dict(hard)
    return out


def print_summary(s):
    print('articles %d%s' % (s['docs'], '' if not s['missing_docs'] else
                             '  (no system record for %d: %s)' % (len(s['missing_docs']),
                                                                  ' '.join(s['missing_docs'][:5]))))
    if s['gold_unplaced'] or s['gold_unplaced_optional']:
        print('gold quotes not found in the system text (a stage dropped their line): %d core, counted '
              'as missed; %d optional' % (s['gold_unplaced'], s['gold_unplaced_optional']))
    for name in ('strict', 'lenient'):
        d = s[name]
        rule = 'overlap >= 50% of longer span' if name == 'strict' else 'any overlap'
        print('%-8s (%s): gold %d  system %d  matched %d   P %.3f  R %.3f  F1 %.3f   '
              'with speaker P %.3f R %.3f F1 %.3f   type agreement %.3f' % (
                  name, rule, d['gold'], d['system'], d['matched'], d['P'], d['R'], d['F1'],
                  d['with_speaker']['P'], d['with_speaker']['R'], d['with_speaker']['F1'],
                  d['type_agreement']))
        for t in TYPES:
            e = d['types'][t]
            print('    %-8s gold %3d  system %3d   R %.3f  P %.3f  F1 %.3f' % (
                t, e['gold'], e['system'], e['R'], e['P'], e['F1']))
        if d['types']['other']['system']:
            print('    %-8s system %3d (type not direct/partial/indirect)' % (
                'other', d['types']['other']['system']))
    sp = s['speaker']
    print('speaker accuracy on %d lenient matches: exact %.3f  loose %.3f%s' % (
        sp['matched'], sp['exact'], sp['loose'],
        '   speaker type %.3f (of %d typed in the gold)' % (sp['type'], sp['typed']) if sp['typed'] else ''))
    dp, ind = s['direct_partial'], s['indirect']
    print('direct+partial (core): %d/%d found, %d/%d with the right speaker' % (
        dp['found'], dp['n'], dp['found_spk'], dp['n']))
    print('indirect (core): recall %d/%d = %.3f' % (
        ind['found'], ind['n'], ind['found'] / ind['n'] if ind['n'] else 0.0))
    hn = s['hard_negatives']
    print('hard negatives: %d unmatched system quotes overlap one of %d not_quotes' % (hn['hit'], hn['n']))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('system', help='news-extract-quotes output (NDJSON), - for stdin')
    ap.add_argument('--gold', required=True)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument('--docs', help='reference texts: NDJSON {"id","text"}')
    src.add_argument('--texts', help='reference texts: folder of raw files named as gold `doc`')
    ap.add_argument('-f', '--field', default='text')
    ap.add_argument('--part', help='score only gold articles whose `part` is this')
    ap.add_argument('--show-errors', action='store_true')
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args(argv)

    gold_docs = load_jsonl(a.gold)
    if a.part:
        gold_docs = [g for g in gold_docs if g.get('part') == a.part]
        if not gold_docs:
            sys.exit('score_quotes: no gold article has part %r' % a.part)
    wanted = {doc_key(g['doc']) for g in gold_docs}
    refs = {}
    if a.docs:
        for r in load_jsonl(a.docs):
            k = doc_key(r.get('id'))
            if k in wanted:
                refs[k] = r['text']
    else:
        for g in gold_docs:
            p = os.path.join(a.texts, g['doc'])
            with open(p, encoding='utf-8', newline='') as f:
                refs[doc_key(g['doc'])] = f.read()
    sysrecs = {}
    lines = sys.stdin if a.system == '-' else open(a.system, encoding='utf-8')
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except ValueError:
            print('score_quotes: %s:%d: not JSON, ignored' % (a.system, n), file=sys.stderr)
            continue
        k = doc_key(r.get('id', r.get('doc', '')))
        if k in wanted:
            sysrecs[k] = r
    res, spk, dp, ind, hard, notes, errors = score(gold_docs, refs, sysrecs, a.field, a.show_errors)
    s = summary(res, spk, dp, ind, hard, notes)
    if a.json:
        print(json.dumps(s, indent=1))
    else:
        print_summary(s)
    for e in errors:
        print('  ' + e)
    return 0


if __name__ == '__main__':
    sys.exit(main())
