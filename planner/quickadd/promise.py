"""The promise of a quick-add line: `by`/`due`/`before WHEN`, the forms that stand alone
(`in 2 hours`, `eod`), a WHEN that ends the line, and the default promise."""

from __future__ import annotations

import re
from typing import Any

import pendulum

from planner.config import Settings
from planner.quickadd.parsed import Span
from planner.quickadd.summary import mask
from planner.quickadd.tokens import TOKEN_STARTS, TRAILING, Lexeme, Promise, Reading, lex
from planner.quickadd.words import is_asap
from planner.when import WhenMatch, could_start, is_when_word, match_when, starts_alone

PROMISE_WORDS = ("by", "due", "before")
_MAX_WHEN_WORDS = 8
_GONE_BY_DAYS = 300
"""A date without a year that lands further ahead than this has just passed this year."""
_NOT_A_WHEN_START = frozenset({
    "sat", "sun", "wed", "may", "mar", "march", "a", "an", "the", "in", "on", "at", "of",
    "this", "next", "first", "end", "half", "close", "day", "week", "hour", "within",
    "business", "working", "workday", "am", "pm", "asap", "as",
})  # fmt: skip
"""Words that are usually prose where a WHEN phrase could start ("she sat down", "in the
end"): a WHEN left in the summary is noted only when it starts with a clearer word."""
ASAP = re.compile(r"(?<![\w.])(?:a\.?s\.?a\.?p\.?|as soon as possible)(?![\w-])", re.IGNORECASE)

MOTION = frozenset({
    "stopped", "dropped", "came", "popped", "passed", "swung", "stop", "drop", "come", "pop",
    "pass", "swing", "went", "go", "going", "walked", "drove", "stopping", "dropping", "coming",
})  # fmt: skip
"""Verbs after which `by` is a place, not a promise ("she stopped by to say thanks")."""
_GETTING_BACK = re.compile(
    r"(?:\bback|\breply|\brespond|\brevert|\bfollow[- ]?up|\b(?:call|ring|phone|e-?mail)\s+"
    r"(?:her|him|them|me|us|[A-Z][\w'’-]*)|\bget\s+back\s+to\s+\S+)[,;]?\s*$",
    re.IGNORECASE,
)
"""The words before a day that make it the promise: "call back tues", "ring him friday"."""
_PREPOSITIONS = frozenset({
    "for", "on", "to", "until", "till", "from", "since", "after", "before", "of", "about",
    "at", "in", "into", "over", "during", "that", "last",
})  # fmt: skip
"""Words that make the day after them prose: "the order for Friday"."""


def _following(lexemes: list[Lexeme], k: int) -> list[Lexeme]:
    """The plain words from lexemes[k], up to the next token."""
    words: list[Lexeme] = []
    for lexeme in lexemes[k : k + _MAX_WHEN_WORDS]:
        if lexeme.quoted_org is not None or lexeme.text[0] in TOKEN_STARTS:
            break
        words.append(lexeme)
    return words


def read_promise(
    reading: Reading,
    lexemes: list[Lexeme],
    k: int,
    now: pendulum.DateTime,
    settings: Settings,
) -> int:
    """`by WHEN` / `due WHEN` / `before WHEN` at lexemes[k]: how many lexemes the WHEN took."""
    keyword = lexemes[k].text.lower()
    following = _following(lexemes, k + 1)
    if not following or (keyword == "due" and following[0].text.lower() == "to"):
        return 0  # "stopped by", "due to the delay": prose
    words = [lexeme.text for lexeme in following]
    found = match_when(words, now=now, settings=settings, before=keyword == "before")
    if found.words == 0:
        # "before the meeting" is prose; "before 0" is a time that could not be read
        if keyword != "before" or words[0][:1].isdigit():
            unread: list[str] = []
            for word in words:
                unread.append(word)
                if not is_when_word(word):
                    break
            reading.unread_promises.append((keyword, " ".join(unread)))
        return 0
    last = following[found.words - 1]
    first = lexemes[k]
    before_day = lexemes[k - 2].text.lower() if k > 1 else ""
    if (
        k > 0
        and found.timed
        and lexemes[k - 1].text[0] not in TOKEN_STARTS
        and before_day not in _PREPOSITIONS
    ):
        # "call back today by 2": the day before `by` belongs to the promise, unless a
        # preposition makes it prose ("catering order for Friday by 17:00")
        day = lexemes[k - 1]
        both = match_when([day.text, *words[: found.words]], now=now, settings=settings)
        if both.words == found.words + 1 and not _covered(reading, day):
            found, first = both, day
    span = Span(first.start, last.end, "promise")
    said = " ".join(x.text for x in lexemes[lexemes.index(first) : k + 1 + found.words])
    promise = Promise(said.rstrip(TRAILING), found, span)
    if _gone_by(words[: found.words], found, now):
        # "signed SOW due 4/12" on 7 Dec: the date has just passed, so it is what was
        # due, not a promise a year ahead; it is the promise only if the line has no other
        reading.gone_by.append(promise)
        return found.words
    reading.spans.append(span)
    reading.promises.append(promise)
    return found.words - (1 if first is not lexemes[k] else 0)


_YEAR = re.compile(r"\d{4}")


def _gone_by(words: list[str], found: WhenMatch, now: pendulum.DateTime) -> bool:
    """A date without a year read as next year's because this year's has just passed."""
    if found.value is None or any(_YEAR.search(word) for word in words):
        return False
    return (found.value - now).in_days() > _GONE_BY_DAYS


