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
* **the time a ticket takes a window** (`Profile`): its service's recent times at this
  hour of the day (the last two weeks), from a call to the window's next call (the walk,
  the rating and a no-show's calls are the window's time too), drawn as they came (a few
  very long services weigh as often as they happened, not more).

Each run of the line draws those times anew (`RUNS` runs, seeded by the ticket, so the
same question gets the same answer): the point forecast is the runs' mean, the range
their 10th to 90th percentile a little widened (`RANGE_WIDEN`), shown ("约 25–35 分钟")
when it is wide. A ticket the
windows will not reach before closing is said to be so (`Forecast.today` False).

`usual_estimate` keeps the usual formula, for comparison (bench/forecast.py).
"""

from __future__ import annotations

import heapq
import math
import random
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.clock import minutes_between
from shared.config.calendar import is_working_day
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
    in_hand_where,
)

#: Runs of the line per forecast.
RUNS = 32
#: Beyond this many tickets in line, the runs are fewer in proportion, down to MIN_RUNS.
LONG_LINE = 300
MIN_RUNS = 12
#: Minutes a window paused for no known reason is assumed to stay paused.
PAUSE_MINUTES = 10.0
#: The range: the runs' 10th to 90th percentile, each end moved out by this share of its
#: distance from the point and these minutes (bench/forecast.py measures how often the
#: real wait falls inside).
RANGE_WIDEN = 0.15
RANGE_MARGIN = 1.5
#: A range is shown when it is at least this many minutes wide and this share of the point.
RANGE_MIN_WIDTH = 10
RANGE_MIN_SHARE = 0.25
#: The recent times read per service: from the last HISTORY_DAYS, within HOUR_BAND hours
#: of the hour asked about (more from all hours when fewer than MIN_SPANS).
HISTORY_DAYS = 14
HOUR_BAND = 1
MIN_SPANS = 12
MAX_SPANS = 300
#: A call followed by the window's next call within this many minutes of its finish is
#: one span (the time between citizens is the window's too); else the window's usual
#: time between citizens is added to the service's.
FOLLOW_ON_MINUTES = 5.0
NO_SHOW_GAP_MINUTES = 10.0
DEFAULT_OVERHEAD = 1.0
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
    """Minutes a ticket of each service takes a window (call to next call: a no-show's
    calls are among them), recent ones at this hour; the configured handling time where
    nothing is known."""

    spans: Mapping[int, tuple[float, ...]]
    configured: Mapping[int, float] = field(default_factory=dict)

    def draw(self, service_id: int, rng: random.Random) -> float:
        """One ticket's minutes at the window."""
        spans = self.spans.get(service_id)
        if spans:
            return spans[int(rng.random() * len(spans))]
        mean = self.configured.get(service_id, 10.0)
        return mean * rng.lognormvariate(-0.18, 0.6)  # mean ≈ the configured minutes

    def rest(self, service_id: int, elapsed: float, rng: random.Random) -> float:
        """The minutes left of a service that has lasted ``elapsed`` (drawn among the
        recent ones that lasted longer: a long one in hand is likely a long one)."""
        ordered = self._sorted.get(service_id)
        if ordered:
            first = bisect_right(ordered, elapsed)
            if first < len(ordered):
                return ordered[first + int(rng.random() * (len(ordered) - first))] - elapsed
            return 1.0
        return max(1.0, self.draw(service_id, rng) - elapsed)

    @cached_property
    def _sorted(self) -> dict[int, list[float]]:
        return {service_id: sorted(spans) for service_id, spans in self.spans.items()}


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
    if not any(
        d.id == ticket.target_window_id or ticket.service_id in d.services for d in situation.desks
    ):
        return None
    line = _Line(situation, ticket)
    # A long line needs fewer runs (its spread narrows as the times add up), and each
    # costs more: a big hall's busy morning stays within the time.
    runs = max(MIN_RUNS, min(runs, runs * LONG_LINE // max(LONG_LINE, len(line.items))))
    rng = random.Random(f"forecast/{ticket.id}/{ticket.queue_key.isoformat()}")
    waits: list[float] = []
    missed = 0
    for _ in range(runs):
        wait = line.run(profile, rng) if line.served else None
        if wait is None:
            missed += 1
        else:
            waits.append(wait)
    if missed * 2 > runs or not waits:
        closes = max((d.closes_at for d in situation.desks if d.closes_at), default=None)
        left = minutes_between(situation.now, closes) if closes else 0.0
        n = max(0, round(left))
        return Forecast(n, n, n, today=False)
    waits.sort()
    mean = sum(waits) / len(waits)
    low, high = _quantile(waits, 0.1), _quantile(waits, 0.9)
    # The runs vary the service times only; what they leave out (the moment of each
    # call, the walk to the window, a pause nobody announced) widens the range a little:
    # measured on simulated days, it then holds about 80 % of the real waits.
    low -= RANGE_WIDEN * (mean - low) + RANGE_MARGIN
    high += RANGE_WIDEN * (high - mean) + RANGE_MARGIN
    return Forecast(minutes=round(mean), low=max(0, math.floor(low)), high=max(0, math.ceil(high)))


def _quantile(ordered: Sequence[float], q: float) -> float:
    position = q * (len(ordered) - 1)
    i = int(position)
    j = min(i + 1, len(ordered) - 1)
    return ordered[i] + (ordered[j] - ordered[i]) * (position - i)


_NEVER = math.inf


class _Line:
    """The line and the windows made ready for many runs: times in minutes from now,
    each window's tickets in its own calling order (sorted once)."""

    def __init__(self, situation: Situation, ticket: Waiting) -> None:
        now = situation.now
        self.situation, self.ticket = situation, ticket
        self.items = [*situation.waiting, ticket]
        self.me = len(self.items) - 1
        self.arrives = [
            -_NEVER if w.arrives is None else minutes_between(now, w.arrives) for w in self.items
        ]
        self.maybe = [i for i, w in enumerate(self.items) if w.shows < 1]
        self.desks: list[Desk] = [d for d in situation.desks if d.free_at is not None]
        self.free = [max(0.0, minutes_between(now, d.free_at)) for d in self.desks if d.free_at]
        self.closes = [
            _NEVER if d.closes_at is None else minutes_between(now, d.closes_at) for d in self.desks
        ]
        self.breaks = [
            [(minutes_between(now, a), minutes_between(now, b)) for a, b in d.breaks]
            for d in self.desks
        ]
        # Windows alike (the same services, the same green rule, no ticket sent to them
        # alone) share one queue and its head: a big hall has many of each kind.
        self.queues: list[list[int]] = []
        self.queue_of: list[int] = []  # each window's queue
        self.takes_green: list[bool] = []  # serves the ticket's service (green to come)
        targeted = {w.target_window_id for w in self.items if w.target_window_id is not None}
        kinds: dict[tuple[frozenset[int], bool], int] = {}
        for d in self.desks:
            kind = (d.services, d.green_first)
            if d.id not in targeted and kind in kinds:
                self.queue_of.append(kinds[kind])
            else:
                mine = [
                    i
                    for i, w in enumerate(self.items)
                    if w.target_window_id == d.id
                    or (w.target_window_id is None and w.service_id in d.services)
                ]
                mine.sort(key=lambda i: self.items[i].order(d.green_first))
                self.queues.append(mine)
                self.queue_of.append(len(self.queues) - 1)
                if d.id not in targeted:
                    kinds[kind] = len(self.queues) - 1
            self.takes_green.append(
                ticket.target_window_id is None and ticket.service_id in d.services
            )
        self.served = any(self.me in q for q in self.queues)

    def run(self, profile: Profile, rng: random.Random) -> float | None:
        """One play of the line: minutes until the ticket is called, or None (not today)."""
        items, arrives = self.items, self.arrives
        gone = bytearray(len(items))  # taken by a window, or never came
        for i in self.maybe:
            if rng.random() >= items[i].shows:
                gone[i] = 1
        extras = [
            (minutes_between(self.situation.now, w.arrives or self.situation.now), w)
            for w in _green_to_come(self.situation, self.ticket, rng)
        ]
        extra_gone = [False] * len(extras)
        heads = [0] * len(self.queues)
        heap: list[tuple[float, int]] = []
        for k, d in enumerate(self.desks):
            at = self.free[k]
            if d.in_hand_service is not None and d.in_hand_since is not None:
                elapsed = max(0.0, minutes_between(d.in_hand_since, self.situation.now))
                at = max(at, profile.rest(d.in_hand_service, elapsed, rng))
            heap.append((at, k))
        heapq.heapify(heap)
        while heap:
            free, k = heapq.heappop(heap)
            at = free
            for a, b in self.breaks[k]:
                if a <= at < b:
                    at = b
            if at >= self.closes[k]:
                continue
            if at > free:  # back from a break: its turn comes then, after the others'
                heapq.heappush(heap, (at, k))
                continue
            q = self.queue_of[k]
            queue = self.queues[q]
            h = heads[q]
            while h < len(queue) and gone[queue[h]]:
                h += 1
            heads[q] = h
            pick = -1
            soonest = _NEVER
            for j in range(h, len(queue)):
                i = queue[j]
                if gone[i]:
                    continue
                if arrives[i] <= at:
                    pick = i
                    break
                soonest = min(soonest, arrives[i])
            extra = -1
            if extras and self.takes_green[k]:
                first = self.desks[k].green_first
                for x, (came, w) in enumerate(extras):
                    if extra_gone[x]:
                        continue
                    if came > at:
                        soonest = min(soonest, came)
                        continue
                    if pick < 0 or w.order(first) < items[pick].order(first):
                        extra = x
                    break
            if extra >= 0:
                extra_gone[extra] = True
                service = self.ticket.service_id
            elif pick >= 0:
                if pick == self.me:
                    return at
                gone[pick] = 1
                service = items[pick].service_id
            else:
                if soonest < _NEVER:
                    heapq.heappush(heap, (soonest, k))
                continue
            heapq.heappush(heap, (at + profile.draw(service, rng), k))
        return None


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
    """Each service's recent minutes of a window's time per ticket, around this hour of
    the day, over the last `HISTORY_DAYS`: from a call to the same window's next call when
    it followed at once (so the walk, the rating and the next call are in it, and a
    no-show's calls); from the call to the finish and the window's usual pause between
    citizens when the window then paused, waited or went."""
    day = hall.business_day(now)
    since = day - timedelta(days=HISTORY_DAYS)
    hour = hall.local(now).hour
    rows = s.execute(
        select(Event.window_id, Event.at, Ticket.service_id, Ticket.finished_at, Ticket.state)
        .join(Ticket, Ticket.id == Event.ticket_id)
        .where(
            Ticket.hall_id == hall.id,
            Ticket.business_day >= since,
            Ticket.business_day <= day,
            Event.hall_id == hall.id,
            Event.kind == EventKind.CALLED,
            Event.at >= hall.day_start(since),
            Event.at <= now,
        )
        .order_by(Event.window_id, Event.at)
    ).all()
    spans: list[tuple[int, datetime, float | None, float]] = []  # service, at, tight, work
    overheads: list[float] = []
    for i, (window_id, at, service_id, finished_at, state) in enumerate(rows):
        nxt = rows[i + 1] if i + 1 < len(rows) and rows[i + 1][0] == window_id else None
        done = state == TicketState.DONE and finished_at is not None and finished_at >= at
        gap = minutes_between(at, nxt[1]) if nxt is not None else None
        if done:
            assert finished_at is not None
            work = minutes_between(at, finished_at)
            after = minutes_between(finished_at, nxt[1]) if nxt is not None else None
            if gap is not None and after is not None and 0 <= after <= FOLLOW_ON_MINUTES:
                overheads.append(after)
                spans.append((service_id, at, gap, work))
            else:
                spans.append((service_id, at, None, work))
        elif gap is not None and gap <= NO_SHOW_GAP_MINUTES:
            spans.append((service_id, at, gap, gap))  # a no-show's calls, or a quick hand-on
    overhead = sorted(overheads)[len(overheads) // 2] if overheads else DEFAULT_OVERHEAD
    near: dict[int, list[float]] = {}
    every: dict[int, list[float]] = {}
    for service_id, at, tight, work in spans:
        minutes = tight if tight is not None else work + overhead
        if minutes <= 0:
            continue
        every.setdefault(service_id, []).append(minutes)
        if abs(hall.local(at).hour - hour) <= HOUR_BAND:
            near.setdefault(service_id, []).append(minutes)
    chosen = {}
    for service_id, all_spans in every.items():
        mine = near.get(service_id, [])
        chosen[service_id] = tuple((mine if len(mine) >= MIN_SPANS else all_spans)[-MAX_SPANS:])
    return Profile(
        spans=chosen,
        configured={
            sv.id: float(max(1, sv.handling_minutes)) + overhead for sv in hall.catalog.services
        },
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
    minutes = minutes_between(start, now)
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
                in_hand_where(), Ticket.window_id.in_([w.id for w in cat.windows])
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
    limit = timedelta(minutes=hall.staffing.empty_post_minutes)
    late_expected = is_working_day(hall.calendar, day) and now < opens_at + 2 * limit
    # The windows signed out today, and those of them signed out at the noon break (back
    # after it): one read of the day's sign-outs.
    signed_out = [
        (wid, at)
        for wid, at in s.execute(
            select(Event.window_id, Event.at).where(
                Event.hall_id == hall.id,
                Event.kind == EventKind.SIGNED_OUT,
                Event.at >= day_start,
                Event.at <= now,
            )
        )
        if wid is not None
    ]
    left_today = {wid for wid, _ in signed_out}
    left_for_noon = (
        {wid for wid, at in signed_out if noon[0] - timedelta(minutes=30) <= at < noon[1]}
        if noon is not None and now < noon[1]
        else set()
    )
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
        elif entry.id in away:
            back = away[entry.id]
            free_at = None if back is None else max(now, back)  # back as announced
        elif entry.a_clerk_id is not None and (now < opens_at or not signed_in):
            # Staffed by plan: it opens with the hall (before opening, or while nobody has
            # signed in at all yet).
            free_at = max(now, opens_at)
        elif entry.id in left_for_noon:
            free_at = noon[1] if noon is not None else None  # back after the break
        elif entry.a_clerk_id is not None and entry.id not in left_today and late_expected:
            # A post nobody has held yet this working day, early in it (a clerk late):
            # filled within the hall's limit for an empty post. One left during the day,
            # or still empty later on, or on a weekend day's hours, is closed for it.
            free_at = now + limit
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
