"""The quick-add line: `Name: what it is about @Org by WHEN !prio #tag ~channel` → QuickAdd.

`parse` never raises on bad input: problems go into `QuickAdd.errors`, readings taken where
words could mean two things go into `QuickAdd.notes`, and every recognised token is
reported as a span so a live preview can show what was understood. Nothing is dropped: a
word that is not a token (or is a faulty one) stays in the summary.

The promise: `by`/`due`/`before WHEN` anywhere; without a keyword only the forms that
cannot be anything else — `asap`, `in 2 hours`, `within the hour`, `eod`, `cob`, `end of
day`, `end of week` — and the first of those wins. A WHEN phrase elsewhere in the line
(`meeting moved to friday`) is prose and stays in the summary; when no promise was given
the preview says how to make it one. `by`/`due` followed by words that are no date is an
error (a mistyped promise must not become the default one), unless another promise was
read; `due to`, `stopped by` and a final `by` are prose; `before` + no date is prose.

Priority, channel and kind also come from plain words (planner.quickadd.words);
a written `!priority` / `~channel` wins over them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import pendulum

from planner.config import Settings
from planner.domain.base import FIRST_YEAR, LAST_YEAR
from planner.domain.followup import Channel, FollowUpKind
from planner.domain.priority import Priority
from planner.quickadd.customer import CUSTOMER_MISSING, read_customer
from planner.quickadd.words import (
    channel_words,
    guess_kind,
    is_asap,
    kind_word,
    priority_words,
    reached_by,
)
from planner.text import clean_line
from planner.when import (
    WhenMatch,
    could_start,
    is_when_word,
    match_when,
    promise_flags,
    starts_alone,
)

SpanRole = Literal[
    "customer", "organization", "intro", "promise", "priority", "tag", "channel", "kind"
]


class Span(NamedTuple):
    """Where a recognised token sits in the input: `text[start:end]`."""

    start: int
    end: int
    role: SpanRole
    kept: bool = False
    """True when the words stay in the summary too (a plain priority, channel or kind word)."""


@dataclass(frozen=True)
class QuickAdd:
    """What one quick-add line says: the follow-up to create, or why it cannot be saved yet."""

    text: str
    """The input as given (spans index into it)."""
    customer: str
    """From `Name:`, `Name @Org:` or `Name from Org called, …`, cleaned; "" when missing."""
    organization: str
    """The `@Org` (or `from Org`), cleaned; "" when none."""
    internal: bool
    """True when the organisation is the executive's own (settings.own_organization)."""
    summary: str
    """Every word that is not a token, in order, cleaned."""
    kind: FollowUpKind
    kind_guessed: bool
    """True when no kind word was written and the kind was guessed from the summary."""
    channel: Channel
    channel_given: bool
    """True when a `~channel` or a channel phrase ("call back") said it (else the default:
    phone for complaints, email otherwise)."""
    priority: Priority
    tags: tuple[str, ...]
    """Without `#`, lower-cased, first occurrence order."""
    promised_by: pendulum.DateTime | None
    """The promise in the executive's zone; None when the WHEN (or the default) is in error."""
    promise_given: bool
    """False when no promise was written and settings.default_promise was used."""
    errors: tuple[str, ...]
    """Short messages naming the offending text; empty when the line can be saved."""
    spans: tuple[Span, ...]
    """Recognised tokens, by position. A span with `kept` overlaps the summary."""
    notes: tuple[str, ...] = ()
    """Readings taken where words could mean two things, and flags (a promise outside the
    workday), for the preview and `add` to show."""

    @property
    def ok(self) -> bool:
        """True when the line can be saved as a follow-up."""
        return not self.errors and self.promised_by is not None


# --- vocabulary -------------------------------------------------------------------------------

_PRIORITY_TOKENS: dict[str, Priority] = {
    "1": "urgent",
    "urgent": "urgent",
    "2": "high",
    "high": "high",
    "3": "normal",
    "normal": "normal",
    "4": "low",
    "low": "low",
}
_CHANNEL_TOKENS: dict[str, Channel] = {
    "phone": "phone",
    "call": "phone",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "in-person": "in-person",
    "inperson": "in-person",
    "meet": "in-person",
    "meeting": "in-person",
}
_PROMISE_WORDS = ("by", "due", "before")
_MAX_WHEN_WORDS = 8
_GONE_BY_DAYS = 300
"""A date without a year that lands further ahead than this has just passed this year."""
_TRAILING = ",;."
_TOKEN_STARTS = "@!#~"

