"""The quick-add line: customer, organisation, promise, priority, tags, channel, kind, summary."""

from __future__ import annotations

import pendulum
import pytest

from planner.config import Settings
from planner.quickadd import QuickAdd, Span, guess_kind, parse

PARIS = "Europe/Paris"
SETTINGS = Settings(timezone=PARIS, own_organization="Globex")
MONDAY = pendulum.datetime(2026, 11, 23, 10, 0, tz=PARIS)
SPEC_LINE = "Maria Ortiz: invoice charged twice, wants refund @Acme by tomorrow 3pm !high #billing"


def read(text: str, now: pendulum.DateTime = MONDAY, settings: Settings = SETTINGS) -> QuickAdd:
    return parse(text, now=now, settings=settings)


def spanned(result: QuickAdd) -> list[tuple[str, str]]:
    return [(result.text[s.start : s.end], s.role) for s in result.spans]


# --- the SPEC's example -----------------------------------------------------------------------


def test_spec_example_line() -> None:
    result = read(SPEC_LINE)
    assert result.ok, result.errors
    assert result.text == SPEC_LINE
    assert result.customer == "Maria Ortiz"
    assert result.organization == "Acme"
    assert result.internal is False
    assert result.promised_by == pendulum.datetime(2026, 11, 24, 15, tz=PARIS)
    assert result.promised_by is not None
    assert result.promised_by.isoformat() == "2026-11-24T15:00:00+01:00"
    assert result.promise_given is True
    assert result.priority == "high"
    assert result.tags == ("billing",)
    assert (result.kind, result.kind_guessed) == ("complaint", True)
    assert (result.channel, result.channel_given) == ("phone", False)
    assert result.summary == "invoice charged twice, wants refund"
    assert result.errors == ()


def test_spec_example_spans_cover_the_tokens() -> None:
    assert spanned(read(SPEC_LINE)) == [
        ("Maria Ortiz:", "customer"),
        ("@Acme", "organization"),
        ("by tomorrow 3pm", "promise"),
        ("!high", "priority"),
        ("#billing", "tag"),
    ]


def test_spans_are_named_tuples() -> None:
    first = read(SPEC_LINE).spans[0]
    assert first == Span(0, 12, "customer")
    assert (first.start, first.end, first.role) == (0, 12, "customer")


# --- customer ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "customer"),
    [
        ("Ann: call back", "Ann"),
        ("  Dr. Li   Wei :call back", "Dr. Li Wei"),
        ("Jean-Luc de la Tour Ortiz: call back", "Jean-Luc de la Tour Ortiz"),
        ("Ann\x1b[31m: call back", "Ann[31m"),
        ("Ann: meet at 15:30 about: the plan", "Ann"),
    ],
)
def test_customer_is_the_name_before_the_first_colon(line: str, customer: str) -> None:
    result = read(line)
    assert result.customer == customer
    assert result.spans[0].role == "customer"


@pytest.mark.parametrize(
    "line",
    [
        "call back about the invoice",
        "15:30 call Ann: about the plan",
        "3:30pm call back",
        "one two three four five six seven: call back",
        ": call back",
        "@Acme Ann: call back",
        "https://example.com is down",
    ],
)
def test_missing_customer_is_an_error(line: str) -> None:
    result = read(line)
    assert result.customer == ""
    assert not result.ok
    assert result.errors[0] == (
        "no customer: start with `Name: …`, `Name @Org: …` or `Name from Org called, …`"
    )
    assert all(s.role != "customer" for s in result.spans)


def test_without_customer_the_rest_is_still_read() -> None:
    result = read("call back @Acme by fri !low")
    assert result.organization == "Acme"
    assert result.priority == "low"
    assert result.summary == "call back"


