#!/usr/bin/env python3
"""make bench: throughput of every filter beside the identity filter and jq, in the same run.

Each command in bench/filters.list reads the corpus on stdin and writes to /dev/null.  Every
command runs REPEAT times, interleaved (round-robin) so machine noise hits all alike; the table
gives the median wall time, MB/s and records/s of input, max RSS, and the ratio of throughput to
the identity filter's median.
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def run_once(cmd, corpus):
    with open(corpus, "rb") as fin, open(os.devnull, "wb") as fout:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, shell=True, stdin=fin, stdout=fout, stderr=subprocess.PIPE, cwd=ROOT)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        err = p.stderr.read().decode("utf-8", "replace")
        p.stderr.close()
    if status != 0:
        sys.exit(f"bench: '{cmd}' failed (status {status}): {err[:300]}")
    return dt, ru.ru_maxrss


def main():
    corpus = sys.argv[1]
    size = os.path.getsize(corpus)
    with open(corpus, "rb") as f:
        nrec = sum(1 for _ in f)
    cmds = [("identity", "build/bench/identity")]
    if subprocess.run("command -v jq", shell=True, capture_output=True).returncode == 0:
        cmds.append(("jq -c .", "jq -c ."))
    for line in open(os.path.join(ROOT, "bench", "filters.list"), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, cmd = [x.strip() for x in line.split("|", 1)]
        binary = cmd.split()[0]
        if os.path.exists(os.path.join(ROOT, binary)):
            cmds.append((name, cmd))
    times = {n: [] for n, _ in cmds}
    rss = {n: 0 for n, _ in cmds}
    for _ in range(REPEAT):
        for name, cmd in cmds:
            dt, m = run_once(cmd, corpus)
            times[name].append(dt)
            rss[name] = max(rss[name], m)
    base = statistics.median(times["identity"])
    print(f"corpus: {corpus}, {size / 1e6:.1f} MB, {nrec} records; median of {REPEAT} runs, interleaved")
    print(f"{'command':34} {'median s':>9} {'MB/s':>8} {'rec/s':>9} {'max RSS':>9} {'x identity':>10}")
    for name, _ in cmds:
        med = statistics.median(times[name])
        print(f"{name:34} {med:9.3f} {size / 1e6 / med:8.1f} {nrec / med:9.0f} {rss[name] / 1024:7.1f}MB"
              f" {base / med:10.2f}")


if __name__ == "__main__":
    main()
