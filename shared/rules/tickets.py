"""A ticket's life: issue, call next, recall, start, finish, no-show, hold, call
back, transfer; a window's pause and resume; close of day.

Every function runs inside the caller's write transaction (``with db.write() as s``),
takes ``now`` from the caller's clock, records one append-only `Event` per state
change, and either does all it says or raises a `HallError` with a code and
changes nothing (the transaction is rolled back).

Window operations are made by the clerk signed in at the window today (`shared.rules.signin`)
and act on the ticket *in the window's hands* (called or serving): the clerk never picks
a ticket, the window's row is locked for the operation, and
a unique index allows one ticket in hand per window, so two clicks, or two PCs at
one window, cannot both succeed.

Calling order (who is called next at a window)
-----------------------------------------------
A window calls among the waiting tickets of today for the services it serves
(a comprehensive window: every service of its zone, or of the hall), plus tickets
sent to that window by a transfer or a hold. The order is:

1. *lane 0*: citizens back from a hold (they fetched a missing document), who are
   served ahead of the line without a new ticket;
2. *lane 1*: everyone else, by ``queue_key``, then by issue order.

``queue_key`` is the issue time, except that a priority ticket (绿色通道, or a
checked-in appointment) gets a head start of ``rules.priority_head_start_minutes``
(H): its key is its issue time minus H; a checked-in appointment counts from its
slot's start if it came early. So priority tickets go before ordinary ones, but
**an ordinary ticket that has waited more than H minutes longer than the oldest
waiting priority ticket is called first**: no ordinary ticket waits more than H
minutes longer because of priority, however many priority tickets arrive.
A transfer keeps the ticket's key (its place) unless the hall's rule
``transfer_keeps_place`` is off, then it goes to the back; a no-show put back in
line goes to the back.

A green-channel window (绿色通道) calls the green-channel tickets of its services
first, in that same order, and the others only when no green ticket waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, bindparam, case, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from shared import forecast as fc
from shared.base.clock import minutes_between
from shared.base.errors import HallError
from shared.config.catalog import ServiceEntry
from shared.config.halls import HallSettings
from shared.rules.coverage import noon_departure, record_empty_posts
from shared.rules.identity import identity_key
from shared.rules.overtime import record_if_extended
from shared.rules.windows import (
    At,
    at_window,
    event,
    in_hand,
    lock_window,
    require_free,
    ticket_by_number,
    ticket_in_hand,
)
from shared.store.model import (
    OPEN_STATES,
    Appointment,
    AppointmentState,
    Clerk,
    EventKind,
    HoldKind,
    NumberCounter,
    Priority,
    Ticket,
    TicketState,
    Window,
    in_hand_where,
)
from shared.store.model import Hall as HallRow

FRONT_LANE = 0
LINE_LANE = 1

#: A window operation on the ticket in hand: (session, hall, window no, clerk code, now).
WindowOp = Callable[[Session, HallSettings, int, str, datetime], Ticket]
#: Any operation on one ticket, with the hall already bound: (session, now).
TicketOp = Callable[[Session, datetime], Ticket]


@dataclass(frozen=True)
class Issued:
    ticket: Ticket
    reprint: bool
    ahead: int  # people ahead in its line when issued
    forecast: fc.Forecast | None  # when it will be called (`shared.forecast`)

    @property
    def estimated_wait_minutes(self) -> int | None:
        return None if self.forecast is None else self.forecast.minutes


# -- lookups -------------------------------------------------------------------


# The statements of the busiest paths, built once: building a statement costs more
# client CPU than the database spends running it.
_COUNTER_LOCKED = (
    select(NumberCounter)
    .where(
        NumberCounter.hall_id == bindparam("c_hall"),
        NumberCounter.business_day == bindparam("c_day"),
        NumberCounter.prefix == bindparam("c_prefix"),
    )
    .with_for_update()
)
_TAKE_NUMBER = (
    update(NumberCounter)
    .where(
        NumberCounter.hall_id == bindparam("c_hall"),
        NumberCounter.business_day == bindparam("c_day"),
        NumberCounter.prefix == bindparam("c_prefix"),
    )
    .values(last_no=NumberCounter.last_no + 1)
    .returning(NumberCounter.last_no)
    .execution_options(synchronize_session=False)
)
_ISSUED_TODAY = select(func.count(Ticket.id)).where(
    Ticket.hall_id == bindparam("hall_id"),
    Ticket.issued_service_id == bindparam("service_id"),
    Ticket.business_day == bindparam("day"),
    Ticket.appointment_id.is_(None),
)
_WAITING_FOR_WINDOW_WHERE = (
    Ticket.hall_id == bindparam("hall_id"),
    Ticket.state == TicketState.WAITING,
    Ticket.business_day == bindparam("day"),
    or_(
        and_(
            Ticket.service_id.in_(bindparam("service_ids", expanding=True)),
            Ticket.target_window_id.is_(None),
        ),
        Ticket.target_window_id == bindparam("window_id"),
    ),
)
_WINDOW_ORDER = (Ticket.lane, Ticket.queue_key, Ticket.id)
_GREEN_WINDOW_ORDER = (
    Ticket.lane, case((Ticket.priority == Priority.GREEN, 0), else_=1), Ticket.queue_key, Ticket.id
)  # fmt: skip
_WAITING_FOR_WINDOW = (
    select(Ticket).where(*_WAITING_FOR_WINDOW_WHERE).limit(1).with_for_update(skip_locked=True)
)
_NEXT_FOR_WINDOW = _WAITING_FOR_WINDOW.order_by(*_WINDOW_ORDER)
_NEXT_FOR_GREEN_WINDOW = _WAITING_FOR_WINDOW.order_by(*_GREEN_WINDOW_ORDER)
_BEFORE_IN_LINE = or_(
    Ticket.lane < bindparam("lane"),
    and_(Ticket.lane == bindparam("lane"), Ticket.queue_key < bindparam("queue_key")),
    and_(
        Ticket.lane == bindparam("lane"),
        Ticket.queue_key == bindparam("queue_key"),
        Ticket.id < bindparam("ticket_id"),
    ),
)
_AHEAD_IN_SERVICE = select(func.count(Ticket.id)).where(
    Ticket.hall_id == bindparam("hall_id"),
    Ticket.state == TicketState.WAITING,
    Ticket.business_day == bindparam("day"),
    Ticket.service_id == bindparam("service_id"),
    Ticket.target_window_id.is_(None),
    _BEFORE_IN_LINE,
)
_AHEAD_AT_WINDOW = select(func.count(Ticket.id)).where(
    Ticket.hall_id == bindparam("hall_id"),
    Ticket.state == TicketState.WAITING,
    Ticket.business_day == bindparam("day"),
    Ticket.target_window_id == bindparam("window_id"),
    _BEFORE_IN_LINE,
)
_RECENT_SPANS = (
    select(Ticket.started_at, Ticket.finished_at)
    .where(
        Ticket.service_id == bindparam("service_id"),
        Ticket.state == TicketState.DONE,
        Ticket.finished_at > bindparam("since"),
    )
    .order_by(Ticket.finished_at.desc())
    .limit(20)
)
_OPEN_WINDOWS = select(func.count(Window.id)).where(
    Window.id.in_(bindparam("window_ids", expanding=True)),
    Window.clerk_id.is_not(None),
    Window.signed_in_at >= bindparam("day_start"),
    Window.paused.is_(False),
)


# -- issue -----------------------------------------------------------------------


def _check_hours(hall: HallSettings, service: ServiceEntry, now: datetime) -> date:
    day = hall.business_day(now)
    opening = hall.opening(day)
    if opening is None:
        raise HallError("hall.closed_today")
    t = hall.local(now).time()
    if not opening.issues_tickets_at(t):
        raise HallError(
            "hall.closed_now",
            start=opening.tickets_from.strftime("%H:%M"),
            end=opening.tickets_until.strftime("%H:%M"),
        )
    if service.time_slots:
        slots = [(time.fromisoformat(a), time.fromisoformat(b)) for a, b in service.time_slots]
        if not any(a <= t < b for a, b in slots):
            raise HallError(
                "service.outside_slot", slots="、".join(f"{a}–{b}" for a, b in service.time_slots)
            )
    return day


def _check_slot_quota(
    s: Session, hall: HallSettings, service: ServiceEntry, day: date, now: datetime
) -> None:
    """分时段放号: the slot of ``now`` has its quota of tickets (appointments not counted);
    counted under the number counter's lock, like the daily cap."""
    t = hall.local(now).time()
    for (a, b), cap in zip(service.time_slots, service.slot_caps, strict=False):
        start, end = time.fromisoformat(a), time.fromisoformat(b)
        if cap <= 0 or not start <= t < end:
            continue
        issued = s.scalar(
            _ISSUED_TODAY.where(
                Ticket.issued_at >= hall.at(day, start), Ticket.issued_at < hall.at(day, end)
            ),
            {"hall_id": hall.id, "service_id": service.id, "day": day},
        )
        if (issued or 0) >= cap:
            later = [f"{x}–{y}" for x, y in service.time_slots if time.fromisoformat(x) >= end]
            if later:
                raise HallError("service.slot_full", slot=f"{a}–{b}", next=later[0])
            raise HallError("service.slot_full_last", slot=f"{a}–{b}")


