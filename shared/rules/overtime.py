"""延时服务: extended-hours service.

A clerk who reaches the day's closing time with a matter that can be finished today
finishes it. Every service that ends past closing is recorded by itself, with who, how
long and why; refusing a citizen's request to be served past closing needs a reason and a
supervisor's decision; a monthly report counts them ("8月份延时服务249件").

* The day's closing time is that day's opening's ``close`` (a Saturday with weekend
  service closes at its own time, a summer workday at the summer close); "past closing"
  is after it. A day the hall does not open has no closing time and no extended service.
* Nothing cuts a service off at closing: close of day leaves a ticket in service alone, a
  sign-in holds for the whole business day, and the window operations do not look at the
  hours. `tickets.finish` calls `record_if_extended`, so every path that finishes a ticket
  records it: one `ExtendedService` row and one ``extended_service`` event.
* Why: the latest ``extended_marked`` event of the ticket, when the clerk stated a reason
  (a citizen's request, heavy load or urgency, or another with a note); otherwise
  *unfinished at closing* when the ticket was already in hand (called or in service) at
  closing, else *heavy load* (it was called after closing, for citizens still waiting).
* Minutes are the whole minutes past closing, rounded up, at least one.

Every function runs in the caller's transaction with the caller's ``now``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from math import ceil

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.config.catalog import ClerkEntry
from shared.config.halls import HallSettings
from shared.rules import windows as w
from shared.store.model import (
    Clerk,
    Event,
    EventKind,
    ExtendedDecline,
    ExtendedService,
    ExtendedTrigger,
    Role,
    Ticket,
    Window,
)

#: The reasons a clerk may state; "unfinished at closing" is told by the clock alone.
MARKABLE = (ExtendedTrigger.CITIZEN_REQUEST, ExtendedTrigger.HEAVY_LOAD, ExtendedTrigger.OTHER)


@dataclass(frozen=True)
class ExtendedServiceInfo:
    """One service finished past closing (延时服务)."""

    business_day: date
    number: str  # the ticket
    service_name: str
    window_no: int
    clerk_code: str
    clerk_name: str
    trigger: str  # an `ExtendedTrigger` value
    note: str | None
    closing: datetime
    started_at: datetime
    ended_at: datetime
    minutes: int  # past closing, rounded up


@dataclass(frozen=True)
class DeclineInfo:
    """A citizen's request to be served past closing, refused by a clerk with a reason."""

    id: int
    business_day: date
    at: datetime
    window_no: int
    clerk_code: str
    clerk_name: str
    number: str | None  # the citizen's ticket, if one was named
    reason: str
    state: str  # "pending", "approved" (the refusal stands) or "rejected" (overruled)
    decided_by: str | None = None  # the supervisor's code
    decided_at: datetime | None = None
    decision_note: str | None = None


@dataclass(frozen=True)
class OvertimeRow:
    """Extended services of one window or one clerk in a month."""

    key: str  # the window's number or the clerk's code
    name: str
    count: int
    minutes: int


@dataclass(frozen=True)
class OvertimeMonth:
    """A month's extended services: in total, per window, per clerk; and its declines."""

    year: int
    month: int
    count: int
    minutes: int
    by_window: tuple[OvertimeRow, ...]
    by_clerk: tuple[OvertimeRow, ...]
    declines: tuple[DeclineInfo, ...]


# -- the day's closing time -----------------------------------------------------------


def closing_time(hall: HallSettings, day: date) -> datetime | None:
    """When the hall closes on ``day`` (aware), or None when it does not open that day."""
    opening = hall.opening(day)
    return None if opening is None else hall.at(day, opening.close)


def past_closing(hall: HallSettings, now: datetime) -> bool:
    """True after today's closing time (never on a day the hall does not open)."""
    closing = closing_time(hall, hall.business_day(now))
    return closing is not None and now > closing


def minutes_past(closing: datetime, ended: datetime) -> int:
    """Whole minutes from closing to ``ended``, rounded up, at least one."""
    return max(1, ceil((ended - closing).total_seconds() / 60))