def _covered(reading: Reading, lexeme: Lexeme) -> bool:
    return any(s.start < lexeme.end and lexeme.start < s.end for s in reading.spans)


def _words(words: list[str], found: WhenMatch) -> str:
    return " ".join(words[: found.words]).rstrip(TRAILING)


def read_alone(
    reading: Reading,
    lexemes: list[Lexeme],
    k: int,
    now: pendulum.DateTime,
    settings: Settings,
) -> int:
    """A promise form written without a keyword (`in 2 hours`, `eod`): lexemes it took."""
    following = _following(lexemes, k)
    words = [lexeme.text for lexeme in following]
    if not words or not starts_alone(words) or is_asap(" ".join(words[:4]).rstrip(",;.!")):
        return 0
    if is_asap(words[0].rstrip(",;.!")):
        return 0  # ASAP alone is a priority word, read after the scan
    found = match_when(words, now=now, settings=settings)
    if found.words == 0:
        return 0
    span = Span(lexemes[k].start, following[found.words - 1].end, "promise")
    reading.alone.append(Promise(_words(words, found), found, span))
    return found.words


def chosen_promise(reading: Reading, notes: list[str]) -> tuple[Promise | None, list[str]]:
    """The promise of the line, and errors: a keyword promise, else the first one alone."""
    if len(reading.promises) > 1:
        first, second = reading.promises[0].text, reading.promises[1].text
        return reading.promises[0], [f"more than one promise: {first!r} and {second!r}"]
    if reading.promises:
        for other in reading.alone:
            notes.append(
                f"{other.text!r} stays in the summary: the promise is {reading.promises[0].text!r}"
            )
        return reading.promises[0], []
    if reading.alone:
        for other in reading.alone[1:]:
            notes.append(
                f"{other.text!r} stays in the summary: the promise is {reading.alone[0].text!r}"
            )
        return reading.alone[0], []
    return None, []


_last_default: list[tuple[tuple[pendulum.DateTime, Settings], Any]] = []
"""The last default promise worked out: the preview asks again on every keystroke."""


def default_promise(
    now: pendulum.DateTime, settings: Settings
) -> tuple[pendulum.DateTime | None, list[str]]:
    key = (now, settings)
    if _last_default and _last_default[0][0] == key:
        value, errors = _last_default[0][1]
        return value, list(errors)
    found = _work_out_default(now, settings)
    _last_default[:] = [(key, (found[0], tuple(found[1])))]
    return found


def _work_out_default(
    now: pendulum.DateTime, settings: Settings
) -> tuple[pendulum.DateTime | None, list[str]]:
    default = settings.default_promise
    found = match_when(default.split(), now=now, settings=settings)
    if found.words == 0 or found.words < len(default.split()):
        return None, [f"settings: default_promise {default!r} is not a date phrase"]
    if found.error:
        return None, [f"default promise ({default}): {found.error}"]
    return found.value, []


def trailing_when(
    text: str, spans: list[Span], start: int, now: pendulum.DateTime, settings: Settings
) -> Promise | None:
    """The WHEN that ends the line, written without `by`, when it is plainly the promise:
    one with a time of day ("call back tomorrow 9am"), or a day right after getting back
    ("call back tues", "ring him in 3 days"). Otherwise a day there is prose ("meeting
    moved to friday", "wants 30 min with Dan next week")."""
    masked = mask(text, spans)
    lexemes = lex(masked, start)
    words = [lexeme.text for lexeme in lexemes]
    for k in range(max(0, len(words) - _MAX_WHEN_WORDS), len(words)):
        first = words[k].lower()
        if not could_start(first) or first.isdigit() or ASAP.match(" ".join(words[k:])):
            continue  # "needs 3": no promise; ASAP stays a priority word that also promises
        if any(not s.kept and lexemes[k].start <= s.start < lexemes[-1].end for s in spans):
            continue  # a WHEN never reads across a token ("today @Acme noon")
        found = match_when(words[k:], now=now, settings=settings)
        if found.words != len(words) - k:
            continue
        getting_back = _GETTING_BACK.search(masked, 0, lexemes[k].start) is not None
        prose_start = first in ("in", "within", "the", "a", "an", "of", "on", "end")
        if (found.timed and not prose_start) or (getting_back and found.error is None):
            span = Span(lexemes[k].start, lexemes[-1].end, "promise")
            return Promise(_words(words[k:], found), found, span)
    return None


def prose_when_notes(
    masked: str, start: int, now: pendulum.DateTime, settings: Settings
) -> list[str]:
    """Notes for WHEN phrases left in the summary when no promise was written."""
    notes: list[str] = []
    lexemes = lex(masked, start)
    words = [lexeme.text for lexeme in lexemes]
    k = 0
    while k < len(words):
        word = words[k].lower().rstrip(",;.!?")
        if could_start(word) and not word.isdigit() and word not in _NOT_A_WHEN_START:
            found = match_when(words[k : k + _MAX_WHEN_WORDS], now=now, settings=settings)
            if found.words:
                phrase = " ".join(words[k : k + found.words]).rstrip(",;.!?")
                notes.append(
                    f"{phrase!r} stays in the summary: write `by {phrase}` to make it the promise"
                )
                k += found.words
                continue
        k += 1
    return notes