def _ensure_counter(s: Session, params: dict[str, object]) -> None:
    insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    s.execute(
        insert(NumberCounter)
        .values(
            hall_id=params["c_hall"],
            business_day=params["c_day"],
            prefix=params["c_prefix"],
            last_no=0,
        )
        .on_conflict_do_nothing()
    )


def _lock_counter(s: Session, params: dict[str, object]) -> None:
    """Lock the day's counter row of a prefix (created if need be) until commit."""
    if s.scalars(_COUNTER_LOCKED, params).one_or_none() is None:
        _ensure_counter(s, params)
        s.scalars(_COUNTER_LOCKED, params).one()


def _take_number(s: Session, params: dict[str, object]) -> int:
    """The next number of the day for a prefix; its counter row stays locked until
    commit, so no two transactions ever get the same number."""
    n = s.execute(_TAKE_NUMBER, params).scalar_one_or_none()
    if n is None:  # the day's first ticket with this prefix
        _ensure_counter(s, params)
        n = s.execute(_TAKE_NUMBER, params).scalar_one()
    return int(n)


def format_number(prefix: str, n: int) -> str:
    return f"{prefix}{n:03d}"


def issue(
    s: Session,
    hall: HallSettings,
    service_code: str,
    now: datetime,
    *,
    green: bool = False,
    id_number: str | None = None,
    appointment_code: str | None = None,
    request_id: str | None = None,
    kiosk: str | None = None,
    profile: fc.Profile | None = None,
) -> Issued:
    """A new numbered ticket for a service (or, for a person who already holds an
    open ticket for it today, that ticket again, marked as a reprint).

    ``request_id`` is the kiosk's own id of the tap: asked again with the same id (the
    kiosk retrying after a lost reply), the ticket issued the first time is returned and
    nothing new is issued, whatever the hour or the cap says by then."""
    if request_id is not None:
        already = s.scalars(
            select(Ticket).where(Ticket.hall_id == hall.id, Ticket.request_id == request_id)
        ).one_or_none()
        if already is not None:
            return _again(s, hall, already, now, reprint=False)
    service = hall.catalog.service(service_code)
    appointment: Appointment | None = None
    if appointment_code is not None:
        appointment = _appointment_for_check_in(s, hall, service, appointment_code, now)
        day = hall.business_day(now)
    else:
        day = _check_hours(hall, service, now)
    ident = identity_key(id_number, hall.secret) if id_number else None
    counter: dict[str, object] = {"c_hall": hall.id, "c_day": day, "c_prefix": service.prefix}

    if ident is not None and appointment is None:
        # One open ticket per person and service: look under the counter's lock, so two
        # kiosks cannot both issue one.
        _lock_counter(s, counter)
        existing = s.scalars(
            select(Ticket).where(
                Ticket.hall_id == hall.id,
                Ticket.id_hash == ident.hash,
                Ticket.business_day == day,
                Ticket.issued_service_id == service.id,
                Ticket.state.in_(OPEN_STATES),
            )
        ).first()
        if existing is not None:
            event(
                s, hall, now, EventKind.REPRINTED, existing, from_state=existing.state, kiosk=kiosk
            )
            return _again(s, hall, existing, now, reprint=True)

    head_start = timedelta(minutes=hall.rules.priority_head_start_minutes)
    if appointment is not None:
        priority = Priority.APPOINTMENT
        queue_key = max(now, appointment.slot_start) - head_start
    elif green:
        priority = Priority.GREEN
        queue_key = now - head_start
    else:
        priority = Priority.ORDINARY
        queue_key = now
    # What the slip says, read before the number is taken: the counter's row stays
    # locked from then until commit, and other kiosks of the prefix wait for it.
    ahead = _ahead_of_new(s, hall, day, service.id, queue_key)
    wait = wait_forecast(
        s,
        hall,
        fc.Waiting(NEW_TICKET, service.id, LINE_LANE, queue_key, priority == Priority.GREEN),
        now,
        profile,
    )

    number = _take_number(s, counter)
    if number == 1:
        expire_before(s, hall, day, now)

    if service.daily_cap is not None and appointment is None:
        # Counted under the counter's lock (the prefix's issuers wait for it).
        issued_today = s.scalar(
            _ISSUED_TODAY, {"hall_id": hall.id, "service_id": service.id, "day": day}
        )
        if (issued_today or 0) >= service.daily_cap:
            raise HallError("service.cap_reached")
    if appointment is None:
        _check_slot_quota(s, hall, service, day, now)

    ticket = Ticket(
        hall_id=hall.id,
        business_day=day,
        number=format_number(service.prefix, number),
        service_id=service.id,
        issued_service_id=service.id,
        state=TicketState.WAITING,
        priority=priority,
        issued_at=now,
        lane=LINE_LANE,
        queue_key=queue_key,
        recalls=0,
        requeues=0,
        transfers=0,
        appointment_id=appointment.id if appointment else None,
        id_hash=ident.hash if ident else (appointment.id_hash if appointment else None),
        id_last6=ident.last6 if ident else (appointment.id_last6 if appointment else None),
        request_id=request_id,
        kiosk=kiosk,
    )
    s.add(ticket)
    if appointment is not None:
        appointment.state = AppointmentState.CHECKED_IN
    s.flush()
    event(s, hall, now, EventKind.ISSUED, ticket, service=service.code, kiosk=kiosk)
    return Issued(ticket, reprint=False, ahead=ahead, forecast=wait)