# --- organisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "organization", "summary"),
    [
        ("Ann: call @Acme", "Acme", "call"),
        ("Ann: call @Acme, today", "Acme", "call, today"),  # the comma stays with the words
        ('Ann: call @"Acme Corp" back', "Acme Corp", "call back"),
        ("Ann: call @'Acme Corp' back", "Acme Corp", "call back"),
        ("Ann: call @3M", "3M", "call"),
        ("Ann: write to ann@acme.com", "", "write to ann@acme.com"),
        ("Ann: meet @ the office", "", "meet @ the office"),
    ],
)
def test_organization(line: str, organization: str, summary: str) -> None:
    result = read(line)
    assert (result.organization, result.summary) == (organization, summary)
    assert result.ok, result.errors


def test_second_organization_is_an_error_and_stays_in_the_summary() -> None:
    result = read("Ann: call @Acme @Beta")
    assert result.organization == "Acme"
    assert result.errors == ("more than one organisation: '@Acme' and '@Beta'",)
    assert result.summary == "call @Beta"


def test_unclosed_quote_is_an_error() -> None:
    result = read('Ann: call @"Acme Corp')
    assert result.errors == ("the quote after @ is not closed: '@\"Acme'",)
    assert result.organization == ""
    assert result.summary == 'call @"Acme Corp'


def test_empty_quoted_organization_is_an_error() -> None:
    assert read('Ann: call @""').errors == ("empty organisation: '@\"\"'",)


@pytest.mark.parametrize(
    ("organization", "internal"),
    [("@Globex", True), ("@globex", True), ('@"GLOBEX"', True), ("@Acme", False), ("", False)],
)
def test_internal_follows_the_own_organization(organization: str, internal: bool) -> None:
    assert read(f"Ann: review budget {organization}").internal is internal


def test_nobody_is_internal_without_an_own_organization() -> None:
    settings = Settings(timezone=PARIS)
    assert read('Ann: call @"" ', settings=settings).internal is False
    assert read("Ann: call @Globex", settings=settings).internal is False


# --- promise ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "promise", "summary"),
    [
        ("Ann: call back by tomorrow 3pm refund", "2026-11-24T15:00:00+01:00", "call back refund"),
        ("Ann: call back due fri", "2026-11-27T18:00:00+01:00", "call back"),
        ("Ann: call back BY fri 10am", "2026-11-27T10:00:00+01:00", "call back"),
        ("Ann: by 3pm, call back", "2026-11-23T15:00:00+01:00", "call back"),
        (
            "Ann: call back by nov 24 2027 about it",
            "2027-11-24T18:00:00+01:00",
            "call back about it",
        ),
        ("Ann: call back by in 2 hours", "2026-11-23T12:00:00+01:00", "call back"),
        ("Ann: call back by eod", "2026-11-23T18:00:00+01:00", "call back"),
        ("Ann: by tomorrow in person", "2026-11-24T18:00:00+01:00", "in person"),
    ],
)
def test_promise(line: str, promise: str, summary: str) -> None:
    result = read(line)
    assert result.ok, result.errors
    assert result.promised_by is not None
    assert result.promised_by.isoformat() == promise
    assert result.promise_given is True
    assert result.summary == summary


def test_default_promise_is_the_next_workday_end() -> None:
    result = read("Ann: call back")
    assert result.ok
    assert result.promise_given is False
    assert result.promised_by == pendulum.datetime(2026, 11, 24, 18, tz=PARIS)


def test_default_promise_on_friday_is_monday() -> None:
    friday = pendulum.datetime(2026, 11, 27, 19, tz=PARIS)
    result = read("Ann: call back", now=friday)
    assert result.promised_by == pendulum.datetime(2026, 11, 30, 18, tz=PARIS)


def test_default_promise_follows_the_settings() -> None:
    settings = Settings(timezone=PARIS, default_promise="in 2h")
    assert read("Ann: call back", settings=settings).promised_by == MONDAY.add(hours=2)


