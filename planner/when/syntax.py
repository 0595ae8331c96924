"""Which words make a WHEN: the vocabulary, and the phrase read from a list of words.

Reading only what is written: the day and time parts are turned into an instant by
planner.when.meaning.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from planner.when.parts import Day, DayKind, PartOfDay, Phrase, Time, TimeKind, Whole

_WEEKDAYS = {
    "mon": 1, "monday": 1,
    "tue": 2, "tues": 2, "tuesday": 2,
    "wed": 3, "weds": 3, "wednesday": 3,
    "thu": 4, "thur": 4, "thurs": 4, "thursday": 4,
    "fri": 5, "friday": 5,
    "sat": 6, "saturday": 6,
    "sun": 7, "sunday": 7,
}  # fmt: skip
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_RELATIVE_DAYS = {"today": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "yesterday": -1}
_NEXT_WORKDAY = (("workday",), ("business", "day"), ("working", "day"))
_MINUTE_UNITS = {
    "m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1,
    "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60,
}  # fmt: skip
"""`in N <unit>` counted in absolute minutes (`in 2h` is 120 minutes from now, DST or not)."""
_DAY_UNITS = {
    "d": 1, "day": 1, "days": 1,
    "w": 7, "wk": 7, "wks": 7, "week": 7, "weeks": 7,
}  # fmt: skip
"""`in N <unit>` counted in calendar days: the same wall-clock time N days on."""

_PARTS: dict[str, PartOfDay] = {
    "morning": "morning",
    "lunchtime": "lunchtime",
    "lunch": "lunchtime",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "evening",
}
_TONIGHT = {"tonight": "evening", "tonite": "evening"}
_HALF_DAYS: dict[str, PartOfDay] = {"a": "morning", "p": "afternoon"}
"""`am` / `pm` after a day (`tomorrow am`, `fri pm`) or `this`: the morning or the afternoon."""
EOD_WORDS = frozenset({"eod", "cob", "eob", "eop"})
EOD_PHRASES = (
    ("end", "of", "day"),
    ("end", "of", "the", "day"),
    ("end", "of", "business"),
    ("close", "of", "business"),
    ("end", "of", "play"),
)
EOW_PHRASES = (("end", "of", "week"), ("end", "of", "the", "week"))
ASAP_WORDS = frozenset({"asap", "a.s.a.p"})
ASAP_PHRASE = ("as", "soon", "as", "possible")
_FIRST_THING = ("first", "thing")

_OTHER_WORDS = frozenset({
    "next", "this", "week", "workday", "business", "working", "day", "in", "on", "at", "a",
    "an", "the", "of", "noon", "midday", "midnight", "am", "pm", "within", "half", "end",
    "close", "first", "thing", "o'clock", "oclock", "hour",
})  # fmt: skip
"""The rest of the WHEN vocabulary, to name the word a WHEN stumbles on."""

_TRAILING = ",;.!?)"
"""Punctuation allowed at the end of a WHEN word (`by tomorrow, then …`)."""
_AMPM = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?")
_AMPM_WORD = re.compile(r"([ap])\.?m\.?")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.]|h(?=\d))(\d{2})")
_NUMBER = re.compile(r"\d{1,6}")
_HOUR = re.compile(r"\d{1,2}")
_DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_YEAR = re.compile(r"\d{4}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?")
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}(?::?\d{2})?)?"
)
_GLUED_DURATION = re.compile(r"(\d{1,6})([a-z]+)")


@functools.lru_cache(maxsize=4096)
def _norm(word: str) -> str:
    return word.lower().lstrip("(").rstrip(_TRAILING)


def _label(words: Sequence[str]) -> str:
    return " ".join(w.lstrip("(").rstrip(_TRAILING) for w in words)


def word_at(words: Sequence[str], i: int) -> str:
    return _norm(words[i]) if i < len(words) else ""


def starts_with(words: Sequence[str], i: int, phrase: tuple[str, ...]) -> bool:
    if word_at(words, i) != phrase[0]:
        return False
    return tuple(word_at(words, i + k) for k in range(len(phrase))) == phrase


_STARTERS = frozenset({
    "eow", "next", "this", "on", "at", "the", "in", "within", "end", "close", "first", "noon",
    "midday", "midnight", "as",
})  # fmt: skip


def could_start(word: str) -> bool:
    """A cheap first look: whether a WHEN could start at `word` (most prose words cannot)."""
    w = _norm(word)
    return bool(w) and (
        w[0].isdigit()
        or w in _STARTERS
        or w in _WEEKDAYS
        or w in _MONTHS
        or w in _RELATIVE_DAYS
        or w in _PARTS
        or w in _TONIGHT
        or w in EOD_WORDS
        or w in ASAP_WORDS
    )


def match_day(words: Sequence[str], i: int, order: str) -> tuple[int, Day] | None:
    """A day part starting at words[i]: (words taken, day) or None."""
    w, nxt, nxt2 = word_at(words, i), word_at(words, i + 1), word_at(words, i + 2)

    def taking(taken: int, kind: DayKind, **fields: int) -> tuple[int, Day]:
        return taken, Day(kind, _label(words[i : i + taken]), **fields)

    if w in _RELATIVE_DAYS:
        return taking(1, "offset", n=_RELATIVE_DAYS[w])
    if w in _WEEKDAYS:
        return taking(1, "weekday", n=_WEEKDAYS[w])
    if w == "eow":
        return taking(1, "eow")
    for phrase in EOW_PHRASES:
        if starts_with(words, i, phrase):
            return taking(len(phrase), "eow")
    if starts_with(words, i, ("end", "of", "next", "week")):
        return taking(4, "eow", n=1)
    if w == "this" and nxt in _WEEKDAYS:
        return taking(2, "this-weekday", n=_WEEKDAYS[nxt])
    if w == "next":
        if nxt in _WEEKDAYS:
            return taking(2, "next-weekday", n=_WEEKDAYS[nxt])
        if nxt == "week":
            return taking(2, "next-week")
        for tail in _NEXT_WORKDAY:
            if (nxt, nxt2)[: len(tail)] == tail:
                return taking(1 + len(tail), "next-workday")
        return None
    if w == "on" and nxt:
        found = match_day(words, i + 1, order)
        if found and found[1].kind != "in-days":
            return 1 + found[0], found[1]
        return None
    if w == "the" and (m := _ORDINAL.fullmatch(nxt)):
        return _day_of_month(words, i, 2, int(m.group(1)))
    if (m := _ORDINAL.fullmatch(w)) and nxt == "of" and nxt2 in _MONTHS:
        return _calendar_date(words, i, 3, _MONTHS[nxt2], int(m.group(1)))
    if w in ("in", "within"):
        duration = match_in(words, i)
        if duration and duration[2] == "days":
            taken, amount, _ = duration
            return taking(taken, "in-days", n=amount)
        return None
    if m := _ISO_DATE.fullmatch(w):
        year, month, day = (int(g) for g in m.groups())
        return taking(1, "date", month=month, day=day, year=year)
    if m := _NUMERIC_DATE.fullmatch(w):
        first, second = int(m.group(1)), int(m.group(2))
        month, day = (second, first) if order == "DMY" else (first, second)
        year = int(m.group(3) or 0)
        if 0 < year < 100:
            year += 2000
        return taking(1, "numeric", n=int(order == "DMY"), month=month, day=day, year=year)
    if w in _MONTHS and (m := _DAY_NUMBER.fullmatch(nxt)):
        return _calendar_date(words, i, 2, _MONTHS[w], int(m.group(1)))
    if w in _MONTHS and nxt == "the" and (m := _ORDINAL.fullmatch(nxt2)):
        return _calendar_date(words, i, 3, _MONTHS[w], int(m.group(1)))
    if (m := _DAY_NUMBER.fullmatch(w)) and nxt in _MONTHS:
        return _calendar_date(words, i, 2, _MONTHS[nxt], int(m.group(1)))
    if (m := _ORDINAL.fullmatch(w)) and not (nxt in _MONTHS or nxt == "of"):
        return _day_of_month(words, i, 1, int(m.group(1)))
    return None


def _day_of_month(words: Sequence[str], i: int, taken: int, day: int) -> tuple[int, Day]:
    """`the 3rd`, `3rd` (`the 3rd of dec` is a calendar date)."""
    if word_at(words, i + taken) == "of" and word_at(words, i + taken + 1) in _MONTHS:
        month = _MONTHS[word_at(words, i + taken + 1)]
        return _calendar_date(words, i, taken + 2, month, day)
    return taken, Day("month-day", _label(words[i : i + taken]), day=day)


def _calendar_date(
    words: Sequence[str], i: int, taken: int, month: int, day: int
) -> tuple[int, Day]:
    """`nov 24`, `24 nov`, `dec 1st`, `the 3rd of december`, with the year when one follows."""
    maybe_year = word_at(words, i + taken)
    year = 0
    if _YEAR.fullmatch(maybe_year):
        taken, year = taken + 1, int(maybe_year)
    return taken, Day("date", _label(words[i : i + taken]), month=month, day=day, year=year)


def match_in(words: Sequence[str], i: int) -> tuple[int, int, str] | None:
    """`in 2h`, `in 90 min`, `in an hour`, `in half an hour`, `within the hour`, `in 3d`:
    (words taken, amount, "minutes"|"days")."""
    nxt, nxt2 = word_at(words, i + 1), word_at(words, i + 2)
    if not nxt:
        return None
    if m := _GLUED_DURATION.fullmatch(nxt):
        taken, amount, unit = 2, int(m.group(1)), m.group(2)
    elif nxt == "half" and nxt2 in ("an", "a") and word_at(words, i + 3) == "hour":
        return 4, 30, "minutes"
    elif (
        _NUMBER.fullmatch(nxt) or nxt in ("a", "an") or (nxt == "the" and word_at(words, i) != "in")
    ):
        if not nxt2:
            return None
        taken, amount, unit = 3, int(nxt) if nxt.isdigit() else 1, nxt2
    else:
        return None
    if unit in _MINUTE_UNITS:
        return taken, amount * _MINUTE_UNITS[unit], "minutes"
    if unit in _DAY_UNITS:
        return taken, amount * _DAY_UNITS[unit], "days"
    return None


def _match_time(words: Sequence[str], i: int, bare_ok: bool) -> tuple[int, Time] | None:
    """A time part starting at words[i]: (words taken, time) or None.

    `bare_ok`: whether an hour alone (`3`) may be read as a time here (after `by`, `at`,
    or next to a day); elsewhere a number is prose.
    """
    w, nxt = word_at(words, i), word_at(words, i + 1)
    if w == "at" and nxt:
        found = _match_time(words, i + 1, bare_ok=True)
        return (1 + found[0], found[1]) if found else None

    def taking(
        taken: int,
        kind: TimeKind,
        hour: int = 0,
        minute: int = 0,
        pm: bool = False,
        part: PartOfDay | None = None,
    ) -> tuple[int, Time]:
        return taken, Time(kind, _label(words[i : i + taken]), hour, minute, pm, part)

    if w in ("noon", "midday"):
        return taking(1, "noon", 12, 0)
    if w in EOD_WORDS:
        return taking(1, "eod")
    for phrase in EOD_PHRASES:
        if starts_with(words, i, phrase):
            return taking(len(phrase), "eod")
    if w == "midnight":
        return taking(1, "midnight")
    if starts_with(words, i, _FIRST_THING):
        return taking(2, "start")
    if w in _PARTS:
        return taking(1, "part", part=_PARTS[w])
    if w in ("this", "the") and nxt in _PARTS:  # this afternoon, the morning
        return taking(2, "part", part=_PARTS[nxt])
    if w == "this" and (half := _AMPM_WORD.fullmatch(nxt)):  # this am, this pm
        return taking(2, "part", part=_HALF_DAYS[half.group(1)])
    if w == "in" and nxt == "the" and word_at(words, i + 2) in _PARTS:  # 9 in the morning
        return taking(3, "part", part=_PARTS[word_at(words, i + 2)])
    if m := _AMPM.fullmatch(w):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        return taking(1, "ampm", hour, minute, pm=m.group(3) == "p")
    if (m := _CLOCK.fullmatch(w)) or (bare_ok and _HOUR.fullmatch(w)):
        hour, minute = (int(m.group(1)), int(m.group(2))) if m else (int(w), 0)
        if ampm := _AMPM_WORD.fullmatch(nxt):
            return taking(2, "ampm", hour, minute, pm=ampm.group(1) == "p")
        taken = 2 if nxt in ("o'clock", "oclock") else 1
        if m is None:
            if not 0 < hour <= 23:
                return None
            kind: TimeKind = "bare" if hour <= 12 else "clock"
            return taking(taken, kind, hour, 0)
        twelve = 1 <= hour <= 12 and not w.startswith("0")
        return taking(taken, "twelve" if twelve else "clock", hour, minute)
    return None


def _match_whole(words: Sequence[str], i: int) -> tuple[int, Whole] | None:
    w = word_at(words, i)
    if m := _ISO_DATETIME.fullmatch(w):
        y, mo, d, h, mi, s = (int(g or 0) for g in m.groups()[:6])
        return 1, Whole(_label(words[i : i + 1]), iso=(y, mo, d, h, mi, s), offset=m[7] or "")
    if w in ("in", "within"):
        duration = match_in(words, i)
        if duration and duration[2] == "minutes":
            taken, amount, _ = duration
            return taken, Whole(_label(words[i : i + taken]), minutes=amount)
    if w in ASAP_WORDS:
        return 1, Whole(_label(words[i : i + 1]), asap=True)
    if starts_with(words, i, ASAP_PHRASE):
        return 4, Whole(_label(words[i : i + 4]), asap=True)
    return None


_PART_MERIDIEM = {"morning": False, "afternoon": True, "evening": True}
"""A part of the day next to an hour says am or pm: `9 in the morning`, `tomorrow night 8`."""


def _qualify(time: Time, part: Time) -> Time | None:
    """`3` + `afternoon` → 15:00; None when the two cannot combine."""
    if time.kind not in ("bare", "twelve") or part.part not in _PART_MERIDIEM:
        return None
    label = f"{time.label} {part.label}"
    pm = _PART_MERIDIEM[part.part]
    return Time("ampm", label, time.hour, time.minute, pm=pm, part=part.part)


def match_phrase(words: Sequence[str], order: str, bare_ok: bool) -> Phrase:
    """The longest run of words from the start that reads as a WHEN (words=0 when none)."""
    i = 0
    day: Day | None = None
    time: Time | None = None
    whole: Whole | None = None
    while i < len(words) and whole is None:
        if day is None and time is None and (found_whole := _match_whole(words, i)):
            i, whole = i + found_whole[0], found_whole[1]
            continue
        if day is None and word_at(words, i) in _TONIGHT and time is None:
            day = Day("offset", _label(words[i : i + 1]))
            time = Time("part", _label(words[i : i + 1]), part="evening")
            i += 1
            continue
        if day is None and (found_day := match_day(words, i, order)):
            i, day = i + found_day[0], found_day[1]
            continue
        if day is not None and time is None and (half := _AMPM_WORD.fullmatch(word_at(words, i))):
            time = Time("part", _label(words[i : i + 1]), part=_HALF_DAYS[half.group(1)])
            i += 1
            continue
        found_time = _match_time(words, i, bare_ok=bare_ok or day is not None or i > 0)
        if found_time is None:
            break
        if time is None:
            i, time = i + found_time[0], found_time[1]
            continue
        merged = _qualify(time, found_time[1]) or _qualify(found_time[1], time)
        if merged is None:
            break
        i, time = i + found_time[0], merged
    return Phrase(i, _label(words[:i]), day, time, whole)


def is_when_word(word: str) -> bool:
    """True when the word belongs to the WHEN vocabulary (used to name the unreadable part)."""
    w = _norm(word)
    return (
        w in _WEEKDAYS
        or w in _MONTHS
        or w in _RELATIVE_DAYS
        or w in _MINUTE_UNITS
        or w in _DAY_UNITS
        or w in _OTHER_WORDS
        or w in _PARTS
        or w in _TONIGHT
        or w in EOD_WORDS
        or w in ASAP_WORDS
        or w == "eow"
        or bool(_NUMBER.fullmatch(w))
        or bool(_ORDINAL.fullmatch(w))
        or bool(_NUMERIC_DATE.fullmatch(w))
        or bool(_AMPM_WORD.fullmatch(w))
        or _match_whole([w], 0) is not None
        or _match_time([w], 0, bare_ok=False) is not None
        or match_day([w], 0, "DMY") is not None
    )