def _again(s: Session, hall: HallSettings, ticket: Ticket, now: datetime, reprint: bool) -> Issued:
    """A ticket already issued, with its slip's figures as they stand now."""
    ahead = people_ahead(s, hall, ticket)
    wait = ticket_forecast(s, hall, ticket, now)
    return Issued(ticket, reprint=reprint, ahead=ahead, forecast=wait)


def check_in(
    s: Session,
    hall: HallSettings,
    code: str,
    now: datetime,
    *,
    request_id: str | None = None,
    kiosk: str | None = None,
) -> Issued:
    """An appointment checked in by its code alone (typed or scanned at the kiosk): its
    ticket, for the service it was booked for, with the appointment's priority."""
    code = code.strip()
    appt = s.scalars(
        select(Appointment).where(Appointment.hall_id == hall.id, Appointment.code == code)
    ).one_or_none()
    if appt is None:
        if request_id is not None:  # a retried check-in of a code just used
            already = s.scalars(
                select(Ticket).where(Ticket.hall_id == hall.id, Ticket.request_id == request_id)
            ).one_or_none()
            if already is not None:
                return _again(s, hall, already, now, reprint=False)
        elsewhere = s.scalar(
            select(HallRow.name)
            .join(Appointment, Appointment.hall_id == HallRow.id)
            .where(Appointment.code == code, HallRow.id != hall.id)
            .limit(1)
        )
        if elsewhere is not None:
            raise HallError("appointment.other_hall", code=code, hall=elsewhere)
        raise HallError("appointment.unknown", code=code)
    service = hall.catalog.service_of(s, appt.service_id)
    return issue(
        s,
        hall,
        service.code,
        now,
        appointment_code=code,
        request_id=request_id,
        kiosk=kiosk,
    )


