"""The wait a citizen can plan on: when a ticket will be called, from the hall's live
state, by playing the line forward window by window.

The usual estimate divides once: people ahead × mean handling time ÷ windows open now. It
is wrong whenever the staffing changes before the ticket is reached, which is every day:
the noon break, a clerk away on an AB hand-over, a window closing, the green channel
jumping the line. The hall knows most of that in advance, so the forecast plays it:

* **the line** (`Situation.waiting`): every waiting ticket of the day that will be called
  before this one by some window, in the core's calling order (lane, then queue key with
  the green channel's and appointments' head start, then id); green tickets always, as a
  green-channel window calls them first;
* **what may still cut in**: appointments booked for today and not yet checked in, whose
  slot puts them ahead (most come), and green-channel citizens still to come, at the rate
  of today's so far;
* **the windows** (`Desk`): serving now (the ticket in hand is done after the rest of a
  service that has lasted this long), idle, paused, away on an AB hand-over with an
  announced return, not yet open before opening; each stops at the noon break unless it is
  one of the windows the noon-duty rule keeps, and at closing;
* **the time a ticket takes a window** (`Profile`): its service's recent times from call
  to finish at this hour of the day (the last two weeks), drawn as they came (a few very
  long services weigh as often as they happened, not more); a no-show takes the window
  the minutes a recall takes.

Each run of the line draws those times anew (`RUNS` runs, seeded by the ticket, so the
same question gets the same answer): the point forecast is the runs' mean, the range
their 10th to 90th percentile, shown ("约 25–35 分钟") when it is wide. A ticket the
windows will not reach before closing is said to be so (`Forecast.today` False).

`usual_estimate` keeps the usual formula, for comparison (bench/forecast.py).
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.config.halls import HallSettings
from shared.store.model import (
    Absence,
    Appointment,
    AppointmentState,
    Event,
    EventKind,
    Priority,
    Ticket,
    TicketState,
    Window,
)

#: Runs of the line per forecast.
RUNS = 40
#: Minutes a no-show takes the window that calls it (the calls and the wait for a reply).
NO_SHOW_MINUTES = 2.0
#: Minutes a window paused for no known reason is assumed to stay paused.
PAUSE_MINUTES = 10.0
#: A range is shown when it is at least this many minutes wide and this share of the point.
RANGE_MIN_WIDTH = 10
RANGE_MIN_SHARE = 0.25
#: The recent times read per service: from the last HISTORY_DAYS, within HOUR_BAND hours
#: of the hour asked about (more from all hours when fewer than MIN_SPANS).
HISTORY_DAYS = 14
HOUR_BAND = 1
MIN_SPANS = 12
MAX_SPANS = 300
#: Share of today's booked appointments that come.
APPOINTMENT_SHOW = 0.9


@dataclass(frozen=True)
class Waiting:
    """A ticket in line, as the calling order sees it."""

    id: int
    service_id: int
    lane: int
    queue_key: datetime
    green: bool = False
    target_window_id: int | None = None
    #: Not in line before this moment (an appointment checking in, a green citizen
    #: still to come); None: in line now.
    arrives: datetime | None = None
    shows: float = 1.0  # the chance it comes at all (an appointment not yet checked in)

    def order(self, green_first: bool) -> tuple[int, int, datetime, int]:
        return (self.lane, 0 if green_first and self.green else 1, self.queue_key, self.id)


@dataclass(frozen=True)
class Desk:
    """A window as the forecast plays it."""

    id: int
    services: frozenset[int]
    green_first: bool = False
    #: When it can call next (None: not again today). A ticket in hand delays it further.
    free_at: datetime | None = None
    in_hand_service: int | None = None  # the service of the ticket in its hands
    in_hand_since: datetime | None = None  # called at
    #: Spans it calls nobody in (the noon break of a window not on duty).
    breaks: tuple[tuple[datetime, datetime], ...] = ()
    closes_at: datetime | None = None  # its last call before this


@dataclass(frozen=True)
class Profile:
    """Minutes a ticket of each service takes a window (call to finish), recent ones at
    this hour; no-show shares; the configured handling time where nothing is known."""

    spans: Mapping[int, tuple[float, ...]]
    no_show: Mapping[int, float] = field(default_factory=dict)
    configured: Mapping[int, float] = field(default_factory=dict)

    def draw(self, service_id: int, rng: random.Random) -> float:
        """One ticket's minutes at the window, a no-show's included."""
        if rng.random() < self.no_show.get(service_id, 0.0):
            return NO_SHOW_MINUTES
        spans = self.spans.get(service_id)
        if spans:
            return spans[rng.randrange(len(spans))]
        mean = self.configured.get(service_id, 10.0)
        return mean * rng.lognormvariate(-0.18, 0.6)  # mean ≈ the configured minutes

    def rest(self, service_id: int, elapsed: float, rng: random.Random) -> float:
        """The minutes left of a service that has lasted ``elapsed`` (drawn among the
        recent ones that lasted longer: a long one in hand is likely a long one)."""
        spans = self.spans.get(service_id)
        if spans:
            longer = [x for x in spans if x > elapsed]
            if longer:
                return longer[rng.randrange(len(longer))] - elapsed
            return 1.0
        return max(1.0, self.draw(service_id, rng) - elapsed)

    def mean(self, service_id: int) -> float:
        spans = self.spans.get(service_id)
        if spans:
            return sum(spans) / len(spans)
        return self.configured.get(service_id, 10.0)


@dataclass(frozen=True)
class Situation:
    """The hall at ``now``, as far as the line's future goes."""

    now: datetime
    waiting: tuple[Waiting, ...]
    desks: tuple[Desk, ...]
    #: Green citizens still to come, per service: how many a minute (today's rate).
    green_rate: Mapping[int, float] = field(default_factory=dict)
    head_start: timedelta = timedelta(minutes=15)
    until: datetime | None = None  # no arrivals expected after this (the kiosks stop)