def test_broken_default_promise_setting_is_reported() -> None:
    settings = Settings(timezone=PARIS, default_promise="whenever")
    result = read("Ann: call back", settings=settings)
    assert result.errors == ("settings: default_promise 'whenever' is not a date phrase",)
    assert result.promised_by is None
    assert not result.ok


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("Ann: call back by feb 30", "feb 30 is not a date"),
        ("Ann: call back by yesterday", "yesterday is in the past"),
        ("Ann: call back by 9am", "09:00 today has already passed"),
        ("Ann: call back by soonish", "could not read a date after `by`: 'soonish'"),
        ("Ann: call back due whenever", "could not read a date after `due`: 'whenever'"),
        ("Ann: call back by next soonish", "could not read a date after `by`: 'next soonish'"),
    ],
)
def test_promise_errors(line: str, error: str) -> None:
    result = read(line)
    assert result.errors == (error,)
    assert result.promised_by is None
    assert result.promise_given is True
    assert not result.ok


def test_unreadable_by_stays_in_the_summary() -> None:
    result = read("Ann: call back by soonish")
    assert result.summary == "call back by soonish"
    assert all(s.role != "promise" for s in result.spans)


def test_prose_by_is_fine_when_another_promise_is_given() -> None:
    result = read("Ann: called by her manager, call back by fri")
    assert result.ok, result.errors
    assert result.summary == "called by her manager, call back"
    assert result.promised_by == pendulum.datetime(2026, 11, 27, 18, tz=PARIS)


@pytest.mark.parametrize(
    "line",
    ["Ann: she stopped by", "Ann: delay due to the strike", "Ann: payment due !high"],
)
def test_by_or_due_without_a_date_after_it_is_prose(line: str) -> None:
    result = read(line)
    assert result.ok, result.errors
    assert result.promise_given is False


def test_two_promises_are_an_error() -> None:
    result = read("Ann: call back by fri due mon")
    assert result.errors == ("more than one promise: 'by fri' and 'due mon'",)
    assert [s.role for s in result.spans if not s.kept] == ["customer", "promise", "promise"]


def test_promise_is_in_the_executive_zone() -> None:
    settings = Settings(timezone="Asia/Tokyo")
    result = read("Ann: call back by tomorrow 9am", now=MONDAY.in_tz("UTC"), settings=settings)
    assert result.promised_by is not None
    assert result.promised_by.isoformat() == "2026-11-24T09:00:00+09:00"


# --- priority ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "priority"),
    [
        ("!1", "urgent"),
        ("!2", "high"),
        ("!3", "normal"),
        ("!4", "low"),
        ("!urgent", "urgent"),
        ("!high", "high"),
        ("!normal", "normal"),
        ("!low", "low"),
        ("!HIGH", "high"),
        ("!low,", "low"),
    ],
)
def test_priority(token: str, priority: str) -> None:
    result = read(f"Ann: call back {token} re the invoice")
    assert result.ok, result.errors
    assert result.priority == priority
    expected = "call back, re the invoice" if token.endswith(",") else "call back re the invoice"
    assert result.summary == expected


def test_priority_defaults_to_normal() -> None:
    assert read("Ann: call back").priority == "normal"


def test_unknown_priority_is_an_error() -> None:
    result = read("Ann: call back !5")
    assert result.errors == ("unknown priority '!5': use !1–!4 or !urgent, !high, !normal, !low",)
    assert result.summary == "call back !5"


def test_two_priorities_are_an_error() -> None:
    result = read("Ann: call back !high !low")
    assert result.errors == ("more than one priority: '!high' and '!low'",)
    assert result.priority == "high"


def test_exclamation_marks_in_prose_are_not_priorities() -> None:
    result = read("Ann: great job ! really !!")
    assert result.ok, result.errors
    assert result.summary == "great job ! really !!"


# --- tags -------------------------------------------------------------------------------------


def test_tags_are_lower_cased_and_deduplicated_in_order() -> None:
    result = read("Ann: call back #Billing #q4/eu #billing #vip_client #follow-up")
    assert result.tags == ("billing", "q4/eu", "vip_client", "follow-up")
    assert result.summary == "call back"


def test_a_number_after_hash_is_prose() -> None:
    result = read("Ann: order #4521 never arrived #shipping")
    assert result.tags == ("shipping",)
    assert result.summary == "order #4521 never arrived"


