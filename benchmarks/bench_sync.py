"""Calendar sync: an unchanged feed, a CalDAV sync of a busy year, first paint with subscriptions.

    python benchmarks/bench_sync.py [--events 2000] [--runs 11] [--only feed|caldav]
    python benchmarks/bench_sync.py --first-paint --data-dir /tmp/ea-5y [--runs 15]

1. A published feed of a busy year (`--events` meetings) on a local HTTP server
   with ETag: the first sync (fetch, parse, merge, write) in process, then
   unchanged syncs (a 304, nothing parsed or written), in process and as
   `ea-planner sync` against the floor `python -c "import pendulum, platformdirs"`.
2. The same year on a real Radicale server (127.0.0.1, a throw-away folder):
   the first CalDAV sync (time-range REPORT), an unchanged one (sync-token),
   and one after a single event moved.
3. With --first-paint: the 5-year dataset with two subscriptions configured
   (the feed and the CalDAV calendar above, both served while it runs), then
   `bench_first_paint.py` on it: the dashboard must paint as fast as without.

No pass/fail; the figures go to benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
NOW = "2026-11-23T10:00:00+01:00"
TODAY = date(2026, 11, 23)
TITLES = (
    "Board meeting",
    "Customer call: Acme renewal",
    "Staff meeting",
    "Budget review",
    "Interview: product lead",
    "Focus time",
    "Call with Globex",
    "Partner lunch",
)


def busy_year(count: int, seed: int = 14) -> list[str]:
    """`count` single meetings on workdays from 60 days ago to 300 days ahead, as VEVENTs."""
    rng = random.Random(seed)
    events = []
    for i in range(count):
        day = TODAY + timedelta(days=rng.randint(-60, 300))
        while day.isoweekday() > 5:
            day += timedelta(days=1)
        hour = rng.randint(8, 17)
        minute = rng.choice((0, 30))
        start = f"{day:%Y%m%d}T{hour:02d}{minute:02d}00"
        end = f"{day:%Y%m%d}T{hour + 1:02d}{minute:02d}00"
        events.append(
            "BEGIN:VEVENT\r\n"
            f"UID:bench-{i}@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
            f"SUMMARY:{rng.choice(TITLES)} #{i}\r\n"
            f"DTSTART;TZID=Europe/Paris:{start}\r\nDTEND;TZID=Europe/Paris:{end}\r\n"
            "END:VEVENT\r\n"
        )
    return events


def wrap(*events: str) -> bytes:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ea-planner//bench//EN\r\n"
    return (head + "".join(events) + "END:VCALENDAR\r\n").encode()


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.0f} ms"


@contextlib.contextmanager
def environment(data: Path) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.update(EA_PLANNER_NOW=NOW, TZ="Europe/Paris", EA_PLANNER_DATA_DIR=str(data))
    time.tzset()
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
        time.tzset()


def cli(*argv: str) -> int:
    from planner.cli import main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        status = main(list(argv))
    if status != 0:
        print(err.getvalue(), file=sys.stderr, end="")
    return status


def timed(*argv: str) -> float:
    began = time.perf_counter()
    status = cli(*argv)
    elapsed = time.perf_counter() - began
    if status != 0:
        raise SystemExit(f"ea-planner {' '.join(argv)} exited {status}")
    return elapsed


def bench_feed(work: Path, events: list[str], runs: int) -> None:
    from tests.sync.feed_server import Feed, serve

    data = work / "feed-data"
    with serve(Feed(body=wrap(*events))) as feed, environment(data):
        cli("calendar", "add", "work", feed.url)
        first = timed("sync")
        unchanged = [timed("sync") for _ in range(runs)]
        assert set(feed.statuses[1:]) == {304}, feed.statuses
        script = str(Path(sys.executable).with_name("ea-planner"))
        floor, ours = [], []
        for _ in range(runs):
            for command, into in (
                ([sys.executable, "-c", "import pendulum, platformdirs"], floor),
                ([script, "sync"], ours),
            ):
                began = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                into.append(time.perf_counter() - began)
    ratio = statistics.median(ours) / statistics.median(floor)
    print(f"feed, {len(events)} events: first sync {first:.2f} s (fetch, parse, merge, write)")
    print(f"  unchanged sync in process: {median_ms(unchanged)} median (one 304, nothing parsed)")
    print(
        f"  `ea-planner sync`, unchanged: {median_ms(ours)} vs floor {median_ms(floor)}"
        f" = {ratio:.2f}x"
    )


def bench_caldav(work: Path, events: list[str], runs: int) -> None:
    from tests.sync.radicale_server import PASSWORD, USER, radicale

    folder = work / "radicale"
    collection = folder / "collections" / "collection-root" / USER / "work"
    collection.mkdir(parents=True)
    (collection / ".Radicale.props").write_text(
        '{"C:supported-calendar-component-set": "VEVENT", "tag": "VCALENDAR"}'
    )
    for i, event in enumerate(events):
        (collection / f"bench-{i}.ics").write_bytes(wrap(event))
    data = work / "caldav-data"
    with radicale(folder) as server, environment(data):
        os.environ["EA_BENCH_PASSWORD"] = PASSWORD
        url = server.calendar_url("work")
        cli(
            "calendar",
            "add",
            "work",
            url,
            "--caldav",
            "--username",
            USER,
            "--password-env",
            "EA_BENCH_PASSWORD",
        )
        from caldav.davclient import DAVClient

        client = DAVClient(url=server.base + "/", username=USER, password=PASSWORD, timeout=900)
        calendar = client.calendar(url=url)
        # Radicale reads and caches files written behind its back on first access; that is
        # the server's start-up, not the sync's.
        calendar.search(event=True)
        first = timed("sync")
        unchanged = [timed("sync") for _ in range(runs)]
        moved = []
        for n in range(min(runs, 5)):
            item = calendar.event_by_uid(f"bench-{n}@example.com")
            item.data = item.data.replace("SUMMARY:", "SUMMARY:Moved ")
            item.save()
            moved.append(timed("sync"))
    print(f"CalDAV (Radicale), {len(events)} events: first sync {first:.2f} s (time-range REPORT)")
    print(f"  unchanged sync: {median_ms(unchanged)} median (sync-token, nothing parsed)")
    print(
        f"  one event changed: {median_ms(moved)} median (sync-token delta: that object parsed, "
        "the calendar merged)"
    )


def bench_first_paint(work: Path, events: list[str], data_dir: Path, runs: int) -> None:
    from tests.sync.feed_server import Feed, serve
    from tests.sync.radicale_server import PASSWORD, USER, radicale

    folder = work / "radicale"
    collection = folder / "collections" / "collection-root" / USER / "work"
    collection.mkdir(parents=True, exist_ok=True)
    (collection / ".Radicale.props").write_text('{"tag": "VCALENDAR"}')
    for i, event in enumerate(events[:200]):
        (collection / f"bench-{i}.ics").write_bytes(wrap(event))
    data = work / "paint-data"
    shutil.copytree(data_dir, data)
    with serve(Feed(body=wrap(*events))) as feed, radicale(folder) as server:
        with environment(data):
            cli("calendar", "add", "work", feed.url)
            cli(
                "calendar",
                "add",
                "home",
                server.calendar_url("work"),
                "--caldav",
                "--username",
                USER,
                "--password-command",
                f"echo {PASSWORD}",
            )
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "bench_first_paint.py"),
                "--data-dir",
                str(data),
                "--runs",
                str(runs),
            ],
            check=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--first-paint", action="store_true")
    parser.add_argument("--data-dir", type=Path, help="the 5-year dataset (--first-paint)")
    parser.add_argument(
        "--only", choices=("feed", "caldav"), help="run only the feed or only the CalDAV part"
    )
    args = parser.parse_args()
    events = busy_year(args.events)
    work = Path(tempfile.mkdtemp(prefix="ea-bench-sync-"))
    try:
        if args.first_paint:
            if args.data_dir is None:
                raise SystemExit("--first-paint needs --data-dir (benchmarks/make_dataset.py)")
            bench_first_paint(work, events, args.data_dir, args.runs)
            return 0
        if args.only != "caldav":
            bench_feed(work, events, args.runs)
        if args.only != "feed":
            bench_caldav(work, events, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
