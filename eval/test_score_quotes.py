#!/usr/bin/env python3
"""test_score_quotes.py - self-test of score_quotes.py on a tiny made-up article (stdlib only).

Needs no ../shared.  Checks: gold turned into system output scores 1.0; the
same after the text is changed (a line added in front, curly quotes made
straight, a no-break space made plain) so that offsets move; an empty output
scores recall 0; a wrong speaker lowers speaker accuracy but not span F1; a
debatable gold quote is optional both ways; a clause span is accepted for a
partial quote; a quote over a hard negative is counted; speaker types are compared;
--part keeps only the articles of a part; partial quotes sharing a clause are one.
Prints 'N passed, N failed' and exits non-zero on failure.
"""
import io
import json
import os
import sys
import tempfile
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_quotes  # noqa: E402

TEXT = ('Acme Corp said on Monday that profits rose 5%.\n\n'
        '\u201cWe are delighted,\u201d chief executive Jane Smith told reporters. \u201cIt was a good year.\u201d\n\n'
        'Ms Smith described the rivals\u2019 plans as \u201cdeeply\u00a0flawed\u201d. She urged staff to stay calm.\n\n'
        'The film \u201cLost Days\u201d opened, according to analysts, to weak sales.')

G = [
    ('profits rose 5%', 'indirect', 'Acme Corp', False),
    ('We are delighted,', 'direct', 'Jane Smith', False),
    ('It was a good year.', 'direct', 'Jane Smith', False),
    ('deeply\u00a0flawed', 'partial', 'Jane Smith', False),
    ('to stay calm', 'indirect', 'Jane Smith', True),
]


def gold_doc():
    qs = []
    for text, typ, spk, deb in G:
        s = TEXT.index(text)
        q = {'text': text, 'start': s, 'end': s + len(text), 'type': typ, 'speaker': spk,
             'speaker_type': stype(spk), 'debatable': deb}
        if typ == 'partial':
            q['clause'] = 'the rivals\u2019 plans as \u201cdeeply\u00a0flawed\u201d'
        qs.append(q)
    s = TEXT.index('Lost Days')
    return {'doc': 'fake-001', 'quotes': qs,
            'not_quotes': [{'text': 'Lost Days', 'start': s, 'end': s + 9, 'why': 'film title'}]}


def run(system_records, gold=None, text=TEXT, args=()):
    tmp = tempfile.mkdtemp()
    paths = {}
    for name, recs in (('gold', [gold or gold_doc()]), ('docs', [{'id': 'fake-001', 'text': text}]),
                       ('sys', system_records)):
        paths[name] = os.path.join(tmp, name + '.jsonl')
        with open(paths[name], 'w', encoding='utf-8') as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    buf = io.StringIO()
    with redirect_stdout(buf):
        score_quotes.main(['--gold', paths['gold'], '--docs', paths['docs'], '--json'] + list(args) + [paths['sys']])
    for p in paths.values():
        os.unlink(p)
    os.rmdir(tmp)
    return json.loads(buf.getvalue())


def stype(spk):
    return None if spk is None else ('ORG' if spk == 'Acme Corp' else 'PER')


def as_system(text, quotes):
    out = []
    for t, typ, spk in quotes:
        s = text.index(t)
        out.append({'text': t, 'start': s, 'end': s + len(t), 'type': typ, 'speaker': spk,
                    'speaker_type': stype(spk)})
    return {'id': 'fake-001', 'text': text, 'quotes': out}