def test_bad_tag_is_an_error() -> None:
    result = read("Ann: call back #foo+bar")
    assert result.errors == ("not a tag: '#foo+bar' (use letters, digits, - _ /)",)
    assert result.tags == ()


# --- channel ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "channel"),
    [
        ("~phone", "phone"),
        ("~call", "phone"),
        ("~email", "email"),
        ("~mail", "email"),
        ("~in-person", "in-person"),
        ("~meet", "in-person"),
        ("~Phone", "phone"),
    ],
)
def test_channel(token: str, channel: str) -> None:
    result = read(f"Ann: wants refund {token}")
    assert (result.channel, result.channel_given) == (channel, True)
    assert result.summary == "wants refund"


def test_channel_defaults_to_phone_for_complaints_and_email_otherwise() -> None:
    assert read("Ann: wants refund").channel == "phone"
    assert read("Ann: wants a meeting").channel == "email"
    assert read("Ann: complaint about the meeting").channel == "phone"


def test_unknown_channel_is_an_error() -> None:
    result = read("Ann: call back ~fax")
    assert result.errors == ("unknown channel '~fax': use ~phone, ~email or ~in-person",)


def test_two_channels_are_an_error() -> None:
    result = read("Ann: call back ~phone ~email")
    assert result.errors == ("more than one channel: '~phone' and '~email'",)


def test_tilde_before_a_number_is_prose() -> None:
    assert read("Ann: needs ~5 minutes").summary == "needs ~5 minutes"


# --- kind -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["complaint", "request", "concern", "compliment", "question"])
def test_kind_word_sets_the_kind_and_stays_in_the_summary(kind: str) -> None:
    result = read(f"Ann: {kind.capitalize()} about the board pack")
    assert (result.kind, result.kind_guessed) == (kind, False)
    assert result.summary == f"{kind.capitalize()} about the board pack"
    assert (kind.capitalize(), "kind") in spanned(result)


def test_first_kind_word_wins() -> None:
    result = read("Ann: question about her complaint")
    assert result.kind == "question"
    assert [text for text, role in spanned(result) if role == "kind"] == ["question"]


def test_kind_word_inside_a_token_does_not_count() -> None:
    result = read("Ann: call back #complaint")
    assert (result.kind, result.kind_guessed) == ("request", True)


def test_kind_word_in_a_compound_does_not_count() -> None:
    assert read("Ann: complaint-handling training").kind_guessed is True


@pytest.mark.parametrize(
    ("summary", "kind"),
    [
        ("wants refund", "complaint"),
        ("invoice charged twice", "complaint"),
        ("was overcharged", "complaint"),
        ("laptop arrived broken", "complaint"),
        ("delivery is late again", "complaint"),
        ("angry about the delay", "complaint"),
        ("very unhappy", "complaint"),
        ("driver was rude", "complaint"),
        ("wrong size shipped", "complaint"),
        ("parcel never arrived", "complaint"),
        ("wants to cancel", "complaint"),
        ("thanks for the quick fix", "compliment"),
        ("Thank you note for the team", "compliment"),
        ("great job on the launch", "compliment"),
        ("happy with the new process", "compliment"),
        ("praise for Bob", "compliment"),
        ("worried about the merger", "concern"),
        ("sees a risk in the plan", "concern"),
        ("unsure about the timeline", "concern"),
        ("asks about the offsite", "question"),
        ("wants to know the budget", "question"),
        ("how do we book the room", "question"),
        ("is the offsite still on?", "question"),
        ("wants 30 minutes with the exec", "request"),
        ("lately busy, wants a slot", "request"),  # "lately" is not "late"
    ],
)
def test_kind_is_guessed_from_the_summary(summary: str, kind: str) -> None:
    result = read(f"Ann: {summary}")
    assert (result.kind, result.kind_guessed) == (kind, True)
    assert guess_kind(summary) == kind


def test_complaint_outweighs_politeness() -> None:
    assert guess_kind("thanks, but still wants refund") == "complaint"


# --- summary ----------------------------------------------------------------------------------


