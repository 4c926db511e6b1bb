#!/usr/bin/env python3
"""ROUGE-N (Lin 2004) as ROUGE-1.5.5 computes it, in the Python standard library.

usage: eval/rouge.py [-n N] [-m] [-l WORDS | -b BYTES] SYSTEM.jsonl REFERENCE.jsonl

SYSTEM.jsonl has one record per item, {"id", "summary"}; REFERENCE.jsonl one or more records per
item, {"id", "summary"} (several references of an item are pooled as ROUGE's -f A does).  Items
with no system summary score 0.  Prints one JSON object: for each n in 1..N, the average over items
of recall, precision and F1 ("rouge-1": {"r","p","f"}, ...), and "items".

What it reproduces of ROUGE-1.5.5 (ROUGE-1.5.5.pl -n N [-m] [-l W | -b B], alpha 0.5):
  - a summary is one sentence a line (SPL); empty lines are skipped;
  - -l W keeps the first W whitespace-separated words, -b B the first B bytes, where the spaces
    that join lines do not count (readText); both limits apply to system and references alike;
  - A-Z are lower-cased and every byte outside [a-z0-9] separates tokens (so a hyphen splits a
    word and a non-ASCII letter is a separator);
  - -m: Porter's stemmer as ROUGE embeds it (the Perl version, with 'bli' and 'logi', and its
    2004 change to step 4 for -ement) on tokens longer than 3 characters;
  - n-gram counts are clipped: hits = sum over n-grams of min(system count, reference count);
    recall = hits / reference n-grams, precision = hits / system n-grams, F1 = 2PR / (P + R)
    (0 when either is 0); scores are averaged over items.

Known difference: with -m, ROUGE-1.5.5 first looks a token up in its WordNet-2.0 exception list
(irregular forms: "children" -> "child", "went" -> "go") and stems it with Porter only when it is
not there.  That list is not part of this project, so such forms are Porter-stemmed here; the
effect on scores is small (it only matters when system and reference use different irregular
forms of a word).
"""
import json
import re
import sys

# --- Porter's stemmer, as the Perl version in ROUGE-1.5.5 (tartarus.org, Porter 1980) --------------
_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
S_V = re.compile("^(" + _C + ")?" + _v)
CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")
STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
         "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
         "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
         "iviti": "ive", "biliti": "ble", "logi": "log"}
STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
RE2 = re.compile("(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|"
                 "iveness|fulness|ousness|aliti|iviti|biliti|logi)$")
RE3 = re.compile("(icate|ative|alize|iciti|ical|ful|ness)$")
RE4 = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


def porter(w):
    if len(w) < 3:
        return w
    y = w[0] == "y"
    if y:
        w = "Y" + w[1:]
    # Step 1a
    m = re.search("(ss|i)es$", w)
    if m:
        w = w[:m.start()] + m.group(1)
    else:
        m = re.search("([^s])s$", w)
        if m:
            w = w[:m.start()] + m.group(1)
    # Step 1b
    if w.endswith("eed"):
        if MGR0.search(w[:-3]):
            w = w[:-1]
    else:
        m = re.search("(ed|ing)$", w)
        if m and S_V.search(w[:m.start()]):
            w = w[:m.start()]
            if re.search("(at|bl|iz)$", w):
                w += "e"
            elif re.search(r"([^aeiouylsz])\1$", w):
                w = w[:-1]
            elif CVC.search(w):
                w += "e"
    # Step 1c
    if w.endswith("y") and S_V.search(w[:-1]):
        w = w[:-1] + "i"
    # Step 2
    m = RE2.search(w)
    if m and MGR0.search(w[:m.start()]):
        w = w[:m.start()] + STEP2[m.group(1)]
    # Step 3
    m = RE3.search(w)
    if m and MGR0.search(w[:m.start()]):
        w = w[:m.start()] + STEP3[m.group(1)]
    # Step 4, as ROUGE-1.5.5 changed it (CYL, 2004): a word in -ement does not go on to -ment
    # and -ent; -ment and -ent are tried after the other suffixes, -ion only when -ent did not match.
    m = RE4.search(w)
    if m and MGR1.search(w[:m.start()]):
        w = w[:m.start()]
    if w.endswith("ment") and MGR1.search(w[:-4]):
        w = w[:-4]
    if w.endswith("ent"):
        if MGR1.search(w[:-3]):
            w = w[:-3]
    else:
        m = re.search("(s|t)(ion)$", w)
        if m:
            stem = w[:m.start()] + m.group(1)
            if MGR1.search(stem):
                w = stem
    # Step 5
    if w.endswith("e"):
        stem = w[:-1]
        if MGR1.search(stem) or (MEQ1.search(stem) and not CVC.search(stem)):
            w = stem
    if w.endswith("ll") and MGR1.search(w):
        w = w[:-1]
    if y:
        w = "y" + w[1:]
    return w