def _appointment_for_check_in(
    s: Session, hall: HallSettings, service: ServiceEntry, code: str, now: datetime
) -> Appointment:
    appt = s.scalars(
        select(Appointment)
        .where(Appointment.hall_id == hall.id, Appointment.code == code.strip())
        .with_for_update()
    ).one_or_none()
    if appt is None or appt.service_id != service.id:
        raise HallError("appointment.unknown", code=code)
    if appt.state == AppointmentState.CANCELLED:
        raise HallError("appointment.cancelled", code=code)
    if appt.state == AppointmentState.CHECKED_IN:
        number = s.scalar(select(Ticket.number).where(Ticket.appointment_id == appt.id))
        raise HallError("appointment.used", code=code, number=number or "")
    if appt.day != hall.business_day(now):
        raise HallError("appointment.not_today", code=code, day=appt.day.isoformat())
    slot = f"{hall.local(appt.slot_start):%H:%M}–{hall.local(appt.slot_end):%H:%M}"
    if now >= appt.slot_end:
        raise HallError("appointment.missed", slot=slot)
    opens = appt.slot_start - timedelta(minutes=hall.rules.check_in_early_minutes)
    if now < opens:
        raise HallError("appointment.too_early", slot=slot, opens=f"{hall.local(opens):%H:%M}")
    return appt


# -- the window's operations ---------------------------------------------------------


def call_next(
    s: Session, hall: HallSettings, window_no: int, clerk_code: str, now: datetime
) -> Ticket | None:
    """Call the next ticket at a window (顺呼), in the order of the module docstring;
    None when nobody waits for this window."""
    at = at_window(s, hall, window_no, clerk_code, now)
    require_free(s, hall, at)
    entry = hall.catalog.window(window_no)
    ticket = s.scalars(
        _NEXT_FOR_GREEN_WINDOW if "green_channel" in entry.kinds else _NEXT_FOR_WINDOW,
        {
            "hall_id": hall.id,
            "day": hall.business_day(now),
            "service_ids": sorted(entry.service_ids),
            "window_id": at.window.id,
        },
    ).first()
    if ticket is None:
        return None
    _hand_to_window(ticket, at, now)
    event(
        s, hall, now, EventKind.CALLED, ticket,
        window=at.window, clerk=at.clerk, from_state=TicketState.WAITING,
    )  # fmt: skip
    return ticket


def upcoming(
    s: Session, hall: HallSettings, window_no: int, now: datetime, n: int = 5
) -> list[Ticket]:
    """The next ``n`` tickets this window would call, in the order *call next* takes them
    (others may call some first: a forecast for the clerk, not a promise)."""
    entry = hall.catalog.window(window_no)
    order = _GREEN_WINDOW_ORDER if "green_channel" in entry.kinds else _WINDOW_ORDER
    return list(
        s.scalars(
            select(Ticket).where(*_WAITING_FOR_WINDOW_WHERE).order_by(*order).limit(n),
            {
                "hall_id": hall.id,
                "day": hall.business_day(now),
                "service_ids": sorted(entry.service_ids),
                "window_id": entry.id,
            },
        )
    )


def held_for_window(s: Session, hall: HallSettings, window_no: int, now: datetime) -> list[Ticket]:
    """Today's held tickets this window may call back (回呼), oldest hold first: those it
    held itself, and those of its services not kept at another window."""
    entry = hall.catalog.window(window_no)
    rows = s.scalars(
        select(Ticket)
        .where(
            Ticket.hall_id == hall.id,
            Ticket.business_day == hall.business_day(now),
            Ticket.state == TicketState.HELD,
        )
        .order_by(Ticket.id)
    ).all()
    return [
        t
        for t in rows
        if t.held_window_id == entry.id
        or (
            t.service_id in entry.service_ids
            and not (t.hold_kind == HoldKind.MATERIALS_AT_WINDOW and t.held_window_id)
        )
    ]


def served_today(s: Session, hall: HallSettings, window_no: int, now: datetime) -> int:
    """Tickets finished at this window today."""
    entry = hall.catalog.window(window_no)
    return int(
        s.scalar(
            select(func.count()).where(
                Ticket.hall_id == hall.id,
                Ticket.window_id == entry.id,
                Ticket.state == TicketState.DONE,
                Ticket.business_day == hall.business_day(now),
            )
        )
        or 0
    )


