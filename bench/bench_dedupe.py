#!/usr/bin/env python3
"""news-dedupe throughput with an empty and a 1M-document state, beside identity (bench-dedupe.sh).

usage: bench_dedupe.py BINDIR CORPUS STATE [SPACED]

Every command reads CORPUS (compact, as a stage upstream writes it) on stdin and writes to
/dev/null, BENCH_REPEAT times (default 5), interleaved as bench/run.py does; with SPACED (the same
records with spaces between tokens, as Python's json.dumps writes them), news-dedupe is also run on
that, where every record it writes is re-serialized.  Runs with the 1M state get a fresh copy of STATE first,
outside the timing, so each starts from the same million documents.
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
    return timed.run_once(cmd, stdin_path, "bench-dedupe")


def main():
    bindir, corpus, state = sys.argv[1:4]
    spaced = sys.argv[4] if len(sys.argv) > 4 else None
    work = f"{state}.work.{os.getpid()}"
    dedupe = os.path.join(bindir, "news-dedupe")
    size = os.path.getsize(corpus)
    with open(corpus, "rb") as f:
        nrec = sum(1 for _ in f)
    cmds = [
        ("identity", ["build/bench/identity"], False, corpus),
        ("identity --as-read", ["build/bench/identity", "--as-read"], False, corpus),
        ("news-dedupe, empty state", [dedupe, "--clusters"], False, corpus),
        ("news-dedupe, 1M-doc state", [dedupe, "--clusters", "--stats", "--state", work], True, corpus),
    ]
    if spaced:
        cmds += [
            ("  same, spaced input: empty state", [dedupe, "--clusters"], False, spaced),
            ("  same, spaced input: 1M-doc state", [dedupe, "--clusters", "--state", work], True, spaced),
        ]
    times = {n: [] for n, _, _, _ in cmds}
    cpus = {n: [] for n, _, _, _ in cmds}
    rss = {n: 0 for n, _, _, _ in cmds}
    startup, startup_rss, stats, run_stats = [], 0, "", ""
    for _ in range(REPEAT):
        for name, cmd, fresh, inp in cmds:
            if fresh:
                shutil.copyfile(state, work)
                if os.path.exists(work + ".log"):
                    os.unlink(work + ".log")
            dt, cpu, m, err = run_once(cmd, inp)
            times[name].append(dt)
            cpus[name].append(cpu)
            rss[name] = max(rss[name], m)
            if fresh and "--stats" in cmd:
                run_stats = err
        # Start-up: load the 1M state, read nothing, write nothing back.
        shutil.copyfile(state, work)
        if os.path.exists(work + ".log"):
            os.unlink(work + ".log")
        dt, _, m, stats = run_once([dedupe, "--stats", "--state", work], os.devnull)
        startup.append(dt)
        startup_rss = max(startup_rss, m)
    for p in (work, work + ".log"):
        if os.path.exists(p):
            os.unlink(p)
    base = statistics.median(times["identity"])
    print(f"corpus: {corpus}, {size / 1e6:.1f} MB, {nrec} records; median of {REPEAT} runs, interleaved")
    if spaced:
        print(f"spaced input: {spaced}, {os.path.getsize(spaced) / 1e6:.1f} MB (MB/s below: of each command's input)")
    # CPU seconds (user + system) as well: on a loaded machine the wall time
    # also counts the time other processes had the core.
    cbase = statistics.median(cpus["identity"])
    print(f"{'command':34} {'median s':>9} {'MB/s':>8} {'rec/s':>9} {'max RSS':>10} {'x identity':>10}"
          f" {'CPU s':>7} {'CPU MB/s':>8} {'x id CPU':>8}")
    for name, _, _, inp in cmds:
        med = statistics.median(times[name])
        cmed = statistics.median(cpus[name])
        isize = os.path.getsize(inp)
        print(f"{name:34} {med:9.3f} {isize / 1e6 / med:8.1f} {nrec / med:9.0f} {rss[name] / 1024:8.1f}MB"
              f" {base / med:10.2f} {cmed:7.3f} {isize / 1e6 / cmed:8.1f} {cbase / cmed:8.2f}")
    m = re.search(r"(\d+) items remembered, \d+ duplicates, index ([\d.]+) MB", stats)
    items = int(m.group(1)) if m else 0
    print(f"start-up with the state ({items} documents, {os.path.getsize(state) / 1e6:.1f} MB file): "
          f"median {statistics.median(startup):.3f} s, max RSS {startup_rss / 1024:.1f} MB")
    if items:
        print(f"per remembered document: index {float(m.group(2)) * 1e6 / items:.0f} bytes (its own count), "
              f"state file {os.path.getsize(state) / items:.0f} bytes, "
              f"max RSS at start-up {startup_rss * 1024 / items:.0f} bytes (measured, whole process)")
    r = re.search(r"(\d+) items remembered", run_stats)
    if r:
        # The whole process's peak (bench/rss), read, sketch and output buffers included,
        # over the documents remembered at the end of the run.
        n = int(r.group(1))
        print(f"max RSS of the 1M-state run over its {n} remembered documents: "
              f"{rss['news-dedupe, 1M-doc state'] * 1024 / n:.0f} bytes per document (measured)")


if __name__ == "__main__":
    main()
