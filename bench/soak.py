#!/usr/bin/env python3
"""make soak: a gigabyte through the whole pipeline, the memory of every stage sampled.

usage: soak.py BINDIR CORPUS.jsonl MEGABYTES WORKDIR

The corpus (the make bench one) is fed again and again, each pass with its ids made new
("p3-..."), until MEGABYTES have gone in, through

    news-split | news-clean | news-dedupe --state W/seen --capacity 100000
      | news-tag-entities | news-extract-quotes | news-summarize

(and news-cluster when it is built), the output counted and thrown away.  Every second the
resident memory (VmRSS) of each stage is sampled with how much input has gone in.  The table
gives each stage's RSS when 10%, 25%, 50%, 75% and 100% of the input had gone in, its peak, and
its growth from 25% to the end: memory must not grow with the stream.  news-dedupe remembers
items, bounded by --capacity (100,000 items, about 30 MB): it grows until then and is flat
after.  The samples go to WORKDIR/rss.tsv.
"""
import os
import subprocess
import sys
import threading
import time

STAGES = [
    ("news-split", []),
    ("news-clean", []),
    ("news-dedupe", ["--state", "{work}/seen", "--capacity", "100000"]),
    ("news-tag-entities", []),
    ("news-extract-quotes", []),
    ("news-summarize", []),
    ("news-cluster", []),
]


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def main():
    bindir, corpus, mb, work = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    os.makedirs(work, exist_ok=True)
    for f in os.listdir(work):
        os.remove(os.path.join(work, f))
    want = int(mb * 1e6)
    lines = open(corpus, "rb").read().splitlines(keepends=True)
    procs, names = [], []
    prev = None
    for name, args in STAGES:
        path = os.path.join(bindir, name)
        if not os.path.exists(path):
            continue
        p = subprocess.Popen([path] + [a.format(work=work) for a in args],
                             stdin=subprocess.PIPE if prev is None else prev.stdout,
                             stdout=subprocess.PIPE, stderr=open(os.path.join(work, name + ".err"), "wb"))
        if prev is not None:
            prev.stdout.close()
        procs.append(p)
        names.append(name)
        prev = p
    fed = [0]
    out = [0, 0]

    def feed():
        n = 0
        try:
            while fed[0] < want:
                n += 1
                tag = b'"id": "p%d-' % n
                for line in lines:
                    line = line.replace(b'"id": "', tag, 1).replace(b'"id":"', tag.replace(b" ", b""), 1)
                    procs[0].stdin.write(line)
                    fed[0] += len(line)
                    if fed[0] >= want:
                        break
        finally:
            procs[0].stdin.close()

    def drain():
        for chunk in iter(lambda: procs[-1].stdout.read(1 << 16), b""):
            out[0] += len(chunk)
            out[1] += chunk.count(b"\n")

    t0 = time.time()
    threads = [threading.Thread(target=feed), threading.Thread(target=drain)]
    for t in threads:
        t.start()
    samples = []  # (seconds, fed bytes, [rss kB per stage])
    while any(p.poll() is None for p in procs):
        samples.append((time.time() - t0, fed[0], [rss_kb(p.pid) for p in procs]))
        time.sleep(1.0)
    for t in threads:
        t.join()
    dt = time.time() - t0
    status = [p.wait() for p in procs]
    with open(os.path.join(work, "rss.tsv"), "w") as f:
        f.write("seconds\tMB_in\t" + "\t".join(names) + "\n")
        for s, b, r in samples:
            f.write(f"{s:.1f}\t{b / 1e6:.1f}\t" + "\t".join(str(x or "") for x in r) + "\n")
    print(f"soak: {fed[0] / 1e6:.0f} MB in, {out[1]} records ({out[0] / 1e6:.0f} MB) out, "
          f"{dt:.0f} s ({fed[0] / 1e6 / dt:.1f} MB/s), {len(samples)} samples in {work}/rss.tsv")
    marks = [0.10, 0.25, 0.50, 0.75, 1.0]
    print(f"{'stage (RSS, MB)':22}" + "".join(f"{int(m * 100):>7}%" for m in marks) + f"{'peak':>8}{'25%->end':>10}")
    ok = True
    for i, name in enumerate(names):
        at = []
        for m in marks:
            # the last sample taken before m of the input had gone in (the end: the last one)
            cand = [r[i] for s, b, r in samples if r[i] is not None and (b <= m * fed[0] or m == 1.0)]
            at.append(cand[-1] / 1024 if cand else float("nan"))
        peak = max((r[i] for _, _, r in samples if r[i] is not None), default=0) / 1024
        growth = at[-1] - at[1]
        flat = growth <= max(16.0, 0.10 * at[1]) or name == "news-dedupe" and at[-1] <= at[1] + 40
        ok = ok and flat
        print(f"{name:22}" + "".join(f"{x:8.1f}" for x in at) + f"{peak:8.1f}{growth:+10.1f}"
              + ("" if flat else "  GROWS"))
    bad = [f"{n} (exit {s})" for n, s in zip(names, status) if s != 0]
    if bad:
        print("soak: failed: " + ", ".join(bad) + f" (stderr in {work}/)")
    print("soak: memory " + ("flat" if ok else "GROWS") + " after the first quarter"
          + (" (news-dedupe: until --capacity is full)" if "news-dedupe" in names else ""))
    sys.exit(0 if ok and not bad else 1)


if __name__ == "__main__":
    main()
