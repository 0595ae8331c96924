"""Quick-add lines that show the grammar, for the help screen and README (a test reads
each of them and checks they are in both)."""

from __future__ import annotations

EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "Maria Ortiz: invoice charged twice @Acme by tomorrow 3pm !high #billing",
        "the main form: Name: summary @Org by WHEN !priority #tag",
    ),
    ("Maria Ortiz @Acme: call back by fri 2:30 pm", "the organisation with the name"),
    (
        'José Núñez from "Banco Núñez" rang, wire stuck, call back by 3',
        "a message slip; an hour alone is the next such hour in the workday",
    ),
    (
        "Zoë O'Brien: board deck by tomorrow morning, urgent",
        "parts of the day come from settings; urgent raises the priority",
    ),
    ("Tom Becker: ASAP, server room flooding", "ASAP: a promise within the hour, urgent"),
    ("Ann Lee: call back in 2 hours", "in 2 hours, within the hour, eod, cob: no `by` needed"),
    ("Ann Lee: call back tomorrow 9am", "a time that ends the line is the promise"),
    ("Chen Wei: parking passes - question", "a kind word that only labels the line leaves it"),
    ("Omar Haddad: signed SOW due 4/12", "numeric dates follow the date_order setting"),
)
"""(line, what it shows): each line is valid at any time of a workday."""
