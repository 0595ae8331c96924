"""Invariants of the quick-add grammar, for any input, any `now` and any zone."""

from __future__ import annotations

import itertools

import pendulum
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.config import Settings
from planner.quickadd import QuickAdd, parse
from planner.quickadd.words import KIND_WORD
from planner.text import clean_line
from planner.when import WhenError, is_when_word, parse_when

PARIS = "Europe/Paris"
SETTINGS = Settings(timezone=PARIS, own_organization="Globex")
MONDAY = pendulum.datetime(2026, 11, 23, 10, 0, tz=PARIS)
ZONES = ["Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"]
FAST = settings(max_examples=150, deadline=None)

# --- strategies -------------------------------------------------------------------------------

KEYWORDS = {"by", "due", "before"}


def _prose(word: str) -> bool:
    bare = word.lower().rstrip(",.?")
    return bare not in KEYWORDS and not is_when_word(bare) and not KIND_WORD.fullmatch(bare)


prose_word = st.from_regex(r"[A-Za-zÀ-ÿ][a-zà-ÿ0-9'-]{0,9}[,.?]?", fullmatch=True).filter(_prose)
plain_words = st.lists(prose_word, min_size=1, max_size=8)
"""Prose with no `:`, `@`, `!`, `#`, `~`, no promise keyword, no time word, no kind word."""

nows = st.builds(
    lambda ts, zone: pendulum.from_timestamp(ts, tz=zone),
    st.integers(
        min_value=pendulum.datetime(2020, 1, 1).int_timestamp,
        max_value=pendulum.datetime(2035, 12, 31).int_timestamp,
    ),
    st.sampled_from(ZONES),
)
"""Any instant 2020–2035, seen from any zone (DST changes included)."""

hours = st.integers(0, 25)
minutes = st.sampled_from([0, 5, 15, 30, 45, 59, 60])
months = st.sampled_from(["jan", "feb", "march", "apr", "may", "jun", "oct", "nov", "december"])
weekdays = st.sampled_from(["mon", "tues", "wednesday", "thu", "thurs", "fri", "sat", "sunday"])
days = st.one_of(
    st.sampled_from(["today", "tomorrow", "tmrw", "yesterday", "eow", "next week"]),
    st.sampled_from(["end of week", "end of the week", "end of next week", "the 3rd", "31st"]),
    st.builds(lambda d, m: f"{d}/{m}", st.integers(0, 32), st.integers(0, 13)),
    st.builds(lambda n: f"the {n}th", st.integers(0, 33)),
    weekdays.map(lambda d: f"this {d}"),
    st.sampled_from(["next workday", "next business day"]),
    weekdays,
    weekdays.map(lambda d: f"next {d}"),
    st.builds(lambda m, d: f"{m} {d}", months, st.integers(0, 32)),
    st.builds(lambda m, d: f"{d} {m}", months, st.integers(0, 32)),
    st.builds(lambda m, d, y: f"{m} {d} {y}", months, st.integers(1, 31), st.integers(2019, 2037)),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(2019, 2037),
        st.integers(1, 13),
        st.integers(1, 31),
    ),
    st.builds(lambda n, u: f"in {n}{u}", st.integers(0, 40), st.sampled_from(["d", "w"])),
    st.builds(lambda n, u: f"in {n} {u}", st.integers(0, 40), st.sampled_from(["days", "weeks"])),
)
times = st.one_of(
    st.sampled_from(["noon", "eod", "midnight", "midday", "cob", "end of day", "first thing"]),
    st.sampled_from(["morning", "this afternoon", "lunchtime", "lunch", "evening", "12am"]),
    st.integers(0, 25).map(str),
    st.builds(lambda h, p: f"{h} {p}", st.integers(0, 13), st.sampled_from(["am", "p.m.", "PM"])),
    st.builds(lambda h, m: f"{h}:{m:02d} pm", st.integers(0, 13), minutes),
    st.builds(
        lambda h, p: f"{h} in the {p}",
        st.integers(1, 12),
        st.sampled_from(["morning", "afternoon"]),
    ),
    st.builds(lambda h, m: f"{h}:{m:02d}", hours, minutes),
    st.builds(lambda h, m: f"{h}h{m:02d}", hours, minutes),
    st.builds(lambda h, p: f"{h}{p}", st.integers(0, 13), st.sampled_from(["am", "pm"])),
    st.builds(
        lambda h, m, p: f"{h}.{m:02d}{p}",
        st.integers(1, 12),
        minutes,
        st.sampled_from(["am", "pm"]),
    ),
)
wholes = st.one_of(
    st.sampled_from(["asap", "ASAP", "within the hour", "as soon as possible", "in half an hour"]),
    st.builds(
        lambda n, u: f"within {n} {u}", st.integers(0, 90), st.sampled_from(["min", "hours"])
    ),
    st.builds(lambda n, u: f"in {n}{u}", st.integers(0, 600), st.sampled_from(["m", "h"])),
    st.builds(lambda n, u: f"in {n} {u}", st.integers(0, 600), st.sampled_from(["min", "hours"])),
    st.builds(
        lambda y, mo, d, h, mi, off: f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}{off}",
        st.integers(2019, 2037),
        st.integers(1, 12),
        st.integers(1, 31),
        st.integers(0, 23),
        st.integers(0, 59),
        st.sampled_from(["", "Z", "+01:00", "-05:00", "+05:30"]),
    ),
)
when_phrases = st.one_of(
    days,
    times,
    wholes,
    st.builds(lambda d, t: f"{d} {t}", days, times),
    st.builds(lambda t, d: f"{t} {d}", times, days),
    st.builds(lambda d, t: f"{d} at {t}", days, times),
)
"""Phrases drawn from the WHEN grammar, valid or not (feb 30, 25:00, yesterday …)."""

