"""A simulated morning in the demo hall, run through the real core with a moving
clock: citizens arrive and take tickets, clerks open their windows and call, serve,
recall, mark no-shows, hold and transfer. Used by ``yimen demo``; seeded, so every
run tells the same story.
"""

from __future__ import annotations

import heapq
import itertools
import json
import random
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from statistics import mean
from typing import Any, Protocol

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.base.messages import render
from shared.config.calendar import opening_on
from shared.config.hall_file import DEMO_HALL_PATH, HallConfig, load_hall_config
from shared.hall import Hall, TicketInfo, init_hall
from shared.rules.signin import SignedIn
from shared.store.db import sqlite_url


class Hands(Protocol):
    """Who works the windows in the simulated morning: the core itself (`Hall`), or the
    counter consoles' keys (the headless demo)."""

    def sign_in(self, clerk_code: str, password: str, window_no: int) -> SignedIn: ...
    def call_next(self, window_no: int, clerk_code: str) -> TicketInfo | None: ...
    def recall(self, window_no: int, clerk_code: str) -> TicketInfo: ...
    def start(self, window_no: int, clerk_code: str) -> TicketInfo: ...
    def finish(self, window_no: int, clerk_code: str) -> TicketInfo: ...
    def no_show(self, window_no: int, clerk_code: str) -> TicketInfo: ...
    def hold(
        self, window_no: int, clerk_code: str, kind: str, reason: str | None = None
    ) -> TicketInfo: ...
    def transfer(
        self,
        window_no: int,
        clerk_code: str,
        *,
        to_service: str | None = None,
        to_window: int | None = None,
        reason: str | None = None,
    ) -> TicketInfo: ...


@dataclass
class MorningReport:
    day: date
    issued: int = 0
    refused: int = 0
    done: int = 0
    still_waiting: int = 0
    no_shows: int = 0
    held: int = 0
    transferred: int = 0
    green: int = 0
    waits: list[float] = field(default_factory=list)
    per_window: dict[int, int] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def summary(self, lang: str) -> str:
        return render(
            "demo.summary",
            lang,
            issued=self.issued,
            green=self.green,
            refused=self.refused,
            done=self.done,
            no_shows=self.no_shows,
            held=self.held,
            transferred=self.transferred,
            still_waiting=self.still_waiting,
            mean=mean(self.waits) if self.waits else 0.0,
            longest=max(self.waits) if self.waits else 0.0,
        )


def next_open_day(hall: Hall, start: date) -> date:
    day = start
    for _ in range(60):
        if opening_on(hall.settings.calendar, day) is not None and day.weekday() < 5:
            return day
        day += timedelta(days=1)
    return start


def initial_passwords(config: HallConfig) -> dict[str, str]:
    """The clerks' initial passwords from a hall's configuration (the demo hall's are
    public), for the simulated clerks to sign in with."""
    return {c.code: c.password for c in config.clerks if c.password is not None}


def sign_in_a_posts(hall: Hall, passwords: Mapping[str, str]) -> list[int]:
    """Every window's A-post clerk signed in at it (the hall opening its doors); returns
    the windows opened."""
    opened = []
    for w in hall.windows():
        if w.a_clerk and w.a_clerk in passwords:
            hall.sign_in(w.a_clerk, passwords[w.a_clerk], w.number)
            opened.append(w.number)
    return opened


