"""Simulated traffic (``yimen simulate``): whole business days of a hall, played through the
core's own operations (`shared.hall.Hall`) with an injected clock, reproducible from a seed.
What the reports, the benchmarks and the forecasts read when there is no real hall yet.

A day is made in two steps:

1. **The plan** (`plan_day`): the day as data, drawn from the seed, the day and the hall's
   settings alone (never from what the database holds), so a seed gives the same day on
   any copy of the hall, whichever days come before it. Who comes when and for what (a
   morning peak, a noon dip, a smaller afternoon peak; each service weighted by the time
   the staffed windows serving it can give it over its handling time, within its daily cap
   and time slots), green-channel citizens and
   appointments booked the day before; what each citizen will do at the window (walk up,
   or not come when called; how long the matter takes; a hold to fetch materials, with a
   one-time notice or not, and when they come back; a transfer; a rating, and what a bad
   one's case will see on the days after); and the staff's day (the first call, who leaves
   the window at noon and how, AB hand-overs for a meeting or a course, lunch covered by B
   at a window on noon duty, the kiosks' calls for a guide).
2. **The playback** (`Player.play`): the plan played through the operations in the order of
   its moments, the clock set to each (a heap of next moments: nothing is done between
   two of them). The core decides what it decides: which ticket a window calls next,
   whether a ticket is refused (a daily cap, a time slot, its quota), whether a window may
   leave at noon (``noon.last_window``: then it stays on noon duty). Its refusals are part
   of the day and counted.

Every day carries at least one of each thing a report counts: a no-show (put back in line
where the hall allows it), a hold and a notice with the citizen back, a transfer, a
green-channel ticket, an appointment, a rating and a bad one with its case, and a
complicated matter arriving late, still in hand at closing (延时服务). A writer that puts a
whole day in the database at once can take the plans and replace step 2.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
from collections import Counter as Tally
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import perf_counter
from typing import Any, ParamSpec, Protocol, TypeVar

from sqlalchemy import func, select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.config.calendar import Opening, is_working_day, opening_on
from shared.config.catalog import ServiceEntry, WindowEntry
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.config.halls import HallSettings
from shared.demo.simulate import Hands, initial_passwords, sign_in_a_posts
from shared.demo.typed import (
    CASE_NOTES,
    EXTENDED_NOTE,
    GIVEN,
    HAND_BACK_REPORT,
    HOLD_REASON,
    NOON_LEAVE,
    NOON_PAUSE,
    NOTICE_OTHER,
    REVIEW_TEXTS,
    SURNAMES,
    TRANSFER_REASON,
)
from shared.hall import Hall, NoticeInfo, TicketInfo, WindowInfo
from shared.rules.identity import resident_id_is_valid
from shared.rules.posts import Handed
from shared.store.model import AbsenceReason, ExtendedTrigger, Role, Ticket

P = ParamSpec("P")
T = TypeVar("T")

# -- how a day goes: the shares and chances of the plan ----------------------------------

#: Citizens the windows can serve in a day, times this: a hall at about its capacity, so
#: a busy day (a Monday, the day after a holiday) leaves some waiting at closing.
LOAD = 1.02
MATTER_FACTOR = 0.93  # a matter's mean time, of its service's handling time (below)
OVERHEAD_MINUTES = 1.5  # the walk to the window, the rating, the next call
WEEKDAY_LOAD = (1.12, 1.0, 1.0, 0.97, 0.9, 0.8, 0.8)  # Monday is the busiest
AFTER_HOLIDAY_LOAD = 1.25  # the first day back after a holiday
GREEN = 0.05
APPOINTMENTS = 0.03  # of the day's citizens, booked the day before
APPOINTMENT_MISSED = 0.08
NO_SHOW = 0.05
NO_SHOW_BACK = 0.35  # a no-show who comes back and asks to be put in line again
LATE_WALKER = 0.06  # called once more before walking up (重呼)
HOLD = 0.03
NOTICE = 0.6  # of the holds: a one-time notice (一次性告知) is printed
NEVER_BACK = 0.2  # of the holds: the citizen does not come back today
TRANSFER = 0.02
REVIEW = 0.4  # of the finished services: F3, and the citizen rates
ASKS_EXTENSION = 0.3  # in hand at closing: the citizen asks to finish today
#: The levels of a rating and their chances: 3 % bad.
LEVELS = (
    ("very_satisfied", 0.72),
    ("satisfied", 0.18),
    ("basically_satisfied", 0.07),
    ("dissatisfied", 0.02),
    ("very_dissatisfied", 0.01),
)
BAD = ("dissatisfied", "very_dissatisfied")
BAD_REASONS = ("attitude", "slow", "unclear", "refused", "rules", "facilities")
KIOSKS = ("K1", "K2")


class DayHands(Hands, Protocol):
    """The simulated clerks' hands for a whole day: `Hands` (a window's keys, as in the
    demo's morning) and the keys a whole day needs more. The core itself by default."""

    def end_service(self, window_no: int, clerk_code: str) -> TicketInfo: ...
    def ask_review(self, window_no: int, clerk_code: str) -> TicketInfo: ...
    def give_notice(
        self,
        window_no: int,
        clerk_code: str,
        materials: Sequence[str],
        other: str | None = None,
    ) -> NoticeInfo: ...
    def pause(
        self,
        window_no: int,
        clerk_code: str,
        reason: str | None = None,
        noon_reason: str | None = None,
    ) -> WindowInfo: ...
    def resume(self, window_no: int, clerk_code: str) -> WindowInfo: ...
    def sign_out(self, clerk_code: str, window_no: int, noon_reason: str | None = None) -> None: ...
    def mark_extended(
        self,
        window_no: int,
        clerk_code: str,
        trigger: ExtendedTrigger | str,
        note: str | None = None,
    ) -> TicketInfo: ...
    def hand_over(
        self,
        window_no: int,
        a_code: str,
        reason: AbsenceReason | str,
        *,
        expected_return: datetime | None = None,
        note: str | None = None,
        b_password: str | None = None,
    ) -> Handed: ...
    def hand_back(
        self, window_no: int, b_code: str, a_password: str, *, report: str | None = None
    ) -> Handed: ...


# -- the plan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseWork:
    """One step a supervisor takes on a bad review's case, ``after`` open days."""

    after: int
    action: str  # a case action: start, callback, complete, apply_invalid, approve
    note: str | None = None
    callback_result: str | None = None


@dataclass(frozen=True)
class Rating:
    level: str  # a ReviewLevel value
    after_seconds: int  # from F3 to the rating on the window's evaluator
    reasons: tuple[str, ...] = ()
    text: str | None = None
    name: str | None = None  # a real-name rating: called back (回访)
    phone: str | None = None
    dimensions: tuple[tuple[str, str], ...] = ()
    case: tuple[CaseWork, ...] = ()  # a bad one: what its case will see


@dataclass(frozen=True)
class Booking:
    """An appointment booked the day before (预约), checked in at the kiosk."""

    service: str
    slot_start: datetime
    slot_end: datetime
    name: str
    id_number: str


