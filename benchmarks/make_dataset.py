"""Write a realistic five-year dataset of an EA's work through the real storage code.

    python benchmarks/make_dataset.py --years 5 --data-dir /tmp/ea-5y

Per year: 5,000 follow-ups (nearly all resolved, each with a few log notes),
2,000 events, 2,000 briefs, 250 close-outs — SPEC.md's "5-year dataset" at 5.
The data ends at "now" (EA_PLANNER_NOW or the system clock), with a handful of
open follow-ups, today's events and an undelivered brief queue.

`--executives N` (1 to 4) splits the same records over N executives in different zones
(Paris, New York, London, Tokyo), round robin, each with their own calendar.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.clock import Clock
from planner.config import Settings
from planner.domain import Brief, Closeout, Event, FollowUp, LogEntry
from planner.domain.document import Document
from planner.domain.executive import Executive
from planner.storage import Store

FIRST = [
    "Maria",
    "Tom",
    "Aiko",
    "Lars",
    "Priya",
    "Jonas",
    "Chen",
    "Fatima",
    "Ben",
    "Olga",
    "Luis",
    "Grace",
    "Ahmed",
    "Sofia",
    "Ravi",
    "Emma",
    "Noah",
    "Yara",
    "Kofi",
    "Ines",
]
LAST = [
    "Ortiz",
    "Becker",
    "Sato",
    "Nilsen",
    "Raman",
    "Weber",
    "Li",
    "Haddad",
    "Cole",
    "Ivanova",
    "Moreno",
    "Kim",
    "Farouk",
    "Rossi",
    "Patel",
    "Dubois",
    "Smith",
    "Nasser",
    "Mensah",
    "Costa",
]
ORGS = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Stark Logistics",
    "Wayne Foods",
    "Hooli",
    "Vandelay Imports",
    "Soylent",
    "Tyrell",
    "",
]
SUMMARIES = [
    ("complaint", "invoice charged twice, wants refund"),
    ("complaint", "delivery arrived damaged"),
    ("complaint", "support never called back"),
    ("request", "wants 30 minutes with the CEO next week"),
    ("request", "asks for the signed contract copy"),
    ("concern", "worried about the renewal price"),
    ("concern", "risk of missing the launch date"),
    ("compliment", "thanks the team for the quick fix"),
    ("question", "asks who owns the partnership now"),
]
EVENT_TITLES = [
    ("meeting", "Leadership sync"),
    ("meeting", "Board prep"),
    ("call", "Investor call"),
    ("focus", "Focus time"),
    ("travel", "Flight to Berlin"),
    ("personal", "Dentist"),
    ("one-on-one", "1:1 with EA"),
    ("meeting", "Customer QBR"),
    ("call", "Press interview"),
    ("hold", "Hold: offsite planning"),
]


EXECUTIVES = [
    ("Dana Whitfield", "Dana", "Europe/Paris"),
    ("Lee Okafor", "Lee", "America/New_York"),
    ("Priya Raman", "Priya", "Europe/London"),
    ("Kenji Sato", "Kenji", "Asia/Tokyo"),
]


def build(years: int, now: pendulum.DateTime, rng: random.Random, executives: int = 1) -> Document:
    tz = "Europe/Paris"
    ids = ["x-1", *(f"x-{n + 1}" for n in range(1, executives))]
    if executives == 1:
        ids = [""]
    now = now.in_tz(tz)
    start = now.subtract(years=years)
    workdays = [
        d for d in (start.add(days=i) for i in range((now - start).days + 1)) if d.isoweekday() <= 5
    ]
    followups: list[FollowUp] = []
    for n in range(5000 * years):
        day = rng.choice(workdays)
        created = day.replace(hour=rng.randint(8, 17), minute=rng.choice((0, 15, 30, 45)), second=0)
        kind, summary = rng.choice(SUMMARIES)
        promise = created.add(days=rng.randint(0, 3)).replace(hour=17, minute=0)
        log = [LogEntry(at=created, action="created", text=f"{summary}")]
        for k in range(rng.randint(1, 4)):
            log.append(
                LogEntry(
                    at=created.add(hours=k + 1),
                    action="note",
                    text=f"called back, fact {k + 1} noted",
                )
            )
        recent = (now - created) < timedelta(days=3)
        settled_at = created.add(days=rng.randint(0, 3), hours=2)
        status = (
            "open"
            if recent and rng.random() < 0.5
            else rng.choice(("resolved",) * 9 + ("dropped",))
        )
        if status != "open":
            log.append(LogEntry(at=settled_at, action=status, text="done"))  # type: ignore[arg-type]
        followups.append(
            FollowUp(
                id=f"f-{n:06d}",
                executive=ids[n % executives],
                customer=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                organization=rng.choice(ORGS),
                summary=summary,
                kind=kind,  # type: ignore[arg-type]
                channel="phone" if kind == "complaint" else rng.choice(("email", "phone")),
                priority=rng.choice(("urgent", "high", "normal", "normal", "low")),
                tags=tuple(
                    rng.sample(["billing", "vip", "renewal", "press", "legal"], rng.randint(0, 2))
                ),
                status=status,  # type: ignore[arg-type]
                promised_by=promise
                if status == "open" or promise > created
                else created.add(hours=4),
                created=created,
                updated=settled_at if status != "open" else created,
                resolution="sorted out with finance" if status == "resolved" else None,
                drop_reason="customer withdrew" if status == "dropped" else None,
                log=tuple(log),
            )
        )
    events: list[Event] = []
    for n in range(2000 * years):
        day = workdays[n * len(workdays) // (2000 * years)]
        kind, title = EVENT_TITLES[n % len(EVENT_TITLES)]
        begin = day.replace(hour=8 + (n % 9), minute=30 if n % 2 else 0, second=0)
        owner = n % executives
        events.append(
            Event(
                id=f"e-{n:06d}",
                executive=ids[owner],
                title=title,
                start=begin,
                end=begin.add(minutes=rng.choice((30, 45, 60, 90))),
                kind=kind,  # type: ignore[arg-type]
                with_ea=kind == "one-on-one",
                calendar="work" if owner == 0 else f"work-{EXECUTIVES[owner][1].lower()}",
                uid=f"uid-{n}@example.com",
            )
        )
    briefs: list[Brief] = []
    for n in range(2000 * years):
        created = rng.choice(workdays).replace(hour=rng.randint(8, 17), second=0)
        delivered = (
            None if (now - created) < timedelta(days=1) else created.add(hours=rng.randint(1, 30))
        )
        briefs.append(
            Brief(
                id=f"b-{n:06d}",
                executive=ids[n % executives],
                title=f"Update on matter {n}",
                kind=rng.choice(("escalation", "decision", "fyi", "good-news")),
                minutes=rng.choice((2, 2, 5, 10)),
                created=created,
                delivered=delivered,
                facts=("customer called", "finance checked", "refund approved"),
            )
        )
    closeouts = [
        Closeout(
            id=f"c-{n:05d}",
            date=day.date().isoformat(),
            closed=True,
            closed_at=day.replace(hour=18, minute=5, second=0),
            notes="quiet day",
            summary="# Close-out\n\n## Done today\n- resolved 4 follow-ups\n" * 4,
        )
        for n, day in enumerate(workdays[-250 * years :])
    ]
    staff = tuple(
        Executive(id=ids[k], name=name, short=short, timezone=zone, own_organization="Northwind")
        for k, (name, short, zone) in enumerate(EXECUTIVES[:executives])
    )
    return Document(
        settings=Settings(
            executive_name="Dana Whitfield", timezone=tz, own_organization="Northwind"
        ),
        executives=staff if executives > 1 else (),
        events=tuple(events),
        followups=tuple(followups),
        briefs=tuple(briefs),
        closeouts=tuple(closeouts),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--executives",
        type=int,
        default=1,
        choices=range(1, len(EXECUTIVES) + 1),
        metavar="N",
        help="split the records over N executives (1-4, default 1)",
    )
    args = parser.parse_args()
    clock = Clock.from_env()
    started = time.perf_counter()
    document = build(args.years, clock.now(), random.Random(args.seed), args.executives)
    store = Store(args.data_dir, clock=clock)
    store.save(document)
    live = store.load()
    print(
        f"wrote {len(document.followups)} follow-ups, {len(document.events)} events, "
        f"{len(document.briefs)} briefs, {len(document.closeouts)} close-outs "
        f"for {len(document.roster)} executive{'s' if len(document.roster) > 1 else ''} "
        f"to {args.data_dir} in {time.perf_counter() - started:.1f} s"
    )
    size = store.path.stat().st_size
    archived = sum(p.stat().st_size for p in store.archive_paths())
    print(
        f"live planner.json: {size / 1e6:.2f} MB ({len(live.followups)} follow-ups, "
        f"{len(live.events)} events, {len(live.briefs)} briefs); "
        f"archives: {archived / 1e6:.1f} MB in {len(store.archive_paths())} files"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
