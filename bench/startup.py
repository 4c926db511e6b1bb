#!/usr/bin/env python3
"""make bench: start-up time of the filters that load a model, beside the identity filter.

Each command reads one short record and writes it; the runs are interleaved (round-robin) so
machine noise hits all alike.  Printed: the median wall time, and the median CPU time (user +
system, from the kernel's accounting of the child: what other processes on a loaded machine do
not inflate), in milliseconds, and the difference from identity's (the cost of the model).
"""
import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPEAT = int(os.environ.get("BENCH_STARTUP_REPEAT", "40"))
RECORD = b'{"id":"a","text":"Sam Altman said on Monday that the company would grow. \\"We are ready,\\" he said."}\n'


def run(argv, path):
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(path, os.O_RDONLY)
        os.dup2(fd, 0)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.execv(argv[0], argv)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.exit(f"startup: {' '.join(argv)} failed ({status})")
    return wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000


def main():
    # usage: startup.py [BINDIR...] (default bin/; more to compare builds in one run)
    bindirs = sys.argv[1:] or [os.path.join(ROOT, "bin")]
    cmds = [("identity", [os.path.join(ROOT, "build/bench/identity")])]
    for d in bindirs:
        for name in ("news-tag-entities", "news-extract-quotes"):
            path = os.path.join(d, name)
            if os.path.exists(path):
                cmds.append((name if len(bindirs) == 1 else f"{name} ({d})", [path]))
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as f:
        f.write(RECORD)
        f.flush()
        wall = {n: [] for n, _ in cmds}
        cpu = {n: [] for n, _ in cmds}
        for _ in range(REPEAT):
            for name, argv in cmds:
                w, c = run(argv, f.name)
                wall[name].append(w)
                cpu[name].append(c)
    base_w, base_c = statistics.median(wall["identity"]), statistics.median(cpu["identity"])
    print(f"start-up on one record, median of {REPEAT} runs, interleaved (ms):")
    print(f"{'command':40}{'wall':>8}{'cpu':>8}{'wall - identity':>17}")
    for name, _ in cmds:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(f"{name:40}{w:8.1f}{c:8.1f}{w - base_w:17.1f}")


if __name__ == "__main__":
    main()
