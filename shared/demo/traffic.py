"""Simulated traffic (``yimen simulate``): whole business days of a hall, played through the
core's own operations (`shared.hall.Hall`) with an injected clock, reproducible from a seed.
What the reports, the benchmarks and the forecasts read when there is no real hall yet.

A day is made in two steps:

1. **The plan** (`shared.demo.traffic_plan.plan_day`): the day as data, drawn from the
   seed, the day and the hall's settings alone (never from what the database holds), so a
   seed gives the same day on any copy of the hall, whichever days come before it: who
   comes when and for what, what each citizen will do at the window, and the staff's day.
2. **The playback** (`Player.play`, here): the plan played through the operations in the
   order of its moments, the clock set to each (a heap of next moments: nothing is done
   between two of them). The core decides what it decides: which ticket a window calls
   next, whether a ticket is refused (a daily cap, a time slot, its quota), whether a
   window may leave at noon (``noon.last_window``: then it stays on noon duty). Its
   refusals are part of the day and counted.

A writer that puts a whole day in the database at once can take the plans and replace
step 2.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter as Tally
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import perf_counter
from typing import Any, ParamSpec, Protocol, TypeVar

from sqlalchemy import func, select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.config.halls import HallSettings
from shared.demo.bulk import copy_day, hours
from shared.demo.simulate import Hands, initial_passwords, sign_in_a_posts
from shared.demo.traffic_plan import (
    BAD,
    CaseWork,
    Citizen,
    DayPlan,
    HandOver,
    HelpCall,
    open_day_after,
    open_days,
    plan_day,
)
from shared.demo.typed import (
    EXTENDED_NOTE,
    HAND_BACK_REPORT,
    HOLD_REASON,
    NOON_LEAVE,
    NOON_PAUSE,
    NOTICE_OTHER,
    TRANSFER_REASON,
)
from shared.hall import Hall, NoticeInfo, TicketInfo, WindowInfo
from shared.rules.posts import Handed
from shared.store.model import AbsenceReason, ExtendedTrigger, Role, Ticket

P = ParamSpec("P")
T = TypeVar("T")


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
    copy_of: date | None = None  # written in bulk as a copy of this played day


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
        #: Each bad review's case: the steps its plan gives it (a copy's case takes them).
        self.case_plans: dict[int, tuple[CaseWork, ...]] = {}
        self.last: datetime | None = None

    def play(self, plan: DayPlan) -> DayReport:
        started = perf_counter()
        report = _Day(self, plan).run()
        report.seconds = round(perf_counter() - started, 3)
        return report

    def copy(self, played: DayReport, day: date) -> DayReport:
        """``day`` written in bulk as a copy of the ``played`` day (`shared.demo.bulk`);
        the supervisor's steps on earlier cases due that day taken through the core, and
        the copied cases' steps planned as the source's were."""
        started = perf_counter()
        settings = self.hall.settings
        report = DayReport(day)
        opening = settings.opening(day)
        assert opening is not None
        close_at = settings.at(day, opening.close)
        for i, item in enumerate(self.case_work.pop(day, [])):
            self.set_clock(close_at - timedelta(minutes=60 - 2 * i))
            self.case_step(item, report)
        self.set_clock(max(self.last or close_at, close_at + timedelta(minutes=30)))
        with self.hall.db.write() as s:
            copied = copy_day(s, settings, played.day, day)
        for old, new in copied.cases.items():
            steps = self.case_plans.get(old, ())
            self.case_plans[new] = steps
            for step in steps:
                due = open_day_after(settings, day, step.after)
                self.case_work.setdefault(due, []).append((new, step))
        steps_done = report.case_steps
        report = replace(
            played, day=day, copy_of=played.day, case_steps=steps_done, operations=report.operations
        )
        report.seconds = round(perf_counter() - started, 3)
        return report

    def set_clock(self, when: datetime) -> None:
        """The hall's clock to ``when``, never back before the last moment played."""
        if self.last is not None and when < self.last:
            when = self.last
        self.clock.set(when)
        self.last = when

    def case_step(self, item: tuple[int, CaseWork], report: DayReport) -> bool:
        """The supervisor takes one step on a case (False: the core refused it)."""
        case_id, step = item
        assert self.supervisor is not None
        report.operations += 1
        try:
            self.hall.case_action(
                case_id,
                step.action,
                self.supervisor[0],
                password=self.supervisor[1],
                note=step.note,
                callback_result=step.callback_result,
            )
        except HallError as exc:
            report.refusals[exc.code] = report.refusals.get(exc.code, 0) + 1
            return False
        report.case_steps += 1
        return True


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
        self.player.set_clock(when)

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
        self.player.case_plans[info.case_id] = rating.case
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
        if not self.player.case_step(item, self.report):
            self.refusals.update(self.report.refusals)
            self.report.refusals.clear()


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
    bulk: int | None = None,
) -> list[DayReport]:
    """``days`` days the hall opens, from ``first`` on, each planned then played.

    With ``bulk``, only the first ``bulk`` days of each kind of opening hours (a winter
    weekday, a summer one, a Saturday morning) are played; every other day is written
    in bulk as a copy of one of them (`shared.demo.bulk`), of its weekday when one was
    played, else in turn."""
    player = Player(hall, clock, passwords, hands=hands)
    staff = frozenset(passwords)
    reports = []
    played: dict[Any, list[DayReport]] = {}
    copies: Tally[Any] = Tally()
    for day in itertools.islice(open_days(hall.settings, first), days):
        kind = hours(hall.settings, day)
        pool = played.setdefault(kind, [])
        if bulk is not None and len(pool) >= bulk:
            alike = [p for p in pool if p.day.weekday() == day.weekday()] or pool
            report = player.copy(alike[copies[kind] % len(alike)], day)
            copies[kind] += 1
        else:
            plan = plan_day(hall.settings, day, seed, staff=staff, scale=scale)
            assert plan is not None
            report = player.play(plan)
            pool.append(report)
        reports.append(report)
        if progress is not None:
            progress(report)
    return reports