def main():
    ok = bad = 0

    def check(name, cond):
        nonlocal ok, bad
        if cond:
            ok += 1
        else:
            bad += 1
            print('FAIL:', name)

    core = [(t, ty, sp) for t, ty, sp, deb in G if not deb]
    r = run([as_system(TEXT, core)])
    for rule in ('strict', 'lenient'):
        check('gold as system %s F1 1' % rule, r[rule]['F1'] == 1.0 and r[rule]['with_speaker']['F1'] == 1.0)
    check('gold as system speaker 1', r['speaker']['exact'] == 1.0 and r['speaker']['type'] == 1.0)
    check('gold as system counts', r['strict']['gold'] == 4 and r['direct_partial'] == {
        'n': 3, 'found': 3, 'found_spk': 3})

    r = run([as_system(TEXT, [(t, ty, sp) for t, ty, sp, _ in G])])
    check('debatable found is not a false positive', r['strict']['P'] == 1.0 and r['strict']['system'] == 4)

    moved = 'A headline\n\n' + TEXT.replace('\u201c', '"').replace('\u201d', '"').replace('\u00a0', ' ')
    mq = [(t.replace('\u00a0', ' '), ty, sp) for t, ty, sp in core]
    r = run([as_system(moved, mq)])
    check('relocated text F1 1', r['strict']['F1'] == 1.0 and r['gold_unplaced'] == 0)

    r = run([{'id': 'fake-001', 'text': TEXT, 'quotes': []}])
    check('empty output recall 0', r['lenient']['R'] == 0.0 and r['lenient']['gold'] == 4)
    r = run([])
    check('missing record listed', r['missing_docs'] == ['fake-001'] and r['lenient']['R'] == 0.0)

    wrong = [(t, ty, 'Acme Corp' if ty == 'direct' else sp) for t, ty, sp in core]
    r = run([as_system(TEXT, wrong)])
    check('wrong speaker: span F1 1', r['strict']['F1'] == 1.0)
    check('wrong speaker: accuracy 0.5', abs(r['speaker']['exact'] - 0.5) < 1e-9)
    check('wrong speaker: with-speaker R 0.5', abs(r['strict']['with_speaker']['R'] - 0.5) < 1e-9)

    swapped = as_system(TEXT, core)
    for q in swapped['quotes']:
        if q['speaker'] == 'Jane Smith':
            q['speaker_type'] = 'ORG'
    r = run([swapped])
    check('wrong speaker type: 1 of 4 right', abs(r['speaker']['type'] - 0.25) < 1e-9 and r['speaker']['exact'] == 1.0)

    g = gold_doc()
    g['part'] = 'heldout'
    r = run([as_system(TEXT, core)], g, args=['--part', 'heldout'])
    check('--part keeps its articles', r['docs'] == 1 and r['strict']['F1'] == 1.0)
    g = gold_doc()
    for q in g['quotes']:
        del q['speaker_type']
    r = run([as_system(TEXT, core)], g)
    check('gold without types: no type figure', r['speaker']['type'] is None and r['speaker']['typed'] == 0)
    try:
        run([as_system(TEXT, core)], g, args=['--part', 'tune'])
        check('--part with no article is an error', False)
    except SystemExit:
        check('--part with no article is an error', True)

    surname = [(t, ty, 'Smith' if sp == 'Jane Smith' else sp) for t, ty, sp in core]
    r = run([as_system(TEXT, surname)])
    check('surname: exact 0.25, loose 1', abs(r['speaker']['exact'] - 0.25) < 1e-9 and r['speaker']['loose'] == 1.0)

    clause = core[:3] + [('the rivals\u2019 plans as \u201cdeeply\u00a0flawed\u201d', 'indirect', 'Jane Smith')]
    r = run([as_system(TEXT, clause)])
    check('clause accepted for partial (strict)', r['strict']['F1'] == 1.0)
    check('clause: type disagreement seen', r['strict']['type_agreement'] == 0.75)

    long_span = core[:3] + [('Ms Smith described the rivals\u2019 plans as \u201cdeeply\u00a0flawed\u201d. She urged staff to stay calm.', 'partial', 'Jane Smith')]
    r = run([as_system(TEXT, long_span)])
    check('too long span: lenient match, not strict',
          r['lenient']['R'] == 1.0 and r['strict']['R'] == 0.75)

    neg = core + [('Lost Days', 'direct', None)]
    r = run([as_system(TEXT, neg)])
    check('hard negative counted', r['hard_negatives'] == {'n': 1, 'hit': 1} and r['strict']['P'] == 0.8)

    g = gold_doc()
    g['quotes'][1]['speaker'] = None
    r = run([as_system(TEXT, [(t, ty, None if t == 'We are delighted,' else sp) for t, ty, sp in core])], g)
    check('null vs null is right', r['speaker']['exact'] == 1.0)

    # a split quote: two gold pieces, one group
    st = 'Intro.\n\n\u201cWe are not,\u201d he said, \u201cgoing to stop.\u201d'
    a, b = st.index('We are not,'), st.index('going to stop.')
    sg = {'doc': 'fake-001', 'not_quotes': [], 'quotes': [
        {'text': 'We are not,', 'start': a, 'end': a + 11, 'type': 'direct', 'speaker': 'X', 'split': 1},
        {'text': 'going to stop.', 'start': b, 'end': b + 14, 'type': 'direct', 'speaker': 'X', 'split': 1}]}
    whole = {'text': st[a:b + 14], 'start': a, 'end': b + 14, 'type': 'direct', 'speaker': 'X'}
    r = run([{'id': 'fake-001', 'text': st, 'quotes': [whole]}], sg, st)
    check('split quote as one span', r['strict']['F1'] == 1.0 and r['strict']['gold'] == 1)
    pieces = [dict(whole, text='We are not,', end=a + 11), dict(whole, text='going to stop.', start=b)]
    r = run([{'id': 'fake-001', 'text': st, 'quotes': pieces}], sg, st)
    check('split quote as two pieces', r['strict']['F1'] == 1.0 and r['strict']['system'] == 1)

    # two fragments of one clause: one quote
    ct = 'Intro.\n\nSmith said he was \u201clewd\u201d and \u201coffensive\u201d on stage.'
    cl = 'he was \u201clewd\u201d and \u201coffensive\u201d on stage'
    c0 = ct.index(cl)
    cg = {'doc': 'fake-001', 'not_quotes': [], 'quotes': [
        {'text': w, 'start': ct.index(w), 'end': ct.index(w) + len(w), 'type': 'partial', 'speaker': 'Smith',
         'clause': cl, 'clause_start': c0, 'clause_end': c0 + len(cl)} for w in ('lewd', 'offensive')]}
    whole = {'text': cl, 'start': c0, 'end': c0 + len(cl), 'type': 'partial', 'speaker': 'Smith'}
    r = run([{'id': 'fake-001', 'text': ct, 'quotes': [whole]}], cg, ct)
    check('fragments of one clause are one quote', r['strict']['F1'] == 1.0 and r['strict']['gold'] == 1)
    frags = [dict(whole, text=w, start=ct.index(w), end=ct.index(w) + len(w)) for w in ('lewd', 'offensive')]
    r = run([{'id': 'fake-001', 'text': ct, 'quotes': frags}], cg, ct)
    check('fragments given apart: one match, the other ignored', r['strict']['F1'] == 1.0 and r['strict']['system'] == 1)

    print('%d passed, %d failed' % (ok, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
