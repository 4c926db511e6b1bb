#!/usr/bin/env python3
"""news-cluster throughput with an empty state and with 10,000 active stories, beside identity.

usage: bench_cluster.py BINDIR WIRE STATE      (bench/bench-cluster.sh)

Every command reads WIRE on stdin and writes to /dev/null, BENCH_REPEAT times (default 5),
interleaved as bench/run.py does.  Runs with STATE get a fresh copy of it first (the snapshot, no
journal), outside the timing; such a run journals every story an article changes and keeps the
lock, as a cron run does.  news-cluster writes each record as read with `story` added, so identity --as-read is its
floor; identity re-serializes every record.
"""
import os
import re
import shutil
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import timed  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def run_once(cmd, stdin_path):
    return timed.run_once(cmd, stdin_path, "bench-cluster")


def fresh_copy(state, work):
    """The state as news-cluster left it (a snapshot, no journal), at work: what each timed run starts from."""
    shutil.copyfile(state, work)
    if os.path.exists(work + ".log"):
        os.unlink(work + ".log")


def main():
    bindir, wire, state = sys.argv[1:4]
    work = f"{state}.work.{os.getpid()}"
    cluster = os.path.join(bindir, "news-cluster")
    size = os.path.getsize(wire)
    with open(wire, "rb") as f:
        nrec = sum(1 for _ in f)
    cmds = [
        ("identity", ["build/bench/identity"], False),
        ("identity --as-read", ["build/bench/identity", "--as-read"], False),
        ("news-cluster, no state", [cluster, "--stats"], False),
        ("news-cluster, 10k-story state", [cluster, "--stats", "--state", work], True),
    ]
    times = {n: [] for n, _, _ in cmds}
    cpus = {n: [] for n, _, _ in cmds}
    rss = {n: 0 for n, _, _ in cmds}
    stats = {}
    alone, alone_cpu, loaded = [], [], ""
    for _ in range(REPEAT):
        for name, cmd, fresh in cmds:
            if fresh:
                fresh_copy(state, work)
            dt, cpu, m, err = run_once(cmd, wire)
            times[name].append(dt)
            cpus[name].append(cpu)
            rss[name] = max(rss[name], m)
            stats[name] = err
        # The state alone: load it, read nothing, write it back (once a run, whatever its size).
        fresh_copy(state, work)
        dt, cpu, _, loaded = run_once([cluster, "--stats", "--state", work], os.devnull)
        alone.append(dt)
        alone_cpu.append(cpu)
    for path in (work, work + ".log", work + ".lock"):
        if os.path.exists(path):
            os.unlink(path)
    base, cbase = statistics.median(times["identity"]), statistics.median(cpus["identity"])
    print(f"wire: {wire}, {size / 1e6:.1f} MB, {nrec} records; median of {REPEAT} runs, interleaved")
    print(f"{'command':32} {'median s':>9} {'rec/s':>8} {'MB/s':>7} {'max RSS':>9} {'x identity':>10}"
          f" {'CPU s':>7} {'CPU rec/s':>9} {'x id CPU':>8}")
    for name, _, _ in cmds:
        med, cmed = statistics.median(times[name]), statistics.median(cpus[name])
        print(f"{name:32} {med:9.3f} {nrec / med:8.0f} {size / 1e6 / med:7.1f} {rss[name] / 1024:7.1f}MB"
              f" {base / med:10.2f} {cmed:7.3f} {nrec / cmed:9.0f} {cbase / cmed:8.2f}")
    m = re.search(r"(\d+) stories active", loaded)
    a, ac = statistics.median(alone), statistics.median(alone_cpu)
    print(f"state: {os.path.getsize(state) / 1e6:.1f} MB, {m.group(1) if m else '?'} active stories before each run;"
          f" loading and saving it alone: {a:.3f} s ({ac:.3f} s CPU)")
    name = "news-cluster, 10k-story state"
    t, c = statistics.median(times[name]) - a, statistics.median(cpus[name]) - ac
    print(f"{name}, the articles alone (the run less the state's load and save): {nrec / t:.0f} rec/s,"
          f" {nrec / c:.0f} rec/s of CPU")
    for name in ("news-cluster, no state", "news-cluster, 10k-story state"):
        m = re.search(r"(\d+) stories active \(at most (\d+)\), (\d+) begun, (\d+) articles joined one.*; ([\d.]+) MB",
                      stats[name])
        if m:
            print(f"{name}: {m.group(1)} stories active at the end, {m.group(3)} begun, {m.group(4)} articles "
                  f"joined one, {m.group(5)} MB held")


if __name__ == "__main__":
    main()