# -- recording --------------------------------------------------------------------------


def record_if_extended(
    s: Session, hall: HallSettings, ticket: Ticket, clerk_code: str, now: datetime
) -> ExtendedService | None:
    """Called by `tickets.finish` for the ticket just finished by ``clerk_code``: past its
    day's closing time, the extended service is recorded (a row and an event)."""
    closing = closing_time(hall, ticket.business_day)
    if closing is None or now <= closing or ticket.window_id is None:
        return None
    window = s.get(Window, ticket.window_id)
    assert window is not None
    clerk = hall.catalog.clerk(clerk_code)
    trigger, note = _trigger(s, hall, ticket, closing)
    started = ticket.started_at or ticket.called_at or now
    minutes = minutes_past(closing, now)
    row = ExtendedService(
        hall_id=hall.id,
        business_day=ticket.business_day,
        window_id=window.id,
        clerk_id=clerk.id,
        ticket_id=ticket.id,
        trigger=trigger,
        note=note,
        closing=closing,
        started_at=started,
        ended_at=now,
        minutes=minutes,
    )
    s.add(row)
    w.event(
        s, hall, now, EventKind.EXTENDED_SERVICE, ticket,
        window=window, clerk=clerk, reason=note,
        business_day=ticket.business_day.isoformat(), trigger=trigger,
        closing=closing, started_at=started, ended_at=now,
        minutes=minutes,
    )  # fmt: skip
    return row


def _trigger(
    s: Session, hall: HallSettings, ticket: Ticket, closing: datetime
) -> tuple[ExtendedTrigger, str | None]:
    marked = s.execute(
        select(Event.data, Event.reason)
        .where(
            Event.hall_id == hall.id,
            Event.ticket_id == ticket.id,
            Event.kind == EventKind.EXTENDED_MARKED,
        )
        .order_by(Event.id.desc())
        .limit(1)
    ).first()
    if marked is not None and marked.data and marked.data.get("trigger"):
        return ExtendedTrigger(marked.data["trigger"]), marked.reason
    # In hand since its last call: called before closing means it was in hand then.
    if ticket.called_at is not None and ticket.called_at <= closing:
        return ExtendedTrigger.UNFINISHED_AT_CLOSING, None
    return ExtendedTrigger.HEAVY_LOAD, None


def mark_extended(
    s: Session,
    hall: HallSettings,
    window_no: int,
    clerk_code: str,
    trigger: ExtendedTrigger,
    note: str | None,
    now: datetime,
) -> Ticket:
    """The clerk states why the ticket in hand is served past closing; the latest
    statement is the trigger recorded when it is finished."""
    at = w.at_window(s, hall, window_no, clerk_code, now)
    ticket = w.ticket_in_hand(s, hall, at)
    closing = closing_time(hall, ticket.business_day)
    if closing is None:
        raise HallError("overtime.no_hours", day=ticket.business_day.isoformat())
    if now <= closing:
        raise HallError("overtime.not_yet", close=f"{hall.local(closing):%H:%M}")
    if trigger not in MARKABLE:
        raise HallError("overtime.trigger_automatic")
    text = (note or "").strip() or None
    if trigger == ExtendedTrigger.OTHER and text is None:
        raise HallError("overtime.note_needed")
    w.event(
        s, hall, now, EventKind.EXTENDED_MARKED, ticket,
        window=at.window, clerk=at.clerk, from_state=ticket.state, reason=text,
        trigger=trigger.value,
    )  # fmt: skip
    return ticket


# -- declining ------------------------------------------------------------------------------


