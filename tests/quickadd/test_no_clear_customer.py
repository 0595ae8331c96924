"""A line that says "her" or "him" instead of a name has no customer, and the preview says so
plainly, rather than taking "Call her back re" for someone's name."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.config import Settings
from planner.quickadd import parse

SETTINGS = Settings(timezone="Europe/Paris", own_organization="Globex")
NOW = pendulum.datetime(2026, 11, 23, 9, 10, tz="Europe/Paris")

VERBS = ["Call", "call", "Ring", "phone", "Email", "e-mail", "text", "spoke w/", "talked to"]
WHO = ["her", "him", "them", "Her", "HIM"]
TAILS = [" back re: contract", " back: contract", " about the renewal: by fri", " - invoice by 4pm"]


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("Call her back re: contract", "her"),
        ("call him back @Acme: contract", "him"),
        ("Email them about the renewal: by fri", "them"),
        ("spoke with her - invoice #4471 disputed, by 4pm", "her"),
    ],
)
def test_a_pronoun_is_no_customer_and_the_preview_says_so(line: str, who: str) -> None:
    result = parse(line, now=NOW, settings=SETTINGS)
    assert result.customer == ""
    assert result.errors[0].startswith(f"no customer: “{who}” does not say who"), result.errors


def test_a_name_after_the_verb_is_still_the_customer() -> None:
    result = parse("Call Jenny Ruiz back re: contract redlines", now=NOW, settings=SETTINGS)
    assert (result.customer, result.summary, result.errors) == (
        "Jenny Ruiz",
        "contract redlines",
        (),
    )
    # A name that happens to hold such a word is a name.
    assert parse("Henry Call: contract", now=NOW, settings=SETTINGS).customer == "Henry Call"


@settings(max_examples=150, deadline=None)
@given(
    verb=st.sampled_from(VERBS),
    who=st.sampled_from(WHO),
    tail=st.sampled_from(TAILS),
    promise=st.sampled_from(["", " by 4pm", " tomorrow am", " !high #billing"]),
)
def test_no_verb_and_pronoun_is_ever_read_as_a_name(
    verb: str, who: str, tail: str, promise: str
) -> None:
    line = f"{verb} {who}{tail}{promise}"
    result = parse(line, now=NOW, settings=SETTINGS)
    assert result.customer == "", line
    assert any(f"“{who}” does not say who" in error for error in result.errors), result.errors