def simulate_morning(
    hall: Hall,
    clock: FixedClock,
    day: date,
    passwords: Mapping[str, str],
    *,
    citizens: int = 60,
    windows: int = 8,
    seed: int = 7,
    lang: str = "zh",
    minutes_between_arrivals: float = 2.6,
    hands: Hands | None = None,
    pause_at: tuple[time, Callable[[], None]] | None = None,
) -> MorningReport:
    """Run 08:30–11:30 of ``day``: ``citizens`` arrivals, ``windows`` staffed windows,
    whose A-post clerks sign in with ``passwords`` as the hall opens. ``hands`` works the
    windows (the hall's core by default); ``pause_at`` (a time, a function) calls the
    function once when the morning reaches that time, e.g. to look at the screens."""
    work: Hands = hands if hands is not None else hall
    rng = random.Random(seed)
    tz = hall.settings.tz
    report = MorningReport(day=day)
    t0 = datetime.combine(day, time(8, 30), tzinfo=tz)
    opening = datetime.combine(day, time(9, 0), tzinfo=tz)
    end = datetime.combine(day, time(11, 30), tzinfo=tz)

    staffed = [w for w in hall.windows() if w.a_clerk and (w.services or w.comprehensive)]
    staffed = staffed[:windows]
    served_by: set[str] = set()
    for w in staffed:
        served_by.update(w.services if not w.comprehensive else [])
    services = [
        sv
        for sv in hall.services()
        if not sv.time_slots
        and (
            sv.code in served_by
            or any(w.comprehensive and (w.zone_code in (None, sv.zone_code)) for w in staffed)
        )
    ]

    handling_of = {sv.code: float(sv.handling_minutes) for sv in services}
    seq = itertools.count()
    queue: list[tuple[datetime, int, str, dict[str, object]]] = []

    def at(when: datetime, kind: str, **data: object) -> None:
        heapq.heappush(queue, (when, next(seq), kind, data))

    arrival = t0
    for _ in range(citizens):
        arrival += timedelta(minutes=rng.expovariate(1 / minutes_between_arrivals))
        if arrival >= end:
            break
        at(arrival, "arrive", service=rng.choice(services).code, green=rng.random() < 0.08)
    for w in staffed:
        at(
            opening + timedelta(seconds=rng.randint(0, 90)),
            "sign_in",
            window=w.number,
            clerk=w.a_clerk,
        )

    def say(when: datetime, code: str, /, **params: Any) -> None:
        report.lines.append(f"{when.astimezone(tz):%H:%M:%S}  {render(code, lang, **params)}")

    issued_at: dict[str, datetime] = {}
    in_service: dict[int, str] = {}  # window → service code of the ticket in hand
    did_hold = did_transfer = False
    while queue:
        when, _, kind, data = heapq.heappop(queue)
        if when > end and kind in ("free",):
            continue
        if pause_at is not None and when.astimezone(tz).time() >= pause_at[0]:
            clock.set(datetime.combine(day, pause_at[0], tzinfo=tz))
            pause_at[1]()
            pause_at = None
        clock.set(when)
        if kind == "arrive":
            try:
                t = hall.issue_ticket(str(data["service"]), green=bool(data["green"]))
            except HallError as exc:
                report.refused += 1
                say(when, "demo.refused", problem=exc.message(lang))
                continue
            report.issued += 1
            report.green += t.priority == "green"
            issued_at[t.number] = when
            say(
                when,
                "demo.ticket",
                number=t.number,
                mark=render("demo.green_mark", lang) if t.priority == "green" else "",
                service=t.service_name,
                ahead=t.ahead,
                minutes=t.estimated_wait_minutes,
            )
        elif kind == "sign_in":
            window, clerk = int(str(data["window"])), str(data["clerk"])
            me = work.sign_in(clerk, passwords[clerk], window)
            post = render("demo.post", lang, post=me.post) if me.post else ""
            say(when, "demo.signed_in", name=me.name, window=window, post=post)
            at(when, "free", window=window, clerk=clerk)
        elif kind == "free":
            window, clerk = int(str(data["window"])), str(data["clerk"])
            called = work.call_next(window, clerk)
            if called is None:
                at(when + timedelta(minutes=1), "free", window=window, clerk=clerk)
                continue
            in_service[window] = called.service_code
            report.waits.append((when - issued_at[called.number]).total_seconds() / 60)
            say(when, "demo.call", number=called.number, window=window)
            if rng.random() < 0.06:
                at(when + timedelta(minutes=1), "recall", window=window, clerk=clerk)
            else:
                at(
                    when + timedelta(seconds=rng.randint(30, 120)),
                    "arrived",
                    window=window,
                    clerk=clerk,
                )
        elif kind == "recall":
            window, clerk = int(str(data["window"])), str(data["clerk"])
            t = work.recall(window, clerk)
            say(when, "demo.recall", number=t.number, window=window)
            at(when + timedelta(minutes=2), "no_show", window=window, clerk=clerk)
        elif kind == "no_show":
            window, clerk = int(str(data["window"])), str(data["clerk"])
            t = work.no_show(window, clerk)
            report.no_shows += 1
            say(when, "demo.no_show", number=t.number)
            at(when, "free", window=window, clerk=clerk)
        elif kind == "arrived":
            window, clerk = int(str(data["window"])), str(data["clerk"])
            t = work.start(window, clerk)
            handling = _service_minutes(handling_of[t.service_code], rng)
            if not did_hold and when.astimezone(tz).time() > time(9, 30):
                did_hold = True
                at(when + timedelta(minutes=3), "hold", window=window, clerk=clerk)
            elif not did_transfer and when.astimezone(tz).time() > time(10, 0):
                did_transfer = True
                at(when + timedelta(minutes=2), "transfer", window=window, clerk=clerk)
            else:
                at(when + timedelta(minutes=handling), "finish", window=window, clerk=clerk)
        elif kind == "finish":
            window, clerk = int(str(data["window"])), str(data["clerk"])
            t = work.finish(window, clerk)
            report.done += 1
            report.per_window[window] = report.per_window.get(window, 0) + 1
            say(when, "demo.finished", window=window, number=t.number)
            at(when + timedelta(seconds=rng.randint(10, 40)), "free", window=window, clerk=clerk)
        elif kind == "hold":
            window, clerk = int(str(data["window"])), str(data["clerk"])
            reason = render("demo.hold_reason", lang)  # what the clerk types
            t = work.hold(window, clerk, "fetch_materials", reason=reason)
            report.held += 1
            say(when, "demo.held", number=t.number)
            at(when + timedelta(minutes=25), "returned", number=t.number)
            at(when, "free", window=window, clerk=clerk)
        elif kind == "returned":
            t = hall.return_from_hold(str(data["number"]))
            say(when, "demo.returned", number=t.number)
        elif kind == "transfer":
            window, clerk = int(str(data["window"])), str(data["clerk"])
            target = next(sv for sv in services if sv.code != in_service[window])
            reason = render("demo.transfer_reason", lang)
            t = work.transfer(window, clerk, to_service=target.code, reason=reason)
            report.transferred += 1
            say(when, "demo.transferred", number=t.number, service=target.name)
            at(when, "free", window=window, clerk=clerk)
    report.still_waiting = sum(c.waiting for c in hall.waiting_counts())
    return report