@dataclass(frozen=True)
class Citizen:
    """One person's visit: when they take a ticket and what they will do with it."""

    key: int  # their place in the day's plan, by arrival
    at: datetime  # at the kiosk (a ticket, or an appointment's check-in)
    service: str
    minutes: float  # the matter at the window
    walk_seconds: int = 40  # from the call to the window
    patience: float = 120.0  # minutes: called later than this, they have gone (过号)
    green: bool = False
    kiosk: str = "K1"
    booking: Booking | None = None
    no_show: bool = False  # does not come when called
    back_after: float | None = None  # minutes: a no-show asking again, or back from a hold
    late_walker: bool = False  # called a second time (重呼) before walking up
    outcome: str = "done"  # done, hold, notice (a hold with its notice) or transfer
    outcome_share: float = 0.5  # of ``minutes`` gone when the hold or transfer happens
    second_minutes: float = 0.0  # back from the hold, or at the service transferred to
    transfer_to: str | None = None
    missing: tuple[str, ...] = ()  # the notice's materials
    rating: Rating | None = None
    asks_extension: bool = False
    gap_seconds: int = 20  # the window, before it calls the next


@dataclass(frozen=True)
class NoonPlan:
    """A window at the noon break: how its clerk leaves, when back after it, and whether
    B covers for lunch should the window stay on noon duty."""

    action: str  # "pause" or "sign_out"
    back_seconds: int
    lunch_after: float | None = None  # minutes after staying on duty; None: no cover
    lunch_minutes: float = 45.0


@dataclass(frozen=True)
class HandOver:
    """A's absence for a meeting or a course, B covering (AB岗)."""

    window: int
    reason: str  # an AbsenceReason value
    at: datetime
    minutes: float


@dataclass(frozen=True)
class HelpCall:
    at: datetime
    kiosk: str
    answer_seconds: int


@dataclass(frozen=True)
class DayPlan:
    day: date
    opening: Opening
    windows: tuple[int, ...]  # staffed: their A-post clerk signs in at opening
    citizens: tuple[Citizen, ...]  # by arrival
    first_call: Mapping[int, int]  # seconds after opening, per window
    noon: Mapping[int, NoonPlan]
    noon_leave_anyway: bool  # the last window on duty leaves all the same, saying why
    hand_overs: tuple[HandOver, ...]
    help_calls: tuple[HelpCall, ...]

    @property
    def bookings(self) -> tuple[tuple[int, Booking], ...]:
        return tuple((c.key, c.booking) for c in self.citizens if c.booking is not None)


def open_days(settings: HallSettings, first: date) -> Iterator[date]:
    """The days the hall opens from ``first`` on: working days (调休 included, holidays
    left out) and weekend days with hours of their own."""
    day = first
    for _ in range(3660):  # ten years of closed days: a calendar that never opens
        if opening_on(settings.calendar, day) is not None:
            yield day
        day += timedelta(days=1)


def default_first_day(settings: HallSettings, today: date, back: int = 30) -> date:
    """The ``back``-th day the hall opened before ``today``: `--days 30` ends yesterday."""
    day, n = today, 0
    for _ in range(3660):
        if n >= back:
            break
        day -= timedelta(days=1)
        n += opening_on(settings.calendar, day) is not None
    return day


def open_day_after(settings: HallSettings, day: date, n: int) -> date:
    days = open_days(settings, day + timedelta(days=1))
    return next(itertools.islice(days, n - 1, None))


def staffed_windows(settings: HallSettings, passwords: Mapping[str, str]) -> list[int]:
    """The windows whose A-post clerk can sign in (their password is known)."""
    return [w.number for w in settings.catalog.windows if _a_code(settings, w) in passwords]


def plan_day(
    settings: HallSettings,
    day: date,
    seed: int | str,
    *,
    staff: frozenset[str],
    scale: float = 1.0,
) -> DayPlan | None:
    """The day as data (None: the hall is closed). ``staff``: the clerks who can sign in
    (their passwords are known); ``scale``: a share of a usual day's citizens."""
    opening = settings.opening(day)
    if opening is None:
        return None
    rng = random.Random(f"yimen-simulate/{seed}/{settings.code}/{day.isoformat()}")
    cat = settings.catalog
    working = is_working_day(settings.calendar, day)
    posts = [w for w in cat.windows if _a_code(settings, w) in staff]
    if not working and any(w.comprehensive for w in posts):
        posts = [w for w in posts if w.comprehensive]  # 5+2: the comprehensive windows
    serving = [w for w in posts if w.service_ids]
    offered = [sv for sv in cat.services if any(sv.id in w.service_ids for w in serving)]
    numbers = tuple(w.number for w in posts)
    noon = {n: _noon_plan(rng) for n in numbers}
    first_call = {n: rng.randint(0, 150) for n in numbers}
    if not offered:
        return DayPlan(day, opening, numbers, (), first_call, noon, False, (), ())

    load = scale * LOAD * WEEKDAY_LOAD[day.weekday()] * rng.lognormvariate(0, 0.06)
    if day - timedelta(days=1) in settings.calendar.holidays:
        load *= AFTER_HOLIDAY_LOAD
    minutes = _serving_minutes(opening)
    expected = {
        sv.code: load * share * minutes / (_handling(sv) * MATTER_FACTOR + OVERHEAD_MINUTES)
        for sv, share in _window_shares(serving, offered).items()
    }
    profile = _arrival_profile(opening)

    citizens: list[Citizen] = []
    for sv in offered:
        n = expected[sv.code]
        if sv.daily_cap is not None:
            n = min(n, sv.daily_cap * 1.05)  # a little over on a busy day: some refused
        for at in _arrivals(rng, settings, day, opening, profile, sv, _count(rng, n)):
            citizens.append(_citizen(rng, settings, sv, offered, at))
    volume = sum(expected.values())
    for _ in range(max(1, round(volume * APPOINTMENTS))):
        citizens.append(_appointment(rng, settings, day, opening, offered, expected))
    late = _late_matter(rng, settings, day, opening, offered)
    if late is not None:
        citizens.append(late)
    citizens.sort(key=lambda c: (c.at, c.service))
    citizens = [replace(c, key=i) for i, c in enumerate(citizens)]
    citizens = _each_kind_once(rng, settings, opening, day, citizens, offered)

    return DayPlan(
        day=day,
        opening=opening,
        windows=numbers,
        citizens=tuple(citizens),
        first_call=first_call,
        noon=noon,
        noon_leave_anyway=rng.random() < 0.03,
        hand_overs=_hand_overs(rng, settings, day, opening, posts, staff) if working else (),
        help_calls=_help_calls(rng, settings, day, opening),
    )


def _a_code(settings: HallSettings, w: WindowEntry) -> str | None:
    a = settings.catalog.clerk_by_id(w.a_clerk_id)
    return a.code if a else None