@dataclass(frozen=True)
class Forecast:
    """Minutes until the ticket is called: the point (the runs' mean), and the range."""

    minutes: int
    low: int
    high: int
    today: bool = True  # False: the windows will likely not reach it before closing

    @property
    def shown_range(self) -> tuple[int, int] | None:
        """The range worth saying (约 25–35 分钟), or None when the point says enough."""
        width = self.high - self.low
        if width >= RANGE_MIN_WIDTH and width >= RANGE_MIN_SHARE * max(1, self.minutes):
            return self.low, self.high
        return None


# -- playing the line forward -------------------------------------------------------------


def forecast(
    situation: Situation, ticket: Waiting, profile: Profile, *, runs: int = RUNS
) -> Forecast | None:
    """When ``ticket`` will be called, in minutes from now (None: no window serves it)."""
    serving = [
        d
        for d in situation.desks
        if d.free_at is not None
        and (
            ticket.service_id in d.services
            if ticket.target_window_id is None
            else d.id == ticket.target_window_id
        )
    ]
    if not any(
        d.id == ticket.target_window_id or ticket.service_id in d.services for d in situation.desks
    ):
        return None
    rng = random.Random(f"forecast/{ticket.id}/{ticket.queue_key.isoformat()}")
    waits: list[float] = []
    missed = 0
    for _ in range(runs):
        wait = _run(situation, ticket, profile, rng) if serving else None
        if wait is None:
            missed += 1
        else:
            waits.append(wait)
    if missed * 2 > runs or not waits:
        closes = max((d.closes_at for d in situation.desks if d.closes_at), default=None)
        left = (closes - situation.now).total_seconds() / 60 if closes else 0.0
        n = max(0, round(left))
        return Forecast(n, n, n, today=False)
    waits.sort()
    mean = sum(waits) / len(waits)
    return Forecast(
        minutes=round(mean),
        low=math.floor(_quantile(waits, 0.1)),
        high=math.ceil(_quantile(waits, 0.9)),
    )


def _quantile(ordered: Sequence[float], q: float) -> float:
    position = q * (len(ordered) - 1)
    i = int(position)
    j = min(i + 1, len(ordered) - 1)
    return ordered[i] + (ordered[j] - ordered[i]) * (position - i)


