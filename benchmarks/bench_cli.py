"""Time `ea-planner today` and `ea-planner add` on a dataset against a Python floor.

    python benchmarks/make_dataset.py --years 5 --data-dir /tmp/ea-5y
    python benchmarks/bench_cli.py --data-dir /tmp/ea-5y

The floor is `python -c "import pendulum, platformdirs"`, run alternately with
each command in the same run, so that machine noise hits both alike. Prints
medians, the ratio to the floor (goals: today <= 2.0x, add <= 2.5x), the
peak resident memory of each command, and the CPU time (user + system) with its
ratio, which a busy machine inflates far less than the wall time. `add` really
writes: run it on a copy.
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

GOALS = {"today": 2.0, "today --json": 2.0, "add": 2.5}


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall time in seconds, peak RSS in MiB and CPU time (user + system) in seconds of
    one run. On a busy machine the wall time includes waiting for a core; the CPU time
    does not."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(
            f"{' '.join(argv)} failed: {proc.stderr.read().decode() if proc.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    script = str(Path(python).with_name("ea-planner"))
    if not Path(script).exists():
        raise SystemExit(f"{script} not found: pip install -e . into this interpreter's venv")
    # Users run from compiled bytecode; make sure the comparison does too, even where
    # PYTHONDONTWRITEBYTECODE is set.
    import compileall

    import planner

    compileall.compile_dir(Path(planner.__file__).parent, quiet=1)
    work = Path(tempfile.mkdtemp(prefix="ea-bench-"))
    shutil.copytree(args.data_dir, work / "data")
    env = {**os.environ, "EA_PLANNER_DATA_DIR": str(work / "data")}
    commands = {
        "floor": [python, "-c", "import pendulum, platformdirs"],
        "today": [script, "today"],
        "today --json": [script, "today", "--json"],
        "add": [script, "add", "Maria Ortiz: invoice charged twice @Acme by tomorrow 3pm !high"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, int] = dict.fromkeys(commands, 0)
    for argv in commands.values():  # warm the file cache once
        timed(argv, env)
    for _ in range(args.runs):
        for name, argv in commands.items():
            elapsed, rss, used = timed(argv, env)
            samples[name].append(elapsed)
            cpu[name].append(used)
            peaks[name] = max(peaks[name], rss)
    floor = statistics.median(samples["floor"])
    floor_cpu = statistics.median(cpu["floor"])
    print(
        f"{'command':<16}{'median':>10}{'ratio':>8}{'goal':>7}{'peak RSS':>10}"
        f"{'CPU':>10}{'CPU ratio':>11}"
    )
    for name in commands:
        median = statistics.median(samples[name])
        used = statistics.median(cpu[name])
        goal = f"{GOALS[name]:.1f}x" if name in GOALS else ""
        print(
            f"{name:<16}{median * 1000:>8.0f}ms{median / floor:>7.2f}x{goal:>7}{peaks[name]:>7} MiB"
            f"{used * 1000:>8.0f}ms{used / floor_cpu:>10.2f}x"
        )
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