def decline_extended(
    s: Session,
    hall: HallSettings,
    window_no: int,
    clerk_code: str,
    reason: str,
    number: str | None = None,
    *,
    now: datetime,
) -> ExtendedDecline:
    """A citizen asked to be served past closing and the clerk refuses: the reason is
    required and goes to a supervisor, who approves or overrules it (`decide_decline`).
    ``number``: the citizen's ticket of today, if there is one."""
    at = w.at_window(s, hall, window_no, clerk_code, now)
    text = (reason or "").strip()
    if not text:
        raise HallError("overtime.decline_reason")
    day = hall.business_day(now)
    ticket = None
    if number is not None and number.strip():
        ticket = w.ticket_by_number(s, hall, number.strip(), day, lock=False)
    row = ExtendedDecline(
        hall_id=hall.id,
        business_day=day,
        at=now,
        window_id=at.window.id,
        clerk_id=at.clerk.id,
        ticket_id=ticket.id if ticket is not None else None,
        reason=text,
    )
    s.add(row)
    s.flush()
    w.event(
        s, hall, now, EventKind.EXTENDED_DECLINED, ticket,
        window=at.window, clerk=at.clerk,
        from_state=ticket.state if ticket is not None else None, reason=text, decline=row.id,
    )  # fmt: skip
    return row


def decide_decline(
    s: Session,
    hall: HallSettings,
    decline_id: int,
    supervisor_code: str,
    approved: bool,
    note: str | None,
    now: datetime,
) -> ExtendedDecline:
    """A supervisor approves a refusal (it stands) or overrules it; once only."""
    supervisor = hall.catalog.clerk(supervisor_code)
    if supervisor.role != Role.SUPERVISOR:
        raise HallError("overtime.not_supervisor", clerk=supervisor_code)
    row = s.scalars(
        select(ExtendedDecline)
        .where(ExtendedDecline.id == decline_id, ExtendedDecline.hall_id == hall.id)
        .with_for_update()
    ).one_or_none()
    if row is None:
        raise HallError("overtime.decline_unknown", id=decline_id)
    if row.decided_at is not None:
        by = hall.catalog.clerk_by_id(row.decided_by_id)
        raise HallError(
            "overtime.decline_decided",
            id=decline_id,
            clerk=by.name if by else "",
            at=f"{hall.local(row.decided_at):%Y-%m-%d %H:%M}",
        )
    text = (note or "").strip() or None
    row.decided_by_id = supervisor.id
    row.decided_at = now
    row.approved = approved
    row.decision_note = text
    ticket = s.get(Ticket, row.ticket_id) if row.ticket_id is not None else None
    w.event(
        s, hall, now, EventKind.DECLINE_DECIDED, ticket,
        window=s.get(Window, row.window_id), clerk=supervisor,
        from_state=ticket.state if ticket is not None else None, reason=text,
        decline=row.id, approved=approved,
    )  # fmt: skip
    return row


# -- reading ----------------------------------------------------------------------------------


def _window_name(s: Session, hall: HallSettings, window_id: int) -> tuple[int, str]:
    entry = hall.catalog.window_by_id(window_id)
    if entry is not None:
        return entry.number, entry.name
    row = s.get(Window, window_id)  # a window retired since
    assert row is not None
    return row.number, row.name


def _clerk(s: Session, hall: HallSettings, clerk_id: int) -> ClerkEntry | Clerk:
    entry = hall.catalog.clerk_by_id(clerk_id)
    if entry is not None:
        return entry
    row = s.get(Clerk, clerk_id)  # a clerk added since the catalogue was read
    assert row is not None
    return row


def extended_info(s: Session, hall: HallSettings, row: ExtendedService) -> ExtendedServiceInfo:
    ticket = s.get(Ticket, row.ticket_id)
    assert ticket is not None
    clerk = _clerk(s, hall, row.clerk_id)
    return ExtendedServiceInfo(
        business_day=row.business_day,
        number=ticket.number,
        service_name=hall.catalog.service_of(s, ticket.service_id).name,
        window_no=_window_name(s, hall, row.window_id)[0],
        clerk_code=clerk.code,
        clerk_name=clerk.name,
        trigger=row.trigger.value,
        note=row.note,
        closing=row.closing,
        started_at=row.started_at,
        ended_at=row.ended_at,
        minutes=row.minutes,
    )