def _hand_to_window(ticket: Ticket, at: At, now: datetime) -> None:
    ticket.state = TicketState.CALLED
    ticket.window_id = at.window.id
    ticket.clerk_id = at.clerk.id
    ticket.called_at = now
    ticket.recalls = 0
    ticket.target_window_id = None


def recall(
    s: Session, hall: HallSettings, window_no: int, clerk_code: str, now: datetime
) -> Ticket:
    """Repeat the call of the ticket in hand (重呼), at most ``rules.max_recalls`` times."""
    at = at_window(s, hall, window_no, clerk_code, now)
    ticket = ticket_in_hand(s, hall, at)
    if ticket.state != TicketState.CALLED:
        raise HallError("ticket.not_called", number=ticket.number, state=ticket.state.value)
    if ticket.recalls >= hall.rules.max_recalls:
        raise HallError("ticket.recall_limit", number=ticket.number, limit=hall.rules.max_recalls)
    ticket.recalls += 1
    event(
        s, hall, now, EventKind.RECALLED, ticket,
        window=at.window, clerk=at.clerk, from_state=TicketState.CALLED, recall=ticket.recalls,
    )  # fmt: skip
    return ticket


def _advance(
    s: Session,
    hall: HallSettings,
    window_no: int,
    clerk_code: str,
    now: datetime,
    *,
    expected: TicketState,
    to: TicketState,
    kind: EventKind,
) -> Ticket:
    """Move the ticket in hand from ``expected`` to ``to``, or refuse with a code."""
    at = at_window(s, hall, window_no, clerk_code, now)
    ticket = ticket_in_hand(s, hall, at)
    if ticket.state != expected:
        refusal = "ticket.not_called" if expected == TicketState.CALLED else "ticket.not_serving"
        raise HallError(refusal, number=ticket.number, state=ticket.state.value)
    ticket.state = to
    event(s, hall, now, kind, ticket, window=at.window, clerk=at.clerk, from_state=expected)
    return ticket


def start(s: Session, hall: HallSettings, window_no: int, clerk_code: str, now: datetime) -> Ticket:
    """The called citizen has arrived: service starts."""
    ticket = _advance(
        s, hall, window_no, clerk_code, now,
        expected=TicketState.CALLED, to=TicketState.SERVING, kind=EventKind.STARTED,
    )  # fmt: skip
    ticket.started_at = now
    return ticket


def finish(
    s: Session, hall: HallSettings, window_no: int, clerk_code: str, now: datetime
) -> Ticket:
    """The matter is done (办结); past closing time it is recorded as extended service."""
    ticket = _advance(
        s, hall, window_no, clerk_code, now,
        expected=TicketState.SERVING, to=TicketState.DONE, kind=EventKind.FINISHED,
    )  # fmt: skip
    ticket.finished_at = now
    record_if_extended(s, hall, ticket, clerk_code, now)
    return ticket


def end_service(
    s: Session, hall: HallSettings, window_no: int, clerk_code: str, now: datetime
) -> Ticket:
    """The service is over (the counter's 评价 key, ``yimen finish``): the ticket in hand
    is finished, and first started when it was only called (the citizen came and was
    served without the start key), in one transaction."""
    ticket = ticket_in_hand(s, hall, at_window(s, hall, window_no, clerk_code, now))
    if ticket.state == TicketState.CALLED:
        start(s, hall, window_no, clerk_code, now)
    return finish(s, hall, window_no, clerk_code, now)


def no_show(
    s: Session, hall: HallSettings, window_no: int, clerk_code: str, now: datetime
) -> Ticket:
    """The called citizen did not come (过号)."""
    return _advance(
        s, hall, window_no, clerk_code, now,
        expected=TicketState.CALLED, to=TicketState.NO_SHOW, kind=EventKind.NO_SHOW,
    )  # fmt: skip


def requeue(s: Session, hall: HallSettings, number: str, now: datetime) -> Ticket:
    """A no-show who turns up late goes back in line, at the back, once at most."""
    ticket = ticket_by_number(s, hall, number, hall.business_day(now))
    if ticket.state != TicketState.NO_SHOW:
        raise HallError("ticket.not_no_show", number=ticket.number, state=ticket.state.value)
    if ticket.requeues >= hall.rules.no_show_requeues:
        raise HallError("ticket.requeue_limit", number=ticket.number)
    ticket.requeues += 1
    ticket.state = TicketState.WAITING
    ticket.lane = LINE_LANE
    ticket.queue_key = now
    ticket.window_id = None
    event(s, hall, now, EventKind.REQUEUED, ticket, from_state=TicketState.NO_SHOW)
    return ticket


def hold(
    s: Session,
    hall: HallSettings,
    window_no: int,
    clerk_code: str,
    now: datetime,
    kind: HoldKind,
    reason: str | None = None,
) -> Ticket:
    """Put the ticket in hand on hold (挂起), freeing the window for the next citizen."""
    at = at_window(s, hall, window_no, clerk_code, now)
    ticket = ticket_in_hand(s, hall, at)
    before = ticket.state
    ticket.state = TicketState.HELD
    ticket.hold_kind = kind
    ticket.held_window_id = at.window.id
    ticket.window_id = None
    event(
        s, hall, now, EventKind.HELD, ticket,
        window=at.window, clerk=at.clerk, from_state=before, reason=reason, hold_kind=kind.value,
    )  # fmt: skip
    return ticket