def test_summary_keeps_order_and_collapses_whitespace() -> None:
    result = read("Ann:   call\tback  @Acme   about\n the   invoice  !low")
    assert result.summary == "call back about the invoice"


def test_summary_is_cleaned_of_control_characters() -> None:
    assert read("Ann: call \x1b[2Jback\u202e now").summary == "call [2Jback now"


def test_empty_summary_is_an_error() -> None:
    result = read("Ann: @Acme by tomorrow !high #billing")
    assert result.summary == ""
    assert result.errors == ("nothing to follow up: add what it is about",)
    assert not result.ok


def test_empty_line_reports_customer_and_summary() -> None:
    result = read("")
    assert result.errors == (
        "no customer: start with `Name: …`, `Name @Org: …` or `Name from Org called, …`",
        "nothing to follow up: add what it is about",
    )
    assert result.spans == ()


def test_ok_is_false_with_any_error() -> None:
    assert read("Ann: call back").ok
    assert not read("Ann: call back !9").ok


def test_punctuation_after_the_promise_belongs_to_it() -> None:
    result = read("Ann: call back by fri! she is waiting")
    assert result.ok, result.errors
    assert ("by fri!", "promise") in spanned(result)
    assert result.summary == "call back she is waiting"


def test_no_space_after_the_colon() -> None:
    result = read("Ann:by fri x")
    assert (result.customer, result.summary) == ("Ann", "x")
    assert result.promised_by == pendulum.datetime(2026, 11, 27, 18, tz=PARIS)


def test_prose_by_alone_is_reported_rather_than_guessed() -> None:
    # "by" followed by words that are no date is flagged: a mistyped promise must not
    # silently become the default one. Rewording ("with card") or adding a promise fixes it.
    result = read("Ann: wants to pay by card")
    assert result.errors == ("could not read a date after `by`: 'card'",)
    assert read("Ann: wants to pay by card, call back by fri").ok


def test_quick_add_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, planner.quickadd; "
        "heavy = {'textual', 'dateparser', 'rich', 'parsedatetime'} & set(sys.modules); "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- notes: readings taken and flags ----------------------------------------------------------


def test_a_promise_outside_the_workday_or_on_a_non_workday_is_flagged_not_refused() -> None:
    evening = read("Ann: call back by 8pm")
    assert evening.ok
    assert "the promise at 20:00 is outside the workday (08:30–18:00)" in evening.notes
    saturday = read("Ann: call back by sat 10am")
    assert saturday.ok
    assert "the promise is on Sat 28 Nov, not a workday" in saturday.notes
    assert not [n for n in read("Ann: call back by fri 10am").notes if "workday" in n]


def test_a_date_left_in_the_summary_says_how_to_make_it_the_promise() -> None:
    result = read("Ann: meeting moved to tomorrow")
    assert result.summary == "meeting moved to tomorrow"
    assert result.promise_given is False
    assert result.notes == (
        "'tomorrow' stays in the summary: write `by tomorrow` to make it the promise",
    )


def test_a_time_at_the_end_without_by_is_the_promise_and_says_so() -> None:
    result = read("Ann: call back tomorrow 9am")
    assert result.promised_by == pendulum.datetime(2026, 11, 24, 9, tz=PARIS)
    assert "'tomorrow 9am' at the end read as the promise (no `by`)" in result.notes


def test_a_written_priority_wins_over_plain_words_and_says_so() -> None:
    result = read("Ann: urgent - call back !low")
    assert result.priority == "low"
    assert "'urgent' in the text: priority stays low, as written (!low)" in result.notes


def test_negated_urgency_does_not_raise_the_priority() -> None:
    for line in ("Ann: not urgent, send it", "Ann: non-urgent request", "Ann: no asap needed"):
        assert read(line).priority == "normal", line


def test_asap_alone_raises_the_priority_and_makes_the_promise() -> None:
    result = read("Ann: ASAP, server room flooding")
    assert (result.priority, result.promise_given) == ("urgent", True)
    assert result.promised_by == MONDAY.add(hours=1)
    assert result.summary == "ASAP, server room flooding"
    explicit = read("Ann: ASAP, server room flooding by noon")
    assert explicit.promised_by == pendulum.datetime(2026, 11, 23, 12, tz=PARIS)
    assert explicit.priority == "urgent"


