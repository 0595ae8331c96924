"""The WHEN of a promise: a small grammar on pendulum ("tomorrow 2:30 pm", "fri eod", "in 2h").

A phrase is at most one day part and one time part, in either order (`fri 10am`, `9am
tomorrow`), or one form that is both (`2026-11-24T15:00`, `in 90 min`, `within the hour`,
`asap`). A day without a time means the end of the workday; a time without a day means
today. The result is in the executive's zone and after `now`: a past or impossible date is
an error, never silently moved.

Where words could mean two things the reading taken is reported as a note, for the
preview to show: an hour alone (`by 3`: the next 3 o'clock inside the workday, 15:00), a
12-hour time without am/pm (`2:30`: the one inside the workday, 14:30), `next fri`
(the Friday of next week), a numeric date (`12/4`, by the date_order setting), a part of
the day (`morning`, by its setting), `midnight` (the end of the day), `12am` (the start of
it), `before fri` (the end of the workday before), a time the clocks show twice.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import NamedTuple

import pendulum

from planner.config import Settings, date_order
from planner.humanize import fmt
from planner.when.meaning import nice_day, resolve, resolve_day, valid_date, workday_span
from planner.when.parts import Day
from planner.when.syntax import (
    ASAP_PHRASE,
    ASAP_WORDS,
    EOD_PHRASES,
    EOD_WORDS,
    EOW_PHRASES,
    could_start,
    is_when_word,
    match_day,
    match_in,
    match_phrase,
    starts_with,
    word_at,
)
from planner.when.wall import WhenError


class WhenMatch(NamedTuple):
    """What `match_when` read from the start of a list of words."""

    words: int
    """How many words the WHEN took; 0 when the first word does not start a WHEN."""
    value: pendulum.DateTime | None
    """The promise, in the executive's zone; None when nothing matched or `error` is set."""
    error: str | None
    """Why the words that look like a WHEN are not a valid promise (e.g. "feb 30 is not a date")."""
    notes: tuple[str, ...] = ()
    """Readings taken where the words could mean two things, for the preview to show."""
    timed: bool = False
    """True when the words name a time of day (`3pm`, `morning`, `eod`), not only a day."""


def match_when(
    words: Sequence[str],
    *,
    now: pendulum.DateTime,
    settings: Settings,
    before: bool = False,
) -> WhenMatch:
    """Read the longest run of `words` from the start that is a WHEN, and resolve it.

    Trailing `,;.` on a word is allowed (`by tomorrow, then …`). The run is chosen by
    syntax alone, so `nov 20 2026` keeps its explicit year and is reported as past rather
    than quietly read as `nov 20` of next year. `before`: the words follow `before`, so a
    day alone means the end of the workday before it (`before fri`: Thursday's end).
    """
    if not words or not could_start(words[0]):
        return WhenMatch(0, None, None)
    phrase = match_phrase(words, date_order(settings), bare_ok=True)
    if phrase.words == 0:
        return WhenMatch(0, None, None)
    phrase = phrase._replace(before=before)
    timed = phrase.time is not None or (phrase.whole is not None and phrase.whole.iso is not None)
    try:
        value, notes = resolve(phrase, now, settings)
    except WhenError as exc:
        return WhenMatch(phrase.words, None, exc.message, (), timed)
    return WhenMatch(phrase.words, value, None, tuple(notes), timed)


def starts_alone(words: Sequence[str]) -> bool:
    """True when `words` start a WHEN that is a promise without `by`/`due`: `asap`,
    `in 2 hours`, `within the hour`, `eod`, `cob`, `end of day`, `end of week`."""
    w = word_at(words, 0)
    if not could_start(w):
        return False
    if w in EOD_WORDS or w == "eow" or w in ASAP_WORDS or starts_with(words, 0, ASAP_PHRASE):
        return True
    if any(starts_with(words, 0, p) for p in (*EOD_PHRASES, *EOW_PHRASES)):
        return True
    if w in ("in", "within"):
        found = match_in(words, 0)
        return found is not None and (found[2] == "minutes" or w == "within")
    return False


def promise_flags(moment: pendulum.DateTime, settings: Settings) -> list[str]:
    """What the preview flags about a promise: on a non-workday, or outside the workday.

    Allowed (a customer may be promised a Saturday call), but worth a second look.
    """
    flags: list[str] = []
    day = moment.date()
    if day.isoweekday() not in frozenset(settings.workdays):
        flags.append(f"the promise is on {nice_day(day)}, not a workday")
    try:
        start, end = workday_span(settings)
    except WhenError:
        return flags
    minutes = moment.hour * 60 + moment.minute
    if not start <= minutes <= end:
        flags.append(
            f"the promise at {fmt(moment, 'HH:mm')} is outside the workday "
            f"({settings.workday_start}–{settings.workday_end})"
        )
    return flags