FRAGMENTS = [
    "Ann:", "Maria Ortiz:", "15:30", "@Acme", '@"Acme Corp"', "@'x", "@", "!high", "!9", "!",
    "#billing", "#4521", "#a+b", "~phone", "~fax", "~", "by", "due", "due to", "by tomorrow 3pm",
    "by feb 30", "by soonish", "complaint", "refund", "thanks", "next", "in", "at", ",", ".", "?",
    ":", "\t", "\x1b", "\u202e", "\xa0",
]  # fmt: skip
fragments = st.one_of(st.sampled_from(FRAGMENTS), when_phrases, st.text(max_size=6))
grammar_lines = st.lists(fragments, max_size=12).map(" ".join)
"""Lines built from the grammar's pieces, in any order and with any junk between."""


def _outside_spans(result: QuickAdd) -> str:
    """The input with every token that leaves the summary blanked out: what the summary
    must be made of."""
    chars = list(result.text)
    for span in result.spans:
        if not span.kept:
            chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _visible(text: str) -> list[str]:
    """The characters that carry content: not whitespace, not removed as control/bidi."""
    return [c for c in text if not c.isspace() and clean_line(c)]


# --- properties -------------------------------------------------------------------------------


@FAST
@given(plain_words)
def test_plain_words_survive_as_the_summary(words: list[str]) -> None:
    text = " ".join(words)
    result = parse(f"Ann: {text}", now=MONDAY, settings=SETTINGS)
    assert result.ok, result.errors
    assert result.summary == text
    assert [s.role for s in result.spans if not s.kept] == ["customer"]


@FAST
@given(when_phrases, nows, st.sampled_from(ZONES))
def test_a_promise_is_never_before_now(phrase: str, now: pendulum.DateTime, zone: str) -> None:
    settings = Settings(timezone=zone)
    try:
        promise = parse_when(phrase, now=now, settings=settings)
    except WhenError as error:
        assert error.message
    else:
        assert promise > now
        assert promise.timezone_name == zone
    result = parse(f"Ann: call back by {phrase} please", now=now, settings=settings)
    if result.ok:
        assert result.promised_by is not None
        assert result.promised_by > now
        assert result.promise_given
    else:
        assert result.errors


@FAST
@given(st.one_of(grammar_lines, st.text()))
@example("Ann: today : 15:30")  # the dangling ':' is taken without the space before it
@example("Ann: Ann: @Acme : 15:30")  # and never across the organisation before it
def test_nothing_is_dropped(text: str) -> None:
    result = parse(text, now=MONDAY, settings=SETTINGS)
    assert _visible(_outside_spans(result)) == _visible(result.summary)
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end].strip() == text[span.start : span.end]
    tokens = sorted(s for s in result.spans if not s.kept)
    for before, after in itertools.pairwise(tokens):
        assert before.end <= after.start
    customer = [s for s in result.spans if s.role == "customer"]
    if result.customer:
        assert len(customer) == 1
        written = text[customer[0].start : customer[0].end].removesuffix(":")
        assert _visible(result.customer) == _visible(written)


