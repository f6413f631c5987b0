"""The plan of a simulated day (``yimen simulate``, played by `shared.demo.traffic`): the day
as data (`plan_day`), drawn from the seed, the day and the hall's settings alone (never
from what the database holds), so a seed gives the same day on any copy of the hall,
whichever days come before it.

Who comes when and for what (a morning peak, a noon dip, a smaller afternoon peak; each
service weighted by the time the staffed windows serving it can give it over its handling
time, within its daily cap and time slots), green-channel citizens and appointments booked
the day before; what each citizen will do at the window (walk up, or not come when called;
how long the matter takes; a hold to fetch materials, with a one-time notice or not, and
when they come back; a transfer; a rating, and what a bad one's case will see on the days
after); and the staff's day (the first call, who leaves the window at noon and how, AB
hand-overs for a meeting or a course, lunch covered by B at a window on noon duty, the
kiosks' calls for a guide). Also the days the hall opens (`open_days`) and the windows that
can be staffed (`staffed_windows`).

Every day carries at least one of each thing a report counts: a no-show (put back in line
where the hall allows it), a hold and a notice with the citizen back, a transfer, a
green-channel ticket, an appointment, a rating and a bad one with its case, and a
complicated matter arriving late, still in hand at closing (延时服务).
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from shared.config.calendar import Opening, is_working_day, open_days_before
from shared.config.calendar import open_days as calendar_open_days
from shared.config.catalog import ServiceEntry, WindowEntry
from shared.config.halls import HallSettings
from shared.demo.typed import CASE_NOTES, GIVEN, REVIEW_TEXTS, SURNAMES
from shared.rules.identity import resident_id_is_valid

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
    """The days the hall opens from ``first`` on (`shared.config.calendar.open_days`)."""
    return calendar_open_days(settings.calendar, first)


def default_first_day(settings: HallSettings, today: date, back: int = 30) -> date:
    """The ``back``-th day the hall opened before ``today``: `--days 30` ends yesterday."""
    before = open_days_before(settings.calendar, today, back)
    return before[0] if before else today


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