_SUMMARY_MISSING = "nothing to follow up: add what it is about"
_NOT_A_WHEN_START = frozenset({
    "sat", "sun", "wed", "may", "mar", "march", "a", "an", "the", "in", "on", "at", "of",
    "this", "next", "first", "end", "half", "close", "day", "week", "hour", "within",
    "business", "working", "workday", "am", "pm", "asap", "as",
})  # fmt: skip
"""Words that are usually prose where a WHEN phrase could start ("she sat down", "in the
end"): a WHEN left in the summary is noted only when it starts with a clearer word."""
_ASAP = re.compile(r"(?<![\w.])(?:a\.?s\.?a\.?p\.?|as soon as possible)(?![\w-])", re.IGNORECASE)

_TAG = re.compile(r"[\w/-]+")
_MOTION = frozenset({
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
_DANGLING = re.compile(r"(?:\s*[,;:]\s*promised|\s+[-–—]|\s*[,;:])+\s*$", re.IGNORECASE)
"""What a token at the end of the line leaves dangling in the summary."""
_BOUNDARY = "\ue000"
_PUNCTUATION_AFTER = re.compile(r"\s*" + _BOUNDARY + r"\s*(?=[,;.!?)])")


# --- lexing -----------------------------------------------------------------------------------


class _Lexeme(NamedTuple):
    start: int
    end: int
    text: str
    quoted_org: str | None = None
    """For `@"Multi Word Org"`: the text between the quotes."""


_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"\S+")


def _lex(text: str, pos: int) -> list[_Lexeme]:
    """Whitespace-separated words from `pos`, with `@"…"` / `@'…'` kept as one lexeme."""
    lexemes: list[_Lexeme] = []
    while found := _NON_SPACE.search(text, pos):
        i = found.start()
        if text.startswith(('@"', "@'"), i):
            close = text.find(text[i + 1], i + 2)
            if close >= 0:
                end = close + 1
                while end < len(text) and text[end] in _TRAILING:
                    end += 1
                lexemes.append(_Lexeme(i, end, text[i:end], text[i + 2 : close]))
                pos = end
                continue
        word = _WORD.match(text, i)
        assert word is not None
        lexemes.append(_Lexeme(i, word.end(), word.group()))
        pos = word.end()
    return lexemes


def _core(word: str) -> str:
    """A token's body: without its sigil and without trailing `,;.`."""
    return word[1:].rstrip(_TRAILING)


# --- the line ---------------------------------------------------------------------------------


class _Promise(NamedTuple):
    text: str
    """The words as typed, for messages ("by fri")."""
    found: WhenMatch
    span: Span


class _Reading:
    """What the scan has found so far (mutable while scanning one line)."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.errors: list[str] = []
        self.organization = ""
        self.organization_text = ""
        self.priority: Priority | None = None
        self.priority_text = ""
        self.channel: Channel | None = None
        self.channel_text = ""
        self.tags: list[str] = []
        self.promises: list[_Promise] = []
        """Each `by`/`due`/`before` that read a WHEN."""
        self.alone: list[_Promise] = []
        """Each promise form written without a keyword (`in 2 hours`, `eod`)."""
        self.gone_by: list[_Promise] = []
        """Each `by`/`due` date that has just passed this year ("due 4/12" on 7 Dec)."""
        self.unread_promises: list[tuple[str, str]] = []
        """Each `by`/`due` followed by words that are not a WHEN: (keyword, those words)."""

    def token(self, lexeme: _Lexeme, role: SpanRole) -> None:
        self.spans.append(Span(lexeme.start, lexeme.end, role))


def _read_organization(reading: _Reading, lexeme: _Lexeme) -> None:
    if lexeme.quoted_org is not None:
        name = clean_line(lexeme.quoted_org)
        if not name:
            reading.errors.append(f"empty organisation: {lexeme.text!r}")
            return
    else:
        name = _core(lexeme.text)
        if name[:1] in ("'", '"'):
            reading.errors.append(f"the quote after @ is not closed: {lexeme.text!r}")
            return
        if not name[:1].isalnum():
            return  # a lone "@" or "@)" is prose
        name = clean_line(name)
    if reading.organization:
        reading.errors.append(
            f"more than one organisation: {reading.organization_text!r} and {lexeme.text!r}"
        )
        return
    reading.organization, reading.organization_text = name, lexeme.text
    reading.token(lexeme, "organization")


def _read_priority(reading: _Reading, lexeme: _Lexeme) -> None:
    core = _core(lexeme.text)
    if not core[:1].isalnum():
        return  # "!" or "!!!" is prose
    priority = _PRIORITY_TOKENS.get(core.lower())
    if priority is None:
        reading.errors.append(
            f"unknown priority {'!' + core!r}: use !1–!4 or !urgent, !high, !normal, !low"
        )
    elif reading.priority is not None:
        reading.errors.append(
            f"more than one priority: {reading.priority_text!r} and {'!' + core!r}"
        )
    else:
        reading.priority, reading.priority_text = priority, "!" + core
        reading.token(lexeme, "priority")


def _read_tag(reading: _Reading, lexeme: _Lexeme) -> None:
    core = _core(lexeme.text)
    if not core[:1].isalpha():
        return  # "#4521" is an order number, not a tag
    if not _TAG.fullmatch(core):
        reading.errors.append(f"not a tag: {lexeme.text!r} (use letters, digits, - _ /)")
        return
    tag = core.lower()
    if tag not in reading.tags:
        reading.tags.append(tag)
    reading.token(lexeme, "tag")


def _read_channel(reading: _Reading, lexeme: _Lexeme) -> None:
    core = _core(lexeme.text)
    if not core[:1].isalpha():
        return  # "~5 min" is prose
    channel = _CHANNEL_TOKENS.get(core.lower())
    if channel is None:
        reading.errors.append(f"unknown channel {'~' + core!r}: use ~phone, ~email or ~in-person")
    elif reading.channel is not None:
        reading.errors.append(f"more than one channel: {reading.channel_text!r} and {'~' + core!r}")
    else:
        reading.channel, reading.channel_text = channel, "~" + core
        reading.token(lexeme, "channel")


def _following(lexemes: list[_Lexeme], k: int) -> list[_Lexeme]:
    """The plain words from lexemes[k], up to the next token."""
    words: list[_Lexeme] = []
    for lexeme in lexemes[k : k + _MAX_WHEN_WORDS]:
        if lexeme.quoted_org is not None or lexeme.text[0] in _TOKEN_STARTS:
            break
        words.append(lexeme)
    return words


def _read_promise(
    reading: _Reading,
    lexemes: list[_Lexeme],
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
        and lexemes[k - 1].text[0] not in _TOKEN_STARTS
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
    promise = _Promise(said.rstrip(_TRAILING), found, span)
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


def _covered(reading: _Reading, lexeme: _Lexeme) -> bool:
    return any(s.start < lexeme.end and lexeme.start < s.end for s in reading.spans)


def _words(words: list[str], found: WhenMatch) -> str:
    return " ".join(words[: found.words]).rstrip(_TRAILING)


def _read_alone(
    reading: _Reading,
    lexemes: list[_Lexeme],
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
    reading.alone.append(_Promise(_words(words, found), found, span))
    return found.words


def _scan(text: str, start: int, now: pendulum.DateTime, settings: Settings) -> _Reading:
    reading = _Reading()
    lexemes = _lex(text, start)
    k = 0
    while k < len(lexemes):
        lexeme = lexemes[k]
        sigil = lexeme.text[0]
        if lexeme.quoted_org is not None or sigil == "@":
            _read_organization(reading, lexeme)
        elif sigil == "!":
            _read_priority(reading, lexeme)
        elif sigil == "#":
            _read_tag(reading, lexeme)
        elif sigil == "~":
            _read_channel(reading, lexeme)
        elif lexeme.text.lower() in _PROMISE_WORDS:
            after_motion = k > 0 and lexemes[k - 1].text.lower().rstrip(",;.") in _MOTION
            if not (after_motion and lexeme.text.lower() == "by"):  # "stopped by to say …"
                k += _read_promise(reading, lexemes, k, now, settings)
        else:
            taken = _read_alone(reading, lexemes, k, now, settings)
            k += max(taken - 1, 0)
        k += 1
    return reading


def _chosen_promise(reading: _Reading, notes: list[str]) -> tuple[_Promise | None, list[str]]:
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


def _default_promise(
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


def _summary(text: str, spans: list[Span]) -> str:
    """The words outside the tokens, in order; punctuation that followed a token closes up
    on the word before it ("plan @Acme, urgent" → "plan, urgent")."""
    pieces: list[str] = []
    pos = 0
    for span in sorted(s for s in spans if not s.kept):
        if span.end <= pos:
            continue
        pieces += [text[pos : max(span.start, pos)], _BOUNDARY]
        pos = span.end
    pieces.append(text[pos:])
    joined = _PUNCTUATION_AFTER.sub("", "".join(pieces)).replace(_BOUNDARY, " ")
    return clean_line(joined)


def _take_dangling(text: str, spans: list[Span], start: int) -> list[Span]:
    """A token that ends the line takes what led up to it ("the board pack, by 7", "the
    signed copy, promised by fri"): the summary does not end on a dangling comma."""
    masked = _mask(text, spans)
    ending = [s for s in spans if not s.kept and not masked[s.end :].strip()]
    if not ending:
        return spans
    last = min(ending, key=lambda s: s.start)
    found = _DANGLING.search(masked, start, last.start)
    if found is None or not masked[start : found.start()].strip():
        return spans
    return [s._replace(start=found.start()) if s == last else s for s in spans]


def _release_punctuation(text: str, spans: list[Span], start: int) -> list[Span]:
    """A token's trailing `,`/`;` goes back to the summary when summary words stand on
    both sides of it ("hiring plan by thu 2pm, urgent" keeps its comma)."""
    masked = _mask(text, spans)
    tidy: list[Span] = []
    for span in spans:
        last = text[span.end - 1] if span.end > span.start + 1 else ""
        if (
            not span.kept
            and last in ",;"
            and span.role not in ("customer", "intro")
            and masked[start : span.start].strip()
            and masked[span.end :].strip()
        ):
            span = span._replace(end=span.end - 1)
        tidy.append(span)
    return tidy


def _mask(text: str, spans: list[Span]) -> str:
    """`text` with every token that leaves the summary blanked out (same length)."""
    chars = list(text)
    for span in spans:
        if not span.kept:
            chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _trailing_when(
    text: str, spans: list[Span], start: int, now: pendulum.DateTime, settings: Settings
) -> _Promise | None:
    """The WHEN that ends the line, written without `by`, when it is plainly the promise:
    one with a time of day ("call back tomorrow 9am"), or a day right after getting back
    ("call back tues", "ring him in 3 days"). Otherwise a day there is prose ("meeting
    moved to friday", "wants 30 min with Dan next week")."""
    masked = _mask(text, spans)
    lexemes = _lex(masked, start)
    words = [lexeme.text for lexeme in lexemes]
    for k in range(max(0, len(words) - _MAX_WHEN_WORDS), len(words)):
        first = words[k].lower()
        if not could_start(first) or first.isdigit() or _ASAP.match(" ".join(words[k:])):
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
            return _Promise(_words(words[k:], found), found, span)
    return None


def _prose_when_notes(
    masked: str, start: int, now: pendulum.DateTime, settings: Settings
) -> list[str]:
    """Notes for WHEN phrases left in the summary when no promise was written."""
    notes: list[str] = []
    lexemes = _lex(masked, start)
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


def parse(text: str, *, now: pendulum.DateTime, settings: Settings) -> QuickAdd:
    """Read one quick-add line. Never raises for bad input: see `QuickAdd.errors`."""
    errors: list[str] = []
    notes: list[str] = []
    customer = read_customer(text)
    spans: list[Span] = [Span(start, end, role) for start, end, role in customer.spans]
    if not customer.name:
        errors.append(CUSTOMER_MISSING)
    if customer.error:
        errors.append(customer.error)
    reading = _scan(text, customer.end, now, settings)
    if customer.organization:
        reading_org = reading.organization_text
        if reading_org:
            errors.append(
                f"more than one organisation: {customer.organization_text!r} and {reading_org!r}"
            )
            spans += [s for s in reading.spans if s.role != "organization"]
        else:
            spans += reading.spans
        organization = customer.organization
    else:
        spans += reading.spans
        organization = reading.organization
    errors += reading.errors

    promise, promise_errors = _chosen_promise(reading, notes)
    errors += promise_errors
    if promise is None and not reading.unread_promises:
        promise = _trailing_when(text, spans, customer.end, now, settings)
        if promise is not None:
            reading.alone.append(promise)
            notes.append(f"{promise.text!r} at the end read as the promise (no `by`)")
    if promise is None and reading.gone_by and not reading.unread_promises:
        promise = reading.gone_by[0]
        reading.alone.append(promise)
    elif promise is not None:
        for passed in reading.gone_by:
            notes.append(
                f"{passed.text!r} stays in the summary: that date has passed this year "
                f"(the promise is {promise.text!r})"
            )
    if promise is not None and promise in reading.alone:
        spans.append(promise.span)
    promise_given = promise is not None or bool(reading.unread_promises)
    promised_by: pendulum.DateTime | None = None
    if promise is not None:
        promised_by = promise.found.value
        if promise.found.error:
            errors.append(promise.found.error)
        notes += promise.found.notes
    elif reading.unread_promises:
        keyword, words = reading.unread_promises[0]
        errors.append(f"could not read a date after `{keyword}`: {words!r}")

    masked = _mask(text, spans)
    priority = reading.priority
    plain_priority, priority_found = priority_words(masked)
    for word in priority_found:
        spans.append(Span(word.start, word.end, "priority", kept=True))
    asap = next((w for w in priority_found if is_asap(w.word)), None)
    if promise is not None and _ASAP.search(promise.text):
        plain_priority = "urgent"  # `by asap`
    said = [repr(w.word) for w in priority_found] or [repr(promise.text if promise else "")]
    if priority is None:
        priority = plain_priority
        if plain_priority:
            notes.append(f"priority {plain_priority} (from {', '.join(said)})")
    elif plain_priority and plain_priority != priority:
        notes.append(
            f"{said[0]} in the text: priority stays {priority}, as written "
            f"({reading.priority_text})"
        )

    if promise is None and not reading.unread_promises and asap is not None:
        found = match_when([asap.word], now=now, settings=settings)
        promised_by, promise_given = found.value, True
        notes.append(f"{asap.word!r} read as the promise: within {settings.asap_minutes} min")
    elif promise is None and not reading.unread_promises:
        promised_by, default_errors = _default_promise(now, settings)
        errors += default_errors
        notes += _prose_when_notes(masked, customer.end, now, settings)

    kind: FollowUpKind
    written_kind = kind_word(_mask(text, spans))
    if written_kind is not None:
        kind = written_kind.kind
        label = written_kind.label
        spans.append(Span(written_kind.start, written_kind.end, "kind", kept=not label))
        if label:
            notes.append(f"{kind!r} labels the line: kind {kind}, left out of the summary")
    spans = _take_dangling(text, _release_punctuation(text, spans, customer.end), customer.end)
    summary = _summary(text, spans)
    if not summary:
        errors.append(_SUMMARY_MISSING)
    if written_kind is None:
        kind = guess_kind(summary)

    channel = reading.channel
    if channel is None:
        channel, channel_found = channel_words(_mask(text, spans), customer.end)
        for word in channel_found:
            spans.append(Span(word.start, word.end, "channel", kept=True))
        if channel is not None:
            notes.append(f"channel {channel} (from {channel_found[0].word!r})")
        elif (reached := reached_by(_mask(text, spans), customer.end)) is not None:
            channel = reached[0]
            spans.append(Span(reached[1].start, reached[1].end, "channel", kept=True))
            notes.append(f"channel {channel}, as they reached you ({reached[1].word!r})")
        elif customer.channel is not None:
            channel = customer.channel
            notes.append(f"channel {channel}, as they reached you ({customer.verb!r})")
    channel_given = channel is not None
    final_channel: Channel = channel or ("phone" if kind == "complaint" else "email")

    if promised_by is not None and promise_given:
        notes += promise_flags(promised_by, settings)
    if promised_by is not None and not FIRST_YEAR <= promised_by.year <= LAST_YEAR:
        errors.append(f"the promise must be in the years {FIRST_YEAR} to {LAST_YEAR}")
        promised_by = None
    own = clean_line(settings.own_organization).casefold()
    return QuickAdd(
        text=text,
        customer=customer.name,
        organization=organization,
        internal=customer.internal or (bool(own) and organization.casefold() == own),
        summary=summary,
        kind=kind,
        kind_guessed=written_kind is None,
        channel=final_channel,
        channel_given=channel_given,
        priority=priority or "normal",
        tags=tuple(reading.tags),
        promised_by=promised_by,
        promise_given=promise_given,
        errors=tuple(dict.fromkeys(errors)),
        spans=tuple(sorted(spans)),
        notes=tuple(dict.fromkeys(notes)),
    )