def decline_info(s: Session, hall: HallSettings, row: ExtendedDecline) -> DeclineInfo:
    clerk = _clerk(s, hall, row.clerk_id)
    ticket = s.get(Ticket, row.ticket_id) if row.ticket_id is not None else None
    by = _clerk(s, hall, row.decided_by_id) if row.decided_by_id is not None else None
    state = "pending" if row.approved is None else "approved" if row.approved else "rejected"
    return DeclineInfo(
        id=row.id,
        business_day=row.business_day,
        at=row.at,
        window_no=_window_name(s, hall, row.window_id)[0],
        clerk_code=clerk.code,
        clerk_name=clerk.name,
        number=ticket.number if ticket is not None else None,
        reason=row.reason,
        state=state,
        decided_by=by.code if by is not None else None,
        decided_at=row.decided_at,
        decision_note=row.decision_note,
    )


def extended_services(s: Session, hall: HallSettings, day: date) -> list[ExtendedServiceInfo]:
    """The services of ``day`` finished past closing, in the order they ended."""
    rows = s.scalars(
        select(ExtendedService)
        .where(ExtendedService.hall_id == hall.id, ExtendedService.business_day == day)
        .order_by(ExtendedService.ended_at, ExtendedService.id)
    )
    return [extended_info(s, hall, r) for r in rows]


def declines(
    s: Session,
    hall: HallSettings,
    *,
    pending_only: bool = True,
    since: date | None = None,
    until: date | None = None,
) -> list[DeclineInfo]:
    """Refused requests, oldest first: those waiting for a decision, or all of them
    (business days from ``since``, before ``until``)."""
    q = select(ExtendedDecline).where(ExtendedDecline.hall_id == hall.id)
    if pending_only:
        q = q.where(ExtendedDecline.decided_at.is_(None))
    if since is not None:
        q = q.where(ExtendedDecline.business_day >= since)
    if until is not None:
        q = q.where(ExtendedDecline.business_day < until)
    rows = s.scalars(q.order_by(ExtendedDecline.at, ExtendedDecline.id))
    return [decline_info(s, hall, r) for r in rows]


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The month's first day and the next month's first day."""
    if not 1 <= month <= 12 or not 2000 <= year <= 9999:
        raise HallError("overtime.bad_month", month=f"{year}-{month:02d}")
    first = date(year, month, 1)
    return first, date(year + month // 12, month % 12 + 1, 1)


def month_report(s: Session, hall: HallSettings, year: int, month: int) -> OvertimeMonth:
    """Extended services of a month (by business day): count and minutes in total, per
    window and per clerk; and the month's refused requests with their state."""
    first, after = month_bounds(year, month)
    in_month = (
        ExtendedService.hall_id == hall.id,
        ExtendedService.business_day >= first,
        ExtendedService.business_day < after,
    )
    count, minutes = s.execute(
        select(func.count(ExtendedService.id), func.coalesce(func.sum(ExtendedService.minutes), 0))
        .where(*in_month)
    ).one()  # fmt: skip
    by_window = []
    for window_id, n, m in s.execute(
        select(ExtendedService.window_id, func.count(), func.sum(ExtendedService.minutes))
        .where(*in_month)
        .group_by(ExtendedService.window_id)
    ):
        number, name = _window_name(s, hall, window_id)
        by_window.append((number, OvertimeRow(str(number), name, int(n), int(m))))
    by_clerk = []
    for clerk_id, n, m in s.execute(
        select(ExtendedService.clerk_id, func.count(), func.sum(ExtendedService.minutes))
        .where(*in_month)
        .group_by(ExtendedService.clerk_id)
    ):
        clerk = _clerk(s, hall, clerk_id)
        by_clerk.append(OvertimeRow(clerk.code, clerk.name, int(n), int(m)))
    return OvertimeMonth(
        year=year,
        month=month,
        count=int(count),
        minutes=int(minutes),
        by_window=tuple(row for _, row in sorted(by_window, key=lambda pair: pair[0])),
        by_clerk=tuple(sorted(by_clerk, key=lambda row: row.key)),
        declines=tuple(declines(s, hall, pending_only=False, since=first, until=after)),
    )
