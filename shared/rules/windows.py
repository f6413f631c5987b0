"""A window and who works it: the window's row locked for an operation, the ticket in its
hands, the clerk signed in at it today, their password, and the hall's event log.

The rules' modules build on these (`shared.rules.tickets`, `signin`, `posts`, `coverage`,
`overtime`): they are the pieces every window operation starts with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.config.catalog import ClerkEntry
from shared.config.halls import HallSettings, verify_password
from shared.store.db import record
from shared.store.model import Clerk, EventKind, Ticket, TicketState, Window, in_hand_where

_WINDOW_LOCKED = select(Window).where(Window.id == bindparam("window_id")).with_for_update()
_IN_HAND = (
    select(Ticket)
    .where(Ticket.window_id == bindparam("window_id"), in_hand_where())
    .with_for_update()
)


def lock_window(s: Session, hall: HallSettings, number: int) -> Window:
    """The window's row (its live state), locked until commit: one operation at a time."""
    entry = hall.catalog.window(number)
    window = s.scalars(_WINDOW_LOCKED, {"window_id": entry.id}).one_or_none()
    if window is None or not window.active:
        raise HallError("window.unknown", window=number)
    return window


def ticket_by_number(
    s: Session, hall: HallSettings, number: str, day: date, *, lock: bool = True
) -> Ticket:
    q = select(Ticket).where(
        Ticket.hall_id == hall.id, Ticket.business_day == day, Ticket.number == number.upper()
    )
    if lock:
        q = q.with_for_update()
    ticket = s.scalars(q).one_or_none()
    if ticket is None:
        raise HallError("ticket.unknown", number=number.upper())
    return ticket


def in_hand(s: Session, window: Window) -> Ticket | None:
    return s.scalars(_IN_HAND, {"window_id": window.id}).one_or_none()


def event(
    s: Session,
    hall: HallSettings,
    now: datetime,
    kind: EventKind,
    ticket: Ticket | None = None,
    *,
    window: Window | None = None,
    clerk: ClerkEntry | Clerk | None = None,
    from_state: TicketState | None = None,
    reason: str | None = None,
    **data: object,
) -> None:
    """One event on the hall's append-only log (``data``: its details, None left out)."""
    record(
        s,
        ticket,
        hall_id=hall.id,
        at=now,
        kind=kind,
        window_id=window.id if window else None,
        clerk_id=clerk.id if clerk else None,
        from_state=from_state,
        to_state=ticket.state if ticket is not None else None,
        reason=reason,
        data={k: v for k, v in data.items() if v is not None} or None,
    )


# -- the window's operations: who works it ------------------------------------------


@dataclass
class At:
    """A window operation's context: the locked window and the clerk at it."""

    window: Window
    clerk: ClerkEntry


def at_window(
    s: Session,
    hall: HallSettings,
    window_no: int,
    clerk_code: str,
    now: datetime,
    *,
    resume_paused: bool = True,
) -> At:
    window = lock_window(s, hall, window_no)
    clerk = hall.catalog.clerk(clerk_code)
    if not signed_in_today(hall, window, now) or window.clerk_id != clerk.id:
        # Only the clerk signed in at the window works it: a clerk code alone is not enough.
        other = hall.catalog.clerk_by_id(window.clerk_id)
        if signed_in_today(hall, window, now) and other is not None:
            raise HallError("window.signed_in_by_other", window=window_no, clerk=other.name)
        raise HallError("window.not_signed_in", window=window_no, clerk=clerk_code)
    if resume_paused and window.paused:
        # Any operation key resumes a paused window (暂停后按任意操作键恢复).
        window.paused = False
        event(s, hall, now, EventKind.RESUMED, window=window, clerk=clerk, automatic=True)
    return At(window, clerk)


def signed_in_today(hall: HallSettings, window: Window, now: datetime) -> bool:
    """A clerk is signed in at the window, since the start of today's business day: a
    sign-in holds for the day it was made (clerks sign in each morning)."""
    return (
        window.signed_in_at is not None
        and window.clerk_id is not None
        and window.signed_in_at >= hall.day_start(hall.business_day(now))
    )


def ticket_in_hand(s: Session, hall: HallSettings, at: At) -> Ticket:
    ticket = in_hand(s, at.window)
    if ticket is None:
        raise HallError("window.no_ticket", window=at.window.number)
    refuse_other_clerk(hall, at, ticket)
    return ticket


def refuse_other_clerk(hall: HallSettings, at: At, ticket: Ticket) -> None:
    if ticket.clerk_id is not None and ticket.clerk_id != at.clerk.id:
        other = hall.catalog.clerk_by_id(ticket.clerk_id)
        raise HallError(
            "window.other_clerk",
            window=at.window.number,
            clerk=other.name if other else "",
            number=ticket.number,
        )


def require_free(s: Session, hall: HallSettings, at: At) -> None:
    ticket = in_hand(s, at.window)
    if ticket is None:
        return
    refuse_other_clerk(hall, at, ticket)
    raise HallError("window.ticket_in_hand", window=at.window.number, number=ticket.number)


# -- signing in and out ----------------------------------------------------------------

MAX_WRONG = 5
LOCK_MINUTES = 5


def clerk_row(s: Session, hall: HallSettings, code: str) -> Clerk:
    entry = hall.catalog.clerk(code)  # unknown or inactive: refused here
    row = s.scalars(select(Clerk).where(Clerk.id == entry.id).with_for_update()).one()
    return row


def signed_in_window(s: Session, hall: HallSettings, clerk: Clerk) -> Window | None:
    return s.scalars(
        select(Window)
        .where(
            Window.hall_id == hall.id,
            Window.clerk_id == clerk.id,
            Window.signed_in_at.is_not(None),
        )
        .with_for_update()
    ).first()


def check_password(
    s: Session, hall: HallSettings, code: str, password: str, window_no: int | None, now: datetime
) -> tuple[Clerk, HallError | None]:
    """The clerk's row (locked) and None, or the refusal: locked, no password, or a wrong
    one (recorded, counted, and locking the clerk at the fifth in a row)."""
    clerk = clerk_row(s, hall, code)
    if clerk.locked_until is not None and clerk.locked_until > now:
        left = max(1, -(-int((clerk.locked_until - now).total_seconds()) // 60))
        return clerk, HallError("clerk.locked", clerk=code, minutes=left)
    if not clerk.password_hash:
        return clerk, HallError("clerk.no_password", clerk=code)
    if not verify_password(clerk.password_hash, password):
        clerk.failed_sign_ins += 1
        locked = clerk.failed_sign_ins >= MAX_WRONG
        record(  # not `event`: the window goes in the data, by number, as typed
            s,
            None,
            hall_id=hall.id,
            at=now,
            kind=EventKind.SIGN_IN_FAILED,
            clerk_id=clerk.id,
            data={"window": window_no, "attempts": clerk.failed_sign_ins, "locked": locked},
        )
        if locked:
            clerk.failed_sign_ins = 0
            clerk.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            return clerk, HallError("clerk.locked", clerk=code, minutes=LOCK_MINUTES)
        left = MAX_WRONG - clerk.failed_sign_ins
        return clerk, HallError("clerk.bad_password", clerk=code, left=left)
    clerk.failed_sign_ins = 0
    clerk.locked_until = None
    return clerk, None


def end_sign_in(
    s: Session,
    hall: HallSettings,
    window: Window,
    clerk: Clerk,
    now: datetime,
    reason: str | None = None,
) -> None:
    window.signed_in_at = None
    window.clerk_id = None
    event(s, hall, now, EventKind.SIGNED_OUT, window=window, clerk=clerk, reason=reason)
