"""The hall's figures for a day, a week, a month or any range of business days, per
window, per clerk, per service and for the hall: what the daily notice (一天一通报) and
the month's report print, and what the ranking (一天一排名) is made of.

Each figure has one definition (`DEFINITIONS`, printed in the report's notes):

* **served** (办结): tickets of the range finished (state done); counted for the window
  and the clerk that finished them and for the service they were finished as.
* **wait** (等候时长): minutes from a ticket's issue to its first call, for the range's
  tickets called at least once; mean and 90th percentile; counted for the window and
  clerk of that first call and for the ticket's issued service.
* **handling** (办理时长): minutes from the last start to the finish of the served
  tickets; mean and 90th percentile.
* **no-shows, transfers, holds, call-backs**: the events of the range of each kind
  (过号, 转移, 挂起, 回呼), for the window and clerk that did them and the ticket's
  service at the time.
* **reviews** (好差评): the ratings of the range's tickets by level; satisfaction is
  满意 or better ÷ all, in percent; bad: 不满意 or worse, and how many of their cases are
  still open.
* **hand-overs, minutes away** (AB岗): a post holder's departures (handed over, or B
  stepped in) in the range, and their minutes away within it (open hours not
  distinguished), for the clerk who left and the window.
* **empty-post minutes** (空岗): the recorded empty posts of the range, for the window.
* **extended services** (延时服务): services of the range finished past closing, count
  and minutes past closing.
* **notices** (一次性告知): one-time notices given in the range.
* **noon gaps** (午间值班, the hall only): days of the range with a zone left without its
  noon duty, and the minutes of those gaps.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.base.clock import minutes_between
from shared.base.messages import named
from shared.config.calendar import open_days, open_days_before
from shared.config.halls import HallSettings
from shared.rules import coverage as cv
from shared.store.model import (
    OPEN_CASE_STATES,
    Absence,
    Event,
    EventKind,
    ExtendedService,
    Notice,
    Review,
    ReviewCase,
    ReviewLevel,
    Ticket,
    TicketState,
)

GROUPS = ("window", "clerk", "service", "hall")
GOOD = (ReviewLevel.VERY_SATISFIED, ReviewLevel.SATISFIED)
BAD = (ReviewLevel.DISSATISFIED, ReviewLevel.VERY_DISSATISFIED)
LEVELS = tuple(level.value for level in ReviewLevel)

#: The figures' definitions, by name, for the report's notes (codes of the message table).
DEFINITIONS = (
    "served",
    "wait",
    "handling",
    "events",
    "reviews",
    "posts",
    "empty_posts",
    "extended",
    "notices",
    "noon",
)


@dataclass
class Figures:
    """One unit's figures (a window, a clerk, a service, or the hall) over the range."""

    group: str  # window, clerk, service or hall
    key: str  # the window's number, the clerk's or service's code, the hall's code
    name: str
    name_en: str | None = None  # the hall's English name for it, where its file gives one
    served: int = 0
    waits: list[float] = field(default_factory=list, repr=False)
    handlings: list[float] = field(default_factory=list, repr=False)
    no_shows: int = 0
    transfers: int = 0
    holds: int = 0
    call_backs: int = 0
    levels: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    bad_open: int = 0  # bad reviews whose case is still open
    handovers: int = 0
    away_minutes: int = 0
    empty_post_minutes: int = 0
    extended: int = 0
    extended_minutes: int = 0
    notices: int = 0
    noon_gap_days: int = 0
    noon_gap_minutes: int = 0
    credit: float = 0.0  # the ranking's work credit (see `rank`)

    def named(self, lang: str) -> str:
        """The unit's name in ``lang`` (the Chinese one where no English one is given)."""
        return named(self.name, self.name_en, lang)

    @property
    def wait_mean(self) -> float | None:
        return sum(self.waits) / len(self.waits) if self.waits else None

    @property
    def wait_p90(self) -> float | None:
        return percentile(self.waits, 90)

    @property
    def handling_mean(self) -> float | None:
        return sum(self.handlings) / len(self.handlings) if self.handlings else None

    @property
    def handling_p90(self) -> float | None:
        return percentile(self.handlings, 90)

    @property
    def reviews(self) -> int:
        return sum(self.levels.values())

    @property
    def good(self) -> int:
        return sum(self.levels[lv.value] for lv in GOOD)

    @property
    def bad(self) -> int:
        return sum(self.levels[lv.value] for lv in BAD)

    @property
    def satisfaction(self) -> float | None:
        return 100.0 * self.good / self.reviews if self.reviews else None

    @property
    def handled(self) -> int:
        """Tickets the unit took off the line: served, no-shows, transfers and holds."""
        return self.served + self.no_shows + self.transfers + self.holds


