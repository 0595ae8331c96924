"""Scrolling the Follow-ups pane with all history filtered in: how long is the longest frame?

    python benchmarks/bench_scroll.py --data-dir /tmp/ea-5y [--pages 60]

In process (Textual's headless driver, 120x40): type a filter that matches
every follow-up of the archives and the live document, wait for the rows, then
page and arrow through them. A 2 ms heartbeat on the UI's event loop records
how late it runs: the worst lateness is the longest frame a keystroke could
wait behind (goal: none over 50 ms). The filter itself is timed apart: it runs
once typing pauses, and includes loading the archives the first time.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--pages", type=int, default=60)
    args = parser.parse_args()

    from planner.clock import Clock
    from planner.storage import Store
    from planner.ui.app import create_app
    from planner.ui.widgets.followups import FollowUpsPane

    work = Path(tempfile.mkdtemp(prefix="ea-bench-"))
    shutil.copytree(args.data_dir, work / "data")
    app = create_app(Store(work / "data"), Clock.from_env())
    report: dict[str, float] = {}

    async def heartbeat(stop: asyncio.Event, lateness: list[float]) -> None:
        while not stop.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.002)
            lateness.append((time.perf_counter() - before - 0.002) * 1000)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            pane = app.query_one(FollowUpsPane)
            started = time.perf_counter()
            await pilot.press("slash")
            await pilot.press("f", "minus")  # every id starts with "f-"
            while pane.row_count < 1000 or app._filter_timer is not None:
                await asyncio.sleep(0.005)
            report["rows"] = pane.row_count
            report["filter"] = (time.perf_counter() - started) * 1000
            await pilot.pause(0.5)  # let the filter's own work (and its garbage) settle
            await pilot.press("enter")
            stop, lateness = asyncio.Event(), [0.0]
            beat = asyncio.create_task(heartbeat(stop, lateness))
            keys = ["pagedown"] * args.pages + ["down"] * 40 + ["end", "home"]
            keys += ["pageup"] * 5
            for key in keys:
                await pilot.press(key)
            stop.set()
            await beat
            report["worst"] = max(lateness)
            report["median"] = statistics.median(lateness)
            report["keys"] = len(keys)

    asyncio.run(run())
    shutil.rmtree(work, ignore_errors=True)
    print(
        f"filter to {report['rows']:.0f} rows (all history) in {report['filter']:.0f} ms; "
        f"{report['keys']:.0f} scroll keys: longest frame {report['worst']:.0f} ms, "
        f"median loop lateness {report['median']:.1f} ms (goal: no frame over 50 ms)"
    )
    # Everything of five years loaded and shown: what the dashboard holds at its largest.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak RSS with all history loaded and filtered: {peak} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