# --- ROUGE-N -------------------------------------------------------------------------------------
ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def perl_split_ws(s):
    """Perl's split(/\\s+/, s): a leading empty field is kept, trailing empty ones dropped."""
    f = re.split(rb"[ \t\n\r\f]+", s)
    while f and f[-1] == b"":
        f.pop()
    return f


def limit_text(text, words=None, nbytes=None):
    """The text ROUGE-1.5.5's readText() keeps of a summary (one sentence a line, SPL), as bytes.

    Lines are lower-cased (A-Z only) and empty ones skipped.  -l: whole lines while the word count
    stays under the limit, then the first words of the next line that fill it.  -b: the same in bytes,
    where the spaces that join lines are not counted.  Lines are joined by one space.
    """
    lines = [l.translate(ASCII_LOWER) for l in text.encode("utf-8").split(b"\n") if len(l) > 0]
    if words is None and nbytes is None:
        return b" ".join(lines)
    out, size = [], 0
    for line in lines:
        if words is not None:
            toks = perl_split_ws(line)
            if size + len(toks) < words:
                out.append(line)
                size += len(toks)
            else:
                out.append(b" ".join(toks[:words - size]))
                break
        else:
            if size + len(line) < nbytes:
                out.append(line)
                size += len(line)
            else:
                out.append(line[:nbytes - size])
                break
    return b" ".join(out)


def tokens(text, stem=False):
    """Tokens of a summary as ROUGE-1.5.5 counts them: runs of [a-z0-9] of the kept text."""
    if isinstance(text, str):
        text = limit_text(text)
    toks = [t.decode("ascii") for t in re.findall(rb"[a-z0-9]+", text)]
    if stem:
        toks = [porter(t) if len(t) > 3 else t for t in toks]
    return toks


def ngrams(toks, n):
    out = {}
    for i in range(len(toks) - n + 1):
        g = tuple(toks[i:i + n])
        out[g] = out.get(g, 0) + 1
    return out


def score(system, refs, n, stem=False, words=None, nbytes=None):
    """(recall, precision, f1) of one system summary against its references (-f A pooling)."""
    sg = ngrams(tokens(limit_text(system, words, nbytes), stem), n)
    stotal = sum(sg.values())
    hits = rtotal = 0
    for ref in refs:
        rg = ngrams(tokens(limit_text(ref, words, nbytes), stem), n)
        rtotal += sum(rg.values())
        hits += sum(min(c, sg.get(g, 0)) for g, c in rg.items())
    r = hits / rtotal if rtotal else 0.0
    p = hits / (stotal * len(refs)) if stotal and refs else 0.0
    f = 2 * p * r / (p + r) if p > 0 and r > 0 else 0.0
    return r, p, f


def read(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out.setdefault(str(rec["id"]), []).append(rec.get("summary") or "")
    return out


def main(argv):
    n, stem, words, nbytes, files = 2, False, None, None, []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "-n":
            n = int(argv[i + 1]); i += 1
        elif a == "-m":
            stem = True
        elif a == "-l":
            words = int(argv[i + 1]); i += 1
        elif a == "-b":
            nbytes = int(argv[i + 1]); i += 1
        elif a.startswith("-") and a != "-":
            sys.exit(f"rouge.py: unknown option '{a}'\n" + __doc__.splitlines()[2])
        else:
            files.append(a)
        i += 1
    if len(files) != 2:
        sys.exit(__doc__.splitlines()[2])
    systems, refs = read(files[0]), read(files[1])
    result = {}
    for k in range(1, n + 1):
        tot = [0.0, 0.0, 0.0]
        for item, rs in refs.items():
            s = systems.get(item, [""])[0]
            for j, v in enumerate(score(s, rs, k, stem, words, nbytes)):
                tot[j] += v
        m = max(len(refs), 1)
        result[f"rouge-{k}"] = {"r": round(tot[0] / m, 5), "p": round(tot[1] / m, 5), "f": round(tot[2] / m, 5)}
    result["items"] = len(refs)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
