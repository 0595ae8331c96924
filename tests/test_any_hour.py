"""The sweep: the sample day, `today` and `add` at every half hour of a day, in zones
with odd offsets and DST rules, on an ordinary day and on both DST days.

In-process calls of the command line (`planner.cli.main`), as a user's shell would make
them, with the clock frozen at each instant in turn: no error, and a sensible day.
"""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pendulum
import pytest

from planner.cli import main
from planner.clock import parse_instant
from planner.demo import sample_document
from planner.domain import Brief, FollowUp
from planner.domain.base import plain
from planner.domain.document import Document
from planner.humanize import fmt, until
from planner.storage import Store
from tests.sweep import half_hours, sweep_days

STATUS = re.compile(
    r"interrupt now: .+"
    r"|tell at (?P<tell>[0-9:]+|\w{3} \d+ \w{3} [0-9:]+): .+"
    r"|missed .+ — tell (?:now|at .+)"
    r"|good moment now \(until (?P<until>[0-9:]+), (?P<left>.+) left\)"
    r"|in (?P<event>.+?) until (?P<ends>[0-9:]+)"
    r"(?:, then (?P<then>.+?)(?: \(\+\d+ more\))? until (?P<busy>[0-9:]+))?"
    r"|next good moment (?P<next>[0-9:]+) \((?P<wait>in .+)\)"
    r"|not a workday \(next workday .+\)"
    r"|no good moment left today"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert (status, err) == (0, ""), f"{argv}: exit {status}: {err}"
    return out


def check_sample_day(document: Document, now: pendulum.DateTime) -> None:
    """What the demo promises, at any hour: nothing made after now, one broken promise,
    one due within the hour, the deadline ahead, a full workday of events on the day."""
    instant = plain(now)
    followups = document.followups
    briefs = document.briefs
    records: list[FollowUp | Brief] = [*followups, *briefs]
    for record in records:
        assert plain(record.created) <= instant, record
    for followup in followups:
        assert all(plain(entry.at) <= instant for entry in followup.log), followup
    promises = [plain(f.promised_by) - instant for f in followups if f.is_open]
    assert sum(p < timedelta(0) for p in promises) == 1
    assert sum(timedelta(0) < p <= timedelta(hours=1) for p in promises) == 1
    deadlines = [plain(b.deliver_by) for b in briefs if b.deliver_by is not None]
    assert deadlines and all(d > instant for d in deadlines)
    day = [e for e in document.events if e.start.date() == now.date() and not e.all_day]
    assert len(day) == 10


def instant(text: str) -> datetime:
    """An ISO 8601 time as a fixed-offset instant: an ambiguous wall time in a zone is never
    equal to the same instant written with an offset (PEP 495), so compare these."""
    return plain(parse_instant(text, what="the time"))


def check_today(
    text: str, day: dict[str, Any], now: pendulum.DateTime, zone: str, settings: Any = None
) -> None:
    first, status = text.splitlines()[:2]
    heading = fmt(now, "dddd D MMMM YYYY") + (" (the coming day)" if now.hour < 6 else "")
    assert first == f"{heading} · {zone} · now {fmt(now, 'HH:mm')}"
    assert day["date"] == now.date().isoformat()
    at = plain(now)
    assert instant(day["now"]) == at
    assert day["status"] == status
    match = STATUS.fullmatch(status)
    assert match, status
    if settings is not None:
        # "interrupt now" only inside the executive's workday; outside it, when to tell
        clock = fmt(now, "HH:mm")
        working = settings.workday_start <= clock < settings.workday_end and (
            now.isoweekday() in settings.workdays
        )
        assert working == (not match["tell"]) or not status.startswith(("interrupt", "tell")), (
            status
        )
    windows = [(instant(w["start"]), instant(w["end"])) for w in day["windows"]]
    if match["until"]:
        inside = [(s, e) for s, e in windows if s <= at < e]
        assert inside, status
        assert match["until"] > fmt(now, "HH:mm") or match["until"] == "00:00"
    elif match["next"]:
        ahead = [s for s, _ in windows if s > at]
        local = pendulum.instance(ahead[0]).in_tz(zone) if ahead else None
        assert local is not None and fmt(local, "HH:mm") == match["next"], status
        assert match["wait"] == until(at, ahead[0])
    elif match["event"]:
        running = [
            e
            for e in day["events"]
            if instant(e["start"]) <= at < instant(e["end"]) and not e["all_day"]
        ]
        assert match["event"] in [e["title"] for e in running], status
        named = next(e for e in running if e["title"] == match["event"])
        ends = pendulum.instance(instant(named["end"])).in_tz(zone)
        assert match["ends"] == fmt(ends, "HH:mm"), status
        if match["then"]:
            after = [
                e["title"]
                for e in day["events"]
                if instant(e["start"]) <= instant(named["end"]) < instant(e["end"])
            ]
            assert match["then"] in after, status
    elif status == "no good moment left today":
        assert not [s for s, _ in windows if s > at]


def check_add(text: str, now: pendulum.DateTime) -> None:
    tomorrow = now.date().add(days=1)
    expected = fmt(pendulum.datetime(tomorrow.year, tomorrow.month, tomorrow.day, 15), "ddd D MMM")
    assert f"  promise:  {expected} 15:00 (tomorrow)" in text.splitlines(), text


@pytest.mark.parametrize(("zone", "day"), sweep_days(), ids=lambda v: str(v))
def test_every_half_hour_of_the_day(
    zone: str,
    day: pendulum.Date,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    for index, now in enumerate(half_hours(zone, day)):
        data = tmp_path / str(index)
        monkeypatch.setenv("EA_PLANNER_DATA_DIR", str(data))
        monkeypatch.setenv("EA_PLANNER_NOW", now.isoformat())
        document = sample_document(now, zone)
        check_sample_day(document, now)
        Store(data).save(document)
        try:
            check_today(
                run(capsys, "today"),
                json.loads(run(capsys, "today", "--json")),
                now,
                zone,
                document.settings,
            )
            check_add(run(capsys, "add", "Tom Becker: contract copy by tomorrow 3pm"), now)
            added = json.loads(
                run(capsys, "add", "--dry-run", "--json", "Ana Lima: callback due in 2h")
            )
            promised = parse_instant(added["promised_by"], what="promised_by")
            assert plain(promised) == plain(now.add(hours=2))
        except AssertionError as exc:
            raise AssertionError(f"at {now.isoformat()} in {zone}: {exc}") from None