def _window_shares(
    serving: Sequence[WindowEntry], offered: Sequence[ServiceEntry]
) -> dict[ServiceEntry, float]:
    """How many windows' time each service can have: each staffed window's day shared
    evenly among the services it serves (a window of one service gives it all of its day,
    a comprehensive window a little to each of many)."""
    shares = dict.fromkeys(offered, 0.0)
    for w in serving:
        mine = [sv for sv in offered if sv.id in w.service_ids]
        for sv in mine:
            shares[sv] += 1 / len(mine)
    return shares


def _handling(sv: ServiceEntry) -> float:
    return float(max(1, sv.handling_minutes))


def _serving_minutes(o: Opening) -> float:
    span = _minutes(o.close) - _minutes(o.open)
    if o.noon_break is not None:
        span -= _minutes(o.noon_break[1]) - _minutes(o.noon_break[0])
    return float(max(30, span))


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _count(rng: random.Random, expected: float) -> int:
    """A Poisson-like count around ``expected``."""
    if expected < 30:
        # Knuth's: exact for the small counts
        limit, n, p = math.exp(-expected), 0, rng.random()
        while p > limit:
            n += 1
            p *= rng.random()
        return n
    return max(0, round(rng.gauss(expected, math.sqrt(expected))))


def _arrival_profile(o: Opening) -> list[float]:
    """How many come in each minute the kiosk issues tickets, relatively: a few before
    opening, the morning peak (its first 90 minutes), a noon dip, a smaller afternoon
    peak (the 90 minutes after the noon break), a quiet last half hour."""
    start, end = _minutes(o.tickets_from), _minutes(o.tickets_until)
    opens = _minutes(o.open)
    noon = (_minutes(o.noon_break[0]), _minutes(o.noon_break[1])) if o.noon_break else None
    out = []
    for m in range(start, end):
        if m < opens:
            w = 0.5
        elif noon is not None and noon[0] <= m < noon[1]:
            w = 0.35
        elif m < opens + 90:
            w = 1.8
        elif noon is not None and m < noon[0]:
            w = 1.0
        elif noon is not None and m < noon[1] + 90:
            w = 1.3
        elif m >= end - 30:
            w = 0.45
        else:
            w = 0.85
        out.append(w)
    return out


def _arrivals(
    rng: random.Random,
    settings: HallSettings,
    day: date,
    o: Opening,
    profile: list[float],
    sv: ServiceEntry,
    n: int,
) -> list[datetime]:
    """``n`` moments at the kiosk for a service: within its time slots, but for a few who
    come at another time (and are refused)."""
    start = _minutes(o.tickets_from)
    weights = profile
    if sv.time_slots:
        slots = [
            (_minutes(time.fromisoformat(a)), _minutes(time.fromisoformat(b)))
            for a, b in sv.time_slots
        ]
        weights = [
            w if any(a <= start + i < b for a, b in slots) else 0.0 for i, w in enumerate(profile)
        ]
        if not any(weights):
            weights = profile
    out = []
    for _ in range(n):
        table = profile if rng.random() < 0.05 else weights
        i = rng.choices(range(len(table)), weights=table)[0]
        at = datetime.combine(day, time(0), tzinfo=settings.tz) + timedelta(
            minutes=start + i, seconds=rng.randrange(60)
        )
        out.append(at)
    return out


def _matter_minutes(rng: random.Random, expected: float) -> float:
    """How long a matter takes at the window: lognormal around the service's handling
    time, a quarter of them a quick question or a form checked, a few very long ones."""
    u = rng.random()
    if u < 0.25:
        factor = rng.uniform(0.2, 0.5)
    elif u < 0.97:
        factor = rng.lognormvariate(0, 0.35)
    else:
        factor = rng.uniform(2.5, 4.0)
    return round(max(1.5, expected * factor), 2)


def _citizen(
    rng: random.Random,
    settings: HallSettings,
    sv: ServiceEntry,
    offered: Sequence[ServiceEntry],
    at: datetime,
    booking: Booking | None = None,
) -> Citizen:
    minutes = _matter_minutes(rng, _handling(sv))
    no_show = rng.random() < (NO_SHOW if booking is None else NO_SHOW / 2)
    c = Citizen(
        key=0,
        at=at,
        service=sv.code,
        minutes=minutes,
        walk_seconds=rng.randint(15, 90),
        patience=round(rng.lognormvariate(math.log(180), 0.35), 2),
        green=booking is None and rng.random() < GREEN,
        kiosk=rng.choice(KIOSKS),
        booking=booking,
        no_show=no_show,
        late_walker=not no_show and rng.random() < LATE_WALKER,
        asks_extension=rng.random() < ASKS_EXTENSION,
        gap_seconds=rng.randint(10, 45),
    )
    if no_show:
        if settings.rules.no_show_requeues > 0 and rng.random() < NO_SHOW_BACK:
            c = replace(c, back_after=round(rng.uniform(5, 40), 2))
        return c
    u = rng.random()
    if u < HOLD:
        c = _with_hold(rng, sv, c, notice=rng.random() < NOTICE)
    elif u < HOLD + TRANSFER:
        c = _with_transfer(rng, sv, offered, c)
    if rng.random() < REVIEW:  # when finally served (back from a hold, transferred)
        c = replace(c, rating=_rating(rng))
    return c


def _with_hold(rng: random.Random, sv: ServiceEntry, c: Citizen, *, notice: bool) -> Citizen:
    missing: tuple[str, ...] = ()
    if notice and sv.materials:
        missing = tuple(rng.sample(sv.materials, k=min(len(sv.materials), rng.randint(1, 2))))
    return replace(
        c,
        outcome="notice" if notice else "hold",
        outcome_share=round(rng.uniform(0.2, 0.6), 3),
        back_after=None if rng.random() < NEVER_BACK else round(rng.uniform(15, 60), 2),
        second_minutes=round(max(1.5, c.minutes * rng.uniform(0.3, 0.7)), 2),
        missing=missing,
    )


def _with_transfer(
    rng: random.Random, sv: ServiceEntry, offered: Sequence[ServiceEntry], c: Citizen
) -> Citizen:
    others = [x for x in offered if x.code != sv.code and not x.time_slots]
    if not others:
        return c
    near = [x for x in others if x.zone_id == sv.zone_id] or others
    target = rng.choice(near)
    return replace(
        c,
        outcome="transfer",
        outcome_share=round(rng.uniform(0.1, 0.3), 3),
        transfer_to=target.code,
        second_minutes=_matter_minutes(rng, _handling(target)),
    )


def _rating(rng: random.Random, level: str | None = None) -> Rating:
    level = level or rng.choices([lv for lv, _ in LEVELS], weights=[p for _, p in LEVELS])[0]
    after = rng.randint(5, 60)
    dims: tuple[tuple[str, str], ...] = ()
    if rng.random() < 0.3:
        dims = tuple((d, level) for d in ("efficiency", "attitude", "service"))
    if level not in BAD:
        return Rating(level, after, dimensions=dims)
    real_name = rng.random() < 0.5
    return Rating(
        level=level,
        after_seconds=after,
        reasons=tuple(rng.sample(BAD_REASONS, k=rng.randint(1, 2))),
        text=rng.choice(REVIEW_TEXTS) if rng.random() < 0.6 else None,
        name=_name(rng) if real_name else None,
        phone=f"13{rng.randrange(10**9):09d}" if real_name else None,
        dimensions=dims,
        case=_case_work(rng, real_name),
    )