def return_from_hold(s: Session, hall: HallSettings, number: str, now: datetime) -> Ticket:
    """The citizen is back (or the awaited step is done): the ticket waits again ahead of
    the line; materials left at a window bring it back to that same window."""
    ticket = ticket_by_number(s, hall, number, hall.business_day(now))
    if ticket.state != TicketState.HELD:
        raise HallError("ticket.not_held", number=ticket.number, state=ticket.state.value)
    ticket.state = TicketState.WAITING
    ticket.lane = FRONT_LANE
    ticket.queue_key = now
    ticket.target_window_id = (
        ticket.held_window_id if ticket.hold_kind == HoldKind.MATERIALS_AT_WINDOW else None
    )
    event(s, hall, now, EventKind.RETURNED, ticket, from_state=TicketState.HELD)
    return ticket


def call_back(
    s: Session,
    hall: HallSettings,
    window_no: int,
    clerk_code: str,
    number: str,
    now: datetime,
) -> Ticket:
    """Call a held ticket back to this window (回呼), the same day only."""
    at = at_window(s, hall, window_no, clerk_code, now)
    require_free(s, hall, at)
    today = hall.business_day(now)
    # The latest ticket of that number, of any day: one from yesterday is refused by name.
    ticket = s.scalars(
        select(Ticket)
        .where(Ticket.hall_id == hall.id, Ticket.number == number.upper())
        .order_by(Ticket.business_day.desc())
        .limit(1)
        .with_for_update()
    ).first()
    if ticket is None:
        raise HallError("ticket.unknown", number=number.upper())
    if ticket.business_day != today:
        raise HallError("ticket.not_today", number=ticket.number, day=ticket.business_day)
    if ticket.state not in (TicketState.HELD, TicketState.WAITING) or (
        ticket.state == TicketState.WAITING and ticket.lane != FRONT_LANE
    ):
        raise HallError("ticket.not_held", number=ticket.number, state=ticket.state.value)
    if ticket.hold_kind == HoldKind.MATERIALS_AT_WINDOW and ticket.held_window_id not in (
        None,
        at.window.id,
    ):
        held_at = hall.catalog.window_by_id(ticket.held_window_id)
        raise HallError(
            "ticket.wrong_window", number=ticket.number, window=held_at.number if held_at else ""
        )
    serves = hall.catalog.window(at.window.number).service_ids
    if ticket.held_window_id != at.window.id and ticket.service_id not in serves:
        raise HallError("ticket.not_for_window", number=ticket.number, window=at.window.number)
    before = ticket.state
    _hand_to_window(ticket, at, now)
    event(
        s, hall, now, EventKind.CALLED_BACK, ticket,
        window=at.window, clerk=at.clerk, from_state=before,
    )  # fmt: skip
    return ticket


def _retarget(
    hall: HallSettings,
    ticket: Ticket,
    now: datetime,
    to_service: str | None,
    to_window: int | None,
    *,
    same_window: int | None,
) -> dict[str, object]:
    """A transfer's new target: another service (any of its windows), or one window
    (``same_window``: the window it would go to already, refused as no transfer). Counted,
    and sent to the back when the hall's rule says so. Returns the event's details."""
    data: dict[str, object] = {"from_service_id": ticket.service_id}
    if to_service is not None:
        service = hall.catalog.service(to_service)
        if service.id == ticket.service_id and ticket.target_window_id is None:
            raise HallError("ticket.transfer_same", number=ticket.number)
        if not hall.catalog.windows_serving(service.id):
            raise HallError("service.no_window", service=service.name)
        ticket.service_id = service.id
        ticket.target_window_id = None
        data["to_service"] = service.code
    else:
        assert to_window is not None
        target = hall.catalog.window(to_window)
        if target.id == same_window:
            raise HallError("ticket.transfer_same", number=ticket.number)
        ticket.target_window_id = target.id
        data["to_window"] = target.number
    ticket.transfers += 1
    if not hall.rules.transfer_keeps_place:
        ticket.queue_key = now
    return data


def transfer(
    s: Session,
    hall: HallSettings,
    window_no: int,
    clerk_code: str,
    now: datetime,
    *,
    to_service: str | None = None,
    to_window: int | None = None,
    reason: str | None = None,
) -> Ticket:
    """Send the ticket in hand to another service or window (首问负责): the citizen
    does not queue again; the ticket keeps its place unless the hall's rule says
    transfers go to the back."""
    if (to_service is None) == (to_window is None):
        raise HallError("ticket.transfer_target")
    at = at_window(s, hall, window_no, clerk_code, now)
    ticket = ticket_in_hand(s, hall, at)
    before = ticket.state
    data = _retarget(hall, ticket, now, to_service, to_window, same_window=at.window.id)
    ticket.state = TicketState.WAITING
    ticket.window_id = None
    ticket.lane = LINE_LANE
    event(
        s, hall, now, EventKind.TRANSFERRED, ticket,
        window=at.window, clerk=at.clerk, from_state=before, reason=reason, **data,
    )  # fmt: skip
    return ticket


