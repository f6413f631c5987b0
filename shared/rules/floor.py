"""The live floor as the supervisor's station shows it, read in one transaction: every
window (who, which post, what state, the ticket in hand and since when, served today),
the waiting per zone and per service with the longest wait, and today's figures.

The station reads it once, then again when the change feed says something happened:
never on a timer. Times are given as moments (``since``), so the screen counts the
minutes itself between two events.

Today's figures, each with one definition:

* issued: tickets of today's business day, appointments' and transfers' included once;
* served: of those, the ones finished (办结);
* no-shows: of those, the ones whose state is no-show now (a no-show put back in the
  line and called again counts as what it became);
* waiting: of those, the ones waiting now;
* mean wait: over today's tickets called at least once, the minutes from issue to their
  first call (recalls and later calls not counted), None before the first call;
* reviews: the ratings of today's tickets; good: 满意 or better; bad: 不满意 or worse;
  satisfaction: good ÷ all, in percent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.config.halls import HallSettings
from shared.rules.lobby import feed_position
from shared.rules.reviews import share
from shared.rules.tickets import windows_in_hand
from shared.rules.windows import signed_in_today
from shared.store.model import (
    Absence,
    Event,
    EventKind,
    Review,
    ReviewLevel,
    Ticket,
    TicketState,
)

GOOD_LEVELS = (ReviewLevel.VERY_SATISFIED, ReviewLevel.SATISFIED)
BAD_LEVELS = (ReviewLevel.DISSATISFIED, ReviewLevel.VERY_DISSATISFIED)

#: A tile's states, in the order a supervisor scans for trouble.
STATES = ("away", "empty", "paused", "called", "serving", "idle")


@dataclass(frozen=True)
class Tile:
    """One window on the floor."""

    number: int
    name: str
    zone_name: str | None
    state: str  # serving, called, idle, paused, away (A away, nobody in), empty (nobody)
    clerk_code: str | None  # who is signed in
    clerk_name: str | None
    post: str | None  # "A" or "B": the signed-in clerk's post at this window
    ticket: str | None  # the number in hand
    ticket_since: datetime | None  # called at (in hand since)
    served_today: int
    paused_reason: str | None = None
    since: datetime | None = None  # paused since; signed in since
    away_name: str | None = None  # A, away (the window may be covered by B)
    away_reason: str | None = None  # AbsenceReason value
    away_since: datetime | None = None
    away_until: datetime | None = None  # announced return
    has_post: bool = False


@dataclass(frozen=True)
class ServiceWaiting:
    code: str
    name: str
    zone_code: str
    waiting: int
    oldest: datetime | None  # the issue time of the longest-waiting ticket


@dataclass(frozen=True)
class ZoneWaiting:
    code: str
    name: str
    waiting: int
    oldest: datetime | None
    services: tuple[ServiceWaiting, ...]


@dataclass(frozen=True)
class Figures:
    issued: int
    served: int
    no_shows: int
    waiting: int
    mean_wait_minutes: float | None
    reviews: int
    good: int
    bad: int
    satisfaction: float | None  # percent


@dataclass(frozen=True)
class Floor:
    last_event_id: int  # the feed position it was read at
    business_day: date
    read_at: datetime
    tiles: tuple[Tile, ...]
    zones: tuple[ZoneWaiting, ...]
    figures: Figures


def _minutes_between(s: Session, start: Any, end: Any) -> Any:
    """``end - start`` in minutes, computed by the database (a day's worth of rows is
    not carried to Python to be averaged)."""
    if s.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", end - start) / 60.0
    return (func.julianday(end) - func.julianday(start)) * 1440.0


def _figures(s: Session, hall: HallSettings, day: date) -> Figures:
    counts = dict(
        s.execute(
            select(Ticket.state, func.count(Ticket.id))
            .where(Ticket.hall_id == hall.id, Ticket.business_day == day)
            .group_by(Ticket.state)
        ).all()
    )
    first_calls = (
        select(Ticket.issued_at.label("issued"), func.min(Event.at).label("first"))
        .join(Event, Event.ticket_id == Ticket.id)
        .where(
            Ticket.hall_id == hall.id,
            Ticket.business_day == day,
            Event.kind == EventKind.CALLED,
        )
        .group_by(Ticket.id, Ticket.issued_at)
        .subquery()
    )
    minutes = _minutes_between(s, first_calls.c.issued, first_calls.c.first)
    called, mean_wait = s.execute(select(func.count(), func.avg(minutes))).one()
    levels = dict(
        s.execute(
            select(Review.level, func.count(Review.id))
            .where(Review.hall_id == hall.id, Review.business_day == day)
            .group_by(Review.level)
        ).all()
    )
    reviews = sum(levels.values())
    good = sum(levels.get(lv, 0) for lv in GOOD_LEVELS)
    return Figures(
        issued=sum(counts.values()),
        served=counts.get(TicketState.DONE, 0),
        no_shows=counts.get(TicketState.NO_SHOW, 0),
        waiting=counts.get(TicketState.WAITING, 0),
        mean_wait_minutes=float(mean_wait) if called else None,
        reviews=reviews,
        good=good,
        bad=sum(levels.get(lv, 0) for lv in BAD_LEVELS),
        satisfaction=share(good, reviews),
    )


def _waiting(s: Session, hall: HallSettings, day: date) -> tuple[ZoneWaiting, ...]:
    rows = {
        service_id: (n, oldest)
        for service_id, n, oldest in s.execute(
            select(Ticket.service_id, func.count(Ticket.id), func.min(Ticket.issued_at))
            .where(
                Ticket.hall_id == hall.id,
                Ticket.business_day == day,
                Ticket.state == TicketState.WAITING,
            )
            .group_by(Ticket.service_id)
        ).all()
    }
    zones: dict[str, list[ServiceWaiting]] = {}
    names: dict[str, str] = {}
    for sv in hall.catalog.services:
        n, oldest = rows.get(sv.id, (0, None))
        zones.setdefault(sv.zone_code, []).append(
            ServiceWaiting(sv.code, sv.name, sv.zone_code, n, oldest)
        )
        names[sv.zone_code] = sv.zone_name
    out = []
    for code, services in zones.items():
        times = [x.oldest for x in services if x.oldest is not None]
        out.append(
            ZoneWaiting(
                code,
                names[code],
                sum(x.waiting for x in services),
                min(times) if times else None,
                tuple(services),
            )
        )
    return tuple(out)


def _served(s: Session, hall: HallSettings, day: date) -> dict[int, int]:
    return dict(
        s.execute(  # type: ignore[arg-type]
            select(Ticket.window_id, func.count(Ticket.id))
            .where(
                Ticket.hall_id == hall.id,
                Ticket.business_day == day,
                Ticket.state == TicketState.DONE,
            )
            .group_by(Ticket.window_id)
        ).all()
    )


def _pauses(s: Session, hall: HallSettings, day: date) -> dict[int, tuple[datetime, str | None]]:
    """The last pause of each window today: when, and why."""
    last: dict[int, tuple[datetime, str | None]] = {}
    for window_id, at, reason in s.execute(
        select(Event.window_id, Event.at, Event.reason)
        .where(
            Event.hall_id == hall.id,
            Event.kind == EventKind.PAUSED,
            Event.at >= hall.day_start(day),
        )
        .order_by(Event.id)
    ):
        if window_id is not None:
            last[window_id] = (at, reason)
    return last


def read_floor(s: Session, hall: HallSettings, now: datetime) -> Floor:
    """The floor now (see the module's notes for what each figure means)."""
    last = feed_position(s)
    day = hall.business_day(now)
    cat = hall.catalog
    served = _served(s, hall, day)
    pauses = _pauses(s, hall, day)
    away = {
        a.clerk_id: a
        for a in s.scalars(
            select(Absence)
            .where(Absence.hall_id == hall.id, Absence.returned_at.is_(None))
            .order_by(Absence.id)
        )
    }
    tiles = []
    for w, t in windows_in_hand(s, hall):
        entry = cat.window(w.number)
        staffed = signed_in_today(hall, w, now)
        clerk = cat.clerk_by_id(w.clerk_id) if staffed else None
        post = None
        if clerk is not None:
            post = (
                "A"
                if clerk.id == entry.a_clerk_id
                else "B"
                if clerk.id == entry.b_clerk_id
                else None
            )
        a = cat.clerk_by_id(entry.a_clerk_id)
        absence = away.get(a.id) if a is not None else None
        if absence is not None and absence.window_id != w.id:
            absence = None
        if t is not None:
            state = t.state.value
        elif not staffed:
            state = "away" if absence is not None else "empty"
        elif w.paused:
            state = "paused"
        else:
            state = "idle"
        paused_at, paused_reason = pauses.get(w.id, (None, None)) if w.paused else (None, None)
        tiles.append(
            Tile(
                number=w.number,
                name=entry.name,
                zone_name=entry.zone_name,
                state=state,
                clerk_code=clerk.code if clerk else None,
                clerk_name=clerk.name if clerk else None,
                post=post,
                ticket=t.number if t is not None else None,
                ticket_since=t.called_at if t is not None else None,
                served_today=served.get(w.id, 0),
                paused_reason=paused_reason,
                since=paused_at if w.paused else (w.signed_in_at if staffed else None),
                away_name=a.name if absence is not None and a is not None else None,
                away_reason=absence.reason.value if absence is not None else None,
                away_since=absence.left_at if absence is not None else None,
                away_until=absence.expected_return if absence is not None else None,
                has_post=a is not None,
            )
        )
    return Floor(last, day, now, tuple(tiles), _waiting(s, hall, day), _figures(s, hall, day))