def parse_when(phrase: str, *, now: pendulum.DateTime, settings: Settings) -> pendulum.DateTime:
    """The instant a WHEN phrase names, in the executive's zone, strictly after `now`.

    Raises WhenError with a short message naming what is wrong.
    """
    words = phrase.split()
    if not words:
        raise WhenError("no date given")
    found = match_when(words, now=now, settings=settings)
    if found.words < len(words):
        bad = words[found.words]
        if found.words == 0 and not is_when_word(bad):
            raise WhenError(f"could not read a date: unknown word {bad!r}")
        if not is_when_word(bad):
            raise WhenError(f"unknown word in date {phrase.strip()!r}: {bad!r}")
        raise WhenError(f"could not read a date: {bad!r} does not fit in {phrase.strip()!r}")
    if found.error is not None:
        raise WhenError(found.error)
    assert found.value is not None
    return found.value


def _nearest_date(day: Day, today: pendulum.Date) -> pendulum.Date:
    """A date written without a year, for looking a day up: the one closest to today."""
    candidates = [
        found
        for year in (today.year - 1, today.year, today.year + 1)
        if (found := valid_date(year, day.month, day.day)) is not None
    ]
    if not candidates:
        raise WhenError(f"{day.label} is not a date")
    return min(candidates, key=lambda found: (abs((found - today).days), found < today))


def parse_day(
    phrase: str, *, today: datetime.date, settings: Settings, what: str = "--date"
) -> pendulum.Date:
    """The day a phrase names, for looking a day up (`--date`): past days are fine.

    The day words of the WHEN grammar (`today`, `tomorrow`, `yesterday`, `fri`,
    `next week`, `nov 24`, `24/11`, `2026-11-24` …) mean what they mean in a promise, with
    two differences for looking back as well as ahead: a weekday includes today (`mon` on
    a Monday is today, where a promise `by mon` is next week's), and a date without a year
    is the one closest to today (`closeout --date nov 20` is last week's).
    Raises WhenError naming `what` and the problem.
    """
    words = phrase.split()
    if not words:
        raise WhenError(f"{what}: give a day (e.g. tomorrow, fri, 2026-11-24)")
    found = match_day(words, 0, date_order(settings))
    if found is None or found[0] < len(words):
        raise WhenError(
            f"{what}: {phrase.strip()!r} is not a date (e.g. today, tomorrow, fri, nov 24, "
            "2026-11-24)"
        )
    day = found[1]
    today = pendulum.Date(today.year, today.month, today.day)
    try:
        if day.kind in ("date", "numeric") and not day.year:
            return _nearest_date(day, today)
        if day.kind in ("date", "numeric"):
            found_date = valid_date(day.year, day.month, day.day)
            if found_date is None:
                raise WhenError(f"{day.label} is not a date")
            return found_date
        if day.kind == "weekday":  # looking a day up, `mon` on a Monday is today
            return today.add(days=(day.n - today.isoweekday()) % 7)
        return resolve_day(day, today, settings, [])
    except WhenError as exc:
        raise WhenError(f"{what}: {exc.message}") from None


def parse_range_day(
    phrase: str,
    *,
    today: datetime.date,
    settings: Settings,
    what: str,
    end: bool = False,
    since: datetime.date | None = None,
) -> pendulum.Date:
    """A day that starts (`end` False) or ends a period (`export --since monday --until friday`).

    A weekday names a day of this week, as a period is said: where it starts (`since` is
    None) the latest such day, today included (`monday` on a Wednesday is two days ago);
    where it ends, the first such day from the start (`friday`: this Friday, even on a
    Saturday). `this monday` is the same; `last monday` / `last friday` are the days of
    the week before this one (weeks start on Monday). Anything else is read as by
    `parse_day`.
    """
    words = [w.lower() for w in phrase.split()]
    which = words[0] if len(words) == 2 and words[0] in ("this", "last") else ""
    name = words[-1] if words and len(words) == (2 if which else 1) else ""
    found = match_day([name], 0, date_order(settings)) if name else None
    if found is None or found[1].kind != "weekday":
        if which == "last":
            raise WhenError(
                f"{what}: {phrase.strip()!r} is not a date (last takes a weekday: last monday)"
            )
        return parse_day(phrase, today=today, settings=settings, what=what)
    weekday = found[1].n
    day = pendulum.Date(today.year, today.month, today.day)
    monday = day.subtract(days=day.isoweekday() - 1)
    if which == "last":
        return monday.subtract(days=7).add(days=weekday - 1)
    if not end:
        return day.subtract(days=(day.isoweekday() - weekday) % 7)
    if since is None:
        return monday.add(days=weekday - 1)
    start = pendulum.Date(since.year, since.month, since.day)
    return start.add(days=(weekday - start.isoweekday()) % 7)