def percentile(values: list[float], p: float) -> float | None:
    """The ``p``-th percentile by the nearest-rank method (the value below which ``p`` %
    of the values lie, one of the values itself); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Range:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass
class Report:
    """Every unit's figures over a range."""

    range: Range
    hall: Figures
    windows: dict[str, Figures]
    clerks: dict[str, Figures]
    services: dict[str, Figures]
    #: The waits (issue → first call, minutes) by the hour of the day the ticket was
    #: issued, in the hall's time: the report's "waiting by hour".
    waits_by_hour: dict[int, list[float]] = field(default_factory=dict)

    def wait_by_hour(self) -> list[tuple[int, float, int]]:
        """(hour, mean wait in minutes, tickets) for each hour that had a called ticket."""
        return [(h, sum(w) / len(w), len(w)) for h, w in sorted(self.waits_by_hour.items()) if w]

    def group(self, name: str) -> list[Figures]:
        if name == "hall":
            return [self.hall]
        table = {"window": self.windows, "clerk": self.clerks, "service": self.services}[name]
        return list(table.values())


def figures(s: Session, hall: HallSettings, first: date, last: date, now: datetime) -> Report:
    """Every figure of business days ``first``..``last`` (both included), as at ``now``."""
    cat = hall.catalog
    start, end = hall.day_start(first), hall.day_end(last)
    report = Report(
        Range(first, last),
        Figures("hall", hall.code, hall.name, hall.kiosk.hall_name_en),
        {
            str(w.number): Figures("window", str(w.number), w.name)
            for w in sorted(cat.windows, key=lambda w: w.number)
        },
        {c.code: Figures("clerk", c.code, c.name) for c in cat.clerks if c.active},
        {sv.code: Figures("service", sv.code, sv.name, sv.name_en) for sv in cat.services},
    )

    found: dict[tuple[int | None, int | None, int | None], tuple[Figures, ...]] = {}

    def units(
        window_id: int | None, clerk_id: int | None, service_id: int | None
    ) -> tuple[Figures, ...]:
        """The hall and the window, clerk and service named (once found, kept: a month
        has a hundred thousand rows and a few hundred such triples)."""
        key = (window_id, clerk_id, service_id)
        if key not in found:
            found[key] = tuple(_units(window_id, clerk_id, service_id))
        return found[key]

    def _units(
        window_id: int | None, clerk_id: int | None, service_id: int | None
    ) -> Iterable[Figures]:
        yield report.hall
        w = cat.window_by_id(window_id)
        if w is not None:
            key = str(w.number)
            if key not in report.windows:
                report.windows[key] = Figures("window", key, w.name)
            yield report.windows[key]
        c = cat.clerk_by_id(clerk_id)
        if c is not None:
            if c.code not in report.clerks:
                report.clerks[c.code] = Figures("clerk", c.code, c.name)
            yield report.clerks[c.code]
        if service_id is not None:
            sv = cat.service_of(s, service_id)
            if sv.code not in report.services:
                report.services[sv.code] = Figures("service", sv.code, sv.name, sv.name_en)
            yield report.services[sv.code]

    standards: dict[int, float] = {}

    def standard(service_id: int) -> float:
        if service_id not in standards:
            standards[service_id] = float(cat.service_of(s, service_id).handling_minutes)
        return standards[service_id]

    tickets = s.execute(
        select(
            Ticket.id,
            Ticket.service_id,
            Ticket.issued_service_id,
            Ticket.state,
            Ticket.issued_at,
            Ticket.started_at,
            Ticket.finished_at,
            Ticket.window_id,
            Ticket.clerk_id,
        ).where(
            Ticket.hall_id == hall.id,
            Ticket.business_day >= first,
            Ticket.business_day <= last,
        )
    ).all()
    service_of_ticket = {t.id: t.service_id for t in tickets}
    for t in tickets:
        if t.state != TicketState.DONE:
            continue
        for u in units(t.window_id, t.clerk_id, t.service_id):
            u.served += 1
            u.credit += standard(t.service_id)
            if t.started_at is not None and t.finished_at is not None:
                u.handlings.append(minutes_between(t.started_at, t.finished_at))

    first_call = (
        select(Event.ticket_id, func.min(Event.id).label("first"))
        .join(Ticket, Ticket.id == Event.ticket_id)
        .where(
            Ticket.hall_id == hall.id,
            Ticket.business_day >= first,
            Ticket.business_day <= last,
            Event.hall_id == hall.id,
            Event.kind == EventKind.CALLED,
            # A ticket is called on its own business day: the range's calls alone, by
            # the (hall, kind, at) index, rather than every call of the year.
            Event.at >= start,
            Event.at < end,
        )
        .group_by(Event.ticket_id)
        .subquery()
    )
    issued = {t.id: (t.issued_at, t.issued_service_id) for t in tickets}
    for ticket_id, at, window_id, clerk_id in s.execute(
        select(Event.ticket_id, Event.at, Event.window_id, Event.clerk_id).join(
            first_call, first_call.c.first == Event.id
        )
    ):
        issued_at, service_id = issued[ticket_id]
        wait = minutes_between(issued_at, at)
        report.waits_by_hour.setdefault(hall.local(issued_at).hour, []).append(wait)
        for u in units(window_id, clerk_id, service_id):
            u.waits.append(wait)

    counted = {
        EventKind.NO_SHOW: "no_shows",
        EventKind.TRANSFERRED: "transfers",
        EventKind.HELD: "holds",
        EventKind.CALLED_BACK: "call_backs",
    }
    for kind, ticket_id, window_id, clerk_id, data in s.execute(
        select(Event.kind, Event.ticket_id, Event.window_id, Event.clerk_id, Event.data).where(
            Event.hall_id == hall.id,
            Event.kind.in_([*counted, EventKind.HANDED_OVER, EventKind.EMPTY_POST]),
            Event.at >= start,
            Event.at < end,
        )
    ):
        if kind == EventKind.EMPTY_POST:
            minutes = int((data or {}).get("minutes", 0))
            for u in units(window_id, None, None):
                u.empty_post_minutes += minutes
            continue
        if kind == EventKind.HANDED_OVER:
            for u in units(window_id, clerk_id, None):
                u.handovers += 1
            continue
        service_id = service_of_ticket.get(ticket_id) if ticket_id else None
        if kind == EventKind.TRANSFERRED and data and data.get("from_service_id"):
            service_id = int(data["from_service_id"])  # the service it was taken off
        if kind == EventKind.TRANSFERRED and window_id is None:
            continue  # a supervisor's move of a waiting ticket: no window's doing
        for u in units(window_id, clerk_id, service_id):
            setattr(u, counted[kind], getattr(u, counted[kind]) + 1)
            if service_id is not None and u.group in ("window", "clerk"):
                u.credit -= standard(service_id) / 2  # see `rank`

    for a in s.scalars(
        select(Absence).where(
            Absence.hall_id == hall.id,
            Absence.left_at < end,
            (Absence.returned_at.is_(None)) | (Absence.returned_at > start),
        )
    ):
        back = min(a.returned_at or now, end)
        minutes = max(0, round(minutes_between(max(a.left_at, start), back)))
        for u in units(a.window_id, a.clerk_id, None):
            if u.group != "hall":
                u.away_minutes += minutes
        report.hall.away_minutes += minutes

    for level, window_id, clerk_id, service_id, case_state in s.execute(
        select(Review.level, Review.window_id, Review.clerk_id, Review.service_id, ReviewCase.state)
        .outerjoin(ReviewCase, ReviewCase.review_id == Review.id)
        .where(
            Review.hall_id == hall.id,
            Review.business_day >= first,
            Review.business_day <= last,
        )
    ):
        for u in units(window_id, clerk_id, service_id):
            u.levels[ReviewLevel(level).value] += 1
            if case_state in OPEN_CASE_STATES:
                u.bad_open += 1

    for window_id, clerk_id, ticket_id, minutes in s.execute(
        select(
            ExtendedService.window_id,
            ExtendedService.clerk_id,
            ExtendedService.ticket_id,
            ExtendedService.minutes,
        ).where(
            ExtendedService.hall_id == hall.id,
            ExtendedService.business_day >= first,
            ExtendedService.business_day <= last,
        )
    ):
        for u in units(window_id, clerk_id, service_of_ticket.get(ticket_id)):
            u.extended += 1
            u.extended_minutes += minutes

    for window_id, clerk_id, service_id in s.execute(
        select(Notice.window_id, Notice.clerk_id, Notice.service_id).where(
            Notice.hall_id == hall.id,
            Notice.business_day >= first,
            Notice.business_day <= last,
        )
    ):
        for u in units(window_id, clerk_id, service_id):
            u.notices += 1

    day = first
    while day <= last and hall.day_start(day) <= now:
        if hall.opening(day) is not None:
            noon = cv.noon_coverage(s, hall, day, min(now, hall.day_end(day)))
            gaps = [g for z in noon.zones for g in z.gaps]
            if gaps:
                report.hall.noon_gap_days += 1
                report.hall.noon_gap_minutes += round(
                    sum(
                        minutes_between(g.start, g.end or min(now, hall.day_end(day))) for g in gaps
                    )
                )
        day += timedelta(days=1)
    return report


