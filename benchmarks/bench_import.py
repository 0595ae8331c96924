"""Time `ea-planner import` on the largest corpus calendar and on a generated 5,000-event file.

    python benchmarks/bench_import.py [--events 5000] [--corpus ../shared/ics-corpus]

Each file is imported in-process (parse, expand, merge, atomic write) into a
throw-away data directory with the clock frozen at EA_PLANNER_NOW, then imported
again (the idempotent path: nothing is written). Prints seconds and events per
second; there is no pass/fail.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-11-23T10:00:00+01:00"
TODAY = date(2026, 11, 23)

TITLES = (
    "Board meeting",
    "1:1 Dana",
    "Focus time",
    "Flight CDG → JFK",
    "Call with Acme",
    "Dentist",
    "HOLD: partner dinner",
    "Budget review",
    "Staff meeting",
    "Customer escalation",
)
ZONES = ("Europe/Paris", "America/New_York", "Europe/London", "Asia/Tokyo")


def generate(path: Path, count: int, seed: int = 5) -> None:
    """An .ics of `count` VEVENTs around TODAY: singles, weekly series, all-day events."""
    rng = random.Random(seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ea-planner//bench//EN"]
    for i in range(count):
        day = TODAY + timedelta(days=rng.randint(-60, 365))
        title = rng.choice(TITLES)
        lines += ["BEGIN:VEVENT", f"UID:bench-{i}@ea-planner", "DTSTAMP:20261101T000000Z"]
        lines.append(f"SUMMARY:{title} #{i}")
        if i % 25 == 0:
            end = day + timedelta(days=rng.randint(1, 3))
            lines += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
        else:
            zone = rng.choice(ZONES)
            start = datetime(day.year, day.month, day.day, rng.randint(7, 18), rng.choice((0, 30)))
            end_time = start + timedelta(minutes=rng.choice((15, 30, 45, 60, 90)))
            lines += [
                f"DTSTART;TZID={zone}:{start:%Y%m%dT%H%M%S}",
                f"DTEND;TZID={zone}:{end_time:%Y%m%dT%H%M%S}",
            ]
            if i % 10 == 1:
                lines.append(f"RRULE:FREQ=WEEKLY;COUNT={rng.randint(4, 20)}")
        lines += [
            "LOCATION:Room 4",
            "DESCRIPTION:Agenda\\n1. Numbers\\n2. Decisions",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())


def import_once(path: Path, data_dir: Path) -> tuple[float, str]:
    from planner.cli import main

    os.environ["EA_PLANNER_DATA_DIR"] = str(data_dir)
    out, err = io.StringIO(), io.StringIO()
    began = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["import", str(path)])
    elapsed = time.perf_counter() - began
    summary = (
        (out.getvalue() or err.getvalue()).splitlines()[0]
        if out.getvalue() or err.getvalue()
        else ""
    )
    if status not in (0, 2):
        raise SystemExit(f"import of {path} failed with status {status}: {summary}")
    return elapsed, summary


def stored(data_dir: Path) -> int:
    path = data_dir / "planner.json"
    if not path.exists():
        return 0
    return len(json.loads(path.read_text(encoding="utf-8"))["events"])


def report(label: str, path: Path, vevents: int | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        first, summary = import_once(path, data_dir)
        events = stored(data_dir)
        again, summary_again = import_once(path, data_dir)
    size = path.stat().st_size / 1024
    source = f"{vevents} VEVENTs, " if vevents is not None else ""
    print(f"{label}: {path.name} ({size:.0f} KiB, {source}{events} events stored)")
    print(f"  {summary}")
    rate = f", {events / first:,.0f} events/s" if events else ""
    print(f"  first import: {first:.2f} s{rate}")
    rate = f", {events / again:,.0f} events/s" if events else ""
    print(f"  re-import:    {again:.2f} s{rate}  ({summary_again.split(':', 1)[-1].strip()})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000, help="VEVENTs in the generated file")
    parser.add_argument("--corpus", type=Path, default=REPO_ROOT.parent / "shared" / "ics-corpus")
    args = parser.parse_args()

    sys.path.insert(0, str(REPO_ROOT))
    os.environ["EA_PLANNER_NOW"] = NOW
    os.environ.setdefault("TZ", "Europe/Paris")
    time.tzset()

    files = (
        sorted(args.corpus.glob("*.ics"), key=lambda p: p.stat().st_size)
        if args.corpus.is_dir()
        else []
    )
    if files:
        report("largest corpus file", files[-1], None)
        began = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            for path in files:
                import_once(path, Path(tmp) / path.stem)
        print(f"whole corpus: {len(files)} files in {time.perf_counter() - began:.2f} s")
    else:
        print(f"no corpus at {args.corpus}; skipped")

    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated.ics"
        generate(generated, args.events)
        report("generated", generated, args.events)


if __name__ == "__main__":
    main()