def pause(
    s: Session,
    hall: HallSettings,
    window_no: int,
    clerk_code: str,
    now: datetime,
    reason: str | None = None,
    *,
    noon_reason: str | None = None,
) -> Window:
    """Pause a window (暂停): it calls nobody until resumed by any operation. The last
    window of a zone serving at noon pauses only with ``noon_reason`` (`shared.rules.coverage`)."""
    at = at_window(s, hall, window_no, clerk_code, now, resume_paused=False)
    if at.window.paused:
        raise HallError("window.already_paused", window=at.window.number)
    require_free(s, hall, at)
    noon_departure(s, hall, at.window, at.clerk, now, noon_reason, action="pause")
    at.window.paused = True
    event(s, hall, now, EventKind.PAUSED, window=at.window, clerk=at.clerk, reason=reason)
    return at.window


def resume(
    s: Session, hall: HallSettings, window_no: int, clerk_code: str, now: datetime
) -> Window:
    at = at_window(s, hall, window_no, clerk_code, now, resume_paused=False)
    if not at.window.paused:
        raise HallError("window.not_paused", window=at.window.number)
    at.window.paused = False
    event(s, hall, now, EventKind.RESUMED, window=at.window, clerk=at.clerk)
    return at.window


# -- from the supervisor's floor ----------------------------------------------------------


def supervisor_pause(
    s: Session,
    hall: HallSettings,
    window_no: int,
    supervisor: Clerk,
    now: datetime,
    reason: str | None = None,
    noon_reason: str | None = None,
) -> Window:
    """A supervisor pauses a window: not while it holds a ticket, and the last window of a
    zone serving at noon only with ``noon_reason``, as for its clerk. Any operation key of
    the window's clerk resumes it, as after their own pause."""
    window = lock_window(s, hall, window_no)
    if window.paused:
        raise HallError("window.already_paused", window=window.number)
    held = in_hand(s, window)
    if held is not None:
        raise HallError("window.ticket_in_hand", window=window.number, number=held.number)
    noon_departure(s, hall, window, supervisor, now, noon_reason, action="pause")
    window.paused = True
    event(
        s, hall, now, EventKind.PAUSED, window=window, clerk=supervisor, reason=reason,
        by_supervisor=True,
    )  # fmt: skip
    return window


def supervisor_resume(
    s: Session, hall: HallSettings, window_no: int, supervisor: Clerk, now: datetime
) -> Window:
    window = lock_window(s, hall, window_no)
    if not window.paused:
        raise HallError("window.not_paused", window=window.number)
    window.paused = False
    event(s, hall, now, EventKind.RESUMED, window=window, clerk=supervisor, by_supervisor=True)
    return window


def move_waiting(
    s: Session,
    hall: HallSettings,
    number: str,
    supervisor: Clerk,
    now: datetime,
    *,
    to_service: str | None = None,
    to_window: int | None = None,
    reason: str | None = None,
) -> Ticket:
    """A supervisor sends a waiting ticket of today to another service, or to one window
    only; it keeps its place unless the hall's rule says transfers go to the back."""
    if (to_service is None) == (to_window is None):
        raise HallError("ticket.transfer_target")
    ticket = ticket_by_number(s, hall, number, hall.business_day(now))
    if ticket.state != TicketState.WAITING:
        raise HallError("ticket.not_waiting", number=ticket.number, state=ticket.state.value)
    data = _retarget(hall, ticket, now, to_service, to_window, same_window=ticket.target_window_id)
    data["by_supervisor"] = True
    event(
        s, hall, now, EventKind.TRANSFERRED, ticket,
        clerk=supervisor, from_state=TicketState.WAITING, reason=reason,
        **data,  # type: ignore[arg-type]
    )  # fmt: skip
    return ticket


# -- close of day --------------------------------------------------------------------


def expire_before(s: Session, hall: HallSettings, day: date, now: datetime) -> int:
    """Tickets of earlier days still waiting, called or held become expired (未办结);
    a ticket in service stays so until its clerk finishes it (延时服务)."""
    return _expire(s, hall, Ticket.business_day < day, now)


def close_day(s: Session, hall: HallSettings, now: datetime) -> int:
    """At close of day: every ticket of today or before still waiting or held becomes
    expired, and the day's empty posts still open are recorded (`shared.rules.coverage`). A
    ticket in a window's hands is left alone: in service (延时服务) or called, the citizen
    walking up; one of an earlier day still called expires. Returns how many expired."""
    record_empty_posts(s, hall, now)
    today = hall.business_day(now)
    return _expire(
        s, hall, Ticket.business_day <= today, now, (TicketState.WAITING, TicketState.HELD)
    ) + _expire(s, hall, Ticket.business_day < today, now, (TicketState.CALLED,))


def _expire(
    s: Session,
    hall: HallSettings,
    day_clause: object,
    now: datetime,
    states: tuple[TicketState, ...] = (TicketState.WAITING, TicketState.CALLED, TicketState.HELD),
) -> int:
    stale = list(
        s.scalars(
            select(Ticket)
            .where(
                Ticket.hall_id == hall.id,
                day_clause,  # type: ignore[arg-type]
                Ticket.state.in_(states),
            )
            .with_for_update(skip_locked=True)
        )
    )
    for ticket in stale:
        before = ticket.state
        ticket.state = TicketState.EXPIRED
        ticket.window_id = None
        event(s, hall, now, EventKind.EXPIRED, ticket, from_state=before)
    return len(stale)