def _case_work(rng: random.Random, real_name: bool) -> tuple[CaseWork, ...]:
    """A supervisor's steps on a bad review's case over the next open days: most are
    rectified (called back first when the citizen left a name), some found invalid, some
    left open to run late."""
    u = rng.random()
    if u < 0.15:
        return ()
    if u < 0.3:
        return (
            CaseWork(1, "apply_invalid", CASE_NOTES["apply_invalid"]),
            CaseWork(2, "approve"),
        )
    steps = [CaseWork(1, "start", CASE_NOTES["start"])]
    if real_name:
        result = rng.choices(("satisfied", "unsatisfied", "unreachable"), (0.7, 0.15, 0.15))[0]
        steps.append(CaseWork(2, "callback", callback_result=result))
    steps.append(CaseWork(rng.randint(2, 5), "complete", CASE_NOTES["complete"]))
    return tuple(steps)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _id_number(rng: random.Random) -> str:
    """A resident ID number with a right check digit (GB 11643): 510100, a birthday, a
    sequence."""
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
    body = f"510100{born:%Y%m%d}{rng.randrange(1000):03d}"
    return next(body + c for c in "0123456789X" if resident_id_is_valid(body + c))


def _appointment(
    rng: random.Random,
    settings: HallSettings,
    day: date,
    o: Opening,
    offered: Sequence[ServiceEntry],
    weights: Mapping[str, float],
) -> Citizen:
    """A citizen with a 30-minute slot booked the day before: most check in a little
    early, some late within the slot; a few never come (the booking stays unused)."""
    sv = rng.choices(list(offered), weights=[weights[x.code] for x in offered])[0]
    noon = (_minutes(o.noon_break[0]), _minutes(o.noon_break[1])) if o.noon_break else None
    starts = [
        m
        for m in range(_minutes(o.open), _minutes(o.close) - 30 + 1, 30)
        if noon is None or not (noon[0] < m + 30 and m < noon[1])
    ]
    start = settings.at(day, time(0)) + timedelta(minutes=rng.choice(starts or [_minutes(o.open)]))
    booking = Booking(sv.code, start, start + timedelta(minutes=30), _name(rng), _id_number(rng))
    u = rng.random()
    if u < APPOINTMENT_MISSED:
        at = start + timedelta(minutes=31)  # never comes: played as nothing
    elif u < APPOINTMENT_MISSED + 0.1:
        at = start + timedelta(minutes=rng.uniform(1, 20))
    else:
        at = start - timedelta(minutes=rng.uniform(5, 40))
    earliest = settings.at(day, o.tickets_from)
    at = max(at, earliest).replace(microsecond=0)
    return _citizen(rng, settings, sv, offered, at, booking)


def _late_matter(
    rng: random.Random,
    settings: HallSettings,
    day: date,
    o: Opening,
    offered: Sequence[ServiceEntry],
) -> Citizen | None:
    """A complicated matter taken up late in the day: still in hand at closing."""
    plain = [sv for sv in offered if not sv.time_slots and sv.daily_cap is None] or [
        sv for sv in offered if not sv.time_slots
    ]
    if not plain:
        return None
    sv = rng.choice(plain)
    at = settings.at(day, o.tickets_until) - timedelta(minutes=rng.uniform(8, 25))
    left = (settings.at(day, o.close) - at).total_seconds() / 60
    return replace(
        _citizen(rng, settings, sv, offered, at.replace(microsecond=0)),
        minutes=round(left + rng.uniform(5, 30), 2),
        no_show=False,
        back_after=None,
        late_walker=False,
        outcome="done",
        transfer_to=None,
    )


def _each_kind_once(
    rng: random.Random,
    settings: HallSettings,
    o: Opening,
    day: date,
    citizens: list[Citizen],
    offered: Sequence[ServiceEntry],
) -> list[Citizen]:
    """Every day carries at least one of each kind of thing a report counts: citizens of
    the morning (called long before closing) are given the kinds the draw left out."""
    start, end = settings.at(day, o.open), settings.at(day, o.open) + timedelta(hours=2)
    free = [
        c.key
        for c in citizens
        if start <= c.at < end
        and c.booking is None
        and not c.green
        and not c.no_show
        and c.outcome == "done"
        and c.rating is None
    ]
    rng.shuffle(free)
    by_key = {c.key: c for c in citizens}
    services = {sv.code: sv for sv in offered}

    def give(has: Callable[[Citizen], bool], make: Callable[[Citizen], Citizen]) -> None:
        if any(has(c) for c in by_key.values()) or not free:
            return
        key = free.pop()
        by_key[key] = make(by_key[key])

    give(lambda c: c.green, lambda c: replace(c, green=True))
    if settings.rules.no_show_requeues > 0:
        give(
            lambda c: c.no_show and c.back_after is not None,
            lambda c: replace(c, no_show=True, back_after=12.0, late_walker=False),
        )
    give(lambda c: c.no_show, lambda c: replace(c, no_show=True, late_walker=False))
    give(
        lambda c: c.outcome == "hold" and c.back_after is not None,
        lambda c: replace(_with_hold(rng, services[c.service], c, notice=False), back_after=20.0),
    )
    give(
        lambda c: c.outcome == "notice" and c.back_after is not None and bool(c.missing),
        lambda c: replace(_with_hold(rng, services[c.service], c, notice=True), back_after=25.0),
    )
    give(
        lambda c: c.outcome == "transfer",
        lambda c: _with_transfer(rng, services[c.service], offered, c),
    )
    give(
        lambda c: c.rating is not None and c.rating.level in BAD and bool(c.rating.case),
        lambda c: replace(
            c,
            rating=replace(
                _rating(rng, "dissatisfied"), case=(CaseWork(1, "start", CASE_NOTES["start"]),)
            ),
        ),
    )
    give(lambda c: c.rating is not None, lambda c: replace(c, rating=_rating(rng, "satisfied")))
    return [by_key[c.key] for c in citizens]


def _noon_plan(rng: random.Random) -> NoonPlan:
    return NoonPlan(
        action="pause" if rng.random() < 0.6 else "sign_out",
        back_seconds=rng.randint(0, 480),
        lunch_after=round(rng.uniform(10, 30), 2) if rng.random() < 0.5 else None,
        lunch_minutes=round(rng.uniform(35, 50), 2),
    )