def test_the_slip_form_replies_the_way_the_customer_reached_out() -> None:
    assert read("Maria Ortiz rang about the invoice").channel == "phone"
    assert read("Maria Ortiz emailed about the invoice").channel == "email"
    assert read("Maria Ortiz dropped by about the invoice").channel == "in-person"
    assert read("Maria Ortiz rang, email her the invoice").channel == "email"
    assert read("Maria Ortiz rang about the invoice ~email").channel == "email"


def test_a_second_organisation_after_the_slip_form_is_an_error() -> None:
    result = read("Maria Ortiz from Acme called, loop in @Initech")
    assert result.errors == ("more than one organisation: 'Acme' and '@Initech'",)
    assert result.organization == "Acme"


@pytest.mark.parametrize(
    ("line", "summary", "label"),
    [
        ("Ann: Complaint: invoice wrong", "invoice wrong", True),
        ("Ann: complaint - invoice wrong", "invoice wrong", True),
        ("Ann: invoice wrong, complaint", "invoice wrong", True),
        ("Ann: invoice wrong (complaint)", "invoice wrong", True),
        ("Ann: invoice charged twice complaint", "invoice charged twice", True),
        ("Ann: complaint about the invoice", "complaint about the invoice", False),
        ("Ann: raised a billing complaint", "raised a billing complaint", False),
        ("Ann: billing complaint", "billing complaint", False),
    ],
)
def test_a_kind_word_that_labels_the_line_leaves_the_summary(
    line: str, summary: str, label: bool
) -> None:
    result = read(line)
    assert (result.summary, result.kind, result.kind_guessed) == (summary, "complaint", False)
    kind_span = next(s for s in result.spans if s.role == "kind")
    assert kind_span.kept is not label


def test_a_when_never_reads_across_a_token() -> None:
    result = read("Ann: report today @Acme noon")
    assert result.organization == "Acme"
    # Only `noon`, after the token, ends the line: `today` stays in the summary.
    assert result.promised_by == pendulum.datetime(2026, 11, 23, 12, tz=PARIS)
    assert result.summary == "report today"


def test_a_day_after_a_preposition_stays_in_the_summary_before_by() -> None:
    result = read("Dan Ray: catering order for Friday by 17:00")
    assert result.summary == "catering order for Friday"
    assert result.promised_by == pendulum.datetime(2026, 11, 23, 17, tz=PARIS)
    joined = read("Dan Ray: call back friday by 10")
    assert (joined.summary, joined.promised_by) == (
        "call back",
        pendulum.datetime(2026, 11, 27, 10, tz=PARIS),
    )


def test_bracketed_internal_marks_the_organisation_internal() -> None:
    settings = Settings(timezone="Europe/Paris", own_organization="Globex")
    now = pendulum.datetime(2026, 11, 23, 9, 10, tz="Europe/Paris")
    result = parse(
        "Jana Novak (Tessmann internal) emailed - travel figures", now=now, settings=settings
    )
    assert (result.customer, result.organization, result.internal) == (
        "Jana Novak",
        "Tessmann",
        True,
    )
    assert result.channel == "email"
    outside = parse("Jana Novak (Tessmann) emailed - travel figures", now=now, settings=settings)
    assert not outside.internal


def test_an_hour_alone_before_the_workday_is_this_mornings() -> None:
    settings = Settings(timezone="Europe/Paris")
    now = pendulum.datetime(2026, 11, 23, 5, 20, tz="Europe/Paris")
    result = parse("Piet de Vries: needs the board pack, by 7", now=now, settings=settings)
    assert result.promised_by == pendulum.datetime(2026, 11, 23, 7, 0, tz="Europe/Paris")
    assert not any("in the workday" in note for note in result.notes), result.notes
    assert any("outside the workday" in note for note in result.notes), result.notes
