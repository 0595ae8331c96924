"""The kind table: what a calendar's properties and titles make of an event."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.calendar_import.kinds import KindGuess, People, Person, guess_kind
from planner.config import EVENT_KINDS


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Board meeting", "meeting"),
        ("Focus time", "focus"),
        ("Deep work: Q1 strategy", "focus"),
        ("No meetings", "focus"),
        ("Flight AF 1234 CDG → JFK", "travel"),
        ("✈ to Berlin", "travel"),
        ("✈️ to Berlin", "travel"),
        ("Train to Lyon", "travel"),
        ("Travelling", "travel"),
        ("1:1 Dana", "one-on-one"),
        ("Dana 1-1", "one-on-one"),
        ("one-on-one with Sam", "one-on-one"),
        ("Call with Acme", "call"),
        ("Phone screen", "call"),
        ("Doctor", "personal"),
        ("Dentist appointment", "personal"),
        ("HOLD: offsite venue", "hold"),
        ("Tentative - partner visit", "hold"),
        ("Call with doctor", "personal"),
        ("1:1 call", "one-on-one"),
    ],
)
def test_title_keywords_give_the_kind(title: str, kind: str) -> None:
    assert guess_kind(title=title).kind == kind


@pytest.mark.parametrize(
    "title",
    ["Sales training", "Shareholder update", "Stand-up at 11:15", "Callback list", "Room 11-1"],
)
def test_keywords_match_whole_words_only(title: str) -> None:
    assert guess_kind(title=title).kind == "meeting"


def test_tentative_status_is_a_hold_even_for_a_flight() -> None:
    assert guess_kind(title="Flight to NYC", status="TENTATIVE").kind == "hold"
    assert guess_kind(title="Review", busy_status="TENTATIVE").kind == "hold"


def test_private_class_is_personal() -> None:
    assert guess_kind(title="Meeting", klass="PRIVATE").kind == "personal"
    assert guess_kind(title="Meeting", klass="CONFIDENTIAL").kind == "personal"


def test_categories_come_before_the_title() -> None:
    assert guess_kind(title="Call with Acme", categories=["Travel"]).kind == "travel"
    assert guess_kind(title="Review", categories=["Red Category", "Focus"]).kind == "focus"


def test_explicit_x_ea_kind_wins() -> None:
    assert guess_kind(title="Flight", status="TENTATIVE", x_kind="focus").kind == "focus"
    assert guess_kind(title="Flight", x_kind="nonsense").kind == "travel"


def test_out_of_office_is_personal_unless_a_keyword_says_more() -> None:
    assert guess_kind(title="Away", busy_status="OOF").kind == "personal"
    assert guess_kind(title="Flight home", busy_status="OOF").kind == "travel"


def test_transparent_is_a_hold_that_can_be_interrupted() -> None:
    guess = guess_kind(title="Working from home", transp="TRANSPARENT")
    assert guess.kind == "hold"
    assert guess.interruptible is True


def test_interruptible_stays_unset_without_a_property() -> None:
    assert guess_kind(title="Board meeting").interruptible is None
    assert guess_kind(title="Board meeting", transp="OPAQUE").interruptible is None


def test_x_ea_interruptible_overrides_transparency() -> None:
    assert (
        guess_kind(title="x", x_interruptible="FALSE", transp="TRANSPARENT").interruptible is False
    )
    assert guess_kind(title="x", x_interruptible="true").interruptible is True
    assert guess_kind(title="x", busy_status="FREE").interruptible is True


@pytest.mark.parametrize(
    ("title", "with_ea"),
    [
        ("1:1 Dana / EA", True),
        ("1:1 with assistant", True),
        ("EA sync", True),
        ("EA check-in", True),
        ("1:1 Dana", False),
        ("1:1 idea review", False),
        ("EA all-hands", False),
    ],
)
def test_one_on_one_with_the_ea(title: str, with_ea: bool) -> None:
    guess = guess_kind(title=title)
    assert guess.with_ea is with_ea
    if with_ea:
        assert guess.kind == "one-on-one"


@given(
    title=st.text(max_size=80),
    categories=st.lists(st.text(max_size=20), max_size=3),
    transp=st.sampled_from(["", "OPAQUE", "TRANSPARENT", "junk"]),
    status=st.sampled_from(["", "CONFIRMED", "TENTATIVE", "CANCELLED"]),
)
def test_any_input_gives_a_known_kind(
    title: str, categories: list[str], transp: str, status: str
) -> None:
    guess = guess_kind(title=title, categories=categories, transp=transp, status=status)
    assert guess.kind in EVENT_KINDS
    assert not guess.with_ea or guess.kind == "one-on-one"


# -- the EA's own name and Outlook's focus time --------------------------------

DANA_AND_CHRIS = People(executive="Dana Whitfield", assistant="Chris Park")
"""The executive Dana, her assistant Chris (settings executive_name, assistant_name)."""


@pytest.mark.parametrize(
    "title",
    ["Dana / Chris 1:1", "Dana / Chris", "Chris <> Dana", "Dana & Chris weekly", "Chris 1:1"],
)
def test_a_title_naming_the_ea_and_the_executive_alone_is_the_one_on_one(title: str) -> None:
    assert guess_kind(title=title, people=DANA_AND_CHRIS) == KindGuess("one-on-one", True, None)


@pytest.mark.parametrize(
    "title", ["Dana / Chris / Sam", "Christopher review", "Dana / Sam 1:1", "Chris on leave"]
)
def test_a_title_naming_others_too_is_not_the_one_on_one_with_the_ea(title: str) -> None:
    assert guess_kind(title=title, people=DANA_AND_CHRIS).with_ea is False


def test_without_the_assistants_name_no_title_names_the_ea() -> None:
    assert guess_kind(title="Dana / Chris").kind == "meeting"


def test_attendees_that_are_the_ea_and_the_executive_alone_make_the_one_on_one() -> None:
    attendees = [
        Person("Dana Whitfield", "dana@example.com"),
        Person("", "chris.park@example.com"),
        Person("Dana Whitfield", "dana@example.com"),  # the organizer, again as attendee
    ]
    guess = guess_kind(title="Catch-up", attendees=attendees, people=DANA_AND_CHRIS)
    assert guess == KindGuess("one-on-one", True, None)


def test_a_third_attendee_makes_it_a_meeting() -> None:
    attendees = [
        Person("Dana Whitfield", "dana@example.com"),
        Person("Chris Park", "chris@example.com"),
        Person("Sam Lee", "sam@example.com"),
    ]
    guess = guess_kind(title="Catch-up", attendees=attendees, people=DANA_AND_CHRIS)
    assert guess == KindGuess("meeting", False, None)


def test_two_attendees_neither_the_ea_is_not_with_the_ea() -> None:
    attendees = [Person("Dana Whitfield", ""), Person("Sam Lee", "")]
    assert guess_kind(title="Catch-up", attendees=attendees, people=DANA_AND_CHRIS).kind == (
        "meeting"
    )


def test_outlook_private_focus_time_is_focus_not_personal() -> None:
    guess = guess_kind(title="Focus time", klass="PRIVATE", busy_status="BUSY")
    assert guess.kind == "focus"
    assert guess_kind(title="Busy", klass="PRIVATE", categories=["Focus time"]).kind == "focus"
    # A private event that is not focus time is still personal.
    assert guess_kind(title="Busy", klass="PRIVATE").kind == "personal"