def _service_minutes(expected: float, rng: random.Random) -> float:
    return max(2.0, rng.lognormvariate(0, 0.35) * expected)


def run_demo_morning(url: str | None, lang: str, *, as_json: bool) -> int:
    """``yimen demo``: a fresh demo hall (in a temporary SQLite file unless ``--db``
    is given) and one simulated morning, printed as it happens."""
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="yimen-demo-"))
        url = sqlite_url(folder / "demo.db")
    config = load_hall_config(DEMO_HALL_PATH)
    clock = FixedClock(datetime.now().astimezone())
    init_hall(url, config, clock)
    with Hall.connect(url, clock=clock) as hall:
        day = next_open_day(hall, hall.settings.business_day(clock.now()) + timedelta(days=1))
        report = simulate_morning(hall, clock, day, initial_passwords(config), lang=lang)
    if as_json:
        print(
            json.dumps(
                {
                    "database": url,
                    "day": day.isoformat(),
                    "issued": report.issued,
                    "done": report.done,
                    "no_shows": report.no_shows,
                    "mean_wait_minutes": round(mean(report.waits), 1) if report.waits else None,
                    "events": report.lines,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(render("demo.head", lang, day=day, url=url))
    for line in report.lines:
        print(line)
    print(report.summary(lang))
    return 0