# -- what a ticket shows ---------------------------------------------------------------


def people_ahead(s: Session, hall: HallSettings, ticket: Ticket) -> int:
    """Waiting tickets of the same line that will be called before this one."""
    if ticket.state != TicketState.WAITING:
        return 0
    params = {
        "hall_id": hall.id,
        "day": ticket.business_day,
        "lane": ticket.lane,
        "queue_key": ticket.queue_key,
        "ticket_id": ticket.id,
    }
    if ticket.target_window_id is not None:
        n = s.scalar(_AHEAD_AT_WINDOW, {**params, "window_id": ticket.target_window_id})
    else:
        n = s.scalar(_AHEAD_IN_SERVICE, {**params, "service_id": ticket.service_id})
    return n or 0


def _ahead_of_new(
    s: Session, hall: HallSettings, day: date, service_id: int, queue_key: datetime
) -> int:
    """People ahead of a ticket about to join a service's line with this key."""
    params = {
        "hall_id": hall.id,
        "day": day,
        "lane": LINE_LANE,
        "queue_key": queue_key,
        "ticket_id": 2**62,  # it will be the newest
        "service_id": service_id,
    }
    return s.scalar(_AHEAD_IN_SERVICE, params) or 0


def mean_handling_minutes(s: Session, service: ServiceEntry, now: datetime) -> float:
    """Mean handling time of the service's last 20 finished tickets in 30 days;
    the configured expectation while there is no history."""
    rows = s.execute(
        _RECENT_SPANS, {"service_id": service.id, "since": now - timedelta(days=30)}
    ).all()
    spans = [minutes_between(a, b) for a, b in rows if a is not None and b is not None]
    return sum(spans) / len(spans) if spans else float(service.handling_minutes)


def usual_wait_minutes(
    s: Session, hall: HallSettings, service: ServiceEntry, ahead: int, now: datetime
) -> int | None:
    """The usual formula the forecast replaced, kept to compare with it (bench/forecast.py):
    people ahead × recent mean handling time ÷ open windows serving the service, plus the
    time until the hall opens. A window is open when a clerk signed in at it today and it
    is not paused; before any has opened, the windows with a post count."""
    serving = hall.catalog.windows_serving(service.id)
    if not serving:
        return None
    day_start = hall.day_start(hall.business_day(now))
    ids = [w.id for w in serving]
    n_open = s.scalar(_OPEN_WINDOWS, {"window_ids": ids, "day_start": day_start}) or 0
    if n_open == 0:
        n_open = sum(1 for w in serving if w.a_clerk_id is not None)
    until_open = 0.0
    opening = hall.opening(hall.business_day(now))
    if opening is not None:
        opens_at = hall.at(opening.day, opening.open)
        until_open = max(0.0, minutes_between(now, opens_at))
    return fc.usual_estimate(ahead, mean_handling_minutes(s, service, now), n_open, until_open)


#: The id a ticket about to be issued stands under in its own forecast.
NEW_TICKET = 2**62


def wait_forecast(
    s: Session,
    hall: HallSettings,
    ticket: fc.Waiting,
    now: datetime,
    profile: fc.Profile | None = None,
) -> fc.Forecast | None:
    """When ``ticket`` will be called (`shared.forecast`), from the hall as it stands;
    ``profile``: the recent service times, when already read (they change by the hour)."""
    situation = fc.read_situation(s, hall, now)
    others = tuple(w for w in situation.waiting if w.id != ticket.id)
    return fc.forecast(
        replace(situation, waiting=others), ticket, profile or fc.read_profile(s, hall, now)
    )


def ticket_forecast(
    s: Session,
    hall: HallSettings,
    ticket: Ticket,
    now: datetime,
    profile: fc.Profile | None = None,
) -> fc.Forecast | None:
    """When a waiting ticket will be called; None once it is not waiting."""
    if ticket.state != TicketState.WAITING:
        return None
    me = fc.Waiting(
        ticket.id,
        ticket.service_id,
        ticket.lane,
        ticket.queue_key,
        ticket.priority == Priority.GREEN,
        ticket.target_window_id,
    )
    return wait_forecast(s, hall, me, now, profile)


def waiting_by_service(s: Session, settings: HallSettings, day: date) -> dict[int, int]:
    """How many of the day's tickets wait, by service id."""
    rows = s.execute(
        select(Ticket.service_id, func.count(Ticket.id))
        .where(
            Ticket.hall_id == settings.id,
            Ticket.business_day == day,
            Ticket.state == TicketState.WAITING,
        )
        .group_by(Ticket.service_id)
    )
    return {service_id: n for service_id, n in rows}


def windows_in_hand(s: Session, settings: HallSettings) -> list[tuple[Window, Ticket | None]]:
    """The hall's active windows in the catalog's order, each with the ticket in its hands."""
    live = {
        w.id: w
        for w in s.scalars(
            select(Window).where(Window.hall_id == settings.id, Window.active.is_(True))
        )
    }
    in_hand = {
        t.window_id: t
        for t in s.scalars(
            select(Ticket).where(
                in_hand_where(), Ticket.window_id.in_([w.id for w in settings.catalog.windows])
            )
        )
    }
    return [(live[w.id], in_hand.get(w.id)) for w in settings.catalog.windows if w.id in live]
