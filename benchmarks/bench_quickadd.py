"""Quick-add in the real dashboard: time from Enter to the new row on screen.

    python benchmarks/bench_quickadd.py --data-dir /tmp/ea-5y [--runs 10]

Runs `ea-planner` in a private tmux server (120x40) on a copy of the data,
types a quick-add line, then sends Enter and polls the screen until the new
customer's row is visible. Prints the median and the worst of the runs
(goal: within 100 ms). The poll itself costs a few ms per look, so the
figures are an upper bound.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOCKET = f"ea-bench-{os.getpid()}"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True).stdout


def wait_for(text: str, timeout: float = 20.0) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in tmux("capture-pane", "-p", "-t", "bench"):
            return time.perf_counter()
        time.sleep(0.002)
    raise SystemExit(f"{text!r} never appeared:\n{tmux('capture-pane', '-p', '-t', 'bench')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    script = Path(sys.executable).with_name("ea-planner")
    work = Path(tempfile.mkdtemp(prefix="ea-bench-"))
    shutil.copytree(args.data_dir, work / "data")
    command = f"EA_PLANNER_DATA_DIR={work / 'data'} {script}"
    tmux("new-session", "-d", "-s", "bench", "-x", "120", "-y", "40", command)
    try:
        wait_for("Follow-ups")
        times = []
        for n in range(args.runs):
            name = f"Bench{n:03d} Person"
            tmux("send-keys", "-t", "bench", "a")
            wait_for("New follow-up")
            tmux("send-keys", "-t", "bench", "-l", f"{name}: latency check by tomorrow 3pm")
            wait_for("(tomorrow)")
            sent = time.perf_counter()
            tmux("send-keys", "-t", "bench", "Enter")
            shown = wait_for(name)
            times.append((shown - sent) * 1000)
            time.sleep(0.3)
        print(
            f"Enter to row on screen: median {statistics.median(times):.0f} ms, "
            f"worst {max(times):.0f} ms, best {min(times):.0f} ms ({len(times)} runs; goal 100 ms)"
        )
    finally:
        tmux("kill-server")
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