def _hand_overs(
    rng: random.Random,
    settings: HallSettings,
    day: date,
    o: Opening,
    posts: Sequence[WindowEntry],
    staff: frozenset[str],
) -> tuple[HandOver, ...]:
    """On most days an A or two leave for a meeting or a course, morning or afternoon."""
    covered = [
        w
        for w in posts
        if (b := settings.catalog.clerk_by_id(w.b_clerk_id)) is not None and b.code in staff
    ]
    n = min(len(covered), rng.choices((0, 1, 2, 3), (0.3, 0.35, 0.25, 0.1))[0])
    out = []
    close = settings.at(day, o.close) - timedelta(minutes=40)
    for w in rng.sample(covered, n):
        reason = "meeting" if rng.random() < 0.6 else "study"
        minutes = rng.uniform(30, 90) if reason == "meeting" else rng.uniform(60, 150)
        if o.noon_break is not None and rng.random() < 0.5:
            start = settings.at(day, o.noon_break[1]) + timedelta(minutes=rng.uniform(15, 90))
        else:
            start = settings.at(day, o.open) + timedelta(minutes=rng.uniform(30, 100))
        start = start.replace(microsecond=0)
        if start < close:
            out.append(HandOver(w.number, reason, start, round(minutes, 2)))
    return tuple(sorted(out, key=lambda h: (h.at, h.window)))


def _help_calls(
    rng: random.Random, settings: HallSettings, day: date, o: Opening
) -> tuple[HelpCall, ...]:
    span = _minutes(o.tickets_until) - _minutes(o.open)
    calls = [
        HelpCall(
            settings.at(day, o.open) + timedelta(minutes=rng.randrange(max(1, span))),
            rng.choice(KIOSKS),
            rng.randint(30, 200),
        )
        for _ in range(rng.randint(0, 4))
    ]
    return tuple(sorted(calls, key=lambda h: h.at))


# -- the playback ---------------------------------------------------------------------------


@dataclass
class DayReport:
    """What a simulated day did, counted as it was played."""

    day: date
    issued: int = 0
    refused: int = 0  # at the kiosk: a cap, a slot, its quota
    green: int = 0
    booked: int = 0
    checked_in: int = 0
    served: int = 0
    no_shows: int = 0
    requeued: int = 0
    recalls: int = 0
    held: int = 0
    notices: int = 0
    returned: int = 0
    transferred: int = 0
    reviews: int = 0
    bad_reviews: int = 0
    cases_opened: int = 0
    case_steps: int = 0
    hand_overs: int = 0
    hand_backs: int = 0
    noon_duty: tuple[int, ...] = ()  # the windows that stayed open through the noon break
    noon_covered: bool | None = None  # None: no noon break that day
    extended: int = 0  # services finished past closing (延时服务)
    expired: int = 0  # left waiting or held at close of day
    help_calls: int = 0
    operations: int = 0  # calls of the core (each one transaction, or one read)
    refusals: dict[str, int] = field(default_factory=dict)  # the core's, by code
    seconds: float = 0.0


@dataclass
class _Cover:
    a: str
    b: str
    home: int | None  # the window B left to cover, if any


@dataclass
class _Desk:
    """A staffed window as the playback knows it."""

    number: int
    services: frozenset[str]
    a: str
    b: str | None
    comprehensive: bool
    clerk: str | None = None  # signed in at it now
    state: str = "off"  # off, idle (waits to be woken), busy, break (noon)
    ticket: str | None = None  # in hand
    paused: bool = False
    noon: str = "ahead"  # ahead, break, duty, done
    away: str | None = None  # signed out at noon: who comes back
    idle_since: datetime | None = None
    cover: _Cover | None = None  # B covers for A
    vacated_by: str | None = None  # left by B to cover elsewhere
    leave_for: HandOver | None = None  # B is wanted elsewhere once this citizen is done


class Player:
    """Plays plans through the core, day after day, keeping what runs across days: the
    moment last played and the supervisor's work on the cases of earlier days."""

    def __init__(
        self,
        hall: Hall,
        clock: FixedClock,
        passwords: Mapping[str, str],
        *,
        hands: DayHands | None = None,
    ) -> None:
        self.hall = hall
        self.clock = clock
        self.passwords = dict(passwords)
        self.work: DayHands = hands if hands is not None else hall
        self.supervisor = supervisor_of(hall.settings, passwords)
        self.case_work: dict[date, list[tuple[int, CaseWork]]] = {}
        self.last: datetime | None = None

    def play(self, plan: DayPlan) -> DayReport:
        started = perf_counter()
        report = _Day(self, plan).run()
        report.seconds = round(perf_counter() - started, 3)
        return report


def supervisor_of(settings: HallSettings, passwords: Mapping[str, str]) -> tuple[str, str] | None:
    """The hall's first supervisor whose password is known, for the cases' work."""
    for clerk in settings.catalog.clerks:
        if clerk.role == Role.SUPERVISOR and clerk.active and clerk.code in passwords:
            return clerk.code, passwords[clerk.code]
    return None


