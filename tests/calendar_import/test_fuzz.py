"""Fuzzing: mutated real-world calendars (../shared/ics-corpus) and random text through
the importer, and random text through the quick-add grammar, in a child process with a
CPU-time and memory limit. The only acceptable outcomes are a read (events, skipped,
notes) or NotICalendar for a calendar, and a parse (possibly with errors) for a line —
never another exception, a hang or runaway memory."""

from __future__ import annotations

import multiprocessing
import resource
import traceback
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.calendar_import.helpers import PARIS, TODAY, corpus_files

CPU_SECONDS = 240
MEMORY_BYTES = 1536 << 20
WALL_SECONDS = 420
EXAMPLES = 60

HOSTILE_LINES = [
    "RRULE:FREQ=MINUTELY",
    "RRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23",
    "RRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYDAY=MO,TU,WE,TH,FR,SA,SU",
    "DTSTART:00010101T000000Z",
    "DTSTART;TZID=Nowhere/Land:20261124T090000",
    "DTSTART;VALUE=DATE:99991231",
    "BEGIN:VEVENT",
    "END:VCALENDAR",
    "BEGIN:VTIMEZONE",
    "RECURRENCE-ID:20261124T090000Z",
    "UID:\x1b]0;pwned\x07",
    "SUMMARY:[/]\x1b[2J\u202e",
    "EXDATE:not-a-date",
    "DURATION:-P1D",
]


def _mutate(data: bytes, ops: list[tuple[int, int, str]]) -> bytes:
    lines = data.split(b"\n")
    for op, position, text in ops:
        if not lines:
            break
        at = position % len(lines)
        if op == 0:
            del lines[at]
        elif op == 1:
            lines.insert(at, lines[at])
        elif op == 2:
            lines.insert(at, text.encode("utf-8", "surrogatepass"))
        elif op == 3:
            lines[at] = lines[at][: len(lines[at]) // 2]
        elif op == 4:
            lines = lines[:at]
        else:
            lines.insert(at, HOSTILE_LINES[position % len(HOSTILE_LINES)].encode())
    return b"\n".join(lines)


def _fuzz_importer(files: list[Path]) -> None:
    from planner.calendar_import import NotICalendar, import_range, merge_calendar, read_ics
    from planner.domain.document import Document

    start, end = import_range(TODAY, PARIS, days_back=60, days_ahead=365)
    sources = [f.read_bytes() for f in files]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        index=st.integers(min_value=0, max_value=max(len(sources) - 1, 0)),
        ops=st.lists(
            st.tuples(st.integers(0, 5), st.integers(0, 10_000), st.text(max_size=80)),
            max_size=12,
        ),
        noise=st.one_of(st.none(), st.text(max_size=400), st.binary(max_size=400)),
    )
    def check(index: int, ops: list[tuple[int, int, str]], noise: str | bytes | None) -> None:
        if noise is None:
            data = _mutate(sources[index], ops)
        elif isinstance(noise, bytes):
            data = noise
        else:
            data = ("BEGIN:VCALENDAR\r\n" + noise).encode("utf-8", "surrogatepass")
        try:
            read = read_ics(data, zone=PARIS, start=start, end=end)
        except NotICalendar:
            return
        merge_calendar(Document(), "fuzz", read.events, start=start, end=end)
        for event in read.events:
            assert "\x1b" not in event.title and "\x1b" not in event.uid
            assert event.end >= event.start

    check()


def _fuzz_grammar() -> None:
    import pendulum

    from planner.config import Settings
    from planner.quickadd import parse

    now = pendulum.datetime(2026, 11, 23, 10, 0, tz="Europe/Paris")
    configured = Settings(timezone="Europe/Paris")

    @settings(max_examples=EXAMPLES * 3, deadline=None, database=None)
    @given(text=st.text(max_size=300))
    def check(text: str) -> None:
        parsed = parse(text, now=now, settings=configured)
        if not parsed.errors and parsed.promised_by is not None:
            assert parsed.promised_by - now < timedelta(days=366 * 80)

    check()


def _child(target: str, files: list[Path]) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    try:
        if target == "importer":
            _fuzz_importer(files)
        else:
            _fuzz_grammar()
    except BaseException:
        traceback.print_exc()
        raise SystemExit(1) from None
    raise SystemExit(0)


def _run_limited(target: str, files: list[Path]) -> None:
    process = multiprocessing.get_context("fork").Process(target=_child, args=(target, files))
    process.start()
    process.join(WALL_SECONDS)
    if process.is_alive():
        process.kill()
        process.join()
        pytest.fail(f"the {target} fuzz run did not finish in {WALL_SECONDS} s (a hang?)")
    assert process.exitcode == 0, f"the {target} fuzz run failed (exit {process.exitcode})"


@pytest.mark.skipif(not corpus_files(), reason="../shared/ics-corpus is not there")
def test_mutated_corpus_calendars_and_random_text_never_break_the_importer() -> None:
    _run_limited("importer", corpus_files())


def test_random_text_never_breaks_the_quick_add_grammar() -> None:
    _run_limited("grammar", [])
