#!/usr/bin/env python3
"""make bench: throughput of every filter beside the identity filter and jq, in the same run.

Each command in bench/filters.list reads the corpus on stdin and writes to /dev/null; a line's
optional third field is a command that prepares its input from the corpus (for a stage measured
in its pipeline position, e.g. after news-tag-entities), made once and cached.  Every command
runs REPEAT times, interleaved (round-robin) so machine noise hits all alike; the table gives the
median wall time, MB/s of NDJSON input and of article text, records/s, tokens/s (the shared
tokenizer's tokens of the text), max RSS, and the ratio of time to the identity filter's median
on the same corpus.  A line's optional fourth field names another row as its baseline: the
line's MB/s (of its own input) is then also given as a ratio to that row's.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def prepared(corpus, name, prep):
    """The corpus run through prep, cached beside it."""
    slug = "".join(c if c.isalnum() else "-" for c in name).strip("-")
    out = f"{corpus}.{slug}.jsonl"
    if not os.path.exists(out):
        with open(corpus, "rb") as fin, open(out + ".tmp", "wb") as fout:
            subprocess.run(prep, shell=True, stdin=fin, stdout=fout, check=True, cwd=ROOT)
        os.rename(out + ".tmp", out)
    return out


def run_once(cmd, corpus):
    with open(corpus, "rb") as fin, open(os.devnull, "wb") as fout:
        t0 = time.perf_counter()
        p = subprocess.Popen([os.path.join(ROOT, "build/bench/rss"), "sh", "-c", "exec " + cmd], stdin=fin,
                             stdout=fout, stderr=subprocess.PIPE, cwd=ROOT)
        err = p.stderr.read().decode("utf-8", "replace")
        status = p.wait()
        dt = time.perf_counter() - t0
    if status != 0:
        sys.exit(f"bench: '{cmd}' failed (status {status}): {err[:300]}")
    return dt, max_rss(err)


def runnable(name, cmd):
    """A command of the tree (not built yet: left out) or on PATH (not installed: said)."""
    prog = cmd.split()[0]
    if os.path.exists(os.path.join(ROOT, prog)):
        return True
    if "/" not in prog and shutil.which(prog):
        return True
    if "/" not in prog:
        print(f"bench: '{name}' skipped: {prog} is not installed (scripts/deps.sh bench)", file=sys.stderr)
    return False


def max_rss(err):
    """KiB from the "rss: N" line bench/rss writes last on stderr."""
    lines = err.strip().splitlines()
    return int(lines[-1].split()[1]) if lines and lines[-1].startswith("rss: ") else 0


def main():
    # run.py CORPUS [FILTERS.list [FIELD]]: FIELD is the records' text field (html for web pages).
    corpus = sys.argv[1]
    listing = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "bench", "filters.list")
    field = ["-f", sys.argv[3]] if len(sys.argv) > 3 else []
    count = subprocess.run([os.path.join(ROOT, "build/bench/count")] + field + [corpus], capture_output=True,
                           check=True).stdout.split()
    nrec, text_bytes, ntok = (int(x) for x in count)
    # identity re-serializes every record, as a filter that changes its records must; filters that
    # only add members write the line as read (common/canon.h), whose floor is identity --as-read.
    fopt = " ".join(field)
    cmds = [("identity", f"build/bench/identity {fopt}".strip(), corpus),
            ("identity --as-read", f"build/bench/identity --as-read {fopt}".strip(), corpus)]
    if subprocess.run("command -v jq", shell=True, capture_output=True).returncode == 0:
        cmds.append(("jq -c .", "jq -c .", corpus))
    baselines = {}
    for line in open(listing, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [x.strip() for x in line.split("|")]
        name, cmd, prep = fields[0], fields[1], fields[2] if len(fields) > 2 and fields[2] else None
        if len(fields) > 3 and fields[3]:
            baselines[name] = fields[3]
        if not runnable(name, cmd) or (prep and not runnable(name, prep)):
            continue
        cmds.append((name, cmd, prepared(corpus, name, prep) if prep else corpus))
    times = {n: [] for n, _, _ in cmds}
    rss = {n: 0 for n, _, _ in cmds}
    for _ in range(REPEAT):
        for name, cmd, inp in cmds:
            dt, m = run_once(cmd, inp)
            times[name].append(dt)
            rss[name] = max(rss[name], m)
    base = statistics.median(times["identity"])
    size = os.path.getsize(corpus)
    print(f"corpus: {corpus}, {size / 1e6:.1f} MB, {nrec} records, {text_bytes / 1e6:.1f} MB of text, "
          f"{ntok} tokens; median of {REPEAT} runs, interleaved")
    jq = statistics.median(times["jq -c ."]) if "jq -c ." in times else None
    print(f"{'command':40} {'median s':>8} {'MB/s':>7} {'text MB/s':>9} {'rec/s':>8} {'tokens/s':>10}"
          f" {'max RSS':>9} {'x identity':>10}" + (f" {'x jq':>6}" if jq else ""))
    for name, _, inp in cmds:
        med = statistics.median(times[name])
        print(f"{name:40} {med:8.3f} {os.path.getsize(inp) / 1e6 / med:7.1f} {text_bytes / 1e6 / med:9.1f}"
              f" {nrec / med:8.0f} {ntok / med:10.0f} {rss[name] / 1024:7.1f}MB {base / med:10.2f}"
              + (f" {jq / med:6.2f}" if jq else ""))
    for name, _, inp in cmds:
        ref = baselines.get(name)
        if ref not in times:
            continue
        ref_inp = next(i for n, _, i in cmds if n == ref)
        mbs = os.path.getsize(inp) / 1e6 / statistics.median(times[name])
        ref_mbs = os.path.getsize(ref_inp) / 1e6 / statistics.median(times[ref])
        print(f"{name}: {mbs / ref_mbs:.2f}x the MB/s of {ref} ({mbs:.1f} vs {ref_mbs:.1f} MB/s, same run)")
    print("x identity (x jq): identity's (jq's) median time / the command's (same corpus, same run); a prepared input "
          "is larger than the corpus, so its MB/s column is of that input.  A filter that leaves a record "
          "as it is or only adds members writes its input line, as identity --as-read does.")


if __name__ == "__main__":
    main()
