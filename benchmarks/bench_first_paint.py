"""The dashboard's first paint in a real terminal, against a minimal Textual app, with memory.

    python benchmarks/bench_first_paint.py --data-dir /tmp/ea-5y [--runs 15]

The timing is the shared first-paint tool (`tools/first_paint.py` beside the
project's shared files, or --tool PATH): it starts `ea-planner` in a private
tmux server at 120x40 and polls the screen until "Brief queue" (the last pane's
title, drawn with the panes' rows) shows, alternating with a minimal Textual
app (Header, Static, Footer) run by the same Python, and prints the ratio of
medians. Goal: 1.3x.

Then the peak resident memory of each, read from /proc once its first screen
is up. Runs on a copy of the data, compiled to bytecode first.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT.parent / "shared" / "tools" / "first_paint.py"
MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("BASELINE-READY")
        yield Footer()
Minimal().run()
"""
SOCKET = f"ea-bench-paint-{os.getpid()}"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True).stdout


def peak_memory(command: str, marker: str) -> int:
    """Peak RSS (MiB) of the process `command` starts, once `marker` is on its screen."""
    tmux("new-session", "-d", "-s", "mem", "-x", "120", "-y", "40", f"exec {command}")
    try:
        started = time.perf_counter()
        while marker not in tmux("capture-pane", "-p", "-t", "mem"):
            if time.perf_counter() - started > 20:
                raise SystemExit(f"{marker!r} never appeared")
            time.sleep(0.05)
        pid = tmux("list-panes", "-t", "mem", "-F", "#{pane_pid}").strip()
        status = Path(f"/proc/{pid}/status").read_text()
        peak = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
        return int(peak.split()[1]) // 1024
    finally:
        tmux("kill-session", "-t", "mem")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tool", type=Path, default=TOOL, help="the shared first_paint.py")
    args = parser.parse_args()
    if not args.tool.is_file():
        raise SystemExit(f"{args.tool} not found: pass --tool PATH/first_paint.py")
    python = sys.executable
    script = Path(python).with_name("ea-planner")
    compileall.compile_dir(ROOT / "planner", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="ea-bench-paint-"))
    try:
        shutil.copytree(args.data_dir, work / "data")
        (work / "config").mkdir()
        data, config = str(work / "data"), str(work / "config")
        command = [str(script), "--data-dir", data, "--config-dir", config]
        tool = [python, str(args.tool), "--baseline", "--python", python, "--runs", str(args.runs)]
        subprocess.run([*tool, "--marker", "Brief queue", "--", *command], check=True)
        minimal = work / "minimal.py"
        minimal.write_text(MINIMAL_APP)
        # An idle session keeps the private server up between the two runs.
        tmux("new-session", "-d", "-s", "keeper", "sleep 600")
        ours = peak_memory(shlex.join(command), "Brief queue")
        floor = peak_memory(shlex.join([python, str(minimal)]), "BASELINE-READY")
        print(f"peak RSS at first paint: ea-planner {ours} MiB, minimal Textual app {floor} MiB")
    finally:
        tmux("kill-server")
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