def _minutes(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 60


def _run(
    situation: Situation, ticket: Waiting, profile: Profile, rng: random.Random
) -> float | None:
    """One play of the line: the minutes until ``ticket`` is called, or None (not today)."""
    now = situation.now
    line = [w for w in situation.waiting if w.shows >= 1 or rng.random() < w.shows]
    line += _green_to_come(situation, ticket, rng)
    line.append(ticket)
    # Per window, the tickets it may call, in its own calling order: a window calls the
    # first of them that is in line by then.
    queues: dict[int, list[tuple[tuple[int, int, datetime, int], Waiting]]] = {}
    for d in situation.desks:
        if d.free_at is None:
            continue
        mine = [
            (w.order(d.green_first), w)
            for w in line
            if (w.target_window_id == d.id)
            or (w.target_window_id is None and w.service_id in d.services)
        ]
        mine.sort(key=lambda x: x[0])
        queues[d.id] = mine
    taken: set[int] = set()
    heap: list[tuple[datetime, int, Desk]] = []
    for d in situation.desks:
        if d.free_at is None:
            continue
        at = max(now, d.free_at)
        if d.in_hand_service is not None and d.in_hand_since is not None:
            elapsed = max(0.0, _minutes(d.in_hand_since, now))
            at = max(at, now + timedelta(minutes=profile.rest(d.in_hand_service, elapsed, rng)))
        heapq.heappush(heap, (at, d.id, d))
    while heap:
        free, _, desk = heapq.heappop(heap)
        opens = _open_at(desk, free)
        if opens is None:
            continue
        if opens > free:  # back from a break: its turn comes then, after the others'
            heapq.heappush(heap, (opens, desk.id, desk))
            continue
        at = opens
        queue = queues[desk.id]
        while queue and queue[0][1].id in taken:
            queue.pop(0)
        pick = next(
            (w for _, w in queue if w.id not in taken and (w.arrives is None or w.arrives <= at)),
            None,
        )
        if pick is None:
            coming = [w.arrives for _, w in queue if w.id not in taken and w.arrives is not None]
            if coming:
                heapq.heappush(heap, (min(coming), desk.id, desk))
            continue
        if pick is ticket:
            return _minutes(now, at)
        taken.add(pick.id)
        heapq.heappush(
            heap, (at + timedelta(minutes=profile.draw(pick.service_id, rng)), desk.id, desk)
        )
    return None


def _open_at(desk: Desk, at: datetime) -> datetime | None:
    """The first moment from ``at`` the window calls (after a break), None past closing."""
    for start, end in desk.breaks:
        if start <= at < end:
            at = end
    if desk.closes_at is not None and at >= desk.closes_at:
        return None
    return at


def _green_to_come(situation: Situation, ticket: Waiting, rng: random.Random) -> list[Waiting]:
    """Green citizens of the ticket's service arriving in the next hours, who will be in
    line ahead of it once they come (their head start puts them there)."""
    rate = situation.green_rate.get(ticket.service_id, 0.0)
    if rate <= 0 or ticket.green:
        return []
    horizon = min(
        ticket.queue_key + situation.head_start,
        situation.until or ticket.queue_key + situation.head_start,
    )
    out: list[Waiting] = []
    at = situation.now
    n = 0
    while True:
        at += timedelta(minutes=rng.expovariate(rate))
        if at >= horizon:
            return out
        n += 1
        out.append(
            Waiting(
                id=-n,
                service_id=ticket.service_id,
                lane=ticket.lane,
                queue_key=at - situation.head_start,
                green=True,
                arrives=at,
            )
        )


# -- the hall's state ---------------------------------------------------------------------


def read_profile(s: Session, hall: HallSettings, now: datetime) -> Profile:
    """Each service's recent minutes at a window (call to finish) around this hour of the
    day, over the last `HISTORY_DAYS`, and its share of no-shows."""
    day = hall.business_day(now)
    since = day - timedelta(days=HISTORY_DAYS)
    hour = hall.local(now).hour
    rows = s.execute(
        select(Ticket.service_id, Ticket.called_at, Ticket.finished_at, Ticket.state).where(
            Ticket.hall_id == hall.id,
            Ticket.business_day >= since,
            Ticket.business_day <= day,
            Ticket.called_at.is_not(None),
        )
    ).all()
    near: dict[int, list[float]] = {}
    every: dict[int, list[float]] = {}
    called: dict[int, int] = {}
    for service_id, called_at, finished_at, state in rows:
        called[service_id] = called.get(service_id, 0) + 1
        if state != TicketState.DONE or finished_at is None or called_at is None:
            continue
        span = _minutes(called_at, finished_at)
        if span <= 0:
            continue
        every.setdefault(service_id, []).append(span)
        if abs(hall.local(called_at).hour - hour) <= HOUR_BAND:
            near.setdefault(service_id, []).append(span)
    no_shows: dict[int, int] = {}
    for (ticket_service,) in s.execute(
        select(Ticket.service_id)
        .join(Event, Event.ticket_id == Ticket.id)
        .where(
            Ticket.hall_id == hall.id,
            Ticket.business_day >= since,
            Ticket.business_day <= day,
            Event.kind == EventKind.NO_SHOW,
        )
    ):
        no_shows[ticket_service] = no_shows.get(ticket_service, 0) + 1
    spans = {}
    for service_id, all_spans in every.items():
        chosen = near.get(service_id, [])
        if len(chosen) < MIN_SPANS:
            chosen = all_spans
        spans[service_id] = tuple(chosen[-MAX_SPANS:])
    return Profile(
        spans=spans,
        no_show={k: min(0.5, n / called[k]) for k, n in no_shows.items() if called.get(k)},
        configured={sv.id: float(max(1, sv.handling_minutes)) for sv in hall.catalog.services},
    )


def read_situation(s: Session, hall: HallSettings, now: datetime) -> Situation:
    """The line and the windows at ``now``."""
    day = hall.business_day(now)
    opening = hall.opening(day)
    head_start = timedelta(minutes=hall.rules.priority_head_start_minutes)
    waiting = tuple(
        Waiting(
            t.id,
            t.service_id,
            t.lane,
            t.queue_key,
            t.priority == Priority.GREEN,
            t.target_window_id,
        )
        for t in s.execute(
            select(
                Ticket.id,
                Ticket.service_id,
                Ticket.lane,
                Ticket.queue_key,
                Ticket.priority,
                Ticket.target_window_id,
            ).where(
                Ticket.hall_id == hall.id,
                Ticket.business_day == day,
                Ticket.state == TicketState.WAITING,
            )
        )
    )
    booked = tuple(_booked(s, hall, day, now, head_start))
    desks = tuple(_desks(s, hall, day, now))
    return Situation(
        now=now,
        waiting=waiting + booked,
        desks=desks,
        green_rate=_green_rate(s, hall, day, now),
        head_start=head_start,
        until=hall.at(day, opening.tickets_until) if opening else None,
    )


def _booked(
    s: Session, hall: HallSettings, day: date, now: datetime, head_start: timedelta
) -> Iterable[Waiting]:
    """Today's appointments still to check in: in line from their slot (most come)."""
    for a_id, service_id, slot_start in s.execute(
        select(Appointment.id, Appointment.service_id, Appointment.slot_start).where(
            Appointment.hall_id == hall.id,
            Appointment.day == day,
            Appointment.state == AppointmentState.BOOKED,
            Appointment.slot_end > now,
        )
    ):
        arrives = max(now, slot_start - timedelta(minutes=10))
        yield Waiting(
            id=-(10**9) - a_id,
            service_id=service_id,
            lane=1,
            queue_key=max(arrives, slot_start) - head_start,
            arrives=arrives,
            shows=APPOINTMENT_SHOW,
        )


def _green_rate(s: Session, hall: HallSettings, day: date, now: datetime) -> dict[int, float]:
    opening = hall.opening(day)
    if opening is None:
        return {}
    start = hall.at(day, opening.tickets_from)
    minutes = _minutes(start, now)
    if minutes < 30:
        return {}
    counts: dict[int, int] = {}
    for (service_id,) in s.execute(
        select(Ticket.issued_service_id).where(
            Ticket.hall_id == hall.id,
            Ticket.business_day == day,
            Ticket.priority == Priority.GREEN,
        )
    ):
        counts[service_id] = counts.get(service_id, 0) + 1
    return {k: n / minutes for k, n in counts.items()}


def _desks(s: Session, hall: HallSettings, day: date, now: datetime) -> Iterable[Desk]:
    """Each active window: when it calls next, its breaks, its closing."""
    opening = hall.opening(day)
    if opening is None:
        return
    cat = hall.catalog
    opens_at = hall.at(day, opening.open)
    closes_at = hall.at(day, opening.close)
    day_start = hall.day_start(day)
    rows = {w.id: w for w in s.scalars(select(Window).where(Window.hall_id == hall.id))}
    in_hand = {
        t.window_id: t
        for t in s.execute(
            select(Ticket.window_id, Ticket.service_id, Ticket.called_at).where(
                Ticket.hall_id == hall.id,
                Ticket.state.in_((TicketState.CALLED, TicketState.SERVING)),
            )
        )
    }
    away = {
        a.window_id: a.expected_return
        for a in s.scalars(
            select(Absence).where(Absence.hall_id == hall.id, Absence.returned_at.is_(None))
        )
    }
    noon = None
    if opening.noon_break is not None:
        noon = (hall.at(day, opening.noon_break[0]), hall.at(day, opening.noon_break[1]))
    signed_in = {
        wid
        for wid, w in rows.items()
        if w.active
        and w.clerk_id is not None
        and w.signed_in_at is not None
        and w.signed_in_at >= day_start
    }
    on_duty = _noon_duty(hall, signed_in, rows, now, noon)
    for entry in cat.windows:
        row = rows.get(entry.id)
        if row is None or not row.active or not entry.service_ids:
            continue
        free_at: datetime | None
        if entry.id in signed_in:
            free_at = now
            if row.paused:
                if noon is not None and noon[0] <= now < noon[1]:
                    free_at = noon[1]
                else:
                    free_at = now + timedelta(minutes=PAUSE_MINUTES)
        elif (back := away.get(entry.id)) is not None:
            free_at = max(now, back)  # back as announced
        elif now < opens_at and entry.a_clerk_id is not None:
            free_at = opens_at  # staffed by plan, opens with the hall
        elif noon is not None and now < noon[1] and entry.id in _left_for_noon(s, hall, day, noon):
            free_at = noon[1]  # signed out for lunch: back after the break
        else:
            free_at = None
        hand = in_hand.get(entry.id)
        breaks: tuple[tuple[datetime, datetime], ...] = ()
        if noon is not None and entry.id not in on_duty and now < noon[1]:
            breaks = ((max(noon[0], now) if now >= noon[0] else noon[0], noon[1]),)
        yield Desk(
            id=entry.id,
            services=entry.service_ids,
            green_first="green_channel" in entry.kinds,
            free_at=None if free_at is None else max(free_at, opens_at),
            in_hand_service=hand.service_id if hand is not None else None,
            in_hand_since=hand.called_at if hand is not None else None,
            breaks=breaks,
            closes_at=closes_at,
        )


def _noon_duty(
    hall: HallSettings,
    signed_in: set[int],
    rows: Mapping[int, Window],
    now: datetime,
    noon: tuple[datetime, datetime] | None,
) -> set[int]:
    """The windows that will serve through the noon break: during it, those serving;
    before it, as many comprehensive windows per zone as the rule keeps (the hall-wide
    ones first, as each counts for every zone), among those staffed."""
    if noon is None:
        return set()
    if noon[0] <= now < noon[1]:
        return {wid for wid in signed_in if not rows[wid].paused}
    needed = hall.staffing.noon_windows_per_zone
    staffed = [
        w
        for w in hall.catalog.windows
        if w.comprehensive and (w.id in signed_in or (w.a_clerk_id is not None and not signed_in))
    ]
    duty: set[int] = set()
    zones = {w.zone_id for w in hall.catalog.windows if w.zone_id is not None}
    for zone in zones:
        counting = sorted(
            (w for w in staffed if w.zone_id in (None, zone)),
            key=lambda w: (w.zone_id is not None, w.number),
        )
        have = sum(1 for w in counting if w.id in duty)
        for w in counting:
            if have >= needed:
                break
            if w.id not in duty:
                duty.add(w.id)
                have += 1
    return duty


def _left_for_noon(
    s: Session, hall: HallSettings, day: date, noon: tuple[datetime, datetime]
) -> set[int]:
    """Windows whose clerk signed out at the noon break today (back after it)."""
    return {
        wid
        for (wid,) in s.execute(
            select(Event.window_id).where(
                Event.hall_id == hall.id,
                Event.kind == EventKind.SIGNED_OUT,
                Event.at >= noon[0] - timedelta(minutes=30),
                Event.at < noon[1],
            )
        )
        if wid is not None
    }


def usual_estimate(
    ahead: int, mean_minutes: float, windows_open: int, until_open: float
) -> int | None:
    """The usual formula: people ahead × mean handling time ÷ windows open, plus the time
    until opening (None when no window is open)."""
    if windows_open <= 0:
        return None
    return round(until_open + (ahead * mean_minutes / windows_open if ahead else 0.0))


__all__ = [
    "Desk",
    "Forecast",
    "Profile",
    "Situation",
    "Waiting",
    "forecast",
    "read_profile",
    "read_situation",
    "usual_estimate",
]