class _Day:
    """One day's playback: the heap of next moments, the windows, the tickets."""

    def __init__(self, player: Player, plan: DayPlan) -> None:
        self.player = player
        self.hall = player.hall
        self.work = player.work
        self.pw = player.passwords
        self.plan = plan
        self.settings = settings = player.hall.settings
        self.report = DayReport(plan.day)
        self.refusals: Tally[str] = Tally()
        self.heap: list[tuple[datetime, int, str, Any]] = []
        self.seq = itertools.count()
        o, day = plan.opening, plan.day
        self.open_at = settings.at(day, o.open)
        self.close_at = settings.at(day, o.close)
        self.noon = (
            (settings.at(day, o.noon_break[0]), settings.at(day, o.noon_break[1]))
            if o.noon_break
            else None
        )
        self.desks: dict[int, _Desk] = {}
        self.citizens: dict[str, Citizen] = {}  # by ticket number
        self.stage: dict[str, str] = {}  # new, requeued, held, returned, transferred
        self.codes: dict[int, str] = {}  # appointment codes by citizen
        self.left_anyway = False
        self.duty: set[int] = set()  # the windows that stayed open at noon
        self.handlers: dict[str, Callable[[Any], None]] = {
            "arrive": self._arrive,
            "free": self._free,
            "recall": self._recall,
            "walk": self._walk,
            "no_show": self._no_show,
            "requeue": self._requeue,
            "finish": self._finish,
            "review": self._review,
            "hold": self._hold,
            "return": self._return,
            "transfer": self._transfer,
            "noon_start": self._noon_start,
            "noon_end": self._noon_end,
            "back": self._back,
            "lunch": self._lunch,
            "hand_over": self._hand_over,
            "hand_back": self._hand_back,
            "closing": self._closing,
            "extend": self._extend,
            "help": self._help,
            "help_answer": self._help_answer,
            "case": self._case,
        }

    # -- running ----------------------------------------------------------------------

    @property
    def now(self) -> datetime:
        return self.player.clock.at

    def at(self, when: datetime, kind: str, arg: Any = None) -> None:
        """``kind`` happens at ``when`` (to the second)."""
        when -= timedelta(microseconds=when.microsecond)
        heapq.heappush(self.heap, (when, next(self.seq), kind, arg))

    def op(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """One operation of the core."""
        self.report.operations += 1
        return fn(*args, **kwargs)

    def refused(self, exc: HallError) -> None:
        self.refusals[exc.code] += 1

    def set_clock(self, when: datetime) -> None:
        last = self.player.last
        if last is not None and when < last:
            when = last
        self.player.clock.set(when)
        self.player.last = when

    def run(self) -> DayReport:
        plan, settings, r = self.plan, self.settings, self.report
        eve = settings.at(plan.day - timedelta(days=1), time(20, 0))
        self.set_clock(eve)
        self._book()
        self.set_clock(self.open_at - timedelta(minutes=5))
        self._sign_in()
        for c in plan.citizens:
            if c.booking is None or (c.key in self.codes and c.at < c.booking.slot_end):
                self.at(c.at, "arrive", c)  # (a booking never come for stays unused)
        if self.noon is not None:
            self.at(self.noon[0], "noon_start")
            self.at(self.noon[1], "noon_end")
        for h in plan.hand_overs:
            self.at(h.at, "hand_over", h)
        for call in plan.help_calls:
            self.at(call.at, "help", call)
        for i, item in enumerate(self.player.case_work.pop(plan.day, [])):
            self.at(self.close_at - timedelta(minutes=60 - 2 * i), "case", item)
        self.at(self.close_at, "closing")
        citizen_kinds = ("arrive", "return", "requeue")
        while self.heap:
            when, _, kind, arg = heapq.heappop(self.heap)
            if kind in citizen_kinds and when >= self.close_at:
                continue  # the hall has closed its doors
            self.set_clock(when)
            try:
                self.handlers[kind](arg)
            except Exception as exc:
                exc.add_note(f"simulated {plan.day} at {settings.local(when):%H:%M:%S}: {kind}")
                raise
        for d in self.desks.values():
            if d.clerk is not None and d.ticket is None:
                self._sign_out(d)
        self.set_clock(max(self.now, self.close_at + timedelta(minutes=30)))
        r.expired = self.op(self.hall.close_day)
        if self.noon is not None:
            r.noon_covered = self.op(self.hall.noon_coverage, plan.day).covered
        r.noon_duty = tuple(sorted(self.duty))
        r.refusals = dict(sorted(self.refusals.items()))
        return r

    def _book(self) -> None:
        for key, b in self.plan.bookings:
            try:
                a = self.op(
                    self.hall.book_appointment,
                    b.service,
                    b.slot_start,
                    b.slot_end,
                    citizen_name=b.name,
                    id_number=b.id_number,
                )
            except HallError as exc:
                self.refused(exc)
                continue
            self.codes[key] = a.code
            self.report.booked += 1

    def _sign_in(self) -> None:
        """Every staffed window's A-post clerk signs in as the hall opens."""
        cat = self.settings.catalog
        paused = {w.number: w.paused for w in self.op(self.hall.windows)}
        wanted = {}
        for n in self.plan.windows:
            w = cat.window(n)
            a, b = cat.clerk_by_id(w.a_clerk_id), cat.clerk_by_id(w.b_clerk_id)
            assert a is not None
            services = frozenset(sv.code for sv in cat.services if sv.id in w.service_ids)
            self.desks[n] = _Desk(n, services, a.code, b.code if b else None, w.comprehensive)
            self.desks[n].paused = paused.get(n, False)
            wanted[a.code] = self.pw[a.code]
        self.report.operations += len(wanted) + 1
        for n in sign_in_a_posts(self.hall, wanted):
            d = self.desks[n]
            d.clerk = d.a
            if d.services:
                d.state = "busy"
                self.at(self.open_at + timedelta(seconds=self.plan.first_call[n]), "free", n)
            else:
                d.state = "idle"  # a help desk: serves no line, answers the kiosks' calls

    # -- the kiosk ----------------------------------------------------------------------

    def _arrive(self, c: Citizen) -> None:
        try:
            if c.booking is not None:
                t = self.op(self.hall.check_in, self.codes[c.key], kiosk=c.kiosk)
            else:
                t = self.op(self.hall.issue_ticket, c.service, green=c.green, kiosk=c.kiosk)
        except HallError as exc:
            self.refused(exc)
            self.report.refused += 1
            return
        r = self.report
        r.issued += 1
        r.green += t.priority == "green"
        r.checked_in += t.priority == "appointment"
        self.citizens[t.number] = c
        self.stage[t.number] = "new"
        self._wake(t.service_code)

    def _wake(self, service: str) -> None:
        """The window idle longest among those serving ``service`` calls (a ticket for it
        is waiting now)."""
        idle = [d for d in self.desks.values() if d.state == "idle" and service in d.services]
        if not idle:
            return
        d = min(idle, key=lambda d: (d.idle_since or self.now, d.number))
        d.state = "busy"
        self.at(self.now + timedelta(seconds=10), "free", d.number)

    # -- a window's citizen ---------------------------------------------------------------

    def _free(self, n: int) -> None:
        """The window is ready for its next citizen: unless its clerk goes (to cover for an
        A, to the noon break, home after closing), it calls."""
        d = self.desks[n]
        if d.state != "busy" or d.clerk is None or d.ticket is not None:
            return
        if d.leave_for is not None:
            h, d.leave_for = d.leave_for, None
            if self._try_hand_over(h):
                return
        if self.now >= self.close_at:
            self._sign_out(d)
            return
        if self._in_noon() and d.noon in ("ahead", "break") and self._go_to_noon(d):
            return
        t = self.op(self.work.call_next, n, d.clerk)
        d.paused = False  # any key resumes a paused window
        if t is None:
            d.state, d.idle_since = "idle", self.now
            return
        d.ticket = t.number
        c = self.citizens[t.number]
        gone = self.now - c.at > timedelta(minutes=c.patience)
        if self.stage[t.number] == "new" and (c.no_show or gone):
            self.at(self.now + timedelta(seconds=60), "recall", (n, t.number, "again"))
        elif self.stage[t.number] == "new" and c.late_walker:
            self.at(self.now + timedelta(seconds=45), "recall", (n, t.number, "walk"))
        else:
            self.at(self.now + timedelta(seconds=c.walk_seconds), "walk", (n, t.number))

    def _in_hand(self, n: int, number: str) -> _Desk | None:
        d = self.desks[n]
        return d if d.ticket == number and d.clerk is not None else None

    def _recall(self, arg: tuple[int, str, str]) -> None:
        n, number, then = arg
        d = self._in_hand(n, number)
        if d is None or d.clerk is None:
            return
        self.op(self.work.recall, n, d.clerk)
        self.report.recalls += 1
        if then == "again":
            self.at(self.now + timedelta(seconds=60), "recall", (n, number, "no_show"))
        elif then == "no_show":
            self.at(self.now + timedelta(seconds=60), "no_show", (n, number))
        else:
            walk = self.citizens[number].walk_seconds
            self.at(self.now + timedelta(seconds=walk), "walk", (n, number))

    def _no_show(self, arg: tuple[int, str]) -> None:
        n, number = arg
        d = self._in_hand(n, number)
        if d is None or d.clerk is None:
            return
        self.op(self.work.no_show, n, d.clerk)
        self.report.no_shows += 1
        c = self.citizens[number]
        if c.no_show and c.back_after is not None:
            self.at(self.now + timedelta(minutes=c.back_after), "requeue", number)
        self._next(d, c)

    def _next(self, d: _Desk, c: Citizen) -> None:
        d.ticket = None
        self.at(self.now + timedelta(seconds=c.gap_seconds), "free", d.number)

    def _requeue(self, number: str) -> None:
        try:
            t = self.op(self.hall.requeue, number)
        except HallError as exc:  # the hall puts a no-show back in line once at most
            self.refused(exc)
            return
        self.stage[number] = "requeued"
        self.report.requeued += 1
        self._wake(t.service_code)

    def _walk(self, arg: tuple[int, str]) -> None:
        n, number = arg
        d = self._in_hand(n, number)
        if d is None or d.clerk is None:
            return
        self.op(self.work.start, n, d.clerk)
        c, stage = self.citizens[number], self.stage[number]
        first = stage in ("new", "requeued")
        minutes = c.minutes if first else c.second_minutes
        if first and c.outcome != "done":
            kind = "transfer" if c.outcome == "transfer" else "hold"
            self.at(self.now + timedelta(minutes=minutes * c.outcome_share), kind, (n, number))
        else:
            self.at(self.now + timedelta(minutes=minutes), "finish", (n, number))

    def _finish(self, arg: tuple[int, str]) -> None:
        n, number = arg
        d = self._in_hand(n, number)
        if d is None or d.clerk is None:
            return
        c = self.citizens[number]
        if c.rating is not None:
            t = self.op(self.work.ask_review, n, d.clerk)  # F3: finished, rate please
            self.at(self.now + timedelta(seconds=c.rating.after_seconds), "review", t)
        else:
            self.op(self.work.end_service, n, d.clerk)
        self.report.served += 1
        self.report.extended += self.now > self.close_at
        self._next(d, c)

    def _review(self, t: TicketInfo) -> None:
        rating = self.citizens[t.number].rating
        assert rating is not None
        info = self.op(
            self.hall.submit_review,
            t.review_code,
            rating.level,
            channel="evaluator",
            reasons=rating.reasons,
            text=rating.text,
            dimensions=dict(rating.dimensions) or None,
            name=rating.name,
            phone=rating.phone,
        )
        r = self.report
        r.reviews += 1
        r.bad_reviews += rating.level in BAD
        if info.case_id is None:
            return
        r.cases_opened += 1
        if self.player.supervisor is None:
            return
        for step in rating.case:
            due = open_day_after(self.settings, self.plan.day, step.after)
            self.player.case_work.setdefault(due, []).append((info.case_id, step))

    def _hold(self, arg: tuple[int, str]) -> None:
        n, number = arg
        d = self._in_hand(n, number)
        if d is None or d.clerk is None:
            return
        c = self.citizens[number]
        if c.outcome == "notice":
            other = None if c.missing else NOTICE_OTHER
            self.op(self.work.give_notice, n, d.clerk, c.missing, other)
            self.report.notices += 1
        else:
            self.op(self.work.hold, n, d.clerk, "fetch_materials", HOLD_REASON)
        self.report.held += 1
        self.stage[number] = "held"
        if c.back_after is not None:
            self.at(self.now + timedelta(minutes=c.back_after), "return", number)
        self._next(d, c)

    def _return(self, number: str) -> None:
        t = self.op(self.hall.return_from_hold, number)
        self.stage[number] = "returned"
        self.report.returned += 1
        self._wake(t.service_code)

    def _transfer(self, arg: tuple[int, str]) -> None:
        n, number = arg
        d = self._in_hand(n, number)
        if d is None or d.clerk is None:
            return
        c = self.citizens[number]
        assert c.transfer_to is not None
        self.op(self.work.transfer, n, d.clerk, to_service=c.transfer_to, reason=TRANSFER_REASON)
        self.stage[number] = "transferred"
        self.report.transferred += 1
        self._next(d, c)
        self._wake(c.transfer_to)

    # -- the noon break -----------------------------------------------------------------

    def _in_noon(self) -> bool:
        return self.noon is not None and self.noon[0] <= self.now < self.noon[1]

    def _noon_start(self, _: None) -> None:
        for d in self.desks.values():
            if d.state == "idle" and d.services:
                d.state = "busy"
                self.at(self.now, "free", d.number)

    def _go_to_noon(self, d: _Desk) -> bool:
        """The clerk leaves for the noon break (a pause, or signing out); the last window
        of a zone's noon duty is refused by the core and stays open (or, on a rare day,
        leaves all the same with the reason the core asks for). True: it left."""
        assert d.clerk is not None
        if d.paused:
            d.state = d.noon = "break"
            return True
        plan = self.plan.noon[d.number]
        action = "pause" if d.cover is not None else plan.action  # B stays signed in
        try:
            self._leave(d, action, None)
        except HallError as exc:
            if exc.code != "noon.last_window":
                raise
            self.refused(exc)
            if not (self.plan.noon_leave_anyway and not self.left_anyway):
                d.noon = "duty"
                self.duty.add(d.number)
                if plan.lunch_after is not None and d.cover is None and d.b is not None:
                    self.at(self.now + timedelta(minutes=plan.lunch_after), "lunch", d.number)
                return False
            self.left_anyway = True
            self._leave(d, action, NOON_LEAVE)
        d.state = d.noon = "break"
        return True

    def _leave(self, d: _Desk, action: str, noon_reason: str | None) -> None:
        assert d.clerk is not None
        if action == "pause":
            self.op(self.work.pause, d.number, d.clerk, NOON_PAUSE, noon_reason)
            d.paused = True
        else:
            self.op(self.work.sign_out, d.clerk, d.number, noon_reason)
            d.away, d.clerk = d.clerk, None

    def _noon_end(self, _: None) -> None:
        for d in self.desks.values():
            if d.state == "break":
                seconds = self.plan.noon[d.number].back_seconds
                self.at(self.now + timedelta(seconds=seconds), "back", d.number)
            elif d.noon == "duty":
                d.noon = "done"

    def _back(self, n: int) -> None:
        d = self.desks[n]
        if d.state != "break":
            return
        if d.clerk is None and d.away is not None:
            self.op(self.work.sign_in, d.away, self.pw[d.away], n)
            d.clerk, d.away = d.away, None
        elif d.clerk is not None and d.paused:
            self.op(self.work.resume, n, d.clerk)
            d.paused = False
        if d.clerk is None:
            d.state = "off"
            return
        d.state, d.noon = "busy", "done"
        self.at(self.now, "free", n)

    def _lunch(self, n: int) -> None:
        """B covers a window on noon duty while A has lunch (午餐)."""
        d = self.desks[n]
        if not self._in_noon() or d.noon != "duty" or d.clerk != d.a or d.b is None:
            return
        home = self._desk_of(d.b)
        if home is not None and not (home.paused and home.ticket is None):
            return  # B is serving at a window of their own: it must not close
        minutes = self.plan.noon[n].lunch_minutes
        back = min(self.now + timedelta(minutes=minutes), self.noon[1] if self.noon else self.now)
        self._cover(d, "lunch", back, home)

    # -- AB posts ---------------------------------------------------------------------

    def _desk_of(self, clerk: str) -> _Desk | None:
        return next((d for d in self.desks.values() if d.clerk == clerk), None)

    def _away(self, clerk: str) -> bool:
        return any(d.cover is not None and d.cover.a == clerk for d in self.desks.values())

    def _hand_over(self, h: HandOver) -> None:
        self._try_hand_over(h)

    def _try_hand_over(self, h: HandOver) -> bool:
        """A leaves for the meeting or course, B at the desk takes the window (and the
        ticket in hand). B leaves their own window when it has nobody in hand; otherwise
        once its citizen is done. True: B has left the window they were at."""
        d = self.desks.get(h.window)
        if d is None or d.b is None or d.b not in self.pw:
            return False
        if self._in_noon() or self.now >= self.close_at - timedelta(minutes=30):
            return False
        if d.clerk != d.a or d.state in ("off", "break") or d.cover is not None:
            return False
        if self._away(d.b) or any(
            x.cover is not None and x.cover.b == d.b for x in self.desks.values()
        ):
            return False
        home = self._desk_of(d.b)
        if home is not None and (home.ticket is not None or home.state not in ("idle", "busy")):
            if home.state == "busy" and home.leave_for is None:
                home.leave_for = h  # once the citizen at B's window is done
            return False
        back = min(self.now + timedelta(minutes=h.minutes), self.close_at - timedelta(minutes=10))
        return self._cover(d, h.reason, back, home)

    def _cover(self, d: _Desk, reason: str, back: datetime, home: _Desk | None) -> bool:
        assert d.b is not None
        a, b = d.a, d.b
        try:
            self.op(
                self.work.hand_over,
                d.number,
                a,
                reason,
                expected_return=back,
                b_password=self.pw[b],
            )
        except HallError as exc:
            self.refused(exc)
            return False
        self.report.hand_overs += 1
        d.clerk, d.paused = b, False  # B takes the window: it serves at once
        d.cover = _Cover(a, b, home.number if home is not None else None)
        if home is not None:
            home.clerk, home.state, home.vacated_by = None, "off", b
        self.at(back, "hand_back", d.number)
        return True

    def _hand_back(self, n: int) -> None:
        d = self.desks[n]
        cover = d.cover
        if cover is None or d.clerk != cover.b:
            return
        self.op(self.work.hand_back, n, cover.b, self.pw[cover.a], report=HAND_BACK_REPORT)
        self.report.hand_backs += 1
        d.clerk, d.cover, d.paused = cover.a, None, False
        if d.state == "break":  # B had paused it for the noon break: A takes it open
            d.state = "busy"
            if d.ticket is None:
                self.at(self.now, "free", n)
        home = self.desks.get(cover.home) if cover.home is not None else None
        if home is not None and home.vacated_by == cover.b and self.now < self.close_at:
            self.op(self.work.sign_in, cover.b, self.pw[cover.b], home.number)
            home.clerk, home.vacated_by = cover.b, None
            home.state = "busy" if home.services else "idle"
            if home.services:
                self.at(self.now, "free", home.number)

    # -- closing ------------------------------------------------------------------------

    def _closing(self, _: None) -> None:
        """The hall closes: idle windows sign out; a citizen still in hand is served to the
        end (延时服务), some asking for it in so many words."""
        for d in self.desks.values():
            if d.state == "idle" and d.clerk is not None:
                self._sign_out(d)
            elif d.ticket is not None and self.citizens[d.ticket].asks_extension:
                self.at(self.now + timedelta(seconds=60), "extend", (d.number, d.ticket))

    def _extend(self, arg: tuple[int, str]) -> None:
        n, number = arg
        d = self._in_hand(n, number)
        if d is None or d.clerk is None:
            return
        self.op(self.work.mark_extended, n, d.clerk, "citizen_request", EXTENDED_NOTE)

    def _sign_out(self, d: _Desk) -> None:
        if d.clerk is not None:
            self.op(self.work.sign_out, d.clerk, d.number)
        d.clerk, d.state = None, "off"

    # -- the kiosks' calls for a guide, the supervisor's cases ---------------------------

    def _help(self, call: HelpCall) -> None:
        asked = self.op(self.hall.request_help, call.kiosk)
        self.report.help_calls += 1
        self.at(self.now + timedelta(seconds=call.answer_seconds), "help_answer", asked.request)

    def _help_answer(self, request: str) -> None:
        cat = self.settings.catalog
        desks = sorted(
            self.desks.values(),
            key=lambda d: ("help_desk" not in cat.window(d.number).kinds, d.number),
        )
        clerk = next((d.clerk for d in desks if d.clerk is not None), None)
        if clerk is None and self.player.supervisor is not None:
            clerk = self.player.supervisor[0]
        if clerk is not None:
            self.op(self.hall.acknowledge_help, request, clerk)

    def _case(self, item: tuple[int, CaseWork]) -> None:
        case_id, step = item
        supervisor = self.player.supervisor
        assert supervisor is not None
        try:
            self.op(
                self.hall.case_action,
                case_id,
                step.action,
                supervisor[0],
                password=supervisor[1],
                note=step.note,
                callback_result=step.callback_result,
            )
        except HallError as exc:
            self.refused(exc)
            return
        self.report.case_steps += 1


# -- whole runs -------------------------------------------------------------------------------


def passwords_for(
    settings: HallSettings, *, password: str | None = None, config: Path | None = None
) -> dict[str, str] | None:
    """The clerks' passwords for the simulated staff: ``password`` for every clerk; else the
    initial ones of ``config`` (a hall's file that gives them), or of the demo hall when
    the hall is the demo hall; None when none is known."""
    if password is not None:
        return {c.code: password for c in settings.catalog.clerks if c.active}
    path = config if config is not None else DEMO_HALL_PATH
    file = load_hall_config(path)
    if file.hall.code != settings.code:
        return None
    known = initial_passwords(file)
    return known or None


def latest_ticket_day(hall: Hall, since: date) -> date | None:
    """The last business day from ``since`` on with tickets in the hall, if any: a
    simulation writes only days the hall has no tickets of yet."""
    with hall.db.read() as s:
        day: date | None = s.scalar(
            select(func.max(Ticket.business_day)).where(
                Ticket.hall_id == hall.settings.id, Ticket.business_day >= since
            )
        )
    return day


def simulate(
    hall: Hall,
    clock: FixedClock,
    first: date,
    days: int,
    seed: int | str,
    passwords: Mapping[str, str],
    *,
    scale: float = 1.0,
    hands: DayHands | None = None,
    progress: Callable[[DayReport], None] | None = None,
) -> list[DayReport]:
    """``days`` days the hall opens, from ``first`` on, each planned then played."""
    player = Player(hall, clock, passwords, hands=hands)
    staff = frozenset(passwords)
    reports = []
    for day in itertools.islice(open_days(hall.settings, first), days):
        plan = plan_day(hall.settings, day, seed, staff=staff, scale=scale)
        assert plan is not None
        report = player.play(plan)
        reports.append(report)
        if progress is not None:
            progress(report)
    return reports
