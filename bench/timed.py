"""One timed run of a command for the bench scripts: wall and CPU time, peak memory, stderr.

The command runs under build/bench/rss, which measures its peak memory (a child of Python would
count Python's pages) and, being reaped by wait4, gives the command's CPU time in its rusage.
"""
import os
import subprocess
import sys
import time


def run_once(cmd, stdin_path, name):
    """(wall s, CPU s, max RSS KiB, stderr less the rss line); exits naming `name` when cmd fails."""
    with open(stdin_path, "rb") as fin, open(os.devnull, "wb") as fout:
        t0 = time.perf_counter()
        p = subprocess.Popen(["build/bench/rss"] + cmd, stdin=fin, stdout=fout, stderr=subprocess.PIPE)
        err = p.stderr.read().decode("utf-8", "replace")
        _, wstatus, ru = os.wait4(p.pid, 0)
        p.returncode = status = os.waitstatus_to_exitcode(wstatus)
        dt = time.perf_counter() - t0
    if status != 0:
        sys.exit(f"{name}: {' '.join(cmd)} failed (status {status}): {err[:300]}")
    lines = err.strip().splitlines()
    rss = int(lines[-1].split()[1]) if lines and lines[-1].startswith("rss: ") else 0
    return dt, ru.ru_utime + ru.ru_stime, rss, "\n".join(l for l in lines if not l.startswith("rss: "))