# -- the ranking ------------------------------------------------------------------------------

#: A window or clerk is ranked once it has handled this many tickets a business day
#: (served, no-shows, transfers, holds) on average over the range.
MIN_TICKETS_A_DAY = 10
WORK_POINTS = 70.0
SATISFACTION_POINTS = 30.0
BAD_REVIEW_POINTS = 3.0
EMPTY_POST_POINTS = 1.0  # for each 10 minutes of empty post
LAST_PLACES = 3


@dataclass(frozen=True)
class Ranked:
    figures: Figures
    score: float
    place: int  # 1 = first
    work: float
    satisfaction: float
    penalty: float
    last: bool = False  # among the range's last three
    third_running: bool = False  # …and on the two business days before as well (约谈)


@dataclass(frozen=True)
class Ranking:
    group: str  # window or clerk
    ranked: tuple[Ranked, ...]
    unranked: tuple[Figures, ...]  # too few tickets to be ranked
    minimum: int


def rank(
    report: Report, group: str, business_days: int, minimum: int = MIN_TICKETS_A_DAY
) -> Ranking:
    """The ranking of the windows or the clerks (the formula, printed on the report):

    * work (0–70): the unit's credit ÷ the best credit among the ranked × 70. The credit
      is the sum of the served tickets' standard handling minutes (the service's
      ``handling_minutes``: a hard matter is worth more than a quick one), less half a
      ticket's standard minutes for each no-show, transfer or hold: dropping a case
      never earns what serving it would, and costs besides;
    * satisfaction (0–30): the unit's satisfaction rate × 30 (the hall's rate when the
      unit has no reviews);
    * less 3 points per bad review and 1 point per 10 minutes of empty post;
    * between 0 and 100. Units that handled fewer than ``minimum`` tickets a business day
      (`MIN_TICKETS_A_DAY`) are listed but not ranked."""
    units = report.group(group)
    minimum = minimum * max(1, business_days)
    eligible = [u for u in units if u.handled >= minimum]
    unranked = tuple(u for u in units if u.handled < minimum and u.handled > 0)
    best = max((u.credit for u in eligible), default=0.0)
    hall_rate = report.hall.satisfaction
    scored = []
    for u in eligible:
        work = WORK_POINTS * max(0.0, u.credit) / best if best > 0 else 0.0
        rate = u.satisfaction if u.satisfaction is not None else hall_rate
        sat = SATISFACTION_POINTS * (rate or 0.0) / 100
        penalty = BAD_REVIEW_POINTS * u.bad + EMPTY_POST_POINTS * u.empty_post_minutes / 10
        scored.append((max(0.0, min(100.0, work + sat - penalty)), work, sat, penalty, u))
    scored.sort(key=lambda x: (-x[0], x[4].key))
    last_keys = {x[4].key for x in scored[-LAST_PLACES:]} if len(scored) > LAST_PLACES else set()
    ranked = tuple(
        Ranked(u, round(score, 1), i + 1, work, sat, penalty, last=u.key in last_keys)
        for i, (score, work, sat, penalty, u) in enumerate(scored)
    )
    return Ranking(group, ranked, unranked, minimum)


def with_streak(ranking: Ranking, earlier: list[Ranking]) -> Ranking:
    """Mark the units among the last three today and on each of the ``earlier`` days
    (the two business days before): the third time running (约谈)."""
    if len(earlier) < 2:
        return ranking
    before = [{r.figures.key for r in e.ranked if r.last} for e in earlier]
    ranked = tuple(
        replace(r, third_running=r.last and all(r.figures.key in b for b in before))
        for r in ranking.ranked
    )
    return replace(ranking, ranked=ranked)


def business_days(hall: HallSettings, first: date, last: date) -> list[date]:
    """The days of ``first``..``last`` the hall opens (a ranking's minimum counts them)."""
    return list(open_days(hall.calendar, first, last))


def previous_business_days(hall: HallSettings, day: date, n: int) -> list[date]:
    """The ``n`` days the hall opened before ``day``, oldest first (a streak's days)."""
    return open_days_before(hall.calendar, day, n)


__all__ = [
    "DEFINITIONS",
    "GROUPS",
    "Figures",
    "Ranked",
    "Ranking",
    "Report",
    "business_days",
    "figures",
    "percentile",
    "previous_business_days",
    "rank",
    "with_streak",
]