@FAST
@given(st.one_of(st.text(), grammar_lines), nows)
def test_parse_never_raises(text: str, now: pendulum.DateTime) -> None:
    result = parse(text, now=now, settings=SETTINGS)
    assert result.text == text
    assert result.ok == (not result.errors)
    if result.ok:
        assert result.customer
        assert result.summary
        assert result.promised_by is not None
        assert result.promised_by > now
    elif result.promised_by is None:
        assert result.errors


DST_EVES = [
    pendulum.datetime(2027, 3, 27, 9, 0, tz="Europe/Paris"),  # the day before clocks go forward
    pendulum.datetime(2027, 3, 27, 17, 30, tz="Europe/Paris"),
    pendulum.datetime(2026, 10, 24, 16, 0, tz="Europe/Paris"),  # the day before they go back
    pendulum.datetime(2027, 3, 13, 20, 0, tz="America/New_York"),
    pendulum.datetime(2026, 10, 31, 23, 59, tz="America/New_York"),
]
around_dst = st.builds(
    lambda eve, minutes: eve.add(minutes=minutes), st.sampled_from(DST_EVES), st.integers(0, 1800)
)
"""Instants from the eve of a DST change to the morning after it."""

lone_forms = st.sampled_from(
    ["in 2 hours", "in 45 min", "within the hour", "eod", "cob", "end of day", "end of week"]
)
"""Promise forms written without a keyword."""
tokens = st.lists(st.sampled_from(["@Acme", '@"Acme Corp"', "!high", "#billing", "~phone"]))
keywords = st.sampled_from(["by", "due", "before", "By", "BY"])


@st.composite
def promise_lines(draw: st.DrawFn) -> str:
    """A realistic line: a name, prose, and a promise at the end, the start or the middle."""
    name = draw(st.sampled_from(["Ann", "José Núñez", "Zoë O'Brien", "Maria Ortiz @Acme"]))
    prose = " ".join(draw(plain_words))
    when = draw(st.one_of(st.builds(lambda k, w: f"{k} {w}", keywords, when_phrases), lone_forms))
    extra = " ".join(draw(tokens))
    shape = draw(st.sampled_from(["end", "start", "middle"]))
    if shape == "end":
        return f"{name}: {prose} {when} {extra}"
    if shape == "start":
        return f"{name}: {when}, {prose} {extra}"
    more = " ".join(draw(plain_words))
    return f"{name}: {prose} {when}, {more} {extra}"


@FAST
@given(promise_lines(), st.one_of(st.just(MONDAY), nows, around_dst))
def test_the_summary_never_ends_with_a_time_word(line: str, now: pendulum.DateTime) -> None:
    result = parse(line, now=now, settings=SETTINGS)
    if result.ok:
        last = result.summary.split()[-1]
        assert not is_when_word(last), (line, result.summary)
        assert result.promise_given


@FAST
@given(promise_lines(), st.one_of(nows, around_dst), st.sampled_from(ZONES))
def test_a_promise_read_from_a_line_is_never_in_the_past(
    line: str, now: pendulum.DateTime, zone: str
) -> None:
    result = parse(line, now=now, settings=Settings(timezone=zone))
    if result.promised_by is not None:
        assert result.promised_by > now
        assert result.promised_by.timezone_name == zone
    else:
        assert result.errors


@FAST
@given(promise_lines())
def test_no_token_is_lost_in_realistic_lines(line: str) -> None:
    result = parse(line, now=MONDAY, settings=SETTINGS)
    assert _visible(_outside_spans(result)) == _visible(result.summary)
    covered = sorted(s for s in result.spans if not s.kept)
    for before, after in itertools.pairwise(covered):
        assert before.end <= after.start


def test_before_a_number_that_is_no_time_is_refused_not_left_in_the_summary() -> None:
    """Hypothesis once drew this: `before 0` stayed in the summary with the default promise."""
    result = parse("Ann: e? before 0", now=MONDAY, settings=SETTINGS)
    assert not result.ok
    assert parse("Ann: before the meeting, wants a call", now=MONDAY, settings=SETTINGS).ok
